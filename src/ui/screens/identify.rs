//! Identify: the passenger finds their booking by reference, e-ticket, frequent-flyer number,
//! passport or boarding pass.

use crate::checkin::{Engine, Event, Identification, IdentifyMethod};
use crate::i18n::Direction;
use crate::ui::draw::*;
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fonts;
use crate::ui::input::{Field, KeyPress, Typed};
use crate::ui::keypad::{keypad, text_field};
use crate::ui::theme::{self, ButtonKind};
use iced::widget::{Button, Column, Row, Space, column, container};
use iced::{Alignment, Length};

/// How many lines `label` takes in bold at `size` px in a box `width` px wide, its words
/// wrapped as the screen wraps them (measured with the screen's own fonts). A word wider than
/// the box counts the lines it is cut into.
fn lines_needed(label: &str, size: f32, width: f32) -> usize {
    use crate::text::{Weight, shape};
    let measure = |s: &str| -> f32 { shape(s, Weight::Bold).iter().map(|r| r.width(size)).sum() };
    let space = measure(" ");
    let (mut lines, mut used) = (1, 0.0_f32);
    for word in label.split_whitespace() {
        let w = measure(word);
        if used > 0.0 && used + space + w <= width {
            used += space + w;
        } else {
            if used > 0.0 {
                lines += 1;
            }
            lines += (w / width.max(1.0)).ceil().max(1.0) as usize - 1;
            used = w % width.max(1.0);
        }
    }
    lines
}

/// The ways to find a booking, in the tabs' order.
const METHODS: [IdentifyMethod; 5] = [
    IdentifyMethod::BookingReference,
    IdentifyMethod::ETicket,
    IdentifyMethod::FrequentFlyer,
    IdentifyMethod::Passport,
    IdentifyMethod::BoardingPass,
];

/// A way to find a booking, as its tab names it (a message id).
pub fn method_label(method: IdentifyMethod) -> &'static str {
    match method {
        IdentifyMethod::BookingReference => "method-booking",
        IdentifyMethod::ETicket => "method-eticket",
        IdentifyMethod::FrequentFlyer => "method-ff",
        IdentifyMethod::Passport => "method-passport",
        IdentifyMethod::BoardingPass => "method-boarding-pass",
    }
}

/// What the passenger can do on Identify.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    SelectField(Field),
    Keypad(KeyPress),
    /// The Find button (or Enter in a field).
    Find,
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// Identify's own: what the passenger typed, the field the keys type into, and after a
/// passport scan the language of its holder's nationality (offered on Greeting).
#[derive(Debug, Clone)]
pub struct State {
    pub typed: Typed,
    pub field: Option<Field>,
    /// The method the fields are for.
    pub method: IdentifyMethod,
    pub offer: Option<String>,
}

impl State {
    /// Identify by `method`, the cursor in its first field.
    pub fn new(method: IdentifyMethod) -> State {
        State {
            typed: Typed::default(),
            field: Field::for_method(method).first().copied(),
            method,
            offer: None,
        }
    }

    /// The same passenger's typing, for another method (the passport just read by the new
    /// one keeps its offer of a language).
    pub fn switched(&self, method: IdentifyMethod) -> State {
        State {
            method,
            field: Field::for_method(method).first().copied(),
            ..self.clone()
        }
    }

    /// A key into the field the cursor is in.
    fn type_key(&mut self, key: KeyPress) {
        let Some(field) = self.field else {
            return;
        };
        self.typed.press(field, key);
        // The reference is complete: move on to the surname.
        if field == Field::Reference
            && key != KeyPress::Backspace
            && self.typed.reference.len() == 6
        {
            self.field = Some(Field::Surname);
        }
    }

    /// The Find button (or Enter in a field): the typed identification, for the engine.
    pub fn find(&self) -> Outcome {
        let t = &self.typed;
        let id = match self.method {
            IdentifyMethod::BookingReference => Identification::BookingReference {
                reference: t.reference.clone(),
                surname: t.surname.clone(),
            },
            IdentifyMethod::ETicket => Identification::ETicket {
                number: t.eticket.clone(),
                surname: t.surname.clone(),
            },
            IdentifyMethod::FrequentFlyer => Identification::FrequentFlyer {
                number: t.frequent_flyer.clone(),
                surname: t.surname.clone(),
            },
            IdentifyMethod::Passport | IdentifyMethod::BoardingPass => return Outcome::None,
        };
        Outcome::Engine(Event::Identify(id))
    }

}

impl Part for State {
    type Message = Message;

    fn enter(engine: &Engine, _: &Entry) -> Self {
        State::new(engine.session().method)
    }

    fn update(&mut self, message: Message, _: &Engine) -> Outcome {
        match message {
            Message::SelectField(field) => {
                self.field = Some(field);
                Outcome::Touched
            }
            Message::Keypad(key) => {
                self.type_key(key);
                Outcome::Typed(key)
            }
            Message::Find => self.find(),
            Message::Go(event) => Outcome::Engine(event),
            Message::Scrolled => Outcome::None,
        }
    }

    /// Identify is the screen of one way to identify: another makes a new one.
    fn fits(&self, engine: &Engine) -> bool {
        self.method == engine.session().method
    }

    /// Does typing go into a field now?
    fn takes_typing(&self) -> bool {
        Field::for_method(self.method)
            .iter()
            .any(|f| Some(*f) == self.field)
    }

    /// A key typed on a keyboard: an identification is in capitals.
    fn press(&mut self, key: KeyPress) -> Option<KeyPress> {
        let key = match key {
            KeyPress::Char(c) => KeyPress::Char(c.to_ascii_uppercase()),
            key => key,
        };
        self.type_key(key);
        Some(key)
    }

    fn submit(&mut self) -> Outcome {
        self.find()
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let methods = METHODS.map(|m| (m, method_label(m)));
        // A narrow screen puts the tabs on two lines (three and two) in smaller letters: five
        // abreast left "Numéro de voyageur fréquent" 107 px and three lines of a 56 px tab.
        let narrow = d.room().width < NARROW_BELOW;
        let label_size = if narrow {
            sizes.small - 4.0
        } else {
            sizes.small
        };
        let (per_line, pad) = if narrow { (3.0, 8.0) } else { (5.0, 12.0) };
        // The tabs are as high as the longest label needs (a touch target at least), all alike:
        // "Número de billete electrónico" takes three lines of a 1280 px screen's tab.
        let room = d.room().width - 2.0 * PAGE_SIDE - SCROLL_SIDES;
        // (less a margin: the screen's shaper and the printer's measure a hair apart)
        let label_width =
            (room - theme::gap::ROW * (per_line - 1.0)) / per_line - 2.0 * pad - theme::gap::SMALL;
        let lines = methods
            .iter()
            .map(|(_, id)| lines_needed(&d.t(id), label_size, label_width))
            .max()
            .unwrap_or(1)
            .clamp(1, 4);
        let line_height = if d.direction() == Direction::RightToLeft {
            theme::RTL_LINE
        } else {
            theme::LTR_LINE
        };
        let label_high = (lines as f32 * label_size * line_height).max(sizes.touch - 20.0);
        let mut tabs: Vec<(&'static str, Button<'_, Message>)> = methods
            .into_iter()
            .map(|(method, id)| {
                let kind = if s.method == method {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                };
                let label = container(
                    d.txt(d.t(id), label_size)
                        .font(fonts::BOLD)
                        .align_x(d.text_centre()),
                )
                .center_x(Length::Fill);
                let tab = d
                    .act(
                        Row::new()
                            .align_y(Alignment::Center)
                            .push(Space::new().height(Length::Fixed(label_high)))
                            .push(label)
                            .into(),
                        Message::Go(Event::ChooseMethod(method)),
                        kind,
                        d.t(id),
                    )
                    .width(Length::Fill)
                    .padding(if narrow { [10, 8] } else { [10, 12] });
                (id, tab)
            })
            .collect();
        let tab = |(id, tab), portion| -> El<'a, Message> {
            container(tab)
                .id(id)
                .width(Length::FillPortion(portion))
                .into()
        };
        let tabs: El<'a, Message> = if narrow {
            let second = tabs.split_off(3);
            let first = d
                .look()
                .dir_row(tabs.into_iter().map(|t| tab(t, 1)).collect());
            // The last two in the middle of their line, about as wide as the first three.
            let mut line: Vec<El<'a, Message>> =
                vec![Space::new().width(Length::FillPortion(1)).into()];
            line.extend(second.into_iter().map(|t| tab(t, 2)));
            line.push(Space::new().width(Length::FillPortion(1)).into());
            column![
                first.spacing(theme::gap::ROW),
                d.look().dir_row(line).spacing(theme::gap::ROW)
            ]
            .spacing(theme::gap::ROW)
            .into()
        } else {
            d.look()
                .dir_row(tabs.into_iter().map(|t| tab(t, 1)).collect())
                .spacing(theme::gap::ROW)
                .into()
        };
        let fields = Field::for_method(s.method);
        let panel: El<'a, Message> = if fields.is_empty() {
            let hint = if s.method == IdentifyMethod::Passport {
                "identify-passport"
            } else {
                "identify-boarding-pass"
            };
            column![
                Space::new().height(Length::Fixed(theme::gap::MODAL)),
                d.title(d.t(hint))
            ]
            .into()
        } else {
            let mut row: Vec<El<'a, Message>> = fields
                .iter()
                .map(|f| {
                    text_field(
                        d,
                        *f,
                        self.typed.get(*f),
                        self.field == Some(*f),
                        Message::SelectField(*f),
                    )
                })
                .collect();
            // A narrow screen gives the fields smaller letters, and Find a line of its own when
            // the screen is tall enough (a portrait panel), else less width.
            let narrow = d.room().width < NARROW_BELOW;
            let own_line = narrow && d.room().height >= 1200.0;
            let width = if own_line {
                Length::Fill
            } else if narrow {
                Length::Fixed(sizes.find_narrow)
            } else {
                Length::Fixed(sizes.find_wide)
            };
            let label = d.t("identify-find");
            let find = d.labelled_wide(label, Message::Find, ButtonKind::Primary, width);
            let mut panel = Column::new().spacing(theme::gap::BLOCK);
            if own_line {
                panel = panel
                    .push(d.look().dir_row(row).align_y(Alignment::End))
                    .push(container(find).id("find"));
            } else {
                row.push(container(find).id("find").into());
                panel = panel.push(d.look().dir_row(row).align_y(Alignment::End));
            }
            panel
                .push(
                    container(keypad(d, Message::Keypad))
                        .id("keypad")
                        .center_x(Length::Fill),
                )
                .into()
        };
        // A narrow or short screen keeps the title to one line, and so does a title too long to
        // share its line ("Retrouvez votre réservation"): the Passport and Boarding pass tabs
        // say what the hint says.
        let title = d.t("identify-title");
        let beside = (room - theme::gap::BLOCK) / 2.0 - theme::gap::SMALL;
        let heading = if let Some(staff) = &s.staff_lookup {
            // An agent looking a booking up: the heading says the reference is enough (in the
            // title's place, so the keyboard keeps its room).
            d.title(d.t_args("identify-staff", &[("staff", staff.clone().into())]))
        } else if d.room().width < NARROW_BELOW
            || d.compact()
            || lines_needed(&title, sizes.title, beside) > 1
        {
            d.title(title)
        } else {
            d.look()
                .dir_row(vec![
                    d.title(title),
                    d.look()
                        .para(d.said(d.t("identify-scan-hint"), sizes.small)),
                ])
                .into()
        };
        let content = column![heading, tabs, panel].spacing(theme::gap::ROW);
        scroll(content)
    }
}
