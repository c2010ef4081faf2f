#!/usr/bin/env python3
"""Measures the agent desk from outside, as an intruder and a kiosk meet it, and prints the figures:
password guesses per second at one name, a kiosk's page behind silent TLS clients, and the desk's
memory during 50 parallel sign-ins. Runs the real `concierge desk` over TLS on a free loopback
port (needs openssl for a throw-away certificate). Usage:

    cargo build --release && scripts/measure-desk.py [path/to/concierge]
"""
import hashlib
import hmac
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
binary = sys.argv[1] if len(sys.argv) > 1 else next(
    p for p in (os.path.join(root, "target/release/concierge"), os.path.join(root, "target/debug/concierge"))
    if os.path.exists(p))
SECRET = "measure-kiosk-secret"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def request(port, method, path, body=b"", headers=None, timeout=30):
    """One HTTP/1.1 request over TLS; returns (status, headers, body, seconds)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    started = time.monotonic()
    raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    tls = context.wrap_socket(raw, server_hostname="127.0.0.1")
    lines = [f"{method} {path} HTTP/1.1", "Host: desk", "Connection: close",
             f"Content-Length: {len(body)}"]
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}")
    tls.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    data = b""
    while True:
        chunk = tls.recv(65536)
        if not chunk:
            break
        data += chunk
    tls.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    head = head.decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    return status, head[1:], rest, time.monotonic() - started


def sign_in(port, name, password):
    status, head, body, _ = request(port, "GET", "/login")
    cookie = next(h.split(":", 1)[1].strip().split(";")[0] for h in head
                  if h.lower().startswith("set-cookie:") and "desk_login=" in h)
    token = re.search(rb'name="csrf" value="([0-9a-f]+)"', body).group(1).decode()
    form = urllib.parse.urlencode({"name": name, "password": password, "csrf": token}).encode()
    status, _, _, seconds = request(port, "POST", "/login", form, {
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    return status, seconds


def page(port, n):
    body = json.dumps({
        "version": 1, "id": f"K1-{n}-1", "incident": f"K1-{n}", "state": "open",
        "kiosk": {"id": "K1", "airport": "LHE", "location": "hall B"}, "airline": "NW",
        "flight": "NW 786", "minutes_until_close": 40, "step": "seats", "reason": "passenger_asked",
        "locale": "en-US", "first_name": None,
        "requested_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "escalation_level": 0,
    }).encode()
    t = int(time.time())
    mac = hmac.new(SECRET.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return request(port, "POST", "/api/v1/incidents", body, {
        "Concierge-Signature": f"t={t},v1={mac}", "Idempotency-Key": f"K1-{n}",
        "Content-Type": "application/json"})


def memory(pid):
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def main():
    work = tempfile.mkdtemp(prefix="measure-desk-")
    cert, key = os.path.join(work, "desk.crt"), os.path.join(work, "desk.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=desk", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    secret_file = os.path.join(work, "k1.key")
    with open(secret_file, "w") as f:
        f.write(SECRET)
    config = os.path.join(work, "desk.toml")
    with open(config, "w") as f:
        f.write(f'[desk]\ntls_cert = "{cert}"\ntls_key = "{key}"\n'
                f'[[desk.kiosks]]\nid = "K1"\nsecret_file = "{secret_file}"\n')
    data = os.path.join(work, "data")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "none"))
    subprocess.run([binary, "--data-dir", data, "desk", "add-agent", "Sam"],
                   input=b"correct horse battery\n", check=True, env=env, capture_output=True)
    port = free_port()
    desk = subprocess.Popen([binary, "--config", config, "--data-dir", data, "desk", "--listen",
                             f"127.0.0.1:{port}"], env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                request(port, "GET", "/login", timeout=2)
                break
            except OSError:
                time.sleep(0.05)
        print(f"desk: {binary}, TLS on 127.0.0.1:{port}")

        # Guessing one agent's password for 20 s.
        started = time.monotonic()
        answers = {}
        while time.monotonic() - started < 20:
            status, _ = sign_in(port, "Sam", f"guess-{len(answers)}-{time.monotonic()}")
            answers[status] = answers.get(status, 0) + 1
        spent = time.monotonic() - started
        checked = answers.get(401, 0)
        print(f"guessing Sam's password for {spent:.0f} s: {sum(answers.values())} tries, "
              f"{checked} checked ({checked / spent:.2f} guesses/s), {answers.get(429, 0)} refused "
              f"while locked; the right password now: {sign_in(port, 'Sam', 'correct horse battery')[0]}")

        # A kiosk's page behind five silent TLS clients.
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(5)]
        times = []
        for n in range(20):
            status, _, _, seconds = page(port, n)
            assert status == 200, status
            times.append(seconds * 1000)
        for s in silent:
            s.close()
        times.sort()
        print(f"a kiosk's page behind 5 silent clients: median {times[len(times) // 2]:.1f} ms, "
              f"max {times[-1]:.1f} ms (20 pages)")

        # Memory during 50 parallel sign-ins (unknown names: each costs a full argon2 check;
        # from 50 addresses would not be locked, so the lock-out does not spare the work here
        # for the first 20).
        before = memory(desk.pid)
        peak = [before["VmRSS"]]
        stop = threading.Event()

        def watch():
            while not stop.is_set():
                peak[0] = max(peak[0], memory(desk.pid)["VmRSS"])
                time.sleep(0.01)

        watcher = threading.Thread(target=watch)
        watcher.start()
        page_times = []
        crowd = [threading.Thread(target=sign_in, args=(port, f"crowd{i}", "guess"))
                 for i in range(50)]
        for t in crowd:
            t.start()
        for n in range(100, 110):
            page_times.append(page(port, n)[3] * 1000)
        for t in crowd:
            t.join()
        stop.set()
        watcher.join()
        after = memory(desk.pid)
        page_times.sort()
        print(f"50 parallel sign-ins: desk RSS {before['VmRSS']:.0f} MiB before, peak "
              f"{peak[0]:.0f} MiB, {after['VmRSS']:.0f} MiB after (high-water {after['VmHWM']:.0f} MiB); "
              f"a kiosk's page meanwhile: median {page_times[len(page_times) // 2]:.1f} ms, "
              f"max {page_times[-1]:.1f} ms")
    finally:
        desk.kill()
        desk.wait()


if __name__ == "__main__":
    main()
