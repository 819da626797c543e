// Every file that differs from the committed manifests is listed, edited and stale alike.
String log = new File(basedir, 'build.log').text
assert log.contains('kordon: the committed manifests differ from the generated ones (2 differences):')
assert log.contains('cilium/shop/ciliumnetworkpolicy-removed-intent.yaml: committed, no longer generated')
assert log =~ /cilium\/shop\/[a-z0-9-]+\.yaml: differs from the generated file \(line \d+: committed '.*', generated '.*'\)/
return true
