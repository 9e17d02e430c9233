//! BoldSign's `Verification` request: the setup handshake sent from the
//! "Add Webhook" form, before the webhook's signing secret exists.

use crate::Vendor;
use crate::error::Error;
use crate::headers::{Headers, Incoming};
use crate::plugin::{SenderSetup, empty_response, setup_answer};

/// The header BoldSign names the event in, and the value it gives the handshake.
const EVENT_HEADER: &str = "X-BoldSign-Event";
const VERIFICATION: &str = "Verification";

/// The `Verification` request as BoldSign sends it from the "Add Webhook"
/// form (the module docs: `{"event": {"id", "created", "eventType":
/// "Verification", "clientId", "environment"}}`, no `data`, and the header),
/// unsigned: it precedes the signing secret. The simulator sends it.
pub(crate) const SENDER_SETUP: &[SenderSetup] = &[SenderSetup::new(
    VERIFICATION,
    "POST",
    br#"{"event":{"id":"7c872a5b-5fd5-4f1c-9765-92530a83a8b9","created":1617180024,"eventType":"Verification","clientId":"17c97f7a-efdd-4fb5-b486-fef97b6544a7","environment":"Test"}}"#,
)
.with_headers(&[(EVENT_HEADER, VERIFICATION)])];

/// `Some` (answered 200, never delivered) when the request is BoldSign's
/// `Verification`: exactly one `X-BoldSign-Event: Verification` header
/// **and** a JSON body whose `event.eventType` is `Verification` with no
/// `data`. Whatever the signature: BoldSign sends it before the secret can
/// be configured. It carries nothing to act on, so answering it reveals and
/// accepts nothing. Anything else (no header, a body with `data`) is
/// verified like every event.
pub(crate) fn verification<H: Headers + ?Sized>(incoming: &Incoming<'_, H>) -> Option<Error> {
    let mut values = incoming.headers().values(EVENT_HEADER);
    let header = values.next()?;
    if values.next().is_some() || header != VERIFICATION.as_bytes() {
        return None;
    }
    // A JSON object whose `event.eventType` is `Verification`, without `data`
    // (`null` counts as absent, as in the parse: [`Data::Empty`](super::Data::Empty)).
    let body: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(incoming.body()).ok()?;
    let event_type = body.get("event")?.get("eventType")?.as_str()?;
    let data = body.get("data").filter(|data| !data.is_null());
    if event_type != VERIFICATION || data.is_some() {
        return None;
    }
    Some(setup_answer(
        Vendor::BoldSign,
        VERIFICATION,
        empty_response(http::StatusCode::OK),
    ))
}
