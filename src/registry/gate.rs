//! How `handle` and `handle_async` use a deduplicator: claim before anything
//! runs, then complete or release once the outcome is known. The attempt is a
//! drop guard: a panic or a dropped future releases the claim too.
//!
//! **No claim before authentication where authentication can come first.**
//! For every vendor but one, `dispatch` authenticates the delivery (a
//! signature, a token, a credential) before the gate is reached, so its
//! claim is an authenticated one. Ignisign is authenticated in a
//! confirmation phase that spends a single-use token at Ignisign: checking
//! it before the claim would spend it for every copy (and make every copy
//! but the first fail), so its delivery is claimed first, as an
//! **unauthenticated** claim ([`Deduplicator::claim_unauthenticated`]),
//! for which a store must evict nothing: a forged delivery can then never
//! displace a real one's state. The distinction is generic, not a vendor
//! name: an event that still needs a confirmation phase is unauthenticated.

use crate::dedup::{Admission, AsyncAttempt, AsyncDeduplicator, Attempt, DedupKey, Deduplicator};
use crate::registry::confirm::Confirmers;
use crate::registry::confirmed::{authenticated_by_verification, confirm_async, confirm_blocking};
use crate::registry::{ConfirmedEvent, Report};
use crate::tenant_id::TenantId;
use crate::{Error, Event};

/// A verified delivery at the gate: its key, and either the event as
/// callbacks see it (authenticated by verification) or the event still to
/// be authenticated by its confirmation phase.
pub(crate) struct Staged {
    key: DedupKey,
    event: Result<ConfirmedEvent, Box<Event>>,
}

impl Staged {
    /// The delivery `event` (verified by `dispatch`), at the gate; its key
    /// in `tenant`'s namespace when a multi-tenant receiver handles it.
    pub(crate) fn new(event: Event, tenant: Option<&TenantId>) -> Self {
        Staged {
            key: namespaced(DedupKey::of(&event), tenant),
            event: authenticated_by_verification(event),
        }
    }

    /// `true` when the delivery is authenticated already.
    fn authenticated(&self) -> bool {
        self.event.is_ok()
    }

    /// The event as callbacks see it, after its confirmation phase if it needs one (blocking).
    pub(crate) fn confirm_blocking(self, confirmers: &Confirmers) -> Result<ConfirmedEvent, Error> {
        match self.event {
            Ok(event) => Ok(event),
            Err(event) => confirm_blocking(confirmers, *event),
        }
    }

    /// [`confirm_blocking`](Staged::confirm_blocking), async.
    pub(crate) async fn confirm_async(self, confirmers: &Confirmers) -> Result<ConfirmedEvent, Error> {
        match self.event {
            Ok(event) => Ok(event),
            Err(event) => confirm_async(confirmers, *event).await,
        }
    }
}

/// `key` in `tenant`'s namespace ([`DedupKey::for_tenant`]): the one place
/// a delivery's key gets its tenant, for every key the gate claims.
pub(crate) fn namespaced(key: DedupKey, tenant: Option<&TenantId>) -> DedupKey {
    match tenant {
        Some(tenant) => key.for_tenant(tenant),
        None => key,
    }
}

/// What to do with a verified delivery.
pub(crate) enum Gate<A> {
    /// Handle it; settle the attempt (if deduplicating) with the outcome.
    Run(Option<A>),
    /// A duplicate (200) or a copy of a delivery in flight (503): answer with
    /// this report, run nothing. Boxed: a report is large, and this is the
    /// rare path.
    Answer(Box<Report>),
}

/// Claims the delivery's key, when a deduplicator is configured.
pub(crate) fn enter(dedup: Option<&Deduplicator>, staged: &Staged) -> Result<Gate<Attempt>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    let admission = match staged.authenticated() {
        true => dedup.claim(&staged.key)?,
        false => dedup.claim_unauthenticated(&staged.key)?,
    };
    Ok(gate(admission, &staged.key, dedup.lease()))
}

/// [`enter`], async.
pub(crate) async fn enter_async(
    dedup: Option<&AsyncDeduplicator>,
    staged: &Staged,
) -> Result<Gate<AsyncAttempt>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    let admission = match staged.authenticated() {
        true => dedup.claim(&staged.key).await?,
        false => dedup.claim_unauthenticated(&staged.key).await?,
    };
    Ok(gate(admission, &staged.key, dedup.lease()))
}

/// Claims `key`, an authenticated delivery's (an unreadable one's, keyed by
/// its verified bytes), when a deduplicator is configured.
pub(crate) fn enter_key(dedup: Option<&Deduplicator>, key: &DedupKey) -> Result<Gate<Attempt>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    Ok(gate(dedup.claim(key)?, key, dedup.lease()))
}

/// [`enter_key`], async.
pub(crate) async fn enter_key_async(
    dedup: Option<&AsyncDeduplicator>,
    key: &DedupKey,
) -> Result<Gate<AsyncAttempt>, Error> {
    let Some(dedup) = dedup else {
        return Ok(Gate::Run(None));
    };
    Ok(gate(dedup.claim(key).await?, key, dedup.lease()))
}

fn gate<A>(admission: Admission<A>, key: &DedupKey, lease: std::time::Duration) -> Gate<A> {
    match admission {
        Admission::Run(attempt) => Gate::Run(Some(attempt)),
        Admission::InFlight => Gate::Answer(Box::new(Report::in_flight(key.vendor(), lease))),
        Admission::Done => Gate::Answer(Box::new(Report::duplicate(key.vendor()))),
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

/// [`settle_async`] for an inbox worker: a successful run's completion is
/// retried (`tries` times, `pause` apart) while the store fails, since no
/// vendor waits for the answer; a release is not (its lease bounds it).
#[cfg_attr(not(feature = "inbox"), allow(dead_code))]
pub(crate) async fn settle_persistently(
    attempt: Option<AsyncAttempt>,
    outcome: Result<Report, Error>,
    tries: u32,
    pause: std::time::Duration,
) -> Result<Report, Error> {
    if let Some(attempt) = attempt {
        let _ = if handled(&outcome) {
            attempt.complete_persistently(tries, pause).await
        } else {
            attempt.release().await
        };
    }
    outcome
}
