//! The kiosk's touchscreen GUI (iced, tiny-skia software renderer by default).
//!
//! The full passenger path on screen is the GUI issue's work; until it lands this window says
//! so and points at the headless check-in, which runs the same engine.

use iced::widget::{center, column, text};
use iced::{Element, Length};

/// Opens the kiosk window. `kiosk` names the kiosk and its airline in the window.
pub fn run(kiosk: String, windowed: bool) -> iced::Result {
    iced::application(move || kiosk.clone(), update, view)
        .title("Concierge")
        .window(iced::window::Settings {
            fullscreen: !windowed,
            size: iced::Size::new(1280.0, 800.0),
            ..Default::default()
        })
        .run()
}

#[derive(Debug, Clone)]
enum Message {}

fn update(_state: &mut String, message: Message) {
    match message {}
}

#[allow(clippy::ptr_arg)] // iced hands the view the state type itself
fn view(state: &String) -> Element<'_, Message> {
    let state: &str = state;
    center(
        column![
            text("Concierge").size(64),
            text(state).size(28),
            text("The kiosk screens are not built yet.").size(32),
            text(
                "Rehearse a check-in with:  concierge checkin --booking DEMO01 --surname DESMARAIS"
            )
            .size(24),
            text("Agent desk (demo):  http://127.0.0.1:8787  —  sign in as demo / demo").size(24),
        ]
        .spacing(24)
        .align_x(iced::Alignment::Center),
    )
    .width(Length::Fill)
    .height(Length::Fill)
    .into()
}
