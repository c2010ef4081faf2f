//! Sign-in throttling: after a few wrong passwords for one name, or many from one address,
//! sign-in is refused for a while — the right password too — and each lockout lasts twice as
//! long as the one before. Guessing a password becomes a matter of years, not minutes.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;

/// Wrong passwords for one name before it is locked.
pub const NAME_FAILURES: u32 = 5;
/// Wrong passwords from one address (any names) before it is locked.
pub const ADDRESS_FAILURES: u32 = 20;
/// The first lockout; each one after it lasts twice as long, up to [`LONGEST_MS`].
pub const FIRST_LOCK_MS: i64 = 60_000;
pub const LONGEST_MS: i64 = 3_600_000;
/// Entries kept before the ones with nothing left to say are dropped.
const KEEP: usize = 10_000;

#[derive(Debug, Clone, Copy, Default)]
struct Record {
    failures: u32,
    lockouts: u32,
    until: i64,
    last: i64,
}

#[derive(Debug)]
struct Counter<K> {
    limit: u32,
    records: HashMap<K, Record>,
}

impl<K: Hash + Eq + Clone> Counter<K> {
    fn new(limit: u32) -> Self {
        Counter {
            limit,
            records: HashMap::new(),
        }
    }

    fn locked_until(&self, key: &K, now: i64) -> Option<i64> {
        self.records
            .get(key)
            .map(|r| r.until)
            .filter(|until| *until > now)
    }

    fn fail(&mut self, key: &K, now: i64) {
        if self.records.len() >= KEEP {
            // Nothing locked and nothing recent: forgotten first.
            self.records
                .retain(|_, r| r.until > now || now - r.last < LONGEST_MS);
        }
        let r = self.records.entry(key.clone()).or_default();
        r.failures += 1;
        r.last = now;
        if r.failures >= self.limit {
            let lock = FIRST_LOCK_MS
                .saturating_mul(1 << r.lockouts.min(16))
                .min(LONGEST_MS);
            r.until = now + lock;
            r.lockouts += 1;
            r.failures = 0;
        }
    }

    fn forget(&mut self, key: &K) {
        self.records.remove(key);
    }
}

/// Who may try to sign in now.
#[derive(Debug)]
pub struct Throttle {
    names: Mutex<Counter<String>>,
    addresses: Mutex<Counter<IpAddr>>,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            names: Mutex::new(Counter::new(NAME_FAILURES)),
            addresses: Mutex::new(Counter::new(ADDRESS_FAILURES)),
        }
    }
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Throttle {
    /// Until when (unix ms) sign-in is refused for this name or from this address, if it is.
    pub fn locked_until(&self, name: &str, address: IpAddr, now: i64) -> Option<i64> {
        let by_name = lock(&self.names).locked_until(&key(name), now);
        let by_address = lock(&self.addresses).locked_until(&address, now);
        by_name.max(by_address)
    }

    pub fn failed(&self, name: &str, address: IpAddr, now: i64) {
        lock(&self.names).fail(&key(name), now);
        lock(&self.addresses).fail(&address, now);
    }

    /// A right password: the name's count starts again (the address keeps its count, so one
    /// good account does not launder guesses at others).
    pub fn succeeded(&self, name: &str) {
        lock(&self.names).forget(&key(name));
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn five_wrong_passwords_lock_the_name_and_lockouts_double() {
        let t = Throttle::default();
        let now = 1_000_000;
        for _ in 0..NAME_FAILURES - 1 {
            t.failed("Sam", HOME, now);
        }
        assert_eq!(t.locked_until("sam", HOME, now), None);
        t.failed("SAM ", HOME, now);
        assert_eq!(t.locked_until("Sam", HOME, now), Some(now + FIRST_LOCK_MS));
        // Another name from elsewhere is not locked by Sam's.
        let other = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 9));
        assert_eq!(t.locked_until("Alex", other, now), None);
        // After the lockout, five more: twice as long.
        let later = now + FIRST_LOCK_MS;
        assert_eq!(t.locked_until("Sam", other, later), None);
        for _ in 0..NAME_FAILURES {
            t.failed("Sam", other, later);
        }
        assert_eq!(
            t.locked_until("Sam", other, later),
            Some(later + 2 * FIRST_LOCK_MS)
        );
    }

    #[test]
    fn many_names_from_one_address_lock_the_address() {
        let t = Throttle::default();
        for i in 0..ADDRESS_FAILURES {
            t.failed(&format!("name{i}"), HOME, 5);
        }
        assert!(t.locked_until("anyone", HOME, 5).is_some());
        t.succeeded("anyone");
        assert!(t.locked_until("anyone", HOME, 5).is_some(), "still locked");
    }
}
