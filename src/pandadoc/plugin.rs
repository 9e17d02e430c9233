//! The PandaDoc plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps PandaDoc deliveries.

use std::borrow::Cow;

use super::{Delivery, DocumentStatus, EVENT_ID_HEADER, EventKind, Notification, Verifier};
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{Authenticated, BodyShape, Plugin, private};
use crate::verify::{SignatureLocation, Verified};
use crate::{Error, Vendor};

/// The PandaDoc plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct PandaDoc;

impl private::Sealed for PandaDoc {}

impl Plugin for PandaDoc {
    const VENDOR: Vendor = Vendor::PandaDoc;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "expects 200 within 20 s; it mentions automatic and manual retries but publishes no schedule",
    );
    type Verifier = Verifier;
    type Event = Delivery;
    type Confirmed = Delivery;

    /// The event's kind as the vendor writes it.
    fn kind_name(event: &Self::Event) -> Cow<'_, str> {
        match event.notifications.first() {
            Some(first) => Cow::Borrowed(first.event.as_str()),
            None => Cow::Borrowed("(no notification)"),
        }
    }

    /// An array whose first element has `event` and `data`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.is_array() && shape.has("event") && shape.has("data")
    }

    /// The verifier's check (with the URI guard below), keeping the delivery id from
    /// `X-PandaDoc-Webhook-Event-Id` when it is sent once and is text, so
    /// that a later parse gives the same [`Delivery::event_id`] (and dedup
    /// key) as `dispatch`.
    fn authenticate_part<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        let verified = authenticate(verifier, incoming, clock)?;
        let mut ids = incoming.headers().values(EVENT_ID_HEADER);
        let event_id = match (ids.next(), ids.next()) {
            (Some(id), None) => core::str::from_utf8(id.trim_ascii())
                .ok()
                .filter(|id| !id.is_empty())
                .map(str::to_owned),
            _ => None,
        };
        Ok(Authenticated::whole(verified, incoming.body()).keeping(event_id))
    }

    fn parse(body: &[u8]) -> Result<Delivery, Error> {
        super::parse(body)
    }

    /// The delivery, with the event id kept at authentication.
    fn parse_part(body: &[u8], kept: Option<&str>) -> Result<Delivery, Error> {
        let mut delivery = super::parse(body)?;
        delivery.event_id = kept.map(crate::Text::from);
        Ok(delivery)
    }

    fn into_confirmed(delivery: Delivery) -> Result<Delivery, Delivery> {
        Ok(delivery)
    }

    /// `X-PandaDoc-Webhook-Event-Id` when the delivery came with it (stable
    /// across retries); otherwise every notification in its wire form.
    fn dedup_key(delivery: &Delivery) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::PandaDoc);
        match &delivery.event_id {
            Some(id) => {
                hasher.part(b"event-id");
                hasher.part(id.as_bytes());
            }
            None => {
                hasher.part(b"notifications");
                hasher.json(&delivery.notifications);
            }
        }
        hasher.finish()
    }

    /// The first notification that has a lifecycle meaning (one step per delivery).
    fn lifecycle(delivery: &Delivery) -> Option<LifecycleStep> {
        delivery.notifications.iter().find_map(notification_step)
    }

    fn is_unknown(delivery: &Delivery) -> bool {
        delivery
            .notifications
            .iter()
            .any(|n| n.event.is_unknown() || n.data.status.as_ref().is_some_and(DocumentStatus::is_unknown))
    }
}

/// What one notification means in lifecycle terms.
fn notification_step(notification: &Notification) -> Option<LifecycleStep> {
    // An empty id (a notification that names no document) is no envelope.
    let id = Some(notification.data.id.as_str()).filter(|id| !id.is_empty());
    let step = |kind| LifecycleStep::new(kind, id);
    let actor = notification
        .data
        .action_by
        .as_ref()
        .and_then(|person| person.email.as_deref().or(person.id.as_deref()));
    Some(match (&notification.event, &notification.data.status) {
        (EventKind::DocumentStateChanged, Some(status)) => match status {
            DocumentStatus::Sent => step(Lifecycle::Sent),
            DocumentStatus::Viewed => step(Lifecycle::Viewed),
            DocumentStatus::Completed => step(Lifecycle::Completed),
            DocumentStatus::Declined | DocumentStatus::Rejected => step(Lifecycle::Declined),
            DocumentStatus::Cancelled => step(Lifecycle::Cancelled),
            DocumentStatus::Voided => step(Lifecycle::Expired),
            _ => return None,
        },
        (EventKind::RecipientCompleted, _) => step(Lifecycle::Signed).signer(actor),
        (EventKind::DocumentCreationFailed, _) => step(Lifecycle::Failed),
        _ => return None,
    })
}

/// The engine's check, after a clear error when the signature is in the
/// query string but the caller passed no URI at all: a call of `dispatch`
/// where `dispatch_incoming` with the URI is needed, a server bug (500),
/// not a forged request. A URI passed without a query (or without
/// `signature`) is the sender's fault: the engine answers 401.
fn authenticate<H: Headers + ?Sized>(
    verifier: &Verifier,
    incoming: &Incoming<'_, H>,
    clock: &dyn Clock,
) -> Result<Verified, Error> {
    let in_query = verifier
        .inner
        .scheme()
        .is_some_and(|scheme| matches!(scheme.signature_location(), SignatureLocation::QueryParameter { .. }));
    if in_query && !incoming.has_uri() {
        return Err(Error::configuration(
            "PandaDoc signs deliveries in the `signature` query parameter, but the request's URI was not \
             passed: use Webhooks::dispatch_incoming (or handle_incoming) with Incoming::with_uri",
        ));
    }
    match incoming.query().and_then(without_unfilled_placeholder) {
        Some(query) => {
            let cleaned = Incoming::new(incoming.body(), incoming.headers()).with_query(Some(&query));
            verifier.inner.verify(&cleaned, clock)
        }
        None => verifier.inner.verify(incoming, clock),
    }
}

/// The unfilled template value of the `signature` parameter, as the crate's
/// older docs told users to register it (`?signature={signature}`).
const PLACEHOLDER: &str = "{signature}";

/// The query without its `signature={signature}` pairs, when it has one and
/// another `signature` too; `None` otherwise (the query is checked as sent).
///
/// PandaDoc now appends `signature` to the registered URL itself and does not
/// say whether it substitutes a `{signature}` template or appends next to it.
/// If it appends, a URL registered as `?signature={signature}` arrives with
/// the parameter twice, one of them the literal placeholder, and the engine
/// refuses every such delivery (`MalformedQuery`). The placeholder carries no
/// MAC, so dropping it lets the other value be checked as usual; it weakens
/// nothing. Two real values are still refused as ambiguous.
fn without_unfilled_placeholder(query: &str) -> Option<String> {
    // Written as sent or percent-encoded (`%7Bsignature%7D`, either case of hex).
    let is_placeholder = |value: &str| {
        value == PLACEHOLDER
            || value
                .get(..3)
                .zip(value.get(3..value.len().saturating_sub(3)))
                .zip(value.get(value.len().saturating_sub(3)..))
                .is_some_and(|((open, name), close)| {
                    value.len() == 15
                        && open.eq_ignore_ascii_case("%7B")
                        && name == super::SIGNATURE_PARAMETER
                        && close.eq_ignore_ascii_case("%7D")
                })
    };
    let is_signature = |key: &str| key == super::SIGNATURE_PARAMETER;
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    let signatures = pairs.iter().filter(|(key, _)| is_signature(key)).count();
    let placeholders = pairs
        .iter()
        .filter(|(key, value)| is_signature(key) && is_placeholder(value))
        .count();
    if signatures < 2 || placeholders == 0 {
        return None;
    }
    let kept: Vec<&str> = query
        .split('&')
        .zip(&pairs)
        .filter(|(_, (key, value))| !(is_signature(key) && is_placeholder(value)))
        .map(|(pair, _)| pair)
        .collect();
    Some(kept.join("&"))
}
