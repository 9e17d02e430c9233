//! The eSignGlobal plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps eSignGlobal deliveries.

use std::borrow::Cow;

use http::{Response, StatusCode};

use super::{Event, EventKind, SUCCESS_RESPONSE, Verifier};
use crate::dedup_key::DedupKey;
use crate::filter::Filter;
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, Plugin, body_response, private};
use crate::{Vendor, esignglobal};

/// The eSignGlobal plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct EsignGlobal;

impl private::Sealed for EsignGlobal {}

impl Plugin for EsignGlobal {
    const VENDOR: Vendor = Vendor::EsignGlobal;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "counts anything but a 2xx within 5 seconds as failed and retries up to 16 times (10 s, 30 s, 1 min, 2 min, … 1 h, 2 h)",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Confirmed = Event;

    /// Webhook: `event` + `eventPayload`; App callback: `callBackEnum`,
    /// `callBackDesc` or `callBackEnvelopeVO`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        (shape.has("event") && shape.has("eventPayload"))
            || [
                "callBackEnum",
                "callBackDesc",
                "callBackEnvelopeVO",
                "CallBackEnvelopeVO",
            ]
            .iter()
            .any(|key| shape.has(key))
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::event::parse_precise(body)
    }

    /// One pass for a known event of either channel.
    fn fast_parse(body: &str) -> Option<Event> {
        super::event::parse_fast(body)
    }

    fn kind_name(event: &Event) -> Cow<'_, str> {
        Cow::Owned(event.kind().to_string())
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
    }

    /// The whole typed event in its wire form: no event or delivery id is sent.
    fn dedup_key(event: &Event) -> DedupKey {
        DedupKey::from_json(Vendor::EsignGlobal, event)
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        esignglobal_step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
    }

    /// 200 with [`SUCCESS_RESPONSE`], as eSignGlobal recommends.
    fn success_response(_: &Event) -> Response<Vec<u8>> {
        body_response(StatusCode::OK, "application/json", SUCCESS_RESPONSE)
    }
}

fn esignglobal_step(event: &esignglobal::Event) -> Option<LifecycleStep> {
    use esignglobal::Event as E;
    let envelope = &event.payload()?.envelope;
    let signer_id = |signer: &esignglobal::Signer| signer.business_id.clone().or_else(|| signer.user_email.clone());
    let step = |kind| LifecycleStep::new(kind, Some(&envelope.envelope_id));
    let acting = envelope.signer_info.as_ref().and_then(signer_id);
    Some(match event {
        E::EnvelopeStart(_) => step(Lifecycle::Sent),
        E::EnvelopeSignerViewed(_) => step(Lifecycle::Viewed).signer(acting.as_deref()),
        E::EnvelopeSignerSigned(_) => step(Lifecycle::Signed).signer(acting.as_deref()),
        E::EnvelopeFinish(_) => step(Lifecycle::Completed),
        E::EnvelopeCancel(_) => {
            step(Lifecycle::Cancelled).reason(envelope.cancel_info.as_ref().and_then(|c| c.reason.as_deref()))
        }
        E::SignerDeclined(_) => {
            let decliner = envelope
                .signer_list
                .iter()
                .find(|s| s.signer_status == Some(esignglobal::SignerStatus::Declined));
            let reason = envelope
                .decline_reason
                .as_deref()
                .or_else(|| decliner.and_then(|s| s.decline_reason.as_deref()));
            step(Lifecycle::Declined)
                .signer(decliner.and_then(signer_id).as_deref())
                .reason(reason)
        }
        E::EnvelopeDeclined(_) => {
            let decliner = envelope.decline_signer.as_ref();
            step(Lifecycle::Declined)
                .signer(decliner.and_then(|d| d.user_email.as_deref()))
                .reason(decliner.and_then(|d| d.signer_message.as_deref()))
        }
        E::EnvelopeExpired(_) => step(Lifecycle::Expired),
        E::EnvelopeDeliveryFailed(_) => {
            // App channel: `signerInfo`; Webhook channel: the signers whose delivery failed.
            let failed = acting.or_else(|| {
                envelope
                    .signer_list
                    .iter()
                    .find(|s| s.signer_status == Some(esignglobal::SignerStatus::DeliveryFailed))
                    .and_then(signer_id)
            });
            step(Lifecycle::DeliveryFailed).signer(failed.as_deref())
        }
        E::EnvelopeSignerFailed(_) => step(Lifecycle::Failed).reason(envelope.description.as_deref()),
        _ => return None,
    })
}

impl EventKind {
    /// Every eSignGlobal event kind the crate knows, on both channels.
    pub const ALL: Filter<EventKind> = Filter::All;
}
