//! # Configuring eSignGlobal's scheme with `detect_scheme`
//!
//! eSignGlobal generates a secret key per webhook but does not publish how it
//! uses it (which header, which signed string, hex or base64, whether a
//! timestamp is signed). The crate ships no guessed scheme; instead,
//! [`detect_scheme`] finds yours from **one real delivery**:
//!
//! 1. In eSignGlobal, Settings → Integrations → Webhook: register your URL
//!    and copy the secret key.
//! 2. Capture one delivery **exactly as received**: the raw body bytes
//!    (not a parsed and re-printed JSON) and every header. For instance, let
//!    your endpoint write them to a file for a while, or point the webhook at
//!    a throw-away capture endpoint, and trigger an event (send an envelope).
//! 3. Run [`detect_scheme`] on them with the secret key. It tries every
//!    scheme the crate's engine can express against the headers the request
//!    had, and prints what verified.
//! 4. Confirm the result with eSignGlobal support, then build the
//!    [`Verifier`](crate::esignglobal::Verifier) from it (or write the
//!    [`HmacScheme`](crate::verify::HmacScheme) into your configuration).
//!
//! ```
//! use esign_webhooks::esignglobal::{self, detect_scheme};
//! use esign_webhooks::{Event, Secret, Webhooks};
//! # use esign_webhooks::testing::Signer;
//! # use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
//! # let unknown = HmacScheme::new(
//! #     SignatureLocation::header("X-Esg-Signature"),
//! #     SignedContent::timestamp_then_body(TimestampLocation::header("X-Esg-Timestamp"), "."),
//! #     Encoding::Base64,
//! # );
//! # let captured = Signer::hmac(unknown, Secret::new("the-webhook-secret-key")).sign(
//! #     br#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":"ENV-1","envelopeStatus":2}}"#);
//! // `captured.body`: the raw bytes; `captured.headers`: every header, as received.
//! let secret = Secret::new("the-webhook-secret-key");
//! let found = detect_scheme(&captured.body, &captured.headers, &secret)?;
//! println!("{found}"); // e.g. "verified with HMAC-SHA256, base64, of timestamp.body, …"
//!
//! let webhooks = Webhooks::builder().esignglobal(found.verifier(secret)).build()?;
//! let event = webhooks.dispatch(&captured.body, &captured.headers)?;
//! assert!(matches!(event, Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `detect_scheme` takes the headers as `http::HeaderMap` (axum, hyper),
//! actix-web's `HeaderMap` (feature `actix`) or `(name, value)` pairs.
//!
//! ## Reading the result
//!
//! * **An HMAC match** cannot happen by chance: the scheme is right for
//!   that delivery. Still confirm it with support, since a header may be
//!   optional or change.
//! * **A token match** (the secret sent as-is in a header) means anyone who
//!   sees one request can forge the next: keep the URL on HTTPS.
//! * **[`SchemeNotFound`](crate::esignglobal::SchemeNotFound)**: the scheme is
//!   outside what the engine expresses (another algorithm, a canonical JSON,
//!   the URL in the signed string), or the capture was altered (a proxy
//!   re-encoded the body, the wrong secret). It lists the headers it
//!   considered and how many combinations it tried.
//! * A signed timestamp gets the default tolerance of 300 s both ways; set
//!   another with [`Verifier::with_tolerance`](crate::esignglobal::Verifier::with_tolerance).
//!
//! The App callback channel (Settings → Integrations → Apps) documents no
//! authentication at all: see [`unsigned_vendors`](super::unsigned_vendors).
//!
//! [`detect_scheme`]: crate::esignglobal::detect_scheme
