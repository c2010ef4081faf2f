//! Review: the whole check-in on one screen before it is committed.

use crate::checkin::Event;
use crate::domain::PassengerType;
use crate::ui::theme::{self, PanelKind};
use crate::ui::{El, Kiosk, Message, fonts};
use iced::widget::{Space, column, text};

impl Kiosk {
    pub(in crate::ui) fn review(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let mut content = column![self.title(self.t("review-title"))].spacing(theme::gap::ITEMS);
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
                        self.when(leg.departure, leg.origin.time_zone).into(),
                    ),
                ],
            )));
        }
        let bag_passengers = self.engine.bag_passengers();
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
            }
            // An infant with an allowance of its own may check bags (they are tagged and
            // printed): Review says so as it does for everyone else.
            if p.kind != PassengerType::Infant || bag_passengers.contains(id) {
                facts.push(self.t_args("review-bags", &[("count", bags.into())]));
            }
            // Each fact is a text of its own: joined, a seat number and a bag count would run
            // together the wrong way round in a right-to-left line.
            // Speech says the passenger and their facts as one line.
            self.heard(&format!("{}: {}", p.name.display(), facts.join(", ")));
            let mut row: Vec<El<'_>> =
                vec![self.para(text(p.name.display()).size(sizes.button).font(fonts::BOLD))];
            row.extend(facts.into_iter().map(|f| self.txt(f, sizes.body).into()));
            content = content.push(self.panel(
                self.dir_row(row).spacing(theme::gap::COLUMNS),
                PanelKind::Card,
            ));
        }
        self.with_action(
            content,
            self.next_button(
                self.t("review-confirm"),
                Message::Engine(Event::ConfirmReview),
            ),
        )
    }
}
