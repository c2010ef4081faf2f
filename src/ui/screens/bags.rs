//! Bags: how many bags each passenger checks, within the allowance.

use crate::checkin::Event;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::view::NARROW_BELOW;
use crate::ui::{El, Kiosk, Message, fonts};
use iced::Length;
use iced::widget::{column, container, text};

/// The most bags the counter goes to (more than any allowance: bags over it go to staff).
const MOST: u8 = 9;

impl Kiosk {
    /// One more or one fewer bag for a passenger.
    pub(in crate::ui) fn change_bags(&mut self, passenger: crate::domain::PassengerId, delta: i8) {
        let s = self.engine.session();
        let count = s.bags.get(&passenger).copied().unwrap_or(0);
        let count = (count as i16 + delta as i16).clamp(0, MOST as i16) as u8;
        self.dispatch(Event::SetBags { passenger, count });
    }

    pub(in crate::ui) fn bags(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let mut content = column![
            self.title(self.t("bags-title")),
            self.body(self.t("bags-hint"))
        ]
        .spacing(theme::gap::BLOCK);
        for id in &self.engine.bag_passengers() {
            let Some(p) = self.passenger(*id) else {
                continue;
            };
            let count = s.bags.get(id).copied().unwrap_or(0);
            // Bags tagged at an earlier visit stay checked: the counter starts from them and
            // does not go below them (staff take a bag off, at the desk).
            let checked = self.engine.bags_checked(*id);
            let mut who = column![
                text(p.name.display()).size(sizes.button).font(fonts::BOLD),
                self.txt(
                    self.t_args("bags-allowance", &[("count", p.baggage_allowance.into())]),
                    sizes.body
                ),
            ];
            if checked > 0 {
                who = who.push(self.txt(
                    self.t_args("bags-already-checked", &[("count", checked.into())]),
                    sizes.body,
                ));
            }
            let minus: El<'_> = self
                .act_if(
                    count > checked,
                    container(text("–").size(sizes.stepper).font(fonts::BOLD))
                        .center(Length::Fixed(sizes.stepper_box))
                        .into(),
                    Message::Bags(*id, -1),
                    ButtonKind::Secondary,
                )
                .into();
            let shown: El<'_> = container(
                self.txt(
                    self.t_args("bags-count", &[("count", count.into())]),
                    sizes.title,
                )
                .font(fonts::BOLD),
            )
            .center_x(Length::Fixed(sizes.count_wide))
            .into();
            let plus: El<'_> = self
                .act_if(
                    count < MOST,
                    container(text("+").size(sizes.stepper).font(fonts::BOLD))
                        .center(Length::Fixed(sizes.stepper_box))
                        .into(),
                    Message::Bags(*id, 1),
                    ButtonKind::Secondary,
                )
                .into();
            let who = who.width(Length::Fill).align_x(self.start());
            // A narrow (portrait) panel has no room for the name beside the counter (the
            // name was cut and the allowance broke a word a line): the counter goes below.
            let row: El<'_> = if self.screen.width < NARROW_BELOW {
                column![
                    who,
                    container(self.dir_row(vec![minus, shown, plus])).center_x(Length::Fill),
                ]
                .spacing(theme::gap::ROW)
                .into()
            } else {
                self.dir_row(vec![who.into(), minus, shown, plus]).into()
            };
            content = content.push(self.panel(row, PanelKind::Card));
        }
        self.with_action(
            content,
            self.next_button(self.t("continue"), Message::Engine(Event::ConfirmBags)),
        )
    }
}
