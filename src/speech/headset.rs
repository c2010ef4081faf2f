//! The headset jack: the kernel reports a headphone plug going in or out as an evdev switch
//! event (`EV_SW`, `SW_HEADPHONE_INSERT`) on the sound card's jack input device. Plugged in,
//! speech mode starts; pulled out, it pauses and the screen offers to go on without it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// The jack's news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jack {
    In,
    Out,
}

const EV_SW: u16 = 0x05;
const SW_HEADPHONE_INSERT: u16 = 0x02;
/// `struct input_event` as this build reads it: a timeval (as wide as the platform's), then
/// type, code and value.
const TIME: usize = std::mem::size_of::<libc::timeval>();
const EVENT_SIZE: usize = std::mem::size_of::<libc::input_event>();

/// What one input event says of the headphone jack, if anything.
pub fn jack_of(event: &[u8; EVENT_SIZE]) -> Option<Jack> {
    let kind = u16::from_ne_bytes([event[TIME], event[TIME + 1]]);
    let code = u16::from_ne_bytes([event[TIME + 2], event[TIME + 3]]);
    let value = i32::from_ne_bytes([
        event[TIME + 4],
        event[TIME + 5],
        event[TIME + 6],
        event[TIME + 7],
    ]);
    (kind == EV_SW && code == SW_HEADPHONE_INSERT).then_some(if value != 0 {
        Jack::In
    } else {
        Jack::Out
    })
}

/// Watches headphone jacks on threads of their own; the UI asks [`Headset::news`] on its
/// clock.
#[derive(Debug)]
pub struct Headset {
    /// Each jack's news, by its place in the list watched.
    rx: Receiver<(usize, Jack)>,
    /// Kept so that a headset with no jack to watch still answers (with nothing).
    _tx: Sender<(usize, Jack)>,
    /// What each jack last said (a board may have a front and a rear one).
    jacks: std::cell::RefCell<Vec<Option<Jack>>>,
}

impl Headset {
    /// The jacks of this machine: every `/dev/input/event*` whose switches include the
    /// headphone jack (as sysfs lists them). A device the kiosk's user may not read is skipped
    /// with a warning (the kiosk user needs the `input` group for it).
    pub fn watch_system() -> Headset {
        let mut paths = Vec::new();
        for entry in std::fs::read_dir("/sys/class/input")
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().to_string();
            if !name.starts_with("event") {
                continue;
            }
            let switches = std::fs::read_to_string(entry.path().join("device/capabilities/sw"))
                .unwrap_or_default();
            if has_headphone_switch(&switches) {
                paths.push(Path::new("/dev/input").join(&name));
            }
        }
        if paths.is_empty() {
            tracing::info!("no headphone jack found: speech mode starts from the keypad");
        }
        Headset::watch(paths)
    }

    /// Reads input events from these device files (or FIFOs, in tests), each on its own thread.
    pub fn watch(paths: Vec<PathBuf>) -> Headset {
        let (tx, rx) = channel();
        let jacks = std::cell::RefCell::new(vec![None; paths.len()]);
        for (i, path) in paths.into_iter().enumerate() {
            let tx = tx.clone();
            let spawned = std::thread::Builder::new()
                .name("headset".into())
                .spawn(move || read_jack(&path, i, &tx));
            if let Err(e) = spawned {
                tracing::warn!(error = %e, "cannot watch a headphone jack");
            }
        }
        Headset { rx, _tx: tx, jacks }
    }

    /// The jacks' news since the last call, if any: in while a headset is in any of them.
    pub fn news(&self) -> Option<Jack> {
        let mut jacks = self.jacks.borrow_mut();
        let mut heard = false;
        for (i, jack) in self.rx.try_iter() {
            if let Some(state) = jacks.get_mut(i) {
                *state = Some(jack);
                heard = true;
            }
        }
        heard.then(|| {
            if jacks.contains(&Some(Jack::In)) {
                Jack::In
            } else {
                Jack::Out
            }
        })
    }
}

/// Does a sysfs switch bitmap (hex words, most significant first) include the headphone jack?
fn has_headphone_switch(bitmap: &str) -> bool {
    bitmap
        .split_whitespace()
        .last()
        .and_then(|low| u64::from_str_radix(low, 16).ok())
        .is_some_and(|bits| bits & (1 << SW_HEADPHONE_INSERT) != 0)
}

/// `EVIOCGSW(len)`: the ioctl that reads an input device's switch states into `len` bytes
/// (`_IOC(_IOC_READ, 'E', 0x1b, len)`, as x86, Arm and RISC-V encode it).
const fn eviocgsw(len: usize) -> u64 {
    (2 << 30) | ((len as u64) << 16) | ((b'E' as u64) << 8) | 0x1b
}

/// Is switch `code` on in a switch-state bitmap as `EVIOCGSW` fills it (bit `code` of the
/// little-endian byte array)?
fn switch_on(bits: &[u8], code: u16) -> bool {
    bits.get(code as usize / 8)
        .is_some_and(|byte| byte & (1 << (code % 8)) != 0)
}

/// The jack as the kernel has it now: a headset already plugged in when the kiosk starts
/// starts speech, one not there means nothing is said until one is. `None` where the device
/// does not answer (a FIFO in tests, another architecture's ioctl encoding).
fn jack_now(file: &std::fs::File) -> Option<Jack> {
    // The bitmap is read as little-endian bytes, as these architectures lay it out.
    if !cfg!(all(
        target_endian = "little",
        any(
            target_arch = "x86_64",
            target_arch = "x86",
            target_arch = "aarch64",
            target_arch = "arm",
            target_arch = "riscv64"
        )
    )) {
        return None;
    }
    use std::os::fd::AsRawFd;
    let mut bits = [0u8; 8];
    // SAFETY: EVIOCGSW writes at most `bits.len()` bytes (the length is in the request) into
    // `bits`, which outlives the call; on a file that is not an input device it fails.
    let n = unsafe {
        libc::ioctl(
            file.as_raw_fd(),
            eviocgsw(bits.len()) as _,
            bits.as_mut_ptr(),
        )
    };
    (n >= 0).then(|| {
        if switch_on(&bits, SW_HEADPHONE_INSERT) {
            Jack::In
        } else {
            Jack::Out
        }
    })
}

fn read_jack(path: &Path, i: usize, tx: &Sender<(usize, Jack)>) {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "cannot read a headphone jack");
            return;
        }
    };
    if let Some(jack) = jack_now(&file)
        && tx.send((i, jack)).is_err()
    {
        return;
    }
    let mut event = [0u8; EVENT_SIZE];
    loop {
        if let Err(e) = file.read_exact(&mut event) {
            tracing::warn!(path = %path.display(), error = %e, "stopped reading a headphone jack");
            return;
        }
        if let Some(jack) = jack_of(&event)
            && tx.send((i, jack)).is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn event(kind: u16, code: u16, value: i32) -> [u8; EVENT_SIZE] {
        let mut e = [0u8; EVENT_SIZE];
        e[TIME..TIME + 2].copy_from_slice(&kind.to_ne_bytes());
        e[TIME + 2..TIME + 4].copy_from_slice(&code.to_ne_bytes());
        e[TIME + 4..TIME + 8].copy_from_slice(&value.to_ne_bytes());
        e
    }

    #[test]
    fn the_jacks_state_is_asked_of_the_kernel_as_linux_encodes_it() {
        // EVIOCGSW(8) from <linux/input.h>, printed by a C program on x86_64.
        assert_eq!(eviocgsw(8), 0x8008_451b);
        // SW_HEADPHONE_INSERT is switch 2: bit 2 of the first byte.
        assert!(switch_on(
            &[0b100, 0, 0, 0, 0, 0, 0, 0],
            SW_HEADPHONE_INSERT
        ));
        assert!(!switch_on(
            &[0b010, 0, 0, 0, 0, 0, 0, 0],
            SW_HEADPHONE_INSERT
        ));
        assert!(!switch_on(&[], SW_HEADPHONE_INSERT));
        // A file that is not an input device has no state to give; nothing is made up.
        let file = tempfile::tempfile().unwrap();
        assert_eq!(jack_now(&file), None);
    }

    #[test]
    fn a_jack_switch_is_read_from_the_device() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("event9");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo only creates a file at a path we own.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let headset = Headset::watch(vec![fifo.clone()]);
        let mut device = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
        // A key, a sync, the jack going in: only the jack is news.
        device.write_all(&event(0x01, 30, 1)).unwrap();
        device.write_all(&event(0x00, 0, 0)).unwrap();
        device
            .write_all(&event(EV_SW, SW_HEADPHONE_INSERT, 1))
            .unwrap();
        device.flush().unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut seen = None;
        while seen.is_none() && std::time::Instant::now() < deadline {
            seen = headset.news();
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(seen, Some(Jack::In));
        device
            .write_all(&event(EV_SW, SW_HEADPHONE_INSERT, 0))
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut seen = None;
        while seen.is_none() && std::time::Instant::now() < deadline {
            seen = headset.news();
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(seen, Some(Jack::Out));
        // The microphone switch (4) is not the headphone's.
        assert_eq!(jack_of(&event(EV_SW, 4, 1)), None);
    }

    /// A board with a front and a rear jack: the headset is in while it is in either, whatever
    /// the other one says after it.
    #[test]
    fn a_headset_in_one_of_two_jacks_is_in() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let mut devices = Vec::new();
        let mut paths = Vec::new();
        for name in ["front", "rear"] {
            let fifo = dir.path().join(name);
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            // SAFETY: mkfifo only creates a file at a path we own.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            paths.push(fifo);
        }
        let headset = Headset::watch(paths.clone());
        for path in &paths {
            devices.push(std::fs::OpenOptions::new().write(true).open(path).unwrap());
        }
        // Sends a jack's news and returns what the headset makes of it once it is heard.
        let mut send = |device: usize, inserted: i32| -> Option<Jack> {
            devices[device]
                .write_all(&event(EV_SW, SW_HEADPHONE_INSERT, inserted))
                .unwrap();
            devices[device].flush().unwrap();
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            while std::time::Instant::now() < deadline {
                if let Some(jack) = headset.news() {
                    return Some(jack);
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            None
        };
        assert_eq!(send(0, 1), Some(Jack::In));
        assert_eq!(send(1, 0), Some(Jack::In), "the front jack still has it");
        assert_eq!(send(0, 0), Some(Jack::Out));
        assert_eq!(send(1, 1), Some(Jack::In), "now the rear one");
        assert_eq!(headset.news(), None, "no news since");
    }

    #[test]
    fn the_headphone_switch_is_found_in_sysfs_bitmaps() {
        assert!(has_headphone_switch("14"));
        assert!(has_headphone_switch("0 4"));
        assert!(!has_headphone_switch("10"));
        assert!(!has_headphone_switch(""));
    }
}
