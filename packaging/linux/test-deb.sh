#!/usr/bin/env bash
# The Debian package, as an operator meets it: built with cargo-deb (the lean `deb` profile),
# installed with apt, and run from the installed paths — `concierge --version`, the config
# check of the installed config, a check-in as the kiosk's own user — with its systemd units,
# desktop entry and user in place. Purges the package again at the end (its config too, so the
# machine is as before).
set -euo pipefail
cd "$(dirname "$0")/../.."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked --no-default-features
rm -f target/debian/concierge_*.deb
cargo deb --profile deb
deb=$(ls target/debian/concierge_*.deb | head -n 1)
echo "deb: built $deb ($(du -h "$deb" | cut -f1))"
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/concierge ./etc/concierge/concierge.toml \
    ./usr/share/concierge/locales/ur-PK/ui.ftl ./usr/share/concierge/fonts/NotoNaskhArabic-Regular.ttf \
    ./usr/share/applications/concierge.desktop ./usr/share/icons/hicolor/scalable/apps/concierge.svg \
    concierge-kiosk.service concierge-desk.service; do
  grep -q -- "$path" <<<"$contents" || { echo "deb: $path is missing from the package" >&2; exit 1; }
done

trap '$sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q concierge >/dev/null 2>&1 || true' EXIT
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "./$deb"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
/usr/bin/concierge --version | grep -qx "concierge $version" \
  || { echo "deb: the installed concierge is not $version" >&2; exit 1; }
/usr/bin/concierge config check /etc/concierge/concierge.toml
unit=$(ls /lib/systemd/system/concierge-kiosk.service /usr/lib/systemd/system/concierge-kiosk.service 2>/dev/null | head -n 1)
[ -n "$unit" ] || { echo "deb: no concierge-kiosk.service installed" >&2; exit 1; }
grep -q '^WatchdogSec=' "$unit" && grep -q '^Restart=always' "$unit" && grep -q 'cage' "$unit"
getent passwd concierge >/dev/null || { echo "deb: no concierge user" >&2; exit 1; }
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify --man=no "$unit" 2>&1 | grep -v -e 'cage' -e 'Failed to prepare' || true
fi

# The installed program works as the kiosk's user, from a data directory of its own.
data=$(mktemp -d)
chown concierge "$data" 2>/dev/null || $sudo chown concierge "$data"
$sudo runuser -u concierge -- /usr/bin/concierge --data-dir "$data" \
  checkin --booking DEMO01 --surname desmarais --json >"$data/out.json"
grep -q '"sequence":1' "$data/out.json" || { cat "$data/out.json"; exit 1; }
rm -rf "$data"
echo "deb: installed, checked and ran: ok"
