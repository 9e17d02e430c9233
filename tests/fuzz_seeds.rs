//! The signed-request seeds of the `dispatch`, `split` and `signature_headers`
//! fuzz targets (`fuzz/seeds/`), made from the test fixtures (the parse targets
//! read `tests/fixtures/` itself):
//! this test fails when a fixture or signer change makes the committed seeds
//! stale. Regenerate them with
//! `WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds`.
//!
//! The request format is the one of `fuzz/src/lib.rs`: optional `@now` and
//! `?query` lines, `Name: value` header lines, an empty line, the body.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use esign_webhooks::Secret;
use esign_webhooks::testing::{SignedRequest, Signer};
use esign_webhooks::verify::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit,
};

mod common;

use common::{NOW, fixtures, root};

fn encode(now: Option<i64>, request: &SignedRequest) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(now) = now {
        out.extend_from_slice(format!("@{now}\n").as_bytes());
    }
    if let Some(query) = &request.query {
        out.extend_from_slice(format!("?{query}\n").as_bytes());
    }
    out.extend_from_slice(b"Content-Type: application/json");
    for (name, value) in &request.headers {
        out.extend_from_slice(format!("\n{name}: {value}").as_bytes());
    }
    out.extend_from_slice(b"\n\n");
    out.extend_from_slice(&request.body);
    out
}

/// The eSignGlobal scheme of `fuzz_targets/dispatch.rs`.
fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

/// The signers matching `fuzz_targets/signature_headers.rs`'s verifiers.
fn signature_signers() -> Vec<(&'static str, Signer)> {
    let secret = || Secret::new("fuzz-secret");
    let hmac = |scheme: HmacScheme| Signer::hmac(scheme, secret()).at(NOW).with_id("msg_2Lq9");
    vec![
        (
            "header_hex_prefix",
            hmac(
                HmacScheme::new(SignatureLocation::header("x-sig"), SignedContent::Body, Encoding::Hex)
                    .with_prefix("sha256="),
            ),
        ),
        (
            "numbered_base64",
            hmac(HmacScheme::new(
                SignatureLocation::numbered_headers("x-sig-"),
                SignedContent::Body,
                Encoding::Base64,
            )),
        ),
        (
            "parameters_timestamp",
            hmac(HmacScheme::new(
                SignatureLocation::parameters("x-params", ["v1", "s0"]),
                SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
                Encoding::Hex,
            )),
        ),
        ("standard_webhooks", hmac(HmacScheme::standard_webhooks())),
        (
            "query_milliseconds",
            hmac(
                HmacScheme::new(
                    SignatureLocation::query("signature"),
                    SignedContent::timestamp_then_body(TimestampLocation::header("x-ts"), ":"),
                    Encoding::Hex,
                )
                .with_timestamp_unit(TimestampUnit::Milliseconds),
            ),
        ),
        ("header_token", Signer::header_token("x-token", secret())),
        ("basic_auth", Signer::basic_auth("user", secret())),
        ("query_token", Signer::query_token("token", secret())),
    ]
}

/// Every seed, by target and file name.
fn seeds() -> BTreeMap<(String, String), Vec<u8>> {
    let mut seeds = BTreeMap::new();
    let mut add = |target: &str, name: String, bytes: Vec<u8>| {
        seeds.insert((target.to_owned(), name), bytes);
    };
    let esg = Signer::hmac(esg_scheme(), Secret::new("esg-secret")).at(NOW);
    let signplus = Signer::query_token("token", Secret::new("sp-token"));
    let constellation = Signer::basic_auth("esign", Secret::new("c1-password"));
    // The parse targets read `tests/fixtures/<vendor>/` directly (see `.ci/run`):
    // only the signed requests of `dispatch` and `signature_headers` are made here.
    for (vendor, signer) in [
        ("esignglobal", Some(&esg)),
        ("ignisign", None),
        ("signplus", Some(&signplus)),
        ("constellation", Some(&constellation)),
    ] {
        for (name, body) in fixtures(vendor) {
            let request = match signer {
                Some(signer) => signer.sign(&body),
                None => Signer::header_token("x-unused", Secret::new("-"))
                    .sign(&body)
                    .remove_header("x-unused"),
            };
            add("dispatch", format!("{vendor}_{name}"), encode(None, &request));
        }
    }
    // The vendors added since, each signed as `fuzz_targets/dispatch.rs`
    // configures it (Dropbox Sign and SignWell sign inside the body: their
    // fixtures come unsigned, as Ignisign's).
    for (vendor, request) in new_vendor_requests() {
        add("dispatch", vendor, encode(None, &request));
    }
    for (name, request) in split_requests() {
        add("split", name, encode_as_is(&request));
    }
    let bodies = [
        ("esignglobal", fixtures("esignglobal").swap_remove(0).1),
        ("small", b"{\"a\":1}".to_vec()),
    ];
    for (scheme, signer) in signature_signers() {
        for (body_name, body) in &bodies {
            add(
                "signature_headers",
                format!("{scheme}_{body_name}"),
                encode(Some(NOW), &signer.sign(body)),
            );
        }
    }
    seeds
}

/// The signers of the vendors configured by their own scheme, with the keys
/// of `fuzz_targets/dispatch.rs`.
fn new_vendor_signers() -> Vec<(&'static str, Signer)> {
    use esign_webhooks::{boldsign, boxsign, docuseal, docusign, opensign, pandadoc, yousign, zohosign};
    let hmac = |scheme: HmacScheme, secret: &str| Signer::hmac(scheme, Secret::new(secret)).at(NOW);
    vec![
        ("docusign", hmac(docusign::scheme(), "docusign-secret")),
        ("boldsign", hmac(boldsign::scheme(), "boldsign-secret")),
        ("yousign", hmac(yousign::scheme(), "yousign-secret")),
        ("pandadoc", hmac(pandadoc::scheme(), "pandadoc-shared-key")),
        ("zohosign", hmac(zohosign::scheme(), "zohosign-secret")),
        ("docuseal", hmac(docuseal::scheme(), "docuseal-secret")),
        ("opensign", hmac(opensign::scheme(), "opensign-secret")),
        ("boxsign", hmac(boxsign::scheme(), "boxsign-primary")),
        (
            "documenso",
            Signer::header_token("X-Documenso-Secret", Secret::new("documenso-secret")),
        ),
        (
            "adobesign",
            Signer::query_token("token", Secret::new("adobesign-url-token")),
        ),
    ]
}

/// `(seed name, request)` for every fixture of the vendors added since the
/// first four, signed as the fuzz target expects.
fn new_vendor_requests() -> Vec<(String, SignedRequest)> {
    let mut requests = Vec::new();
    for (vendor, signer) in new_vendor_signers() {
        for (name, body) in fixtures(vendor) {
            let mut request = signer.sign(&body);
            if vendor == "adobesign" {
                request
                    .headers
                    .push(("X-AdobeSign-ClientId".to_owned(), ADOBE_CLIENT_ID.to_owned()));
            }
            requests.push((format!("{vendor}_{name}"), request));
        }
    }
    for vendor in ["dropboxsign", "signwell"] {
        for (name, body) in fixtures(vendor) {
            let request = Signer::header_token("x-unused", Secret::new("-"))
                .sign(&body)
                .remove_header("x-unused");
            requests.push((format!("{vendor}_{name}"), request));
        }
    }
    requests
}

/// A request with exactly its own headers (no `Content-Type` added).
fn encode_as_is(request: &SignedRequest) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(query) = &request.query {
        out.extend_from_slice(format!("?{query}\n").as_bytes());
    }
    for (name, value) in &request.headers {
        out.extend_from_slice(format!("{name}: {value}\n").as_bytes());
    }
    out.extend_from_slice(b"\n");
    out.extend_from_slice(&request.body);
    out
}

/// The seeds of the `split` target (besides `dispatch`'s): what reaches the
/// vendors whose verified part or kept value is not the whole body. Every
/// Dropbox Sign fixture signed with the target's API key, as multipart (its
/// `Content-Type` with the boundary) and as JSON; a captured multipart
/// callback behind a forged multipart preamble and inside a forged part
/// (issue 17's attack); a PandaDoc delivery with its event id header.
fn split_requests() -> Vec<(String, SignedRequest)> {
    let signer = Signer::dropboxsign("dropboxsign-api-key");
    let mut requests = Vec::new();
    for (name, body) in fixtures("dropboxsign") {
        requests.push((format!("dropboxsign_{name}_multipart"), signer.multipart(&body)));
        let mut json = signer.json(&body);
        json.headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("content-type"));
        json.headers
            .push(("Content-Type".to_owned(), "application/json".to_owned()));
        requests.push((format!("dropboxsign_{name}_json"), json));
    }
    let captured = signer.multipart(&fixtures("dropboxsign").swap_remove(0).1);
    let forged = br#"{"event":{"event_time":"1","event_type":"signature_request_all_signed","event_hash":"00"}}"#;
    let part = |boundary: &str, name: &str, content: &[u8]| {
        let mut part = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n").into_bytes();
        part.extend_from_slice(content);
        part.extend_from_slice(b"\r\n");
        part
    };
    let mut preamble = captured.clone();
    preamble.body = [part("f", "json", forged), b"--f--\r\n".to_vec(), captured.body.clone()].concat();
    requests.push(("dropboxsign_preamble_attack".to_owned(), preamble));
    let mut nested = captured.clone();
    nested.body = [
        part("f", "json", forged),
        part("f", "x", &captured.body),
        b"--f--\r\n".to_vec(),
    ]
    .concat();
    requests.push(("dropboxsign_nested_attack".to_owned(), nested));
    let pandadoc = Signer::hmac(esign_webhooks::pandadoc::scheme(), Secret::new("pandadoc-shared-key")).at(NOW);
    let mut delivery = pandadoc.sign(&fixtures("pandadoc").swap_remove(0).1);
    delivery
        .headers
        .push(("Content-Type".to_owned(), "application/json".to_owned()));
    delivery.headers.push((
        "X-PandaDoc-Webhook-Event-Id".to_owned(),
        "3b9e64a1-0b0c-4a55-9d33-5f3c2b1a0e9d".to_owned(),
    ));
    requests.push(("pandadoc_with_event_id".to_owned(), delivery));
    requests
}

/// The Adobe Acrobat Sign client id of `fuzz_targets/dispatch.rs`.
const ADOBE_CLIENT_ID: &str = "CBJCHBCAABAA-adobe-client-id";

/// The seeds of the vendors signed by a scheme pass the fuzz target's
/// verification (so the fuzzer starts past it), with the target's configuration.
#[test]
fn new_vendor_seeds_verify() {
    use esign_webhooks::{
        FixedClock, Webhooks, adobesign, boldsign, boxsign, documenso, docuseal, docusign, opensign, pandadoc, yousign,
        zohosign,
    };
    let webhooks = Webhooks::builder()
        .docusign(docusign::Verifier::hmac([Secret::new("docusign-secret")]))
        .boldsign(boldsign::Verifier::new(Secret::new("boldsign-secret")))
        .adobesign(
            adobesign::Verifier::client_ids([ADOBE_CLIENT_ID])
                .with_query_token("token", Secret::new("adobesign-url-token")),
        )
        .yousign(yousign::Verifier::new(Secret::new("yousign-secret")))
        .pandadoc(pandadoc::Verifier::new(Secret::new("pandadoc-shared-key")))
        .zohosign(zohosign::Verifier::new(Secret::new("zohosign-secret")))
        .documenso(documenso::Verifier::new(Secret::new("documenso-secret")))
        .docuseal(docuseal::Verifier::new(Secret::new("docuseal-secret")))
        .opensign(opensign::Verifier::new(Secret::new("opensign-secret")))
        .boxsign(boxsign::Verifier::new(
            Secret::new("boxsign-primary"),
            Secret::new("boxsign-secondary"),
        ))
        .max_body_size(1024 * 1024)
        .clock(FixedClock(NOW))
        .build()
        .unwrap();
    let mut failed = Vec::new();
    let mut verified = 0;
    for (name, request) in new_vendor_requests() {
        if name.starts_with("dropboxsign_") || name.starts_with("signwell_") {
            continue;
        }
        let mut headers = request.headers.clone();
        headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
        let incoming = esign_webhooks::Incoming::new(&request.body, &headers).with_query(request.query.as_deref());
        match webhooks.verify_incoming(&incoming) {
            Ok(_) => verified += 1,
            Err(err) => failed.push(format!("{name}: {err}")),
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(verified >= 10, "{verified}");
}

/// The `split` seeds pass verification with the fuzz target's keys, so the
/// fuzzer starts where the split path and `dispatch` could disagree.
#[test]
fn split_seeds_verify() {
    use esign_webhooks::{FixedClock, Incoming, Webhooks, dropboxsign, pandadoc};
    let webhooks = Webhooks::builder()
        .dropboxsign(dropboxsign::Verifier::new(Secret::new("dropboxsign-api-key")))
        .pandadoc(pandadoc::Verifier::new(Secret::new("pandadoc-shared-key")))
        .clock(FixedClock(NOW))
        .build()
        .unwrap();
    let requests = split_requests();
    let mut failed = Vec::new();
    for (name, request) in &requests {
        let incoming = Incoming::new(&request.body, &request.headers).with_query(request.query.as_deref());
        if let Err(err) = webhooks
            .verify_incoming(&incoming)
            .and_then(|verified| verified.parse())
        {
            failed.push(format!("{name}: {err}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(requests.len() > 40, "{}", requests.len());
}

#[test]
fn committed_seeds_are_up_to_date() {
    let dir = root().join("fuzz/seeds");
    let write = std::env::var_os("WRITE_FUZZ_SEEDS").is_some();
    let seeds = seeds();
    let mut stale = Vec::new();
    for ((target, name), bytes) in &seeds {
        let path = dir.join(target).join(name);
        if write {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, bytes).unwrap();
        } else if fs::read(&path).ok().as_ref() != Some(bytes) {
            stale.push(path);
        }
    }
    // No leftover seed of a fixture that no longer exists.
    for target in fs::read_dir(&dir).into_iter().flatten() {
        let target = target.unwrap().path();
        for file in fs::read_dir(&target).unwrap() {
            let file = file.unwrap().path();
            let key = (name_of(&target), name_of(&file));
            if !seeds.contains_key(&key) {
                if write {
                    fs::remove_file(&file).unwrap();
                } else {
                    stale.push(file);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale fuzz seeds (regenerate with WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds): {stale:#?}"
    );
    assert!(seeds.len() >= 80, "one seed per fixture, and per signature scheme");
}

fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}
