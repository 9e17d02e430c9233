//! A property test of the claim lifecycle: random interleavings of copies
//! arriving, attempts succeeding, failing, panicking, being cancelled or
//! abandoned, and store faults (refused commands, lost replies), checked
//! against a model: **no copy is answered 200 before a callback run
//! succeeded**, and a copy is never kept out (503) when nothing can hold it.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use common::faulty_store::{Fault, FaultyStore};
use esign_webhooks::Vendor;
use esign_webhooks::dedup::{Admission, Attempt, DedupKey, Deduplicator};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    /// A copy of the delivery arrives.
    Arrive,
    /// Attempt `n` (modulo the running ones) runs its callbacks successfully.
    Succeed(usize),
    /// Its callbacks fail.
    Fail(usize),
    /// Something panics while it is handled.
    Panic(usize),
    /// Its future is dropped (a server timeout).
    Cancel(usize),
    /// Its process dies: never settled, never released.
    Abandon(usize),
    /// The store's next claim, complete or release (0, 1, 2) fails this way.
    Fault(u8, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Arrive),
        2 => any::<usize>().prop_map(Op::Succeed),
        2 => any::<usize>().prop_map(Op::Fail),
        1 => any::<usize>().prop_map(Op::Panic),
        1 => any::<usize>().prop_map(Op::Cancel),
        1 => any::<usize>().prop_map(Op::Abandon),
        2 => (0u8..3, any::<bool>()).prop_map(|(which, lose)| Op::Fault(which, lose)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_200_before_a_success(ops in prop::collection::vec(op(), 1..60)) {
        let store = Arc::new(FaultyStore::new());
        let dedup = Deduplicator::new(Arc::clone(&store)); // a 30 s lease: nothing expires in the test
        let key = DedupKey::from_body(Vendor::SignPlus, b"{\"event\":\"model\"}");
        let mut running: Vec<Attempt> = Vec::new();
        let mut successes = 0usize;
        // Whether the store may hold a claim no running attempt owns
        // (a release or claim that failed, an abandoned attempt).
        let mut maybe_stuck = false;
        // Faults armed for the store's next claim, complete and release.
        let mut armed = [false; 3];
        for op in ops {
            match op {
                Op::Arrive => {
                    armed[0] = false;
                    match dedup.claim(&key) {
                        Ok(Admission::Run(attempt)) => running.push(attempt),
                        Ok(Admission::Done) => prop_assert!(successes > 0, "answered 200 before any success"),
                        Ok(Admission::InFlight) => prop_assert!(
                            !running.is_empty() || maybe_stuck,
                            "kept out (503) although nothing holds the claim"
                        ),
                        Ok(other) => prop_assert!(false, "an admission the model does not know: {other:?}"),
                        Err(_) => {
                            // 503; the claim may have been made (a lost reply) and its release failed.
                            maybe_stuck = true;
                            armed[2] = false;
                        }
                    }
                }
                Op::Succeed(n) if !running.is_empty() => {
                    let attempt = running.remove(n % running.len());
                    successes += 1;
                    armed[1] = false;
                    if attempt.complete().is_err() {
                        maybe_stuck = true;
                    }
                }
                Op::Fail(n) if !running.is_empty() => {
                    let attempt = running.remove(n % running.len());
                    armed[2] = false;
                    if attempt.release().is_err() {
                        maybe_stuck = true;
                    }
                }
                Op::Panic(n) if !running.is_empty() => {
                    let attempt = running.remove(n % running.len());
                    // The injected panic is expected: keep its message out of the output.
                    let hook = std::panic::take_hook();
                    std::panic::set_hook(Box::new(|_| {}));
                    let unwound = catch_unwind(AssertUnwindSafe(move || {
                        let _held = attempt;
                        panic!("a bug while handling");
                    }));
                    std::panic::set_hook(hook);
                    prop_assert!(unwound.is_err());
                    maybe_stuck |= std::mem::take(&mut armed[2]);
                }
                Op::Cancel(n) if !running.is_empty() => {
                    drop(running.remove(n % running.len()));
                    maybe_stuck |= std::mem::take(&mut armed[2]);
                }
                Op::Abandon(n) if !running.is_empty() => {
                    std::mem::forget(running.remove(n % running.len()));
                    maybe_stuck = true;
                }
                Op::Fault(which, lose) => {
                    let fault = if lose { Fault::LoseReply } else { Fault::Refuse };
                    match which {
                        0 => store.fail_claim(fault, 1),
                        1 => store.fail_complete(fault, 1),
                        _ => store.fail_release(fault, 1),
                    }
                    armed[usize::from(which)] = true;
                }
                _ => {}
            }
            // Once nothing can hold a stale claim, a done key is only ever done after a success.
            if running.is_empty() && !maybe_stuck {
                prop_assert!(store.inner.is_empty() || successes > 0);
            }
        }
    }
}
