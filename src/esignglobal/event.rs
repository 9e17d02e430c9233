//! [`Event`]: a parsed delivery of either channel, and how it is read from and
//! written back to the wire.

use crate::Text;
use core::fmt;

use serde::Serialize;
use serde_json::value::RawValue;

use super::model::Envelope;
use crate::Vendor;
use crate::error::{Error, ErrorKind};
use crate::wire_enum::string_enum;

/// The fixed `callBackEnum` of App callback deliveries.
const ENVELOPE_UPDATE: &str = "ENVELOPE_UPDATE";

/// Which of eSignGlobal's two notification channels a delivery came through.
///
/// The channel is read from the body's shape, not from the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Channel {
    /// The account-level Webhook (Settings → Integrations → Webhook):
    /// `{ "event": …, "eventPayload": … }`. It has a per-webhook secret key.
    Webhook,
    /// The per-application callback (Settings → Integrations → Apps):
    /// `{ "callBackEnum": "ENVELOPE_UPDATE", "callBackDesc": …, "callBackEnvelopeVO": … }`.
    /// Its pages mention no authentication at all.
    AppCallback,
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Channel::Webhook => "Webhook",
            Channel::AppCallback => "App callback",
        })
    }
}

string_enum! {
    /// The event name: `event` on the Webhook channel, `callBackDesc` on the App
    /// callback channel. The names are shared by both channels except for the
    /// declined event (see [`EventKind::is_declined`]).
    ///
    /// The published lists are incomplete; other names arrive as
    /// [`EventKind::Unknown`].
    ///
    /// ```
    /// use esign_webhooks::esignglobal::EventKind;
    /// assert_eq!(EventKind::from_wire("ENVELOPE_FINISH"), EventKind::EnvelopeFinish);
    /// assert!(EventKind::from_wire("ENVELOPE_ARCHIVED").is_unknown());
    /// ```
    pub enum EventKind {
        /// The envelope was started. Webhook: listed without a payload table.
        EnvelopeStart => "ENVELOPE_START",
        /// A signer signed. Webhook: `signerInfo` is that signer. App callback:
        /// listed on the overview without a page.
        EnvelopeSignerSigned => "ENVELOPE_SIGNER_SIGNED",
        /// Every signer signed. Webhook: listed without a payload table.
        EnvelopeAllSignerSigned => "ENVELOPE_ALL_SIGNER_SIGNED",
        /// The envelope ended (completed).
        EnvelopeFinish => "ENVELOPE_FINISH",
        /// The envelope was canceled after it was started (`cancelInfo`).
        EnvelopeCancel => "ENVELOPE_CANCEL",
        /// A signer declined (Webhook channel name, without the `ENVELOPE_` prefix; `declineReason`).
        SignerDeclined => "SIGNER_DECLINED",
        /// A signer declined (App callback channel name; `declineSigner`).
        EnvelopeDeclined => "ENVELOPE_DECLINED",
        /// The envelope expired.
        EnvelopeExpired => "ENVELOPE_EXPIRED",
        /// Delivery to a signer or a carbon-copy recipient failed.
        EnvelopeDeliveryFailed => "ENVELOPE_DELIVERY_FAILED",
        /// A signer opened the envelope (App callback; the Webhook channel may send it too).
        EnvelopeSignerViewed => "ENVELOPE_SIGNER_VIEWED",
        /// Signing failed with an error (App callback; `description`; the Webhook channel may send it too).
        EnvelopeSignerFailed => "ENVELOPE_SIGNER_FAILED",
    }
}

impl EventKind {
    /// `true` for `SIGNER_DECLINED` (Webhook) and `ENVELOPE_DECLINED` (App
    /// callback), the same business event under two names.
    ///
    /// ```
    /// use esign_webhooks::esignglobal::EventKind;
    /// assert!(EventKind::SignerDeclined.is_declined());
    /// assert!(EventKind::EnvelopeDeclined.is_declined());
    /// assert!(!EventKind::EnvelopeCancel.is_declined());
    /// ```
    pub fn is_declined(&self) -> bool {
        matches!(self, EventKind::SignerDeclined | EventKind::EnvelopeDeclined)
    }
}

/// The data of a known event: the envelope and where it came from.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Payload {
    /// The channel the delivery came through.
    pub channel: Channel,
    /// `eventPayload` (Webhook) or `callBackEnvelopeVO` (App callback). Boxed:
    /// the envelope is large, and events are moved around by value.
    pub envelope: Box<Envelope>,
    /// App callback channel: `callBackEnum` as sent (documented as the fixed
    /// `"ENVELOPE_UPDATE"`); `None` on the Webhook channel or when absent.
    pub call_back_enum: Option<Text>,
}

/// An event whose name this version of the crate does not know.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnknownEvent {
    /// The channel the delivery came through.
    pub channel: Channel,
    /// The event name as sent (`event` or `callBackDesc`).
    pub name: Text,
    /// The whole body, as JSON.
    pub raw: serde_json::Value,
    /// `name` as an [`EventKind`] (always `Unknown`), so that
    /// [`Event::kind`] can lend it like every other vendor's `kind()`.
    kind: EventKind,
}

/// A parsed eSignGlobal delivery: one variant per event name, from either channel.
///
/// The variant says what happened; [`Payload::channel`] says through which
/// channel. `SIGNER_DECLINED` (Webhook) and `ENVELOPE_DECLINED` (App callback)
/// are distinct variants for the same business event:
/// [`EventKind::is_declined`] covers both.
///
/// eSignGlobal sends no event or delivery id: to deduplicate retries, key on
/// the event name, [`Event::envelope_id`], the signer and the status.
///
/// `Serialize` writes the delivery back in its channel's wire shape.
///
/// ```
/// use esign_webhooks::esignglobal::{Channel, Event, EventKind};
///
/// # fn handle(event: Event) {
/// match &event {
///     Event::EnvelopeFinish(payload) => {
///         println!("{} completed via {}", payload.envelope.envelope_id, payload.channel);
///     }
///     Event::SignerDeclined(payload) | Event::EnvelopeDeclined(payload) => {
///         println!("{} declined", payload.envelope.envelope_id);
///     }
///     Event::Unknown(unknown) => println!("new event {}", unknown.name),
///     _ => {}
/// }
/// assert_eq!(event.kind().is_declined(), matches!(event, Event::SignerDeclined(_) | Event::EnvelopeDeclined(_)));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `ENVELOPE_START`.
    EnvelopeStart(Payload),
    /// `ENVELOPE_SIGNER_SIGNED`.
    EnvelopeSignerSigned(Payload),
    /// `ENVELOPE_ALL_SIGNER_SIGNED`.
    EnvelopeAllSignerSigned(Payload),
    /// `ENVELOPE_FINISH`.
    EnvelopeFinish(Payload),
    /// `ENVELOPE_CANCEL`.
    EnvelopeCancel(Payload),
    /// `SIGNER_DECLINED` (the Webhook channel's name for a decline).
    SignerDeclined(Payload),
    /// `ENVELOPE_DECLINED` (the App callback channel's name for a decline).
    EnvelopeDeclined(Payload),
    /// `ENVELOPE_EXPIRED`.
    EnvelopeExpired(Payload),
    /// `ENVELOPE_DELIVERY_FAILED`.
    EnvelopeDeliveryFailed(Payload),
    /// `ENVELOPE_SIGNER_VIEWED`.
    EnvelopeSignerViewed(Payload),
    /// `ENVELOPE_SIGNER_FAILED`.
    EnvelopeSignerFailed(Payload),
    /// An event name this version of the crate does not know, kept with the raw body.
    Unknown(UnknownEvent),
}

impl Event {
    /// The event name, lent like every other vendor's `kind()`.
    pub fn kind(&self) -> &EventKind {
        match self {
            Event::EnvelopeStart(_) => &EventKind::EnvelopeStart,
            Event::EnvelopeSignerSigned(_) => &EventKind::EnvelopeSignerSigned,
            Event::EnvelopeAllSignerSigned(_) => &EventKind::EnvelopeAllSignerSigned,
            Event::EnvelopeFinish(_) => &EventKind::EnvelopeFinish,
            Event::EnvelopeCancel(_) => &EventKind::EnvelopeCancel,
            Event::SignerDeclined(_) => &EventKind::SignerDeclined,
            Event::EnvelopeDeclined(_) => &EventKind::EnvelopeDeclined,
            Event::EnvelopeExpired(_) => &EventKind::EnvelopeExpired,
            Event::EnvelopeDeliveryFailed(_) => &EventKind::EnvelopeDeliveryFailed,
            Event::EnvelopeSignerViewed(_) => &EventKind::EnvelopeSignerViewed,
            Event::EnvelopeSignerFailed(_) => &EventKind::EnvelopeSignerFailed,
            Event::Unknown(unknown) => &unknown.kind,
        }
    }

    /// The channel the delivery came through.
    pub fn channel(&self) -> Channel {
        match self.split() {
            Ok(payload) => payload.channel,
            Err(unknown) => unknown.channel,
        }
    }

    /// The payload of a known event; `None` for [`Event::Unknown`].
    pub fn payload(&self) -> Option<&Payload> {
        self.split().ok()
    }

    fn split(&self) -> Result<&Payload, &UnknownEvent> {
        match self {
            Event::EnvelopeStart(payload)
            | Event::EnvelopeSignerSigned(payload)
            | Event::EnvelopeAllSignerSigned(payload)
            | Event::EnvelopeFinish(payload)
            | Event::EnvelopeCancel(payload)
            | Event::SignerDeclined(payload)
            | Event::EnvelopeDeclined(payload)
            | Event::EnvelopeExpired(payload)
            | Event::EnvelopeDeliveryFailed(payload)
            | Event::EnvelopeSignerViewed(payload)
            | Event::EnvelopeSignerFailed(payload) => Ok(payload),
            Event::Unknown(unknown) => Err(unknown),
        }
    }

    /// The envelope's id. For an unknown event, read from the raw body's
    /// payload object when it holds a string `envelopeId`.
    pub fn envelope_id(&self) -> Option<&str> {
        match self {
            Event::Unknown(unknown) => {
                let payload_key = match unknown.channel {
                    Channel::Webhook => "eventPayload",
                    Channel::AppCallback => APP_PAYLOAD_KEYS
                        .iter()
                        .copied()
                        .find(|key| unknown.raw.get(key).is_some())
                        .unwrap_or(APP_PAYLOAD_KEYS[0]),
                };
                unknown.raw.get(payload_key)?.get("envelopeId")?.as_str()
            }
            known => known.payload().map(|payload| payload.envelope.envelope_id.as_str()),
        }
    }

    /// The variant of a known kind; `None` for [`EventKind::Unknown`].
    fn constructor(kind: &EventKind) -> Option<fn(Payload) -> Event> {
        Some(match kind {
            EventKind::EnvelopeStart => Event::EnvelopeStart,
            EventKind::EnvelopeSignerSigned => Event::EnvelopeSignerSigned,
            EventKind::EnvelopeAllSignerSigned => Event::EnvelopeAllSignerSigned,
            EventKind::EnvelopeFinish => Event::EnvelopeFinish,
            EventKind::EnvelopeCancel => Event::EnvelopeCancel,
            EventKind::SignerDeclined => Event::SignerDeclined,
            EventKind::EnvelopeDeclined => Event::EnvelopeDeclined,
            EventKind::EnvelopeExpired => Event::EnvelopeExpired,
            EventKind::EnvelopeDeliveryFailed => Event::EnvelopeDeliveryFailed,
            EventKind::EnvelopeSignerViewed => Event::EnvelopeSignerViewed,
            EventKind::EnvelopeSignerFailed => Event::EnvelopeSignerFailed,
            EventKind::Unknown(_) => return None,
        })
    }
}

/// The App callback payload key, and the spelling some pages print.
const APP_PAYLOAD_KEYS: [&str; 2] = ["callBackEnvelopeVO", "CallBackEnvelopeVO"];

/// The top level of either channel's body. Payloads stay raw (borrowed from
/// the body) until the event name is known.
#[derive(serde::Deserialize)]
struct Wire<'a> {
    #[serde(default)]
    event: Option<Text>,
    #[serde(default, rename = "eventPayload", borrow)]
    event_payload: Option<&'a RawValue>,
    #[serde(default, rename = "callBackEnum")]
    call_back_enum: Option<Text>,
    #[serde(default, rename = "callBackDesc")]
    call_back_desc: Option<Text>,
    #[serde(default, rename = "callBackEnvelopeVO", alias = "CallBackEnvelopeVO", borrow)]
    call_back_envelope: Option<&'a RawValue>,
}

/// Parses a delivery of either channel.
///
/// The channel is the Webhook one when the body has an `event` key, the App
/// callback one when it has `callBackDesc`, `callBackEnum` or the envelope
/// key. Known names need their payload object; unknown names keep the raw body.
///
/// This is the precise parse, whose errors say where and why;
/// [`parse_fast`] is tried first (see `Plugin::fast_parse`).
pub(crate) fn parse_precise(body: &[u8]) -> Result<Event, Error> {
    parse_inner(body).map_err(|err| err.with_vendor(Vendor::EsignGlobal))
}

/// Both channels' top level with the envelope parsed in place: one pass over
/// the body. The envelope's type does not depend on the event name, so no
/// payload needs to wait for its discriminator.
#[derive(serde::Deserialize)]
struct FastWire<'a> {
    #[serde(default, borrow)]
    event: Option<std::borrow::Cow<'a, str>>,
    #[serde(
        default,
        rename = "eventPayload",
        deserialize_with = "crate::json_object::option_object"
    )]
    event_payload: Option<Box<Envelope>>,
    #[serde(default, rename = "callBackEnum")]
    call_back_enum: Option<Text>,
    #[serde(default, rename = "callBackDesc", borrow)]
    call_back_desc: Option<std::borrow::Cow<'a, str>>,
    #[serde(
        default,
        rename = "callBackEnvelopeVO",
        alias = "CallBackEnvelopeVO",
        deserialize_with = "crate::json_object::option_object"
    )]
    call_back_envelope: Option<Box<Envelope>>,
}

/// The hot path: a known event in one pass. `None` sends every other case
/// (unknown events, missing or malformed parts) to [`parse_inner`], which
/// reports errors precisely; both agree on every body this accepts.
pub(crate) fn parse_fast(body: &str) -> Option<Event> {
    let crate::json_object::ObjectOnly(wire) =
        serde_json::from_str::<crate::json_object::ObjectOnly<FastWire>>(body).ok()?;
    let (channel, name, envelope, call_back_enum) = match wire.event {
        Some(event) => (Channel::Webhook, event, wire.event_payload, None),
        None => (
            Channel::AppCallback,
            std::borrow::Cow::Owned(
                app_event_name(
                    wire.call_back_desc.map(|desc| Text::from(&*desc)),
                    wire.call_back_enum.as_deref(),
                )?
                .into_string(),
            ),
            wire.call_back_envelope,
            wire.call_back_enum,
        ),
    };
    let constructor = Event::constructor(&EventKind::from_wire(&name))?;
    Some(constructor(Payload {
        channel,
        envelope: envelope?,
        call_back_enum,
    }))
}

pub(super) fn parse_inner(body: &[u8]) -> Result<Event, Error> {
    let wire: Wire<'_> = crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err))?;
    // serde also reads a struct from an array, by position: only objects are deliveries.
    if body.trim_ascii_start().first() != Some(&b'{') {
        let first = body.len() - body.trim_ascii_start().len();
        return Err(payload_error(
            body,
            first,
            first + 1,
            "invalid type: the body is not a JSON object",
        ));
    }

    let (channel, name, raw_payload, payload_key, call_back_enum) = if let Some(event) = wire.event {
        (Channel::Webhook, event, wire.event_payload, "eventPayload", None)
    } else if wire.call_back_desc.is_some() || wire.call_back_enum.is_some() || wire.call_back_envelope.is_some() {
        let name = app_event_name(wire.call_back_desc, wire.call_back_enum.as_deref())
            .ok_or_else(|| missing(body, "missing field `callBackDesc`"))?;
        (
            Channel::AppCallback,
            name,
            wire.call_back_envelope,
            APP_PAYLOAD_KEYS[0],
            wire.call_back_enum,
        )
    } else {
        return Err(missing(
            body,
            "neither `event` (Webhook) nor `callBackDesc` (App callback) is present",
        ));
    };

    let Some(constructor) = Event::constructor(&EventKind::from_wire(&name)) else {
        let raw = crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err))?;
        let kind = EventKind::Unknown(name.to_string());
        return Ok(Event::Unknown(UnknownEvent {
            channel,
            name,
            raw,
            kind,
        }));
    };

    let raw_payload = raw_payload.ok_or_else(|| missing(body, &format!("missing field `{payload_key}`")))?;
    let part = raw_payload.get().as_bytes();
    // Likewise for the payload.
    if part.trim_ascii_start().first() != Some(&b'{') {
        let start = (part.as_ptr() as usize).saturating_sub(body.as_ptr() as usize);
        return Err(payload_error(
            body,
            start,
            start + 1,
            &format!("invalid type: `{payload_key}` is not a JSON object"),
        ));
    }
    let envelope: Box<Envelope> =
        crate::json_text::from_body(part).map_err(|err| Error::malformed_payload_in(body, part, err))?;
    Ok(constructor(Payload {
        channel,
        envelope,
        call_back_enum,
    }))
}

/// The App callback event name: `callBackDesc`, or `callBackEnum` when it is
/// not the fixed `ENVELOPE_UPDATE` and `callBackDesc` names no known event
/// (one page says `callBackEnum` is "fixed to ENVELOPE_START").
fn app_event_name(desc: Option<Text>, call_back_enum: Option<&str>) -> Option<Text> {
    let enum_name = call_back_enum.filter(|name| *name != ENVELOPE_UPDATE && !EventKind::from_wire(name).is_unknown());
    match (desc, enum_name) {
        (Some(desc), Some(enum_name)) if EventKind::from_wire(&desc).is_unknown() => Some(Text::from(enum_name)),
        (Some(desc), _) => Some(desc),
        (None, enum_name) => enum_name.map(Text::from),
    }
}

/// A payload error for a required key that is absent (or `null`), reported
/// like serde reports a missing field: at the end of the enclosing object.
fn missing(body: &[u8], message: &str) -> Error {
    let end = body.iter().rposition(|&b| b == b'}').map_or(body.len(), |at| at + 1);
    payload_error(body, end, end, message)
}

/// A [`ErrorKind::MalformedPayload`] with the JSON path of byte `path_at` and
/// the line and column of the byte before `after` (serde's convention: the
/// position just after the character that broke).
fn payload_error(body: &[u8], path_at: usize, after: usize, message: &str) -> Error {
    let (line, column) = crate::json_path::line_column(body, after.min(body.len()));
    Error::new(ErrorKind::MalformedPayload {
        path: crate::json_path::path_at_offset(body, path_at.min(body.len())),
        line,
        column,
        message: message.to_owned(),
    })
}

/// Writes the delivery in its channel's wire shape; an unknown event is
/// written back as its raw body.
impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct WebhookWire<'a> {
            event: &'a str,
            event_payload: &'a Envelope,
        }

        #[derive(Serialize)]
        struct AppWire<'a> {
            #[serde(rename = "callBackEnum", skip_serializing_if = "Option::is_none")]
            call_back_enum: Option<&'a str>,
            #[serde(rename = "callBackDesc")]
            call_back_desc: &'a str,
            #[serde(rename = "callBackEnvelopeVO")]
            call_back_envelope: &'a Envelope,
        }

        let payload = match self.split() {
            Ok(payload) => payload,
            Err(unknown) => return unknown.raw.serialize(serializer),
        };
        let kind = self.kind();
        match payload.channel {
            Channel::Webhook => WebhookWire {
                event: kind.as_str(),
                event_payload: &payload.envelope,
            }
            .serialize(serializer),
            Channel::AppCallback => AppWire {
                call_back_enum: payload.call_back_enum.as_deref(),
                call_back_desc: kind.as_str(),
                call_back_envelope: &payload.envelope,
            }
            .serialize(serializer),
        }
    }
}

/// Reads the wire form ([`Serialize`] writes it) back through the crate's
/// parser, from any serde format.
impl<'de> serde::Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let bytes = serde_json::to_vec(&value).map_err(serde::de::Error::custom)?;
        parse_precise(&bytes).map_err(serde::de::Error::custom)
    }
}
