//! [`MemoryStore`]: the default store, in process memory, bounded.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{AsyncDedupStore, ClaimOutcome, ClaimToken, DedupKey, DedupStore, StoreError, StoreFuture};

/// The default number of keys a [`MemoryStore`] holds.
pub const DEFAULT_CAPACITY: usize = 100_000;

/// Keys in process memory, each with its state and expiry: the default store
/// of a [`Deduplicator`](super::Deduplicator) and an
/// [`AsyncDeduplicator`](super::AsyncDeduplicator).
///
/// * **Bounded**: at most `capacity` keys (default [`DEFAULT_CAPACITY`],
///   about 120 bytes each). Expired keys are evicted on every insertion; when
///   the store is still full, the key closest to expiry is forgotten early, so a
///   flood of distinct deliveries can only make an old duplicate run again,
///   never make memory grow.
/// * **Atomic**: one mutex around the map, held for a few map operations
///   (never across a callback or an `.await`), so it serves `handle_async`
///   too without blocking the executor.
/// * **One process only**: receivers behind a load balancer need a shared
///   store (the `redis` feature's `RedisStore`, the `postgres` feature's
///   `PostgresStore`, or your own [`DedupStore`]). Keys are lost on restart.
///
/// ```
/// use std::time::Duration;
/// use esign_webhooks::Vendor;
/// use esign_webhooks::dedup::{ClaimOutcome, ClaimToken, DedupKey, DedupStore, MemoryStore};
///
/// let store = MemoryStore::with_capacity(2);
/// let key = DedupKey::from_body(Vendor::SignPlus, b"{}");
/// let (first, copy) = (ClaimToken::new(), ClaimToken::new());
/// let lease = Duration::from_secs(30);
/// assert_eq!(store.claim(&key, first, lease)?, ClaimOutcome::Claimed);
/// assert_eq!(store.claim(&key, copy, lease)?, ClaimOutcome::InFlight); // not a duplicate yet
/// assert!(!store.release(&key, copy)?); // a copy cannot release the first attempt's claim
/// assert!(store.release(&key, first)?); // the first attempt failed
/// assert_eq!(store.claim(&key, copy, lease)?, ClaimOutcome::Claimed);
/// assert!(store.complete(&key, copy, Duration::from_secs(3600))?);
/// assert_eq!(store.claim(&key, ClaimToken::new(), lease)?, ClaimOutcome::Done);
/// assert_eq!(store.len(), 1);
/// # Ok::<(), esign_webhooks::dedup::StoreError>(())
/// ```
#[derive(Debug)]
pub struct MemoryStore {
    capacity: usize,
    inner: Mutex<Inner>,
}

/// A key's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Pending(ClaimToken),
    Done,
}

#[derive(Debug, Default)]
struct Inner {
    /// Each key, its state and its place in `by_expiry`.
    keys: HashMap<DedupKey, (State, (Instant, u64))>,
    /// The same keys, ordered by expiry (then insertion, to make entries unique).
    by_expiry: BTreeMap<(Instant, u64), DedupKey>,
    next: u64,
}

impl Default for MemoryStore {
    fn default() -> Self {
        MemoryStore::new()
    }
}

impl MemoryStore {
    /// A store of at most [`DEFAULT_CAPACITY`] keys.
    pub fn new() -> Self {
        MemoryStore::with_capacity(DEFAULT_CAPACITY)
    }

    /// A store of at most `capacity` keys (at least one).
    pub fn with_capacity(capacity: usize) -> Self {
        MemoryStore {
            capacity: capacity.max(1),
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The most keys the store holds.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The number of keys held, expired ones not yet evicted included.
    pub fn len(&self) -> usize {
        self.lock().keys.len()
    }

    /// `true` when no key is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A poisoned lock only means another thread panicked while holding it;
    /// every operation leaves the maps consistent, so the data is still good.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn claim_at(&self, key: &DedupKey, token: ClaimToken, lease: Duration, now: Instant) -> ClaimOutcome {
        let mut inner = self.lock();
        inner.evict_expired(now);
        match inner.keys.get(key).map(|(state, _)| *state) {
            Some(State::Done) => ClaimOutcome::Done,
            Some(State::Pending(held)) if held != token => ClaimOutcome::InFlight,
            _ => {
                self.put(&mut inner, *key, State::Pending(token), expiry(now, lease));
                ClaimOutcome::Claimed
            }
        }
    }

    pub(crate) fn complete_at(&self, key: &DedupKey, token: ClaimToken, ttl: Duration, now: Instant) -> bool {
        let mut inner = self.lock();
        inner.evict_expired(now);
        match inner.keys.get(key).map(|(state, _)| *state) {
            Some(State::Done) => true,
            Some(State::Pending(held)) if held != token => false,
            _ => {
                self.put(&mut inner, *key, State::Done, expiry(now, ttl));
                true
            }
        }
    }

    fn release_now(&self, key: &DedupKey, token: ClaimToken) -> bool {
        let mut inner = self.lock();
        match inner.keys.get(key) {
            Some((State::Pending(held), _)) if *held == token => {
                inner.take(key);
                true
            }
            _ => false,
        }
    }

    /// Replaces `key`'s entry, making room first.
    fn put(&self, inner: &mut Inner, key: DedupKey, state: State, expires: Instant) {
        inner.take(&key);
        while inner.keys.len() >= self.capacity {
            if !inner.evict_first() {
                break;
            }
        }
        inner.put(key, state, expires);
    }
}

/// `now + ttl`, saturating far in the future instead of overflowing.
fn expiry(now: Instant, ttl: Duration) -> Instant {
    now.checked_add(ttl)
        .or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 24 * 3600)))
        .unwrap_or(now)
}

impl Inner {
    fn put(&mut self, key: DedupKey, state: State, expires: Instant) {
        self.next = self.next.wrapping_add(1);
        let slot = (expires, self.next);
        self.keys.insert(key, (state, slot));
        self.by_expiry.insert(slot, key);
    }

    fn take(&mut self, key: &DedupKey) {
        if let Some((_, slot)) = self.keys.remove(key) {
            self.by_expiry.remove(&slot);
        }
    }

    /// Drops every key whose expiry is at or before `now`.
    fn evict_expired(&mut self, now: Instant) {
        while let Some(entry) = self.by_expiry.first_entry() {
            if entry.key().0 > now {
                break;
            }
            let key = entry.remove();
            self.keys.remove(&key);
        }
    }

    /// Drops the key closest to expiry; `false` when empty.
    fn evict_first(&mut self) -> bool {
        match self.by_expiry.pop_first() {
            Some((_, key)) => {
                self.keys.remove(&key);
                true
            }
            None => false,
        }
    }
}

impl DedupStore for MemoryStore {
    fn claim(&self, key: &DedupKey, token: ClaimToken, lease: Duration) -> Result<ClaimOutcome, StoreError> {
        Ok(self.claim_at(key, token, lease, Instant::now()))
    }

    fn complete(&self, key: &DedupKey, token: ClaimToken, ttl: Duration) -> Result<bool, StoreError> {
        Ok(self.complete_at(key, token, ttl, Instant::now()))
    }

    fn release(&self, key: &DedupKey, token: ClaimToken) -> Result<bool, StoreError> {
        Ok(self.release_now(key, token))
    }
}

/// The same operations, ready at once: the mutex is held for a few map
/// operations only, so they do not block the executor.
impl AsyncDedupStore for MemoryStore {
    fn claim_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        Box::pin(std::future::ready(Ok(self.claim_at(key, token, lease, Instant::now()))))
    }

    fn complete_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken, ttl: Duration) -> StoreFuture<'a, bool> {
        Box::pin(std::future::ready(Ok(self.complete_at(
            key,
            token,
            ttl,
            Instant::now(),
        ))))
    }

    fn release_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken) -> StoreFuture<'a, bool> {
        Box::pin(std::future::ready(Ok(self.release_now(key, token))))
    }

    fn release_detached(&self, key: &DedupKey, token: ClaimToken) {
        self.release_now(key, token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vendor;

    fn key(n: u32) -> DedupKey {
        DedupKey::from_parts(Vendor::SignPlus, [n.to_le_bytes().as_slice()])
    }

    fn claimed(store: &MemoryStore, n: u32, ttl: Duration, now: Instant) -> bool {
        store.claim_at(&key(n), ClaimToken::new(), ttl, now) == ClaimOutcome::Claimed
    }

    #[test]
    fn expired_keys_are_evicted_and_may_be_claimed_again() {
        let store = MemoryStore::with_capacity(10);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        assert!(claimed(&store, 1, ttl, t0));
        assert!(!claimed(&store, 1, ttl, t0 + Duration::from_secs(59)));
        assert!(claimed(&store, 2, ttl, t0 + Duration::from_secs(30)));
        // At t0 + 60 s the first lease expires (and is evicted), the second does not.
        assert!(claimed(&store, 1, ttl, t0 + ttl));
        assert!(!claimed(&store, 2, ttl, t0 + ttl));
        assert_eq!(store.len(), 2);
        assert!(claimed(&store, 3, ttl, t0 + Duration::from_secs(1000)));
        assert_eq!(store.len(), 1, "both expired keys were evicted");
    }

    #[test]
    fn memory_is_bounded_by_forgetting_the_oldest() {
        let store = MemoryStore::with_capacity(3);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        for n in 0..1000 {
            assert!(claimed(&store, n, ttl, t0 + Duration::from_millis(u64::from(n))));
            assert!(store.len() <= 3);
        }
        let inner = store.lock();
        assert_eq!(inner.keys.len(), inner.by_expiry.len());
        drop(inner);
        let later = t0 + Duration::from_millis(1000);
        assert!(!claimed(&store, 999, ttl, later), "the newest keys are kept");
        assert!(claimed(&store, 0, ttl, later), "the oldest was forgotten");
    }

    #[test]
    fn complete_sets_the_ttl_and_huge_ttls_do_not_overflow() {
        let store = MemoryStore::with_capacity(10);
        let t0 = Instant::now();
        let token = ClaimToken::new();
        assert_eq!(
            store.claim_at(&key(1), token, Duration::from_secs(1), t0),
            ClaimOutcome::Claimed
        );
        assert!(store.complete_at(&key(1), token, Duration::from_secs(100), t0));
        let later = t0 + Duration::from_secs(50);
        assert_eq!(
            store.claim_at(&key(1), ClaimToken::new(), Duration::from_secs(1), later),
            ClaimOutcome::Done
        );
        assert!(claimed(&store, 2, Duration::MAX, t0));
        assert!(!claimed(&store, 2, Duration::MAX, t0 + Duration::from_secs(1_000_000)));
        assert_eq!(store.len(), 1, "key 1 expired at t0 + 100 s and was evicted");
    }

    #[test]
    fn a_late_attempt_cannot_complete_or_release_a_later_claim() {
        let store = MemoryStore::with_capacity(10);
        let t0 = Instant::now();
        let lease = Duration::from_secs(30);
        let (slow, retry) = (ClaimToken::new(), ClaimToken::new());
        assert_eq!(store.claim_at(&key(1), slow, lease, t0), ClaimOutcome::Claimed);
        // The slow attempt's lease expires; the retry claims the key.
        assert_eq!(store.claim_at(&key(1), retry, lease, t0 + lease), ClaimOutcome::Claimed);
        assert!(!store.release_now(&key(1), slow));
        assert!(!store.complete_at(&key(1), slow, lease, t0 + lease));
        assert_eq!(
            store.claim_at(&key(1), ClaimToken::new(), lease, t0 + lease),
            ClaimOutcome::InFlight
        );
        // The retry's own claim: re-claiming with its token (a retried command) still wins.
        assert_eq!(store.claim_at(&key(1), retry, lease, t0 + lease), ClaimOutcome::Claimed);
    }
}
