//! Apple Wallet passes: a `.pkpass` is a zip of `pass.json`, its images, `manifest.json` (the
//! SHA-1 of every file) and `signature`, a detached CMS (PKCS #7) signature of the manifest
//! made with the operator's Pass Type ID certificate, carrying Apple's intermediate (WWDR)
//! certificate (Apple, "Building a pass" and "Wallet Passes" reference, the `pass.json` keys).
//! The CMS structures are the RustCrypto `cms` crate's; the RSA signature is ring's.

use super::PhonePass;
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec, UtcTime};
use der::{Any, Decode, DecodePem, Encode};
use ring::signature::RsaKeyPair;
use serde_json::json;
use spki::AlgorithmIdentifierOwned;
use std::io::Write;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// The MIME type Safari opens in Wallet.
pub const MIME: &str = "application/vnd.apple.pkpass";

/// The operator's pass identity and signing key.
pub struct Signer {
    pass_type_id: String,
    team_id: String,
    certificate: Certificate,
    intermediate: Certificate,
    key: RsaKeyPair,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("pass_type_id", &self.pass_type_id)
            .field("team_id", &self.team_id)
            .finish_non_exhaustive()
    }
}

/// Reads an RSA private key in PEM: PKCS #8 (`PRIVATE KEY`) or PKCS #1 (`RSA PRIVATE KEY`, as
/// Keychain exports it).
pub fn rsa_key(pem: &str) -> Result<RsaKeyPair, String> {
    let (label, der) =
        der::pem::decode_vec(pem.trim().as_bytes()).map_err(|e| format!("not a PEM key: {e}"))?;
    let key = match label {
        "PRIVATE KEY" => RsaKeyPair::from_pkcs8(&der),
        "RSA PRIVATE KEY" => RsaKeyPair::from_der(&der),
        other => return Err(format!("a {other} is not an RSA private key")),
    };
    key.map_err(|e| format!("the RSA key is refused: {e}"))
}

fn certificate(pem: &[u8], what: &str) -> Result<Certificate, String> {
    Certificate::from_pem(pem)
        .or_else(|_| Certificate::from_der(pem))
        .map_err(|e| format!("the {what} is not an X.509 certificate (PEM or DER): {e}"))
}

impl Signer {
    /// `certificate`: the Pass Type ID certificate; `intermediate`: Apple's WWDR certificate;
    /// `key`: the certificate's private key (PEM).
    pub fn new(
        pass_type_id: &str,
        team_id: &str,
        certificate_pem: &[u8],
        intermediate_pem: &[u8],
        key_pem: &str,
    ) -> Result<Signer, String> {
        Ok(Signer {
            pass_type_id: pass_type_id.into(),
            team_id: team_id.into(),
            certificate: certificate(certificate_pem, "pass certificate")?,
            intermediate: certificate(intermediate_pem, "intermediate certificate")?,
            key: rsa_key(key_pem)?,
        })
    }

    /// The `.pkpass` of leg `leg` of `pass`, signed now.
    pub fn pkpass(
        &self,
        pass: &PhonePass,
        leg: usize,
        airline: &str,
        now: std::time::SystemTime,
    ) -> Result<Vec<u8>, String> {
        let json = self.pass_json(pass, leg, airline)?;
        let mut files: Vec<(&str, Vec<u8>)> = vec![
            ("pass.json", json),
            ("icon.png", icon(29)),
            ("icon@2x.png", icon(58)),
            ("icon@3x.png", icon(87)),
        ];
        let manifest = serde_json::to_vec(&serde_json::Value::Object(
            files
                .iter()
                .map(|(name, bytes)| {
                    let digest =
                        ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, bytes);
                    ((*name).to_string(), hex::encode(digest.as_ref()).into())
                })
                .collect(),
        ))
        .map_err(|e| e.to_string())?;
        let signature = self.sign_detached(&manifest, now)?;
        files.push(("manifest.json", manifest));
        files.push(("signature", signature));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in &files {
            zip.start_file(*name, options).map_err(|e| e.to_string())?;
            zip.write_all(bytes).map_err(|e| e.to_string())?;
        }
        Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
    }

    fn pass_json(&self, pass: &PhonePass, leg: usize, airline: &str) -> Result<Vec<u8>, String> {
        let l = pass.legs.get(leg).ok_or("no such leg")?;
        let seat = l.seat.clone().unwrap_or_else(|| "INF".into());
        let field = |key: &str, label: &str, value: serde_json::Value| json!({"key": key, "label": label, "value": value});
        let value = json!({
            "formatVersion": 1,
            "passTypeIdentifier": self.pass_type_id,
            "teamIdentifier": self.team_id,
            // The same pass on every reprint: the flight, its date and the sequence number.
            "serialNumber": format!(
                "{}{}-{}-{:03}", l.carrier, l.number, l.departs.format("%Y%m%d"), l.sequence
            ),
            "organizationName": airline,
            "description": format!("{airline} boarding pass {}", l.flight()),
            "logoText": airline,
            "relevantDate": l.boarding.to_rfc3339(),
            "expirationDate": (l.arrives + chrono::TimeDelta::hours(24)).to_rfc3339(),
            "backgroundColor": "rgb(11,37,69)",
            "foregroundColor": "rgb(255,255,255)",
            "labelColor": "rgb(200,214,229)",
            "barcodes": [{
                "format": "PKBarcodeFormatPDF417",
                "message": pass.barcode,
                "messageEncoding": "iso-8859-1",
            }],
            "boardingPass": {
                "transitType": "PKTransitTypeAir",
                "headerFields": [field("gate", "GATE", l.gate.clone().unwrap_or_else(|| "-".into()).into())],
                "primaryFields": [
                    field("origin", &l.from_city, l.from.clone().into()),
                    field("destination", &l.to_city, l.to.clone().into()),
                ],
                "secondaryFields": [field("passenger", "PASSENGER", pass.name.clone().into())],
                "auxiliaryFields": [
                    field("flight", "FLIGHT", l.flight().into()),
                    field("boarding", "BOARDING", l.boarding.format("%H:%M").to_string().into()),
                    field("seat", "SEAT", seat.into()),
                    field("sequence", "SEQ", format!("{:03}", l.sequence).into()),
                ],
                "backFields": [
                    field("reference", "BOOKING", pass.reference.clone().into()),
                    field("departs", "DEPARTS", l.departs.to_rfc3339().into()),
                ],
            },
        });
        serde_json::to_vec_pretty(&value).map_err(|e| e.to_string())
    }

    /// A detached CMS SignedData of `content`: SHA-256, RSA PKCS #1 v1.5, the signed
    /// attributes content type, signing time and message digest, and both certificates.
    pub fn sign_detached(
        &self,
        content: &[u8],
        now: std::time::SystemTime,
    ) -> Result<Vec<u8>, String> {
        let e = |e: der::Error| format!("the signature could not be encoded: {e}");
        let digest = ring::digest::digest(&ring::digest::SHA256, content);
        let attribute = |oid, value: Any| -> Result<Attribute, String> {
            Ok(Attribute {
                oid,
                values: SetOfVec::try_from(vec![value]).map_err(e)?,
            })
        };
        let since = now
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|_| "the clock is before 1970".to_string())?;
        let time = UtcTime::from_unix_duration(since).map_err(e)?;
        let signed: SetOfVec<Attribute> = SetOfVec::try_from(vec![
            attribute(CONTENT_TYPE, Any::encode_from(&ID_DATA).map_err(e)?)?,
            attribute(SIGNING_TIME, Any::encode_from(&time).map_err(e)?)?,
            attribute(
                MESSAGE_DIGEST,
                Any::encode_from(&OctetString::new(digest.as_ref()).map_err(e)?).map_err(e)?,
            )?,
        ])
        .map_err(e)?;
        let to_sign = signed.to_der().map_err(e)?;
        let mut signature = vec![0u8; self.key.public().modulus_len()];
        self.key
            .sign(
                &ring::signature::RSA_PKCS1_SHA256,
                &ring::rand::SystemRandom::new(),
                &to_sign,
                &mut signature,
            )
            .map_err(|_| "the RSA signature failed".to_string())?;
        let tbs = &self.certificate.tbs_certificate;
        let signer = SignerInfo {
            version: CmsVersion::V1,
            sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
                issuer: tbs.issuer.clone(),
                serial_number: tbs.serial_number.clone(),
            }),
            digest_alg: AlgorithmIdentifierOwned {
                oid: SHA256,
                parameters: None,
            },
            signed_attrs: Some(signed),
            signature_algorithm: AlgorithmIdentifierOwned {
                oid: RSA_ENCRYPTION,
                parameters: Some(Any::null()),
            },
            signature: OctetString::new(signature).map_err(e)?,
            unsigned_attrs: None,
        };
        let data = SignedData {
            version: CmsVersion::V1,
            digest_algorithms: SetOfVec::try_from(vec![AlgorithmIdentifierOwned {
                oid: SHA256,
                parameters: None,
            }])
            .map_err(e)?,
            encap_content_info: EncapsulatedContentInfo {
                econtent_type: ID_DATA,
                econtent: None,
            },
            certificates: Some(CertificateSet({
                let mut certs = vec![CertificateChoices::Certificate(self.certificate.clone())];
                // (One certificate given for both is carried once.)
                if self.intermediate != self.certificate {
                    certs.push(CertificateChoices::Certificate(self.intermediate.clone()));
                }
                SetOfVec::try_from(certs).map_err(e)?
            })),
            crls: None,
            signer_infos: SignerInfos(SetOfVec::try_from(vec![signer]).map_err(e)?),
        };
        ContentInfo {
            content_type: ID_SIGNED_DATA,
            content: Any::encode_from(&data).map_err(e)?,
        }
        .to_der()
        .map_err(e)
    }
}

/// The pass's icon (Wallet's lock screen and notifications): a square in the pass's colour
/// with a white stripe, `size` pixels a side.
fn icon(size: u32) -> Vec<u8> {
    let mut pixels = Vec::with_capacity((size * size * 3) as usize);
    for y in 0..size {
        for x in 0..size {
            let stripe = y > size * 2 / 5 && y < size * 3 / 5 && x > size / 6 && x < size * 5 / 6;
            pixels.extend_from_slice(if stripe {
                &[255, 255, 255]
            } else {
                &[11, 37, 69]
            });
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, size, size);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        if let Ok(mut writer) = encoder.write_header() {
            let _ = writer.write_image_data(&pixels);
        }
    }
    out
}
