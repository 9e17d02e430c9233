//! `check`: each configured vendor's simulated sender
//! (`esign_webhooks::testing::simulator`) against a deployed endpoint, like
//! the vendors' own "verify URL" buttons, for every vendor at once: the setup
//! handshake(s), a signed delivery, the same delivery again. Prints per
//! vendor and step PASS or FAIL, and for a failure what the vendor would do
//! about it (from the vendor's documentation, via its plug-in).

use std::path::Path;
use std::time::Duration;

use esign_webhooks::config::Config;
use esign_webhooks::testing::SignedRequest;
use esign_webhooks::testing::simulator::{Simulator, Transport, TransportError};
use esign_webhooks::{Vendor, redact};
use serde_json::json;

use crate::commands::{Output, ignisign_body, send_error};
use crate::samples::SAMPLES;
use crate::sign;

/// Sends the simulator's requests with reqwest, answers back as `http` values.
struct HttpTransport {
    client: reqwest::blocking::Client,
}

impl Transport for HttpTransport {
    fn send(&mut self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, TransportError> {
        let target = request.uri().to_string();
        let shown = || redact::url(&target);
        let method = reqwest::Method::from_bytes(request.method().as_str().as_bytes())
            .map_err(|_| TransportError::new(format!("bad method for {}", shown())))?;
        let mut builder = self.client.request(method, &target);
        for (name, value) in request.headers() {
            builder = builder.header(name.as_str(), value.as_bytes());
        }
        let response = builder
            .body(request.into_body())
            .send()
            .map_err(|err| TransportError::new(send_error(err, &target)))?;
        let mut answer = http::Response::builder().status(response.status().as_u16());
        for (name, value) in response.headers() {
            answer = answer.header(name.as_str(), value.as_bytes());
        }
        let body = response
            .bytes()
            .map_err(|err| TransportError::new(send_error(err, &target)))?;
        answer
            .body(body.to_vec())
            .map_err(|_| TransportError::new(format!("unreadable answer from {}", shown())))
    }
}

pub fn check(out: &Output, config_path: &Path, url: &str, vendor: Option<&str>) -> Result<bool, String> {
    let config = Config::from_file(config_path).map_err(|err| err.to_string())?;
    if let Some(vendor) = vendor {
        if config.vendor(vendor).is_none() {
            return Err(format!(
                "vendor `{vendor}` is not configured in {}",
                config_path.display()
            ));
        }
    }
    if !url.starts_with("http://") && !url.starts_with("https://") {
        return Err(format!(
            "--url must be an http:// or https:// URL, not {}",
            redact::url(url)
        ));
    }
    // A vendor does not follow redirects (Documenso counts a 3xx as failed):
    // neither does the check, so a 3xx is reported as such.
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|err| err.to_string())?;
    let mut transport = HttpTransport { client };
    let shown_url = redact::url(url);
    let mut all_ok = true;
    let mut checked = 0;
    for (key, table) in config.vendors().filter(|(key, _)| vendor.is_none_or(|v| v == *key)) {
        let Ok(vendor) = key.parse::<Vendor>() else {
            continue;
        };
        let Some((_, event, body)) = SAMPLES.iter().find(|(k, _, _)| *k == key) else {
            return Err(format!("no sample delivery for {}", vendor.name()));
        };
        let mut body = body.to_vec();
        if vendor == Vendor::Ignisign {
            body = ignisign_body(&body, table)?;
        }
        let secrets = table
            .secrets(key, &|var| std::env::var(var).ok())
            .map_err(|err| err.to_string())?;
        // Signed once here, so that a table the signer cannot use is an error
        // before anything is sent; then again for each request (a timestamp is now).
        sign::sign(key, table, secrets.clone(), &body)?;
        let (table, key_owned) = (table.clone(), key.to_owned());
        let simulator = Simulator::new(vendor, url, move |body: &[u8]| {
            match sign::sign(&key_owned, &table, secrets.clone(), body) {
                Ok(delivery) => SignedRequest::new(delivery.body, delivery.headers, delivery.query),
                Err(_) => SignedRequest::new(body.to_vec(), Vec::new(), None),
            }
        });
        checked += 1;
        if !out.json {
            outln!("{} ({event}) at {shown_url}", vendor.name());
        }
        for outcome in simulator.run(&body, &mut transport) {
            let status = outcome.status.map(|status| status.as_u16());
            let step = outcome.step.to_string();
            all_ok &= outcome.result.is_ok();
            match (&outcome.result, out.json) {
                (Ok(()), true) => outln!("{}", json!({"vendor": key, "step": step, "status": status, "ok": true})),
                (Err(failure), true) => outln!(
                    "{}",
                    json!({
                        "vendor": key,
                        "step": step,
                        "status": status,
                        "ok": false,
                        "reason": failure.reason(),
                        "hint": status.and_then(hint),
                        "vendor_would": failure.vendor_would(),
                    })
                ),
                (Ok(()), false) => outln!(
                    "  PASS {step} ({})",
                    status.map_or_else(|| "no status".to_owned(), |s| s.to_string())
                ),
                (Err(failure), false) => {
                    outln!("  FAIL {step}: {}", failure.reason());
                    if let Some(hint) = status.and_then(hint) {
                        outln!("       {hint}");
                    }
                    outln!("       {}", failure.vendor_would());
                }
            }
        }
    }
    if checked == 0 {
        return Err(format!("no vendor to check in {}", config_path.display()));
    }
    if !out.json {
        outln!(
            "{}",
            if all_ok {
                "every step passed"
            } else {
                "FAILED: see the steps above"
            }
        );
    }
    Ok(all_ok)
}

/// What a refusal status usually means, for a reader who has just deployed.
fn hint(status: u16) -> Option<&'static str> {
    match status {
        401 | 403 => Some(
            "the endpoint refused the request's credentials (signature, token or client id): does the configuration hold the secret the endpoint checks?",
        ),
        404 | 405 => Some("nothing answers this method at this URL: is it the path the webhook is registered with?"),
        413 => Some("the body is over the endpoint's size limit"),
        300..=399 => Some("a redirect: vendors do not follow it; register the final URL"),
        500..=599 => Some("the endpoint failed (a callback or a store): see its logs"),
        _ => None,
    }
}
