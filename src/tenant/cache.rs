//! The cache of resolved receivers: bounded, with expiry, negative entries
//! for unknown tenants, and invalidation that a resolution in flight cannot
//! undo. One hash-map lookup under a mutex per request, whatever the number
//! of tenants.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::Webhooks;
use crate::tenant_id::TenantId;

/// One tenant's cached answer: its receiver, or `None` (unknown tenant).
struct Entry {
    receiver: Option<Arc<Webhooks>>,
    expires: Instant,
}

/// What [`Cache::get`] found.
pub(super) enum Lookup {
    /// A live entry: the receiver, or `None` for a tenant known to be unknown.
    Hit(Option<Arc<Webhooks>>),
    /// Nothing live: resolve, then [`Cache::insert`] with this generation.
    Miss(u64),
}

pub(super) struct Cache {
    entries: Mutex<HashMap<TenantId, Entry>>,
    /// Bumped by every invalidation: an answer resolved before it (it may
    /// hold the old secret) is not cached after it.
    generation: AtomicU64,
    capacity: usize,
    ttl: Duration,
    negative_ttl: Duration,
}

impl Cache {
    pub(super) fn new(capacity: usize, ttl: Duration, negative_ttl: Duration) -> Self {
        Cache {
            entries: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(0),
            capacity,
            ttl,
            negative_ttl,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<TenantId, Entry>> {
        // A panic while holding the lock leaves a consistent map (every
        // mutation is one call): keep serving.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn get(&self, tenant: &TenantId) -> Lookup {
        // Read before the lookup: an invalidation after it makes the insert a no-op.
        let generation = self.generation.load(Ordering::Acquire);
        let now = Instant::now();
        let mut entries = self.lock();
        match entries.get(tenant) {
            Some(entry) if entry.expires > now => Lookup::Hit(entry.receiver.clone()),
            Some(_) => {
                entries.remove(tenant);
                Lookup::Miss(generation)
            }
            None => Lookup::Miss(generation),
        }
    }

    /// Caches `receiver` for `tenant`, unless an invalidation happened since
    /// `generation` was read (the answer may predate a rotation).
    pub(super) fn insert(&self, tenant: TenantId, receiver: Option<Arc<Webhooks>>, generation: u64) {
        if self.capacity == 0 {
            return;
        }
        let ttl = match receiver {
            Some(_) => self.ttl,
            None => self.negative_ttl,
        };
        if ttl.is_zero() {
            return;
        }
        let now = Instant::now();
        let mut entries = self.lock();
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= self.capacity && !entries.contains_key(&tenant) {
            evict(&mut entries, now);
        }
        entries.insert(
            tenant,
            Entry {
                receiver,
                expires: now.checked_add(ttl).unwrap_or(now),
            },
        );
    }

    pub(super) fn invalidate(&self, tenant: &TenantId) {
        let mut entries = self.lock();
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.remove(tenant);
    }

    pub(super) fn invalidate_all(&self) {
        let mut entries = self.lock();
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.clear();
    }

    pub(super) fn len(&self) -> usize {
        self.lock().len()
    }
}

/// Makes room for one entry: an expired one among the first few found, else
/// the first found (an arbitrary one: a hash map has no order, so this is
/// random eviction, O(1), which needs no bookkeeping per hit).
fn evict(entries: &mut HashMap<TenantId, Entry>, now: Instant) {
    const LOOK_AT: usize = 8;
    let victim = entries
        .iter()
        .take(LOOK_AT)
        .find(|(_, entry)| entry.expires <= now)
        .or_else(|| entries.iter().next())
        .map(|(tenant, _)| tenant.clone());
    if let Some(victim) = victim {
        entries.remove(&victim);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn webhooks() -> Arc<Webhooks> {
        Arc::new(crate::testing::demo::webhooks())
    }

    #[test]
    fn a_tenant_answer_resolved_before_an_invalidation_is_not_cached_after_it() {
        let cache = Cache::new(10, Duration::from_secs(60), Duration::from_secs(60));
        let tenant = TenantId::new("acme").unwrap();
        let Lookup::Miss(generation) = cache.get(&tenant) else {
            panic!("empty cache")
        };
        // The secret rotates while the old answer is being resolved.
        cache.invalidate(&tenant);
        cache.insert(tenant.clone(), Some(webhooks()), generation);
        assert!(
            matches!(cache.get(&tenant), Lookup::Miss(_)),
            "the stale answer was cached"
        );
        // An answer resolved after the invalidation is cached.
        let Lookup::Miss(generation) = cache.get(&tenant) else {
            panic!("nothing cached yet")
        };
        cache.insert(tenant.clone(), Some(webhooks()), generation);
        assert!(matches!(cache.get(&tenant), Lookup::Hit(Some(_))));
        cache.invalidate_all();
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn a_full_tenant_cache_evicts_one_entry_per_insert() {
        let cache = Cache::new(3, Duration::from_secs(60), Duration::from_secs(60));
        for n in 0..10 {
            let tenant = TenantId::new(&format!("t{n}")).unwrap();
            let Lookup::Miss(generation) = cache.get(&tenant) else {
                panic!("t{n} was cached")
            };
            cache.insert(tenant, None, generation);
            assert!(cache.len() <= 3);
        }
        assert_eq!(cache.len(), 3);
        // Replacing a cached tenant evicts nothing.
        let last = TenantId::new("t9").unwrap();
        cache.insert(last.clone(), Some(webhooks()), cache.generation.load(Ordering::Acquire));
        assert_eq!(cache.len(), 3);
        assert!(matches!(cache.get(&last), Lookup::Hit(Some(_))));
    }
}
