//! Bags: how many bags each passenger checks, within the allowance.

use crate::checkin::{Engine, Event};
use crate::domain::PassengerId;
use crate::ui::draw::{Draw, El, Outcome, greeted, passenger};
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fonts;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use iced::Length;
use iced::widget::{column, container, text};

/// The most bags the counter goes to (more than any allowance: bags over it go to staff).
const MOST: u8 = 9;

/// What the passenger can do on Bags.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// One more (+1) or one fewer (-1) bag for a passenger.
    Change(PassengerId, i8),
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// Bags keeps nothing of its own: the counts are the engine's.
#[derive(Debug, Default)]
pub struct State;

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State
    }

    fn update(&mut self, message: Message, engine: &Engine) -> Outcome {
        match message {
            Message::Change(passenger, delta) => {
                let count = engine.session().bags.get(&passenger).copied().unwrap_or(0);
                let count = (count as i16 + delta as i16).clamp(0, MOST as i16) as u8;
                Outcome::Engine(Event::SetBags { passenger, count })
            }
            Message::Go(event) => Outcome::Engine(event),
            Message::Scrolled => Outcome::None,
        }
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let mut content = column![].spacing(theme::gap::BLOCK);
        // The expert's way passed Greeting over: the greeting is here.
        if s.express {
            let first = greeted(s).unwrap_or_default();
            content = content.push(d.body(d.t_args("greeting-hello", &[("name", first.into())])));
        }
        content = content
            .push(d.title(d.t("bags-title")))
            .push(d.body(d.t("bags-hint")));
        for id in &engine.bag_passengers() {
            let Some(p) = passenger(engine.session(), *id) else {
                continue;
            };
            let count = s.bags.get(id).copied().unwrap_or(0);
            // Bags tagged at an earlier visit stay checked: the counter starts from them and
            // does not go below them (staff take a bag off, at the desk).
            let checked = engine.bags_checked(*id);
            let mut who = column![
                text(p.name.display()).size(sizes.button).font(fonts::BOLD),
                d.txt(
                    d.t_args("bags-allowance", &[("count", p.baggage_allowance.into())]),
                    sizes.body
                ),
            ];
            if checked > 0 {
                who = who.push(d.txt(
                    d.t_args("bags-already-checked", &[("count", checked.into())]),
                    sizes.body,
                ));
            }
            let name = p.name.display();
            let fewer = d.t_args("speech-bag-fewer", &[("name", name.clone().into())]);
            let more = d.t_args("speech-bag-more", &[("name", name.into())]);
            let minus: El<'a, Message> = d
                .act_if(
                    count > checked,
                    container(text("–").size(sizes.stepper).font(fonts::BOLD))
                        .center(Length::Fixed(sizes.stepper_box))
                        .into(),
                    Message::Change(*id, -1),
                    ButtonKind::Secondary,
                    fewer,
                )
                .into();
            let shown: El<'a, Message> = container(
                d.txt(
                    d.t_args("bags-count", &[("count", count.into())]),
                    sizes.title,
                )
                .font(fonts::BOLD),
            )
            .center_x(Length::Fixed(sizes.count_wide))
            .into();
            let plus: El<'a, Message> = d
                .act_if(
                    count < MOST,
                    container(text("+").size(sizes.stepper).font(fonts::BOLD))
                        .center(Length::Fixed(sizes.stepper_box))
                        .into(),
                    Message::Change(*id, 1),
                    ButtonKind::Secondary,
                    more,
                )
                .into();
            let who = who.width(Length::Fill).align_x(d.start());
            // A narrow (portrait) panel has no room for the name beside the counter (the
            // name was cut and the allowance broke a word a line): the counter goes below.
            let row: El<'a, Message> = if d.narrow() {
                column![
                    who,
                    container(d.look().dir_row(vec![minus, shown, plus])).center_x(Length::Fill),
                ]
                .spacing(theme::gap::ROW)
                .into()
            } else {
                d.look()
                    .dir_row(vec![who.into(), minus, shown, plus])
                    .into()
            };
            content = content.push(d.look().panel(row, PanelKind::Card));
        }
        let action = d.next_button(d.t("continue"), Message::Go(Event::ConfirmBags));
        d.with_action(engine.session(), content, action)
    }
}
