//! Replay and duplicate defence: every vendor delivers **at least once**
//! (eSignGlobal retries up to 16 times over about five hours), and a captured
//! delivery can be sent again. A [`Deduplicator`] (blocking) or an
//! [`AsyncDeduplicator`] remembers the [`DedupKey`] of each delivery for a
//! while, in a [`DedupStore`] or an [`AsyncDedupStore`], so that callbacks run
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
//! # The guarantee
//!
//! With a deduplicator, **callbacks run at least once per event, and exactly
//! once when nothing fails** (no callback failure, no crash, no store outage,
//! no lease shorter than the callbacks). **An event is never answered 200
//! unless a callback run for it succeeded, now or before.** Whatever fails —
//! a callback, the token check, a panic anywhere in handling, a dropped
//! `handle_async` future, the store itself — the answer is one the vendor
//! retries (500 or 503), or the retry is handled again.
//!
//! # The claim lifecycle
//!
//! In the store, a key is absent, **pending** (claimed by one attempt, whose
//! [`ClaimToken`] it holds, for a short **lease**) or **done** (for the TTL).
//! `handle` and `handle_async` do, for each verified delivery:
//!
//! 1. **claim** the key ([`DedupStore::claim`], atomic; for an Ignisign
//!    delivery, whose token is checked after the claim,
//!    [`DedupStore::claim_unauthenticated`], which evicts nothing) for the
//!    [`lease`](Deduplicator::with_lease) (default [`DEFAULT_LEASE`], 30 s):
//!    * absent or expired: this attempt runs;
//!    * **done**: a duplicate. No callback runs (nor Ignisign's token check);
//!      the [`Report`](crate::Report) says
//!      [`is_duplicate`](crate::Report::is_duplicate), status **200**;
//!    * **pending** (another attempt is running and may still fail): no
//!      callback runs; the report says [`is_in_flight`](crate::Report::is_in_flight),
//!      status **503** with [`retry_after`](crate::Report::retry_after) (the
//!      lease, for a `Retry-After` header), so the vendor tries again later;
//! 2. confirm Ignisign's token, then run the callbacks;
//! 3. when every callback succeeded, **complete** the key (done, for the
//!    [`ttl`](Deduplicator::with_ttl), default 24 hours); otherwise — a
//!    callback failed or panicked, the token was refused, Ignisign could not be
//!    asked, the token transport panicked — **release** it, so that the
//!    vendor's retry runs the callbacks again. The attempt is a drop guard: a
//!    panic unwinding through `handle`, or a `handle_async` future dropped
//!    (a server timeout), releases it too
//!    ([`AsyncDedupStore::release_detached`]).
//!
//! Complete and release name the attempt's token, so a slow attempt whose
//! lease expired can neither release nor complete the claim of the copy that
//! took over. When a release itself fails (the store is down), the lease
//! bounds the damage: copies are answered 503 until it expires, then run.
//! When the claim fails (the store is down or its reply was lost), the
//! request fails with [`ErrorKind::DedupStore`](crate::ErrorKind::DedupStore) (503) before any callback
//! runs, after one best-effort release of the claim it may have made.
//!
//! 503 rather than 409 for a copy in flight: every vendor retries a 5xx,
//! while some treat a 4xx as final.
//!
//! # What it does not do
//!
//! * It is no authentication: keys are computed after verification, but for a
//!   vendor configured with `dangerous_accept_unverified` anyone can send a
//!   forged copy of a future event first and have the real one skipped as a
//!   duplicate.
//! * Distinct events that say exactly the same thing share a key (see
//!   [`DedupKey`]); keep handlers idempotent anyway: "at least once" means a
//!   callback may run again after a failure or a crash.
//! * [`Handlers::handle_event`](crate::Handlers::handle_event) (events you
//!   verified yourself) is not deduplicated: call [`Deduplicator::claim`] yourself.
//!
//! # Stores
//!
//! [`MemoryStore`] (the default) is bounded and lives in one process; it
//! implements both traits. When full it never evicts a claim in flight, and a
//! claim taken before authentication (Ignisign's) evicts nothing: such
//! claims are refused with a retryable 503 instead. With several receivers behind a load balancer,
//! share a store: the `redis` feature adds `RedisStore` (on the `redis`
//! crate; `SET NX PX` and Lua scripts), the `postgres` feature adds
//! `PostgresStore` (on `tokio-postgres`; one table), or implement
//! [`DedupStore`] / [`AsyncDedupStore`] over your database and check it with
//! the `conformance` feature's suite (`dedup::conformance`). A store that
//! loses its done keys (a Redis server restarted without persistence) runs
//! those events again: see [`manual::stores`](crate::manual::stores) for the
//! settings that prevent it.

#[cfg(any(feature = "redis", feature = "postgres"))]
mod bridge;
#[cfg(feature = "conformance")]
pub mod conformance;
mod deduplicator;
mod memory;
#[cfg(feature = "postgres")]
pub(crate) mod postgres;
#[cfg(feature = "redis")]
pub(crate) mod redis;
mod sanitize;
mod store;

pub use crate::dedup_key::DedupKey;
pub use deduplicator::{Admission, AsyncAttempt, AsyncDeduplicator, Attempt, DEFAULT_LEASE, DEFAULT_TTL, Deduplicator};
pub use memory::{DEFAULT_CAPACITY, MemoryStore};
#[cfg(feature = "postgres")]
pub use postgres::{MIGRATION as POSTGRES_MIGRATION, PostgresStore};
#[cfg(feature = "redis")]
pub use redis::RedisStore;
pub use store::{AsyncDedupStore, ClaimOutcome, ClaimToken, DedupStore, StoreError, StoreErrorKind, StoreFuture};
