//! An exception: what went wrong, in the passenger's words, and the way on.

use crate::checkin::{Choice, Engine, Event, Exception};
use crate::ui::draw::{Draw, El, Tap, scroll};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use fluent_bundle::FluentValue;
use iced::widget::column;

/// What the passenger can do here: the engine's events.
pub type Message = Tap;

/// An exception keeps nothing of its own: what happened and the choices are the engine's.
#[derive(Debug, Default)]
pub struct State;

impl State {
    /// What happened (`e`), what happens next, the choices.
    pub fn view<'a>(
        &'a self,
        e: &'a Exception,
        engine: &'a Engine,
        d: &mut Draw<Message>,
    ) -> El<'a, Message> {
        let s = engine.session();
        let booking = s.booking.as_ref();
        let leg = booking.and_then(|b| b.legs.first());
        let tz = leg.map(|l| l.origin.time_zone).unwrap_or(chrono_tz::UTC);
        let time = e
            .time
            .map(|t| {
                let t = t.with_timezone(&tz);
                let day = d.messages().date(d.locale(), t.date_naive(), false);
                format!("{}, {day}", t.format("%H:%M"))
            })
            .unwrap_or_default();
        let (allowed, asked) = e.allowance.unwrap_or((0, 0));
        let detail = e.detail.clone().unwrap_or_default();
        let args: Vec<(&str, FluentValue)> = vec![
            ("attempts", e.attempts.into()),
            ("time", time.into()),
            ("airport", detail.clone().into()),
            ("service", detail.clone().into()),
            ("allowed", allowed.into()),
            ("asked", asked.into()),
            ("detail", detail.into()),
        ];
        let mut content = column![
            d.title(d.t("exception-title")),
            d.look()
                .panel(d.body(d.t_args(e.kind.code(), &args)), PanelKind::Notice),
        ]
        .spacing(theme::gap::SECTION);
        // Whether a person is coming, is unreachable or was never called is said once, by Help's
        // banner (the engine's account of the request): never here as well.
        let mut choices: Vec<El<'a, Message>> = Vec::new();
        for (i, choice) in e.choices.iter().enumerate() {
            // Calling an agent again is pointless while a request is open.
            if *choice == Choice::Staff && s.help_open() {
                continue;
            }
            let id = match choice {
                Choice::TryAgain => "choice-try-again",
                Choice::AnotherWay => "choice-another-way",
                Choice::Staff => "choice-staff",
                Choice::ContinueWithoutBags => "choice-continue-without-bags",
            };
            let kind = if i == 0 {
                ButtonKind::Primary
            } else {
                ButtonKind::Secondary
            };
            choices.push(
                d.labelled(d.t(id), Message::Go(Event::Choose(*choice)), kind)
                    .into(),
            );
        }
        content = content.push(d.look().action_row(choices));
        scroll(content)
    }
}
