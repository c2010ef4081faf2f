//! Feedback: a score and, after a low one, a comment.

use crate::checkin::{Choice, Engine, Event};
use crate::ui::draw::{BUTTON_PADDING, Draw, El, Outcome, PAGE_SIDE, label_width, take_printed};
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fonts;
use crate::ui::input::{Field, KeyPress, Typed};
use crate::ui::keypad::{comment_keypad, text_field};
use crate::ui::theme::{self, ButtonKind, PanelKind};
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

/// What the passenger can do on Feedback.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// After a low score, write a comment.
    WriteComment,
    /// The comment keyboard: the passenger's own script (`true`) or Latin letters.
    CommentScript(bool),
    /// The comment field tapped.
    SelectField,
    Keypad(KeyPress),
    SendComment,
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// Feedback's own: the comment being written, and in which letters.
#[derive(Debug, Default)]
pub struct State {
    pub writing: bool,
    /// The comment keyboard shows Latin letters, not the passenger's own script.
    pub latin: bool,
    pub comment: String,
}

impl State {
    /// A key into the comment.
    fn type_key(&mut self, key: KeyPress) {
        let mut typed = Typed {
            comment: std::mem::take(&mut self.comment),
            ..Typed::default()
        };
        typed.press(Field::Comment, key);
        self.comment = typed.comment;
    }

    /// The comment, for the service metrics; the keyboard closes.
    fn send(&mut self) -> Outcome {
        self.writing = false;
        Outcome::Comment(std::mem::take(&mut self.comment))
    }

}

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State::default()
    }

    fn update(&mut self, message: Message, _: &Engine) -> Outcome {
        match message {
            Message::WriteComment => {
                self.writing = true;
                Outcome::Touched
            }
            Message::CommentScript(own) => {
                self.latin = !own;
                Outcome::Touched
            }
            Message::SelectField => Outcome::Touched,
            Message::Keypad(key) => {
                self.type_key(key);
                Outcome::Typed(key)
            }
            // The comment goes to the service metrics (no name, no booking), and the session
            // ends.
            Message::SendComment => self.send(),
            Message::Go(event) => Outcome::Engine(event),
            Message::Scrolled => Outcome::None,
        }
    }

    fn takes_typing(&self) -> bool {
        self.writing
    }

    fn press(&mut self, key: KeyPress) -> Option<KeyPress> {
        self.writing.then(|| {
            self.type_key(key);
            key
        })
    }

    /// Enter sends the comment being written.
    fn submit(&mut self) -> Outcome {
        if self.writing {
            self.send()
        } else {
            Outcome::None
        }
    }

    /// Writing a comment shows another set of buttons.
    fn layout(&self, _: &Engine) -> u8 {
        self.writing as u8
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let take = d.said(take_printed(d, s), sizes.title).font(fonts::BOLD);
        let content = column![d.look().panel(d.look().para(take), PanelKind::Banner)]
            .spacing(theme::gap::SECTION);
        if self.writing {
            // Send stays in view below the keyboard, however tall the passenger's script
            // makes it.
            let field = text_field(d, Field::Comment, &self.comment, true, Message::SelectField);
            let keys = comment_keypad(d, self.latin, Message::Keypad, Message::CommentScript);
            let send = d.next_button(d.t("feedback-send"), Message::SendComment);
            return d.with_action(s, content.push(field).push(keys), send);
        }
        if s.feedback_follow_up {
            let choices = [
                (
                    "feedback-talk",
                    Message::Go(Event::Choose(Choice::Staff)),
                    ButtonKind::Primary,
                ),
                (
                    "feedback-comment",
                    Message::WriteComment,
                    ButtonKind::Secondary,
                ),
                (
                    "feedback-no-thanks",
                    Message::Go(Event::Finish),
                    ButtonKind::Secondary,
                ),
            ];
            // Abreast where they fit, else one above the other: the last was pushed off a
            // portrait panel ("No, gracias", "Nein, danke").
            let abreast: f32 = choices
                .iter()
                .map(|(id, _, _)| label_width(&d.t(id), sizes.button) + BUTTON_PADDING)
                .sum::<f32>()
                + 2.0 * theme::gap::BLOCK;
            let fits = abreast <= d.room().width - 2.0 * PAGE_SIDE;
            let buttons: Vec<El<'a, Message>> = choices
                .into_iter()
                .map(|(id, message, kind)| {
                    if fits {
                        d.labelled(d.t(id), message, kind).into()
                    } else {
                        d.labelled_wide(d.t(id), message, kind, Length::Fill).into()
                    }
                })
                .collect();
            let choices: El<'a, Message> = if fits {
                d.look().action_row(buttons)
            } else {
                Column::with_children(buttons)
                    .spacing(theme::gap::ROW)
                    .into()
            };
            return content
                .push(d.title(d.t("feedback-sorry")))
                .push(choices)
                .into();
        }
        // Five faces abreast on every panel: on a narrow one they share its width (the last
        // face fell off a portrait screen: "Very good" in English, "Very poor" in Arabic).
        let room = d.room().width - 2.0 * PAGE_SIDE - 4.0 * theme::gap::BLOCK - 8.0;
        let wide = sizes.face_wide.min(room / 5.0);
        let face_size = sizes.face.min(wide - 24.0);
        let faces: Vec<El<'a, Message>> = FACES
            .iter()
            .enumerate()
            .map(|(i, face)| {
                let score = i as u8 + 1;
                d.act(
                    container(
                        column![
                            svg(svg::Handle::from_memory(*face))
                                .width(Length::Fixed(face_size))
                                .height(Length::Fixed(face_size)),
                            text(d.t(&format!("feedback-{score}")))
                                .size(sizes.small)
                                .line_height(theme::LINE),
                        ]
                        .spacing(theme::gap::KEY_ROWS)
                        .align_x(Alignment::Center),
                    )
                    .center_x(Length::Fill)
                    .into(),
                    Message::Go(Event::GiveFeedback(score)),
                    ButtonKind::Secondary,
                    d.t(&format!("feedback-{score}")),
                )
                .width(Length::Fixed(wide))
                .into()
            })
            .collect();
        // Faces run from poor to good in reading order.
        content
            .push(d.title(d.t("feedback-title")))
            .push(d.look().action_row(faces))
            .push(d.look().action_row(vec![
                d.labelled(
                    d.t("feedback-skip"),
                    Message::Go(Event::SkipFeedback),
                    ButtonKind::Secondary,
                )
                .into(),
            ]))
            .into()
    }
}
