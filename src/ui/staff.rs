//! Staff mode on the kiosk. Opened by five taps on the airline's name in the top bar within
//! five seconds, or by scanning a staff badge; then the staff member's own PIN (see
//! [`crate::staff::Gate`]: five wrong PINs lock it, longer each time). The panel shows the
//! session's step and exception, the printer and the help request, and lets staff accept a
//! refused document (who and why go with the check-in), reprint, restart the session, close or
//! open the kiosk, and resolve the help request. It leaves on its own after a minute without a
//! touch. Staff see it in English.

use super::draw::{Draw, El, Msg};
use super::fonts;
use super::input::KeyPress;
use super::theme::{self, ButtonKind, PanelKind};
use crate::checkin::{Engine, Event, HelpState};
use crate::config::StaffMember;
use crate::domain::Timestamp;
use crate::i18n::Messages;
use crate::staff::{Gate, Refusal};
use fluent_bundle::FluentValue;
use iced::widget::{Column, Row, column, container, row, text};
use iced::{Alignment, Length};
use std::sync::Arc;

/// Staff mode's PIN keys (width, height), its wide keys (Delete, Sign in) and its sign-in panel's
/// width. Staff mode is in the operator's staff language and ignores the passenger's Larger
/// text, so these stay as they are.
const STAFF_KEY: (f32, f32) = (96.0, 72.0);
const STAFF_WIDE_KEY: f32 = 150.0;
const STAFF_PANEL_WIDE: f32 = 520.0;
/// From this width (in the kiosk's units) the sign-in's keypad sits beside its fields.
const STAFF_SIDE_BY_SIDE: f32 = 1020.0;

/// Taps on the airline's name that open staff mode, and the time they must fall within.
pub const GESTURE_TAPS: usize = 5;
const GESTURE_WINDOW_S: i64 = 5;
/// Staff mode closes after this long without a touch.
pub const STAFF_IDLE_S: i64 = 60;

/// What staff can do from the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffAction {
    /// Accept the refused document, for this reason (a message id).
    Override(&'static str),
    /// Check in past the close, for this reason (a message id).
    Late(&'static str),
    /// Look up any booking by its reference (a session of its own, at Identify).
    Find,
    /// Replace this bag tag of this passenger (the old plate voided, a new one printed).
    ReissueTag(crate::domain::PassengerId, crate::domain::LicencePlate),
    Reprint,
    Restart,
    Close,
    Open,
    ResolveHelp,
    Leave,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffField {
    Number,
    Pin,
}

/// What staff do in staff mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Field(StaffField),
    Key(KeyPress),
    SignIn,
    Do(StaffAction),
    Scrolled,
}

impl Msg for Message {
    /// Staff mode's buttons are its own; an engine event from a shared part is ignored.
    fn engine(_: Event) -> Self {
        Message::Scrolled
    }
    fn scrolled() -> Self {
        Message::Scrolled
    }
}

#[derive(Debug, Clone)]
enum Mode {
    SignIn {
        number: String,
        pin: String,
        field: StaffField,
        message: Option<String>,
    },
    Panel {
        member: StaffMember,
    },
}

const LATE_REASONS: [&str; 3] = [
    "staff-late-gate",
    "staff-late-connection",
    "staff-late-manager",
];

const OVERRIDE_REASONS: [&str; 3] = [
    "staff-reason-checked",
    "staff-reason-permit",
    "staff-reason-address",
];

/// Staff mode: the gesture that opens it, the sign-in and the panel, and its idle timer.
pub struct Staff {
    gate: Option<Arc<Gate>>,
    /// The operator's staff language: staff screens speak it, whatever the passenger chose.
    locale: String,
    mode: Option<Mode>,
    taps: Vec<Timestamp>,
    /// The last touch in staff mode.
    since: Timestamp,
}

impl Staff {
    pub fn new(gate: Option<Arc<Gate>>, locale: String) -> Staff {
        Staff {
            gate,
            locale,
            mode: None,
            taps: Vec::new(),
            since: chrono::DateTime::UNIX_EPOCH,
        }
    }

    pub fn set_locale(&mut self, locale: String) {
        self.locale = locale;
    }

    pub fn gate(&self) -> Option<&Arc<Gate>> {
        self.gate.as_ref()
    }

    pub fn is_open(&self) -> bool {
        self.mode.is_some()
    }

    /// 0: closed, 1: signing in, 2: the panel (the keyboard's focus starts afresh at each).
    pub fn layout(&self) -> u8 {
        match &self.mode {
            None => 0,
            Some(Mode::SignIn { .. }) => 1,
            Some(Mode::Panel { .. }) => 2,
        }
    }

    /// The signed-in staff member, if any.
    pub fn member(&self) -> Option<&StaffMember> {
        match &self.mode {
            Some(Mode::Panel { member }) => Some(member),
            _ => None,
        }
    }

    /// Staff working by keyboard are not idle.
    pub fn touched(&mut self, now: Timestamp) {
        self.since = now;
    }

    /// A tap on the airline's name: the fifth within five seconds opens staff sign-in.
    pub fn gesture(&mut self, now: Timestamp) {
        self.taps
            .retain(|t| (now - *t).num_seconds() < GESTURE_WINDOW_S);
        self.taps.push(now);
        if self.taps.len() >= GESTURE_TAPS {
            self.taps.clear();
            self.open_sign_in(None, now);
        }
    }

    /// Opens the PIN prompt (for this staff number, when a badge was scanned).
    fn open_sign_in(&mut self, number: Option<String>, now: Timestamp) {
        if self.gate.as_ref().is_none_or(|g| !g.has_staff()) {
            return;
        }
        let field = if number.is_some() {
            StaffField::Pin
        } else {
            StaffField::Number
        };
        self.mode = Some(Mode::SignIn {
            number: number.unwrap_or_default(),
            pin: String::new(),
            field,
            message: None,
        });
        self.since = now;
    }

    /// A scanned line that is a staff badge opens sign-in for its owner.
    pub fn badge(&mut self, line: &str, now: Timestamp) -> bool {
        let Some(member) = self.gate.as_ref().and_then(|g| g.by_badge(line)) else {
            return false;
        };
        let id = member.id.clone();
        self.open_sign_in(Some(id), now);
        true
    }

    /// A key of the staff keypad, or a typed character.
    pub fn key(&mut self, key: KeyPress, now: Timestamp) {
        self.since = now;
        let Some(Mode::SignIn {
            number, pin, field, ..
        }) = &mut self.mode
        else {
            return;
        };
        let text = match field {
            StaffField::Number => number,
            StaffField::Pin => pin,
        };
        match key {
            KeyPress::Char(c) if c.is_ascii_alphanumeric() && text.len() < 16 => {
                text.push(c.to_ascii_uppercase())
            }
            KeyPress::Backspace => {
                text.pop();
            }
            KeyPress::Clear => text.clear(),
            _ => {}
        }
    }

    /// Forgets what the sign-in fields hold (a scan that was not a badge landed in them).
    pub fn clear_sign_in(&mut self) {
        if let Some(Mode::SignIn {
            number, pin, field, ..
        }) = &mut self.mode
        {
            number.clear();
            pin.clear();
            *field = StaffField::Number;
        }
    }

    /// What staff did; the events the engine is to hear, in order.
    pub fn update(
        &mut self,
        message: Message,
        engine: &Engine,
        messages: &Messages,
        now: Timestamp,
    ) -> Vec<Event> {
        match message {
            Message::Field(field) => {
                self.since = now;
                if let Some(Mode::SignIn { field: f, .. }) = &mut self.mode {
                    *f = field;
                }
                Vec::new()
            }
            Message::Key(key) => {
                self.key(key, now);
                Vec::new()
            }
            Message::SignIn => {
                self.sign_in(messages, now);
                Vec::new()
            }
            Message::Do(action) => self.act(action, engine, messages, now),
            Message::Scrolled => Vec::new(),
        }
    }

    fn sign_in(&mut self, messages: &Messages, now: Timestamp) {
        let now_ms = now.timestamp_millis();
        let Some(Mode::SignIn {
            number,
            pin,
            field,
            message,
        }) = &mut self.mode
        else {
            return;
        };
        if *field == StaffField::Number && pin.is_empty() {
            *field = StaffField::Pin;
            return;
        }
        let Some(gate) = self.gate.clone() else {
            return;
        };
        if pin.is_empty() {
            // An empty PIN is no attempt (and cannot be used to lock staff out).
            *field = StaffField::Pin;
            return;
        }
        let typed = std::mem::take(pin);
        match gate.check(number, &typed, now_ms) {
            Ok(member) => {
                gate.record(&member.id, "sign_in", "", now_ms);
                self.mode = Some(Mode::Panel { member });
                self.since = now;
            }
            Err(refusal) => {
                // Only a configured staff number goes into the log: whatever else was typed
                // (a PIN in the wrong field, a scan) must not.
                let who = if gate.is_staff(number) {
                    number.as_str()
                } else {
                    "unknown"
                };
                gate.record(who, "sign_in_refused", "", now_ms);
                *message = Some(match refusal {
                    Refusal::Wrong { left } => {
                        messages.get(&self.locale, "staff-wrong", &[("left", left.into())])
                    }
                    Refusal::Locked { until_ms } => {
                        // The kiosk's own clock time (its system's zone is the airport's),
                        // as staff read the clock on the wall: never UTC.
                        let until = chrono::DateTime::from_timestamp_millis(until_ms)
                            .unwrap_or_default()
                            .with_timezone(&chrono::Local)
                            .format("%H:%M:%S")
                            .to_string();
                        messages.get(&self.locale, "staff-locked", &[("time", until.into())])
                    }
                });
            }
        }
    }

    fn act(
        &mut self,
        action: StaffAction,
        engine: &Engine,
        messages: &Messages,
        now: Timestamp,
    ) -> Vec<Event> {
        let Some(member) = self.member().cloned() else {
            if action == StaffAction::Leave {
                self.mode = None;
            }
            return Vec::new();
        };
        self.since = now;
        let now_ms = now.timestamp_millis();
        let s = engine.session();
        let record = |what: &str, detail: &str| {
            if let Some(g) = &self.gate {
                g.record_in(s.serial, &member.id, what, detail, now_ms);
            }
        };
        match action {
            StaffAction::Override(reason) => {
                let reason = messages.get(&self.locale, reason, &[]);
                let kind = s
                    .exception
                    .as_ref()
                    .map(|e| e.kind.code())
                    .unwrap_or_default();
                record("override", &format!("{kind}: {reason}"));
                let mut events = vec![Event::StaffOverride {
                    staff: member.id.clone(),
                    reason,
                }];
                // The person who was called is here and has dealt with it.
                if s.help_open() {
                    record("resolve_help", "");
                    events.push(Event::StaffResolveHelp);
                }
                events
            }
            StaffAction::Reprint => {
                record("reprint", "");
                vec![Event::StaffReprint {
                    staff: member.id.clone(),
                }]
            }
            StaffAction::Find => {
                record("find_booking", "");
                // The panel gives way to Identify, where the reference is typed.
                self.mode = None;
                vec![Event::StaffFind {
                    staff: member.id.clone(),
                }]
            }
            StaffAction::ReissueTag(passenger, plate) => {
                record("reissue_tag", plate.as_str());
                vec![Event::StaffReissueTag {
                    staff: member.id.clone(),
                    passenger,
                    plate,
                }]
            }
            StaffAction::Late(reason) => {
                let reason = messages.get(&self.locale, reason, &[]);
                record("late_check_in", &reason);
                let mut events = vec![Event::StaffLateCheckIn {
                    staff: member.id.clone(),
                    reason,
                }];
                if s.help_open() {
                    record("resolve_help", "");
                    events.push(Event::StaffResolveHelp);
                }
                events
            }
            StaffAction::Restart => {
                record("restart", s.step.code());
                vec![Event::Cancel]
            }
            StaffAction::Close => {
                record("close_kiosk", "");
                vec![Event::CloseKiosk {
                    by: member.id.clone(),
                }]
            }
            StaffAction::Open => {
                record("open_kiosk", "");
                vec![Event::OpenKiosk]
            }
            StaffAction::ResolveHelp => {
                record("resolve_help", "");
                vec![Event::StaffResolveHelp]
            }
            StaffAction::Leave => {
                record("sign_out", "");
                self.mode = None;
                Vec::new()
            }
        }
    }

    /// Staff mode closes after a minute without a touch.
    pub fn tick(&mut self, now: Timestamp) {
        if self.mode.is_some() && (now - self.since).num_seconds() >= STAFF_IDLE_S {
            if let (Some(member), Some(g)) = (self.member(), &self.gate) {
                g.record(&member.id, "timed_out", "", now.timestamp_millis());
            }
            self.mode = None;
        }
    }

    // ---- views ----

    /// Staff mode's screen, over the whole kiosk; `config_error` is the last config edit that
    /// could not be used.
    pub fn view<'a>(
        &'a self,
        engine: &'a Engine,
        config_error: Option<&'a str>,
        d: &mut Draw<Message>,
    ) -> Option<El<'a, Message>> {
        let p = d.palette();
        let body = match self.mode.as_ref()? {
            Mode::SignIn {
                number,
                pin,
                field,
                message,
            } => self.sign_in_view(d, number, pin, *field, message.as_deref()),
            Mode::Panel { member } => self.panel(d, engine, config_error, member),
        };
        Some(
            container(
                container(body)
                    .padding(theme::gap::PAGE)
                    .max_width(1100)
                    .style(move |_| theme::panel(&p, PanelKind::Modal)),
            )
            .center(Length::Fill)
            .style(move |_| theme::panel(&p, PanelKind::Bar))
            .into(),
        )
    }

    fn sign_in_view<'a>(
        &self,
        d: &mut Draw<Message>,
        number: &str,
        pin: &str,
        field: StaffField,
        message: Option<&str>,
    ) -> El<'a, Message> {
        let sizes = d.sizes();
        let mut keys = Column::new().spacing(theme::gap::SMALL);
        for row in ["123", "456", "789"] {
            let mut r = Row::new().spacing(theme::gap::SMALL);
            for c in row.chars() {
                r = r.push(
                    d.act(
                        container(text(c.to_string()).size(sizes.title))
                            .center(Length::Fill)
                            .into(),
                        Message::Key(KeyPress::Char(c)),
                        ButtonKind::Key,
                        c.to_string(),
                    )
                    .width(Length::Fixed(STAFF_KEY.0))
                    .height(Length::Fixed(STAFF_KEY.1)),
                );
            }
            keys = keys.push(r);
        }
        keys = keys.push(
            Row::new()
                .spacing(theme::gap::SMALL)
                .push(
                    d.labelled(
                        self.st(d, "staff-cancel"),
                        Message::Do(StaffAction::Leave),
                        ButtonKind::Key,
                    )
                    .width(Length::Fixed(STAFF_WIDE_KEY)),
                )
                .push(
                    d.act(
                        container(text("0").size(sizes.title))
                            .center(Length::Fill)
                            .into(),
                        Message::Key(KeyPress::Char('0')),
                        ButtonKind::Key,
                        "0".to_string(),
                    )
                    .width(Length::Fixed(STAFF_KEY.0))
                    .height(Length::Fixed(STAFF_KEY.1)),
                )
                .push(
                    d.labelled(
                        self.st(d, "key-backspace"),
                        Message::Key(KeyPress::Backspace),
                        ButtonKind::Key,
                    )
                    .width(Length::Fixed(STAFF_WIDE_KEY)),
                ),
        );
        let mut content = column![
            text(self.st(d, "staff-sign-in"))
                .size(sizes.title)
                .font(fonts::BOLD),
            staff_field(
                d,
                self.st(d, "staff-number"),
                number.to_string(),
                StaffField::Number,
                field
            ),
            staff_field(
                d,
                self.st(d, "staff-pin"),
                "•".repeat(pin.chars().count()),
                StaffField::Pin,
                field
            ),
        ]
        .spacing(theme::gap::ITEMS)
        .width(Length::Fixed(STAFF_PANEL_WIDE));
        if let Some(m) = message {
            content = content.push(
                d.look()
                    .panel(text(m.to_string()).size(sizes.body), PanelKind::Notice),
            );
        }
        let enter = staff_button(
            d,
            self.st(d, "staff-enter"),
            Message::SignIn,
            ButtonKind::Primary,
        );
        // A landscape panel is not tall enough for fields, a message, the keypad and Sign in
        // one under the other (after one wrong PIN, Sign in fell off a 1080p screen and the
        // keypad's last row was cut): the keypad goes beside them.
        let room = d.room();
        if room.width > room.height && room.width >= STAFF_SIDE_BY_SIDE {
            row![content.push(enter), keys]
                .spacing(theme::gap::PAGE)
                .align_y(Alignment::Start)
                .into()
        } else {
            content.push(keys).push(enter).into()
        }
    }

    fn panel<'a>(
        &self,
        d: &mut Draw<Message>,
        engine: &'a Engine,
        config_error: Option<&'a str>,
        member: &'a StaffMember,
    ) -> El<'a, Message> {
        let sizes = d.sizes();
        let s = engine.session();
        let fact = |t: String| -> El<'a, Message> { text(t).size(sizes.body).into() };
        let exception = s
            .exception
            .as_ref()
            .map(|e| self.st(d, &format!("desk-reason-{}", e.kind.code())))
            .unwrap_or_else(|| self.st(d, "staff-none"));
        let printer = match engine.out_of_service() {
            None => self.st(d, "staff-printer-ok"),
            Some(detail) => self.st_args(d, "staff-printer-fault", &[("detail", detail.into())]),
        };
        let help = if s.help_open() {
            let status = match &s.help {
                HelpState::Coming { agent } => self.st_args(
                    d,
                    "staff-help-acknowledged",
                    &[("agent", agent.as_str().into())],
                ),
                HelpState::Delivered => self.st(d, "staff-help-delivered"),
                HelpState::Unreachable { .. } => self.st(d, "staff-help-fallback"),
                _ => self.st(d, "staff-help-queued"),
            };
            self.st_args(d, "staff-help", &[("status", status.into())])
        } else {
            self.st_args(
                d,
                "staff-help",
                &[("status", self.st(d, "staff-help-none").into())],
            )
        };
        let kiosk = if engine.closed().is_some() {
            self.st(d, "staff-kiosk-closed")
        } else {
            self.st(d, "staff-kiosk-open")
        };
        let mut content = column![
            text(self.st_args(d, "staff-title", &[("name", member.name.clone().into())]))
                .size(sizes.title)
                .font(fonts::BOLD),
            fact(self.st_args(
                d,
                "staff-step",
                &[(
                    "step",
                    self.st(d, &format!("step-name-{}", s.step.code())).into()
                )],
            )),
            fact(self.st_args(d, "staff-exception", &[("exception", exception.into())])),
            fact(printer),
            fact(help),
            fact(kiosk),
        ]
        .spacing(theme::gap::SMALL);
        if let Some(error) = config_error {
            content = content.push(
                d.look().panel(
                    text(self.st_args(d, "staff-config-error", &[("error", error.into())]))
                        .size(sizes.small),
                    PanelKind::Notice,
                ),
            );
        }
        if engine.can_override() {
            // Staff see whose document it is and whose name it carries before accepting it.
            if let Some((passenger, doc)) = &s.pending_document {
                let booked = s
                    .booking
                    .as_ref()
                    .and_then(|b| b.passenger(*passenger))
                    .map(|p| p.name.display())
                    .unwrap_or_default();
                content = content.push(fact(self.st_args(
                    d,
                    "staff-document-of",
                    &[
                        ("passenger", booked.into()),
                        (
                            "document",
                            format!("{}, {}", doc.surname, doc.given_names).into(),
                        ),
                    ],
                )));
            }
            let label = fact(self.st(d, "staff-override"));
            content =
                content.push(self.reasons(d, label, &OVERRIDE_REASONS, StaffAction::Override));
        }
        if engine.can_check_in_late(d.now()) {
            let label = fact(self.st(d, "staff-late"));
            content = content.push(self.reasons(d, label, &LATE_REASONS, StaffAction::Late));
        }
        // Each bag tag of the party, to replace one that tore or printed badly.
        if let Some(booking) = &s.booking {
            let mut tags: Vec<El<'a, Message>> = Vec::new();
            for p in &booking.passengers {
                for plate in &p.bag_tags {
                    if engine.can_reissue_tag(p.id, plate) {
                        tags.push(staff_button(
                            d,
                            self.st_args(
                                d,
                                "staff-reissue-tag",
                                &[
                                    ("plate", plate.to_string().into()),
                                    ("passenger", p.name.display().into()),
                                ],
                            ),
                            Message::Do(StaffAction::ReissueTag(p.id, plate.clone())),
                            ButtonKind::Secondary,
                        ));
                    }
                }
            }
            if !tags.is_empty() {
                content = content.push(self.choices(tags));
            }
        }
        let mut actions: Vec<El<'a, Message>> = Vec::new();
        if engine.can_reprint() {
            actions.push(staff_button(
                d,
                self.st(d, "staff-reprint"),
                Message::Do(StaffAction::Reprint),
                ButtonKind::Primary,
            ));
        }
        if s.help_open() {
            actions.push(staff_button(
                d,
                self.st(d, "staff-resolve"),
                Message::Do(StaffAction::ResolveHelp),
                ButtonKind::Secondary,
            ));
        }
        if !s.is_busy() {
            actions.push(staff_button(
                d,
                self.st(d, "staff-find"),
                Message::Do(StaffAction::Find),
                ButtonKind::Secondary,
            ));
        }
        if s.step != crate::checkin::Step::Welcome {
            actions.push(staff_button(
                d,
                self.st(d, "staff-restart"),
                Message::Do(StaffAction::Restart),
                ButtonKind::Secondary,
            ));
        }
        actions.push(if engine.closed().is_some() {
            staff_button(
                d,
                self.st(d, "staff-open"),
                Message::Do(StaffAction::Open),
                ButtonKind::Secondary,
            )
        } else {
            staff_button(
                d,
                self.st(d, "staff-close"),
                Message::Do(StaffAction::Close),
                ButtonKind::Secondary,
            )
        });
        actions.push(staff_button(
            d,
            self.st(d, "staff-leave"),
            Message::Do(StaffAction::Leave),
            ButtonKind::Secondary,
        ));
        content
            .push(self.row(actions).spacing(theme::gap::ROW).wrap())
            .into()
    }

    /// Staff screens speak the operator's staff language, whatever the passenger chose.
    fn st(&self, d: &Draw<Message>, id: &str) -> String {
        d.messages().get(&self.locale, id, &[])
    }

    fn st_args(&self, d: &Draw<Message>, id: &str, args: &[(&str, FluentValue)]) -> String {
        d.messages().get(&self.locale, id, args)
    }

    /// A row of staff buttons, mirrored when staff read right to left.
    /// Buttons in reading order, wrapping onto more lines as they need.
    fn choices<'a>(&self, items: Vec<El<'a, Message>>) -> El<'a, Message> {
        self.row(items)
            .spacing(theme::gap::ROW)
            .align_y(Alignment::Center)
            .wrap()
            .into()
    }

    /// What an action is for, then a button for each reason it may be taken for (message ids).
    fn reasons<'a>(
        &self,
        d: &mut Draw<Message>,
        label: El<'a, Message>,
        reasons: &[&'static str],
        action: fn(&'static str) -> StaffAction,
    ) -> El<'a, Message> {
        let mut items = vec![label];
        for reason in reasons {
            items.push(staff_button(
                d,
                self.st(d, reason),
                Message::Do(action(reason)),
                ButtonKind::Primary,
            ));
        }
        self.choices(items)
    }

    fn row<'a>(&self, mut items: Vec<El<'a, Message>>) -> Row<'a, Message> {
        if crate::i18n::direction(&self.locale) == crate::i18n::Direction::RightToLeft {
            items.reverse();
        }
        Row::with_children(items)
    }
}

fn staff_button<'a>(
    d: &mut Draw<Message>,
    label: String,
    message: Message,
    kind: ButtonKind,
) -> El<'a, Message> {
    d.labelled(label, message, kind).into()
}

/// A sign-in field: its label over a box with what was typed; `active` is the field typed
/// into now.
fn staff_field<'a>(
    d: &mut Draw<Message>,
    label: String,
    value: String,
    which: StaffField,
    active: StaffField,
) -> El<'a, Message> {
    let p = d.palette();
    let sizes = d.sizes();
    let kind = if active == which {
        PanelKind::FieldActive
    } else {
        PanelKind::Field
    };
    let name = label.clone();
    d.act(
        column![
            text(label).size(sizes.small),
            container(text(value).size(sizes.title).font(fonts::BOLD))
                .padding([0, 16])
                .center_y(Length::Fixed(sizes.touch))
                .width(Length::Fill)
                .style(move |_| theme::panel(&p, kind)),
        ]
        .spacing(theme::gap::TIGHT)
        .into(),
        Message::Field(which),
        ButtonKind::Secondary,
        name,
    )
    .width(Length::Fill)
    .padding(theme::gap::TIGHT)
    .into()
}
