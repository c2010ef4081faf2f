//! Documents: each passenger's travel document is scanned or confirmed.

use crate::checkin::{DocumentState, Engine, Event};
use crate::domain::DocumentKind;
use crate::ui::draw::*;
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::draw::{Draw, El, Tap, icon, passenger, scroll};
use crate::ui::fonts;
use crate::ui::theme::{self, ButtonKind, PanelKind};

/// What the passenger can do here: the engine's events.
pub type Message = Tap;
use iced::Length;
use iced::widget::{Space, column, container, text};

/// Documents keeps nothing of its own: each document's state is the engine's.
#[derive(Debug, Default)]
pub struct State;

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let mut content = column![d.title(d.t("documents-title"))].spacing(theme::gap::BLOCK);
        // The buttons' place: both buttons abreast, measured in this language's words.
        let button = |id: &str| label_width(&d.t(id), sizes.button) + BUTTON_PADDING;
        let action_wide = (button("documents-not-mine")
            + theme::gap::ROW
            + button("documents-confirm"))
        .max(
            sizes.mark + theme::gap::BLOCK + label_width(&d.t("documents-accepted"), sizes.button),
        );
        let action_high = sizes.button * theme::RTL_LINE + 2.0 * 16.0 + 4.0;
        // A narrow panel, or long words, put the buttons under the words.
        let card = d.room().width - 2.0 * PAGE_SIDE - 2.0 * theme::gap::SECTION;
        let narrow = d.room().width < NARROW_BELOW || action_wide > 0.65 * card;
        // Still too wide for the card ("C'est bien mon document" beside "Ce n'est pas mon
        // document" on a portrait panel): one button above the other.
        let stacked = action_wide > card;
        for id in &s.selected {
            let Some(p) = passenger(engine.session(), *id) else {
                continue;
            };
            let name = text(p.name.display()).size(sizes.button).font(fonts::BOLD);
            let doc_line = |doc: &crate::domain::TravelDocument| {
                let kind = match doc.kind {
                    DocumentKind::IdCard => d.t("documents-id-card"),
                    _ => d.t("documents-passport"),
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
                d.t_args(
                    "documents-on-file",
                    &[
                        ("kind", kind.into()),
                        ("number", format!("…{tail}").into()),
                        (
                            "date",
                            d.messages().date(d.locale(), doc.expiry, true).into(),
                        ),
                    ],
                )
            };
            // Every card keeps its size whatever its state (a confirm shrank the next card
            // under the passenger's finger on a portrait panel): the words take the same width,
            // the buttons' place the same room, filled or not.
            let words = match s.documents.get(id) {
                Some(DocumentState::OnFile(doc) | DocumentState::Accepted(doc)) => doc_line(doc),
                _ => d.t_args("documents-scan", &[("name", p.name.first_name().into())]),
            };
            let words: El<'a, Message> = column![name, d.txt(words, sizes.body)]
                .width(Length::Fill)
                .align_x(d.start())
                .into();
            let action: El<'a, Message> = match s.documents.get(id) {
                Some(DocumentState::OnFile(_)) => {
                    let not_mine = d.labelled(
                        d.t("documents-not-mine"),
                        Message::Go(Event::RejectDocumentOnFile(*id)),
                        ButtonKind::Secondary,
                    );
                    let confirm = d.labelled(
                        d.t("documents-confirm"),
                        Message::Go(Event::ConfirmDocumentOnFile(*id)),
                        ButtonKind::Primary,
                    );
                    if stacked {
                        column![confirm.width(Length::Fill), not_mine.width(Length::Fill)]
                            .spacing(theme::gap::ROW)
                            .into()
                    } else {
                        d.look()
                            .dir_row(vec![not_mine.into(), confirm.into()])
                            .spacing(theme::gap::ROW)
                            .into()
                    }
                }
                Some(DocumentState::Accepted(_)) => d
                    .look()
                    .dir_row(vec![
                        icon(CHECK, sizes.mark, d.palette().on_secondary),
                        text(d.t("documents-accepted"))
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
                .align_x(d.end())
                .align_y(iced::alignment::Vertical::Center);
            let row: El<'a, Message> = if narrow {
                column![
                    words,
                    container(action).width(Length::Fill).align_x(d.end())
                ]
                .spacing(theme::gap::ROW)
                .into()
            } else {
                d.look().dir_row(vec![words, action.into()]).into()
            };
            content = content.push(d.look().panel(row, PanelKind::Card));
        }
        scroll(content)
    }
}
