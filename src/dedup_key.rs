//! [`DedupKey`]: what identifies a delivery. Each vendor's plug-in derives
//! its events' keys ([`Plugin::dedup_key`](crate::plugin::Plugin::dedup_key)).

use core::fmt;
use std::io;

use sha2::{Digest, Sha256};

use crate::tenant_id::TenantId;
use crate::vendor::Vendor;

/// Identifies a delivery for deduplication: a vendor and a SHA-256 digest.
///
/// Keys are digests, so they have a fixed size whatever the body, and a key
/// never reveals what it was made from (an Ignisign token, an e-mail address).
/// [`DedupKey::of`] derives the key of a verified event.
///
/// Each vendor's module says what its key is made of and why, in its
/// `# What identifies one event` section (DocuSign's `event`, envelope and
/// recipient ids and `generatedDateTime`; Ignisign's single-use
/// `verificationToken`; Yousign's `event_id`; Documenso's payload without the
/// `createdAt` it recomputes per attempt; …).
///
/// Except for Ignisign, the key identifies *what happened*, not the delivery:
/// a retry of the same event has the same key whatever the formatting, key
/// order or unknown fields of its body, and two deliveries that say exactly
/// the same thing (a signer viewing an envelope twice, with no time in the
/// body) share a key too. Use [`DedupKey::from_body`] to key on the exact
/// bytes instead, or [`DedupKey::from_parts`] for a key of your own.
///
/// ```
/// use esign_webhooks::dedup::DedupKey;
/// use esign_webhooks::{Vendor, dangerous};
///
/// let compact = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let spaced = br#"{ "data": { "status": 3, "type": "SessionStatus", "signingSessionId": "3F2504E0-4F89-11D3-9A0C-0305E82C3301" } }"#;
/// let a = DedupKey::of(&dangerous::parse_unverified(Vendor::Constellation, compact)?);
/// let b = DedupKey::of(&dangerous::parse_unverified(Vendor::Constellation, spaced)?);
/// assert_eq!(a, b);
/// assert!(a.to_string().starts_with("constellation:"));
/// assert_ne!(DedupKey::from_body(Vendor::Constellation, compact), DedupKey::from_body(Vendor::Constellation, spaced));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DedupKey {
    vendor: Vendor,
    digest: [u8; 32],
}

impl DedupKey {
    /// A key from the exact body bytes: only byte-identical deliveries share it.
    pub fn from_body(vendor: Vendor, body: &[u8]) -> DedupKey {
        DedupKey::from_parts(vendor, [b"body".as_slice(), body])
    }

    /// A key from parts of your choosing. Each part is length-prefixed before
    /// hashing, so `["ab", "c"]` and `["a", "bc"]` give different keys.
    ///
    /// ```
    /// use esign_webhooks::Vendor;
    /// use esign_webhooks::dedup::DedupKey;
    ///
    /// let a = DedupKey::from_parts(Vendor::SignPlus, [b"ab".as_slice(), b"c"]);
    /// let b = DedupKey::from_parts(Vendor::SignPlus, [b"a".as_slice(), b"bc"]);
    /// assert_ne!(a, b);
    /// ```
    pub fn from_parts<'a>(vendor: Vendor, parts: impl IntoIterator<Item = &'a [u8]>) -> DedupKey {
        let mut hasher = Hasher::new(vendor);
        for part in parts {
            hasher.part(part);
        }
        hasher.finish()
    }

    /// The canonical JSON the crate writes for `value`, hashed as it is written.
    pub(crate) fn from_json<T: serde::Serialize + ?Sized>(vendor: Vendor, value: &T) -> DedupKey {
        let mut hasher = Hasher::new(vendor);
        hasher.json(value);
        hasher.finish()
    }

    /// A key read back from storage (an inbox message): the vendor and the digest it was made of.
    #[cfg_attr(not(feature = "inbox"), allow(dead_code))]
    pub(crate) fn from_digest(vendor: Vendor, digest: [u8; 32]) -> DedupKey {
        DedupKey { vendor, digest }
    }

    /// This key in `tenant`'s namespace: the same delivery received for two
    /// tenants gets two keys, so one tenant's deliveries can never mark
    /// another's as duplicates. The vendor and the size stay the same (the
    /// digest is re-hashed with the tenant id), so every store keeps working
    /// unchanged. The one mechanism multi-tenant handling applies where a key
    /// is claimed ([`tenant`](crate::tenant)).
    ///
    /// ```
    /// use esign_webhooks::Vendor;
    /// use esign_webhooks::dedup::DedupKey;
    /// use esign_webhooks::tenant::TenantId;
    ///
    /// let key = DedupKey::from_body(Vendor::Yousign, b"{}");
    /// let acme = key.for_tenant(&TenantId::new("acme")?);
    /// assert_ne!(acme, key);
    /// assert_ne!(acme, key.for_tenant(&TenantId::new("globex")?));
    /// assert_eq!(acme, key.for_tenant(&TenantId::new("acme")?));
    /// assert_eq!(acme.vendor(), Vendor::Yousign);
    /// # Ok::<(), esign_webhooks::tenant::InvalidTenantId>(())
    /// ```
    pub fn for_tenant(&self, tenant: &TenantId) -> DedupKey {
        let mut sha = Sha256::new();
        sha.update(b"esign-webhooks tenant v1\0");
        sha.update((tenant.as_str().len() as u64).to_le_bytes());
        sha.update(tenant.as_str().as_bytes());
        sha.update(self.digest);
        DedupKey {
            vendor: self.vendor,
            digest: sha.finalize().into(),
        }
    }

    /// The vendor of the delivery.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The SHA-256 digest.
    pub fn digest(&self) -> &[u8; 32] {
        &self.digest
    }
}

/// SHA-256 over the vendor's slug and length-prefixed parts.
pub(crate) struct Hasher {
    vendor: Vendor,
    sha: Sha256,
}

impl Hasher {
    pub(crate) fn new(vendor: Vendor) -> Self {
        let mut sha = Sha256::new();
        sha.update(b"esign-webhooks dedup v1\0");
        sha.update(vendor.slug().as_bytes());
        sha.update([0]);
        Hasher { vendor, sha }
    }

    pub(crate) fn part(&mut self, bytes: &[u8]) {
        self.sha.update((bytes.len() as u64).to_le_bytes());
        self.sha.update(bytes);
    }

    /// Hashes `value`'s JSON as a single part-like stream. The crate's
    /// models always serialize; should one ever fail, what was written so far
    /// plus a marker is hashed, which is still deterministic.
    pub(crate) fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) {
        self.sha.update(b"json\0");
        if serde_json::to_writer(HashWriter(&mut self.sha), value).is_err() {
            self.sha.update(b"\0unserializable");
        }
    }

    pub(crate) fn finish(self) -> DedupKey {
        DedupKey {
            vendor: self.vendor,
            digest: self.sha.finalize().into(),
        }
    }
}

struct HashWriter<'a>(&'a mut Sha256);

impl io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `vendor:hex`, e.g. `ignisign:9f86d081…`: safe to log and to use as a store key.
impl fmt::Display for DedupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.vendor.slug())?;
        f.write_str(":")?;
        for byte in self.digest {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for DedupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DedupKey({self})")
    }
}
