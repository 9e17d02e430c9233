//! Authentication of Constellation1 eSign deliveries.
//!
//! Constellation1 documents **no** verification mechanism: no secret,
//! signature, Basic auth or IP list, and the URL is registered by hand with
//! its eSignature team. Make that URL carry a secret: a query token
//! ([`Verifier::query_token`]) or `user:password@` credentials
//! ([`Verifier::basic_auth`]), and confirm the session's state through the
//! Constellation1 API before acting on an event.

crate::verify::vendor_verifier!(Constellation "Constellation1 eSign");
