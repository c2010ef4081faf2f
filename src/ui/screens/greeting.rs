//! Greeting: the passenger is greeted by name and sees the party and the journey.

use crate::checkin::{Engine, Event};
use crate::domain::PassengerType;
use crate::ui::draw::*;
use crate::ui::fonts;
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use fluent_bundle::FluentValue;
use iced::Length;
use iced::widget::{Column, Space, button, column, container, text};

/// What the passenger can do on Greeting.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Take up the language offered after a passport scan.
    SwitchLanguage(String),
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// Greeting's own: the language offered to a passport's holder (the language of their
/// nationality, when the kiosk offers it and it is not the screen's), and the screen Back
/// returns to as it was left (`Back`: Identify's state, which Greeting does not look into).
#[derive(Debug)]
pub struct State<Back> {
    pub offer: Option<String>,
    pub back: Option<Back>,
}

impl<Back: std::fmt::Debug> Part for State<Back> {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State {
            offer: None,
            back: None,
        }
    }

    fn update(&mut self, message: Message, _: &Engine) -> Outcome {
        match message {
            Message::SwitchLanguage(locale) => {
                self.offer = None;
                Outcome::Language(locale)
            }
            Message::Go(event) => Outcome::Engine(event),
            Message::Scrolled => Outcome::None,
        }
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let first = greeted(engine.session()).unwrap_or_default();
        let mut content = column![d.title(d.t_args("greeting-hello", &[("name", first.into())]))]
            .spacing(theme::gap::ITEMS);
        // The passport says where its holder is from: offer their language, in that language.
        if let Some(locale) = &self.offer {
            let name = d.messages().get(locale, "language-name", &[]);
            let question = crate::i18n::directed(
                locale,
                d.messages().get(
                    locale,
                    "offer-language",
                    &[("language", name.clone().into())],
                ),
            );
            content = content.push(d.look().panel(
                d.look().dir_row(vec![
                    text(question)
                        .size(sizes.body)
                        .line_height(theme::RTL_LINE)
                        .width(Length::Fill)
                        .into(),
                    d.labelled(
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
                ("destination", d.city(&leg.destination).into()),
                ("time", d.when(leg.departure, leg.origin.time_zone).into()),
            ];
            let id = if i == 0 {
                "greeting-flight"
            } else {
                "greeting-connection"
            };
            content = content.push(d.body(d.t_args(id, &args)));
        }
        let select = d.said(d.t("greeting-select"), sizes.body).font(fonts::BOLD);
        content = content.push(d.look().para(select));
        let mut list = Column::new().spacing(theme::gap::ROW);
        for p in &booking.passengers {
            let chosen = s.selected.contains(&p.id);
            let kind = if chosen {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            let mark_color =
                theme::button(&d.palette(), kind, false, button::Status::Active).text_color;
            let mark: El<'a, Message> = if chosen {
                icon(CHECK, sizes.mark, mark_color)
            } else {
                Space::new().width(Length::Fixed(sizes.mark)).into()
            };
            let mut detail = Vec::new();
            match p.kind {
                PassengerType::Child => detail.push(d.t("greeting-child")),
                PassengerType::Infant => {
                    let adult = p
                        .lap_of
                        .and_then(|a| booking.passenger(a))
                        .map(|a| a.name.first_name())
                        .unwrap_or_default();
                    detail.push(d.t_args("greeting-infant", &[("adult", adult.into())]));
                }
                PassengerType::Adult => {}
            }
            if p.legs.first().is_some_and(|l| l.checked_in.is_some()) {
                detail.push(d.t("greeting-checked-in"));
            }
            let line = d.look().dir_row(vec![
                container(mark)
                    .width(Length::Fixed(sizes.mark + theme::gap::SMALL))
                    .into(),
                text(p.name.display())
                    .size(sizes.button)
                    .font(fonts::BOLD)
                    .into(),
                d.txt(detail.join(" · "), sizes.small).into(),
            ]);
            list = list.push(
                d.act(
                    container(line)
                        .width(Length::Fill)
                        .align_x(d.start())
                        .into(),
                    Message::Go(Event::TogglePassenger(p.id)),
                    kind,
                    p.name.display(),
                )
                .width(Length::Fill)
                .padding([14, 20]),
            );
        }
        content = content.push(list);
        let action = d.next_button(d.t("continue"), Message::Go(Event::ConfirmPassengers));
        d.with_action(engine.session(), content, action)
    }
}
