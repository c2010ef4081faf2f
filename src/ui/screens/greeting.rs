//! Greeting: the passenger is greeted by name and sees the party and the journey.

use super::super::view::*;
use crate::checkin::Event;
use crate::domain::PassengerType;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::{El, Kiosk, Message, fonts};
use fluent_bundle::FluentValue;
use iced::Length;
use iced::widget::{Column, Space, button, column, container, text};

impl Kiosk {
    pub(in crate::ui) fn greeting(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let first = self.greeted().unwrap_or_default();
        let mut content =
            column![self.title(self.t_args("greeting-hello", &[("name", first.into())]))]
                .spacing(theme::gap::ITEMS);
        // The passport says where its holder is from: offer their language, in that language.
        if let Some(locale) = &self.visit.language_offer {
            let name = self.messages.get(locale, "language-name", &[]);
            let question = crate::i18n::directed(
                locale,
                self.messages.get(
                    locale,
                    "offer-language",
                    &[("language", name.clone().into())],
                ),
            );
            content = content.push(self.panel(
                self.dir_row(vec![
                    text(question)
                        .size(sizes.body)
                        .line_height(theme::RTL_LINE)
                        .width(Length::Fill)
                        .into(),
                    self.labelled(
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
                ("destination", self.city(&leg.destination).into()),
                (
                    "time",
                    self.when(leg.departure, leg.origin.time_zone).into(),
                ),
            ];
            let id = if i == 0 {
                "greeting-flight"
            } else {
                "greeting-connection"
            };
            content = content.push(self.body(self.t_args(id, &args)));
        }
        content = content.push(
            self.para(
                self.said(self.t("greeting-select"), sizes.body)
                    .font(fonts::BOLD),
            ),
        );
        let mut list = Column::new().spacing(theme::gap::ROW);
        for p in &booking.passengers {
            let chosen = s.selected.contains(&p.id);
            let kind = if chosen {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            let mark_color =
                theme::button(self.palette(), kind, false, button::Status::Active).text_color;
            let mark: El<'_> = if chosen {
                self.icon(CHECK, sizes.mark, mark_color)
            } else {
                Space::new().width(Length::Fixed(sizes.mark)).into()
            };
            let mut detail = Vec::new();
            match p.kind {
                PassengerType::Child => detail.push(self.t("greeting-child")),
                PassengerType::Infant => {
                    let adult = p
                        .lap_of
                        .and_then(|a| booking.passenger(a))
                        .map(|a| a.name.first_name())
                        .unwrap_or_default();
                    detail.push(self.t_args("greeting-infant", &[("adult", adult.into())]));
                }
                PassengerType::Adult => {}
            }
            if p.legs.first().is_some_and(|l| l.checked_in.is_some()) {
                detail.push(self.t("greeting-checked-in"));
            }
            let line = self.dir_row(vec![
                container(mark)
                    .width(Length::Fixed(sizes.mark + theme::gap::SMALL))
                    .into(),
                text(p.name.display())
                    .size(sizes.button)
                    .font(fonts::BOLD)
                    .into(),
                self.txt(detail.join(" · "), sizes.small).into(),
            ]);
            list = list.push(
                self.act(
                    container(line)
                        .width(Length::Fill)
                        .align_x(self.start())
                        .into(),
                    Message::Engine(Event::TogglePassenger(p.id)),
                    kind,
                )
                .width(Length::Fill)
                .padding([14, 20]),
            );
        }
        content = content.push(list);
        self.with_action(
            content,
            self.next_button(
                self.t("continue"),
                Message::Engine(Event::ConfirmPassengers),
            ),
        )
    }
}
