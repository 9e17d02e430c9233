//! The behaviour every deduplication store must have (feature
//! `conformance`): run [`run`] (blocking) or [`run_async`] on your store in
//! a test. The crate's own stores (memory, Redis, PostgreSQL) pass it against
//! real servers.
//!
//! ```
//! use esign_webhooks::dedup::{MemoryStore, conformance};
//!
//! conformance::run(&MemoryStore::new());
//! ```
//!
//! Each check uses fresh random keys, so the suite may run against a shared
//! server. It panics, naming the rule, at the first violation. It waits for
//! expiries with short sleeps (under a second in all), also in [`run_async`]:
//! run that one on a multi-threaded runtime.

use std::time::Duration;

use super::{AsyncDedupStore, ClaimOutcome, ClaimToken, DedupKey, DedupStore};
use crate::Vendor;

const LEASE: Duration = Duration::from_secs(30);
const TTL: Duration = Duration::from_secs(3600);
const SHORT: Duration = Duration::from_millis(100);
const PAST_SHORT: Duration = Duration::from_millis(350);

fn fresh(name: &str) -> DedupKey {
    DedupKey::from_parts(
        Vendor::SignPlus,
        [b"conformance".as_slice(), ClaimToken::new().as_bytes(), name.as_bytes()],
    )
}

/// Checks the lifecycle of a blocking store; panics at the first violation.
pub fn run(store: &dyn DedupStore) {
    let ok = |rule: &str, result: Result<ClaimOutcome, super::StoreError>| {
        result.unwrap_or_else(|err| panic!("{rule}: the store failed: {err}"))
    };
    let yes = |rule: &str, result: Result<bool, super::StoreError>| {
        result.unwrap_or_else(|err| panic!("{rule}: the store failed: {err}"))
    };

    // Claim, copy in flight, re-claim by the same token.
    let key = fresh("claim");
    let (first, copy) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("claim absent", store.claim(&key, first, LEASE)),
        ClaimOutcome::Claimed,
        "an absent key is claimed"
    );
    assert_eq!(
        ok("claim pending", store.claim(&key, copy, LEASE)),
        ClaimOutcome::InFlight,
        "a pending key is in flight for another token"
    );
    assert_eq!(
        ok("claim again", store.claim(&key, first, LEASE)),
        ClaimOutcome::Claimed,
        "a claim retried with its own token wins (a lost reply)"
    );

    // Release: only by its own token.
    assert!(
        !yes("foreign release", store.release(&key, copy)),
        "another token's release does nothing"
    );
    assert_eq!(
        ok("after foreign release", store.claim(&key, copy, LEASE)),
        ClaimOutcome::InFlight,
        "still pending after another token's release"
    );
    assert!(
        !yes("foreign complete", store.complete(&key, copy, TTL)),
        "another token cannot complete a pending claim"
    );
    assert_eq!(
        ok("after foreign complete", store.claim(&key, copy, LEASE)),
        ClaimOutcome::InFlight,
        "still pending after another token's complete"
    );
    assert!(
        yes("release", store.release(&key, first)),
        "its own release removes the claim"
    );
    assert!(
        !yes("release twice", store.release(&key, first)),
        "a second release does nothing"
    );
    assert_eq!(
        ok("claim released", store.claim(&key, copy, LEASE)),
        ClaimOutcome::Claimed,
        "a released key is claimed again"
    );

    // Complete: done, a duplicate for every token, and final.
    assert!(
        yes("complete", store.complete(&key, copy, TTL)),
        "its own claim completes"
    );
    assert_eq!(
        ok("claim done", store.claim(&key, ClaimToken::new(), LEASE)),
        ClaimOutcome::Done,
        "a done key is a duplicate"
    );
    assert_eq!(
        ok("claim done by its token", store.claim(&key, copy, LEASE)),
        ClaimOutcome::Done,
        "a done key is a duplicate for its own token too"
    );
    assert!(
        !yes("release done", store.release(&key, copy)),
        "a done key is not released"
    );
    assert!(
        yes("complete done", store.complete(&key, first, TTL)),
        "completing a done key is a success"
    );
    assert_eq!(
        ok("still done", store.claim(&key, first, LEASE)),
        ClaimOutcome::Done,
        "still done"
    );

    // Keys are independent.
    let other = fresh("other");
    assert_eq!(
        ok("independent", store.claim(&other, first, LEASE)),
        ClaimOutcome::Claimed,
        "another key is independent"
    );

    // Leases and TTLs expire.
    let leased = fresh("lease");
    let (slow, takeover) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("short lease", store.claim(&leased, slow, SHORT)),
        ClaimOutcome::Claimed,
        "claimed for a short lease"
    );
    std::thread::sleep(PAST_SHORT);
    assert_eq!(
        ok("expired lease", store.claim(&leased, takeover, LEASE)),
        ClaimOutcome::Claimed,
        "an expired lease can be claimed"
    );
    assert!(
        !yes("stale release", store.release(&leased, slow)),
        "an expired claim's token cannot release the new claim"
    );
    assert!(
        !yes("stale complete", store.complete(&leased, slow, TTL)),
        "an expired claim's token cannot complete the new claim"
    );
    assert_eq!(
        ok("takeover holds", store.claim(&leased, slow, LEASE)),
        ClaimOutcome::InFlight,
        "the new claim holds"
    );

    let late = fresh("late complete");
    let token = ClaimToken::new();
    assert_eq!(
        ok("late claim", store.claim(&late, token, SHORT)),
        ClaimOutcome::Claimed,
        "claimed"
    );
    std::thread::sleep(PAST_SHORT);
    assert!(
        yes("late complete", store.complete(&late, token, TTL)),
        "completing after the lease expired, unclaimed since, is a success"
    );
    assert_eq!(
        ok("late done", store.claim(&late, ClaimToken::new(), LEASE)),
        ClaimOutcome::Done,
        "and the key is done"
    );

    let short_ttl = fresh("ttl");
    let token = ClaimToken::new();
    assert_eq!(
        ok("ttl claim", store.claim(&short_ttl, token, LEASE)),
        ClaimOutcome::Claimed,
        "claimed"
    );
    assert!(
        yes("ttl complete", store.complete(&short_ttl, token, SHORT)),
        "completed for a short TTL"
    );
    std::thread::sleep(PAST_SHORT);
    assert_eq!(
        ok("ttl expired", store.claim(&short_ttl, ClaimToken::new(), LEASE)),
        ClaimOutcome::Claimed,
        "a done key expires after its TTL"
    );

    // A claim before authentication has the same lifecycle (with room to spare).
    let early = fresh("unauthenticated");
    let (first, copy) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("early claim", store.claim_unauthenticated(&early, first, LEASE)),
        ClaimOutcome::Claimed,
        "an absent key is claimed before authentication"
    );
    assert_eq!(
        ok("early copy", store.claim_unauthenticated(&early, copy, LEASE)),
        ClaimOutcome::InFlight,
        "a pending key is in flight for another token, before authentication too"
    );
    assert_eq!(
        ok("early copy authenticated", store.claim(&early, copy, LEASE)),
        ClaimOutcome::InFlight,
        "a claim before authentication holds the key against authenticated claims"
    );
    assert_eq!(
        ok("early again", store.claim_unauthenticated(&early, first, LEASE)),
        ClaimOutcome::Claimed,
        "a claim retried with its own token wins"
    );
    assert!(
        yes("early complete", store.complete(&early, first, TTL)),
        "it completes"
    );
    assert_eq!(
        ok("early done", store.claim_unauthenticated(&early, copy, LEASE)),
        ClaimOutcome::Done,
        "a done key is a duplicate before authentication too"
    );

    // Atomic: of concurrent claims, exactly one wins.
    for round in 0..5 {
        let contested = fresh(&format!("contested {round}"));
        let barrier = std::sync::Barrier::new(8);
        let winners = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        barrier.wait();
                        ok("concurrent claim", store.claim(&contested, ClaimToken::new(), LEASE))
                            == ClaimOutcome::Claimed
                    })
                })
                .collect();
            threads
                .into_iter()
                .map(|thread| thread.join().unwrap_or_else(|_| panic!("a concurrent claim panicked")))
                .filter(|won| *won)
                .count()
        });
        assert_eq!(winners, 1, "exactly one of concurrent claims wins");
    }
}

/// Checks the lifecycle of an async store; panics at the first violation.
pub async fn run_async(store: &dyn AsyncDedupStore) {
    async fn ok<T>(rule: &str, future: super::StoreFuture<'_, T>) -> T {
        future
            .await
            .unwrap_or_else(|err| panic!("{rule}: the store failed: {err}"))
    }
    let key = fresh("async claim");
    let (first, copy) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("claim absent", store.claim_async(&key, first, LEASE)).await,
        ClaimOutcome::Claimed,
        "an absent key is claimed"
    );
    assert_eq!(
        ok("claim pending", store.claim_async(&key, copy, LEASE)).await,
        ClaimOutcome::InFlight,
        "a pending key is in flight for another token"
    );
    assert_eq!(
        ok("claim again", store.claim_async(&key, first, LEASE)).await,
        ClaimOutcome::Claimed,
        "a claim retried with its own token wins"
    );
    assert!(
        !ok("foreign release", store.release_async(&key, copy)).await,
        "another token's release does nothing"
    );
    assert!(
        !ok("foreign complete", store.complete_async(&key, copy, TTL)).await,
        "another token cannot complete a pending claim"
    );
    assert!(
        ok("release", store.release_async(&key, first)).await,
        "its own release removes the claim"
    );
    assert_eq!(
        ok("claim released", store.claim_async(&key, copy, LEASE)).await,
        ClaimOutcome::Claimed,
        "a released key is claimed again"
    );
    assert!(
        ok("complete", store.complete_async(&key, copy, TTL)).await,
        "its own claim completes"
    );
    assert_eq!(
        ok("claim done", store.claim_async(&key, first, LEASE)).await,
        ClaimOutcome::Done,
        "a done key is a duplicate"
    );
    assert!(
        !ok("release done", store.release_async(&key, copy)).await,
        "a done key is not released"
    );

    let early = fresh("async unauthenticated");
    let (first, copy) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("early claim", store.claim_unauthenticated_async(&early, first, LEASE)).await,
        ClaimOutcome::Claimed,
        "an absent key is claimed before authentication"
    );
    assert_eq!(
        ok("early copy", store.claim_async(&early, copy, LEASE)).await,
        ClaimOutcome::InFlight,
        "a claim before authentication holds the key"
    );
    assert!(
        ok("early complete", store.complete_async(&early, first, TTL)).await,
        "it completes"
    );
    assert_eq!(
        ok("early done", store.claim_unauthenticated_async(&early, copy, LEASE)).await,
        ClaimOutcome::Done,
        "a done key is a duplicate before authentication too"
    );

    let leased = fresh("async lease");
    let (slow, takeover) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("short lease", store.claim_async(&leased, slow, SHORT)).await,
        ClaimOutcome::Claimed,
        "claimed"
    );
    std::thread::sleep(PAST_SHORT);
    assert_eq!(
        ok("expired lease", store.claim_async(&leased, takeover, LEASE)).await,
        ClaimOutcome::Claimed,
        "an expired lease can be claimed"
    );
    assert!(
        !ok("stale release", store.release_async(&leased, slow)).await,
        "an expired claim's token cannot release the new claim"
    );

    // A detached release releases (eventually) or does nothing; it never releases another token's claim.
    let detached = fresh("async detached");
    let (mine, theirs) = (ClaimToken::new(), ClaimToken::new());
    assert_eq!(
        ok("detached claim", store.claim_async(&detached, theirs, LEASE)).await,
        ClaimOutcome::Claimed,
        "claimed"
    );
    store.release_detached(&detached, mine);
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(
        ok(
            "after foreign detached release",
            store.claim_async(&detached, mine, LEASE)
        )
        .await,
        ClaimOutcome::InFlight,
        "another token's detached release does nothing"
    );
}
