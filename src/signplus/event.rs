//! The typed Sign.Plus delivery: `{hook, data}`, with `data` read according
//! to `hook.event`.

use crate::Text;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{AuditAction, EventKind};
use crate::{Error, Vendor};

/// The webhook a delivery belongs to (`hook`): "metadata about the webhook itself".
///
/// Its `Debug` shows [`target`](Hook::target) with its query values (and any
/// user information) `[REDACTED]`: Sign.Plus echoes the registered URL, and
/// that URL carries the query token the request is authenticated by.
///
/// ```
/// use esign_webhooks::signplus::Hook;
///
/// let hook: Hook = serde_json::from_str(
///     r#"{"event": "envelope_completed", "target": "https://example.com/hooks/signplus?token=s3cr3t"}"#,
/// ).unwrap();
/// let shown = format!("{hook:?}");
/// assert!(shown.contains("https://example.com/hooks/signplus?token=[REDACTED]"), "{shown}");
/// assert!(!shown.contains("s3cr3t"));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hook {
    /// The webhook's id, as returned when it was created (a 24-hex id in the
    /// examples). Optional in Sign.Plus's SDK models, so not required here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// The event the webhook is registered for; it decides the shape of [`Event::data`].
    pub event: EventKind,
    /// The URL the delivery was sent to. Optional in Sign.Plus's SDK models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Text>,
}

impl core::fmt::Debug for Hook {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Hook")
            .field("id", &self.id)
            .field("event", &self.event)
            .field("target", &self.target.as_deref().map(crate::headers::redacted_url))
            .finish()
    }
}

/// `data` of the envelope events (completed, declined, expired, voided).
///
/// Only `envelope_id` is required: every documented example carries it and
/// the delivery means nothing without it. The other fields are kept optional
/// because Sign.Plus does not document them beyond one example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnvelopeData {
    /// Undocumented id; equal to `hook.id` in every published example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Undocumented 32-hex id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<Text>,
    /// The envelope the event is about; fetch it through the REST API to confirm its state.
    pub envelope_id: Text,
    /// The envelope's document name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<Text>,
}

/// `data` of an [`EnvelopeAuditTrail`](EventKind::EnvelopeAuditTrail) delivery:
/// one recipient's action.
///
/// `envelope_id` and `action` are required. `recipient_id` is optional
/// although the example has it, so that an action Sign.Plus adds later that is
/// not a recipient's (a sender's, say) still parses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditTrailData {
    /// Undocumented id; equal to `hook.id` in the published example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Undocumented 32-hex id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<Text>,
    /// The envelope acted on.
    pub envelope_id: Text,
    /// The recipient who acted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<Text>,
    /// What the recipient did.
    pub action: AuditAction,
    /// The document name; not in the documented example, kept when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<Text>,
}

/// A Sign.Plus delivery.
///
/// ```
/// use esign_webhooks::signplus::{Data, Event, EventKind};
///
/// let body = r#"{
///   "hook": {"id": "6697ccb204bd194fa74c22b4", "event": "envelope_completed", "target": "https://example.com/hook"},
///   "data": {"id": "6697ccb204bd194fa74c22b4", "uid": "4a6e29bfc5344ca6ad7cc8beda456481",
///            "envelope_id": "6697e681c5e364c7c23710d4", "file_name": "dummy"}
/// }"#;
/// let event: Event = serde_json::from_str(body)?;
/// assert_eq!(event.kind(), &EventKind::EnvelopeCompleted);
/// assert_eq!(event.envelope_id(), Some("6697e681c5e364c7c23710d4"));
/// match &event.data {
///     Data::Envelope(data) => assert_eq!(data.file_name.as_deref(), Some("dummy")),
///     Data::AuditTrail(trail) => println!("{} did {}", trail.recipient_id.as_deref().unwrap_or("?"), trail.action),
///     other => println!("an event this version does not know: {other:?}"),
/// }
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Serializing gives back the `{hook, data}` shape, so an event can be queued
/// and read again with `serde_json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event {
    /// The webhook the delivery belongs to, with the event name.
    pub hook: Hook,
    /// The event's data, typed according to `hook.event`.
    pub data: Data,
}

/// The `data` part of a delivery, chosen by [`Hook::event`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Data {
    /// `envelope_completed`, `envelope_declined`, `envelope_expired`, `envelope_voided`.
    Envelope(EnvelopeData),
    /// `envelope_audit_trail`.
    AuditTrail(AuditTrailData),
    /// An event this version of the crate does not know: `data` as received
    /// (`null` when absent).
    Unknown(serde_json::Value),
}

impl Event {
    /// The event name (`hook.event`).
    pub fn kind(&self) -> &EventKind {
        &self.hook.event
    }

    /// The envelope the event is about. For an unknown event, `data.envelope_id`
    /// when it is a string.
    pub fn envelope_id(&self) -> Option<&str> {
        match &self.data {
            Data::Envelope(data) => Some(&data.envelope_id),
            Data::AuditTrail(data) => Some(&data.envelope_id),
            Data::Unknown(value) => value.get("envelope_id").and_then(serde_json::Value::as_str),
        }
    }

    /// The recipient's action, for an audit-trail delivery.
    pub fn audit_action(&self) -> Option<&AuditAction> {
        match &self.data {
            Data::AuditTrail(data) => Some(&data.action),
            _ => None,
        }
    }
}

/// Which `data` model an event name selects.
enum Shape {
    Envelope,
    AuditTrail,
    Unknown,
}

impl Shape {
    fn of(kind: &EventKind) -> Shape {
        match kind {
            EventKind::EnvelopeCompleted
            | EventKind::EnvelopeDeclined
            | EventKind::EnvelopeExpired
            | EventKind::EnvelopeVoided => Shape::Envelope,
            EventKind::EnvelopeAuditTrail => Shape::AuditTrail,
            EventKind::Unknown(_) => Shape::Unknown,
        }
    }
}

/// The delivery with `data` left unparsed until `hook.event` is known.
#[derive(Deserialize)]
struct Wire<'a> {
    hook: Hook,
    /// `Some` whenever the key is present, even for `null`, so that a known
    /// event with `"data": null` reports a type error at `$.data`.
    #[serde(default, borrow, deserialize_with = "present")]
    data: Option<&'a RawValue>,
}

fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(deserializer).map(Some)
}

/// The two-stage parse: `data` stays raw until `hook.event` is known. (A
/// one-pass parse was measured no faster and was dropped.)
pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    let malformed = |part: &[u8], err: serde_json::Error| {
        Error::malformed_payload_in(body, part, err).with_vendor(Vendor::SignPlus)
    };
    let wire: Wire<'_> = crate::json_text::from_body(body).map_err(|err| malformed(body, err))?;
    let Some(raw) = wire.data else {
        return match Shape::of(&wire.hook.event) {
            Shape::Unknown => Ok(Event {
                hook: wire.hook,
                data: Data::Unknown(serde_json::Value::Null),
            }),
            _ => Err(malformed(body, serde::de::Error::missing_field("data"))),
        };
    };
    // `part` is a slice of `body`, so an error inside it is placed in the whole body.
    let part = raw.get();
    let data = match Shape::of(&wire.hook.event) {
        Shape::Envelope => serde_json::from_str(part).map(Data::Envelope),
        Shape::AuditTrail => serde_json::from_str(part).map(Data::AuditTrail),
        Shape::Unknown => serde_json::from_str(part).map(Data::Unknown),
    }
    .map_err(|err| malformed(part.as_bytes(), err))?;
    Ok(Event { hook: wire.hook, data })
}

/// The hot path: `hook` then `data` (the order Sign.Plus sends) of a known
/// event, read in one pass with `data`'s model chosen as soon as it is met.
/// `None` for anything else (`data` first, an unknown event, a duplicate or
/// missing key, any error), which [`parse`] then reads or reports precisely.
/// The two-stage parse scans `data` twice (raw, then typed): at 64 KiB that
/// was half of `dispatch`.
pub(super) fn parse_fast(body: &str) -> Option<Event> {
    struct OnePass;

    impl<'de> serde::de::Visitor<'de> for OnePass {
        type Value = Option<Event>;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a Sign.Plus delivery")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Option<Event>, A::Error> {
            let mut hook: Option<Hook> = None;
            let mut data: Option<Data> = None;
            while let Some(crate::unknown_members::Key(key)) = map.next_key()? {
                match (&*key, &hook, &data) {
                    ("hook", None, None) => hook = Some(map.next_value()?),
                    ("data", Some(known), None) => {
                        data = Some(match Shape::of(&known.event) {
                            Shape::Envelope => Data::Envelope(map.next_value()?),
                            Shape::AuditTrail => Data::AuditTrail(map.next_value()?),
                            Shape::Unknown => return Ok(None),
                        })
                    }
                    ("hook" | "data", _, _) => return Ok(None),
                    _ => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
            }
            Ok(hook.zip(data).map(|(hook, data)| Event { hook, data }))
        }
    }

    use serde::Deserializer as _;
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let event = deserializer.deserialize_map(OnePass).ok()??;
    deserializer.end().ok()?;
    Some(event)
}

/// Reads `{hook, data}` from any serde format (a queue, a test), choosing
/// `data`'s model from `hook.event` like the crate's parser does.
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Owned {
            hook: Hook,
            #[serde(default, deserialize_with = "present_value")]
            data: Option<serde_json::Value>,
        }
        fn present_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
            serde_json::Value::deserialize(d).map(Some)
        }
        let Owned { hook, data } = Owned::deserialize(deserializer)?;
        let data = match (Shape::of(&hook.event), data) {
            (Shape::Unknown, data) => Data::Unknown(data.unwrap_or(serde_json::Value::Null)),
            (_, None) => return Err(serde::de::Error::missing_field("data")),
            (Shape::Envelope, Some(value)) => {
                Data::Envelope(serde_json::from_value(value).map_err(serde::de::Error::custom)?)
            }
            (Shape::AuditTrail, Some(value)) => {
                Data::AuditTrail(serde_json::from_value(value).map_err(serde::de::Error::custom)?)
            }
        };
        Ok(Event { hook, data })
    }
}
