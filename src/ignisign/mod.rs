//! Ignisign (stub)
#![allow(missing_docs)]
use crate::wire_enum::string_enum;
string_enum! { pub enum AppEnv { Development => "DEVELOPMENT", Staging => "STAGING", Production => "PRODUCTION" } }
#[derive(Debug, Clone)]
pub struct Verifier {
    app_id: String,
    app_env: AppEnv,
}
impl Verifier {
    pub fn new(app_id: impl Into<String>, app_env: AppEnv) -> Self {
        Verifier {
            app_id: app_id.into(),
            app_env,
        }
    }
    pub(crate) fn validate(&self) -> Result<(), crate::Error> {
        let _ = (&self.app_id, &self.app_env);
        Ok(())
    }
    pub(crate) fn check_envelope(&self, _body: &[u8]) -> Result<(), crate::Error> {
        Ok(())
    }
    pub(crate) fn receive(&self, body: &[u8]) -> Result<Delivery, crate::Error> {
        parse_delivery(body)
    }
}
#[derive(Debug)]
pub struct Delivery {
    pub raw: serde_json::Value,
}
pub(crate) fn parse_delivery(body: &[u8]) -> Result<Delivery, crate::Error> {
    serde_json::from_slice(body)
        .map(|raw| Delivery { raw })
        .map_err(|e| crate::Error::malformed_payload(body, &e))
}
