//! [`PostgresStore`]: keys shared by every receiver, in one PostgreSQL table,
//! on `tokio-postgres` (on a small tokio runtime the store owns).

use core::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio_postgres::{Client, GenericClient};

use super::bridge::{Bridge, BridgedBackend};
use super::sanitize::SanitizedError;
use super::{ClaimOutcome, ClaimToken, DedupKey, StoreError, StoreErrorKind};

pub(crate) mod connect;

/// The migration that creates the table (`migrations/postgres/0001_esign_webhooks_dedup.sql`).
pub const MIGRATION: &str = include_str!("../../migrations/postgres/0001_esign_webhooks_dedup.sql");

/// Claims a key: inserts it pending, or takes over an expired row, or
/// re-claims its own pending row (a retried command). A row back: claimed.
const CLAIM: &str = "INSERT INTO esign_webhooks_dedup AS d (key, state, token, expires_at)
     VALUES ($1, 'pending', $2, now() + $3::bigint * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET state = 'pending', token = EXCLUDED.token, expires_at = EXCLUDED.expires_at
     WHERE d.expires_at <= now() OR (d.state = 'pending' AND d.token = EXCLUDED.token)
     RETURNING 1";

/// Marks a key done if it is absent, expired or our own pending claim.
const COMPLETE: &str = "INSERT INTO esign_webhooks_dedup AS d (key, state, token, expires_at)
     VALUES ($1, 'done', $2, now() + $3::bigint * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET state = 'done', token = EXCLUDED.token, expires_at = EXCLUDED.expires_at
     WHERE d.expires_at <= now() OR (d.state = 'pending' AND d.token = EXCLUDED.token)
     RETURNING 1";

/// Marks a key done unless it is already done (and unexpired): a pending
/// claim is overwritten, since the caller's transaction does the work.
const COMPLETE_IN: &str = "INSERT INTO esign_webhooks_dedup AS d (key, state, token, expires_at)
     VALUES ($1, 'done', $2, now() + $3::bigint * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET state = 'done', token = EXCLUDED.token, expires_at = EXCLUDED.expires_at
     WHERE d.expires_at <= now() OR d.state = 'pending'
     RETURNING 1";

/// What holds a key that could not be claimed or completed.
const STATE: &str = "SELECT state FROM esign_webhooks_dedup WHERE key = $1 AND expires_at > now()";

/// Removes our own pending claim.
const RELEASE: &str = "DELETE FROM esign_webhooks_dedup WHERE key = $1 AND state = 'pending' AND token = $2";

/// A deduplication store in PostgreSQL (feature `postgres`), for receivers
/// that share a database: one table, `esign_webhooks_dedup` (key, state,
/// token, lease or TTL expiry), created by [`migrate`](PostgresStore::migrate)
/// or by applying [`MIGRATION`] with your own tool. Implements both
/// [`DedupStore`](super::DedupStore) and [`AsyncDedupStore`](super::AsyncDedupStore).
///
/// * **Atomic lifecycle**: a claim and a completion are each one
///   `INSERT … ON CONFLICT DO UPDATE … WHERE` on the unique key (expired rows
///   are taken over, a pending row only by its own token), a release one
///   `DELETE … WHERE token = $2`; times are the server's (`now()`).
/// * **Reconnects**: a closed connection (a server restart) is replaced, and
///   the operation retried once, which the token makes safe.
/// * **Bounded**: every operation, connecting included, by the timeout
///   (default 2 s).
/// * Expired rows are ignored, and deleted by [`purge_expired`](PostgresStore::purge_expired):
///   run it now and then (hourly).
/// * **TLS** (rustls): `sslmode=require`, `sslmode=verify-ca` or
///   `sslmode=verify-full` in the URL connect over TLS or not at all (a
///   server without TLS is refused), and always **verify** the server's
///   certificate, chain and host name, against Mozilla's roots and the CA
///   certificates given to [`open_with_ca`](PostgresStore::open_with_ca)
///   (stricter than libpq's `require`, which verifies nothing). Without
///   `sslmode`, or with `disable` or `prefer`, the connection is plain TCP or a
///   Unix socket: use that on loopback or a private network only. The
///   password is never shown.
/// * **Your own connection**: [`from_client`](PostgresStore::from_client)
///   takes a `tokio_postgres::Client` you connected (from your pool, with your
///   TLS), and [`complete_in`](PostgresStore::complete_in) records a key
///   inside your own transaction, so that the work and the key commit
///   together (the advice of `manual::replay`).
/// * Errors are one line without control characters through their whole
///   `source()` chain (the server chooses their messages).
///
/// ```no_run
/// use esign_webhooks::dedup::{Deduplicator, PostgresStore};
///
/// let store = PostgresStore::open("postgresql://hooks:secret@10.0.0.7/billing")?;
/// store.migrate()?; // once, at start-up: CREATE TABLE IF NOT EXISTS …
/// let dedup = Deduplicator::new(store);
/// # let _ = dedup;
/// # Ok::<(), esign_webhooks::dedup::StoreError>(())
/// ```
pub struct PostgresStore {
    shared: Arc<Shared>,
    timeout: Duration,
    // Last: dropped after the connection, whose task runs on it.
    bridge: Bridge,
}

/// A client that reconnects (to a target) or is the user's (not replaced):
/// shared by the dedup store and the PostgreSQL inbox.
pub(crate) struct Shared {
    /// Where to reconnect; `None` for a client the user gave, which is not replaced.
    target: Option<connect::Target>,
    client: tokio::sync::Mutex<Option<Arc<Client>>>,
}

impl PostgresStore {
    /// A store on the database at `url` (`postgresql://user:password@host:port/db`,
    /// or a `key=value` connection string). Connects lazily: an unreachable
    /// server fails the first operation, not this.
    ///
    /// `sslmode=require`, `verify-ca` or `verify-full` make it TLS or
    /// nothing, verified against Mozilla's roots (see the type's documentation).
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_target(connect::parse(url, None)?)
    }

    /// [`open`](PostgresStore::open), also trusting the CA certificates in
    /// `ca_pem` (one or more PEM `CERTIFICATE` blocks: a private CA, or a
    /// self-signed server certificate) when the URL asks for TLS.
    pub fn open_with_ca(url: &str, ca_pem: &[u8]) -> Result<Self, StoreError> {
        Self::open_target(connect::parse(url, Some(ca_pem))?)
    }

    fn open_target(mut target: connect::Target) -> Result<Self, StoreError> {
        if target.config.get_connect_timeout().is_none() {
            target.config.connect_timeout(Duration::from_secs(2));
        }
        Ok(PostgresStore {
            shared: Arc::new(Shared::to_target(target)),
            timeout: Duration::from_secs(2),
            bridge: Bridge::new("esign-webhooks-postgres")?,
        })
    }

    /// A store on a client you connected yourself (taken from your pool, with
    /// your TLS settings). Its connection must be driven by your runtime, as
    /// usual for `tokio-postgres`; the store does not replace it if it
    /// closes: operations then fail with a
    /// [`Connection`](StoreErrorKind::Connection) error, and you make a new
    /// store on a new client.
    pub fn from_client(client: Client) -> Result<Self, StoreError> {
        Ok(PostgresStore {
            shared: Arc::new(Shared::of_client(client)),
            timeout: Duration::from_secs(2),
            bridge: Bridge::new("esign-webhooks-postgres")?,
        })
    }

    /// Records `key` as done for `ttl` through `client`: a `Transaction` of
    /// yours (or a `Client`), so that the key commits or rolls back with the
    /// work it guards. `true`: this call recorded it (the key was absent,
    /// expired, or only claimed); `false`: it was already done, the work has
    /// been done before — roll your transaction back. A concurrent
    /// transaction recording the same key waits on the row until this one
    /// ends, then sees it done. The table must exist ([`MIGRATION`]).
    ///
    /// ```no_run
    /// # async fn run(client: &mut tokio_postgres::Client, event: &esign_webhooks::Event) -> Result<(), Box<dyn std::error::Error>> {
    /// use std::time::Duration;
    /// use esign_webhooks::dedup::{DedupKey, PostgresStore};
    ///
    /// let tx = client.transaction().await?;
    /// if PostgresStore::complete_in(&tx, &DedupKey::of(event), Duration::from_secs(7 * 24 * 3600)).await? {
    ///     tx.execute("UPDATE envelopes SET state = 'completed' WHERE id = $1", &[&"E1"]).await?;
    ///     tx.commit().await?;
    /// } // else: already handled; dropping `tx` rolls it back
    /// # Ok(()) }
    /// ```
    pub async fn complete_in(client: &impl GenericClient, key: &DedupKey, ttl: Duration) -> Result<bool, StoreError> {
        let (key, token, ms) = (key.to_string(), ClaimToken::new().to_string(), millis(ttl));
        let recorded = client
            .query_opt(COMPLETE_IN, &[&key, &token, &ms])
            .await
            .map_err(pg_error)?;
        Ok(recorded.is_some())
    }

    /// Bounds each operation as a whole, reconnecting included (default 2 s, at least 1 ms).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// Creates the table and its index if they do not exist ([`MIGRATION`]).
    pub fn migrate(&self) -> Result<(), StoreError> {
        let shared = Arc::clone(&self.shared);
        self.bridge
            .block(self.timeout.max(Duration::from_secs(10)), "the migration", async move {
                shared
                    .with_client(|client| async move { client.batch_execute(MIGRATION).await })
                    .await
            })
    }

    /// Deletes expired rows; returns how many.
    pub fn purge_expired(&self) -> Result<u64, StoreError> {
        let shared = Arc::clone(&self.shared);
        self.bridge.block(self.timeout, "the purge", async move {
            shared
                .with_client(|client| async move {
                    client
                        .execute("DELETE FROM esign_webhooks_dedup WHERE expires_at <= now()", &[])
                        .await
                })
                .await
        })
    }
}

impl BridgedBackend for PostgresStore {
    fn bridge(&self) -> &Bridge {
        &self.bridge
    }

    fn timeout(&self) -> Duration {
        self.timeout
    }

    fn claim_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> impl Future<Output = Result<ClaimOutcome, StoreError>> + Send + 'static {
        let (shared, key, token, ms) = (
            Arc::clone(&self.shared),
            key.to_string(),
            token.to_string(),
            millis(lease),
        );
        async move {
            shared
                .with_client(|client| {
                    let (key, token) = (key.clone(), token.clone());
                    async move {
                        if client.query_opt(CLAIM, &[&key, &token, &ms]).await?.is_some() {
                            return Ok(ClaimOutcome::Claimed);
                        }
                        let state = client.query_opt(STATE, &[&key]).await?;
                        Ok(match state.map(|row| row.get::<_, String>(0)).as_deref() {
                            Some("done") => ClaimOutcome::Done,
                            // Pending, or gone in between: retryable either way.
                            _ => ClaimOutcome::InFlight,
                        })
                    }
                })
                .await
        }
    }

    fn complete_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        ttl: Duration,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'static {
        let (shared, key, token, ms) = (
            Arc::clone(&self.shared),
            key.to_string(),
            token.to_string(),
            millis(ttl),
        );
        async move {
            shared
                .with_client(|client| {
                    let (key, token) = (key.clone(), token.clone());
                    async move {
                        if client.query_opt(COMPLETE, &[&key, &token, &ms]).await?.is_some() {
                            return Ok(true);
                        }
                        let state = client.query_opt(STATE, &[&key]).await?;
                        Ok(state.map(|row| row.get::<_, String>(0)).as_deref() == Some("done"))
                    }
                })
                .await
        }
    }

    fn release_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'static {
        let (shared, key, token) = (Arc::clone(&self.shared), key.to_string(), token.to_string());
        async move {
            shared
                .with_client(|client| {
                    let (key, token) = (key.clone(), token.clone());
                    async move { Ok(client.execute(RELEASE, &[&key, &token]).await? == 1) }
                })
                .await
        }
    }
}

impl Shared {
    /// Connects lazily to `target`.
    pub(crate) fn to_target(target: connect::Target) -> Self {
        Shared {
            target: Some(target),
            client: tokio::sync::Mutex::new(None),
        }
    }

    /// The user's client, never replaced.
    pub(crate) fn of_client(client: Client) -> Self {
        Shared {
            target: None,
            client: tokio::sync::Mutex::new(Some(Arc::new(client))),
        }
    }

    /// Where it reconnects, unless it is the user's client.
    #[cfg_attr(not(feature = "inbox"), allow(dead_code))]
    pub(crate) fn target(&self) -> Option<&connect::Target> {
        self.target.as_ref()
    }

    /// A connected client: the current one, or a new one if it closed.
    async fn client(&self) -> Result<Arc<Client>, StoreError> {
        let mut slot = self.client.lock().await;
        if let Some(client) = slot.as_ref().filter(|client| !client.is_closed()) {
            return Ok(Arc::clone(client));
        }
        let Some(target) = &self.target else {
            // The user's own client: closed, and not ours to replace.
            return Err(StoreError::text(
                StoreErrorKind::Connection,
                "PostgreSQL: the client given to PostgresStore::from_client is closed",
            ));
        };
        let client = Arc::new(connect::connect(target).await.map_err(pg_error)?);
        *slot = Some(Arc::clone(&client));
        Ok(client)
    }

    /// Runs `op` on a client, once more on a fresh connection if the first was closed.
    pub(crate) async fn with_client<T, F, Fut>(&self, op: F) -> Result<T, StoreError>
    where
        F: Fn(Arc<Client>) -> Fut,
        Fut: Future<Output = Result<T, tokio_postgres::Error>>,
    {
        let first = match self.client().await {
            Ok(client) => op(client).await,
            Err(err) if err.kind() == StoreErrorKind::Connection && self.target.is_some() => {
                // A failed connection attempt (a server restarting): once more.
                *self.client.lock().await = None;
                let client = self.client().await?;
                return op(client).await.map_err(pg_error);
            }
            Err(err) => return Err(err),
        };
        match first {
            Err(err) if err.is_closed() || is_connection_error(&err) => {
                *self.client.lock().await = None;
                let client = self.client().await?;
                op(client).await.map_err(pg_error)
            }
            other => other.map_err(pg_error),
        }
    }
}

/// An I/O failure under the error (a reset connection), rather than an SQL error.
fn is_connection_error(err: &tokio_postgres::Error) -> bool {
    err.code().is_none() && std::error::Error::source(err).is_some_and(|source| source.is::<std::io::Error>())
}

/// The error as the client words it (it does not repeat the password),
/// sanitised through its whole chain: the server chooses the message, and a
/// hostile one could put a line break into it.
pub(crate) fn pg_error(err: tokio_postgres::Error) -> StoreError {
    match err.as_db_error() {
        Some(db) => StoreError::text(
            StoreErrorKind::Server,
            format_args!("PostgreSQL: {} ({})", db.message(), db.code().code()),
        ),
        None => {
            let kind = if is_connection_error(&err) || err.is_closed() {
                StoreErrorKind::Connection
            } else {
                StoreErrorKind::Other
            };
            StoreError::sanitized(kind, SanitizedError::wrap("PostgreSQL: ", &err))
        }
    }
}

/// Milliseconds, at least 1.
pub(crate) fn millis(duration: Duration) -> i64 {
    duration.as_millis().clamp(1, i64::MAX as u128) as i64
}

impl fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("PostgresStore");
        match &self.shared.target {
            Some(target) => {
                let config = &target.config;
                out.field("hosts", &config.get_hosts())
                    .field("ports", &config.get_ports())
                    .field("user", &config.get_user())
                    .field("dbname", &config.get_dbname())
                    .field("password", &config.get_password().map(|_| "[REDACTED]"))
                    .field("tls", &matches!(target.tls, connect::Tls::Required(_)))
            }
            None => out.field("client", &"from_client"),
        };
        out.field("timeout", &self.timeout).finish_non_exhaustive()
    }
}
