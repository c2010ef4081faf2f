#!/usr/bin/env python3
"""Measures the airline service from outside, as a kiosk with a stolen key would meet it, and
prints the figures: look-up guesses per second from one kiosk, and the time a look-up takes for
a booking that exists and one that does not. (Sequence numbers burnt by a check-in and cancel
loop: `cargo test each_kiosk_has_its_own_key -- --nocapture`.) Runs the real `concierge airline serve` on a free loopback port. Usage:

    cargo build --release && scripts/measure-airline.py [path/to/concierge]
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
binary = sys.argv[1] if len(sys.argv) > 1 else next(
    p for p in (os.path.join(root, "target/release/concierge"), os.path.join(root, "target/debug/concierge"))
    if os.path.exists(p))
KIOSKS = 40


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def key(i):
    return f"measure-kiosk-{i:02d}-0123456789abcdef"


def call(port, method, body, kiosk=0):
    """One request; returns (status, seconds)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    c.request("POST", f"/v1/{method}", json.dumps(body),
              {"Authorization": f"Bearer {key(kiosk)}", "Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
    took = time.perf_counter() - started
    c.close()
    return r.status, took


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def lookup(reference, surname):
    return {"query": {"Reference": {"reference": reference, "surname": surname}}, "now": now()}


with tempfile.TemporaryDirectory() as data:
    keys = os.path.join(data, "keys")
    os.mkdir(keys)
    config = ""
    for i in range(KIOSKS):
        path = os.path.join(keys, f"k{i}.key")
        with open(path, "w") as f:
            f.write(key(i))
        config += f'[[airline.kiosks]]\nid = "K{i:02d}"\nkey_file = "{path}"\n'
    with open(os.path.join(data, "airline.toml"), "w") as f:
        f.write(config)
    port = free_port()
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(data, "no-config"))
    service = subprocess.Popen(
        [binary, "--config", os.path.join(data, "airline.toml"), "--data-dir", data,
         "airline", "serve", "--listen", f"127.0.0.1:{port}"],
        env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        # Guesses from one kiosk for 5 s: how many are answered (not told to wait).
        answered, waited, started = 0, 0, time.time()
        while time.time() - started < 5:
            status, _ = call(port, "find_booking", lookup("ZZZZZZ", "NOBODY"), 0)
            if status == 429:
                waited += 1
            else:
                answered += 1
        print(f"look-up guesses from one kiosk: {answered / 5:.1f} answered per second "
              f"({waited} told to wait in 5 s)")
        # Found and not found, each from a kiosk of its own (within their bursts).
        found = [call(port, "find_booking", lookup("DEMO01", "DESMARAIS"), 1 + i % 19)[1] for i in range(19)]
        missing = [call(port, "find_booking", lookup("ZZZZZZ", "NOBODY"), 20 + i % 19)[1] for i in range(19)]
        print(f"a look-up: found {statistics.median(found) * 1000:.2f} ms, "
              f"not found {statistics.median(missing) * 1000:.2f} ms (medians of 19)")
    finally:
        service.kill()
        service.wait()
