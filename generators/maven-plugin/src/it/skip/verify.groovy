// kordon.skip skips every goal.
String log = new File(basedir, 'build.log').text
assert log.contains('kordon: skipped (kordon.skip)')
assert !new File(basedir, 'target/kordon').exists()
return true
