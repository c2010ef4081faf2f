//! Signing and verifying our webhook and desk protocol (README, "Help"):
//! `Concierge-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. Receivers
//! reject signatures outside ±300 s; a retry is signed afresh.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const HEADER: &str = "Concierge-Signature";
/// How far a signature's time may be from the receiver's clock.
pub const TOLERANCE_SECS: i64 = 300;

fn mac(secret: &[u8], t: i64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// What a kiosk signs to ask the desk about an incident (`GET /api/v1/incidents/<key>`, no
/// body): the method and path, so a signature is good for that one incident only.
pub fn status_request(key: &str) -> String {
    format!("GET /api/v1/incidents/{key}")
}

/// The header value for `body` signed at unix time `t`.
pub fn sign(secret: &[u8], t: i64, body: &[u8]) -> String {
    let tag = mac(secret, t, body).finalize().into_bytes();
    format!("t={t},v1={}", hex::encode(tag))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("no signature")]
    Missing,
    #[error("the signature header is malformed")]
    Malformed,
    #[error("the signature is {0} s away from now (more than {TOLERANCE_SECS} s)")]
    Stale(i64),
    #[error("the signature does not match")]
    Mismatch,
}

/// Checks a header value against `body` at unix time `now` (constant-time comparison).
pub fn verify(
    secret: &[u8],
    header: Option<&str>,
    body: &[u8],
    now: i64,
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let mut t = None;
    let mut v1 = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => t = value.parse::<i64>().ok(),
            Some(("v1", value)) => v1.push(value),
            _ => {}
        }
    }
    let t = t.ok_or(SignatureError::Malformed)?;
    if v1.is_empty() {
        return Err(SignatureError::Malformed);
    }
    // In i128: a `t` near i64::MIN must not wrap round into the window.
    let skew = i128::from(now) - i128::from(t);
    if skew.abs() > i128::from(TOLERANCE_SECS) {
        return Err(SignatureError::Stale(
            skew.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64,
        ));
    }
    for candidate in v1 {
        let Ok(tag) = hex::decode(candidate) else {
            continue;
        };
        if mac(secret, t, body).verify_slice(&tag).is_ok() {
            return Ok(());
        }
    }
    Err(SignatureError::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_tampered_and_expired_signatures() {
        let secret = b"kiosk-07-secret";
        let body = br#"{"incident":"K07-1"}"#;
        let header = sign(secret, 1_800_000_000, body);
        assert!(header.starts_with("t=1800000000,v1="));
        assert_eq!(verify(secret, Some(&header), body, 1_800_000_100), Ok(()));
        assert_eq!(
            verify(
                secret,
                Some(&header),
                br#"{"incident":"K07-2"}"#,
                1_800_000_000
            ),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"another kiosk", Some(&header), body, 1_800_000_000),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(secret, Some(&header), body, 1_800_000_301),
            Err(SignatureError::Stale(301))
        );
        assert_eq!(verify(secret, None, body, 0), Err(SignatureError::Missing));
        assert_eq!(
            verify(secret, Some("v1=abc"), body, 0),
            Err(SignatureError::Malformed)
        );
    }

    #[test]
    fn a_time_far_in_the_past_does_not_wrap_into_the_window() {
        let secret = b"kiosk-07-secret";
        let body = b"{}";
        let now = 1_800_000_000i64;
        for t in [
            now.wrapping_sub(i64::MIN),
            i64::MIN,
            i64::MAX,
            now - (1 << 62),
        ] {
            let header = sign(secret, t, body);
            assert!(
                matches!(
                    verify(secret, Some(&header), body, now),
                    Err(SignatureError::Stale(_))
                ),
                "t = {t} was accepted"
            );
        }
    }
}
