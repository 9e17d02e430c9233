//! Authentication of Documenso deliveries.
//!
//! Documenso signs nothing: it sends the webhook's configured secret, as is,
//! in `X-Documenso-Secret` (an empty string when none is set)
//! (`packages/lib/server-only/webhooks/execute-webhook-call.ts`;
//! <https://docs.documenso.com/docs/developers/webhooks/verification>, which
//! advises a constant-time comparison). [`Verifier::new`] compares it in
//! constant time; an empty secret is refused when the [`Webhooks`](crate::Webhooks)
//! is built, so set one on the webhook in Documenso.

use crate::Secret;

crate::verify::vendor_verifier!(Documenso "Documenso");

/// The header Documenso puts the secret in.
pub const SECRET_HEADER: &str = "X-Documenso-Secret";

impl Verifier {
    /// Requires `X-Documenso-Secret` to equal the webhook's secret.
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: crate::verify::Verifier::header_token(SECRET_HEADER, secret),
        }
    }
}
