//! The single-pass parse used on the hot path.
//!
//! The envelope is read once: when `topic`, `action` and `msgNature` come
//! before `content` (as Ignisign sends them), the content is parsed into its
//! DTO right where it stands instead of being skipped and read again. Any
//! irregularity (a duplicated or missing field, content that does not match
//! its DTO) abandons the fast path, and
//! the two-stage parser in `envelope.rs` runs instead to report exactly what
//! is wrong, in the SDK's order. Both produce the same [`Delivery`] for every
//! body the fast path accepts.

use core::fmt;
use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::action::Action;
use super::content::Content;
use super::delivery::Delivery;
use super::enums::{AppEnv, MsgNature, Topic};
use super::message::{IgnisignError, Message};
use crate::json_object::ObjectOnly;

/// The delivery, or `None` when the precise two-stage parser must decide.
pub(crate) fn parse(body: &str) -> Option<Delivery> {
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let delivery = deserializer.deserialize_map(EnvelopeVisitor).ok()?;
    deserializer.end().ok()?;
    Some(delivery)
}

struct EnvelopeVisitor;

#[allow(
    clippy::large_enum_variant,
    reason = "lives on the stack for one parse; boxing would cost an allocation per delivery"
)]
enum ContentSlot<'de> {
    Absent,
    Parsed(Option<Content>),
    Raw(&'de RawValue),
}

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Delivery;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an Ignisign delivery")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Delivery, A::Error> {
        let mut topic: Option<Cow<'de, str>> = None;
        let mut action: Option<Cow<'de, str>> = None;
        let mut msg_nature: Option<Cow<'de, str>> = None;
        let mut token: Option<Cow<'de, str>> = None;
        let mut app_id: Option<Cow<'de, str>> = None;
        let mut app_env: Option<Cow<'de, str>> = None;
        let mut content = ContentSlot::Absent;
        let mut error: Option<Option<IgnisignError>> = None;

        fn set<'de, E: serde::de::Error>(slot: &mut Option<Cow<'de, str>>, value: Cow<'de, str>) -> Result<(), E> {
            match slot.replace(value) {
                None => Ok(()),
                Some(_) => Err(E::custom("duplicate field")),
            }
        }

        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "topic" => set(&mut topic, map.next_value()?)?,
                "action" => set(&mut action, map.next_value()?)?,
                "msgNature" => set(&mut msg_nature, map.next_value()?)?,
                "verificationToken" => set(&mut token, map.next_value()?)?,
                "appId" => set(&mut app_id, map.next_value()?)?,
                "appEnv" => set(&mut app_env, map.next_value()?)?,
                "content" => {
                    if !matches!(content, ContentSlot::Absent) {
                        return Err(A::Error::custom("duplicate field"));
                    }
                    content = match (&topic, &action, &msg_nature) {
                        (Some(topic), Some(action), Some(nature)) => {
                            let topic = Topic::from_wire(topic);
                            let seed = ContentSeed {
                                action: Action::parse(&topic, action),
                                topic,
                                msg_nature: MsgNature::from_wire(nature),
                            };
                            ContentSlot::Parsed(map.next_value_seed(seed)?)
                        }
                        _ => ContentSlot::Raw(map.next_value()?),
                    };
                }
                "error" => {
                    if error.is_some() {
                        return Err(A::Error::custom("duplicate field"));
                    }
                    let value: Option<ObjectOnly<IgnisignError>> = map.next_value()?;
                    error = Some(value.map(|ObjectOnly(error)| error));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }

        // The SDK's required fields, present and non-empty; otherwise the precise path reports it.
        let required = |field: Option<Cow<'de, str>>| field.filter(|value| !value.is_empty());
        let (Some(topic), Some(action), Some(msg_nature), Some(token), Some(app_id), Some(app_env)) = (
            required(topic),
            required(action),
            required(msg_nature),
            required(token),
            required(app_id),
            required(app_env),
        ) else {
            return Err(A::Error::custom("missing field"));
        };
        let topic = Topic::from_wire(&topic);
        let action = Action::parse(&topic, &action);
        let msg_nature = MsgNature::from_wire(&msg_nature);
        let content = match content {
            ContentSlot::Absent => None,
            ContentSlot::Parsed(content) => content,
            ContentSlot::Raw(raw) => {
                let mut deserializer = serde_json::Deserializer::from_str(raw.get());
                let content = Content::deserialize_for(&topic, &action, &msg_nature, &mut deserializer)
                    .map_err(A::Error::custom)?;
                Some(content)
            }
        };
        let message = Message {
            topic,
            action,
            msg_nature,
            content,
            error: error.flatten(),
        };
        Ok(Delivery::new(
            message,
            app_id.into_owned(),
            AppEnv::from_wire(&app_env),
            token.into_owned(),
        ))
    }
}

/// Reads `content` (or `null`) as the DTO its topic, action and nature select.
struct ContentSeed {
    topic: Topic,
    action: Action,
    msg_nature: MsgNature,
}

impl<'de> DeserializeSeed<'de> for ContentSeed {
    type Value = Option<Content>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Content>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for ContentSeed {
    type Value = Option<Content>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Ignisign content")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Option<Content>, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Content>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Content>, D::Error> {
        Content::deserialize_for(&self.topic, &self.action, &self.msg_nature, deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    /// The one-pass parse as `dispatch` calls it (UTF-8 checked, then the text).
    fn parse(body: &[u8]) -> Option<crate::ignisign::Delivery> {
        crate::plugin::fast_parse::<crate::ignisign::Ignisign>(body)
    }
    use crate::ignisign::envelope::parse_delivery;

    fn fixtures() -> Vec<(String, Vec<u8>)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ignisign");
        let mut all: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .map(|entry| entry.expect("entry").path())
            .map(|path| (path.display().to_string(), std::fs::read(&path).expect("readable")))
            .collect();
        all.sort();
        all
    }

    fn same(name: &str, body: &[u8]) {
        let fast = parse(body).unwrap_or_else(|| panic!("{name}: the fast path gave up"));
        let slow = parse_delivery(body).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(
            (fast.app_id(), fast.app_env()),
            (slow.app_id(), slow.app_env()),
            "{name}"
        );
        assert_eq!(
            fast.dangerous_skip_token_check(),
            slow.dangerous_skip_token_check(),
            "{name}"
        );
    }

    #[test]
    fn fast_and_precise_paths_agree_on_every_fixture() {
        for (name, body) in fixtures() {
            same(&name, &body);
        }
    }

    #[test]
    fn content_before_its_topic_is_read_afterwards() {
        for (name, body) in fixtures() {
            let mut value: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(&body).expect("fixture is an object");
            let content = value.remove("content");
            let mut reordered = serde_json::Map::new();
            if let Some(content) = content {
                reordered.insert("content".to_owned(), content);
            }
            reordered.extend(value);
            same(&name, &serde_json::to_vec(&reordered).expect("serializes"));
        }
    }

    #[test]
    fn irregular_bodies_leave_the_fast_path() {
        let base = r#"{"appId":"a","appEnv":"DEVELOPMENT","verificationToken":"t","topic":"SIGNER","action":"CREATED","msgNature":"INFO""#;
        for tail in [
            r#","content":{"appId":"a"}}"#, // content missing required DTO fields
            r#","topic":"SIGNER"}"#,        // duplicate field
            r#","error":[1]}"#,             // error not an object
        ] {
            assert!(parse(format!("{base}{tail}").as_bytes()).is_none(), "{tail}");
        }
        assert!(parse(br#"{"topic":"SIGNER"}"#).is_none(), "missing fields");
        assert!(parse(b"[]").is_none());
        assert!(parse(format!("{base}}} trailing").as_bytes()).is_none());
        assert!(parse(format!("{base}}}").as_bytes()).is_some());
        // Another vendor's key is identification's business (a body claimed by
        // two vendors never reaches a parser); here it is one more unknown key,
        // read the same by both paths.
        for tail in [r#","hook":{}}"#, r#","data":{}}"#] {
            let body = format!("{base}{tail}");
            assert!(parse(body.as_bytes()).is_some(), "{tail}");
            assert_eq!(
                crate::plugin::fast_path_agrees::<crate::ignisign::Ignisign>(body.as_bytes()),
                Ok(())
            );
        }
    }
}
