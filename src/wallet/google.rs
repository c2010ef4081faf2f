//! Google Wallet: a "save" link carries a JWT signed (RS256) with the operator's service
//! account key, holding the flight's class and the passenger's flight object (Google Wallet
//! API, "Flights" and "JWT" references: `typ` `savetowallet`, `aud` `google`). Saving it creates
//! both in the operator's issuer account.

use super::PhonePass;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::RsaKeyPair;
use serde_json::json;

/// Where a save link points.
pub const SAVE_URL: &str = "https://pay.google.com/gp/v/save/";

/// The operator's issuer and service account.
pub struct Signer {
    issuer_id: String,
    email: String,
    key: RsaKeyPair,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("issuer_id", &self.issuer_id)
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// `service_account`: the key file Google Cloud gives (JSON with `client_email` and
    /// `private_key`).
    pub fn new(issuer_id: &str, service_account: &str) -> Result<Signer, String> {
        #[derive(serde::Deserialize)]
        struct Account {
            client_email: String,
            private_key: String,
        }
        let account: Account = serde_json::from_str(service_account)
            .map_err(|e| format!("the service account file is not Google's JSON key file: {e}"))?;
        Ok(Signer {
            issuer_id: issuer_id.into(),
            email: account.client_email,
            key: super::pkpass::rsa_key(&account.private_key)?,
        })
    }

    /// The claims of the save JWT for `pass`, issued at unix time `now`.
    pub fn claims(&self, pass: &PhonePass, airline: &str, now: i64) -> serde_json::Value {
        let mut classes = Vec::new();
        let mut objects = Vec::new();
        for l in &pass.legs {
            let class_id = format!(
                "{}.{}{}-{}",
                self.issuer_id,
                l.carrier,
                l.number,
                l.departs.format("%Y%m%d")
            );
            let mut origin = json!({"airportIataCode": l.from});
            if let Some(gate) = &l.gate {
                origin["gate"] = gate.clone().into();
            }
            classes.push(json!({
                "id": class_id,
                "issuerName": airline,
                "reviewStatus": "UNDER_REVIEW",
                "flightHeader": {
                    "carrier": {"carrierIataCode": l.carrier},
                    "flightNumber": l.number.to_string(),
                },
                "origin": origin,
                "destination": {"airportIataCode": l.to},
                "localScheduledDepartureDateTime": l.departs.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string(),
                "localBoardingDateTime": l.boarding.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string(),
            }));
            let mut seating = json!({"sequenceNumber": format!("{:03}", l.sequence)});
            if let Some(seat) = &l.seat {
                seating["seatNumber"] = seat.clone().into();
            }
            objects.push(json!({
                "id": format!("{class_id}-{:03}", l.sequence),
                "classId": class_id,
                "state": "ACTIVE",
                "passengerName": pass.name,
                "reservationInfo": {"confirmationCode": pass.reference},
                "boardingAndSeatingInfo": seating,
                "barcode": {"type": "PDF_417", "value": pass.barcode},
            }));
        }
        json!({
            "iss": self.email,
            "aud": "google",
            "typ": "savetowallet",
            "iat": now,
            "origins": [],
            "payload": {"flightClasses": classes, "flightObjects": objects},
        })
    }

    /// The signed JWT.
    pub fn jwt(&self, pass: &PhonePass, airline: &str, now: i64) -> Result<String, String> {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
        let claims = URL_SAFE_NO_PAD.encode(self.claims(pass, airline, now).to_string());
        let signing_input = format!("{header}.{claims}");
        let mut signature = vec![0u8; self.key.public().modulus_len()];
        self.key
            .sign(
                &ring::signature::RSA_PKCS1_SHA256,
                &ring::rand::SystemRandom::new(),
                signing_input.as_bytes(),
                &mut signature,
            )
            .map_err(|_| "the RSA signature failed".to_string())?;
        Ok(format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature)
        ))
    }

    /// The "Add to Google Wallet" link.
    pub fn save_url(&self, pass: &PhonePass, airline: &str, now: i64) -> Result<String, String> {
        Ok(format!("{SAVE_URL}{}", self.jwt(pass, airline, now)?))
    }
}
