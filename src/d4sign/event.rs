//! The typed D4Sign post: `{uuid, type_post, message, email}`.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::TypePost;
use crate::json_text::Reading;
use crate::{Error, Vendor};

/// A D4Sign post (read from a JSON, urlencoded or multipart body).
///
/// **Only `uuid` is authenticated** (see the module docs): `type_post`,
/// `message` and `email` are as the sender wrote them.
///
/// ```
/// use esign_webhooks::d4sign::{Event, TypePost};
///
/// let event = Event::from_body(b"uuid=UUID-DOCUMENT&type_post=4&message=Signed&email=jane%40example.com")?;
/// assert_eq!(event.type_post, TypePost::Signed);
/// assert_eq!(event.email.as_deref(), Some("jane@example.com"));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The document's UUID: the one field the `Content-Hmac` covers.
    pub uuid: Text,
    /// What happened: a digit, as text in every example (a JSON number is read too).
    #[serde(deserialize_with = "text_or_number")]
    pub type_post: TypePost,
    /// D4Sign's text for it (`"Finished document"`, `"Signed"`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// The signer concerned (`2`, `4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
}

impl Event {
    /// The post type.
    pub fn kind(&self) -> &TypePost {
        &self.type_post
    }

    /// Reads a post from its raw body: JSON, `application/x-www-form-urlencoded`
    /// or `multipart/form-data`.
    pub fn from_body(body: &[u8]) -> Result<Event, Error> {
        parse(body)
    }
}

/// `type_post` as text (`"4"`, every example) or as a JSON number (`4`): the
/// same post, so the same [`TypePost`] and the same dedup key.
fn text_or_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<TypePost, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Number(u64),
    }
    Ok(match Raw::deserialize(deserializer)? {
        Raw::Text(text) => TypePost::from_wire(&text),
        Raw::Number(number) => TypePost::from_wire(&number.to_string()),
    })
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    if super::body::is_json(body) {
        return crate::json_text::from_body(body)
            .map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::D4Sign));
    }
    let fields = super::body::fields(body).map_err(|err| err.with_vendor(Vendor::D4Sign))?;
    let value = serde_json::Value::Object(fields);
    // Re-read from the fields' JSON so that errors name the field (`$.type_post`).
    let text = serde_json::to_vec(&value).map_err(|err| Error::malformed_payload(body, err))?;
    crate::json_text::from_body(&text).map_err(|err| Error::malformed_payload(&text, err).with_vendor(Vendor::D4Sign))
}

/// The minimal parse the proof needs: the document's `uuid`, and nothing
/// else; of a JSON body, as far as `reading` says ([`Reading::UpToKey`]
/// where the typed parse of the body follows).
pub(super) fn uuid(body: &[u8], reading: Reading) -> Result<String, Error> {
    let missing = || Error::new(crate::ErrorKind::MissingField { field: "uuid" }).with_vendor(Vendor::D4Sign);
    if super::body::is_json(body) {
        let uuid: Option<String> = crate::json_text::member(body, "uuid", reading)
            .map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::D4Sign))?;
        return uuid.ok_or_else(missing);
    }
    let fields = super::body::fields(body).map_err(|err| err.with_vendor(Vendor::D4Sign))?;
    match fields.get("uuid") {
        Some(serde_json::Value::String(uuid)) => Ok(uuid.clone()),
        _ => Err(missing()),
    }
}
