#!/usr/bin/env bash
# Boots the Debian package for real: a minimal Debian (debootstrap, the host's release and
# mirror) with systemd as PID 1 in a systemd-nspawn container, the package installed with apt as
# an operator would, then each unit started and timed until systemd has its READY=1:
#
#   concierge-airline  `concierge airline serve`, with the key an operator gives it
#                      ([airline] key_file, a root:concierge 0640 file)
#   concierge-desk     the agent desk
#   concierge-kiosk    enabled by the package, so it starts at boot; cage runs headless
#                      (a drop-in made here only: the container has no screen, no tty1)
#
# then the units' status and journals, their sandbox as systemd measures it on the running
# system, and a check that the sandbox holds. Needs root, debootstrap and systemd-nspawn (both
# installed with apt when missing) and a kernel that lets nspawn boot (cgroups, namespaces).
#
#   packaging/linux/boot-test.sh [DEB]       DEB: the package (default: the newest in
#                                            target/debian/, built as test-deb.sh does if none)
#   BOOT_TEST_DIR=/var/tmp/concierge-boot    where the cached base system and the run live
#   BOOT_TEST_KEEP=1                         keep the container's tree afterwards
#   BOOT_TEST_EVIDENCE=FILE                  also write the evidence (status, journals) there
#
# The first run downloads the base system (~1.5 min on a good line); later runs copy it.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
started=$(date +%s.%N)
say() { printf 'boot-test: %s\n' "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

[ "$(id -u)" -eq 0 ] || exec sudo --preserve-env=BOOT_TEST_DIR,BOOT_TEST_KEEP,BOOT_TEST_EVIDENCE "$0" "$@"

need=()
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v systemd-nspawn >/dev/null 2>&1 || need+=(systemd-container)
if ((${#need[@]})); then
  say "installing ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# The package.
deb=${1:-}
if [ -z "$deb" ]; then
  deb=$(ls -t target/debian/concierge_*.deb 2>/dev/null | head -n 1 || true)
  if [ -z "$deb" ]; then
    say "no package in target/debian: building it (cargo build --profile deb, cargo deb)"
    command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked --no-default-features
    cargo build --profile deb
    mkdir -p target/man
    target/deb/concierge manpage >target/man/concierge.1
    gzip -9nf target/man/concierge.1
    cargo deb --profile deb --no-build
    deb=$(ls -t target/debian/concierge_*.deb | head -n 1)
  fi
fi
[ -f "$deb" ] || die "no package $deb"
deb=$(realpath "$deb")
say "package: $deb"

# The base system: the host's release from the host's mirror (the binary is built against the
# host's libraries), with what the units need; cached, and copied afresh for every run.
dir=${BOOT_TEST_DIR:-/var/tmp/concierge-boot}
. /etc/os-release
suite=${VERSION_CODENAME:-bookworm}
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null \
  | grep -v security | head -n 1 || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' \
  /etc/apt/sources.list 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}
base="$dir/base-$suite"
mkdir -p "$dir"
if [ ! -e "$base/.complete" ]; then
  t=$(date +%s.%N)
  say "debootstrap $suite from $mirror into $base"
  rm -rf "$base"
  debootstrap --variant=minbase \
    --include=systemd,systemd-sysv,dbus,libpam-systemd,ca-certificates,cage,xwayland,seatd,procps \
    "$suite" "$base" "$mirror" >"$dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$dir/debootstrap.log" >&2; die "debootstrap (log: $dir/debootstrap.log)"; }
  echo concierge-boot-test >"$base/etc/hostname"
  touch "$base/.complete"
  say "base system ready in $(elapsed "$t") s"
fi
root="$dir/root"
rm -rf "$root"
cp -a "$base" "$root"
rm -f "$root/.complete"

nspawn=(systemd-nspawn --quiet --register=no --keep-unit -D "$root")
inside() { "${nspawn[@]}" --pipe "$@"; }

# Installed as an operator would: apt, then the key in the config.
t=$(date +%s.%N)
cp "$deb" "$root/root/"   # not /tmp: nspawn mounts a fresh one
inside env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "/root/$(basename "$deb")" >"$dir/install.log" 2>&1 \
  || { tail -n 20 "$dir/install.log" >&2; die "apt-get install the package (log: $dir/install.log)"; }
say "installed with apt in $(elapsed "$t") s"
# One box runs all three: the kiosk pages the desk service (else it would run its own demo
# desk, on the desk's port), and the airline service gets its key.
inside sh -euc '
  umask 027
  for key in airline desk; do
    head -c 32 /dev/urandom | od -An -tx1 | tr -d " \n" >/etc/concierge/$key.key
    chown root:concierge /etc/concierge/$key.key
  done
  conf=/etc/concierge/concierge.toml
  sed -i "s|^# key_file = \"/etc/concierge/airline.key\"|key_file = \"/etc/concierge/airline.key\"|" $conf
  grep -q "^key_file = \"/etc/concierge/airline.key\"" $conf
  kiosk=$(sed -n "s/^id = \"\(.*\)\"/\1/p" $conf | head -n 1)
  cat >>$conf <<EOF

[[help.targets]]
kind = "desk"
url = "http://127.0.0.1:8787"
secret_file = "/etc/concierge/desk.key"

[[desk.kiosks]]
id = "$kiosk"
secret_file = "/etc/concierge/desk.key"
EOF
  concierge config check $conf
'
# The container has no screen and no tty1: cage runs headless and the kiosk keeps no terminal.
# Everything else (sandbox, user, PAM session, watchdog) is the shipped unit's.
mkdir -p "$root/etc/systemd/system/concierge-kiosk.service.d"
cat >"$root/etc/systemd/system/concierge-kiosk.service.d/boot-test-headless.conf" <<'EOF'
# boot-test.sh only: no screen, no input devices, no tty1 in this container.
[Service]
Environment=WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman
TTYPath=
StandardInput=null
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
EOF

# Boot.
log="$dir/console.log"
t_boot=$(date +%s.%N)
# Its own network (loopback only): the units' ports do not meet the host's.
"${nspawn[@]}" --boot --private-network --console=read-only >"$log" 2>&1 &
nspawn_pid=$!
leader=""
cleanup() {
  if [ -n "$leader" ] && kill -0 "$leader" 2>/dev/null; then
    nsenter -t "$leader" -a systemctl poweroff >/dev/null 2>&1 || kill -TERM "$leader" 2>/dev/null || true
  fi
  for _ in $(seq 50); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$nspawn_pid" 2>/dev/null && kill -KILL "$nspawn_pid" 2>/dev/null || true
  [ -n "${BOOT_TEST_KEEP:-}" ] || rm -rf "$root"
}
trap cleanup EXIT
for _ in $(seq 150); do
  leader=$(pgrep -P "$nspawn_pid" -x systemd | head -n 1 || true)
  [ -n "$leader" ] && break
  sleep 0.2
done
[ -n "$leader" ] || { cat "$log" >&2; die "systemd-nspawn did not start systemd"; }
run() { nsenter -t "$leader" -a "$@"; }
state=""
for _ in $(seq 300); do
  state=$(run systemctl is-system-running 2>/dev/null || true)
  case "$state" in running | degraded) break ;; esac
  sleep 0.2
done
case "$state" in running | degraded) ;; *) tail -n 30 "$log" >&2; die "the system did not finish booting ($state)" ;; esac
say "booted: systemd $(run systemctl --version | sed -n '1s/systemd \([0-9]*\).*/\1/p') as PID 1, $state, $(elapsed "$t_boot") s"

# How long from "starting" to READY=1, as systemd itself timed it.
ready_time() {
  run systemctl show "$1" -P InactiveExitTimestampMonotonic -P ActiveEnterTimestampMonotonic \
    | paste -s -d' ' | awk '{ if ($2 > 0) printf "%.2f", ($2 - $1) / 1e6; else print "-" }'
}
wait_active() {
  local unit=$1 s=""
  for _ in $(seq 600); do
    s=$(run systemctl is-active "$unit" 2>/dev/null || true)
    case "$s" in active | failed) break ;; esac
    sleep 0.1
  done
  echo "$s"
}
declare -A result
status=0
for unit in concierge-airline concierge-desk; do
  run systemctl start --no-block "$unit"
done
for unit in concierge-airline concierge-desk concierge-kiosk; do
  s=$(wait_active "$unit")
  result[$unit]="$s $(ready_time "$unit")"
  [ "$s" = active ] || status=1
done

# The watchdog is fed: a WATCHDOG=1 reaches systemd after READY=1 (every WatchdogSec/2 = 15 s;
# the kiosk's comes from its UI through cage), and nothing was restarted.
declare -A fed
t=$(date +%s.%N)
declare -A first
for unit in concierge-airline concierge-desk concierge-kiosk; do
  first[$unit]=$(run systemctl show "$unit" -P WatchdogTimestampMonotonic)
done
for _ in $(seq 250); do
  pending=0
  for unit in concierge-airline concierge-desk concierge-kiosk; do
    [ -n "${fed[$unit]:-}" ] && continue
    now=$(run systemctl show "$unit" -P WatchdogTimestampMonotonic)
    if [ "$now" != "${first[$unit]}" ]; then fed[$unit]=yes; else pending=1; fi
  done
  [ "$pending" -eq 0 ] && break
  sleep 0.1
done
say "watchdog heartbeats seen within $(elapsed "$t") s"
for unit in concierge-airline concierge-desk concierge-kiosk; do
  restarts=$(run systemctl show "$unit" -P NRestarts)
  [ -n "${fed[$unit]:-}" ] || { say "$unit: no WATCHDOG=1 heard"; status=1; }
  [ "$restarts" = 0 ] || { say "$unit: restarted $restarts times"; status=1; }
  result[$unit]="${result[$unit]} watchdog=${fed[$unit]:-no} restarts=$restarts"
done

# The sandbox holds: what each unit's main process may and may not do.
sandbox() {
  local unit=$1 pid
  pid=$(run systemctl show "$unit" -P MainPID)
  [ "$pid" -gt 0 ] || return 0
  run sh -c "grep -E '^(NoNewPrivs|Seccomp|CapBnd|CapEff):' /proc/$pid/status; grep 'open files' /proc/$pid/limits" \
    | tr -s ' \t' ' ' | paste -s -d';'
}

report() {
  echo "== boot-test $(date -u +%Y-%m-%dT%H:%MZ): $(basename "$deb") on Debian $suite, systemd-nspawn"
  echo "-- units: state, seconds from start to READY=1 (systemd's timestamps), heartbeats"
  for unit in concierge-airline concierge-desk concierge-kiosk; do
    printf '%-20s %s\n' "$unit" "${result[$unit]}"
  done
  for unit in concierge-airline concierge-desk concierge-kiosk; do
    echo
    echo "-- systemctl status $unit"
    run systemctl status --no-pager --lines=0 "$unit" || true
    echo "-- journalctl -u $unit"
    run journalctl --no-pager -o short-monotonic -u "$unit" || true
    echo "-- sandbox of $unit's main process: $(sandbox "$unit")"
    run systemd-analyze security --no-pager "$unit.service" | tail -n 1
  done
  echo
  echo "-- a check-in through the airline service (a kiosk config: [airline] kind = \"http\")"
  run sh -c 'd=$(mktemp -d) && chown concierge "$d" && printf "%s\n" "[airline]" "kind = \"http\"" \
      "url = \"http://127.0.0.1:8790\"" "key_file = \"/etc/concierge/airline.key\"" >"$d/k.toml" \
    && runuser -u concierge -- concierge --config "$d/k.toml" --data-dir "$d" \
      checkin --booking DEMO01 --surname desmarais --json >"$d/out.json"; r=$?; head -c 300 "$d/out.json"
    echo; grep -q "\"sequence\":1" "$d/out.json"; r=$((r + $?)); rm -rf "$d"; exit $r' \
    && echo "checked in through the airline service: ok" || echo "FAILED: check-in through the airline service"
}
out=$(report 2>&1)
printf '%s\n' "$out"
[ -z "${BOOT_TEST_EVIDENCE:-}" ] || printf '%s\n' "$out" >"$BOOT_TEST_EVIDENCE"
grep -q '^FAILED' <<<"$out" && status=1

echo
for unit in concierge-airline concierge-desk concierge-kiosk; do
  read -r s secs rest <<<"${result[$unit]}"
  printf 'boot-test: %-18s %-7s READY after %s s (%s)\n' "$unit" "$s" "$secs" "$rest"
done
say "total $(elapsed "$started") s"
[ "$status" -eq 0 ] || die "a unit did not become active"
say "ok"
