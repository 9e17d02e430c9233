//! `dispatch` of every vendor of the vendor table at about 1 KiB, 64 KiB and
//! 1 MiB, each beside its minimal floor (the vendor's proof by hand + serde
//! into the fields a user reads) and `serde_json::Value` (the same proof +
//! the untyped parse); DocuSign's full message and the reference case of
//! `shared/bench/`; and `handle` with 0, 1, 10 and 100 matching callbacks.
//!
//! Bench ids: `dispatch/<slug>/<size>`, `floor/<slug>/<size>`,
//! `value/<slug>/<size>`; `…/docusign/full-107KB`; `dispatch/reference/842B`,
//! `floor/reference/842B`, `standardwebhooks/reference/842B` (svix, the other
//! peer, is in `benches/peers/`, a crate of its own).
//!
//! ```sh
//! cargo bench --bench dispatch -- --warm-up-time 1 --measurement-time 2
//! scripts/bench-table     # the same, and the README table from it
//! ```
//!
//! Targets (issue 20): every vendor's dispatch ≤ 1.5× its floor at 64 KiB and
//! 1 MiB and never slower than `Value`; DocuSign's full message ≤ 2.5× its
//! floor; the reference case ≤ 1.15× its floor.

mod support;

use std::hint::black_box;

use base64::Engine as _;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use esign_webhooks::testing::demo;
use esign_webhooks::{Handlers, Secret, Vendor, Webhooks, signplus};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Above the largest bench body (1 MiB, plus what the signers that rewrite
/// the body add).
const MAX_BODY: usize = 4 * 1024 * 1024;

/// `dispatch`, `floor` and `value` of one case, one after the other (so that
/// their ratios come from the same stretch of a noisy machine).
fn three(c: &mut Criterion, slug: &str, label: &str, bytes: usize, cases: [&dyn Fn() -> bool; 3]) {
    for (kind, case) in ["dispatch", "floor", "value"].into_iter().zip(cases) {
        let mut group = c.benchmark_group(kind);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new(slug, label), |b| b.iter(|| assert!(black_box(case()))));
        group.finish();
    }
}

fn vendors(c: &mut Criterion) {
    for &vendor in Vendor::ALL.iter().filter(|vendor| vendor.is_compiled_in()) {
        let webhooks = demo::builder_for(vendor).max_body_size(MAX_BODY).build().unwrap();
        let floor = support::vendors::floor(vendor);
        let value = support::vendors::value(vendor);
        for (label, size) in support::vendors::SIZES {
            let request = support::vendors::request(vendor, size);
            let dispatch = || webhooks.dispatch_request(black_box(&request)).map(black_box).is_ok();
            let floor = || floor(black_box(&request));
            let value = || value(black_box(&request));
            for (kind, case) in [
                ("dispatch", &dispatch as &dyn Fn() -> bool),
                ("floor", &floor),
                ("value", &value),
            ] {
                assert!(case(), "{kind}/{}/{label} fails on its own request", vendor.slug());
            }
            three(
                c,
                vendor.slug(),
                label,
                request.body().len(),
                [&dispatch, &floor, &value],
            );
        }
    }
}

/// DocuSign's full message (shared/bench/): every documented member present.
fn docusign_full_message(c: &mut Criterion) {
    let vendor = Vendor::DocuSign;
    if !vendor.is_compiled_in() {
        return;
    }
    let webhooks = demo::builder_for(vendor).build().unwrap();
    let request = support::vendors::signed(vendor, &support::docusign_full_message());
    let floor = support::vendors::docusign_readme_floor();
    let value = support::vendors::value(vendor);
    let dispatch = || webhooks.dispatch_request(black_box(&request)).map(black_box).is_ok();
    let floor = || floor(black_box(&request));
    let value = || value(black_box(&request));
    assert!(dispatch() && floor() && value());
    three(
        c,
        "docusign",
        "full-107KB",
        request.body().len(),
        [&dispatch, &floor, &value],
    );
}

/// The reference case (shared/bench/): eSignGlobal with the Standard Webhooks
/// scheme, the real clock, headers in an `http::HeaderMap`; the floor is one
/// HMAC over the body with a hex signature and a typed parse of exactly the
/// body's fields; `standardwebhooks` verify + the same parse.
fn reference(c: &mut Criterion) {
    use support::reference::{FloorEsg, SW_SECRET};
    let webhooks = support::reference::webhooks();
    let body = support::reference::body();
    let headers = support::header_map(&support::reference::signed_headers(&body));
    let key = base64::engine::general_purpose::STANDARD
        .decode(&SW_SECRET[6..])
        .unwrap();
    let prepared = <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap();
    let hex_signature: String = {
        let mut mac = prepared.clone();
        mac.update(&body);
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    };
    let hex_headers = support::header_map(&[("x-signature".to_owned(), hex_signature)]);
    let sw = standardwebhooks::Webhook::new(SW_SECRET).unwrap();

    let dispatch = || webhooks.dispatch(black_box(&body), &headers).map(black_box).is_ok();
    let floor = || {
        let given = hex_headers["x-signature"].as_bytes();
        let mut mac = prepared.clone();
        mac.update(black_box(&body));
        let expected = mac.finalize().into_bytes();
        let mut decoded = [0u8; 32];
        for (out, pair) in decoded.iter_mut().zip(given.chunks_exact(2)) {
            let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            *out = digit(pair[0]) << 4 | digit(pair[1]);
        }
        bool::from(expected.as_slice().ct_eq(&decoded))
            && serde_json::from_slice::<FloorEsg>(&body).map(black_box).is_ok()
    };
    let peer = || {
        sw.verify(black_box(&body), &headers).is_ok()
            && serde_json::from_slice::<FloorEsg>(&body).map(black_box).is_ok()
    };
    let label = format!("{}B", body.len());
    for (kind, case) in [
        ("dispatch", &dispatch as &dyn Fn() -> bool),
        ("floor", &floor),
        ("standardwebhooks", &peer),
    ] {
        assert!(case(), "{kind}/reference fails on its own request");
        let mut group = c.benchmark_group(kind);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function(BenchmarkId::new("reference", &label), |b| {
            b.iter(|| assert!(black_box(case())))
        });
        group.finish();
    }
}

fn handle(c: &mut Criterion) {
    let token = "a-long-enough-shared-token-value";
    let webhooks = Webhooks::builder()
        .signplus(signplus::Verifier::header_token("x-token", Secret::new(token)))
        .build()
        .unwrap();
    let body = br#"{"hook":{"id":"6697ccb204bd194fa74c22b4","event":"envelope_completed","target":"https://example.com/hooks/signplus"},"data":{"id":"6697ccb204bd194fa74c22b4","uid":"4a6e29bfc5344ca6ad7cc8beda456481","envelope_id":"6697e681c5e364c7c23710d4","file_name":"Purchase agreement.pdf"}}"#;
    let headers = support::header_map(&[("x-token".to_owned(), token.to_owned())]);
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
            b.iter(|| black_box(webhooks.handle(handlers, black_box(body), &headers).unwrap()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = reference, docusign_full_message, vendors, handle
}
criterion_main!(benches);
