#!/usr/bin/env python3
"""Measures the kiosk on a CUSS 2 platform from outside (DESIGN.md "Numbers": scan injected by the
platform -> screen changed, p90 <= 50 ms). Runs the open simulator (cuss2-sim) and the real kiosk
full screen on its own Xvfb with `[devices] platform = "cuss2"`; each round the platform starts a
passenger session, waits until the kiosk has enabled its readers (it is on Identify), injects
DEMO01's boarding pass and polls a band of the screen under the header until it differs (Identify
-> Greeting); then times the session out (the kiosk ends the visit, the platform takes it back).
Then runs the screenshot tour against the same platform, which prints through it, and reads the
platform's message log: each print directive (peripherals_send to a printer) from its arrival to
its result going out. Needs Xvfb and python-xlib (`pip install python-xlib`). Usage:

    scripts/measure-cuss2.py [--size 1280x800] [--rounds 30] [--bin target/release/concierge]

(the simulator is the cuss2-sim next to the kiosk binary).
"""
import argparse
import datetime
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("taps", os.path.join(here, "measure-taps.py"))
taps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(taps)

PASS = "M1DESMARAIS/LUC MR    EDEMO01 YULYYZNW 0101 327J002A0001 100"


class Platform:
    def __init__(self, address):
        self.base = f"http://{address}"

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"content-type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def status(self):
        return self.call("GET", "/sim/status")[1]

    def wait(self, what, pred, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s = self.status()
            if pred(s):
                return s
            time.sleep(0.01)
        raise RuntimeError(f"timed out waiting for {what}: {self.status()}")


def reader_on(s):
    return s["components"][0]["enabled"]


def start_sim(binary, tmp, log):
    sim = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--out", os.path.join(tmp, "sim")],
                           stdout=subprocess.PIPE, stderr=log, text=True)
    line = sim.stdout.readline()
    address = line.split("http://", 1)[1].split("/", 1)[0]
    return sim, address


def config(tmp, address):
    secret = os.path.join(tmp, "cuss2.secret")
    with open(secret, "w") as f:
        f.write("demo-secret\n")
    path = os.path.join(tmp, "concierge.toml")
    with open(path, "w") as f:
        f.write(f'[devices]\nplatform = "cuss2"\n[cuss2]\nurl = "ws://{address}/platform/subscribe"\n'
                f'client_id = "concierge"\nsecret_file = "{secret}"\n')
    return path


def print_times(log_path):
    """Milliseconds from each print directive's arrival at the platform to its result leaving."""
    arrived, times = {}, []
    for line in open(log_path):
        entry = json.loads(line)
        m = entry.get("message") or {}
        meta = m.get("meta") or {}
        at = datetime.datetime.fromisoformat(entry["at"].replace("Z", "+00:00"))
        if entry["dir"] == "in" and meta.get("directive") == "peripherals_send" \
                and meta.get("componentID") in (3, 6):
            arrived[meta["requestID"]] = at
        elif entry["dir"] == "out" and meta.get("platformDirective") == "peripherals_send" \
                and meta.get("requestID") in arrived:
            times.append((at - arrived.pop(meta["requestID"])).total_seconds() * 1000)
    return times


def measure(args, tmp, log, processes):
    sim_bin = os.path.join(os.path.dirname(args.bin), "cuss2-sim")
    sim, address = start_sim(sim_bin, tmp, log)
    processes.append(sim)
    platform = Platform(address)
    cfg = config(tmp, address)
    xvfb, name = taps.start_xvfb(args.size, log)
    processes.append(xvfb)
    env = dict(os.environ, DISPLAY=name, XDG_CONFIG_HOME=os.path.join(tmp, "no-config"),
               WAYLAND_DISPLAY="")
    kiosk = subprocess.Popen([args.bin, "--data-dir", os.path.join(tmp, "data"), "--config", cfg,
                              "run"], env=env, stdout=subprocess.DEVNULL, stderr=log)
    processes.append(kiosk)
    screen = taps.Screen(name)
    platform.wait("the kiosk AVAILABLE", lambda s: s["application_state"] == "AVAILABLE", 60)
    screen.wait_painted(30)
    scans, missed = [], 0
    for _ in range(args.rounds):
        code, _ = platform.call("POST", "/sim/session", {"language": "en-US"})
        if code != 200:
            raise RuntimeError(f"the platform would not start a session: {code}")
        platform.wait("the readers on", reader_on)
        screen.settle()
        before = screen.band()
        started = time.perf_counter()
        platform.call("POST", "/sim/barcode", {"data": PASS})
        ms = None
        while time.perf_counter() - started < taps.POLL_TIMEOUT:
            if screen.band() != before:
                ms = (time.perf_counter() - started) * 1000
                break
            time.sleep(taps.POLL_PAUSE)
        if ms is None:
            missed += 1
        else:
            scans.append(ms)
        platform.wait("the readers off", lambda s: not reader_on(s))
        platform.call("DELETE", "/sim/session")
        platform.wait("AVAILABLE again", lambda s: s["application_state"] == "AVAILABLE")
        screen.settle()
    taps.stop(kiosk)
    platform.wait("the kiosk gone", lambda s: not s["connected"])
    # The tour prints its documents through the platform.
    for locale in ("en-US", "ur-PK", "ar"):
        tour = os.path.join(tmp, "tour")
        subprocess.run([args.bin, "--data-dir", os.path.join(tmp, f"tour-{locale}"), "--config", cfg,
                        "run", "--windowed", "--tour", tour, "--locale", locale],
                       env=env, stdout=subprocess.DEVNULL, stderr=log, check=True, timeout=600)
        platform.wait("the tour's kiosk gone", lambda s: not s["connected"])
    prints = print_times(os.path.join(tmp, "sim", "messages.jsonl"))
    print(f"screen {screen.width}x{screen.height}, {args.rounds} rounds ({missed} unchanged within "
          f"{taps.POLL_TIMEOUT:.0f} s); load average {' '.join(open('/proc/loadavg').read().split()[:3])}"
          f" on {os.cpu_count()} CPUs")
    print("  " + taps.figures("scan injected -> screen", scans))
    print("  " + taps.figures("print directive -> result", prints) + " (at the platform, a PDF each)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--bin", default=None)
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin) if args.bin else taps.default_binary()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    processes = []
    with tempfile.TemporaryDirectory(prefix="measure-cuss2.") as tmp:
        log_path = os.path.join(tmp, "run.log")
        with open(log_path, "w") as log:
            try:
                measure(args, tmp, log, processes)
            except Exception:
                log.flush()
                print(f"failed; the log ends:\n{open(log_path).read()[-2000:]}", file=sys.stderr)
                raise
            finally:
                for process in reversed(processes):
                    taps.stop(process)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted")
