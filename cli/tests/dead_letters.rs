//! `esign-webhooks dead-letters` against real engines on loopback (Redis
//! Streams with a password, PostgreSQL, NATS JetStream), each under a
//! non-default name: a worker's dead letter is listed with its error, shown
//! (its body only when asked), replayed (a worker pulls it again, attempts
//! reset) and discarded; an unknown id fails; the inbox URL's password is
//! never printed. The servers are the library tests' own helpers; without a
//! server binary the test is skipped, unless `ESIGN_WEBHOOKS_REQUIRE_*` is
//! set (as `.ci/run` does).

#[allow(dead_code)] // the helpers serve the library's tests too
#[path = "../../tests/common/nats_server.rs"]
mod nats_server;
#[allow(dead_code)]
#[path = "../../tests/common/pg_server.rs"]
mod pg_server;
#[allow(dead_code)]
#[path = "../../tests/common/redis_server.rs"]
mod redis_server;

use std::process::Command;
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use esign_webhooks::inbox::{Delivery, Inbox, InboxMessage, NatsInbox, PostgresInbox, RedisInbox};
use esign_webhooks::{Secret, Webhooks, constellation};

const PASSWORD: &str = "s3cret-inbox-pass";
const ERROR: &str = "callback failed: the CRM answered 503";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A verified Constellation1 delivery with a session id of its own.
fn message(session: &str) -> InboxMessage {
    let webhooks = Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap();
    let body = format!(r#"{{"Data":{{"SigningSessionId":"{session}","Type":"SessionStatus","Status":3}}}}"#);
    let verified = webhooks.verify(body.as_bytes(), &[("x-token", "t")]).unwrap();
    InboxMessage::of(&verified)
}

/// Pushes a message, pulls it as a worker would and dead-letters it with [`ERROR`]; its dead letter's id.
/// The one message a worker pulls (waiting up to 5 s), leased for 30 s.
async fn pull_one(inbox: &dyn Inbox, what: &str) -> Delivery {
    let mut pulled = inbox
        .pull(1, Duration::from_secs(30), Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(pulled.len(), 1, "{what} is pulled");
    pulled.remove(0)
}

async fn dead_letter(inbox: &dyn Inbox, message: &InboxMessage) -> String {
    inbox.push(message).await.unwrap();
    let delivery = pull_one(inbox, "the pushed message").await;
    assert!(inbox.dead_letter(&delivery.receipt, ERROR).await.unwrap());
    let letters = inbox.dead_letters(10).await.unwrap();
    let letter = letters
        .iter()
        .find(|letter| letter.message.as_ref().is_ok_and(|m| m.id() == message.id()))
        .expect("the dead letter is listed by the library");
    letter.engine_id.clone()
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// The binary with the inbox URL in the variable `--url-env` names, and `naming` (the engine's name options).
fn cli(url: &str, args: &[&str], naming: &[&str]) -> Run {
    let (action, rest) = args.split_first().unwrap();
    let (global, rest): (Vec<&str>, Vec<&str>) = rest.iter().partition(|arg| **arg == "--json");
    let out = Command::cargo_bin("esign-webhooks")
        .unwrap()
        .env("TEST_INBOX_URL", url)
        .args(&global)
        .args(["dead-letters", action, "--url-env", "TEST_INBOX_URL"])
        .args(naming)
        .args(&rest)
        .output()
        .unwrap();
    let run = Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD),
        "the inbox password was printed by {args:?}: {} {}",
        run.stdout,
        run.stderr
    );
    run
}

/// List, show, replay, discard on one engine.
/// `rt` is the runtime the inbox was made in (its connection's tasks live there).
fn exercise(rt: &tokio::runtime::Runtime, engine: &str, url: &str, inbox: &dyn Inbox, naming: &[&str]) {
    let session = format!("{engine}-7f3c2a91-session");
    let first = message(&session);
    let id = rt.block_on(dead_letter(inbox, &first));

    // list --json: one object per dead letter, with the error that ended it.
    let run = cli(url, &["list", "--json"], naming);
    assert!(run.ok, "{engine} list: {}", run.stderr);
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "{engine}: one dead letter: {}", run.stdout);
    assert_eq!(lines[0]["id"], id.as_str());
    assert_eq!(lines[0]["error"], ERROR);
    assert_eq!(lines[0]["vendor"], "constellation");
    assert_eq!(lines[0]["message_id"], first.id().to_string());
    assert_eq!(lines[0]["dedup_key"], first.key().to_string());
    assert!(lines[0].get("body").is_none(), "list never prints bodies");

    // show: the fields; the body only with --body.
    let run = cli(url, &["show", &id], naming);
    assert!(run.ok, "{engine} show: {}", run.stderr);
    assert!(run.stdout.contains(ERROR), "{}", run.stdout);
    assert!(run.stdout.contains(&first.id().to_string()), "{}", run.stdout);
    assert!(
        !run.stdout.contains(&session),
        "the body is not printed unasked: {}",
        run.stdout
    );
    let run = cli(url, &["show", &id, "--body"], naming);
    assert!(
        run.ok && run.stdout.contains(&session),
        "{engine} show --body: {}",
        run.stdout
    );

    // replay: gone from the dead letters, pulled again by a worker, attempts reset.
    let run = cli(url, &["replay", &id], naming);
    assert!(run.ok, "{engine} replay: {}", run.stderr);
    let run = cli(url, &["list"], naming);
    assert!(
        run.ok && run.stdout.contains("no dead letters"),
        "{engine}: {}",
        run.stdout
    );
    let again = rt.block_on(async {
        let delivery = pull_one(inbox, &format!("{engine}: the replayed message")).await;
        let message = delivery.message.unwrap();
        assert_eq!(message.id(), first.id());
        assert_eq!(message.attempts(), 0);
        assert!(inbox.ack(&delivery.receipt).await.unwrap());
        message
    });
    assert_eq!(again.key(), first.key());

    // discard: gone for good; replaying or showing it then fails.
    let second = message(&format!("{engine}-second-session"));
    let id = rt.block_on(dead_letter(inbox, &second));
    let run = cli(url, &["discard", &id], naming);
    assert!(run.ok, "{engine} discard: {}", run.stderr);
    for action in ["replay", "show", "discard"] {
        let run = cli(url, &[action, &id], naming);
        assert!(!run.ok, "{engine} {action} of a discarded letter fails");
        assert!(
            run.stderr.contains("no dead letter with the id"),
            "{engine}: {}",
            run.stderr
        );
    }
    let run = cli(url, &["list", "--json"], naming);
    assert!(run.ok && run.stdout.trim().is_empty(), "{engine}: {}", run.stdout);
    let pulled = rt.block_on(inbox.pull(1, Duration::from_secs(1), Duration::from_millis(300)));
    assert!(
        pulled.unwrap().is_empty(),
        "{engine}: a discarded letter is not pushed back"
    );
}

#[test]
fn dead_letters_on_redis() {
    let Some(server) = redis_server::RedisServer::start(&["--requirepass", PASSWORD]) else {
        return;
    };
    let url = server.url();
    let rt = runtime();
    let inbox = rt.block_on(async { RedisInbox::open(&url).unwrap().with_prefix("cli-test:") });
    exercise(&rt, "redis", &url, &inbox, &["--redis-prefix", "cli-test:"]);
    // Under another prefix there is another (empty) inbox.
    let run = cli(&url, &["list"], &[]);
    assert!(run.ok && run.stdout.contains("no dead letters"), "{}", run.stdout);
    // A wrong password is an error that does not show it.
    let wrong = url.replace(PASSWORD, "not-the-password");
    let run = cli(&wrong, &["list"], &[]);
    assert!(!run.ok && !run.stderr.contains("not-the-password"), "{}", run.stderr);
}

#[test]
fn dead_letters_on_postgres() {
    let Some(server) = pg_server::PgServer::start() else {
        return;
    };
    let url = server.url();
    let rt = runtime();
    let inbox = rt.block_on(async {
        let inbox = PostgresInbox::open(&url).unwrap().with_table("cli_inbox").unwrap();
        inbox.migrate().await.unwrap();
        inbox
    });
    exercise(&rt, "postgres", &url, &inbox, &["--postgres-table", "cli_inbox"]);
}

#[test]
fn dead_letters_on_nats() {
    let Some(server) = nats_server::NatsServer::start("cli") else {
        return;
    };
    let url = server.url();
    let rt = runtime();
    let inbox = rt.block_on(async { NatsInbox::connect(&url).await.unwrap().with_stream("CLI_TEST").unwrap() });
    exercise(&rt, "nats", &url, &inbox, &["--nats-stream", "CLI_TEST"]);
}

#[test]
fn a_missing_or_unknown_url_is_a_readable_error() {
    let run = Command::cargo_bin("esign-webhooks")
        .unwrap()
        .env_remove("ESIGN_WEBHOOKS_INBOX_URL")
        .args(["dead-letters", "list"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("--url-env is not set"));
    let run = cli(&format!("mysql://root:{PASSWORD}@127.0.0.1/inbox"), &["list"], &[]);
    assert!(!run.ok && run.stderr.contains("names no engine"), "{}", run.stderr);
    let run = cli("redis://127.0.0.1:1", &["list"], &["--nats-stream", "X"]);
    assert!(!run.ok && run.stderr.contains("--nats-stream"), "{}", run.stderr);
}
