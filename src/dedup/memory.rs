//! [`MemoryStore`]: the default store, in process memory, bounded.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{AsyncDedupStore, ClaimOutcome, ClaimToken, DedupKey, DedupStore, StoreError, StoreErrorKind, StoreFuture};

/// The default number of keys a [`MemoryStore`] holds.
pub const DEFAULT_CAPACITY: usize = 100_000;

/// Keys in process memory, each with its state and expiry: the default store
/// of a [`Deduplicator`](super::Deduplicator) and an
/// [`AsyncDeduplicator`](super::AsyncDeduplicator).
///
/// * **Bounded**: at most `capacity` keys (default [`DEFAULT_CAPACITY`],
///   about 120 bytes each). Expired keys are evicted on every insertion; when
///   the store is still full, the **done** key closest to expiry is forgotten
///   early (a flood of distinct deliveries can only make an old duplicate run
///   again, never make memory grow). Authenticated claims and completions keep
///   a sixteenth of the capacity (at least one place) free of done keys this
///   way, so that deliveries claimed before authentication are not starved by
///   a store full of duplicates.
/// * **Claims in flight are never evicted**: a pending claim is forgotten
///   only when its lease expires or its attempt settles it. Evicting one would
///   let a copy of that delivery run its callbacks concurrently.
/// * **Claims before authentication evict nothing**
///   ([`claim_unauthenticated`](DedupStore::claim_unauthenticated), used for
///   Ignisign, whose single-use token is checked after the claim): such a
///   claim only takes a free place, and such claims hold at most half of the
///   capacity at once, so a flood of forged deliveries can neither displace a
///   real delivery's state nor fill the store.
/// * **Full is retryable**: a claim or completion that finds no place (only
///   claims in flight left, or the pre-authentication half used up) fails
///   with a store error, which `handle` answers 503: the vendor retries later.
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
    /// Claimed by the attempt holding the token; `authenticated` is `false`
    /// for a claim taken before its delivery was authenticated.
    Pending {
        token: ClaimToken,
        authenticated: bool,
    },
    Done,
}

/// Whether the delivery behind an operation was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trust {
    /// Authenticated: may evict done keys (never pending ones).
    Authenticated,
    /// Not yet authenticated: evicts nothing.
    Unauthenticated,
}

/// A place in expiry order: the expiry, then the insertion (to make entries unique).
type Slot = (Instant, u64);

#[derive(Debug, Default)]
struct Inner {
    /// Each key, its state and its place in `pending` or `done`.
    keys: HashMap<DedupKey, (State, Slot)>,
    /// The pending keys, ordered by lease expiry.
    pending: BTreeMap<Slot, DedupKey>,
    /// The done keys, ordered by TTL expiry: the eviction order.
    done: BTreeMap<Slot, DedupKey>,
    /// How many pending keys were claimed before authentication.
    unauthenticated: usize,
    next: u64,
}

/// Why there was no place for a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Full {
    /// Only claims in flight are left, and those are never evicted.
    InFlight,
    /// No free place, and a claim before authentication evicts nothing.
    NoFreePlace,
    /// Claims taken before authentication already hold their share.
    Unauthenticated,
}

impl Full {
    fn into_error(self, capacity: usize) -> StoreError {
        let why = match self {
            Full::InFlight => "only claims in flight are left, and they are never evicted",
            Full::NoFreePlace => "no free place, and a claim before authentication evicts nothing",
            Full::Unauthenticated => "claims of deliveries not yet authenticated already hold half of it",
        };
        StoreError::text(
            StoreErrorKind::Full,
            format_args!("the in-memory deduplication store is full ({capacity} keys: {why}); try again later"),
        )
    }
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

    /// The places authenticated operations keep free of done keys, for
    /// claims taken before authentication (which evict nothing): a sixteenth
    /// of the capacity, at least one (none in a store of one key).
    fn reserve(&self) -> usize {
        match self.capacity {
            0 | 1 => 0,
            capacity => (capacity / 16).max(1),
        }
    }

    /// The most claims taken before authentication held at once.
    fn unauthenticated_quota(&self) -> usize {
        (self.capacity / 2).max(1)
    }

    pub(crate) fn claim_at(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        lease: Duration,
        now: Instant,
        trust: Trust,
    ) -> Result<ClaimOutcome, StoreError> {
        let mut inner = self.lock();
        inner.evict_expired(now);
        let pending = State::Pending {
            token,
            authenticated: trust == Trust::Authenticated,
        };
        match inner.keys.get(key).map(|(state, _)| *state) {
            Some(State::Done) => Ok(ClaimOutcome::Done),
            Some(State::Pending { token: held, .. }) if held != token => Ok(ClaimOutcome::InFlight),
            // Already ours (a retried command): renewed in place, nothing to make room for.
            Some(State::Pending { .. }) => {
                inner.put(*key, pending, expiry(now, lease));
                Ok(ClaimOutcome::Claimed)
            }
            None => {
                self.make_room(&mut inner, trust)
                    .map_err(|full| full.into_error(self.capacity))?;
                inner.put(*key, pending, expiry(now, lease));
                Ok(ClaimOutcome::Claimed)
            }
        }
    }

    /// Completion comes after the callbacks succeeded, so after
    /// authentication: it may evict done keys, never pending ones.
    pub(crate) fn complete_at(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        ttl: Duration,
        now: Instant,
    ) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        inner.evict_expired(now);
        match inner.keys.get(key).map(|(state, _)| *state) {
            Some(State::Done) => Ok(true),
            Some(State::Pending { token: held, .. }) if held != token => Ok(false),
            Some(State::Pending { .. }) => {
                inner.put(*key, State::Done, expiry(now, ttl));
                // In place: nothing to make room for, but the reserve is kept,
                // so that a store receiving only deliveries claimed before
                // authentication (Ignisign's) does not fill up with done keys.
                while inner.keys.len() + self.reserve() > self.capacity && inner.evict_first_done_but(key) {}
                Ok(true)
            }
            // The lease expired before the callbacks finished, and nobody claimed the key since.
            None => {
                self.make_room(&mut inner, Trust::Authenticated)
                    .map_err(|full| full.into_error(self.capacity))?;
                inner.put(*key, State::Done, expiry(now, ttl));
                Ok(true)
            }
        }
    }

    fn release_now(&self, key: &DedupKey, token: ClaimToken) -> bool {
        let mut inner = self.lock();
        match inner.keys.get(key) {
            Some((State::Pending { token: held, .. }, _)) if *held == token => {
                inner.take(key);
                true
            }
            _ => false,
        }
    }

    /// Makes a place for one new key, under the rules of the type's docs.
    fn make_room(&self, inner: &mut Inner, trust: Trust) -> Result<(), Full> {
        match trust {
            Trust::Unauthenticated => {
                if inner.unauthenticated >= self.unauthenticated_quota() {
                    return Err(Full::Unauthenticated);
                }
            }
            Trust::Authenticated => {
                let keep_free = self.reserve();
                while inner.keys.len() + keep_free >= self.capacity {
                    if !inner.evict_first_done() {
                        break;
                    }
                }
            }
        }
        match (inner.keys.len() < self.capacity, trust) {
            (true, _) => Ok(()),
            (false, Trust::Authenticated) => Err(Full::InFlight),
            (false, Trust::Unauthenticated) => Err(Full::NoFreePlace),
        }
    }
}

/// `now + ttl`, saturating far in the future instead of overflowing.
fn expiry(now: Instant, ttl: Duration) -> Instant {
    now.checked_add(ttl)
        .or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 24 * 3600)))
        .unwrap_or(now)
}

impl Inner {
    /// Sets `key`'s entry, replacing any it had.
    fn put(&mut self, key: DedupKey, state: State, expires: Instant) {
        self.take(&key);
        self.next = self.next.wrapping_add(1);
        let slot = (expires, self.next);
        match state {
            State::Pending { authenticated, .. } => {
                self.pending.insert(slot, key);
                if !authenticated {
                    self.unauthenticated += 1;
                }
            }
            State::Done => {
                self.done.insert(slot, key);
            }
        }
        self.keys.insert(key, (state, slot));
    }

    /// Removes `key`'s entry, if any: the one way an entry leaves.
    fn take(&mut self, key: &DedupKey) {
        match self.keys.remove(key) {
            Some((State::Pending { authenticated, .. }, slot)) => {
                self.pending.remove(&slot);
                if !authenticated {
                    self.unauthenticated = self.unauthenticated.saturating_sub(1);
                }
            }
            Some((State::Done, slot)) => {
                self.done.remove(&slot);
            }
            None => {}
        }
    }

    /// Drops every key whose expiry is at or before `now`.
    fn evict_expired(&mut self, now: Instant) {
        for order in [Order::Pending, Order::Done] {
            loop {
                let map = match order {
                    Order::Pending => &self.pending,
                    Order::Done => &self.done,
                };
                match map.first_key_value() {
                    Some((slot, key)) if slot.0 <= now => {
                        let key = *key;
                        self.take(&key);
                    }
                    _ => break,
                }
            }
        }
    }

    /// Drops the done key closest to expiry; `false` when there is none.
    fn evict_first_done(&mut self) -> bool {
        match self.done.first_key_value() {
            Some((_, key)) => {
                let key = *key;
                self.take(&key);
                true
            }
            None => false,
        }
    }

    /// [`evict_first_done`](Inner::evict_first_done), unless that key is `kept`.
    fn evict_first_done_but(&mut self, kept: &DedupKey) -> bool {
        match self.done.first_key_value() {
            Some((_, key)) if key != kept => self.evict_first_done(),
            _ => false,
        }
    }
}

/// Which expiry order [`Inner::evict_expired`] walks.
#[derive(Clone, Copy)]
enum Order {
    Pending,
    Done,
}

impl DedupStore for MemoryStore {
    fn claim(&self, key: &DedupKey, token: ClaimToken, lease: Duration) -> Result<ClaimOutcome, StoreError> {
        self.claim_at(key, token, lease, Instant::now(), Trust::Authenticated)
    }

    /// Takes only a free place (never evicts), within half of the capacity.
    fn claim_unauthenticated(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> Result<ClaimOutcome, StoreError> {
        self.claim_at(key, token, lease, Instant::now(), Trust::Unauthenticated)
    }

    fn complete(&self, key: &DedupKey, token: ClaimToken, ttl: Duration) -> Result<bool, StoreError> {
        self.complete_at(key, token, ttl, Instant::now())
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
        let outcome = self.claim_at(key, token, lease, Instant::now(), Trust::Authenticated);
        Box::pin(std::future::ready(outcome))
    }

    /// Takes only a free place (never evicts), within half of the capacity.
    fn claim_unauthenticated_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        let outcome = self.claim_at(key, token, lease, Instant::now(), Trust::Unauthenticated);
        Box::pin(std::future::ready(outcome))
    }

    fn complete_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken, ttl: Duration) -> StoreFuture<'a, bool> {
        Box::pin(std::future::ready(self.complete_at(key, token, ttl, Instant::now())))
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

    const AUTH: Trust = Trust::Authenticated;
    const UNAUTH: Trust = Trust::Unauthenticated;

    fn key(n: u32) -> DedupKey {
        DedupKey::from_parts(Vendor::SignPlus, [n.to_le_bytes().as_slice()])
    }

    fn claim(
        store: &MemoryStore,
        n: u32,
        ttl: Duration,
        now: Instant,
        trust: Trust,
    ) -> Result<ClaimOutcome, StoreError> {
        store.claim_at(&key(n), ClaimToken::new(), ttl, now, trust)
    }

    fn claimed(store: &MemoryStore, n: u32, ttl: Duration, now: Instant) -> bool {
        matches!(claim(store, n, ttl, now, AUTH), Ok(ClaimOutcome::Claimed))
    }

    /// Claims and completes key `n` (authenticated).
    fn done(store: &MemoryStore, n: u32, ttl: Duration, now: Instant) {
        let token = ClaimToken::new();
        assert_eq!(
            store.claim_at(&key(n), token, ttl, now, AUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        assert!(store.complete_at(&key(n), token, ttl, now).unwrap());
    }

    fn consistent(store: &MemoryStore) {
        let inner = store.lock();
        assert_eq!(inner.keys.len(), inner.pending.len() + inner.done.len());
        let unauthenticated = inner
            .keys
            .values()
            .filter(|(state, _)| {
                matches!(
                    state,
                    State::Pending {
                        authenticated: false,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(inner.unauthenticated, unauthenticated);
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
        consistent(&store);
    }

    #[test]
    fn memory_is_bounded_by_forgetting_the_oldest_done_keys() {
        let store = MemoryStore::with_capacity(3);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        for n in 0..1000 {
            done(&store, n, ttl, t0 + Duration::from_millis(u64::from(n)));
            assert!(store.len() <= 3);
        }
        consistent(&store);
        let later = t0 + Duration::from_millis(1000);
        assert_eq!(
            claim(&store, 999, ttl, later, AUTH).unwrap(),
            ClaimOutcome::Done,
            "the newest are kept"
        );
        assert!(claimed(&store, 0, ttl, later), "the oldest was forgotten");
    }

    #[test]
    fn claims_in_flight_are_never_evicted() {
        let store = MemoryStore::with_capacity(3);
        let t0 = Instant::now();
        let lease = Duration::from_secs(30);
        for n in 0..3 {
            assert!(claimed(&store, n, lease, t0));
        }
        // Full of claims in flight: a new authenticated claim is refused (retryable), nothing is evicted.
        let refused = claim(&store, 3, lease, t0, AUTH).unwrap_err().to_string();
        assert!(refused.contains("full") && refused.contains("try again"), "{refused}");
        for n in 0..3 {
            assert_eq!(claim(&store, n, lease, t0, AUTH).unwrap(), ClaimOutcome::InFlight);
        }
        // A completion of a key whose lease ran out finds no place either.
        assert!(store.complete_at(&key(9), ClaimToken::new(), lease, t0).is_err());
        // Once a claim is settled as done, a new claim may evict that done key.
        let token = ClaimToken::new();
        let store = MemoryStore::with_capacity(2);
        assert_eq!(
            store.claim_at(&key(0), token, lease, t0, AUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        assert!(claimed(&store, 1, lease, t0));
        assert!(store.complete_at(&key(0), token, lease, t0).unwrap());
        assert!(claimed(&store, 2, lease, t0), "the done key made room");
        assert_eq!(
            claim(&store, 1, lease, t0, AUTH).unwrap(),
            ClaimOutcome::InFlight,
            "the pending one stayed"
        );
        // Key 0 is gone (it would answer Done), and the place is held by claims in flight.
        assert!(
            claim(&store, 0, lease, t0, AUTH).is_err(),
            "the done key was the one forgotten"
        );
        consistent(&store);
    }

    #[test]
    fn claims_before_authentication_evict_nothing() {
        let store = MemoryStore::with_capacity(4);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(3600);
        for n in 0..4 {
            done(&store, n, ttl, t0 + Duration::from_millis(u64::from(n)));
        }
        assert_eq!(store.len(), 3, "one place is kept free of done keys");
        // The free place is taken; then, full, a claim before authentication is refused.
        assert_eq!(claim(&store, 10, ttl, t0, UNAUTH).unwrap(), ClaimOutcome::Claimed);
        let refused = claim(&store, 11, ttl, t0, UNAUTH).unwrap_err().to_string();
        assert!(refused.contains("evicts nothing"), "{refused}");
        for n in 1..4 {
            assert_eq!(
                claim(&store, n, ttl, t0, AUTH).unwrap(),
                ClaimOutcome::Done,
                "key {n} kept"
            );
        }
        // With free places, they are used, up to half of the capacity.
        let store = MemoryStore::with_capacity(4);
        assert_eq!(claim(&store, 1, ttl, t0, UNAUTH).unwrap(), ClaimOutcome::Claimed);
        assert_eq!(claim(&store, 2, ttl, t0, UNAUTH).unwrap(), ClaimOutcome::Claimed);
        let refused = claim(&store, 3, ttl, t0, UNAUTH).unwrap_err().to_string();
        assert!(refused.contains("not yet authenticated"), "{refused}");
        // The remaining places are for authenticated claims.
        assert!(claimed(&store, 4, ttl, t0));
        consistent(&store);
        // A lease that expires gives the share back.
        let lease = Duration::from_secs(30);
        let store = MemoryStore::with_capacity(2);
        assert_eq!(claim(&store, 1, lease, t0, UNAUTH).unwrap(), ClaimOutcome::Claimed);
        assert!(claim(&store, 2, lease, t0, UNAUTH).is_err());
        assert_eq!(
            claim(&store, 2, lease, t0 + lease, UNAUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        consistent(&store);
    }

    #[test]
    fn deliveries_claimed_before_authentication_alone_never_fill_the_store() {
        // Ignisign only: every claim is taken before authentication, every
        // completion is in place; the completions keep a place free.
        let store = MemoryStore::with_capacity(8);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(3600);
        for n in 0..100 {
            let now = t0 + Duration::from_millis(u64::from(n));
            let token = ClaimToken::new();
            assert_eq!(
                store.claim_at(&key(n), token, ttl, now, UNAUTH).unwrap(),
                ClaimOutcome::Claimed,
                "delivery {n}"
            );
            assert!(store.complete_at(&key(n), token, ttl, now).unwrap());
            assert!(store.len() < 8);
        }
        assert_eq!(
            claim(&store, 99, ttl, t0, UNAUTH).unwrap(),
            ClaimOutcome::Done,
            "the newest is kept"
        );
        consistent(&store);
        // A store of one key keeps no reserve.
        let tiny = MemoryStore::with_capacity(1);
        done(&tiny, 1, ttl, t0);
        assert!(claim(&tiny, 2, ttl, t0, UNAUTH).is_err());
        assert_eq!(claim(&tiny, 1, ttl, t0, AUTH).unwrap(), ClaimOutcome::Done);
    }

    #[test]
    fn authenticated_insertions_keep_room_for_claims_before_authentication() {
        let store = MemoryStore::with_capacity(32);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(3600);
        for n in 0..100 {
            done(&store, n, ttl, t0 + Duration::from_millis(u64::from(n)));
        }
        assert_eq!(store.len(), 32 - 32 / 16, "a sixteenth is kept free of done keys");
        assert_eq!(claim(&store, 1000, ttl, t0, UNAUTH).unwrap(), ClaimOutcome::Claimed);
        assert_eq!(claim(&store, 1001, ttl, t0, UNAUTH).unwrap(), ClaimOutcome::Claimed);
        assert_eq!(store.len(), 32);
        consistent(&store);
    }

    #[test]
    fn an_unauthenticated_claim_settles_like_any_other() {
        let store = MemoryStore::with_capacity(4);
        let t0 = Instant::now();
        let lease = Duration::from_secs(30);
        let (real, copy) = (ClaimToken::new(), ClaimToken::new());
        assert_eq!(
            store.claim_at(&key(1), real, lease, t0, UNAUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        assert_eq!(
            store.claim_at(&key(1), copy, lease, t0, UNAUTH).unwrap(),
            ClaimOutcome::InFlight
        );
        assert!(store.complete_at(&key(1), real, lease, t0).unwrap());
        assert_eq!(
            store.claim_at(&key(1), copy, lease, t0, UNAUTH).unwrap(),
            ClaimOutcome::Done
        );
        assert_eq!(store.lock().unauthenticated, 0, "done: no longer counted");
        assert_eq!(
            store.claim_at(&key(2), real, lease, t0, UNAUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        assert!(store.release_now(&key(2), real));
        assert_eq!(store.lock().unauthenticated, 0, "released: no longer counted");
        consistent(&store);
    }

    #[test]
    fn complete_sets_the_ttl_and_huge_ttls_do_not_overflow() {
        let store = MemoryStore::with_capacity(10);
        let t0 = Instant::now();
        let token = ClaimToken::new();
        assert_eq!(
            store
                .claim_at(&key(1), token, Duration::from_secs(1), t0, AUTH)
                .unwrap(),
            ClaimOutcome::Claimed
        );
        assert!(store.complete_at(&key(1), token, Duration::from_secs(100), t0).unwrap());
        let later = t0 + Duration::from_secs(50);
        assert_eq!(
            claim(&store, 1, Duration::from_secs(1), later, AUTH).unwrap(),
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
        assert_eq!(
            store.claim_at(&key(1), slow, lease, t0, AUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        // The slow attempt's lease expires; the retry claims the key.
        assert_eq!(
            store.claim_at(&key(1), retry, lease, t0 + lease, AUTH).unwrap(),
            ClaimOutcome::Claimed
        );
        assert!(!store.release_now(&key(1), slow));
        assert!(!store.complete_at(&key(1), slow, lease, t0 + lease).unwrap());
        assert_eq!(
            claim(&store, 1, lease, t0 + lease, AUTH).unwrap(),
            ClaimOutcome::InFlight
        );
        // The retry's own claim: re-claiming with its token (a retried command) still wins.
        assert_eq!(
            store.claim_at(&key(1), retry, lease, t0 + lease, AUTH).unwrap(),
            ClaimOutcome::Claimed
        );
    }
}
