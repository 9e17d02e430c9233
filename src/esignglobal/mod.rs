//! eSignGlobal (stub until the module lands)
#![allow(missing_docs)]
mod verify;
pub use verify::Verifier;
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    EnvelopeFinish(serde_json::Value),
    Unknown(serde_json::Value),
}
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    serde_json::from_slice(body)
        .map(Event::Unknown)
        .map_err(|e| crate::Error::malformed_payload(body, &e))
}
