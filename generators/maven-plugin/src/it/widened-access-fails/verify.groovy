// A connection the reviewed baseline does not have fails the build, naming it; one that disappeared is a warning.
String log = new File(basedir, 'build.log').text
assert log.contains('kordon: access widened against the reachability baseline (1 connection):')
assert log.contains('+ cilium: shop/backend[Deployment] => shop/database[StatefulSet] : TCP 5432 (new)')
assert log.contains('[WARNING]   - kubernetes+istio: shop/frontend[Deployment] => shop/database[StatefulSet] : TCP 5432 (gone)')
assert log.contains('fix: if the new access is intended, run with -Dkordon.updateBaseline and commit the baseline')
return true
