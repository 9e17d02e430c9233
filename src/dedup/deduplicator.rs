//! [`Deduplicator`] (blocking) and [`AsyncDeduplicator`]: a store plus the
//! lease and TTL, and the attempts they hand out.

use core::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::sanitize::{SanitizedError, sanitize};
use super::{AsyncDedupStore, ClaimOutcome, ClaimToken, DedupKey, DedupStore, MemoryStore, StoreError};
use crate::error::{Error, ErrorKind};

/// The default time a handled delivery's key is kept: 24 hours, beyond
/// eSignGlobal's last retry (about 5 hours after the first attempt).
pub const DEFAULT_TTL: Duration = Duration::from_secs(24 * 3600);

/// The default lease of a claim while its delivery is handled: 30 seconds.
///
/// The lease is how long a claim that was never settled (the process died,
/// or the store could not be reached to release it) keeps copies out: those
/// copies are answered 503 (retry later), never 200. eSignGlobal retries
/// after 10 s, 30 s, 1 min, 2 min, …: with 30 s, a lost claim costs at most the
/// first one or two retries, and the retry about 40 s after the first
/// attempt runs the callbacks. Make it longer than your slowest callbacks: a
/// copy arriving after the lease expired runs them again, concurrently.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(30);

/// The shortest expiry used: stores such as Redis refuse a zero one.
const MIN_TTL: Duration = Duration::from_millis(1);

/// The TTL and lease shared by both deduplicators.
#[derive(Debug, Clone, Copy)]
struct Policy {
    ttl: Duration,
    lease: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            ttl: DEFAULT_TTL,
            lease: DEFAULT_LEASE,
        }
    }
}

/// What [`Deduplicator::claim`] (or [`AsyncDeduplicator::claim`]) decided.
#[derive(Debug)]
#[non_exhaustive]
#[must_use = "an attempt that is dropped releases its claim"]
pub enum Admission<A> {
    /// This attempt holds the claim: handle the delivery, then
    /// [`complete`](Attempt::complete) or [`release`](Attempt::release) it.
    Run(A),
    /// Another attempt holds the claim and may still fail: answer a
    /// retryable status (503), not 200.
    InFlight,
    /// A callback run already succeeded: a duplicate, answer 200.
    Done,
}

/// Runs each event's callbacks once, blocking: claims, completes and releases
/// [`DedupKey`]s in a [`DedupStore`] (see the [module docs](super) for when).
///
/// Give it to [`Handlers::deduplicate_with`](crate::Handlers::deduplicate_with),
/// or use [`claim`](Deduplicator::claim) around your own processing. Cloning
/// shares the store.
///
/// ```
/// use esign_webhooks::dedup::{Admission, DedupKey, Deduplicator};
/// use esign_webhooks::{Vendor, dangerous};
///
/// let dedup = Deduplicator::in_memory();
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let event = dangerous::parse_unverified(Vendor::Constellation, body)?; // from Webhooks::dispatch in real code
/// let key = DedupKey::of(&event);
/// let Admission::Run(attempt) = dedup.claim(&key)? else { panic!("the first delivery runs") };
/// assert!(matches!(dedup.claim(&key)?, Admission::InFlight)); // a copy while it is processed
/// attempt.complete()?;                                          // processed
/// assert!(matches!(dedup.claim(&key)?, Admission::Done));     // a duplicate
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone)]
pub struct Deduplicator {
    store: Arc<dyn DedupStore>,
    policy: Policy,
}

/// Runs each event's callbacks once, async: the [`Deduplicator`] of
/// [`AsyncHandlers`](crate::AsyncHandlers), on an [`AsyncDedupStore`], so
/// no store call blocks the executor. Cloning shares the store.
///
/// ```
/// use esign_webhooks::dedup::{Admission, AsyncDeduplicator, DedupKey};
/// use esign_webhooks::Vendor;
///
/// # async fn run() -> Result<(), esign_webhooks::Error> {
/// let dedup = AsyncDeduplicator::in_memory();
/// let key = DedupKey::from_body(Vendor::SignPlus, b"{}");
/// if let Admission::Run(attempt) = dedup.claim(&key).await? {
///     // process the delivery, then:
///     attempt.complete().await?;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct AsyncDeduplicator {
    store: Arc<dyn AsyncDedupStore>,
    policy: Policy,
}

/// The TTL and lease setters and getters, the same for both.
macro_rules! policy_methods {
    ($ty:ident) => {
        impl $ty {
            /// Keeps a handled delivery's key for `ttl` (default 24 hours, at least 1 ms):
            /// longer than the vendor retries, shorter than you can store.
            pub fn with_ttl(mut self, ttl: Duration) -> Self {
                self.policy.ttl = ttl.max(MIN_TTL);
                self
            }

            /// Holds a claim for `lease` while its delivery is handled (default
            /// [`DEFAULT_LEASE`], 30 s; at least 1 ms). See [`DEFAULT_LEASE`] for the trade-off.
            pub fn with_lease(mut self, lease: Duration) -> Self {
                self.policy.lease = lease.max(MIN_TTL);
                self
            }

            /// How long a handled delivery's key is kept.
            pub fn ttl(&self) -> Duration {
                self.policy.ttl
            }

            /// How long a claim lasts while its delivery is handled.
            pub fn lease(&self) -> Duration {
                self.policy.lease
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field("store", &self.store)
                    .field("ttl", &self.policy.ttl)
                    .field("lease", &self.policy.lease)
                    .finish()
            }
        }
    };
}

policy_methods!(Deduplicator);
policy_methods!(AsyncDeduplicator);

impl Deduplicator {
    /// Keys in `store`, kept [`DEFAULT_TTL`] once handled, claimed for [`DEFAULT_LEASE`].
    pub fn new(store: impl DedupStore + 'static) -> Self {
        Deduplicator {
            store: Arc::new(store),
            policy: Policy::default(),
        }
    }

    /// Keys in a [`MemoryStore`] of [`DEFAULT_CAPACITY`](super::DEFAULT_CAPACITY) keys.
    pub fn in_memory() -> Self {
        Deduplicator::new(MemoryStore::new())
    }

    /// The store.
    pub fn store(&self) -> &dyn DedupStore {
        self.store.as_ref()
    }

    /// Claims `key` for a new attempt. A store failure is an
    /// [`ErrorKind::DedupStore`] (503); the claim may have been made all the
    /// same (a reply lost after the store executed it), so it is released
    /// once, best effort, before the error is returned.
    pub fn claim(&self, key: &DedupKey) -> Result<Admission<Attempt>, Error> {
        let token = ClaimToken::new();
        self.admit(key, token, self.store.claim(key, token, self.policy.lease))
    }

    /// [`claim`](Deduplicator::claim), for a delivery that is not yet
    /// authenticated (its authentication needs the claim first, as
    /// Ignisign's single-use token does): the store must not evict anything
    /// to make room for it ([`DedupStore::claim_unauthenticated`]). When the
    /// store has no free place, this is an [`ErrorKind::DedupStore`] (503):
    /// the vendor retries later.
    pub fn claim_unauthenticated(&self, key: &DedupKey) -> Result<Admission<Attempt>, Error> {
        let token = ClaimToken::new();
        let outcome = self.store.claim_unauthenticated(key, token, self.policy.lease);
        self.admit(key, token, outcome)
    }

    fn admit(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        outcome: Result<ClaimOutcome, StoreError>,
    ) -> Result<Admission<Attempt>, Error> {
        match outcome {
            Ok(ClaimOutcome::Claimed) => Ok(Admission::Run(Attempt {
                dedup: self.clone(),
                key: *key,
                token,
                settled: false,
            })),
            Ok(ClaimOutcome::InFlight) => Ok(Admission::InFlight),
            Ok(ClaimOutcome::Done) => Ok(Admission::Done),
            Err(err) => {
                let _ = self.store.release(key, token);
                Err(store_error(key, "claim", &err))
            }
        }
    }
}

impl AsyncDeduplicator {
    /// Keys in `store`, kept [`DEFAULT_TTL`] once handled, claimed for [`DEFAULT_LEASE`].
    pub fn new(store: impl AsyncDedupStore + 'static) -> Self {
        AsyncDeduplicator {
            store: Arc::new(store),
            policy: Policy::default(),
        }
    }

    /// Keys in a [`MemoryStore`] of [`DEFAULT_CAPACITY`](super::DEFAULT_CAPACITY) keys.
    pub fn in_memory() -> Self {
        AsyncDeduplicator::new(MemoryStore::new())
    }

    /// The store.
    pub fn store(&self) -> &dyn AsyncDedupStore {
        self.store.as_ref()
    }

    /// [`Deduplicator::claim`], async.
    pub async fn claim(&self, key: &DedupKey) -> Result<Admission<AsyncAttempt>, Error> {
        let token = ClaimToken::new();
        let outcome = self.store.claim_async(key, token, self.policy.lease).await;
        self.admit(key, token, outcome).await
    }

    /// [`Deduplicator::claim_unauthenticated`], async.
    pub async fn claim_unauthenticated(&self, key: &DedupKey) -> Result<Admission<AsyncAttempt>, Error> {
        let token = ClaimToken::new();
        let outcome = self
            .store
            .claim_unauthenticated_async(key, token, self.policy.lease)
            .await;
        let admission = self.admit(key, token, outcome).await;
        admission.map(|admission| match admission {
            Admission::Run(mut attempt) => {
                attempt.authenticated = false;
                Admission::Run(attempt)
            }
            other => other,
        })
    }

    async fn admit(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        outcome: Result<ClaimOutcome, StoreError>,
    ) -> Result<Admission<AsyncAttempt>, Error> {
        match outcome {
            Ok(ClaimOutcome::Claimed) => Ok(Admission::Run(AsyncAttempt {
                dedup: self.clone(),
                key: *key,
                token,
                authenticated: true,
                settled: false,
            })),
            Ok(ClaimOutcome::InFlight) => Ok(Admission::InFlight),
            Ok(ClaimOutcome::Done) => Ok(Admission::Done),
            Err(err) => {
                let _ = self.store.release_async(key, token).await;
                Err(store_error(key, "claim", &err))
            }
        }
    }
}

/// A claim held by one attempt, blocking. Settle it with
/// [`complete`](Attempt::complete) or [`release`](Attempt::release);
/// dropped unsettled (an early return, a panic unwinding), it releases the
/// claim, so that the vendor's retry runs the callbacks.
#[must_use = "an attempt that is dropped releases its claim"]
pub struct Attempt {
    dedup: Deduplicator,
    key: DedupKey,
    token: ClaimToken,
    settled: bool,
}

/// A claim held by one attempt, async: [`Attempt`] for an
/// [`AsyncDeduplicator`]. Dropped unsettled (the `handle_async` future was
/// dropped, a panic unwinding), it calls the store's
/// [`release_detached`](AsyncDedupStore::release_detached).
#[must_use = "an attempt that is dropped releases its claim"]
pub struct AsyncAttempt {
    dedup: AsyncDeduplicator,
    key: DedupKey,
    token: ClaimToken,
    /// `false` for a claim taken before authentication: renewed as one.
    authenticated: bool,
    settled: bool,
}

impl Attempt {
    /// The key claimed.
    pub fn key(&self) -> &DedupKey {
        &self.key
    }

    /// The callbacks succeeded: the key is done for the TTL, and copies are
    /// duplicates. `Ok` also when another attempt holds the key by now (this
    /// attempt's lease expired): that attempt settles it.
    pub fn complete(mut self) -> Result<(), Error> {
        self.settled = true;
        let ttl = self.dedup.policy.ttl;
        self.dedup
            .store
            .complete(&self.key, self.token, ttl)
            .map(drop)
            .map_err(|err| store_error(&self.key, "record", &err))
    }

    /// The delivery was not handled: the key is released, and a retry runs
    /// the callbacks. Should the store fail, the claim lasts until its lease
    /// expires.
    pub fn release(mut self) -> Result<(), Error> {
        self.settled = true;
        self.dedup
            .store
            .release(&self.key, self.token)
            .map(drop)
            .map_err(|err| store_error(&self.key, "release", &err))
    }
}

impl Drop for Attempt {
    fn drop(&mut self) {
        if !self.settled {
            let _ = self.dedup.store.release(&self.key, self.token);
        }
    }
}

impl AsyncAttempt {
    /// The key claimed.
    pub fn key(&self) -> &DedupKey {
        &self.key
    }

    /// Renews the claim's lease from now, while the delivery is still being
    /// handled: a slow run keeps its claim, and copies stay in flight (503)
    /// instead of running concurrently once the lease would have expired.
    /// It re-claims the key with the attempt's own token, which every store
    /// renews by contract ([`AsyncDedupStore::claim_async`]). `Ok(false)` when the claim
    /// was lost (the lease expired and a copy claimed the key, or it is done).
    pub async fn renew(&self) -> Result<bool, Error> {
        let lease = self.dedup.policy.lease;
        let store = &self.dedup.store;
        let outcome = match self.authenticated {
            true => store.claim_async(&self.key, self.token, lease).await,
            false => store.claim_unauthenticated_async(&self.key, self.token, lease).await,
        };
        match outcome {
            Ok(ClaimOutcome::Claimed) => Ok(true),
            Ok(_) => Ok(false),
            Err(err) => Err(store_error(&self.key, "renew", &err)),
        }
    }

    /// [`Attempt::complete`], async.
    pub async fn complete(mut self) -> Result<(), Error> {
        let ttl = self.dedup.policy.ttl;
        let result = self.dedup.store.complete_async(&self.key, self.token, ttl).await;
        // Settled only once the store answered: dropped mid-way, the guard releases.
        self.settled = true;
        result.map(drop).map_err(|err| store_error(&self.key, "record", &err))
    }

    /// [`complete`](AsyncAttempt::complete), tried up to `tries` times, `pause`
    /// apart, while the store fails: for a worker, whose run is not bound by a
    /// vendor's deadline, so that a store outage (a restart) during the run
    /// does not leave the key pending and have a copy run the callbacks again.
    #[cfg_attr(not(feature = "inbox"), allow(dead_code))]
    pub(crate) async fn complete_persistently(mut self, tries: u32, pause: Duration) -> Result<(), Error> {
        let ttl = self.dedup.policy.ttl;
        let mut tries_left = tries.max(1);
        loop {
            let result = self.dedup.store.complete_async(&self.key, self.token, ttl).await;
            tries_left -= 1;
            match result {
                Ok(_) => {
                    self.settled = true;
                    return Ok(());
                }
                Err(err) if tries_left == 0 => {
                    self.settled = true;
                    return Err(store_error(&self.key, "record", &err));
                }
                Err(_) => pause_for(pause).await,
            }
        }
    }

    /// [`Attempt::release`], async.
    pub async fn release(mut self) -> Result<(), Error> {
        let result = self.dedup.store.release_async(&self.key, self.token).await;
        self.settled = true;
        result.map(drop).map_err(|err| store_error(&self.key, "release", &err))
    }
}

impl Drop for AsyncAttempt {
    fn drop(&mut self) {
        if !self.settled {
            self.dedup.store.release_detached(&self.key, self.token);
        }
    }
}

impl fmt::Debug for Attempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attempt")
            .field("key", &self.key)
            .field("token", &self.token)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for AsyncAttempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncAttempt")
            .field("key", &self.key)
            .field("token", &self.token)
            .finish_non_exhaustive()
    }
}

/// The store's error as an [`ErrorKind::DedupStore`], with a sanitised copy
/// of it as the source: its text and causes are sanitised here too, since a
/// store of the user's own may pass on a server's message.
fn store_error(key: &DedupKey, action: &str, err: &StoreError) -> Error {
    Error::new(ErrorKind::DedupStore {
        reason: sanitize(&format!("could not {action} {key}: {err}")),
    })
    .with_source(SanitizedError::wrap("", err))
    .with_vendor(key.vendor())
}

/// Waits `pause` without naming a runtime: the inbox (feature `inbox`) runs on tokio.
#[cfg(feature = "inbox")]
async fn pause_for(pause: Duration) {
    tokio::time::sleep(pause).await;
}

#[cfg(not(feature = "inbox"))]
async fn pause_for(_: Duration) {}
