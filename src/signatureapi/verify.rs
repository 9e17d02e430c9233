//! Authentication of SignatureAPI deliveries: Standard Webhooks.

use crate::verify::{self, HmacScheme};
use crate::{Error, Secret};

crate::verify::vendor_verifier!(SignatureApi "SignatureAPI", documented = scheme);

/// SignatureAPI's scheme: [Standard Webhooks](HmacScheme::standard_webhooks)
/// (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`
/// over `{id}.{timestamp}.{body}`), timestamps within 5 minutes either way.
pub fn scheme() -> HmacScheme {
    // The crate's one Standard Webhooks scheme: its default tolerance is the
    // 5 minutes SignatureAPI documents.
    HmacScheme::standard_webhooks()
}

impl Verifier {
    /// Checks the Standard Webhooks signature with the HMAC key: the
    /// endpoint's signing secret without `whsec_`, base64-decoded
    /// ([`Secret::from_standard_webhooks`]); or use [`Verifier::signing_secret`].
    pub fn new(key: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), key),
        }
    }

    /// Checks the Standard Webhooks signature with the endpoint's signing
    /// secret as the Dashboard shows it (`whsec_…`, Settings → Webhooks).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Configuration`](crate::ErrorKind::Configuration) when
    /// the text after `whsec_` is not base64 (the error never shows it).
    pub fn signing_secret(whsec: &str) -> Result<Self, Error> {
        Secret::from_standard_webhooks(whsec).map(Verifier::new)
    }
}
