//! The inbox with `MemoryInbox`: the conformance suite, and receivers and
//! workers end to end (hand-off answers, retries, dead letters, unreadable
//! deliveries, lease renewal for slow callbacks, a killed worker, graceful
//! shutdown, bounded concurrency).
#![cfg(all(feature = "inbox", feature = "conformance"))]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use esign_webhooks::dedup::{AsyncDeduplicator, MemoryStore, StoreError, StoreErrorKind};
use esign_webhooks::inbox::{
    Backoff, DeadLetter, Delivery, Inbox, InboxFuture, InboxMessage, MemoryInbox, Receipt, Receiver, Worker,
    conformance,
};
use esign_webhooks::testing::Signer;
use esign_webhooks::{AsyncHandlers, HandlerError, Secret, Webhooks, boldsign, constellation, dropboxsign};

const SESSION: &[u8] =
    br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;

fn webhooks() -> Arc<Webhooks> {
    Arc::new(
        Webhooks::builder()
            .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
            .dropboxsign(dropboxsign::Verifier::new("api-key"))
            .boldsign(boldsign::Verifier::new(Secret::new("not-yet-known")))
            .build()
            .unwrap(),
    )
}

fn session(n: usize) -> Vec<u8> {
    format!(r#"{{"Data":{{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-{n:012}","Type":"SessionStatus","Status":3}}}}"#)
        .into_bytes()
}

/// Handlers counting runs, deduplicated in memory, each callback taking `delay`.
fn counting(delay: Duration, lease: Duration) -> (Arc<AsyncHandlers>, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let count = runs.clone();
    handlers.on_any(move |_| {
        let count = count.clone();
        async move {
            tokio::time::sleep(delay).await;
            count.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::new(MemoryStore::new()).with_lease(lease));
    (Arc::new(handlers), runs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memory_inbox_passes_the_inbox_conformance_suite() {
    conformance::run(&MemoryInbox::new()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_memory_counts_redeliveries() {
    let inbox = MemoryInbox::new();
    inbox.push(&conformance::sample_message()).await.unwrap();
    let first = inbox.pull(1, Duration::from_millis(50), Duration::ZERO).await.unwrap();
    assert_eq!(first[0].deliveries, 1);
    tokio::time::sleep(Duration::from_millis(120)).await;
    let second = inbox.pull(1, Duration::from_secs(5), Duration::ZERO).await.unwrap();
    assert_eq!(second[0].deliveries, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_receiver_answers_the_vendors_success_only_after_the_push() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    // Dropbox Sign requires its text as the success answer.
    let json = br#"{"event":{"event_time":"1700000000","event_type":"callback_test","event_hash":""}}"#;
    let request = Signer::dropboxsign("api-key").multipart(json);
    let handoff = receiver.receive(&request.body, &request.headers).await.unwrap();
    assert!(handoff.is_durable());
    let response = handoff.response();
    assert_eq!(response.status(), 200);
    assert_eq!(response.body().as_slice(), b"Hello API Event Received");
    assert_eq!(inbox.len(), 1);
    // What was pushed is exactly the verified part, with its vendor.
    let pulled = inbox.pull(1, Duration::from_secs(5), Duration::ZERO).await.unwrap();
    let message = pulled[0].message.as_ref().unwrap();
    assert_eq!(message.id(), handoff.id());
    // The `json` field the signer signed (its hash filled in), found inside the multipart body.
    let part = message.body().verified_part();
    assert!(part.starts_with(b"{\"event\"") && part.len() < request.body.len());
    assert!(request.body.windows(part.len()).any(|window| window == part));
    assert_eq!(message.body().body(), request.body.as_slice());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_receiver_answers_handshakes_and_refuses_forgeries_without_pushing() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    let body = br#"{"event":{"id":"1","created":1700000000,"eventType":"Verification"}}"#;
    let err = receiver
        .receive(body, &[("X-BoldSign-Event", "Verification")])
        .await
        .unwrap_err();
    assert!(err.is_setup_request());
    assert_eq!(err.response().status(), 200);
    let err = receiver.receive(SESSION, &[("x-token", "wrong")]).await.unwrap_err();
    assert_eq!(err.response().status(), 401);
    assert!(inbox.is_empty());
}

/// An inbox whose pushes fail: a receiver must not answer 2xx.
#[derive(Debug, Default)]
struct Broken;

impl Inbox for Broken {
    fn push<'a>(&'a self, _: &'a InboxMessage) -> InboxFuture<'a, ()> {
        Box::pin(async { Err(StoreError::new(StoreErrorKind::Connection, "connection refused")) })
    }
    fn pull(&self, _: usize, _: Duration, _: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        Box::pin(async { Ok(Vec::new()) })
    }
    fn extend<'a>(&'a self, _: &'a Receipt, _: Duration) -> InboxFuture<'a, bool> {
        Box::pin(async { Ok(false) })
    }
    fn ack<'a>(&'a self, _: &'a Receipt) -> InboxFuture<'a, bool> {
        Box::pin(async { Ok(false) })
    }
    fn retry<'a>(&'a self, _: &'a Receipt, _: &'a InboxMessage, _: Duration) -> InboxFuture<'a, bool> {
        Box::pin(async { Ok(false) })
    }
    fn dead_letter<'a>(&'a self, _: &'a Receipt, _: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async { Ok(false) })
    }
    fn dead_letters(&self, _: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        Box::pin(async { Ok(Vec::new()) })
    }
    fn replay<'a>(&'a self, _: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async { Ok(false) })
    }
    fn discard<'a>(&'a self, _: &'a str) -> InboxFuture<'a, bool> {
        Box::pin(async { Ok(false) })
    }
}

/// An inbox that never answers a push.
#[derive(Debug, Default)]
struct Stuck(MemoryInbox);

impl Inbox for Stuck {
    fn push<'a>(&'a self, _: &'a InboxMessage) -> InboxFuture<'a, ()> {
        Box::pin(std::future::pending())
    }
    fn pull(&self, max: usize, lease: Duration, wait: Duration) -> InboxFuture<'_, Vec<Delivery>> {
        self.0.pull(max, lease, wait)
    }
    fn extend<'a>(&'a self, r: &'a Receipt, lease: Duration) -> InboxFuture<'a, bool> {
        self.0.extend(r, lease)
    }
    fn ack<'a>(&'a self, r: &'a Receipt) -> InboxFuture<'a, bool> {
        self.0.ack(r)
    }
    fn retry<'a>(&'a self, r: &'a Receipt, m: &'a InboxMessage, d: Duration) -> InboxFuture<'a, bool> {
        self.0.retry(r, m, d)
    }
    fn dead_letter<'a>(&'a self, r: &'a Receipt, e: &'a str) -> InboxFuture<'a, bool> {
        self.0.dead_letter(r, e)
    }
    fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
        self.0.dead_letters(limit)
    }
    fn replay<'a>(&'a self, id: &'a str) -> InboxFuture<'a, bool> {
        self.0.replay(id)
    }
    fn discard<'a>(&'a self, id: &'a str) -> InboxFuture<'a, bool> {
        self.0.discard(id)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_receiver_answers_503_when_the_push_failed_or_timed_out() {
    let receiver = Receiver::new(webhooks(), Arc::new(Broken));
    let handoff = receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    assert!(!handoff.is_durable());
    let response = handoff.response();
    assert_eq!(response.status(), 503);
    assert!(response.headers().contains_key(http::header::RETRY_AFTER));
    assert!(!String::from_utf8_lossy(response.body()).contains("refused"));

    let receiver = Receiver::new(webhooks(), Arc::new(Stuck::default())).with_push_timeout(Duration::from_millis(100));
    let start = Instant::now();
    let handoff = receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    assert_eq!(handoff.status(), 503);
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_runs_each_event_once_across_copies() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    for n in 0..20 {
        for _copy in 0..2 {
            let handoff = receiver.receive(&session(n), &[("x-token", "t")]).await.unwrap();
            assert_eq!(handoff.status(), 200);
        }
    }
    let (handlers, runs) = counting(Duration::from_millis(5), Duration::from_secs(30));
    let worker = Worker::new(inbox.clone(), handlers).with_concurrency(8);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn({
        let worker = worker.clone();
        async move {
            worker
                .run(async {
                    let _ = stopped.await;
                })
                .await
        }
    });
    let start = Instant::now();
    while !inbox.is_empty() && start.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stop.send(());
    let stats = running.await.unwrap();
    assert!(inbox.is_empty());
    assert_eq!(runs.load(Ordering::SeqCst), 20, "one run per event");
    assert_eq!(stats.handled, 40, "{stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_retries_with_backoff_then_dead_letters_with_the_error() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    let tries = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let count = tries.clone();
    handlers.on_any(move |_| {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::SeqCst);
            Err(HandlerError::msg("crm is down"))
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::in_memory());
    let worker = Worker::new(inbox.clone(), Arc::new(handlers))
        .with_max_attempts(3)
        .with_backoff(Backoff::new(Duration::from_millis(50), Duration::from_millis(100)));
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) && tries.load(Ordering::SeqCst) < 3 {
        worker.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(tries.load(Ordering::SeqCst), 3);
    assert!(inbox.is_empty(), "dead-lettered after 3 attempts");
    let letters = inbox.dead_letters(10).await.unwrap();
    assert_eq!(letters.len(), 1);
    assert!(letters[0].error.contains("crm is down"), "{}", letters[0].error);
    let message = letters[0].message.as_ref().unwrap();
    assert_eq!(message.attempts(), 2, "two failures recorded before the last");
    assert!(message.last_error().unwrap().contains("crm is down"));
    // A replay runs it again (and it fails again here).
    assert!(inbox.replay(&letters[0].engine_id).await.unwrap());
    assert_eq!(worker.run_once().await.unwrap(), 1);
    assert_eq!(tries.load(Ordering::SeqCst), 4);
    assert_eq!(worker.stats().dead_lettered, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_gives_unreadable_deliveries_to_on_unreadable_or_the_dead_letters() {
    // Status 99 is no Constellation1 status this model reads.
    let unreadable = br#"{"Data":{"SigningSessionId":"not-a-guid","Type":"SessionStatus","Status":"x"}}"#;
    for with_callback in [true, false] {
        let inbox = Arc::new(MemoryInbox::new());
        let receiver = Receiver::new(webhooks(), inbox.clone());
        let handoff = receiver.receive(unreadable, &[("x-token", "t")]).await.unwrap();
        assert_eq!(handoff.status(), 200, "handed off, not refused");
        let kept = Arc::new(AtomicUsize::new(0));
        let mut handlers = AsyncHandlers::new();
        if with_callback {
            let kept = kept.clone();
            handlers.on_unreadable(move |delivery| {
                let kept = kept.clone();
                async move {
                    assert_eq!(delivery.body(), unreadable);
                    kept.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                }
            });
        }
        let worker = Worker::new(inbox.clone(), Arc::new(handlers));
        assert_eq!(worker.run_once().await.unwrap(), 1);
        assert!(inbox.is_empty(), "never left behind");
        let letters = inbox.dead_letters(10).await.unwrap();
        if with_callback {
            assert_eq!(kept.load(Ordering::SeqCst), 1);
            assert!(letters.is_empty());
        } else {
            assert_eq!(letters.len(), 1, "never dropped");
            assert!(letters[0].error.contains("unreadable"), "{}", letters[0].error);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_dead_letters_bytes_that_are_not_a_message() {
    #[derive(Debug, Default)]
    struct Garbage(MemoryInbox, std::sync::Mutex<Vec<String>>);
    impl Inbox for Garbage {
        fn push<'a>(&'a self, m: &'a InboxMessage) -> InboxFuture<'a, ()> {
            self.0.push(m)
        }
        fn pull(&self, _: usize, _: Duration, _: Duration) -> InboxFuture<'_, Vec<Delivery>> {
            let receipt = Receipt::new("garbage", esign_webhooks::dedup::ClaimToken::new());
            Box::pin(async move { Ok(vec![Delivery::new(receipt, b"EWIM\x01short", 1)]) })
        }
        fn extend<'a>(&'a self, _: &'a Receipt, _: Duration) -> InboxFuture<'a, bool> {
            Box::pin(async { Ok(true) })
        }
        fn ack<'a>(&'a self, _: &'a Receipt) -> InboxFuture<'a, bool> {
            Box::pin(async { Ok(true) })
        }
        fn retry<'a>(&'a self, _: &'a Receipt, _: &'a InboxMessage, _: Duration) -> InboxFuture<'a, bool> {
            Box::pin(async { Ok(true) })
        }
        fn dead_letter<'a>(&'a self, r: &'a Receipt, e: &'a str) -> InboxFuture<'a, bool> {
            self.1.lock().unwrap().push(format!("{}: {e}", r.engine_id()));
            Box::pin(async { Ok(true) })
        }
        fn dead_letters(&self, limit: usize) -> InboxFuture<'_, Vec<DeadLetter>> {
            self.0.dead_letters(limit)
        }
        fn replay<'a>(&'a self, id: &'a str) -> InboxFuture<'a, bool> {
            self.0.replay(id)
        }
        fn discard<'a>(&'a self, id: &'a str) -> InboxFuture<'a, bool> {
            self.0.discard(id)
        }
    }
    let inbox = Arc::new(Garbage::default());
    let worker = Worker::new(inbox.clone(), Arc::new(AsyncHandlers::new())).with_concurrency(1);
    worker.run_once().await.unwrap();
    let dead = inbox.1.lock().unwrap().clone();
    assert_eq!(dead.len(), 1);
    assert!(dead[0].starts_with("garbage: not an inbox message"), "{dead:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_slow_callback_past_both_leases_runs_once() {
    // Callbacks take 1.2 s; the inbox lease and the dedup lease are 300 ms.
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    let (handlers, runs) = counting(Duration::from_millis(1200), Duration::from_millis(300));
    let lease = Duration::from_millis(300);
    let first = Worker::new(inbox.clone(), handlers.clone()).with_lease(lease);
    let second = Worker::new(inbox.clone(), handlers).with_lease(lease);
    let slow = tokio::spawn(async move { first.run_once().await.unwrap() });
    // A copy arrives while it runs, past the original leases.
    tokio::time::sleep(Duration::from_millis(700)).await;
    receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(1500) {
        second.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(slow.await.unwrap(), 1);
    // The copy, looked at again after the first finished, is a duplicate.
    let start = Instant::now();
    while !inbox.is_empty() && start.elapsed() < Duration::from_secs(5) {
        second.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(inbox.is_empty());
    assert_eq!(runs.load(Ordering::SeqCst), 1, "the slow callback ran once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_killed_mid_callback_is_redelivered_after_the_lease() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    let lease = Duration::from_millis(300);
    let (slow, _) = counting(Duration::from_secs(60), lease);
    let doomed = Worker::new(inbox.clone(), slow).with_lease(lease);
    let killed = tokio::spawn(async move { doomed.run_once().await });
    tokio::time::sleep(Duration::from_millis(150)).await;
    killed.abort(); // the worker's process dies mid-callback: no renewal, no settlement
    let _ = killed.await;
    let (handlers, runs) = counting(Duration::ZERO, lease);
    let survivor = Worker::new(inbox.clone(), handlers).with_lease(lease);
    let start = Instant::now();
    while !inbox.is_empty() && start.elapsed() < Duration::from_secs(5) {
        survivor.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(inbox.is_empty());
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_bounds_concurrency_and_finishes_in_flight_work_on_shutdown() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    for n in 0..12 {
        receiver.receive(&session(n), &[("x-token", "t")]).await.unwrap();
    }
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let (r, p, d) = (running.clone(), peak.clone(), done.clone());
    handlers.on_any(move |_| {
        let (r, p, d) = (r.clone(), p.clone(), d.clone());
        async move {
            let now = r.fetch_add(1, Ordering::SeqCst) + 1;
            p.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(200)).await;
            r.fetch_sub(1, Ordering::SeqCst);
            d.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    let worker = Worker::new(inbox.clone(), Arc::new(handlers))
        .with_concurrency(3)
        .with_poll_wait(Duration::from_millis(50));
    let stats = worker.run(tokio::time::sleep(Duration::from_millis(300))).await;
    // Shut down mid-way: what started finished (acknowledged), nothing else started.
    assert_eq!(running.load(Ordering::SeqCst), 0);
    assert!(peak.load(Ordering::SeqCst) <= 3, "peak {}", peak.load(Ordering::SeqCst));
    let finished = done.load(Ordering::SeqCst);
    assert!((3..12).contains(&finished), "{finished}");
    assert_eq!(stats.handled as usize, finished);
    assert_eq!(inbox.len(), 12 - finished, "the rest waits in the inbox");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_message_carries_the_tenant() {
    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    let incoming = esign_webhooks::Incoming::new(SESSION, &[("x-token", "t")]);
    receiver.receive_incoming_for(Some("acme"), &incoming).await.unwrap();
    let pulled = inbox.pull(1, Duration::from_secs(5), Duration::ZERO).await.unwrap();
    assert_eq!(pulled[0].message.as_ref().unwrap().tenant(), Some("acme"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbox_worker_records_a_completion_the_store_first_refused_so_a_copy_is_a_duplicate() {
    use common::faulty_store::{Fault, FaultyStore};
    use esign_webhooks::dedup::{ClaimOutcome, ClaimToken, DedupKey, DedupStore};

    let inbox = Arc::new(MemoryInbox::new());
    let receiver = Receiver::new(webhooks(), inbox.clone());
    receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    let store = Arc::new(FaultyStore::new());
    // The store is down for the first two completions (a restart): the worker tries again.
    store.fail_complete(Fault::Refuse, 2);
    let runs = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let count = runs.clone();
    handlers.on_any(move |_| {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::new(store.clone()));
    let worker = Worker::new(inbox.clone(), Arc::new(handlers));
    assert_eq!(worker.run_once().await.unwrap(), 1);
    assert!(inbox.is_empty());
    // The key is done: a copy now is a duplicate and runs nothing.
    let verified = webhooks().verify(SESSION, &[("x-token", "t")]).unwrap();
    let key: DedupKey = *InboxMessage::of(&verified).key();
    assert_eq!(
        DedupStore::claim(&store.inner, &key, ClaimToken::new(), Duration::from_secs(30)).unwrap(),
        ClaimOutcome::Done
    );
    receiver.receive(SESSION, &[("x-token", "t")]).await.unwrap();
    worker.run_once().await.unwrap();
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}
