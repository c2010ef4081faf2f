//! Goodbye: where to go next, and when.

use crate::checkin::Event;
use crate::ui::theme;
use crate::ui::{El, Kiosk, Message, fonts};
use iced::widget::{Space, column, qr_code};

impl Kiosk {
    pub(in crate::ui) fn goodbye(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let name = self.greeted().unwrap_or_default();
        let mut content = column![
            self.title(self.t_args("goodbye-title", &[("name", name.into())])),
            self.body(self.take_printed()),
        ]
        .spacing(theme::gap::BLOCK);
        if let Some(leg) = booking.legs.first() {
            let time = self.when(leg.boarding, leg.origin.time_zone);
            let line = match &leg.gate {
                Some(gate) => self.t_args(
                    "goodbye-gate",
                    &[("gate", gate.clone().into()), ("time", time.into())],
                ),
                None => self.t_args("goodbye-gate-later", &[("time", time.into())]),
            };
            content = content.push(self.para(self.said(line, sizes.title).font(fonts::BOLD)));
            // Speech reads out each boarding pass (the screen shows them in the passenger's
            // hand).
            if self.speaking() {
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
                    self.heard(&self.t_args(
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
}
