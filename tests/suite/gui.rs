//! The kiosk window on a real X server (Xvfb), drawn by the software renderer.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the child when the test ends, pass or fail.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
#[ignore = "needs Xvfb, ImageMagick and xwininfo: scripts/test installs them"]
fn the_kiosk_window_opens_and_paints_without_a_gpu() {
    let dir = tempfile::tempdir().unwrap();
    let number = 40 + std::process::id() % 50;
    let display = format!(":{number}");
    let _xvfb = Reaped(
        Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb"),
    );
    let socket = format!("/tmp/.X11-unix/X{number}");
    wait_for("Xvfb", Duration::from_secs(10), || {
        Path::new(&socket).exists()
    });
    let _kiosk = Reaped(
        Command::new(env!("CARGO_BIN_EXE_concierge"))
            .args(["--data-dir"])
            .arg(dir.path())
            .args(["run", "--windowed"])
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .spawn()
            .expect("concierge"),
    );
    wait_for("the kiosk window", Duration::from_secs(30), || {
        Command::new("xwininfo")
            .args(["-root", "-tree", "-display", &display])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("\"Concierge\""))
    });
    // The demo airline was seeded before the window opened.
    assert!(dir.path().join("airline.sqlite").is_file());
    let shot = dir.path().join("kiosk.png");
    let colours = || {
        let ok = Command::new("import")
            .args(["-display", &display, "-window", "root"])
            .arg(&shot)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return 0;
        }
        let out = Command::new("convert")
            .arg(&shot)
            .args(["-format", "%k", "info:"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<u32>()
            .unwrap_or(0)
    };
    // Anti-aliased text gives many shades; an unpainted window gives one or two.
    wait_for("the window to paint", Duration::from_secs(20), || {
        colours() > 16
    });
}
