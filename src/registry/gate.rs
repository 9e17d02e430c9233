//! How `handle` and `handle_async` use a deduplicator: claim before anything
//! runs, then complete or release once the outcome is known. The attempt is a
//! drop guard: a panic or a dropped future releases the claim too.

use crate::dedup::{Admission, AsyncAttempt, AsyncDeduplicator, Attempt, DedupKey, Deduplicator};
use crate::registry::Report;
use crate::{Error, Event};

/// What to do with a verified delivery.
pub(crate) enum Gate<A> {
    /// Handle it; settle the attempt (if deduplicating) with the outcome.
    Run(Option<A>),
    /// A duplicate (200) or a copy of a delivery in flight (503): answer with
    /// this report, run nothing.
    Answer(Report),
}

/// Claims the event's key, when a deduplicator is configured.
pub(crate) fn enter(dedup: Option<&Deduplicator>, event: &Event) -> Result<Gate<Attempt>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    Ok(gate(dedup.claim(&DedupKey::of(event))?, event, dedup.lease()))
}

/// [`enter`], async.
pub(crate) async fn enter_async(dedup: Option<&AsyncDeduplicator>, event: &Event) -> Result<Gate<AsyncAttempt>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    Ok(gate(dedup.claim(&DedupKey::of(event)).await?, event, dedup.lease()))
}

fn gate<A>(admission: Admission<A>, event: &Event, lease: std::time::Duration) -> Gate<A> {
    match admission {
        Admission::Run(attempt) => Gate::Run(Some(attempt)),
        Admission::InFlight => Gate::Answer(Report::in_flight(event.vendor(), lease)),
        Admission::Done => Gate::Answer(Report::duplicate(event.vendor())),
    }
}

/// `true` when the delivery counts as handled: every callback succeeded.
fn handled(outcome: &Result<Report, Error>) -> bool {
    matches!(outcome, Ok(report) if report.failures().is_empty())
}

/// Completes the claim when every callback succeeded, releases it otherwise,
/// and passes the outcome through. A store failure here does not change the
/// answer: a success stays a success (an unrecorded key is pending until its
/// lease expires, then a copy runs again), and a failure stays a failure
/// (an unreleased claim answers copies 503 until its lease expires).
pub(crate) fn settle(attempt: Option<Attempt>, outcome: Result<Report, Error>) -> Result<Report, Error> {
    if let Some(attempt) = attempt {
        let _ = if handled(&outcome) {
            attempt.complete()
        } else {
            attempt.release()
        };
    }
    outcome
}

/// [`settle`], async.
pub(crate) async fn settle_async(
    attempt: Option<AsyncAttempt>,
    outcome: Result<Report, Error>,
) -> Result<Report, Error> {
    if let Some(attempt) = attempt {
        let _ = if handled(&outcome) {
            attempt.complete().await
        } else {
            attempt.release().await
        };
    }
    outcome
}
