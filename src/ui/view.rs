//! What each screen shows. Every button goes through [`Kiosk::act`], which records it for the
//! keyboard focus model; every row that has a reading direction goes through
//! [`Kiosk::dir_row`], which reverses it for right-to-left languages.

use super::seatmap::{Geometry, SeatCanvas};
use super::theme::{self, ButtonKind, PanelKind};
use super::{El, Field, Kiosk, Message, fonts};
use crate::checkin::{Choice, DocumentState, Event, Exception, IdentifyMethod, Notice, Step};
use crate::domain::{DocumentKind, Passenger, PassengerType, Timestamp};
use crate::help::HelpStatus;
use crate::i18n::Direction;
use fluent_bundle::FluentValue;
use iced::widget::{
    Button, Column, Row, Space, button, canvas, column, container, opaque, qr_code, scrollable,
    stack, svg, text,
};
use iced::{Alignment, Length};

/// The scrollable that holds the seat map (scrolled to the passenger's seat).
pub(super) const SEAT_SCROLL: &str = "seat-scroll";

/// Dangerous-goods pictograms (our own SVGs) and their captions.
pub const PICTOGRAMS: [(&str, &[u8]); 6] = [
    (
        "dg-batteries",
        include_bytes!("../../assets/pictograms/batteries.svg"),
    ),
    (
        "dg-flammable",
        include_bytes!("../../assets/pictograms/flammable.svg"),
    ),
    ("dg-gas", include_bytes!("../../assets/pictograms/gas.svg")),
    (
        "dg-explosives",
        include_bytes!("../../assets/pictograms/explosives.svg"),
    ),
    (
        "dg-toxic",
        include_bytes!("../../assets/pictograms/toxic.svg"),
    ),
    (
        "dg-corrosive",
        include_bytes!("../../assets/pictograms/corrosive.svg"),
    ),
];

const ARROW_FORWARD: &[u8] = include_bytes!("../../assets/pictograms/arrow.svg");
const ARROW_BACK: &[u8] = include_bytes!("../../assets/pictograms/arrow-back.svg");
const CHECK: &[u8] = include_bytes!("../../assets/pictograms/check.svg");

/// Feedback faces, from very poor to very good.
pub const FACES: [&[u8]; 5] = [
    include_bytes!("../../assets/pictograms/face-1.svg"),
    include_bytes!("../../assets/pictograms/face-2.svg"),
    include_bytes!("../../assets/pictograms/face-3.svg"),
    include_bytes!("../../assets/pictograms/face-4.svg"),
    include_bytes!("../../assets/pictograms/face-5.svg"),
];

/// A language button on Welcome.
const LANGUAGE_WIDE: f32 = 220.0;

/// The room left and right of every screen's content.
pub(super) const PAGE_SIDE: f32 = 32.0;
/// On a portrait panel the screens take this much height at the bottom (a 1080x1920 panel, 800x1422
/// units, leaves ~250 above them).
const PORTRAIT_BODY: f32 = 1000.0;
/// The top and bottom bars together, about.
const BARS_HIGH: f32 = 170.0;
/// The room a scrolling screen keeps beside its content (mostly for the scroll bar).
const SCROLL_SIDES: f32 = 32.0;
/// Line heights, in sizes: right-to-left scripts' marks need more room above and below.
const LTR_LINE: f32 = 1.3;
const RTL_LINE: f32 = 1.6;

/// How many lines `label` takes in bold at `size` px in a box `width` px wide, its words
/// wrapped as the screen wraps them (measured with the screen's own fonts). A word wider than
/// the box counts the lines it is cut into.
fn lines_needed(label: &str, size: f32, width: f32) -> usize {
    use crate::print::shape::{Weight, shape};
    let measure = |s: &str| -> f32 { shape(s, Weight::Bold).iter().map(|r| r.width(size)).sum() };
    let space = measure(" ");
    let (mut lines, mut used) = (1, 0.0_f32);
    for word in label.split_whitespace() {
        let w = measure(word);
        if used > 0.0 && used + space + w <= width {
            used += space + w;
        } else {
            if used > 0.0 {
                lines += 1;
            }
            lines += (w / width.max(1.0)).ceil().max(1.0) as usize - 1;
            used = w % width.max(1.0);
        }
    }
    lines
}

/// On a narrow screen, the line Back and Start over take above Help, about.
const CORNERS_HIGH: f32 = 90.0;
/// Screens narrower than this (portrait panels) stack what sits side by side on a wide one.
pub(super) const NARROW_BELOW: f32 = 1000.0;

impl Kiosk {
    /// An airport's city in the passenger's language.
    pub(super) fn city(&self, airport: &crate::domain::Airport) -> String {
        self.messages
            .city(self.locale(), &airport.code, &airport.city)
    }
}

fn local_time(at: Timestamp, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format("%H:%M").to_string()
}

impl Kiosk {
    pub fn view(&self) -> El<'_> {
        self.focusables.borrow_mut().clear();
        if let Some(staff) = self.staff_view() {
            return staff;
        }
        let p = *self.palette();
        let s = self.engine.session();
        let body: El<'_> = if let Some(e) = &s.exception {
            self.exception_view(e)
        } else {
            self.screen()
        };
        let mut page = Column::new().push(self.top_bar());
        // Portrait: what a passenger reads and touches sits in the lower part of a tall panel,
        // within reach of a seated passenger; the room above it stays calm.
        let above = self.screen.height - PORTRAIT_BODY - BARS_HIGH - CORNERS_HIGH;
        let tall_map = s.step == Step::Seats && s.exception.is_none();
        if self.screen.height > self.screen.width && above > 0.0 && !tall_map {
            page = page.push(Space::new().height(Length::Fixed(above)));
        }
        if let Some(notice) = self.notice() {
            page = page.push(container(notice).padding([8, 24]));
        }
        page = page.push(
            container(body)
                .padding([8.0, PAGE_SIDE])
                .width(Length::Fill)
                .height(Length::Fill),
        );
        // Help's banner sits over the bottom bar, next to the Help button that raised it: the
        // screen above does not move under the passenger's finger.
        if let Some(banner) = self.help_banner() {
            page = page.push(container(banner).padding([8, 24]));
        }
        page = page.push(self.bottom_bar());
        let page = container(page)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(move |_| theme::panel(&p, PanelKind::Page));
        match s.idle_seconds_left((self.clock)()) {
            Some(seconds) => {
                // Only the prompt's buttons take the focus while it shows.
                self.focusables.borrow_mut().clear();
                stack![page, opaque(self.idle_prompt(seconds))].into()
            }
            None if self.confirming_start_over => {
                self.focusables.borrow_mut().clear();
                stack![page, opaque(self.start_over_prompt())].into()
            }
            None => page.into(),
        }
    }

    /// "Start over?": what would be lost, and the way back to it first.
    fn start_over_prompt(&self) -> El<'_> {
        let sizes = self.sizes();
        let content = column![
            self.txt(self.t("start-over-title"), sizes.title)
                .font(fonts::BOLD),
            self.txt(self.t("start-over-body"), sizes.body),
            self.dir_row(vec![
                self.labelled(
                    self.t("start-over-keep"),
                    Message::KeepGoing,
                    ButtonKind::Primary
                )
                .into(),
                self.labelled(
                    self.t("start-over-confirm"),
                    Message::Engine(Event::Cancel),
                    ButtonKind::Secondary
                )
                .into(),
            ])
            .spacing(40),
        ]
        .spacing(24)
        .align_x(Alignment::Center);
        self.modal(content)
    }

    /// A question over the whole screen, the screen dimmed behind it.
    fn modal<'a>(&self, content: impl Into<El<'a>>) -> El<'a> {
        let p = *self.palette();
        container(
            container(content)
                .padding(40)
                .max_width(900)
                .style(move |_| theme::panel(&p, PanelKind::Modal)),
        )
        .center(Length::Fill)
        .style(|_| container::Style {
            background: Some(iced::Color::from_rgba(0.0, 0.0, 0.0, 0.6).into()),
            ..Default::default()
        })
        .into()
    }

    // ---- building blocks ----

    /// A button the keyboard can reach: recorded in focus order, ringed when focused.
    pub(super) fn act<'a>(
        &'a self,
        content: El<'a>,
        message: Message,
        kind: ButtonKind,
    ) -> Button<'a, Message> {
        let index = {
            let mut f = self.focusables.borrow_mut();
            f.push(message.clone());
            f.len() - 1
        };
        let focused = self.focus == Some(index);
        let p = *self.palette();
        button(content)
            .on_press(message)
            .padding([10, 20])
            .style(move |_, status| theme::button(&p, kind, focused, status))
    }

    /// A button with a text label, at least one touch target high.
    pub(super) fn labelled<'a>(
        &'a self,
        label: String,
        message: Message,
        kind: ButtonKind,
    ) -> Button<'a, Message> {
        let s = self.sizes();
        self.act(
            container(
                self.txt(label, s.button)
                    .font(fonts::BOLD)
                    .align_x(self.text_centre()),
            )
            .center_y(Length::Shrink)
            .into(),
            message,
            kind,
        )
        .height(Length::Shrink)
        .padding([16, 28])
    }

    /// One of our SVG icons, tinted.
    pub(super) fn icon<'a>(&self, bytes: &'static [u8], size: f32, color: iced::Color) -> El<'a> {
        svg(svg::Handle::from_memory(bytes))
            .width(Length::Fixed(size))
            .height(Length::Fixed(size))
            .style(move |_, _| svg::Style { color: Some(color) })
            .into()
    }

    /// A labelled button with an arrow before or after the label in reading order (the label
    /// stays a text of its own, so it is found by its words).
    fn arrowed<'a>(
        &'a self,
        label: String,
        arrow: &'static [u8],
        after: bool,
        message: Message,
        kind: ButtonKind,
        width: Length,
    ) -> Button<'a, Message> {
        let s = self.sizes();
        let color = theme::button(self.palette(), kind, false, button::Status::Active).text_color;
        let label: El<'a> = self.txt(label, s.button).font(fonts::BOLD).into();
        let arrow = self.icon(arrow, s.button, color);
        let items = if after {
            vec![label, arrow]
        } else {
            vec![arrow, label]
        };
        let content = container(self.dir_row(items).spacing(12));
        let content = if width == Length::Shrink {
            content
        } else {
            content.center_x(Length::Fill)
        };
        self.act(content.into(), message, kind)
            .width(width)
            .padding([16, 28])
    }

    /// Centred lines, where the direction allows it (iced 0.14 draws explicitly
    /// aligned right-to-left text off its box; the shaper right-aligns it by itself); a
    /// centred box does the rest.
    pub(super) fn text_centre(&self) -> text::Alignment {
        match self.direction() {
            Direction::LeftToRight => text::Alignment::Center,
            Direction::RightToLeft => text::Alignment::Default,
        }
    }

    /// Text as wide as its box, its lines starting where the language starts them (the box,
    /// not the text, is aligned: see [`Kiosk::text_centre`]).
    pub(super) fn para<'a>(&self, t: text::Text<'a>) -> El<'a> {
        match self.direction() {
            Direction::LeftToRight => t.width(Length::Fill).align_x(text::Alignment::Left).into(),
            Direction::RightToLeft => container(t)
                .width(Length::Fill)
                .align_x(Alignment::End)
                .into(),
        }
    }

    /// Where rows of a column start.
    /// A row of buttons placed where lines start (right for right-to-left languages).
    pub(super) fn action_row<'a>(&self, items: Vec<El<'a>>) -> El<'a> {
        container(self.dir_row(items))
            .width(Length::Fill)
            .align_x(self.start())
            .into()
    }

    /// A screen: its content scrolls if it must, its main action stays in view below it.
    fn with_action<'a>(&self, content: impl Into<El<'a>>, action: El<'a>) -> El<'a> {
        column![self.scroll(content), action].spacing(12).into()
    }

    pub(super) fn start(&self) -> Alignment {
        match self.direction() {
            Direction::LeftToRight => Alignment::Start,
            Direction::RightToLeft => Alignment::End,
        }
    }

    /// Text in the screen's language (Arabic script gets the taller lines it needs).
    pub(super) fn txt<'a>(&self, content: String, size: f32) -> text::Text<'a> {
        let rtl = self.direction() == Direction::RightToLeft;
        text(content)
            .size(size)
            .line_height(if rtl { RTL_LINE } else { LTR_LINE })
    }

    fn title<'a>(&self, content: String) -> El<'a> {
        self.para(self.txt(content, self.sizes().title).font(fonts::BOLD))
    }

    fn body<'a>(&self, content: String) -> El<'a> {
        self.para(self.txt(content, self.sizes().body))
    }

    /// A row in reading order: reversed for right-to-left languages.
    pub(super) fn dir_row<'a>(&self, mut items: Vec<El<'a>>) -> Row<'a, Message> {
        if self.direction() == Direction::RightToLeft {
            items.reverse();
        }
        Row::with_children(items)
            .spacing(16)
            .align_y(Alignment::Center)
    }

    pub(super) fn panel<'a>(&self, content: impl Into<El<'a>>, kind: PanelKind) -> El<'a> {
        let p = *self.palette();
        container(content)
            .padding(20)
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, kind))
            .into()
    }

    /// A screen's content that may be taller than the screen; the scroll bar keeps clear of
    /// the text (in right-to-left languages lines start at its side).
    fn scroll<'a>(&self, content: impl Into<El<'a>>) -> El<'a> {
        scrollable(container(content).padding(iced::Padding {
            right: SCROLL_SIDES - 4.0,
            left: 4.0,
            ..Default::default()
        }))
        .on_scroll(|_| Message::Scrolled)
        .width(Length::Fill)
        .height(Length::Fill)
        .into()
    }

    fn fill<'a>() -> El<'a> {
        Space::new().width(Length::Fill).into()
    }

    // ---- bars, banners, prompts ----

    fn top_bar(&self) -> El<'_> {
        let p = *self.palette();
        let s = self.sizes();
        // The airline's logo and name: five taps open staff mode (no focus ring, no look of a
        // button).
        let mut brand = vec![
            text(self.options.airline.clone())
                .size(s.body)
                .font(fonts::BOLD)
                .into(),
        ];
        if let Some(logo) = self.pictures.logo(self.locale(), LOGO_HIGH) {
            brand.insert(0, logo);
        }
        let mut items: Vec<El<'_>> = vec![
            button(self.dir_row(brand).spacing(12))
                .on_press(Message::StaffGesture)
                .padding([8, 0])
                .style(move |_, _| button::Style {
                    background: None,
                    text_color: p.bar_text,
                    ..Default::default()
                })
                .into(),
        ];
        if let Some((n, of)) = self.engine.step_of() {
            let step_of = self.txt(
                self.t_args("step-of", &[("step", n.into()), ("steps", of.into())]),
                s.small,
            );
            if self.screen.width < NARROW_BELOW {
                items.push(Self::fill());
            }
            items.push(step_of.into());
        }
        // A narrow screen gives the airline's name and the step a line of their own, above
        // the buttons ("Texto más grande" and "Alto contraste" ran over "Northwind Airways").
        let mut lines = Vec::new();
        if self.screen.width < NARROW_BELOW {
            lines.push(self.dir_row(std::mem::take(&mut items)));
        }
        items.push(Self::fill());
        let larger = if self.larger_text {
            "normal-text"
        } else {
            "larger-text"
        };
        let contrast = if self.high_contrast {
            "normal-contrast"
        } else {
            "high-contrast"
        };
        items.push(
            self.labelled(self.t(larger), Message::LargerText, ButtonKind::Bar)
                .padding([8, 20])
                .into(),
        );
        items.push(
            self.labelled(self.t(contrast), Message::HighContrast, ButtonKind::Bar)
                .padding([8, 20])
                .into(),
        );
        lines.push(self.dir_row(items));
        container(Column::with_children(lines.into_iter().map(El::from)).spacing(4))
            .padding([8, 24])
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, PanelKind::Bar))
            .into()
    }

    fn bottom_bar<'a>(&'a self) -> El<'a> {
        let p = *self.palette();
        let s = self.engine.session();
        let sizes = self.sizes();
        let rtl = self.direction() == Direction::RightToLeft;
        let back_allowed = self.engine.can_go_back();
        let arrow = if rtl { ARROW_FORWARD } else { ARROW_BACK };
        // Back and Start over grow with Larger text, so that neither label wraps.
        let corner = (300.0 * sizes.button / 28.0).clamp(280.0, 400.0);
        let back: El<'_> = if back_allowed {
            self.arrowed(
                self.t("back"),
                arrow,
                false,
                Message::Engine(Event::Back),
                ButtonKind::Secondary,
                Length::Fixed(corner),
            )
            .into()
        } else {
            Space::new().width(Length::Fixed(1.0)).into()
        };
        let has_over = s.step != Step::Welcome && s.step != Step::Goodbye && !s.is_busy();
        let over: El<'_> = if has_over {
            // As wide as Back, its label centred, room for the longest translation ("Empezar de
            // nuevo") on one line.
            self.act(
                container(
                    self.txt(self.t("start-over"), sizes.button)
                        .font(fonts::BOLD)
                        .align_x(self.text_centre()),
                )
                .center_x(Length::Fill)
                .center_y(Length::Shrink)
                .into(),
                // Once a booking is found there is something to lose: ask first.
                if s.booking.is_some() {
                    Message::AskStartOver
                } else {
                    Message::Engine(Event::Cancel)
                },
                ButtonKind::Secondary,
            )
            .height(Length::Shrink)
            .width(Length::Fixed(corner))
            .padding([16, 12])
            .into()
        } else {
            Space::new().width(Length::Fixed(1.0)).into()
        };
        // Help: the same size in the same place (the middle) on every screen and in every
        // language; mirroring the bar leaves it where it is.
        let help = self
            .act(
                container(
                    self.dir_row(vec![
                        container(text("?").size(34).font(fonts::BOLD).color(p.help))
                            .center(Length::Fixed(48.0))
                            .style(move |_| container::Style {
                                background: Some(p.on_help.into()),
                                border: iced::Border {
                                    radius: 24.0.into(),
                                    ..Default::default()
                                },
                                ..Default::default()
                            })
                            .into(),
                        text(self.t("help")).size(34).font(fonts::BOLD).into(),
                    ])
                    .spacing(14),
                )
                .center_x(Length::Fill)
                .into(),
                Message::Engine(Event::Help),
                ButtonKind::Help,
            )
            .width(Length::Fixed(280.0))
            .height(Length::Fixed(sizes.touch.max(80.0)));
        let help = container(help).id("help");
        let (start, end) = if rtl { (over, back) } else { (back, over) };
        let side = |button: El<'a>, edge| {
            container(button)
                .width(Length::FillPortion(1))
                .align_x(edge)
        };
        let bar: El<'a> = if self.screen.width < NARROW_BELOW {
            // A portrait panel has no room for three buttons abreast ("Empezar de nuevo" and
            // "البدء من جديد" broke onto two lines): Back and Start over take a line above Help,
            // which stays at the bottom in the middle (Welcome has no such line).
            let mut lines = Column::new().spacing(8).align_x(Alignment::Center);
            if back_allowed || has_over {
                lines = lines.push(
                    Row::new()
                        .spacing(24)
                        .align_y(Alignment::Center)
                        .push(side(start, Alignment::Start))
                        .push(side(end, Alignment::End)),
                );
            }
            lines.push(help).into()
        } else {
            Row::new()
                .spacing(24)
                .align_y(Alignment::Center)
                .push(side(start, Alignment::Start))
                .push(help)
                .push(side(end, Alignment::End))
                .into()
        };
        container(bar)
            .padding([8, 24])
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, PanelKind::Bar))
            .into()
    }

    fn help_banner(&self) -> Option<El<'_>> {
        let s = self.engine.session();
        let status = match (&self.help, s.help_open) {
            (Some(HelpStatus::Resolved), false) => self.t("help-resolved"),
            (_, false) => return None,
            (Some(HelpStatus::Acknowledged { agent }), true) => {
                self.t_args("help-acknowledged", &[("agent", agent.clone().into())])
            }
            (_, true) if s.help_agent.is_some() => self.t_args(
                "help-acknowledged",
                &[("agent", s.help_agent.clone().unwrap_or_default().into())],
            ),
            (Some(HelpStatus::Delivered), true) => self.t("help-delivered"),
            // The operator's own desk name, or the check-in desk in the passenger's language.
            (Some(HelpStatus::Fallback { desk }), true) if !desk.trim().is_empty() => {
                self.t_args("help-fallback", &[("desk", desk.clone().into())])
            }
            (Some(HelpStatus::Fallback { .. }), true) => self.t("help-fallback-any-desk"),
            _ => self.t("help-queued"),
        };
        // Nobody could be told: the banner must not say help is coming.
        let title = match (&self.help, s.help_open) {
            (Some(HelpStatus::Fallback { .. }), true) if s.help_agent.is_none() => {
                self.t("help-not-reached")
            }
            _ => self.t("help-on-the-way"),
        };
        let sizes = self.sizes();
        let words = column![
            self.para(self.txt(title, sizes.button).font(fonts::BOLD)),
            self.para(self.txt(status, sizes.body)),
        ]
        .spacing(2);
        let mut items: Vec<El<'_>> = vec![words.width(Length::Fill).into()];
        if s.help_open {
            items.push(
                self.labelled(
                    self.t("help-cancel"),
                    Message::Engine(Event::CancelHelp),
                    ButtonKind::Secondary,
                )
                .into(),
            );
        }
        Some(self.panel(self.dir_row(items), PanelKind::Banner))
    }

    fn notice(&self) -> Option<El<'_>> {
        let s = self.engine.session();
        let seat_arg =
            |seat: &crate::domain::Seat| vec![("seat", FluentValue::from(seat.to_string()))];
        let message = match s.notice.as_ref()? {
            Notice::InvalidBookingReference => self.t("notice-invalid-reference"),
            Notice::InvalidETicket => self.t("notice-invalid-eticket"),
            Notice::InvalidFrequentFlyer => self.t("notice-invalid-ff"),
            Notice::InvalidSurname(_) => self.t("notice-invalid-surname"),
            Notice::NoPassengerSelected => self.t("notice-no-passenger"),
            Notice::ChildNeedsAdult(_) => self.t("notice-child-needs-adult"),
            Notice::SeatTaken(seat) => self.t_args("notice-seat-taken", &seat_arg(seat)),
            Notice::SeatNotInCabin(seat) => {
                self.t_args("notice-seat-not-in-cabin", &seat_arg(seat))
            }
            Notice::ExitRowNotAllowed(_) => self.t("notice-exit-row-not-allowed"),
            Notice::OutOfService => self.t("out-of-service"),
            Notice::NotAnIdentityDocument => self.t("notice-not-identity"),
            Notice::UnreadableDocument(id) => self.t(id),
        };
        Some(self.panel(self.body(message), PanelKind::Notice))
    }

    fn idle_prompt(&self, seconds: i64) -> El<'_> {
        let sizes = self.sizes();
        let content = column![
            self.txt(self.t("idle-title"), sizes.title)
                .font(fonts::BOLD),
            text(seconds.to_string()).size(96).font(fonts::BOLD),
            self.txt(
                self.t_args("idle-countdown", &[("seconds", seconds.into())]),
                sizes.body
            ),
            self.dir_row(vec![
                self.labelled(
                    self.t("idle-more"),
                    Message::Engine(Event::MoreTime),
                    ButtonKind::Primary
                )
                .into(),
                self.labelled(
                    self.t("idle-end"),
                    Message::Engine(Event::Cancel),
                    ButtonKind::Secondary
                )
                .into(),
            ]),
        ]
        .spacing(20)
        .align_x(Alignment::Center);
        self.modal(content)
    }

    // ---- screens ----

    fn screen(&self) -> El<'_> {
        match self.engine.session().step {
            Step::Welcome => self.welcome(),
            Step::Identify => self.identify(),
            Step::Greeting => self.greeting(),
            Step::Documents => self.documents(),
            Step::Seats => self.seats(),
            Step::Bags => self.bags(),
            Step::DangerousGoods => self.dangerous_goods(),
            Step::Review => self.review(),
            Step::Printing => self.printing(),
            Step::Feedback => self.feedback(),
            Step::Goodbye => self.goodbye(),
        }
    }

    fn welcome(&self) -> El<'_> {
        let sizes = self.sizes();
        let compact = self.compact();
        let mut buttons: Vec<El<'_>> = Vec::new();
        for locale in &self.options.locales {
            let kind = if *locale == self.welcome_locale {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            buttons.push(
                self.act(
                    container(
                        text(self.messages.get(locale, "language-name", &[]))
                            .size(sizes.button + 4.0)
                            .line_height(1.6),
                    )
                    .center_x(Length::Fill)
                    .into(),
                    Message::Language(locale.clone()),
                    kind,
                )
                .width(Length::Fixed(LANGUAGE_WIDE))
                .padding(if compact { [6, 20] } else { [12, 20] })
                .into(),
            );
        }
        // Five to a line (fewer on a narrow screen), each line centred and in reading order
        // (right to left in Urdu and Arabic, the operator's first language first).
        let room = self.screen.width - 2.0 * PAGE_SIDE;
        let per_line = (((room + 16.0) / (LANGUAGE_WIDE + 16.0)) as usize).clamp(1, 5);
        let mut lines = Column::new()
            .spacing(if compact { 12 } else { 16 })
            .align_x(Alignment::Center);
        let mut buttons = buttons.into_iter().peekable();
        while buttons.peek().is_some() {
            let line: Vec<El<'_>> = buttons.by_ref().take(per_line).collect();
            lines = lines.push(self.dir_row(line));
        }
        // The operator's welcome image takes the room left above the title, at most 220 px
        // high: the languages stay in view on a small screen.
        let picture = self
            .pictures
            .welcome_filling(&self.welcome_locale, WELCOME_HIGH);
        // Without one, the content sits in the middle of the room; spare room is all that
        // shrinks on a small screen.
        let has_picture = picture.is_some();
        let gap = || -> El<'_> {
            if has_picture {
                Space::new().height(Length::Fixed(8.0)).into()
            } else {
                Space::new().height(Length::Fill).into()
            }
        };
        let mut content = column![
            gap(),
            picture.unwrap_or_else(|| Space::new().into()),
            text(self.t_args(
                "welcome-title",
                &[("airline", self.options.airline.clone().into())]
            ))
            .size(if compact { 40 } else { 48 })
            .font(fonts::BOLD)
            .line_height(1.5),
            text(self.t("welcome-subtitle"))
                .size(sizes.body)
                .line_height(1.5),
            Space::new().height(Length::Fixed(if compact { 4.0 } else { 24.0 })),
        ]
        .spacing(if compact { 8 } else { 12 })
        .align_x(Alignment::Center);
        if let Some(closed) = self
            .engine
            .closed()
            .map(|_| "kiosk-closed")
            .or(self.engine.out_of_service().map(|_| "out-of-service"))
        {
            content = content.push(self.panel(
                text(self.t(closed)).size(sizes.title).line_height(1.5),
                PanelKind::Notice,
            ));
        } else {
            // An arrow after the words, in reading order, as on every button that moves on
            // (it also makes the first screen load the vector icons, so the first tap does
            // not wait for that).
            let size = if compact { 34.0 } else { 40.0 };
            let arrow = if self.direction() == Direction::RightToLeft {
                ARROW_BACK
            } else {
                ARROW_FORWARD
            };
            let color = theme::button(
                self.palette(),
                ButtonKind::Primary,
                false,
                button::Status::Active,
            )
            .text_color;
            let words: El<'_> = text(self.t("welcome-start"))
                .size(size)
                .font(fonts::BOLD)
                .line_height(1.5)
                .align_x(self.text_centre())
                .into();
            content = content.push(
                self.act(
                    container(self.dir_row(vec![words, self.icon(arrow, size, color)]))
                        .center_x(Length::Fill)
                        .into(),
                    Message::Start,
                    ButtonKind::Primary,
                )
                .width(Length::Fixed(760.0_f32.min(room)))
                .padding(if compact { [12, 32] } else { [22, 32] }),
            );
        }
        content = content
            .push(Space::new().height(Length::Fixed(if compact { 8.0 } else { 24.0 })))
            .push(text(self.t("welcome-language")).size(sizes.body))
            .push(lines)
            .push(gap())
            .height(Length::Fill);
        container(content).center_x(Length::Fill).into()
    }

    fn identify(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let methods = [
            (IdentifyMethod::BookingReference, "method-booking"),
            (IdentifyMethod::ETicket, "method-eticket"),
            (IdentifyMethod::FrequentFlyer, "method-ff"),
            (IdentifyMethod::Passport, "method-passport"),
            (IdentifyMethod::BoardingPass, "method-boarding-pass"),
        ];
        // A narrow screen puts the tabs on two lines (three and two) in smaller letters: five
        // abreast left "Numéro de voyageur fréquent" 107 px and three lines of a 56 px tab.
        let narrow = self.screen.width < NARROW_BELOW;
        let label_size = if narrow {
            sizes.small - 4.0
        } else {
            sizes.small
        };
        let (per_line, pad) = if narrow { (3.0, 8.0) } else { (5.0, 12.0) };
        // The tabs are as high as the longest label needs (a touch target at least), all alike:
        // "Número de billete electrónico" takes three lines of a 1280 px screen's tab.
        let room = self.screen.width - 2.0 * PAGE_SIDE - SCROLL_SIDES;
        // (less a margin: the screen's shaper and the printer's measure a hair apart)
        let label_width = (room - 12.0 * (per_line - 1.0)) / per_line - 2.0 * pad - 8.0;
        let lines = methods
            .iter()
            .map(|(_, id)| lines_needed(&self.t(id), label_size, label_width))
            .max()
            .unwrap_or(1)
            .clamp(1, 4);
        let line_height = if self.direction() == Direction::RightToLeft {
            RTL_LINE
        } else {
            LTR_LINE
        };
        let label_high = (lines as f32 * label_size * line_height).max(sizes.touch - 20.0);
        let mut tabs: Vec<(&'static str, Button<'_, Message>)> = methods
            .into_iter()
            .map(|(method, id)| {
                let kind = if s.method == method {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                };
                let label = container(
                    self.txt(self.t(id), label_size)
                        .font(fonts::BOLD)
                        .align_x(self.text_centre()),
                )
                .center_x(Length::Fill);
                let tab = self
                    .act(
                        Row::new()
                            .align_y(Alignment::Center)
                            .push(Space::new().height(Length::Fixed(label_high)))
                            .push(label)
                            .into(),
                        Message::Engine(Event::ChooseMethod(method)),
                        kind,
                    )
                    .width(Length::Fill)
                    .padding(if narrow { [10, 8] } else { [10, 12] });
                (id, tab)
            })
            .collect();
        let tab = |(id, tab), portion| -> El<'_> {
            container(tab)
                .id(id)
                .width(Length::FillPortion(portion))
                .into()
        };
        let tabs: El<'_> = if narrow {
            let second = tabs.split_off(3);
            let first = self.dir_row(tabs.into_iter().map(|t| tab(t, 1)).collect());
            // The last two in the middle of their line, about as wide as the first three.
            let mut line: Vec<El<'_>> = vec![Space::new().width(Length::FillPortion(1)).into()];
            line.extend(second.into_iter().map(|t| tab(t, 2)));
            line.push(Space::new().width(Length::FillPortion(1)).into());
            column![first.spacing(12), self.dir_row(line).spacing(12)]
                .spacing(12)
                .into()
        } else {
            self.dir_row(tabs.into_iter().map(|t| tab(t, 1)).collect())
                .spacing(12)
                .into()
        };
        let fields = Field::for_method(s.method);
        let panel: El<'_> = if fields.is_empty() {
            let hint = if s.method == IdentifyMethod::Passport {
                "identify-passport"
            } else {
                "identify-boarding-pass"
            };
            column![
                Space::new().height(Length::Fixed(40.0)),
                self.title(self.t(hint))
            ]
            .into()
        } else {
            let mut row: Vec<El<'_>> = fields.iter().map(|f| self.field(*f)).collect();
            // A narrow screen gives the fields smaller letters, and Find a line of its own when
            // the screen is tall enough (a portrait panel), else less width.
            let narrow = self.screen.width < NARROW_BELOW;
            let find = self.labelled(self.t("identify-find"), Message::Find, ButtonKind::Primary);
            let mut panel = Column::new().spacing(16);
            if narrow && self.screen.height >= 1200.0 {
                panel = panel
                    .push(self.dir_row(row).align_y(Alignment::End))
                    .push(find.width(Length::Fill));
            } else {
                row.push(
                    find.width(Length::Fixed(if narrow { 240.0 } else { 320.0 }))
                        .into(),
                );
                panel = panel.push(self.dir_row(row).align_y(Alignment::End));
            }
            panel
                .push(container(self.keypad()).id("keypad").center_x(Length::Fill))
                .into()
        };
        // A narrow or short screen keeps the title to one line, and so does a title too long to
        // share its line ("Retrouvez votre réservation"): the Passport and Boarding pass tabs
        // say what the hint says.
        let title = self.t("identify-title");
        let beside = (room - 16.0) / 2.0 - 8.0;
        let heading = if self.screen.width < NARROW_BELOW
            || self.compact()
            || lines_needed(&title, sizes.title, beside) > 1
        {
            self.title(title)
        } else {
            self.dir_row(vec![
                self.title(title),
                self.para(self.txt(self.t("identify-scan-hint"), sizes.small)),
            ])
            .into()
        };
        let content = column![heading, tabs, panel].spacing(12);
        self.scroll(content)
    }

    fn field(&self, field: Field) -> El<'_> {
        let p = *self.palette();
        let sizes = self.sizes();
        let label = match field {
            Field::Reference => "field-reference",
            Field::Surname => "field-surname",
            Field::ETicket => "field-eticket",
            Field::FrequentFlyer => "field-ff",
            Field::Comment => "feedback-comment",
        };
        let active = self.field == Some(field);
        let value = self.typed.get(field);
        let shown = if active {
            format!("{value}|")
        } else {
            value.to_string()
        };
        let kind = if active {
            PanelKind::FieldActive
        } else {
            PanelKind::Field
        };
        // The typed value is Latin; it reads left to right in every language. An empty field
        // shows what it expects.
        let hint = match field {
            Field::Reference => Some("field-reference-hint"),
            Field::ETicket => Some("field-eticket-hint"),
            _ => None,
        };
        let inside: El<'_> = match hint {
            Some(hint) if value.is_empty() && !active => {
                self.para(self.txt(self.t(hint), sizes.small))
            }
            _ => text(shown)
                .size(if self.screen.width < NARROW_BELOW {
                    sizes.button + 4.0
                } else {
                    sizes.title
                })
                .font(fonts::BOLD)
                .into(),
        };
        let boxed = container(inside)
            .center_y(Length::Fixed(sizes.touch))
            .padding([0, 16])
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, kind));
        let tap = self.act(
            column![self.para(self.txt(self.t(label), sizes.small)), boxed]
                .spacing(4)
                .into(),
            Message::SelectField(field),
            ButtonKind::Secondary,
        );
        tap.width(Length::Fill).padding(4).into()
    }

    fn greeting(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let first = booking
            .passengers
            .iter()
            .find(|p| s.selected.contains(&p.id))
            .or(booking.passengers.first())
            .map(|p| p.name.first_name())
            .unwrap_or_default();
        let mut content =
            column![self.title(self.t_args("greeting-hello", &[("name", first.into())]))]
                .spacing(14);
        // The passport says where its holder is from: offer their language, in that language.
        if let Some(locale) = &self.language_offer {
            let name = self.messages.get(locale, "language-name", &[]);
            let question = crate::i18n::directed(
                locale,
                self.messages.get(
                    locale,
                    "offer-language",
                    &[("language", name.clone().into())],
                ),
            );
            content = content.push(self.panel(
                self.dir_row(vec![
                    text(question)
                        .size(sizes.body)
                        .line_height(1.6)
                        .width(Length::Fill)
                        .into(),
                    self.labelled(
                        name,
                        Message::SwitchLanguage(locale.clone()),
                        ButtonKind::Primary,
                    )
                    .into(),
                ]),
                PanelKind::Notice,
            ));
        }
        for (i, leg) in booking.legs.iter().enumerate() {
            let args = [
                ("flight", FluentValue::from(leg.designator())),
                ("destination", self.city(&leg.destination).into()),
                (
                    "time",
                    local_time(leg.departure, leg.origin.time_zone).into(),
                ),
            ];
            let id = if i == 0 {
                "greeting-flight"
            } else {
                "greeting-connection"
            };
            content = content.push(self.body(self.t_args(id, &args)));
        }
        content = content.push(
            self.para(
                self.txt(self.t("greeting-select"), sizes.body)
                    .font(fonts::BOLD),
            ),
        );
        let mut list = Column::new().spacing(12);
        for p in &booking.passengers {
            let chosen = s.selected.contains(&p.id);
            let kind = if chosen {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            let mark_color =
                theme::button(self.palette(), kind, false, button::Status::Active).text_color;
            let mark: El<'_> = if chosen {
                self.icon(CHECK, 40.0, mark_color)
            } else {
                Space::new().width(Length::Fixed(40.0)).into()
            };
            let mut detail = Vec::new();
            match p.kind {
                PassengerType::Child => detail.push(self.t("greeting-child")),
                PassengerType::Infant => {
                    let adult = p
                        .lap_of
                        .and_then(|a| booking.passenger(a))
                        .map(|a| a.name.first_name())
                        .unwrap_or_default();
                    detail.push(self.t_args("greeting-infant", &[("adult", adult.into())]));
                }
                PassengerType::Adult => {}
            }
            if p.legs.first().is_some_and(|l| l.checked_in.is_some()) {
                detail.push(self.t("greeting-checked-in"));
            }
            let line = self.dir_row(vec![
                container(mark).width(Length::Fixed(48.0)).into(),
                text(p.name.display())
                    .size(sizes.button)
                    .font(fonts::BOLD)
                    .into(),
                self.txt(detail.join(" · "), sizes.small).into(),
            ]);
            list = list.push(
                self.act(
                    container(line)
                        .width(Length::Fill)
                        .align_x(self.start())
                        .into(),
                    Message::Engine(Event::TogglePassenger(p.id)),
                    kind,
                )
                .width(Length::Fill)
                .padding([14, 20]),
            );
        }
        content = content.push(list);
        self.with_action(
            content,
            self.next_button(
                self.t("continue"),
                Message::Engine(Event::ConfirmPassengers),
            ),
        )
    }

    /// The primary button that moves on, at the end of the reading direction.
    fn next_button<'a>(&'a self, label: String, message: Message) -> El<'a> {
        let arrow = if self.direction() == Direction::RightToLeft {
            ARROW_BACK
        } else {
            ARROW_FORWARD
        };
        let button = self.arrowed(
            label,
            arrow,
            true,
            message,
            ButtonKind::Primary,
            Length::Shrink,
        );
        container(button)
            .width(Length::Fill)
            .align_x(match self.direction() {
                Direction::LeftToRight => Alignment::End,
                Direction::RightToLeft => Alignment::Start,
            })
            .into()
    }

    fn passenger(&self, id: crate::domain::PassengerId) -> Option<&Passenger> {
        self.engine.session().booking.as_ref()?.passenger(id)
    }

    fn documents(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let mut content = column![self.title(self.t("documents-title"))].spacing(16);
        for id in &s.selected {
            let Some(p) = self.passenger(*id) else {
                continue;
            };
            let name = text(p.name.display()).size(sizes.button).font(fonts::BOLD);
            let doc_line = |doc: &crate::domain::TravelDocument| {
                let kind = match doc.kind {
                    DocumentKind::IdCard => self.t("documents-id-card"),
                    _ => self.t("documents-passport"),
                };
                let tail: String = doc
                    .number
                    .chars()
                    .rev()
                    .take(4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                self.t_args(
                    "documents-on-file",
                    &[
                        ("kind", kind.into()),
                        ("number", format!("…{tail}").into()),
                        (
                            "date",
                            self.messages.date(self.locale(), doc.expiry, true).into(),
                        ),
                    ],
                )
            };
            let row: El<'_> = match s.documents.get(id) {
                Some(DocumentState::OnFile(doc)) => self
                    .dir_row(vec![
                        column![name, self.txt(doc_line(doc), sizes.body)]
                            .width(Length::Fill)
                            .align_x(self.start())
                            .into(),
                        self.labelled(
                            self.t("documents-confirm"),
                            Message::Engine(Event::ConfirmDocumentOnFile(*id)),
                            ButtonKind::Primary,
                        )
                        .into(),
                    ])
                    .into(),
                Some(DocumentState::Accepted(doc)) => self
                    .dir_row(vec![
                        column![name, self.txt(doc_line(doc), sizes.body)]
                            .width(Length::Fill)
                            .align_x(self.start())
                            .into(),
                        self.icon(CHECK, 40.0, self.palette().on_secondary),
                        text(self.t("documents-accepted"))
                            .size(sizes.button)
                            .font(fonts::BOLD)
                            .into(),
                    ])
                    .into(),
                _ => self
                    .dir_row(vec![
                        column![
                            name,
                            self.txt(
                                self.t_args(
                                    "documents-scan",
                                    &[("name", p.name.first_name().into())]
                                ),
                                sizes.body
                            )
                        ]
                        .width(Length::Fill)
                        .into(),
                    ])
                    .into(),
            };
            content = content.push(self.panel(row, PanelKind::Card));
        }
        self.scroll(content)
    }

    fn seats(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let p = *self.palette();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let leg = booking.legs.get(s.leg);
        let flight = leg
            .map(|leg| {
                self.t_args(
                    "seats-flight",
                    &[
                        ("flight", leg.designator().into()),
                        ("destination", self.city(&leg.destination).into()),
                    ],
                )
            })
            .unwrap_or_default();
        let mut content = column![self.dir_row(vec![
            self.title(self.t("seats-title")),
            self.para(self.txt(flight, sizes.body)),
        ])]
        .spacing(12);
        if let Some((passenger, seat)) = s.exit_question {
            let name = self
                .passenger(passenger)
                .map(|p| p.name.first_name())
                .unwrap_or_default();
            let question = column![
                self.para(
                    self.txt(format!("{} — {seat}", self.t("exit-title")), sizes.title)
                        .font(fonts::BOLD)
                ),
                self.body(self.t_args("exit-question", &[("name", name.into())])),
                self.action_row(vec![
                    self.labelled(
                        self.t("exit-yes"),
                        Message::Engine(Event::AnswerExitRow(true)),
                        ButtonKind::Primary
                    )
                    .into(),
                    self.labelled(
                        self.t("exit-no"),
                        Message::Engine(Event::AnswerExitRow(false)),
                        ButtonKind::Secondary
                    )
                    .into(),
                ]),
            ]
            .spacing(16);
            return content.push(self.panel(question, PanelKind::Notice)).into();
        }
        // Whose seat a tap sets.
        let current = self.seat_passenger();
        let seated: Vec<&Passenger> = s
            .selected
            .iter()
            .filter_map(|id| booking.passenger(*id))
            .filter(|p| p.needs_seat())
            .collect();
        let seat_of = |p: &Passenger| p.legs.get(s.leg).and_then(|l| l.seat);
        let mut who: Vec<El<'_>> = vec![self.txt(self.t("seats-for"), sizes.body).into()];
        // Each passenger choosing has a number; the map marks their seats with it.
        for (n, passenger) in seated.iter().enumerate() {
            let kind = if Some(passenger.id) == current {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            let seat = seat_of(passenger)
                .map(|s| format!("  {s}"))
                .unwrap_or_default();
            who.push(
                self.labelled(
                    format!("{} · {}{seat}", n + 1, passenger.name.first_name()),
                    Message::SeatFor(passenger.id),
                    kind,
                )
                .into(),
            );
        }
        content = content.push(self.dir_row(who).wrap());
        let Some(map) = &s.seat_map else {
            return content.push(self.body(self.t("identify-reading"))).into();
        };
        let compartment = current
            .and_then(|id| booking.passenger(id))
            .and_then(|p| p.legs.get(s.leg))
            .map(|l| l.compartment)
            .unwrap_or('Y');
        let party: Vec<(crate::domain::Seat, char)> = seated
            .iter()
            .enumerate()
            .filter_map(|(n, p)| {
                seat_of(p).map(|seat| (seat, char::from_digit(n as u32 + 1, 36).unwrap_or('•')))
            })
            .collect();
        let current_seat = current
            .and_then(|id| booking.passenger(id))
            .and_then(seat_of);
        let legend = self.legend();
        let toggle = if self.seat_list {
            self.labelled(
                self.t("seats-map"),
                Message::SeatList(false),
                ButtonKind::Secondary,
            )
        } else {
            self.labelled(
                self.t("seats-list"),
                Message::SeatList(true),
                ButtonKind::Secondary,
            )
        };
        let seats: El<'_> = if self.seat_list {
            self.seat_list_view(map, compartment, &party)
        } else {
            let geometry = Geometry::new(map, compartment);
            let size = geometry.size();
            let program = SeatCanvas {
                map,
                geometry,
                palette: p,
                party,
                current: current_seat,
            };
            container(
                canvas(program)
                    .width(Length::Fixed(size.width))
                    .height(Length::Fixed(size.height)),
            )
            .id("seat-map")
            .center_x(Length::Fill)
            .into()
        };
        content = content.push(legend);
        let map = scrollable(container(seats).padding(iced::Padding {
            right: 28.0,
            left: 4.0,
            ..Default::default()
        }))
        .id(SEAT_SCROLL)
        .on_scroll(|_| Message::Scrolled)
        .width(Length::Fill)
        .height(Length::Fill);
        let keep = self.next_button(self.t("seats-keep"), Message::Engine(Event::ConfirmSeats));
        // A narrow (portrait) screen gives the map the whole width, the buttons a line below it.
        if self.screen.width < NARROW_BELOW {
            return content
                .push(map)
                .push(
                    self.dir_row(vec![
                        container(toggle).width(Length::FillPortion(1)).into(),
                        container(keep).width(Length::FillPortion(1)).into(),
                    ])
                    .spacing(16),
                )
                .into();
        }
        let side = column![toggle, Space::new().height(Length::Fill), keep]
            .spacing(16)
            .height(Length::Fill)
            // On a narrow screen (1024 wide) the map keeps room for all its columns.
            .width(Length::Fixed(if self.screen.width < 1200.0 {
                340.0
            } else {
                420.0
            }));
        content
            .push(
                self.dir_row(vec![map.into(), side.into()])
                    .align_y(Alignment::Start)
                    .height(Length::Fill),
            )
            .into()
    }

    fn legend(&self) -> El<'_> {
        let p = *self.palette();
        let sizes = self.sizes();
        let swatch = |fill: iced::Color, border: iced::Color| -> El<'_> {
            container(Space::new())
                .width(Length::Fixed(36.0))
                .height(Length::Fixed(36.0))
                .style(move |_| container::Style {
                    background: Some(fill.into()),
                    border: iced::Border {
                        color: border,
                        width: 3.0,
                        radius: 6.0.into(),
                    },
                    ..Default::default()
                })
                .into()
        };
        let mut items: Vec<El<'_>> = Vec::new();
        for (fill, border, id) in [
            (p.seat_free, p.outline, "legend-free"),
            (p.seat_taken, p.outline, "legend-taken"),
            (p.selected, p.selected, "legend-selected"),
            (p.seat_free, p.seat_exit, "legend-exit"),
        ] {
            items.push(
                self.dir_row(vec![
                    swatch(fill, border),
                    self.txt(self.t(id), sizes.small).into(),
                ])
                .spacing(8)
                .into(),
            );
        }
        self.action_row(items)
    }

    /// The accessible alternative to the map: free seats as buttons, row by row.
    fn seat_list_view(
        &self,
        map: &crate::domain::SeatMap,
        compartment: char,
        party: &[(crate::domain::Seat, char)],
    ) -> El<'_> {
        let sizes = self.sizes();
        let mut list = Column::new().spacing(8);
        for row in map.rows.iter().filter(|r| r.compartment == compartment) {
            let mut heading = self.t_args("seats-row", &[("row", row.number.into())]);
            if row.exit {
                heading = format!("{heading} · {}", self.t("legend-exit"));
            }
            let label: El<'_> = container(self.txt(heading, sizes.small))
                .width(Length::Fixed(190.0))
                .align_x(self.start())
                .into();
            let mut items: Vec<El<'_>> = Vec::new();
            for (column, status) in map.columns().iter().zip(&row.seats) {
                let seat = crate::domain::Seat {
                    row: row.number,
                    column: *column,
                };
                let ours = party.iter().any(|(s, _)| *s == seat);
                if *status != crate::domain::SeatStatus::Free && !ours {
                    continue;
                }
                let kind = if ours {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                };
                let label = seat.to_string();
                items.push(
                    self.labelled(label, Message::Seat(seat), kind)
                        .width(Length::Fixed(130.0))
                        .into(),
                );
            }
            if !items.is_empty() {
                // The row's label stays beside its seats however many lines they wrap to.
                let seats: El<'_> = self.dir_row(items).spacing(8).wrap().into();
                list = list.push(
                    self.dir_row(vec![label, container(seats).width(Length::Fill).into()])
                        .align_y(Alignment::Start),
                );
            }
        }
        list.into()
    }

    fn bags(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let mut content = column![
            self.title(self.t("bags-title")),
            self.body(self.t("bags-hint"))
        ]
        .spacing(16);
        for id in &self.engine.bag_passengers() {
            let Some(p) = self.passenger(*id) else {
                continue;
            };
            let count = s.bags.get(id).copied().unwrap_or(0);
            let row = self.dir_row(vec![
                column![
                    text(p.name.display()).size(sizes.button).font(fonts::BOLD),
                    self.txt(
                        self.t_args("bags-allowance", &[("count", p.baggage_allowance.into())]),
                        sizes.body
                    ),
                ]
                .width(Length::Fill)
                .align_x(self.start())
                .into(),
                self.act(
                    container(text("–").size(44).font(fonts::BOLD))
                        .center(Length::Fixed(72.0))
                        .into(),
                    Message::Bags(*id, -1),
                    ButtonKind::Secondary,
                )
                .into(),
                container(
                    self.txt(
                        self.t_args("bags-count", &[("count", count.into())]),
                        sizes.title,
                    )
                    .font(fonts::BOLD),
                )
                .center_x(Length::Fixed(300.0))
                .into(),
                self.act(
                    container(text("+").size(44).font(fonts::BOLD))
                        .center(Length::Fixed(72.0))
                        .into(),
                    Message::Bags(*id, 1),
                    ButtonKind::Secondary,
                )
                .into(),
            ]);
            content = content.push(self.panel(row, PanelKind::Card));
        }
        self.with_action(
            content,
            self.next_button(self.t("continue"), Message::Engine(Event::ConfirmBags)),
        )
    }

    fn dangerous_goods(&self) -> El<'_> {
        let sizes = self.sizes();
        let mut grid = Column::new().spacing(16);
        let items: Vec<El<'_>> = PICTOGRAMS
            .iter()
            .map(|(id, bytes)| {
                column![
                    svg(svg::Handle::from_memory(*bytes))
                        .width(Length::Fixed(120.0))
                        .height(Length::Fixed(120.0)),
                    text(self.t(id))
                        .size(sizes.small)
                        .line_height(1.5)
                        .align_x(self.text_centre()),
                ]
                .spacing(8)
                .align_x(Alignment::Center)
                .width(Length::Fill)
                .into()
            })
            .collect();
        let mut items = items.into_iter();
        for _ in 0..2 {
            let row: Vec<El<'_>> = items.by_ref().take(3).collect();
            grid = grid.push(self.dir_row(row).align_y(Alignment::Start));
        }
        let content = column![
            self.title(self.t("dg-title")),
            self.body(self.t("dg-body")),
            grid,
        ]
        .spacing(16);
        self.with_action(
            content,
            self.next_button(
                self.t("dg-confirm"),
                Message::Engine(Event::AcknowledgeDangerousGoods),
            ),
        )
    }

    fn review(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let mut content = column![self.title(self.t("review-title"))].spacing(14);
        for (i, leg) in booking.legs.iter().enumerate() {
            let id = if i == 0 {
                "greeting-flight"
            } else {
                "greeting-connection"
            };
            content = content.push(self.body(self.t_args(
                id,
                &[
                    ("flight", leg.designator().into()),
                    ("destination", self.city(&leg.destination).into()),
                    (
                        "time",
                        local_time(leg.departure, leg.origin.time_zone).into(),
                    ),
                ],
            )));
        }
        for id in &s.selected {
            let Some(p) = self.passenger(*id) else {
                continue;
            };
            let seats: Vec<String> = p
                .legs
                .iter()
                .filter(|_| p.needs_seat())
                .map(|l| match l.seat {
                    Some(seat) => self.t_args("review-seat", &[("seat", seat.to_string().into())]),
                    None => self.t("review-no-seat"),
                })
                .collect();
            let bags = s.bags.get(id).copied().unwrap_or(0);
            let mut facts = seats;
            if p.kind == PassengerType::Infant {
                let adult = p
                    .lap_of
                    .and_then(|a| self.passenger(a))
                    .map(|a| a.name.first_name())
                    .unwrap_or_default();
                facts.push(self.t_args("greeting-infant", &[("adult", adult.into())]));
            } else {
                facts.push(self.t_args("review-bags", &[("count", bags.into())]));
            }
            // Each fact is a text of its own: joined, a seat number and a bag count would run
            // together the wrong way round in a right-to-left line.
            let mut row: Vec<El<'_>> =
                vec![self.para(text(p.name.display()).size(sizes.button).font(fonts::BOLD))];
            row.extend(facts.into_iter().map(|f| self.txt(f, sizes.body).into()));
            content = content.push(self.panel(self.dir_row(row).spacing(28), PanelKind::Card));
        }
        self.with_action(
            content,
            self.next_button(
                self.t("review-confirm"),
                Message::Engine(Event::ConfirmReview),
            ),
        )
    }

    fn printing(&self) -> El<'_> {
        let sizes = self.sizes();
        container(
            column![
                text(self.t("printing-title"))
                    .size(56)
                    .font(fonts::BOLD)
                    .line_height(1.5),
                text(self.t("printing-body"))
                    .size(sizes.body)
                    .line_height(1.5),
            ]
            .spacing(24)
            .align_x(Alignment::Center),
        )
        .center(Length::Fill)
        .into()
    }

    fn take_documents(&self) -> String {
        let s = self.engine.session();
        let bags = s.checked_in.iter().any(|c| !c.bag_tags.is_empty());
        self.t(if bags {
            "feedback-take-bags"
        } else {
            "feedback-take"
        })
    }

    fn feedback(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let content = column![
            self.panel(
                self.para(
                    self.txt(self.take_documents(), sizes.title)
                        .font(fonts::BOLD)
                ),
                PanelKind::Banner
            )
        ]
        .spacing(20);
        if self.writing_comment {
            return content
                .push(self.field(Field::Comment))
                .push(self.keypad())
                .push(self.next_button(self.t("feedback-send"), Message::SendComment))
                .into();
        }
        if s.feedback_follow_up {
            return content
                .push(self.title(self.t("feedback-sorry")))
                .push(self.action_row(vec![
                    self.labelled(
                        self.t("feedback-talk"),
                        Message::Engine(Event::Choose(Choice::Staff)),
                        ButtonKind::Primary,
                    )
                    .into(),
                    self.labelled(
                        self.t("feedback-comment"),
                        Message::WriteComment,
                        ButtonKind::Secondary,
                    )
                    .into(),
                    self.labelled(
                        self.t("feedback-no-thanks"),
                        Message::Engine(Event::Finish),
                        ButtonKind::Secondary,
                    )
                    .into(),
                ]))
                .into();
        }
        let faces: Vec<El<'_>> = FACES
            .iter()
            .enumerate()
            .map(|(i, face)| {
                let score = i as u8 + 1;
                self.act(
                    container(
                        column![
                            svg(svg::Handle::from_memory(*face))
                                .width(Length::Fixed(110.0))
                                .height(Length::Fixed(110.0)),
                            text(self.t(&format!("feedback-{score}")))
                                .size(sizes.small)
                                .line_height(1.5),
                        ]
                        .spacing(6)
                        .align_x(Alignment::Center),
                    )
                    .center_x(Length::Fill)
                    .into(),
                    Message::Engine(Event::GiveFeedback(score)),
                    ButtonKind::Secondary,
                )
                .width(Length::Fixed(190.0))
                .into()
            })
            .collect();
        // Faces run from poor to good in reading order.
        content
            .push(self.title(self.t("feedback-title")))
            .push(self.action_row(faces))
            .push(self.action_row(vec![
                self.labelled(
                    self.t("feedback-skip"),
                    Message::Engine(Event::SkipFeedback),
                    ButtonKind::Secondary,
                )
                .into(),
            ]))
            .into()
    }

    fn goodbye(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let name = booking
            .passengers
            .iter()
            .find(|p| s.selected.contains(&p.id))
            .map(|p| p.name.first_name())
            .unwrap_or_default();
        let mut content = column![
            self.title(self.t_args("goodbye-title", &[("name", name.into())])),
            self.body(self.take_documents()),
        ]
        .spacing(16);
        if let Some(leg) = booking.legs.first() {
            let time = local_time(leg.boarding, leg.origin.time_zone);
            let line = match &leg.gate {
                Some(gate) => self.t_args(
                    "goodbye-gate",
                    &[("gate", gate.clone().into()), ("time", time.into())],
                ),
                None => self.t_args("goodbye-gate-later", &[("time", time.into())]),
            };
            content = content.push(self.para(self.txt(line, sizes.title).font(fonts::BOLD)));
        }
        if s.checked_in.iter().any(|c| !c.bag_tags.is_empty()) {
            content = content.push(self.body(self.t("goodbye-bags")));
        }
        if self.last_score.is_some_and(|score| score >= 4)
            && let Some(qr) = &self.review_qr
        {
            content = content.push(self.dir_row(vec![
                qr_code(qr).cell_size(6).into(),
                self.body(self.t("feedback-review")),
            ]));
        }
        self.with_action(
            content,
            self.next_button(self.t("goodbye-done"), Message::Engine(Event::Finish)),
        )
    }

    /// The screen of an engine exception: what happened, what happens next, the choices.
    pub fn exception_view<'a>(&'a self, e: &'a Exception) -> El<'a> {
        let s = self.engine.session();
        let booking = s.booking.as_ref();
        let leg = booking.and_then(|b| b.legs.first());
        let tz = leg.map(|l| l.origin.time_zone).unwrap_or(chrono_tz::UTC);
        let time = e
            .time
            .map(|t| {
                let t = t.with_timezone(&tz);
                let day = self.messages.date(self.locale(), t.date_naive(), false);
                format!("{}, {day}", t.format("%H:%M"))
            })
            .unwrap_or_default();
        let (allowed, asked) = e.allowance.unwrap_or((0, 0));
        let detail = e.detail.clone().unwrap_or_default();
        let args: Vec<(&str, FluentValue)> = vec![
            ("attempts", e.attempts.into()),
            ("time", time.into()),
            ("airport", detail.clone().into()),
            ("service", detail.clone().into()),
            ("allowed", allowed.into()),
            ("asked", asked.into()),
            ("detail", detail.into()),
        ];
        let mut content = column![
            self.title(self.t("exception-title")),
            self.panel(
                self.body(self.t_args(e.kind.code(), &args)),
                PanelKind::Notice
            ),
        ]
        .spacing(20);
        if e.staff_paged || (e.kind.pages_staff() && s.help_open) {
            content = content.push(self.body(self.t("exception-staff-paged")));
        }
        let mut choices: Vec<El<'a>> = Vec::new();
        for (i, choice) in e.choices.iter().enumerate() {
            // Calling an agent again is pointless while one is on the way.
            if *choice == Choice::Staff && s.help_open {
                continue;
            }
            let id = match choice {
                Choice::TryAgain => "choice-try-again",
                Choice::AnotherWay => "choice-another-way",
                Choice::Staff => "choice-staff",
                Choice::ContinueWithoutBags => "choice-continue-without-bags",
            };
            let kind = if i == 0 {
                ButtonKind::Primary
            } else {
                ButtonKind::Secondary
            };
            choices.push(
                self.labelled(self.t(id), Message::Engine(Event::Choose(*choice)), kind)
                    .into(),
            );
        }
        content = content.push(self.action_row(choices));
        self.scroll(content)
    }
}

/// An SVG drawn `px_high` pixels high, as straight (not premultiplied) RGBA.
fn rasterize(svg: &[u8], px_high: f32) -> Option<(u32, u32, Vec<u8>)> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    for face in [fonts::Face::Sans, fonts::Face::SansBold] {
        options.fontdb_mut().load_font_data(face.bytes().to_vec());
    }
    let tree = usvg::Tree::from_data(svg, &options).ok()?;
    let size = tree.size();
    let scale = px_high / size.height().max(1.0);
    let (w, h) = (
        (size.width() * scale).ceil().max(1.0) as u32,
        (size.height() * scale).ceil().max(1.0) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w.min(4096), h.min(4096))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Some((pixmap.width(), pixmap.height(), rgba))
}

/// The logo's height in the top bar, and the welcome image's largest height.
const LOGO_HIGH: f32 = 40.0;
const WELCOME_HIGH: f32 = 220.0;

/// The operator's pictures as the renderer takes them, general and per locale.
#[derive(Debug, Default)]
pub struct Pictures {
    logo: Option<Drawn>,
    welcome: Option<Drawn>,
    by_locale: std::collections::BTreeMap<String, (Option<Drawn>, Option<Drawn>)>,
}

#[derive(Debug, Clone)]
enum Drawn {
    /// With its width over height.
    Raster(iced::widget::image::Handle, f32),
    Vector(iced::widget::svg::Handle),
}

impl Drawn {
    /// `px_high`: how many pixels high an SVG is drawn (twice its height on screen, for sharp
    /// edges on dense screens).
    fn of(p: &crate::config::branding::Picture, px_high: f32) -> Drawn {
        use crate::config::branding::Picture;
        // An SVG is drawn to pixels once, here, with the kiosk's own fonts: iced's SVG path
        // would load every system font the first time it draws one (tens of MB, on Welcome).
        if let Picture::Svg(bytes) = p
            && let Some((w, h, rgba)) = rasterize(bytes, px_high)
        {
            return Drawn::Raster(
                iced::widget::image::Handle::from_rgba(w, h, rgba),
                w as f32 / h.max(1) as f32,
            );
        }
        match p {
            Picture::Png {
                width,
                height,
                rgba,
            } => Drawn::Raster(
                iced::widget::image::Handle::from_rgba(*width, *height, rgba.as_ref().clone()),
                p.aspect().unwrap_or(1.0),
            ),
            Picture::Svg(bytes) => Drawn::Vector(iced::widget::svg::Handle::from_memory(
                bytes.as_ref().clone(),
            )),
        }
    }

    /// At `height` logical pixels, as wide as its proportions make it.
    fn element<'a>(&self, height: f32) -> El<'a> {
        match self {
            Drawn::Raster(h, aspect) => iced::widget::image(h.clone())
                .height(Length::Fixed(height))
                .width(Length::Fixed(height * aspect))
                .into(),
            Drawn::Vector(h) => iced::widget::svg(h.clone())
                .height(Length::Fixed(height))
                .width(Length::Shrink)
                .into(),
        }
    }
}

impl Pictures {
    pub fn new(p: &crate::config::branding::Pictures) -> Pictures {
        let logo = |o: &Option<crate::config::branding::Picture>| {
            o.as_ref().map(|p| Drawn::of(p, LOGO_HIGH * 2.0))
        };
        let welcome = |o: &Option<crate::config::branding::Picture>| {
            o.as_ref().map(|p| Drawn::of(p, WELCOME_HIGH * 2.0))
        };
        Pictures {
            logo: logo(&p.logo),
            welcome: welcome(&p.welcome),
            by_locale: p
                .by_locale
                .iter()
                .map(|(l, (lg, wl))| (l.clone(), (logo(lg), welcome(wl))))
                .collect(),
        }
    }

    /// The logo for this locale (its own, else the general one).
    pub fn logo<'a>(&self, locale: &str, height: f32) -> Option<El<'a>> {
        self.by_locale
            .get(locale)
            .and_then(|(l, _)| l.as_ref())
            .or(self.logo.as_ref())
            .map(|d| d.element(height))
    }

    /// The welcome image for this locale (its own, else the general one), filling the height
    /// its column leaves, up to `max_height`, in its own proportions.
    pub fn welcome_filling<'a>(&self, locale: &str, max_height: f32) -> Option<El<'a>> {
        let drawn = self
            .by_locale
            .get(locale)
            .and_then(|(_, w)| w.as_ref())
            .or(self.welcome.as_ref())?;
        let picture: El<'a> = match drawn {
            Drawn::Raster(h, _) => iced::widget::image(h.clone())
                .width(Length::Fill)
                .height(Length::Fill)
                .content_fit(iced::ContentFit::Contain)
                .into(),
            Drawn::Vector(h) => iced::widget::svg(h.clone())
                .width(Length::Fill)
                .height(Length::Fill)
                .content_fit(iced::ContentFit::Contain)
                .into(),
        };
        Some(
            container(picture)
                .width(Length::Fill)
                .height(Length::Fill)
                .max_height(max_height)
                .into(),
        )
    }
}

#[cfg(test)]
mod tests {
    /// The dangerous-goods screen strikes through what may not travel at all, but not the spare
    /// batteries, which go in the cabin bag ("cabin only"): their pictogram shows a battery and a
    /// cabin bag with a tick, in a dashed amber frame, not the red stroke of "forbidden".
    #[test]
    fn only_what_is_forbidden_is_struck_through() {
        const FORBIDDEN_STROKE: &str = "#c8102e";
        for (id, bytes) in super::PICTOGRAMS {
            let svg = std::str::from_utf8(bytes).unwrap();
            let struck = svg.contains(FORBIDDEN_STROKE);
            assert_eq!(struck, id != "dg-batteries", "{id}");
        }
    }
}
