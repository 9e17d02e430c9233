//! `dispatch` per vendor and body size, against the raw floor (what a user
//! could write by hand: HMAC or token check + `serde_json::from_slice` into an
//! owned struct) and against the `standardwebhooks` crate; and `handle` with
//! 1, 10 and 100 matching callbacks.
//!
//! ```sh
//! cargo bench --bench dispatch
//! ```
//!
//! Targets (issue 4): dispatch ≤ 1.15× the floor, ≥ 1.8× faster than
//! standardwebhooks verify + parse, linear in body size, ≤ 50 ns per matched callback.

mod support;

use std::hint::black_box;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use esign_webhooks::testing::{Signer, demo};
use esign_webhooks::verify::HmacScheme;
use esign_webhooks::{
    Event, FixedClock, Handlers, Secret, Vendor, Webhooks, constellation, esignglobal, ignisign, signplus,
};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

const SW_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn header_map(pairs: &[(String, String)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    map.insert("content-type", "application/json".parse().unwrap());
    for (name, value) in pairs {
        map.append(
            http::HeaderName::try_from(name.as_str()).unwrap(),
            value.parse().unwrap(),
        );
    }
    map
}

fn esignglobal_group(c: &mut Criterion) {
    let secret = Secret::from_standard_webhooks(SW_SECRET).unwrap();
    let at = now();
    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(
            secret.clone(),
            HmacScheme::standard_webhooks(),
        ))
        .clock(FixedClock(at))
        .build()
        .unwrap();
    let sw = standardwebhooks::Webhook::new(SW_SECRET).unwrap();
    let key = base64::engine::general_purpose::STANDARD
        .decode(&SW_SECRET[6..])
        .unwrap();
    let prepared = <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap();

    let mut group = c.benchmark_group("esignglobal");
    for (label, size) in support::SIZES {
        let body = support::esignglobal(size);
        let request = Signer::hmac(HmacScheme::standard_webhooks(), secret.clone())
            .at(at)
            .with_id("msg_27UH4WbU6Z5A5EzD8u03UvzRbpk")
            .sign(&body);
        let headers = header_map(&request.headers);
        group.throughput(Throughput::Bytes(body.len() as u64));

        group.bench_with_input(BenchmarkId::new("dispatch", label), &body, |b, body| {
            b.iter(|| match webhooks.dispatch(black_box(body), &headers).unwrap() {
                Event::EsignGlobal(event) => black_box(event),
                _ => unreachable!(),
            })
        });
        group.bench_with_input(BenchmarkId::new("floor", label), &body, |b, body| {
            b.iter(|| {
                let id = headers["webhook-id"].to_str().unwrap();
                let ts = headers["webhook-timestamp"].to_str().unwrap();
                let sig = headers["webhook-signature"].to_str().unwrap();
                let mut mac = prepared.clone();
                mac.update(id.as_bytes());
                mac.update(b".");
                mac.update(ts.as_bytes());
                mac.update(b".");
                mac.update(black_box(body));
                let expected = mac.finalize().into_bytes();
                let given = base64::engine::general_purpose::STANDARD.decode(&sig[3..]).unwrap();
                assert!(bool::from(expected.as_slice().ct_eq(&given)));
                black_box(serde_json::from_slice::<support::FloorEsg>(body).unwrap())
            })
        });
        // Re-signed just before: standardwebhooks checks the real clock (300 s).
        let fresh = Signer::hmac(HmacScheme::standard_webhooks(), secret.clone())
            .with_id("msg_1")
            .sign(&body);
        let fresh_headers = header_map(&fresh.headers);
        group.bench_with_input(BenchmarkId::new("standardwebhooks", label), &body, |b, body| {
            b.iter(|| {
                sw.verify(black_box(body), &fresh_headers).unwrap();
                black_box(serde_json::from_slice::<support::FloorEsg>(body).unwrap())
            })
        });
    }
    group.finish();
}

/// The reference case, side by side in one run: the 842-byte-class
/// ENVELOPE_FINISH (three signers, every field), the Standard Webhooks
/// scheme, the real clock, headers in an `http::HeaderMap`; `dispatch`
/// against the minimal floor (one HMAC over the body, hex, compared in
/// constant time, then `serde_json::from_slice` into an owned struct of
/// exactly the body's fields) and `standardwebhooks` verify + the same parse.
/// (`svix`, the other peer, does not build in this dependency graph: its
/// connector does not compile against the `hyper-util` every recent `svix`
/// resolves to; see the README.)
fn reference_group(c: &mut Criterion) {
    let secret = Secret::from_standard_webhooks(SW_SECRET).unwrap();
    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(
            secret.clone(),
            HmacScheme::standard_webhooks(),
        ))
        .build()
        .unwrap();
    let body = support::esignglobal_reference();
    let request = Signer::hmac(HmacScheme::standard_webhooks(), secret.clone())
        .with_id("msg_27UH4WbU6Z5A5EzD8u03UvzRbpk")
        .sign(&body);
    let headers = header_map(&request.headers);
    let key = base64::engine::general_purpose::STANDARD
        .decode(&SW_SECRET[6..])
        .unwrap();
    let prepared = <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap();
    let hex_signature = {
        let mut mac = prepared.clone();
        mac.update(&body);
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let hex_headers = header_map(&[("x-signature".to_owned(), hex_signature)]);
    let sw = standardwebhooks::Webhook::new(SW_SECRET).unwrap();

    let mut group = c.benchmark_group("reference");
    group.throughput(Throughput::Bytes(body.len() as u64));
    let label = format!("{}B", body.len());
    group.bench_with_input(BenchmarkId::new("dispatch", &label), &body, |b, body| {
        b.iter(|| black_box(webhooks.dispatch(black_box(body), &headers).unwrap()))
    });
    group.bench_with_input(BenchmarkId::new("minimal_floor", &label), &body, |b, body| {
        b.iter(|| {
            let given = hex_headers["x-signature"].as_bytes();
            let mut mac = prepared.clone();
            mac.update(black_box(body));
            let expected = mac.finalize().into_bytes();
            let mut decoded = [0u8; 32];
            for (out, pair) in decoded.iter_mut().zip(given.chunks_exact(2)) {
                let digit = |c: u8| (c as char).to_digit(16).unwrap() as u8;
                *out = digit(pair[0]) << 4 | digit(pair[1]);
            }
            assert!(bool::from(expected.as_slice().ct_eq(&decoded)));
            black_box(serde_json::from_slice::<support::FloorEsg>(body).unwrap())
        })
    });
    group.bench_with_input(BenchmarkId::new("standardwebhooks", &label), &body, |b, body| {
        b.iter(|| {
            sw.verify(black_box(body), &headers).unwrap();
            black_box(serde_json::from_slice::<support::FloorEsg>(body).unwrap())
        })
    });
    group.finish();
}

fn ignisign_group(c: &mut Criterion) {
    let app_id = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
    let webhooks = Webhooks::builder()
        .ignisign(ignisign::Verifier::new(app_id, ignisign::AppEnv::Development))
        .build()
        .unwrap();
    let headers = header_map(&[]);
    let mut group = c.benchmark_group("ignisign");
    for (label, size) in support::SIZES {
        let body = support::ignisign(size);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("dispatch", label), &body, |b, body| {
            b.iter(|| black_box(webhooks.dispatch(black_box(body), &headers).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("floor", label), &body, |b, body| {
            b.iter(|| {
                let parsed: support::FloorIgnisign = serde_json::from_slice(black_box(body)).unwrap();
                assert!(parsed.app_id == app_id && parsed.app_env == "DEVELOPMENT");
                black_box(parsed)
            })
        });
    }
    group.finish();
}

fn token_vendor_group<T: serde::de::DeserializeOwned>(
    c: &mut Criterion,
    name: &str,
    webhooks: &Webhooks,
    body_of: fn(usize) -> Vec<u8>,
) {
    let headers = header_map(&[("x-token".to_owned(), "a-long-enough-shared-token-value".to_owned())]);
    let expected = b"a-long-enough-shared-token-value";
    let mut group = c.benchmark_group(name);
    for (label, size) in support::SIZES {
        let body = body_of(size);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("dispatch", label), &body, |b, body| {
            b.iter(|| black_box(webhooks.dispatch(black_box(body), &headers).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("floor", label), &body, |b, body| {
            b.iter(|| {
                let given = headers["x-token"].as_bytes();
                assert!(bool::from(given.ct_eq(expected)));
                black_box(serde_json::from_slice::<T>(black_box(body)).unwrap())
            })
        });
    }
    group.finish();
}

fn signplus_group(c: &mut Criterion) {
    let webhooks = Webhooks::builder()
        .signplus(signplus::Verifier::header_token(
            "x-token",
            Secret::new("a-long-enough-shared-token-value"),
        ))
        .build()
        .unwrap();
    token_vendor_group::<support::FloorSignPlus>(c, "signplus", &webhooks, support::signplus);
}

fn constellation_group(c: &mut Criterion) {
    let webhooks = Webhooks::builder()
        .constellation(constellation::Verifier::header_token(
            "x-token",
            Secret::new("a-long-enough-shared-token-value"),
        ))
        .build()
        .unwrap();
    token_vendor_group::<support::FloorConstellation>(c, "constellation", &webhooks, support::constellation);
}

/// Every vendor of the table, one row each: its first fixture (file-name
/// order), signed by its demo signer, dispatched by the all-vendors demo
/// receiver. A vendor added to the table gets its row without an edit here.
fn vendors_group(c: &mut Criterion) {
    let webhooks = demo::webhooks();
    let mut group = c.benchmark_group("vendors");
    for vendor in Vendor::ALL.iter().copied().filter(|vendor| vendor.is_compiled_in()) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(vendor.slug());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        let body = std::fs::read(&files[0]).unwrap();
        let request = demo::signer(vendor).sign(&body);
        group.throughput(Throughput::Bytes(request.body.len() as u64));
        group.bench_with_input(BenchmarkId::new("dispatch", vendor.slug()), &request, |b, request| {
            b.iter(|| black_box(webhooks.dispatch_incoming(black_box(&request.incoming())).unwrap()))
        });
    }
    group.finish();
}

fn handle_group(c: &mut Criterion) {
    let webhooks = Webhooks::builder()
        .signplus(signplus::Verifier::header_token(
            "x-token",
            Secret::new("a-long-enough-shared-token-value"),
        ))
        .build()
        .unwrap();
    let body = support::signplus(256);
    let headers = header_map(&[("x-token".to_owned(), "a-long-enough-shared-token-value".to_owned())]);
    let mut group = c.benchmark_group("handle");
    for callbacks in [0usize, 1, 10, 100] {
        let mut handlers = Handlers::new();
        for _ in 0..callbacks {
            handlers.signplus().on(signplus::EventKind::EnvelopeCompleted, |event| {
                black_box(event);
                Ok(())
            });
        }
        group.bench_with_input(BenchmarkId::new("callbacks", callbacks), &handlers, |b, handlers| {
            b.iter(|| black_box(webhooks.handle(handlers, black_box(&body), &headers).unwrap()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = reference_group, esignglobal_group, ignisign_group, signplus_group, constellation_group, vendors_group, handle_group
}
criterion_main!(benches);
