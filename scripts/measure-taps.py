#!/usr/bin/env python3
"""Measures how long the kiosk takes to answer a tap, from outside, as a passenger sees it: the time
from a tap to the changed screen. Runs the real kiosk full screen (software renderer) on its own
Xvfb, taps through XTest (a real input event through the X server) and polls a band of the root
window under the header until it differs from the picture before the tap (the band is away from the
tapped buttons, so their hover and pressed looks do not count). Taps alternate between "Touch to
start" on Welcome (to Identify) and "Start over" on Identify (back to Welcome), each checked to have
landed where expected; also prints the kiosk's CPU time per tap, which a busy machine does not
inflate, and its CPU while idle on Welcome. Then restarts the kiosk and times its very first tap into Urdu
apart, `--settle` seconds after its first frame (default 3: the kiosk draws every language's first
screen, unseen, at its first clock tick; a passenger does not tap within a second of the kiosk
starting), and with `--settle 0` as soon as the first frame is painted. Needs Xvfb and python-xlib (`pip install python-xlib`). Usage:

    scripts/measure-taps.py [--size 1920x1080] [--taps 40] [--bin target/deb/concierge]

(default binary: target/release, else target/deb, else target/debug). The resolution is one poll,
printed with the figures.
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

try:
    from Xlib import X, display
    from Xlib.ext import xtest
except ImportError:
    sys.exit("needs python-xlib: pip install python-xlib")

root_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# The kiosk's sizes at 1280x800 (it grows with a larger panel: see `scale`) and colours: header
# on top (72 px, a little more in Urdu), bottom bar 96 px with Start over at the right in English
# (at the left in Urdu, where Back takes its place), ~300 x 67 px, 25 px from the edge.
BAR = 96
CORNER_BUTTON_INSET = 175          # centre of Start over / Back from the side edge
BAND_TOP, BAND_ROWS = 80, 48       # polled band: under the header, where Identify has its title
BLUE = (11, 79, 138)               # "Touch to start"
GREEN = (20, 83, 45)               # the selected language (English) on Welcome
PAGE = (243, 245, 248)             # page background


def scale(width, height):
    """Pixels per unit of the kiosk's layout on this panel, as theme::panel_scale has it."""
    long_side, short_side = (width, height) if width >= height else (height, width)
    return max(1.0, min(4.0, min(long_side / 1280, short_side / 800)))


POLL_TIMEOUT, POLL_PAUSE, SETTLE = 10.0, 0.001, 0.3


def close(a, b, tolerance=12):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


class Screen:
    """The X server's root window, read as RGB and tapped through XTest."""

    def __init__(self, name, scale_override=None):
        self.display = display.Display(name)
        self.root = self.display.screen().root
        self.width = self.display.screen().width_in_pixels
        self.height = self.display.screen().height_in_pixels
        k = scale_override or scale(self.width, self.height)
        self.bar, self.inset = round(BAR * k), round(CORNER_BUTTON_INSET * k)
        self.band_top, self.band_rows = round(BAND_TOP * k), round(BAND_ROWS * k)

    def grab(self, x, y, w, h):
        """Raw pixels (BGRX on Xvfb, depth 24 at 32 bits a pixel)."""
        return self.root.get_image(x, y, w, h, X.ZPixmap, 0xffffffff).data

    def pixels(self, x, y, w, h):
        data = self.grab(x, y, w, h)
        return [(data[i + 2], data[i + 1], data[i]) for i in range(0, len(data), 4)]

    def band(self):
        return self.grab(0, self.band_top, self.width, self.band_rows)

    def tap(self, x, y):
        """Motion, press and release in one go (a finger on a touch screen); returns the time
        just before they are sent."""
        xtest.fake_input(self.display, X.MotionNotify, x=x, y=y)
        started = time.perf_counter()
        xtest.fake_input(self.display, X.ButtonPress, 1)
        xtest.fake_input(self.display, X.ButtonRelease, 1)
        self.display.sync()
        return started

    # Which screen is showing: Start over (Identify) is a white button in the bottom bar, where
    # Welcome shows only the dark bar; Welcome has the blue "Touch to start".
    def corner_is_white(self):
        row = self.pixels(self.width - self.inset - 100, self.height - self.bar + round(self.bar * 0.19), 200, 12)
        return sum(1 for p in row if min(p) > 230) > 0.8 * len(row)

    def looks_like(self, where, start_button=None):
        if where == "identify":
            return self.corner_is_white()
        x, y = start_button
        return not self.corner_is_white() and close(self.pixels(x, y - 40, 1, 1)[0], BLUE)

    def find_welcome_buttons(self):
        """(Touch to start, Urdu) centres on Welcome: Touch to start is centred; we look down the
        middle column for its blue. Urdu is the button after the selected (green) English on the
        first row of languages, at the same pitch."""
        column = self.pixels(self.width // 2, 0, 1, self.height)
        blue = [y for y, p in enumerate(column) if close(p, BLUE)]
        if not blue:
            raise RuntimeError("no 'Touch to start' button in the middle of the screen")
        start = (self.width // 2, (blue[0] + blue[-1]) // 2)
        top = blue[-1] + 1
        area = self.pixels(0, top, self.width, self.height - self.bar - top)
        green = [(i % self.width, top + i // self.width) for i, p in enumerate(area) if close(p, GREEN)]
        if not green:
            raise RuntimeError("no selected language (English) under 'Touch to start'")
        left, right = min(x for x, _ in green), max(x for x, _ in green)
        y = (min(y for _, y in green) + max(y for _, y in green)) // 2
        row = self.pixels(0, y, self.width, 1)
        x = right + 1
        while x < self.width and close(row[x], PAGE, 4):     # the gap to the next button
            x += 1
        if x >= self.width:
            raise RuntimeError("no language button after English")
        return start, (x + (right - left) // 2, y)

    def wait_painted(self, timeout):
        """Until Welcome is up: the screen has not changed for a second and shows the blue of
        "Touch to start" down the middle (a bare Xvfb root is not uniform, but not blue)."""
        deadline = time.monotonic() + timeout
        last, since = None, time.monotonic()
        while time.monotonic() < deadline:
            picture = self.grab(0, 0, self.width, self.height)
            if picture != last:
                last, since = picture, time.monotonic()
            elif time.monotonic() - since >= 1.0 and any(
                    close(p, BLUE) for p in self.pixels(self.width // 2, 0, 1, self.height)):
                return
            time.sleep(0.1)
        raise RuntimeError(f"no still Welcome screen within {timeout:.0f} s")

    def tap_and_wait(self, x, y):
        """Taps, waits for the band to change and then to settle; returns the milliseconds from
        the tap to the first poll where the band differed, or None if it did not change within
        POLL_TIMEOUT. Polls every POLL_PAUSE plus one grab, so as not to take a core from the
        kiosk on a small machine."""
        before = self.band()
        started = self.tap(x, y)
        ms = None
        while time.perf_counter() - started < POLL_TIMEOUT:
            if self.band() != before:
                ms = (time.perf_counter() - started) * 1000
                break
            time.sleep(POLL_PAUSE)
        self.settle()
        return ms

    def settle(self):
        """Until the band and the bottom bar have not changed for SETTLE seconds (not the whole
        screen, so that a blinking text cursor cannot hold it up)."""
        def look():
            return self.band() + self.grab(0, self.height - self.bar, self.width, self.bar)
        last, since, deadline = look(), time.monotonic(), time.monotonic() + POLL_TIMEOUT
        while time.monotonic() - since < SETTLE and time.monotonic() < deadline:
            time.sleep(0.02)
            now = look()
            if now != last:
                last, since = now, time.monotonic()


def cpu_seconds(process):
    """User + system CPU time of a process so far, all its threads."""
    fields = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def default_binary():
    for kind in ("release", "deb", "debug"):
        path = os.path.join(root_dir, "target", kind, "concierge")
        if os.path.exists(path):
            return path
    sys.exit("no built kiosk: cargo build --release (or --bin PATH)")


def start_xvfb(size, log):
    """Xvfb on a free display number (it picks one and tells us through -displayfd)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=log, stderr=log)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise RuntimeError("Xvfb did not start")
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{number}"):
            break
        time.sleep(0.05)
    return xvfb, f":{number}"


def start_kiosk(binary, name, tmp, log):
    env = dict(os.environ, DISPLAY=name, XDG_CONFIG_HOME=os.path.join(tmp, "no-config"),
               WAYLAND_DISPLAY="")
    return subprocess.Popen([binary, "--data-dir", os.path.join(tmp, "data"), "run"], env=env,
                            stdout=subprocess.DEVNULL, stderr=log)


def stop(process):
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def figures(label, values):
    if not values:
        return f"{label:<22} none"
    values = sorted(values)
    p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
    return (f"{label:<22} n={len(values):<3} median {statistics.median(values):6.1f}  "
            f"p90 {p90:6.1f}  max {values[-1]:6.1f} ms")


def measure(args, tmp, log, processes):
    xvfb, name = start_xvfb(args.size, log)
    processes.append(xvfb)
    kiosk = start_kiosk(args.bin, name, tmp, log)
    processes.append(kiosk)
    screen = Screen(name, args.scale)
    screen.wait_painted(30)                      # the first start seeds the demo database
    time.sleep(args.settle)
    start_button, urdu = screen.find_welcome_buttons()
    start_over = (screen.width - screen.inset, screen.height - screen.bar // 2)
    print(f"screen {screen.width}x{screen.height}; Touch to start at {start_button}, "
          f"Start over at {start_over}, اردو at {urdu}")

    # An idle Welcome screen: what the kiosk costs while nobody uses it.
    idle_before, idle_started = cpu_seconds(kiosk), time.monotonic()
    time.sleep(args.idle)
    idle_share = (cpu_seconds(kiosk) - idle_before) / (time.monotonic() - idle_started) * 100

    grabs, polls = [], []
    for _ in range(50):
        t = time.perf_counter()
        screen.band()
        grabs.append((time.perf_counter() - t) * 1000)
        time.sleep(POLL_PAUSE)
        polls.append((time.perf_counter() - t) * 1000)

    forward, back, missed, timeouts = [], [], 0, 0
    cpu_before = cpu_seconds(kiosk)
    for i in range(args.taps):
        if i % 2 == 0:
            target, expected, into = start_button, "identify", forward
        else:
            target, expected, into = start_over, "welcome", back
        ms = screen.tap_and_wait(*target)
        if ms is None:
            timeouts += 1
        if not screen.looks_like(expected, start_button):
            missed += 1
            # put it back on the screen the next tap expects
            screen.tap_and_wait(*(start_over if screen.looks_like("identify") else start_button))
        elif ms is not None:
            into.append(ms)
    cpu_per_tap = (cpu_seconds(kiosk) - cpu_before) / max(1, args.taps) * 1000

    # The very first tap into Urdu after a fresh start (its fonts may load on demand), then a
    # later one for comparison. Start over is at the left in Urdu.
    stop(kiosk)
    kiosk = start_kiosk(args.bin, name, tmp, log)
    processes.append(kiosk)
    screen.wait_painted(30)
    time.sleep(args.settle)
    first_urdu = screen.tap_and_wait(*urdu)
    urdu_landed = screen.looks_like("identify")
    screen.tap_and_wait(screen.inset, screen.height - screen.bar // 2)
    later_urdu = None
    if screen.looks_like("welcome", start_button):      # Welcome is back in English
        later_urdu = screen.tap_and_wait(*urdu)

    load = open("/proc/loadavg").read().split()[:3]
    print(f"size {screen.width}x{screen.height}, {args.taps} taps ({missed} did not land where "
          f"expected, {timeouts} changed nothing within {POLL_TIMEOUT:.0f} s); "
          f"load average {' '.join(load)} on {os.cpu_count()} CPUs")
    print("tap -> changed screen:")
    print("  " + figures("Welcome -> Identify", forward))
    print("  " + figures("Identify -> Welcome", back))
    print("  " + figures("both", forward + back))
    show = lambda ms: "no change" if ms is None else f"{ms:.1f} ms"
    print(f"  first tap into اردو     {show(first_urdu)} {args.settle:g} s after a fresh start"
          f"{'' if urdu_landed else ' (did NOT land on Identify)'}; a later one {show(later_urdu)}")
    print(f"kiosk CPU time per tap (any load): {cpu_per_tap:.0f} ms, settling included")
    print(f"kiosk CPU while idle on Welcome: {idle_share:.2f} % of one core over {args.idle:.0f} s")
    print(f"resolution: one poll every {statistics.median(polls):.2f} ms (median; max "
          f"{max(polls):.2f}): a grab of {screen.width}x{screen.band_rows} px (median "
          f"{statistics.median(grabs):.2f} ms, max {max(grabs):.2f}) and a {POLL_PAUSE * 1000:.0f} ms "
          f"pause")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--taps", type=int, default=40)
    parser.add_argument("--bin", default=None)
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds between the kiosk's first frame and the first tap")
    parser.add_argument("--idle", type=float, default=10.0,
                        help="seconds of an idle Welcome screen to measure the kiosk's CPU over")
    parser.add_argument("--scale", type=float, default=None,
                        help="the kiosk's scale on this panel (default: as the kiosk computes it; "
                             "1 for a build from before the kiosk scaled)")
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin) if args.bin else default_binary()
    # Ctrl-C raises KeyboardInterrupt; make `kill` do the same so the finally below cleans up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    processes = []
    with tempfile.TemporaryDirectory(prefix="measure-taps.") as tmp:
        log_path = os.path.join(tmp, "kiosk.log")
        with open(log_path, "w") as log:
            try:
                measure(args, tmp, log, processes)
            except Exception:
                log.flush()
                tail = open(log_path).read()[-2000:]
                print(f"failed; the kiosk's log ends:\n{tail}", file=sys.stderr)
                raise
            finally:
                for process in reversed(processes):   # kiosks before Xvfb
                    stop(process)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted")
