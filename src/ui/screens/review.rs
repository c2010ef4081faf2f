//! Review: the whole check-in on one screen before it is committed.

use crate::checkin::{Engine, Event};
use crate::domain::PassengerType;
use crate::ui::draw::{Draw, El, Tap, passenger};
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fonts;
use crate::ui::theme::{self, PanelKind};

/// What the passenger can do here: the engine's events.
pub type Message = Tap;
use iced::widget::{Space, column, text};

/// Review keeps nothing of its own: the check-in is the engine's.
#[derive(Debug, Default)]
pub struct State;

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let mut content = column![d.title(d.t("review-title"))].spacing(theme::gap::ITEMS);
        for (i, leg) in booking.legs.iter().enumerate() {
            let id = if i == 0 {
                "greeting-flight"
            } else {
                "greeting-connection"
            };
            content = content.push(d.body(d.t_args(
                id,
                &[
                    ("flight", leg.designator().into()),
                    ("destination", d.city(&leg.destination).into()),
                    ("time", d.when(leg.departure, leg.origin.time_zone).into()),
                ],
            )));
        }
        let bag_passengers = engine.bag_passengers();
        for id in &s.selected {
            let Some(p) = passenger(engine.session(), *id) else {
                continue;
            };
            let seats: Vec<String> = p
                .legs
                .iter()
                .filter(|_| p.needs_seat())
                .map(|l| match l.seat {
                    Some(seat) => d.t_args("review-seat", &[("seat", seat.to_string().into())]),
                    None => d.t("review-no-seat"),
                })
                .collect();
            let bags = s.bags.get(id).copied().unwrap_or(0);
            let mut facts = seats;
            if p.kind == PassengerType::Infant {
                let adult = p
                    .lap_of
                    .and_then(|a| passenger(engine.session(), a))
                    .map(|a| a.name.first_name())
                    .unwrap_or_default();
                facts.push(d.t_args("greeting-infant", &[("adult", adult.into())]));
            }
            // An infant with an allowance of its own may check bags (they are tagged and
            // printed): Review says so as it does for everyone else.
            if p.kind != PassengerType::Infant || bag_passengers.contains(id) {
                facts.push(d.t_args("review-bags", &[("count", bags.into())]));
            }
            // Each fact is a text of its own: joined, a seat number and a bag count would run
            // together the wrong way round in a right-to-left line.
            // Speech says the passenger and their facts as one line.
            d.heard(&format!("{}: {}", p.name.display(), facts.join(", ")));
            let mut row: Vec<El<'a, Message>> = vec![
                d.look()
                    .para(text(p.name.display()).size(sizes.button).font(fonts::BOLD)),
            ];
            row.extend(facts.into_iter().map(|f| d.txt(f, sizes.body).into()));
            content = content.push(d.look().panel(
                d.look().dir_row(row).spacing(theme::gap::COLUMNS),
                PanelKind::Card,
            ));
        }
        // At a bag drop what comes out is bag tags, and nothing is checked in.
        let confirm = if engine.reprints_here() {
            "review-confirm"
        } else {
            "review-confirm-tags"
        };
        let action = d.next_button(d.t(confirm), Message::Go(Event::ConfirmReview));
        d.with_action(engine.session(), content, action)
    }
}
