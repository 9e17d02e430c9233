//! [`Message`]: a confirmed delivery, as Ignisign's SDK passes it to callbacks,
//! and [`IgnisignError`], the `error` of error messages.

use crate::Text;
use serde::de::{Error as _, IgnoredAny};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::action::Action;
use super::content::Content;
use super::enums::{MsgNature, Topic};
use super::error_code::ErrorCode;
use crate::json_object::{ObjectOnly, option_object};

/// `IgnisignError`: why an action failed, carried by messages of nature `ERROR`.
///
/// ```
/// use esign_webhooks::ignisign::{ErrorCode, IgnisignError};
///
/// let error: IgnisignError = serde_json::from_str(r#"{"errorCode":"DOCUMENT_PROOF_NOT_CREATED","message":"proof failed"}"#)?;
/// assert_eq!(error.error_code, ErrorCode::DocumentProofNotCreated);
/// assert_eq!(error.message.as_deref(), Some("proof failed"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct IgnisignError {
    /// The error code (codes this version does not know are kept in [`ErrorCode::Unknown`]).
    pub error_code: ErrorCode,
    /// A human-readable description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// Key/value pairs that give more context, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<serde_json::Value>,
}

/// A confirmed Ignisign message: what the official SDK hands to callbacks.
///
/// You get one from [`Delivery::confirm`](super::Delivery::confirm) once Ignisign has accepted
/// the delivery's verification token (or from
/// [`Delivery::dangerous_skip_token_check`](super::Delivery::dangerous_skip_token_check)).
/// Like the SDK's callback parameters, it holds no `appId`, `appEnv` or token.
///
/// `Message` serializes to `{"topic","action","msgNature","content","error"}` and deserializes
/// back to an equal value, so it can be queued. (One exception: the content of an `ERROR`
/// message that was kept as raw JSON because a key was given twice reads back typed, since a
/// JSON value keeps one of the two.) Deserializing refuses a raw delivery body (one
/// with a `verificationToken`): a raw body is not confirmed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Message {
    /// What the event is about.
    pub topic: Topic,
    /// What happened, typed by the topic.
    pub action: Action,
    /// Information, success, warning or error.
    pub msg_nature: MsgNature,
    /// The event's data, typed by the topic; `None` when Ignisign sent none (or `null`).
    pub content: Option<Content>,
    /// Why the action failed, on error messages.
    pub error: Option<IgnisignError>,
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = 3 + usize::from(self.content.is_some()) + usize::from(self.error.is_some());
        let mut state = serializer.serialize_struct("Message", fields)?;
        state.serialize_field("topic", &self.topic)?;
        state.serialize_field("action", &self.action)?;
        state.serialize_field("msgNature", &self.msg_nature)?;
        if let Some(content) = &self.content {
            state.serialize_field("content", content)?;
        }
        if let Some(error) = &self.error {
            state.serialize_field("error", error)?;
        }
        state.end()
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Stored {
            topic: Topic,
            action: String,
            msg_nature: MsgNature,
            #[serde(default)]
            content: Option<serde_json::Value>,
            #[serde(default, deserialize_with = "option_object")]
            error: Option<IgnisignError>,
            #[serde(default)]
            verification_token: Option<IgnoredAny>,
        }

        let ObjectOnly(stored) = ObjectOnly::<Stored>::deserialize(deserializer)?;
        if stored.verification_token.is_some() {
            return Err(D::Error::custom(
                "this is a raw Ignisign delivery, not a stored Message: verify it first (its token is unconfirmed)",
            ));
        }
        let action = Action::parse(&stored.topic, &stored.action);
        let content = match stored.content {
            None | Some(serde_json::Value::Null) => None,
            Some(value) => match Content::deserialize_for(&stored.topic, &action, &stored.msg_nature, &value) {
                Ok(content) => Some(content),
                // As when the delivery was parsed: an error report's partial content
                // is kept as raw JSON (found by fuzzing: such a Message did not read back).
                Err(_) if stored.msg_nature == MsgNature::Error => Some(Content::Unknown(value)),
                Err(err) => return Err(D::Error::custom(err)),
            },
        };
        Ok(Message {
            topic: stored.topic,
            action,
            msg_nature: stored.msg_nature,
            content,
            error: stored.error,
        })
    }
}
