//! CUSS 2 messages as they travel on the platform's WebSocket: what the application sends
//! ([`ApplicationData`]), what the platform answers at once ([`Ack`]) and later
//! ([`PlatformData`]), and its pings.
//!
//! Written from the MIT-licensed TypeScript models, github.com/elevationai/cuss2-typescript-models
//! `src/types.gen.ts` (`ApplicationData`, `PlatformData`, `ApiAcknowledgement`,
//! `ApplicationState`, `ApplicationActivation`, `EnvironmentLevel`, `EnvironmentComponent`,
//! `ComponentCharacteristics`, `DataRecord`, `PlatformDirectives`), and the behaviour of the
//! MIT-licensed SDK github.com/elevationai/cuss2-ts: `src/connection.ts` (the token request, the
//! `{"ping"}`/`{"pong"}` exchange, acknowledgements told apart by `ackCode`), `src/helper.ts`
//! (the directive renamed in 2.4, versions compared field by field) and
//! `specs/CUSS_2_4_MIGRATION.md` (what 2.4 removed). IATA's own OpenAPI file is not used.
//!
//! Codes the platform sends (message codes, states, component types) are kept as strings: a
//! platform may send one this code does not know, and that must not break the message.

use serde::{Deserialize, Serialize};

/// A CUSS version the platform and application agree on. The wire differs between them in the
/// names of two directives and in accessible mode (gone in 2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    V2_3,
    V2_4,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2_3 => "2.3",
            Version::V2_4 => "2.4",
        }
    }

    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.trim().split('.');
        let major: u32 = parts.next()?.parse().ok()?;
        let minor: u32 = parts
            .next()?
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()?;
        match (major, minor) {
            (2, 3) => Some(Version::V2_3),
            (2, m) if m >= 4 => Some(Version::V2_4),
            _ => None,
        }
    }

    /// The version to speak with a platform that supports `versions` (its environment's
    /// `cussVersions`): the highest both know. A platform that lists nothing usable is taken
    /// to speak 2.4, as cuss2-ts does.
    pub fn negotiate(versions: &[String]) -> Option<Version> {
        let known: Vec<Version> = versions.iter().filter_map(|v| Version::parse(v)).collect();
        if let Some(best) = known.into_iter().max() {
            return Some(best);
        }
        // Only versions before 2.3 (2.0 … 2.2): they use the names 2.3 does, as cuss2-ts
        // speaks to them.
        let older = versions.iter().any(|v| {
            let mut parts = v.trim().split('.');
            parts.next() == Some("2")
                && parts
                    .next()
                    .and_then(|m| {
                        m.trim_end_matches(|c: char| !c.is_ascii_digit())
                            .parse::<u32>()
                            .ok()
                    })
                    .is_some_and(|m| m < 3)
        });
        match older {
            true => Some(Version::V2_3),
            // Nothing usable (or a major version the kiosk does not speak).
            false
                if versions.iter().any(|v| {
                    v.trim()
                        .starts_with(|c: char| c.is_ascii_digit() && c != '2')
                }) =>
            {
                None
            }
            false => Some(Version::V2_4),
        }
    }
}

/// The directives an application sends. Their names differ between versions for the state
/// and transfer requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Directive {
    Environment,
    Components,
    StateRequest,
    TransferRequest,
    /// 2.3 only: the application confirms it switched to accessible mode.
    AcknowledgeAccessible,
    AnnouncementPlay,
    AnnouncementPause,
    AnnouncementResume,
    AnnouncementStop,
    Cancel,
    Query,
    Send,
    Setup,
    Enable,
    Disable,
    Offer,
}

const COMMON: &[(Directive, &str)] = &[
    (Directive::Environment, "platform_environment"),
    (Directive::Components, "platform_components"),
    (Directive::AnnouncementPlay, "peripherals_announcement_play"),
    (
        Directive::AnnouncementPause,
        "peripherals_announcement_pause",
    ),
    (
        Directive::AnnouncementResume,
        "peripherals_announcement_resume",
    ),
    (Directive::AnnouncementStop, "peripherals_announcement_stop"),
    (Directive::Cancel, "peripherals_cancel"),
    (Directive::Query, "peripherals_query"),
    (Directive::Send, "peripherals_send"),
    (Directive::Setup, "peripherals_setup"),
    (Directive::Enable, "peripherals_userpresent_enable"),
    (Directive::Disable, "peripherals_userpresent_disable"),
    (Directive::Offer, "peripherals_userpresent_offer"),
];

impl Directive {
    /// Every directive.
    pub const ALL: [Directive; 16] = [
        Directive::Environment,
        Directive::Components,
        Directive::StateRequest,
        Directive::TransferRequest,
        Directive::AcknowledgeAccessible,
        Directive::AnnouncementPlay,
        Directive::AnnouncementPause,
        Directive::AnnouncementResume,
        Directive::AnnouncementStop,
        Directive::Cancel,
        Directive::Query,
        Directive::Send,
        Directive::Setup,
        Directive::Enable,
        Directive::Disable,
        Directive::Offer,
    ];

    /// The directive's name in `version` (`None`: the version has no such directive).
    pub fn name(self, version: Version) -> Option<&'static str> {
        match (self, version) {
            (Directive::StateRequest, Version::V2_3) => Some("platform_applications_staterequest"),
            (Directive::StateRequest, Version::V2_4) => Some("platform_applications_state_request"),
            (Directive::TransferRequest, Version::V2_3) => {
                Some("platform_applications_transferrequest")
            }
            (Directive::TransferRequest, Version::V2_4) => {
                Some("platform_applications_transfer_request")
            }
            (Directive::AcknowledgeAccessible, Version::V2_3) => {
                Some("platform_applications_acknowledge_accessible")
            }
            (Directive::AcknowledgeAccessible, Version::V2_4) => None,
            (d, _) => COMMON.iter().find(|(c, _)| *c == d).map(|(_, n)| *n),
        }
    }

    /// The directive a name stands for in `version` (a platform of one version does not know
    /// the other's names).
    pub fn parse(name: &str, version: Version) -> Option<Directive> {
        Directive::ALL
            .into_iter()
            .find(|d| d.name(version) == Some(name))
    }
}

/// What the application sends: one directive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ApplicationData {
    pub meta: AppMeta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<AppPayload>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AppMeta {
    #[serde(rename = "deviceID")]
    pub device_id: String,
    #[serde(rename = "requestID")]
    pub request_id: String,
    pub oauth_token: String,
    pub directive: String,
    #[serde(
        rename = "componentID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub component_id: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AppPayload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_state: Option<ApplicationState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_records: Option<Vec<DataRecord>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illumination_data: Option<IlluminationData>,
}

/// An application state, as asked for or as the platform reports it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationState {
    pub application_state_code: String,
    /// 2.3 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessible_mode: Option<bool>,
    #[serde(default = "not_applicable")]
    pub application_state_change_reason_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_state_change_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_brand: Option<String>,
}

fn not_applicable() -> String {
    "NOT_APPLICABLE".into()
}

impl ApplicationState {
    pub fn new(code: &str, reason_code: &str, reason: Option<&str>) -> ApplicationState {
        ApplicationState {
            application_state_code: code.into(),
            accessible_mode: None,
            application_state_change_reason_code: reason_code.into(),
            application_state_change_reason: reason.map(str::to_string),
            application_brand: None,
        }
    }
}

/// One piece of data read or to be written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DataRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_status: Option<String>,
    #[serde(default)]
    pub ds_types: Vec<String>,
    pub data: Option<String>,
    /// `TEXT` (the default) or `BASE64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

impl DataRecord {
    pub fn text(ds_type: &str, data: impl Into<String>) -> DataRecord {
        DataRecord {
            data_status: None,
            ds_types: vec![ds_type.into()],
            data: Some(data.into()),
            encoding: None,
        }
    }

    pub fn base64(ds_type: &str, bytes: &[u8]) -> DataRecord {
        use base64::Engine;
        DataRecord {
            data_status: None,
            ds_types: vec![ds_type.into()],
            data: Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
            encoding: Some("BASE64".into()),
        }
    }

    pub fn is(&self, ds_type: &str) -> bool {
        self.ds_types.iter().any(|t| t == ds_type)
    }
}

/// A light's colour, how long and how it blinks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct IlluminationData {
    /// Milliseconds; negative: until switched off.
    pub duration: i64,
    pub light_color: LightColor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blink_rate: Option<BlinkRate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LightColor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BlinkRate {
    pub duration_on: u32,
    pub duration_off: u32,
}

/// The platform's immediate answer to a directive: taken, or why not.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Ack {
    pub ack_code: String,
    #[serde(rename = "requestID")]
    pub request_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// What the platform sends: a directive's result, or news of its own (`platformDirective`
/// absent: unsolicited).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlatformData {
    pub meta: PlatformMeta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<PlatformPayload>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PlatformMeta {
    #[serde(rename = "deviceID")]
    pub device_id: String,
    #[serde(rename = "requestID")]
    pub request_id: String,
    pub time_stamp: String,
    #[serde(rename = "passengerSessionID")]
    pub passenger_session_id: String,
    #[serde(rename = "applicationID")]
    pub application_id: ApplicationId,
    #[serde(
        rename = "componentID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub component_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_state: Option<String>,
    pub current_application_state: ApplicationState,
    pub message_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_directive: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationId {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PlatformPayload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_activation: Option<ApplicationActivation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment_level: Option<EnvironmentLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_list: Option<Vec<EnvironmentComponent>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_records: Option<Vec<DataRecord>>,
}

/// How the platform activates the application: a passenger's session, in a language.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationActivation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_brand: Option<String>,
    /// `MAM` (several applications share the kiosk) or `DSAM` (this one alone).
    pub execution_mode: String,
    /// 2.3 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessible_mode: Option<bool>,
    #[serde(rename = "languageID")]
    pub language_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_data: Option<String>,
}

/// The platform and the box it runs on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentLevel {
    /// Milliseconds a passenger session may last.
    pub session_timeout: u64,
    /// Milliseconds the application has to end a session once told it timed out.
    pub kill_timeout: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init_timeout: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_ack_time: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_model_name: Option<String>,
    #[serde(rename = "deviceID")]
    pub device_id: String,
    pub device_location: Location,
    pub cuss_versions: Vec<String>,
    pub os_name: String,
    pub os_version: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub airport_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

/// One of the platform's components (a reader, a printer, its feeder and dispenser, …).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentComponent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_description: Option<String>,
    #[serde(rename = "componentID")]
    pub component_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_type: Option<String>,
    #[serde(default)]
    pub component_characteristics: Vec<Characteristics>,
    #[serde(
        rename = "linkedComponentIDs",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub linked_component_ids: Vec<u32>,
}

/// What a component can do (the parts of `ComponentCharacteristics` this kiosk reads).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Characteristics {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ds_types_list: Vec<String>,
    #[serde(default)]
    pub media_types_list: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub device_types_list: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_output: Option<AudioOutput>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub illumination_colors: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AudioOutput {
    pub ssml_version: String,
    pub supported_languages: Vec<String>,
}

/// What a component is, in the kiosk's terms (read from its type and characteristics as
/// cuss2-ts `src/componentInterrogation.ts` does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    BarcodeReader,
    DocumentReader,
    BoardingPassPrinter,
    BagTagPrinter,
    Feeder,
    Dispenser,
    Headset,
    Announcement,
    Keypad,
    Illumination,
    Other,
}

impl EnvironmentComponent {
    fn first(&self) -> Option<&Characteristics> {
        self.component_characteristics.first()
    }

    fn has(list: &[String], item: &str) -> bool {
        list.iter().any(|i| i == item)
    }

    pub fn role(&self) -> Role {
        let kind = self.component_type.as_deref().unwrap_or("");
        match kind {
            "FEEDER" => return Role::Feeder,
            "DISPENSER" => return Role::Dispenser,
            "ANNOUNCEMENT" => return Role::Announcement,
            _ => {}
        }
        let Some(c) = self.first() else {
            return Role::Other;
        };
        let (media, devices, ds) = (&c.media_types_list, &c.device_types_list, &c.ds_types_list);
        if Self::has(devices, "PRINT") && Self::has(media, "BAGGAGETAG") {
            Role::BagTagPrinter
        } else if Self::has(devices, "PRINT") && Self::has(media, "BOARDINGPASS") {
            Role::BoardingPassPrinter
        } else if Self::has(media, "PASSPORT") {
            Role::DocumentReader
        } else if Self::has(ds, "DS_TYPES_BARCODE") {
            Role::BarcodeReader
        } else if Self::has(ds, "DS_TYPES_KEY")
            || Self::has(ds, "DS_TYPES_KEY_UP")
            || Self::has(ds, "DS_TYPES_KEY_DOWN")
        {
            Role::Keypad
        } else if Self::has(devices, "ILLUMINATION") {
            Role::Illumination
        } else if Self::has(devices, "ASSISTIVE") && Self::has(media, "AUDIO") {
            Role::Headset
        } else {
            Role::Other
        }
    }
}

/// Anything the platform may send on the socket.
#[derive(Debug, Clone, PartialEq)]
pub enum Inbound {
    Ping(serde_json::Value),
    Ack(Ack),
    Data(Box<PlatformData>),
}

impl Inbound {
    pub fn parse(text: &str) -> Result<Inbound, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        if let Some(ping) = value.get("ping") {
            return Ok(Inbound::Ping(ping.clone()));
        }
        if value.get("ackCode").is_some() {
            return serde_json::from_value(value)
                .map(Inbound::Ack)
                .map_err(|e| format!("a malformed acknowledgement: {e}"));
        }
        serde_json::from_value(value)
            .map(|d| Inbound::Data(Box::new(d)))
            .map_err(|e| format!("a malformed platform message: {e}"))
    }
}

/// A new unique id (a request's, a session's) in the GUID form CUSS uses.
pub fn unique_id() -> String {
    let mut b = [0u8; 16];
    let _ = getrandom::fill(&mut b);
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// Message codes that mean a directive did what was asked (cuss2-ts `helper.ts`
/// `criticalErrors` lists the others).
pub fn is_ok(message_code: &str) -> bool {
    matches!(
        message_code,
        "OK" | "DATA_PRESENT" | "MEDIA_PRESENT" | "MEDIA_ABSENT" | "MEDIA_LOW" | "MEDIA_HIGH"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_request_is_named_by_version() {
        assert_eq!(
            Directive::StateRequest.name(Version::V2_3),
            Some("platform_applications_staterequest")
        );
        assert_eq!(
            Directive::StateRequest.name(Version::V2_4),
            Some("platform_applications_state_request")
        );
        // A 2.4 platform does not know the 2.3 name, nor the other way round.
        assert_eq!(
            Directive::parse("platform_applications_staterequest", Version::V2_4),
            None
        );
        assert_eq!(
            Directive::parse("platform_applications_state_request", Version::V2_3),
            None
        );
        assert_eq!(Directive::AcknowledgeAccessible.name(Version::V2_4), None);
        assert_eq!(
            Directive::parse("peripherals_send", Version::V2_3),
            Some(Directive::Send)
        );
    }

    #[test]
    fn the_version_is_the_highest_both_know() {
        let v = |list: &[&str]| {
            Version::negotiate(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(v(&["2.3", "2.4"]), Some(Version::V2_4));
        assert_eq!(v(&["2.3.1"]), Some(Version::V2_3));
        assert_eq!(v(&["2.0"]), Some(Version::V2_3), "older: the 2.3 names");
        assert_eq!(v(&[]), Some(Version::V2_4));
        assert_eq!(v(&["latest"]), Some(Version::V2_4), "nothing usable: 2.4");
        assert_eq!(
            v(&["3.0"]),
            None,
            "a major version the kiosk does not speak"
        );
    }

    #[test]
    fn platform_messages_parse_and_unknown_codes_survive() {
        let text = r#"{"meta":{"deviceID":"d","requestID":"r","timeStamp":"t",
            "passengerSessionID":"NONE","applicationID":{"companyCode":"NW"},
            "componentID":3,"componentState":"READY","messageCode":"SOMETHING_NEW",
            "currentApplicationState":{"applicationStateCode":"AVAILABLE",
            "applicationStateChangeReasonCode":"NOT_APPLICABLE"}}}"#;
        let Inbound::Data(d) = Inbound::parse(text).unwrap() else {
            panic!("not data")
        };
        assert_eq!(d.meta.message_code, "SOMETHING_NEW");
        assert_eq!(d.meta.platform_directive, None);
        assert!(matches!(
            Inbound::parse(r#"{"ping":"2026"}"#),
            Ok(Inbound::Ping(_))
        ));
        assert!(matches!(
            Inbound::parse(r#"{"ackCode":"ACK_OK","requestID":"r"}"#),
            Ok(Inbound::Ack(_))
        ));
        assert!(Inbound::parse("{").is_err());
        assert!(Inbound::parse(r#"{"meta":{}}"#).is_err());
    }
}
