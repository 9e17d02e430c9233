//! Authentication of DocuSeal deliveries: its HMAC header, or the custom
//! header you configured in DocuSeal.

use std::time::Duration;

use crate::headers::{Headers, Incoming};
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
use crate::{Error, Secret, Vendor};

crate::verify::vendor_verifier!(DocuSeal "DocuSeal", documented = scheme);

/// The header DocuSeal signs deliveries in.
pub const SIGNATURE_HEADER: &str = "X-Docuseal-Signature";

/// DocuSeal's scheme: `X-Docuseal-Signature: <ts>.<hex>`, hex HMAC-SHA256 of
/// `"<ts>.<raw body>"`, ±300 s (the vendor's own verifier's tolerance).
///
/// ```
/// use esign_webhooks::docuseal;
/// assert_eq!(
///     docuseal::scheme().describe().to_string(),
///     "HMAC-SHA256, hex, of \"{timestamp}.{body}\" (timestamp in the signature header, before the signature), \
///      in header X-Docuseal-Signature (\"{timestamp}.{signature}\")"
/// );
/// ```
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::timestamp_prefixed(SIGNATURE_HEADER, "."),
        SignedContent::timestamp_then_body(TimestampLocation::signature_prefix(), "."),
        Encoding::Hex,
    )
}

impl Verifier {
    /// Checks `X-Docuseal-Signature` with the webhook's secret, exactly as
    /// DocuSeal shows it (`whsec_…`): the whole string is the HMAC key, it is
    /// **not** base64-decoded. Timestamps more than 300 s from the clock, either
    /// way, are refused; see [`with_tolerance`](Verifier::with_tolerance).
    ///
    /// For DocuSeal's other option, a header name and value of your choice set
    /// in its webhook settings, use [`Verifier::header_token`].
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), secret),
        }
    }

    /// Sets how far the signed timestamp may be from the clock, either way
    /// (default 300 s). Has no effect on a header-token verifier.
    pub fn with_tolerance(self, tolerance: Duration) -> Self {
        Verifier {
            inner: self.inner.with_tolerance(tolerance),
        }
    }
}

impl Verifier {
    /// **Dangerous**: answers DocuSeal's unsigned dashboard test webhook with
    /// 200 instead of refusing it (see the module's docs, "The dashboard test
    /// webhook"). The test is still never delivered to a callback, but anyone
    /// who can reach the endpoint then gets a 200 for an unsigned
    /// `form.completed`-shaped body, which could mislead monitoring that reads
    /// answers. Keep it for the setup session; real deliveries are signed.
    pub fn dangerous_answer_unsigned_dashboard_test(self) -> Self {
        Verifier {
            inner: self.inner.answering_unsigned_test(),
        }
    }
}

/// DocuSeal's dashboard test webhook, sent without `X-Docuseal-Signature`
/// (`app/jobs/send_test_webhook_request_job.rb`), when the verifier checks
/// that header: a `form.completed` body and no signature header at all.
/// Refused with a reason that names the test, or answered 200 through
/// [`Verifier::dangerous_answer_unsigned_dashboard_test`]; never delivered.
/// A header-token verifier is not concerned: the test carries the custom header.
pub(crate) fn dashboard_test<H: Headers + ?Sized>(verifier: &Verifier, incoming: &Incoming<'_, H>) -> Option<Error> {
    // The documented shape of the test (`SendTestWebhookRequestJob`): an
    // object `{"event_type": "form.completed", "timestamp": "<ISO-8601>",
    // "data": {…}}`.
    let test = (Vendor::DocuSeal, "test webhook");
    crate::plugin::probe_unsigned_dashboard_test(&verifier.inner, incoming, SIGNATURE_HEADER, test, |body| {
        body.get("event_type").and_then(serde_json::Value::as_str) == Some("form.completed")
            && body.get("timestamp").is_some_and(serde_json::Value::is_string)
            && body.get("data").is_some_and(serde_json::Value::is_object)
    })
}
