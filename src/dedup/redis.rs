//! [`RedisStore`]: keys shared by every receiver, in Redis.
//!
//! The store speaks the few commands it needs (`SET … NX PX`, `SET … PX`,
//! `DEL`, `AUTH`, `SELECT`, `PING`) in RESP over a `std::net::TcpStream`,
//! instead of depending on the `redis` crate: that crate brings a dozen
//! transitive dependencies (and, for async use, a runtime choice) into every
//! user's build for four commands, while a RESP request is an array of bulk
//! strings and the replies needed are one line each. The `redis` feature
//! therefore adds no dependency at all.

use core::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use super::{DedupKey, DedupStore, StoreError};
use crate::Secret;

/// The most idle connections kept for reuse.
const MAX_IDLE: usize = 8;
/// The longest reply line or bulk string read; every expected reply is a few bytes.
const MAX_REPLY: usize = 64 * 1024;

/// A [`DedupStore`] in Redis (feature `redis`), for receivers behind a load
/// balancer: every instance sees every key.
///
/// Claims are `SET {prefix}{key} 1 NX PX {ttl}`, atomic in Redis, so exactly
/// one receiver handles each delivery. Connections are opened on demand,
/// reused (up to 8 idle ones), and dropped after any error; each call is a
/// blocking round trip bounded by the timeout (default 2 s), also from
/// `handle_async`. Plain TCP only: for TLS, run a local TLS proxy (stunnel,
/// or your platform's sidecar). The password is redacted from `Debug` and
/// never appears in errors.
///
/// ```no_run
/// use esign_webhooks::Secret;
/// use esign_webhooks::dedup::{Deduplicator, RedisStore};
///
/// let store = RedisStore::new("10.0.0.5:6379")
///     .with_password(Secret::new("redis-password"))
///     .with_key_prefix("billing-hooks:dedup:");
/// store.ping()?; // fail at start-up rather than on the first delivery
/// let dedup = Deduplicator::new(store);
/// # let _ = dedup;
/// # Ok::<(), esign_webhooks::dedup::StoreError>(())
/// ```
pub struct RedisStore {
    address: String,
    username: Option<String>,
    password: Option<Secret>,
    database: Option<u32>,
    prefix: String,
    timeout: Duration,
    idle: Mutex<Vec<TcpStream>>,
}

/// A reply, reduced to what the commands used can answer.
#[derive(Debug, PartialEq, Eq)]
enum Reply {
    /// `+OK`, `+PONG`.
    Status(String),
    /// `:1`.
    Integer(i64),
    /// `$-1`, `_` (RESP3) or `*-1`: a `SET … NX` that did not set.
    Nil,
    /// A bulk string (not expected from the commands used; read and discarded).
    Bulk,
}

impl RedisStore {
    /// A store on the Redis server at `address` (`host:port`), database 0,
    /// keys prefixed with `esign-webhooks:dedup:`.
    pub fn new(address: impl Into<String>) -> Self {
        RedisStore {
            address: address.into(),
            username: None,
            password: None,
            database: None,
            prefix: "esign-webhooks:dedup:".to_owned(),
            timeout: Duration::from_secs(2),
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Authenticates each connection with `AUTH password`.
    pub fn with_password(mut self, password: Secret) -> Self {
        self.password = Some(password);
        self
    }

    /// Authenticates as an ACL user (`AUTH username password`, Redis 6+); needs a password.
    pub fn with_username(mut self, username: impl Into<String>) -> Self {
        self.username = Some(username.into());
        self
    }

    /// Uses database `database` (`SELECT`).
    pub fn with_database(mut self, database: u32) -> Self {
        self.database = Some(database);
        self
    }

    /// Prefixes every key (default `esign-webhooks:dedup:`), e.g. to share a server between applications.
    pub fn with_key_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Bounds connecting, each write and each read (default 2 s).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// Checks that the server answers (and accepts the credentials).
    pub fn ping(&self) -> Result<(), StoreError> {
        match self.command(&[b"PING"])? {
            Reply::Status(status) if status == "PONG" => Ok(()),
            other => Err(unexpected("PING", &other)),
        }
    }

    fn redis_key(&self, key: &DedupKey) -> Vec<u8> {
        format!("{}{key}", self.prefix).into_bytes()
    }

    fn connect(&self) -> Result<TcpStream, StoreError> {
        let addresses = self
            .address
            .to_socket_addrs()
            .map_err(|err| format!("cannot resolve the Redis address {}: {err}", self.address))?;
        let mut last: Option<io::Error> = None;
        for address in addresses {
            match TcpStream::connect_timeout(&address, self.timeout) {
                Ok(stream) => {
                    stream.set_read_timeout(Some(self.timeout))?;
                    stream.set_write_timeout(Some(self.timeout))?;
                    stream.set_nodelay(true)?;
                    let mut stream = stream;
                    self.handshake(&mut stream)?;
                    return Ok(stream);
                }
                Err(err) => last = Some(err),
            }
        }
        Err(match last {
            Some(err) => format!("cannot connect to Redis at {}: {err}", self.address).into(),
            None => format!("the Redis address {} resolves to nothing", self.address).into(),
        })
    }

    fn handshake(&self, stream: &mut TcpStream) -> Result<(), StoreError> {
        if let Some(password) = &self.password {
            let reply = match &self.username {
                Some(user) => round_trip(stream, &[b"AUTH", user.as_bytes(), password.expose()]),
                None => round_trip(stream, &[b"AUTH", password.expose()]),
            };
            match reply {
                Ok(Reply::Status(_)) => {}
                // The server's own message, which never repeats the password.
                Ok(other) => return Err(unexpected("AUTH", &other)),
                Err(err) => return Err(format!("Redis refused AUTH: {err}").into()),
            }
        }
        if let Some(database) = self.database {
            let database = database.to_string();
            match round_trip(stream, &[b"SELECT", database.as_bytes()])? {
                Reply::Status(_) => {}
                other => return Err(unexpected("SELECT", &other)),
            }
        }
        Ok(())
    }

    /// Sends one command on an idle or new connection; the connection is
    /// reused only after a complete, well-formed reply.
    fn command(&self, args: &[&[u8]]) -> Result<Reply, StoreError> {
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let mut stream = match idle {
            Some(stream) => stream,
            None => self.connect()?,
        };
        let reply = round_trip(&mut stream, args)?;
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.len() < MAX_IDLE {
            idle.push(stream);
        }
        Ok(reply)
    }
}

/// Milliseconds for `PX`, at least 1 (Redis refuses 0).
fn millis(ttl: Duration) -> String {
    ttl.as_millis().clamp(1, i64::MAX as u128).to_string()
}

fn unexpected(command: &str, reply: &Reply) -> StoreError {
    format!("unexpected Redis reply to {command}: {reply:?}").into()
}

impl DedupStore for RedisStore {
    fn insert_if_absent(&self, key: &DedupKey, ttl: Duration) -> Result<bool, StoreError> {
        let (key, ttl) = (self.redis_key(key), millis(ttl));
        match self.command(&[b"SET", &key, b"1", b"NX", b"PX", ttl.as_bytes()])? {
            Reply::Status(status) if status == "OK" => Ok(true),
            Reply::Nil => Ok(false),
            other => Err(unexpected("SET NX", &other)),
        }
    }

    fn insert(&self, key: &DedupKey, ttl: Duration) -> Result<(), StoreError> {
        let (key, ttl) = (self.redis_key(key), millis(ttl));
        match self.command(&[b"SET", &key, b"1", b"PX", ttl.as_bytes()])? {
            Reply::Status(status) if status == "OK" => Ok(()),
            other => Err(unexpected("SET", &other)),
        }
    }

    fn remove(&self, key: &DedupKey) -> Result<(), StoreError> {
        match self.command(&[b"DEL", &self.redis_key(key)])? {
            Reply::Integer(_) => Ok(()),
            other => Err(unexpected("DEL", &other)),
        }
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("address", &self.address)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "[REDACTED]"))
            .field("database", &self.database)
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// Writes `args` as a RESP array of bulk strings and reads one reply.
fn round_trip(stream: &mut TcpStream, args: &[&[u8]]) -> Result<Reply, StoreError> {
    let mut request = Vec::with_capacity(64);
    request.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
    for arg in args {
        request.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        request.extend_from_slice(arg);
        request.extend_from_slice(b"\r\n");
    }
    stream.write_all(&request)?;
    read_reply(&mut BufReader::new(stream))
}

/// Reads one RESP2/RESP3 reply of the kinds the commands used return.
fn read_reply<R: BufRead>(reader: &mut R) -> Result<Reply, StoreError> {
    let line = read_line(reader)?;
    let (kind, rest) = line.split_at_checked(1).ok_or("an empty Redis reply line")?;
    match kind {
        "+" => Ok(Reply::Status(rest.to_owned())),
        "-" => Err(format!("Redis error: {rest}").into()),
        ":" => Ok(Reply::Integer(rest.parse().map_err(|_| "a malformed Redis integer")?)),
        "_" => Ok(Reply::Nil),
        "$" | "*" if rest == "-1" => Ok(Reply::Nil),
        "$" => {
            let len: usize = rest.parse().map_err(|_| "a malformed Redis bulk length")?;
            if len > MAX_REPLY {
                return Err("a Redis bulk reply larger than expected".into());
            }
            // The payload and its CRLF, read and discarded.
            let mut discard = vec![0; len + 2];
            reader.read_exact(&mut discard)?;
            Ok(Reply::Bulk)
        }
        _ => Err(format!("an unexpected Redis reply type {kind:?}").into()),
    }
}

/// One CRLF-terminated line, bounded.
fn read_line<R: BufRead>(reader: &mut R) -> Result<String, StoreError> {
    let mut line = Vec::new();
    let read = reader.take(MAX_REPLY as u64).read_until(b'\n', &mut line)?;
    if read == 0 {
        return Err("Redis closed the connection".into());
    }
    if !line.ends_with(b"\r\n") {
        return Err("a Redis reply line without CRLF (or too long)".into());
    }
    line.truncate(line.len() - 2);
    String::from_utf8(line).map_err(|_| "a Redis reply line that is not UTF-8".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<Reply, String> {
        read_reply(&mut io::Cursor::new(bytes)).map_err(|err| err.to_string())
    }

    #[test]
    fn replies_are_read_strictly() {
        assert_eq!(parse(b"+OK\r\n"), Ok(Reply::Status("OK".into())));
        assert_eq!(parse(b"$-1\r\n"), Ok(Reply::Nil));
        assert_eq!(parse(b"_\r\n"), Ok(Reply::Nil));
        assert_eq!(parse(b":2\r\n"), Ok(Reply::Integer(2)));
        assert_eq!(parse(b"$3\r\nabc\r\n"), Ok(Reply::Bulk));
        assert!(parse(b"-WRONGPASS invalid\r\n").unwrap_err().contains("WRONGPASS"));
        assert!(parse(b"+OK\n").is_err());
        assert!(parse(b"").is_err());
        assert!(parse(b"$99999999999\r\n").is_err());
        assert!(parse(b":x\r\n").is_err());
        assert!(parse(b"%1\r\n").is_err());
        assert!(parse(b"$5\r\nab").is_err());
    }

    #[test]
    fn ttls_are_whole_positive_milliseconds() {
        assert_eq!(millis(Duration::ZERO), "1");
        assert_eq!(millis(Duration::from_secs(2)), "2000");
        assert_eq!(millis(Duration::MAX), i64::MAX.to_string());
    }

    #[test]
    fn debug_redacts_the_password() {
        let store = RedisStore::new("127.0.0.1:1").with_password(Secret::new("hunter2-redis"));
        assert!(!format!("{store:?}").contains("hunter2-redis"));
    }
}
