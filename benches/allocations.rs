//! Heap allocations per `dispatch`, against the floor's (an owned typed parse),
//! counted by a global allocator wrapper.
//!
//! ```sh
//! cargo bench --bench allocations
//! ```

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::HmacScheme;
use esign_webhooks::{FixedClock, Secret, Webhooks, constellation, esignglobal, ignisign, signplus};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn count<T>(f: impl FnOnce() -> T) -> (usize, usize) {
    let (a, b) = (ALLOCATIONS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    let value = f();
    let counted = (
        ALLOCATIONS.load(Ordering::Relaxed) - a,
        BYTES.load(Ordering::Relaxed) - b,
    );
    drop(black_box(value));
    counted
}

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

fn main() {
    let secret = Secret::from_standard_webhooks("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
    let token = "a-long-enough-shared-token-value";
    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(
            secret.clone(),
            HmacScheme::standard_webhooks(),
        ))
        .ignisign(ignisign::Verifier::new(
            "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b",
            ignisign::AppEnv::Development,
        ))
        .signplus(signplus::Verifier::header_token("x-token", Secret::new(token)))
        .constellation(constellation::Verifier::header_token("x-c1-token", Secret::new(token)))
        .clock(FixedClock(1_700_000_000))
        .build()
        .unwrap();

    println!(
        "{:<14} {:>7} {:>10} {:>12} {:>10} {:>12}",
        "vendor", "size", "dispatch", "bytes", "floor", "bytes"
    );
    for (label, size) in support::SIZES {
        let body = support::esignglobal(size);
        let request = Signer::hmac(HmacScheme::standard_webhooks(), secret.clone())
            .at(1_700_000_000)
            .sign(&body);
        let headers = header_map(&request.headers);
        let ours = count(|| webhooks.dispatch(&body, &headers).unwrap());
        let floor = count(|| serde_json::from_slice::<support::FloorEsg>(&body).unwrap());
        row("eSignGlobal", label, ours, floor);

        let body = support::ignisign(size);
        let headers = header_map(&[]);
        let ours = count(|| webhooks.dispatch(&body, &headers).unwrap());
        let floor = count(|| serde_json::from_slice::<support::FloorIgnisign>(&body).unwrap());
        row("Ignisign", label, ours, floor);

        let body = support::signplus(size);
        let headers = header_map(&[("x-token".to_owned(), token.to_owned())]);
        let ours = count(|| webhooks.dispatch(&body, &headers).unwrap());
        let floor = count(|| serde_json::from_slice::<support::FloorSignPlus>(&body).unwrap());
        row("Sign.Plus", label, ours, floor);

        let body = support::constellation(size);
        let headers = header_map(&[("x-c1-token".to_owned(), token.to_owned())]);
        let ours = count(|| webhooks.dispatch(&body, &headers).unwrap());
        let floor = count(|| serde_json::from_slice::<support::FloorConstellation>(&body).unwrap());
        row("Constellation1", label, ours, floor);
    }
}

fn row(vendor: &str, size: &str, ours: (usize, usize), floor: (usize, usize)) {
    println!(
        "{vendor:<14} {size:>7} {:>10} {:>12} {:>10} {:>12}",
        ours.0, ours.1, floor.0, floor.1
    );
}
