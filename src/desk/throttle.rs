//! Sign-in throttling: after a few wrong passwords for one name from one address, or many from
//! one address, sign-in is refused for a while — the right password too — and each lockout
//! lasts twice as long as the one before. Guessing a password becomes a matter of years.
//!
//! A stranger must not be able to lock a colleague out: the count is kept per name *and*
//! address, so wrong passwords from elsewhere do not lock the agent's own browser. Guesses at
//! one name spread over many addresses are still slowed: after [`NAME_FAILURES`] of them the
//! name is locked for every address the agent has never signed in from.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;

/// Wrong passwords for one name from one address before that pair is locked.
pub const PAIR_FAILURES: u32 = 5;
/// Wrong passwords from one address (any names) before it is locked.
pub const ADDRESS_FAILURES: u32 = 20;
/// Wrong passwords for one name from anywhere before it is locked for addresses the agent
/// never signed in from.
pub const NAME_FAILURES: u32 = 50;
/// The first lockout; each one after it lasts twice as long, up to [`LONGEST_MS`].
pub const FIRST_LOCK_MS: i64 = 60_000;
pub const LONGEST_MS: i64 = 3_600_000;
/// Entries kept before the ones with nothing left to say are dropped.
const KEEP: usize = 10_000;
/// Addresses remembered as an agent's own (signed in from there), at most.
const KNOWN: usize = 10_000;

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
            r.until = now + lock_ms(r.lockouts);
            r.lockouts += 1;
            r.failures = 0;
        }
    }

    fn forget(&mut self, key: &K) {
        self.records.remove(key);
    }

    fn len(&self) -> usize {
        self.records.len()
    }
}

/// Who may try to sign in now.
#[derive(Debug)]
pub struct Throttle {
    pairs: Mutex<Counter<(String, IpAddr)>>,
    names: Mutex<Counter<String>>,
    addresses: Mutex<Counter<IpAddr>>,
    /// (name, address) pairs that signed in with the right password.
    known: Mutex<HashSet<(String, IpAddr)>>,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            pairs: Mutex::new(Counter::new(PAIR_FAILURES)),
            names: Mutex::new(Counter::new(NAME_FAILURES)),
            addresses: Mutex::new(Counter::new(ADDRESS_FAILURES)),
            known: Mutex::new(HashSet::new()),
        }
    }
}

/// How long a lockout lasts after `lockouts` earlier ones: doubling, up to [`LONGEST_MS`].
pub fn lock_ms(lockouts: u32) -> i64 {
    FIRST_LOCK_MS
        .saturating_mul(1 << lockouts.min(16))
        .min(LONGEST_MS)
}

/// The name as counted: trimmed, lower case, and never longer than an agent's name can be.
pub fn key(name: &str) -> String {
    name.trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(super::MAX_NAME)
        .collect::<String>()
        .to_lowercase()
}

impl Throttle {
    /// Until when (unix ms) sign-in is refused for this name from this address, if it is.
    pub fn locked_until(&self, name: &str, address: IpAddr, now: i64) -> Option<i64> {
        let name = key(name);
        let pair = (name.clone(), address);
        let by_pair = lock(&self.pairs).locked_until(&pair, now);
        let by_address = lock(&self.addresses).locked_until(&address, now);
        let by_name = if lock(&self.known).contains(&pair) {
            None
        } else {
            lock(&self.names).locked_until(&name, now)
        };
        by_pair.max(by_address).max(by_name)
    }

    pub fn failed(&self, name: &str, address: IpAddr, now: i64) {
        let name = key(name);
        lock(&self.pairs).fail(&(name.clone(), address), now);
        lock(&self.names).fail(&name, now);
        lock(&self.addresses).fail(&address, now);
    }

    /// A right password: the pair's count starts again and the address is the agent's own
    /// from now on (the address keeps its count, so one good account does not launder
    /// guesses at others).
    pub fn succeeded(&self, name: &str, address: IpAddr) {
        let name = key(name);
        let pair = (name, address);
        lock(&self.pairs).forget(&pair);
        let mut known = lock(&self.known);
        if known.len() >= KNOWN {
            known.clear();
        }
        known.insert(pair);
    }

    /// Entries held (for tests and figures): bounded, whatever strangers send.
    pub fn entries(&self) -> usize {
        lock(&self.pairs).len() + lock(&self.names).len() + lock(&self.addresses).len()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    const ELSEWHERE: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 9));

    #[test]
    fn five_wrong_passwords_lock_the_name_from_that_address_and_lockouts_double() {
        let t = Throttle::default();
        let now = 1_000_000;
        for _ in 0..PAIR_FAILURES - 1 {
            t.failed("Sam", ELSEWHERE, now);
        }
        assert_eq!(t.locked_until("sam", ELSEWHERE, now), None);
        t.failed("SAM ", ELSEWHERE, now);
        assert_eq!(
            t.locked_until("Sam", ELSEWHERE, now),
            Some(now + FIRST_LOCK_MS)
        );
        // Sam at their own desk is not locked out by a stranger's guesses.
        assert_eq!(t.locked_until("Sam", HOME, now), None);
        // After the lockout, five more: twice as long.
        let later = now + FIRST_LOCK_MS;
        assert_eq!(t.locked_until("Sam", ELSEWHERE, later), None);
        for _ in 0..PAIR_FAILURES {
            t.failed("Sam", ELSEWHERE, later);
        }
        assert_eq!(
            t.locked_until("Sam", ELSEWHERE, later),
            Some(later + 2 * FIRST_LOCK_MS)
        );
    }

    #[test]
    fn guesses_from_many_addresses_lock_the_name_except_where_the_agent_signs_in() {
        let t = Throttle::default();
        t.succeeded("Sam", HOME);
        for i in 0..NAME_FAILURES {
            let a = IpAddr::V4(std::net::Ipv4Addr::new(
                10,
                1,
                (i / 256) as u8,
                (i % 256) as u8,
            ));
            t.failed("Sam", a, 5);
        }
        let stranger = IpAddr::V4(std::net::Ipv4Addr::new(10, 9, 9, 9));
        assert!(t.locked_until("Sam", stranger, 5).is_some());
        assert_eq!(t.locked_until("Sam", HOME, 5), None, "Sam's own address");
    }

    #[test]
    fn many_names_from_one_address_lock_the_address() {
        let t = Throttle::default();
        for i in 0..ADDRESS_FAILURES {
            t.failed(&format!("name{i}"), HOME, 5);
        }
        assert!(t.locked_until("anyone", HOME, 5).is_some());
        t.succeeded("anyone", HOME);
        assert!(t.locked_until("anyone", HOME, 5).is_some(), "still locked");
    }

    #[test]
    fn long_names_are_remembered_short() {
        let t = Throttle::default();
        let long = "x".repeat(1 << 20);
        t.failed(&long, HOME, 5);
        let held: usize = lock(&t.names).records.keys().map(String::len).sum();
        assert!(held <= super::super::MAX_NAME, "{held} bytes kept");
    }
}
