#!/usr/bin/env bash
# Runs the real kiosk in a window under Xvfb (software renderer) through every screen, in
# English, Urdu and Arabic (Welcome and Greeting in every other language), and writes
# docs/screenshots/<screen>-<locale>.png. The kiosk takes the
# pictures itself (`run --tour`), each once its screen has been drawn.
#
#   scripts/screenshots.sh [OUT_DIR]        (CONCIERGE_BIN=… to use a built binary)
#   SCREEN=1280x720 scripts/screenshots.sh /tmp/720   (another screen: the kiosk runs full
#                                                      screen on it, as on a real kiosk)
#   SCREEN=1080x1920 ONLY=welcome,identify,seats,help scripts/screenshots.sh DIR
#                                    (those screens only, in English, Urdu and Arabic)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
bin=${CONCIERGE_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release
    bin=target/release/concierge
fi
command -v Xvfb >/dev/null || { echo "needs Xvfb: apt-get install xvfb" >&2; exit 1; }
mkdir -p "$out"
screen=${SCREEN:-}
window=--windowed
[ -n "$screen" ] && window=
# Xvfb picks a free display and says which (-displayfd): never another program's X server.
said=$(mktemp -u)
mkfifo "$said"
Xvfb -displayfd 3 -screen 0 "${screen:-1280x800}x24" -nolisten tcp 3>"$said" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
read -r number <"$said"
rm -f "$said"
tour() { # locale [screens]
    data=$(mktemp -d)
    DISPLAY=":$number" XDG_CONFIG_HOME="$data/no-config" WAYLAND_DISPLAY='' \
        "$bin" --data-dir "$data" run $window --tour "$out" --locale "$1" ${2:+--only "$2"} \
        2>/dev/null
    rm -rf "$data"
}
if [ -n "${ONLY:-}" ]; then
    # Another panel: the main screens in English, Urdu and Arabic.
    for locale in en-US ur-PK ar; do tour "$locale" "$ONLY"; done
else
    # Every screen in English, Urdu and Arabic; Welcome and Greeting in every other language.
    for locale in en-US ur-PK ar; do tour "$locale"; done
    for locale in es-ES fr-FR de-DE hi-IN zh-CN; do tour "$locale" welcome,greeting; done
fi
ls "$out"/*-*.png | grep -v desk | wc -l | xargs echo "screenshots written:"
