//! The window the kiosk fills: its room in the kiosk's units, the panel's scale, and a count
//! of updates that makes the software renderer redraw a frame whole.

use super::theme;

pub struct Window {
    /// The room the screens are laid out in, in the kiosk's units (1280x800 until the window
    /// says otherwise).
    pub room: iced::Size,
    /// Full screen on a panel of this many pixels (none in a window): what sets the scale.
    panel: Option<iced::Size>,
    generation: u32,
}

impl Default for Window {
    fn default() -> Window {
        Window {
            room: iced::Size::new(1280.0, 800.0),
            panel: None,
            generation: 0,
        }
    }
}

impl Window {
    /// Pixels per unit of the kiosk's layout: 1 in a window, else as [`theme::panel_scale`]
    /// has it for the panel.
    pub fn scale(&self) -> f32 {
        self.panel.map_or(1.0, theme::panel_scale)
    }

    /// The window's size, in the kiosk's units as iced reports it.
    pub fn resized(&mut self, size: iced::Size) {
        self.room = match self.panel {
            // Full screen, the panel decides; a size reported before the new scale took
            // effect would be in the old units.
            Some(panel) => panel * (1.0 / self.scale()),
            None => size,
        };
    }

    /// The panel the kiosk fills, in pixels.
    pub fn fill(&mut self, panel: iced::Size) {
        self.panel = Some(panel);
        self.room = panel * (1.0 / self.scale());
    }

    /// A short screen: the compact sizes, so every screen's controls fit without scrolling.
    /// Larger text takes the compact spacing on a screen less than 900 high, for the same
    /// reason.
    pub fn compact(&self, larger_text: bool) -> bool {
        let high = self.room.height;
        high < theme::COMPACT_BELOW || (larger_text && high < 900.0)
    }

    /// The next frame is to be drawn whole (see [`Window::style`]).
    pub fn redraw(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }

    /// The window's background, a hair different after every update that may change the
    /// screen (by less than a thousandth of one step of an 8-bit colour, so no pixel changes).
    /// The software renderer redraws only what it judges changed and misjudges it now and then
    /// (canvas text moved by a scroll, edges drawn twice where redrawn regions meet): a new
    /// background makes it redraw the whole frame, so the passenger never sees pixels of a
    /// screen that is gone. Frames nobody asked for (a button's hover look) keep the cheap
    /// partial redraw.
    pub fn style(&self, p: &theme::Palette) -> iced::theme::Style {
        let mut background = p.background;
        let hair = (self.generation % 1000) as f32 * 1e-7;
        background.b += if background.b > 0.5 { -hair } else { hair };
        iced::theme::Style {
            background_color: background,
            text_color: p.text,
        }
    }
}
