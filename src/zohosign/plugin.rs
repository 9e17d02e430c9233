//! The Zoho Sign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Zoho Sign deliveries.

use super::{Event, OperationType, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The Zoho Sign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ZohoSign;

impl private::Sealed for ZohoSign {}

impl SimpleVendor for ZohoSign {
    const VENDOR: Vendor = Vendor::ZohoSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel =
        crate::plugin::SenderModel::new("publishes neither the answer it expects nor its retries");
    type Verifier = Verifier;
    type Event = Event;
    type Kind = OperationType;

    /// `requests` and `notifications`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("requests") && shape.has("notifications")
    }

    fn kind(event: &Event) -> &OperationType {
        event.operation_type()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// `request_id`, and each notification's operation, action id, actor
    /// and time (epoch ms): no delivery id is sent.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::ZohoSign);
        hasher.part(event.requests.request_id.as_deref().unwrap_or_default().as_bytes());
        for notification in &event.notifications {
            hasher.part(notification.operation_type.as_str().as_bytes());
            hasher.part(notification.action_id.as_deref().unwrap_or_default().as_bytes());
            hasher.part(
                notification
                    .performed_by_email
                    .as_deref()
                    .unwrap_or_default()
                    .as_bytes(),
            );
            hasher.part(&notification.performed_at.unwrap_or_default().to_le_bytes());
        }
        hasher.finish()
    }

    /// The unsigned dashboard test (see the module's docs): refused, or
    /// answered through the verifier's `dangerous_answer_unsigned_dashboard_test`.
    fn setup_request<H: Headers + ?Sized>(verifier: &Verifier, incoming: &Incoming<'_, H>) -> Option<crate::Error> {
        super::verify::dashboard_test(verifier, incoming)
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let notification = event.notification()?;
        let kind = match notification.operation_type {
            OperationType::RequestSubmitted => Lifecycle::Sent,
            OperationType::RequestViewed => Lifecycle::Viewed,
            OperationType::RequestSigningSuccess => Lifecycle::Signed,
            OperationType::RequestCompleted => Lifecycle::Completed,
            OperationType::RequestRejected => Lifecycle::Declined,
            OperationType::RequestRecalled => Lifecycle::Cancelled,
            OperationType::RequestExpired => Lifecycle::Expired,
            _ => return None,
        };
        let actor = match kind {
            Lifecycle::Viewed | Lifecycle::Signed | Lifecycle::Declined => notification
                .action_id
                .as_deref()
                .or(notification.performed_by_email.as_deref()),
            _ => None,
        };
        Some(
            LifecycleStep::new(kind, event.requests.request_id.as_deref())
                .signer(actor)
                .reason(notification.reason.as_deref()),
        )
    }

    fn is_unknown(event: &Event) -> bool {
        event.operation_type().is_unknown()
            || event
                .requests
                .request_status
                .as_ref()
                .is_some_and(super::RequestStatus::is_unknown)
    }
}
