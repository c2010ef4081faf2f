//! Printing: boarding passes and bag tags on their way.

use crate::checkin::Engine;
use crate::ui::draw::{Draw, El, Tap};
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fonts;
use crate::ui::theme;

/// What the passenger can do here: the engine's events.
pub type Message = Tap;
use iced::widget::{column, container, text};
use iced::{Alignment, Length};

/// Printing keeps nothing of its own.
#[derive(Debug, Default)]
pub struct State;

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State
    }

    fn view<'a>(&'a self, _: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let sizes = d.sizes();
        container(
            column![
                text(d.hear(d.t("printing-title")))
                    .size(sizes.hero)
                    .font(fonts::BOLD)
                    .line_height(theme::LINE),
                text(d.hear(d.t("printing-body")))
                    .size(sizes.body)
                    .line_height(theme::LINE),
            ]
            .spacing(theme::gap::WIDE)
            .align_x(Alignment::Center),
        )
        .center(Length::Fill)
        .into()
    }
}
