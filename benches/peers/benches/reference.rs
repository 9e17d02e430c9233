//! The reference case (shared/bench/README.md) against both peers, in one
//! process: eSignGlobal's 842-byte ENVELOPE_FINISH signed with the Standard
//! Webhooks scheme, the real clock, headers in an `http::HeaderMap`.
//!
//! - `dispatch/reference/<n>B`: esign-webhooks, eSignGlobal configured with
//!   `HmacScheme::standard_webhooks()` and `Secret::from_standard_webhooks`;
//! - `floor/reference/<n>B`: one HMAC-SHA256 over the body, a hex signature,
//!   `verify_slice`, and the typed parse of exactly the body's fields;
//! - `svix/reference/<n>B`, `standardwebhooks/reference/<n>B`: each peer's
//!   `Webhook::verify`, then the same typed parse.
//!
//! ```sh
//! cd benches/peers && cargo bench -- --warm-up-time 1 --measurement-time 3
//! ```

#[path = "../../support/reference.rs"]
mod reference;

use std::hint::black_box;

use base64::Engine as _;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use reference::{FloorEsg, SW_SECRET};
use sha2::Sha256;

fn header_map(pairs: &[(String, String)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            http::HeaderName::try_from(name.as_str()).unwrap(),
            value.parse().unwrap(),
        );
    }
    map
}

fn reference_case(c: &mut Criterion) {
    let webhooks = reference::webhooks();
    let body = reference::body();
    // Signed now: the crate and both peers check the real clock (300 s tolerance).
    let headers = header_map(&reference::signed_headers(&body));
    let key = base64::engine::general_purpose::STANDARD
        .decode(&SW_SECRET[6..])
        .unwrap();
    let prepared = <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap();
    let hex_signature: String = {
        let mut mac = prepared.clone();
        mac.update(&body);
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    };
    let hex_headers = header_map(&[("x-signature".to_owned(), hex_signature)]);
    let sw = standardwebhooks::Webhook::new(SW_SECRET).unwrap();
    let svix = svix::webhooks::Webhook::new(SW_SECRET).unwrap();

    let dispatch = || webhooks.dispatch(black_box(&body), &headers).map(black_box).is_ok();
    let floor = || {
        let given = hex_headers["x-signature"].as_bytes();
        let mut mac = prepared.clone();
        mac.update(black_box(&body));
        let mut decoded = [0u8; 32];
        for (out, pair) in decoded.iter_mut().zip(given.chunks_exact(2)) {
            let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            *out = digit(pair[0]) << 4 | digit(pair[1]);
        }
        mac.verify_slice(&decoded).is_ok() && serde_json::from_slice::<FloorEsg>(&body).map(black_box).is_ok()
    };
    let standardwebhooks = || {
        sw.verify(black_box(&body), &headers).is_ok()
            && serde_json::from_slice::<FloorEsg>(&body).map(black_box).is_ok()
    };
    let svix = || {
        svix.verify(black_box(&body), &headers).is_ok()
            && serde_json::from_slice::<FloorEsg>(&body).map(black_box).is_ok()
    };
    let label = format!("{}B", body.len());
    let cases: [(&str, &dyn Fn() -> bool); 4] = [
        ("dispatch", &dispatch),
        ("floor", &floor),
        ("svix", &svix),
        ("standardwebhooks", &standardwebhooks),
    ];
    for (kind, case) in cases {
        assert!(case(), "{kind}/reference fails on its own request");
        let mut group = c.benchmark_group(kind);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function(BenchmarkId::new("reference", &label), |b| {
            b.iter(|| assert!(black_box(case())))
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = reference_case
}
criterion_main!(benches);
