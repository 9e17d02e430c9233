//! # Replay
//!
//! A valid delivery captured once (from a log, a proxy, a leaked request)
//! stays valid: verification proves who made it and that it is intact, not
//! that it is new. And vendors themselves deliver the same event several
//! times: eSignGlobal retries up to 16 times when it does not get a 2xx in
//! 5 seconds, and every vendor may send a delivery twice.
//!
//! What the crate checks per vendor:
//!
//! * **Signed timestamps.** When a scheme signs a timestamp (a
//!   `TimestampThenBody` or `IdTimestampBody` [`SignedContent`](crate::verify::SignedContent)),
//!   deliveries older (or further in the future) than the tolerance (300 s
//!   by default, both ways) are refused with 401. This bounds a replay to a
//!   few minutes, not to zero.
//! * **Ignisign** tokens are single-use: Ignisign's API answers
//!   `alreadyConsumed` the second time, and the crate refuses the delivery.
//! * **Sign.Plus, Constellation1, eSignGlobal without a timestamp**: nothing
//!   in the request can tell a replay from the original.
//!
//! So make handling **idempotent**, and deduplicate on a key that identifies
//! the event: a delivery id where the vendor sends one, otherwise the vendor,
//! event, envelope id and status (eSignGlobal sends no delivery id: the
//! `esignglobal` module suggests event, envelope id, signer and status).
//! Record the key in the same transaction as the work it triggers, and skip
//! a key you have already seen; an idempotent state change ("mark envelope
//! E1 completed") is safe to repeat anyway.
//!
//! ```
//! use std::collections::HashSet;
//! use esign_webhooks::{Event, Vendor};
//!
//! /// A key identifying the event, not the delivery.
//! fn dedup_key(event: &Event) -> Option<String> {
//!     match event {
//!         Event::SignPlus(event) => Some(format!("signplus:{}:{}", event.kind(), event.envelope_id()?)),
//!         Event::Constellation(update) => Some(format!(
//!             "constellation:{}:{:?}", update.data.signing_session_id, update.data.status)),
//!         _ => None, // …one arm per vendor you use
//!     }
//! }
//!
//! let mut seen = HashSet::new(); // a table with a unique index, in production
//! # let event = esign_webhooks::dangerous::parse_unverified(Vendor::SignPlus,
//! #     include_bytes!("../../tests/fixtures/signplus/envelope_completed.json"))?;
//! if let Some(key) = dedup_key(&event) {
//!     if !seen.insert(key) {
//!         // already handled: answer 200 so the vendor stops retrying
//!     }
//! }
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! Answer a duplicate with 200, not an error: the vendor would otherwise
//! keep retrying it.
