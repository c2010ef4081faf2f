//! Staff mode on the kiosk. Opened by five taps on the airline's name in the top bar within
//! five seconds, or by scanning a staff badge; then the staff member's own PIN (see
//! [`crate::staff::Gate`]: five wrong PINs lock it, longer each time). The panel shows the
//! session's step and exception, the printer and the help request, and lets staff accept a
//! refused document (who and why go with the check-in), reprint, restart the session, close or
//! open the kiosk, and resolve the help request. It leaves on its own after a minute without a
//! touch. Staff see it in English.

use super::theme::{self, ButtonKind, PanelKind};
use super::{El, Kiosk, Message, fonts};
use crate::checkin::{Event, HelpState};
use crate::config::StaffMember;
use crate::staff::Refusal;
use fluent_bundle::FluentValue;
use iced::widget::{Column, Row, column, container, row, text};
use iced::{Alignment, Length};

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

#[derive(Debug, Clone)]
pub(super) enum StaffMode {
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

const OVERRIDE_REASONS: [&str; 3] = [
    "staff-reason-checked",
    "staff-reason-permit",
    "staff-reason-address",
];

impl Kiosk {
    /// Staff screens speak the operator's staff language, whatever the passenger chose.
    fn st(&self, id: &str) -> String {
        self.messages.get(&self.options.staff_locale, id, &[])
    }

    fn st_args(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        self.messages.get(&self.options.staff_locale, id, args)
    }

    /// A row of staff buttons, mirrored when staff read right to left.
    fn staff_row<'a>(&self, mut items: Vec<El<'a>>) -> Row<'a, Message> {
        if crate::i18n::direction(&self.options.staff_locale) == crate::i18n::Direction::RightToLeft
        {
            items.reverse();
        }
        Row::with_children(items)
    }

    pub fn in_staff_mode(&self) -> bool {
        self.staff.is_some()
    }

    /// The signed-in staff member, if any.
    pub fn staff_member(&self) -> Option<&StaffMember> {
        match &self.staff {
            Some(StaffMode::Panel { member }) => Some(member),
            _ => None,
        }
    }

    fn staff_now_ms(&self) -> i64 {
        (self.clock)().timestamp_millis()
    }

    /// A tap on the airline's name: the fifth within five seconds opens staff sign-in.
    pub(super) fn staff_gesture(&mut self) {
        let now = (self.clock)();
        self.staff_taps
            .retain(|t| (now - *t).num_seconds() < GESTURE_WINDOW_S);
        self.staff_taps.push(now);
        if self.staff_taps.len() >= GESTURE_TAPS {
            self.staff_taps.clear();
            self.open_staff_sign_in(None);
        }
    }

    /// Opens the PIN prompt (for this staff number, when a badge was scanned).
    pub(super) fn open_staff_sign_in(&mut self, number: Option<String>) {
        if self.backend.gate.as_ref().is_none_or(|g| !g.has_staff()) {
            return;
        }
        let field = if number.is_some() {
            StaffField::Pin
        } else {
            StaffField::Number
        };
        self.staff = Some(StaffMode::SignIn {
            number: number.unwrap_or_default(),
            pin: String::new(),
            field,
            message: None,
        });
        self.staff_since = (self.clock)();
        self.visit.focus = None;
    }

    /// A scanned line that is a staff badge opens sign-in for its owner.
    pub(super) fn staff_badge(&mut self, line: &str) -> bool {
        let Some(member) = self.backend.gate.as_ref().and_then(|g| g.by_badge(line)) else {
            return false;
        };
        let id = member.id.clone();
        self.open_staff_sign_in(Some(id));
        true
    }

    pub(super) fn staff_field(&mut self, field: StaffField) {
        self.staff_since = (self.clock)();
        if let Some(StaffMode::SignIn { field: f, .. }) = &mut self.staff {
            *f = field;
        }
    }

    /// A key of the staff keypad, or a typed character.
    pub(super) fn staff_key(&mut self, key: super::KeyPress) {
        self.staff_since = (self.clock)();
        let Some(StaffMode::SignIn {
            number, pin, field, ..
        }) = &mut self.staff
        else {
            return;
        };
        let text = match field {
            StaffField::Number => number,
            StaffField::Pin => pin,
        };
        match key {
            super::KeyPress::Char(c) if c.is_ascii_alphanumeric() && text.len() < 16 => {
                text.push(c.to_ascii_uppercase())
            }
            super::KeyPress::Backspace => {
                text.pop();
            }
            super::KeyPress::Clear => text.clear(),
            _ => {}
        }
    }

    /// Forgets what the sign-in fields hold (a scan that was not a badge landed in them).
    pub(super) fn staff_clear_sign_in(&mut self) {
        if let Some(StaffMode::SignIn {
            number, pin, field, ..
        }) = &mut self.staff
        {
            number.clear();
            pin.clear();
            *field = StaffField::Number;
        }
    }

    pub(super) fn staff_sign_in(&mut self) {
        let now_ms = self.staff_now_ms();
        let Some(StaffMode::SignIn {
            number,
            pin,
            field,
            message,
        }) = &mut self.staff
        else {
            return;
        };
        if *field == StaffField::Number && pin.is_empty() {
            *field = StaffField::Pin;
            return;
        }
        let Some(gate) = self.backend.gate.clone() else {
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
                self.staff = Some(StaffMode::Panel { member });
                self.staff_since = (self.clock)();
                self.visit.focus = None;
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
                    Refusal::Wrong { left } => self.messages.get(
                        &self.options.staff_locale,
                        "staff-wrong",
                        &[("left", left.into())],
                    ),
                    Refusal::Locked { until_ms } => {
                        // The kiosk's own clock time (its system's zone is the airport's),
                        // as staff read the clock on the wall: never UTC.
                        let until = chrono::DateTime::from_timestamp_millis(until_ms)
                            .unwrap_or_default()
                            .with_timezone(&chrono::Local)
                            .format("%H:%M:%S")
                            .to_string();
                        self.messages.get(
                            &self.options.staff_locale,
                            "staff-locked",
                            &[("time", until.into())],
                        )
                    }
                });
            }
        }
    }

    pub(super) fn staff_action(&mut self, action: StaffAction) {
        let Some(member) = self.staff_member().cloned() else {
            if action == StaffAction::Leave {
                self.staff = None;
            }
            return;
        };
        self.staff_since = (self.clock)();
        let now_ms = self.staff_now_ms();
        let record = |k: &Kiosk, what: &str, detail: &str| {
            if let Some(g) = &k.backend.gate {
                g.record(&member.id, what, detail, now_ms);
            }
        };
        match action {
            StaffAction::Override(reason) => {
                let reason = self.st(reason);
                let kind = self
                    .engine
                    .session()
                    .exception
                    .as_ref()
                    .map(|e| e.kind.code())
                    .unwrap_or_default();
                record(self, "override", &format!("{kind}: {reason}"));
                self.dispatch(Event::StaffOverride {
                    staff: member.id.clone(),
                    reason,
                });
                // The person who was called is here and has dealt with it.
                if self.engine.session().help_open() {
                    record(self, "resolve_help", "");
                    self.dispatch(Event::StaffResolveHelp);
                }
            }
            StaffAction::Reprint => {
                record(self, "reprint", "");
                self.dispatch(Event::StaffReprint);
            }
            StaffAction::Restart => {
                record(self, "restart", self.engine.session().step.code());
                self.dispatch(Event::Cancel);
            }
            StaffAction::Close => {
                record(self, "close_kiosk", "");
                self.dispatch(Event::CloseKiosk {
                    by: member.id.clone(),
                });
            }
            StaffAction::Open => {
                record(self, "open_kiosk", "");
                self.dispatch(Event::OpenKiosk);
            }
            StaffAction::ResolveHelp => {
                record(self, "resolve_help", "");
                self.dispatch(Event::StaffResolveHelp);
            }
            StaffAction::Leave => {
                record(self, "sign_out", "");
                self.staff = None;
                self.visit.focus = None;
            }
        }
    }

    /// Staff mode closes after a minute without a touch.
    pub(super) fn staff_tick(&mut self) {
        if self.staff.is_some() && ((self.clock)() - self.staff_since).num_seconds() >= STAFF_IDLE_S
        {
            if let (Some(member), Some(g)) = (self.staff_member(), &self.backend.gate) {
                g.record(&member.id, "timed_out", "", self.staff_now_ms());
            }
            self.staff = None;
            self.visit.focus = None;
        }
    }

    // ---- views ----

    pub(super) fn staff_view(&self) -> Option<El<'_>> {
        let p = *self.palette();
        let body = match self.staff.as_ref()? {
            StaffMode::SignIn {
                number,
                pin,
                field,
                message,
            } => self.staff_sign_in_view(number, pin, *field, message.as_deref()),
            StaffMode::Panel { member } => self.staff_panel(member),
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

    fn staff_button<'a>(&'a self, label: String, message: Message, kind: ButtonKind) -> El<'a> {
        self.labelled(label, message, kind).into()
    }

    fn staff_sign_in_view<'a>(
        &'a self,
        number: &str,
        pin: &str,
        field: StaffField,
        message: Option<&str>,
    ) -> El<'a> {
        let p = *self.palette();
        let sizes = self.sizes();
        let boxed = |label: String, value: String, which: StaffField| -> El<'a> {
            let kind = if field == which {
                PanelKind::FieldActive
            } else {
                PanelKind::Field
            };
            self.act(
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
                Message::StaffField(which),
                ButtonKind::Secondary,
            )
            .width(Length::Fill)
            .padding(theme::gap::TIGHT)
            .into()
        };
        let mut keys = Column::new().spacing(theme::gap::SMALL);
        for row in ["123", "456", "789"] {
            let mut r = Row::new().spacing(theme::gap::SMALL);
            for c in row.chars() {
                r = r.push(
                    self.act(
                        container(text(c.to_string()).size(sizes.title))
                            .center(Length::Fill)
                            .into(),
                        Message::StaffKey(super::KeyPress::Char(c)),
                        ButtonKind::Key,
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
                    self.labelled(
                        self.st("staff-cancel"),
                        Message::StaffDo(StaffAction::Leave),
                        ButtonKind::Key,
                    )
                    .width(Length::Fixed(STAFF_WIDE_KEY)),
                )
                .push(
                    self.act(
                        container(text("0").size(sizes.title))
                            .center(Length::Fill)
                            .into(),
                        Message::StaffKey(super::KeyPress::Char('0')),
                        ButtonKind::Key,
                    )
                    .width(Length::Fixed(STAFF_KEY.0))
                    .height(Length::Fixed(STAFF_KEY.1)),
                )
                .push(
                    self.labelled(
                        self.st("key-backspace"),
                        Message::StaffKey(super::KeyPress::Backspace),
                        ButtonKind::Key,
                    )
                    .width(Length::Fixed(STAFF_WIDE_KEY)),
                ),
        );
        let mut content = column![
            text(self.st("staff-sign-in"))
                .size(sizes.title)
                .font(fonts::BOLD),
            boxed(
                self.st("staff-number"),
                number.to_string(),
                StaffField::Number
            ),
            boxed(
                self.st("staff-pin"),
                "•".repeat(pin.chars().count()),
                StaffField::Pin
            ),
        ]
        .spacing(theme::gap::ITEMS)
        .width(Length::Fixed(STAFF_PANEL_WIDE));
        if let Some(m) = message {
            content =
                content.push(self.panel(text(m.to_string()).size(sizes.body), PanelKind::Notice));
        }
        let enter = self.staff_button(
            self.st("staff-enter"),
            Message::StaffSignIn,
            ButtonKind::Primary,
        );
        // A landscape panel is not tall enough for fields, a message, the keypad and Sign in
        // one under the other (after one wrong PIN, Sign in fell off a 1080p screen and the
        // keypad's last row was cut): the keypad goes beside them.
        let room = self.room();
        if room.width > room.height && room.width >= STAFF_SIDE_BY_SIDE {
            row![content.push(enter), keys]
                .spacing(theme::gap::PAGE)
                .align_y(Alignment::Start)
                .into()
        } else {
            content.push(keys).push(enter).into()
        }
    }

    fn staff_panel<'a>(&'a self, member: &'a StaffMember) -> El<'a> {
        let sizes = self.sizes();
        let s = self.engine.session();
        let fact = |t: String| -> El<'a> { text(t).size(sizes.body).into() };
        let exception = s
            .exception
            .as_ref()
            .map(|e| self.st(&format!("desk-reason-{}", e.kind.code())))
            .unwrap_or_else(|| self.st("staff-none"));
        let printer = match self.engine.out_of_service() {
            None => self.st("staff-printer-ok"),
            Some(detail) => self.st_args("staff-printer-fault", &[("detail", detail.into())]),
        };
        let help = if s.help_open() {
            let status = match &s.help {
                HelpState::Coming { agent } => self.st_args(
                    "staff-help-acknowledged",
                    &[("agent", agent.as_str().into())],
                ),
                HelpState::Delivered => self.st("staff-help-delivered"),
                HelpState::Unreachable { .. } => self.st("staff-help-fallback"),
                _ => self.st("staff-help-queued"),
            };
            self.st_args("staff-help", &[("status", status.into())])
        } else {
            self.st_args(
                "staff-help",
                &[("status", self.st("staff-help-none").into())],
            )
        };
        let kiosk = if self.engine.closed().is_some() {
            self.st("staff-kiosk-closed")
        } else {
            self.st("staff-kiosk-open")
        };
        let mut content = column![
            text(self.st_args("staff-title", &[("name", member.name.clone().into())]))
                .size(sizes.title)
                .font(fonts::BOLD),
            fact(self.st_args(
                "staff-step",
                &[(
                    "step",
                    self.st(&format!("step-name-{}", s.step.code())).into()
                )],
            )),
            fact(self.st_args("staff-exception", &[("exception", exception.into())])),
            fact(printer),
            fact(help),
            fact(kiosk),
        ]
        .spacing(theme::gap::SMALL);
        if let Some(error) = self.config_error() {
            content = content.push(
                self.panel(
                    text(self.st_args("staff-config-error", &[("error", error.into())]))
                        .size(sizes.small),
                    PanelKind::Notice,
                ),
            );
        }
        if self.engine.can_override() {
            // Staff see whose document it is and whose name it carries before accepting it.
            if let Some((passenger, doc)) = &s.pending_document {
                let booked = s
                    .booking
                    .as_ref()
                    .and_then(|b| b.passenger(*passenger))
                    .map(|p| p.name.display())
                    .unwrap_or_default();
                content = content.push(fact(self.st_args(
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
            let mut reasons: Vec<El<'a>> = vec![fact(self.st("staff-override"))];
            for reason in OVERRIDE_REASONS {
                reasons.push(self.staff_button(
                    self.st(reason),
                    Message::StaffDo(StaffAction::Override(reason)),
                    ButtonKind::Primary,
                ));
            }
            content = content.push(
                self.staff_row(reasons)
                    .spacing(theme::gap::ROW)
                    .align_y(Alignment::Center)
                    .wrap(),
            );
        }
        let mut actions: Vec<El<'a>> = Vec::new();
        if self.engine.can_reprint() {
            actions.push(self.staff_button(
                self.st("staff-reprint"),
                Message::StaffDo(StaffAction::Reprint),
                ButtonKind::Primary,
            ));
        }
        if s.help_open() {
            actions.push(self.staff_button(
                self.st("staff-resolve"),
                Message::StaffDo(StaffAction::ResolveHelp),
                ButtonKind::Secondary,
            ));
        }
        if s.step != crate::checkin::Step::Welcome {
            actions.push(self.staff_button(
                self.st("staff-restart"),
                Message::StaffDo(StaffAction::Restart),
                ButtonKind::Secondary,
            ));
        }
        actions.push(if self.engine.closed().is_some() {
            self.staff_button(
                self.st("staff-open"),
                Message::StaffDo(StaffAction::Open),
                ButtonKind::Secondary,
            )
        } else {
            self.staff_button(
                self.st("staff-close"),
                Message::StaffDo(StaffAction::Close),
                ButtonKind::Secondary,
            )
        });
        actions.push(self.staff_button(
            self.st("staff-leave"),
            Message::StaffDo(StaffAction::Leave),
            ButtonKind::Secondary,
        ));
        content
            .push(self.staff_row(actions).spacing(theme::gap::ROW).wrap())
            .into()
    }
}
