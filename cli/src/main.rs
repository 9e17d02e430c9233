//! `esign-webhooks`: capture a real delivery, find its signature scheme,
//! verify, inspect, replay, and send signed sample deliveries.
//!
//! Run `esign-webhooks --help`, or see the README's "Find eSignGlobal's scheme
//! in three commands".

/// `println!` that ends the program quietly (exit status 0) when stdout is a
/// closed pipe (`esign-webhooks inspect … | head`), where `println!` panics.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::write_stdout(format_args!($($arg)*))
    };
}

/// Writes one line to stdout; on a broken pipe, exits quietly: the reader
/// has all it wanted. Another write error is reported on stderr, and exits 1.
pub(crate) fn write_stdout(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let result = stdout
        .write_fmt(args)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
    match result {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(err) => {
            eprintln!("error: cannot write to stdout: {err}");
            std::process::exit(1)
        }
    }
}

mod capture;
mod check;
mod commands;
mod dead_letters;
mod rust_code;
mod samples;
mod sign;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Receive, check and send e-signature webhooks (eSignGlobal, Ignisign, Sign.Plus, Constellation1 eSign).
///
/// The usual path for eSignGlobal, whose signature scheme is not published:
///   1. esign-webhooks capture --listen 127.0.0.1:8080 --out captures
///      (point the webhook URL at it, through a tunnel if needed, and trigger an event)
///   2. ESG_SECRET=… esign-webhooks detect --secret-env ESG_SECRET captures/*.json
///      (paste the configuration it prints into esign-webhooks.toml)
///   3. esign-webhooks verify --config esign-webhooks.toml captures/*.json
#[derive(Debug, Parser)]
#[command(name = "esign-webhooks", version, about, long_about, verbatim_doc_comment)]
struct Cli {
    /// Machine-readable output: one JSON object per line.
    #[arg(long, global = true)]
    json: bool,

    /// `verify` and `inspect`: print each event's full `Debug` (long), not only its summary.
    #[arg(long, global = true)]
    debug: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Answer 200 to every request and store each one exactly as received.
    ///
    /// Each request becomes one JSON file in DIR (method, path and query, headers in order, raw body
    /// in base64; see the README for the format) and one printed line. The files hold the request's
    /// credentials: on Unix they are written 0600, and DIR is created 0700 when missing. Behind a tunnel or a reverse
    /// proxy (ngrok, cloudflared, nginx), point it at this address; the proxy must pass the body
    /// unchanged (no JSON re-encoding, no decompression).
    Capture {
        /// Address to listen on; use port 0 for any free port (the address is printed).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Directory for the capture files (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Stop after this many requests (default: run until Ctrl-C).
        #[arg(long)]
        count: Option<usize>,
    },
    /// Find the authentication scheme of captured requests, given their secret.
    ///
    /// Prints the scheme as a configuration snippet and as Rust builder code, or what was tried.
    /// With several captures, only schemes that verify every capture are reported, which settles
    /// an ambiguous result.
    Detect {
        /// Environment variable holding the webhook's secret (never passed on the command line).
        #[arg(long, value_name = "VAR")]
        secret_env: String,
        /// How the secret's text becomes bytes (default: raw, then standard-webhooks for whsec_…).
        #[arg(long, value_enum)]
        secret_format: Option<SecretFormatArg>,
        /// The vendor whose configuration table is printed.
        #[arg(long, default_value = "esignglobal")]
        vendor: String,
        /// Capture files (from `capture`).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Verify and parse captured requests with a configuration, as a receiver would.
    ///
    /// Prints the typed event, or the typed error and the HTTP status the crate would answer.
    Verify {
        /// Configuration file (.toml or .json).
        #[arg(long)]
        config: PathBuf,
        /// The time to check timestamps against: `capture` (when it was received), `system`
        /// (now, as a live receiver would) or Unix seconds.
        #[arg(long, default_value = "capture")]
        now: String,
        /// Capture files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show a capture's vendor, event and fields WITHOUT verifying it.
    ///
    /// Header values are shown for descriptive headers only (Content-Type, User-Agent…); every other
    /// value, every query value and URL user information print as [REDACTED].
    Inspect {
        /// Capture file.
        file: PathBuf,
    },
    /// Sign sample deliveries for the configured vendors and POST them to URL.
    Send {
        /// Configuration file (.toml or .json): its methods and secrets sign the samples.
        #[arg(long)]
        config: PathBuf,
        /// Where to POST, e.g. http://127.0.0.1:3000/webhooks.
        #[arg(long)]
        url: String,
        /// Only this vendor, by slug.
        #[arg(long, value_parser = vendor_slugs())]
        vendor: Option<String>,
        /// Only this sample event (e.g. envelope_finish); `--event list` lists them.
        #[arg(long)]
        event: Option<String>,
    },
    /// Check a deployed endpoint as each configured vendor would, like the vendors' "verify URL" buttons.
    ///
    /// For each vendor of the configuration (or the one --vendor names), a simulated sender sends
    /// to URL: its setup handshake(s) (Adobe Acrobat Sign's GET verification of intent, BoldSign's
    /// Verification), a signed sample delivery, and the same delivery again (a duplicate). Each
    /// answer is checked against what the vendor requires (a 2xx; Dropbox Sign's `Hello API Event
    /// Received`; Adobe's client-id echo); each step prints PASS or FAIL, and a FAIL says what the
    /// vendor does about it (its retries, a disabled webhook), from its documentation. Exits
    /// non-zero when a step failed. Secrets and URL credentials are never printed.
    Check {
        /// Configuration file (.toml or .json), the format the library reads: its secrets sign.
        #[arg(long)]
        config: PathBuf,
        /// The endpoint, e.g. https://example.com/webhooks.
        #[arg(long)]
        url: String,
        /// Only this vendor, by slug.
        #[arg(long, value_parser = vendor_slugs())]
        vendor: Option<String>,
    },
    /// List, show, replay or discard the dead letters of an inbox (Redis Streams, PostgreSQL, NATS JetStream).
    ///
    /// A worker dead-letters a delivery after its configured attempts, or one it cannot read, keeping
    /// the last error. The inbox's URL is read from an environment variable (ESIGN_WEBHOOKS_INBOX_URL
    /// unless --url-env names another), never from the command line; its scheme names the engine.
    /// Replay pushes the delivery back, its attempts reset: workers run its callbacks again, under the
    /// same dedup key (a delivery whose callbacks once succeeded stays done).
    #[command(subcommand)]
    DeadLetters(dead_letters::Action),
    /// Resend a captured request byte for byte (same method, headers and body) to URL.
    ///
    /// The captured query string is appended when URL has none. The captured credentials are sent
    /// as they are; what is printed (the URL, an error) shows no query value nor user information.
    Replay {
        /// Capture file.
        file: PathBuf,
        /// Where to send it.
        #[arg(long)]
        url: String,
    },
}

/// How a secret's text becomes bytes.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum SecretFormatArg {
    /// The text's bytes.
    Raw,
    /// Standard base64.
    Base64,
    /// `whsec_…` (Standard Webhooks).
    StandardWebhooks,
}

/// `--vendor`'s accepted values, shown by `--help`: every vendor's slug,
/// from the crate's vendor table.
fn vendor_slugs() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(esign_webhooks::Vendor::ALL.iter().map(|vendor| vendor.slug()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = commands::Output {
        json: cli.json,
        debug: cli.debug,
    };
    let result = match cli.command {
        Command::Capture {
            listen,
            out: dir,
            count,
        } => capture::serve(listen, dir, count, cli.json).map(|()| true),
        Command::Detect {
            secret_env,
            secret_format,
            vendor,
            files,
        } => commands::detect(
            &out,
            &secret_env,
            secret_format.map(|f| match f {
                SecretFormatArg::Raw => esign_webhooks::config::SecretFormat::Raw,
                SecretFormatArg::Base64 => esign_webhooks::config::SecretFormat::Base64,
                SecretFormatArg::StandardWebhooks => esign_webhooks::config::SecretFormat::StandardWebhooks,
            }),
            &vendor,
            &files,
        ),
        Command::Verify { config, now, files } => commands::verify(&out, &config, &now, &files),
        Command::Inspect { file } => commands::inspect(&out, &file),
        Command::Send {
            config,
            url,
            vendor,
            event,
        } => commands::send(&out, &config, &url, vendor.as_deref(), event.as_deref()),
        Command::Check { config, url, vendor } => check::check(&out, &config, &url, vendor.as_deref()),
        Command::Replay { file, url } => commands::replay(&out, &file, &url),
        Command::DeadLetters(action) => dead_letters::run(&out, action),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            if cli.json {
                outln!("{}", serde_json::json!({"error": message}));
            } else {
                eprintln!("error: {message}");
            }
            ExitCode::FAILURE
        }
    }
}
