//! The kiosk's touchscreen GUI: iced 0.14 over the check-in engine, tiny-skia software
//! renderer by default.
//!
//! The layers, each importing only those below it (none imports one that imports it):
//!
//! ```text
//! mod.rs        opens the window (run)
//! kiosk.rs      the shell: engine, screen, visit; update routes each message to its part
//! tour.rs       the screenshot tour            warm.rs   the renderer's warm-up
//! message.rs    the shell's nested Message     work.rs   slow effects off the screen
//! frame.rs      bars, Help's banner, prompts   speech.rs staff.rs   (components)
//! screens/      one module per screen: State, Message, update -> Outcome, view
//! keypad.rs     keyboards and text fields      seatmap.rs   the seat map's canvas
//! draw.rs       Draw: what a view reads (Context) and records (Record); shared helpers
//! input.rs      keys, fields, a scanner's line   options.rs   pictures.rs   theme.rs   fonts.rs
//! ```

pub mod draw;
mod fit;
pub mod fonts;
pub mod frame;
pub mod input;
mod keypad;
mod keys;
mod kiosk;
mod looks;
pub mod message;
pub mod options;
pub mod part;
pub mod pictures;
pub mod preview;
mod running;
pub mod screens;
pub mod seatmap;
mod speech;
pub mod staff;
pub mod theme;
pub mod tour;
mod warm;
mod window;
mod work;

pub use input::{Field, Key, KeyPress, Typed, key_of, keypad_key_of};
pub use kiosk::Kiosk;
pub use message::{Message, Probe, TourMessage};
pub use options::{Backend, Clock, Options, system_clock};
pub use work::OFF_SCREEN_TIMEOUT;

use iced::Task;

/// Full screen: the window takes the size of its screen. Without a window manager (X11) the
/// fullscreen request alone leaves the window at its opening size, and a screen smaller than
/// that would cut off the bottom bar with Help.
fn fill_the_screen() -> Task<Message> {
    iced::window::oldest().then(|id| match id {
        Some(id) => iced::window::monitor_size(id).then(move |size| match size {
            Some(size) if size.width >= 1.0 && size.height >= 1.0 => Task::batch([
                iced::window::move_to(id, iced::Point::ORIGIN),
                iced::window::resize(id, size),
                Task::done(Message::panel(size)),
            ]),
            _ => Task::none(),
        }),
        None => Task::none(),
    })
}

/// Opens the kiosk window: full screen and undecorated unless `windowed`.
pub fn run(kiosk: Kiosk, windowed: bool) -> iced::Result {
    let slot = std::sync::Mutex::new(Some(kiosk));
    let boot = move || {
        let mut kiosk = slot
            .lock()
            .ok()
            .and_then(|mut k| k.take())
            .expect("the kiosk boots once");
        kiosk.boot();
        let fit = if windowed {
            Task::none()
        } else {
            fill_the_screen()
        };
        (kiosk, fit)
    };
    iced::application(boot, Kiosk::update, Kiosk::view)
        .title("Concierge")
        .subscription(Kiosk::subscription)
        .theme(Kiosk::theme)
        .style(Kiosk::style)
        .scale_factor(Kiosk::scale)
        .default_font(fonts::DEFAULT)
        .exit_on_close_request(windowed)
        .window(iced::window::Settings {
            fullscreen: !windowed,
            decorations: windowed,
            size: iced::Size::new(1280.0, 800.0),
            min_size: windowed.then_some(iced::Size::new(1024.0, 700.0)),
            ..Default::default()
        })
        .run()
}
