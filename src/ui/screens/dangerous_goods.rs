//! Dangerous goods: what may not travel, acknowledged before printing.

use crate::checkin::{Engine, Event};
use crate::ui::draw::{Draw, El, Tap};
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::theme;

/// What the passenger can do here: the engine's events.
pub type Message = Tap;
use iced::widget::{Column, column, svg, text};
use iced::{Alignment, Length};

/// Dangerous-goods pictograms (our own SVGs) and their captions.
pub const PICTOGRAMS: [(&str, &[u8]); 6] = [
    (
        "dg-batteries",
        include_bytes!("../../../assets/pictograms/batteries.svg"),
    ),
    (
        "dg-flammable",
        include_bytes!("../../../assets/pictograms/flammable.svg"),
    ),
    (
        "dg-gas",
        include_bytes!("../../../assets/pictograms/gas.svg"),
    ),
    (
        "dg-explosives",
        include_bytes!("../../../assets/pictograms/explosives.svg"),
    ),
    (
        "dg-toxic",
        include_bytes!("../../../assets/pictograms/toxic.svg"),
    ),
    (
        "dg-corrosive",
        include_bytes!("../../../assets/pictograms/corrosive.svg"),
    ),
];

/// Dangerous goods keeps nothing of its own.
#[derive(Debug, Default)]
pub struct State;

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let sizes = d.sizes();
        let mut grid = Column::new().spacing(theme::gap::BLOCK);
        let items: Vec<El<'a, Message>> = PICTOGRAMS
            .iter()
            .map(|(id, bytes)| {
                column![
                    svg(svg::Handle::from_memory(*bytes))
                        .width(Length::Fixed(sizes.pictogram))
                        .height(Length::Fixed(sizes.pictogram)),
                    text(d.hear(d.t(id)))
                        .size(sizes.small)
                        .line_height(theme::LINE)
                        .align_x(d.text_centre()),
                ]
                .spacing(theme::gap::SMALL)
                .align_x(Alignment::Center)
                .width(Length::Fill)
                .into()
            })
            .collect();
        let mut items = items.into_iter();
        for _ in 0..2 {
            let row: Vec<El<'a, Message>> = items.by_ref().take(3).collect();
            grid = grid.push(d.look().dir_row(row).align_y(Alignment::Start));
        }
        let content = column![d.title(d.t("dg-title")), d.body(d.t("dg-body")), grid,]
            .spacing(theme::gap::BLOCK);
        let action = d.next_button(
            d.t("dg-confirm"),
            Message::Go(Event::AcknowledgeDangerousGoods),
        );
        d.with_action(engine.session(), content, action)
    }
}

#[cfg(test)]
mod tests {
    /// The dangerous-goods screen strikes through what may not travel at all, but not the spare
    /// batteries, which go in the cabin bag ("cabin only"): their pictogram shows a battery and a
    /// cabin bag with a tick, in a dashed amber frame, not the red stroke of "forbidden".
    #[test]
    pub(super) fn only_what_is_forbidden_is_struck_through() {
        const FORBIDDEN_STROKE: &str = "#c8102e";
        for (id, bytes) in super::PICTOGRAMS {
            let svg = std::str::from_utf8(bytes).unwrap();
            let struck = svg.contains(FORBIDDEN_STROKE);
            assert_eq!(struck, id != "dg-batteries", "{id}");
        }
    }
}
