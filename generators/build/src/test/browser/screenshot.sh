#!/usr/bin/env bash
# Renders a Kordon report in headless Chromium and writes a PNG screenshot, so that a person can look at the page.
#
#   generators/build/src/test/browser/screenshot.sh [index.html] [screenshot.png] [width,height]
#
# Defaults: the fixture report that ReportGoldenTest writes during the module's tests
# (generators/build/target/kordon-report/index.html), target/kordon-report/report.png, 1400,2000.
# Installs nothing: it needs Debian's chromium package (/usr/bin/chromium); install it with
# `apt-get install -y chromium`. The page itself loads nothing from the network.
set -euo pipefail

module="$(cd "$(dirname "$0")/../../.." && pwd)"
page="${1:-$module/target/kordon-report/index.html}"
png="${2:-$module/target/kordon-report/report.png}"
size="${3:-1400,2000}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [[ ! -x "$chromium" ]]; then
  echo "no Chromium at $chromium: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM" >&2
  exit 2
fi
if [[ ! -f "$page" ]]; then
  echo "no report at $page: run mvn -B -o -pl generators/build -am verify first, or name an index.html" >&2
  exit 2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$(dirname "$png")"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$(realpath -m "$png")" --window-size="$size" "file://$(realpath "$page")" 2>"$profile/chromium.log" || {
  cat "$profile/chromium.log" >&2
  exit 1
}
echo "wrote $png"
