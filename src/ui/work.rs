//! The engine's slow effects (a question to the airline, a print) performed away from the
//! screen's thread, through the same adapters `concierge checkin` uses: an airline over the
//! network may take seconds, and meanwhile the screen, the Help button and the idle timer stay
//! alive; the answer comes back as a message.

use super::message::{Message, Work};
use super::options::Backend;
use crate::checkin::{Effect, Event};
use crate::domain::Timestamp;
use crate::runtime::Adapters;
use iced::Task;

/// How long a print (or a question to the airline) may take on its thread before it counts as
/// a failure: a printer failure, or the airline system unavailable.
pub const OFF_SCREEN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(45);

/// Performs an effect here and now; the engine's answer, if it awaits one.
pub fn perform(backend: &Backend, effect: &Effect, now: Timestamp) -> Option<Event> {
    let adapters = Adapters {
        dcs: backend.dcs.as_ref(),
        printer: backend.printer.as_ref(),
        pager: backend.pager.as_ref(),
        passes: backend.passes.as_ref(),
    };
    adapters.perform(effect, now)
}

/// Performs a slow effect on a thread of its own; its answer (or, should it fail or overrun,
/// the failure the engine hears instead) comes back as [`Work::Answer`].
pub fn off_the_screen(backend: &Backend, effect: Effect, now: Timestamp) -> Task<Message> {
    let (dcs, printer, passes) = (
        backend.dcs.clone(),
        backend.printer.clone(),
        backend.passes.clone(),
    );
    // What the engine hears should the work fail, or overrun (a stuck cupsd).
    let failed = crate::runtime::failed_answer(&effect, "the work could not be carried out");
    let overran = crate::runtime::failed_answer(
        &effect,
        &format!("no answer within {} s", OFF_SCREEN_TIMEOUT.as_secs()),
    );
    Task::perform(
        async move {
            let work = tokio::task::spawn_blocking(move || {
                crate::runtime::off_the_screen(
                    dcs.as_ref(),
                    printer.as_ref(),
                    passes.as_ref(),
                    &effect,
                    now,
                )
            });
            match tokio::time::timeout(OFF_SCREEN_TIMEOUT, work).await {
                Ok(Ok(Some(event))) => Some(event),
                Ok(_) => failed,
                Err(_) => {
                    tracing::error!("work off the screen did not finish in time");
                    overran
                }
            }
        },
        |answer| Message::Effect(Work::Answer(answer.map(Box::new))),
    )
}

/// A session ended: a line in the log (no passenger data: the outcome, where it ended, how
/// long, how many taps and help requests) and a row in the service metrics.
pub fn session_ended(
    metrics: &dyn crate::metrics::Metrics,
    report: &crate::checkin::SessionReport,
) {
    tracing::info!(
        outcome = crate::metrics::outcome_code(report.outcome),
        last_step = report.last_step.code(),
        furthest = report.furthest.code(),
        seconds = report.seconds,
        taps = report.taps,
        help_requests = report.help_requests,
        "session ended"
    );
    metrics.record_session(report);
}
