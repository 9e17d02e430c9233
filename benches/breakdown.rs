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
    for &vendor in Vendor::ALL {
        if !vendor.is_compiled_in() || (!only.is_empty() && !only.iter().any(|o| o == vendor.slug())) {
            continue;
        }
        let webhooks = demo::builder_for(vendor).max_body_size(4 << 20).build().unwrap();
        let floor = support::vendors::floor(vendor);
        let value = support::vendors::value(vendor);
        for (label, size) in support::vendors::SIZES
            .into_iter()
            .filter(|(label, _)| *label == "64KiB")
        {
            let r = support::vendors::request(vendor, size);
            let d = time(|| webhooks.dispatch_request(&r).is_ok());
            let p = time(|| dangerous::parse_unverified(vendor, r.body()).is_ok());
            let f = time(|| floor(&r));
            let v = time(|| value(&r));
            let vv = time(|| webhooks.verify_request(&r).is_ok());
            println!(
                "{:14} {label} dispatch {d:8.1} verify {vv:8.1} parse {p:8.1} floor {f:8.1} value {v:8.1}  d/f {:.2}",
                vendor.slug(),
                d / f
            );
        }
    }
}
