//! Signs one sample delivery for each of the sixteen vendors (the crate's test
//! fixtures, signed with `testing::Signer` and the same demo secrets as the
//! servers) and POSTs them to a running server example, printing each answer
//! and a summary (`18 of 18 answers as expected: 16 accepted, 2 refused`). Two more
//! must be refused: a forged eSignGlobal signature (401) and a Sign.Plus
//! delivery without its URL token (400).
//!
//! ```sh
//! cargo run --example axum --features axum     # or: actix --features actix, hyper, or tower --features tower
//! cargo run --example send                     # in another terminal
//! ```
//!
//! Environment: `TARGET_URL` (default `http://127.0.0.1:3000/webhooks`; try
//! `http://127.0.0.1:3000/webhooks/events` for the axum extractor route), and
//! the secrets listed at the top of `examples/common/mod.rs`, which must match
//! the server's. Exits non-zero when an answer is not the expected one.

pub mod common; // `pub`: tests/roundtrip.rs reuses this file

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("send failed: {err} (is a server example running?)");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<bool, Box<dyn std::error::Error>> {
    let config = common::Config::from_env()?;
    println!("POST {}", config.target_url);
    let answers = send(&config).await?;
    for answer in &answers {
        let verdict = if answer.is_expected() { "ok" } else { "UNEXPECTED" };
        println!(
            "{:>38}: {} {:<32} (expected {}, {verdict})",
            answer.name, answer.status, answer.body, answer.expected_status
        );
    }
    let expected = answers.iter().filter(|a| a.is_expected()).count();
    let accepted = answers.iter().filter(|a| a.is_expected() && a.status == 200).count();
    println!(
        "{expected} of {} answers as expected: {accepted} accepted, {} refused",
        answers.len(),
        expected - accepted
    );
    Ok(expected == answers.len())
}

/// What a server answered to one sample.
#[derive(Debug)]
pub struct Answer {
    pub name: &'static str,
    pub status: u16,
    pub body: String,
    /// The answer's headers, for the vendors that need one (Adobe's client-id echo).
    pub headers: Vec<(String, String)>,
    pub expected_status: u16,
}

impl Answer {
    pub fn is_expected(&self) -> bool {
        self.status == self.expected_status
    }
}

/// Posts every sample to `config.target_url`; tests/roundtrip.rs runs this
/// against each server example.
pub async fn send(config: &common::Config) -> Result<Vec<Answer>, reqwest::Error> {
    let client = reqwest::Client::new();
    let mut answers = Vec::new();
    for sample in config.samples() {
        let mut request = client.post(sample.url(&config.target_url)).body(sample.body.clone());
        for (name, value) in &sample.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let response = request.send().await?;
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
            .collect();
        answers.push(Answer {
            name: sample.name,
            status: response.status().as_u16(),
            headers,
            body: response.text().await?,
            expected_status: sample.expected_status,
        });
    }
    Ok(answers)
}
