//! Staff mode's gate: who may open it (their own PIN, checked against its argon2id hash), the
//! lockout after five wrong PINs (longer each time, and kept across restarts), and the log of
//! what staff did at the kiosk (who, what, why — never a passenger's name or document).

use crate::config::StaffMember;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;
use std::sync::Mutex;

/// Wrong PINs in a row before staff mode locks.
pub const ATTEMPTS: u32 = 5;
/// The first lockout; each further one doubles, up to a day.
pub const FIRST_LOCKOUT_MS: i64 = 60_000;
const LONGEST_LOCKOUT_MS: i64 = 86_400_000;

/// Why a PIN was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Wrong staff number or PIN; `left` tries before the lockout.
    Wrong { left: u32 },
    /// Locked until this moment (milliseconds since the epoch).
    Locked { until_ms: i64 },
}

/// The gate of one kiosk, its state in `kiosk.sqlite`.
pub struct Gate {
    staff: Mutex<Vec<StaffMember>>,
    conn: Mutex<Connection>,
    /// Checked against for unknown staff numbers, so the time taken does not tell which exist.
    decoy: String,
    /// Where staff actions go besides the log: the desk, through the pager's outbox.
    reporter: std::sync::OnceLock<std::sync::Arc<dyn crate::runtime::Paging>>,
}

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("staff", &self.staff.lock().map(|s| s.len()).unwrap_or(0))
            .finish()
    }
}

impl Gate {
    pub fn open(path: &Path, staff: Vec<StaffMember>) -> rusqlite::Result<Gate> {
        let conn = crate::store::kiosk::open(path)?;
        Ok(Gate {
            staff: Mutex::new(staff),
            conn: Mutex::new(conn),
            decoy: crate::secret::hash("decoy").unwrap_or_default(),
            reporter: std::sync::OnceLock::new(),
        })
    }

    pub fn has_staff(&self) -> bool {
        self.staff.lock().is_ok_and(|s| !s.is_empty())
    }

    /// Is this a configured staff number?
    pub fn is_staff(&self, id: &str) -> bool {
        self.staff
            .lock()
            .is_ok_and(|s| s.iter().any(|m| m.id == id.trim()))
    }

    /// A reloaded config's staff list.
    pub fn set_staff(&self, staff: Vec<StaffMember>) {
        if let Ok(mut s) = self.staff.lock() {
            *s = staff;
        }
    }

    /// The member whose badge scans as `code`.
    pub fn by_badge(&self, code: &str) -> Option<StaffMember> {
        let code = code.trim();
        self.staff
            .lock()
            .ok()?
            .iter()
            .find(|m| m.badge.as_deref() == Some(code))
            .cloned()
    }

    fn lockout(conn: &Connection) -> rusqlite::Result<(u32, u32, i64)> {
        conn.query_row(
            "SELECT failures, lockouts, until_ms FROM staff_lockout WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    /// Until when staff mode is locked, if it is.
    pub fn locked_until(&self, now_ms: i64) -> Option<i64> {
        let conn = self.conn.lock().ok()?;
        let (_, _, until) = Self::lockout(&conn).ok()?;
        (until > now_ms).then_some(until)
    }

    /// Checks a staff number and PIN. Every wrong one counts, and the fifth in a row locks
    /// staff mode (even a right PIN is refused while locked).
    pub fn check(&self, id: &str, pin: &str, now_ms: i64) -> Result<StaffMember, Refusal> {
        let Ok(conn) = self.conn.lock() else {
            return Err(Refusal::Locked { until_ms: now_ms });
        };
        let (failures, lockouts, until) =
            Self::lockout(&conn).map_err(|_| Refusal::Locked { until_ms: now_ms })?;
        if until > now_ms {
            return Err(Refusal::Locked { until_ms: until });
        }
        let staff = self.staff.lock().map(|s| s.clone()).unwrap_or_default();
        let member = staff.iter().find(|m| m.id == id.trim());
        let hash = member.map_or(self.decoy.as_str(), |m| m.pin_hash.as_str());
        let right = crate::secret::matches(pin, hash) && member.is_some();
        let record = |failures: u32, lockouts: u32, until: i64| {
            conn.execute(
                "UPDATE staff_lockout SET failures = ?1, lockouts = ?2, until_ms = ?3 WHERE id = 1",
                params![failures, lockouts, until],
            )
        };
        if right {
            let _ = record(0, 0, 0);
            return member.cloned().ok_or(Refusal::Wrong { left: ATTEMPTS });
        }
        // A wrong PIN that cannot be counted is refused as if locked: no unlimited guessing.
        let locked = |e: rusqlite::Error| {
            tracing::error!(error = %e, "a wrong PIN could not be counted");
            Refusal::Locked {
                until_ms: now_ms + FIRST_LOCKOUT_MS,
            }
        };
        let failures = failures + 1;
        if failures >= ATTEMPTS {
            let lockouts = lockouts + 1;
            let length = (FIRST_LOCKOUT_MS << (lockouts - 1).min(20)).min(LONGEST_LOCKOUT_MS);
            let until = now_ms + length;
            record(0, lockouts, until).map_err(locked)?;
            tracing::warn!(lockouts, "staff mode locked after {ATTEMPTS} wrong PINs");
            return Err(Refusal::Locked { until_ms: until });
        }
        record(failures, lockouts, 0).map_err(locked)?;
        Err(Refusal::Wrong {
            left: ATTEMPTS - failures,
        })
    }

    /// Records what a staff member did.
    /// Staff actions are told to the desk as well (set once, at start).
    pub fn report_to(&self, pager: std::sync::Arc<dyn crate::runtime::Paging>) {
        let _ = self.reporter.set(pager);
    }

    /// Records an action taken in session `session`, and tells the desk.
    pub fn record_in(&self, session: u64, staff: &str, action: &str, detail: &str, now_ms: i64) {
        self.record(staff, action, detail, now_ms);
        if let Some(pager) = self.reporter.get() {
            pager.staff_action(session, staff, action, detail);
        }
    }

    pub fn record(&self, staff: &str, action: &str, detail: &str, now_ms: i64) {
        let Ok(conn) = self.conn.lock() else {
            return;
        };
        if let Err(e) = conn.execute(
            "INSERT INTO staff_actions VALUES (?1, ?2, ?3, ?4)",
            params![now_ms, staff, action, detail],
        ) {
            tracing::error!(error = %e, "a staff action was not recorded");
        }
    }

    /// The log, oldest first: (staff, action, detail).
    pub fn actions(&self) -> Vec<(String, String, String)> {
        let Ok(conn) = self.conn.lock() else {
            return Vec::new();
        };
        let Ok(mut q) =
            conn.prepare("SELECT staff, action, detail FROM staff_actions ORDER BY rowid")
        else {
            return Vec::new();
        };
        q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map(|rows| rows.filter_map(Result::ok).collect())
            .unwrap_or_default()
    }

    /// The last action of this kind, if any (for tests and reports).
    pub fn last(&self, action: &str) -> Option<(String, String)> {
        let conn = self.conn.lock().ok()?;
        conn.query_row(
            "SELECT staff, detail FROM staff_actions WHERE action = ?1 ORDER BY rowid DESC LIMIT 1",
            [action],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .ok()
        .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(dir: &Path) -> Gate {
        let member = StaffMember {
            id: "S100".into(),
            name: "Sam".into(),
            pin_hash: crate::secret::hash("2468").unwrap(),
            badge: Some("BADGE-S100".into()),
        };
        Gate::open(&crate::store::kiosk::path(dir), vec![member]).unwrap()
    }

    #[test]
    fn five_wrong_pins_lock_staff_mode_for_longer_each_time_even_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let g = gate(dir.path());
        assert_eq!(g.check("S100", "2468", 0).unwrap().name, "Sam");
        for left in (1..ATTEMPTS).rev() {
            assert_eq!(g.check("S100", "0000", 1), Err(Refusal::Wrong { left }));
        }
        let Err(Refusal::Locked { until_ms: first }) = g.check("S100", "0000", 2) else {
            panic!("the fifth wrong PIN locks")
        };
        assert_eq!(first, 2 + FIRST_LOCKOUT_MS);
        // The right PIN is refused while locked, and a restart does not unlock.
        assert!(matches!(
            g.check("S100", "2468", 3),
            Err(Refusal::Locked { .. })
        ));
        drop(g);
        let g = gate(dir.path());
        assert_eq!(g.locked_until(3), Some(first));
        // Five more wrong ones after it ends: locked twice as long.
        for _ in 1..ATTEMPTS {
            let _ = g.check("S100", "1111", first);
        }
        let Err(Refusal::Locked { until_ms: second }) = g.check("S100", "1111", first) else {
            panic!("locked again")
        };
        assert_eq!(second - first, 2 * FIRST_LOCKOUT_MS);
        // Unknown ids count as wrong too; the badge finds its member.
        assert!(g.check("S999", "2468", second).is_err());
        assert_eq!(g.by_badge("BADGE-S100").unwrap().id, "S100");
        // After the lockout the right PIN works and clears the count.
        assert!(g.check("S100", "2468", second + 1).is_ok());
        assert_eq!(g.locked_until(second + 1), None);
    }
}
