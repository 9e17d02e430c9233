//! The DocuSeal plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps DocuSeal deliveries.

use super::{Data, Event, EventKind, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The DocuSeal plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct DocuSeal;

impl private::Sealed for DocuSeal {}

impl SimpleVendor for DocuSeal {
    const VENDOR: Vendor = Vendor::DocuSeal;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "retries a failed delivery after 2^attempt minutes (1, 2, 4, … minutes): 11 times over about 34 hours, `form.completed` 13 times over about 5.7 days",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `event_type` with `data`: no other vendor names its event `event_type`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("event_type") && shape.has("data") && !shape.is_array()
    }

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    fn fast_parse(body: &str) -> Option<Event> {
        super::event::parse_fast(body)
    }

    /// `event_type`, `timestamp` and `data.id`. DocuSeal writes the event's
    /// creation time in `timestamp` and keeps it across retries (the signed
    /// header timestamp, by contrast, changes on every attempt), so a retry
    /// has the key of its first delivery while two updates of one template
    /// do not share one.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::DocuSeal);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.timestamp.as_bytes());
        match event.data_id() {
            Some(id) => hasher.part(id.to_string().as_bytes()),
            None => hasher.json(&event.data),
        }
        hasher.finish()
    }

    /// The unsigned dashboard test (see the module's docs): refused, or
    /// answered through the verifier's `dangerous_answer_unsigned_dashboard_test`.
    fn setup_request<H: Headers + ?Sized>(verifier: &Verifier, incoming: &Incoming<'_, H>) -> Option<crate::Error> {
        super::verify::dashboard_test(verifier, incoming)
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        docuseal_step(event)
    }
}

fn docuseal_step(event: &Event) -> Option<LifecycleStep> {
    let submission = event.submission_id().map(|id| id.to_string());
    let step = |kind| LifecycleStep::new(kind, submission.as_deref());
    let submitter = match &event.data {
        Data::Form(submitter) => Some(submitter.id.to_string()),
        _ => None,
    };
    let signer = |kind| step(kind).signer(submitter.as_deref());
    Some(match event.kind() {
        EventKind::SubmissionCreated => step(Lifecycle::Sent),
        EventKind::FormViewed => signer(Lifecycle::Viewed),
        EventKind::FormCompleted => signer(Lifecycle::Signed),
        EventKind::FormDeclined => {
            let reason = match &event.data {
                Data::Form(submitter) => submitter.decline_reason.as_deref(),
                _ => None,
            };
            signer(Lifecycle::Declined).reason(reason)
        }
        EventKind::SubmissionCompleted => step(Lifecycle::Completed),
        EventKind::SubmissionExpired => step(Lifecycle::Expired),
        _ => return None,
    })
}
