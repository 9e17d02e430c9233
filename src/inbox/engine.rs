//! The [`Inbox`] trait: what an engine (memory, PostgreSQL, Redis Streams,
//! yours) does for receivers and workers.

use core::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::message::{InboxMessage, InboxMessageError};
use crate::dedup::{ClaimToken, StoreError, StoreFuture};

/// The future an [`Inbox`] method returns: boxed, so the trait is object safe
/// (`Arc<dyn Inbox>`: receivers and workers are written once for every
/// engine), with the dedup stores' error type, [`StoreError`], which keeps
/// server messages out of logs and answers.
pub type InboxFuture<'a, T> = StoreFuture<'a, T>;

/// What a worker holds for one pulled message until it settles it: the
/// engine's name for the message and the token of this lease, so that a
/// worker whose lease expired (the message went to another worker) can no
/// longer settle it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Receipt {
    engine_id: String,
    token: ClaimToken,
}

impl Receipt {
    /// A receipt for the message the engine calls `engine_id`, leased under `token`.
    pub fn new(engine_id: impl Into<String>, token: ClaimToken) -> Self {
        Receipt {
            engine_id: engine_id.into(),
            token,
        }
    }

    /// The engine's name for the message (a row id, a stream entry id…).
    pub fn engine_id(&self) -> &str {
        &self.engine_id
    }

    /// The lease's token.
    pub fn token(&self) -> ClaimToken {
        self.token
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receipt")
            .field("engine_id", &self.engine_id)
            .field("token", &self.token)
            .finish()
    }
}

/// One message handed to a worker by [`Inbox::pull`], leased to it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Delivery {
    /// Settles the lease: [`Inbox::ack`], [`Inbox::retry`], [`Inbox::dead_letter`].
    pub receipt: Receipt,
    /// The message, or why its bytes do not decode (a worker dead-letters those, never drops them).
    pub message: Result<InboxMessage, InboxMessageError>,
    /// How many times the engine handed this message out, this time included
    /// (1 the first time); engines that cannot count say 1.
    pub deliveries: u32,
}

impl Delivery {
    /// A delivery of `bytes` (decoded here) under `receipt`.
    pub fn new(receipt: Receipt, bytes: &[u8], deliveries: u32) -> Self {
        Delivery {
            receipt,
            message: InboxMessage::decode(bytes),
            deliveries,
        }
    }
}

/// A message a worker gave up on: after the configured number of failed
/// attempts, or one that cannot be read. Kept with its last error until it is
/// [replayed](Inbox::replay) or [discarded](Inbox::discard).
#[derive(Debug)]
#[non_exhaustive]
pub struct DeadLetter {
    /// The engine's name for it: what [`Inbox::replay`] and [`Inbox::discard`] take.
    pub engine_id: String,
    /// The message, or why its bytes do not decode.
    pub message: Result<InboxMessage, InboxMessageError>,
    /// Why it was dead-lettered: the last failure's text.
    pub error: String,
}

impl DeadLetter {
    /// A dead letter of `bytes` (decoded here).
    pub fn new(engine_id: impl Into<String>, bytes: &[u8], error: impl Into<String>) -> Self {
        DeadLetter {
            engine_id: engine_id.into(),
            message: InboxMessage::decode(bytes),
            error: error.into(),
        }
    }
}

/// An engine that keeps verified deliveries between the receivers that push
/// them and the workers that run their callbacks.
///
/// The contract (checked by [`conformance`](super::conformance), feature
/// `conformance`):
///
/// * **[`push`](Inbox::push)** returns `Ok` only once the message is as
///   durable as the engine makes anything (committed, fsynced as
///   configured): receivers answer the vendor 2xx after it, and only then.
/// * **[`pull`](Inbox::pull)** hands out up to `max` visible messages, each
///   leased to the caller for `lease`: no other pull sees it until the lease
///   expires, then it is handed out again (a worker died). It waits up to
///   `wait` for one to arrive.
/// * **[`extend`](Inbox::extend)** renews a lease held under the receipt
///   (`false` when it was lost); **[`ack`](Inbox::ack)** removes the
///   message; **[`retry`](Inbox::retry)** stores the updated message
///   (attempts, last error) and makes it visible again after `delay`;
///   **[`dead_letter`](Inbox::dead_letter)** moves it to the dead letters
///   with the error. Each returns `false`, changing nothing, when the receipt's
///   lease is no longer held (it expired and another worker may hold it).
/// * Dead letters are listed by [`dead_letters`](Inbox::dead_letters), pushed
///   back by [`replay`](Inbox::replay) (attempts reset) and removed by
///   [`discard`](Inbox::discard).
///
/// Delivery is **at least once**: a message is never lost once pushed, and may
/// be handed out twice (a lease expired, an acknowledgement was lost). Workers
/// claim each message's [`DedupKey`](crate::dedup::DedupKey) in the dedup store
/// before running callbacks, which turns that into "callbacks run once when
/// nothing fails".
pub trait Inbox: Send + Sync + fmt::Debug {
    /// Stores a message durably.
    fn push<'a>(&'a self, message: &'a InboxMessage) -> InboxFuture<'a, ()>;

    /// Leases up to `max` visible messages for `lease`, waiting up to `wait` for the first.
    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>>;

    /// Renews the lease held under `receipt` for `lease` from now.
    fn extend<'a>(&'a self, receipt: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool>;

    /// The message was handled: removes it.
    fn ack<'a>(&'a self, receipt: &'a Receipt) -> InboxFuture<'a, bool>;

    /// The run failed: stores `message` (its attempts and last error updated)
    /// in place of the leased one, visible again after `delay`.
    fn retry<'a>(&'a self, receipt: &'a Receipt, message: &'a InboxMessage, delay: Duration) -> InboxFuture<'a, bool>;

    /// Gives up on the message: moves it to the dead letters with `error`.
    fn dead_letter<'a>(&'a self, receipt: &'a Receipt, error: &'a str) -> InboxFuture<'a, bool>;

    /// Up to `limit` dead letters, oldest first.
    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>>;

    /// Pushes a dead letter back into the inbox, its attempts reset; `false` when there is none of that id.
    fn replay<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool>;

    /// Deletes a dead letter for good; `false` when there is none of that id.
    fn discard<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool>;
}

impl<T: Inbox + ?Sized> Inbox for Arc<T> {
    fn push<'a>(&'a self, message: &'a InboxMessage) -> InboxFuture<'a, ()> {
        (**self).push(message)
    }
    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        (**self).pull(max, lease, wait)
    }
    fn extend<'a>(&'a self, receipt: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool> {
        (**self).extend(receipt, lease)
    }
    fn ack<'a>(&'a self, receipt: &'a Receipt) -> InboxFuture<'a, bool> {
        (**self).ack(receipt)
    }
    fn retry<'a>(&'a self, receipt: &'a Receipt, message: &'a InboxMessage, delay: Duration) -> InboxFuture<'a, bool> {
        (**self).retry(receipt, message, delay)
    }
    fn dead_letter<'a>(&'a self, receipt: &'a Receipt, error: &'a str) -> InboxFuture<'a, bool> {
        (**self).dead_letter(receipt, error)
    }
    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        (**self).dead_letters(limit)
    }
    fn replay<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        (**self).replay(engine_id)
    }
    fn discard<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        (**self).discard(engine_id)
    }
}

/// The error of an engine operation that timed out.
pub(crate) fn timed_out(what: &str) -> StoreError {
    StoreError::new(
        crate::dedup::StoreErrorKind::Timeout,
        format!("the inbox did not answer the {what} in time"),
    )
}
