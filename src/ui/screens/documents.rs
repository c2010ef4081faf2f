//! Documents: each passenger's travel document is scanned or confirmed.

use super::super::view::*;
use crate::checkin::{DocumentState, Event};
use crate::domain::DocumentKind;
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::{El, Kiosk, Message, fonts};
use iced::Length;
use iced::widget::{column, text};

impl Kiosk {
    pub(in crate::ui) fn documents(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let mut content = column![self.title(self.t("documents-title"))].spacing(theme::gap::BLOCK);
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
            let row: El<'_> = match s.documents.get(id) {
                Some(DocumentState::OnFile(doc)) => self
                    .dir_row(vec![
                        column![name, self.txt(doc_line(doc), sizes.body)]
                            .width(Length::Fill)
                            .align_x(self.start())
                            .into(),
                        self.labelled(
                            self.t("documents-confirm"),
                            Message::Engine(Event::ConfirmDocumentOnFile(*id)),
                            ButtonKind::Primary,
                        )
                        .into(),
                    ])
                    .into(),
                Some(DocumentState::Accepted(doc)) => self
                    .dir_row(vec![
                        column![name, self.txt(doc_line(doc), sizes.body)]
                            .width(Length::Fill)
                            .align_x(self.start())
                            .into(),
                        self.icon(CHECK, sizes.mark, self.palette().on_secondary),
                        text(self.t("documents-accepted"))
                            .size(sizes.button)
                            .font(fonts::BOLD)
                            .into(),
                    ])
                    .into(),
                _ => self
                    .dir_row(vec![
                        column![
                            name,
                            self.txt(
                                self.t_args(
                                    "documents-scan",
                                    &[("name", p.name.first_name().into())]
                                ),
                                sizes.body
                            )
                        ]
                        .width(Length::Fill)
                        .into(),
                    ])
                    .into(),
            };
            content = content.push(self.panel(row, PanelKind::Card));
        }
        self.scroll(content)
    }
}
