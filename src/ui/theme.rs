//! Colours, sizes and the style functions every widget of the kiosk uses. Two palettes: the
//! airline's normal one and a high-contrast one (white on black, yellow controls). The
//! contrast test calls these same functions, so a colour changed here is checked there.

use iced::widget::{button as btn, container};
use iced::{Background, Border, Color, Shadow};

/// Text and touch sizes, in the kiosk's units, for normal and larger text: everything on a
/// screen that holds letters or is a picture beside them grows with Larger text; the panel's
/// scale grows it all ([`panel_scale`]). Room between things is in [`gap`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    pub body: f32,
    pub small: f32,
    pub title: f32,
    pub button: f32,
    /// Minimum height (and width) of anything a finger must hit.
    pub touch: f32,
    pub key: f32,
    /// Welcome's greeting.
    pub welcome: f32,
    /// The idle prompt's countdown.
    pub countdown: f32,
    /// The one big line of a screen that only waits (Printing).
    pub hero: f32,
    /// The "–" and "+" of a counter, and the square button they sit in.
    pub stepper: f32,
    pub stepper_box: f32,
    /// The room for a passenger's name and count between a counter's buttons.
    pub count_wide: f32,
    /// A tick beside a name or a document, and the room it takes.
    pub mark: f32,
    /// A dangerous-goods pictogram's side.
    pub pictogram: f32,
    /// A feedback face's side, and its button's width (the caption under it).
    pub face: f32,
    pub face_wide: f32,
    /// A seat in the seat map's legend.
    pub swatch: f32,
    /// The seat list's columns: the passenger's name, a seat.
    pub name_wide: f32,
    pub seat_wide: f32,
    /// Identify's Find button, on a narrow screen and a wide one.
    pub find_narrow: f32,
    pub find_wide: f32,
}

impl Sizes {
    /// `compact` for a short screen (under [`COMPACT_BELOW`] high): a little smaller, touch
    /// targets still well above the 48 px a fingertip needs.
    pub fn new(larger: bool, compact: bool) -> Sizes {
        let k = if larger { 1.3 } else { 1.0 };
        let (body, small, title, button, touch, key, welcome) = if compact {
            (24.0, 22.0, 36.0, 26.0, 56.0, 52.0, 40.0)
        } else {
            (26.0, 24.0, 42.0, 28.0, 64.0, 60.0, 48.0)
        };
        Sizes {
            body: body * k,
            small: small * k,
            title: title * k,
            button: button * k,
            touch: touch * k,
            // Keys are sized to the keyboard's room; their letters follow the key.
            key,
            welcome: welcome * k,
            countdown: 96.0 * k,
            hero: 56.0 * k,
            stepper: 44.0 * k,
            stepper_box: 72.0 * k,
            count_wide: 300.0 * k,
            mark: 40.0 * k,
            pictogram: 120.0 * k,
            face: 110.0 * k,
            face_wide: 190.0 * k,
            swatch: 36.0 * k,
            name_wide: 190.0 * k,
            seat_wide: 130.0 * k,
            find_narrow: 240.0 * k,
            find_wide: 320.0 * k,
        }
    }
}

/// Room between things, in the kiosk's units. The panel's scale grows it with everything else;
/// Larger text leaves it as it is, so the bigger letters keep the screen's room.
pub mod gap {
    /// Between lines of one block (a name and its details).
    pub const HAIR: f32 = 2.0;
    pub const TIGHT: f32 = 4.0;
    /// Between the keyboard's rows.
    pub const KEY_ROWS: f32 = 6.0;
    pub const SMALL: f32 = 8.0;
    /// Between the items of a row or a list.
    pub const ROW: f32 = 12.0;
    pub const ITEMS: f32 = 14.0;
    /// Between the blocks of a screen (title, hint, panels).
    pub const BLOCK: f32 = 16.0;
    pub const SECTION: f32 = 20.0;
    pub const WIDE: f32 = 24.0;
    /// Between the columns of a summary card.
    pub const COLUMNS: f32 = 28.0;
    /// Beside every screen's content, and around staff mode's panel.
    pub const PAGE: f32 = 32.0;
    /// Around a prompt over the screen, and the space above Identify's scan picture.
    pub const MODAL: f32 = 40.0;
}

/// Line heights, in sizes: paragraphs, and the tighter and looser lines of buttons and tabs
/// (right-to-left scripts' marks need more room above and below).
pub const LINE: f32 = 1.5;
pub const LTR_LINE: f32 = 1.3;
pub const RTL_LINE: f32 = 1.6;

/// The Help button: one size in one place on every screen, in every language and with Larger
/// text, so a passenger who found it once finds it again. Its word, the "?" badge, its width and
/// its least height.
pub const HELP_TEXT: f32 = 34.0;
pub const HELP_BADGE: f32 = 48.0;
pub const HELP_WIDE: f32 = 280.0;
pub const HELP_HIGH: f32 = 80.0;

/// The size the kiosk's screens are designed for: landscape, and turned for portrait.
pub const DESIGN: (f32, f32) = (1280.0, 800.0);

/// How many pixels one unit of the layout takes on a panel of `panel` pixels: the design size
/// (1280x800 landscape, 800x1280 portrait) grown to fill the panel, never shrunk below one pixel
/// a unit (a smaller panel gets the compact sizes instead, and touch targets keep their size).
/// 1920x1080 gives 1.35 (1422x800 units), 1080x1920 portrait 1.35 (800x1422), 768x1024 1.
pub fn panel_scale(panel: iced::Size) -> f32 {
    let (long, short) = DESIGN;
    let (w, h) = if panel.width >= panel.height {
        (long, short)
    } else {
        (short, long)
    };
    let scale = (panel.width / w).min(panel.height / h);
    if scale.is_finite() {
        scale.clamp(1.0, 4.0)
    } else {
        1.0
    }
}

/// Screens less high than this (1280x720, 1366x768, 1024x768 panels) get the compact sizes.
pub const COMPACT_BELOW: f32 = 780.0;

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Color,
    pub text: Color,
    /// Top and bottom bars.
    pub bar: Color,
    pub bar_text: Color,
    pub primary: Color,
    pub on_primary: Color,
    pub secondary: Color,
    pub on_secondary: Color,
    pub outline: Color,
    pub help: Color,
    pub on_help: Color,
    /// Panels that explain a problem.
    pub notice: Color,
    pub on_notice: Color,
    /// The banner of an open help request.
    pub banner: Color,
    pub on_banner: Color,
    pub selected: Color,
    pub on_selected: Color,
    /// The keyboard-focus ring.
    pub focus: Color,
    /// Seat map: free, taken, exit row marks.
    pub seat_free: Color,
    pub seat_taken: Color,
    pub seat_exit: Color,
}

const fn rgb(hex: u32) -> Color {
    Color {
        r: ((hex >> 16) & 0xff) as f32 / 255.0,
        g: ((hex >> 8) & 0xff) as f32 / 255.0,
        b: (hex & 0xff) as f32 / 255.0,
        a: 1.0,
    }
}

pub const NORMAL: Palette = Palette {
    background: rgb(0xF3F5F8),
    text: rgb(0x111827),
    bar: rgb(0x0B2545),
    bar_text: rgb(0xFFFFFF),
    primary: rgb(0x0B4F8A),
    on_primary: rgb(0xFFFFFF),
    secondary: rgb(0xFFFFFF),
    on_secondary: rgb(0x111827),
    outline: rgb(0x4B5563),
    help: rgb(0xFFD23F),
    on_help: rgb(0x111111),
    notice: rgb(0xFFF1DC),
    on_notice: rgb(0x1F1300),
    banner: rgb(0x0F5132),
    on_banner: rgb(0xFFFFFF),
    selected: rgb(0x14532D),
    on_selected: rgb(0xFFFFFF),
    focus: rgb(0xC2410C),
    seat_free: rgb(0xFFFFFF),
    seat_taken: rgb(0x9CA3AF),
    seat_exit: rgb(0xB91C1C),
};

pub const HIGH_CONTRAST: Palette = Palette {
    background: rgb(0x000000),
    text: rgb(0xFFFFFF),
    bar: rgb(0x000000),
    bar_text: rgb(0xFFFFFF),
    primary: rgb(0xFFE600),
    on_primary: rgb(0x000000),
    secondary: rgb(0x000000),
    on_secondary: rgb(0xFFFFFF),
    outline: rgb(0xFFFFFF),
    help: rgb(0xFFE600),
    on_help: rgb(0x000000),
    notice: rgb(0x1A1A1A),
    on_notice: rgb(0xFFFFFF),
    banner: rgb(0x003A1F),
    on_banner: rgb(0xFFFFFF),
    selected: rgb(0x00E5FF),
    on_selected: rgb(0x000000),
    focus: rgb(0x00E5FF),
    seat_free: rgb(0x000000),
    seat_taken: rgb(0x5A5A5A),
    seat_exit: rgb(0xFF6B6B),
};

/// The normal palette in the airline's colours (`[branding]`, already checked for contrast):
/// the label colour on each is white or black, whichever reads better.
pub fn branded(primary: Option<&str>, bar: Option<&str>) -> Palette {
    use crate::config::branding::{best_text_on, parse_colour};
    let mut p = NORMAL;
    let text = |white: bool| if white { rgb(0xFFFFFF) } else { rgb(0x111111) };
    if let Some(c) = primary.and_then(parse_colour) {
        p.primary = Color::from_rgb(c.0, c.1, c.2);
        p.on_primary = text(best_text_on(c).1);
    }
    if let Some(c) = bar.and_then(parse_colour) {
        p.bar = Color::from_rgb(c.0, c.1, c.2);
        p.bar_text = text(best_text_on(c).1);
    }
    p
}

pub fn palette(high_contrast: bool) -> &'static Palette {
    if high_contrast {
        &HIGH_CONTRAST
    } else {
        &NORMAL
    }
}

/// What a button is for; each kind has its colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonKind {
    /// The one thing to do next.
    Primary,
    /// Other choices.
    Secondary,
    /// Something chosen (a passenger, a language, a method).
    Selected,
    /// The Help button.
    Help,
    /// A key of the on-screen keyboard.
    Key,
    /// A button on the bars (text size, contrast, language).
    Bar,
}

impl ButtonKind {
    pub const ALL: [ButtonKind; 6] = [
        ButtonKind::Primary,
        ButtonKind::Secondary,
        ButtonKind::Selected,
        ButtonKind::Help,
        ButtonKind::Key,
        ButtonKind::Bar,
    ];
}

pub const BUTTON_STATUSES: [btn::Status; 4] = [
    btn::Status::Active,
    btn::Status::Hovered,
    btn::Status::Pressed,
    btn::Status::Disabled,
];

fn mix(a: Color, b: Color, t: f32) -> Color {
    Color {
        r: a.r + (b.r - a.r) * t,
        g: a.g + (b.g - a.g) * t,
        b: a.b + (b.b - a.b) * t,
        a: 1.0,
    }
}

/// The style of a button: its kind, whether it has the keyboard focus, and its status.
pub fn button(p: &Palette, kind: ButtonKind, focused: bool, status: btn::Status) -> btn::Style {
    let (bg, fg, outline) = match kind {
        // Not now (a counter at nought): no fill of its own, the label and border faded
        // towards the page. It is still there to read (and to reach by keys, where speech
        // calls it unavailable), plainly not to press.
        _ if status == btn::Status::Disabled => (
            p.background,
            mix(p.text, p.background, 0.45),
            mix(p.outline, p.background, 0.4),
        ),
        ButtonKind::Primary => (p.primary, p.on_primary, p.primary),
        ButtonKind::Secondary | ButtonKind::Key => (p.secondary, p.on_secondary, p.outline),
        ButtonKind::Selected => (p.selected, p.on_selected, p.selected),
        ButtonKind::Help => (p.help, p.on_help, p.on_help),
        ButtonKind::Bar => (p.bar, p.bar_text, p.bar_text),
    };
    // Pressed shades the background a little. Hovering changes
    // nothing: on a touchscreen the pointer stays where the last finger was, and a lasting
    // highlight would look like a state (a grey seat reads as taken).
    let bg = match status {
        // Darker if dark, else towards the text: the label keeps its contrast either way.
        btn::Status::Pressed if luminance(bg) < 0.3 => mix(bg, Color::BLACK, 0.25),
        btn::Status::Pressed => mix(bg, fg, 0.12),
        _ => bg,
    };
    let (width, color) = if focused {
        (5.0, p.focus)
    } else {
        (2.0, outline)
    };
    btn::Style {
        background: Some(Background::Color(bg)),
        text_color: fg,
        border: Border {
            color,
            width,
            radius: 12.0.into(),
        },
        shadow: Shadow::default(),
        snap: true,
    }
}

/// Backgrounds with text on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Page,
    Bar,
    Card,
    Notice,
    Banner,
    /// A text field of the Identify screen.
    Field,
    FieldActive,
    /// The dimmed layer under the idle prompt.
    Modal,
}

impl PanelKind {
    pub const ALL: [PanelKind; 8] = [
        PanelKind::Page,
        PanelKind::Bar,
        PanelKind::Card,
        PanelKind::Notice,
        PanelKind::Banner,
        PanelKind::Field,
        PanelKind::FieldActive,
        PanelKind::Modal,
    ];
}

pub fn panel(p: &Palette, kind: PanelKind) -> container::Style {
    let (bg, fg, border) = match kind {
        PanelKind::Page => (p.background, p.text, Border::default()),
        PanelKind::Bar => (p.bar, p.bar_text, Border::default()),
        PanelKind::Card => (
            p.secondary,
            p.on_secondary,
            Border {
                color: p.outline,
                width: 1.0,
                radius: 16.0.into(),
            },
        ),
        PanelKind::Notice => (
            p.notice,
            p.on_notice,
            Border {
                color: p.outline,
                width: 2.0,
                radius: 16.0.into(),
            },
        ),
        PanelKind::Banner => (
            p.banner,
            p.on_banner,
            Border {
                color: p.on_banner,
                width: 2.0,
                radius: 16.0.into(),
            },
        ),
        PanelKind::Field => (
            p.secondary,
            p.on_secondary,
            Border {
                color: p.outline,
                width: 2.0,
                radius: 10.0.into(),
            },
        ),
        PanelKind::FieldActive => (
            p.secondary,
            p.on_secondary,
            Border {
                color: p.focus,
                width: 5.0,
                radius: 10.0.into(),
            },
        ),
        PanelKind::Modal => (
            p.secondary,
            p.on_secondary,
            Border {
                color: p.outline,
                width: 3.0,
                radius: 20.0.into(),
            },
        ),
    };
    container::Style {
        text_color: Some(fg),
        // The page's colour is the window's own background (`Kiosk::style`): painting it again
        // would cost a full-frame anti-aliased fill on the software renderer at every redraw
        // (about 3 ms at 1920x1080).
        background: (kind != PanelKind::Page).then_some(Background::Color(bg)),
        border,
        shadow: Shadow::default(),
        snap: true,
    }
}

/// WCAG relative luminance.
pub fn luminance(c: Color) -> f32 {
    let lin = |v: f32| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color, b: Color) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// iced's own theme, for the widgets we do not style ourselves (scrollbars, text colour).
pub fn iced_theme(p: &Palette) -> iced::Theme {
    iced::Theme::custom(
        "Concierge",
        iced::theme::Palette {
            background: p.background,
            text: p.text,
            primary: p.primary,
            success: p.selected,
            warning: p.help,
            danger: p.seat_exit,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn background(style: &btn::Style) -> Color {
        match style.background {
            Some(Background::Color(c)) => c,
            _ => panic!("every button has a plain background"),
        }
    }

    #[test]
    fn the_design_grows_to_fill_a_larger_panel() {
        let scale = |w, h| panel_scale(iced::Size::new(w, h));
        assert_eq!(scale(1280.0, 800.0), 1.0);
        assert_eq!(scale(1920.0, 1080.0), 1.35);
        assert_eq!(scale(1080.0, 1920.0), 1.35);
        assert_eq!(scale(768.0, 1024.0), 1.0, "never smaller than designed");
        assert_eq!(scale(1280.0, 720.0), 1.0);
        assert_eq!(scale(3840.0, 2160.0), 2.7);
        assert_eq!(scale(0.0, 0.0), 1.0);
    }

    #[test]
    fn every_button_the_theme_draws_is_readable() {
        // Controls carry large text (≥ 24 px bold or 28 px): WCAG asks 4.5:1; we ask 7:1 of
        // body text and check both.
        for high in [false, true] {
            let p = palette(high);
            for kind in ButtonKind::ALL {
                for focused in [false, true] {
                    for status in BUTTON_STATUSES {
                        let s = button(p, kind, focused, status);
                        let ratio = contrast(s.text_color, background(&s));
                        if status == btn::Status::Disabled {
                            // An inactive control (WCAG 1.4.3 exempts it): still legible,
                            // and plainly fainter than one that can be pressed.
                            let active = button(p, kind, focused, btn::Status::Active);
                            let pressable = contrast(active.text_color, background(&active));
                            assert!(
                                (3.0..pressable * 0.7).contains(&ratio),
                                "{kind:?} disabled high={high}: {ratio:.2} against {pressable:.2}"
                            );
                            continue;
                        }
                        assert!(
                            ratio >= 7.0,
                            "{kind:?} focused={focused} {status:?} high={high}: {ratio:.2}"
                        );
                        // The button stands out from the page it sits on (3:1 for
                        // non-text parts, WCAG 1.4.11): by its fill or by its border.
                        let edge = contrast(background(&s), p.background)
                            .max(contrast(s.border.color, p.background));
                        assert!(edge >= 3.0, "{kind:?} edge high={high}: {edge:.2}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_panel_the_theme_draws_is_readable() {
        for high in [false, true] {
            let p = palette(high);
            for kind in PanelKind::ALL {
                let s = panel(p, kind);
                let bg = match s.background {
                    Some(Background::Color(bg)) => bg,
                    None if kind == PanelKind::Page => p.background,
                    _ => panic!("{kind:?} has a plain background"),
                };
                let fg = s.text_color.expect("panels set their text colour");
                let ratio = contrast(fg, bg);
                assert!(ratio >= 7.0, "{kind:?} high={high}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn the_focus_ring_and_seats_are_visible() {
        for high in [false, true] {
            let p = palette(high);
            // The focus ring against the page and against a secondary button.
            assert!(contrast(p.focus, p.background) >= 3.0, "high={high}");
            assert!(contrast(p.focus, p.secondary) >= 3.0, "high={high}");
            // Seat states differ from each other and the seat labels read on them.
            assert!(contrast(p.text, p.seat_free) >= 7.0);
            assert!(contrast(p.selected, p.seat_free) >= 3.0);
            assert!(contrast(p.on_selected, p.selected) >= 7.0);
            assert!(contrast(p.seat_taken, p.seat_free) >= 1.5);
            assert!(contrast(p.seat_exit, p.background) >= 3.0);
        }
    }

    #[test]
    fn contrast_is_computed_as_wcag_does() {
        let black = rgb(0x000000);
        let white = rgb(0xFFFFFF);
        assert!((contrast(black, white) - 21.0).abs() < 0.01);
        assert!((contrast(white, white) - 1.0).abs() < 0.01);
        // #767676 on white is the well-known 4.54:1.
        assert!((contrast(rgb(0x767676), white) - 4.54).abs() < 0.02);
    }
}
