//! Feedback: a score and, after a low one, a comment.

use crate::checkin::{Choice, Event};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::view::PAGE_SIDE;
use crate::ui::{El, Field, Kiosk, Message, fonts};
use iced::widget::{column, container, svg, text};
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
            return content
                .push(self.title(self.t("feedback-sorry")))
                .push(self.action_row(vec![
                    self.labelled(
                        self.t("feedback-talk"),
                        Message::Engine(Event::Choose(Choice::Staff)),
                        ButtonKind::Primary,
                    )
                    .into(),
                    self.labelled(
                        self.t("feedback-comment"),
                        Message::WriteComment,
                        ButtonKind::Secondary,
                    )
                    .into(),
                    self.labelled(
                        self.t("feedback-no-thanks"),
                        Message::Engine(Event::Finish),
                        ButtonKind::Secondary,
                    )
                    .into(),
                ]))
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
