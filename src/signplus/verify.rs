//! Authentication of Sign.Plus deliveries.
//!
//! Sign.Plus documents **no** verification mechanism: no secret, signature or
//! header exists in its API, guide or SDKs, and a webhook is registered with
//! only `{event, target}`. What you can do is make the target URL carry a
//! secret: a query token (`https://example.com/hooks/signplus?token=…`, checked
//! by [`Verifier::query_token`]) or credentials in the URL
//! (`https://user:password@example.com/…`, which most HTTP clients send as
//! `Authorization: Basic`, checked by [`Verifier::basic_auth`]).
//! [`Verifier::header_token`] fits when a gateway in front of you adds a header.
//! None of these proves the body came from Sign.Plus: it proves the sender knew
//! the URL. Confirm the envelope's state through the Sign.Plus API before acting.

crate::verify::vendor_verifier!(SignPlus "Sign.Plus");
