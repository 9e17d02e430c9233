//! Multi-tenant dispatch ([`esign_webhooks::tenant::Tenants`]) with 10, 1,000
//! and 100,000 tenants, each with its own DocuSign Connect key: the time of
//! one request (name the tenant from the path, find its cached receiver,
//! verify with its key, parse) must not grow with the number of tenants
//! (target, issue 22: at 100,000 within 1.1× of 10), and the memory each
//! cached tenant costs is reported.
//!
//! ```sh
//! cargo bench --bench tenants
//! ```
//!
//! One run measures the three sizes in turn and prints the ratio; requests
//! go to tenants spread over the whole range, so that lookups are not all
//! served from the same cache lines.

use std::alloc::{GlobalAlloc, Layout, System};
use std::future::Future;
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::Instant;

use esign_webhooks::tenant::{MapResolver, TenantId, TenantSource, Tenants};
use esign_webhooks::testing::Signer;
use esign_webhooks::{Secret, Webhooks, docusign};

/// Counts the bytes live on the heap, to report memory per tenant.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Polls a future that never waits (the map resolver and the cache answer
/// at once): no runtime in the measured loop.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the tenant bench's futures never wait"),
    }
}

const BODY: &[u8] = include_bytes!("../tests/fixtures/docusign/envelope_completed.json");

fn key(i: usize) -> String {
    format!("docusign-connect-key-of-tenant-{i:06}")
}

/// A spread of tenant numbers over `0..n`, the same for every size.
fn sample(n: usize, count: usize) -> Vec<usize> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        })
        .collect()
}

struct Measured {
    tenants: usize,
    ns_per_request: f64,
    receiver_bytes: f64,
    cache_bytes: f64,
}

fn measure(n: usize) -> Measured {
    let resolver = Arc::new(MapResolver::new(TenantSource::path_segment(1)));
    let ids: Vec<TenantId> = (0..n)
        .map(|i| TenantId::new(&format!("tenant-{i:06}")).unwrap())
        .collect();
    let before = LIVE.load(Ordering::Relaxed);
    for (i, id) in ids.iter().enumerate() {
        let webhooks = Webhooks::builder()
            .docusign(docusign::Verifier::hmac([Secret::new(key(i))]))
            .build()
            .unwrap();
        resolver.insert(id.clone(), webhooks);
    }
    let receivers = LIVE.load(Ordering::Relaxed) - before;
    let tenants = Tenants::builder(resolver.clone()).capacity(n).build();
    let before = LIVE.load(Ordering::Relaxed);
    for id in &ids {
        ready(tenants.receiver_for(id)).unwrap();
    }
    let cache = LIVE.load(Ordering::Relaxed) - before;
    assert_eq!(tenants.cached(), n);

    // Requests to tenants spread over the range, each signed with its tenant's key.
    let requests: Vec<(http::request::Parts, Vec<u8>)> = sample(n, 512)
        .into_iter()
        .map(|i| {
            let signed = Signer::hmac(docusign::scheme(), Secret::new(key(i))).sign(BODY);
            let (parts, body) = signed.to_http_request(&format!("/webhooks/tenant-{i:06}")).into_parts();
            (parts, body)
        })
        .collect();
    let run = |rounds: usize| {
        let start = Instant::now();
        for _ in 0..rounds {
            for (parts, body) in &requests {
                black_box(ready(tenants.dispatch_parts(parts, body)).unwrap());
            }
        }
        start.elapsed().as_nanos() as f64 / (rounds * requests.len()) as f64
    };
    run(4); // warm up
    let mut batches: Vec<f64> = (0..15).map(|_| run(4)).collect();
    batches.sort_by(f64::total_cmp);
    Measured {
        tenants: n,
        ns_per_request: batches[batches.len() / 2],
        receiver_bytes: receivers as f64 / n as f64,
        cache_bytes: cache as f64 / n as f64,
    }
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: a quick pass.
    let quick = !std::env::args().any(|arg| arg == "--bench");
    let sizes: &[usize] = if quick { &[10, 1_000] } else { &[10, 1_000, 100_000] };
    let results: Vec<Measured> = sizes.iter().map(|n| measure(*n)).collect();
    println!("tenants  ns/request  ratio-to-10  bytes/tenant(receiver)  bytes/tenant(cache entry)");
    let base = results[0].ns_per_request;
    for m in &results {
        println!(
            "{:>7}  {:>10.0}  {:>11.3}  {:>22.0}  {:>25.0}",
            m.tenants,
            m.ns_per_request,
            m.ns_per_request / base,
            m.receiver_bytes,
            m.cache_bytes
        );
    }
    if let Some(last) = results.last() {
        let ratio = last.ns_per_request / base;
        let verdict = if ratio <= 1.1 { "within" } else { "OVER" };
        println!(
            "dispatch at {} tenants is {ratio:.3}x the time at 10: {verdict} the 1.1x target",
            last.tenants
        );
    }
}
