//! The stored form of a [`VerifiedBody`]: a small, strict, versioned binary
//! encoding, for queues and databases.
//!
//! The format is documented on [`VerifiedBody::from_trusted_store`].

use crate::Vendor;
use crate::dispatch::VerifiedBody;
use crate::error::{Error, ErrorKind, StoredBodyError};
use crate::plugin::Authenticated;
use crate::verify::Verified;

/// The first bytes of every stored form.
const MAGIC: &[u8; 4] = b"EWVB";

/// The version [`VerifiedBody::to_stored`] writes.
const VERSION: u8 = 1;

const HAS_KEY_INDEX: u8 = 1;
const HAS_TIMESTAMP: u8 = 1 << 1;
const HAS_KEPT: u8 = 1 << 2;
const KNOWN_FLAGS: u8 = HAS_KEY_INDEX | HAS_TIMESTAMP | HAS_KEPT;

/// The longest slug the format accepts (every vendor's is far shorter).
const MAX_SLUG: usize = 32;

/// The longest kept value (a header value) the format accepts.
const MAX_KEPT: usize = 64 * 1024;

impl VerifiedBody<'_> {
    /// The value in its stored form (format version 1, documented in
    /// [`from_trusted_store`](VerifiedBody::from_trusted_store)), for a queue
    /// or a database: the vendor, what the check established, the verified
    /// part's place, the kept request value and the raw body.
    ///
    /// The stored form holds the body and the kept value as received: treat
    /// it like the request itself (Ignisign's body holds a token, Adobe's kept
    /// value is the client id).
    pub fn to_stored(&self) -> Vec<u8> {
        let (vendor, body, authenticated) = self.stored_parts();
        let verified = authenticated.verified();
        let slug = vendor.slug().as_bytes();
        let kept = authenticated.kept().map(str::as_bytes);
        let mut out = Vec::with_capacity(64 + slug.len() + kept.map_or(0, <[u8]>::len) + body.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        // Slugs are short ASCII words of the vendor table.
        out.push(slug.len().min(MAX_SLUG) as u8);
        out.extend_from_slice(slug.get(..MAX_SLUG.min(slug.len())).unwrap_or_default());
        let mut flags = 0;
        if verified.key_index().is_some() {
            flags |= HAS_KEY_INDEX;
        }
        if verified.timestamp().is_some() {
            flags |= HAS_TIMESTAMP;
        }
        if kept.is_some() {
            flags |= HAS_KEPT;
        }
        out.push(flags);
        if let Some(index) = verified.key_index() {
            out.extend_from_slice(&(index as u64).to_be_bytes());
        }
        if let Some(timestamp) = verified.timestamp() {
            out.extend_from_slice(&timestamp.to_be_bytes());
        }
        let range = authenticated.range();
        out.extend_from_slice(&(range.start as u64).to_be_bytes());
        out.extend_from_slice(&(range.end as u64).to_be_bytes());
        if let Some(kept) = kept {
            // Header values fit the limit; a longer one is cut at a character
            // boundary rather than written in a form that cannot be read back.
            let kept = cut(kept, MAX_KEPT);
            out.extend_from_slice(&(kept.len() as u32).to_be_bytes());
            out.extend_from_slice(kept);
        }
        out.extend_from_slice(&(body.len() as u64).to_be_bytes());
        out.extend_from_slice(body);
        out
    }

    /// Reads back a [`to_stored`](VerifiedBody::to_stored) form, **trusting
    /// the store**: nothing in the bytes proves they were verified, so only
    /// bytes your own code wrote to storage that only it can write may come
    /// here, never bytes from a request.
    ///
    /// # Format, version 1
    ///
    /// All integers are big-endian; there is no padding and nothing after the body.
    ///
    /// | Bytes | Field |
    /// |---|---|
    /// | 4 | magic `EWVB` |
    /// | 1 | version: `1` |
    /// | 1 + n | vendor: its slug's length `n` (1 to 32), then the slug ([`Vendor::slug`]) |
    /// | 1 | flags: bit 0 a key index follows, bit 1 a timestamp follows, bit 2 a kept value follows; other bits `0` |
    /// | 8 | key index ([`Verified::key_index`](crate::verify::Verified::key_index)), when flagged |
    /// | 8 | timestamp ([`Verified::timestamp`](crate::verify::Verified::timestamp)), signed, when flagged |
    /// | 8 + 8 | the verified part: its start and end offsets in the body, `start <= end <= body length` |
    /// | 4 + n | the kept request value (UTF-8, at most 64 KiB), when flagged |
    /// | 8 + n | the body: its length, then its bytes, to the very end |
    ///
    /// Reading refuses another magic, an unknown version, unknown flags, a
    /// truncated or over-long value, a vendor this crate does not know, a span
    /// outside the body, a key index that does not fit `usize`, and a kept value
    /// that is not UTF-8, each with its [`StoredBodyError`]; it never panics.
    /// A later version of the crate reads every earlier version.
    ///
    /// ```
    /// use esign_webhooks::{Secret, VerifiedBody, Webhooks, constellation};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
    ///     .build()?;
    /// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
    /// let stored: Vec<u8> = webhooks.verify(body, &[("x-token", "t")])?.to_stored();
    /// // … in a queue …
    /// let verified = VerifiedBody::from_trusted_store(&stored)?;
    /// assert_eq!(verified.body(), body);
    /// let event = verified.parse()?;
    /// # let _ = event;
    /// assert!(VerifiedBody::from_trusted_store(&stored[..stored.len() - 1]).is_err());
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn from_trusted_store(stored: &[u8]) -> Result<VerifiedBody<'static>, Error> {
        decode(stored).map_err(|reason| Error::new(ErrorKind::MalformedStoredBody { reason }))
    }
}

fn decode(stored: &[u8]) -> Result<VerifiedBody<'static>, StoredBodyError> {
    let mut reader = Reader(stored);
    if reader.take(MAGIC.len()).map_err(|_| StoredBodyError::NotStored)? != MAGIC {
        return Err(StoredBodyError::NotStored);
    }
    let version = reader.byte()?;
    if version != VERSION {
        return Err(StoredBodyError::UnsupportedVersion { version });
    }
    let slug_len = usize::from(reader.byte()?);
    if slug_len == 0 || slug_len > MAX_SLUG {
        return Err(StoredBodyError::UnknownVendor);
    }
    let slug = core::str::from_utf8(reader.take(slug_len)?).map_err(|_| StoredBodyError::UnknownVendor)?;
    let vendor: Vendor = slug.parse().map_err(|_| StoredBodyError::UnknownVendor)?;
    let flags = reader.byte()?;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(StoredBodyError::UnknownFlags);
    }
    let key_index = match flags & HAS_KEY_INDEX {
        0 => None,
        _ => Some(usize::try_from(reader.u64()?).map_err(|_| StoredBodyError::KeyIndexOutOfRange)?),
    };
    let timestamp = match flags & HAS_TIMESTAMP {
        0 => None,
        _ => Some(i64::from_be_bytes(reader.array()?)),
    };
    let start = reader.u64()?;
    let end = reader.u64()?;
    let kept = match flags & HAS_KEPT {
        0 => None,
        _ => {
            let len = u32::from_be_bytes(reader.array()?);
            let len = usize::try_from(len).map_err(|_| StoredBodyError::MalformedKeptValue)?;
            if len > MAX_KEPT {
                return Err(StoredBodyError::MalformedKeptValue);
            }
            let bytes = reader.take(len)?;
            Some(
                core::str::from_utf8(bytes)
                    .map_err(|_| StoredBodyError::MalformedKeptValue)?
                    .to_owned(),
            )
        }
    };
    let body_len = usize::try_from(reader.u64()?).map_err(|_| StoredBodyError::Truncated)?;
    let body = reader.take(body_len)?.to_vec();
    if !reader.0.is_empty() {
        return Err(StoredBodyError::TrailingBytes);
    }
    let range = match (usize::try_from(start), usize::try_from(end)) {
        (Ok(start), Ok(end)) if start <= end && end <= body.len() => start..end,
        _ => return Err(StoredBodyError::SpanOutOfRange),
    };
    let authenticated = Authenticated::restored(Verified::new(key_index, timestamp), range, kept);
    Ok(VerifiedBody::restored(vendor, body, authenticated))
}

/// The longest prefix of `bytes` of at most `max` bytes that ends on a
/// UTF-8 character boundary (`bytes` is UTF-8).
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

/// Reads fields off the front of the stored bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], StoredBodyError> {
        if len > self.0.len() {
            return Err(StoredBodyError::Truncated);
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, StoredBodyError> {
        self.array::<1>().map(|[b]| b)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], StoredBodyError> {
        let bytes = self.take(N)?;
        let mut out = [0; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    fn u64(&mut self) -> Result<u64, StoredBodyError> {
        self.array().map(u64::from_be_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(kept: Option<&str>) -> VerifiedBody<'static> {
        let body = b"--b\r\nContent-Disposition: form-data; name=json\r\n\r\n{}\r\n--b--\r\n".to_vec();
        let authenticated = Authenticated::restored(Verified::new(Some(1), Some(-5)), 50..52, kept.map(str::to_owned));
        VerifiedBody::restored(Vendor::DropboxSign, body, authenticated)
    }

    #[test]
    fn round_trips_every_field() {
        for kept in [None, Some("CBJ-client-id-é")] {
            let value = sample(kept);
            let stored = value.to_stored();
            assert_eq!(&stored[..5], b"EWVB\x01");
            let back = VerifiedBody::from_trusted_store(&stored).unwrap();
            assert_eq!(back, value);
            assert_eq!(back.verified_part(), b"{}");
            assert_eq!(back.verified().key_index(), Some(1));
            assert_eq!(back.verified().timestamp(), Some(-5));
        }
    }

    fn reason(stored: &[u8]) -> StoredBodyError {
        match VerifiedBody::from_trusted_store(stored).unwrap_err().kind() {
            ErrorKind::MalformedStoredBody { reason } => *reason,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_every_malformation_with_its_reason() {
        let stored = sample(Some("id")).to_stored();
        // Every truncation is refused, never a panic.
        for end in 0..stored.len() {
            let err = reason(&stored[..end]);
            assert!(
                matches!(err, StoredBodyError::Truncated | StoredBodyError::NotStored),
                "{end}: {err:?}"
            );
        }
        let mut longer = stored.clone();
        longer.push(0);
        assert_eq!(reason(&longer), StoredBodyError::TrailingBytes);
        let mut version = stored.clone();
        version[4] = 2;
        assert_eq!(reason(&version), StoredBodyError::UnsupportedVersion { version: 2 });
        let mut magic = stored.clone();
        magic[0] = b'X';
        assert_eq!(reason(&magic), StoredBodyError::NotStored);
        // The slug "dropboxsign" sits at 6..17; the flags byte follows.
        let mut vendor = stored.clone();
        vendor[6] = b'x';
        assert_eq!(reason(&vendor), StoredBodyError::UnknownVendor);
        let mut flags = stored.clone();
        flags[17] |= 0x80;
        assert_eq!(reason(&flags), StoredBodyError::UnknownFlags);
        // The span: key index (8) and timestamp (8) follow the flags.
        let mut span = stored.clone();
        span[18 + 16..18 + 24].copy_from_slice(&1000u64.to_be_bytes());
        assert_eq!(reason(&span), StoredBodyError::SpanOutOfRange);
        let mut inverted = stored.clone();
        inverted[18 + 16..18 + 24].copy_from_slice(&53u64.to_be_bytes());
        assert_eq!(reason(&inverted), StoredBodyError::SpanOutOfRange);
        let mut kept = stored.clone();
        kept[18 + 32 + 4] = 0xFF;
        assert_eq!(reason(&kept), StoredBodyError::MalformedKeptValue);
        let mut key = stored;
        key[18..26].copy_from_slice(&u64::MAX.to_be_bytes());
        if usize::BITS < 64 {
            assert_eq!(reason(&key), StoredBodyError::KeyIndexOutOfRange);
        } else {
            assert_eq!(
                VerifiedBody::from_trusted_store(&key).unwrap().verified().key_index(),
                Some(usize::MAX)
            );
        }
    }

    #[test]
    fn errors_say_little_and_map_to_a_server_error() {
        let err = VerifiedBody::from_trusted_store(b"EWVB\x09").unwrap_err();
        assert_eq!(
            err.to_string(),
            "malformed stored verified body: unsupported stored body version 9"
        );
        assert_eq!(err.status(), http::StatusCode::INTERNAL_SERVER_ERROR);
    }
}
