//! Signs sample deliveries for every vendor (the crate's test fixtures, signed
//! with `testing::Signer` and the same demo secrets as the servers) and POSTs
//! them to a running server example, printing each answer. Two of them must be
//! refused: a forged eSignGlobal signature (401) and a Sign.Plus delivery
//! without its URL token (400).
//!
//! ```sh
//! cargo run --example axum --features axum     # or: --example actix --features actix, or --example hyper
//! cargo run --example send                     # in another terminal
//! ```
//!
//! Environment: `TARGET_URL` (default `http://127.0.0.1:3000/webhooks`; try
//! `http://127.0.0.1:3000/webhooks/events` for the axum extractor route), and
//! the secrets listed at the top of `examples/common/mod.rs`, which must match
//! the server's. Exits non-zero when an answer is not the expected one.

mod common;

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
    let client = reqwest::Client::new();
    let mut all_expected = true;
    println!("POST {}", config.target_url);
    for sample in config.samples() {
        let mut request = client.post(sample.url(&config.target_url)).body(sample.body.clone());
        for (name, value) in &sample.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let body = response.text().await?;
        let verdict = if status == sample.expected_status {
            "ok"
        } else {
            "UNEXPECTED"
        };
        all_expected &= status == sample.expected_status;
        println!(
            "{:>38}: {status} {body:<32} (expected {}, {verdict})",
            sample.name, sample.expected_status
        );
    }
    Ok(all_expected)
}
