//! [`MemoryInbox`]: an inbox in this process's memory, for tests, examples
//! and the quickstart. **Not durable.**

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use super::engine::{DeadLetter, Delivery, Inbox, InboxFuture, Receipt};
use super::message::InboxMessage;
use crate::dedup::ClaimToken;

/// An [`Inbox`] in memory: leases, delays, dead letters and wake-ups as the
/// real engines have them, in one process.
///
/// **Not durable**: a message pushed is lost when the process ends, so a
/// receiver using it answers 2xx for deliveries a crash then loses. Use it in
/// tests, examples and a single-process service that accepts that; use
/// `PostgresInbox` (feature `postgres`) or `RedisInbox` (feature `redis`) for
/// a fleet.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::time::Duration;
/// use esign_webhooks::inbox::{Inbox, InboxMessage, MemoryInbox};
/// use esign_webhooks::{Secret, Webhooks, constellation};
///
/// let webhooks = Webhooks::builder()
///     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
///     .build()?;
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let inbox = MemoryInbox::new();
/// inbox.push(&InboxMessage::of(&webhooks.verify(body, &[("x-token", "t")])?)).await?;
/// let pulled = inbox.pull(10, Duration::from_secs(30), Duration::ZERO).await?;
/// assert_eq!(pulled.len(), 1);
/// assert!(inbox.ack(&pulled[0].receipt).await?);
/// assert!(inbox.is_empty());
/// # Ok(()) }
/// ```
#[derive(Default)]
pub struct MemoryInbox {
    state: Mutex<State>,
    arrived: Notify,
}

impl std::fmt::Debug for MemoryInbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.lock();
        f.debug_struct("MemoryInbox")
            .field("messages", &state.entries.len())
            .field("dead_letters", &state.dead.len())
            .finish()
    }
}

#[derive(Default)]
struct State {
    next: u64,
    entries: HashMap<u64, Entry>,
    /// Visible messages, oldest first (ids; a stale id is skipped).
    ready: VecDeque<u64>,
    /// When a leased or delayed message becomes visible: (time, id, generation).
    timers: BinaryHeap<Reverse<(Instant, u64, u64)>>,
    dead: BTreeMap<u64, (Vec<u8>, String)>,
}

struct Entry {
    bytes: Vec<u8>,
    deliveries: u32,
    /// Bumped at every change of state, so a stale timer or ready id does nothing.
    generation: u64,
    lease: Option<ClaimToken>,
    visible: bool,
}

impl MemoryInbox {
    /// An empty inbox.
    pub fn new() -> Self {
        MemoryInbox::default()
    }

    /// The number of messages held (visible, leased or delayed), dead letters apart.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// `true` when no message is held (dead letters apart).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves consistent state: every change is a few assignments.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Leases up to `max` visible messages, or says when the next one becomes visible.
    fn take(&self, max: usize, lease: Duration) -> Result<Vec<Delivery>, Option<Instant>> {
        let mut state = self.lock();
        let now = Instant::now();
        state.promote(now);
        let mut out = Vec::new();
        while out.len() < max {
            let Some(id) = state.ready.pop_front() else { break };
            let token = ClaimToken::new();
            let until = now + lease;
            let Some(entry) = state.entries.get_mut(&id) else {
                continue;
            };
            if !entry.visible {
                continue;
            }
            entry.visible = false;
            entry.lease = Some(token);
            entry.generation += 1;
            entry.deliveries = entry.deliveries.saturating_add(1);
            let generation = entry.generation;
            out.push(Delivery::new(
                Receipt::new(id.to_string(), token),
                &entry.bytes,
                entry.deliveries,
            ));
            state.timers.push(Reverse((until, id, generation)));
        }
        if out.is_empty() {
            return Err(state.timers.peek().map(|Reverse((at, _, _))| *at));
        }
        Ok(out)
    }

    /// Runs `change` on the entry leased under `receipt`; `false` when the lease is not held.
    fn settle(&self, receipt: &Receipt, change: impl FnOnce(&mut State, u64) -> bool) -> bool {
        let Ok(id) = receipt.engine_id().parse::<u64>() else {
            return false;
        };
        let mut state = self.lock();
        state.promote(Instant::now());
        let held = state
            .entries
            .get(&id)
            .is_some_and(|entry| entry.lease == Some(receipt.token()));
        held && change(&mut state, id)
    }
}

impl State {
    /// Makes every message whose lease or delay ran out visible.
    fn promote(&mut self, now: Instant) {
        while let Some(Reverse((at, id, generation))) = self.timers.peek().copied() {
            if at > now {
                break;
            }
            self.timers.pop();
            if let Some(entry) = self.entries.get_mut(&id) {
                if entry.generation == generation {
                    entry.visible = true;
                    entry.lease = None;
                    entry.generation += 1;
                    self.ready.push_back(id);
                }
            }
        }
    }

    fn insert(&mut self, bytes: Vec<u8>) {
        self.next += 1;
        let id = self.next;
        self.entries.insert(
            id,
            Entry {
                bytes,
                deliveries: 0,
                generation: 0,
                lease: None,
                visible: true,
            },
        );
        self.ready.push_back(id);
    }
}

impl Inbox for MemoryInbox {
    fn push<'a>(&'a self, message: &'a InboxMessage) -> InboxFuture<'a, ()> {
        let bytes = message.encode();
        self.lock().insert(bytes);
        self.arrived.notify_waiters();
        self.arrived.notify_one();
        Box::pin(async { Ok(()) })
    }

    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        Box::pin(async move {
            let deadline = Instant::now() + wait;
            loop {
                let notified = self.arrived.notified();
                tokio::pin!(notified);
                // Registered before looking, so a push in between is not missed.
                notified.as_mut().enable();
                let next = match self.take(max.max(1), lease) {
                    Ok(deliveries) => return Ok(deliveries),
                    Err(next) => next,
                };
                let now = Instant::now();
                if now >= deadline {
                    return Ok(Vec::new());
                }
                let until = next.map_or(deadline, |next| next.min(deadline));
                let _ = tokio::time::timeout(until.saturating_duration_since(now), notified).await;
            }
        })
    }

    fn extend<'a>(&'a self, receipt: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool> {
        let done = self.settle(receipt, |state, id| {
            let Some(entry) = state.entries.get_mut(&id) else {
                return false;
            };
            entry.generation += 1;
            let generation = entry.generation;
            state.timers.push(Reverse((Instant::now() + lease, id, generation)));
            true
        });
        Box::pin(async move { Ok(done) })
    }

    fn ack<'a>(&'a self, receipt: &'a Receipt) -> InboxFuture<'a, bool> {
        let done = self.settle(receipt, |state, id| state.entries.remove(&id).is_some());
        Box::pin(async move { Ok(done) })
    }

    fn retry<'a>(&'a self, receipt: &'a Receipt, message: &'a InboxMessage, delay: Duration) -> InboxFuture<'a, bool> {
        let bytes = message.encode();
        let done = self.settle(receipt, |state, id| {
            let Some(entry) = state.entries.get_mut(&id) else {
                return false;
            };
            entry.bytes = bytes;
            entry.lease = None;
            entry.generation += 1;
            let generation = entry.generation;
            state.timers.push(Reverse((Instant::now() + delay, id, generation)));
            true
        });
        Box::pin(async move { Ok(done) })
    }

    fn dead_letter<'a>(&'a self, receipt: &'a Receipt, error: &'a str) -> InboxFuture<'a, bool> {
        let done = self.settle(receipt, |state, id| match state.entries.remove(&id) {
            Some(entry) => {
                state.dead.insert(id, (entry.bytes, error.to_owned()));
                true
            }
            None => false,
        });
        Box::pin(async move { Ok(done) })
    }

    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        let letters = self
            .lock()
            .dead
            .iter()
            .take(limit)
            .map(|(id, (bytes, error))| DeadLetter::new(id.to_string(), bytes, error.as_str()))
            .collect();
        Box::pin(async move { Ok(letters) })
    }

    fn replay<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        let done = {
            let mut state = self.lock();
            match engine_id.parse::<u64>().ok().and_then(|id| state.dead.remove(&id)) {
                Some((bytes, _)) => {
                    // A message that decodes goes back as first pushed; one that does not, as it was.
                    let bytes = InboxMessage::decode(&bytes).map_or(bytes, |message| message.reset().encode());
                    state.insert(bytes);
                    true
                }
                None => false,
            }
        };
        if done {
            self.arrived.notify_one();
        }
        Box::pin(async move { Ok(done) })
    }

    fn discard<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        let done = engine_id
            .parse::<u64>()
            .ok()
            .is_some_and(|id| self.lock().dead.remove(&id).is_some());
        Box::pin(async move { Ok(done) })
    }
}
