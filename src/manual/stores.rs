//! # Deduplication stores: choosing and running one
//!
//! A [`Deduplicator`](crate::dedup::Deduplicator) remembers each event's key
//! in a store: **pending** while one attempt handles it, **done** once a
//! callback run succeeded. The done keys are what make a copy of the event a
//! duplicate: a store that loses them runs those events' callbacks again
//! when a copy arrives. Nothing is ever answered 200 without a successful
//! run, but "exactly once" becomes "at least once". Pick the store, and run
//! it, so that it keeps its keys.
//!
//! ## `MemoryStore`: one process, bounded
//!
//! [`MemoryStore`](crate::dedup::MemoryStore) (the default) lives in the
//! process: keys are lost on restart, and receivers behind a load balancer do
//! not see each other's. It holds at most its capacity (100 000 keys by
//! default); when full:
//!
//! * a claim in flight is **never evicted** (a copy would run concurrently);
//! * an authenticated claim evicts the **done** key closest to expiry (an
//!   old duplicate may then run again); authenticated claims and completions
//!   keep a sixteenth of the capacity (at least one place) free of done keys;
//! * a claim taken **before authentication** (Ignisign's: its single-use token
//!   is checked after the claim) evicts **nothing**, and such claims hold at
//!   most half of the capacity, so forged deliveries can neither displace a
//!   real delivery's state nor fill the store;
//! * with no place left, the claim fails with a store error that `handle`
//!   answers **503**: the vendor retries later.
//!
//! Size the capacity above the number of distinct events you receive per TTL
//! (24 hours by default).
//!
//! ## Redis: turn persistence on
//!
//! `RedisStore` (feature `redis`) shares keys between receivers. Redis keeps
//! them in memory: **a server killed or restarted without persistence loses
//! every done key**, and each event whose copy arrives afterwards runs again
//! (an attack review counted 41 double runs in one load test with server
//! restarts). Configure the server so that an acknowledged write survives a
//! crash, and is never evicted:
//!
//! ```text
//! # redis.conf
//! appendonly yes              # append-only file: every write is logged
//! appendfsync always          # fsync before acknowledging; `everysec` loses up to 1 s of keys
//! maxmemory-policy noeviction # full memory refuses writes (503, retried) instead of evicting keys
//! ```
//!
//! * `appendfsync everysec` (Redis's default once `appendonly` is on) is
//!   much faster and loses at most the last second of keys on a crash: those
//!   few events may run twice. RDB snapshots alone (`save`) lose everything
//!   since the last snapshot.
//! * An eviction policy other than `noeviction` (`allkeys-lru`,
//!   `volatile-ttl`, …; every key of the store has a TTL) lets Redis drop
//!   keys under memory pressure, **pending claims included**: a copy of a
//!   delivery in flight would then run concurrently.
//! * Replication is asynchronous: a failover to a replica may lose the last
//!   writes, with the same effect as a crash without `always`.
//! * Managed services expose these as parameters (append-only file, eviction
//!   policy); check them rather than assume the defaults.
//!
//! ## PostgreSQL: durable by default
//!
//! `PostgresStore` (feature `postgres`) keeps keys in one table: a committed
//! claim or completion survives a restart with PostgreSQL's default settings
//! (`fsync = on`, `synchronous_commit = on`). Turning `synchronous_commit`
//! off trades the last few hundred milliseconds of keys on a crash, as
//! `everysec` does for Redis. Run `purge_expired` now and then (hourly) to
//! delete expired rows.
//!
//! **TLS**: put `sslmode=require` (or `verify-ca`, `verify-full`) in the URL
//! and the store connects over TLS (rustls) or not at all, verifying the
//! server's certificate and host name in every one of these modes, against
//! Mozilla's roots, plus your private CA with `PostgresStore::open_with_ca(url,
//! ca_pem)`. Without `sslmode` (or with `disable`, `prefer`) the connection is
//! plain: keep that to loopback, a Unix socket or a private network.
//!
//! **Your pool, your transaction**: `PostgresStore::from_client(client)`
//! runs the store on a `tokio_postgres::Client` you connected (from your
//! pool, with your TLS); it does not reconnect it. And
//! `PostgresStore::complete_in(&transaction, &key, ttl)` records a key in
//! *your* transaction, so the key commits with the work it guards and rolls
//! back with it (the advice of [`replay`](super::replay)): `false` means the
//! key was already done, roll back.
//!
//! ## Your own store
//!
//! Implement [`DedupStore`](crate::dedup::DedupStore) /
//! [`AsyncDedupStore`](crate::dedup::AsyncDedupStore) over a durable
//! database and check it with the `conformance` feature's suite. If your
//! store evicts keys to stay within a bound, implement
//! [`claim_unauthenticated`](crate::dedup::DedupStore::claim_unauthenticated)
//! so that it evicts nothing, and never evict a pending claim. Return errors
//! as [`StoreError`](crate::dedup::StoreError) (`StoreError::new(kind, err)`,
//! `StoreError::other(err)`, or `?` from an `io::Error`, a `String`, a
//! `&str`): it keeps a sanitised copy of the error's text and causes (one
//! line, no control characters). Keep credentials out of them.
