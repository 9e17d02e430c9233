//! Where a vendor's `dispatch` time goes: `verify` alone, the model's parse
//! alone (`dangerous::parse_unverified`), the floor and `Value`, for the bench
//! bodies of `benches/support/vendors.rs`. What bounds a ratio of the README
//! table is measured here, not guessed.
//!
//! ```sh
//! cargo bench --bench breakdown -- docusign boldsign        # 64 KiB, those vendors
//! BREAKDOWN_SIZE=1MiB cargo bench --bench breakdown          # every vendor at 1 MiB
//! # One case in a loop, for a profiler (valgrind --tool=callgrind, perf record):
//! BREAKDOWN_LOOP=dispatch BREAKDOWN_SIZE=64KiB cargo bench --bench breakdown -- esignglobal
//! ```

mod support;
use esign_webhooks::testing::demo;
use esign_webhooks::{Vendor, dangerous};
use std::hint::black_box;
use std::time::Instant;

fn time(f: impl Fn() -> bool) -> f64 {
    for _ in 0..3 {
        assert!(f());
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let n = 20;
        let t = Instant::now();
        for _ in 0..n {
            black_box(f());
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
    best
}

fn main() {
    // Vendor slugs to look at (cargo bench passes `--bench` too: skipped).
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let size_label = std::env::var("BREAKDOWN_SIZE").unwrap_or_else(|_| "64KiB".to_owned());
    let looped = std::env::var("BREAKDOWN_LOOP").ok();
    let rounds: usize = std::env::var("BREAKDOWN_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    if only.iter().any(|o| o == "reference") {
        reference(looped.as_deref(), rounds);
    }
    for &vendor in Vendor::ALL {
        if !vendor.is_compiled_in() || (!only.is_empty() && !only.iter().any(|o| o == vendor.slug())) {
            continue;
        }
        let webhooks = demo::builder_for(vendor).max_body_size(4 << 20).build().unwrap();
        let floor = support::vendors::floor(vendor);
        let value = support::vendors::value(vendor);
        for (label, size) in support::vendors::SIZES
            .into_iter()
            .filter(|(label, _)| *label == size_label)
        {
            let r = support::vendors::request(vendor, size);
            let dispatch = || webhooks.dispatch_request(&r).is_ok();
            let parse = || dangerous::parse_unverified(vendor, r.body()).is_ok();
            let verify = || webhooks.verify_request(&r).is_ok();
            if let Some(kind) = &looped {
                let case: &dyn Fn() -> bool = match kind.as_str() {
                    "dispatch" => &dispatch,
                    "parse" => &parse,
                    "verify" => &verify,
                    "floor" => &|| floor(&r),
                    "value" => &|| value(&r),
                    other => panic!("BREAKDOWN_LOOP={other}: dispatch, parse, verify, floor or value"),
                };
                for _ in 0..rounds {
                    assert!(black_box(case()));
                }
                println!("{} {label}: {rounds} rounds of {kind}", vendor.slug());
                continue;
            }
            let d = time(dispatch);
            let p = time(parse);
            let f = time(|| floor(&r));
            let v = time(|| value(&r));
            let vv = time(verify);
            println!(
                "{:14} {label} dispatch {d:8.1} verify {vv:8.1} parse {p:8.1} floor {f:8.1} value {v:8.1}  d/f {:.2}",
                vendor.slug(),
                d / f
            );
        }
    }
}

/// The reference case (`benches/support/reference.rs`): `dispatch`, `verify`
/// and the model's parse against the floor's parse (its HMAC is one pass over
/// 842 bytes with a prepared key).
fn reference(looped: Option<&str>, rounds: usize) {
    let webhooks = support::reference::webhooks();
    let body = support::reference::body();
    let headers = support::header_map(&support::reference::signed_headers(&body));
    let dispatch = || webhooks.dispatch(black_box(&body), &headers).map(black_box).is_ok();
    let verify = || webhooks.verify(black_box(&body), &headers).is_ok();
    let parse = || dangerous::parse_unverified(Vendor::EsignGlobal, black_box(&body)).is_ok();
    let floor = || serde_json::from_slice::<support::reference::FloorEsg>(black_box(&body)).is_ok();
    if let Some(kind) = looped {
        let case: &dyn Fn() -> bool = match kind {
            "dispatch" => &dispatch,
            "verify" => &verify,
            "parse" => &parse,
            "floor" => &floor,
            other => panic!("BREAKDOWN_LOOP={other}: dispatch, verify, parse or floor (the floor's parse)"),
        };
        for _ in 0..rounds {
            assert!(black_box(case()));
        }
        println!("reference: {rounds} rounds of {kind}");
        return;
    }
    println!(
        "reference {}B dispatch {:8.2} verify {:8.2} parse {:8.2} floor's parse {:8.2}",
        body.len(),
        time(dispatch),
        time(verify),
        time(parse),
        time(floor)
    );
}
