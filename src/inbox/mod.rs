//! A fleet that never loses an event (feature `inbox`): receivers verify
//! deliveries and hand them to a durable **inbox**; **workers** run the
//! callbacks. The vendor is answered as soon as the inbox holds the delivery,
//! never before, and never waits for a callback.
//!
//! ```text
//!  vendor ──POST──▶ Receiver ──push (durable)──▶ Inbox ──pull (lease)──▶ Worker ──▶ your callbacks
//!    ▲                 │  verify, handshakes            │  ack / retry / dead letter  │  claim (dedup store)
//!    └── 2xx after the push, 503 if it failed ──┘        └─ lease renewed while running ┘
//! ```
//!
//! * [`Receiver`] verifies (as [`Webhooks::verify`](crate::Webhooks::verify)),
//!   answers setup handshakes, pushes an [`InboxMessage`] (the vendor,
//!   exactly the verified bytes and what their parse needs, the dedup key,
//!   the received time, the tenant, attempts) and gives a [`Handoff`] whose
//!   [`response`](Handoff::response) is the vendor's required answer once the
//!   push was acknowledged, and 503 otherwise.
//! * [`Worker`] pulls, parses, claims the delivery's key in the handlers'
//!   dedup store, runs the [`AsyncHandlers`](crate::AsyncHandlers)'
//!   callbacks, acknowledges, retries with [`Backoff`], dead-letters after
//!   the configured attempts, renews the leases while callbacks run, runs a
//!   bounded number at once and shuts down gracefully.
//! * [`Inbox`] is the engine's trait (object safe): [`MemoryInbox`] (not
//!   durable: tests, examples) here, `PostgresInbox` (feature `postgres`),
//!   `RedisInbox` (feature `redis`), `NatsInbox` (feature `nats`), and your own engine, checked by the
//!   `conformance` feature's `conformance` suite (`inbox::conformance`).
//!
//! The guarantee: a delivery answered 2xx is in the inbox (as durable as the
//! engine's write), and stays there until a worker's callbacks succeeded for
//! it, or it is a dead letter with its error. Callbacks run at least once per
//! event, and once when nothing fails (the dedup claim, renewed while they
//! run, keeps a copy from running beside a slow callback).

// The suite's sample deliveries are Constellation1's.
#[cfg(all(feature = "conformance", feature = "constellation"))]
pub mod conformance;
mod engine;
mod memory;
mod message;
#[cfg(feature = "nats")]
mod nats;
#[cfg(feature = "postgres")]
mod postgres;
mod receiver;
#[cfg(feature = "redis")]
mod redis;
mod trace;
mod worker;

pub use engine::{DeadLetter, Delivery, Inbox, InboxFuture, Receipt};
pub use memory::MemoryInbox;
pub use message::{InboxMessage, InboxMessageError, MAX_ERROR_LEN, MAX_TENANT_LEN, MessageId};
#[cfg(feature = "nats")]
#[cfg_attr(docsrs, doc(cfg(feature = "nats")))]
pub use nats::{
    DEFAULT_ACK_WAIT as NATS_DEFAULT_ACK_WAIT, DEFAULT_DUPLICATE_WINDOW as NATS_DEFAULT_DUPLICATE_WINDOW,
    DEFAULT_STREAM as NATS_DEFAULT_STREAM, NatsInbox,
};
#[cfg(feature = "postgres")]
#[cfg_attr(docsrs, doc(cfg(feature = "postgres")))]
pub use postgres::{
    DEFAULT_CONNECTIONS as POSTGRES_DEFAULT_CONNECTIONS, DEFAULT_TABLE as POSTGRES_DEFAULT_TABLE,
    INBOX_MIGRATION as POSTGRES_INBOX_MIGRATION, PostgresInbox,
};
pub use receiver::{DEFAULT_PUSH_TIMEOUT, Handoff, Receiver};
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis::RedisInbox;
pub use worker::{Backoff, DEFAULT_CONCURRENCY, DEFAULT_LEASE, DEFAULT_MAX_ATTEMPTS, Worker, WorkerStats};
