//! A store that wraps `MemoryStore` and fails on demand, as a real store
//! does: refusing a command, or executing it and losing the reply.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use esign_webhooks::dedup::{
    AsyncDedupStore, ClaimOutcome, ClaimToken, DedupKey, DedupStore, MemoryStore, StoreError, StoreFuture,
};

/// What the next operations of one kind do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Work.
    None,
    /// Fail without executing (the store is down).
    Refuse,
    /// Execute, then fail (the reply was lost after a timeout).
    LoseReply,
}

/// One fault setting per operation, applied to the next `n` calls.
#[derive(Debug, Default)]
pub struct FaultyStore {
    pub inner: MemoryStore,
    claim: Setting,
    complete: Setting,
    release: Setting,
    pub detached_releases: AtomicUsize,
}

#[derive(Debug, Default)]
struct Setting {
    fault: AtomicUsize, // 0 none, 1 refuse, 2 lose reply
    remaining: AtomicUsize,
}

impl Setting {
    fn set(&self, fault: Fault, times: usize) {
        self.fault.store(
            match fault {
                Fault::None => 0,
                Fault::Refuse => 1,
                Fault::LoseReply => 2,
            },
            Ordering::SeqCst,
        );
        self.remaining.store(times, Ordering::SeqCst);
    }

    fn take(&self) -> Fault {
        let left = self
            .remaining
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
        if left.is_err() {
            return Fault::None;
        }
        match self.fault.load(Ordering::SeqCst) {
            1 => Fault::Refuse,
            2 => Fault::LoseReply,
            _ => Fault::None,
        }
    }
}

fn run<T>(setting: &Setting, op: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    match setting.take() {
        Fault::None => op(),
        Fault::Refuse => Err("connection refused (injected)".into()),
        Fault::LoseReply => {
            op()?;
            Err("timed out waiting for the reply (injected)".into())
        }
    }
}

impl FaultyStore {
    pub fn new() -> Self {
        FaultyStore::default()
    }
    pub fn fail_claim(&self, fault: Fault, times: usize) {
        self.claim.set(fault, times);
    }
    pub fn fail_complete(&self, fault: Fault, times: usize) {
        self.complete.set(fault, times);
    }
    pub fn fail_release(&self, fault: Fault, times: usize) {
        self.release.set(fault, times);
    }
}

impl DedupStore for FaultyStore {
    fn claim(&self, key: &DedupKey, token: ClaimToken, lease: Duration) -> Result<ClaimOutcome, StoreError> {
        run(&self.claim, || DedupStore::claim(&self.inner, key, token, lease))
    }
    fn complete(&self, key: &DedupKey, token: ClaimToken, ttl: Duration) -> Result<bool, StoreError> {
        run(&self.complete, || DedupStore::complete(&self.inner, key, token, ttl))
    }
    fn release(&self, key: &DedupKey, token: ClaimToken) -> Result<bool, StoreError> {
        run(&self.release, || DedupStore::release(&self.inner, key, token))
    }
}

impl AsyncDedupStore for FaultyStore {
    fn claim_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        Box::pin(async move { DedupStore::claim(self, key, token, lease) })
    }
    fn complete_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken, ttl: Duration) -> StoreFuture<'a, bool> {
        Box::pin(async move { DedupStore::complete(self, key, token, ttl) })
    }
    fn release_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken) -> StoreFuture<'a, bool> {
        Box::pin(async move { DedupStore::release(self, key, token) })
    }
    fn release_detached(&self, key: &DedupKey, token: ClaimToken) {
        self.detached_releases.fetch_add(1, Ordering::SeqCst);
        let _ = DedupStore::release(self, key, token);
    }
}
