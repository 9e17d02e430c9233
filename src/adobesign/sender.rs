//! What Adobe Acrobat Sign's sender does (the simulator's model): its GET
//! verification of intent, and the client-id echo it requires.

use http::{HeaderMap, Response};

use super::CLIENT_ID_HEADER;
use crate::plugin::SenderSetup;

/// The GET verification of intent Acrobat Sign sends to a new (or
/// re-activated) webhook's URL, with the client id header as on every POST.
pub(super) const SETUP: &[SenderSetup] =
    &[SenderSetup::new("GET verification of intent", "GET", b"").with_credentials()];

/// 2xx **and** the client id of the request echoed, in the
/// `X-AdobeSign-ClientId` response header or as `{"xAdobeSignClientId": "…"}`
/// (module docs), on the GET and on every POST.
pub(super) fn answer_check(sent: &HeaderMap, answer: &Response<Vec<u8>>) -> Result<(), &'static str> {
    let Some(sent_id) = sent.get(CLIENT_ID_HEADER) else {
        return Err("the request carried no X-AdobeSign-ClientId to echo");
    };
    if answer
        .headers()
        .get_all(CLIENT_ID_HEADER)
        .iter()
        .any(|value| value == sent_id)
    {
        return Ok(());
    }
    let echoed = serde_json::from_slice::<serde_json::Value>(answer.body())
        .ok()
        .and_then(|body| {
            body.get("xAdobeSignClientId")?
                .as_str()
                .map(|id| id.as_bytes() == sent_id.as_bytes())
        });
    if echoed == Some(true) {
        Ok(())
    } else {
        Err(
            "the answer does not echo the request's client id (X-AdobeSign-ClientId header or {\"xAdobeSignClientId\": …} body)",
        )
    }
}
