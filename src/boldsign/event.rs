//! The typed BoldSign event: `{event, context, data}`, with `data` read
//! according to `data.object`, as BoldSign's SDKs do.

use crate::Text;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use super::model::{Document, SenderIdentity, SignerAuthentication, Template};
use super::{Environment, EventType, ObjectType, UserType};
use crate::{Error, Vendor};

/// A BoldSign webhook event.
///
/// ```
/// use esign_webhooks::boldsign::{Data, EventType};
///
/// let body = br#"{"event":{"id":"e1","created":1700000000,"eventType":"Completed","environment":"Live"},
///   "data":{"object":"document","documentId":"d1","status":"Completed"}}"#;
/// let event: esign_webhooks::boldsign::Event = serde_json::from_slice(body)?;
/// assert_eq!(event.kind(), &EventType::Completed);
/// assert_eq!(event.document_id(), Some("d1"));
/// assert!(matches!(event.data, Data::Document(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Serializing gives back the delivered shape, so an event can be queued and
/// read again with `serde_json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened, when, and in which environment.
    pub event: Metadata,
    /// Who triggered the event and what changed (BoldSign "beta"): present on
    /// document and template events of documents created since 2026-01-08,
    /// except the failure events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// The object the event is about.
    #[serde(skip_serializing_if = "Data::is_empty")]
    pub data: Data,
}

impl Event {
    /// The event type (`event.eventType`).
    pub fn kind(&self) -> &EventType {
        &self.event.event_type
    }

    /// `true` for the [`Verification`](EventType::Verification) request sent
    /// when you press "Verify" on a webhook.
    pub fn is_verification(&self) -> bool {
        self.event.event_type == EventType::Verification
    }

    /// The document of a document, identity-verification or KBA event.
    pub fn document_id(&self) -> Option<&str> {
        match &self.data {
            Data::Document(document) => document.document_id.as_deref(),
            Data::IdentityVerification(auth) | Data::KnowledgeBasedAuthentication(auth) => auth.document_id.as_deref(),
            _ => None,
        }
    }

    /// The actor of the event (`context.actor`), when BoldSign sent the context.
    pub fn actor(&self) -> Option<&Actor> {
        self.context.as_ref()?.actor.as_ref()
    }
}

/// `event`: the event's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Metadata {
    /// The event's unique id (a GUID): the deduplication key.
    pub id: Text,
    /// When the event happened (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// The event type.
    pub event_type: EventType,
    /// The OAuth app, for app-level webhooks (absent for account-level ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Text>,
    /// `Test` or `Live`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
}

/// `context`: who triggered the event, and what changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Context {
    /// The event type again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_type: Option<EventType>,
    /// Who triggered it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
    /// The previous values of the fields that changed, as sent (`null` when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_state: Option<Value>,
}

/// `context.actor`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Actor {
    /// Which kind of user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    /// The user's id: the signer's id in the document for a signer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
}

/// `data`, chosen by `data.object`. The models are boxed: they are large.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Data {
    /// `document`: the document events (`Sent`, `Signed`, `Completed`, …).
    Document(Box<Document>),
    /// `template`: the template events.
    Template(Box<Template>),
    /// `senderIdentity`: the sender-identity events.
    SenderIdentity(Box<SenderIdentity>),
    /// `identityVerification`: the identity-verification events.
    IdentityVerification(Box<SignerAuthentication>),
    /// `knowledgeBasedAuthentication`: the KBA events.
    KnowledgeBasedAuthentication(Box<SignerAuthentication>),
    /// No `data` (or `null`): the [`Verification`](EventType::Verification) request.
    Empty,
    /// An `object` this version of the crate does not know (or none): `data` as sent.
    Unknown(Value),
}

impl Data {
    /// `true` for [`Data::Empty`].
    pub fn is_empty(&self) -> bool {
        matches!(self, Data::Empty)
    }

    /// The `object` value this data is written with.
    pub fn object(&self) -> Option<ObjectType> {
        Some(match self {
            Data::Document(_) => ObjectType::Document,
            Data::Template(_) => ObjectType::Template,
            Data::SenderIdentity(_) => ObjectType::SenderIdentity,
            Data::IdentityVerification(_) => ObjectType::IdentityVerification,
            Data::KnowledgeBasedAuthentication(_) => ObjectType::KnowledgeBasedAuthentication,
            Data::Empty | Data::Unknown(_) => return None,
        })
    }
}

/// Writes the delivered form: the model with its `object` member.
impl Serialize for Data {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Tagged<'a, T> {
            object: &'a str,
            #[serde(flatten)]
            inner: &'a T,
        }
        let object = self.object();
        let object = object.as_ref().map_or("", ObjectType::as_str);
        match self {
            Data::Document(inner) => Tagged { object, inner }.serialize(serializer),
            Data::Template(inner) => Tagged { object, inner }.serialize(serializer),
            Data::SenderIdentity(inner) => Tagged { object, inner }.serialize(serializer),
            Data::IdentityVerification(inner) | Data::KnowledgeBasedAuthentication(inner) => {
                Tagged { object, inner }.serialize(serializer)
            }
            Data::Empty => serializer.serialize_none(),
            Data::Unknown(value) => value.serialize(serializer),
        }
    }
}

/// The event with `data` left raw until `data.object` is read.
#[derive(Deserialize)]
struct Wire<'a> {
    event: Metadata,
    #[serde(default)]
    context: Option<Context>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Peek<'a> {
    #[serde(default, borrow)]
    object: Option<Cow<'a, str>>,
}

/// See [`super::parse`].
pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    let malformed = |part: &[u8], err: serde_json::Error| {
        Error::malformed_payload_in(body, part, err).with_vendor(Vendor::BoldSign)
    };
    let wire: Wire<'_> = crate::json_text::from_body(body).map_err(|err| malformed(body, err))?;
    let data = match wire.data {
        None => Data::Empty,
        Some(raw) if raw.get().trim() == "null" => Data::Empty,
        Some(raw) => {
            // `part` is a slice of `body`, so errors inside it are placed in the whole body.
            let part = raw.get();
            let object = serde_json::from_str::<Peek<'_>>(part)
                .ok()
                .and_then(|peek| peek.object)
                .map(|object| ObjectType::from_wire(&object));
            match object {
                Some(ObjectType::Unknown(_)) | None => serde_json::from_str(part).map(Data::Unknown),
                Some(known) => typed(&known, part),
            }
            .map_err(|err| malformed(part.as_bytes(), err))?
        }
    };
    Ok(Event {
        event: wire.event,
        context: wire.context,
        data,
    })
}

fn typed(object: &ObjectType, part: &str) -> Result<Data, serde_json::Error> {
    Ok(match object {
        ObjectType::Document => Data::Document(serde_json::from_str(part)?),
        ObjectType::Template => Data::Template(serde_json::from_str(part)?),
        ObjectType::SenderIdentity => Data::SenderIdentity(serde_json::from_str(part)?),
        ObjectType::IdentityVerification => Data::IdentityVerification(serde_json::from_str(part)?),
        ObjectType::KnowledgeBasedAuthentication => Data::KnowledgeBasedAuthentication(serde_json::from_str(part)?),
        ObjectType::Unknown(_) => Data::Unknown(serde_json::from_str(part)?),
    })
}

/// The hot path: a body whose `data` starts with a known `object` (the
/// order BoldSign sends), read in one pass: the model is chosen when `object`
/// is read and the rest of `data` goes straight into it. `None` for anything
/// else (`object` not first, an unknown object, a duplicate key, any error),
/// which [`parse`] then reads or reports precisely. The precise parse scans
/// `data` three times (raw, the `object` peek, typed).
pub(super) fn parse_fast(body: &str) -> Option<Event> {
    use serde::de::value::MapAccessDeserializer;
    use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};

    struct OnePass;

    impl<'de> Visitor<'de> for OnePass {
        type Value = Option<Event>;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a BoldSign event")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Event>, A::Error> {
            let (mut event, mut context, mut data) = (None, None, None);
            while let Some(crate::unknown_members::Key(key)) = map.next_key()? {
                match &*key {
                    "event" if event.is_none() => event = Some(map.next_value::<Metadata>()?),
                    "context" if context.is_none() => context = Some(map.next_value::<Option<Context>>()?),
                    "data" if data.is_none() => match map.next_value_seed(DataSeed)? {
                        Some(read) => data = Some(read),
                        None => return Ok(None),
                    },
                    "event" | "context" | "data" => return Ok(None),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(event.map(|event| Event {
                event,
                context: context.flatten(),
                data: data.unwrap_or(Data::Empty),
            }))
        }
    }

    /// `data`: `null`, or an object whose first member is a known `object`.
    struct DataSeed;

    impl<'de> DeserializeSeed<'de> for DataSeed {
        type Value = Option<Data>;

        fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Option<Data>, D::Error> {
            deserializer.deserialize_option(self)
        }
    }

    impl<'de> Visitor<'de> for DataSeed {
        type Value = Option<Data>;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("BoldSign's data")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Option<Data>, E> {
            Ok(Some(Data::Empty))
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Data>, E> {
            Ok(Some(Data::Empty))
        }

        fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Option<Data>, D::Error> {
            deserializer.deserialize_map(self)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Data>, A::Error> {
            if map
                .next_key::<crate::unknown_members::Key<'de>>()?
                .map(|key| key.0)
                .as_deref()
                != Some("object")
            {
                return Ok(None);
            }
            let object = ObjectType::from_wire(&map.next_value::<Cow<'de, str>>()?);
            // The rest of `data` straight into the model; a second `object`
            // (which the precise parse reads as unknown data) ends the one pass.
            let rest = MapAccessDeserializer::new(NoSecondObject(map));
            Ok(Some(match object {
                ObjectType::Document => Data::Document(Deserialize::deserialize(rest)?),
                ObjectType::Template => Data::Template(Deserialize::deserialize(rest)?),
                ObjectType::SenderIdentity => Data::SenderIdentity(Deserialize::deserialize(rest)?),
                ObjectType::IdentityVerification => Data::IdentityVerification(Deserialize::deserialize(rest)?),
                ObjectType::KnowledgeBasedAuthentication => {
                    Data::KnowledgeBasedAuthentication(Deserialize::deserialize(rest)?)
                }
                ObjectType::Unknown(_) => return Ok(None),
            }))
        }
    }

    struct NoSecondObject<A>(A);

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for NoSecondObject<A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
            match self.0.next_key::<crate::unknown_members::Key<'de>>()?.map(|key| key.0) {
                None => Ok(None),
                Some(key) if key == "object" => Err(serde::de::Error::custom("`object` twice")),
                Some(key) => {
                    let key: serde::de::value::StrDeserializer<'_, A::Error> = key.as_ref().into_deserializer();
                    seed.deserialize(key).map(Some)
                }
            }
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
            self.0.next_value_seed(seed)
        }
    }

    use serde::Deserializer as _;
    use serde::de::IntoDeserializer as _;
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let event = deserializer.deserialize_map(OnePass).ok()??;
    deserializer.end().ok()?;
    Some(event)
}

/// Reads `{event, context, data}` from any serde format (a queue, a test),
/// choosing `data`'s model from `data.object` like the crate's parser does.
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Owned {
            event: Metadata,
            #[serde(default)]
            context: Option<Context>,
            #[serde(default)]
            data: Option<Value>,
        }
        let Owned { event, context, data } = Owned::deserialize(deserializer)?;
        let data = match data {
            None | Some(Value::Null) => Data::Empty,
            Some(value) => {
                let object = value.get("object").and_then(Value::as_str).map(ObjectType::from_wire);
                let text = value.to_string();
                match object {
                    Some(known) => typed(&known, &text),
                    None => Ok(Data::Unknown(value)),
                }
                .map_err(serde::de::Error::custom)?
            }
        };
        Ok(Event { event, context, data })
    }
}
