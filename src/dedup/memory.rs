//! [`MemoryStore`]: the default store, in process memory, bounded.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{DedupKey, DedupStore, StoreError};

/// The default number of keys a [`MemoryStore`] holds.
pub const DEFAULT_CAPACITY: usize = 100_000;

/// Keys in process memory, each with its expiry: the default store of a
/// [`Deduplicator`](super::Deduplicator).
///
/// * **Bounded**: at most `capacity` keys (default [`DEFAULT_CAPACITY`],
///   about 100 bytes each). Expired keys are evicted on every insertion; when
///   the store is still full, the key closest to expiry is forgotten early, so a
///   flood of distinct deliveries can only make an old duplicate pass, never
///   make memory grow.
/// * **Atomic**: one mutex around the map, so concurrent deliveries of the
///   same key get exactly one `true` from
///   [`insert_if_absent`](DedupStore::insert_if_absent).
/// * **One process only**: receivers behind a load balancer need a shared
///   store (the `redis` feature's `RedisStore`, or your own [`DedupStore`]).
///   Keys are lost on restart.
///
/// ```
/// use std::time::Duration;
/// use esign_webhooks::Vendor;
/// use esign_webhooks::dedup::{DedupKey, DedupStore, MemoryStore};
///
/// let store = MemoryStore::with_capacity(2);
/// let key = DedupKey::from_body(Vendor::SignPlus, b"{}");
/// assert!(store.insert_if_absent(&key, Duration::from_secs(60))?);
/// assert!(!store.insert_if_absent(&key, Duration::from_secs(60))?); // a duplicate
/// store.remove(&key)?;
/// assert!(store.insert_if_absent(&key, Duration::from_secs(60))?);
/// assert_eq!(store.len(), 1);
/// # Ok::<(), esign_webhooks::dedup::StoreError>(())
/// ```
#[derive(Debug)]
pub struct MemoryStore {
    capacity: usize,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Each key and its place in `by_expiry`.
    keys: HashMap<DedupKey, (Instant, u64)>,
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

    pub(crate) fn insert_if_absent_at(&self, key: &DedupKey, ttl: Duration, now: Instant) -> bool {
        let mut inner = self.lock();
        inner.evict_expired(now);
        if inner.keys.contains_key(key) {
            return false;
        }
        while inner.keys.len() >= self.capacity {
            if !inner.evict_first() {
                break;
            }
        }
        inner.put(*key, expiry(now, ttl));
        true
    }

    pub(crate) fn insert_at(&self, key: &DedupKey, ttl: Duration, now: Instant) {
        let mut inner = self.lock();
        inner.evict_expired(now);
        inner.take(key);
        while inner.keys.len() >= self.capacity {
            if !inner.evict_first() {
                break;
            }
        }
        inner.put(*key, expiry(now, ttl));
    }
}

/// `now + ttl`, saturating far in the future instead of overflowing.
fn expiry(now: Instant, ttl: Duration) -> Instant {
    now.checked_add(ttl)
        .or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 24 * 3600)))
        .unwrap_or(now)
}

impl Inner {
    fn put(&mut self, key: DedupKey, expires: Instant) {
        self.next = self.next.wrapping_add(1);
        let slot = (expires, self.next);
        self.keys.insert(key, slot);
        self.by_expiry.insert(slot, key);
    }

    fn take(&mut self, key: &DedupKey) {
        if let Some(slot) = self.keys.remove(key) {
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
    fn insert_if_absent(&self, key: &DedupKey, ttl: Duration) -> Result<bool, StoreError> {
        Ok(self.insert_if_absent_at(key, ttl, Instant::now()))
    }

    fn insert(&self, key: &DedupKey, ttl: Duration) -> Result<(), StoreError> {
        self.insert_at(key, ttl, Instant::now());
        Ok(())
    }

    fn remove(&self, key: &DedupKey) -> Result<(), StoreError> {
        self.lock().take(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vendor;

    fn key(n: u32) -> DedupKey {
        DedupKey::from_parts(Vendor::SignPlus, [n.to_le_bytes().as_slice()])
    }

    #[test]
    fn expired_keys_are_evicted_and_may_be_inserted_again() {
        let store = MemoryStore::with_capacity(10);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        assert!(store.insert_if_absent_at(&key(1), ttl, t0));
        assert!(!store.insert_if_absent_at(&key(1), ttl, t0 + Duration::from_secs(59)));
        assert!(store.insert_if_absent_at(&key(2), ttl, t0 + Duration::from_secs(30)));
        // At t0 + 60 s the first key expires (and is evicted), the second does not.
        assert!(store.insert_if_absent_at(&key(1), ttl, t0 + ttl));
        assert!(!store.insert_if_absent_at(&key(2), ttl, t0 + ttl));
        assert_eq!(store.len(), 2);
        assert!(store.insert_if_absent_at(&key(3), ttl, t0 + Duration::from_secs(1000)));
        assert_eq!(store.len(), 1, "both expired keys were evicted");
    }

    #[test]
    fn memory_is_bounded_by_forgetting_the_oldest() {
        let store = MemoryStore::with_capacity(3);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(60);
        for n in 0..1000 {
            assert!(store.insert_if_absent_at(&key(n), ttl, t0 + Duration::from_millis(u64::from(n))));
            assert!(store.len() <= 3);
        }
        let inner = store.lock();
        assert_eq!(inner.keys.len(), inner.by_expiry.len());
        drop(inner);
        let later = t0 + Duration::from_millis(1000);
        assert!(
            !store.insert_if_absent_at(&key(999), ttl, later),
            "the newest keys are kept"
        );
        assert!(
            store.insert_if_absent_at(&key(0), ttl, later),
            "the oldest was forgotten"
        );
    }

    #[test]
    fn insert_refreshes_the_expiry_and_huge_ttls_do_not_overflow() {
        let store = MemoryStore::with_capacity(10);
        let t0 = Instant::now();
        assert!(store.insert_if_absent_at(&key(1), Duration::from_secs(1), t0));
        store.insert_at(&key(1), Duration::from_secs(100), t0);
        assert!(!store.insert_if_absent_at(&key(1), Duration::from_secs(1), t0 + Duration::from_secs(50)));
        assert!(store.insert_if_absent_at(&key(2), Duration::MAX, t0));
        assert!(!store.insert_if_absent_at(&key(2), Duration::MAX, t0 + Duration::from_secs(1_000_000)));
        assert_eq!(store.len(), 1, "key 1 expired at t0 + 100 s and was evicted");
    }
}
