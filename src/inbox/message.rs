//! [`InboxMessage`]: what a receiver hands to an inbox, in a small, strict,
//! versioned binary envelope around the stored [`VerifiedBody`].

use core::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::dedup::DedupKey;
use crate::dispatch::VerifiedBody;
use crate::error::{ErrorKind, StoredBodyError};

/// The first bytes of every encoded message.
const MAGIC: &[u8; 4] = b"EWIM";

/// The version [`InboxMessage::encode`] writes.
const VERSION: u8 = 1;

const HAS_TENANT: u8 = 1;
const HAS_LAST_ERROR: u8 = 1 << 1;
const KNOWN_FLAGS: u8 = HAS_TENANT | HAS_LAST_ERROR;

/// The longest tenant name the format accepts.
pub const MAX_TENANT_LEN: usize = 1024;

/// The longest kept error text: longer ones are cut (at a character boundary).
pub const MAX_ERROR_LEN: usize = 16 * 1024;

/// A message's id: made by the receiver, carried to the worker, and logged by
/// both (the `message` field of their `tracing` spans), which is how a
/// worker's span is joined to the receiver's.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId([u8; 16]);

impl MessageId {
    /// A new random id (UUID v4).
    pub fn new() -> Self {
        MessageId(uuid::Uuid::new_v4().into_bytes())
    }

    /// The id of these bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        MessageId(bytes)
    }

    /// The id's bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl Default for MessageId {
    fn default() -> Self {
        MessageId::new()
    }
}

/// The hyphenated UUID form (`0f6e…-…`), which [`FromStr`](core::str::FromStr) reads back.
impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&uuid::Uuid::from_bytes(self.0).hyphenated(), f)
    }
}

impl fmt::Debug for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MessageId({self})")
    }
}

impl core::str::FromStr for MessageId {
    type Err = InboxMessageError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(text)
            .map(|id| MessageId(id.into_bytes()))
            .map_err(|_| InboxMessageError::MalformedId)
    }
}

/// Why bytes are not an [`InboxMessage`]. No variant repeats the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum InboxMessageError {
    /// The bytes do not start with the message magic (`EWIM`).
    #[error("not an inbox message")]
    NotAMessage,
    /// A version this crate does not know (a newer crate wrote it).
    #[error("unsupported inbox message version {version}")]
    UnsupportedVersion {
        /// The version byte read.
        version: u8,
    },
    /// The bytes end before a field does.
    #[error("the inbox message is truncated")]
    Truncated,
    /// A flag this version does not define is set.
    #[error("the inbox message has unknown flags")]
    UnknownFlags,
    /// The tenant is longer than [`MAX_TENANT_LEN`] or not UTF-8.
    #[error("the inbox message's tenant is malformed")]
    MalformedTenant,
    /// The kept error is longer than [`MAX_ERROR_LEN`] or not UTF-8.
    #[error("the inbox message's last error is malformed")]
    MalformedLastError,
    /// A message id in text form is not a UUID.
    #[error("malformed inbox message id")]
    MalformedId,
    /// The stored verified body inside is malformed.
    #[error("the inbox message's body is malformed: {0}")]
    Body(StoredBodyError),
}

/// One verified delivery on its way from a receiver to a worker: the vendor,
/// exactly the verified bytes with the metadata their parse needs (the
/// [stored form](VerifiedBody::to_stored) of a [`VerifiedBody`]), the
/// deduplication key, when it was received, the tenant (filled by
/// multi-tenant receivers; `None` otherwise), how many runs failed so far and
/// the last failure's text.
///
/// Its `Debug` shows the body's length, never its bytes: the body is the
/// request's and may hold a credential (Ignisign's token).
///
/// # Encoding, version 1
///
/// [`encode`](InboxMessage::encode) writes, and [`decode`](InboxMessage::decode)
/// reads (refusing anything else with an [`InboxMessageError`], never panicking):
///
/// | Bytes | Field |
/// |---|---|
/// | 4 | magic `EWIM` |
/// | 1 | version: `1` |
/// | 16 | message id |
/// | 8 | received time, milliseconds since the Unix epoch |
/// | 4 | failed attempts so far |
/// | 1 | flags: bit 0 a tenant follows, bit 1 a last error follows; other bits `0` |
/// | 32 | the deduplication key's SHA-256 digest (its vendor is the body's) |
/// | 2 + n | tenant (UTF-8, at most 1 KiB), when flagged |
/// | 4 + n | last error (UTF-8, at most 16 KiB), when flagged |
/// | rest | the body's [stored form](VerifiedBody::from_trusted_store) (version 1), to the very end |
///
/// All integers are big-endian. A later version of the crate reads every
/// earlier version.
///
/// ```
/// use esign_webhooks::inbox::InboxMessage;
/// use esign_webhooks::{Secret, Webhooks, constellation};
///
/// let webhooks = Webhooks::builder()
///     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
///     .build()?;
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let verified = webhooks.verify(body, &[("x-token", "t")])?;
/// let message = InboxMessage::of(&verified).with_tenant(Some("acme".into()));
/// let bytes = message.encode();
/// let back = InboxMessage::decode(&bytes).expect("written by encode");
/// assert_eq!(back, message);
/// assert_eq!(back.body().body(), body);
/// assert!(InboxMessage::decode(&bytes[..bytes.len() - 1]).is_err());
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct InboxMessage {
    id: MessageId,
    body: VerifiedBody<'static>,
    key: DedupKey,
    received_at: SystemTime,
    tenant: Option<String>,
    attempts: u32,
    last_error: Option<String>,
}

impl fmt::Debug for InboxMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InboxMessage")
            .field("id", &self.id)
            .field("vendor", &self.body.vendor())
            .field("key", &self.key)
            .field("body", &format_args!("{} bytes", self.body.body().len()))
            .field("received_at", &self.received_at)
            .field("tenant", &self.tenant)
            .field("attempts", &self.attempts)
            .field("last_error", &self.last_error)
            .finish()
    }
}

impl InboxMessage {
    /// A message for a verified delivery, received now, with a new id and the
    /// deduplication key callbacks use for it: the event's
    /// ([`DedupKey::of`]) when the model reads it, the verified bytes' otherwise
    /// (an unreadable delivery, as `on_unreadable` keys it).
    pub fn of(verified: &VerifiedBody<'_>) -> Self {
        let key = match verified.parse() {
            Ok(event) => DedupKey::of(&event),
            Err(_) => DedupKey::from_body(verified.vendor(), verified.verified_part()),
        };
        InboxMessage::with_key(verified, key)
    }

    /// A message for a verified delivery under a key you computed.
    pub fn with_key(verified: &VerifiedBody<'_>, key: DedupKey) -> Self {
        InboxMessage {
            id: MessageId::new(),
            body: verified.clone().into_owned(),
            key,
            // At the encoding's precision, so a message equals its decoded copy.
            received_at: UNIX_EPOCH + Duration::from_millis(millis(SystemTime::now())),
            tenant: None,
            attempts: 0,
            last_error: None,
        }
    }

    /// The message with this tenant (at most [`MAX_TENANT_LEN`] bytes: a longer
    /// one is cut at a character boundary).
    pub fn with_tenant(mut self, tenant: Option<String>) -> Self {
        self.tenant = tenant.map(|t| cut_string(t, MAX_TENANT_LEN));
        self
    }

    /// The message after one more failed run, keeping `error` (cut to
    /// [`MAX_ERROR_LEN`]): what a worker hands back to its inbox on a retry.
    pub fn failed(mut self, error: &str) -> Self {
        self.attempts = self.attempts.saturating_add(1);
        self.last_error = Some(cut_string(error.to_owned(), MAX_ERROR_LEN));
        self
    }

    /// The message as it was first pushed: no failed attempt, no error (a replayed dead letter).
    pub fn reset(mut self) -> Self {
        self.attempts = 0;
        self.last_error = None;
        self
    }

    /// The id, made by the receiver.
    pub fn id(&self) -> MessageId {
        self.id
    }

    /// The vendor of the delivery.
    pub fn vendor(&self) -> crate::Vendor {
        self.body.vendor()
    }

    /// The verified delivery: exactly the bytes the receiver verified, and what the parse needs.
    pub fn body(&self) -> &VerifiedBody<'static> {
        &self.body
    }

    /// The deduplication key.
    pub fn key(&self) -> &DedupKey {
        &self.key
    }

    /// When the receiver got it (to the millisecond).
    pub fn received_at(&self) -> SystemTime {
        self.received_at
    }

    /// The tenant the delivery is for, when a multi-tenant receiver said so.
    pub fn tenant(&self) -> Option<&str> {
        self.tenant.as_deref()
    }

    /// How many runs of it failed so far.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The last failure's text, when a run failed.
    pub fn last_error(&self) -> Option<&str> {
        self.last_error.as_deref()
    }

    /// The message in its encoded form (version 1, see the [type's docs](InboxMessage)).
    pub fn encode(&self) -> Vec<u8> {
        let stored = self.body.to_stored();
        let mut out = Vec::with_capacity(80 + stored.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.id.0);
        out.extend_from_slice(&millis(self.received_at).to_be_bytes());
        out.extend_from_slice(&self.attempts.to_be_bytes());
        let mut flags = 0;
        if self.tenant.is_some() {
            flags |= HAS_TENANT;
        }
        if self.last_error.is_some() {
            flags |= HAS_LAST_ERROR;
        }
        out.push(flags);
        out.extend_from_slice(self.key.digest());
        if let Some(tenant) = &self.tenant {
            // `with_tenant` bounds it; decoding refuses what this would not write.
            let tenant = cut(tenant.as_bytes(), MAX_TENANT_LEN);
            out.extend_from_slice(&(tenant.len() as u16).to_be_bytes());
            out.extend_from_slice(tenant);
        }
        if let Some(error) = &self.last_error {
            let error = cut(error.as_bytes(), MAX_ERROR_LEN);
            out.extend_from_slice(&(error.len() as u32).to_be_bytes());
            out.extend_from_slice(error);
        }
        out.extend_from_slice(&stored);
        out
    }

    /// Reads an [`encode`](InboxMessage::encode)d message, **trusting the
    /// inbox**: nothing in the bytes proves they were verified, so only bytes
    /// that receivers wrote to an inbox only they can write may come here.
    pub fn decode(bytes: &[u8]) -> Result<InboxMessage, InboxMessageError> {
        let mut reader = Reader(bytes);
        if reader.take(MAGIC.len()).map_err(|_| InboxMessageError::NotAMessage)? != MAGIC {
            return Err(InboxMessageError::NotAMessage);
        }
        let version = reader.array::<1>()?[0];
        if version != VERSION {
            return Err(InboxMessageError::UnsupportedVersion { version });
        }
        let id = MessageId(reader.array()?);
        let received_at = UNIX_EPOCH
            .checked_add(Duration::from_millis(u64::from_be_bytes(reader.array()?)))
            .unwrap_or(UNIX_EPOCH);
        let attempts = u32::from_be_bytes(reader.array()?);
        let [flags] = reader.array::<1>()?;
        if flags & !KNOWN_FLAGS != 0 {
            return Err(InboxMessageError::UnknownFlags);
        }
        let digest: [u8; 32] = reader.array()?;
        let tenant = match flags & HAS_TENANT {
            0 => None,
            _ => {
                let len = usize::from(u16::from_be_bytes(reader.array()?));
                if len > MAX_TENANT_LEN {
                    return Err(InboxMessageError::MalformedTenant);
                }
                Some(text(reader.take(len)?).ok_or(InboxMessageError::MalformedTenant)?)
            }
        };
        let last_error = match flags & HAS_LAST_ERROR {
            0 => None,
            _ => {
                let len = usize::try_from(u32::from_be_bytes(reader.array()?)).unwrap_or(usize::MAX);
                if len > MAX_ERROR_LEN {
                    return Err(InboxMessageError::MalformedLastError);
                }
                Some(text(reader.take(len)?).ok_or(InboxMessageError::MalformedLastError)?)
            }
        };
        let body = VerifiedBody::from_trusted_store(reader.0).map_err(|err| match err.kind() {
            ErrorKind::MalformedStoredBody { reason } => InboxMessageError::Body(*reason),
            _ => InboxMessageError::Body(StoredBodyError::NotStored),
        })?;
        Ok(InboxMessage {
            id,
            key: DedupKey::from_digest(body.vendor(), digest),
            body,
            received_at,
            tenant,
            attempts,
            last_error,
        })
    }
}

/// Milliseconds since the Unix epoch (0 before it).
fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

fn text(bytes: &[u8]) -> Option<String> {
    core::str::from_utf8(bytes).ok().map(str::to_owned)
}

/// The longest prefix of `bytes` (UTF-8) of at most `max` bytes ending on a character boundary.
fn cut(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let mut end = max;
    while end > 0 && bytes.get(end).is_some_and(|b| (0x80..0xC0).contains(b)) {
        end -= 1;
    }
    bytes.get(..end).unwrap_or_default()
}

fn cut_string(text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    let len = cut(text.as_bytes(), max).len();
    let mut text = text;
    text.truncate(len);
    text
}

/// Reads fields off the front of the bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], InboxMessageError> {
        if len > self.0.len() {
            return Err(InboxMessageError::Truncated);
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], InboxMessageError> {
        let bytes = self.take(N)?;
        let mut out = [0; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Secret, Webhooks, constellation};

    const BODY: &[u8] =
        br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;

    fn message() -> InboxMessage {
        let webhooks = Webhooks::builder()
            .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
            .build()
            .unwrap();
        let verified = webhooks.verify(BODY, &[("x-token", "t")]).unwrap();
        InboxMessage::of(&verified)
    }

    #[test]
    fn round_trips_every_field_at_millisecond_precision() {
        let plain = message();
        let full = plain.clone().with_tenant(Some("tenant-é".into())).failed("db down");
        for message in [plain, full] {
            let back = InboxMessage::decode(&message.encode()).unwrap();
            assert_eq!(back.id(), message.id());
            assert_eq!(back.key(), message.key());
            assert_eq!(back.tenant(), message.tenant());
            assert_eq!(back.attempts(), message.attempts());
            assert_eq!(back.last_error(), message.last_error());
            assert_eq!(back.body(), message.body());
            assert_eq!(millis(back.received_at()), millis(message.received_at()));
        }
    }

    #[test]
    fn the_key_is_the_events_as_handle_computes_it() {
        let message = message();
        let event = message.body().parse().unwrap();
        assert_eq!(*message.key(), DedupKey::of(&event));
    }

    #[test]
    fn refuses_every_malformation_with_its_reason_never_panicking() {
        let bytes = message().with_tenant(Some("t".into())).failed("e").encode();
        for end in 0..bytes.len() {
            assert!(InboxMessage::decode(&bytes[..end]).is_err(), "{end}");
        }
        let mut magic = bytes.clone();
        magic[0] = b'X';
        assert_eq!(InboxMessage::decode(&magic), Err(InboxMessageError::NotAMessage));
        let mut version = bytes.clone();
        version[4] = 9;
        assert_eq!(
            InboxMessage::decode(&version),
            Err(InboxMessageError::UnsupportedVersion { version: 9 })
        );
        // flags sit after magic (4), version (1), id (16), time (8), attempts (4).
        let mut flags = bytes.clone();
        flags[33] |= 0x40;
        assert_eq!(InboxMessage::decode(&flags), Err(InboxMessageError::UnknownFlags));
        // the tenant follows the digest (32): its length then one byte.
        let mut tenant = bytes.clone();
        tenant[34 + 32 + 2] = 0xFF;
        assert_eq!(InboxMessage::decode(&tenant), Err(InboxMessageError::MalformedTenant));
        let mut long_tenant = bytes.clone();
        long_tenant[34 + 32..34 + 34].copy_from_slice(&u16::MAX.to_be_bytes());
        assert_eq!(
            InboxMessage::decode(&long_tenant),
            Err(InboxMessageError::MalformedTenant)
        );
        let mut trailing = bytes;
        trailing.push(0);
        assert_eq!(
            InboxMessage::decode(&trailing),
            Err(InboxMessageError::Body(StoredBodyError::TrailingBytes))
        );
    }

    #[test]
    fn debug_never_shows_the_body() {
        let text = format!("{:?}", message());
        assert!(!text.contains("SigningSessionId"), "{text}");
        assert!(text.contains("bytes"));
    }

    #[test]
    fn message_ids_read_back_from_text() {
        let id = MessageId::new();
        assert_eq!(id.to_string().parse::<MessageId>(), Ok(id));
        assert_eq!("nope".parse::<MessageId>(), Err(InboxMessageError::MalformedId));
    }
}
