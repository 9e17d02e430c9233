//! [`RedisInbox`]: the inbox on Redis Streams (a consumer group), on the
//! `redis` crate, with the error handling of the Redis dedup store.

use core::fmt;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Script, Value};

use super::engine::{DeadLetter, Delivery, Inbox, InboxFuture, Receipt, timed_out};
use super::message::InboxMessage;
use crate::dedup::redis::{redis_error, retry_once, shown_server};
use crate::dedup::{ClaimToken, StoreError, StoreErrorKind};

/// Whether the caller still holds the lease: the entry is pending for this
/// consumer, with the delivery count it was handed out with, and idle for
/// less than the lease. Then runs `settle`.
const HELD: &str = r"
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if #p == 0 then return 0 end
local entry = p[1]
if entry[2] ~= ARGV[3] or tonumber(entry[4]) ~= tonumber(ARGV[4]) or tonumber(entry[3]) >= tonumber(ARGV[5]) then
  return 0
end
";

/// Renews: the idle time goes back to 0 (`JUSTID` counts no delivery).
const EXTEND: &str = "redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID') \
redis.call('HSET', KEYS[4], ARGV[2], ARGV[6]) return 1";

/// Acknowledges and deletes the entry.
const ACK: &str = "redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) redis.call('XDEL', KEYS[1], ARGV[2]) \
redis.call('HDEL', KEYS[4], ARGV[2]) return 1";

/// Moves the entry, updated (`ARGV[7]`), to the delayed set, due in `ARGV[6]` ms (server time).
const RETRY: &str = r"
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
redis.call('HDEL', KEYS[4], ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[6]), ARGV[7])
return 1
";

/// Moves the entry to the dead letters with its error (`ARGV[6]`).
const DEAD: &str = r"
local e = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
if #e == 0 then return 0 end
local fields = e[1][2]
local m = nil
for i = 1, #fields, 2 do if fields[i] == 'm' then m = fields[i + 1] end end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
redis.call('HDEL', KEYS[4], ARGV[2])
if m == nil then return 0 end
redis.call('XADD', KEYS[3], '*', 'm', m, 'e', ARGV[6])
return 1
";

/// Moves delayed messages that came due into the stream.
const PROMOTE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
for _, m in ipairs(due) do
  redis.call('XADD', KEYS[1], '*', 'm', m)
  redis.call('ZREM', KEYS[2], m)
end
return #due
";

/// Takes over the pending entries whose holder's lease ran out (idle for at
/// least the lease recorded for them in `KEYS[2]`, or `ARGV[3]` when none
/// was): `XCLAIM`ed to this consumer, their lease recorded as `ARGV[5]`.
/// Entries deleted meanwhile are acknowledged away. Returns `[id, deliveries, fields]`s.
const RECLAIM: &str = r"
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1000)
local out = {}
for _, p in ipairs(pending) do
  if #out >= tonumber(ARGV[4]) then break end
  local id = p[1]
  local lease = tonumber(redis.call('HGET', KEYS[2], id) or ARGV[3])
  if tonumber(p[3]) >= lease then
    local claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], lease, id)
    if #claimed > 0 and claimed[1] then
      redis.call('HSET', KEYS[2], id, ARGV[5])
      table.insert(out, {id, tonumber(p[4]) + 1, claimed[1][2]})
    elseif #claimed == 0 then
      redis.call('XACK', KEYS[1], ARGV[1], id)
      redis.call('HDEL', KEYS[2], id)
    end
  end
end
return out
";

/// Puts a dead letter back (`ARGV[2]`, reset) if it is still there.
const REPLAY: &str = r"
if redis.call('XDEL', KEYS[3], ARGV[1]) == 1 then
  redis.call('XADD', KEYS[1], '*', 'm', ARGV[2])
  return 1
end
return 0
";

/// The inbox on Redis Streams (features `inbox` and `redis`), for a fleet
/// that already runs Redis.
///
/// * A push is one `XADD` to the stream `<prefix>stream`; workers read it
///   in the consumer group `<prefix>workers` with `XREADGROUP` (blocking for
///   up to the pull's wait on a connection of its own: the wake-up), each
///   inbox under its own consumer name.
/// * A dead worker's entries stay pending for it; another worker's pull
///   takes them over (`XCLAIM`, in a script) once they are idle for longer
///   than **their own** lease, recorded in the hash `<prefix>leases` at
///   each pull. (`XAUTOCLAIM` takes one idle time for every entry: a worker
///   pulling with a short lease would take over the entries of a worker
///   running with a longer one, alive and renewing less often.) Renewal
///   resets the idle time (`XCLAIM … JUSTID`). Every settlement is a script
///   that first checks the lease is still the caller's (same consumer, same
///   delivery count, idle less than the lease), so a worker whose lease
///   expired settles nothing.
/// * Retries wait in the sorted set `<prefix>delayed` (due time, server
///   clock) and go back into the stream when due; dead letters are the
///   stream `<prefix>dead` (message and error).
///
/// # Durability
///
/// Redis acknowledges a write once it is in memory. **"0 lost" across a
/// Redis restart or crash needs `appendonly yes` with `appendfsync always`**
/// (each write on disk before the reply): with `everysec` (the default when
/// AOF is on) up to a second of pushes may be lost in a crash, and without
/// persistence a restart loses the whole inbox — deliveries already answered
/// 2xx. With a replica, a failover may lose the last writes too (`WAIT`
/// would bound that; it is not used here).
///
/// ```no_run
/// # async fn run() -> Result<(), esign_webhooks::dedup::StoreError> {
/// use esign_webhooks::inbox::RedisInbox;
///
/// let inbox = RedisInbox::open("rediss://:secret@10.0.0.8:6380/0")?.with_prefix("billing:inbox:");
/// # Ok(()) }
/// ```
pub struct RedisInbox {
    commands: ConnectionManager,
    blocking: ConnectionManager,
    prefix: String,
    consumer: String,
    timeout: Duration,
    shown_url: String,
    scripts: Scripts,
}

struct Scripts {
    extend: Script,
    ack: Script,
    retry: Script,
    dead: Script,
    promote: Script,
    reclaim: Script,
    replay: Script,
}

impl fmt::Debug for RedisInbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisInbox")
            .field("server", &self.shown_url)
            .field("prefix", &self.prefix)
            .field("consumer", &self.consumer)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl RedisInbox {
    /// An inbox on the Redis server at `url` (`redis://…`, `rediss://…` for
    /// TLS), under the key prefix `esign-webhooks:inbox:`. Connects lazily;
    /// call it inside a tokio runtime. The URL (which may hold the password)
    /// is never shown, only its server.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let shown_url = shown_server(url);
        let client = redis::Client::open(url).map_err(|err| {
            StoreError::text(
                StoreErrorKind::Other,
                format_args!(
                    "invalid Redis URL for {shown_url} ({:?}; the URL is not repeated)",
                    err.kind()
                ),
            )
        })?;
        let manager = |response: Option<Duration>| {
            let config = ConnectionManagerConfig::new()
                .set_connection_timeout(Some(Duration::from_secs(2)))
                .set_response_timeout(response)
                .set_number_of_retries(2)
                .set_max_delay(Duration::from_millis(200));
            ConnectionManager::new_lazy_with_config(client.clone(), config).map_err(|err| {
                StoreError::text(
                    StoreErrorKind::Connection,
                    format_args!("cannot set up the Redis connection to {shown_url}: {err}"),
                )
            })
        };
        Ok(RedisInbox {
            commands: manager(Some(Duration::from_secs(5)))?,
            // A blocking XREADGROUP holds its connection: the other commands
            // (renewals, acks) must not wait behind it. Bounded by the pull's own timeout.
            blocking: manager(None)?,
            prefix: "esign-webhooks:inbox:".to_owned(),
            consumer: format!("consumer-{}", ClaimToken::new()),
            timeout: Duration::from_secs(5),
            shown_url,
            scripts: Scripts {
                extend: Script::new(&format!("{HELD}{EXTEND}")),
                ack: Script::new(&format!("{HELD}{ACK}")),
                retry: Script::new(&format!("{HELD}{RETRY}")),
                dead: Script::new(&format!("{HELD}{DEAD}")),
                promote: Script::new(PROMOTE),
                reclaim: Script::new(RECLAIM),
                replay: Script::new(REPLAY),
            },
        })
    }

    /// Puts every key under `prefix` (default `esign-webhooks:inbox:`): one inbox per prefix.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Bounds each operation (default 5 s, at least 1 ms; a pull's wait comes on top).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn group(&self) -> String {
        self.key("workers")
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

    async fn command<T: redis::FromRedisValue>(&self, what: &str, cmd: redis::Cmd) -> Result<T, StoreError> {
        self.bounded(what, Duration::ZERO, async {
            retry_once(|| {
                let mut manager = self.commands.clone();
                let cmd = cmd.clone();
                async move { cmd.query_async::<T>(&mut manager).await }
            })
            .await
            .map_err(redis_error)
        })
        .await
    }

    /// Creates the consumer group (and stream) if missing: from the stream's start, so nothing pushed before is skipped.
    async fn ensure_group(&self) -> Result<(), StoreError> {
        let mut cmd = redis::cmd("XGROUP");
        cmd.arg("CREATE")
            .arg(self.key("stream"))
            .arg(self.group())
            .arg("0")
            .arg("MKSTREAM");
        match self.command::<Value>("the group creation", cmd).await {
            Ok(_) => Ok(()),
            Err(err) if err.to_string().contains("BUSYGROUP") => Ok(()),
            Err(err) => Err(err),
        }
    }

    /// Runs a settlement script on `receipt`'s entry; `false` when the lease is not held.
    async fn settle(
        &self,
        what: &str,
        script: &Script,
        receipt: &Receipt,
        extra: Vec<Vec<u8>>,
    ) -> Result<bool, StoreError> {
        let Some((id, deliveries, lease)) = parse_engine_id(receipt.engine_id()) else {
            return Ok(false);
        };
        let keys = [
            self.key("stream"),
            self.key("delayed"),
            self.key("dead"),
            self.key("leases"),
        ];
        let result: i64 = self
            .bounded(what, Duration::ZERO, async {
                retry_once(|| {
                    let mut manager = self.commands.clone();
                    let mut invocation = script.prepare_invoke();
                    for key in &keys {
                        invocation.key(key);
                    }
                    invocation
                        .arg(self.group())
                        .arg(id)
                        .arg(&self.consumer)
                        .arg(deliveries)
                        .arg(lease);
                    for arg in &extra {
                        invocation.arg(arg.as_slice());
                    }
                    async move { invocation.invoke_async::<i64>(&mut manager).await }
                })
                .await
                .map_err(redis_error)
            })
            .await?;
        Ok(result == 1)
    }

    async fn promote(&self) -> Result<(), StoreError> {
        let keys = [self.key("stream"), self.key("delayed")];
        self.bounded("the promotion of due retries", Duration::ZERO, async {
            retry_once(|| {
                let mut manager = self.commands.clone();
                let mut invocation = self.scripts.promote.prepare_invoke();
                invocation.key(&keys[0]).key(&keys[1]).arg(1000);
                async move { invocation.invoke_async::<i64>(&mut manager).await }
            })
            .await
            .map_err(redis_error)
        })
        .await
        .map(drop)
    }

    async fn take(&self, max: usize, lease: Duration, wait: Duration) -> Result<Vec<Delivery>, StoreError> {
        let lease_ms = millis(lease);
        self.promote().await?;
        // Dead workers' entries first: idle for longer than their own lease.
        let keys = [self.key("stream"), self.key("leases")];
        let reclaimed: Value = self
            .bounded("the takeover", Duration::ZERO, async {
                retry_once(|| {
                    let mut manager = self.commands.clone();
                    let mut invocation = self.scripts.reclaim.prepare_invoke();
                    invocation
                        .key(&keys[0])
                        .key(&keys[1])
                        .arg(self.group())
                        .arg(&self.consumer)
                        .arg(lease_ms)
                        .arg(max)
                        .arg(lease_ms);
                    async move { invocation.invoke_async::<Value>(&mut manager).await }
                })
                .await
                .map_err(redis_error)
            })
            .await?;
        let out: Vec<Delivery> = items(&reclaimed)
            .into_iter()
            .filter_map(|entry| {
                let parts = items(entry);
                let id = text(parts.first()?)?;
                let deliveries = u32::try_from(integer(parts.get(1)?)?).unwrap_or(1);
                let fields = items(parts.get(2)?);
                let message = field(&fields, "m")?;
                Some(delivery(&id, deliveries, lease_ms, &message))
            })
            .collect();
        if !out.is_empty() {
            return Ok(out);
        }
        let mut cmd = redis::cmd("XREADGROUP");
        cmd.arg("GROUP")
            .arg(self.group())
            .arg(&self.consumer)
            .arg("COUNT")
            .arg(max)
            .arg("BLOCK")
            .arg(wait.as_millis().max(1).min(u128::from(u32::MAX)) as u64)
            .arg("STREAMS")
            .arg(self.key("stream"))
            .arg(">");
        let read: Value = self
            .bounded("the pull (XREADGROUP)", wait, async {
                retry_once(|| {
                    let mut manager = self.blocking.clone();
                    let cmd = cmd.clone();
                    async move { cmd.query_async::<Value>(&mut manager).await }
                })
                .await
                .map_err(redis_error)
            })
            .await?;
        let read = read_entries(&read);
        if !read.is_empty() {
            // Each entry's lease, for the takeover; should this fail (or the
            // process die first), the takeover uses the puller's lease.
            let mut cmd = redis::cmd("HSET");
            cmd.arg(self.key("leases"));
            for (id, _) in &read {
                cmd.arg(id).arg(lease_ms);
            }
            let _ = self.command::<Value>("the lease record", cmd).await;
        }
        Ok(read
            .into_iter()
            .map(|(id, bytes)| delivery(&id, 1, lease_ms, &bytes))
            .collect())
    }
}

use std::future::Future;

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX).max(1)
}

/// A receipt's engine id: the entry id, the delivery count and the lease it was handed out with.
fn delivery(id: &str, deliveries: u32, lease_ms: u64, bytes: &[u8]) -> Delivery {
    let receipt = Receipt::new(format!("{id}|{deliveries}|{lease_ms}"), ClaimToken::new());
    Delivery::new(receipt, bytes, deliveries)
}

fn parse_engine_id(engine_id: &str) -> Option<(&str, u32, u64)> {
    let mut parts = engine_id.split('|');
    let id = parts.next()?;
    let deliveries = parts.next()?.parse().ok()?;
    let lease = parts.next()?.parse().ok()?;
    Some((id, deliveries, lease))
}

/// The elements of an array reply (or the flattened pairs of a map), empty for anything else.
fn items(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) | Value::Set(items) => items.iter().collect(),
        Value::Map(pairs) => pairs.iter().flat_map(|(k, v)| [k, v]).collect(),
        _ => Vec::new(),
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::BulkString(bytes) => String::from_utf8(bytes.clone()).ok(),
        Value::SimpleString(text) => Some(text.clone()),
        _ => None,
    }
}

fn bytes(value: &Value) -> Option<Vec<u8>> {
    match value {
        Value::BulkString(bytes) => Some(bytes.clone()),
        _ => None,
    }
}

fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Int(n) => Some(*n),
        other => text(other)?.parse().ok(),
    }
}

/// The value of `name` in a flat `[field, value, …]` list.
fn field(fields: &[&Value], name: &str) -> Option<Vec<u8>> {
    fields
        .chunks(2)
        .find(|pair| pair.first().and_then(|f| text(f)).as_deref() == Some(name))
        .and_then(|pair| bytes(pair.get(1)?))
}

/// The `(id, field m)` of each entry of a list of entries (`[[id, [field, value, …]], …]`);
/// entries deleted meanwhile (a nil field list) are skipped.
fn entries(list: &Value) -> Vec<(String, Vec<u8>)> {
    items(list)
        .into_iter()
        .filter_map(|entry| {
            let parts = items(entry);
            let id = text(parts.first()?)?;
            let fields = items(parts.get(1)?);
            let message = fields
                .chunks(2)
                .find(|pair| pair.first().and_then(|f| text(f)).as_deref() == Some("m"))
                .and_then(|pair| bytes(pair.get(1)?))?;
            Some((id, message))
        })
        .collect()
}

/// XREADGROUP's reply: `[[stream, entries]]` (or a map of stream to entries), nil on a timeout.
fn read_entries(reply: &Value) -> Vec<(String, Vec<u8>)> {
    let streams = items(reply);
    // An array of [name, entries] pairs, or a map flattened to name, entries, name, entries.
    let pairs: Vec<&Value> = if matches!(reply, Value::Map(_)) {
        streams.chunks(2).filter_map(|pair| pair.get(1).copied()).collect()
    } else {
        streams
            .iter()
            .filter_map(|stream| items(stream).get(1).copied())
            .collect()
    };
    pairs.into_iter().flat_map(entries).collect()
}

impl Inbox for RedisInbox {
    fn push<'a>(&'a self, message: &'a InboxMessage) -> InboxFuture<'a, ()> {
        let mut cmd = redis::cmd("XADD");
        cmd.arg(self.key("stream")).arg("*").arg("m").arg(message.encode());
        Box::pin(async move { self.command::<Value>("the push (XADD)", cmd).await.map(drop) })
    }

    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        Box::pin(async move {
            let max = max.max(1);
            match self.take(max, lease, wait).await {
                // A new server (restarted without the group, or never set up): create it, once.
                Err(err) if err.to_string().contains("NOGROUP") => {
                    self.ensure_group().await?;
                    self.take(max, lease, wait).await
                }
                other => other,
            }
        })
    }

    fn extend<'a>(&'a self, receipt: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool> {
        // The idle time restarts from 0; the lease checked by settlements is the pull's.
        let extra = vec![millis(lease).to_string().into_bytes()];
        Box::pin(async move { self.settle("the renewal", &self.scripts.extend, receipt, extra).await })
    }

    fn ack<'a>(&'a self, receipt: &'a Receipt) -> InboxFuture<'a, bool> {
        Box::pin(async move { self.settle("the ack", &self.scripts.ack, receipt, Vec::new()).await })
    }

    fn retry<'a>(&'a self, receipt: &'a Receipt, message: &'a InboxMessage, delay: Duration) -> InboxFuture<'a, bool> {
        let extra = vec![millis(delay).to_string().into_bytes(), message.encode()];
        Box::pin(async move { self.settle("the retry", &self.scripts.retry, receipt, extra).await })
    }

    fn dead_letter<'a>(&'a self, receipt: &'a Receipt, error: &'a str) -> InboxFuture<'a, bool> {
        let extra = vec![error.as_bytes().to_vec()];
        Box::pin(async move { self.settle("the dead letter", &self.scripts.dead, receipt, extra).await })
    }

    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        let mut cmd = redis::cmd("XRANGE");
        cmd.arg(self.key("dead"))
            .arg("-")
            .arg("+")
            .arg("COUNT")
            .arg(limit.max(1));
        Box::pin(async move {
            let reply: Value = self.command("the dead letters (XRANGE)", cmd).await?;
            Ok(items(&reply)
                .into_iter()
                .filter_map(|entry| {
                    let parts = items(entry);
                    let id = text(parts.first()?)?;
                    let fields = items(parts.get(1)?);
                    let field = |name: &str| {
                        fields
                            .chunks(2)
                            .find(|pair| pair.first().and_then(|f| text(f)).as_deref() == Some(name))
                            .and_then(|pair| bytes(pair.get(1)?))
                    };
                    let message = field("m")?;
                    let error = String::from_utf8_lossy(&field("e").unwrap_or_default()).into_owned();
                    Some(DeadLetter::new(id, &message, error))
                })
                .collect())
        })
    }

    fn replay<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async move {
            let mut cmd = redis::cmd("XRANGE");
            cmd.arg(self.key("dead")).arg(engine_id).arg(engine_id);
            let reply: Value = self.command("the replay (XRANGE)", cmd).await?;
            let Some((_, stored)) = entries(&reply).into_iter().next() else {
                return Ok(false);
            };
            // A message that decodes goes back as first pushed; one that does not, as it was.
            let stored = InboxMessage::decode(&stored).map_or(stored, |message| message.reset().encode());
            let keys = [self.key("stream"), self.key("delayed"), self.key("dead")];
            let replayed: i64 = self
                .bounded("the replay", Duration::ZERO, async {
                    retry_once(|| {
                        let mut manager = self.commands.clone();
                        let mut invocation = self.scripts.replay.prepare_invoke();
                        invocation
                            .key(&keys[0])
                            .key(&keys[1])
                            .key(&keys[2])
                            .arg(engine_id)
                            .arg(stored.as_slice());
                        async move { invocation.invoke_async::<i64>(&mut manager).await }
                    })
                    .await
                    .map_err(redis_error)
                })
                .await?;
            Ok(replayed == 1)
        })
    }

    fn discard<'a>(&'a self, engine_id: &'a str) -> InboxFuture<'a, bool> {
        let mut cmd = redis::cmd("XDEL");
        cmd.arg(self.key("dead")).arg(engine_id);
        Box::pin(async move { Ok(self.command::<i64>("the discard (XDEL)", cmd).await? == 1) })
    }
}
