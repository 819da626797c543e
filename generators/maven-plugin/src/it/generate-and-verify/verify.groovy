// The manifests were generated, the committed copies match them, and no access widened.
File output = new File(basedir, 'target/kordon')
assert new File(output, 'cilium/kustomization.yaml').isFile()
assert new File(output, 'cilium/fidelity.txt').text.startsWith('fidelity on target cilium: 7 intents, 7 exact')
assert new File(output, 'kubernetes+istio/kustomization.yaml').isFile()
assert !new File(output, 'calico').exists()
String log = new File(basedir, 'build.log').text
assert log.contains('kordon: cilium: 8 objects written in')
assert log.contains('kordon: verified; no drift from')
assert log.contains('; no access beyond the baseline in')
// The report: one static page and a Markdown summary.
File report = new File(basedir, 'target/kordon-report')
String html = new File(report, 'index.html').text
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('shop/database')
assert !html.contains('<script')
assert new File(report, 'summary.md').text.contains('cilium')
assert log.contains('kordon: wrote ')
return true
