#!/usr/bin/env bash
# Prints the kiosk's start-up and memory figures (DESIGN.md "Numbers"): cold start to the first
# Welcome frame painted, release build, software renderer, under Xvfb; and the memory (PSS) of
# the kiosk idling on Welcome.
#
#   scripts/measure-kiosk.sh            (CONCIERGE_BIN=… to use a built binary)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CONCIERGE_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release
    bin=target/release/concierge
fi
command -v Xvfb >/dev/null || { echo "needs Xvfb: apt-get install xvfb" >&2; exit 1; }
data=$(mktemp -d)
# Xvfb picks a free display and says which (-displayfd): never another program's X server.
mkfifo "$data/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$data/display" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
read -r number <"$data/display"
export DISPLAY=":$number" XDG_CONFIG_HOME="$data/no-config" WAYLAND_DISPLAY=''

echo "first start (creates and seeds the demo airline):"
"$bin" --data-dir "$data" run --startup-probe 2>/dev/null
echo "later starts:"
for _ in 1 2 3 4 5; do
    "$bin" --data-dir "$data" run --startup-probe 2>/dev/null
done

"$bin" --data-dir "$data" run 2>/dev/null &
kiosk=$!
sleep 4
pss=$(awk '/^Pss:/ {print $2}' "/proc/$kiosk/smaps_rollup")
rss=$(awk '/^Rss:/ {print $2}' "/proc/$kiosk/smaps_rollup")
kill "$kiosk"
awk -v p="$pss" -v r="$rss" 'BEGIN { printf "on Welcome: PSS %.1f MiB, RSS %.1f MiB\n", p / 1024, r / 1024 }'
