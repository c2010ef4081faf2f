//! `[[staff]]`: who may open staff mode on the kiosk. Each member has an id (the number on
//! their badge), a name, and the argon2id hash of their own PIN (`concierge staff hash-pin`
//! makes one); a PIN itself is never written anywhere.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: String,
    pub name: String,
    /// PHC string of an argon2id hash.
    pub pin_hash: String,
    /// What the member's badge scans as, when badges open staff mode.
    pub badge: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawStaff {
    id: String,
    name: String,
    pin_hash: String,
    badge: Option<String>,
}

pub(super) const KNOWN_STAFF: &[&str] = &["id", "name", "pin_hash", "badge"];

pub(super) fn parse(
    raw: Vec<RawStaff>,
    err: &mut dyn FnMut(&str, &str, String),
) -> Vec<StaffMember> {
    let mut staff: Vec<StaffMember> = Vec::new();
    for s in raw {
        if s.id.is_empty() || s.id.len() > 16 || !s.id.bytes().all(|b| b.is_ascii_digit()) {
            err(
                "staff",
                "id",
                format!(
                    "a staff `id` is the number typed at sign-in: 1 to 16 digits, found {:?}",
                    s.id
                ),
            );
            continue;
        }
        if let Some(badge) = &s.badge
            && staff.iter().any(|m| m.badge.as_ref() == Some(badge))
        {
            err(
                "staff",
                "badge",
                format!("badge {badge:?} belongs to two staff members"),
            );
            continue;
        }
        if staff.iter().any(|m| m.id == s.id) {
            err("staff", "id", format!("staff id {} appears twice", s.id));
            continue;
        }
        let valid =
            s.pin_hash.starts_with("$argon2id$") && argon2::PasswordHash::new(&s.pin_hash).is_ok();
        if !valid {
            err(
                "staff",
                "pin_hash",
                format!(
                    "`pin_hash` of staff {} must be an argon2id hash (make one with \
                     `concierge staff hash-pin`), never the PIN itself",
                    s.id
                ),
            );
            continue;
        }
        staff.push(StaffMember {
            name: if s.name.trim().is_empty() {
                s.id.clone()
            } else {
                s.name
            },
            id: s.id,
            pin_hash: s.pin_hash,
            badge: s.badge.filter(|b| !b.trim().is_empty()),
        });
    }
    staff
}
