//! Sign.Plus (stub)
#![allow(missing_docs)]
mod verify;
pub use verify::Verifier;
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Event {
    pub raw: serde_json::Value,
}
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    serde_json::from_slice(body)
        .map(|raw| Event { raw })
        .map_err(|e| crate::Error::malformed_payload(body, &e))
}
