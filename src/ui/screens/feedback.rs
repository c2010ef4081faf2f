//! Feedback: a score and, after a low one, a comment.

use crate::checkin::{Choice, Event};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::view::{BUTTON_PADDING, PAGE_SIDE, label_width};
use crate::ui::{El, Field, Kiosk, Message, fonts};
use iced::widget::{Column, column, container, svg, text};
use iced::{Alignment, Length};

/// Feedback faces, from very poor to very good.
pub const FACES: [&[u8]; 5] = [
    include_bytes!("../../../assets/pictograms/face-1.svg"),
    include_bytes!("../../../assets/pictograms/face-2.svg"),
    include_bytes!("../../../assets/pictograms/face-3.svg"),
    include_bytes!("../../../assets/pictograms/face-4.svg"),
    include_bytes!("../../../assets/pictograms/face-5.svg"),
];

impl Kiosk {
    /// After a low score: the passenger writes a comment.
    pub(in crate::ui) fn write_comment(&mut self) {
        self.visit.writing_comment = true;
        self.visit.field = Some(Field::Comment);
    }

    /// The comment goes to the service metrics (no name, no booking), and the session ends.
    pub(in crate::ui) fn send_comment(&mut self) {
        let comment = std::mem::take(&mut self.visit.typed.comment);
        if !comment.trim().is_empty() {
            self.backend
                .metrics
                .record_comment(comment.trim(), self.locale());
        }
        self.visit.writing_comment = false;
        self.dispatch(Event::Finish);
    }

    pub(in crate::ui) fn feedback(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let content = column![
            self.panel(
                self.para(
                    self.said(self.take_printed(), sizes.title)
                        .font(fonts::BOLD)
                ),
                PanelKind::Banner
            )
        ]
        .spacing(theme::gap::SECTION);
        if self.visit.writing_comment {
            // Send stays in view below the keyboard, however tall the passenger's script
            // makes it.
            return self.with_action(
                content
                    .push(self.field(Field::Comment))
                    .push(self.comment_keypad()),
                self.next_button(self.t("feedback-send"), Message::SendComment),
            );
        }
        if s.feedback_follow_up {
            let choices = [
                (
                    "feedback-talk",
                    Message::Engine(Event::Choose(Choice::Staff)),
                    ButtonKind::Primary,
                ),
                (
                    "feedback-comment",
                    Message::WriteComment,
                    ButtonKind::Secondary,
                ),
                (
                    "feedback-no-thanks",
                    Message::Engine(Event::Finish),
                    ButtonKind::Secondary,
                ),
            ];
            // Abreast where they fit, else one above the other: the last was pushed off a
            // portrait panel ("No, gracias", "Nein, danke").
            let abreast: f32 = choices
                .iter()
                .map(|(id, _, _)| label_width(&self.t(id), sizes.button) + BUTTON_PADDING)
                .sum::<f32>()
                + 2.0 * theme::gap::BLOCK;
            let fits = abreast <= self.room().width - 2.0 * PAGE_SIDE;
            let buttons: Vec<El<'_>> = choices
                .into_iter()
                .map(|(id, message, kind)| {
                    if fits {
                        self.labelled(self.t(id), message, kind).into()
                    } else {
                        self.labelled_wide(self.t(id), message, kind, Length::Fill)
                            .into()
                    }
                })
                .collect();
            let choices: El<'_> = if fits {
                self.action_row(buttons)
            } else {
                Column::with_children(buttons)
                    .spacing(theme::gap::ROW)
                    .into()
            };
            return content
                .push(self.title(self.t("feedback-sorry")))
                .push(choices)
                .into();
        }
        // Five faces abreast on every panel: on a narrow one they share its width (the last
        // face fell off a portrait screen: "Very good" in English, "Very poor" in Arabic).
        let room = self.room().width - 2.0 * PAGE_SIDE - 4.0 * theme::gap::BLOCK - 8.0;
        let wide = sizes.face_wide.min(room / 5.0);
        let face_size = sizes.face.min(wide - 24.0);
        let faces: Vec<El<'_>> = FACES
            .iter()
            .enumerate()
            .map(|(i, face)| {
                let score = i as u8 + 1;
                self.act(
                    container(
                        column![
                            svg(svg::Handle::from_memory(*face))
                                .width(Length::Fixed(face_size))
                                .height(Length::Fixed(face_size)),
                            text(self.t(&format!("feedback-{score}")))
                                .size(sizes.small)
                                .line_height(theme::LINE),
                        ]
                        .spacing(theme::gap::KEY_ROWS)
                        .align_x(Alignment::Center),
                    )
                    .center_x(Length::Fill)
                    .into(),
                    Message::Engine(Event::GiveFeedback(score)),
                    ButtonKind::Secondary,
                )
                .width(Length::Fixed(wide))
                .into()
            })
            .collect();
        // Faces run from poor to good in reading order.
        content
            .push(self.title(self.t("feedback-title")))
            .push(self.action_row(faces))
            .push(self.action_row(vec![
                self.labelled(
                    self.t("feedback-skip"),
                    Message::Engine(Event::SkipFeedback),
                    ButtonKind::Secondary,
                )
                .into(),
            ]))
            .into()
    }
}
