// The catalog class was generated and compiled with the policies that use it; the import wrote a provider per
// namespace and its registration.
assert new File(basedir, 'target/generated-sources/kordon/com/example/shop/Workloads.java').isFile()
assert new File(basedir, 'target/classes/com/example/shop/Workloads$Shop.class').isFile()
assert new File(basedir, 'target/kordon/cilium/kustomization.yaml').isFile()
File imported = new File(basedir, 'target/kordon-import')
String services = new File(imported, 'resources/META-INF/services/dev.kordon.dsl.spi.PolicySetProvider').text
assert services.startsWith('com.example.imported.')
String log = new File(basedir, 'build.log').text
assert log.contains('everything was imported')
return true
