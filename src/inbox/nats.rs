//! [`NatsInbox`]: the inbox on NATS JetStream (a work-queue stream and a
//! durable pull consumer), on `async-nats`.

use core::fmt;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_nats::HeaderMap;
use async_nats::jetstream::consumer::{AckPolicy, PullConsumer, pull};
use async_nats::jetstream::stream::{self, DirectGetErrorKind, RetentionPolicy, StorageType};
use async_nats::jetstream::{self, AckKind, Context};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

use super::engine::{DeadLetter, Delivery, Inbox, InboxFuture, Receipt, timed_out};
use super::message::InboxMessage;
use crate::dedup::{ClaimToken, StoreError, StoreErrorKind};

/// The header that holds a retried message's due time (Unix milliseconds):
/// JetStream 2.9 has no scheduled delivery, so a pull that meets it early
/// hands it back with a delayed negative acknowledgement instead of out.
const NOT_BEFORE: &str = "Esign-Webhooks-Not-Before";

/// The default name of the work stream (and prefix of everything else).
pub const DEFAULT_STREAM: &str = "ESIGN_WEBHOOKS_INBOX";

/// The default server-side acknowledgement wait: see [`NatsInbox::with_ack_wait`].
pub const DEFAULT_ACK_WAIT: Duration = Duration::from_secs(5);

/// The default duplicate window: see [`NatsInbox::with_duplicate_window`].
pub const DEFAULT_DUPLICATE_WINDOW: Duration = Duration::from_secs(120);

/// The inbox on NATS JetStream (features `inbox` and `nats`), for a fleet
/// that already runs NATS.
///
/// * A push publishes to the subject `<name>.messages` of the work-queue
///   stream `<name>` (file storage) and returns once the server's
///   publish acknowledgement (`PubAck`) arrived: the message is stored.
///   The message id (`Nats-Msg-Id`) is the delivery's
///   [`DedupKey`](crate::dedup::DedupKey) (`vendor:hex`, plus a digest of
///   the tenant when there is one), so JetStream drops copies of the same
///   delivery pushed within its **duplicate window** (default 2 minutes,
///   [`with_duplicate_window`](Self::with_duplicate_window)); later copies
///   are stored and go through the workers' dedup claim as usual.
/// * Workers pull from the durable pull consumer `workers` (explicit
///   acknowledgement, unlimited redeliveries: the [`Worker`](super::Worker)
///   decides when a message is a dead letter).
/// * **Leases.** A JetStream consumer has one acknowledgement wait for
///   every message (`ack_wait`, [`with_ack_wait`](Self::with_ack_wait),
///   default 5 s), while each pull asks for its own lease. The inbox keeps
///   every lease it handed out, with its deadline, and a background task
///   sends "in progress" acknowledgements (`+WPI`) for each lease until its
///   deadline; after it, the server redelivers within one `ack_wait`. So a
///   lease is honoured to within `ack_wait` (a lease shorter than
///   `ack_wait` keeps the message away from other workers for `ack_wait`),
///   and a worker that dies stops renewing with its process.
///   [`extend`](Inbox::extend) moves the deadline and sends an in-progress
///   acknowledgement at once.
/// * **Receipts** name the stream sequence and the delivery count, and are
///   only good on the `NatsInbox` value that pulled them, before their
///   deadline: a stale receipt (its lease expired; the message may be with
///   another worker) settles nothing. (JetStream itself accepts an
///   acknowledgement for any delivery of a message, so this check is the
///   inbox's: it relies on the lease deadline passing before the server
///   redelivers, which the renewal schedule above ensures.)
/// * [`ack`](Inbox::ack) is a double acknowledgement (the server confirms
///   it). [`retry`](Inbox::retry) publishes the updated message (attempts,
///   last error) with its due time, waits for its `PubAck`, then
///   acknowledges the leased one; a pull that meets a retried message before
///   its due time gives it back with a delayed negative acknowledgement
///   (`-NAK` with the remaining delay), so it comes back when due. That
///   first early delivery counts in [`Delivery::deliveries`]. The due time
///   is wall-clock time: keep the machines' clocks synchronised.
/// * Dead letters are the limits stream `<name>_DEAD` (subject
///   `<name>.dead`, file storage), listed with direct gets (their engine id
///   is their sequence there), replayed by publishing the reset message to
///   the work stream (with a message id of its own, so that a replay is not
///   taken for a copy) and deleting the dead letter.
///
/// # Durability
///
/// The `PubAck` comes once the server has written the message to its file
/// store: it survives a `nats-server` crash or SIGKILL (the data is in the
/// operating system's buffers, which the tests check by SIGKILLing the
/// server). JetStream fsyncs on an interval (`sync_interval`, 2 minutes by
/// default), so a **machine** crash or power loss can lose the last
/// acknowledged writes of a single server. For "0 lost" across machine
/// failures, run a cluster and create the streams with 3 replicas
/// ([`with_replicas`](Self::with_replicas)): the `PubAck` then comes once a
/// majority of servers stored the message; on servers 2.10 and later you
/// may also set `sync_interval: always`. The streams are created (if
/// missing) on first use with this value's settings; an existing stream or
/// consumer is used as it is.
///
/// ```no_run
/// # async fn run() -> Result<(), esign_webhooks::dedup::StoreError> {
/// use esign_webhooks::inbox::NatsInbox;
///
/// let inbox = NatsInbox::connect("nats://10.0.0.9:4222").await?.with_stream("BILLING_INBOX")?;
/// # Ok(()) }
/// ```
pub struct NatsInbox {
    jetstream: Context,
    stream: String,
    replicas: usize,
    duplicate_window: Duration,
    ack_wait: Duration,
    timeout: Duration,
    shown_server: String,
    handles: OnceCell<Handles>,
    held: Arc<Mutex<HashMap<ClaimToken, Held>>>,
    renewer: std::sync::Once,
}

struct Handles {
    consumer: PullConsumer,
    dead: stream::Stream,
}

/// A lease handed out by this inbox value.
struct Held {
    message: Arc<jetstream::Message>,
    sequence: u64,
    deadline: Instant,
    renewed: Instant,
}

impl fmt::Debug for NatsInbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NatsInbox")
            .field("server", &self.shown_server)
            .field("stream", &self.stream)
            .field("replicas", &self.replicas)
            .field("ack_wait", &self.ack_wait)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl NatsInbox {
    /// Connects to the NATS server at `url` (`nats://host:port`,
    /// `tls://host:port` for TLS; user and password may be in the URL). The
    /// URL is never shown, only its server. For credentials files, NKeys,
    /// client certificates or several servers, connect an
    /// [`async_nats::Client`] yourself and use [`from_client`](Self::from_client).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let shown = shown_server(url);
        let client = async_nats::ConnectOptions::new()
            .connection_timeout(Duration::from_secs(2))
            .connect(url)
            .await
            .map_err(|err| {
                StoreError::text(
                    StoreErrorKind::Connection,
                    format_args!(
                        "cannot connect to the NATS server {shown} ({:?}; the URL is not repeated)",
                        err.kind()
                    ),
                )
            })?;
        let mut inbox = Self::from_client(client);
        inbox.shown_server = shown;
        Ok(inbox)
    }

    /// An inbox on a client you connected (its TLS, authentication and
    /// reconnection settings apply), on the stream [`DEFAULT_STREAM`].
    pub fn from_client(client: async_nats::Client) -> Self {
        NatsInbox {
            jetstream: jetstream::new(client),
            stream: DEFAULT_STREAM.to_owned(),
            replicas: 1,
            duplicate_window: DEFAULT_DUPLICATE_WINDOW,
            ack_wait: DEFAULT_ACK_WAIT,
            timeout: Duration::from_secs(5),
            shown_server: "[server of the given client]".to_owned(),
            handles: OnceCell::new(),
            held: Arc::new(Mutex::new(HashMap::new())),
            renewer: std::sync::Once::new(),
        }
    }

    /// Names the work stream (default [`DEFAULT_STREAM`]): the dead letters
    /// are `<name>_DEAD`, the subjects `<name>.messages` and `<name>.dead`.
    /// One inbox per name. Letters, digits, `_` and `-` only (1 to 64).
    pub fn with_stream(mut self, name: impl Into<String>) -> Result<Self, StoreError> {
        let name = name.into();
        let valid = (1..=64).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !valid {
            return Err(StoreError::text(
                StoreErrorKind::Other,
                "invalid NATS inbox stream name: letters, digits, `_` and `-` only, 1 to 64",
            ));
        }
        self.stream = name;
        Ok(self)
    }

    /// The number of replicas of both streams when this inbox creates them
    /// (default 1; 3 in a cluster for writes that survive a machine's loss).
    pub fn with_replicas(mut self, replicas: usize) -> Self {
        self.replicas = replicas.max(1);
        self
    }

    /// The work stream's duplicate window when this inbox creates it
    /// (default 2 minutes): copies of a delivery pushed within it are stored once.
    pub fn with_duplicate_window(mut self, window: Duration) -> Self {
        self.duplicate_window = window;
        self
    }

    /// The consumer's acknowledgement wait when this inbox creates it
    /// (default 5 s, at least 50 ms): how precisely leases are honoured, and
    /// how often each held lease is renewed (about twice per wait).
    pub fn with_ack_wait(mut self, ack_wait: Duration) -> Self {
        self.ack_wait = ack_wait.max(Duration::from_millis(50));
        self
    }

    /// Bounds each operation (default 5 s, at least 1 ms; a pull's wait comes on top).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    fn subject(&self, what: &str) -> String {
        format!("{}.{what}", self.stream)
    }

    async fn bounded<T>(
        &self,
        what: &str,
        wait: Duration,
        op: impl Future<Output = Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        tokio::time::timeout(self.timeout + wait, op)
            .await
            .unwrap_or_else(|_| Err(timed_out(what)))
    }

    /// The streams and the consumer, created if missing (once per value; retried after a failure).
    async fn handles(&self) -> Result<&Handles, StoreError> {
        self.handles
            .get_or_try_init(|| {
                self.bounded("the stream set-up", Duration::ZERO, async {
                    let work = self
                        .jetstream
                        .get_or_create_stream(stream::Config {
                            name: self.stream.clone(),
                            subjects: vec![self.subject("messages")],
                            retention: RetentionPolicy::WorkQueue,
                            storage: StorageType::File,
                            num_replicas: self.replicas,
                            duplicate_window: self.duplicate_window,
                            ..Default::default()
                        })
                        .await
                        .map_err(|err| nats_error("the work stream set-up", err))?;
                    let dead = self
                        .jetstream
                        .get_or_create_stream(stream::Config {
                            name: format!("{}_DEAD", self.stream),
                            subjects: vec![self.subject("dead")],
                            retention: RetentionPolicy::Limits,
                            storage: StorageType::File,
                            num_replicas: self.replicas,
                            allow_direct: true,
                            ..Default::default()
                        })
                        .await
                        .map_err(|err| nats_error("the dead-letter stream set-up", err))?;
                    let consumer = work
                        .get_or_create_consumer(
                            "workers",
                            pull::Config {
                                durable_name: Some("workers".to_owned()),
                                ack_policy: AckPolicy::Explicit,
                                ack_wait: self.ack_wait,
                                // The Worker counts attempts and dead-letters; the server never gives up.
                                max_deliver: -1,
                                max_ack_pending: 100_000,
                                ..Default::default()
                            },
                        )
                        .await
                        .map_err(|err| nats_error("the consumer set-up", err))?;
                    Ok(Handles { consumer, dead })
                })
            })
            .await
    }

    /// Starts (once) the task that renews held leases until their deadline.
    fn start_renewer(&self) {
        self.renewer.call_once(|| {
            let held = Arc::downgrade(&self.held);
            let every = self.ack_wait / 4;
            let renew_after = self.ack_wait / 2;
            tokio::spawn(renew(held, every, renew_after));
        });
    }

    /// The message leased under `receipt`, if the lease is still held; removed when `settle`.
    fn held(&self, receipt: &Receipt, settle: bool) -> Option<Arc<jetstream::Message>> {
        let sequence = parse_engine_id(receipt.engine_id())?;
        let mut held = self.held.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entry = held.get(&receipt.token())?;
        if entry.sequence != sequence || entry.deadline <= Instant::now() {
            return None;
        }
        let message = entry.message.clone();
        if settle {
            held.remove(&receipt.token());
        }
        Some(message)
    }

    fn forget(&self, receipt: &Receipt) {
        self.held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&receipt.token());
    }

    /// Publishes and waits for the server's acknowledgement (the write is stored).
    async fn publish(
        &self,
        what: &str,
        subject: String,
        headers: HeaderMap,
        payload: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.bounded(what, Duration::ZERO, async {
            let ack = self
                .jetstream
                .publish_with_headers(subject, headers, payload.into())
                .await
                .map_err(|err| nats_error(what, err))?;
            ack.await.map_err(|err| nats_error(what, err)).map(drop)
        })
        .await
    }

    /// Acknowledges a settled message, the server confirming.
    async fn double_ack(&self, what: &str, message: &jetstream::Message) -> Result<(), StoreError> {
        self.bounded(what, Duration::ZERO, async {
            message
                .double_ack_with(AckKind::Ack)
                .await
                .map_err(|err| nats_error(what, err))
        })
        .await
    }

    /// Up to `max` messages from one pull request; `wait` zero asks for what is there now.
    async fn fetch(&self, max: usize, wait: Duration) -> Result<Vec<jetstream::Message>, StoreError> {
        let consumer = &self.handles().await?.consumer;
        self.bounded("the pull", wait, async {
            let batch = if wait < Duration::from_millis(10) {
                consumer.fetch().max_messages(max).messages().await
            } else {
                consumer.batch().max_messages(max).expires(wait).messages().await
            };
            let mut batch = batch.map_err(|err| nats_error("the pull", err))?;
            let mut out = Vec::new();
            while let Some(message) = batch.next().await {
                match message {
                    Ok(message) => out.push(message),
                    // What arrived so far is leased to us: hand it out rather than strand it.
                    Err(err) if out.is_empty() => return Err(nats_error("the pull", err)),
                    Err(_) => break,
                }
            }
            Ok(out)
        })
        .await
    }

    /// Leases what `fetch` returned: messages not yet due go back with a delay.
    async fn lease(&self, messages: Vec<jetstream::Message>, lease: Duration) -> Vec<Delivery> {
        let mut out = Vec::new();
        let now_ms = unix_millis(SystemTime::now());
        for message in messages {
            let Ok(info) = message.info() else {
                // Not a JetStream delivery: nothing to lease.
                continue;
            };
            let (sequence, delivered) = (info.stream_sequence, info.delivered);
            let due = message
                .headers
                .as_ref()
                .and_then(|headers| headers.get(NOT_BEFORE))
                .and_then(|value| value.as_str().parse::<u64>().ok());
            if let Some(due) = due.filter(|due| *due > now_ms) {
                let delay = Duration::from_millis(due - now_ms);
                // Should this be lost, the message comes back after `ack_wait` and is held again.
                let _ = message.ack_with(AckKind::Nak(Some(delay))).await;
                continue;
            }
            let token = ClaimToken::new();
            let receipt = Receipt::new(format!("{sequence}|{delivered}"), token);
            let deliveries = u32::try_from(delivered).unwrap_or(u32::MAX).max(1);
            let delivery = Delivery::new(receipt, &message.payload, deliveries);
            let now = Instant::now();
            self.held
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(
                    token,
                    Held {
                        message: Arc::new(message),
                        sequence,
                        deadline: now + lease,
                        renewed: now,
                    },
                );
            out.push(delivery);
        }
        out
    }

    /// The dead letter of sequence `sequence`, if there is one.
    async fn dead_letter_at(&self, sequence: u64) -> Result<Option<jetstream::message::StreamMessage>, StoreError> {
        let dead = &self.handles().await?.dead;
        let subject = self.subject("dead");
        self.bounded("the dead letter read", Duration::ZERO, async {
            match dead.direct_get_next_for_subject(subject, Some(sequence)).await {
                Ok(found) if found.sequence == sequence => Ok(Some(found)),
                Ok(_) => Ok(None),
                Err(err) if err.kind() == DirectGetErrorKind::NotFound => Ok(None),
                Err(err) => Err(nats_error("the dead letter read", err)),
            }
        })
        .await
    }
}

/// Renews each held lease (an in-progress acknowledgement) every
/// `renew_after` until its deadline; forgets expired ones. Ends with the inbox.
async fn renew(held: Weak<Mutex<HashMap<ClaimToken, Held>>>, every: Duration, renew_after: Duration) {
    loop {
        tokio::time::sleep(every).await;
        let Some(held) = held.upgrade() else { return };
        let now = Instant::now();
        let due: Vec<Arc<jetstream::Message>> = {
            let mut held = held.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            held.retain(|_, lease| lease.deadline > now);
            held.values_mut()
                .filter(|lease| now.duration_since(lease.renewed) >= renew_after)
                .map(|lease| {
                    lease.renewed = now;
                    lease.message.clone()
                })
                .collect()
        };
        drop(held);
        for message in due {
            // Lost renewals show as a redelivery, which receipts and the dedup claim handle.
            let _ = message.ack_with(AckKind::Progress).await;
        }
    }
}

fn unix_millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::try_from(since.as_millis()).unwrap_or(u64::MAX))
}

fn parse_engine_id(engine_id: &str) -> Option<u64> {
    let (sequence, delivered) = engine_id.split_once('|')?;
    delivered.parse::<i64>().ok()?;
    sequence.parse().ok()
}

/// The message id of a push: the dedup key, and the tenant's digest when
/// there is one (two tenants' deliveries are never copies of each other).
fn message_id(message: &InboxMessage) -> String {
    match message.tenant() {
        None => message.key().to_string(),
        Some(tenant) => {
            let digest = Sha256::digest(tenant.as_bytes());
            let mut id = message.key().to_string();
            id.push('@');
            for byte in digest.iter().take(16) {
                id.push_str(&format!("{byte:02x}"));
            }
            id
        }
    }
}

/// A dead letter's payload: the error's length (4 bytes, big-endian), the error, the message.
fn dead_payload(error: &str, message: &[u8]) -> Vec<u8> {
    let error = error.as_bytes();
    let len = u32::try_from(error.len()).unwrap_or(u32::MAX);
    let error = error.get(..len as usize).unwrap_or(error);
    let mut out = Vec::with_capacity(4 + error.len() + message.len());
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(error);
    out.extend_from_slice(message);
    out
}

/// The error and the message of a dead letter's payload (all of it the message if it is not framed).
fn split_dead(payload: &[u8]) -> (String, &[u8]) {
    let framed = payload.get(..4).and_then(|len| {
        let len = u32::from_be_bytes(len.try_into().ok()?) as usize;
        let error = payload.get(4..4usize.checked_add(len)?)?;
        let message = payload.get(4 + len..)?;
        Some((String::from_utf8_lossy(error).into_owned(), message))
    });
    framed.unwrap_or((String::new(), payload))
}

/// An async-nats error as a store error: its text names the operation and the
/// client's or server's reason (never the URL: the client's errors do not carry it).
fn nats_error(what: &str, err: impl fmt::Display) -> StoreError {
    let text = err.to_string();
    let kind = if text.contains("timed out") || text.contains("timeout") {
        StoreErrorKind::Timeout
    } else if text.contains("no responders") || text.contains("disconnect") || text.contains("broken pipe") {
        StoreErrorKind::Connection
    } else {
        StoreErrorKind::Server
    };
    StoreError::text(kind, format_args!("NATS: {what} failed: {text}"))
}

/// `scheme://host:port` of a NATS URL, without user info, path or query.
fn shown_server(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("nats", url));
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        known @ ("nats" | "tls" | "ws" | "wss") => known.to_owned(),
        _ => "[scheme not shown]".to_owned(),
    };
    let before_query = rest
        .find(['?', '#', '/'])
        .map_or(rest, |end| rest.get(..end).unwrap_or(""));
    let authority = before_query.rsplit_once('@').map_or(before_query, |(_, host)| host);
    let plain = !authority.is_empty()
        && authority
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']'));
    if plain {
        format!("{scheme}://{authority}")
    } else {
        format!("{scheme}://[host not shown]")
    }
}

impl Inbox for NatsInbox {
    fn push<'a>(&'a self, message: &'a InboxMessage) -> InboxFuture<'a, ()> {
        Box::pin(async move {
            self.handles().await?;
            let mut headers = HeaderMap::new();
            headers.insert(async_nats::header::NATS_MESSAGE_ID, message_id(message).as_str());
            self.publish("the push", self.subject("messages"), headers, message.encode())
                .await
        })
    }

    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        Box::pin(async move {
            self.start_renewer();
            let max = max.max(1);
            let deadline = Instant::now() + wait;
            loop {
                // What is there now first; then wait for one, so that a
                // pull returns at its first message instead of waiting to fill `max`.
                let mut messages = self.fetch(max, Duration::ZERO).await?;
                if messages.is_empty() {
                    let remaining = deadline.saturating_duration_since(Instant::now());
                    if remaining >= Duration::from_millis(10) {
                        messages = self.fetch(1, remaining).await?;
                    }
                }
                let out = self.lease(messages, lease).await;
                if !out.is_empty() || Instant::now() + Duration::from_millis(10) >= deadline {
                    return Ok(out);
                }
            }
        })
    }

    fn extend<'a>(&'a self, receipt: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let message = {
                let Some(sequence) = parse_engine_id(receipt.engine_id()) else {
                    return Ok(false);
                };
                let mut held = self.held.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let now = Instant::now();
                match held.get_mut(&receipt.token()) {
                    Some(entry) if entry.sequence == sequence && entry.deadline > now => {
                        entry.deadline = now + lease;
                        entry.renewed = now;
                        entry.message.clone()
                    }
                    _ => return Ok(false),
                }
            };
            // The server's wait restarts now.
            self.bounded("the renewal", Duration::ZERO, async {
                message
                    .ack_with(AckKind::Progress)
                    .await
                    .map_err(|err| nats_error("the renewal", err))
            })
            .await?;
            Ok(true)
        })
    }

    fn ack<'a>(&'a self, receipt: &'a Receipt) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Some(message) = self.held(receipt, true) else {
                return Ok(false);
            };
            self.double_ack("the ack", &message).await?;
            Ok(true)
        })
    }

    fn retry<'a>(&'a self, receipt: &'a Receipt, message: &'a InboxMessage, delay: Duration) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Some(leased) = self.held(receipt, false) else {
                return Ok(false);
            };
            let mut headers = HeaderMap::new();
            let due = unix_millis(SystemTime::now() + delay);
            headers.insert(NOT_BEFORE, due.to_string().as_str());
            // The updated copy is stored before the leased one goes: a crash in
            // between leaves both (at least once), never neither.
            self.publish("the retry", self.subject("messages"), headers, message.encode())
                .await?;
            self.forget(receipt);
            self.double_ack("the retry", &leased).await?;
            Ok(true)
        })
    }

    fn dead_letter<'a>(&'a self, receipt: &'a Receipt, error: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Some(leased) = self.held(receipt, false) else {
                return Ok(false);
            };
            self.handles().await?;
            let payload = dead_payload(error, &leased.payload);
            self.publish("the dead letter", self.subject("dead"), HeaderMap::new(), payload)
                .await?;
            self.forget(receipt);
            self.double_ack("the dead letter", &leased).await?;
            Ok(true)
        })
    }

    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        Box::pin(async move {
            let dead = &self.handles().await?.dead;
            let subject = self.subject("dead");
            let mut out = Vec::new();
            let mut next = 1u64;
            while out.len() < limit.max(1) {
                let found = self
                    .bounded("the dead letters", Duration::ZERO, async {
                        match dead.direct_get_next_for_subject(subject.as_str(), Some(next)).await {
                            Ok(found) => Ok(Some(found)),
                            Err(err) if err.kind() == DirectGetErrorKind::NotFound => Ok(None),
                            Err(err) => Err(nats_error("the dead letters", err)),
                        }
                    })
                    .await?;
                let Some(found) = found else { break };
                let (error, message) = split_dead(&found.payload);
                out.push(DeadLetter::new(found.sequence.to_string(), message, error));
                next = found.sequence.saturating_add(1);
            }
            Ok(out)
        })
    }

    fn replay<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Ok(sequence) = engine_id.parse::<u64>() else {
                return Ok(false);
            };
            let Some(found) = self.dead_letter_at(sequence).await? else {
                return Ok(false);
            };
            let (_, stored) = split_dead(&found.payload);
            // A message that decodes goes back as first pushed; one that does not, as it was.
            let stored =
                InboxMessage::decode(stored).map_or_else(|_| stored.to_vec(), |message| message.reset().encode());
            let mut headers = HeaderMap::new();
            // Its own id: the delivery's key would be dropped as a copy within the window,
            // while two concurrent replays of this dead letter are one.
            let id = format!("replay:{}:{sequence}", self.stream);
            headers.insert(async_nats::header::NATS_MESSAGE_ID, id.as_str());
            self.publish("the replay", self.subject("messages"), headers, stored)
                .await?;
            self.delete_dead(sequence).await
        })
    }

    fn discard<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let Ok(sequence) = engine_id.parse::<u64>() else {
                return Ok(false);
            };
            if self.dead_letter_at(sequence).await?.is_none() {
                return Ok(false);
            }
            self.delete_dead(sequence).await
        })
    }
}

impl NatsInbox {
    /// Deletes dead letter `sequence`; `false` when it was gone (deleted meanwhile).
    async fn delete_dead(&self, sequence: u64) -> Result<bool, StoreError> {
        let dead = &self.handles().await?.dead;
        self.bounded("the dead letter removal", Duration::ZERO, async {
            match dead.delete_message(sequence).await {
                Ok(deleted) => Ok(deleted),
                Err(err) if matches!(err.kind(), stream::DeleteMessageErrorKind::JetStream(_)) => Ok(false),
                Err(err) => Err(nats_error("the dead letter removal", err)),
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::{dead_payload, shown_server, split_dead};

    #[test]
    fn shown_server_hides_credentials_and_paths() {
        assert_eq!(shown_server("nats://user:pa55@10.0.0.9:4222"), "nats://10.0.0.9:4222");
        assert_eq!(
            shown_server("tls://tok@nats.example:4443/x?y=z"),
            "tls://nats.example:4443"
        );
        assert_eq!(shown_server("weird://a b@c"), "[scheme not shown]://c");
        assert_eq!(shown_server("nats://pass word"), "nats://[host not shown]");
        assert_eq!(shown_server("10.0.0.9:4222"), "nats://10.0.0.9:4222");
        assert!(!shown_server("nats://u:p@h:1").contains("p@"));
    }

    #[test]
    fn dead_payloads_round_trip_and_tolerate_garbage() {
        let payload = dead_payload("gave up:\nline two", b"EWIM...");
        assert_eq!(split_dead(&payload), ("gave up:\nline two".to_owned(), &b"EWIM..."[..]));
        assert_eq!(split_dead(b"\xff\xff"), (String::new(), &b"\xff\xff"[..]));
        assert_eq!(
            split_dead(b"\x00\x00\x01\x00ab"),
            (String::new(), &b"\x00\x00\x01\x00ab"[..])
        );
    }
}
