//! SignWell's in-body proof: `event.hash`, keyed with the webhook id.

use hmac::Mac;
use serde::Deserialize;
use serde_json::value::RawValue;
use subtle::{Choice, ConstantTimeEq};

use crate::clock::Clock;
use crate::encoding::{self, FixedBuf};
use crate::error::ErrorKind;
use crate::headers::{Headers, Incoming};
use crate::json_text::Reading;
use crate::plugin::{VendorVerifier, private};
use crate::verify::{HmacSha256, Verified, keyed_mac};
use crate::{Error, Secret, Vendor};

/// How SignWell deliveries are authenticated: the webhook id(s) that key
/// `event.hash`.
///
/// **What this proves, and what it does not.** `event.hash` is the hex
/// HMAC-SHA256 of `"<event.type>@<event.time>"` keyed with the webhook's id.
/// A match proves that someone who knows the id produced that type and time.
/// It does **not** cover the body: `data` (the document) and
/// `event.related_signer` can be changed freely. It gives **no replay
/// protection**: SignWell publishes no tolerance, and one genuine delivery can
/// be re-sent forever (the crate checks no age). And the key is an id the
/// API returns to anyone with API access, not a dedicated secret. Treat a
/// delivery as a hint: fetch the document through the API before acting, and
/// deduplicate.
#[derive(Clone)]
pub struct Verifier {
    keys: Vec<(HmacSha256, bool)>,
}

impl Verifier {
    /// Checks `event.hash` with the id of the webhook (returned when it is
    /// created, or by the webhook list endpoint).
    pub fn new(webhook_id: Secret) -> Self {
        Verifier {
            keys: vec![Self::key(&webhook_id)],
        }
    }

    /// Accepts deliveries of one more webhook (several webhooks to one endpoint).
    pub fn with_webhook_id(mut self, webhook_id: Secret) -> Self {
        self.keys.push(Self::key(&webhook_id));
        self
    }

    fn key(webhook_id: &Secret) -> (HmacSha256, bool) {
        (keyed_mac(webhook_id.expose()), webhook_id.is_blank())
    }

    /// Reads `event.type`, `event.time` and `event.hash` from the body and
    /// compares the hash with every configured id's, in constant time.
    pub(super) fn check(&self, body: &[u8]) -> Result<Verified, Error> {
        self.check_reading(body, Reading::Whole)
    }

    /// [`check`](Self::check), reading `body` as far as `reading` says:
    /// [`Reading::UpToKey`] where the typed parse of `body` follows.
    pub(super) fn check_reading(&self, body: &[u8], reading: Reading) -> Result<Verified, Error> {
        self.validate()?;
        let event: Option<ProofEvent<'_>> = crate::json_text::member(body, "event", reading)
            .map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::SignWell))?;
        let missing = |field| Error::new(ErrorKind::MissingField { field }).with_vendor(Vendor::SignWell);
        let event = event.ok_or_else(|| missing("event"))?;
        let event_type = event.event_type.ok_or_else(|| missing("event.type"))?;
        let time = event.time.ok_or_else(|| missing("event.time"))?;
        let hash = event.hash.ok_or_else(|| missing("event.hash"))?;
        let mut buffer = FixedBuf::<32>::new();
        let presented = encoding::decode_hex_into(hash.as_bytes(), &mut buffer)
            .and_then(|()| buffer.full())
            // Not a 32-byte MAC in hex: no id can match it.
            .ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))?;
        let time_text = time_text(time);
        let mut matched = None;
        for (index, (mac, _)) in self.keys.iter().enumerate() {
            let mut mac = mac.clone();
            mac.update(event_type.as_bytes());
            mac.update(b"@");
            mac.update(time_text.as_bytes());
            let expected: [u8; 32] = mac.finalize().into_bytes().into();
            let ok: Choice = expected.ct_eq(&presented);
            if bool::from(ok) && matched.is_none() {
                matched = Some(index);
            }
        }
        let index = matched.ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))?;
        let seconds = time_text.parse::<i64>().ok();
        Ok(Verified::new(Some(index), seconds))
    }
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Verifier")
            .field("webhook_ids", &format_args!("{} [REDACTED]", self.keys.len()))
            .finish()
    }
}

/// The text of `event.time` as SignWell's samples interpolate it: a number's
/// JSON text, or a string's contents.
fn time_text(raw: &RawValue) -> String {
    let text = raw.get();
    serde_json::from_str::<String>(text).unwrap_or_else(|_| text.to_owned())
}

/// The minimal parse: only what the proof needs, in `event`.
#[derive(Deserialize)]
struct ProofEvent<'a> {
    #[serde(rename = "type")]
    event_type: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    time: Option<&'a RawValue>,
    hash: Option<std::borrow::Cow<'a, str>>,
}

/// The `event.hash` SignWell would send for `event_type` at `time` (Unix
/// seconds) from the webhook `webhook_id`: put it in a body to test your
/// handlers.
///
/// ```
/// use esign_webhooks::{Secret, signwell};
/// // other-vendors.md §15 (locally computed from SignWell's documented construction).
/// assert_eq!(
///     signwell::event_hash(&Secret::new("webhook-id-123"), "document_completed", 1_700_000_000),
///     "b4521f404ad26dd08a94dacf6bd9a6cd394d5da30b32b60b2b6361ab19db5e8a"
/// );
/// ```
pub fn event_hash(webhook_id: &Secret, event_type: &str, time: i64) -> String {
    let mut mac = keyed_mac(webhook_id.expose());
    mac.update(event_type.as_bytes());
    mac.update(b"@");
    mac.update(time.to_string().as_bytes());
    encoding::encode_hex(&mac.finalize().into_bytes())
}

impl private::Sealed for Verifier {}

/// The checks of the vendor's own proof (see [`VendorVerifier`]).
impl VendorVerifier for Verifier {
    fn validate(&self) -> Result<(), Error> {
        if self.keys.iter().any(|(_, empty)| *empty) {
            return Err(Error::configuration("a SignWell webhook id is empty or blank"));
        }
        Ok(())
    }

    /// SignWell sends no credential header: nothing outside the body names it.
    fn identifies<H: Headers + ?Sized>(&self, _: &Incoming<'_, H>) -> bool {
        false
    }

    /// `event.hash` over `"<event.type>@<event.time>"`, read from a minimal
    /// parse of the body. The body itself is not covered.
    fn authenticate<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>, _: &dyn Clock) -> Result<Verified, Error> {
        self.check(incoming.body())
    }

    /// `secret_env`: the variable(s) holding the value, several for a rotation.
    fn from_config(
        config: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, crate::config::ConfigError> {
        let mut ids = config.vendor_secrets(crate::Vendor::SignWell, env)?;
        let first = ids.remove(0); // `vendor_secrets` gives at least one
        let mut verifier = Verifier::new(first);
        for id in ids {
            verifier = verifier.with_webhook_id(id);
        }
        Ok(verifier)
    }
}
