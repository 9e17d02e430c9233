//! Ignisign (ignisign.io) webhooks.
//!
//! Ignisign POSTs one JSON object per event (`IgnisignWebhook_ActionDto`): `topic`, `action`,
//! `msgNature`, `content`, an optional `error`, and `appId`, `appEnv`, `verificationToken`.
//!
//! # What verification proves
//!
//! Ignisign **signs nothing**: no header, no HMAC. A delivery is authenticated by sending its
//! `verificationToken` back to Ignisign's API (`POST /v4/tokens/webhook-verification/checking-consumption`,
//! authenticated with your API key), which answers `isValid` and **consumes** the token. So:
//!
//! * verification is a **remote call**; this crate does no I/O, it builds the request and reads
//!   the response you got with your own HTTP client (sans-IO);
//! * the token is **single-use**: confirm each delivery once; a stored body cannot be
//!   re-verified later (store the confirmed [`Message`] instead);
//! * `appId` and `appEnv` are not secrets (every delivery shows them): checking them only
//!   filters out deliveries meant for another application before spending a call.
//!
//! # What the check proves
//!
//! Nothing cryptographic at receipt: the local checks compare `appId` and
//! `appEnv` with your configuration, and only the confirmation of the
//! single-use `verificationToken` with Ignisign's API shows that the delivery
//! is Ignisign's. Even then, the body's other fields are as sent.
//!
//! # Order of the checks (as in the official Node SDK's `consumeWebhook`)
//!
//! 1. `topic`, `action`, `msgNature`, `verificationToken`, `appId`, `appEnv` are present and
//!    non-empty, else [`ErrorKind::MissingField`](crate::ErrorKind::MissingField) (400) naming
//!    the first one missing;
//! 2. `appId` equals the configured one, then 3. `appEnv` does, else
//!    [`ErrorKind::RecipientMismatch`](crate::ErrorKind::RecipientMismatch) (403) with `field`
//!    `appId` or `appEnv`;
//! 4. the body is parsed into typed values (a `content` that does not match its topic's DTO is
//!    [`ErrorKind::MalformedPayload`](crate::ErrorKind::MalformedPayload) with a `$.content…` path);
//! 5. the token check: [`Delivery::token_check_request`], then [`Delivery::confirm`]
//!    ([`ErrorKind::ConfirmationRejected`](crate::ErrorKind::ConfirmationRejected), 401, its
//!    `reason` built from Ignisign's answer: `already consumed`, `not found`, `expired`, …; or
//!    [`ErrorKind::ConfirmationFailed`](crate::ErrorKind::ConfirmationFailed), 502).
//!
//! # Types: `Delivery` → `Message`
//!
//! Steps 1 to 4 give a [`Delivery`]: its routing fields are readable but marked unconfirmed,
//! and its content and error are not reachable at all. Only [`Delivery::confirm`] (token
//! accepted) or the explicitly named [`Delivery::dangerous_skip_token_check`] turn it into a
//! [`Message`], which holds what the SDK's callbacks receive: [`Topic`], [`Action`] (typed by
//! topic, since Ignisign reuses action strings across topics), [`MsgNature`], the typed
//! [`Content`] and the optional [`IgnisignError`].
//!
//! ```
//! use esign_webhooks::{Event, Secret, Webhooks};
//! use esign_webhooks::ignisign::{self, ApiKey, Content, Message};
//! # use esign_webhooks::testing::{TokenOutcome, ignisign_token_response};
//! # let body = include_bytes!("../../tests/fixtures/ignisign/signature_request_launched.json");
//! # let headers: [(&str, &str); 0] = [];
//! # let send_with_your_client = |_request| ignisign_token_response(TokenOutcome::Valid);
//!
//! // A new-style API key names its application and environment.
//! let api_key = ApiKey::new(Secret::new("sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t"));
//! let webhooks = Webhooks::builder()
//!     .ignisign(ignisign::Verifier::from_api_key(&api_key)?)
//!     .build()?;
//!
//! // In the handler: the raw body, as received.
//! if let Event::Ignisign(delivery) = webhooks.dispatch(body, &headers)? {
//!     let request = delivery.token_check_request(&api_key)?; // http::Request<Vec<u8>>
//!     let response = send_with_your_client(request);         // reqwest, hyper, ureq… : your choice
//!     let message: Message = delivery.confirm(response)?;    // token accepted and consumed
//!     if let Some(Content::SignatureRequest(request)) = &message.content {
//!         println!("{} is {}", request.signature_request_id, request.status);
//!     }
//! }
//! // Answer 200: Ignisign expects it once the delivery is accepted.
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! # Lifecycle
//!
//! | Ignisign topic/action | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | `SIGNATURE_REQUEST/LAUNCHED` | `Sent` | `signatureRequestId` | – |
//! | `SIGNATURE_SESSION/INITIALIZED` | `Viewed` | `signatureRequestId` | `signerId` |
//! | `SIGNATURE/FINALIZED` | `Signed` | `signatureRequestId` | `signerId` |
//! | `SIGNATURE_REQUEST/COMPLETED` | `Completed` | `signatureRequestId` | – |
//! | `SIGNATURE_REQUEST/EXPIRED` | `Expired` | `signatureRequestId` | – |
//! | `SIGNATURE_REQUEST/CANCELLED` | `Cancelled` | `signatureRequestId` | – |
//! | `SIGNATURE_REQUEST/FAILED` | `Failed` | `signatureRequestId` | – |
//! | `SIGNATURE/FAILED` | `Failed` | `signatureRequestId` | `signerId` |
//! | every other message (`SIGNER/CREATED`, …) | – | | |
//!
//! A message that carries an error gives its message (else its code) as the
//! step's reason. Ignisign has no decline event, nor one for an undelivered
//! notification.
//!
//! # What identifies one event
//!
//! Ignisign sends no event id, and its messages carry no time of their own:
//! two messages can say the same thing. What each delivery carries is its own
//! single-use `verificationToken`, and [`DedupKey::of`](crate::dedup::DedupKey::of)
//! is that token alone (hashed, so the key never shows it): a copy of a
//! delivery repeats it, two messages (two signers, two actions) have two
//! tokens. Ignisign publishes no retry policy, nor whether an event resent by
//! hand (`resendWebhookEvent`) keeps its token: one that comes with a new token
//! gets a new key and runs again, so keep callbacks idempotent.
//!
//! # What Ignisign documents, and what it does not
//!
//! * Documented: the envelope, the topics and their actions, one content DTO per topic, the
//!   349 error codes ([`ErrorCode`]), the token check. Every enum keeps values it does not
//!   know (`Unknown`), and topics without a DTO keep their content as raw JSON
//!   ([`Content::Unknown`]).
//! * Not documented: which `msgNature` each non-error event carries; which of the three
//!   `SIGNATURE_PROOF` DTOs a delivery holds (this crate follows Ignisign's example backend:
//!   `GENERATED` + `ERROR` is [`SignatureProofError`], other `GENERATED` is
//!   [`SignatureProofSuccess`], `ADV_GENERATED` is [`SignatureAdvancedProof`]); the retry
//!   policy. Ignisign's web docs still show a `/v3` token check with a `verificationToken`
//!   key; this crate sends what the shipped v4 SDK sends (`/v4`, key `token`).

mod action;
mod api_key;
mod callback;
pub(crate) mod config;
mod content;
mod delivery;
mod enums;
mod envelope;
mod error_code;
mod fast;
mod message;

mod plugin;
mod verifier;

#[cfg(test)]
mod tests;

pub use action::Action;
pub use api_key::ApiKey;
pub use callback::CallbackParams;
pub use content::{
    Application, Content, Signature, SignatureAdvancedProof, SignatureImage, SignatureProfile, SignatureProof,
    SignatureProofDocument, SignatureProofError, SignatureProofSuccess, SignatureRequest, SignatureRequestSigner,
    SignatureRequestSigners, SignatureSession, Signer,
};
pub use delivery::{Delivery, TokenCheckResponse};
pub use enums::{
    AppEnv, ApplicationAction, DocumentRequestAction, DocumentType, MsgNature, SignatureAction, SignatureImageAction,
    SignatureProfileAction, SignatureProofAction, SignatureRequestAction, SignatureRequestStatus,
    SignatureSessionAction, SignerAction, SignerInputRef, Topic,
};
pub use error_code::ErrorCode;
pub use message::{IgnisignError, Message};
pub use plugin::Ignisign;
pub use verifier::Verifier;

pub(crate) use envelope::parse_delivery;
