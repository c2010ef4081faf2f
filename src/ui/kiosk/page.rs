//! Drawing the kiosk: the page as it shows now (staff mode over everything, else the frame
//! around the screen), with the record speech and the keyboard read, and the renderer's
//! unseen warm-up screens under it; what the window subscribes to.

use super::Kiosk;
use crate::ui::draw::{Context, Draw, El, Record};
use crate::ui::frame::{self, Choices};
use crate::ui::message::Message;
use crate::ui::theme;
use iced::Subscription;

impl Kiosk {
    /// Readies the kiosk to open its window: a tour pictures the screens, a kiosk readies every
    /// language's letters.
    pub fn boot(&mut self) {
        if self.running.tour.is_none() {
            self.warm_up();
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            self.running.subscription(self.warm.drawing()),
            self.device_subscription(),
        ])
    }

    /// What every view is drawn with now.
    pub(super) fn context(&self) -> Context {
        Context {
            messages: self.looks.messages,
            locale: self.locale().to_string(),
            palette: *self.palette(),
            sizes: self.sizes(),
            room: self.window.room,
            compact: self.window.compact(self.visit.larger_text),
            now: (self.clock)(),
            speaking: self.speech.on(),
            focus: self.visit.focus,
        }
    }

    /// The page as it shows now, and its record (its buttons in focus order, what it says).
    pub(super) fn draw(&self) -> (El<'_, Message>, Record<Message>) {
        let mut d = Draw::new(self.context());
        let mut staff = d.part();
        let error = self.running.config_error();
        let page = match self.staff.view(&self.engine, error, &mut staff) {
            Some(view) => {
                d.adopt(staff, Message::Staff);
                view.map(Message::Staff)
            }
            None => {
                let choices = Choices {
                    larger_text: self.visit.larger_text,
                    high_contrast: self.visit.high_contrast,
                    confirming_start_over: self.visit.confirming_start_over,
                    unplugged: self.speech.unplugged(),
                    dark: self.speech.on() && self.looks.options.blank_in_speech,
                };
                let (engine, screen, brand) = (&self.engine, &self.screen, &self.looks.brand);
                let (on_frame, on_screen) = (Message::from_frame, Message::from_screen);
                frame::page(&mut d, engine, screen, brand, choices, on_frame, on_screen)
            }
        };
        (page, d.finish())
    }

    pub fn view(&self) -> El<'_, Message> {
        let page = self.draw().0;
        if !self.warm.drawing() {
            return page;
        }
        // Screens drawn only to warm the renderer, under Welcome on the window's own
        // background: nobody sees them or reaches them.
        let background = self.palette().background;
        let brand = &self.looks.brand;
        let mut layers = self.warm.views(&self.context(), brand, Message::unseen());
        layers.push(iced::widget::opaque(
            iced::widget::container(page)
                .width(iced::Length::Fill)
                .height(iced::Length::Fill)
                .style(move |_| iced::widget::container::Style {
                    background: Some(background.into()),
                    ..Default::default()
                }),
        ));
        iced::widget::Stack::with_children(layers).into()
    }

    pub fn theme(&self) -> iced::Theme {
        theme::iced_theme(self.palette())
    }

    pub fn style(&self, _theme: &iced::Theme) -> iced::theme::Style {
        self.window.style(self.palette())
    }

    /// Pixels per unit of the kiosk's layout (see [`theme::panel_scale`]).
    pub fn scale(&self) -> f32 {
        self.window.scale()
    }
}
