//! The store conformance suite (feature `conformance`) on the memory store,
//! through both traits, and on a store that fails on demand (which must
//! still pass when no fault is injected).
#![cfg(feature = "conformance")]

mod common;

use common::faulty_store::FaultyStore;
use esign_webhooks::dedup::{MemoryStore, conformance};

#[test]
fn memory_store_conforms() {
    conformance::run(&MemoryStore::new());
    conformance::run(&MemoryStore::with_capacity(64));
    conformance::run(&FaultyStore::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memory_store_conforms_async() {
    conformance::run_async(&MemoryStore::new()).await;
}
