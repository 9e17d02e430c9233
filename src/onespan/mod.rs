//! OneSpan Sign (formerly eSignLive): typed callback notifications and their
//! four authentication choices.
//!
//! Sources (read 2026-12):
//! <https://docs.onespan.com/docs/setting-up-callback-notifications> (updated
//! 2026-04-27: events and payloads),
//! <https://docs.onespan.com/docs/managing-event-notifications> (the callback
//! authentication choices), <https://docs.onespan.com/docs/creating-a-callback-notification-listener>,
//! OneSpan's developer blog "Callback Event Notification – Part 2"
//! (2019-04-17: the key in `Authorization` as `Basic {callbackKey}`),
//! OneSpan support article KB0014510 "Resend a failed callback notification"
//! (a real delivery, and `Authorization: Basic {Your callback authorization
//! key}`), and the Java/.NET SDKs' `CallbackEvent` lists (`PACKAGE_READY_FOR_COMPLETE`
//! on the wire for the SDK's `PACKAGE_READY_FOR_COMPLETION`).
//!
//! # The wire format
//!
//! One flat JSON object per event, POSTed to the callback URL set under
//! Admin → Event Notification (or through the API):
//!
//! ```json
//! {"@class":"com.silanis.esl.packages.event.ESLProcessEvent","name":"PACKAGE_ACTIVATE",
//!  "sessionUser":"8QS1yr3q8DEZ","packageId":"xT9OeZ-j2jIynQBaLeLdgp9CtZk=",
//!  "message":null,"documentId":null,"createdDate":"2019-10-09T19:32:12.255Z"}
//! ```
//!
//! `name` ([`EventName`]) says what happened to the package ("transaction"
//! in the new UI); `sessionUser` is the sender's id for sender events and the
//! signer's id for signer events (the last signer's for `PACKAGE_COMPLETE`);
//! `documentId` names the document of `DOCUMENT_SIGNED`; `message` carries a
//! decline or opt-out reason. `COBROWSE_REQUEST` adds `phone`, `comment` and
//! `selectedSupportBusinessHours`.
//!
//! # Authentication
//!
//! OneSpan offers four choices per account; [`Verifier`] has a constructor
//! for each, and none is a default:
//!
//! * **Callback key** (shown as "Basic"): [`Verifier::callback_key`]. OneSpan
//!   sends `Authorization: Basic <callback key>`: the key **as configured**
//!   after `Basic `, not the base64 of `user:password` that RFC 7617 would
//!   make it (confirmed by OneSpan's blog and its support article on
//!   resending callbacks; issue 23 reports the same from a OneSpan
//!   white-label's delivery). The whole header value is compared in constant time.
//! * **OAuth 2.0** (client credentials): OneSpan obtains a token from *your*
//!   authorization server and presents it as a bearer token (RFC 6750
//!   `Authorization: Bearer <token>`; OneSpan's page names OAuth 2.0 but
//!   does not print the header). Only your server can judge the token, so
//!   [`Verifier::oauth2_bearer`] takes your [`BearerValidator`].
//! * **Static custom headers** (up to five, enabled by OneSpan support):
//!   [`Verifier::header_token`] on the one carrying your secret.
//! * **None**: [`Verifier::dangerous_accept_unverified`], named so that it is
//!   never chosen by accident.
//!
//! # What the check proves
//!
//! Every choice proves only that the sender knew a credential: **no body
//! byte is signed and nothing is timestamped**, so a captured request can
//! be replayed and, by anyone who saw its headers, altered. Deduplicate, and
//! confirm the package's state through OneSpan's API before acting on it.
//!
//! # The response
//!
//! A 2xx. OneSpan does **not** retry a failed callback: the sender receives a
//! "callback failure" e-mail with the payload, and resending it is up to you
//! (KB0014510). Answer quickly and queue the work.
//!
//! # Lifecycle
//!
//! | OneSpan event | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `PACKAGE_ACTIVATE` | `Sent` | — |
//! | `SIGNER_COMPLETE` | `Signed` | `sessionUser` |
//! | `PACKAGE_COMPLETE` | `Completed` | — |
//! | `PACKAGE_DECLINE` | `Declined` (reason: `message`) | `sessionUser` |
//! | `PACKAGE_EXPIRE` | `Expired` | — |
//! | `EMAIL_BOUNCE` | `DeliveryFailed` | — |
//!
//! The envelope id is `packageId`. `DOCUMENT_SIGNED` (per document, also for
//! accepted disclosures) and `PACKAGE_OPT_OUT` (a signer leaving electronic
//! signing, not declining) are not mapped.
//!
//! # What identifies one event
//!
//! No event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of) hashes
//! `name`, `packageId`, `sessionUser`, `documentId` and `createdDate` (to
//! the millisecond), so a resent callback (the same payload) shares its key,
//! and two documents signed in the same millisecond do not.
//!
//! # Notes on the sources
//!
//! Confirmed: the event names and payload fields (OneSpan's page, its SDKs),
//! the `@class` member of real deliveries (KB0014510), the callback key in
//! `Authorization` after `Basic `, no retries. Not published: the OAuth 2.0
//! header's exact form (RFC 6750 is assumed; a validator decides), the
//! `ROLE_REASSIGN` payload's extra fields (ignored). `DOCUMENT_VIEWED`
//! appears only in a third-party list and is kept as `Unknown`.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::Event;
pub use kinds::EventName;
pub use plugin::OneSpan;
pub use verify::{AUTHORIZATION_HEADER, BearerValidator, Verifier};

/// Parses a OneSpan Sign callback from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}
