//! The Dropbox Sign check: `event.event_hash` against the HMAC of
//! `event_time` ‖ `event_type` keyed with the API key.

use std::borrow::Cow;

use hmac::Mac;
use serde::Deserialize;
use subtle::{ConstantTimeEq, ConstantTimeLess};

use super::body;
use crate::clock::Clock;
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::json_text::Reading;
use crate::plugin::{VendorVerifier, private};
use crate::secret::Secret;
use crate::verify::{HmacSha256, Verified, keyed_mac};
use crate::{Vendor, encoding};

/// How Dropbox Sign callbacks are authenticated: with your account's **API key**.
///
/// Dropbox Sign puts `event_hash` in the body: the lower-case hex
/// HMAC-SHA256, keyed with the API key, of `event_time` immediately followed
/// by `event_type` (the SDKs' `EventCallbackHelper.isValid`). The crate
/// compares it in constant time (the SDKs do not), hiding its length.
///
/// **What this proves, and what not.** Only that the event's *time and type*
/// were produced by someone holding your API key. The rest of the body is not
/// covered: it can be altered, and a captured callback replayed at any time,
/// without the hash changing. [`Verified::timestamp`] gives the signed
/// `event_time`; confirm state through the API before acting.
///
/// ```
/// use esign_webhooks::{Webhooks, dropboxsign};
/// let webhooks = Webhooks::builder()
///     .dropboxsign(dropboxsign::Verifier::new("324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782"))
///     .build()?;
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    keys: Vec<Key>,
}

#[derive(Clone)]
struct Key {
    mac: HmacSha256,
    empty: bool,
}

impl Verifier {
    /// Checks callbacks with this API key (used verbatim, as its UTF-8 bytes).
    pub fn new(api_key: impl Into<Secret>) -> Self {
        Verifier {
            keys: vec![Key::new(&api_key.into())],
        }
    }

    /// Accepts one more API key, e.g. the new one while you change keys; every
    /// key is tried and [`Verified::key_index`] says which matched. (Dropbox
    /// Sign is reported to sign with the account's primary key only.)
    pub fn with_api_key(mut self, api_key: impl Into<Secret>) -> Self {
        self.keys.push(Key::new(&api_key.into()));
        self
    }

    /// Checks a request: finds the callback JSON, reads `event_time`,
    /// `event_type` and `event_hash`, and compares the hash.
    pub(super) fn check<'a, H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'a, H>,
        reading: Reading,
    ) -> Result<(Verified, &'a [u8]), Error> {
        let json = body::callback_json(incoming)?;
        self.check_json(json, reading).map(|verified| (verified, json))
    }

    /// Checks the callback JSON itself, reading it as far as `reading` says
    /// ([`Reading::UpToKey`] where the typed parse of `json` follows).
    pub(super) fn check_json(&self, json: &[u8], reading: Reading) -> Result<Verified, Error> {
        let event: Option<ProofEvent<'_>> = crate::json_text::member(json, "event", reading)
            .map_err(|err| Error::malformed_payload(json, err).with_vendor(Vendor::DropboxSign))?;
        let event = event.ok_or(ErrorKind::MissingField { field: "event" })?;
        let time = event.event_time.ok_or(ErrorKind::MissingField {
            field: "event.event_time",
        })?;
        let kind = event.event_type.ok_or(ErrorKind::MissingField {
            field: "event.event_type",
        })?;
        let hash = event.event_hash.ok_or(ErrorKind::MissingField {
            field: "event.event_hash",
        })?;
        let time = time.text();
        let index = self.matching_key(time.as_bytes(), kind.as_bytes(), hash.as_bytes());
        match index {
            Some(index) => Ok(Verified::new(Some(index), time.parse().ok())),
            None => Err(Error::new(ErrorKind::AuthenticationFailed)),
        }
    }

    /// The index of the key whose MAC is `hash`. Every key is tried and each
    /// comparison takes the same time whatever `hash` is, its length included.
    fn matching_key(&self, time: &[u8], kind: &[u8], hash: &[u8]) -> Option<usize> {
        // `hash` is copied into a buffer of the expected length, so the
        // comparison never depends on where, or whether, its length differs.
        let mut received = [0u8; HEX_LEN];
        received.iter_mut().zip(hash).for_each(|(r, h)| *r = *h);
        let right_length = (hash.len() as u64).ct_eq(&(HEX_LEN as u64));
        let not_longer = !(HEX_LEN as u64).ct_lt(&(hash.len() as u64));
        let mut found = None;
        for (index, key) in self.keys.iter().enumerate() {
            let mut mac = key.mac.clone();
            mac.update(time);
            mac.update(kind);
            let expected = encoding::encode_hex(&mac.finalize().into_bytes());
            let equal = expected.as_bytes().ct_eq(&received) & right_length & not_longer;
            if bool::from(equal) && found.is_none() {
                found = Some(index);
            }
        }
        found
    }
}

/// Lower-case hex of an HMAC-SHA256.
const HEX_LEN: usize = 64;

impl Key {
    fn new(secret: &Secret) -> Self {
        Key {
            mac: keyed_mac(secret.expose()),
            empty: secret.is_blank(),
        }
    }
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Verifier")
            .field("api_keys", &format_args!("{} [REDACTED]", self.keys.len()))
            .finish()
    }
}

/// What the check reads: three fields of `event`, borrowed where the JSON has
/// no escapes. Everything else is skipped.
#[derive(Deserialize)]
struct ProofEvent<'a> {
    #[serde(borrow, default)]
    event_time: Option<Time<'a>>,
    #[serde(borrow, default)]
    event_type: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    event_hash: Option<Cow<'a, str>>,
}

/// `event_time`: a string, or a number read as its digits (as the SDKs'
/// string interpolation does).
#[derive(Deserialize)]
#[serde(untagged)]
enum Time<'a> {
    Text(#[serde(borrow)] Cow<'a, str>),
    Unsigned(u64),
    Signed(i64),
}

impl Time<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Time::Text(text) => Cow::Borrowed(text.as_ref()),
            Time::Unsigned(n) => Cow::Owned(n.to_string()),
            Time::Signed(n) => Cow::Owned(n.to_string()),
        }
    }
}

impl private::Sealed for Verifier {}

/// The checks of the vendor's own proof (see [`VendorVerifier`]).
impl VendorVerifier for Verifier {
    fn validate(&self) -> Result<(), Error> {
        if self.keys.iter().any(|key| key.empty) {
            return Err(Error::configuration("a Dropbox Sign API key is empty or blank"));
        }
        Ok(())
    }

    /// Dropbox Sign sends no credential header: nothing but the body names it.
    fn identifies<H: Headers + ?Sized>(&self, _: &Incoming<'_, H>) -> bool {
        false
    }

    fn authenticate<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>, _: &dyn Clock) -> Result<Verified, Error> {
        self.check(incoming, Reading::Whole).map(|(verified, _)| verified)
    }

    /// `secret_env`: the variable(s) holding the value, several for a rotation.
    fn from_config(
        config: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, crate::config::ConfigError> {
        let mut keys = config.vendor_secrets(crate::Vendor::DropboxSign, env)?;
        let first = keys.remove(0); // `vendor_secrets` gives at least one
        let mut verifier = Verifier::new(first);
        for key in keys {
            verifier = verifier.with_api_key(key);
        }
        Ok(verifier)
    }
}
