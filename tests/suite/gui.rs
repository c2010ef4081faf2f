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

/// A child in a process group of its own, killed with everything it started (runuser, cage
/// and the kiosk: a kiosk left behind would hold the demo desk's port for later tests).
struct ReapedGroup(Child);

impl Drop for ReapedGroup {
    fn drop(&mut self) {
        // SAFETY: kill sends a signal to the process group we created; nothing else.
        unsafe {
            libc::kill(-(self.0.id() as libc::pid_t), libc::SIGKILL);
        }
        let _ = self.0.wait();
    }
}

/// An X server of its own at 1280x800, once it takes connections; and its name. Xvfb picks a
/// free display number itself and tells it through `-displayfd`: a number guessed here could
/// belong to another program's X server on a shared machine, and the test would draw there.
fn xvfb() -> (Reaped, String) {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    use std::os::unix::process::CommandExt;
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two new descriptors into `fds`; both close on exec, and only the
    // child's copy of the writing end is kept open for Xvfb (below).
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    let (read, write) = (fds[0], fds[1]);
    let mut command = Command::new("Xvfb");
    command
        .args(["-displayfd", &write.to_string()])
        .args(["-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stderr(Stdio::null());
    // SAFETY: between fork and exec, only fcntl on a descriptor we own (async-signal-safe).
    unsafe {
        command.pre_exec(move || {
            if libc::fcntl(write, libc::F_SETFD, 0) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let server = Reaped(command.spawn().expect("Xvfb"));
    // SAFETY: our copy of the writing end is ours to close; the reading end becomes a File.
    unsafe { libc::close(write) };
    let mut from_xvfb = unsafe { std::fs::File::from_raw_fd(read) };
    // Xvfb writes the number once it listens (and closes its end on failure: EOF).
    let mut said = String::new();
    let mut byte = [0u8; 1];
    while from_xvfb.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
        said.push(byte[0] as char);
    }
    let number: u32 = said
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("Xvfb did not say its display number: {said:?}"));
    (server, format!(":{number}"))
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
    let (_xvfb, display) = xvfb();
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

/// Under systemd the kiosk says when it is ready and then feeds the watchdog from the UI's own
/// clock: a frozen UI (here: stopped with SIGSTOP) stops the heartbeats, which is what makes
/// systemd restart it.
#[test]
#[ignore = "needs Xvfb: scripts/test installs it"]
fn the_kiosk_tells_systemd_it_is_ready_and_alive() {
    use std::os::unix::net::UnixDatagram;
    let dir = tempfile::tempdir().unwrap();
    let (_xvfb, display) = xvfb();
    let notify = dir.path().join("notify.sock");
    let systemd = UnixDatagram::bind(&notify).unwrap();
    systemd
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let kiosk = Reaped(
        Command::new(env!("CARGO_BIN_EXE_concierge"))
            .args(["--data-dir"])
            .arg(dir.path())
            .args(["run", "--windowed"])
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .env("NOTIFY_SOCKET", &notify)
            .env("WATCHDOG_USEC", "2000000")
            .spawn()
            .expect("concierge"),
    );
    let mut buf = [0u8; 256];
    let mut heard = Vec::new();
    while heard
        .iter()
        .filter(|m: &&String| *m == "WATCHDOG=1")
        .count()
        < 2
    {
        let n = systemd.recv(&mut buf).expect("a notification within 30 s");
        heard.push(String::from_utf8_lossy(&buf[..n]).to_string());
    }
    assert!(heard[0].starts_with("READY=1"), "{heard:?}");
    // Frozen: no heartbeat comes.
    let pid = kiosk.0.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-STOP", &pid])
            .status()
            .unwrap()
            .success()
    );
    std::thread::sleep(Duration::from_millis(300));
    while systemd
        .set_read_timeout(Some(Duration::from_millis(50)))
        .is_ok()
        && systemd.recv(&mut buf).is_ok()
    {}
    systemd
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    assert!(
        systemd.recv(&mut buf).is_err(),
        "a frozen UI sends no heartbeat"
    );
    let _ = Command::new("kill").args(["-CONT", &pid]).status();
    let n = systemd
        .recv(&mut buf)
        .expect("heartbeats again once it runs");
    assert_eq!(&buf[..n], b"WATCHDOG=1");
}

/// The kiosk as the package runs it: inside the cage Wayland kiosk compositor (here on
/// wlroots' headless backend, as an unprivileged user, as cage insists), where it shows
/// Welcome and feeds the watchdog through cage, as the systemd unit expects.
#[test]
#[ignore = "needs cage and Xwayland: scripts/test installs them"]
fn the_kiosk_runs_full_screen_in_cage() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::net::UnixDatagram;
    let dir = tempfile::tempdir().unwrap();
    let open = |p: &Path| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).unwrap();
    };
    open(dir.path());
    let runtime = dir.path().join("runtime");
    let data = dir.path().join("data");
    for d in [&runtime, &data] {
        std::fs::create_dir(d).unwrap();
        open(d);
    }
    let notify = dir.path().join("notify.sock");
    let systemd = UnixDatagram::bind(&notify).unwrap();
    open(&notify);
    systemd
        .set_read_timeout(Some(Duration::from_secs(40)))
        .unwrap();
    // cage refuses to run as root: the kiosk's own user in production, `nobody` here.
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let mut cage = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--", "cage"]);
        c
    } else {
        Command::new("cage")
    };
    if root {
        // XDG_RUNTIME_DIR must belong to the user running the compositor.
        std::os::unix::fs::chown(&runtime, Some(65534), Some(65534)).unwrap();
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    use std::os::unix::process::CommandExt;
    let _cage = ReapedGroup(
        cage.process_group(0)
            .args(["-s", "--", env!("CARGO_BIN_EXE_concierge"), "--data-dir"])
            .arg(&data)
            .arg("run")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("WLR_BACKENDS", "headless")
            .env("WLR_LIBINPUT_NO_DEVICES", "1")
            .env("WLR_RENDERER", "pixman")
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .env("HOME", dir.path())
            .env("NOTIFY_SOCKET", &notify)
            .env("WATCHDOG_USEC", "2000000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cage"),
    );
    let mut buf = [0u8; 256];
    let n = systemd
        .recv(&mut buf)
        .expect("READY=1 from the kiosk inside cage within 40 s");
    assert!(buf[..n].starts_with(b"READY=1"), "{:?}", &buf[..n]);
    let n = systemd.recv(&mut buf).expect("a heartbeat through cage");
    assert_eq!(&buf[..n], b"WATCHDOG=1");
    assert!(
        data.join("airline.sqlite").is_file(),
        "the kiosk ran as cage's child"
    );
}

/// What the window shows is what the kiosk drew: the software renderer redraws only what it
/// judges changed, and misjudged it (seat-map row numbers left where they were before the map
/// scrolled to the passenger's seat, an Urdu banner left blank). The tour walks the real window
/// through every screen in English and Urdu; at each stop the kiosk saves its own full picture
/// of the frame and the test grabs the X server's screen while it holds still: the two must be
/// the same picture.
#[test]
#[ignore = "needs Xvfb and ImageMagick: scripts/test installs them"]
fn the_window_shows_every_screen_without_stale_pixels() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let (_xvfb, display) = xvfb();
    let mut faults = Vec::new();
    let mut compared = 0;
    for locale in ["en-US", "ur-PK"] {
        let data = dir.path().join(format!("data-{locale}"));
        let shots = dir.path().join(format!("shots-{locale}"));
        let mut kiosk = Reaped(
            Command::new(env!("CARGO_BIN_EXE_concierge"))
                .args(["--data-dir"])
                .arg(&data)
                .args(["run", "--windowed", "--tour"])
                .arg(&shots)
                .args(["--locale", locale, "--tour-pace", "2000"])
                .env("DISPLAY", &display)
                .env_remove("WAYLAND_DISPLAY")
                .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("concierge"),
        );
        let stdout = kiosk.0.stdout.take().unwrap();
        // Each line: a picture the kiosk saved; the screen holds still for a step after it.
        for line in BufReader::new(stdout).lines() {
            let drawn = std::path::PathBuf::from(line.unwrap());
            // The idle prompt counts down by itself between the two pictures.
            if drawn.to_string_lossy().contains("/idle-") {
                continue;
            }
            let shown = drawn.with_extension("shown.png");
            let grabbed = Command::new("import")
                .args(["-display", &display, "-window", "root"])
                .arg(&shown)
                .status()
                .is_ok_and(|s| s.success());
            assert!(grabbed, "import could not grab the screen");
            // Pixels that differ at all (both are 8-bit RGB of the same renderer).
            let out = Command::new("compare")
                .args(["-metric", "AE"])
                .arg(&drawn)
                .arg(&shown)
                .arg("null:")
                .output()
                .unwrap();
            let differing: f64 = String::from_utf8_lossy(&out.stderr)
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(f64::MAX);
            compared += 1;
            if differing > 0.0 {
                faults.push(format!("{}: {differing} pixels differ", drawn.display()));
                let _ = std::fs::copy(
                    &shown,
                    std::env::temp_dir().join(shown.file_name().unwrap()),
                );
                let _ = std::fs::copy(
                    &drawn,
                    std::env::temp_dir().join(drawn.file_name().unwrap()),
                );
            }
        }
        let _ = kiosk.0.wait();
    }
    assert!(compared >= 30, "{compared} screens compared");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// The real kiosk in a window, an application on the real simulator binary (`cuss2-sim`, CUSS
/// 2.4), both on loopback: the kiosk makes itself AVAILABLE, the platform's session brings it
/// to Identify with the readers on, the injected boarding pass brings DEMO01's greeting (the
/// screen changes, the readers go off), the platform's session timeout ends the visit.
#[test]
#[ignore = "needs Xvfb and ImageMagick: scripts/test installs them"]
fn the_kiosk_window_on_the_cuss2_simulator_takes_a_scanned_pass() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let mut sim = Command::new(env!("CARGO_BIN_EXE_cuss2-sim"))
        .args(["--listen", "127.0.0.1:0", "--cuss", "2.4", "--out"])
        .arg(dir.path().join("sim"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cuss2-sim");
    let mut said = String::new();
    std::io::BufReader::new(sim.stdout.take().unwrap())
        .read_line(&mut said)
        .unwrap();
    let _sim = Reaped(sim);
    let address = said
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("the simulator's address")
        .to_string();
    std::fs::write(dir.path().join("secret"), "demo-secret\n").unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!(
            "[devices]\nplatform = \"cuss2\"\n[cuss2]\nurl = \"ws://{address}/platform/subscribe\"\n\
             client_id = \"concierge\"\nsecret_file = \"{}\"\n",
            dir.path().join("secret").display()
        ),
    )
    .unwrap();
    let (_xvfb, display) = xvfb();
    let _kiosk = Reaped(
        Command::new(env!("CARGO_BIN_EXE_concierge"))
            .args(["--data-dir"])
            .arg(dir.path().join("data"))
            .arg("--config")
            .arg(&config)
            .args(["run", "--windowed"])
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .stderr(Stdio::null())
            .spawn()
            .expect("concierge"),
    );
    concierge::net::install_crypto();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let http = crate::common::http();
    let call = |method: &str, path: &str, body: Option<serde_json::Value>| {
        let mut r = http.request(
            reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
            format!("http://{address}{path}"),
        );
        if let Some(b) = body {
            r = r.json(&b);
        }
        rt.block_on(async move {
            let r = r.send().await.unwrap();
            let code = r.status().as_u16();
            (
                code,
                r.json::<serde_json::Value>().await.unwrap_or_default(),
            )
        })
    };
    let status = || call("GET", "/sim/status", None).1;
    let reader_on = |s: &serde_json::Value| s["components"][0]["enabled"] == true;
    wait_for("the kiosk AVAILABLE", Duration::from_secs(120), || {
        status()["application_state"] == "AVAILABLE"
    });
    let shot = |name: &str| {
        let path = dir.path().join(name);
        let ok = Command::new("import")
            .args(["-display", &display, "-window", "root"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "import");
        std::fs::read(path).unwrap()
    };
    let (code, _) = call(
        "POST",
        "/sim/session",
        Some(serde_json::json!({"language": "ur-PK"})),
    );
    assert_eq!(code, 200);
    wait_for("the readers on (Identify)", Duration::from_secs(60), || {
        reader_on(&status())
    });
    std::thread::sleep(Duration::from_millis(500));
    let identify = shot("identify.png");
    let pass = "M1DESMARAIS/LUC MR    EDEMO01 YULYYZNW 0101 327J002A0001 100";
    let (code, _) = call(
        "POST",
        "/sim/barcode",
        Some(serde_json::json!({"data": pass})),
    );
    assert_eq!(code, 200);
    wait_for(
        "the readers off (Greeting)",
        Duration::from_secs(60),
        || !reader_on(&status()),
    );
    std::thread::sleep(Duration::from_millis(500));
    assert_ne!(shot("greeting.png"), identify, "the screen changed");
    // The platform's session timeout ends the visit; the kiosk gives the platform back.
    assert_eq!(call("DELETE", "/sim/session", None).0, 200);
    wait_for("AVAILABLE again", Duration::from_secs(60), || {
        status()["application_state"] == "AVAILABLE"
    });
}

/// The real kiosk binary, in a window, takes the configuration published for it on a real
/// desk: it asks (signed), checks it with its own file, and its screens take it between
/// sessions — the window's pixels change, and the kiosk's heartbeat tells the desk the
/// version its screens now run. A bad publication after that is refused and the screens keep
/// the good one.
#[test]
#[ignore = "needs Xvfb and ImageMagick: scripts/test installs them"]
fn the_kiosk_window_takes_the_configuration_published_for_it() {
    use crate::desk::SECRET;
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let desk = rt.block_on(crate::desk_fleet::Instance::start(
        None,
        dir.path(),
        "publishers = [\"Alex\"]\n",
    ));
    rt.block_on(
        desk.desk
            .store
            .set_agent("Alex", &concierge::secret::hash("battery staple").unwrap()),
    )
    .unwrap();
    let alex = rt.block_on(crate::desk_duty::Agent::sign_in(
        &desk.url,
        "Alex",
        "battery staple",
    ));
    std::fs::write(dir.path().join("desk.key"), SECRET).unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!(
            "[kiosk]\nid = \"LHE-T1-K07\"\nairport = \"LHE\"\nterminal = \"T1\"\nmode = \"bag-drop\"\n\
             [help]\nheartbeat_every = \"1s\"\nfetch_config_every = \"5s\"\n\
             [[help.targets]]\nkind = \"desk\"\nurl = \"{}\"\nsecret_file = \"{}\"\n",
            desk.url,
            dir.path().join("desk.key").display()
        ),
    )
    .unwrap();
    let (_xvfb, display) = xvfb();
    let _kiosk = Reaped(
        Command::new(env!("CARGO_BIN_EXE_concierge"))
            .args(["--data-dir"])
            .arg(dir.path().join("data"))
            .arg("--config")
            .arg(&config)
            .args(["run", "--windowed"])
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .stderr(Stdio::null())
            .spawn()
            .expect("concierge"),
    );
    let card = || {
        let page = rt.block_on(alex.get("/fleet"));
        page.split("data-kiosk=\"LHE-T1-K07\"")
            .nth(1)
            .map(|rest| rest.split("class=\"card kiosk").next().unwrap().to_string())
            .unwrap_or_default()
    };
    wait_for(
        "the kiosk's first heartbeat",
        Duration::from_secs(120),
        || !card().is_empty(),
    );
    let shot = |name: &str| {
        let path = dir.path().join(name);
        let ok = Command::new("import")
            .args(["-display", &display, "-window", "root"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "import");
        std::fs::read(path).unwrap()
    };
    std::thread::sleep(Duration::from_secs(1));
    let before = shot("before.png");
    let publish = |text: &str, after: &str| {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf", &alex.csrf)
            .append_pair("group", "airport:LHE")
            .append_pair("text", text)
            .append_pair("after", after)
            .finish();
        let r = rt
            .block_on(
                alex.client
                    .post(format!("{}/fleet/config/publish", desk.url))
                    .header("Cookie", &alex.cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(form)
                    .send(),
            )
            .unwrap();
        assert_eq!(r.status(), 303);
    };
    publish(
        "[branding]\nname = \"Lahore Skyways\"\nbar = \"#7a1f3d\"\n",
        "0",
    );
    // Taken, then applied by the screens: the version they report carries the bundle's tag.
    wait_for(
        "the kiosk to run the publication",
        Duration::from_secs(60),
        || {
            // The label in the agent's words, their placeables isolated (U+2068 … U+2069).
            let c = card().replace(['\u{2068}', '\u{2069}'], "");
            c.contains("airport LHE v1") && c.contains('+')
        },
    );
    wait_for("the window to change", Duration::from_secs(20), || {
        shot("after.png") != before
    });
    // A publication a bag drop cannot run: refused, shown, and the screens stay as they are.
    publish(
        "[branding]\nname = \"Lahore Skyways\"\nbar = \"#7a1f3d\"\n[steps]\nbags = false\n",
        "1",
    );
    wait_for(
        "the refusal on the fleet page",
        Duration::from_secs(60),
        || card().contains("data-refused"),
    );
    assert!(card().contains("airport LHE v2:5:1:"), "{}", card());
    let kept = shot("kept.png");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        shot("kept-later.png"),
        kept,
        "the screens keep the good one"
    );
}
