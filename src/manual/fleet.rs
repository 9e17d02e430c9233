//! # A fleet: receivers hand off, workers run the callbacks
//!
//! (Feature `inbox`; the engines need `postgres`, `redis` or `nats` too.)
//!
//! [`Webhooks::handle_async`](crate::Webhooks::handle_async) runs callbacks
//! inside the vendor's request. That is right for one small service. It is
//! wrong once callbacks download signed PDFs or call other systems: vendors
//! give a receiver seconds (BoldSign 10 s, eSignGlobal 5 s), a slow callback
//! past the dedup lease runs twice, and a receiver killed mid-callback relies
//! on the vendor's retries (some vendors end them by disabling the webhook).
//! The [`inbox`](crate::inbox) module splits the work:
//!
//! ```text
//!                 ┌──────────── receivers (R, stateless) ────────────┐
//!  vendor ─POST─▶ │ verify · answer handshakes · push InboxMessage   │
//!    ▲            └───────────────┬───────────────────────────────────┘
//!    │  2xx only after the push   │ durable write (COMMIT / XADD+fsync / PubAck)
//!    │  was acknowledged, else 503▼
//!    │            ┌──────────── inbox (one engine) ───────────────────┐
//!    └────────────│ PostgreSQL · Redis stream · JetStream · (memory)  │
//!                 └───────────────┬───────────────────────────────────┘
//!                                 │ pull with a lease (renewed while running)
//!                 ┌───────────────▼──────────── workers (W) ──────────┐
//!                 │ parse · claim key (dedup store) · callbacks       │
//!                 │ ack │ retry + backoff │ dead letter (error kept)  │
//!                 └───────────────────────────────────────────────────┘
//! ```
//!
//! ```no_run
//! # async fn run(webhooks: esign_webhooks::Webhooks, handlers: esign_webhooks::AsyncHandlers) -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use esign_webhooks::inbox::{Inbox, PostgresInbox, Receiver, Worker};
//!
//! let inbox: Arc<dyn Inbox> = Arc::new(PostgresInbox::open("postgresql://hooks@db/app?sslmode=verify-full")?);
//! // In the HTTP handler (any framework): answer with the hand-off's response.
//! let receiver = Receiver::new(Arc::new(webhooks), inbox.clone());
//! # let (body, headers): (Vec<u8>, Vec<(String, String)>) = (Vec::new(), Vec::new());
//! let answer = match receiver.receive(&body, &headers).await {
//!     Ok(handoff) => handoff.response(), // the vendor's success answer, or 503 if the push failed
//!     Err(err) => err.response(),        // a handshake's answer, or the refusal
//! };
//! # let _ = answer;
//! // In each worker process: handlers with a shared dedup store (PostgresStore, RedisStore).
//! let worker = Worker::new(inbox, Arc::new(handlers)).with_concurrency(32);
//! # let shutdown = std::future::pending::<()>(); // e.g. tokio::signal::ctrl_c()
//! worker.run(shutdown).await;
//! # Ok(()) }
//! ```
//!
//! ## Which engine, for whom
//!
//! | Engine | For | Guarantee (what "0 lost" rests on) |
//! |---|---|---|
//! | [`PostgresInbox`](crate::inbox::PostgresInbox) | you already run PostgreSQL; you want the hand-off in your own transaction ([`push_in`](crate::inbox::PostgresInbox::push_in)) | a push is a committed `INSERT`: with `synchronous_commit = on` (the default) it survives a server crash; leases with `FOR UPDATE SKIP LOCKED`; `LISTEN/NOTIFY` wake-ups |
//! | [`RedisInbox`](crate::inbox::RedisInbox) | you already run Redis and want the lowest hand-off latency | **only with `appendonly yes` and `appendfsync always`**: otherwise a crash or restart loses deliveries already answered 2xx; consumer group, `XREADGROUP`, a dead worker's entries taken over once idle past their own recorded lease (`XCLAIM` in a script; `XAUTOCLAIM` takes one idle time for all, see the type's docs) |
//! | [`NatsInbox`](crate::inbox::NatsInbox) | you already run NATS; you want copies dropped by the engine itself | a push returns on the server's `PubAck`: the message is in the file store (survives a server SIGKILL, checked by the tests); JetStream fsyncs on an interval, so **a machine crash can lose the last acknowledged writes of a single server**: run 3 replicas in a cluster ([`with_replicas`](crate::inbox::NatsInbox::with_replicas)) for writes acknowledged by a majority. The dedup key is the `Nats-Msg-Id`: copies within the duplicate window (default 2 min) are stored once, later ones go through the dedup claim. Leases are kept by the inbox on top of the consumer's `ack_wait` (in-progress acks until the lease's deadline), so they are honoured to within `ack_wait` (default 5 s) |
//! | [`MemoryInbox`](crate::inbox::MemoryInbox) | tests, examples, the quickstart | none across a process exit: **not durable** |
//! | your own ([`Inbox`](crate::inbox::Inbox)) | another broker | check it with `inbox::conformance` (feature `conformance`) |
//!
//! Which to choose: the engine you already operate and back up. PostgreSQL
//! when the hand-off must join your own transaction or you want SQL over
//! dead letters; Redis for the lowest latency if you accept `appendfsync
//! always`; NATS when it is already your message bus (a JetStream cluster
//! gives replicated writes without a database).
//!
//! ## The guarantees, and why
//!
//! * **Never answered 2xx and then lost.** [`Handoff::response`](crate::inbox::Handoff::response)
//!   is the vendor's success answer only after the engine acknowledged the
//!   write; a failed or slow push (past [`with_push_timeout`](crate::inbox::Receiver::with_push_timeout),
//!   default 4 s) answers 503 with `Retry-After`, which every vendor retries.
//!   A push that timed out may still have landed: the retry is then a copy,
//!   which the dedup claim turns into a duplicate.
//! * **Exactly the verified bytes.** The message carries the
//!   [stored form](crate::VerifiedBody::to_stored) of the
//!   [`VerifiedBody`](crate::VerifiedBody): vendor, raw body, the verified
//!   part's place and the kept request value. A worker parses exactly what a
//!   receiver would have, with the crate version the worker runs.
//! * **Callbacks at least once, once when nothing fails.** Messages are
//!   delivered at least once (a lease expired, an ack was lost); the worker
//!   claims the delivery's [`DedupKey`](crate::dedup::DedupKey) before running
//!   callbacks, so a redelivery of a handled event is a duplicate, and a copy
//!   of one being run waits (retried later, not counted as an attempt).
//! * **A slow callback never runs twice for being slow.** While callbacks
//!   run, the worker renews the message's lease and the dedup claim every
//!   third of their leases ([`AsyncAttempt::renew`](crate::dedup::AsyncAttempt::renew)).
//!   Only a dead worker stops renewing; its message goes to another worker
//!   once the lease expires, and only then may a callback run twice (it was
//!   interrupted).
//! * **Nothing goes away silently.** A failing message is retried with
//!   [`Backoff`](crate::inbox::Backoff) (1 s doubling to 5 min) and kept as a
//!   dead letter with its last error after
//!   [`with_max_attempts`](crate::inbox::Worker::with_max_attempts) runs
//!   (default 8). A delivery the model cannot read goes to `on_unreadable`,
//!   or to the dead letters; bytes that are not a message go to the dead
//!   letters; a message handed out more than twice the attempts without an
//!   outcome (its worker crashed each time) too.
//! * **Ignisign**: its single-use token is confirmed by the worker (as
//!   `handle_async` would); a failed run cannot be confirmed again, so it is
//!   dead-lettered at once.
//!
//! ## Operating it
//!
//! * **Dead letters**: [`Inbox::dead_letters`](crate::inbox::Inbox::dead_letters)
//!   lists them with their message (id, vendor, tenant, attempts) and error;
//!   [`Inbox::replay`](crate::inbox::Inbox::replay) pushes one back with its
//!   attempts reset (after you fixed the cause); [`Inbox::discard`](crate::inbox::Inbox::discard)
//!   deletes one. In PostgreSQL they are rows with `dead = true` (query them
//!   with SQL: `SELECT id, error, dead_at FROM esign_webhooks_inbox WHERE dead`);
//!   in Redis, the stream `<prefix>dead`; in NATS, the stream `<name>_DEAD`
//!   (`nats stream view <name>_DEAD`; each payload is the error's length, the
//!   error, then the message).
//!
//!   From the command line, on any of the three engines (the URL's scheme
//!   names it; it is read from an environment variable, never from the
//!   command line, and printed only redacted):
//!
//!   ```sh
//!   export ESIGN_WEBHOOKS_INBOX_URL='postgresql://inbox:…@db.internal/app'
//!   esign-webhooks dead-letters list                 # id, vendor, event, attempts, error
//!   esign-webhooks dead-letters show 42 [--body]     # every field; the payload only with --body
//!   esign-webhooks dead-letters replay 42            # back to the workers, attempts reset
//!   esign-webhooks dead-letters discard 42           # gone for good
//!   ```
//!
//!   `--redis-prefix`, `--postgres-table` and `--nats-stream` name an inbox
//!   made with `with_prefix`, `with_table` or `with_stream`; `--json` prints
//!   one object per line. A replayed delivery keeps its dedup key: if its
//!   callbacks had in fact completed once, the workers skip it as a copy.
//! * **Shutdown**: [`Worker::run`](crate::inbox::Worker::run) takes a future
//!   (a signal): it stops pulling, finishes what runs, and returns its
//!   [`WorkerStats`](crate::inbox::WorkerStats). A worker killed instead
//!   loses nothing: its messages come back after the lease (default 30 s).
//! * **Tracing** (feature `tracing`): the receiver's `esign_webhooks::inbox::push`
//!   span and the worker's `esign_webhooks::inbox::run` span carry the same
//!   `message` id; search your logs by it.
//! * **Tenants**: [`Receiver::receive_incoming_for`](crate::inbox::Receiver::receive_incoming_for)
//!   records the tenant in the message ([`InboxMessage::tenant`](crate::inbox::InboxMessage::tenant)).
//!
//! ## Measured
//!
//! `examples/fleet_soak.rs` (features `inbox,redis,postgres,nats`), one
//! engine at a time (`--engine`), each durable and restarted on its own
//! data: `redis-server` with `appendonly yes` + `appendfsync always` (inbox
//! and dedup store); a PostgreSQL 15 cluster with `fsync` and
//! `synchronous_commit` on (inbox with its default 4 connections, and dedup
//! store); `nats-server` 2.9 with JetStream's file store (inbox; the dedup
//! store on a durable `redis-server` beside it). In separate processes: 2
//! receivers (axum + [`Receiver`](crate::inbox::Receiver)), 2 workers
//! (leases 10 s) and a sender playing the vendor with 64 concurrent
//! deliveries, retrying any non-2xx or broken connection on the other
//! receiver after 100 ms. At a third of the run one receiver is SIGKILLed
//! (and restarted), at half one worker is SIGKILLed (and replaced), at two
//! thirds the engine is SIGKILLed and restarted. Loopback, 2 shared cores,
//! release build, **100 000 deliveries** (69 963 events, 30 037 copies),
//! workers of 1 024 callbacks at once:
//!
//! | Engine | Callback | Lost | 2xx before a durable hand-off | Double runs (of the killed worker) | Vendor retries | Answered | Answer p50 | Answer p99 | All callbacks done |
//! |---|---|---|---|---|---|---|---|---|---|
//! | Redis | empty | **0** | **0** of 46 620 | 0 | 416 | 7 339 /s | 7.5 ms | 21.6 ms | 18.7 s |
//! | Redis | 2 s | **0** | **0** of 46 702 | 16 (16) | 32 | 20 738 /s | 2.5 ms | 10.0 ms | 71.9 s |
//! | PostgreSQL | empty | **0** | **0** of 46 568 | 2 (2) | 733 | 1 113 /s | 57.2 ms | 107 ms | 89.8 s |
//! | PostgreSQL | 2 s | **0** | **0** of 46 565 | 0 | 1 395 | 1 027 /s | 58.6 ms | 126 ms | 99.7 s |
//! | NATS JetStream | empty | **0** | **0** of 46 634 | 0 | 96 | 7 541 /s | 5.3 ms | 16.6 ms | 16.1 s |
//! | NATS JetStream | 2 s | **0** | **0** of 46 708 | 0 | 66 | 14 583 /s | 1.9 ms | 9.1 ms | 70.8 s |
//!
//! * **Lost** counts events answered 2xx whose callback never ran. **2xx
//!   before a durable hand-off** counts, among the events answered 2xx
//!   before the engine's SIGKILL, those that never ran after it: a 2xx
//!   given before the write was durable shows up there, since the killed
//!   engine comes back only with what it had made durable.
//! * **Double runs** happen only where a worker dies after a callback
//!   finished and before its completion was recorded: every double run
//!   above had its first run in the SIGKILLed worker. A worker retries
//!   recording a completion for up to 10 s while the store is down, so the
//!   engine's restart causes none.
//! * **The vendor-facing answer does not wait for callbacks**: with
//!   2-second callbacks its p99 is 0.46× (Redis), 1.17× (PostgreSQL; 1.09×
//!   in a second run) and 0.55× (NATS) the empty-callback run's. Where it is
//!   lower, the empty run's workers compete harder for the two cores.
//! * **Workers must keep up.** With workers of 256 callbacks at once (256
//!   two-second callbacks a second, against about 1 000 deliveries a
//!   second), the backlog grows to tens of thousands of messages. Redis and
//!   NATS do not mind (p99 0.42× and 0.48× the empty run's), but a
//!   PostgreSQL table holding a large backlog makes every push slower: p99
//!   294 ms against 102 ms (2.9×). With PostgreSQL, size the workers for the
//!   arrival rate, and watch the backlog (`SELECT count(*) FROM
//!   esign_webhooks_inbox WHERE NOT dead`).
//! * **PostgreSQL commits one push per WAL flush per connection**: with a
//!   single connection per inbox ([`with_connections(1)`](crate::inbox::PostgresInbox::with_connections))
//!   the same run answered 457 /s, p99 242 ms; the default 4 connections
//!   answer 1 113 /s, p99 107 ms. More connections let the server flush
//!   several commits at once.
//!
//! ```sh
//! # the runs above (about 1.5 minutes each)
//! cargo run --release --example fleet_soak --features inbox,redis,postgres,nats -- \
//!     --engine postgres --deliveries 100000 --callback-ms 2000 --worker-concurrency 1024
//! # what CI runs on each engine (2 000 deliveries, workers of 256; about 15 s each)
//! cargo run --example fleet_soak --features inbox,redis,postgres,nats -- --engine nats --deliveries 2000 --callback-ms 2000
//! ```
//!
//! NATS JetStream alone, measured by `tests/nats_inbox.rs` (debug build,
//! the same shared 2 cores): 2 000 pushes at concurrency 64 at about 14 700
//! pushes/s (p99 7 ms to the `PubAck`).
//!
//! ## Operating the dead letters from the command line
//!
//! `esign-webhooks dead-letters list|show|replay|discard`: see "Operating it"
//! above. The command is tested against real Redis, PostgreSQL and NATS
//! servers (`cli/tests/dead_letters.rs`).
//!
//! The axum example's `--fleet` mode (`cargo run --example axum --features
//! axum,inbox -- --fleet`) runs a receiver and a worker in one binary on a
//! `MemoryInbox`.
