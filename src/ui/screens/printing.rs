//! Printing: boarding passes and bag tags on their way.

use crate::ui::theme;
use crate::ui::{El, Kiosk, fonts};
use iced::widget::{column, container, text};
use iced::{Alignment, Length};

impl Kiosk {
    pub(in crate::ui) fn printing(&self) -> El<'_> {
        let sizes = self.sizes();
        container(
            column![
                text(self.hear(self.t("printing-title")))
                    .size(sizes.hero)
                    .font(fonts::BOLD)
                    .line_height(theme::LINE),
                text(self.hear(self.t("printing-body")))
                    .size(sizes.body)
                    .line_height(theme::LINE),
            ]
            .spacing(theme::gap::WIDE)
            .align_x(Alignment::Center),
        )
        .center(Length::Fill)
        .into()
    }

    /// What to take from the printer: the boarding passes, and the bag tags when there are bags.
    pub(in crate::ui) fn take_printed(&self) -> String {
        let s = self.engine.session();
        let bags = s.checked_in.iter().any(|c| !c.bag_tags.is_empty());
        self.t(if bags {
            "feedback-take-bags"
        } else {
            "feedback-take"
        })
    }
}
