//! The store traits: a claim lifecycle (absent → pending with a lease → done),
//! blocking ([`DedupStore`]) and async ([`AsyncDedupStore`]).

use core::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use super::DedupKey;
use super::sanitize::SanitizedError;

/// What kind of failure a [`StoreError`] is: lets a caller tell a store
/// that could not be reached from one that answered with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StoreErrorKind {
    /// The store could not be reached, or the connection broke.
    Connection,
    /// The store did not answer in time.
    Timeout,
    /// The store is full (an in-memory store that evicts nothing for the claim).
    Full,
    /// The store answered with an error (an SQL error, a Redis error reply).
    Server,
    /// Anything else.
    Other,
}

impl StoreErrorKind {
    fn as_str(self) -> &'static str {
        match self {
            StoreErrorKind::Connection => "connection",
            StoreErrorKind::Timeout => "timeout",
            StoreErrorKind::Full => "full",
            StoreErrorKind::Server => "server error",
            StoreErrorKind::Other => "other",
        }
    }
}

impl fmt::Display for StoreErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error a store returns: a [`kind`](StoreError::kind) and what went
/// wrong.
///
/// Its text ends up in [`ErrorKind::DedupStore`](crate::ErrorKind::DedupStore)
/// and in logs, so it is made safe when it is built: the error given to
/// [`new`](StoreError::new) is copied as text, through its whole `source()`
/// chain, with every control character (and Unicode line separator and bidi
/// control) escaped and each text bounded, so that a server's message cannot
/// forge log lines. The original error is not kept. Do not put credentials
/// into the errors you give it: a store of this crate never does.
///
/// It is `Send + Sync + 'static` and implements [`std::error::Error`], so `?`
/// turns it into a `Box<dyn Error>`, an `anyhow::Error` or (through the
/// `From` impl below) an [`std::io::Error`]; and `?` turns an
/// [`std::io::Error`], a `String` or a `&str` into it, which keeps a store of
/// your own short to write:
///
/// ```
/// use esign_webhooks::dedup::{StoreError, StoreErrorKind};
///
/// fn read_state() -> Result<Vec<u8>, StoreError> {
///     let bytes = std::fs::read("/nonexistent/state")?; // io::Error → StoreError
///     if bytes.is_empty() {
///         return Err("empty state file".into()); // &str → StoreError
///     }
///     Ok(bytes)
/// }
///
/// let err = read_state().unwrap_err();
/// assert_eq!(err.kind(), StoreErrorKind::Other);
/// let boxed: Box<dyn std::error::Error + Send + Sync> = err.into();
/// # let _ = boxed;
/// ```
pub struct StoreError {
    kind: StoreErrorKind,
    error: SanitizedError,
}

impl StoreError {
    /// An error of `kind`, telling what `source` tells (sanitised: see the
    /// type's documentation). `source` is any error, or a `String` / `&str`.
    pub fn new<E>(kind: StoreErrorKind, source: E) -> Self
    where
        E: Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    {
        let source = source.into();
        StoreError {
            kind,
            error: SanitizedError::wrap("", &*source),
        }
    }

    /// An error of kind [`Other`](StoreErrorKind::Other).
    pub fn other<E>(source: E) -> Self
    where
        E: Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    {
        StoreError::new(StoreErrorKind::Other, source)
    }

    /// An error of `kind` with a text of its own (sanitised), no cause.
    pub(crate) fn text(kind: StoreErrorKind, text: impl fmt::Display) -> Self {
        StoreError {
            kind,
            error: SanitizedError::new(text),
        }
    }

    /// An error of `kind` of an already sanitised error.
    #[cfg_attr(not(any(feature = "redis", feature = "postgres")), allow(dead_code))]
    pub(crate) fn sanitized(kind: StoreErrorKind, error: SanitizedError) -> Self {
        StoreError { kind, error }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> StoreErrorKind {
        self.kind
    }
}

/// The (sanitised) text of the error it was made of.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

/// The kind and the sanitised text (the original error is not kept).
impl fmt::Debug for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoreError")
            .field("kind", &self.kind)
            .field("message", &self.error.to_string())
            .finish()
    }
}

/// The causes of the error it was made of, sanitised copies.
impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

/// The error as a trait object, as the former `Box<dyn Error + Send + Sync>`
/// alias gave it (`err.as_ref()`).
impl AsRef<dyn std::error::Error + Send + Sync + 'static> for StoreError {
    fn as_ref(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        self
    }
}

/// Its kind from the I/O error's: refused, reset, aborted, not connected and
/// broken pipe are [`Connection`](StoreErrorKind::Connection), timed out is
/// [`Timeout`](StoreErrorKind::Timeout), anything else
/// [`Other`](StoreErrorKind::Other).
impl From<std::io::Error> for StoreError {
    fn from(err: std::io::Error) -> Self {
        use std::io::ErrorKind as Io;
        let kind = match err.kind() {
            Io::ConnectionRefused | Io::ConnectionReset | Io::ConnectionAborted | Io::NotConnected | Io::BrokenPipe => {
                StoreErrorKind::Connection
            }
            Io::TimedOut => StoreErrorKind::Timeout,
            _ => StoreErrorKind::Other,
        };
        StoreError::new(kind, err)
    }
}

/// For io-style callers: the kind maps back to an [`std::io::ErrorKind`], and
/// the store error is the I/O error's inner error.
impl From<StoreError> for std::io::Error {
    fn from(err: StoreError) -> Self {
        use std::io::ErrorKind as Io;
        let kind = match err.kind {
            StoreErrorKind::Connection => Io::ConnectionRefused,
            StoreErrorKind::Timeout => Io::TimedOut,
            StoreErrorKind::Full | StoreErrorKind::Server | StoreErrorKind::Other => Io::Other,
        };
        std::io::Error::new(kind, err)
    }
}

/// An [`Other`](StoreErrorKind::Other) error of this text.
impl From<String> for StoreError {
    fn from(text: String) -> Self {
        StoreError::text(StoreErrorKind::Other, text)
    }
}

/// An [`Other`](StoreErrorKind::Other) error of this text.
impl From<&str> for StoreError {
    fn from(text: &str) -> Self {
        StoreError::text(StoreErrorKind::Other, text)
    }
}

/// An [`Other`](StoreErrorKind::Other) error: what a store written against
/// the former `Box<dyn Error + Send + Sync>` alias returns.
impl From<Box<dyn std::error::Error + Send + Sync + 'static>> for StoreError {
    fn from(err: Box<dyn std::error::Error + Send + Sync + 'static>) -> Self {
        StoreError::other(err)
    }
}

/// The future an [`AsyncDedupStore`] returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Identifies one attempt at handling a delivery: a store keeps it with a
/// pending claim, so that an attempt can only complete or release **its own**
/// claim, never a later attempt's (after its lease expired and another copy
/// claimed the key).
///
/// 128 bits, of which 122 are drawn from the operating system's CSPRNG (a
/// version 4 UUID, `getrandom` underneath): unique per attempt across every
/// process sharing a store, and unpredictable, although not a secret.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimToken([u8; 16]);

impl ClaimToken {
    /// A fresh token, from the operating system's random generator.
    pub fn new() -> Self {
        ClaimToken(uuid::Uuid::new_v4().into_bytes())
    }

    /// A token from bytes a store kept.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        ClaimToken(bytes)
    }

    /// The token's bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl Default for ClaimToken {
    fn default() -> Self {
        ClaimToken::new()
    }
}

/// 32 lower-case hex digits.
impl fmt::Display for ClaimToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ClaimToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClaimToken({self})")
    }
}

/// What a [`claim`](DedupStore::claim) found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClaimOutcome {
    /// The key was absent (or its lease or TTL had expired), or already
    /// pending with this very token: it is now pending with this token.
    Claimed,
    /// Another attempt holds an unexpired pending claim: the delivery is
    /// being handled, and may yet fail. Not a duplicate.
    InFlight,
    /// A callback run succeeded for this key: a duplicate.
    Done,
}

/// Where keys are remembered, blocking: used by
/// [`Webhooks::handle`](crate::Webhooks::handle) through a
/// [`Deduplicator`](super::Deduplicator).
///
/// A key is absent, **pending** (claimed by the attempt whose
/// [`ClaimToken`] it holds, until its lease expires) or **done** (until its
/// TTL expires). Every method must be **atomic** in the store (one
/// transaction, one script, one mutex), may be called from several threads
/// and processes at once, and must behave as the
/// `dedup::conformance` suite checks (feature `conformance`).
///
/// ```
/// use std::collections::HashMap;
/// use std::sync::Mutex;
/// use std::time::Duration;
/// use esign_webhooks::dedup::{ClaimOutcome, ClaimToken, DedupKey, DedupStore, Deduplicator, StoreError};
///
/// /// Never expires anything (a test double; use expiries in production).
/// #[derive(Debug, Default)]
/// struct Forever(Mutex<HashMap<DedupKey, Option<ClaimToken>>>); // None: done
///
/// impl DedupStore for Forever {
///     fn claim(&self, key: &DedupKey, token: ClaimToken, _lease: Duration) -> Result<ClaimOutcome, StoreError> {
///         let mut keys = self.0.lock().map_err(|_| "poisoned")?;
///         Ok(match keys.get(key) {
///             None => { keys.insert(*key, Some(token)); ClaimOutcome::Claimed }
///             Some(Some(held)) if *held == token => ClaimOutcome::Claimed,
///             Some(Some(_)) => ClaimOutcome::InFlight,
///             Some(None) => ClaimOutcome::Done,
///         })
///     }
///     fn complete(&self, key: &DedupKey, token: ClaimToken, _ttl: Duration) -> Result<bool, StoreError> {
///         let mut keys = self.0.lock().map_err(|_| "poisoned")?;
///         match keys.get(key) {
///             Some(Some(held)) if *held != token => Ok(false),
///             _ => { keys.insert(*key, None); Ok(true) }
///         }
///     }
///     fn release(&self, key: &DedupKey, token: ClaimToken) -> Result<bool, StoreError> {
///         let mut keys = self.0.lock().map_err(|_| "poisoned")?;
///         if keys.get(key) == Some(&Some(token)) { keys.remove(key); Ok(true) } else { Ok(false) }
///     }
/// }
///
/// let dedup = Deduplicator::new(Forever::default());
/// # let _ = dedup;
/// ```
pub trait DedupStore: Send + Sync + fmt::Debug {
    /// Claims `key` for `token` for `lease`: if the key is absent or expired
    /// (or already pending with `token`, so that a command retried after a
    /// lost reply still wins), it becomes pending with `token` and the answer
    /// is [`Claimed`](ClaimOutcome::Claimed); otherwise nothing changes and
    /// the answer says whether it is [`InFlight`](ClaimOutcome::InFlight) or
    /// [`Done`](ClaimOutcome::Done).
    fn claim(&self, key: &DedupKey, token: ClaimToken, lease: Duration) -> Result<ClaimOutcome, StoreError>;

    /// [`claim`](DedupStore::claim), for a delivery that is **not yet
    /// authenticated**: `handle` claims Ignisign deliveries before their
    /// single-use token is checked (checking it first would spend the token of
    /// every copy). Anyone can send such a delivery, so a store that makes
    /// room by evicting keys must not evict anything for this claim: when it
    /// has no free place, it answers with an error (which `handle` answers
    /// 503, so a real delivery is retried), as [`MemoryStore`](super::MemoryStore)
    /// does. The default calls [`claim`](DedupStore::claim), right for stores
    /// that never evict (Redis, PostgreSQL: keys leave only when they expire).
    fn claim_unauthenticated(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> Result<ClaimOutcome, StoreError> {
        self.claim(key, token, lease)
    }

    /// Records that a callback run succeeded: if the key is pending with
    /// `token`, or absent or expired (the lease ran out before the callbacks
    /// finished, and nobody claimed it since), it becomes done for `ttl` and
    /// the answer is `true`; if it is already done, `true` and nothing
    /// changes; if another attempt holds it, `false` and nothing changes.
    fn complete(&self, key: &DedupKey, token: ClaimToken, ttl: Duration) -> Result<bool, StoreError>;

    /// Releases `token`'s claim: if the key is pending with `token` it is
    /// removed (`true`); anything else is left alone (`false`).
    fn release(&self, key: &DedupKey, token: ClaimToken) -> Result<bool, StoreError>;
}

/// Where keys are remembered, async: used by
/// [`Webhooks::handle_async`](crate::Webhooks::handle_async) through an
/// [`AsyncDeduplicator`](super::AsyncDeduplicator), so that no store call
/// blocks the executor. The same states and rules as [`DedupStore`].
pub trait AsyncDedupStore: Send + Sync + fmt::Debug {
    /// [`DedupStore::claim`], async.
    fn claim_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome>;

    /// [`DedupStore::claim_unauthenticated`], async. The default calls
    /// [`claim_async`](AsyncDedupStore::claim_async).
    fn claim_unauthenticated_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        self.claim_async(key, token, lease)
    }

    /// [`DedupStore::complete`], async.
    fn complete_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken, ttl: Duration) -> StoreFuture<'a, bool>;

    /// [`DedupStore::release`], async.
    fn release_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken) -> StoreFuture<'a, bool>;

    /// Releases `token`'s claim without waiting: called when a
    /// `handle_async` future is dropped (a server timeout, a client that went
    /// away) before its claim was settled. It must not block; start the
    /// release in the background if the store can. The default does nothing:
    /// the claim then lasts until its lease expires.
    fn release_detached(&self, key: &DedupKey, token: ClaimToken) {
        let _ = (key, token);
    }
}

/// A shared store: one `Arc` can serve a [`Deduplicator`](super::Deduplicator)
/// and an [`AsyncDeduplicator`](super::AsyncDeduplicator) at once.
impl<S: DedupStore + ?Sized> DedupStore for std::sync::Arc<S> {
    fn claim(&self, key: &DedupKey, token: ClaimToken, lease: Duration) -> Result<ClaimOutcome, StoreError> {
        (**self).claim(key, token, lease)
    }
    fn claim_unauthenticated(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> Result<ClaimOutcome, StoreError> {
        (**self).claim_unauthenticated(key, token, lease)
    }
    fn complete(&self, key: &DedupKey, token: ClaimToken, ttl: Duration) -> Result<bool, StoreError> {
        (**self).complete(key, token, ttl)
    }
    fn release(&self, key: &DedupKey, token: ClaimToken) -> Result<bool, StoreError> {
        (**self).release(key, token)
    }
}

/// A shared store.
impl<S: AsyncDedupStore + ?Sized> AsyncDedupStore for std::sync::Arc<S> {
    fn claim_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        (**self).claim_async(key, token, lease)
    }
    fn claim_unauthenticated_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        (**self).claim_unauthenticated_async(key, token, lease)
    }
    fn complete_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken, ttl: Duration) -> StoreFuture<'a, bool> {
        (**self).complete_async(key, token, ttl)
    }
    fn release_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken) -> StoreFuture<'a, bool> {
        (**self).release_async(key, token)
    }
    fn release_detached(&self, key: &DedupKey, token: ClaimToken) {
        (**self).release_detached(key, token);
    }
}
