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
//! One run sets up the three sizes, then measures batches of them
//! interleaved (so that the load of other processes weighs on each size
//! alike) and prints each size's median and its ratio to 10 tenants;
//! requests go to tenants spread over the whole range, so that lookups are
//! not all served from the same cache lines.

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

/// One size, ready to measure: its receiver, its requests, and the memory
/// its tenants took.
struct Setup {
    tenants: usize,
    receiver: Tenants,
    requests: Vec<http::request::Parts>,
    receiver_bytes: f64,
    cache_bytes: f64,
    batches: Vec<f64>,
}

fn setup(n: usize) -> Setup {
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
    let requests = sample(n, 256)
        .into_iter()
        .map(|i| {
            let signed = Signer::hmac(docusign::scheme(), Secret::new(key(i))).sign(BODY);
            signed
                .to_http_request(&format!("/webhooks/tenant-{i:06}"))
                .into_parts()
                .0
        })
        .collect();
    Setup {
        tenants: n,
        receiver: tenants,
        requests,
        receiver_bytes: receivers as f64 / n as f64,
        cache_bytes: cache as f64 / n as f64,
        batches: Vec::new(),
    }
}

impl Setup {
    /// One batch: every request once, in nanoseconds per request.
    fn batch(&self) -> f64 {
        // Fresh copies of the requests for every batch, made before the clock
        // starts: where a request lies in memory moves its dispatch time by
        // tens of percent on a busy machine (two identical setups differ as
        // much), so each batch of each size gets new places and the medians
        // compare sizes, not placements.
        let requests: Vec<(http::request::Parts, Vec<u8>)> = self
            .requests
            .iter()
            .map(|parts| (parts.clone(), BODY.to_vec()))
            .collect();
        let start = Instant::now();
        for (parts, body) in &requests {
            black_box(ready(self.receiver.dispatch_parts(parts, body)).unwrap());
        }
        start.elapsed().as_nanos() as f64 / self.requests.len() as f64
    }

    fn min(&self) -> f64 {
        self.batches.iter().copied().fold(f64::INFINITY, f64::min)
    }

    fn median(&self) -> f64 {
        let mut batches = self.batches.clone();
        batches.sort_by(f64::total_cmp);
        batches[batches.len() / 2]
    }
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: a quick pass.
    let quick = !std::env::args().any(|arg| arg == "--bench");
    // `TENANTS_SAME_SIZE_TWICE=1`: two independent setups of 10 and of 1,000
    // tenants, to see how much two identical setups differ on this machine.
    let sizes: &[usize] = if std::env::var_os("TENANTS_SAME_SIZE_TWICE").is_some() {
        &[10, 10, 1_000, 1_000]
    } else if quick {
        &[10, 1_000]
    } else {
        &[10, 1_000, 100_000]
    };
    let mut setups: Vec<Setup> = sizes.iter().map(|n| setup(*n)).collect();
    // Batches of the sizes interleaved, so that a change of the machine's load
    // (other processes) weighs on every size alike; the median of each.
    let rounds = if quick { 5 } else { 80 };
    for setup in &setups {
        setup.batch(); // warm up
    }
    for _ in 0..rounds {
        for setup in &mut setups {
            let ns = setup.batch();
            setup.batches.push(ns);
        }
    }
    println!(
        "tenants  ns/request(median)  ratio-to-10  ns/request(min)  min-ratio  bytes/tenant(receiver)  bytes/tenant(cache entry)"
    );
    let (base, base_min) = (setups[0].median(), setups[0].min());
    for setup in &setups {
        println!(
            "{:>7}  {:>18.0}  {:>11.3}  {:>15.0}  {:>9.3}  {:>22.0}  {:>25.0}",
            setup.tenants,
            setup.median(),
            setup.median() / base,
            setup.min(),
            setup.min() / base_min,
            setup.receiver_bytes,
            setup.cache_bytes
        );
    }
    if let Some(last) = setups.last() {
        let ratio = last.median() / base;
        let verdict = if ratio <= 1.1 { "within" } else { "OVER" };
        println!(
            "dispatch at {} tenants is {ratio:.3}x the time at 10: {verdict} the 1.1x target",
            last.tenants
        );
    }
}
