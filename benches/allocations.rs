//! Heap allocations (and bytes asked for) per `dispatch` of every vendor of
//! the vendor table at each bench size, beside its floor's and `Value`'s
//! (the same requests as `benches/dispatch.rs`), counted by a global
//! allocator wrapper; then DocuSign's full message and the reference case.
//!
//! ```sh
//! cargo bench --bench allocations
//! ```

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use esign_webhooks::Vendor;
use esign_webhooks::testing::demo;

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

/// Allocations and bytes of one call of `f` (what it returns is dropped after counting).
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

fn main() {
    println!(
        "{:<16} {:>11} {:>9} {:>10} {:>9} {:>10} {:>9} {:>10}",
        "vendor", "size", "dispatch", "bytes", "floor", "bytes", "value", "bytes"
    );
    for &vendor in Vendor::ALL.iter().filter(|vendor| vendor.is_compiled_in()) {
        let webhooks = demo::builder_for(vendor).max_body_size(4 << 20).build().unwrap();
        let floor = support::vendors::floor(vendor);
        let value = support::vendors::value(vendor);
        let mut cases: Vec<(String, http::Request<Vec<u8>>)> = support::vendors::SIZES
            .iter()
            .map(|(label, size)| (label.to_string(), support::vendors::request(vendor, *size)))
            .collect();
        if vendor == Vendor::DocuSign {
            let full = support::vendors::signed(vendor, &support::docusign_full_message());
            cases.push(("full-107KB".to_owned(), full));
        }
        for (label, request) in &cases {
            let ours = count(|| webhooks.dispatch_request(request).unwrap());
            let floor = count(|| assert!(floor(request)));
            let value = count(|| assert!(value(request)));
            row(
                vendor.slug(),
                &format!("{label} ({}B)", request.body().len()),
                ours,
                floor,
                value,
            );
        }
    }

    // The reference case: the crate against its floor's parse (the HMAC allocates nothing).
    let webhooks = support::reference::webhooks();
    let body = support::reference::body();
    let headers = support::header_map(&support::reference::signed_headers(&body));
    let ours = count(|| webhooks.dispatch(&body, &headers).unwrap());
    let floor = count(|| serde_json::from_slice::<support::reference::FloorEsg>(&body).unwrap());
    let value = count(|| serde_json::from_slice::<serde_json::Value>(&body).unwrap());
    row("reference", &format!("{}B", body.len()), ours, floor, value);
}

fn row(vendor: &str, size: &str, ours: (usize, usize), floor: (usize, usize), value: (usize, usize)) {
    println!(
        "{vendor:<16} {size:>11} {:>9} {:>10} {:>9} {:>10} {:>9} {:>10}",
        ours.0, ours.1, floor.0, floor.1, value.0, value.1
    );
}
