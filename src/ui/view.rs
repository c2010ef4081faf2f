//! The frame around every screen (top and bottom bars, Help's banner, the idle and start-over
//! prompts) and the helpers the screens share; the screens themselves are in `screens`, one
//! file each. Every button goes through [`Kiosk::act`], which records it for the
//! keyboard focus model; every row that has a reading direction goes through
//! [`Kiosk::dir_row`], which reverses it for right-to-left languages.

use super::theme::{self, ButtonKind, PanelKind};
use super::{El, Kiosk, Message, fonts};
use crate::checkin::{Event, HelpState, Notice, Step};
use crate::domain::{Passenger, Timestamp};
use crate::i18n::Direction;
use fluent_bundle::FluentValue;
use iced::widget::{
    Button, Column, Row, Space, button, column, container, opaque, scrollable, stack, svg, text,
};
use iced::{Alignment, Length};

pub(super) const ARROW_FORWARD: &[u8] = include_bytes!("../../assets/pictograms/arrow.svg");
pub(super) const ARROW_BACK: &[u8] = include_bytes!("../../assets/pictograms/arrow-back.svg");
pub(super) const CHECK: &[u8] = include_bytes!("../../assets/pictograms/check.svg");

/// The room left and right of every screen's content.
pub(super) const PAGE_SIDE: f32 = theme::gap::PAGE;
/// On a portrait panel the screens take this much height at the bottom (a 1080x1920 panel, 800x1422
/// units, leaves ~250 above them).
pub(super) const PORTRAIT_BODY: f32 = 1000.0;
/// The top and bottom bars together, about.
pub(super) const BARS_HIGH: f32 = 170.0;
/// The room a scrolling screen keeps beside its content (mostly for the scroll bar).
pub(super) const SCROLL_SIDES: f32 = 32.0;

/// On a narrow screen, the line Back and Start over take above Help, about.
pub(super) const CORNERS_HIGH: f32 = 90.0;
/// Screens narrower than this (portrait panels) stack what sits side by side on a wide one.
pub(super) const NARROW_BELOW: f32 = 1000.0;

impl Kiosk {
    /// An airport's city in the passenger's language.
    pub(super) fn city(&self, airport: &crate::domain::Airport) -> String {
        self.messages
            .city(self.locale(), &airport.code, &airport.city)
    }
}

/// The room a [`Kiosk::labelled`] button's padding and border take beside its words.
pub(super) const BUTTON_PADDING: f32 = 2.0 * 28.0 + 4.0;

/// How wide `label` is in bold at `size` px, measured with the screen's own fonts.
pub(super) fn label_width(label: &str, size: f32) -> f32 {
    use crate::text::{Weight, shape};
    shape(label, Weight::Bold)
        .iter()
        .map(|r| r.width(size))
        .sum()
}

/// `at` in `tz` as the passenger reads it: "03:20" on the day it is now there, else with its
/// day ("03:20, 6 December", in `locale`).
pub(super) fn time_with_day(
    messages: &crate::i18n::Messages,
    locale: &str,
    at: Timestamp,
    now: Timestamp,
    tz: chrono_tz::Tz,
) -> String {
    let there = at.with_timezone(&tz);
    let time = there.format("%H:%M").to_string();
    if there.date_naive() == now.with_timezone(&tz).date_naive() {
        time
    } else {
        let day = messages.date(locale, there.date_naive(), false);
        format!("{time}, {day}")
    }
}

impl Kiosk {
    /// The first name the screens greet: an adult's, the first selected (the person at the
    /// kiosk checks in with the party), else the booking's first adult; a child only on a
    /// booking without an adult. (Selecting only the 7-year-old greeted her by name.)
    pub(super) fn greeted(&self) -> Option<String> {
        let s = self.engine.session();
        let booking = s.booking.as_ref()?;
        let adult = |p: &&Passenger| p.kind == crate::domain::PassengerType::Adult;
        booking
            .passengers
            .iter()
            .filter(adult)
            .find(|p| s.selected.contains(&p.id))
            .or_else(|| booking.passengers.iter().find(adult))
            .or(booking.passengers.first())
            .map(|p| p.name.first_name())
    }

    /// A time the passenger acts on, in the airport's own time zone: "03:20" today there, with
    /// its day after a midnight ("03:20, 6 December"): a flight after midnight read as
    /// tonight is a missed flight.
    pub(super) fn when(&self, at: Timestamp, tz: chrono_tz::Tz) -> String {
        time_with_day(self.messages, self.locale(), at, (self.clock)(), tz)
    }

    pub fn view(&self) -> El<'_> {
        let page = self.page();
        if self.warming.is_empty() {
            return page;
        }
        // Screens drawn only to warm the renderer, under Welcome on the window's own
        // background: nobody sees them or reaches them.
        let background = self.palette().background;
        let mut layers: Vec<El<'_>> = self
            .warming
            .iter()
            .map(|k| k.page().map(|_| Message::Unseen))
            .collect();
        layers.push(opaque(
            container(page)
                .width(Length::Fill)
                .height(Length::Fill)
                .style(move |_| container::Style {
                    background: Some(background.into()),
                    ..Default::default()
                }),
        ));
        iced::widget::Stack::with_children(layers).into()
    }

    /// The screen, its frame and what is over it.
    fn page(&self) -> El<'_> {
        self.forget_focus();
        self.heard.borrow_mut().clear();
        self.spoken_forms.borrow_mut().clear();
        self.banner_placed.set(false);
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
        if let Some(banner) = self.unplugged_banner() {
            page = page.push(container(banner).padding([8, 24]));
        }
        page = page.push(
            container(body)
                .padding([8.0, PAGE_SIDE])
                .width(Length::Fill)
                .height(Length::Fill),
        );
        // Help's banner sits over the bottom bar, next to the Help button that raised it: the
        // screen above does not move under the passenger's finger. (A screen with a main
        // button below its content has it above that button instead: `with_action`.)
        if !self.banner_placed.get()
            && let Some(banner) = self.help_banner()
        {
            page = page.push(container(banner).padding([8, 24]));
        }
        // A prompt ("Need more time?", "Start over?") covers the screen but never the bottom
        // bar's Help: a passenger who needs a person can still call one (the bar then offers
        // Help alone).
        let prompt = match s.idle_seconds_left((self.clock)()) {
            Some(seconds) => {
                // Only the prompt's buttons (and Help) take the focus and speech while it shows.
                self.forget_focus();
                self.heard.borrow_mut().clear();
                Some(self.idle_prompt(seconds))
            }
            None if self.visit.confirming_start_over => {
                self.forget_focus();
                self.heard.borrow_mut().clear();
                Some(self.start_over_prompt())
            }
            None => None,
        };
        let prompting = prompt.is_some();
        let page: El<'_> = match prompt {
            Some(prompt) => {
                let upper = container(page).width(Length::Fill).height(Length::Fill);
                Column::new()
                    .push(stack![upper, opaque(prompt)].height(Length::Fill))
                    .into()
            }
            None => page.into(),
        };
        let page = Column::new()
            .push(page)
            .push(self.bottom_bar(prompting))
            .height(Length::Fill);
        let page = container(page)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(move |_| theme::panel(&p, PanelKind::Page));
        // Privacy in speech mode: the screen goes dark over what it would show (the buttons
        // are still there for the keys; a tap on the dark screen does nothing). Not while the
        // headset is out: the screen then offers to go on without it.
        let unplugged = self.visit.speech.as_ref().is_some_and(|m| m.unplugged);
        if self.speaking() && self.options.blank_in_speech && !unplugged {
            let dark = container(Space::new())
                .width(Length::Fill)
                .height(Length::Fill)
                .style(|_| container::Style {
                    background: Some(iced::Color::BLACK.into()),
                    ..Default::default()
                });
            stack![page, opaque(dark)].into()
        } else {
            page.into()
        }
    }

    /// "Start over?": what would be lost, and the way back to it first.
    pub(super) fn start_over_prompt(&self) -> El<'_> {
        let sizes = self.sizes();
        self.heard(&self.t("start-over-title"));
        self.heard(&self.t("start-over-body"));
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
            .spacing(theme::gap::MODAL),
        ]
        .spacing(theme::gap::WIDE)
        .align_x(Alignment::Center);
        self.modal(content)
    }

    /// A question over the whole screen, the screen dimmed behind it.
    pub(super) fn modal<'a>(&self, content: impl Into<El<'a>>) -> El<'a> {
        let p = *self.palette();
        container(
            container(content)
                .padding(theme::gap::MODAL)
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
        self.act_if(true, content, message, kind)
    }

    /// [`Kiosk::act`] for a button that does nothing now (`enabled` false): drawn faded, not
    /// pressed by a tap or by Enter, but reached by the keys like any other, so speech can say
    /// it is there and unavailable.
    pub(super) fn act_if<'a>(
        &'a self,
        enabled: bool,
        content: El<'a>,
        message: Message,
        kind: ButtonKind,
    ) -> Button<'a, Message> {
        let index = {
            let mut f = self.focusables.borrow_mut();
            f.push(message.clone());
            f.len() - 1
        };
        self.focus_names.borrow_mut().push(super::speech::Named {
            label: self.name_of(&message),
            selected: kind == ButtonKind::Selected,
            primary: kind == ButtonKind::Primary,
            disabled: !enabled,
        });
        let focused = self.visit.focus == Some(index);
        let p = *self.palette();
        button(content)
            .on_press_maybe(enabled.then_some(message))
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
        self.label_button(label, message, kind, false)
            .height(Length::Shrink)
    }

    /// [`Kiosk::labelled`] at a set width, its words in the middle in every direction (a
    /// right-to-left label sat at the left of a wide button).
    pub(super) fn labelled_wide<'a>(
        &'a self,
        label: String,
        message: Message,
        kind: ButtonKind,
        width: Length,
    ) -> Button<'a, Message> {
        self.label_button(label, message, kind, true)
            .width(width)
            .height(Length::Shrink)
    }

    /// A button of words, named for speech; `centred` fills the button's width with them in
    /// the middle (for a button wider than its words).
    fn label_button<'a>(
        &'a self,
        label: String,
        message: Message,
        kind: ButtonKind,
        centred: bool,
    ) -> Button<'a, Message> {
        let s = self.sizes();
        let name = label.clone();
        let words = container(
            self.txt(label, s.button)
                .font(fonts::BOLD)
                .align_x(self.text_centre()),
        )
        .center_y(Length::Shrink);
        let words = if centred {
            words.center_x(Length::Fill)
        } else {
            words
        };
        let button = self.act(words.into(), message, kind);
        self.name_last(name);
        button.padding([16, 28])
    }

    /// Gives the button just recorded the words speech says for it.
    pub(super) fn name_last(&self, label: String) {
        if let Some(last) = self.focus_names.borrow_mut().last_mut() {
            last.label = label;
        }
    }

    /// Starts the focus order afresh (a prompt over the screen takes it alone).
    pub(super) fn forget_focus(&self) {
        self.focusables.borrow_mut().clear();
        self.focus_names.borrow_mut().clear();
    }

    /// `content`, recorded as something the screen says (see [`Kiosk::heard`]).
    pub(super) fn hear(&self, content: String) -> String {
        self.heard(&content);
        content
    }

    /// Records `content` as something the screen says, for speech.
    pub(super) fn heard(&self, content: &str) {
        self.heard.borrow_mut().push(content.to_string());
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
    pub(super) fn arrowed<'a>(
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
        let name = label.clone();
        let label: El<'a> = self.txt(label, s.button).font(fonts::BOLD).into();
        let arrow = self.icon(arrow, s.button, color);
        let items = if after {
            vec![label, arrow]
        } else {
            vec![arrow, label]
        };
        let content = container(self.dir_row(items).spacing(theme::gap::ROW));
        let content = if width == Length::Shrink {
            content
        } else {
            content.center_x(Length::Fill)
        };
        let button = self.act(content.into(), message, kind);
        self.name_last(name);
        button.width(width).padding([16, 28])
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

    /// A row of buttons placed where lines start (right for right-to-left languages).
    pub(super) fn action_row<'a>(&self, items: Vec<El<'a>>) -> El<'a> {
        container(self.dir_row(items))
            .width(Length::Fill)
            .align_x(self.start())
            .into()
    }

    /// A screen: its content scrolls if it must, its main action stays in view below it.
    /// Help's banner goes between them: it takes room from the content's scroll, so neither
    /// the content nor the main button moves when it comes (on a portrait panel it pushed
    /// Continue up by its own height, under the passenger's finger).
    pub(super) fn with_action<'a>(&'a self, content: impl Into<El<'a>>, action: El<'a>) -> El<'a> {
        let mut screen = column![self.scroll(content)].spacing(theme::gap::ROW);
        if let Some(banner) = self.help_banner() {
            self.banner_placed.set(true);
            screen = screen.push(banner);
        }
        screen.push(action).into()
    }

    /// Where rows of a column start.
    pub(super) fn start(&self) -> Alignment {
        match self.direction() {
            Direction::LeftToRight => Alignment::Start,
            Direction::RightToLeft => Alignment::End,
        }
    }

    /// Where rows of a column end (the left in Urdu and Arabic).
    pub(super) fn end(&self) -> Alignment {
        match self.direction() {
            Direction::LeftToRight => Alignment::End,
            Direction::RightToLeft => Alignment::Start,
        }
    }

    /// Text in the screen's language (Arabic script gets the taller lines it needs).
    pub(super) fn txt<'a>(&self, content: String, size: f32) -> text::Text<'a> {
        let rtl = self.direction() == Direction::RightToLeft;
        text(content).size(size).line_height(if rtl {
            theme::RTL_LINE
        } else {
            theme::LTR_LINE
        })
    }

    /// [`Kiosk::txt`] for a line the screen says (speech reads it out with the screen).
    pub(super) fn said<'a>(&self, content: String, size: f32) -> text::Text<'a> {
        self.heard(&content);
        self.txt(content, size)
    }

    pub(super) fn title<'a>(&self, content: String) -> El<'a> {
        self.heard(&content);
        self.para(self.txt(content, self.sizes().title).font(fonts::BOLD))
    }

    pub(super) fn body<'a>(&self, content: String) -> El<'a> {
        self.heard(&content);
        self.para(self.txt(content, self.sizes().body))
    }

    /// A row in reading order: reversed for right-to-left languages.
    pub(super) fn dir_row<'a>(&self, mut items: Vec<El<'a>>) -> Row<'a, Message> {
        if self.direction() == Direction::RightToLeft {
            items.reverse();
        }
        Row::with_children(items)
            .spacing(theme::gap::BLOCK)
            .align_y(Alignment::Center)
    }

    pub(super) fn panel<'a>(&self, content: impl Into<El<'a>>, kind: PanelKind) -> El<'a> {
        let p = *self.palette();
        container(content)
            .padding(theme::gap::SECTION)
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, kind))
            .into()
    }

    /// A screen's content that may be taller than the screen; the scroll bar keeps clear of
    /// the text (in right-to-left languages lines start at its side).
    pub(super) fn scroll<'a>(&self, content: impl Into<El<'a>>) -> El<'a> {
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

    pub(super) fn fill<'a>() -> El<'a> {
        Space::new().width(Length::Fill).into()
    }

    // ---- bars, banners, prompts ----

    pub(super) fn top_bar(&self) -> El<'_> {
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
            button(self.dir_row(brand).spacing(theme::gap::ROW))
                .on_press(Message::StaffGesture)
                .padding([8, 0])
                .style(move |_, _| button::Style {
                    background: None,
                    text_color: p.bar_text,
                    ..Default::default()
                })
                .into(),
        ];
        // On a narrow screen the name's line is the whole width, with or without a step: the
        // name stays at the line's start (the right in Urdu and Arabic) on every screen.
        if self.screen.width < NARROW_BELOW {
            items.push(Self::fill());
        }
        if let Some((n, of)) = self.engine.step_of() {
            let step_of = self.txt(
                self.t_args("step-of", &[("step", n.into()), ("steps", of.into())]),
                s.small,
            );
            items.push(step_of.into());
        }
        // A narrow screen gives the airline's name and the step a line of their own, above
        // the buttons ("Texto más grande" and "Alto contraste" ran over "Northwind Airways").
        let mut lines = Vec::new();
        if self.screen.width < NARROW_BELOW {
            lines.push(self.dir_row(std::mem::take(&mut items)));
        }
        items.push(Self::fill());
        let larger = if self.visit.larger_text {
            "normal-text"
        } else {
            "larger-text"
        };
        let contrast = if self.visit.high_contrast {
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
        container(Column::with_children(lines.into_iter().map(El::from)).spacing(theme::gap::TIGHT))
            .padding([8, 24])
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, PanelKind::Bar))
            .into()
    }

    /// The bottom bar: Back, Help in the middle, Start over. Under a prompt, Help alone.
    pub(super) fn bottom_bar<'a>(&'a self, prompting: bool) -> El<'a> {
        let p = *self.palette();
        let s = self.engine.session();
        let sizes = self.sizes();
        let rtl = self.direction() == Direction::RightToLeft;
        let back_allowed = self.engine.can_go_back() && !prompting;
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
        let has_over =
            s.step != Step::Welcome && s.step != Step::Goodbye && !s.is_busy() && !prompting;
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
                        container(
                            text("?")
                                .size(theme::HELP_TEXT)
                                .font(fonts::BOLD)
                                .color(p.help),
                        )
                        .center(Length::Fixed(theme::HELP_BADGE))
                        .style(move |_| container::Style {
                            background: Some(p.on_help.into()),
                            border: iced::Border {
                                radius: (theme::HELP_BADGE / 2.0).into(),
                                ..Default::default()
                            },
                            ..Default::default()
                        })
                        .into(),
                        text(self.t("help"))
                            .size(theme::HELP_TEXT)
                            .font(fonts::BOLD)
                            .into(),
                    ])
                    .spacing(theme::gap::ITEMS),
                )
                .center_x(Length::Fill)
                .into(),
                Message::Engine(Event::Help),
                ButtonKind::Help,
            )
            .width(Length::Fixed(theme::HELP_WIDE))
            .height(Length::Fixed(sizes.touch.max(theme::HELP_HIGH)));
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
            // The whole width, so that Help is in the middle with or without that line.
            let mut lines = Column::new()
                .width(Length::Fill)
                .spacing(theme::gap::SMALL)
                .align_x(Alignment::Center);
            if back_allowed || has_over {
                lines = lines.push(
                    Row::new()
                        .spacing(theme::gap::WIDE)
                        .align_y(Alignment::Center)
                        .push(side(start, Alignment::Start))
                        .push(side(end, Alignment::End)),
                );
            }
            lines.push(help).into()
        } else {
            Row::new()
                .spacing(theme::gap::WIDE)
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

    /// What Help's banner says: its title and the request's state; `None` when it is not
    /// shown. Read from the engine's account of the request, the one every screen reads.
    pub(super) fn help_words(&self) -> Option<(String, String)> {
        let s = self.engine.session();
        let on_the_way = || self.t("help-on-the-way");
        Some(match &s.help {
            HelpState::None => return None,
            HelpState::Asked => (on_the_way(), self.t("help-queued")),
            HelpState::Delivered => (on_the_way(), self.t("help-delivered")),
            HelpState::Coming { agent } => (
                on_the_way(),
                self.t_args("help-acknowledged", &[("agent", agent.clone().into())]),
            ),
            // Nobody could be told: the banner must not say help is coming. The operator's own
            // desk name, or the check-in desk in the passenger's language.
            HelpState::Unreachable { desk, .. } if !desk.trim().is_empty() => (
                self.t("help-not-reached"),
                self.t_args("help-fallback", &[("desk", desk.clone().into())]),
            ),
            HelpState::Unreachable { .. } => {
                (self.t("help-not-reached"), self.t("help-fallback-any-desk"))
            }
            HelpState::Resolved => (on_the_way(), self.t("help-resolved")),
        })
    }

    pub(super) fn help_banner(&self) -> Option<El<'_>> {
        let s = self.engine.session();
        let (title, status) = self.help_words()?;
        let sizes = self.sizes();
        self.heard(&title);
        self.heard(&status);
        let words = column![
            self.para(self.txt(title, sizes.button).font(fonts::BOLD)),
            self.para(self.txt(status, sizes.body)),
        ]
        .spacing(theme::gap::HAIR);
        let mut items: Vec<El<'_>> = vec![words.width(Length::Fill).into()];
        if s.help_open() {
            items.push(
                self.labelled(
                    self.t("help-cancel"),
                    Message::Engine(Event::CancelHelp),
                    ButtonKind::Secondary,
                )
                .into(),
            );
        }
        // Nobody is coming: in the colours of a warning, never those of good news.
        let kind = match s.help {
            HelpState::Unreachable { .. } => PanelKind::Notice,
            _ => PanelKind::Banner,
        };
        Some(self.panel(self.dir_row(items), kind))
    }

    pub(super) fn notice(&self) -> Option<El<'_>> {
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
            // Welcome shows why in its own panel, where the Start button would be.
            Notice::OutOfService | Notice::KioskClosed if s.step == Step::Welcome => return None,
            Notice::OutOfService => self.t("out-of-service"),
            Notice::KioskClosed => self.t("kiosk-closed"),
            Notice::NotAnIdentityDocument => self.t("notice-not-identity"),
            Notice::UnreadableDocument(id) => self.t(id),
        };
        Some(self.panel(self.body(message), PanelKind::Notice))
    }

    pub(super) fn idle_prompt(&self, seconds: i64) -> El<'_> {
        let sizes = self.sizes();
        self.heard(&self.t("idle-title"));
        self.heard(&self.t_args("idle-countdown", &[("seconds", seconds.into())]));
        if self.speaking() {
            self.heard(&self.t("speech-idle-enter"));
        }
        let content = column![
            self.txt(self.t("idle-title"), sizes.title)
                .font(fonts::BOLD),
            text(seconds.to_string())
                .size(sizes.countdown)
                .font(fonts::BOLD),
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
        .spacing(theme::gap::SECTION)
        .align_x(Alignment::Center);
        self.modal(content)
    }

    /// The primary button that moves on, at the end of the reading direction.
    pub(super) fn next_button<'a>(&'a self, label: String, message: Message) -> El<'a> {
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

    pub(super) fn passenger(&self, id: crate::domain::PassengerId) -> Option<&Passenger> {
        self.engine.session().booking.as_ref()?.passenger(id)
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
pub(super) const LOGO_HIGH: f32 = 40.0;
pub(super) const WELCOME_HIGH: f32 = 220.0;

/// The operator's pictures as the renderer takes them, general and per locale.
#[derive(Debug, Default, Clone)]
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
    pub(super) fn of(p: &crate::config::branding::Picture, px_high: f32) -> Drawn {
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
    pub(super) fn element<'a>(&self, height: f32) -> El<'a> {
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
