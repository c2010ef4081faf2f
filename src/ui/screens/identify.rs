//! Identify: the passenger finds their booking by reference, e-ticket, frequent-flyer number,
//! passport or boarding pass.

use super::super::view::*;
use crate::checkin::Identification;
use crate::checkin::{Event, IdentifyMethod};
use crate::i18n::Direction;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::{El, Field, KeyPress, Kiosk, Message, fonts};
use iced::widget::{Button, Column, Row, Space, column, container, text};
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
pub(in crate::ui) fn method_label(method: IdentifyMethod) -> &'static str {
    match method {
        IdentifyMethod::BookingReference => "method-booking",
        IdentifyMethod::ETicket => "method-eticket",
        IdentifyMethod::FrequentFlyer => "method-ff",
        IdentifyMethod::Passport => "method-passport",
        IdentifyMethod::BoardingPass => "method-boarding-pass",
    }
}

impl Kiosk {
    pub(in crate::ui) fn press(&mut self, key: KeyPress) {
        let Some(field) = self.visit.field else {
            return;
        };
        let text = self.visit.typed.get_mut(field);
        match key {
            KeyPress::Char(c) => {
                if text.chars().count() < field.max_len() {
                    text.push(c);
                }
            }
            KeyPress::Backspace => {
                text.pop();
            }
            KeyPress::Clear => text.clear(),
        }
        // The reference is complete: move on to the surname.
        if field == Field::Reference && key != KeyPress::Backspace && text.len() == 6 {
            self.visit.field = Some(Field::Surname);
        }
    }

    /// Identify: the Find button (or Enter in a field).
    pub(in crate::ui) fn find(&mut self) {
        let t = &self.visit.typed;
        let id = match self.engine.session().method {
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
            IdentifyMethod::Passport | IdentifyMethod::BoardingPass => return,
        };
        self.dispatch(Event::Identify(id));
    }

    pub(in crate::ui) fn identify(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let methods = METHODS.map(|m| (m, method_label(m)));
        // A narrow screen puts the tabs on two lines (three and two) in smaller letters: five
        // abreast left "Numéro de voyageur fréquent" 107 px and three lines of a 56 px tab.
        let narrow = self.screen.width < NARROW_BELOW;
        let label_size = if narrow {
            sizes.small - 4.0
        } else {
            sizes.small
        };
        let (per_line, pad) = if narrow { (3.0, 8.0) } else { (5.0, 12.0) };
        // The tabs are as high as the longest label needs (a touch target at least), all alike:
        // "Número de billete electrónico" takes three lines of a 1280 px screen's tab.
        let room = self.screen.width - 2.0 * PAGE_SIDE - SCROLL_SIDES;
        // (less a margin: the screen's shaper and the printer's measure a hair apart)
        let label_width =
            (room - theme::gap::ROW * (per_line - 1.0)) / per_line - 2.0 * pad - theme::gap::SMALL;
        let lines = methods
            .iter()
            .map(|(_, id)| lines_needed(&self.t(id), label_size, label_width))
            .max()
            .unwrap_or(1)
            .clamp(1, 4);
        let line_height = if self.direction() == Direction::RightToLeft {
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
                    self.txt(self.t(id), label_size)
                        .font(fonts::BOLD)
                        .align_x(self.text_centre()),
                )
                .center_x(Length::Fill);
                let tab = self
                    .act(
                        Row::new()
                            .align_y(Alignment::Center)
                            .push(Space::new().height(Length::Fixed(label_high)))
                            .push(label)
                            .into(),
                        Message::Engine(Event::ChooseMethod(method)),
                        kind,
                    )
                    .width(Length::Fill)
                    .padding(if narrow { [10, 8] } else { [10, 12] });
                (id, tab)
            })
            .collect();
        let tab = |(id, tab), portion| -> El<'_> {
            container(tab)
                .id(id)
                .width(Length::FillPortion(portion))
                .into()
        };
        let tabs: El<'_> = if narrow {
            let second = tabs.split_off(3);
            let first = self.dir_row(tabs.into_iter().map(|t| tab(t, 1)).collect());
            // The last two in the middle of their line, about as wide as the first three.
            let mut line: Vec<El<'_>> = vec![Space::new().width(Length::FillPortion(1)).into()];
            line.extend(second.into_iter().map(|t| tab(t, 2)));
            line.push(Space::new().width(Length::FillPortion(1)).into());
            column![
                first.spacing(theme::gap::ROW),
                self.dir_row(line).spacing(theme::gap::ROW)
            ]
            .spacing(theme::gap::ROW)
            .into()
        } else {
            self.dir_row(tabs.into_iter().map(|t| tab(t, 1)).collect())
                .spacing(theme::gap::ROW)
                .into()
        };
        let fields = Field::for_method(s.method);
        let panel: El<'_> = if fields.is_empty() {
            let hint = if s.method == IdentifyMethod::Passport {
                "identify-passport"
            } else {
                "identify-boarding-pass"
            };
            column![
                Space::new().height(Length::Fixed(theme::gap::MODAL)),
                self.title(self.t(hint))
            ]
            .into()
        } else {
            let mut row: Vec<El<'_>> = fields.iter().map(|f| self.field(*f)).collect();
            // A narrow screen gives the fields smaller letters, and Find a line of its own when
            // the screen is tall enough (a portrait panel), else less width.
            let narrow = self.screen.width < NARROW_BELOW;
            let find = |width| {
                self.labelled_wide(
                    self.t("identify-find"),
                    Message::Find,
                    ButtonKind::Primary,
                    width,
                )
            };
            let mut panel = Column::new().spacing(theme::gap::BLOCK);
            if narrow && self.screen.height >= 1200.0 {
                panel = panel
                    .push(self.dir_row(row).align_y(Alignment::End))
                    .push(container(find(Length::Fill)).id("find"));
            } else {
                row.push(
                    container(find(Length::Fixed(if narrow {
                        sizes.find_narrow
                    } else {
                        sizes.find_wide
                    })))
                    .id("find")
                    .into(),
                );
                panel = panel.push(self.dir_row(row).align_y(Alignment::End));
            }
            panel
                .push(container(self.keypad()).id("keypad").center_x(Length::Fill))
                .into()
        };
        // A narrow or short screen keeps the title to one line, and so does a title too long to
        // share its line ("Retrouvez votre réservation"): the Passport and Boarding pass tabs
        // say what the hint says.
        let title = self.t("identify-title");
        let beside = (room - theme::gap::BLOCK) / 2.0 - theme::gap::SMALL;
        let heading = if self.screen.width < NARROW_BELOW
            || self.compact()
            || lines_needed(&title, sizes.title, beside) > 1
        {
            self.title(title)
        } else {
            self.dir_row(vec![
                self.title(title),
                self.para(self.said(self.t("identify-scan-hint"), sizes.small)),
            ])
            .into()
        };
        let content = column![heading, tabs, panel].spacing(theme::gap::ROW);
        self.scroll(content)
    }

    pub(in crate::ui) fn field(&self, field: Field) -> El<'_> {
        let p = *self.palette();
        let sizes = self.sizes();
        let label = match field {
            Field::Reference => "field-reference",
            Field::Surname => "field-surname",
            Field::ETicket => "field-eticket",
            Field::FrequentFlyer => "field-ff",
            Field::Comment => "feedback-comment",
        };
        let active = self.visit.field == Some(field);
        let value = self.visit.typed.get(field);
        let shown = if active {
            format!("{value}|")
        } else {
            value.to_string()
        };
        let kind = if active {
            PanelKind::FieldActive
        } else {
            PanelKind::Field
        };
        // The typed value is Latin; it reads left to right in every language. An empty field
        // shows what it expects.
        let hint = match field {
            Field::Reference => Some("field-reference-hint"),
            Field::ETicket => Some("field-eticket-hint"),
            _ => None,
        };
        let inside: El<'_> = match hint {
            Some(hint) if value.is_empty() && !active => {
                self.para(self.said(self.t(hint), sizes.small))
            }
            _ => text(shown)
                .size(if self.screen.width < NARROW_BELOW {
                    sizes.button + 4.0
                } else {
                    sizes.title
                })
                .font(fonts::BOLD)
                .into(),
        };
        let boxed = container(inside)
            .center_y(Length::Fixed(sizes.touch))
            .padding([0, 16])
            .width(Length::Fill)
            .style(move |_| theme::panel(&p, kind));
        let tap = self.act(
            column![self.para(self.txt(self.t(label), sizes.small)), boxed]
                .spacing(theme::gap::TIGHT)
                .into(),
            Message::SelectField(field),
            ButtonKind::Secondary,
        );
        tap.width(Length::Fill).padding(theme::gap::TIGHT).into()
    }
}
