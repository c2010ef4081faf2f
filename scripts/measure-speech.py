#!/usr/bin/env python3
"""Measures, from outside, how long a passenger in speech mode waits between pressing a key and
hearing the kiosk: the real kiosk runs full screen on its own Xvfb with `[speech] voice =
"espeak-ng"`; keys go in through XTest (F2 turns speech on, then Down moves through the
buttons, each move said). A stand-in `espeak-ng` first on PATH notes when the kiosk started it
and when the real espeak-ng produced its first audio sample (`--stdout`, the sound a sound card
would start playing), then lets it run to the end. Prints the key-to-process and key-to-first-
sound figures (target: first sound within 150 ms). The stand-in is Python: its own start (some
20-30 ms) is inside both figures, which are upper bounds. Needs Xvfb, espeak-ng and
python-xlib.

With `--voice speech-dispatcher` it measures the default voice instead: a speech-dispatcher
server of the script's own (its espeak-ng module playing to an ALSA device that records to a
file) and `[speech] address` pointing the kiosk's `spd-say` at it; the first sound is when the
first audio reaches that device. Needs speech-dispatcher and speech-dispatcher-espeak-ng.

    scripts/measure-speech.py [--keys 30] [--bin target/deb/concierge]
                              [--voice espeak-ng|speech-dispatcher]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

try:
    from Xlib import X, XK, display
    from Xlib.ext import xtest
except ImportError:
    sys.exit("needs python-xlib: pip install python-xlib")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "taps", os.path.join(os.path.dirname(os.path.abspath(__file__)), "measure-taps.py"))
taps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(taps)

STAND_IN = r'''#!/usr/bin/env python3
import os, subprocess, sys, time
started = time.time()
real = subprocess.Popen(["REAL"] + sys.argv[1:] + ["--stdout"], stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL)
first = real.stdout.read(4096)
sounded = time.time()
with open("LOG", "a") as log:
    log.write(f"{started} {sounded} {len(first)}\n")
while real.stdout.read(65536):
    pass
real.wait()
'''


def start_speechd(tmp, log):
    """A speech-dispatcher of our own whose sound card records to `tmp/sound.raw`; returns the
    process and its address."""
    home = os.path.join(tmp, "home")
    conf = os.path.join(home, ".config", "speech-dispatcher")
    run = os.path.join(tmp, "run")
    os.makedirs(conf)
    os.makedirs(run, mode=0o700)
    sound = os.path.join(tmp, "sound.raw")
    with open(os.path.join(home, ".asoundrc"), "w") as f:
        f.write('pcm.!default {\n type file\n slave.pcm "null"\n file "%s"\n format "raw"\n}\n'
                % sound)
    with open(os.path.join(conf, "speechd.conf"), "w") as f:
        f.write('AudioOutputMethod "alsa"\nDefaultModule espeak-ng\nLogDir "%s"\n' % tmp)
    socket = os.path.join(tmp, "speechd.sock")
    env = {"PATH": os.environ["PATH"], "HOME": home, "XDG_RUNTIME_DIR": run,
           "XDG_CONFIG_HOME": os.path.join(home, ".config")}
    server = subprocess.Popen(["speech-dispatcher", "--run-single", "--timeout", "0",
                               "--socket-path", socket], env=env, stdout=log, stderr=log)
    deadline = time.time() + 20
    while not os.path.exists(socket):
        if time.time() > deadline:
            sys.exit("speech-dispatcher never opened its socket")
        time.sleep(0.05)
    return server, "unix_socket:" + socket, sound


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument("--bin", default=None)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--voice", default="espeak-ng",
                        choices=["espeak-ng", "speech-dispatcher"])
    args = parser.parse_args()
    dispatcher = args.voice == "speech-dispatcher"
    real = subprocess.run(["sh", "-c", "command -v espeak-ng"], capture_output=True,
                          text=True).stdout.strip()
    if not real:
        sys.exit("needs espeak-ng: apt install espeak-ng")
    binary = args.bin or taps.default_binary()
    processes = []
    with tempfile.TemporaryDirectory() as tmp:
        log_path = os.path.join(tmp, "spoken.log")
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        stand_in = os.path.join(bindir, "espeak-ng")
        with open(stand_in, "w") as f:
            f.write(STAND_IN.replace("REAL", real).replace("LOG", log_path))
        os.chmod(stand_in, 0o755)
        config = os.path.join(tmp, "concierge.toml")
        log = open(os.path.join(tmp, "kiosk.log"), "w")
        sound = None
        if dispatcher:
            server, address, sound = start_speechd(tmp, log)
            processes.append(server)
            with open(config, "w") as f:
                f.write('[speech]\nvoice = "speech-dispatcher"\naddress = "%s"\n' % address)
            bindir = os.path.join(tmp, "no-stand-in")
            os.makedirs(bindir)
        else:
            with open(config, "w") as f:
                f.write('[speech]\nvoice = "espeak-ng"\n')
        try:
            xvfb, name = taps.start_xvfb(args.size, log)
            processes.append(xvfb)
            env = dict(os.environ, DISPLAY=name, WAYLAND_DISPLAY="",
                       PATH=bindir + os.pathsep + os.environ["PATH"])
            kiosk = subprocess.Popen([binary, "--config", config, "--data-dir",
                                      os.path.join(tmp, "data"), "run"], env=env,
                                     stdout=subprocess.DEVNULL, stderr=log)
            processes.append(kiosk)
            screen = taps.Screen(name)
            screen.wait_painted(30)
            d = screen.display

            def heard():
                try:
                    return os.path.getsize(sound)
                except FileNotFoundError:
                    return 0

            def quiet_size():
                """The dispatcher's sound so far, once the last answer stopped coming (one cut
                short could still be writing)."""
                size, still = heard(), 0
                while still < 25:
                    time.sleep(0.01)
                    now = heard()
                    still = still + 1 if now == size else 0
                    size = now
                return size

            def answer(before, t0):
                """(key to espeak-ng, key to first sound) in ms once the answer to the key
                began (the dispatcher's has no process of ours to time: None), else None."""
                if dispatcher:
                    return (None, (time.time() - t0) * 1000) if heard() > before else None
                now = lines()
                if len(now) > len(before):
                    started, sounded, _ = map(float, now[-1].split())
                    return (started - t0) * 1000, (sounded - t0) * 1000
                return None

            def press(keysym):
                code = d.keysym_to_keycode(XK.string_to_keysym(keysym))
                before = quiet_size() if dispatcher else lines()
                t0 = time.time()
                xtest.fake_input(d, X.KeyPress, code)
                xtest.fake_input(d, X.KeyRelease, code)
                d.sync()
                deadline = t0 + 5
                while time.time() < deadline:
                    got = answer(before, t0)
                    if got:
                        return got
                    time.sleep(0.001)
                return None

            def lines():
                try:
                    with open(log_path) as f:
                        return f.read().splitlines()
                except FileNotFoundError:
                    return []

            spawn, sounds = [], []
            first = press("F2")
            for _ in range(args.keys):
                time.sleep(0.6)
                got = press("Down")
                if got:
                    if got[0] is not None:
                        spawn.append(got[0])
                    sounds.append(got[1])
            if dispatcher:
                print(f"kiosk {binary}, {args.size}, speech-dispatcher (espeak-ng module), "
                      "first sound = first audio at its ALSA device")
                if first:
                    print(f"F2 (speech on, the whole Welcome screen): first sound "
                          f"{first[1]:.1f} ms")
            else:
                print(f"kiosk {binary}, {args.size}, espeak-ng {real}")
                if first:
                    print(f"F2 (speech on, the whole Welcome screen): started {first[0]:.1f} ms, "
                          f"first sound {first[1]:.1f} ms")
                print(taps.figures("key to espeak-ng", spawn))
            print(taps.figures("key to first sound", sounds))
        finally:
            for process in reversed(processes):
                taps.stop(process)


if __name__ == "__main__":
    main()
