//! Authentication of Zoho Sign deliveries.
//!
//! With "HMAC signature" ticked on the webhook, Zoho Sign sends
//! `X-ZS-WEBHOOK-SIGNATURE: base64(HMAC-SHA256(secret, payload))`, the
//! payload being the raw body read "as a string to avoid reordering keys"
//! (<https://help.zoho.com/portal/en/kb/zoho-sign/admin-guide/webhooks/articles/securing-zoho-sign-webhooks-with-hmac-authentication>).
//! The page writes the formula as `HMAC SHA-256(payload+secret_key)`; its own
//! sample reproduces only with the secret as the key and the payload as the
//! message, which is what [`Verifier::new`] checks (the sample is a test of
//! this module).

use crate::headers::{Headers, Incoming};
use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use crate::{Error, Secret, Vendor};

crate::verify::vendor_verifier!(ZohoSign "Zoho Sign", documented = scheme);

/// The header Zoho Sign puts its signature in.
pub const SIGNATURE_HEADER: &str = "X-ZS-WEBHOOK-SIGNATURE";

/// Zoho Sign's scheme: base64 HMAC-SHA256 of the raw body in `X-ZS-WEBHOOK-SIGNATURE`.
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::header(SIGNATURE_HEADER),
        SignedContent::Body,
        Encoding::Base64,
    )
}

impl Verifier {
    /// Checks `X-ZS-WEBHOOK-SIGNATURE` with the secret entered or generated
    /// when the webhook was created (Zoho shows it once).
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: crate::verify::Verifier::hmac(scheme(), secret),
        }
    }
}

impl Verifier {
    /// **Dangerous**: answers Zoho Sign's unsigned "Test URL" request with 200
    /// instead of refusing it (see the module's docs, "The "Test URL"
    /// button"). The test is still never delivered to a callback, but anyone
    /// who can reach the endpoint then gets a 200 for an unsigned Zoho-shaped
    /// body. Keep it for the setup session; real deliveries are signed.
    pub fn dangerous_answer_unsigned_dashboard_test(self) -> Self {
        Verifier {
            inner: self.inner.answering_unsigned_test(),
        }
    }
}

/// Zoho Sign's "Test URL" request, sent unsigned (third-party report; see
/// the module's docs), when the verifier checks `X-ZS-WEBHOOK-SIGNATURE`:
/// Zoho's message shape and no signature header at all. Refused with a
/// reason that names the test, or answered 200 through
/// [`Verifier::dangerous_answer_unsigned_dashboard_test`]; never delivered.
pub(crate) fn dashboard_test<H: Headers + ?Sized>(verifier: &Verifier, incoming: &Incoming<'_, H>) -> Option<Error> {
    // The shape of the sample: Zoho's message's top level, an object with a
    // `requests` object and `notifications` (an object or a list).
    let test = (Vendor::ZohoSign, "\"Test URL\" request");
    crate::plugin::probe_unsigned_dashboard_test(&verifier.inner, incoming, SIGNATURE_HEADER, test, |body| {
        let notifications = body.get("notifications");
        body.get("requests").is_some_and(serde_json::Value::is_object)
            && notifications.is_some_and(|n| n.is_object() || n.is_array())
    })
}
