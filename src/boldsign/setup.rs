//! BoldSign's `Verification` request: the setup handshake sent from the
//! "Add Webhook" form, before the webhook's signing secret exists.

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::Vendor;
use crate::error::Error;
use crate::headers::{Headers, Incoming};
use crate::plugin::{empty_response, setup_answer};

/// The header BoldSign names the event in, and the value it gives the handshake.
const EVENT_HEADER: &str = "X-BoldSign-Event";
const VERIFICATION: &str = "Verification";

/// The body's parts the shape is judged on. `data` is read as "present or
/// not" only; `null` counts as absent, as in the parse ([`Data::Empty`](super::Data::Empty)).
#[derive(Deserialize)]
struct Probe {
    event: ProbeEvent,
    #[serde(default)]
    data: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct ProbeEvent {
    #[serde(rename = "eventType")]
    event_type: String,
}

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
    let probe: Probe = serde_json::from_slice(incoming.body()).ok()?;
    if probe.event.event_type != VERIFICATION || probe.data.is_some() {
        return None;
    }
    Some(setup_answer(
        Vendor::BoldSign,
        VERIFICATION,
        empty_response(http::StatusCode::OK),
    ))
}
