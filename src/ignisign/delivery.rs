//! [`Delivery`]: a parsed but unconfirmed delivery, and the sans-IO token check
//! that turns it into a [`Message`].

use crate::Text;
use core::fmt;

use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderValue, Method, Request, Response};
use serde::{Deserialize, Serialize};

use super::action::Action;
use super::api_key::ApiKey;
use super::enums::{AppEnv, MsgNature, Topic};
use super::message::Message;
use crate::json_object::ObjectOnly;
use crate::{Error, ErrorKind, Vendor};

/// Path of the token check, appended to [`ApiKey::base_url`].
pub(crate) const TOKEN_CHECK_PATH: &str = "/v4/tokens/webhook-verification/checking-consumption";

/// Longest `errorStr` / `errorCode` from Ignisign kept in an error.
const MAX_VENDOR_TEXT: usize = 200;

/// An Ignisign delivery that was parsed (and, through `Webhooks`, checked against the
/// configured application) but is **not yet authenticated**.
///
/// Ignisign signs nothing: anyone can POST a well-formed body with the right `appId`. A
/// delivery is authentic only when Ignisign's API accepts its `verificationToken`. So its
/// content and error are not reachable from here; only the routing fields are, and even
/// those are **unconfirmed** claims of the sender. Turn it into a [`Message`] with:
///
/// 1. [`Delivery::token_check_request`]: the HTTP request to send with your own client
///    (`POST {base}/v4/tokens/webhook-verification/checking-consumption`);
/// 2. [`Delivery::confirm`] with the response: a [`Message`] when Ignisign says `isValid`.
///
/// or, when you deliberately accept unauthenticated data (local tests), with
/// [`Delivery::dangerous_skip_token_check`].
///
/// # The token is single-use
///
/// Ignisign **consumes** the token when it checks it (the endpoint is "checking-consumption";
/// its answer has `alreadyConsumed`/`haveBeenConsumed`). Confirming the same delivery twice
/// fails with `already consumed`, which `confirm` taking `self` makes hard to do by
/// accident. It also means a stored body cannot be re-verified later: confirm once, then
/// store the [`Message`] (it serializes) if you process it asynchronously. A transport
/// failure ([`ErrorKind::ConfirmationFailed`](crate::ErrorKind::ConfirmationFailed), answered with 502)
/// may leave the token unconsumed; Ignisign does not publish its retry policy.
///
/// `Debug` never shows the token, nor the unconfirmed content.
///
/// ```
/// use esign_webhooks::ignisign::{self, ApiKey, AppEnv};
/// use esign_webhooks::testing::{TokenOutcome, ignisign_token_response};
/// use esign_webhooks::{ErrorKind, Event, Secret, Webhooks};
///
/// let webhooks = Webhooks::builder()
///     .ignisign(ignisign::Verifier::new("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b", AppEnv::Development))
///     .build()?;
/// let api_key = ApiKey::new(Secret::new("your-api-key"));
/// let body = include_bytes!("../../tests/fixtures/ignisign/signer_created.json");
/// let Event::Ignisign(delivery) = webhooks.dispatch(body, &[("content-type", "application/json")])? else {
///     unreachable!("an Ignisign body")
/// };
/// let request = delivery.token_check_request(&api_key)?; // send it with any client: no I/O here
/// assert_eq!(request.uri().path(), "/v4/tokens/webhook-verification/checking-consumption");
///
/// // A replayed delivery: Ignisign says the token was already consumed.
/// let err = delivery.confirm(ignisign_token_response(TokenOutcome::AlreadyConsumed)).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::ConfirmationRejected { .. }));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
pub struct Delivery {
    /// Boxed: the typed content is large, and deliveries are moved by value.
    message: Box<Message>,
    app_id: String,
    app_env: AppEnv,
    token: String,
}

/// The JSON body of the token check; the SDK sends the key `token`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TokenCheckBody<'a> {
    token: &'a str,
    app_id: &'a str,
    app_env: &'a str,
}

impl Delivery {
    pub(crate) fn new(message: Message, app_id: String, app_env: AppEnv, token: String) -> Self {
        Delivery {
            message: Box::new(message),
            app_id,
            app_env,
            token,
        }
    }

    /// The topic (unconfirmed).
    pub fn topic(&self) -> &Topic {
        &self.message.topic
    }

    /// The action (unconfirmed).
    pub fn action(&self) -> &Action {
        &self.message.action
    }

    /// The message nature (unconfirmed).
    pub fn msg_nature(&self) -> &MsgNature {
        &self.message.msg_nature
    }

    /// The `appId` the delivery claims (unconfirmed; checked against the configuration when
    /// received through a [`Verifier`](super::Verifier)). Useful to pick the API key of a
    /// multi-application receiver.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The `appEnv` the delivery claims (unconfirmed, like [`Delivery::app_id`]).
    pub fn app_env(&self) -> &AppEnv {
        &self.app_env
    }

    /// The key that identifies this delivery for deduplication: a SHA-256
    /// digest of its single-use token (never the token itself), so a replayed
    /// delivery is recognised without spending a token check.
    ///
    /// ```
    /// use esign_webhooks::{Event, Vendor, dangerous};
    ///
    /// let body = include_bytes!("../../tests/fixtures/ignisign/signer_created.json");
    /// let Event::Ignisign(delivery) = dangerous::parse_unverified(Vendor::Ignisign, body)? else { unreachable!() };
    /// let key = delivery.dedup_key();
    /// assert_eq!(key.vendor(), Vendor::Ignisign);
    /// assert!(key.to_string().starts_with("ignisign:"));
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn dedup_key(&self) -> crate::dedup_key::DedupKey {
        crate::dedup_key::DedupKey::from_parts(Vendor::Ignisign, [b"token".as_slice(), self.token.as_bytes()])
    }

    /// The request that asks Ignisign to check and consume this delivery's token.
    ///
    /// `POST {api_key.base_url()}/v4/tokens/webhook-verification/checking-consumption` with
    /// `Authorization: Bearer <api key>`, `Content-Type: application/json`,
    /// `Accept: application/json` and the body `{"token":…,"appId":…,"appEnv":…}`, exactly as
    /// the official SDK sends it. Send it with any HTTP client and pass the response to
    /// [`Delivery::confirm`]. The `Authorization` header is marked sensitive.
    ///
    /// Fails with [`ErrorKind::Configuration`](crate::ErrorKind::Configuration) for an empty
    /// key, a key that cannot be an HTTP header value, an invalid base URL, or a new-style key
    /// of another application or environment than the delivery's
    /// ([`ErrorKind::RecipientMismatch`](crate::ErrorKind::RecipientMismatch) then).
    pub fn token_check_request(&self, api_key: &ApiKey) -> Result<Request<Vec<u8>>, Error> {
        let vendor_error = |error: Error| error.with_vendor(Vendor::Ignisign);
        if api_key.secret().is_blank() {
            return Err(vendor_error(Error::configuration(
                "the Ignisign API key is empty or blank",
            )));
        }
        if api_key.app_id().is_some_and(|app_id| app_id != self.app_id) {
            return Err(vendor_error(ErrorKind::RecipientMismatch { field: "appId" }.into()));
        }
        if api_key.app_env().is_some_and(|app_env| *app_env != self.app_env) {
            return Err(vendor_error(ErrorKind::RecipientMismatch { field: "appEnv" }.into()));
        }
        let mut bearer = b"Bearer ".to_vec();
        bearer.extend_from_slice(api_key.secret().expose());
        let mut authorization = HeaderValue::from_bytes(&bearer).map_err(|_| {
            vendor_error(Error::configuration(
                "the Ignisign API key contains bytes not allowed in an HTTP header (a trailing newline?)",
            ))
        })?;
        authorization.set_sensitive(true);
        let body = serde_json::to_vec(&TokenCheckBody {
            token: &self.token,
            app_id: &self.app_id,
            app_env: self.app_env.as_str(),
        })
        .map_err(|_| vendor_error(Error::configuration("the token check body cannot be encoded")))?;
        Request::builder()
            .method(Method::POST)
            .uri(format!("{}{TOKEN_CHECK_PATH}", api_key.base_url()))
            .header(AUTHORIZATION, authorization)
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/json")
            .body(body)
            .map_err(|_| vendor_error(Error::configuration("the Ignisign base URL is not a valid URI")))
    }

    /// Reads Ignisign's answer to [`Delivery::token_check_request`]: the [`Message`] when the
    /// token is valid.
    ///
    /// Like the SDK, only `isValid` decides:
    ///
    /// * 2xx and `"isValid": true`: `Ok(message)`;
    /// * 2xx and `isValid` false: [`ErrorKind::ConfirmationRejected`](crate::ErrorKind::ConfirmationRejected)
    ///   (401), with a reason built from `alreadyConsumed`, `notFound`, `isExpired`,
    ///   `badTarget`, `badRelatedId` and `errorStr`;
    /// * any other status, a body that is not the documented JSON, or no `isValid`:
    ///   [`ErrorKind::ConfirmationFailed`](crate::ErrorKind::ConfirmationFailed) (502) with the status and
    ///   Ignisign's `errorCode` when its error body has one.
    ///
    /// The delivery is consumed either way: its token is single-use.
    pub fn confirm<B: AsRef<[u8]>>(self, response: Response<B>) -> Result<Message, Error> {
        let status = response.status();
        let body = response.body().as_ref();
        if !status.is_success() {
            let error_code = serde_json::from_slice::<ApiErrorBody>(body)
                .ok()
                .and_then(|error| error.error_code)
                .filter(|code| is_error_code_like(code));
            let reason = match &error_code {
                Some(code) => format!("Ignisign answered HTTP {} ({code})", status.as_u16()),
                None => format!("Ignisign answered HTTP {}", status.as_u16()),
            };
            return Err(api_error(Some(status.as_u16()), error_code, reason));
        }
        let ObjectOnly(answer) = serde_json::from_slice::<ObjectOnly<TokenCheckResponse>>(body).map_err(|err| {
            api_error(
                Some(status.as_u16()),
                None,
                format!("the token check answer is not the documented JSON ({err})"),
            )
        })?;
        match answer.is_valid {
            Some(true) => Ok(*self.message),
            Some(false) => Err(Error::new(ErrorKind::ConfirmationRejected {
                reason: answer.rejection_reason(&self.token),
            })
            .with_vendor(Vendor::Ignisign)),
            None => Err(api_error(
                Some(status.as_u16()),
                None,
                "the token check answer has no `isValid`".to_owned(),
            )),
        }
    }

    /// Returns the message **without asking Ignisign**: nothing proves that Ignisign sent it.
    ///
    /// Anyone who knows your endpoint and `appId` (which every delivery shows) can forge such
    /// a body. Use this only in tests or behind another authentication, and confirm state
    /// through Ignisign's API before acting on it.
    pub fn dangerous_skip_token_check(self) -> Message {
        *self.message
    }
}

impl fmt::Debug for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delivery")
            .field("topic", &self.message.topic)
            .field("action", &self.message.action)
            .field("msg_nature", &self.message.msg_nature)
            .field("app_id", &self.app_id)
            .field("app_env", &self.app_env)
            .field("verification_token", &"[REDACTED]")
            .finish_non_exhaustive()
    }
}

fn api_error(status: Option<u16>, error_code: Option<String>, reason: String) -> Error {
    Error::new(ErrorKind::ConfirmationFailed {
        status,
        error_code,
        reason,
    })
    .with_vendor(Vendor::Ignisign)
}

/// Ignisign's error body; only the code is read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiErrorBody {
    #[serde(default)]
    error_code: Option<String>,
}

/// Keeps only what looks like an `IGNISIGN_ERROR_CODES` value, so nothing else from the
/// response (which could echo the request) reaches an error message.
fn is_error_code_like(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= MAX_VENDOR_TEXT
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Ignisign's answer to the token check (`IgnisignTechnicalToken_CheckAndConsumeDto`).
///
/// [`Delivery::confirm`] reads it for you; the type is public so you can inspect an answer
/// yourself (e.g. when logging a rejection). Only `isValid` decides; every field is optional
/// here because the DTO's validators are not published.
///
/// ```
/// use esign_webhooks::ignisign::TokenCheckResponse;
///
/// let answer: TokenCheckResponse = serde_json::from_str(r#"{"isValid":false,"alreadyConsumed":true}"#)?;
/// assert_eq!(answer.is_valid, Some(false));
/// assert_eq!(answer.already_consumed, Some(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TokenCheckResponse {
    /// `true` when the token is valid (and is now consumed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_valid: Option<bool>,
    /// Context Ignisign attached to the token, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<serde_json::Value>,
    /// The token does not exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_found: Option<bool>,
    /// The token was already consumed (a replay, or a second check of the same delivery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub already_consumed: Option<bool>,
    /// The token is not for this target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad_target: Option<bool>,
    /// The token has expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_expired: Option<bool>,
    /// The token is not for this application or environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad_related_id: Option<bool>,
    /// Ignisign's description of the problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_str: Option<Text>,
    /// The token was consumed by this check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub have_been_consumed: Option<bool>,
}

impl TokenCheckResponse {
    /// Why the token was refused, from the flags and `errorStr` (never the token itself).
    fn rejection_reason(&self, token: &str) -> String {
        let flags = [
            (self.already_consumed, "already consumed"),
            (self.not_found, "not found"),
            (self.is_expired, "expired"),
            (self.bad_target, "bad target"),
            (self.bad_related_id, "bad related id"),
        ];
        let mut reasons: Vec<String> = flags
            .iter()
            .filter(|(flag, _)| *flag == Some(true))
            .map(|(_, reason)| (*reason).to_owned())
            .collect();
        if let Some(text) = self.error_str.as_deref().map(|text| sanitize(text, token)) {
            if !text.is_empty() {
                reasons.push(text);
            }
        }
        if reasons.is_empty() {
            "isValid is false".to_owned()
        } else {
            reasons.join(", ")
        }
    }
}

/// Bounds vendor text, drops control characters and hides the token if it is echoed.
fn sanitize(text: &str, token: &str) -> String {
    let text = if token.is_empty() {
        text.to_owned()
    } else {
        text.replace(token, "[REDACTED]")
    };
    text.chars()
        .filter(|c| !c.is_control())
        .take(MAX_VENDOR_TEXT)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Written in Ignisign's wire form (the message's fields, `appId`, `appEnv`
/// and `verificationToken`), so that a stored delivery reads back through the
/// crate's parser. The token is written too: it is what a later confirmation
/// spends, so store the value as you would store the raw body.
impl Serialize for Delivery {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire<'a> {
            #[serde(flatten)]
            message: &'a Message,
            app_id: &'a str,
            app_env: &'a AppEnv,
            verification_token: &'a str,
        }
        Wire {
            message: &self.message,
            app_id: &self.app_id,
            app_env: &self.app_env,
            verification_token: &self.token,
        }
        .serialize(serializer)
    }
}
