//! Reading the envelope (`IgnisignWebhook_ActionDto`) in two stages: the six
//! fields the SDK requires, then the typed message with `content` read by topic.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::action::Action;
use super::content::Content;
use super::delivery::Delivery;
use super::enums::{AppEnv, MsgNature, Topic};
use super::message::{IgnisignError, Message};
use crate::json_object::{ObjectOnly, option_object};
use crate::{Error, ErrorKind, Vendor};

/// The six fields the SDK requires, borrowed from the body; everything else is skipped
/// (serde ignores unknown fields, `content` included, without building any value).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RequiredFields<'a> {
    #[serde(borrow, default)]
    topic: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    msg_nature: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    verification_token: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    app_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    app_env: Option<Cow<'a, str>>,
}

/// The whole envelope, `content` kept as raw JSON until the topic is known.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireDelivery<'a> {
    #[serde(borrow, default)]
    topic: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    msg_nature: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    verification_token: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    app_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    app_env: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    content: Option<&'a RawValue>,
    #[serde(default, deserialize_with = "option_object")]
    error: Option<IgnisignError>,
}

/// The six required fields, all present and non-empty.
pub(crate) struct Required<'b> {
    pub(crate) topic: &'b str,
    pub(crate) action: &'b str,
    pub(crate) msg_nature: &'b str,
    pub(crate) verification_token: &'b str,
    pub(crate) app_id: &'b str,
    pub(crate) app_env: &'b str,
}

fn ignisign(kind: ErrorKind) -> Error {
    Error::new(kind).with_vendor(Vendor::Ignisign)
}

/// The SDK's step 2: every field present and truthy (a JS empty string is falsy), checked
/// in the SDK's order so the first missing one is reported.
fn required<'b>(
    topic: &'b Option<Cow<'_, str>>,
    action: &'b Option<Cow<'_, str>>,
    msg_nature: &'b Option<Cow<'_, str>>,
    verification_token: &'b Option<Cow<'_, str>>,
    app_id: &'b Option<Cow<'_, str>>,
    app_env: &'b Option<Cow<'_, str>>,
) -> Result<Required<'b>, Error> {
    fn field<'b>(value: &'b Option<Cow<'_, str>>, name: &'static str) -> Result<&'b str, Error> {
        match value.as_deref() {
            Some(value) if !value.is_empty() => Ok(value),
            _ => Err(ignisign(ErrorKind::MissingField { field: name })),
        }
    }
    Ok(Required {
        topic: field(topic, "topic")?,
        action: field(action, "action")?,
        msg_nature: field(msg_nature, "msgNature")?,
        verification_token: field(verification_token, "verificationToken")?,
        app_id: field(app_id, "appId")?,
        app_env: field(app_env, "appEnv")?,
    })
}

/// Minimal parse and required-field check; calls `check` with the fields.
pub(crate) fn with_required_fields<T>(
    body: &[u8],
    check: impl FnOnce(&Required<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let ObjectOnly(fields) = crate::json_text::from_body::<ObjectOnly<RequiredFields<'_>>>(body)
        .map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::Ignisign))?;
    let required = required(
        &fields.topic,
        &fields.action,
        &fields.msg_nature,
        &fields.verification_token,
        &fields.app_id,
        &fields.app_env,
    )?;
    check(&required)
}

/// Required-field check and full typed parse, without any application check.
pub(crate) fn parse_delivery(body: &[u8]) -> Result<Delivery, Error> {
    let malformed = |err: serde_json::Error| Error::malformed_payload(body, err).with_vendor(Vendor::Ignisign);
    let ObjectOnly(wire) = crate::json_text::from_body::<ObjectOnly<WireDelivery<'_>>>(body).map_err(malformed)?;
    let fields = required(
        &wire.topic,
        &wire.action,
        &wire.msg_nature,
        &wire.verification_token,
        &wire.app_id,
        &wire.app_env,
    )?;
    let topic = Topic::from_wire(fields.topic);
    let action = Action::parse(&topic, fields.action);
    let msg_nature = MsgNature::from_wire(fields.msg_nature);
    let content = match wire.content {
        None => None,
        Some(raw) => match parse_content(body, raw, &topic, &action, &msg_nature) {
            Ok(content) => Some(content),
            // An error report may carry partial content: its `error` matters more than a strict
            // content type, so the content is kept as raw JSON instead of refusing the delivery.
            Err(_) if msg_nature == MsgNature::Error => {
                Some(Content::Unknown(serde_json::from_str(raw.get()).map_err(malformed)?))
            }
            Err(err) => return Err(err),
        },
    };
    let app_id = fields.app_id.to_owned();
    let app_env = AppEnv::from_wire(fields.app_env);
    let token = fields.verification_token.to_owned();
    let message = Message {
        topic,
        action,
        msg_nature,
        content,
        error: wire.error,
    };
    Ok(Delivery::new(message, app_id, app_env, token))
}

/// Reads `content` by topic; errors are located in the whole body (`$.content…`).
fn parse_content(
    body: &[u8],
    raw: &RawValue,
    topic: &Topic,
    action: &Action,
    msg_nature: &MsgNature,
) -> Result<Content, Error> {
    let json = raw.get();
    let mut deserializer = serde_json::Deserializer::from_str(json);
    Content::deserialize_for(topic, action, msg_nature, &mut deserializer)
        .and_then(|content| deserializer.end().map(|()| content))
        .map_err(|err| Error::malformed_payload_in(body, json.as_bytes(), err).with_vendor(Vendor::Ignisign))
}

/// Reads the wire form back through the crate's parser, with its checks. It
/// is here, with the parser, so that `delivery.rs` does not name this file
/// while this file names `Delivery`.
impl<'de> Deserialize<'de> for Delivery {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Delivery, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let bytes = serde_json::to_vec(&value).map_err(serde::de::Error::custom)?;
        parse_delivery(&bytes).map_err(serde::de::Error::custom)
    }
}
