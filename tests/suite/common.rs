//! Helpers shared by the integration tests.

use concierge::dcs::{BagTagPolicy, DemoAirline, SqliteAirline};
use concierge::domain::Timestamp;
use std::path::Path;
use std::time::Duration;

pub fn now() -> Timestamp {
    chrono::Utc::now()
}

pub fn policy(kiosk: &str, serials: (u32, u32)) -> BagTagPolicy {
    BagTagPolicy {
        kiosk: kiosk.into(),
        serials,
        quarantine: Duration::from_secs(30 * 86_400),
    }
}

/// The demo airline plus `extra` one-passenger bookings `BULK000`… (surnames `BULKA`…) on
/// flight NW 432, a wide-body, for tests that need many passengers on one flight.
pub fn bulk_demo(extra: usize) -> DemoAirline {
    let mut demo = DemoAirline::embedded().unwrap();
    let template = demo
        .bookings
        .iter()
        .find(|b| b.reference == "DEMO02")
        .unwrap()
        .clone();
    for i in 0..extra {
        let mut b = template.clone();
        b.reference = format!("BULK{i:03}");
        b.flights = vec![432];
        b.passengers[0].seats = vec![String::new()];
        b.passengers[0].surname = bulk_surname(i);
        b.passengers[0].eticket = format!("98755{i:08}");
        demo.bookings.push(b);
    }
    demo
}

pub fn open_bulk(path: &Path, kiosk: &str, extra: usize) -> SqliteAirline {
    SqliteAirline::open_with(
        path,
        policy(kiosk, (100_000, 999_999)),
        now(),
        &bulk_demo(extra),
    )
    .unwrap()
}

/// The surname of bulk booking `i`.
pub fn bulk_surname(i: usize) -> String {
    format!("BULK{}", (b'A' + (i % 26) as u8) as char)
}

/// Runs the kiosk's help worker until `key` reaches `want` (or `within` passes); returns the
/// status it ended at, for the caller to assert.
pub async fn step_until(
    pager: &concierge::help::Pager,
    key: &str,
    want: &concierge::help::HelpStatus,
    within: Duration,
) -> concierge::help::HelpStatus {
    let worker = concierge::help::Worker::new(pager.clone());
    let deadline = std::time::Instant::now() + within;
    loop {
        let status = pager.status(key).unwrap();
        if &status == want || std::time::Instant::now() >= deadline {
            return status;
        }
        worker.step().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A browser script (`tests/browser/<name>`) run by node with `args`: its standard input and
/// its standard output's lines as they come (read on a thread of their own). Scripts print
/// "STEP <name>" and wait for a line when the test must act, "ok <what>" for what they saw.
pub struct Browser {
    pub child: std::process::Child,
    pub stdin: std::process::ChildStdin,
    pub lines: tokio::sync::mpsc::UnboundedReceiver<String>,
}

impl Browser {
    pub fn start(name: &str, args: &[&str]) -> Browser {
        use std::io::BufRead;
        let script = format!("{}/tests/browser/{name}", env!("CARGO_MANIFEST_DIR"));
        let mut child = std::process::Command::new("node")
            .arg(script)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("node (with tests/browser/node_modules: scripts/test installs it)");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = tokio::sync::mpsc::unbounded_channel::<String>();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Browser {
            child,
            stdin,
            lines,
        }
    }

    /// The script goes on after a "STEP".
    pub fn go(&mut self) {
        use std::io::Write;
        self.stdin.write_all(b"go\n").unwrap();
        self.stdin.flush().unwrap();
    }

    /// Waits for the script's end (killing it after `within`): whether it succeeded, and its
    /// standard error.
    pub fn finish(mut self, finished_in_time: bool) -> (bool, String) {
        if !finished_in_time {
            let _ = self.child.kill();
        }
        drop(self.stdin);
        let output = self.child.wait_with_output().unwrap();
        (
            output.status.success() && finished_in_time,
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }
}

/// A plain HTTP client that, like the kiosk's own, lets an idle connection go before the
/// server's 10 s header deadline closes it (a request sent on a connection at the moment it
/// is closed fails, and a test that waits ten seconds would then fail now and then).
pub(crate) fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .build()
        .unwrap()
}
