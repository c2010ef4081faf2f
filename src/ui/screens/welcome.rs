//! Welcome: the airline greets, the passenger picks a language (or scans straight away).

use super::super::view::*;
use crate::i18n::Direction;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::{El, Kiosk, Message, fonts};
use iced::widget::{Column, Space, button, column, container, text};
use iced::{Alignment, Length};

/// A language button on Welcome.
const LANGUAGE_WIDE: f32 = 220.0;

impl Kiosk {
    pub(in crate::ui) fn welcome(&self) -> El<'_> {
        let sizes = self.sizes();
        let compact = self.compact();
        let mut buttons: Vec<El<'_>> = Vec::new();
        for locale in &self.options.locales {
            let kind = if *locale == self.welcome_locale {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            buttons.push(
                self.act(
                    container(
                        text(self.messages.get(locale, "language-name", &[]))
                            .size(sizes.button + 4.0)
                            .line_height(theme::RTL_LINE),
                    )
                    .center_x(Length::Fill)
                    .into(),
                    Message::Language(locale.clone()),
                    kind,
                )
                .width(Length::Fixed(LANGUAGE_WIDE))
                .padding(if compact { [6, 20] } else { [12, 20] })
                .into(),
            );
        }
        // Five to a line (fewer on a narrow screen), each line centred and in reading order
        // (right to left in Urdu and Arabic, the operator's first language first).
        let room = self.screen.width - 2.0 * PAGE_SIDE;
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
            let line: Vec<El<'_>> = buttons.by_ref().take(per_line).collect();
            lines = lines.push(self.dir_row(line));
        }
        // The operator's welcome image takes the room left above the title, at most 220 px
        // high: the languages stay in view on a small screen.
        let picture = self
            .pictures
            .welcome_filling(&self.welcome_locale, WELCOME_HIGH);
        // Without one, the content sits in the middle of the room; spare room is all that
        // shrinks on a small screen.
        let has_picture = picture.is_some();
        let gap = || -> El<'_> {
            if has_picture {
                Space::new().height(Length::Fixed(theme::gap::SMALL)).into()
            } else {
                Space::new().height(Length::Fill).into()
            }
        };
        let mut content = column![
            gap(),
            picture.unwrap_or_else(|| Space::new().into()),
            text(self.hear(self.t_args(
                "welcome-title",
                &[("airline", self.options.airline.clone().into())]
            )))
            .size(sizes.welcome)
            .font(fonts::BOLD)
            .line_height(theme::LINE)
            // Centred line by line when it wraps (a portrait panel): it sat to the left.
            .align_x(self.text_centre()),
            text(self.hear(self.t("welcome-subtitle")))
                .size(sizes.body)
                .line_height(theme::LINE)
                .align_x(self.text_centre()),
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
        if let Some(closed) = self
            .engine
            .closed()
            .map(|_| "kiosk-closed")
            .or(self.engine.out_of_service().map(|_| "out-of-service"))
        {
            content = content.push(
                self.panel(
                    text(self.hear(self.t(closed)))
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
            let arrow = if self.direction() == Direction::RightToLeft {
                ARROW_BACK
            } else {
                ARROW_FORWARD
            };
            let color = theme::button(
                self.palette(),
                ButtonKind::Primary,
                false,
                button::Status::Active,
            )
            .text_color;
            let words: El<'_> = text(self.t("welcome-start"))
                .size(size)
                .font(fonts::BOLD)
                .line_height(theme::LINE)
                .align_x(self.text_centre())
                .into();
            content = content.push(
                self.act(
                    container(self.dir_row(vec![words, self.icon(arrow, size, color)]))
                        .center_x(Length::Fill)
                        .into(),
                    Message::Start,
                    ButtonKind::Primary,
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
            .push(text(self.hear(self.t("welcome-language"))).size(sizes.body))
            .push(lines)
            .push(gap())
            .height(Length::Fill);
        container(content).center_x(Length::Fill).into()
    }
}
