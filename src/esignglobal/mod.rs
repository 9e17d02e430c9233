//! eSignGlobal (esignglobal.com, mirrored on esign.ai): typed events of both
//! notification channels, and help to find how deliveries are signed.
//!
//! # Two channels, two body shapes
//!
//! | | Webhook | App callback |
//! |---|---|---|
//! | Set up in | Settings → Integrations → Webhook (account admin; Professional plan) | Settings → Integrations → Apps (per appID) |
//! | Body | `{"event": …, "eventPayload": {…}}` | `{"callBackEnum": "ENVELOPE_UPDATE", "callBackDesc": …, "callBackEnvelopeVO": {…}}` |
//! | Event name in | `event` | `callBackDesc` |
//! | Authentication | a per-webhook secret key, **scheme not published** | **none mentioned** |
//!
//! Both parse into one [`Event`] with one variant per event name; each known
//! event carries a [`Payload`] with the [`Channel`] and one [`Envelope`] type
//! that covers both channels' fields. Names, status codes and optional fields
//! the crate does not know are kept, never an error: the published event list
//! is incomplete and the pages contradict each other in places (status codes
//! for declined and expired envelopes, time and `signOrder` types), which the
//! types concerned document ([`EnvelopeStatus`], [`Time`], [`SignOrder`]).
//!
//! No literal JSON example is published: the fixtures of this crate are
//! assembled from the parameter tables.
//!
//! # Answering
//!
//! Any 2xx within **5 seconds** is a success; anything else is retried up to
//! 16 times (10 s, 30 s, 1 m, 2 m, … 1 h, 2 h). eSignGlobal recommends the
//! body [`SUCCESS_RESPONSE`]. Do slow work after answering. No event or
//! delivery id is sent: deduplicate on (event, envelope id, signer, status).
//!
//! # Lifecycle
//!
//! | eSignGlobal event | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | `ENVELOPE_START` | `Sent` | `envelopeId` | – |
//! | `ENVELOPE_SIGNER_VIEWED` | `Viewed` | `envelopeId` | the signer's `businessId` (else its e-mail) |
//! | `ENVELOPE_SIGNER_SIGNED` | `Signed` | `envelopeId` | the signer's `businessId` (else its e-mail) |
//! | `ENVELOPE_FINISH` | `Completed` | `envelopeId` | – |
//! | `SIGNER_DECLINED` | `Declined` (reason: the envelope's decline reason, else the signer's) | `envelopeId` | the declined signer's `businessId` (else its e-mail) |
//! | `ENVELOPE_DECLINED` | `Declined` (reason: the decliner's message) | `envelopeId` | the decliner's e-mail |
//! | `ENVELOPE_EXPIRED` | `Expired` | `envelopeId` | – |
//! | `ENVELOPE_CANCEL` | `Cancelled` (reason: the cancellation's) | `envelopeId` | – |
//! | `ENVELOPE_SIGNER_FAILED` | `Failed` (reason: the envelope's description) | `envelopeId` | – |
//! | `ENVELOPE_DELIVERY_FAILED` | `DeliveryFailed` | `envelopeId` | the signer whose notification failed |
//! | every other event (`ENVELOPE_ALL_SIGNER_SIGNED`, …) | – | | |
//!
//! # What identifies one event
//!
//! No event or delivery id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes the whole typed event written back in its wire form: event name,
//! channel, envelope id and status, and the signer the event is about with its
//! status and times, so two signers' events differ and a retry (the same body)
//! shares its key. Two deliveries that say exactly the same thing share a key.
//!
//! # Authentication
//!
//! eSignGlobal generates a secret key per webhook "to ensure the credibility
//! of the Webhook message source", but does not publish how the key is used
//! (header, algorithm, signed content, encoding, timestamp). This crate ships
//! **no guessed scheme**. Capture one real delivery, run [`detect_scheme`]
//! with its raw body, its headers and your secret key, and confirm the result
//! with eSignGlobal support; then build a [`Verifier`] from it. The App
//! callback channel documents no authentication at all: only
//! [`Verifier::dangerous_accept_unverified`] or a token you add to the
//! callback URL ([`Verifier::query_token`]) apply there, and the envelope's
//! state should be confirmed through eSignGlobal's API before acting on it.
//!
//! Not to be confused with e签宝 (open.esign.cn), a different vendor with
//! its own documented signature headers.
//!
//! # What the check proves
//!
//! It depends on the scheme you configure: a detected HMAC scheme over the
//! body covers every byte of the body (and the timestamp when it signs one); a
//! URL token, and the App callback channel, cover nothing of the body: every
//! field is as the sender wrote it.

mod detect;
mod event;
mod model;
mod plugin;
mod scalars;
mod status;
mod verify;

#[cfg(test)]
mod tests;

pub use detect::{DetectedScheme, HeaderNames, SchemeNotFound, detect_scheme};
pub use event::{Channel, Event, EventKind, Payload, UnknownEvent};
pub use model::{AccessCode, CancelInfo, Cc, DeclineSigner, Envelope, PhoneNumber, SignFile, Signer};
pub use plugin::EsignGlobal;
pub use scalars::{SignOrder, Time};
pub use status::{AuthMode, AuthModes, CcStatus, EnvelopeStatus, SignerStatus, UserType};
pub use verify::Verifier;

/// The response body eSignGlobal recommends for a successful receipt:
/// `{"code":"200","msg":"success"}`, compact ("no spaces or backslashes") "to
/// prevent repeated notifications due to JSON parsing errors".
///
/// Send it with HTTP 200 **within 5 seconds** of receiving the request; do
/// slow work asynchronously. Any other status, or no answer in time, makes
/// eSignGlobal retry up to 16 times, after 10 s, 30 s, 1 m, 2 m, 3 m, 4 m,
/// 5 m, 6 m, 7 m, 8 m, 9 m, 10 m, 20 m, 30 m, 1 h and 2 h.
///
/// ```
/// use esign_webhooks::esignglobal::SUCCESS_RESPONSE;
/// let value: serde_json::Value = serde_json::from_str(SUCCESS_RESPONSE).unwrap();
/// assert_eq!(value["code"], "200");
/// assert!(!SUCCESS_RESPONSE.contains(' '));
/// ```
pub const SUCCESS_RESPONSE: &str = r#"{"code":"200","msg":"success"}"#;
