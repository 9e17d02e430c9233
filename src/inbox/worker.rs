//! [`Worker`]: pulls messages from an [`Inbox`], runs the registry's
//! callbacks, and settles each message (ack, retry with backoff, dead letter).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::Poll;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::engine::{Delivery, Inbox, Receipt};
use super::message::InboxMessage;
use super::trace;
use crate::error::{Error, ErrorKind};
use crate::registry::{AsyncHandlers, Report, alongside, run_verified};

/// The default number of messages one worker runs at once.
pub const DEFAULT_CONCURRENCY: usize = 16;

/// The default lease of a pulled message: renewed every third of it while
/// its callbacks run, so it only expires when the worker is gone.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(30);

/// The default number of runs before a failing message is dead-lettered.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 8;

/// How long a worker waits between failed runs of a message: `first`, then
/// doubled each time, at most `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    first: Duration,
    max: Duration,
}

impl Backoff {
    /// `first` after the first failure, doubled after each next one, at most `max`.
    pub fn new(first: Duration, max: Duration) -> Self {
        Backoff {
            first,
            max: max.max(first),
        }
    }

    /// The wait after `failures` failed runs (1 for the first).
    pub fn delay(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(30);
        self.first.saturating_mul(1 << doublings).min(self.max)
    }
}

/// 1 s, doubling to at most 5 minutes: 8 attempts span about 4 minutes.
impl Default for Backoff {
    fn default() -> Self {
        Backoff::new(Duration::from_secs(1), Duration::from_secs(300))
    }
}

/// What a worker did, counted since it started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WorkerStats {
    /// Messages whose callbacks succeeded (or that were duplicates), acknowledged.
    pub handled: u64,
    /// Messages given back to run again later (a failure, or a copy in flight elsewhere).
    pub retried: u64,
    /// Messages moved to the dead letters.
    pub dead_lettered: u64,
    /// Settlements the inbox refused because this worker's lease was lost.
    pub lease_lost: u64,
    /// Inbox operations that failed (the message comes back after its lease).
    pub inbox_errors: u64,
}

#[derive(Default)]
struct Counters {
    handled: AtomicU64,
    retried: AtomicU64,
    dead_lettered: AtomicU64,
    lease_lost: AtomicU64,
    inbox_errors: AtomicU64,
}

impl Counters {
    fn stats(&self) -> WorkerStats {
        WorkerStats {
            handled: self.handled.load(Ordering::Relaxed),
            retried: self.retried.load(Ordering::Relaxed),
            dead_lettered: self.dead_lettered.load(Ordering::Relaxed),
            lease_lost: self.lease_lost.load(Ordering::Relaxed),
            inbox_errors: self.inbox_errors.load(Ordering::Relaxed),
        }
    }
}

/// Runs the callbacks of the messages in an [`Inbox`]: pull, parse, claim
/// the delivery's key in the handlers' dedup store, run the callbacks (as
/// [`Webhooks::handle_async`](crate::Webhooks::handle_async) does, with
/// `on_unreadable` for deliveries the model cannot read), then
///
/// * every callback succeeded (or the delivery was a duplicate): **ack**;
/// * a copy is being handled by another worker: back to the inbox, to look
///   again after the dedup lease, without counting an attempt;
/// * a callback failed, the dedup store or the confirmation could not be
///   reached: **retry** after a [`Backoff`], keeping the error in the
///   message; after [`max_attempts`](Worker::with_max_attempts) runs (or at
///   once for a vendor whose delivery cannot be confirmed twice, Ignisign),
///   **dead letter** with the error;
/// * unreadable by the model with no `on_unreadable` callback, or bytes that
///   are not a message: **dead letter** at once, never dropped.
///
/// While callbacks run, the worker renews the message's lease in the inbox
/// and the dedup claim, every third of their leases: a slow callback is never
/// run twice because it was slow. A worker that dies stops renewing, and the
/// message goes to another worker once the lease expires.
///
/// At most [`concurrency`](Worker::with_concurrency) messages run at once;
/// [`run`](Worker::run) stops pulling when its shutdown future completes,
/// finishes the messages in flight and returns.
///
/// Give the handlers a shared dedup store ([`AsyncHandlers::deduplicate_with`])
/// for a fleet: the inbox delivers at least once, and the claim makes
/// callbacks run once when nothing fails.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// use esign_webhooks::inbox::{Inbox, MemoryInbox, Receiver, Worker};
/// use esign_webhooks::{AsyncHandlers, Secret, Webhooks, constellation};
/// use esign_webhooks::dedup::AsyncDeduplicator;
///
/// let webhooks = Webhooks::builder()
///     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
///     .build()?;
/// let inbox = Arc::new(MemoryInbox::new());
/// let receiver = Receiver::new(Arc::new(webhooks), inbox.clone());
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let handoff = receiver.receive(body, &[("x-token", "t")]).await?;
/// assert_eq!(handoff.response().status(), 200); // answered once the inbox holds it
///
/// let mut handlers = AsyncHandlers::new();
/// handlers.on_any(|event| async move { println!("{} event", event.vendor()); Ok(()) });
/// handlers.deduplicate_with(AsyncDeduplicator::in_memory());
/// let worker = Worker::new(inbox.clone(), Arc::new(handlers));
/// assert_eq!(worker.run_once().await?, 1);
/// assert!(inbox.is_empty());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Worker {
    inner: Arc<Inner>,
}

struct Inner {
    inbox: Arc<dyn Inbox>,
    handlers: Arc<AsyncHandlers>,
    concurrency: usize,
    lease: Duration,
    max_attempts: u32,
    backoff: Backoff,
    poll_wait: Duration,
    counters: Counters,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Worker")
            .field("inbox", &inner.inbox)
            .field("concurrency", &inner.concurrency)
            .field("lease", &inner.lease)
            .field("max_attempts", &inner.max_attempts)
            .field("backoff", &inner.backoff)
            .finish_non_exhaustive()
    }
}

/// How one run of a message ended.
enum Run {
    /// Callbacks succeeded, or a duplicate: ack.
    Handled,
    /// A copy is in flight elsewhere: look again after this long.
    Busy(Duration),
    /// Failed; retry unless out of attempts.
    Failed(String),
    /// Failed in a way no retry mends: dead letter now.
    Fatal(String),
}

impl Worker {
    /// A worker pulling from `inbox` and running `handlers`' callbacks.
    pub fn new(inbox: Arc<dyn Inbox>, handlers: Arc<AsyncHandlers>) -> Self {
        Worker {
            inner: Arc::new(Inner {
                inbox,
                handlers,
                concurrency: DEFAULT_CONCURRENCY,
                lease: DEFAULT_LEASE,
                max_attempts: DEFAULT_MAX_ATTEMPTS,
                backoff: Backoff::default(),
                poll_wait: Duration::from_secs(1),
                counters: Counters::default(),
            }),
        }
    }

    fn configure(mut self, change: impl FnOnce(&mut Inner)) -> Self {
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            change(inner);
        }
        self
    }

    /// Runs at most `concurrency` messages at once (default [`DEFAULT_CONCURRENCY`], at least 1).
    /// Set before the worker is cloned or run.
    pub fn with_concurrency(self, concurrency: usize) -> Self {
        self.configure(|inner| inner.concurrency = concurrency.max(1))
    }

    /// Leases each pulled message for `lease` (default [`DEFAULT_LEASE`], at least
    /// 100 ms), renewed every third of it while its callbacks run: after a crash,
    /// the message goes to another worker within about this long.
    pub fn with_lease(self, lease: Duration) -> Self {
        self.configure(|inner| inner.lease = lease.max(Duration::from_millis(100)))
    }

    /// Dead-letters a message after `attempts` failed runs (default [`DEFAULT_MAX_ATTEMPTS`], at least 1).
    pub fn with_max_attempts(self, attempts: u32) -> Self {
        self.configure(|inner| inner.max_attempts = attempts.max(1))
    }

    /// Waits between failed runs of a message as `backoff` says.
    pub fn with_backoff(self, backoff: Backoff) -> Self {
        self.configure(|inner| inner.backoff = backoff)
    }

    /// Waits up to `wait` for a message in each pull (default 1 s): also how
    /// long [`run`](Worker::run) may take to notice its shutdown when idle.
    pub fn with_poll_wait(self, wait: Duration) -> Self {
        self.configure(|inner| inner.poll_wait = wait)
    }

    /// What the worker did so far.
    pub fn stats(&self) -> WorkerStats {
        self.inner.counters.stats()
    }

    /// Pulls once (up to the concurrency, without waiting) and runs what it
    /// got to completion, concurrently; returns how many messages it ran.
    pub async fn run_once(&self) -> Result<usize, Error> {
        let inner = &self.inner;
        let deliveries = inner
            .inbox
            .pull(inner.concurrency, inner.lease, Duration::ZERO)
            .await
            .map_err(inbox_error)?;
        let count = deliveries.len();
        let mut tasks = JoinSet::new();
        for delivery in deliveries {
            let inner = Arc::clone(inner);
            tasks.spawn(async move { inner.process(delivery).await });
        }
        while tasks.join_next().await.is_some() {}
        Ok(count)
    }

    /// Runs until `shutdown` completes: pulls whenever fewer than the
    /// concurrency run, runs each message in its own task, then, once
    /// `shutdown` completed, takes no new message, waits for those in flight
    /// and returns what it did. An inbox that fails is tried again after a
    /// pause; a panicking callback fails its message only.
    pub async fn run(&self, shutdown: impl Future<Output = ()>) -> WorkerStats {
        let inner = &self.inner;
        let permits = Arc::new(Semaphore::new(inner.concurrency));
        let mut tasks = JoinSet::new();
        let mut shutdown = std::pin::pin!(shutdown);
        let mut pause = Duration::from_millis(50);
        while !fired(shutdown.as_mut()).await {
            while tasks.try_join_next().is_some() {}
            // Wait for room: a message is pulled only when it can start at once,
            // so no lease runs out while the message waits for a slot.
            let Ok(first) = Arc::clone(&permits).acquire_owned().await else {
                break;
            };
            let room = permits.available_permits() + 1;
            let deliveries = match inner.inbox.pull(room, inner.lease, inner.poll_wait).await {
                Ok(deliveries) => {
                    pause = Duration::from_millis(50);
                    deliveries
                }
                Err(err) => {
                    inner.counters.inbox_errors.fetch_add(1, Ordering::Relaxed);
                    trace::outcome("pull failed", Some(&err.to_string()));
                    drop(first);
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(5));
                    continue;
                }
            };
            let mut first = Some(first);
            for delivery in deliveries {
                let permit = match first.take() {
                    Some(permit) => permit,
                    None => match Arc::clone(&permits).try_acquire_owned() {
                        Ok(permit) => permit,
                        // Not expected (the pull asked for the room there was): wait for one.
                        Err(_) => match Arc::clone(&permits).acquire_owned().await {
                            Ok(permit) => permit,
                            Err(_) => break,
                        },
                    },
                };
                let inner = Arc::clone(inner);
                tasks.spawn(async move {
                    inner.process(delivery).await;
                    drop(permit);
                });
            }
        }
        while tasks.join_next().await.is_some() {}
        self.stats()
    }
}

/// `true` once `shutdown` completed (polled once, without waiting).
async fn fired<F: Future<Output = ()>>(mut shutdown: std::pin::Pin<&mut F>) -> bool {
    std::future::poll_fn(|cx| Poll::Ready(shutdown.as_mut().poll(cx).is_ready())).await
}

fn inbox_error(err: crate::dedup::StoreError) -> Error {
    Error::new(ErrorKind::DedupStore {
        reason: format!("inbox: {err}"),
    })
}

impl Inner {
    async fn process(&self, delivery: Delivery) {
        let Delivery {
            receipt,
            message,
            deliveries,
        } = delivery;
        let message = match message {
            Ok(message) => message,
            Err(err) => {
                self.dead_letter(&receipt, &format!("not an inbox message: {err}"))
                    .await;
                return;
            }
        };
        let attempt = message.attempts().saturating_add(1);
        let span = trace::run_span(message.id(), message.vendor(), attempt);
        trace::within(span, self.process_message(receipt, message, deliveries)).await;
    }

    async fn process_message(&self, receipt: Receipt, message: InboxMessage, deliveries: u32) {
        // A message handed out again and again without ever being settled kills
        // its worker each time (a crash loop): stop it like a failing one.
        let limit = self.max_attempts.saturating_mul(2).saturating_add(2);
        if deliveries > limit {
            let error = format!("handed out {deliveries} times without an outcome (did its worker die each time?)");
            self.dead_letter(&receipt, &error).await;
            return;
        }
        let run = alongside(self.run(&message), self.renew_lease(&receipt)).await;
        match run {
            Run::Handled => match self.inbox.ack(&receipt).await {
                Ok(true) => {
                    self.counters.handled.fetch_add(1, Ordering::Relaxed);
                    trace::outcome("handled", None);
                }
                // Another worker holds it now and will find it done in the dedup store.
                Ok(false) => self.lost(),
                Err(err) => self.engine_failed("ack", &err),
            },
            Run::Busy(delay) => self.retry(&receipt, &message, delay, None).await,
            Run::Failed(error) if message.attempts().saturating_add(1) < self.max_attempts => {
                let delay = self.backoff.delay(message.attempts().saturating_add(1));
                self.retry(&receipt, &message, delay, Some(&error)).await;
            }
            Run::Failed(error) | Run::Fatal(error) => self.dead_letter(&receipt, &error).await,
        }
    }

    /// Runs the message's callbacks, renewing the dedup claim while they run.
    async fn run(&self, message: &InboxMessage) -> Run {
        let vendor = message.vendor();
        let dedup_lease = self.handlers.deduplicator().map(|dedup| dedup.lease());
        // A multi-tenant receiver's message is deduplicated in its tenant's
        // namespace, as the receiver would have; a tenant that is not a valid
        // id was not written by this crate's receiver: kept as a dead letter.
        let tenant = match message.tenant().map(crate::tenant_id::TenantId::new).transpose() {
            Ok(tenant) => tenant,
            Err(_) => return Run::Fatal("the message's tenant is not a valid tenant id".to_owned()),
        };
        let outcome = run_verified(&self.handlers, message.body(), tenant.as_ref(), |attempt| {
            Box::pin(async move {
                let (Some(attempt), Some(lease)) = (attempt, dedup_lease) else {
                    return;
                };
                renew_claim(attempt, lease).await;
            })
        })
        .await;

        match outcome {
            // Looked at again soon: the other run usually ends well before its lease.
            Ok(report) if report.is_in_flight() => {
                Run::Busy(report.retry_after().unwrap_or(self.lease).min(self.backoff.delay(1)))
            }
            Ok(report) if report.failures().is_empty() => Run::Handled,
            Ok(report) => {
                let error = failures(&report);
                if crate::dispatch::retries_on_failure(vendor) {
                    Run::Failed(error)
                } else {
                    // Its delivery was confirmed once (Ignisign's single-use token): a retry cannot be.
                    Run::Fatal(error)
                }
            }
            Err(err) => match err.kind() {
                ErrorKind::Unreadable { .. } => Run::Fatal(format!(
                    "unreadable by this crate's model and no on_unreadable callback: {err}"
                )),
                _ => Run::Failed(err.to_string()),
            },
        }
    }

    /// Renews the message's lease every third of it; ends when the lease is lost.
    async fn renew_lease(&self, receipt: &Receipt) {
        loop {
            tokio::time::sleep(self.lease / 3).await;
            match self.inbox.extend(receipt, self.lease).await {
                Ok(true) => {}
                Ok(false) => {
                    trace::outcome("lease lost", Some("the message's lease expired before it was renewed"));
                    return;
                }
                Err(err) => trace::outcome("lease renewal failed", Some(&err.to_string())),
            }
        }
    }

    async fn retry(&self, receipt: &Receipt, message: &InboxMessage, delay: Duration, error: Option<&str>) {
        let updated;
        let message = match error {
            Some(error) => {
                updated = message.clone().failed(error);
                &updated
            }
            None => message,
        };
        match self.inbox.retry(receipt, message, delay).await {
            Ok(true) => {
                self.counters.retried.fetch_add(1, Ordering::Relaxed);
                trace::outcome("retry", error);
            }
            Ok(false) => self.lost(),
            Err(err) => self.engine_failed("retry", &err),
        }
    }

    async fn dead_letter(&self, receipt: &Receipt, error: &str) {
        match self.inbox.dead_letter(receipt, error).await {
            Ok(true) => {
                self.counters.dead_lettered.fetch_add(1, Ordering::Relaxed);
                trace::outcome("dead letter", Some(error));
            }
            Ok(false) => self.lost(),
            Err(err) => self.engine_failed("dead letter", &err),
        }
    }

    fn lost(&self) {
        self.counters.lease_lost.fetch_add(1, Ordering::Relaxed);
        trace::outcome("lease lost", Some("another worker holds the message now"));
    }

    /// The message stays leased and comes back once the lease expires.
    fn engine_failed(&self, what: &'static str, err: &crate::dedup::StoreError) {
        self.counters.inbox_errors.fetch_add(1, Ordering::Relaxed);
        trace::outcome(what, Some(&err.to_string()));
    }
}

/// Renews a dedup claim every third of its lease while its callbacks run; ends when it is lost.
async fn renew_claim(attempt: &crate::dedup::AsyncAttempt, lease: Duration) {
    loop {
        tokio::time::sleep(lease / 3).await;
        match attempt.renew().await {
            Ok(true) => {}
            Ok(false) => {
                trace::outcome("dedup claim lost", Some("the claim expired and a copy took it"));
                return;
            }
            Err(err) => trace::outcome("dedup renew failed", Some(&err.to_string())),
        }
    }
}

/// The failures of a report, as the text kept with the message.
fn failures(report: &Report) -> String {
    let texts: Vec<String> = report.failures().iter().map(ToString::to_string).collect();
    texts.join("; ")
}
