//! The grammar of incident keys: one definition for the kiosk that makes them and the desk that
//! reads them (the desk refused the kiosk's own assistance and maintenance keys with HTTP 400,
//! and read a kiosk id with a dash in it wrongly).
//!
//! ```text
//! <kiosk>-<session>                  a passenger's session: its one incident (digits)
//! <kiosk>-<session>-assist-<code>    a notice to the assistance service (`assistance_wchr`)
//! <kiosk>-maintenance-<code>         the kiosk itself needs someone (`printer_paper_low`)
//! <kiosk>-test-<milliseconds>        `concierge page --test`
//! ```
//!
//! `<kiosk>` is the kiosk's id (it may hold dashes: `LHE-T1-K07`), `<code>` a reason code:
//! lower-case letters, digits and `_`. A key is at most [`MAX_LEN`] bytes.

/// The longest key a desk accepts.
pub const MAX_LEN: usize = 160;

/// What an incident is about, as its key says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incident<'a> {
    Session(u64),
    Assistance { session: u64, code: &'a str },
    Maintenance { code: &'a str },
    Test(u64),
}

/// The key of a passenger session's incident.
pub fn session(kiosk: &str, session: u64) -> String {
    format!("{kiosk}-{session}")
}

/// The key of a notice to the assistance service (one per session and kind of request).
pub fn assistance(kiosk: &str, session: u64, code: &str) -> String {
    format!("{kiosk}-{session}-assist-{code}")
}

/// The key of the kiosk's own maintenance incident for `code` (one per reason).
pub fn maintenance(kiosk: &str, code: &str) -> String {
    format!("{kiosk}-maintenance-{code}")
}

/// The key of a test page.
pub fn test(kiosk: &str, millis: u64) -> String {
    format!("{kiosk}-test-{millis}")
}

/// The kiosk a key belongs to and what it is about; `None` for anything the grammar does not
/// make (so a key names exactly one kiosk).
pub fn parse(key: &str) -> Option<(&str, Incident<'_>)> {
    if key.len() > MAX_LEN {
        return None;
    }
    let number = |s: &str| -> Option<u64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let code = |s: &str| -> bool {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    let kiosk = |s: &str| -> bool { !s.is_empty() };
    if let Some((rest, c)) = key.rsplit_once("-maintenance-")
        && code(c)
        && kiosk(rest)
    {
        return Some((rest, Incident::Maintenance { code: c }));
    }
    if let Some((rest, c)) = key.rsplit_once("-assist-")
        && code(c)
        && let Some((k, s)) = rest.rsplit_once('-')
        && let Some(session) = number(s)
        && kiosk(k)
    {
        return Some((k, Incident::Assistance { session, code: c }));
    }
    if let Some((k, ms)) = key.rsplit_once("-test-")
        && let Some(ms) = number(ms)
        && kiosk(k)
    {
        return Some((k, Incident::Test(ms)));
    }
    let (k, s) = key.rsplit_once('-')?;
    let session = number(s)?;
    kiosk(k).then_some((k, Incident::Session(session)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of key the kiosk makes reads back as its kiosk and its kind, whatever dashes
    /// the kiosk's id holds.
    #[test]
    fn every_key_reads_back_as_its_kiosk_and_kind() {
        for kiosk in ["K1", "LHE-T1-K07", "a-b-c-d"] {
            let cases = [
                (
                    session(kiosk, 1_733_400_000_123),
                    Incident::Session(1_733_400_000_123),
                ),
                (
                    assistance(kiosk, 42, "assistance_wchr"),
                    Incident::Assistance {
                        session: 42,
                        code: "assistance_wchr",
                    },
                ),
                (
                    maintenance(kiosk, "printer_paper_low"),
                    Incident::Maintenance {
                        code: "printer_paper_low",
                    },
                ),
                (
                    maintenance(kiosk, "print_interrupted"),
                    Incident::Maintenance {
                        code: "print_interrupted",
                    },
                ),
                (test(kiosk, 99), Incident::Test(99)),
            ];
            for (key, kind) in cases {
                assert_eq!(parse(&key), Some((kiosk, kind)), "{key}");
            }
        }
    }

    #[test]
    fn keys_outside_the_grammar_are_refused() {
        for key in [
            "",
            "K1",
            "-5",
            "K1-",
            "K1-5x",
            "K1-maintenance-",
            "K1-maintenance-Paper",
            "K1-5-assist-",
            "-maintenance-printer_failure",
            "K1-x-assist-assistance_wchr",
            "K1-5;DROP",
        ] {
            assert_eq!(parse(key), None, "{key:?}");
        }
        assert_eq!(parse(&session(&"K".repeat(200), 1)), None, "too long");
    }
}
