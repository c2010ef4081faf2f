//! The frame around every screen: the top bar (the airline, the step, Larger text and High
//! contrast), the bottom bar (Back, Help, Start over), Help's banner, the engine's notice, the
//! headset's banner and the prompts over the screen ("Need more time?", "Start over?").

use super::draw::{Brand, Draw, El, Msg, fill, help_words};
use super::fonts;
use super::screens::{self, Screen};
use super::theme::{self, ButtonKind, PanelKind};
use crate::checkin::{Engine, Event, Notice, Step};
use fluent_bundle::FluentValue;
use iced::widget::{Column, Row, Space, button, column, container, opaque, stack, text};
use iced::{Alignment, Length};

/// What the frame's buttons do.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    LargerText,
    HighContrast,
    /// Start over, tapped once a booking is found: asks before it throws the check-in away.
    AskStartOver,
    /// "Keep going": the start-over question is answered no.
    KeepGoing,
    /// The headset was pulled out: the passenger goes on without speech.
    ContinueOnScreen,
    /// A tap on the airline's name (five open staff mode).
    StaffGesture,
    /// Help, Back, Start over, More time, Cancel help: engine events.
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// What the frame shows of the passenger's choices.
#[derive(Debug, Clone, Copy, Default)]
pub struct Choices {
    pub larger_text: bool,
    pub high_contrast: bool,
    /// "Start over?" is asked.
    pub confirming_start_over: bool,
    /// Speech mode is on and the headset was pulled out.
    pub unplugged: bool,
    /// The screen goes dark while speech is on (`[speech] blank_screen`).
    pub dark: bool,
}

/// The page: the frame, the screen inside it, and what covers it. `on_frame` and
/// `on_screen` make the frame's and the screen's messages the page's.
pub fn page<'a, M: Msg>(
    d: &mut Draw<M>,
    engine: &'a Engine,
    screen: &'a Screen,
    brand: &'a Brand,
    choices: Choices,
    on_frame: fn(Message) -> M,
    on_screen: fn(screens::Message) -> M,
) -> El<'a, M> {
    let p = d.palette();
    let s = engine.session();
    let room = d.room();
    let prompt_seconds = s.idle_seconds_left(d.now());
    let prompting = prompt_seconds.is_some() || choices.confirming_start_over;
    // Under a prompt, the screen is drawn but takes no focus and says nothing. The parts are
    // drawn in focus order: the top bar, the notices above the screen, the screen, Help's
    // banner below it, then (after any prompt) the bottom bar.
    let mut bar = if prompting {
        d.hidden::<Message>()
    } else {
        d.part::<Message>()
    };
    let top = top_bar(&mut bar, engine, brand, choices);
    let mut above = bar.part::<Message>();
    let notice = notice(&mut above, engine);
    let unplugged = choices.unplugged.then(|| unplugged_banner(&mut above));
    let mut parts = above.part::<screens::Message>();
    let body = screen.view(engine, brand, &mut parts);
    let mut below = parts.part::<Message>();
    // Help's banner sits over the bottom bar, next to the Help button that raised it: the
    // screen above does not move under the passenger's finger. (A screen with a main
    // button below its content has it above that button instead: `Draw::with_action`.)
    let banner = match help_words(&below, s) {
        Some(words) if !parts.banner_placed() => Some(below.help_banner(&words)),
        _ => None,
    };
    if !prompting {
        d.adopt(bar, on_frame);
        d.adopt(above, on_frame);
        d.adopt(parts, on_screen);
        d.adopt(below, on_frame);
    }
    let mut page = Column::new().push(top.map(on_frame));
    // Portrait: what a passenger reads and touches sits in the lower part of a tall panel,
    // within reach of a seated passenger; the room above it stays calm.
    let above = room.height
        - super::draw::PORTRAIT_BODY
        - super::draw::BARS_HIGH
        - super::draw::CORNERS_HIGH;
    let tall_map = s.step == Step::Seats && s.exception.is_none();
    if room.height > room.width && above > 0.0 && !tall_map {
        page = page.push(Space::new().height(Length::Fixed(above)));
    }
    for part in [notice, unplugged].into_iter().flatten() {
        page = page.push(container(part.map(on_frame)).padding([8, 24]));
    }
    page = page.push(
        container(body.map(on_screen))
            .padding([8.0, super::draw::PAGE_SIDE])
            .width(Length::Fill)
            .height(Length::Fill),
    );
    if let Some(banner) = banner {
        page = page.push(container(banner.map(on_frame)).padding([8, 24]));
    }
    // A prompt ("Need more time?", "Start over?") covers the screen but never the bottom
    // bar's Help: a passenger who needs a person can still call one (the bar then offers
    // Help alone).
    let prompt = match prompt_seconds {
        Some(seconds) => Some(idle_prompt(d, seconds, on_frame)),
        None if choices.confirming_start_over => Some(start_over_prompt(d, on_frame)),
        None => None,
    };
    let page: El<'a, M> = match prompt {
        Some(prompt) => {
            let upper = container(page).width(Length::Fill).height(Length::Fill);
            Column::new()
                .push(stack![upper, opaque(prompt)].height(Length::Fill))
                .into()
        }
        None => page.into(),
    };
    let mut bottom = d.part::<Message>();
    let bottom_bar = bottom_bar(&mut bottom, engine, prompting);
    d.adopt(bottom, on_frame);
    let page = Column::new()
        .push(page)
        .push(bottom_bar.map(on_frame))
        .height(Length::Fill);
    let page = container(page)
        .width(Length::Fill)
        .height(Length::Fill)
        .style(move |_| theme::panel(&p, PanelKind::Page));
    // Privacy in speech mode: the screen goes dark over what it would show (the buttons
    // are still there for the keys; a tap on the dark screen does nothing). Not while the
    // headset is out: the screen then offers to go on without it.
    if choices.dark && !choices.unplugged {
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

/// The logo's height in the top bar.
const LOGO_HIGH: f32 = super::pictures::LOGO_HIGH;

fn top_bar<'a>(
    d: &mut Draw<Message>,
    engine: &Engine,
    brand: &'a Brand,
    choices: Choices,
) -> El<'a, Message> {
    let p = d.palette();
    let s = d.sizes();
    // The airline's logo and name: five taps open staff mode (no focus ring, no look of a
    // button).
    let mut name = vec![
        text(brand.airline.clone())
            .size(s.body)
            .font(fonts::BOLD)
            .into(),
    ];
    if let Some(logo) = brand.pictures.logo(d.locale(), LOGO_HIGH) {
        name.insert(0, logo);
    }
    let mut items: Vec<El<'a, Message>> = vec![
        button(d.look().dir_row(name).spacing(theme::gap::ROW))
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
    if d.narrow() {
        items.push(fill());
    }
    if let Some((n, of)) = engine.step_of() {
        let step_of = d.txt(
            d.t_args("step-of", &[("step", n.into()), ("steps", of.into())]),
            s.small,
        );
        items.push(step_of.into());
    }
    // A narrow screen gives the airline's name and the step a line of their own, above
    // the buttons ("Texto más grande" and "Alto contraste" ran over "Northwind Airways").
    let mut lines = Vec::new();
    if d.narrow() {
        lines.push(d.look().dir_row(std::mem::take(&mut items)));
    }
    items.push(fill());
    let larger = if choices.larger_text {
        "normal-text"
    } else {
        "larger-text"
    };
    let contrast = if choices.high_contrast {
        "normal-contrast"
    } else {
        "high-contrast"
    };
    items.push(
        d.labelled(d.t(larger), Message::LargerText, ButtonKind::Bar)
            .padding([8, 20])
            .into(),
    );
    items.push(
        d.labelled(d.t(contrast), Message::HighContrast, ButtonKind::Bar)
            .padding([8, 20])
            .into(),
    );
    lines.push(d.look().dir_row(items));
    container(Column::with_children(lines.into_iter().map(El::from)).spacing(theme::gap::TIGHT))
        .padding([8, 24])
        .width(Length::Fill)
        .style(move |_| theme::panel(&p, PanelKind::Bar))
        .into()
}

/// The bottom bar: Back, Help in the middle, Start over. Under a prompt, Help alone.
fn bottom_bar<'a>(d: &mut Draw<Message>, engine: &Engine, prompting: bool) -> El<'a, Message> {
    let p = d.palette();
    let s = engine.session();
    let sizes = d.sizes();
    let rtl = d.rtl();
    let back_allowed = engine.can_go_back() && !prompting;
    let arrow = if rtl {
        super::draw::ARROW_FORWARD
    } else {
        super::draw::ARROW_BACK
    };
    // Back and Start over grow with Larger text, so that neither label wraps.
    let corner = (300.0 * sizes.button / 28.0).clamp(280.0, 400.0);
    let back: El<'a, Message> = if back_allowed {
        d.arrowed(
            d.t("back"),
            arrow,
            false,
            Message::Go(Event::Back),
            ButtonKind::Secondary,
            Length::Fixed(corner),
        )
        .into()
    } else {
        Space::new().width(Length::Fixed(1.0)).into()
    };
    let has_over = s.step != Step::Welcome && s.step != Step::Goodbye && !s.is_busy() && !prompting;
    let over: El<'a, Message> = if has_over {
        // As wide as Back, its label centred, room for the longest translation ("Empezar de
        // nuevo") on one line.
        let words = d
            .txt(d.t("start-over"), sizes.button)
            .font(fonts::BOLD)
            .align_x(d.text_centre());
        d.act(
            container(words)
                .center_x(Length::Fill)
                .center_y(Length::Shrink)
                .into(),
            // Once a booking is found there is something to lose: ask first.
            if s.booking.is_some() {
                Message::AskStartOver
            } else {
                Message::Go(Event::Cancel)
            },
            ButtonKind::Secondary,
            d.t("start-over"),
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
    let badge = container(
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
    });
    let words = text(d.t("help")).size(theme::HELP_TEXT).font(fonts::BOLD);
    let content = container(
        d.look()
            .dir_row(vec![badge.into(), words.into()])
            .spacing(theme::gap::ITEMS),
    )
    .center_x(Length::Fill);
    let help = d
        .act(
            content.into(),
            Message::Go(Event::Help),
            ButtonKind::Help,
            d.t("help"),
        )
        .width(Length::Fixed(theme::HELP_WIDE))
        .height(Length::Fixed(sizes.touch.max(theme::HELP_HIGH)));
    let help = container(help).id("help");
    let (start, end) = if rtl { (over, back) } else { (back, over) };
    let side = |button: El<'a, Message>, edge| {
        container(button)
            .width(Length::FillPortion(1))
            .align_x(edge)
    };
    let bar: El<'a, Message> = if d.narrow() {
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

/// What the engine has to tell the passenger on this screen (a booking not found, a seat
/// taken).
fn notice<'a>(d: &mut Draw<Message>, engine: &Engine) -> Option<El<'a, Message>> {
    let s = engine.session();
    let seat_arg = |seat: &crate::domain::Seat| vec![("seat", FluentValue::from(seat.to_string()))];
    let message = match s.notice.as_ref()? {
        Notice::InvalidBookingReference => d.t("notice-invalid-reference"),
        Notice::InvalidETicket => d.t("notice-invalid-eticket"),
        Notice::InvalidFrequentFlyer => d.t("notice-invalid-ff"),
        Notice::InvalidSurname(_) => d.t("notice-invalid-surname"),
        Notice::NoPassengerSelected => d.t("notice-no-passenger"),
        Notice::ChildNeedsAdult(_) => d.t("notice-child-needs-adult"),
        Notice::SeatTaken(seat) => d.t_args("notice-seat-taken", &seat_arg(seat)),
        Notice::SeatNotInCabin(seat) => d.t_args("notice-seat-not-in-cabin", &seat_arg(seat)),
        Notice::ExitRowNotAllowed(_) => d.t("notice-exit-row-not-allowed"),
        // Welcome shows why in its own panel, where the Start button would be.
        Notice::OutOfService | Notice::KioskClosed if s.step == Step::Welcome => return None,
        Notice::OutOfService => d.t("out-of-service"),
        Notice::KioskClosed => d.t("kiosk-closed"),
        Notice::NotAnIdentityDocument => d.t("notice-not-identity"),
        Notice::UnreadableDocument(id) => d.t(id),
        Notice::DevicesPaused => d.t("notice-devices-paused"),
    };
    let body = d.body(message);
    Some(d.look().panel(body, PanelKind::Notice))
}

/// With the headset pulled out: what happened, and the way on without speech.
fn unplugged_banner<'a>(d: &mut Draw<Message>) -> El<'a, Message> {
    let words = d.body(d.t("speech-unplugged"));
    let button = d
        .labelled(
            d.t("speech-continue-on-screen"),
            Message::ContinueOnScreen,
            ButtonKind::Primary,
        )
        .into();
    let row = d
        .look()
        .dir_row(vec![container(words).width(Length::Fill).into(), button])
        .align_y(Alignment::Center);
    d.look().panel(row, PanelKind::Notice)
}

/// "Need more time?", with the seconds left.
fn idle_prompt<'a, M: Msg>(d: &mut Draw<M>, seconds: i64, wrap: fn(Message) -> M) -> El<'a, M> {
    let mut own = d.part::<Message>();
    let prompt = idle_prompt_own(&mut own, seconds);
    d.adopt(own, wrap);
    prompt.map(wrap)
}

fn idle_prompt_own<'a>(d: &mut Draw<Message>, seconds: i64) -> El<'a, Message> {
    let sizes = d.sizes();
    let countdown = d.t_args("idle-countdown", &[("seconds", seconds.into())]);
    d.heard(&d.t("idle-title"));
    d.heard(&countdown);
    if d.speaking() {
        d.heard(&d.t("speech-idle-enter"));
    }
    let more = d
        .labelled(
            d.t("idle-more"),
            Message::Go(Event::MoreTime),
            ButtonKind::Primary,
        )
        .into();
    let end = d
        .labelled(
            d.t("idle-end"),
            Message::Go(Event::Cancel),
            ButtonKind::Secondary,
        )
        .into();
    let content = column![
        d.txt(d.t("idle-title"), sizes.title).font(fonts::BOLD),
        text(seconds.to_string())
            .size(sizes.countdown)
            .font(fonts::BOLD),
        d.txt(countdown, sizes.body),
        d.look().dir_row(vec![more, end]),
    ]
    .spacing(theme::gap::SECTION)
    .align_x(Alignment::Center);
    d.look().modal(content)
}

/// "Start over?": what would be lost, and the way back to it first.
fn start_over_prompt<'a, M: Msg>(d: &mut Draw<M>, wrap: fn(Message) -> M) -> El<'a, M> {
    let mut own = d.part::<Message>();
    let sizes = own.sizes();
    own.heard(&own.t("start-over-title"));
    own.heard(&own.t("start-over-body"));
    let keep = own
        .labelled(
            own.t("start-over-keep"),
            Message::KeepGoing,
            ButtonKind::Primary,
        )
        .into();
    let confirm = own
        .labelled(
            own.t("start-over-confirm"),
            Message::Go(Event::Cancel),
            ButtonKind::Secondary,
        )
        .into();
    let content = column![
        own.txt(own.t("start-over-title"), sizes.title)
            .font(fonts::BOLD),
        own.txt(own.t("start-over-body"), sizes.body),
        own.look()
            .dir_row(vec![keep, confirm])
            .spacing(theme::gap::MODAL),
    ]
    .spacing(theme::gap::WIDE)
    .align_x(Alignment::Center);
    let prompt = own.look().modal(content);
    d.adopt(own, wrap);
    prompt.map(wrap)
}
