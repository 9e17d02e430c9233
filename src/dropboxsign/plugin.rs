//! The Dropbox Sign plug-in: the proof is inside the body, so `authenticate`
//! and `receive` find the callback JSON (multipart `json` field or JSON body)
//! and check its `event_hash` themselves.

use std::borrow::Cow;

use http::{Response, StatusCode};

use super::{Event, EventType, SUCCESS_RESPONSE, Verifier, body};
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::json_text::Reading;
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{Authenticated, BodyShape, EventKinds, Plugin, body_response, private};
use crate::tenant_id::TenantRequest;
use crate::{Error, Vendor};

/// The Dropbox Sign plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct DropboxSign;

impl private::Sealed for DropboxSign {}

impl Plugin for DropboxSign {
    const VENDOR: Vendor = Vendor::DropboxSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "counts an answer without 200 and `Hello API Event Received` in its body as failed and retries it up to 6 times over about 30 hours (a newer glossary says about 3 days), each request timing out after 30 seconds",
    )
        .with_answer_check(super::sender::answer_check);
    type Verifier = Verifier;
    type Event = Event;
    type Confirmed = Event;

    /// A JSON body whose `event` object has an `event_hash`, or a non-JSON
    /// body that starts with a multipart delimiter and has an `"event_hash"` key.
    /// The JSON member is looked for first: that reads the body only up to
    /// `event`, where asking whether the whole body is JSON reads all of it.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has_in("event", "event_hash")
            || (!shape.is_json() && shape.raw().starts_with(b"--") && shape.raw_contains(b"\"event_hash\""))
    }

    /// Dropbox Sign's `event.event_type` (`signature_request_signed`, …), as sent.
    fn kind_name(event: &Event) -> Cow<'_, str> {
        Cow::Borrowed(event.kind().as_str())
    }

    /// The callback JSON whose hash was checked: the `json` field delimited
    /// by the boundary of the request's `Content-Type`, or the JSON body. The
    /// parse reads that span and nothing else, so framing found elsewhere in
    /// the body (a preamble that is itself a multipart body) is never read.
    fn authenticate_part<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        _: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        let (verified, json) = verifier.check(incoming, Reading::Whole)?;
        Authenticated::part(verified, incoming.body(), json)
    }

    /// The proof reads the callback JSON up to `event` (Dropbox Sign sends it
    /// first): the typed parse of the same part reads all of it, and refuses
    /// what the whole reading refuses (a second `event`, a syntax error after it).
    fn authenticate_part_to_parse<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        _: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        let (verified, json) = verifier.check(incoming, Reading::UpToKey)?;
        Authenticated::part(verified, incoming.body(), json)
    }

    /// `event.event_metadata.reported_for_app_id` when the callback is an
    /// API app's (the app's own callback URL), else
    /// `reported_for_account_id`: the app or account the callback reports
    /// for, a routing hint for multi-tenant receivers. Read from the `json`
    /// field of a `multipart/form-data` body (located with `Content-Type`)
    /// or from a JSON body.
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        let content_type = request.header("content-type");
        let headers: Vec<(&str, &[u8])> = content_type.map(|value| ("content-type", value)).into_iter().collect();
        let json = body::callback_json(&Incoming::new(request.body(), headers.as_slice())).ok()?;
        let value: serde_json::Value = serde_json::from_slice(json).ok()?;
        let metadata = value.pointer("/event/event_metadata")?;
        ["reported_for_app_id", "reported_for_account_id"]
            .iter()
            .find_map(|key| metadata.get(key).and_then(serde_json::Value::as_str))
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
    }

    /// A body read without its headers: JSON, or a multipart body that is
    /// nothing but its delimited parts (no preamble, no epilogue, no nested
    /// delimiter line): without `Content-Type` anything else is ambiguous.
    fn parse(raw: &[u8]) -> Result<Event, Error> {
        super::parse_json(body::sniffed(raw)?)
    }

    /// The checked callback JSON itself: no framing is looked for again.
    fn parse_part(json: &[u8], _: Option<&str>) -> Result<Event, Error> {
        super::parse_json(json)
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
    }

    /// `event_type`, `event_time`, and what the event is about (the related
    /// signer, the account or app it is reported for, the signature request,
    /// template or account id). Dropbox Sign sends no delivery id, and
    /// `event_hash` is no substitute: it covers only time and type, so two
    /// signers signing in the same second share it. A retry resends the same
    /// event, so these fields repeat; the objects' other fields may be
    /// rendered afresh on a retry and are left out.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::DropboxSign);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.event.event_time.as_bytes());
        let metadata = event.metadata();
        for part in [
            metadata.and_then(|m| m.related_signature_id.as_deref()),
            metadata.and_then(|m| m.reported_for_account_id.as_deref()),
            metadata.and_then(|m| m.reported_for_app_id.as_deref()),
            event.signature_request_id(),
            event.template.as_ref().and_then(|t| t.template_id.as_deref()),
            event.account.as_ref().and_then(|a| a.account_id.as_deref()),
        ] {
            hasher.part(part.unwrap_or_default().as_bytes());
        }
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        dropboxsign_step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
    }

    /// 200 with `Hello API Event Received` (text/plain): anything else counts
    /// as a failure and Dropbox Sign retries.
    fn success_response(_: &Event) -> Response<Vec<u8>> {
        body_response(StatusCode::OK, "text/plain", SUCCESS_RESPONSE)
    }
}

impl EventKinds for DropboxSign {
    type Kind = EventType;

    fn kind(event: &Event) -> &EventType {
        event.kind()
    }
}

fn dropboxsign_step(event: &Event) -> Option<LifecycleStep> {
    let kind = match event.kind() {
        EventType::SignatureRequestSent => Lifecycle::Sent,
        EventType::SignatureRequestViewed => Lifecycle::Viewed,
        EventType::SignatureRequestSigned => Lifecycle::Signed,
        EventType::SignatureRequestAllSigned => Lifecycle::Completed,
        EventType::SignatureRequestDeclined => Lifecycle::Declined,
        EventType::SignatureRequestCanceled => Lifecycle::Cancelled,
        EventType::SignatureRequestExpired => Lifecycle::Expired,
        EventType::SignatureRequestEmailBounce => Lifecycle::DeliveryFailed,
        EventType::SignatureRequestInvalid | EventType::FileError => Lifecycle::Failed,
        _ => return None,
    };
    let signer = event.metadata().and_then(|m| m.related_signature_id.as_deref());
    let reason = match kind {
        Lifecycle::Declined => event.related_signature().and_then(|s| s.decline_reason.as_deref()),
        Lifecycle::Failed => event.metadata().and_then(|m| m.event_message.as_deref()),
        _ => None,
    };
    Some(
        LifecycleStep::new(kind, event.signature_request_id())
            .signer(signer)
            .reason(reason),
    )
}
