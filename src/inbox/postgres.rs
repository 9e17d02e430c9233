//! [`PostgresInbox`]: the inbox in one PostgreSQL table, on `tokio-postgres`,
//! with the connection and TLS mechanism of the PostgreSQL dedup store.

use core::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Notify;
use tokio_postgres::{Client, GenericClient};

use super::engine::{DeadLetter, Delivery, Inbox, InboxFuture, Receipt, timed_out};
use super::message::InboxMessage;
use crate::dedup::postgres::connect::{self, Target};
use crate::dedup::postgres::{Shared, millis, pg_error};
use crate::dedup::{ClaimToken, StoreError, StoreErrorKind};

/// The migration that creates the default table (`migrations/postgres/0002_esign_webhooks_inbox.sql`).
pub const INBOX_MIGRATION: &str = include_str!("../../migrations/postgres/0002_esign_webhooks_inbox.sql");

/// The default table (and `NOTIFY` channel) name.
pub const DEFAULT_TABLE: &str = "esign_webhooks_inbox";

/// How many connections an inbox opened from a URL uses by default (see
/// [`PostgresInbox::with_connections`]).
pub const DEFAULT_CONNECTIONS: usize = 4;

/// The inbox's connections, used in turn. A connection runs one statement
/// at a time, and with `synchronous_commit = on` each push waits for its
/// commit's WAL flush: one connection commits about one push per flush,
/// several let the server flush their commits together.
struct Connections {
    first: Shared,
    rest: Vec<Shared>,
    next: AtomicUsize,
}

impl Connections {
    /// `count` (at least 1) lazily connected connections to `target`.
    fn to_target(target: &Target, count: usize) -> Self {
        Connections {
            first: Shared::to_target(target.clone()),
            rest: (1..count).map(|_| Shared::to_target(target.clone())).collect(),
            next: AtomicUsize::new(0),
        }
    }

    fn one(shared: Shared) -> Self {
        Connections {
            first: shared,
            rest: Vec::new(),
            next: AtomicUsize::new(0),
        }
    }

    fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// The next connection in turn.
    fn pick(&self) -> &Shared {
        let turn = self.next.fetch_add(1, Ordering::Relaxed) % self.len();
        match turn.checked_sub(1) {
            Some(i) => self.rest.get(i).unwrap_or(&self.first),
            None => &self.first,
        }
    }
}

/// How often a pull looks again without a wake-up (no listener, or a delayed message coming due).
const POLL: Duration = Duration::from_millis(250);

/// The SQL of one table.
struct Queries {
    table: String,
    push: String,
    pull: String,
    extend: String,
    ack: String,
    retry: String,
    dead_letter: String,
    dead_letters: String,
    dead_message: String,
    replay: String,
    discard: String,
    listen: String,
}

impl Queries {
    fn new(table: &str) -> Self {
        // A lease is held while its token is set and its end (`visible_at`) is ahead.
        let held = "id = $1 AND lease_token = $2 AND NOT dead AND visible_at > now()";
        Queries {
            table: table.to_owned(),
            push: format!(
                "WITH pushed AS (INSERT INTO {table} (message) VALUES ($1) RETURNING id) \
                 SELECT pg_notify('{table}', '') FROM pushed"
            ),
            pull: format!(
                "UPDATE {table} SET lease_token = $1, visible_at = now() + $2::bigint * interval '1 millisecond', \
                 deliveries = deliveries + 1 \
                 WHERE id IN (SELECT id FROM {table} WHERE NOT dead AND visible_at <= now() \
                 ORDER BY visible_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, message, deliveries"
            ),
            extend: format!(
                "UPDATE {table} SET visible_at = now() + $3::bigint * interval '1 millisecond' WHERE {held}"
            ),
            ack: format!("DELETE FROM {table} WHERE {held}"),
            retry: format!(
                "UPDATE {table} SET message = $3, lease_token = NULL, \
                 visible_at = now() + $4::bigint * interval '1 millisecond' WHERE {held}"
            ),
            dead_letter: format!(
                "UPDATE {table} SET dead = true, error = $3, dead_at = now(), lease_token = NULL WHERE {held}"
            ),
            dead_letters: format!(
                "SELECT id, message, coalesce(error, '') FROM {table} WHERE dead ORDER BY dead_at, id LIMIT $1"
            ),
            dead_message: format!("SELECT message FROM {table} WHERE id = $1 AND dead"),
            replay: format!(
                "WITH replayed AS (UPDATE {table} SET dead = false, error = NULL, dead_at = NULL, \
                 visible_at = now(), deliveries = 0, message = $2 WHERE id = $1 AND dead RETURNING id) \
                 SELECT pg_notify('{table}', '') FROM replayed"
            ),
            discard: format!("DELETE FROM {table} WHERE id = $1 AND dead"),
            listen: format!("LISTEN {table}"),
        }
    }
}

/// The inbox in one PostgreSQL table (features `inbox` and `postgres`), for
/// a fleet that already runs PostgreSQL.
///
/// * **Durable**: a push is one committed `INSERT`; the receiver answers
///   the vendor after the commit. With the server's default
///   `synchronous_commit = on` a committed push survives a crash of the
///   server; with it `off`, the last few hundred milliseconds of pushes may not.
/// * **Workers never wait on each other**: a pull leases up to `max` rows
///   with `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`, setting
///   a lease token and moving `visible_at` to the lease's end; every
///   settlement names the token, so a worker whose lease expired settles
///   nothing.
/// * **Wake-ups**: a push `NOTIFY`s the table's channel (committed with the
///   push); pulls `LISTEN` on a connection of their own, and also look every
///   250 ms (messages whose delay ran out).
/// * **Your transaction**: [`push_in`](PostgresInbox::push_in) inserts the
///   message through your `Transaction` (or client), committed with your own
///   writes.
/// * **Your client**: [`from_client`](PostgresInbox::from_client) works on a
///   client you connected (from your pool, with your TLS); it then polls
///   instead of listening.
/// * **TLS**: the connection string's `sslmode` as for
///   [`PostgresStore`](crate::dedup::PostgresStore) (the same mechanism:
///   rustls, certificates always verified); [`open_with_ca`](PostgresInbox::open_with_ca)
///   trusts a private CA.
/// * Every operation is bounded by the [timeout](PostgresInbox::with_timeout)
///   (default 5 s); a closed connection is replaced and the operation tried once more.
///
/// ```no_run
/// # async fn run() -> Result<(), esign_webhooks::dedup::StoreError> {
/// use esign_webhooks::inbox::PostgresInbox;
///
/// let inbox = PostgresInbox::open("postgresql://hooks:secret@10.0.0.7/billing?sslmode=verify-full")?;
/// inbox.migrate().await?; // once, at start-up: CREATE TABLE IF NOT EXISTS …
/// # Ok(()) }
/// ```
pub struct PostgresInbox {
    connections: Arc<Connections>,
    listener: Option<Listener>,
    queries: Arc<Queries>,
    timeout: Duration,
}

/// The `LISTEN` connection and the waiters it wakes.
struct Listener {
    target: Target,
    client: tokio::sync::Mutex<Option<Client>>,
    notify: Arc<Notify>,
}

impl fmt::Debug for PostgresInbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the connection string: it may hold the password.
        f.debug_struct("PostgresInbox")
            .field("table", &self.queries.table)
            .field("listening", &self.listener.is_some())
            .field("own_client", &self.connections.first.target().is_none())
            .field("connections", &self.connections.len())
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl PostgresInbox {
    /// An inbox on the database at `url` (`postgresql://…` or `key=value …`),
    /// in the table [`DEFAULT_TABLE`]. Connects lazily.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Ok(Self::on_target(connect::parse(url, None)?))
    }

    /// [`open`](PostgresInbox::open), also trusting the CA certificates in
    /// `ca_pem` when the URL asks for TLS.
    pub fn open_with_ca(url: &str, ca_pem: &[u8]) -> Result<Self, StoreError> {
        Ok(Self::on_target(connect::parse(url, Some(ca_pem))?))
    }

    fn on_target(mut target: Target) -> Self {
        if target.config.get_connect_timeout().is_none() {
            target.config.connect_timeout(Duration::from_secs(2));
        }
        PostgresInbox {
            listener: Some(Listener {
                target: target.clone(),
                client: tokio::sync::Mutex::new(None),
                notify: Arc::new(Notify::new()),
            }),
            connections: Arc::new(Connections::to_target(&target, DEFAULT_CONNECTIONS)),
            queries: Arc::new(Queries::new(DEFAULT_TABLE)),
            timeout: Duration::from_secs(5),
        }
    }

    /// An inbox on a client you connected (its connection driven by your
    /// runtime). It is not replaced if it closes; pulls poll every 250 ms.
    pub fn from_client(client: Client) -> Self {
        PostgresInbox {
            connections: Arc::new(Connections::one(Shared::of_client(client))),
            listener: None,
            queries: Arc::new(Queries::new(DEFAULT_TABLE)),
            timeout: Duration::from_secs(5),
        }
    }

    /// Uses the table (and `NOTIFY` channel) `table` instead of
    /// [`DEFAULT_TABLE`]: lower-case ASCII letters, digits and `_`, starting
    /// with a letter, at most 50 bytes; anything else is refused.
    pub fn with_table(mut self, table: &str) -> Result<Self, StoreError> {
        let valid = table.len() <= 50
            && table.starts_with(|c: char| c.is_ascii_lowercase())
            && table
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(StoreError::text(
                StoreErrorKind::Other,
                "an inbox table name is lower-case letters, digits and _, starting with a letter",
            ));
        }
        self.queries = Arc::new(Queries::new(table));
        Ok(self)
    }

    /// Uses `connections` connections in turn (default [`POSTGRES_DEFAULT_CONNECTIONS`](super::POSTGRES_DEFAULT_CONNECTIONS),
    /// at least 1), besides the one that `LISTEN`s. Each commits one push at a
    /// time; with `synchronous_commit = on` a push waits for its WAL flush, so
    /// more connections carry more concurrent pushes. An inbox made
    /// [`from_client`](Self::from_client) keeps its one client.
    pub fn with_connections(mut self, connections: usize) -> Self {
        if let Some(target) = self.connections.first.target() {
            self.connections = Arc::new(Connections::to_target(target, connections));
        }
        self
    }

    /// Bounds each operation, reconnecting included (default 5 s, at least 1 ms).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// Creates the table and its indexes if they do not exist ([`INBOX_MIGRATION`],
    /// with this inbox's table name).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let sql = INBOX_MIGRATION.replace(DEFAULT_TABLE, &self.queries.table);
        self.bounded("the migration", async {
            self.connections
                .pick()
                .with_client(|client| {
                    let sql = sql.clone();
                    async move { client.batch_execute(&sql).await }
                })
                .await
        })
        .await
    }

    /// Pushes `message` through `client`: a `Transaction` of yours (or a
    /// client), so that the hand-off commits or rolls back with your own
    /// writes; the wake-up is sent when it commits. The table must exist.
    pub async fn push_in(&self, client: &impl GenericClient, message: &InboxMessage) -> Result<(), StoreError> {
        client
            .query(&self.queries.push, &[&message.encode()])
            .await
            .map(drop)
            .map_err(pg_error)
    }

    async fn bounded<T>(&self, what: &str, op: impl Future<Output = Result<T, StoreError>>) -> Result<T, StoreError> {
        tokio::time::timeout(self.timeout, op)
            .await
            .unwrap_or_else(|_| Err(timed_out(what)))
    }

    /// Runs `sql` with `params` made by `make` (owned, as the client may be replaced and the query retried).
    async fn execute<P>(&self, what: &str, sql: &str, make: impl Fn() -> P) -> Result<u64, StoreError>
    where
        P: Params,
    {
        self.bounded(what, async {
            self.connections
                .pick()
                .with_client(|client| {
                    let params = make();
                    let sql = sql.to_owned();
                    async move { client.execute(&sql, &params.refs()).await }
                })
                .await
        })
        .await
    }

    async fn query<P>(
        &self,
        what: &str,
        sql: &str,
        make: impl Fn() -> P,
    ) -> Result<Vec<tokio_postgres::Row>, StoreError>
    where
        P: Params,
    {
        self.bounded(what, async {
            self.connections
                .pick()
                .with_client(|client| {
                    let params = make();
                    let sql = sql.to_owned();
                    async move { client.query(&sql, &params.refs()).await }
                })
                .await
        })
        .await
    }

    /// Makes sure the `LISTEN` connection is up; a failure only means polling.
    async fn listen(&self) -> Option<Arc<Notify>> {
        let listener = self.listener.as_ref()?;
        let mut slot = listener.client.lock().await;
        if slot.as_ref().is_none_or(Client::is_closed) {
            *slot = None;
            let connected = tokio::time::timeout(self.timeout, async {
                let client = connect::connect_listening(&listener.target, Arc::clone(&listener.notify)).await?;
                client.batch_execute(&self.queries.listen).await?;
                Ok::<_, tokio_postgres::Error>(client)
            })
            .await;
            if let Ok(Ok(client)) = connected {
                *slot = Some(client);
            }
        }
        Some(Arc::clone(&listener.notify))
    }

    async fn take(&self, max: usize, lease: Duration) -> Result<Vec<Delivery>, StoreError> {
        let token = ClaimToken::new();
        let (ms, limit) = (millis(lease), i64::try_from(max.max(1)).unwrap_or(i64::MAX));
        let rows = self
            .query("the pull", &self.queries.pull, || (token.to_string(), ms, limit))
            .await?;
        let mut deliveries: Vec<(i64, Delivery)> = rows
            .iter()
            .map(|row| {
                let id: i64 = row.get(0);
                let bytes: Vec<u8> = row.get(1);
                let count: i32 = row.get(2);
                let receipt = Receipt::new(id.to_string(), token);
                (id, Delivery::new(receipt, &bytes, u32::try_from(count).unwrap_or(1)))
            })
            .collect();
        // Oldest first, as pushed (RETURNING does not keep the subquery's order).
        deliveries.sort_by_key(|(id, _)| *id);
        Ok(deliveries.into_iter().map(|(_, delivery)| delivery).collect())
    }

    /// Settles the lease of `receipt` with `sql` (`$1` id, `$2` token, then `more`).
    async fn settle<P: Params>(
        &self,
        what: &str,
        sql: &str,
        receipt: &Receipt,
        more: impl Fn() -> P,
    ) -> Result<bool, StoreError> {
        let Ok(id) = receipt.engine_id().parse::<i64>() else {
            return Ok(false);
        };
        let token = receipt.token().to_string();
        let changed = self.execute(what, sql, || Settle(id, token.clone(), more())).await?;
        Ok(changed == 1)
    }
}

/// Owned query parameters.
trait Params: Send + 'static {
    fn refs(&self) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)>;
}

impl Params for () {
    fn refs(&self) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
        Vec::new()
    }
}

impl<A> Params for (A,)
where
    A: tokio_postgres::types::ToSql + Sync + Send + 'static,
{
    fn refs(&self) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
        vec![&self.0]
    }
}

impl<A, B> Params for (A, B)
where
    A: tokio_postgres::types::ToSql + Sync + Send + 'static,
    B: tokio_postgres::types::ToSql + Sync + Send + 'static,
{
    fn refs(&self) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
        vec![&self.0, &self.1]
    }
}

impl<A, B, C> Params for (A, B, C)
where
    A: tokio_postgres::types::ToSql + Sync + Send + 'static,
    B: tokio_postgres::types::ToSql + Sync + Send + 'static,
    C: tokio_postgres::types::ToSql + Sync + Send + 'static,
{
    fn refs(&self) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
        vec![&self.0, &self.1, &self.2]
    }
}

/// A lease's id and token, then the settlement's own parameters.
struct Settle<P>(i64, String, P);

impl<P: Params> Params for Settle<P> {
    fn refs(&self) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
        let mut refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = vec![&self.0, &self.1];
        refs.extend(self.2.refs());
        refs
    }
}

impl Inbox for PostgresInbox {
    fn push<'a>(&'a self, message: &'a InboxMessage) -> InboxFuture<'a, ()> {
        let bytes = message.encode();
        Box::pin(async move {
            self.query("the push", &self.queries.push, || (bytes.clone(),))
                .await
                .map(drop)
        })
    }

    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        Box::pin(async move {
            let deadline = Instant::now() + wait;
            loop {
                let notify = self.listen().await;
                let notified = notify.as_ref().map(|notify| notify.notified());
                let mut notified = std::pin::pin!(notified);
                // Registered before looking, so a push in between is not missed.
                if let Some(notified) = notified.as_mut().as_pin_mut() {
                    notified.enable();
                }
                let deliveries = self.take(max, lease).await?;
                let now = Instant::now();
                if !deliveries.is_empty() || now >= deadline {
                    return Ok(deliveries);
                }
                let nap = deadline.saturating_duration_since(now).min(POLL);
                match notified.as_mut().as_pin_mut() {
                    Some(notified) => {
                        let _ = tokio::time::timeout(nap, notified).await;
                    }
                    None => tokio::time::sleep(nap).await,
                }
            }
        })
    }

    fn extend<'a>(&'a self, receipt: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool> {
        let ms = millis(lease);
        Box::pin(async move {
            self.settle("the renewal", &self.queries.extend, receipt, || (ms,))
                .await
        })
    }

    fn ack<'a>(&'a self, receipt: &'a Receipt) -> InboxFuture<'a, bool> {
        Box::pin(async move { self.settle("the ack", &self.queries.ack, receipt, || ()).await })
    }

    fn retry<'a>(&'a self, receipt: &'a Receipt, message: &'a InboxMessage, delay: Duration) -> InboxFuture<'a, bool> {
        let (bytes, ms) = (message.encode(), millis(delay));
        Box::pin(async move {
            self.settle("the retry", &self.queries.retry, receipt, || (bytes.clone(), ms))
                .await
        })
    }

    fn dead_letter<'a>(&'a self, receipt: &'a Receipt, error: &'a str) -> InboxFuture<'a, bool> {
        let error = error.to_owned();
        Box::pin(async move {
            self.settle("the dead letter", &self.queries.dead_letter, receipt, || {
                (error.clone(),)
            })
            .await
        })
    }

    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        Box::pin(async move {
            let rows = self
                .query("the dead letters", &self.queries.dead_letters, || (limit,))
                .await?;
            Ok(rows
                .iter()
                .map(|row| {
                    let (id, bytes, error): (i64, Vec<u8>, String) = (row.get(0), row.get(1), row.get(2));
                    DeadLetter::new(id.to_string(), &bytes, error)
                })
                .collect())
        })
    }

    fn replay<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Ok(id) = engine_id.parse::<i64>() else {
                return Ok(false);
            };
            let rows = self.query("the replay", &self.queries.dead_message, || (id,)).await?;
            let Some(row) = rows.first() else {
                return Ok(false);
            };
            let bytes: Vec<u8> = row.get(0);
            // A message that decodes goes back as first pushed; one that does not, as it was.
            let bytes = InboxMessage::decode(&bytes).map_or(bytes, |message| message.reset().encode());
            let replayed = self
                .query("the replay", &self.queries.replay, || (id, bytes.clone()))
                .await?;
            Ok(!replayed.is_empty())
        })
    }

    fn discard<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Ok(id) = engine_id.parse::<i64>() else {
                return Ok(false);
            };
            Ok(self.execute("the discard", &self.queries.discard, || (id,)).await? == 1)
        })
    }
}
