#!/usr/bin/env python3
"""How long the desk takes to draw a configuration preview, and how much memory it holds.

Starts `concierge desk` (the binary given, e.g. target/deb/concierge) on a scratch data
directory, signs publisher Alex in, and asks for previews of two changes to what is published
for airport LHE, each three times:

  - a longer Urdu welcome (one message file: Urdu's screens only),
  - a new airline name (every language's screens).

Prints, for each, the seconds until the preview is drawn, the screens drawn and changed, and
the desk's RSS afterwards (and its peak). Usage: scripts/measure-preview.py --bin BIN
"""
import argparse
import base64
import http.client
import json
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.parse

URDU = "چیک ان کریں، اپنی نشست منتخب کریں، اپنے بیگ کا وزن کریں اور اپنا بورڈنگ پاس پرنٹ کریں۔ "


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Session:
    def __init__(self, port, name, password):
        self.port = port
        r, body = self.call("GET", "/login")
        login = re.search(r"desk_login=([^;]+)", r.getheader("Set-Cookie")).group(1)
        csrf = re.search(r'name="csrf" value="([^"]+)"', body).group(1)
        r, _ = self.call("POST", "/login", {"name": name, "password": password, "csrf": csrf},
                         cookie=f"desk_login={login}")
        session = [c for c in (r.msg.get_all("Set-Cookie") or []) if c.startswith("desk_session=")]
        if not session:
            raise SystemExit(f"cannot sign in: {r.status}")
        self.cookie = session[0].split(";")[0]
        _, page = self.call("GET", "/fleet/config")
        self.csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)

    def call(self, method, path, form=None, cookie=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        headers = {}
        if cookie or getattr(self, "cookie", None):
            headers["Cookie"] = cookie or self.cookie
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        c.request(method, path, body, headers)
        r = c.getresponse()
        return r, r.read().decode("utf-8", "replace")


def usage(pid):
    rss = hwm = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) // 1024
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) // 1024
    return rss, hwm


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "concierge.toml")
        with open(config, "w") as f:
            f.write('[desk]\npublishers = ["Alex"]\n')
        data = os.path.join(tmp, "data")
        added = subprocess.run([args.bin, "--config", config, "--data-dir", data, "desk",
                                "add-agent", "Alex"], input="battery staple horse\n", text=True,
                               stderr=subprocess.PIPE)
        if added.returncode != 0:
            raise SystemExit(added.stderr)
        port = free_port()
        desk = subprocess.Popen([args.bin, "--config", config, "--data-dir", data, "desk",
                                 "--listen", f"127.0.0.1:{port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while True:
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    c.request("GET", "/healthz")
                    if c.getresponse().status == 200:
                        break
                except OSError:
                    pass
                if time.time() > deadline:
                    raise SystemExit("the desk did not start")
                time.sleep(0.2)
            alex = Session(port, "Alex", "battery staple horse")
            files = lambda text: json.dumps({"overrides/ur-PK/ui.ftl": base64.b64encode(
                f"welcome-subtitle = {text}\n".encode()).decode()})
            text = '[locales]\noverrides = "overrides"\n'
            r, _ = alex.call("POST", "/fleet/config/publish", {
                "csrf": alex.csrf, "group": "airport:LHE", "text": text, "after": "0",
                "added": files("چیک ان کریں")})
            assert r.status == 303, r.status
            changes = [
                ("a longer Urdu welcome", {"text": text, "keep_listed": "1",
                                           "added": files((URDU * 3).strip())}),
                ("a new airline name", {"text": text + '\n[branding]\nname = "Lahore Skyways"\n'}),
            ]
            print(f"{'change':<24} {'seconds':>8} {'drawn':>6} {'changed':>8} {'RSS MiB':>8} {'peak':>6}")
            for name, fields in changes:
                for _ in range(args.rounds):
                    started = time.time()
                    r, page = alex.call("POST", "/fleet/config/preview", {
                        "csrf": alex.csrf, "group": "airport:LHE", "after": "1", **fields})
                    found = re.search(r'id="preview" data-id="([0-9a-f]+)"', page)
                    if not found:
                        raise SystemExit(f"no preview: {r.status}\n{page[:2000]}")
                    while True:
                        _, section = alex.call("GET", f"/fleet/config/preview/{found.group(1)}")
                        if 'data-state="drawing"' not in section:
                            break
                        time.sleep(0.1)
                    took = time.time() - started
                    changed = int(re.search(r'data-changed="(\d+)"', section).group(1))
                    unchanged = int(re.search(r'data-unchanged="(\d+)"', section).group(1))
                    rss, hwm = usage(desk.pid)
                    print(f"{name:<24} {took:>8.1f} {changed + unchanged:>6} {changed:>8} {rss:>8} {hwm:>6}")
        finally:
            desk.terminate()
            desk.wait()


if __name__ == "__main__":
    main()
