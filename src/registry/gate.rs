//! How `handle` and `handle_async` use a [`Deduplicator`]: claim before
//! anything runs, then record or release once the outcome is known.

use crate::dedup::Deduplicator;
use crate::dedup_key::DedupKey;
use crate::registry::Report;
use crate::{Error, Event};

/// A claimed key, to settle once the delivery is handled.
pub(crate) struct Claim<'a> {
    dedup: &'a Deduplicator,
    key: DedupKey,
}

/// What to do with a verified delivery.
pub(crate) enum Gate<'a> {
    /// Handle it; settle the claim (if deduplicating) with the outcome.
    Run(Option<Claim<'a>>),
    /// A duplicate: answer with this report, run nothing.
    Duplicate(Report),
}

/// Claims the event's key, when a deduplicator is configured.
pub(crate) fn enter<'a>(dedup: Option<&'a Deduplicator>, event: &Event) -> Result<Gate<'a>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    let key = DedupKey::of(event);
    if dedup.claim(&key)? {
        Ok(Gate::Run(Some(Claim { dedup, key })))
    } else {
        Ok(Gate::Duplicate(Report::duplicate(event.vendor())))
    }
}

/// Records the key when every callback succeeded, releases it otherwise, and
/// passes the outcome through. A store failure here does not change the
/// answer: an unrecorded key expires after the pending TTL (a later copy is
/// then handled again); an unreleased one too (until then, copies are
/// reported as duplicates).
pub(crate) fn settle(claim: Option<Claim<'_>>, outcome: Result<Report, Error>) -> Result<Report, Error> {
    if let Some(Claim { dedup, key }) = claim {
        let handled = matches!(&outcome, Ok(report) if report.failures().is_empty());
        let _ = if handled {
            dedup.complete(&key)
        } else {
            dedup.release(&key)
        };
    }
    outcome
}
