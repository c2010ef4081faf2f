#!/usr/bin/env python3
"""A fleet's load on two desk instances on one PostgreSQL, measured from outside.

Starts a throwaway PostgreSQL cluster (scripts/pg-cluster), two `concierge desk` instances on
it, and drives N simulated kiosks heartbeating every 30 s (signed, as kiosks sign them) and P
pages a minute, alternating between the instances. An agent is signed in on each instance and
listens to its live stream (/events) as the desk's page does; on each change it reads the list
again (/fragment). For every page accepted by one instance it measures the time until the page
is in the *other* instance's list, read because its live stream said so.

Prints, for each stage of load: p50/p99/max of that time, the requests that failed, and each
instance's CPU (share of one core) and memory (RSS, peak). Stages raise the load until something
fails or the stages run out.

Usage: scripts/fleet-load.py [--bin target/release/concierge] [--stages 2000:50,4000:100,...]
                             [--seconds 90]
Standard library only. Run as root (the cluster belongs to `postgres`) or as a user who may
run initdb.
"""
import argparse
import hashlib
import hmac
import http.client
import json
import os
import queue
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def sign(secret, body):
    t = str(int(time.time()))
    tag = hmac.new(secret.encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={tag}"


def rfc3339(t=None):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t or time.time()))


class Desk:
    def __init__(self, bin_, config, data, port):
        self.port = port
        self.proc = subprocess.Popen(
            [bin_, "--config", config, "--data-dir", data, "desk", "--listen", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(data, f"desk-{port}.log"), "w"),
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"the desk on {port} did not start")

    def usage(self):
        """(cpu seconds, rss KiB, peak rss KiB)."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        cpu = (int(fields[11]) + int(fields[12])) / ticks
        rss = hwm = 0
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        return cpu, rss, hwm


class Agent:
    """An agent's browser: signed in, listening to the live stream, reading the list again on
    each change, and noting when each awaited page first shows."""

    def __init__(self, port, name, password):
        self.port = port
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/login")
        r = c.getresponse()
        form = r.read().decode()
        login_cookie = re.search(r"desk_login=([^;]+)", r.getheader("Set-Cookie")).group(1)
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode({"name": name, "password": password, "csrf": csrf})
        c.request("POST", "/login", body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"desk_login={login_cookie}",
        })
        r = c.getresponse()
        r.read()
        cookies = r.msg.get_all("Set-Cookie") or []
        session = [x for x in cookies if x.startswith("desk_session=")]
        if not session:
            raise SystemExit(f"cannot sign in on {port}: {r.status}")
        self.cookie = session[0].split(";")[0]
        # key -> [accepted at, seen at]: a page is awaited from before it is sent, since the
        # other instance may show it before the sender has read its answer.
        self.awaited = {}
        self.seen = queue.Queue()  # (key, latency)
        self.lock = threading.Lock()
        threading.Thread(target=self.listen, daemon=True).start()

    def expect(self, key):
        with self.lock:
            self.awaited[key] = [None, None]

    def accepted(self, key, at):
        with self.lock:
            times = self.awaited.get(key)
            if times is None:
                return
            times[0] = at
            self.settle(key, times)

    def settle(self, key, times):
        """With the lock held: a page both accepted and seen is measured."""
        if times[0] is not None and times[1] is not None:
            del self.awaited[key]
            self.seen.put((key, max(0.0, times[1] - times[0])))

    def listen(self):
        list_conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                c.request("GET", "/events", headers={"Cookie": self.cookie})
                r = c.getresponse()
                while True:
                    line = r.fp.readline()
                    if not line:
                        break
                    if not line.startswith(b"data:"):
                        continue
                    with self.lock:
                        pending = [k for k, t in self.awaited.items() if t[1] is None]
                    if not pending:
                        continue
                    try:
                        list_conn.request("GET", "/fragment", headers={"Cookie": self.cookie})
                        html = list_conn.getresponse().read().decode()
                    except (OSError, http.client.HTTPException):
                        list_conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                        continue
                    now = time.monotonic()
                    with self.lock:
                        for key in pending:
                            times = self.awaited.get(key)
                            if times is not None and key in html:
                                times[1] = now
                                self.settle(key, times)
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)


class Load:
    def __init__(self, ports, kiosks, secrets):
        self.ports = ports
        self.kiosks = kiosks
        self.secrets = secrets
        self.jobs = queue.Queue()
        self.failures = {}
        self.sent = 0
        self.lock = threading.Lock()
        self.local = threading.local()
        for _ in range(48):
            threading.Thread(target=self.work, daemon=True).start()

    def conn(self, port):
        conns = getattr(self.local, "conns", None)
        if conns is None:
            conns = self.local.conns = {}
        if port not in conns:
            conns[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        return conns[port]

    def post(self, port, path, kiosk, body):
        for attempt in range(2):
            c = self.conn(port)
            try:
                c.request("POST", path, body, {
                    "Content-Type": "application/json",
                    "Concierge-Signature": sign(self.secrets[kiosk], body),
                })
                r = c.getresponse()
                r.read()
                return r.status
            except (OSError, http.client.HTTPException) as e:
                self.local.conns.pop(port, None)
                if attempt == 1:
                    return type(e).__name__
        return "?"

    def work(self):
        while True:
            job = self.jobs.get()
            status = job()
            with self.lock:
                self.sent += 1
                if status != 200:
                    self.failures[str(status)] = self.failures.get(str(status), 0) + 1

    def heartbeat(self, kiosk, port, every):
        airport = kiosk.split("-")[1]
        beat = {
            "version": 1,
            "kiosk": {"id": kiosk, "airport": airport, "terminal": "T1", "location": "Hall A"},
            "sent_at": rfc3339(), "every_seconds": every, "software": "0.1.0",
            "config_version": "load", "last_checkin_at": rfc3339(),
            "devices": {"printer": "ok", "scanner": "ok", "document_reader": "ok", "headset": "none"},
            "visits_last_hour": random.randint(0, 20), "failures_last_hour": 0,
            "open_help_requests": 0, "sessions": [],
        }
        body = json.dumps(beat).encode()
        self.jobs.put(lambda: self.post(port, "/api/v1/heartbeats", kiosk, body))

    def close(self, kiosk, port, key):
        """The kiosk closes a page (the passenger was helped): the list stays as long as a
        real one would."""
        body = json.dumps({
            "version": 1, "id": f"{key}-2", "incident": key, "state": "resolved",
            "kiosk": {"id": kiosk, "airport": kiosk.split("-")[1], "location": "Hall A"},
            "airline": "NW", "flight": "NW 786", "minutes_until_close": 40, "step": "seats",
            "reason": "passenger_asked", "locale": "ur-PK", "first_name": None,
            "requested_at": rfc3339(), "escalation_level": 0,
        }).encode()
        self.jobs.put(lambda: self.post(port, "/api/v1/incidents", kiosk, body))

    def page(self, kiosk, port, n, watcher):
        key = f"{kiosk}-{n}"
        body = json.dumps({
            "version": 1, "id": f"{key}-1", "incident": key, "state": "open",
            "kiosk": {"id": kiosk, "airport": kiosk.split("-")[1], "location": "Hall A"},
            "airline": "NW", "flight": "NW 786", "minutes_until_close": 40, "step": "seats",
            "reason": "passenger_asked", "locale": "ur-PK", "first_name": None,
            "requested_at": rfc3339(), "escalation_level": 0,
        }).encode()

        watcher.expect(key)

        def job():
            status = self.post(port, "/api/v1/incidents", kiosk, body)
            if status == 200:
                watcher.accepted(key, time.monotonic())
            return status
        self.jobs.put(job)
        return key


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return total


def postgres_pids(data_dir):
    """The cluster's postmaster and its children."""
    with open(os.path.join(data_dir, "postmaster.pid")) as f:
        master = int(f.readline())
    pids = [master]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == master:
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


def stage(load, agents, desks, pg_data, kiosks, pages_per_minute, every, seconds, serial):
    """Runs one stage; returns its figures. Each page is closed by its kiosk a minute later."""
    ids = load.kiosks[:kiosks]
    start = time.monotonic()
    before = [d.usage() for d in desks]
    pg_before = cpu_seconds(postgres_pids(pg_data))
    me_before = sum(os.times()[:2])
    to_close = []
    sent_before = load.sent
    fails_before = dict(load.failures)
    latencies = []
    page_every = 60.0 / pages_per_minute
    beat_every = every / len(ids)
    next_beat = next_page = start
    i = 0
    n = 0
    while time.monotonic() - start < seconds:
        now = time.monotonic()
        while next_beat <= now:
            kiosk = ids[i % len(ids)]
            load.heartbeat(kiosk, load.ports[i % 2], every)
            i += 1
            next_beat += beat_every
        while next_page <= now:
            n += 1
            port_index = n % 2
            other = agents[1 - port_index]
            kiosk = random.choice(ids)
            key = load.page(kiosk, load.ports[port_index], serial * 1_000_000 + n, other)
            to_close.append((now + 60, kiosk, load.ports[port_index], key))
            next_page += page_every
        while to_close and to_close[0][0] <= now:
            _, kiosk, port, key = to_close.pop(0)
            load.close(kiosk, port, key)
        for a in agents:
            while not a.seen.empty():
                latencies.append(a.seen.get()[1])
        time.sleep(0.005)
    time.sleep(2)
    for a in agents:
        while not a.seen.empty():
            latencies.append(a.seen.get()[1])
        with a.lock:
            missing = len(a.awaited)
            a.awaited.clear()
    for _, kiosk, port, key in to_close:
        load.close(kiosk, port, key)
    after = [d.usage() for d in desks]
    elapsed = time.monotonic() - start
    pg_cpu = (cpu_seconds(postgres_pids(pg_data)) - pg_before) / elapsed
    me_cpu = (sum(os.times()[:2]) - me_before) / elapsed
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
    fails = {k: v - fails_before.get(k, 0) for k, v in load.failures.items() if v - fails_before.get(k, 0)}
    backlog = load.jobs.qsize()
    return {
        "kiosks": kiosks, "pages_per_minute": pages_per_minute,
        "requests": load.sent - sent_before, "backlog": backlog,
        "pages_seen": len(latencies), "pages_missing": missing,
        "p50_ms": q(0.5), "p99_ms": q(0.99), "max_ms": latencies[-1] * 1000 if latencies else float("nan"),
        "failures": fails,
        "cpu": [(a[0] - b[0]) / elapsed for a, b in zip(after, before)],
        "rss_mib": [a[1] / 1024 for a in after], "peak_mib": [a[2] / 1024 for a in after],
        "pg_cpu": pg_cpu, "load_cpu": me_cpu,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/concierge"))
    # kiosks:pages a minute[:heartbeat interval, s]. The desk's config file (1 MiB at most) holds
    # about 9,000 kiosks' keys: beyond, the stages shorten the interval instead (8,000 kiosks
    # every 15 s send what 16,000 every 30 s would).
    ap.add_argument("--stages", default="2000:50,4000:100,8000:200,8000:400:15,8000:800:8,8000:1600:4")
    ap.add_argument("--seconds", type=int, default=90)
    args = ap.parse_args()
    stages = [tuple(int(x) for x in s.split(":")) for s in args.stages.split(",")]
    stages = [(s[0], s[1], s[2] if len(s) > 2 else 30) for s in stages]
    most = max(s[0] for s in stages)
    work = tempfile.mkdtemp(prefix="fleet-load.")
    # The cluster belongs to `postgres` when run as root: it must reach its directory.
    os.chmod(work, 0o755)
    pg = os.path.join(work, "pg")
    url = subprocess.check_output([os.path.join(HERE, "pg-cluster"), "start", pg], text=True).strip()
    desks = []
    try:
        admin = url
        subprocess.check_call(["psql", admin, "-qc", "CREATE DATABASE fleet"])
        db = admin.rsplit("/", 1)[0] + "/fleet"
        airports = ["LHE", "KHI", "ISB", "DXB", "LHR", "JFK", "PEK", "FRA"]
        kiosks = [f"LOAD-{airports[i % len(airports)]}-K{i:05d}" for i in range(most)]
        secrets = {k: hashlib.sha256(k.encode()).hexdigest() for k in kiosks}
        keys = os.path.join(work, "keys")
        os.makedirs(keys)
        lines = [f'[desk]\ndatabase = "{db}"\nfleet_check_every = "15s"\n']
        for k in kiosks:
            path = os.path.join(keys, k)
            with open(path, "w") as f:
                f.write(secrets[k])
            lines.append(f'[[desk.kiosks]]\nid = "{k}"\nsecret_file = "{path}"\n')
        config = os.path.join(work, "desk.toml")
        with open(config, "w") as f:
            f.write("".join(lines))
        data = os.path.join(work, "data")
        os.makedirs(data, exist_ok=True)
        added = subprocess.run(
            [args.bin, "--config", config, "--data-dir", data, "desk", "add-agent", "Sam"],
            input="correct horse battery\n", text=True, stderr=subprocess.PIPE)
        if added.returncode != 0:
            raise SystemExit(f"the desk refused its config: {added.stderr.strip()}")
        ports = [free_port(), free_port()]
        desks = [Desk(args.bin, config, data, p) for p in ports]
        agents = [Agent(p, "Sam", "correct horse battery") for p in ports]
        load = Load(ports, kiosks, secrets)
        print(f"two desk instances on one PostgreSQL ({os.cpu_count()} cores), {args.seconds} s per stage")
        print("kiosks  every  beats/s  pages/min  requests  page A→B list: p50     p99     max   missing  "
              "failures   CPU A/B (cores)  RSS A/B (MiB)  peak A/B")
        for serial, (k, p, every) in enumerate(stages, 1):
            r = stage(load, agents, desks, os.path.join(pg, "data"), k, p, every, args.seconds, serial)
            print(f"{k:6d}  {every:4d}s  {k / every:7.0f}  {p:9d}  {r['requests']:8d}  "
                  f"{r['p50_ms']:20.1f} {r['p99_ms']:7.1f} "
                  f"{r['max_ms']:7.1f}  {r['pages_missing']:7d}  {json.dumps(r['failures']):9s}  "
                  f"{r['cpu'][0]:.2f}/{r['cpu'][1]:.2f}        "
                  f"{r['rss_mib'][0]:.0f}/{r['rss_mib'][1]:.0f}          "
                  f"{r['peak_mib'][0]:.0f}/{r['peak_mib'][1]:.0f}   PostgreSQL {r['pg_cpu']:.2f}  "
                  f"this script {r['load_cpu']:.2f}  backlog {r['backlog']}", flush=True)
            if r["failures"] or r["pages_missing"] or r["p99_ms"] > 1000 or r["backlog"] > 1000:
                print("the first failure is at this stage", flush=True)
                break
    finally:
        for d in desks:
            d.proc.terminate()
        subprocess.call([os.path.join(HERE, "pg-cluster"), "stop", pg])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
