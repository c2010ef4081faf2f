//! How every view is drawn: a [`Draw`] carries what a view needs to know of the screen (its
//! language, colours, sizes, room, the clock, whether speech is on, where the keyboard's focus
//! is) and records, as the view builds its buttons and lines, what the keyboard and speech
//! need of them: each button in focus order with its spoken name and state, and each line the
//! screen says. The view hands that [`Record`] back with its element; nothing else is written
//! while drawing. Every row that has a reading direction goes through [`Draw::dir_row`], which
//! reverses it for right-to-left languages.

use super::fonts;
use super::theme::{self, ButtonKind, Palette, PanelKind, Sizes};
use crate::checkin::{Event, HelpState, Session};
use crate::domain::{Passenger, Timestamp};
use crate::i18n::{Direction, Messages};
use fluent_bundle::FluentValue;
use iced::widget::{Button, Row, Space, button, column, container, qr_code, scrollable, svg, text};
use iced::{Alignment, Length};
use std::cell::RefCell;

pub type El<'a, M> = iced::Element<'a, M>;

pub const ARROW_FORWARD: &[u8] = include_bytes!("../../assets/pictograms/arrow.svg");
pub const ARROW_BACK: &[u8] = include_bytes!("../../assets/pictograms/arrow-back.svg");
pub const CHECK: &[u8] = include_bytes!("../../assets/pictograms/check.svg");

/// The room left and right of every screen's content.
pub const PAGE_SIDE: f32 = theme::gap::PAGE;
/// On a portrait panel the screens take this much height at the bottom (a 1080x1920 panel, 800x1422
/// units, leaves ~250 above them).
pub const PORTRAIT_BODY: f32 = 1000.0;
/// The top and bottom bars together, about.
pub const BARS_HIGH: f32 = 170.0;
/// The room a scrolling screen keeps beside its content (mostly for the scroll bar).
pub const SCROLL_SIDES: f32 = 32.0;
/// On a narrow screen, the line Back and Start over take above Help, about.
pub const CORNERS_HIGH: f32 = 90.0;
/// Screens narrower than this (portrait panels) stack what sits side by side on a wide one.
pub const NARROW_BELOW: f32 = 1000.0;
/// The room a [`Draw::labelled`] button's padding and border take beside its words.
pub const BUTTON_PADDING: f32 = 2.0 * 28.0 + 4.0;

/// How wide `label` is in bold at `size` px, measured with the screen's own fonts.
pub fn label_width(label: &str, size: f32) -> f32 {
    use crate::text::{Weight, shape};
    shape(label, Weight::Bold)
        .iter()
        .map(|r| r.width(size))
        .sum()
}

/// `at` in `tz` as the passenger reads it: "03:20" on the day it is now there, else with its
/// day ("03:20, 6 December", in `locale`).
pub fn time_with_day(
    messages: &Messages,
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

/// The first name the screens greet: an adult's, the first selected (the person at the
/// kiosk checks in with the party), else the booking's first adult; a child only on a
/// booking without an adult. (Selecting only the 7-year-old greeted her by name.)
pub fn greeted(s: &Session) -> Option<String> {
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

/// What every part's messages can say besides their own: a button that stands for an engine
/// event (Help's Cancel, say), and a scroll (the whole frame is drawn afresh after one).
pub trait Msg: Clone + std::fmt::Debug + 'static {
    fn engine(event: Event) -> Self;
    fn scrolled() -> Self;
    /// One every part has (an engine event, a scroll), or the part's own.
    fn common(self) -> Result<Tap, Self> {
        Err(self)
    }
}

/// What to take from the printer: the boarding passes, and the bag tags when there are bags.
pub fn take_printed<M: Clone>(d: &Draw<M>, s: &Session) -> String {
    let bags = s.checked_in.iter().any(|c| !c.bag_tags.is_empty());
    d.t(if bags {
        "feedback-take-bags"
    } else {
        "feedback-take"
    })
}

/// What the operator shows on the screens: the airline's name, the languages offered (in the
/// operator's order), its pictures and its review link.
pub struct Brand {
    pub airline: String,
    pub locales: Vec<String>,
    pub pictures: super::pictures::Pictures,
    pub review: Option<iced::widget::qr_code::Data>,
}

/// The QR codes of the session's links to boarding passes on a phone, made once, when the
/// links have come (a screen keeps them: a QR is not encoded afresh for every frame).
#[derive(Debug, Default)]
pub struct PhoneCodes(std::cell::OnceCell<Vec<(crate::domain::PassengerId, qr_code::Data)>>);

impl PhoneCodes {
    pub fn get(&self, s: &Session) -> Option<&[(crate::domain::PassengerId, qr_code::Data)]> {
        if s.phone_links.is_empty() {
            return None;
        }
        let codes = self.0.get_or_init(|| {
            s.phone_links
                .iter()
                .filter_map(|l| Some((l.passenger, same_size_code(&l.url)?)))
                .collect()
        });
        (!codes.is_empty()).then_some(codes.as_slice())
    }
}

/// A QR code of the smallest version from 5 that holds `url` (ECC medium): the party's codes,
/// their links all as long, come out the same size (the encoder's own choice of segments made
/// one of four a size larger).
fn same_size_code(url: &str) -> Option<qr_code::Data> {
    (5..=20)
        .find_map(|v| {
            qr_code::Data::with_version(
                url,
                qr_code::Version::Normal(v),
                qr_code::ErrorCorrection::Medium,
            )
            .ok()
        })
        .or_else(|| qr_code::Data::new(url).ok())
}

/// A passenger of the session's booking.
pub fn passenger(s: &Session, id: crate::domain::PassengerId) -> Option<&Passenger> {
    s.booking.as_ref()?.passenger(id)
}

/// [`Msg`] for a message enum with the two variants every part has: `Go(Event)`, a button
/// that stands for an engine event, and `Scrolled`.
macro_rules! common_taps {
    ($message:ty) => {
        impl $crate::ui::draw::Msg for $message {
            fn engine(event: $crate::checkin::Event) -> Self {
                Self::Go(event)
            }
            fn scrolled() -> Self {
                Self::Scrolled
            }
            #[allow(unreachable_patterns)] // Tap has nothing else
            fn common(self) -> Result<$crate::ui::draw::Tap, Self> {
                match self {
                    Self::Go(event) => Ok($crate::ui::draw::Tap::Go(event)),
                    Self::Scrolled => Ok($crate::ui::draw::Tap::Scrolled),
                    own => Err(own),
                }
            }
        }
    };
}
pub(crate) use common_taps;

/// The messages of a screen whose buttons all stand for engine events.
#[derive(Debug, Clone, PartialEq)]
pub enum Tap {
    Go(Event),
    Scrolled,
}

common_taps!(Tap);

impl Tap {
    /// What the kiosk does with it: the engine hears the event.
    pub fn outcome(self) -> Outcome {
        match self {
            Tap::Go(event) => Outcome::Engine(event),
            Tap::Scrolled => Outcome::None,
        }
    }
}

/// What a view is drawn for: the screen's language and looks, its room and time.
#[derive(Clone)]
pub struct Context {
    pub messages: &'static Messages,
    pub locale: String,
    pub palette: Palette,
    pub sizes: Sizes,
    /// The room the screens are laid out in, in the kiosk's units.
    pub room: iced::Size,
    /// A short screen: the compact sizes.
    pub compact: bool,
    pub now: Timestamp,
    /// Speech mode is on: the view also records what speech says of it.
    pub speaking: bool,
    /// The button the keyboard's focus is on, in focus order.
    pub focus: Option<usize>,
}

/// A button as the keyboard reaches it and speech names it.
#[derive(Debug, Clone)]
pub struct Named<M> {
    /// What Enter (or a tap) on it does.
    pub message: M,
    /// Its words, as speech says them.
    pub label: String,
    /// The one chosen (a tab, a seat, a language).
    pub selected: bool,
    /// The one thing to do next: where the focus starts on a new screen in speech mode.
    pub primary: bool,
    /// There, but nothing to do now (said as unavailable; Enter on it does nothing).
    pub disabled: bool,
}

/// What a view made besides its element: its buttons in focus order, what it says, the
/// spoken forms of its texts, and whether it placed Help's banner itself.
#[derive(Debug, Clone)]
pub struct Record<M> {
    pub buttons: Vec<Named<M>>,
    pub heard: Vec<String>,
    /// Texts that have a spoken form (`.speech`), with that form: said instead.
    pub spoken: Vec<(String, String)>,
    /// The view placed Help's banner inside the screen, above its main button
    /// ([`Draw::with_action`]), not above the bottom bar.
    pub banner_placed: bool,
}

impl<M> Default for Record<M> {
    fn default() -> Self {
        Record {
            buttons: Vec::new(),
            heard: Vec::new(),
            spoken: Vec::new(),
            banner_placed: false,
        }
    }
}

impl<M> Record<M> {
    /// The button the focus is on, if it may be pressed now.
    pub fn enabled(&self, focus: Option<usize>) -> Option<&M> {
        let named = self.buttons.get(focus?)?;
        (!named.disabled).then_some(&named.message)
    }
}

/// Help's banner, as the engine's account of the request has it: its title, the request's
/// state, whether it may still be cancelled, and whether nobody could be told.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpWords {
    pub title: String,
    pub status: String,
    pub open: bool,
    pub unreachable: bool,
}

/// What a screen's update asks of the kiosk.
#[derive(Debug, Default)]
pub enum Outcome {
    /// Nothing beyond the screen's own state.
    #[default]
    None,
    /// An event for the engine.
    Engine(Event),
    /// A tap the screen handled itself (still a tap: counted, and keeping the idle prompt
    /// away).
    Touched,
    /// A key typed into a field (speech echoes it).
    Typed(crate::ui::input::KeyPress),
    /// The check-in starts in this language (Welcome).
    Start(String),
    /// The passenger takes up another language (Greeting's offer).
    Language(String),
    /// A comment for the service metrics, then the session's end (Feedback).
    Comment(String),
}

/// A view being drawn: the [`Context`] it reads and the [`Record`] it makes.
pub struct Draw<M> {
    cx: Context,
    /// The focus index of this draw's first button (a screen is drawn after the top bar).
    offset: usize,
    record: Record<M>,
    /// Spoken forms are found as texts are looked up, which happens while drawing arguments.
    spoken: RefCell<Vec<(String, String)>>,
}

impl<M: Clone> Draw<M> {
    pub fn new(cx: Context) -> Draw<M> {
        Draw {
            cx,
            offset: 0,
            record: Record::default(),
            spoken: RefCell::new(Vec::new()),
        }
    }

    /// A draw for a part with messages of its own, its buttons after this one's.
    pub fn part<N: Clone>(&self) -> Draw<N> {
        Draw {
            cx: self.cx.clone(),
            offset: self.offset + self.record.buttons.len(),
            record: Record::default(),
            spoken: RefCell::new(Vec::new()),
        }
    }

    /// A part drawn without focus or speech (under a prompt that takes them).
    pub fn hidden<N: Clone>(&self) -> Draw<N> {
        let mut part = self.part();
        part.cx.focus = None;
        part
    }

    /// Takes in what a part recorded, its messages made this draw's.
    pub fn adopt<N: Clone>(&mut self, part: Draw<N>, wrap: impl Fn(N) -> M) {
        let record = part.finish();
        self.record
            .buttons
            .extend(record.buttons.into_iter().map(|n| Named {
                message: wrap(n.message),
                label: n.label,
                selected: n.selected,
                primary: n.primary,
                disabled: n.disabled,
            }));
        self.record.heard.extend(record.heard);
        self.record.spoken.extend(record.spoken);
        self.record.banner_placed |= record.banner_placed;
    }

    /// Forgets what was recorded so far (a prompt over the screen takes the focus and speech
    /// alone).
    pub fn forget(&mut self) {
        self.record.buttons.clear();
        self.record.heard.clear();
    }

    pub fn finish(self) -> Record<M> {
        let mut record = self.record;
        record.spoken.extend(self.spoken.into_inner());
        record
    }

    pub fn banner_placed(&self) -> bool {
        self.record.banner_placed
    }

    // ---- what the view reads ----

    pub fn messages(&self) -> &'static Messages {
        self.cx.messages
    }

    pub fn locale(&self) -> &str {
        &self.cx.locale
    }

    pub fn direction(&self) -> Direction {
        crate::i18n::direction(&self.cx.locale)
    }

    pub fn rtl(&self) -> bool {
        self.direction() == Direction::RightToLeft
    }

    pub fn palette(&self) -> Palette {
        self.cx.palette
    }

    /// What a row or a panel in the reading direction needs (see [`Look`]).
    pub fn look(&self) -> Look {
        Look {
            rtl: self.rtl(),
            palette: self.cx.palette,
        }
    }

    pub fn sizes(&self) -> Sizes {
        self.cx.sizes
    }

    pub fn room(&self) -> iced::Size {
        self.cx.room
    }

    pub fn narrow(&self) -> bool {
        self.cx.room.width < NARROW_BELOW
    }

    pub fn compact(&self) -> bool {
        self.cx.compact
    }

    pub fn now(&self) -> Timestamp {
        self.cx.now
    }

    pub fn speaking(&self) -> bool {
        self.cx.speaking
    }

    /// A message in the screen's language, as the screen shows it (its paragraph direction set
    /// by the language: [`crate::i18n::directed`]).
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let locale = self.locale();
        let shown = self.cx.messages.get(locale, id, args);
        if self.cx.speaking {
            // Its spoken form, if it has one, for speech to say instead.
            let said = self.cx.messages.speech(locale, id, args);
            if said != shown {
                self.spoken
                    .borrow_mut()
                    .push((crate::i18n::directed(locale, shown.clone()), said));
            }
        }
        crate::i18n::directed(locale, shown)
    }

    /// An airport's city in the passenger's language.
    pub fn city(&self, airport: &crate::domain::Airport) -> String {
        self.cx
            .messages
            .city(self.locale(), &airport.code, &airport.city)
    }

    /// A time the passenger acts on, in the airport's own time zone: "03:20" today there, with
    /// its day after a midnight ("03:20, 6 December"): a flight after midnight read as
    /// tonight is a missed flight.
    pub fn when(&self, at: Timestamp, tz: chrono_tz::Tz) -> String {
        time_with_day(self.cx.messages, self.locale(), at, self.cx.now, tz)
    }

    // ---- what the view records ----

    /// Records `content` as something the screen says, for speech.
    pub fn heard(&mut self, content: &str) {
        self.record.heard.push(content.to_string());
    }

    /// `content`, recorded as something the screen says.
    pub fn hear(&mut self, content: String) -> String {
        self.heard(&content);
        content
    }

    /// A button the keyboard can reach, `name` as speech says it: recorded in focus order,
    /// ringed when focused.
    pub fn act<'a>(
        &mut self,
        content: El<'a, M>,
        message: M,
        kind: ButtonKind,
        name: String,
    ) -> Button<'a, M>
    where
        M: 'a,
    {
        self.act_if(true, content, message, kind, name)
    }

    /// [`Draw::act`] for a button that does nothing now (`enabled` false): drawn faded, not
    /// pressed by a tap or by Enter, but reached by the keys like any other, so speech can say
    /// it is there and unavailable.
    pub fn act_if<'a>(
        &mut self,
        enabled: bool,
        content: El<'a, M>,
        message: M,
        kind: ButtonKind,
        name: String,
    ) -> Button<'a, M>
    where
        M: 'a,
    {
        let index = self.offset + self.record.buttons.len();
        self.record.buttons.push(Named {
            message: message.clone(),
            label: name,
            selected: kind == ButtonKind::Selected,
            primary: kind == ButtonKind::Primary,
            disabled: !enabled,
        });
        let focused = self.cx.focus == Some(index);
        let p = self.cx.palette;
        button(content)
            .on_press_maybe(enabled.then_some(message))
            .padding([10, 20])
            .style(move |_, status| theme::button(&p, kind, focused, status))
    }

    /// A button with a text label, at least one touch target high.
    pub fn labelled<'a>(&mut self, label: String, message: M, kind: ButtonKind) -> Button<'a, M>
    where
        M: 'a,
    {
        self.label_button(label, message, kind, false)
            .height(Length::Shrink)
    }

    /// [`Draw::labelled`] with a spoken name of its own (a seat says where it is).
    pub fn labelled_as<'a>(
        &mut self,
        label: String,
        message: M,
        kind: ButtonKind,
        name: String,
    ) -> Button<'a, M>
    where
        M: 'a,
    {
        let button = self.label_button(label, message, kind, false);
        if let Some(last) = self.record.buttons.last_mut() {
            last.label = name;
        }
        button.height(Length::Shrink)
    }

    /// [`Draw::labelled`] at a set width, its words in the middle in every direction (a
    /// right-to-left label sat at the left of a wide button).
    pub fn labelled_wide<'a>(
        &mut self,
        label: String,
        message: M,
        kind: ButtonKind,
        width: Length,
    ) -> Button<'a, M>
    where
        M: 'a,
    {
        self.label_button(label, message, kind, true)
            .width(width)
            .height(Length::Shrink)
    }

    /// A button of words, named for speech by them; `centred` fills the button's width with
    /// them in the middle (for a button wider than its words).
    fn label_button<'a>(
        &mut self,
        label: String,
        message: M,
        kind: ButtonKind,
        centred: bool,
    ) -> Button<'a, M>
    where
        M: 'a,
    {
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
        self.act(words.into(), message, kind, name)
            .padding([16, 28])
    }

    /// A labelled button with an arrow before or after the label in reading order (the label
    /// stays a text of its own, so it is found by its words).
    pub fn arrowed<'a>(
        &mut self,
        label: String,
        arrow: &'static [u8],
        after: bool,
        message: M,
        kind: ButtonKind,
        width: Length,
    ) -> Button<'a, M>
    where
        M: 'a,
    {
        let s = self.sizes();
        let color = theme::button(&self.cx.palette, kind, false, button::Status::Active).text_color;
        let name = label.clone();
        let label: El<'a, M> = self.txt(label, s.button).font(fonts::BOLD).into();
        let arrow = icon(arrow, s.button, color);
        let items = if after {
            vec![label, arrow]
        } else {
            vec![arrow, label]
        };
        let content = container(self.look().dir_row(items).spacing(theme::gap::ROW));
        let content = if width == Length::Shrink {
            content
        } else {
            content.center_x(Length::Fill)
        };
        self.act(content.into(), message, kind, name)
            .width(width)
            .padding([16, 28])
    }

    /// The primary button that moves on, at the end of the reading direction.
    pub fn next_button<'a>(&mut self, label: String, message: M) -> El<'a, M>
    where
        M: 'a,
    {
        let arrow = if self.rtl() {
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
            .align_x(self.end())
            .into()
    }

    // ---- layout in the reading direction ----

    /// Centred lines, where the direction allows it (iced 0.14 draws explicitly
    /// aligned right-to-left text off its box; the shaper right-aligns it by itself); a
    /// centred box does the rest.
    pub fn text_centre(&self) -> text::Alignment {
        match self.direction() {
            Direction::LeftToRight => text::Alignment::Center,
            Direction::RightToLeft => text::Alignment::Default,
        }
    }

    /// Where rows of a column start.
    pub fn start(&self) -> Alignment {
        match self.direction() {
            Direction::LeftToRight => Alignment::Start,
            Direction::RightToLeft => Alignment::End,
        }
    }

    /// Where rows of a column end (the left in Urdu and Arabic).
    pub fn end(&self) -> Alignment {
        match self.direction() {
            Direction::LeftToRight => Alignment::End,
            Direction::RightToLeft => Alignment::Start,
        }
    }

    /// Text in the screen's language (Arabic script gets the taller lines it needs).
    pub fn txt<'a>(&self, content: String, size: f32) -> text::Text<'a> {
        text(content).size(size).line_height(if self.rtl() {
            theme::RTL_LINE
        } else {
            theme::LTR_LINE
        })
    }

    /// [`Draw::txt`] for a line the screen says (speech reads it out with the screen).
    pub fn said<'a>(&mut self, content: String, size: f32) -> text::Text<'a> {
        self.heard(&content);
        self.txt(content, size)
    }

    /// A heading the screen says.
    pub fn title<'a>(&mut self, content: String) -> El<'a, M>
    where
        M: 'a,
    {
        self.heard(&content);
        self.look()
            .para(self.txt(content, self.sizes().title).font(fonts::BOLD))
    }

    /// A paragraph the screen says.
    pub fn body<'a>(&mut self, content: String) -> El<'a, M>
    where
        M: 'a,
    {
        self.heard(&content);
        self.look().para(self.txt(content, self.sizes().body))
    }

    /// The boarding passes on a phone: a QR for each passenger, named under it, and what to
    /// do with it.
    pub fn phone_codes<'a>(
        &mut self,
        s: &'a Session,
        codes: &'a [(crate::domain::PassengerId, qr_code::Data)],
    ) -> El<'a, M>
    where
        M: 'a,
    {
        let sizes = self.sizes();
        let caption = self.body(self.t("phone-pass-scan"));
        let mut cards: Vec<El<'a, M>> = codes
            .iter()
            .map(|(id, data)| {
                let name = passenger(s, *id)
                    .map(|p| p.name.display())
                    .unwrap_or_default();
                column![
                    qr_code(data).cell_size(4),
                    self.txt(name, sizes.body).font(fonts::BOLD)
                ]
                .spacing(theme::gap::TIGHT)
                .align_x(Alignment::Center)
                .into()
            })
            .collect();
        // Rows placed where lines start, in reading order: the first passenger at the top
        // right in Urdu and Arabic (a wrapping row would send them to the end of the last).
        let per_row = if self.narrow() { 3 } else { 5 };
        let mut rows = column![caption].spacing(theme::gap::ITEMS);
        while !cards.is_empty() {
            let rest = cards.split_off(per_row.min(cards.len()));
            rows = rows.push(self.look().action_row(std::mem::replace(&mut cards, rest)));
        }
        self.look().panel(rows, PanelKind::Card)
    }

    // ---- Help's banner ----

    /// Help's banner: the engine's account of the request, with Cancel while it is open.
    pub fn help_banner<'a>(&mut self, words: &HelpWords) -> El<'a, M>
    where
        M: Msg,
    {
        let sizes = self.sizes();
        self.heard(&words.title);
        self.heard(&words.status);
        let lines = column![
            self.look().para(
                self.txt(words.title.clone(), sizes.button)
                    .font(fonts::BOLD)
            ),
            self.look().para(self.txt(words.status.clone(), sizes.body)),
        ]
        .spacing(theme::gap::HAIR);
        let mut items: Vec<El<'a, M>> = vec![lines.width(Length::Fill).into()];
        if words.open {
            items.push(
                self.labelled(
                    self.t("help-cancel"),
                    M::engine(Event::CancelHelp),
                    ButtonKind::Secondary,
                )
                .into(),
            );
        }
        // Nobody is coming: in the colours of a warning, never those of good news.
        let kind = if words.unreachable {
            PanelKind::Notice
        } else {
            PanelKind::Banner
        };
        self.look().panel(self.look().dir_row(items), kind)
    }

    /// A screen: its content scrolls if it must, its main action stays in view below it.
    /// Help's banner goes between them: it takes room from the content's scroll, so neither
    /// the content nor the main button moves when it comes (on a portrait panel it pushed
    /// Continue up by its own height, under the passenger's finger).
    pub fn with_action<'a>(
        &mut self,
        s: &Session,
        content: impl Into<El<'a, M>>,
        action: El<'a, M>,
    ) -> El<'a, M>
    where
        M: Msg,
    {
        let mut screen = column![scroll(content)].spacing(theme::gap::ROW);
        if let Some(words) = help_words(self, s) {
            self.record.banner_placed = true;
            screen = screen.push(self.help_banner(&words));
        }
        screen.push(action).into()
    }
}

/// What Help's banner says: its title and the request's state; `None` when it is not shown.
/// Read from the engine's account of the request, the one every screen reads.
pub fn help_words<M: Clone>(d: &Draw<M>, s: &Session) -> Option<HelpWords> {
    let on_the_way = || d.t("help-on-the-way");
    let (title, status) = match &s.help {
        HelpState::None => return None,
        HelpState::Asked => (on_the_way(), d.t("help-queued")),
        HelpState::Delivered => (on_the_way(), d.t("help-delivered")),
        HelpState::Coming { agent } => (
            on_the_way(),
            d.t_args("help-acknowledged", &[("agent", agent.clone().into())]),
        ),
        // Nobody could be told: the banner must not say help is coming. The operator's own
        // desk name, or the check-in desk in the passenger's language.
        HelpState::Unreachable { desk, .. } if !desk.trim().is_empty() => (
            d.t("help-not-reached"),
            d.t_args("help-fallback", &[("desk", desk.clone().into())]),
        ),
        HelpState::Unreachable { .. } => (d.t("help-not-reached"), d.t("help-fallback-any-desk")),
        HelpState::Resolved => (on_the_way(), d.t("help-resolved")),
    };
    Some(HelpWords {
        title,
        status,
        open: s.help_open(),
        unreachable: matches!(s.help, HelpState::Unreachable { .. }),
    })
}

/// What laying out in the reading direction needs: a copy, taken from a [`Draw`] with
/// [`Draw::look`], so that a row can be made of buttons the draw is recording.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    rtl: bool,
    palette: Palette,
}

impl Look {
    fn direction(&self) -> Direction {
        if self.rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        }
    }

    fn start(&self) -> Alignment {
        if self.rtl {
            Alignment::End
        } else {
            Alignment::Start
        }
    }

    /// Text as wide as its box, its lines starting where the language starts them (the box,
    /// not the text, is aligned: see [`Draw::text_centre`]).
    pub fn para<'a, M: 'a>(&self, t: text::Text<'a>) -> El<'a, M> {
        match self.direction() {
            Direction::LeftToRight => t.width(Length::Fill).align_x(text::Alignment::Left).into(),
            Direction::RightToLeft => container(t)
                .width(Length::Fill)
                .align_x(Alignment::End)
                .into(),
        }
    }

    /// A row in reading order: reversed for right-to-left languages.
    pub fn dir_row<'a, M: 'a>(&self, mut items: Vec<El<'a, M>>) -> Row<'a, M> {
        if self.rtl {
            items.reverse();
        }
        Row::with_children(items)
            .spacing(theme::gap::BLOCK)
            .align_y(Alignment::Center)
    }

    /// A row of buttons placed where lines start (right for right-to-left languages).
    pub fn action_row<'a, M: 'a>(&self, items: Vec<El<'a, M>>) -> El<'a, M> {
        container(self.dir_row(items))
            .width(Length::Fill)
            .align_x(self.start())
            .into()
    }

    pub fn panel<'a, M: 'a>(&self, content: impl Into<El<'a, M>>, kind: PanelKind) -> El<'a, M> {
        let p = self.palette;
        container(content)
            .padding(theme::gap::SECTION)
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, kind))
            .into()
    }

    /// A question over the whole screen, the screen dimmed behind it.
    pub fn modal<'a, M: 'a>(&self, content: impl Into<El<'a, M>>) -> El<'a, M> {
        let p = self.palette;
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
}

/// One of our SVG icons, tinted.
pub fn icon<'a, M: 'a>(bytes: &'static [u8], size: f32, color: iced::Color) -> El<'a, M> {
    svg(svg::Handle::from_memory(bytes))
        .width(Length::Fixed(size))
        .height(Length::Fixed(size))
        .style(move |_, _| svg::Style { color: Some(color) })
        .into()
}

/// A screen's content that may be taller than the screen; the scroll bar keeps clear of
/// the text (in right-to-left languages lines start at its side).
pub fn scroll<'a, M: Msg>(content: impl Into<El<'a, M>>) -> El<'a, M> {
    scrollable(container(content).padding(iced::Padding {
        right: SCROLL_SIDES - 4.0,
        left: 4.0,
        ..Default::default()
    }))
    .on_scroll(|_| M::scrolled())
    .width(Length::Fill)
    .height(Length::Fill)
    .into()
}

/// Room that takes what is left of a row.
pub fn fill<'a, M: 'a>() -> El<'a, M> {
    Space::new().width(Length::Fill).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A departure after midnight carries its day (KHAN22's 03:20 read as tonight's); today's
    /// is the time alone; the day is the departure airport's, not the kiosk's clock's zone.
    #[test]
    fn a_time_on_another_day_carries_its_day() {
        use chrono::TimeZone;
        let m = Messages::built_in();
        let karachi: chrono_tz::Tz = "Asia/Karachi".parse().unwrap();
        let now = chrono::Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap(); // 23:00 there
        let soon = chrono::Utc
            .with_ymd_and_hms(2026, 12, 5, 18, 30, 0)
            .unwrap();
        let after_midnight = chrono::Utc
            .with_ymd_and_hms(2026, 12, 5, 22, 20, 0)
            .unwrap();
        assert_eq!(time_with_day(m, "en-US", soon, now, karachi), "23:30");
        let later = time_with_day(m, "en-US", after_midnight, now, karachi);
        assert!(later.starts_with("03:20, "), "{later}");
        assert!(later.contains('6'), "{later}");
        let urdu = time_with_day(m, "ur-PK", after_midnight, now, karachi);
        assert!(urdu.contains("دسمبر"), "{urdu}");
    }
}
