//! The behaviour every [`Inbox`] must have (features `inbox` and
//! `conformance`): run [`run`] on your engine in a test, and
//! [`engine_restart`] where the test can restart the engine. The crate's own
//! engines pass it ([`MemoryInbox`](super::MemoryInbox) here, the PostgreSQL
//! and Redis ones against real servers).
//!
//! ```
//! # #[tokio::main] async fn main() {
//! use esign_webhooks::inbox::{MemoryInbox, conformance};
//!
//! conformance::run(&MemoryInbox::new()).await;
//! # }
//! ```
//!
//! Give it an inbox of its own, empty (a fresh table, stream or subject): it
//! counts what it pulls. It panics, naming the rule, at the first violation,
//! and waits for leases and delays with short sleeps (a few seconds in all);
//! run it on a multi-threaded runtime.
//!
//! The faults it covers: a **lost acknowledgement** (a worker ran the
//! callbacks but its ack never arrived: the message comes back after the
//! lease, and the stale receipt can settle nothing), a **worker killed
//! mid-callback** (it stops renewing: the message goes to the next pull once
//! the lease expires), and, with [`engine_restart`], an **engine restart**
//! (nothing pushed is lost, a leased message comes back).

use std::future::Future;
use std::time::{Duration, Instant};

use super::{Delivery, Inbox, InboxMessage};
use crate::{Secret, Webhooks, constellation};

const LONG: Duration = Duration::from_secs(30);
const SHORT: Duration = Duration::from_millis(400);
const PAST_SHORT: Duration = Duration::from_millis(900);

/// A verified delivery with a random session id, as a message.
pub fn sample_message() -> InboxMessage {
    let webhooks = Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap_or_else(|err| panic!("the sample configuration builds: {err}"));
    let body = format!(
        r#"{{"Data":{{"SigningSessionId":"{}","Type":"SessionStatus","Status":3}}}}"#,
        uuid::Uuid::new_v4()
    );
    let verified = webhooks
        .verify(body.as_bytes(), &[("x-token", "t")])
        .unwrap_or_else(|err| panic!("the sample verifies: {err}"));
    InboxMessage::of(&verified)
}

async fn pull(inbox: &dyn Inbox, rule: &str, max: usize, lease: Duration, wait: Duration) -> Vec<Delivery> {
    inbox
        .pull(max, lease, wait)
        .await
        .unwrap_or_else(|err| panic!("{rule}: the inbox failed: {err}"))
}

async fn yes<T>(rule: &str, result: impl Future<Output = Result<T, crate::dedup::StoreError>>) -> T {
    result
        .await
        .unwrap_or_else(|err| panic!("{rule}: the inbox failed: {err}"))
}

fn only<'a>(rule: &str, deliveries: &'a [Delivery]) -> &'a InboxMessage {
    assert_eq!(
        deliveries.len(),
        1,
        "{rule}: one message expected, got {}",
        deliveries.len()
    );
    match deliveries.first().map(|d| &d.message) {
        Some(Ok(message)) => message,
        Some(Err(err)) => panic!("{rule}: the message does not decode: {err}"),
        None => panic!("{rule}: no message"),
    }
}

/// Checks the lifecycle of an inbox; panics at the first violation.
pub async fn run(inbox: &dyn Inbox) {
    let rule = "an empty inbox gives nothing";
    assert!(pull(inbox, rule, 10, LONG, Duration::ZERO).await.is_empty(), "{rule}");

    // Push, pull, lease, ack.
    let sent = sample_message().with_tenant(Some("tenant-a".into()));
    yes("push", inbox.push(&sent)).await;
    let rule = "a pushed message is pulled, every field intact";
    let got = pull(inbox, rule, 10, LONG, Duration::ZERO).await;
    let message = only(rule, &got);
    assert_eq!(message.id(), sent.id(), "{rule}");
    assert_eq!(message.body(), sent.body(), "{rule}");
    assert_eq!(message.key(), sent.key(), "{rule}");
    assert_eq!(message.tenant(), Some("tenant-a"), "{rule}");
    assert_eq!(got[0].deliveries, 1, "{rule}: first delivery counts 1");
    let rule = "a leased message is not handed out again";
    assert!(pull(inbox, rule, 10, LONG, Duration::ZERO).await.is_empty(), "{rule}");
    let rule = "ack removes the message";
    assert!(yes(rule, inbox.ack(&got[0].receipt)).await, "{rule}");
    assert!(
        !yes(rule, inbox.ack(&got[0].receipt)).await,
        "{rule}: a second ack finds nothing"
    );

    // A worker killed mid-callback, and a lost acknowledgement.
    let sent = sample_message();
    yes("push", inbox.push(&sent)).await;
    let first = pull(inbox, "pull", 10, SHORT, Duration::ZERO).await;
    only("pull", &first);
    tokio::time::sleep(PAST_SHORT).await;
    let rule = "a message whose lease expired (its worker died) is handed out again";
    let second = pull(inbox, rule, 10, LONG, Duration::ZERO).await;
    assert_eq!(only(rule, &second).id(), sent.id(), "{rule}");
    let rule = "a stale receipt (a lost ack, late) settles nothing";
    assert!(!yes(rule, inbox.ack(&first[0].receipt)).await, "{rule}: ack");
    assert!(
        !yes(rule, inbox.extend(&first[0].receipt, LONG)).await,
        "{rule}: extend"
    );
    assert!(
        !yes(rule, inbox.dead_letter(&first[0].receipt, "stale")).await,
        "{rule}: dead letter"
    );
    let rule = "the current receipt settles it";
    assert!(yes(rule, inbox.ack(&second[0].receipt)).await, "{rule}");

    // Renewal keeps the lease.
    yes("push", inbox.push(&sample_message())).await;
    let held = pull(inbox, "pull", 10, SHORT, Duration::ZERO).await;
    only("pull", &held);
    let start = Instant::now();
    while start.elapsed() < PAST_SHORT * 2 {
        assert!(
            yes("extend", inbox.extend(&held[0].receipt, SHORT)).await,
            "a held lease renews"
        );
        tokio::time::sleep(SHORT / 4).await;
        let rule = "a renewed lease keeps the message from other workers";
        assert!(pull(inbox, rule, 10, LONG, Duration::ZERO).await.is_empty(), "{rule}");
    }
    assert!(yes("ack", inbox.ack(&held[0].receipt)).await, "a renewed lease acks");

    // Retry with a delay, the updated message kept.
    let sent = sample_message();
    yes("push", inbox.push(&sent)).await;
    let got = pull(inbox, "pull", 10, LONG, Duration::ZERO).await;
    let failed = only("pull", &got).clone().failed("callback failed: db down");
    let rule = "retry stores the updated message";
    assert!(yes(rule, inbox.retry(&got[0].receipt, &failed, SHORT)).await, "{rule}");
    let rule = "a retried message is hidden until its delay passed";
    assert!(pull(inbox, rule, 10, LONG, Duration::ZERO).await.is_empty(), "{rule}");
    tokio::time::sleep(PAST_SHORT).await;
    let rule = "a retried message comes back after its delay, with its attempts and error";
    let again = pull(inbox, rule, 10, LONG, Duration::ZERO).await;
    let message = only(rule, &again);
    assert_eq!(message.id(), sent.id(), "{rule}");
    assert_eq!(message.attempts(), 1, "{rule}");
    assert_eq!(message.last_error(), Some("callback failed: db down"), "{rule}");

    // Dead letters: kept with the error, replayed, discarded.
    let rule = "dead_letter moves it out of the inbox";
    assert!(
        yes(rule, inbox.dead_letter(&again[0].receipt, "gave up: db down")).await,
        "{rule}"
    );
    tokio::time::sleep(PAST_SHORT).await;
    assert!(pull(inbox, rule, 10, LONG, Duration::ZERO).await.is_empty(), "{rule}");
    let rule = "a dead letter is listed with its message and error";
    let letters = yes(rule, inbox.dead_letters(100)).await;
    let letter = letters
        .iter()
        .find(|l| l.message.as_ref().is_ok_and(|m| m.id() == sent.id()))
        .unwrap_or_else(|| panic!("{rule}: not listed"));
    assert_eq!(letter.error, "gave up: db down", "{rule}");
    let rule = "replay puts a dead letter back, attempts reset";
    assert!(yes(rule, inbox.replay(&letter.engine_id)).await, "{rule}");
    assert!(!yes(rule, inbox.replay(&letter.engine_id)).await, "{rule}: only once");
    let back = pull(inbox, rule, 10, LONG, Duration::from_secs(2)).await;
    let message = only(rule, &back);
    assert_eq!(message.id(), sent.id(), "{rule}");
    assert_eq!(message.attempts(), 0, "{rule}");
    assert!(yes(rule, inbox.dead_letter(&back[0].receipt, "again")).await, "{rule}");
    let rule = "discard deletes a dead letter";
    let letters = yes(rule, inbox.dead_letters(100)).await;
    let id = letters
        .iter()
        .find(|l| l.message.as_ref().is_ok_and(|m| m.id() == sent.id()))
        .map(|l| l.engine_id.clone())
        .unwrap_or_else(|| panic!("{rule}: not listed"));
    assert!(yes(rule, inbox.discard(&id)).await, "{rule}");
    assert!(!yes(rule, inbox.discard(&id)).await, "{rule}: only once");

    // Batches and wake-ups.
    for _ in 0..3 {
        yes("push", inbox.push(&sample_message())).await;
    }
    let rule = "pull hands out at most `max` messages";
    let two = pull(inbox, rule, 2, LONG, Duration::ZERO).await;
    assert_eq!(two.len(), 2, "{rule}");
    let one = pull(inbox, rule, 2, LONG, Duration::ZERO).await;
    assert_eq!(one.len(), 1, "{rule}");
    for delivery in two.iter().chain(&one) {
        assert!(yes("ack", inbox.ack(&delivery.receipt)).await, "ack");
    }
    let rule = "a waiting pull wakes up for a push";
    let late = sample_message();
    let start = Instant::now();
    let (got, ()) = join(pull(inbox, rule, 1, LONG, Duration::from_secs(5)), async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        yes("push", inbox.push(&late)).await;
    })
    .await;
    assert_eq!(only(rule, &got).id(), late.id(), "{rule}");
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{rule}: took {:?}",
        start.elapsed()
    );
    assert!(yes("ack", inbox.ack(&got[0].receipt)).await, "ack");
}

/// Checks that an engine restart loses nothing: pushes two messages, leases
/// one, calls `restart` (which restarts the engine's server and returns once
/// it serves again), then expects both back, the leased one after its lease.
pub async fn engine_restart<F, Fut>(inbox: &dyn Inbox, restart: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ()>,
{
    let kept = sample_message();
    let leased = sample_message();
    yes("push", inbox.push(&kept)).await;
    yes("push", inbox.push(&leased)).await;
    let first = pull(inbox, "pull", 1, SHORT, Duration::ZERO).await;
    only("pull", &first);
    restart().await;
    tokio::time::sleep(PAST_SHORT).await;
    let rule = "after an engine restart, every pushed message is still there";
    let mut seen = Vec::new();
    let start = Instant::now();
    while seen.len() < 2 && start.elapsed() < Duration::from_secs(20) {
        match inbox.pull(10, LONG, Duration::from_millis(500)).await {
            Ok(deliveries) => {
                for delivery in deliveries {
                    if let Ok(message) = &delivery.message {
                        seen.push(message.id());
                    }
                    let _ = inbox.ack(&delivery.receipt).await;
                }
            }
            // The client may need a moment to reconnect.
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
    assert!(seen.contains(&kept.id()), "{rule}: the unleased one");
    assert!(seen.contains(&leased.id()), "{rule}: the leased one");
}

/// Polls both futures to completion.
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let mut a = std::pin::pin!(a);
    let mut b = std::pin::pin!(b);
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(|cx| {
        if out_a.is_none() {
            if let std::task::Poll::Ready(out) = a.as_mut().poll(cx) {
                out_a = Some(out);
            }
        }
        if out_b.is_none() {
            if let std::task::Poll::Ready(out) = b.as_mut().poll(cx) {
                out_b = Some(out);
            }
        }
        match (out_a.take(), out_b.take()) {
            (Some(a), Some(b)) => std::task::Poll::Ready((a, b)),
            (a, b) => {
                out_a = a;
                out_b = b;
                std::task::Poll::Pending
            }
        }
    })
    .await
}
