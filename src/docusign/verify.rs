//! Authentication of DocuSign Connect messages: the Connect HMAC option, or
//! HTTP Basic auth.

use crate::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent};

crate::verify::vendor_verifier!(DocuSign "DocuSign Connect", documented = scheme);

/// The Connect HMAC scheme: base64 HMAC-SHA256 of the raw body, one header
/// `X-DocuSign-Signature-1` … `-N` per active Connect HMAC key.
///
/// ```
/// use esign_webhooks::docusign;
/// assert_eq!(
///     docusign::scheme().describe().to_string(),
///     "HMAC-SHA256, base64, of the raw body, in headers X-DocuSign-Signature-1…X-DocuSign-Signature-N"
/// );
/// ```
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::numbered_headers("X-DocuSign-Signature-"),
        SignedContent::Body,
        Encoding::Base64,
    )
}

impl Verifier {
    /// Checks the Connect HMAC signature with one or more Connect HMAC keys
    /// (Settings → Connect → Connect Keys). Any key matching any
    /// `X-DocuSign-Signature-N` header is accepted, so every key of a rotation,
    /// and a partner's keys (`integratorManaged`), can be listed at once.
    ///
    /// The key is used **verbatim**, as the text DocuSign shows: it looks like
    /// base64 but is not decoded (DocuSign's own samples key the HMAC with its
    /// UTF-8 bytes). An empty list is refused by
    /// [`build()`](crate::WebhooksBuilder::build), like an empty key.
    ///
    /// ```
    /// use esign_webhooks::{Secret, Webhooks, docusign};
    /// let webhooks = Webhooks::builder()
    ///     .docusign(docusign::Verifier::hmac([Secret::new("key-1"), Secret::new("key-2")]))
    ///     .build()?;
    /// # let _ = webhooks;
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn hmac(keys: impl IntoIterator<Item = Secret>) -> Self {
        let mut keys = keys.into_iter();
        // An empty list becomes an empty key, which `build()` refuses.
        let first = keys.next().unwrap_or_else(|| Secret::new(""));
        let inner = keys.fold(verify::Verifier::hmac(scheme(), first), |inner, key| {
            inner.with_secret(key)
        });
        Verifier { inner }
    }
}
