//! `inbox::NatsInbox` against a real `nats-server -js` on loopback, started
//! by the test with a temporary store directory: the inbox conformance suite,
//! a SIGKILL and restart of the server on the same store (nothing pushed is
//! lost), JetStream's duplicate window, and a fleet of receivers and workers.
//! Without the binary the tests print a notice and pass, unless
//! `ESIGN_WEBHOOKS_REQUIRE_NATS` is set (as `.ci/run` does), in which case
//! they fail.
#![cfg(all(feature = "nats", feature = "inbox", feature = "conformance"))]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

mod common;
use common::nats_server::NatsServer;

use esign_webhooks::dedup::{AsyncDeduplicator, MemoryStore};
use esign_webhooks::inbox::{Backoff, Inbox, NatsInbox, Receiver, Worker, conformance};
use esign_webhooks::{AsyncHandlers, HandlerError, Secret, Webhooks, constellation};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// An inbox on `stream`, renewing leases on a 300 ms acknowledgement wait (the suite's short lease is 400 ms).
async fn inbox(server: &NatsServer, stream: &str) -> NatsInbox {
    NatsInbox::connect(&server.url())
        .await
        .unwrap()
        .with_stream(stream)
        .unwrap()
        .with_ack_wait(Duration::from_millis(300))
}

#[test]
fn nats_inbox_passes_the_inbox_conformance_suite_and_survives_a_sigkill() {
    let Some(mut server) = NatsServer::start("conformance") else {
        return;
    };
    let rt = runtime();
    let inbox = rt.block_on(inbox(&server, "CONFORMANCE"));
    rt.block_on(conformance::run(&inbox));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    let server = &mut server;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = rx.recv();
            server.kill_and_restart();
            let _ = done_tx.send(());
        });
        rt.block_on(conformance::engine_restart(&inbox, || async move {
            let _ = tx.send(());
            let _ = done_rx.await;
        }));
    });
}

#[test]
fn nats_inbox_drops_copies_within_the_duplicate_window_but_not_across_tenants() {
    let Some(server) = NatsServer::start("dup") else { return };
    runtime().block_on(async {
        let inbox = inbox(&server, "DUP").await;
        let message = conformance::sample_message();
        inbox.push(&message).await.unwrap();
        // The same delivery again (a vendor retry, a second receiver): one stored message.
        inbox.push(&message).await.unwrap();
        // The same delivery for another tenant is its own message.
        let other = message.clone().with_tenant(Some("tenant-b".into()));
        inbox.push(&other).await.unwrap();
        let got = inbox.pull(10, Duration::from_secs(30), Duration::ZERO).await.unwrap();
        assert_eq!(got.len(), 2, "one per tenant, copies dropped");
        for delivery in &got {
            assert!(inbox.ack(&delivery.receipt).await.unwrap());
        }
        // Error texts never carry the URL's credentials.
        let err = NatsInbox::connect("nats://user:hunter2@127.0.0.1:1").await.unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
        assert!(!format!("{err:?}").contains("hunter2"), "{err:?}");
        assert!(!format!("{inbox:?}").contains("user"), "{inbox:?}");
    });
}

#[test]
fn nats_inbox_fleet_runs_each_event_once() {
    let Some(server) = NatsServer::start("fleet") else {
        return;
    };
    runtime().block_on(async {
        let inbox: Arc<dyn Inbox> = Arc::new(inbox(&server, "FLEET").await);
        let webhooks = Arc::new(
            Webhooks::builder()
                .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
                .build()
                .unwrap(),
        );
        let receivers: Vec<Receiver> = (0..2).map(|_| Receiver::new(webhooks.clone(), inbox.clone())).collect();
        for n in 0..30usize {
            let body = format!(
                r#"{{"Data":{{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-{n:012}","Type":"SessionStatus","Status":3}}}}"#
            );
            for receiver in &receivers {
                let handoff = receiver.receive(body.as_bytes(), &[("x-token", "t")]).await.unwrap();
                assert_eq!(handoff.status(), 200);
            }
        }
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
        handlers.deduplicate_with(AsyncDeduplicator::new(MemoryStore::new()));
        let handlers = Arc::new(handlers);
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let mut workers = Vec::new();
        for _ in 0..3 {
            // Each worker its own inbox value (its own connection and leases), one consumer.
            let inbox: Arc<dyn Inbox> = Arc::new(inbox_for(&server).await);
            let worker = Worker::new(inbox, handlers.clone()).with_poll_wait(Duration::from_millis(200));
            let mut stopped = stopped.clone();
            workers.push(tokio::spawn(async move {
                worker
                    .run(async move {
                        let _ = stopped.wait_for(|stop| *stop).await;
                    })
                    .await
            }));
        }
        let start = Instant::now();
        while runs.load(Ordering::SeqCst) < 30 && start.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = stop.send(true);
        let mut handled = 0;
        for worker in workers {
            handled += worker.await.unwrap().handled;
        }
        assert_eq!(runs.load(Ordering::SeqCst), 30, "once per event");
        // Both receivers pushed each delivery; JetStream kept one of each pair (duplicate window).
        assert_eq!(handled, 30, "every stored message acknowledged, copies dropped by the engine");
    });
}

async fn inbox_for(server: &NatsServer) -> NatsInbox {
    inbox(server, "FLEET").await
}

/// 2 000 distinct deliveries pushed 64 at a time, then drained: every one
/// pulled exactly once. Prints the push rate and the drain rate (for the notes).
#[test]
fn nats_inbox_concurrent_pushes_are_all_pulled_once() {
    let Some(server) = NatsServer::start("load") else {
        return;
    };
    runtime().block_on(async {
        let inbox = Arc::new(inbox(&server, "LOAD").await);
        let messages: Vec<_> = (0..2000).map(|_| conformance::sample_message()).collect();
        let start = Instant::now();
        let mut latencies = Vec::new();
        for chunk in messages.chunks(64) {
            let pushes: Vec<_> = chunk
                .iter()
                .cloned()
                .map(|message| {
                    let inbox = inbox.clone();
                    tokio::spawn(async move {
                        let began = Instant::now();
                        inbox.push(&message).await.unwrap();
                        began.elapsed()
                    })
                })
                .collect();
            for push in pushes {
                latencies.push(push.await.unwrap());
            }
        }
        let pushed = start.elapsed();
        latencies.sort();
        let p99 = latencies[latencies.len() * 99 / 100];
        let start = Instant::now();
        let mut seen = std::collections::HashSet::new();
        while seen.len() < messages.len() && start.elapsed() < Duration::from_secs(60) {
            let got = inbox
                .pull(256, Duration::from_secs(30), Duration::from_millis(200))
                .await
                .unwrap();
            for delivery in got {
                let id = delivery.message.as_ref().unwrap().id();
                assert!(seen.insert(id), "pulled twice: {id:?}");
                assert!(inbox.ack(&delivery.receipt).await.unwrap());
            }
        }
        let drained = start.elapsed();
        assert_eq!(seen.len(), messages.len(), "every pushed message pulled");
        eprintln!(
            "NATS inbox, 2000 pushes at concurrency 64: {:.0}/s (p99 {:?}); pull+ack drain {:.0}/s",
            2000.0 / pushed.as_secs_f64(),
            p99,
            2000.0 / drained.as_secs_f64()
        );
    });
}

/// Leases longer than the consumer's `ack_wait` hold because the inbox
/// renews them; once the holder is gone (its process died: the value is
/// dropped, renewals stop), another inbox value gets the message.
#[test]
fn nats_inbox_renews_long_leases_and_a_dead_holders_message_moves_on() {
    let Some(server) = NatsServer::start("takeover") else {
        return;
    };
    runtime().block_on(async {
        let holder = inbox(&server, "TAKEOVER").await;
        let other = inbox(&server, "TAKEOVER").await;
        let sent = conformance::sample_message();
        holder.push(&sent).await.unwrap();
        let got = holder.pull(1, Duration::from_secs(3), Duration::ZERO).await.unwrap();
        assert_eq!(got.len(), 1);
        // Four acknowledgement waits (300 ms each) later, still held: the renewals work.
        tokio::time::sleep(Duration::from_millis(1200)).await;
        assert!(
            other
                .pull(10, Duration::from_secs(30), Duration::ZERO)
                .await
                .unwrap()
                .is_empty(),
            "a held lease past ack_wait keeps the message"
        );
        drop(holder);
        let again = other
            .pull(10, Duration::from_secs(30), Duration::from_secs(3))
            .await
            .unwrap();
        assert_eq!(again.len(), 1, "the dead holder's message is handed out again");
        assert_eq!(again[0].message.as_ref().unwrap().id(), sent.id());
        assert_eq!(again[0].deliveries, 2);
        assert!(other.ack(&again[0].receipt).await.unwrap());
    });
}

/// A worker on NATS: a failing callback is retried after its backoff (the
/// updated message held back with a delayed NAK), dead-lettered with its
/// error after the attempts, and a replay runs it again.
#[test]
fn nats_inbox_worker_retries_then_dead_letters_then_replays() {
    let Some(server) = NatsServer::start("retry") else {
        return;
    };
    runtime().block_on(async {
        let inbox = Arc::new(inbox(&server, "RETRY").await);
        inbox.push(&conformance::sample_message()).await.unwrap();
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
        handlers.deduplicate_with(AsyncDeduplicator::new(MemoryStore::new()));
        let worker = Worker::new(inbox.clone(), Arc::new(handlers))
            .with_max_attempts(3)
            .with_poll_wait(Duration::from_millis(300))
            .with_backoff(Backoff::new(Duration::from_millis(200), Duration::from_millis(400)));
        let start = Instant::now();
        let mut first_retry_seen = None;
        while start.elapsed() < Duration::from_secs(15) && tries.load(Ordering::SeqCst) < 3 {
            worker.run_once().await.unwrap();
            if tries.load(Ordering::SeqCst) == 2 && first_retry_seen.is_none() {
                first_retry_seen = Some(start.elapsed());
            }
        }
        assert_eq!(tries.load(Ordering::SeqCst), 3);
        assert!(
            first_retry_seen.is_some_and(|at| at >= Duration::from_millis(200)),
            "the retry waited for its backoff: {first_retry_seen:?}"
        );
        let letters = inbox.dead_letters(10).await.unwrap();
        assert_eq!(letters.len(), 1, "dead-lettered after 3 attempts");
        assert!(letters[0].error.contains("crm is down"), "{}", letters[0].error);
        let message = letters[0].message.as_ref().unwrap();
        assert_eq!(message.attempts(), 2, "two failures recorded before the last");
        assert!(
            inbox
                .pull(10, Duration::from_secs(30), Duration::from_millis(500))
                .await
                .unwrap()
                .is_empty(),
            "nothing left in the inbox"
        );
        assert!(inbox.replay(&letters[0].engine_id).await.unwrap());
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) && tries.load(Ordering::SeqCst) < 4 {
            worker.run_once().await.unwrap();
        }
        assert_eq!(tries.load(Ordering::SeqCst), 4, "the replay ran again");
        assert_eq!(worker.stats().dead_lettered, 1);
    });
}
