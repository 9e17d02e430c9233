//! [`PostgresStore`]: keys shared by every receiver, in one PostgreSQL table,
//! on `tokio-postgres` (on a small tokio runtime the store owns).

use core::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio_postgres::{Client, NoTls};

use super::bridge::{Bridge, BridgedBackend};
use super::sanitize::SanitizedError;
use super::{ClaimOutcome, ClaimToken, DedupKey, StoreError, StoreErrorKind};

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
/// * Plain TCP or a Unix socket (`NoTls`): a URL asking for `sslmode=require`
///   is refused rather than sent in the clear; reach a remote server over a
///   private network or a TLS sidecar. The password is never shown.
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

struct Shared {
    config: tokio_postgres::Config,
    client: tokio::sync::Mutex<Option<Arc<Client>>>,
}

impl PostgresStore {
    /// A store on the database at `url` (`postgresql://user:password@host:port/db`,
    /// or a `key=value` connection string). Connects lazily: an unreachable
    /// server fails the first operation, not this.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let mut config: tokio_postgres::Config = url.parse().map_err(|_| {
            StoreError::text(
                StoreErrorKind::Other,
                "invalid PostgreSQL connection string (it is not repeated here)",
            )
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(2));
        }
        Ok(PostgresStore {
            shared: Arc::new(Shared {
                config,
                client: tokio::sync::Mutex::new(None),
            }),
            timeout: Duration::from_secs(2),
            bridge: Bridge::new("esign-webhooks-postgres")?,
        })
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
    /// A connected client: the current one, or a new one if it closed.
    async fn client(&self) -> Result<Arc<Client>, tokio_postgres::Error> {
        let mut slot = self.client.lock().await;
        if let Some(client) = slot.as_ref().filter(|client| !client.is_closed()) {
            return Ok(Arc::clone(client));
        }
        let (client, connection) = self.config.connect(NoTls).await?;
        tokio::spawn(connection);
        let client = Arc::new(client);
        *slot = Some(Arc::clone(&client));
        Ok(client)
    }

    /// Runs `op` on a client, once more on a fresh connection if the first was closed.
    async fn with_client<T, F, Fut>(&self, op: F) -> Result<T, StoreError>
    where
        F: Fn(Arc<Client>) -> Fut,
        Fut: Future<Output = Result<T, tokio_postgres::Error>>,
    {
        let first = match self.client().await {
            Ok(client) => op(client).await,
            Err(err) => Err(err),
        };
        match first {
            Err(err) if err.is_closed() || is_connection_error(&err) => {
                *self.client.lock().await = None;
                let client = self.client().await.map_err(pg_error)?;
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
fn pg_error(err: tokio_postgres::Error) -> StoreError {
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
fn millis(duration: Duration) -> i64 {
    duration.as_millis().clamp(1, i64::MAX as u128) as i64
}

impl fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let config = &self.shared.config;
        f.debug_struct("PostgresStore")
            .field("hosts", &config.get_hosts())
            .field("ports", &config.get_ports())
            .field("user", &config.get_user())
            .field("dbname", &config.get_dbname())
            .field("password", &config.get_password().map(|_| "[REDACTED]"))
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}
