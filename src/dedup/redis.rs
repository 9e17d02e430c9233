//! [`RedisStore`]: keys shared by every receiver, in Redis, on the `redis`
//! crate (a `ConnectionManager` that reconnects, on a small tokio runtime the
//! store owns).

use core::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{RedisError, Script};

use super::bridge::{Bridge, BridgedBackend};
use super::sanitize::SanitizedError;
use super::{ClaimOutcome, ClaimToken, DedupKey, StoreError, StoreErrorKind};

/// Claims KEYS[1] for the pending value ARGV[1] (`p:<token>`) for ARGV[2] ms.
/// 0: claimed (or already ours), 1: another attempt's claim, 2: done.
const CLAIM: &str = r"
local held = redis.call('GET', KEYS[1])
if not held or held == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 0
end
if held == 'd' then return 2 end
return 1";

/// Marks KEYS[1] done for ARGV[2] ms if it is absent or ours (ARGV[1]).
/// 1: done, 0: another attempt holds it.
const COMPLETE: &str = r"
local held = redis.call('GET', KEYS[1])
if held == 'd' then return 1 end
if not held or held == ARGV[1] then
  redis.call('SET', KEYS[1], 'd', 'PX', ARGV[2])
  return 1
end
return 0";

/// Deletes KEYS[1] if it is our claim (ARGV[1]). 1: released, 0: not ours.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0";

/// A deduplication store in Redis (feature `redis`), for receivers behind a
/// load balancer: every instance sees every key. Implements both
/// [`DedupStore`](super::DedupStore) (for `handle`) and [`AsyncDedupStore`](super::AsyncDedupStore) (for `handle_async`).
///
/// * **Atomic lifecycle**: each operation is one Lua script, so a claim
///   (`SET … PX` when absent), a completion and a release cannot interleave;
///   a key holds `p:<claim token>` while pending and `d` once done, so an
///   attempt only ever completes or releases its own claim.
/// * **On the `redis` crate**: `redis://` and `rediss://` (TLS, rustls with
///   the platform's roots) URLs with user, password and database; a
///   `ConnectionManager` that reconnects after a restart or a dropped
///   connection (an operation that meets a dropped connection is retried
///   once, which the scripts make safe).
/// * **Bounded**: every operation, reconnection and retry included, is
///   bounded as a whole by the timeout (default 2 s), however slowly the
///   server answers.
/// * The store owns a one-thread tokio runtime that drives its connection,
///   so it serves blocking and async callers from any runtime (or none).
///   Blocking calls wait on the calling thread: from async code, use
///   `handle_async` (or `spawn_blocking`).
/// * **Turn persistence on**: done keys are what make a copy a duplicate,
///   and a server killed or restarted without persistence loses them all, so
///   every event whose copy arrives afterwards runs its callbacks again (41
///   double runs in one load test with restarts). Run the server with
///   `appendonly yes` and `appendfsync always` (`everysec` loses up to the
///   last second of keys on a crash), and `maxmemory-policy noeviction` (an
///   eviction policy would drop keys, claims in flight included). See
///   [`manual::stores`](crate::manual::stores).
/// * Nothing of the URL but its server is ever shown: `Debug` and errors
///   show `scheme://host:port`, never the user info, path or query, and a
///   URL that does not parse (a password holding a `/`) is never repeated.
/// * Errors are one line without control characters through their whole
///   `source()` chain: a hostile server cannot forge log lines through them.
///
/// ```no_run
/// use esign_webhooks::dedup::{AsyncDeduplicator, Deduplicator, RedisStore};
/// use std::sync::Arc;
///
/// let store = Arc::new(
///     RedisStore::open("rediss://:redis-password@10.0.0.5:6380/0")?.with_key_prefix("billing-hooks:dedup:"),
/// );
/// store.ping()?; // fail at start-up rather than on the first delivery
/// let blocking = Deduplicator::new(Arc::clone(&store));
/// let for_async = AsyncDeduplicator::new(store);
/// # let _ = (blocking, for_async);
/// # Ok::<(), esign_webhooks::dedup::StoreError>(())
/// ```
pub struct RedisStore {
    manager: ConnectionManager,
    scripts: Arc<Scripts>,
    prefix: String,
    timeout: Duration,
    shown_url: String,
    // Last: dropped after the manager, whose tasks run on it.
    bridge: Bridge,
}

struct Scripts {
    claim: Script,
    complete: Script,
    release: Script,
}

impl RedisStore {
    /// A store on the server at `url` (`redis://[user:password@]host[:port][/db]`,
    /// or `rediss://` for TLS), keys prefixed with `esign-webhooks:dedup:`.
    /// Connects lazily: an unreachable server fails the first operation, not this.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        // The URL holds the password: only its server is ever shown, and a
        // URL that does not parse is never repeated (its password may hold a
        // `/` or a `?` that moves every boundary a redaction would look for).
        let shown_url = shown_server(url);
        let client = redis::Client::open(url).map_err(|err| {
            failure(format_args!(
                "invalid Redis URL for {shown_url} ({:?}; the URL is not repeated)",
                err.kind()
            ))
        })?;
        let bridge = Bridge::new("esign-webhooks-redis")?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(2)))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(200));
        let manager = {
            let _runtime = bridge.handle().enter();
            ConnectionManager::new_lazy_with_config(client, config)
                .map_err(|err| format!("cannot set up the Redis connection to {shown_url}: {err}"))?
        };
        Ok(RedisStore {
            manager,
            scripts: Arc::new(Scripts {
                claim: Script::new(CLAIM),
                complete: Script::new(COMPLETE),
                release: Script::new(RELEASE),
            }),
            prefix: "esign-webhooks:dedup:".to_owned(),
            timeout: Duration::from_secs(2),
            shown_url,
            bridge,
        })
    }

    /// Prefixes every key (default `esign-webhooks:dedup:`), e.g. to share a server between applications.
    pub fn with_key_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Bounds each operation as a whole, reconnecting included (default 2 s, at least 1 ms).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// Checks that the server answers (and accepts the credentials).
    pub fn ping(&self) -> Result<(), StoreError> {
        self.bridge.block(self.timeout, "PING", self.ping_future())
    }

    /// [`ping`](RedisStore::ping), async.
    pub async fn ping_async(&self) -> Result<(), StoreError> {
        self.bridge.run(self.timeout, "PING", self.ping_future()).await
    }

    fn ping_future(&self) -> impl Future<Output = Result<(), StoreError>> + Send + 'static {
        let manager = self.manager.clone();
        async move {
            let pong: String = retry_once(|| {
                let mut manager = manager.clone();
                async move { redis::cmd("PING").query_async(&mut manager).await }
            })
            .await
            .map_err(redis_error)?;
            match pong.as_str() {
                "PONG" => Ok(()),
                other => Err(failure(format_args!("unexpected Redis reply to PING: {other:?}"))),
            }
        }
    }

    fn redis_key(&self, key: &DedupKey) -> String {
        format!("{}{key}", self.prefix)
    }

    /// One script invocation, as a `'static` future for the store's runtime.
    fn script(
        &self,
        pick: fn(&Scripts) -> &Script,
        key: &DedupKey,
        args: Vec<String>,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send + 'static {
        let (manager, scripts, key) = (self.manager.clone(), Arc::clone(&self.scripts), self.redis_key(key));
        async move {
            retry_once(|| {
                let (mut manager, scripts, key, args) =
                    (manager.clone(), Arc::clone(&scripts), key.clone(), args.clone());
                async move {
                    let mut invocation = pick(&scripts).key(key);
                    for arg in &args {
                        invocation.arg(arg);
                    }
                    invocation.invoke_async::<i64>(&mut manager).await
                }
            })
            .await
            .map_err(redis_error)
        }
    }
}

impl BridgedBackend for RedisStore {
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
        let script = self.script(|s| &s.claim, key, vec![pending(token), millis(lease)]);
        async move {
            match script.await? {
                0 => Ok(ClaimOutcome::Claimed),
                1 => Ok(ClaimOutcome::InFlight),
                2 => Ok(ClaimOutcome::Done),
                other => Err(failure(format_args!(
                    "unexpected Redis reply to the claim script: {other}"
                ))),
            }
        }
    }

    fn complete_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        ttl: Duration,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'static {
        let script = self.script(|s| &s.complete, key, vec![pending(token), millis(ttl)]);
        async move { Ok(script.await? == 1) }
    }

    fn release_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'static {
        let script = self.script(|s| &s.release, key, vec![pending(token)]);
        async move { Ok(script.await? == 1) }
    }
}

/// Runs `op`, and once more if the connection was dropped or refused (after
/// a server restart the manager reconnects). Safe: every script is
/// idempotent for one claim token.
pub(crate) async fn retry_once<T, F, Fut>(op: F) -> Result<T, RedisError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, RedisError>>,
{
    match op().await {
        Err(err) if err.is_connection_dropped() || err.is_io_error() || err.is_connection_refusal() => {
            tokio::time::sleep(Duration::from_millis(50)).await;
            op().await
        }
        other => other,
    }
}

/// The pending value of a claim.
fn pending(token: ClaimToken) -> String {
    format!("p:{token}")
}

/// Milliseconds for `PX`, at least 1 (Redis refuses 0).
fn millis(ttl: Duration) -> String {
    ttl.as_millis().clamp(1, i64::MAX as u128).to_string()
}

/// The error's kind and the server's message, sanitised (a hostile server
/// chooses the message); the crate's errors do not repeat the URL or the password.
pub(crate) fn redis_error(err: RedisError) -> StoreError {
    let kind = if err.is_timeout() {
        StoreErrorKind::Timeout
    } else if err.is_io_error() || err.is_connection_refusal() || err.is_connection_dropped() {
        StoreErrorKind::Connection
    } else {
        StoreErrorKind::Server
    };
    StoreError::sanitized(kind, SanitizedError::wrap("Redis: ", &err))
}

/// A store error of `text`, sanitised.
fn failure(text: impl fmt::Display) -> StoreError {
    StoreError::text(StoreErrorKind::Other, text)
}

/// The server `url` names, as `scheme://host:port`, and nothing of its user
/// info, path or query: shown in errors and `Debug` instead of the URL.
///
/// It works on the text, not on a parse, so that it also serves a URL that
/// does not parse (a password holding a `/`): the host is what follows the
/// last `@` before the query, up to the path, and is shown only if it looks
/// like a host name or an IP address with an optional port; otherwise
/// `[host not shown]`. The scheme is shown only when it is a known one (a
/// password pasted in its place must not be printed).
pub(crate) fn shown_server(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "[unparsable Redis URL, not shown]".to_owned();
    };
    const SCHEMES: [&str; 6] = ["redis", "rediss", "redis+unix", "unix", "valkey", "valkeys"];
    let scheme = if SCHEMES.iter().any(|known| scheme.eq_ignore_ascii_case(known)) {
        scheme.to_ascii_lowercase()
    } else {
        "[scheme not shown]".to_owned()
    };
    // A query or fragment may hold credentials (`redis+unix:///s?pass=…`):
    // cut it first, so that an `@` in it is never taken for the end of user info.
    let before_query = rest.find(['?', '#']).map_or(rest, |end| &rest[..end]);
    let after_user_info = before_query.rsplit_once('@').map_or(before_query, |(_, host)| host);
    let authority = after_user_info.split('/').next().unwrap_or_default();
    match is_host_and_port(authority) {
        true => format!("{scheme}://{authority}"),
        false => format!("{scheme}://[host not shown]"),
    }
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`, with a host of letters,
/// digits, `.`, `-` and `_` (hex digits, `:` and `.` in brackets).
fn is_host_and_port(authority: &str) -> bool {
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(bracketed) => {
            let Some((inner, rest)) = bracketed.split_once(']') else {
                return false;
            };
            let port = match rest {
                "" => None,
                _ => match rest.strip_prefix(':') {
                    Some(port) => Some(port),
                    None => return false,
                },
            };
            let ok = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'));
            (ok, port)
        }
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
            (ok, port)
        }
    };
    host_ok && port.is_none_or(|port| (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit()))
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("url", &self.shown_url)
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttls_are_whole_positive_milliseconds() {
        assert_eq!(millis(Duration::ZERO), "1");
        assert_eq!(millis(Duration::from_secs(2)), "2000");
        assert_eq!(millis(Duration::MAX), i64::MAX.to_string());
    }

    #[test]
    fn only_the_server_of_a_url_is_shown() {
        let cases = [
            (
                "rediss://app:hunter2@redis.internal:6380/2",
                "rediss://redis.internal:6380",
            ),
            ("redis://:p@ss@127.0.0.1/0", "redis://127.0.0.1"),
            ("redis://127.0.0.1:6379", "redis://127.0.0.1:6379"),
            ("redis://[::1]:6379/0", "redis://[::1]:6379"),
            // A base64 password with `/` and `+`: the URL does not parse.
            ("redis://:hunter2/Zm9v+YmFy==@10.0.0.5:6380/0", "redis://10.0.0.5:6380"),
            ("redis://app:a/b?c#d@10.0.0.5:6380/0", "redis://[host not shown]"),
            (
                "redis+unix:///run/redis.sock?db=1&pass=hunter2",
                "redis+unix://[host not shown]",
            ),
            ("redis://host/0?pass=hunter2@x", "redis://host"),
            ("hunter2://x", "[scheme not shown]://x"),
            ("hunter2", "[unparsable Redis URL, not shown]"),
        ];
        for (url, shown) in cases {
            assert_eq!(shown_server(url), shown, "{url}");
        }
    }

    #[test]
    fn debug_and_errors_show_no_password() {
        let store = RedisStore::open("redis://:hunter2-redis@127.0.0.1:1").unwrap();
        assert!(!format!("{store:?}").contains("hunter2"));
        for url in [
            "http://127.0.0.1",
            "redis://:hunter2/slash@127.0.0.1:6379/0",
            "redis://u:hunter2@h:99999",
        ] {
            let err = RedisStore::open(url).unwrap_err().to_string();
            assert!(!err.contains("hunter2"), "{err}");
        }
    }
}
