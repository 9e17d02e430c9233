//! The signed-request seeds of the `dispatch`, `split` and `signature_headers`
//! fuzz targets (`fuzz/seeds/`), made from the test fixtures (the parse targets
//! read `tests/fixtures/` itself) with each vendor's demo signer
//! (`testing::demo`), for the receiver the targets fuzz:
//! this test fails when a fixture or signer change makes the committed seeds
//! stale. Regenerate them with
//! `WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds`.
//!
//! The request format is the one of `fuzz/src/lib.rs`: optional `@now` and
//! `?query` lines, `Name: value` header lines, an empty line, the body.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use esign_webhooks::testing::{SignedRequest, Signer, demo};
use esign_webhooks::verify::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit,
};
use esign_webhooks::{Incoming, Secret, Vendor};

mod common;

/// The fuzz targets' request format, to read a seed as the targets do.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_lib;

use common::{NOW, fixtures, root};

fn encode(now: Option<i64>, request: &SignedRequest) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(now) = now {
        out.extend_from_slice(format!("@{now}\n").as_bytes());
    }
    if let Some(query) = &request.query {
        out.extend_from_slice(format!("?{query}\n").as_bytes());
    }
    // JSON unless the request says otherwise (Dropbox Sign's signer does).
    if !request
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-type"))
    {
        out.extend_from_slice(b"Content-Type: application/json\n");
    }
    for (name, value) in &request.headers {
        out.extend_from_slice(format!("{name}: {value}\n").as_bytes());
    }
    out.extend_from_slice(b"\n");
    out.extend_from_slice(&request.body);
    out
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
    for (name, request) in dispatch_requests() {
        add("dispatch", name, encode(None, &request));
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

/// `(seed name, request)` for every fixture of every vendor, signed by the
/// vendor's demo signer for the fuzz target's receiver (`testing::demo`).
fn dispatch_requests() -> Vec<(String, SignedRequest)> {
    let mut requests = Vec::new();
    for vendor in Vendor::ALL {
        let signer = demo::signer(*vendor);
        for (name, body) in fixtures(vendor.slug()) {
            requests.push((format!("{}_{name}", vendor.slug()), signer.sign(&body)));
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
    let signer = Signer::dropboxsign(demo::secret_texts(Vendor::DropboxSign)[0]);
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
    let mut delivery = demo::signer(Vendor::PandaDoc).sign(&fixtures("pandadoc").swap_remove(0).1);
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

/// Every `dispatch` seed passes the fuzz target's verification (so the
/// fuzzer starts past it), with the target's configuration.
#[test]
fn dispatch_seeds_verify() {
    let webhooks = demo::webhooks();
    let mut failed = Vec::new();
    let requests = dispatch_requests();
    for (name, request) in &requests {
        // As the seed encodes it: JSON unless the request says otherwise.
        let data = encode(None, request);
        let seed = fuzz_lib::Request::decode(&data);
        let incoming = Incoming::new(seed.body, &seed.headers).with_query(seed.query.as_deref());
        if let Err(err) = webhooks.verify_incoming(&incoming) {
            failed.push(format!("{name}: {err}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    let vendors: std::collections::BTreeSet<_> = requests.iter().map(|(name, _)| name.split('_').next()).collect();
    assert_eq!(vendors.len(), Vendor::ALL.len(), "a seed of every vendor: {vendors:?}");
}

/// The `split` seeds pass verification with the fuzz target's keys, so the
/// fuzzer starts where the split path and `dispatch` could disagree.
#[test]
fn split_seeds_verify() {
    let webhooks = demo::webhooks();
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
