//! Goodbye: where to go next, and when.

use crate::checkin::{Engine, Event};
use crate::ui::draw::{Draw, El, PhoneCodes, Tap, greeted, take_printed};
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::{fonts, theme};
use iced::widget::{Space, column, qr_code};

/// What the passenger can do here: the engine's events.
pub type Message = Tap;

/// Goodbye keeps the QR codes of the passes on a phone, once they come.
#[derive(Debug, Default)]
pub struct State {
    phone: PhoneCodes,
}

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State::default()
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let Scene { engine, brand } = scene;
        let s = engine.session();
        let sizes = d.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let name = greeted(engine.session()).unwrap_or_default();
        let mut content = column![
            d.title(d.t_args("goodbye-title", &[("name", name.into())])),
            d.body(take_printed(d, s)),
        ]
        .spacing(theme::gap::BLOCK);
        if let Some(leg) = booking.legs.first() {
            let time = d.when(leg.boarding, leg.origin.time_zone);
            let line = match &leg.gate {
                Some(gate) => d.t_args(
                    "goodbye-gate",
                    &[("gate", gate.clone().into()), ("time", time.into())],
                ),
                None => d.t_args("goodbye-gate-later", &[("time", time.into())]),
            };
            let line = d.said(line, sizes.title).font(fonts::BOLD);
            content = content.push(d.look().para(line));
            // Speech reads out each boarding pass (the screen shows them in the passenger's
            // hand).
            if d.speaking() {
                let flight = format!("{}{}", leg.carrier, leg.number);
                for p in booking
                    .passengers
                    .iter()
                    .filter(|p| s.selected.contains(&p.id))
                {
                    let seat = p
                        .legs
                        .first()
                        .and_then(|l| l.seat)
                        .map(|seat| seat.to_string())
                        .unwrap_or_default();
                    d.heard(&d.t_args(
                        "speech-pass",
                        &[
                            ("name", p.name.display().into()),
                            ("flight", flight.clone().into()),
                            ("seat", seat.into()),
                        ],
                    ));
                }
            }
        }
        if s.checked_in.iter().any(|c| !c.bag_tags.is_empty()) {
            content = content.push(d.body(d.t("goodbye-bags")));
        }
        if let Some(codes) = self.phone.get(s) {
            content = content.push(d.phone_codes(s, codes));
        }
        if s.feedback.is_some_and(|score| score >= 4)
            && let Some(qr) = &brand.review
        {
            content = content.push(d.look().dir_row(vec![
                qr_code(qr).cell_size(6).into(),
                d.body(d.t("feedback-review")),
            ]));
        }
        let action = d.next_button(d.t("goodbye-done"), Message::Go(Event::Finish));
        d.with_action(engine.session(), content, action)
    }
}
