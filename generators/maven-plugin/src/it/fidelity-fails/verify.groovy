// A target that cannot enforce an intent as declared fails the build before anything is written.
String log = new File(basedir, 'build.log').text
assert log.contains('kordon-maven-plugin')
assert log.contains('allow-sa-frontend-to-backend')
assert log.contains('L4_ONLY') || log.contains('l4-only')
assert !new File(basedir, 'target/kordon/kubernetes').exists()
return true
