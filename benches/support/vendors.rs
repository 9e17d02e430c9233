//! One bench case per vendor of the vendor table and body size: a realistic
//! delivery grown the way that vendor's bodies grow, signed by the demo
//! signer (`testing::demo`), with two baselines written by hand:
//!
//! - the **floor**: the vendor's own proof checked by hand (its HMAC and
//!   encoding, its token or Basic credentials compare, the proof inside its
//!   body) plus `serde_json::from_slice` into the handful of fields a user
//!   reads;
//! - **value**: the same check plus `serde_json::from_slice::<Value>`.
//!
//! The rows are generated from `Vendor::ALL`, so a vendor added to the table
//! gets its row; [`growth`] panics for a vendor it does not know, so the bench
//! fails loudly until the new vendor's body and floor are written here.

use std::hint::black_box;

use base64::Engine as _;
use esign_webhooks::Vendor;
use esign_webhooks::testing::demo;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde_json::Value;
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The three body sizes of every vendor's rows.
pub const SIZES: [(&str, usize); 3] = [("1KiB", 1024), ("64KiB", 64 * 1024), ("1MiB", 1024 * 1024)];

/// How a vendor's body grows.
pub enum Grow {
    /// More elements in the array at this JSON pointer (recipients, signers,
    /// submitters, actions…), copies of its first element.
    Array(&'static str),
    /// A fixed-shape payload: an extra member (an array of notes) in the
    /// object at this JSON pointer, as a later API version might add; the
    /// parser must skip (or keep) it.
    Extra(&'static str),
}

/// The fixture a vendor's bench body starts from, and how it grows.
///
/// # Panics
///
/// For a vendor this file does not know yet: write its row here.
pub fn growth(vendor: Vendor) -> (&'static str, Grow) {
    match vendor.slug() {
        "esignglobal" => ("envelope_finish.json", Grow::Array("/eventPayload/signerList")),
        "ignisign" => (
            "signature_request_launched.json",
            Grow::Array("/content/signers/signersEmbedded"),
        ),
        "signplus" => ("audit_trail_declined.json", Grow::Extra("/data")),
        "constellation" => ("signer_declined_camel.json", Grow::Extra("/data")),
        "docusign" => (
            "envelope_completed.json",
            Grow::Array("/data/envelopeSummary/recipients/signers"),
        ),
        "dropboxsign" => (
            "signature_request_signed.json",
            Grow::Array("/signature_request/signatures"),
        ),
        "boldsign" => ("document_viewed.json", Grow::Array("/data/signerDetails")),
        "adobesign" => (
            "agreement_workflow_completed.json",
            Grow::Array("/agreement/participantSetsInfo/participantSets"),
        ),
        "yousign" => ("signer_done.json", Grow::Array("/data/signature_request/signers")),
        "pandadoc" => ("recipient_completed.json", Grow::Array("/0/data/recipients")),
        "zohosign" => ("request_rejected.json", Grow::Array("/requests/actions")),
        "documenso" => ("document_completed.json", Grow::Array("/payload/recipients")),
        "docuseal" => ("submission_completed.json", Grow::Array("/data/submitters")),
        "signwell" => ("document_signed.json", Grow::Array("/data/object/recipients")),
        "opensign" => ("completed.json", Grow::Array("/signers")),
        "boxsign" => ("signature_requested.json", Grow::Extra("/source")),
        "onespan" => ("package_complete.json", Grow::Extra("")),
        "signatureapi" => ("envelope_completed.json", Grow::Extra("/data")),
        "signnow" => ("user_document_complete.json", Grow::Extra("/content")),
        "clicksign" => ("sign.json", Grow::Array("/document/signers")),
        "autentique" => ("document_finished.json", Grow::Array("/event/data/object/signatures")),
        "zapsign" => ("doc_signed.json", Grow::Array("/signers")),
        "d4sign" => ("finished.json", Grow::Extra("")),
        other => panic!(
            "benches/support/vendors.rs knows no bench body for vendor `{other}`: add its fixture and growth in \
             `growth`, and its floor in `floor`"
        ),
    }
}

/// `vendor`'s delivery of about `size` bytes (never below the fixture with
/// one element in its growing array), unsigned, its members in the
/// fixture's order (a vendor's one-pass parse may depend on it).
pub fn body(vendor: Vendor, size: usize) -> Vec<u8> {
    let (fixture, grow) = growth(vendor);
    let path = format!(
        "{}/tests/fixtures/{}/{fixture}",
        env!("CARGO_MANIFEST_DIR"),
        vendor.slug()
    );
    let text = std::fs::read(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    let mut value: Json = serde_json::from_slice(&text).unwrap();
    let len = |value: &Json| serde_json::to_vec(value).unwrap().len();
    match grow {
        Grow::Array(pointer) => {
            let Some(Json::Array(items)) = value.pointer_mut(pointer) else {
                panic!("{path}: {pointer} is not an array")
            };
            let template = items
                .first()
                .cloned()
                .unwrap_or_else(|| panic!("{path}: {pointer} is empty"));
            items.truncate(1);
            let more = size.saturating_sub(len(&value)) / (len(&template) + 1);
            let Some(Json::Array(items)) = value.pointer_mut(pointer) else {
                unreachable!()
            };
            items.extend(std::iter::repeat_n(template, more));
        }
        Grow::Extra(pointer) => {
            let note = |i: usize| format!("note {i:07}: a later API version added this member");
            let count = size.saturating_sub(len(&value) + 16) / (note(0).len() + 3);
            let notes = Json::Array((0..count).map(|i| Json::Other(Value::from(note(i)))).collect());
            let Some(Json::Object(members)) = value.pointer_mut(pointer) else {
                panic!("{path}: {pointer} is not an object")
            };
            members.push(("benchNotes".to_owned(), notes));
        }
    }
    serde_json::to_vec(&value).unwrap()
}

/// JSON with its members in the order read (`serde_json::Value` would sort
/// them: the crate does not enable serde_json's `preserve_order`).
#[derive(Clone)]
enum Json {
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    Other(Value),
}

impl Json {
    fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Json> {
        pointer.split('/').skip(1).try_fold(self, |node, token| match node {
            Json::Object(members) => members.iter_mut().find(|(key, _)| key == token).map(|(_, value)| value),
            Json::Array(items) => items.get_mut(token.parse::<usize>().ok()?),
            Json::Other(_) => None,
        })
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct JsonVisitor;
        impl<'de> serde::de::Visitor<'de> for JsonVisitor {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry::<String, Json>()? {
                    members.push(entry);
                }
                Ok(Json::Object(members))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Json>()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Other(Value::from(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Other(Value::from(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Other(Value::from(v)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
                Ok(Json::Other(Value::from(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Other(Value::from(v)))
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Other(Value::Null))
            }
        }
        deserializer.deserialize_any(JsonVisitor)
    }
}

impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Other(value) => value.serialize(serializer),
        }
    }
}

/// `vendor`'s signed delivery of about `size` bytes, as an `http::Request`
/// (headers in an `http::HeaderMap`, the query in the URI).
pub fn request(vendor: Vendor, size: usize) -> http::Request<Vec<u8>> {
    signed(vendor, &body(vendor, size))
}

/// `body` signed by `vendor`'s demo signer, as an `http::Request` (a JSON
/// content type unless the signer set its own).
pub fn signed(vendor: Vendor, body: &[u8]) -> http::Request<Vec<u8>> {
    let signed = demo::signer(vendor).sign(body);
    let uri = match &signed.query {
        Some(query) => format!("/hooks?{query}"),
        None => "/hooks".to_owned(),
    };
    let mut request = http::Request::post(uri);
    if !signed
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-type"))
    {
        request = request.header("content-type", "application/json");
    }
    for (name, value) in &signed.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    request.body(signed.body).unwrap()
}

/// A baseline: checks the request's proof and parses its body, `true` when
/// both succeed.
pub type Baseline = Box<dyn Fn(&http::Request<Vec<u8>>) -> bool>;

/// The minimal floor of `vendor`: its proof by hand + serde into the fields a user reads.
///
/// The floor models read the envelope's ids and status and, for a body that
/// grows by a list (signers, recipients, actions…), two or three fields of
/// each element (who, and their status): what a user reads of such an event.
pub fn floor(vendor: Vendor) -> Baseline {
    baseline(vendor, Parse::Typed)
}

/// DocuSign's floor exactly as `shared/bench/README.md` defines it (for the
/// full message): no recipients.
pub fn docusign_readme_floor() -> Baseline {
    let check = request_check(Vendor::DocuSign).unwrap();
    Box::new(move |r| {
        check(r)
            && serde_json::from_slice::<FloorDocuSign>(r.body())
                .map(|m| drop(black_box(m)))
                .is_ok()
    })
}

/// `vendor`'s proof by hand + `serde_json::Value`.
pub fn value(vendor: Vendor) -> Baseline {
    baseline(vendor, Parse::Value)
}

#[derive(Clone, Copy)]
enum Parse {
    Typed,
    Value,
}

fn key(vendor: Vendor) -> Vec<u8> {
    demo::secret_texts(vendor)
        .first()
        .copied()
        .unwrap_or_default()
        .as_bytes()
        .to_vec()
}

fn header<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> &'a str {
    request
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

fn query<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> &'a str {
    request
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .unwrap_or("")
}

/// `name=value` out of a `k=v, k=v` header.
fn parameter<'a>(text: &'a str, name: &str) -> &'a str {
    text.split(',')
        .find_map(|part| part.trim().strip_prefix(name)?.strip_prefix('='))
        .unwrap_or("")
}

fn mac(key: &[u8], parts: &[&[u8]]) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap();
    for part in parts {
        mac.update(part);
    }
    mac
}

fn hex_matches(mac: Hmac<Sha256>, hex: &str) -> bool {
    let mut given = [0u8; 32];
    let digits = hex.as_bytes();
    if digits.len() != 64 {
        return false;
    }
    for (out, pair) in given.iter_mut().zip(digits.chunks_exact(2)) {
        let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
        *out = digit(pair[0]) << 4 | digit(pair[1]);
    }
    mac.verify_slice(&given).is_ok()
}

fn base64_matches(mac: Hmac<Sha256>, text: &str) -> bool {
    let mut given = [0u8; 32];
    matches!(
        base64::engine::general_purpose::STANDARD.decode_slice(text, &mut given),
        Ok(32)
    ) && mac.verify_slice(&given).is_ok()
}

fn token_matches(given: &str, expected: &[u8]) -> bool {
    bool::from(given.as_bytes().ct_eq(expected))
}

/// The proof of a vendor that puts it in the request (not in the body).
fn request_check(vendor: Vendor) -> Option<Baseline> {
    let key = key(vendor);
    Some(match vendor.slug() {
        "esignglobal" => Box::new(move |r| {
            let signature = header(r, "x-esg-signature");
            let t = parameter(signature, "t");
            hex_matches(mac(&key, &[t.as_bytes(), b".", r.body()]), parameter(signature, "v1"))
        }),
        "signplus" => Box::new(move |r| token_matches(query(r, "token"), &key)),
        "constellation" => {
            let expected = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode([b"esign:".as_slice(), &key].concat())
            );
            Box::new(move |r| token_matches(header(r, "authorization"), expected.as_bytes()))
        }
        "docusign" => Box::new(move |r| base64_matches(mac(&key, &[r.body()]), header(r, "x-docusign-signature-1"))),
        "boldsign" => Box::new(move |r| {
            let signature = header(r, "x-boldsign-signature");
            let t = parameter(signature, "t");
            hex_matches(mac(&key, &[t.as_bytes(), b".", r.body()]), parameter(signature, "s0"))
        }),
        "adobesign" => Box::new(move |r| {
            token_matches(header(r, "x-adobesign-clientid"), demo::ADOBE_CLIENT_ID.as_bytes())
                && token_matches(query(r, "token"), &key)
        }),
        "yousign" => Box::new(move |r| {
            let signature = header(r, "x-yousign-signature-256");
            hex_matches(mac(&key, &[r.body()]), signature.strip_prefix("sha256=").unwrap_or(""))
        }),
        "pandadoc" => Box::new(move |r| hex_matches(mac(&key, &[r.body()]), query(r, "signature"))),
        "zohosign" => Box::new(move |r| base64_matches(mac(&key, &[r.body()]), header(r, "x-zs-webhook-signature"))),
        "documenso" => Box::new(move |r| token_matches(header(r, "x-documenso-secret"), &key)),
        "docuseal" => Box::new(move |r| {
            let (t, signature) = header(r, "x-docuseal-signature").split_once('.').unwrap_or(("", ""));
            hex_matches(mac(&key, &[t.as_bytes(), b".", r.body()]), signature)
        }),
        "opensign" => Box::new(move |r| hex_matches(mac(&key, &[r.body()]), header(r, "x-webhook-signature"))),
        "boxsign" => Box::new(move |r| {
            let timestamp = header(r, "box-delivery-timestamp");
            base64_matches(
                mac(&key, &[r.body(), timestamp.as_bytes()]),
                header(r, "box-signature-primary"),
            )
        }),
        "onespan" => {
            // OneSpan sends its callback key itself after `Basic `.
            let expected = [b"Basic ".as_slice(), &key].concat();
            Box::new(move |r| token_matches(header(r, "authorization"), &expected))
        }
        "signatureapi" => Box::new(move |r| {
            let signed = mac(
                &key,
                &[
                    header(r, "webhook-id").as_bytes(),
                    b".",
                    header(r, "webhook-timestamp").as_bytes(),
                    b".",
                    r.body(),
                ],
            );
            header(r, "webhook-signature")
                .split(' ')
                .filter_map(|signature| signature.strip_prefix("v1,"))
                .any(|signature| base64_matches(signed.clone(), signature))
        }),
        "signnow" => Box::new(move |r| token_matches(header(r, "x-webhook-token"), &key)),
        "clicksign" => Box::new(move |r| {
            let signature = header(r, "content-hmac");
            hex_matches(mac(&key, &[r.body()]), signature.strip_prefix("sha256=").unwrap_or(""))
        }),
        "autentique" => Box::new(move |r| hex_matches(mac(&key, &[r.body()]), header(r, "x-autentique-signature"))),
        "zapsign" => Box::new(move |r| token_matches(header(r, "x-webhook-token"), &key)),
        // Proof in the body (or, for Ignisign, none to check at delivery).
        "ignisign" | "dropboxsign" | "signwell" | "d4sign" => return None,
        other => panic!("benches/support/vendors.rs knows no floor for vendor `{other}`"),
    })
}

fn baseline(vendor: Vendor, parse: Parse) -> Baseline {
    if let Some(check) = request_check(vendor) {
        let slug = vendor.slug();
        return Box::new(move |r| check(r) && parsed(slug, parse, r.body()));
    }
    let key = key(vendor);
    match (vendor.slug(), parse) {
        ("ignisign", Parse::Typed) => Box::new(|r| {
            let Ok(m) = serde_json::from_slice::<FloorIgnisign>(r.body()) else {
                return false;
            };
            let ok = m.app_id == demo::IGNISIGN_APP_ID && m.app_env == "DEVELOPMENT";
            black_box(m);
            ok
        }),
        ("ignisign", Parse::Value) => Box::new(|r| {
            let Ok(v) = serde_json::from_slice::<Value>(r.body()) else {
                return false;
            };
            v["appId"] == demo::IGNISIGN_APP_ID && v["appEnv"] == "DEVELOPMENT" && black_box(v).is_object()
        }),
        ("dropboxsign", Parse::Typed) => Box::new(move |r| {
            let Ok(m) = serde_json::from_slice::<FloorDropboxSign>(r.body()) else {
                return false;
            };
            let e = &m.event;
            hex_matches(
                mac(&key, &[e.event_time.as_bytes(), e.event_type.as_bytes()]),
                &e.event_hash,
            ) && black_box(m).signature_request.is_some()
        }),
        ("dropboxsign", Parse::Value) => Box::new(move |r| {
            let Ok(v) = serde_json::from_slice::<Value>(r.body()) else {
                return false;
            };
            let text = |name: &str| v["event"][name].as_str().unwrap_or("");
            hex_matches(
                mac(&key, &[text("event_time").as_bytes(), text("event_type").as_bytes()]),
                text("event_hash"),
            ) && black_box(&v).is_object()
        }),
        ("signwell", Parse::Typed) => Box::new(move |r| {
            let Ok(m) = serde_json::from_slice::<FloorSignWell>(r.body()) else {
                return false;
            };
            let e = &m.event;
            hex_matches(
                mac(&key, &[e.kind.as_bytes(), b"@", e.time.to_string().as_bytes()]),
                &e.hash,
            ) && black_box(m).data.object.is_some()
        }),
        ("signwell", Parse::Value) => Box::new(move |r| {
            let Ok(v) = serde_json::from_slice::<Value>(r.body()) else {
                return false;
            };
            let e = &v["event"];
            let time = e["time"].as_i64().unwrap_or(0).to_string();
            hex_matches(
                mac(
                    &key,
                    &[e["type"].as_str().unwrap_or("").as_bytes(), b"@", time.as_bytes()],
                ),
                e["hash"].as_str().unwrap_or(""),
            ) && black_box(&v).is_object()
        }),
        // D4Sign's HMAC covers the document UUID the body names.
        ("d4sign", Parse::Typed) => Box::new(move |r| {
            let Ok(m) = serde_json::from_slice::<FloorD4Sign>(r.body()) else {
                return false;
            };
            let signature = header(r, "content-hmac").strip_prefix("sha256=").unwrap_or("");
            hex_matches(mac(&key, &[m.uuid.as_bytes()]), signature) && !black_box(m).type_post.is_empty()
        }),
        ("d4sign", Parse::Value) => Box::new(move |r| {
            let Ok(v) = serde_json::from_slice::<Value>(r.body()) else {
                return false;
            };
            let signature = header(r, "content-hmac").strip_prefix("sha256=").unwrap_or("");
            let uuid = v["uuid"].as_str().unwrap_or("");
            hex_matches(mac(&key, &[uuid.as_bytes()]), signature) && black_box(&v).is_object()
        }),
        (other, _) => panic!("benches/support/vendors.rs knows no floor for vendor `{other}`"),
    }
}

fn parsed(slug: &str, parse: Parse, body: &[u8]) -> bool {
    fn typed<T: serde::de::DeserializeOwned>(body: &[u8]) -> bool {
        serde_json::from_slice::<T>(body).map(|m| drop(black_box(m))).is_ok()
    }
    if let Parse::Value = parse {
        return typed::<Value>(body);
    }
    match slug {
        "esignglobal" => typed::<FloorEsignGlobal>(body),
        "signplus" => typed::<FloorSignPlus>(body),
        "constellation" => typed::<FloorConstellation>(body),
        "docusign" => typed::<FloorDocuSignWithSigners>(body),
        "boldsign" => typed::<FloorBoldSign>(body),
        "adobesign" => typed::<FloorAdobeSign>(body),
        "yousign" => typed::<FloorYousign>(body),
        "pandadoc" => typed::<Vec<FloorPandaDoc>>(body),
        "zohosign" => typed::<FloorZohoSign>(body),
        "documenso" => typed::<FloorDocumenso>(body),
        "docuseal" => typed::<FloorDocuSeal>(body),
        "opensign" => typed::<FloorOpenSign>(body),
        "boxsign" => typed::<FloorBoxSign>(body),
        "onespan" => typed::<FloorOneSpan>(body),
        "signatureapi" => typed::<FloorSignatureApi>(body),
        "signnow" => typed::<FloorSignNow>(body),
        "clicksign" => typed::<FloorClicksign>(body),
        "autentique" => typed::<FloorAutentique>(body),
        "zapsign" => typed::<FloorZapSign>(body),
        other => panic!("benches/support/vendors.rs knows no floor model for vendor `{other}`"),
    }
}

// --- The floors' models: the handful of fields a user reads, unknown members skipped. ---------

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorEsignGlobal {
    pub event: String,
    pub event_payload: FloorEsignGlobalPayload,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorEsignGlobalPayload {
    pub envelope_id: String,
    pub envelope_status: i64,
    pub signer_list: Vec<FloorEsignGlobalSigner>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorEsignGlobalSigner {
    pub user_email: Option<String>,
    pub signer_status: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorIgnisign {
    pub app_id: String,
    pub app_env: String,
    pub verification_token: String,
    pub topic: String,
    pub action: String,
    pub content: FloorIgnisignContent,
}

#[derive(Deserialize)]
pub struct FloorIgnisignContent {
    pub signers: FloorIgnisignSigners,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorIgnisignSigners {
    pub signers_embedded: Vec<FloorIgnisignSigner>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorIgnisignSigner {
    pub signer_id: String,
}

#[derive(Deserialize)]
pub struct FloorSignPlus {
    pub hook: FloorSignPlusHook,
    pub data: FloorSignPlusData,
}

#[derive(Deserialize)]
pub struct FloorSignPlusHook {
    pub event: String,
}

#[derive(Deserialize)]
pub struct FloorSignPlusData {
    pub envelope_id: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorConstellation {
    pub data: FloorConstellationData,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorConstellationData {
    pub signing_session_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: i64,
}

/// Exactly the floor of `shared/bench/README.md` (DocuSign's full message).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSign {
    pub event: String,
    pub generated_date_time: String,
    pub data: FloorDocuSignData,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSignData {
    pub account_id: String,
    pub envelope_id: String,
    pub recipient_id: Option<String>,
    pub envelope_summary: Option<FloorDocuSignSummary>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSignSummary {
    pub status: String,
    pub email_subject: Option<String>,
}

/// DocuSign's floor for the rows grown by signers: the README's fields and
/// each signer's id, e-mail and status.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSignWithSigners {
    pub event: String,
    pub generated_date_time: String,
    pub data: FloorDocuSignDataWithSigners,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSignDataWithSigners {
    pub account_id: String,
    pub envelope_id: String,
    pub envelope_summary: Option<FloorDocuSignSummaryWithSigners>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSignSummaryWithSigners {
    pub status: String,
    pub recipients: FloorDocuSignRecipients,
}

#[derive(Deserialize)]
pub struct FloorDocuSignRecipients {
    pub signers: Vec<FloorDocuSignSigner>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocuSignSigner {
    pub recipient_id: String,
    pub email: Option<String>,
    pub status: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorDropboxSign {
    pub event: FloorDropboxSignEvent,
    pub signature_request: Option<FloorDropboxSignRequest>,
}

#[derive(Deserialize)]
pub struct FloorDropboxSignEvent {
    pub event_time: String,
    pub event_type: String,
    pub event_hash: String,
}

#[derive(Deserialize)]
pub struct FloorDropboxSignRequest {
    pub signature_request_id: String,
    pub is_complete: bool,
    pub signatures: Vec<FloorDropboxSignSignature>,
}

#[derive(Deserialize)]
pub struct FloorDropboxSignSignature {
    pub signer_email_address: Option<String>,
    pub status_code: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorBoldSign {
    pub event: FloorBoldSignEvent,
    pub data: FloorBoldSignData,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorBoldSignEvent {
    pub id: String,
    pub event_type: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorBoldSignData {
    pub document_id: String,
    pub status: String,
    pub signer_details: Vec<FloorBoldSignSigner>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorBoldSignSigner {
    pub signer_email: Option<String>,
    pub status: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorAdobeSign {
    pub event: String,
    pub webhook_notification_id: Option<String>,
    pub agreement: Option<FloorAdobeSignAgreement>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorAdobeSignAgreement {
    pub id: String,
    pub status: Option<String>,
    pub participant_sets_info: Option<FloorAdobeSignSets>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorAdobeSignSets {
    pub participant_sets: Vec<FloorAdobeSignSet>,
}

/// A participant set's role and status, and who its members are (each
/// member's e-mail): the signers, as every other floor reads them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorAdobeSignSet {
    pub role: Option<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub member_infos: Vec<FloorAdobeSignMember>,
}

#[derive(Deserialize)]
pub struct FloorAdobeSignMember {
    pub email: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorYousign {
    pub event_id: String,
    pub event_name: String,
    pub data: FloorYousignData,
}

#[derive(Deserialize)]
pub struct FloorYousignData {
    pub signature_request: FloorYousignRequest,
}

#[derive(Deserialize)]
pub struct FloorYousignRequest {
    pub id: String,
    pub status: String,
    pub signers: Vec<FloorYousignSigner>,
}

#[derive(Deserialize)]
pub struct FloorYousignSigner {
    pub id: String,
    pub status: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorPandaDoc {
    pub event: String,
    pub data: FloorPandaDocData,
}

#[derive(Deserialize)]
pub struct FloorPandaDocData {
    pub id: String,
    pub status: String,
    pub recipients: Vec<FloorPandaDocRecipient>,
}

#[derive(Deserialize)]
pub struct FloorPandaDocRecipient {
    pub email: Option<String>,
    pub has_completed: Option<bool>,
}

#[derive(Deserialize)]
pub struct FloorZohoSign {
    pub requests: FloorZohoSignRequest,
    pub notifications: Vec<FloorZohoSignNotification>,
}

#[derive(Deserialize)]
pub struct FloorZohoSignRequest {
    pub request_id: String,
    pub request_status: String,
    pub actions: Vec<FloorZohoSignAction>,
}

#[derive(Deserialize)]
pub struct FloorZohoSignAction {
    pub recipient_email: Option<String>,
    pub action_status: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorZohoSignNotification {
    pub operation_type: String,
}

#[derive(Deserialize)]
pub struct FloorDocumenso {
    pub event: String,
    pub payload: FloorDocumensoPayload,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocumensoPayload {
    pub id: i64,
    pub status: String,
    pub recipients: Vec<FloorDocumensoRecipient>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorDocumensoRecipient {
    pub email: String,
    pub signing_status: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorDocuSeal {
    pub event_type: String,
    pub timestamp: String,
    pub data: FloorDocuSealData,
}

#[derive(Deserialize)]
pub struct FloorDocuSealData {
    pub id: i64,
    pub status: Option<String>,
    pub submitters: Vec<FloorDocuSealSubmitter>,
}

#[derive(Deserialize)]
pub struct FloorDocuSealSubmitter {
    pub email: Option<String>,
    pub status: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorSignWell {
    pub event: FloorSignWellEvent,
    pub data: FloorSignWellData,
}

#[derive(Deserialize)]
pub struct FloorSignWellEvent {
    #[serde(rename = "type")]
    pub kind: String,
    pub time: i64,
    pub hash: String,
}

#[derive(Deserialize)]
pub struct FloorSignWellData {
    pub object: Option<FloorSignWellObject>,
}

#[derive(Deserialize)]
pub struct FloorSignWellObject {
    pub id: String,
    pub status: Option<String>,
    pub recipients: Vec<FloorSignWellRecipient>,
}

#[derive(Deserialize)]
pub struct FloorSignWellRecipient {
    pub email: Option<String>,
    pub status: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorOpenSign {
    pub event: String,
    pub object_id: String,
    pub signers: Vec<FloorOpenSignSigner>,
}

#[derive(Deserialize)]
pub struct FloorOpenSignSigner {
    pub email: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorBoxSign {
    pub id: String,
    pub trigger: String,
    pub source: FloorBoxSignItem,
}

#[derive(Deserialize)]
pub struct FloorBoxSignItem {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FloorOneSpan {
    pub name: String,
    pub session_user: String,
    pub package_id: String,
    pub created_date: String,
}

#[derive(Deserialize)]
pub struct FloorSignatureApi {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub timestamp: String,
    pub data: FloorSignatureApiData,
}

#[derive(Deserialize)]
pub struct FloorSignatureApiData {
    pub object_id: String,
    pub object_type: String,
    pub envelope_id: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorSignNow {
    pub meta: FloorSignNowMeta,
    pub content: FloorSignNowContent,
}

#[derive(Deserialize)]
pub struct FloorSignNowMeta {
    pub event: String,
    pub timestamp: i64,
}

#[derive(Deserialize)]
pub struct FloorSignNowContent {
    pub document_id: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorClicksign {
    pub event: FloorClicksignEvent,
    pub document: FloorClicksignDocument,
}

#[derive(Deserialize)]
pub struct FloorClicksignEvent {
    pub name: String,
    pub occurred_at: String,
}

#[derive(Deserialize)]
pub struct FloorClicksignDocument {
    pub key: String,
    pub status: String,
    pub signers: Vec<FloorClicksignSigner>,
}

#[derive(Deserialize)]
pub struct FloorClicksignSigner {
    pub key: String,
    pub email: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorAutentique {
    pub event: FloorAutentiqueEvent,
}

#[derive(Deserialize)]
pub struct FloorAutentiqueEvent {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub data: FloorAutentiqueData,
}

#[derive(Deserialize)]
pub struct FloorAutentiqueData {
    pub object: FloorAutentiqueDocument,
}

#[derive(Deserialize)]
pub struct FloorAutentiqueDocument {
    pub id: String,
    pub signatures: Vec<FloorAutentiqueSignature>,
}

#[derive(Deserialize)]
pub struct FloorAutentiqueSignature {
    pub public_id: String,
    pub email: Option<String>,
    pub signed: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorZapSign {
    pub event_type: String,
    pub token: String,
    pub status: String,
    pub signers: Vec<FloorZapSignSigner>,
}

#[derive(Deserialize)]
pub struct FloorZapSignSigner {
    pub token: String,
    pub status: String,
    pub email: Option<String>,
}

#[derive(Deserialize)]
pub struct FloorD4Sign {
    pub uuid: String,
    pub type_post: String,
    pub email: Option<String>,
}
