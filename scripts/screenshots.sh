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
#   CUSS2=1 scripts/screenshots.sh DIR  (the kiosk as an application on the open CUSS 2
#                                    platform simulator, cuss2-sim: it prints through the
#                                    platform; what printed is kept in DIR/cuss2-printed)
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
config=()
if [ -n "${CUSS2:-}" ]; then
    # The platform simulator on a free port; its first line says where.
    sim_dir=$(mktemp -d)
    "$(dirname "$bin")/cuss2-sim" --listen 127.0.0.1:0 --out "$sim_dir/out" >"$sim_dir/said" 2>/dev/null &
    sim=$!
    trap 'kill $xvfb $sim 2>/dev/null || true; rm -rf "$sim_dir"' EXIT
    for _ in $(seq 100); do [ -s "$sim_dir/said" ] && break; sleep 0.05; done
    address=$(sed -n 's|.*http://\([^/]*\)/.*|\1|p' "$sim_dir/said" | head -1)
    echo demo-secret >"$sim_dir/secret"
    printf '[devices]\nplatform = "cuss2"\n[cuss2]\nurl = "ws://%s/platform/subscribe"\nclient_id = "concierge"\nsecret_file = "%s"\n' \
        "$address" "$sim_dir/secret" >"$sim_dir/concierge.toml"
    config=(--config "$sim_dir/concierge.toml")
fi
tour() { # locale [screens]
    data=$(mktemp -d)
    DISPLAY=":$number" XDG_CONFIG_HOME="$data/no-config" WAYLAND_DISPLAY='' \
        "$bin" --data-dir "$data" "${config[@]}" run $window --tour "$out" --locale "$1" \
        ${2:+--only "$2"} 2>/dev/null
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
if [ -n "${CUSS2:-}" ]; then
    mkdir -p "$out/cuss2-printed"
    cp "$sim_dir"/out/documents/* "$out/cuss2-printed/"
    ls "$out/cuss2-printed" | wc -l | xargs echo "documents the platform printed:"
fi
