//! systemd's notification protocol, by hand (a datagram to `$NOTIFY_SOCKET`): "READY=1" once
//! the kiosk shows its first screen, then "WATCHDOG=1" from the UI's own clock, so a hung UI
//! stops the heartbeats and systemd (`WatchdogSec`) restarts it. Outside systemd nothing is
//! sent and nothing fails.

use std::os::unix::net::UnixDatagram;
use std::time::Duration;

/// Sends `state` (e.g. "READY=1") to the service manager; false when there is none.
pub fn notify(state: &str) -> bool {
    let Some(path) = std::env::var_os("NOTIFY_SOCKET") else {
        return false;
    };
    let Ok(socket) = UnixDatagram::unbound() else {
        return false;
    };
    let path = path.to_string_lossy().to_string();
    let sent = if let Some(name) = path.strip_prefix('@') {
        use std::os::linux::net::SocketAddrExt;
        std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())
            .and_then(|addr| socket.send_to_addr(state.as_bytes(), &addr))
    } else {
        socket.send_to(state.as_bytes(), &path)
    };
    sent.is_ok()
}

/// How often to send "WATCHDOG=1": half the watchdog's timeout (`$WATCHDOG_USEC`), or `None`
/// when no watchdog is set for this process.
pub fn watchdog_every() -> Option<Duration> {
    let usec: u64 = std::env::var("WATCHDOG_USEC").ok()?.parse().ok()?;
    if let Some(pid) = std::env::var("WATCHDOG_PID")
        .ok()
        .and_then(|p| p.parse::<u32>().ok())
        && pid != std::process::id()
    {
        // Under cage the watchdog belongs to the kiosk, a child: it is still ours to feed
        // (the unit sets NotifyAccess=all).
        tracing::debug!(pid, "the watchdog names another process");
    }
    (usec > 0).then(|| Duration::from_micros(usec / 2))
}

/// The heartbeat a living UI sends from its clock: "READY=1" the first time, then "WATCHDOG=1"
/// at most every [`watchdog_every`] (and at most every second, the UI's tick).
#[derive(Debug)]
pub struct Heartbeat {
    told_ready: bool,
    every: Option<Duration>,
    last: Option<std::time::Instant>,
}

impl Heartbeat {
    /// A heartbeat for this process's watchdog, if systemd set one.
    pub fn new() -> Heartbeat {
        Heartbeat {
            told_ready: false,
            every: watchdog_every().map(|d| d.max(Duration::from_secs(1))),
            last: None,
        }
    }

    /// Called on each tick of the UI's clock: the service manager hears the UI is alive (and,
    /// the first time, ready).
    pub fn beat(&mut self, status: &str) {
        if !self.told_ready {
            self.told_ready = true;
            notify(&format!("READY=1\nSTATUS={status}"));
        }
        if let Some(every) = self.every {
            let now = std::time::Instant::now();
            if self.last.is_none_or(|t| now - t >= every) {
                self.last = Some(now);
                notify("WATCHDOG=1");
            }
        }
    }
}

impl Default for Heartbeat {
    fn default() -> Heartbeat {
        Heartbeat::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_reaches_the_socket() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let listener = UnixDatagram::bind(&path).unwrap();
        // SAFETY: this test alone reads NOTIFY_SOCKET in this process.
        unsafe { std::env::set_var("NOTIFY_SOCKET", &path) };
        assert!(notify("READY=1"));
        unsafe { std::env::remove_var("NOTIFY_SOCKET") };
        let mut buf = [0u8; 64];
        let n = listener.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"READY=1");
        assert!(!notify("READY=1"), "no service manager, nothing sent");
    }
}
