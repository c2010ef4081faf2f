#!/usr/bin/env bash
# The Debian package, as an operator meets it: built with cargo-deb (the lean `deb` profile),
# checked (lintian: errors fail, warnings are printed; each systemd unit's sandbox exposure, from
# `systemd-analyze security`, must stay under its ceiling), installed with apt, and run from the
# installed paths — `concierge --version`, the config check of the installed config, a check-in
# as the kiosk's own user — with its systemd units, man page, desktop entry and user in place.
# Purges the package again at the end (its config too, so the machine is as before).
# packaging/linux/boot-test.sh goes further: it boots the package with systemd as PID 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

need=()
command -v lintian >/dev/null 2>&1 || need+=(lintian)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
if ((${#need[@]})); then
  echo "deb: installing ${need[*]}" >&2
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# Each unit's "Overall exposure level" (0 safe .. 10 exposed) may not rise above its ceiling:
# the measured levels (docs/systemd-boot.md) plus a little. Loosening a sandbox fails here.
declare -A max_exposure=([concierge-kiosk]=1.8 [concierge-desk]=1.3 [concierge-airline]=1.1)
for name in "${!max_exposure[@]}"; do
  level=$(systemd-analyze security --offline=true --no-pager "packaging/linux/$name.service" 2>/dev/null \
    | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' || true)
  [ -n "$level" ] || { echo "deb: no exposure level for $name.service" >&2; exit 1; }
  echo "deb: $name.service exposure $level (ceiling ${max_exposure[$name]})"
  if awk -v l="$level" -v m="${max_exposure[$name]}" 'BEGIN { exit !(l > m) }'; then
    echo "deb: $name.service is more exposed ($level) than ${max_exposure[$name]}:" >&2
    systemd-analyze security --offline=true --no-pager "packaging/linux/$name.service" | grep '✗' >&2
    exit 1
  fi
done

command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked --no-default-features
rm -f target/debian/concierge_*.deb
# The binary first: the package carries the man page it prints.
cargo build --profile deb
mkdir -p target/man
target/deb/concierge manpage >target/man/concierge.1
grep -q '^\.TH' target/man/concierge.1 || { echo "deb: concierge manpage printed no man page" >&2; exit 1; }
gzip -9nf target/man/concierge.1
cargo deb --profile deb --no-build
deb=$(ls target/debian/concierge_*.deb | head -n 1)
echo "deb: built $deb ($(du -h "$deb" | cut -f1))"
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/concierge ./etc/concierge/concierge.toml \
    ./usr/share/concierge/locales/ur-PK/ui.ftl ./usr/share/concierge/fonts/NotoNaskhArabic-Regular.ttf \
    ./usr/share/applications/concierge.desktop ./usr/share/icons/hicolor/scalable/apps/concierge.svg \
    ./usr/share/man/man1/concierge.1.gz ./usr/share/doc/concierge/changelog.Debian.gz \
    concierge-kiosk.service concierge-desk.service concierge-airline.service; do
  grep -q -- "$path" <<<"$contents" || { echo "deb: $path is missing from the package" >&2; exit 1; }
done

# lintian: errors fail, warnings are shown (intended tags: debian/concierge.lintian-overrides).
lintian_out=$(lintian --fail-on none "$deb" 2>&1) || true
[ -z "$lintian_out" ] || printf '%s\n' "$lintian_out"
if grep -q '^E: ' <<<"$lintian_out"; then
  echo "deb: lintian reports errors" >&2
  exit 1
fi
echo "deb: lintian: $(grep -c '^E: ' <<<"$lintian_out" || true) errors, $(grep -c '^W: ' <<<"$lintian_out" || true) warnings"

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
# One user per service, each unit naming its config: no service reads a config another
# service's user could plant in its home.
for service in desk airline; do
  getent passwd "concierge-$service" >/dev/null || { echo "deb: no concierge-$service user" >&2; exit 1; }
done
for name in kiosk desk airline; do
  u=$(dirname "$unit")/concierge-$name.service
  grep -q -- '--config /etc/concierge/concierge.toml' "$u" \
    || { echo "deb: $name's unit does not pass --config" >&2; exit 1; }
done
users=$(for name in kiosk desk airline; do sed -n 's/^User=//p' "$(dirname "$unit")/concierge-$name.service"; done | sort -u | wc -l)
[ "$users" = 3 ] || { echo "deb: the three units do not run as three users" >&2; exit 1; }
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify --man=no "$unit" 2>&1 | grep -v -e 'cage' -e 'Failed to prepare' || true
  for name in desk airline; do
    systemd-analyze verify --man=no "$(dirname "$unit")/concierge-$name.service" 2>&1 \
      | grep -v -e 'Failed to prepare' || true
  done
fi

# The installed program works as the kiosk's user, from a data directory of its own.
data=$(mktemp -d)
chown concierge "$data" 2>/dev/null || $sudo chown concierge "$data"
$sudo runuser -u concierge -- /usr/bin/concierge --data-dir "$data" \
  checkin --booking DEMO01 --surname desmarais --json >"$data/out.json"
grep -q '"sequence":1' "$data/out.json" || { cat "$data/out.json"; exit 1; }
rm -rf "$data"
echo "deb: installed, checked and ran: ok"
