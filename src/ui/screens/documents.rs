//! Documents: each passenger's travel document is scanned or confirmed.

use super::super::view::*;
use crate::checkin::{DocumentState, Event};
use crate::domain::DocumentKind;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::{El, Kiosk, Message, fonts};
use iced::Length;
use iced::widget::{Space, column, container, text};

impl Kiosk {
    pub(in crate::ui) fn documents(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let mut content = column![self.title(self.t("documents-title"))].spacing(theme::gap::BLOCK);
        // The buttons' place: both buttons abreast, measured in this language's words.
        let button = |id: &str| label_width(&self.t(id), sizes.button) + BUTTON_PADDING;
        let action_wide =
            (button("documents-not-mine") + theme::gap::ROW + button("documents-confirm")).max(
                sizes.mark
                    + theme::gap::BLOCK
                    + label_width(&self.t("documents-accepted"), sizes.button),
            );
        let action_high = sizes.button * theme::RTL_LINE + 2.0 * 16.0 + 4.0;
        // A narrow panel, or long words, put the buttons under the words.
        let card = self.room().width - 2.0 * PAGE_SIDE - 2.0 * theme::gap::SECTION;
        let narrow = self.room().width < NARROW_BELOW || action_wide > 0.65 * card;
        // Still too wide for the card ("C'est bien mon document" beside "Ce n'est pas mon
        // document" on a portrait panel): one button above the other.
        let stacked = action_wide > card;
        for id in &s.selected {
            let Some(p) = self.passenger(*id) else {
                continue;
            };
            let name = text(p.name.display()).size(sizes.button).font(fonts::BOLD);
            let doc_line = |doc: &crate::domain::TravelDocument| {
                let kind = match doc.kind {
                    DocumentKind::IdCard => self.t("documents-id-card"),
                    _ => self.t("documents-passport"),
                };
                let tail: String = doc
                    .number
                    .chars()
                    .rev()
                    .take(4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                self.t_args(
                    "documents-on-file",
                    &[
                        ("kind", kind.into()),
                        ("number", format!("…{tail}").into()),
                        (
                            "date",
                            self.messages.date(self.locale(), doc.expiry, true).into(),
                        ),
                    ],
                )
            };
            // Every card keeps its size whatever its state (a confirm shrank the next card
            // under the passenger's finger on a portrait panel): the words take the same width,
            // the buttons' place the same room, filled or not.
            let words = match s.documents.get(id) {
                Some(DocumentState::OnFile(doc) | DocumentState::Accepted(doc)) => doc_line(doc),
                _ => self.t_args("documents-scan", &[("name", p.name.first_name().into())]),
            };
            let words: El<'_> = column![name, self.txt(words, sizes.body)]
                .width(Length::Fill)
                .align_x(self.start())
                .into();
            let action: El<'_> = match s.documents.get(id) {
                Some(DocumentState::OnFile(_)) => {
                    let not_mine = self.labelled(
                        self.t("documents-not-mine"),
                        Message::Engine(Event::RejectDocumentOnFile(*id)),
                        ButtonKind::Secondary,
                    );
                    let confirm = self.labelled(
                        self.t("documents-confirm"),
                        Message::Engine(Event::ConfirmDocumentOnFile(*id)),
                        ButtonKind::Primary,
                    );
                    if stacked {
                        column![confirm.width(Length::Fill), not_mine.width(Length::Fill)]
                            .spacing(theme::gap::ROW)
                            .into()
                    } else {
                        self.dir_row(vec![not_mine.into(), confirm.into()])
                            .spacing(theme::gap::ROW)
                            .into()
                    }
                }
                Some(DocumentState::Accepted(_)) => self
                    .dir_row(vec![
                        self.icon(CHECK, sizes.mark, self.palette().on_secondary),
                        text(self.t("documents-accepted"))
                            .size(sizes.button)
                            .font(fonts::BOLD)
                            .into(),
                    ])
                    .into(),
                _ => Space::new().into(),
            };
            let action = container(action)
                .width(if stacked {
                    Length::Fill
                } else {
                    Length::Fixed(action_wide)
                })
                .height(Length::Fixed(if stacked {
                    2.0 * action_high + theme::gap::ROW
                } else {
                    action_high
                }))
                .align_x(self.end())
                .align_y(iced::alignment::Vertical::Center);
            let row: El<'_> = if narrow {
                column![
                    words,
                    container(action).width(Length::Fill).align_x(self.end())
                ]
                .spacing(theme::gap::ROW)
                .into()
            } else {
                self.dir_row(vec![words, action.into()]).into()
            };
            content = content.push(self.panel(row, PanelKind::Card));
        }
        self.scroll(content)
    }
}
