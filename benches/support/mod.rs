//! Bodies and baselines shared by the benchmarks.
//!
//! Bodies are realistic deliveries grown to a target size the way the vendor
//! would grow them (more signers, more embedded signers) or, for vendors
//! whose payload has a fixed shape, with extra fields a newer API version
//! might add (the parser must skip them).
#![allow(dead_code)]

use serde::Deserialize;
use serde_json::json;

/// A JSON object with its keys in the given order (the order vendors send
/// them in; `json!` would sort them).
fn object(fields: &[(&str, serde_json::Value)]) -> String {
    let members: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{}", serde_json::to_string(key).unwrap(), value))
        .collect();
    format!("{{{}}}", members.join(","))
}

pub const SIZES: [(&str, usize); 4] = [
    ("256B", 256),
    ("1KiB", 1024),
    ("16KiB", 16 * 1024),
    ("1MiB", 1024 * 1024),
];

fn esg_signer(i: usize) -> serde_json::Value {
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

/// An eSignGlobal Webhook ENVELOPE_FINISH with as many signers as fit `size`.
pub fn esignglobal(size: usize) -> Vec<u8> {
    let mut signers = Vec::new();
    loop {
        let payload = object(&[
            ("envelopeId", json!("0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f")),
            ("envelopeStatus", json!(2)),
            ("envelopeStartTime", json!("2025-01-01 10:00:00")),
            ("expireTime", json!("2025-02-01 10:00:00")),
            ("signerList", json!(signers)),
        ]);
        let bytes = format!(r#"{{"event":"ENVELOPE_FINISH","eventPayload":{payload}}}"#).into_bytes();
        if bytes.len() + 200 > size {
            return bytes;
        }
        signers.push(esg_signer(signers.len()));
    }
}

/// The reference body: an eSignGlobal Webhook ENVELOPE_FINISH with three
/// signers, every field present (about 840 bytes).
pub fn esignglobal_reference() -> Vec<u8> {
    let signers: Vec<_> = (0..3).map(esg_signer).collect();
    let payload = object(&[
        ("envelopeId", json!("0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f")),
        ("envelopeStatus", json!(2)),
        ("envelopeStartTime", json!("2025-01-01 10:00:00")),
        ("expireTime", json!("2025-02-01 10:00:00")),
        ("signerList", json!(signers)),
    ]);
    format!(r#"{{"event":"ENVELOPE_FINISH","eventPayload":{payload}}}"#).into_bytes()
}

/// An Ignisign SIGNATURE_REQUEST / LAUNCHED with as many embedded signers as fit `size`.
pub fn ignisign(size: usize) -> Vec<u8> {
    let mut signers = Vec::new();
    loop {
        let content = object(&[
            ("signatureRequestId", json!("65f1c0ffee00000000000002")),
            ("status", json!("IN_PROGRESS")),
            ("signers", json!({"signersEmbedded": signers})),
        ]);
        let bytes = object(&[
            ("appId", json!("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b")),
            ("appEnv", json!("DEVELOPMENT")),
            ("verificationToken", json!("f3b1c2d4e5f60718293a4b5c6d7e8f90")),
            ("topic", json!("SIGNATURE_REQUEST")),
            ("action", json!("LAUNCHED")),
            ("msgNature", json!("SUCCESS")),
            ("content", serde_json::from_str(&content).unwrap()),
        ])
        .into_bytes();
        if bytes.len() + 120 > size {
            return bytes;
        }
        let i = signers.len();
        signers.push(json!({
            "signerId": format!("65f1c0ffee{:014}", i),
            "signerExternalId": format!("user-{i}"),
            "token": format!("{:064x}", i)
        }));
    }
}

/// Extra fields a newer API version might send, to grow fixed-shape payloads.
fn padding(size: usize) -> Vec<String> {
    (0..size / 64)
        .map(|i| format!("note {i:05}: a later API version added this field"))
        .collect()
}

/// A Sign.Plus envelope_completed delivery of about `size` bytes.
pub fn signplus(size: usize) -> Vec<u8> {
    let base = 330;
    let extra = if size > base { padding(size - base) } else { Vec::new() };
    let hook = object(&[
        ("id", json!("6697ccb204bd194fa74c22b4")),
        ("event", json!("envelope_completed")),
        ("target", json!("https://example.com/hooks/signplus")),
    ]);
    let data = object(&[
        ("id", json!("6697ccb204bd194fa74c22b4")),
        ("uid", json!("4a6e29bfc5344ca6ad7cc8beda456481")),
        ("envelope_id", json!("6697e681c5e364c7c23710d4")),
        ("file_name", json!("Purchase agreement.pdf")),
        ("notes", json!(extra)),
    ]);
    format!(r#"{{"hook":{hook},"data":{data}}}"#).into_bytes()
}

/// A Constellation1 signer-declined update of about `size` bytes.
pub fn constellation(size: usize) -> Vec<u8> {
    let base = 330;
    let extra = if size > base { padding(size - base) } else { Vec::new() };
    let data = object(&[
        ("SigningSessionId", json!("3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
        ("NewSigningSessionId", json!("00000000-0000-0000-0000-000000000000")),
        ("SignerId", json!("9b2e6c1a-0d4f-4e8b-a7c3-5f6e7d8c9b0a")),
        ("Type", json!("SignerStatus")),
        ("Status", json!(6)),
        ("Title", json!("Purchase agreement")),
        ("DeclinedReason", json!("The price is wrong")),
        ("Notes", json!(extra)),
    ]);
    format!(r#"{{"Data":{data}}}"#).into_bytes()
}

// --- The floor: what a user could write by hand, parsing into owned structs. -------------------

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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorIgnisign {
    pub app_id: String,
    pub app_env: String,
    pub verification_token: String,
    pub topic: String,
    pub action: String,
    pub msg_nature: String,
    pub content: FloorRequest,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorRequest {
    pub signature_request_id: String,
    pub status: String,
    pub signers: Option<FloorSigners>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorSigners {
    #[serde(default)]
    pub signers_embedded: Vec<FloorEmbedded>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorEmbedded {
    pub signer_id: String,
    pub signer_external_id: Option<String>,
    pub token: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorSignPlus {
    pub hook: FloorHook,
    pub data: FloorSignPlusData,
}

#[derive(Deserialize)]
pub struct FloorHook {
    pub id: String,
    pub event: String,
    pub target: String,
}

#[derive(Deserialize)]
pub struct FloorSignPlusData {
    pub id: String,
    pub uid: String,
    pub envelope_id: String,
    pub file_name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FloorConstellation {
    pub data: FloorConstellationData,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FloorConstellationData {
    pub signing_session_id: uuid::Uuid,
    pub new_signing_session_id: Option<uuid::Uuid>,
    pub signer_id: Option<uuid::Uuid>,
    #[serde(rename = "Type")]
    pub kind: String,
    pub status: i32,
    pub title: Option<String>,
    pub declined_reason: Option<String>,
}
