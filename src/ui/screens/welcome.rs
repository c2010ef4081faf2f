//! Welcome: the airline greets, the passenger picks a language (or scans straight away).

use crate::checkin::{Engine, Event};
use crate::i18n::Direction;
use crate::ui::draw::*;
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fit::FirstThatFits;
use crate::ui::fonts;
use crate::ui::pictures::WELCOME_HIGH;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use iced::widget::{Column, Space, button, column, container, text};
use iced::{Alignment, Length};

/// A language button on Welcome.
const LANGUAGE_WIDE: f32 = 220.0;

/// What the passenger can do on Welcome.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A language button: the check-in starts in that language.
    Language(String),
    /// "Touch to start", in the language shown.
    Start,
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// Welcome's own: the language it shows (the operator's default until a passenger picks one).
#[derive(Debug, Default)]
pub struct State {
    pub locale: String,
}

impl State {
    pub fn new(locale: String) -> State {
        State { locale }
    }
}

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, entry: &Entry) -> Self {
        State::new(entry.welcome_locale.clone())
    }

    fn update(&mut self, message: Message, _: &Engine) -> Outcome {
        match message {
            Message::Language(locale) => {
                self.locale = locale.clone();
                Outcome::Start(locale)
            }
            Message::Start => Outcome::Start(self.locale.clone()),
            Message::Go(event) => Outcome::Engine(event),
            Message::Scrolled => Outcome::None,
        }
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        // An operator's longer welcome (three lines of Urdu) must not push the languages
        // under the bottom bar: tighter versions are drawn from the same words, and the room
        // takes the first that fits. Each is drawn with its own draw beginning where this
        // one does (its buttons have the same places in the focus order); only the roomiest
        // is recorded for speech and keys, and their buttons and words are the same.
        let tighter: Vec<Tight> = [Tight::Compact, Tight::Smallest, Tight::Bare]
            .into_iter()
            .filter(|t| !(d.compact() && *t == Tight::Compact))
            .collect();
        let mut spares: Vec<Draw<Message>> = tighter.iter().map(|_| d.part()).collect();
        let first = self.version(scene, d, Tight::AsDrawn);
        let mut versions = vec![first];
        for (tight, spare) in tighter.into_iter().zip(spares.iter_mut()) {
            versions.push(self.version(scene, spare, tight));
        }
        FirstThatFits::new(versions).into()
    }
}

/// How tightly Welcome is drawn: as the panel's size asks, with the small panel's gaps, with
/// those and the operator's subtitle in small letters too, or at last without the subtitle
/// (speech still says it): the languages are what a passenger cannot do without.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tight {
    AsDrawn,
    Compact,
    Smallest,
    Bare,
}

impl State {
    fn version<'a>(
        &'a self,
        scene: Scene<'a>,
        d: &mut Draw<Message>,
        tight: Tight,
    ) -> El<'a, Message> {
        let Scene { engine, brand } = scene;
        let sizes = d.sizes();
        let compact = d.compact() || tight != Tight::AsDrawn;
        let mut buttons: Vec<El<'a, Message>> = Vec::new();
        for locale in &brand.locales {
            let kind = if *locale == self.locale {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            buttons.push(
                d.act(
                    container(
                        text(d.messages().get(locale, "language-name", &[]))
                            .size(sizes.button + 4.0)
                            .line_height(theme::RTL_LINE),
                    )
                    .center_x(Length::Fill)
                    .into(),
                    Message::Language(locale.clone()),
                    kind,
                    language_name(d, locale),
                )
                .width(Length::Fixed(LANGUAGE_WIDE))
                .padding(if compact { [6, 20] } else { [12, 20] })
                .into(),
            );
        }
        // Five to a line (fewer on a narrow screen), each line centred and in reading order
        // (right to left in Urdu and Arabic, the operator's first language first).
        let room = d.room().width - 2.0 * PAGE_SIDE;
        let per_line = (((room + theme::gap::BLOCK) / (LANGUAGE_WIDE + theme::gap::BLOCK))
            as usize)
            .clamp(1, 5);
        let mut lines = Column::new()
            .spacing(if compact {
                theme::gap::ROW
            } else {
                theme::gap::BLOCK
            })
            .align_x(Alignment::Center);
        let mut buttons = buttons.into_iter().peekable();
        while buttons.peek().is_some() {
            let line: Vec<El<'a, Message>> = buttons.by_ref().take(per_line).collect();
            lines = lines.push(d.look().dir_row(line));
        }
        // The operator's welcome image takes the room left above the title, at most 220 px
        // high: the languages stay in view on a small screen.
        let picture = brand.pictures.welcome_filling(&self.locale, WELCOME_HIGH);
        // Without one, the content sits in the middle of the room; spare room is all that
        // shrinks on a small screen.
        let has_picture = picture.is_some();
        let gap = || -> El<'a, Message> {
            if has_picture {
                Space::new().height(Length::Fixed(theme::gap::SMALL)).into()
            } else {
                Space::new().height(Length::Fill).into()
            }
        };
        let words = d.hear(d.t("welcome-subtitle"));
        let subtitle: El<'a, Message> = if tight == Tight::Bare {
            Space::new().into()
        } else {
            text(words)
                .size(if tight == Tight::Smallest {
                    sizes.small
                } else {
                    sizes.body
                })
                .line_height(theme::LINE)
                .align_x(d.text_centre())
                .into()
        };
        let mut content = column![
            gap(),
            // The picture gives way to the words and the languages (down to nothing): a
            // version is measured without it.
            picture.map_or_else(
                || -> El<'a, Message> { Space::new().into() },
                |p| FirstThatFits::giving_way(p).into()
            ),
            text(d.hear(d.t_args(
                "welcome-title",
                &[("airline", brand.airline.clone().into())]
            )))
            .size(sizes.welcome)
            .font(fonts::BOLD)
            .line_height(theme::LINE)
            // Centred line by line when it wraps (a portrait panel): it sat to the left.
            .align_x(d.text_centre()),
            subtitle,
            Space::new().height(Length::Fixed(if compact {
                theme::gap::TIGHT
            } else {
                theme::gap::WIDE
            })),
        ]
        .spacing(if compact {
            theme::gap::SMALL
        } else {
            theme::gap::ROW
        })
        .align_x(Alignment::Center);
        if let Some(closed) = engine
            .closed()
            .map(|_| "kiosk-closed")
            .or(engine.out_of_service().map(|_| "out-of-service"))
        {
            content = content.push(
                d.look().panel(
                    text(d.hear(d.t(closed)))
                        .size(sizes.title)
                        .line_height(theme::LINE),
                    PanelKind::Notice,
                ),
            );
        } else {
            // An arrow after the words, in reading order, as on every button that moves on
            // (it also makes the first screen load the vector icons, so the first tap does
            // not wait for that).
            let size = sizes.title - 2.0;
            let arrow = if d.direction() == Direction::RightToLeft {
                ARROW_BACK
            } else {
                ARROW_FORWARD
            };
            let color = theme::button(
                &d.palette(),
                ButtonKind::Primary,
                false,
                button::Status::Active,
            )
            .text_color;
            let words: El<'a, Message> = text(d.t("welcome-start"))
                .size(size)
                .font(fonts::BOLD)
                .line_height(theme::LINE)
                .align_x(d.text_centre())
                .into();
            content = content.push(
                d.act(
                    container(d.look().dir_row(vec![words, icon(arrow, size, color)]))
                        .center_x(Length::Fill)
                        .into(),
                    Message::Start,
                    ButtonKind::Primary,
                    d.t("welcome-start"),
                )
                .width(Length::Fixed(760.0_f32.min(room)))
                .padding(if compact { [12, 32] } else { [22, 32] }),
            );
        }
        content = content
            .push(Space::new().height(Length::Fixed(if compact {
                theme::gap::SMALL
            } else {
                theme::gap::WIDE
            })))
            .push(text(d.hear(d.t("welcome-language"))).size(sizes.body))
            .push(lines)
            .push(gap())
            .height(Length::Fill);
        container(content).center_x(Length::Fill).into()
    }
}

/// A language button's name for speech: its own name (said in its own voice), then what it is
/// in the language spoken now.
fn language_name(d: &Draw<Message>, locale: &str) -> String {
    let own = d.messages().get(locale, "language-name", &[]);
    let code = locale.split(['-', '_']).next().unwrap_or(locale);
    let id = format!("speech-language-{code}");
    if locale == d.locale() || !d.messages().has(d.locale(), &id) {
        own
    } else {
        format!("{own}, {}", d.t(&id))
    }
}
