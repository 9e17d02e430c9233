//! `dead-letters`: list, show, replay and discard an inbox's dead letters
//! (`esign_webhooks::inbox`), on the engine the URL names: Redis Streams
//! (`redis://`, `rediss://`), PostgreSQL (`postgres://`, `postgresql://`) or
//! NATS JetStream (`nats://`, `tls://`).
//!
//! The URL may hold a password, so it is read from an environment variable
//! (never from the command line, where `ps` and shell history show it), and
//! only its redacted form is ever printed. A dead letter's body is printed
//! only when asked (`show --body`): it is the vendor's payload, and holds
//! signers' names and addresses.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use esign_webhooks::inbox::{DeadLetter, Inbox, InboxMessage, NatsInbox, PostgresInbox, RedisInbox};
use esign_webhooks::redact;
use serde_json::json;

use crate::commands::{Output, event_summary, printable};

/// Where the inbox is and how it is named: the options every `dead-letters` command takes.
#[derive(Debug, clap::Args)]
pub struct EngineArgs {
    /// Environment variable holding the inbox's URL: redis://…, rediss://…, postgres://…,
    /// postgresql://…, nats://… or tls://… (never passed on the command line: it may hold a password).
    #[arg(long, value_name = "VAR", default_value = "ESIGN_WEBHOOKS_INBOX_URL")]
    url_env: String,
    /// Redis: the inbox's key prefix, as given to `RedisInbox::with_prefix`.
    #[arg(long, value_name = "PREFIX")]
    redis_prefix: Option<String>,
    /// PostgreSQL: the inbox's table, as given to `PostgresInbox::with_table`.
    #[arg(long, value_name = "TABLE")]
    postgres_table: Option<String>,
    /// PostgreSQL: a PEM file of the CA that signed the server's certificate (for sslmode=require and up).
    #[arg(long, value_name = "FILE")]
    postgres_ca: Option<PathBuf>,
    /// NATS: the inbox's work stream, as given to `NatsInbox::with_stream` (dead letters are `<NAME>_DEAD`).
    #[arg(long, value_name = "NAME")]
    nats_stream: Option<String>,
}

/// What to do with the dead letters.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List dead letters, oldest first: id, vendor, event, attempts and the error that ended them.
    List {
        #[command(flatten)]
        engine: EngineArgs,
        /// At most this many.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Show one dead letter in full: its message's fields, the event it parses as, and its error.
    Show {
        #[command(flatten)]
        engine: EngineArgs,
        /// The dead letter's id, as `list` prints it.
        id: String,
        /// Also print the verified body (the vendor's payload, as received).
        #[arg(long)]
        body: bool,
    },
    /// Push a dead letter back into the inbox (its attempts reset): workers run it again.
    Replay {
        #[command(flatten)]
        engine: EngineArgs,
        /// The dead letter's id, as `list` prints it.
        id: String,
    },
    /// Delete a dead letter for good.
    Discard {
        #[command(flatten)]
        engine: EngineArgs,
        /// The dead letter's id, as `list` prints it.
        id: String,
    },
}

/// How far `show` looks for an id: the engines list dead letters oldest first, by count.
const SHOW_SCAN: usize = 100_000;

pub fn run(out: &Output, action: Action) -> Result<bool, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the async runtime: {err}"))?;
    runtime.block_on(async {
        match action {
            Action::List { engine, limit } => {
                let inbox = open(&engine).await?;
                list(out, &*inbox, limit).await
            }
            Action::Show { engine, id, body } => {
                let inbox = open(&engine).await?;
                show(out, &*inbox, &id, body).await
            }
            Action::Replay { engine, id } => {
                let inbox = open(&engine).await?;
                settle(out, &id, "replayed", inbox.replay(&id).await)
            }
            Action::Discard { engine, id } => {
                let inbox = open(&engine).await?;
                settle(out, &id, "discarded", inbox.discard(&id).await)
            }
        }
    })
}

/// The inbox the URL's scheme names, with the naming options applied.
async fn open(args: &EngineArgs) -> Result<Arc<dyn Inbox>, String> {
    // The variable's name is not echoed in errors about its value: a URL pasted there by mistake would be printed.
    let url = std::env::var(&args.url_env)
        .map_err(|_| "the environment variable named by --url-env is not set (or not UTF-8)".to_owned())?;
    let url = url.trim();
    let scheme = url.split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
    let shown = redact::url(url);
    let not_for = |option: &str, engine: &str| format!("{option} applies to another engine than {engine} ({shown})");
    match scheme.as_deref() {
        Some("redis" | "rediss") => {
            if args.postgres_table.is_some() || args.postgres_ca.is_some() || args.nats_stream.is_some() {
                return Err(not_for("--postgres-table, --postgres-ca and --nats-stream", "Redis"));
            }
            let mut inbox = RedisInbox::open(url).map_err(|err| err.to_string())?;
            if let Some(prefix) = &args.redis_prefix {
                inbox = inbox.with_prefix(prefix.clone());
            }
            Ok(Arc::new(inbox))
        }
        Some("postgres" | "postgresql") => {
            if args.redis_prefix.is_some() || args.nats_stream.is_some() {
                return Err(not_for("--redis-prefix and --nats-stream", "PostgreSQL"));
            }
            let mut inbox = match &args.postgres_ca {
                Some(path) => {
                    let pem = std::fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
                    PostgresInbox::open_with_ca(url, &pem)
                }
                None => PostgresInbox::open(url),
            }
            .map_err(|err| err.to_string())?;
            if let Some(table) = &args.postgres_table {
                inbox = inbox.with_table(table).map_err(|err| err.to_string())?;
            }
            Ok(Arc::new(inbox))
        }
        Some("nats" | "tls") => {
            if args.redis_prefix.is_some() || args.postgres_table.is_some() || args.postgres_ca.is_some() {
                return Err(not_for("--redis-prefix, --postgres-table and --postgres-ca", "NATS"));
            }
            let mut inbox = NatsInbox::connect(url).await.map_err(|err| err.to_string())?;
            if let Some(stream) = &args.nats_stream {
                inbox = inbox.with_stream(stream.clone()).map_err(|err| err.to_string())?;
            }
            Ok(Arc::new(inbox))
        }
        _ => Err(format!(
            "the inbox URL ({shown}) names no engine this tool knows: redis://, rediss://, postgres://, postgresql://, nats:// or tls://"
        )),
    }
}

async fn list(out: &Output, inbox: &dyn Inbox, limit: usize) -> Result<bool, String> {
    let letters = inbox.dead_letters(limit).await.map_err(|err| err.to_string())?;
    if out.json {
        for letter in &letters {
            outln!("{}", describe(letter, false));
        }
        return Ok(true);
    }
    if letters.is_empty() {
        outln!("no dead letters");
        return Ok(true);
    }
    for letter in &letters {
        let what = match &letter.message {
            Ok(message) => format!(
                "{} attempts={} {}",
                summary(message),
                message.attempts(),
                received(message)
            ),
            Err(err) => format!("unreadable message: {err}"),
        };
        outln!(
            "{}  {}  error: {}",
            printable(&letter.engine_id),
            what,
            printable(&letter.error)
        );
    }
    outln!(
        "{} dead letter(s){}",
        letters.len(),
        if letters.len() == limit {
            " (the limit: there may be more)"
        } else {
            ""
        }
    );
    Ok(true)
}

async fn show(out: &Output, inbox: &dyn Inbox, id: &str, with_body: bool) -> Result<bool, String> {
    let letters = inbox.dead_letters(SHOW_SCAN).await.map_err(|err| err.to_string())?;
    let Some(letter) = letters.iter().find(|letter| letter.engine_id == id) else {
        return Err(format!("no dead letter with the id {}", printable(id)));
    };
    if out.json {
        outln!("{}", describe(letter, with_body));
        return Ok(true);
    }
    outln!("dead letter {}", printable(&letter.engine_id));
    outln!("  error: {}", printable(&letter.error));
    match &letter.message {
        Err(err) => outln!("  message: unreadable ({err}); replay cannot make it readable, discard it once understood"),
        Ok(message) => {
            outln!("  message id: {}", message.id());
            outln!("  vendor: {}", message.vendor());
            outln!("  event: {}", summary(message));
            outln!(
                "  tenant: {}",
                message.tenant().map(printable).unwrap_or_else(|| "-".to_owned())
            );
            outln!("  dedup key: {}", message.key());
            outln!("  {}", received(message));
            outln!("  failed attempts: {}", message.attempts());
            if let Some(error) = message.last_error() {
                outln!("  last error: {}", printable(error));
            }
            outln!("  verified body: {} bytes", message.body().verified_part().len());
            if with_body {
                outln!("{}", String::from_utf8_lossy(message.body().verified_part()));
            }
        }
    }
    Ok(true)
}

/// A dead letter as one JSON object.
fn describe(letter: &DeadLetter, with_body: bool) -> serde_json::Value {
    let mut line = json!({"id": letter.engine_id, "error": letter.error});
    match &letter.message {
        Ok(message) => {
            line["message_id"] = json!(message.id().to_string());
            line["vendor"] = json!(message.vendor().slug());
            line["event"] = json!(summary(message));
            line["tenant"] = json!(message.tenant());
            line["dedup_key"] = json!(message.key().to_string());
            line["received_at_ms"] = json!(millis(message));
            line["attempts"] = json!(message.attempts());
            line["last_error"] = json!(message.last_error());
            line["body_bytes"] = json!(message.body().verified_part().len());
            if with_body {
                line["body"] = json!(String::from_utf8_lossy(message.body().verified_part()));
            }
        }
        Err(err) => line["unreadable"] = json!(err.to_string()),
    }
    line
}

/// The event the message parses as, or why the model cannot read it (such a
/// delivery was verified: it went to the dead letters, not away).
fn summary(message: &InboxMessage) -> String {
    match message.body().parse() {
        Ok(event) => event_summary(&event),
        Err(err) => format!("{} (the model cannot read it: {err})", message.vendor()),
    }
}

fn millis(message: &InboxMessage) -> u64 {
    let since = message
        .received_at()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO);
    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
}

fn received(message: &InboxMessage) -> String {
    format!("received at {} ms", millis(message))
}

fn settle(
    out: &Output,
    id: &str,
    done: &str,
    result: Result<bool, esign_webhooks::dedup::StoreError>,
) -> Result<bool, String> {
    match result.map_err(|err| err.to_string())? {
        true => {
            if out.json {
                outln!("{}", json!({"id": id, done: true}));
            } else {
                outln!("{done} {}", printable(id));
            }
            Ok(true)
        }
        false => Err(format!("no dead letter with the id {}", printable(id))),
    }
}
