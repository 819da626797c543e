// docs/getting-started.md, at its end: the plugin generated both targets and the reachability test passed on each.
assert new File(basedir, 'target/kordon/kubernetes/hello/networkpolicy-hello-allow-api-to-db-ingress.yaml').isFile()
assert new File(basedir, 'target/kordon/cilium/kustomization.yaml').isFile()
String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
return true
