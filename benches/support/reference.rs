//! The reference case (shared/bench/README.md): an eSignGlobal Webhook
//! ENVELOPE_FINISH of about 842 bytes (three signers, every field present),
//! signed with the Standard Webhooks scheme, and the floor's model: a struct
//! of exactly the body's fields. Shared by `benches/dispatch.rs`,
//! `benches/allocations.rs` and the peers crate (`benches/peers/`).
#![allow(dead_code)]

use serde::Deserialize;
use serde_json::json;

/// The Standard Webhooks secret of the reference case.
pub const SW_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

/// A JSON object with its keys in the given order (the order vendors send
/// them in; `json!` would sort them).
fn object(fields: &[(&str, serde_json::Value)]) -> String {
    let members: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{}", serde_json::to_string(key).unwrap(), value))
        .collect();
    format!("{{{}}}", members.join(","))
}

fn signer(i: usize) -> serde_json::Value {
    json!({
        "businessId": format!("crm-contact-{i}"),
        "userEmail": format!("signer{i}@example.com"),
        "phoneNumber": {"countryCode": "852", "number": format!("6{:07}", i)},
        "userName": format!("Signer Number {i}"),
        "userType": 1,
        "signOrder": i + 1,
        "signerStatus": 2,
        "authModes": "0"
    })
}

/// The reference receiver: eSignGlobal with the Standard Webhooks scheme and [`SW_SECRET`].
pub fn webhooks() -> esign_webhooks::Webhooks {
    esign_webhooks::Webhooks::builder()
        .esignglobal(esign_webhooks::esignglobal::Verifier::new(
            secret(),
            esign_webhooks::verify::HmacScheme::standard_webhooks(),
        ))
        .build()
        .unwrap()
}

/// [`SW_SECRET`] as the crate reads it.
pub fn secret() -> esign_webhooks::Secret {
    esign_webhooks::Secret::from_standard_webhooks(SW_SECRET).unwrap()
}

/// The Standard Webhooks headers of `body`, signed now: the crate and both
/// peers check the real clock (300 s tolerance).
pub fn signed_headers(body: &[u8]) -> Vec<(String, String)> {
    esign_webhooks::testing::Signer::hmac(esign_webhooks::verify::HmacScheme::standard_webhooks(), secret())
        .with_id("msg_27UH4WbU6Z5A5EzD8u03UvzRbpk")
        .sign(body)
        .headers
}

/// The reference body: three signers, every field present (842 bytes).
pub fn body() -> Vec<u8> {
    let signers: Vec<_> = (0..3).map(signer).collect();
    let payload = object(&[
        ("envelopeId", json!("0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f")),
        ("envelopeStatus", json!(2)),
        ("envelopeStartTime", json!("2025-01-01 10:00:00")),
        ("expireTime", json!("2025-02-01 10:00:00")),
        ("signerList", json!(signers)),
    ]);
    format!(r#"{{"event":"ENVELOPE_FINISH","eventPayload":{payload}}}"#).into_bytes()
}

/// The floor's (and the peers') typed parse: exactly the body's fields.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorEsg {
    pub event: String,
    pub event_payload: FloorEnvelope,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorEnvelope {
    pub envelope_id: String,
    pub envelope_status: i32,
    pub envelope_start_time: Option<String>,
    pub expire_time: Option<String>,
    #[serde(default)]
    pub signer_list: Vec<FloorSigner>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorSigner {
    pub business_id: Option<String>,
    pub user_email: Option<String>,
    pub phone_number: Option<FloorPhone>,
    pub user_name: Option<String>,
    pub user_type: Option<i32>,
    pub sign_order: Option<i64>,
    pub signer_status: Option<i32>,
    pub auth_modes: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorPhone {
    pub country_code: Option<String>,
    pub number: Option<String>,
}
