//! # Finding eSignGlobal's scheme: `capture`, `detect`, `verify`
//!
//! eSignGlobal generates a secret key per webhook but does not publish how it
//! uses it (which header, which signed string, hex or base64, whether a
//! timestamp is signed). The crate ships no guessed scheme; you find yours
//! from **one real delivery**, with the command-line tool
//! (`cargo install --path cli`, binary `esign-webhooks`):
//!
//! 1. **Capture.** `esign-webhooks capture --listen 127.0.0.1:8080 --out captures`
//!    answers `200 {"code":"200","msg":"success"}` to every request and writes
//!    each one, exactly as received, to `captures/<received_at_ms>-<n>.json`
//!    (method, path and query, headers in order, raw body in base64). Expose
//!    it to eSignGlobal through a tunnel (`cloudflared tunnel --url
//!    http://127.0.0.1:8080`, `ngrok http 8080`) or a reverse proxy that passes
//!    the body unchanged; register that URL in Settings → Integrations →
//!    Webhook, copy the secret key, and trigger an event (send an envelope).
//! 2. **Detect.** `ESG_SECRET=… esign-webhooks detect --secret-env ESG_SECRET captures/*.json`
//!    runs [`verify::detect_scheme`](crate::verify::detect_scheme) on each
//!    capture and prints what verified: in prose, as an `[esignglobal]` table
//!    for the configuration file, and as Rust builder code. The secret is read
//!    from the environment variable, never from the command line. Given several
//!    captures, only schemes that verify all of them are reported.
//! 3. **Verify.** Paste the table into `esign-webhooks.toml`, then
//!    `esign-webhooks verify --config esign-webhooks.toml captures/*.json`
//!    dispatches each capture through [`Webhooks`](crate::Webhooks) built
//!    from that file, as of the time it was received (`--now system` checks
//!    against the clock), and prints the typed event, or the typed error and
//!    the HTTP status the crate would answer. Your service then loads the same
//!    file with [`Webhooks::from_config`](crate::Webhooks::from_config).
//!
//! Confirm the scheme with eSignGlobal support before relying on it.
//!
//! ## What detection tries
//!
//! Only names the request carries, never an invented header:
//!
//! * the secret as-is in a header, a query parameter, or as the password of
//!   `Authorization: Basic`;
//! * HMAC-SHA256 signatures as a header's whole value, in numbered headers
//!   (`…-1`, `…-2`), as a `key=value` parameter, as a `version,signature`
//!   entry (Standard Webhooks), after the timestamp of a
//!   `{timestamp}.{signature}` header (DocuSeal style, any separator), in any
//!   of two or more sibling headers (`…-PRIMARY`, `…-SECONDARY`, Box Sign
//!   style), or as a query parameter; hex or base64; with or without a leading
//!   `word=`, `word:` or `word ` prefix;
//! * signed over the body, `{timestamp}{sep}{body}`, `{body}{sep}{timestamp}`
//!   or `{id}{sep}{timestamp}{sep}{body}`, the timestamp being any header or
//!   parameter whose value is Unix seconds, Unix milliseconds or an RFC 3339
//!   date-time, or the part before the signature, the id any other header,
//!   `sep` one of [`SEPARATORS`](crate::verify::SEPARATORS).
//!
//! Every match is confirmed by the engine before it is reported, ranked
//! (a versioned list, numbered headers, a parameters header with its
//! timestamp, a timestamp-prefixed header or sibling headers first; a whole
//! value next; a lone `key=value` last), and flagged
//! **ambiguous** when two different schemes rank first: capture a second
//! delivery and pass both files.
//!
//! ## In code
//!
//! [`esignglobal::detect_scheme`](crate::esignglobal::detect_scheme) is the same
//! detection on a body and headers you captured yourself:
//!
//! ```
//! use esign_webhooks::esignglobal::{self, detect_scheme};
//! use esign_webhooks::verify::HmacScheme;
//! use esign_webhooks::{Event, Secret, Webhooks};
//! # use esign_webhooks::testing::Signer;
//! # use esign_webhooks::verify::{Encoding, SignatureLocation, SignedContent, TimestampLocation};
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
//! println!("{found}"); // "verified with HMAC-SHA256, base64, of \"{timestamp}.{body}\" …"
//! assert!(!found.is_ambiguous());
//!
//! // The compact form goes into the configuration file (`scheme = '…'`) and reads back unchanged.
//! let text = found.hmac_scheme().unwrap().to_string();
//! assert_eq!(
//!     text,
//!     r#"header=X-Esg-Signature timestamp-header=X-Esg-Timestamp separator="." encoding=base64"#
//! );
//! let scheme: HmacScheme = text.parse()?;
//!
//! let webhooks = Webhooks::builder().esignglobal(esignglobal::Verifier::new(secret, scheme)).build()?;
//! let event = webhooks.dispatch(&captured.body, &captured.headers)?;
//! assert!(matches!(event, Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! It takes the headers as `http::HeaderMap` (axum, hyper), actix-web's
//! `HeaderMap` (feature `actix`) or `(name, value)` pairs; use
//! [`verify::detect_scheme`](crate::verify::detect_scheme) with
//! [`Incoming::with_query`](crate::Incoming::with_query) when the URL may
//! carry the signature or token.
//!
//! ## Reading the result
//!
//! * **An HMAC match** cannot happen by chance: the scheme is right for that
//!   delivery. Still confirm it with support, since a header may be optional
//!   or change.
//! * **A token match** (the secret sent as-is) means anyone who sees one
//!   request can forge the next: keep the URL on HTTPS.
//! * **Not found** ([`SchemeNotFound`](crate::esignglobal::SchemeNotFound)):
//!   the scheme is outside what the engine expresses (another algorithm, a
//!   canonical JSON, the URL in the signed string), or the capture was altered
//!   (a proxy re-encoded the body, the wrong secret). It lists the headers it
//!   considered and how many combinations it tried, never a value.
//! * A signed timestamp gets the default tolerance of 300 s both ways; set
//!   `tolerance_secs` in the file, or
//!   [`Verifier::with_tolerance`](crate::esignglobal::Verifier::with_tolerance).
//!
//! The App callback channel (Settings → Integrations → Apps) documents no
//! authentication at all: see [`unsigned_vendors`](super::unsigned_vendors).
