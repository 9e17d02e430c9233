//! Constellation (stub)
#![allow(missing_docs)]
mod verify;
pub use verify::Verifier;
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Update {
    pub raw: serde_json::Value,
}
pub(crate) fn parse(body: &[u8]) -> Result<Update, crate::Error> {
    serde_json::from_slice(body)
        .map(|raw| Update { raw })
        .map_err(|e| crate::Error::malformed_payload(body, &e))
}
