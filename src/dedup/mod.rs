//! Replay and duplicate defence: every vendor delivers **at least once**
//! (eSignGlobal retries up to 16 times over about five hours), and a captured
//! delivery can be sent again. A [`Deduplicator`] remembers the [`DedupKey`]
//! of each delivery for a while, in a [`DedupStore`], so that callbacks run
//! once per event.
//!
//! ```
//! use esign_webhooks::dedup::Deduplicator;
//! use esign_webhooks::{Handlers, Secret, Webhooks, constellation};
//!
//! let webhooks = Webhooks::builder()
//!     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
//!     .build()?;
//! let mut handlers = Handlers::new();
//! handlers.constellation().on_signer_status(constellation::SignerStatus::ALL, |data| Ok(()));
//! handlers.deduplicate_with(Deduplicator::in_memory()); // or a shared store, see below
//!
//! let body = include_bytes!("../../tests/fixtures/constellation/signer_declined_pascal.json");
//! let first = webhooks.handle(&handlers, body, &[("x-token", "t")])?;
//! assert!(!first.is_duplicate() && first.ran().len() == 1);
//! let retry = webhooks.handle(&handlers, body, &[("x-token", "t")])?;
//! assert!(retry.is_duplicate() && retry.ran().is_empty());
//! assert_eq!(retry.status(), http::StatusCode::OK); // the vendor stops retrying
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! # When a key is recorded
//!
//! `handle` and `handle_async` with a deduplicator do, for each verified delivery:
//!
//! 1. **claim** the key ([`DedupStore::insert_if_absent`], atomic) with the short
//!    [`pending_ttl`](Deduplicator::with_pending_ttl) (default 10 minutes).
//!    If the key is already there, no callback runs (nor Ignisign's token
//!    check) and the [`Report`](crate::Report) says
//!    [`is_duplicate`](crate::Report::is_duplicate), with status 200;
//! 2. confirm Ignisign's token, then run the callbacks;
//! 3. when every callback succeeded, **record** the key for the full
//!    [`ttl`](Deduplicator::with_ttl) (default 24 hours); when a callback
//!    failed, the token was refused or Ignisign could not be asked, **release**
//!    it, so that the vendor's retry runs the callbacks again.
//!
//! So concurrent copies of one delivery run the callbacks once: the first
//! claims the key, the others are duplicates (answered 200; should the first
//! fail, it answers 500 and its own retry is processed). If the process dies
//! between 1 and 3, the claim expires after the pending TTL and a later retry
//! goes through. A store that cannot be reached fails the request with
//! [`ErrorKind::DedupStore`] (503, the vendor retries)
//! before any callback runs.
//!
//! # What it does not do
//!
//! * It is no authentication: keys are computed after verification, but for a
//!   vendor configured with `dangerous_accept_unverified` anyone can send a
//!   forged copy of a future event first and have the real one skipped as a
//!   duplicate.
//! * Distinct events that say exactly the same thing share a key (see
//!   [`DedupKey`]); keep handlers idempotent anyway.
//! * [`Handlers::handle_event`](crate::Handlers::handle_event) (events you
//!   verified yourself) is not deduplicated: call [`Deduplicator::claim`] yourself.
//!
//! # Stores
//!
//! [`MemoryStore`] (the default) is bounded and lives in one process. With
//! several receivers behind a load balancer, share a store: the `redis`
//! feature adds `RedisStore` (`SET key 1 NX PX ttl`), or implement
//! [`DedupStore`] over your database (an insert on a unique key with an expiry column).



mod memory;
#[cfg(feature = "redis")]
mod redis;

use core::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use crate::dedup_key::DedupKey;
pub use memory::{DEFAULT_CAPACITY, MemoryStore};
#[cfg(feature = "redis")]
pub use redis::RedisStore;



use crate::error::{Error, ErrorKind};

/// The error a [`DedupStore`] returns: any boxed error. Its text ends up in
/// [`ErrorKind::DedupStore`], so it must not contain credentials.
pub type StoreError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Where keys are remembered: an atomic "insert if absent, with an expiry".
///
/// Implement it over any shared store; every method may be called from
/// several threads at once.
///
/// ```
/// use std::collections::HashSet;
/// use std::sync::Mutex;
/// use std::time::Duration;
/// use esign_webhooks::dedup::{DedupKey, DedupStore, Deduplicator, StoreError};
///
/// /// Never forgets (a test double; use an expiry in production).
/// #[derive(Debug, Default)]
/// struct Forever(Mutex<HashSet<DedupKey>>);
///
/// impl DedupStore for Forever {
///     fn insert_if_absent(&self, key: &DedupKey, _ttl: Duration) -> Result<bool, StoreError> {
///         Ok(self.0.lock().map_err(|_| "poisoned")?.insert(*key))
///     }
///     fn insert(&self, key: &DedupKey, _ttl: Duration) -> Result<(), StoreError> {
///         self.0.lock().map_err(|_| "poisoned")?.insert(*key);
///         Ok(())
///     }
///     fn remove(&self, key: &DedupKey) -> Result<(), StoreError> {
///         self.0.lock().map_err(|_| "poisoned")?.remove(key);
///         Ok(())
///     }
/// }
///
/// let dedup = Deduplicator::new(Forever::default());
/// # let _ = dedup;
/// ```
pub trait DedupStore: Send + Sync + fmt::Debug {
    /// Records `key` for `ttl` unless it is already recorded and unexpired,
    /// **atomically**: of concurrent calls with one key, exactly one returns
    /// `Ok(true)`.
    fn insert_if_absent(&self, key: &DedupKey, ttl: Duration) -> Result<bool, StoreError>;

    /// Records `key` for `ttl`, replacing any expiry it had.
    fn insert(&self, key: &DedupKey, ttl: Duration) -> Result<(), StoreError>;

    /// Forgets `key` (nothing happens if it is not recorded).
    fn remove(&self, key: &DedupKey) -> Result<(), StoreError>;
}

/// The default time a handled delivery's key is kept: 24 hours, beyond
/// eSignGlobal's last retry (about 5 hours after the first attempt).
pub const DEFAULT_TTL: Duration = Duration::from_secs(24 * 3600);

/// The default time a claim lasts while its delivery is being handled: 10 minutes.
pub const DEFAULT_PENDING_TTL: Duration = Duration::from_secs(600);

/// Runs each event's callbacks once: claims, records and releases
/// [`DedupKey`]s in a [`DedupStore`] (see the [module docs](self) for when).
///
/// Give it to [`Handlers::deduplicate_with`](crate::Handlers::deduplicate_with)
/// or [`AsyncHandlers::deduplicate_with`](crate::AsyncHandlers::deduplicate_with),
/// or use [`claim`](Deduplicator::claim), [`complete`](Deduplicator::complete)
/// and [`release`](Deduplicator::release) around your own processing.
/// Cloning shares the store.
///
/// ```
/// use esign_webhooks::dedup::{DedupKey, Deduplicator};
/// use esign_webhooks::{Vendor, dangerous};
///
/// let dedup = Deduplicator::in_memory();
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let event = dangerous::parse_unverified(Vendor::Constellation, body)?; // from Webhooks::dispatch in real code
/// let key = DedupKey::of(&event);
/// assert!(dedup.claim(&key)?);          // first delivery: process it
/// assert!(!dedup.claim(&key)?);         // a retry while (or after) it is processed
/// dedup.complete(&key)?;                // processed: keep the key for the full TTL
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone)]
pub struct Deduplicator {
    store: Arc<dyn DedupStore>,
    ttl: Duration,
    pending_ttl: Duration,
}

/// The shortest expiry used: stores such as Redis refuse a zero one.
const MIN_TTL: Duration = Duration::from_millis(1);

impl Deduplicator {
    /// Keys in `store`, kept [`DEFAULT_TTL`] once handled.
    pub fn new(store: impl DedupStore + 'static) -> Self {
        Deduplicator {
            store: Arc::new(store),
            ttl: DEFAULT_TTL,
            pending_ttl: DEFAULT_PENDING_TTL,
        }
    }

    /// Keys in a [`MemoryStore`] of [`DEFAULT_CAPACITY`] keys.
    pub fn in_memory() -> Self {
        Deduplicator::new(MemoryStore::new())
    }

    /// Keeps a handled delivery's key for `ttl` (default 24 hours, at least 1 ms):
    /// longer than the vendor retries, shorter than you can store.
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl.max(MIN_TTL);
        self
    }

    /// Holds a claim for `ttl` while its delivery is handled (default 10
    /// minutes, at least 1 ms): longer than your slowest callbacks, since a
    /// copy arriving after it expires runs them again.
    pub fn with_pending_ttl(mut self, ttl: Duration) -> Self {
        self.pending_ttl = ttl.max(MIN_TTL);
        self
    }

    /// How long a handled delivery's key is kept.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// How long a claim lasts while its delivery is handled.
    pub fn pending_ttl(&self) -> Duration {
        self.pending_ttl
    }

    /// The store.
    pub fn store(&self) -> &dyn DedupStore {
        self.store.as_ref()
    }

    /// Claims `key` for the pending TTL: `true` for the first delivery with
    /// this key, `false` for a duplicate.
    pub fn claim(&self, key: &DedupKey) -> Result<bool, Error> {
        self.store
            .insert_if_absent(key, self.pending_ttl)
            .map_err(|err| store_error(key, "claim", &err))
    }

    /// Records a claimed key for the full TTL: the delivery was handled.
    pub fn complete(&self, key: &DedupKey) -> Result<(), Error> {
        self.store
            .insert(key, self.ttl)
            .map_err(|err| store_error(key, "record", &err))
    }

    /// Releases a claimed key: the delivery was not handled and its retry must be.
    pub fn release(&self, key: &DedupKey) -> Result<(), Error> {
        self.store.remove(key).map_err(|err| store_error(key, "release", &err))
    }
}

fn store_error(key: &DedupKey, action: &str, err: &StoreError) -> Error {
    Error::new(ErrorKind::DedupStore {
        reason: format!("could not {action} {key}: {err}"),
    })
    .with_vendor(key.vendor())
}

impl fmt::Debug for Deduplicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Deduplicator")
            .field("store", &self.store)
            .field("ttl", &self.ttl)
            .field("pending_ttl", &self.pending_ttl)
            .finish()
    }
}
