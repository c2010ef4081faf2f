//! Secrets (staff PINs, agents' passwords) are kept only as argon2id hashes with a random salt,
//! never in plain text.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Why a secret could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("no randomness for a salt: {0}")]
    Random(getrandom::Error),
    #[error("cannot hash the secret: {0}")]
    Hash(argon2::password_hash::Error),
}

/// An argon2id hash of `secret` (PHC string format), salted afresh.
pub fn hash(secret: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(HashError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(HashError::Hash)?;
    Ok(argon2::Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map_err(HashError::Hash)?
        .to_string())
}

/// Does `secret` match `hash`? A malformed hash matches nothing.
pub fn matches(secret: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(secret.as_bytes(), &h)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_never_holds_the_secret() {
        let h = hash("2468").unwrap();
        assert!(h.starts_with("$argon2id$") && !h.contains("2468"));
        assert!(matches("2468", &h) && !matches("2469", &h));
        assert_ne!(h, hash("2468").unwrap(), "salted");
        assert!(
            !matches("2468", "not a hash"),
            "a malformed hash matches nothing"
        );
    }
}
