//! Help: paging a human. The Help button and the engine's own "page staff" effects become help
//! requests, committed to a durable outbox before the screen says "Help is on the way", then
//! delivered over HTTP by a background worker to the targets the operator configured (our desk,
//! a webhook, Alertmanager, PagerDuty, ntfy, Slack), retried with backoff, escalated when nobody
//! acknowledges, deduplicated by incident key. The README's "Help" section describes it for operators.

pub mod key;
pub(crate) mod outbox;
pub mod signature;
pub(crate) mod targets;
mod worker;

pub use outbox::{DeliveryReport, Incident, IncidentState, Outbox, OutboxError};
pub use targets::{Attempt, send_once};
pub use worker::{Worker, backoff, flush};

use crate::checkin::Page;
use crate::config::{Config, Help as HelpConfig};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where the kiosk stands, as pages describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskInfo {
    pub id: String,
    pub airport: Option<String>,
    /// Absent in requests from kiosks before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal: Option<String>,
    pub location: String,
}

impl KioskInfo {
    pub fn from_config(c: &Config) -> Self {
        KioskInfo {
            id: c.kiosk.id.clone(),
            airport: c.kiosk.airport.clone(),
            terminal: c.kiosk.terminal.clone(),
            location: c.kiosk.location.clone(),
        }
    }
}

/// A help request, version 1 of our webhook and desk protocol: its JSON body is this struct's
/// serialization, signed as `signature` says. Never carries documents or full names; a first
/// name only where the operator allows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpRequest {
    pub version: u32,
    /// Unique per request.
    pub id: String,
    /// The incident (one per kiosk session): the idempotency key receivers deduplicate on.
    pub incident: String,
    /// open, updated, escalated, cancelled, resolved, test.
    pub state: String,
    pub kiosk: KioskInfo,
    pub airline: Option<String>,
    pub flight: Option<String>,
    pub minutes_until_close: Option<i64>,
    pub step: String,
    pub reason: String,
    pub locale: String,
    pub first_name: Option<String>,
    /// RFC 3339.
    pub requested_at: String,
    pub escalation_level: u8,
    /// When check-in closes (RFC 3339), for the desk's live countdown. The fields below are
    /// absent in requests from older kiosks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    /// When the kiosk stops waiting for an agent and sends the passenger to a desk (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gives_up_at: Option<String>,
    /// The special service request behind the page (`UMNR`), when that is the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// A drill (`concierge page --drill`): nobody is waiting at the kiosk.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drill: bool,
    /// Whom an escalation went to (the targets' names), and when (RFC 3339).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalated_to: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_at: Option<String>,
    /// A staff member's action at the kiosk (state `staff_action`): who, and what it was about
    /// (the action itself is the reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl HelpRequest {
    /// An empty request, filled in when read back from the store.
    pub(crate) fn placeholder() -> Self {
        HelpRequest {
            version: 1,
            id: String::new(),
            incident: String::new(),
            state: String::new(),
            kiosk: KioskInfo {
                id: String::new(),
                airport: None,
                terminal: None,
                location: String::new(),
            },
            airline: None,
            flight: None,
            minutes_until_close: None,
            step: String::new(),
            reason: String::new(),
            locale: String::new(),
            first_name: None,
            requested_at: String::new(),
            escalation_level: 0,
            closes_at: None,
            gives_up_at: None,
            service: None,
            drill: false,
            escalated_to: Vec::new(),
            escalated_at: None,
            staff: None,
            detail: None,
        }
    }

    /// A test page from `concierge page --test`: state "test", its own incident, nothing
    /// about any passenger.
    pub fn test(kiosk: &KioskInfo, now: chrono::DateTime<chrono::Utc>) -> Self {
        let id = key::test(&kiosk.id, now.timestamp_millis().max(0) as u64);
        HelpRequest {
            id: id.clone(),
            incident: id,
            state: "test".into(),
            kiosk: kiosk.clone(),
            step: "welcome".into(),
            reason: "test".into(),
            locale: "en-US".into(),
            requested_at: now.to_rfc3339(),
            ..HelpRequest::placeholder()
        }
    }

    /// One line for people (chat messages, pager summaries).
    pub fn summary(&self) -> String {
        let place = match &self.kiosk.terminal {
            Some(t) => format!("{}, {t}", self.kiosk.location),
            None => self.kiosk.location.clone(),
        };
        let mut s = format!(
            "{}Kiosk {} ({place}): {}",
            if self.drill { "DRILL — " } else { "" },
            self.kiosk.id,
            self.reason.replace('_', " ")
        );
        if let Some(name) = &self.first_name {
            s.push_str(&format!(" — passenger {name}"));
        }
        if let Some(flight) = &self.flight {
            s.push_str(&format!(", flight {flight}"));
            if let Some(m) = self.minutes_until_close {
                s.push_str(&format!(", check-in closes in {m} min"));
            }
        }
        s.push_str(&format!(", step {}", self.step));
        if self.escalation_level > 0 {
            s.push_str(&format!(
                " (escalated: not acknowledged, level {})",
                self.escalation_level
            ));
        }
        match self.state.as_str() {
            "cancelled" => s.push_str(" — cancelled by the passenger"),
            "resolved" => s.push_str(" — resolved"),
            _ => {}
        }
        s
    }
}

/// The incident key of a kiosk session (see [`key`] for the whole grammar).
pub fn incident_key(kiosk: &str, session: u64) -> String {
    key::session(kiosk, session)
}

pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

pub use crate::runtime::HelpStatus;

/// The kiosk side of help: commits requests and reads their state. Cheap to clone.
#[derive(Clone)]
pub struct Pager {
    outbox: Arc<Outbox>,
    config: Arc<HelpConfig>,
    kiosk: KioskInfo,
    wake: Arc<tokio::sync::Notify>,
    /// How the kiosk's devices are, for its heartbeats.
    health: Arc<crate::fleet::Health>,
}

impl std::fmt::Debug for Pager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager")
            .field("kiosk", &self.kiosk.id)
            .finish()
    }
}

impl Pager {
    pub fn new(outbox: Arc<Outbox>, config: Arc<HelpConfig>, kiosk: KioskInfo) -> Self {
        Pager {
            outbox,
            config,
            kiosk,
            wake: Arc::new(tokio::sync::Notify::new()),
            health: Default::default(),
        }
    }

    /// How the kiosk's devices are: the screens set it, heartbeats report it.
    pub fn health(&self) -> &Arc<crate::fleet::Health> {
        &self.health
    }

    /// The kiosk, as its pages and heartbeats name it.
    pub fn kiosk(&self) -> &KioskInfo {
        &self.kiosk
    }

    pub fn outbox(&self) -> &Arc<Outbox> {
        &self.outbox
    }

    pub fn config(&self) -> &Arc<HelpConfig> {
        &self.config
    }

    /// Wakes the worker when something new is queued.
    pub fn wake_handle(&self) -> Arc<tokio::sync::Notify> {
        self.wake.clone()
    }

    /// Targets of an escalation level.
    pub fn targets_at(&self, level: u8) -> Vec<usize> {
        self.config
            .targets
            .iter()
            .enumerate()
            .filter(|(_, t)| t.level == level)
            .map(|(i, _)| i)
            .collect()
    }

    fn request(&self, page: &Page, state: &str, level: u8, seq: i64) -> HelpRequest {
        let incident = incident_key(&self.kiosk.id, page.session);
        HelpRequest {
            version: 1,
            id: format!("{incident}-{seq}"),
            incident,
            state: state.into(),
            kiosk: self.kiosk.clone(),
            airline: page
                .flight
                .as_ref()
                .and_then(|f| f.split_whitespace().next())
                .map(String::from),
            flight: page.flight.clone(),
            minutes_until_close: page.minutes_until_close,
            step: page.step.code().into(),
            reason: page.reason.code(),
            locale: page.locale.clone(),
            first_name: page.first_name.clone(),
            requested_at: page.at.to_rfc3339(),
            escalation_level: level,
            closes_at: page.closes_at.map(|t| t.to_rfc3339()),
            gives_up_at: None,
            service: page.service.clone(),
            drill: false,
            escalated_to: Vec::new(),
            escalated_at: None,
            staff: None,
            detail: None,
        }
    }

    /// When the kiosk gives up waiting for an agent on an incident opened at `opened_at`
    /// (unix ms): `fallback_after` later, as [`Pager::status`] counts.
    fn gives_up_at(&self, opened_at: i64) -> Option<String> {
        let at = opened_at.saturating_add(self.config.fallback_after.as_millis() as i64);
        chrono::DateTime::from_timestamp_millis(at).map(|t| t.to_rfc3339())
    }

    /// Commits a page (the Help button, or the engine's own) and wakes the worker. A second
    /// page in the same session updates the open incident. Returns the incident key.
    pub fn page(&self, page: &Page) -> Result<String, OutboxError> {
        let key = incident_key(&self.kiosk.id, page.session);
        let existing = self.outbox.incident(&key)?;
        let (state, level, opened_at) = match &existing {
            Some(i) if i.state.is_open() => ("updated", i.level, i.opened_at),
            _ => ("open", 0, now_ms()),
        };
        let mut request = self.request(page, state, level, now_ms());
        request.gives_up_at = self.gives_up_at(opened_at);
        if let Some(i) = existing
            .as_ref()
            .filter(|i| i.state.is_open() && i.level > 0)
        {
            request.escalated_to = i.request.escalated_to.clone();
            request.escalated_at = i.request.escalated_at.clone();
        }
        // Updates go to every target already engaged (levels up to the current one).
        let targets: Vec<usize> = (0..=level).flat_map(|l| self.targets_at(l)).collect();
        self.outbox.raise(&request, &targets, now_ms())?;
        self.wake.notify_one();
        Ok(key)
    }

    /// A page whose reason is free text (a drill, software driving the kiosk).
    pub fn page_with_reason(
        &self,
        page: &Page,
        reason: &str,
        drill: bool,
    ) -> Result<String, OutboxError> {
        let key = incident_key(&self.kiosk.id, page.session);
        let mut request = self.request(page, "open", 0, now_ms());
        request.reason = reason.to_string();
        request.drill = drill;
        request.gives_up_at = self.gives_up_at(now_ms());
        self.outbox.raise(&request, &self.targets_at(0), now_ms())?;
        self.wake.notify_one();
        Ok(key)
    }

    /// A notice for the assistance service: its own incident per session and kind of request
    /// (wheelchair, blind passenger …), never escalated.
    pub fn notify(&self, page: &Page) -> Result<String, OutboxError> {
        let key = key::assistance(&self.kiosk.id, page.session, &page.reason.code());
        let mut request = self.request(page, "open", 0, now_ms());
        request.incident = key.clone();
        request.id = format!("{key}-{}", now_ms());
        self.outbox.raise(&request, &self.targets_at(0), now_ms())?;
        self.wake.notify_one();
        Ok(key)
    }

    /// A staff member's action at the kiosk, for the desks (the session's incident, when there
    /// is one, shows it): queued like a page, delivered to the desk targets only, and opening
    /// no incident here.
    pub fn staff_action(
        &self,
        session: u64,
        staff: &str,
        action: &str,
        detail: &str,
    ) -> Result<(), OutboxError> {
        let now = now_ms();
        let incident = incident_key(&self.kiosk.id, session);
        let mut request = HelpRequest::placeholder();
        request.id = format!("{incident}-staff-{now}");
        request.incident = incident.clone();
        request.state = "staff_action".into();
        request.kiosk = self.kiosk.clone();
        request.reason = action.into();
        request.requested_at = chrono::DateTime::from_timestamp_millis(now)
            .unwrap_or_default()
            .to_rfc3339();
        request.staff = Some(staff.into());
        request.detail = (!detail.is_empty()).then(|| detail.into());
        let desks: Vec<usize> = self
            .config
            .targets
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == crate::config::TargetKind::Desk)
            .map(|(i, _)| i)
            .collect();
        if desks.is_empty() {
            return Ok(());
        }
        self.outbox.note(&request, &desks, now)?;
        self.wake.notify_one();
        Ok(())
    }

    /// The kiosk needs maintenance: one incident per reason (repeats update it), apart from any
    /// passenger's session; closed with [`Pager::maintenance_done`].
    pub fn maintenance(&self, page: &Page) -> Result<String, OutboxError> {
        let key = key::maintenance(&self.kiosk.id, &page.reason.code());
        let existing = self.outbox.incident(&key)?;
        let state = if existing.as_ref().is_some_and(|i| i.state.is_open()) {
            "updated"
        } else {
            "open"
        };
        let mut request = self.request(page, state, 0, now_ms());
        request.incident = key.clone();
        request.id = format!("{key}-{}", now_ms());
        request.first_name = None;
        request.flight = None;
        request.airline = None;
        request.minutes_until_close = None;
        self.outbox.raise(&request, &self.targets_at(0), now_ms())?;
        self.wake.notify_one();
        Ok(key)
    }

    /// The maintenance need is over (paper refilled, printer back).
    pub fn maintenance_done(&self, reason: &str) -> Result<(), OutboxError> {
        let key = key::maintenance(&self.kiosk.id, reason);
        self.close(&key, IncidentState::Resolved)
    }

    /// The passenger cancelled (or the session ended): close the incident everywhere.
    pub fn cancel(&self, session: u64) -> Result<(), OutboxError> {
        self.close(
            &incident_key(&self.kiosk.id, session),
            IncidentState::Cancelled,
        )
    }

    pub fn close(&self, key: &str, state: IncidentState) -> Result<(), OutboxError> {
        let Some(incident) = self.outbox.incident(key)? else {
            return Ok(());
        };
        if !incident.state.is_open() {
            return Ok(());
        }
        let mut request = incident.request.clone();
        request.state = match state {
            IncidentState::Resolved => "resolved".into(),
            _ => "cancelled".into(),
        };
        request.id = format!("{}-{}", incident.key, now_ms());
        request.requested_at = chrono::Utc::now().to_rfc3339();
        let targets: Vec<usize> = (0..=incident.level)
            .flat_map(|l| self.targets_at(l))
            .collect();
        self.outbox.close(&request, state, &targets, now_ms())?;
        self.wake.notify_one();
        Ok(())
    }

    /// Where a request stands, for the screen.
    pub fn status(&self, key: &str) -> Result<HelpStatus, OutboxError> {
        let Some(i) = self.outbox.incident(key)? else {
            return Ok(HelpStatus::Queued);
        };
        Ok(match i.state {
            IncidentState::Resolved => HelpStatus::Resolved,
            IncidentState::Cancelled => HelpStatus::Cancelled,
            IncidentState::Acknowledged => HelpStatus::Acknowledged {
                agent: i.acknowledged_by.unwrap_or_default(),
            },
            IncidentState::Open => {
                let waited = now_ms() - i.opened_at;
                // Every target refused it for good (a 4xx: a wrong key, a wrong URL): nobody
                // will hear of it by waiting, so the passenger is sent to a desk at once. And
                // a page nobody acknowledged within `fallback_after`, delivered or not, ends
                // the same way: the passenger is not left waiting for nobody.
                let refused_everywhere = i.failed && !i.pending && !i.delivered;
                if self.config.targets.is_empty()
                    || refused_everywhere
                    || waited >= self.config.fallback_after.as_millis() as i64
                {
                    HelpStatus::Fallback {
                        desk: self.config.fallback_desk.clone(),
                    }
                } else if i.delivered {
                    HelpStatus::Delivered
                } else {
                    HelpStatus::Queued
                }
            }
        })
    }
}

/// The runtime's pager for the headless check-in and the GUI: commits every page to the outbox.
impl crate::runtime::Paging for Pager {
    fn page(&self, page: &Page) {
        if let Err(e) = Pager::page(self, page) {
            tracing::error!(error = %e, "a page could not be committed");
        }
    }

    fn notify_assistance(&self, page: &Page) {
        if let Err(e) = Pager::notify(self, page) {
            tracing::error!(error = %e, "an assistance notice could not be committed");
        }
    }

    fn maintenance(&self, page: &Page) {
        if let Err(e) = Pager::maintenance(self, page) {
            tracing::error!(error = %e, "a maintenance page could not be committed");
        }
    }

    fn printer_back(&self) {
        for reason in ["printer_failure", "printer_paper_low"] {
            if let Err(e) = self.maintenance_done(reason) {
                tracing::error!(error = %e, "a maintenance page could not be closed");
            }
        }
    }

    fn cancel(&self, session: u64) {
        if let Err(e) = Pager::cancel(self, session) {
            tracing::error!(error = %e, "a help request could not be closed");
        }
    }

    fn staff_action(&self, session: u64, staff: &str, action: &str, detail: &str) {
        if let Err(e) = Pager::staff_action(self, session, staff, action, detail) {
            tracing::error!(error = %e, "a staff action could not be queued for the desk");
        }
    }

    fn resolve(&self, session: u64) {
        let key = incident_key(&self.kiosk.id, session);
        if let Err(e) = self.close(&key, IncidentState::Resolved) {
            tracing::error!(error = %e, "a help request could not be resolved");
        }
    }

    fn status(&self, session: u64) -> Option<HelpStatus> {
        match Pager::status(self, &incident_key(&self.kiosk.id, session)) {
            Ok(status) => Some(status),
            Err(e) => {
                tracing::error!(error = %e, "the help request's state could not be read");
                None
            }
        }
    }
}
