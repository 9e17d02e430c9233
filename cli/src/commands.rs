//! The subcommands but `capture`: each returns `Ok(true)` on success, `Ok(false)`
//! when it ran but something failed (a request did not verify), `Err` when it
//! could not run.

use std::path::{Path, PathBuf};

use esign_webhooks::config::{Config, SecretFormat};
use esign_webhooks::verify::{Detected, detect_scheme};
use esign_webhooks::{Event, FixedClock, Incoming, Secret, Vendor, dangerous, redact};
use serde_json::json;

use crate::capture::{self, Loaded};
use crate::rust_code;
use crate::samples::SAMPLES;
use crate::sign;

pub struct Output {
    pub json: bool,
    /// Print events' full `Debug`.
    pub debug: bool,
}

fn secret_from(text: &str, format: SecretFormat) -> Result<Secret, String> {
    match format {
        SecretFormat::Base64 => Secret::from_base64(text).map_err(|err| err.to_string()),
        SecretFormat::StandardWebhooks => Secret::from_standard_webhooks(text).map_err(|err| err.to_string()),
        _ => Ok(Secret::new(text)),
    }
}

fn format_key(format: SecretFormat) -> Option<&'static str> {
    match format {
        SecretFormat::Base64 => Some("base64"),
        SecretFormat::StandardWebhooks => Some("standard_webhooks"),
        _ => None,
    }
}

pub fn detect(
    out: &Output,
    secret_env: &str,
    format: Option<SecretFormat>,
    vendor: &str,
    files: &[PathBuf],
) -> Result<bool, String> {
    // The variable's name is not echoed: a secret pasted there by mistake would be printed.
    let text = std::env::var(secret_env)
        .map_err(|_| "the environment variable named by --secret-env is not set (or not UTF-8)".to_owned())?;
    if text.trim().is_empty() {
        return Err("the environment variable named by --secret-env is blank".to_owned());
    }
    let captures = files.iter().map(|f| capture::load(f)).collect::<Result<Vec<_>, _>>()?;
    let formats = match format {
        Some(format) => vec![format],
        None if text.trim_start().starts_with("whsec_") => vec![SecretFormat::Raw, SecretFormat::StandardWebhooks],
        None => vec![SecretFormat::Raw],
    };
    let mut last_error = String::new();
    for format in formats {
        let secret = secret_from(&text, format)?;
        // Schemes that verify every capture, ranked as the first capture ranks them.
        let mut common: Option<Vec<Detected>> = None;
        let mut tried = 0;
        let mut failed = None;
        for loaded in &captures {
            let incoming = Incoming::new(&loaded.body, &loaded.headers).with_query(loaded.query());
            match detect_scheme(&incoming, &secret) {
                Ok(detection) => {
                    tried += detection.combinations_tried();
                    let found = detection.all().to_vec();
                    common = Some(match common {
                        None => found,
                        Some(before) => before.into_iter().filter(|d| found.contains(d)).collect(),
                    });
                }
                Err(err) => {
                    failed = Some(format!("{}: {err}", loaded.path.display()));
                    break;
                }
            }
        }
        if let Some(err) = failed {
            last_error = err;
            continue;
        }
        let found = common.unwrap_or_default();
        let Some(best) = found.first() else {
            last_error = "no single scheme verifies every capture: were they sent by the same webhook?".to_owned();
            continue;
        };
        // Ambiguous: another scheme ranks the same (the engine's ranking, recomputed on the survivors).
        let ambiguous = found.len() > 1 && {
            let first = &captures[0];
            let incoming = Incoming::new(&first.body, &first.headers).with_query(first.query());
            detect_scheme(&incoming, &secret)
                .is_ok_and(|d| d.is_ambiguous() && d.all().iter().skip(1).any(|o| found.contains(o) && o != best))
        };
        print_detected(
            out,
            vendor,
            secret_env,
            format,
            best,
            &found,
            ambiguous,
            tried,
            captures.len(),
        );
        return Ok(true);
    }
    if out.json {
        outln!("{}", json!({"detected": false, "error": last_error}));
    } else {
        outln!("no scheme found: {last_error}");
    }
    Ok(false)
}

fn config_snippet(vendor: &str, secret_env: &str, format: SecretFormat, detected: &Detected) -> String {
    let mut lines = vec![format!("[{vendor}]")];
    match detected {
        Detected::Hmac(scheme) => {
            lines.push("method = \"hmac\"".to_owned());
            lines.push(format!("scheme = '{scheme}'"));
        }
        Detected::HeaderToken { header } => {
            lines.push("method = \"header_token\"".to_owned());
            lines.push(format!("header = {header:?}"));
        }
        Detected::QueryToken { name } => {
            lines.push("method = \"query_token\"".to_owned());
            lines.push(format!("query_parameter = {name:?}"));
        }
        Detected::BasicAuth { username } => {
            lines.push("method = \"basic_auth\"".to_owned());
            lines.push(format!("username = {username:?}"));
        }
        _ => {}
    }
    lines.push(format!("secret_env = {secret_env:?}"));
    if let Some(key) = format_key(format) {
        lines.push(format!("secret_format = \"{key}\""));
    }
    lines.join("\n")
}

#[allow(clippy::too_many_arguments)]
fn print_detected(
    out: &Output,
    vendor: &str,
    secret_env: &str,
    format: SecretFormat,
    best: &Detected,
    all: &[Detected],
    ambiguous: bool,
    tried: usize,
    captures: usize,
) {
    let snippet = config_snippet(vendor, secret_env, format, best);
    let secret_expr = match format {
        // Paths in full: the printed code compiles with no `use` of its own for them.
        SecretFormat::StandardWebhooks => {
            format!("esign_webhooks::Secret::from_standard_webhooks(&std::env::var({secret_env:?})?)?")
        }
        SecretFormat::Base64 => format!("esign_webhooks::Secret::from_base64(&std::env::var({secret_env:?})?)?"),
        _ => format!("esign_webhooks::Secret::new(std::env::var({secret_env:?})?)"),
    };
    let code = rust_code::verifier(vendor, best, &secret_expr);
    if out.json {
        let scheme = best.hmac_scheme().map(ToString::to_string);
        outln!(
            "{}",
            json!({
                "detected": true,
                "description": best.to_string(),
                "scheme": scheme,
                "ambiguous": ambiguous,
                "alternatives": all.iter().skip(1).map(ToString::to_string).collect::<Vec<_>>(),
                "config_toml": snippet,
                "rust": code,
                "captures": captures,
                "combinations_tried": tried,
            })
        );
        return;
    }
    outln!("verified {captures} capture(s) with: {best}");
    if let Some(scheme) = best.hmac_scheme() {
        if scheme.signed_content().timestamp().is_some() {
            outln!(
                "timestamp tolerance: {} s (set `tolerance_secs` to change it)",
                scheme.tolerance().as_secs()
            );
        }
    }
    if ambiguous {
        outln!("\nAMBIGUOUS: these verify as well and rank the same; capture another delivery and pass both files:");
        for other in all.iter().skip(1) {
            outln!("  - {other}");
        }
    } else if all.len() > 1 {
        outln!(
            "(also verifies, ranked lower: {})",
            all.iter()
                .skip(1)
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    outln!("\nConfiguration (esign-webhooks.toml):\n\n{snippet}\n");
    outln!("Rust:\n\n{code}\n");
    if vendor == "esignglobal" {
        outln!("eSignGlobal does not publish its scheme: confirm it with eSignGlobal support before relying on it.");
    }
}

/// Which time `verify` checks timestamps against.
fn clock_for(now: &str, loaded: &Loaded) -> Result<Option<FixedClock>, String> {
    match now {
        "capture" => Ok(Some(FixedClock(loaded.capture.received_at_ms.div_euclid(1000)))),
        "system" => Ok(None),
        seconds => seconds
            .parse::<i64>()
            .map(|s| Some(FixedClock(s)))
            .map_err(|_| format!("--now: `{seconds}` is not capture, system or Unix seconds")),
    }
}

/// `summary`, and the envelope id when the event has one (printable: the body chose it).
fn with_envelope(summary: String, envelope_id: Option<&str>) -> String {
    match envelope_id {
        Some(id) => format!("{summary} (envelope {})", printable(id)),
        None => summary,
    }
}

/// One line: the vendor, the event and, where known, the envelope.
pub(crate) fn event_summary(event: &Event) -> String {
    match event {
        Event::EsignGlobal(e) => with_envelope(format!("eSignGlobal {}", e.kind()), e.envelope_id()),
        Event::SignPlus(e) => with_envelope(format!("Sign.Plus {}", e.kind()), e.envelope_id()),
        Event::Ignisign(d) => format!(
            "Ignisign {} (token not confirmed: verify does not call Ignisign's API)",
            d.topic()
        ),
        Event::Constellation(u) => format!("Constellation1 eSign {:?}", u.data.status),
        other => format!("{} {}", other.vendor(), other.kind_name()),
    }
}

pub fn verify(out: &Output, config_path: &Path, now: &str, files: &[PathBuf]) -> Result<bool, String> {
    let config = Config::from_file(config_path).map_err(|err| err.to_string())?;
    let mut all_ok = true;
    for file in files {
        let loaded = capture::load(file)?;
        let mut builder = config.builder().map_err(|err| err.to_string())?;
        if let Some(clock) = clock_for(now, &loaded)? {
            builder = builder.clock(clock);
        }
        let webhooks = builder.build().map_err(|err| err.to_string())?;
        let incoming = Incoming::new(&loaded.body, &loaded.headers).with_query(loaded.query());
        match webhooks.dispatch_incoming(&incoming) {
            Ok(event) => {
                if out.json {
                    let mut line = json!({"file": file, "verified": true, "vendor": event.vendor().to_string(),
                        "event": event_summary(&event)});
                    if out.debug {
                        line["debug"] = json!(format!("{event:?}"));
                    }
                    outln!("{line}");
                } else if out.debug {
                    outln!("VERIFIED {}: {}\n{event:#?}", file.display(), event_summary(&event));
                } else {
                    outln!("VERIFIED {}: {}", file.display(), event_summary(&event));
                }
            }
            Err(err) => {
                all_ok = false;
                let status = err.status().as_u16();
                if out.json {
                    outln!(
                        "{}",
                        json!({"file": file, "verified": false, "error": err.to_string(),
                            "kind": format!("{:?}", err.kind()), "status": status})
                    );
                } else {
                    outln!(
                        "FAILED {}: {err}\n  kind: {:?}\n  the crate would answer HTTP {status}",
                        file.display(),
                        err.kind()
                    );
                }
            }
        }
    }
    Ok(all_ok)
}

pub fn inspect(out: &Output, file: &Path) -> Result<bool, String> {
    let loaded = capture::load(file)?;
    // Only vendors whose format claims the body: every vendor's parse is
    // lenient enough that several accept another's body (eSignGlobal's
    // ENVELOPE_FINISH parses as an Adobe Acrobat Sign event too).
    let (strong, weak) = dangerous::vendors_claiming(&loaded.body);
    let claimed = if strong.is_empty() { weak } else { strong };
    let parse = |vendor: Vendor| {
        dangerous::parse_unverified(vendor, &loaded.body)
            .ok()
            .map(|e| (vendor, e))
    };
    let parsed: Vec<(Vendor, Event)> = claimed.iter().copied().filter_map(parse).collect();
    // The others whose parse accepts it anyway, named but not shown as events.
    let unclaimed: Vec<Vendor> = Vendor::ALL
        .iter()
        .copied()
        .filter(|vendor| !claimed.contains(vendor))
        .filter(|&vendor| parse(vendor).is_some())
        .collect();
    // An allow-list of descriptive headers: a token can sit in a header of any name.
    let headers: Vec<(String, String)> = loaded
        .headers
        .iter()
        .map(|(name, value)| (name.clone(), redact::header_value(name, value).into_owned()))
        .collect();
    let query = loaded.query().map(redact::query);
    if out.json {
        let parsed_as: Vec<_> = parsed
            .iter()
            .map(|(v, e)| {
                let mut entry = json!({"vendor": v.to_string(), "event": event_summary(e)});
                if out.debug {
                    entry["debug"] = json!(format!("{e:?}"));
                }
                entry
            })
            .collect();
        outln!(
            "{}",
            json!({
                "file": file, "verified": false, "method": loaded.capture.method, "path": loaded.path_shown(),
                "query": query, "headers": headers, "body_bytes": loaded.body.len(),
                "parsed_as": parsed_as,
                "also_parses_unclaimed": unclaimed.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
            })
        );
        return Ok(!parsed.is_empty());
    }
    outln!("NOT VERIFIED: inspect parses the body without checking any signature or token.\n");
    outln!(
        "{} {} ({} bytes, received at {} ms)",
        printable(&loaded.capture.method),
        printable(&loaded.target_shown()),
        loaded.body.len(),
        loaded.capture.received_at_ms
    );
    for (name, value) in &headers {
        outln!("  {}: {}", printable(name), printable(value));
    }
    match parsed.as_slice() {
        [] => outln!("\nthe body has no vendor's distinctive shape"),
        [_] => {}
        _ => outln!("\nthe body has several vendors' shapes:"),
    }
    for (vendor, event) in &parsed {
        if out.debug {
            outln!("\n{vendor}: {}\n{event:#?}", event_summary(event));
        } else {
            outln!("\n{vendor}: {}", event_summary(event));
        }
    }
    if !unclaimed.is_empty() {
        let names: Vec<String> = unclaimed.iter().map(|v| v.to_string()).collect();
        outln!(
            "\nalso accepted by the parse of (their format does not claim the body): {}",
            names.join(", ")
        );
    }
    if !out.debug && !parsed.is_empty() {
        outln!("\n(--debug prints the full event)");
    }
    Ok(!parsed.is_empty())
}

fn vendor_name(key: &str) -> &'static str {
    key.parse::<Vendor>().map_or("an unknown vendor", Vendor::name)
}

pub fn send(
    out: &Output,
    config_path: &Path,
    url: &str,
    vendor: Option<&str>,
    event: Option<&str>,
) -> Result<bool, String> {
    if event == Some("list") {
        for (key, name, _) in SAMPLES {
            outln!("{key} {name}");
        }
        return Ok(true);
    }
    let config = Config::from_file(config_path).map_err(|err| err.to_string())?;
    if let Some(vendor) = vendor {
        if config.vendor(vendor).is_none() {
            return Err(format!(
                "vendor `{vendor}` is not configured in {}",
                config_path.display()
            ));
        }
    }
    let client = reqwest::blocking::Client::new();
    let mut all_ok = true;
    let mut sent = 0;
    for (key, table) in config.vendors().filter(|(key, _)| vendor.is_none_or(|v| v == *key)) {
        let samples: Vec<_> = SAMPLES.iter().filter(|(k, _, _)| *k == key).collect();
        let chosen: Vec<_> = match event {
            Some(name) => samples.into_iter().filter(|(_, n, _)| *n == name).collect(),
            None => samples.into_iter().take(1).collect(),
        };
        for (_, name, body) in chosen {
            let mut body = body.to_vec();
            if key == "ignisign" {
                body = ignisign_body(&body, table)?;
            }
            let secrets = table
                .secrets(key, &|var| std::env::var(var).ok())
                .map_err(|err| err.to_string())?;
            let sign::Delivery { body, headers, query } = sign::sign(key, table, secrets, &body)?;
            let target = match query {
                Some(query) if url.contains('?') => format!("{url}&{query}"),
                Some(query) => format!("{url}?{query}"),
                None => url.to_owned(),
            };
            let mut builder = client.post(&target).body(body);
            if !headers
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            {
                builder = builder.header("content-type", "application/json");
            }
            for (name, value) in &headers {
                builder = builder.header(name.as_str(), value.as_str());
            }
            sent += 1;
            let outcome = builder.send().map(|r| r.status().as_u16());
            let ok = matches!(outcome, Ok(200..=299));
            all_ok &= ok;
            let shown_url = redact::url(url);
            // JSON: the status a number (`null` when nothing answered, with an `error`).
            let (status, error) = match outcome {
                Ok(status) => (Some(status), None),
                Err(err) => (None, Some(send_error(err, &target))),
            };
            if out.json {
                let mut line = json!({"vendor": key, "event": name, "url": shown_url, "status": status, "ok": ok});
                if let Some(error) = &error {
                    line["error"] = json!(error);
                }
                outln!("{line}");
            } else {
                let shown = match (status, &error) {
                    (Some(status), _) => status.to_string(),
                    (None, error) => format!("error: {}", error.as_deref().unwrap_or("no answer")),
                };
                outln!("sent {} {name} to {shown_url}: {shown}", vendor_name(key));
            }
        }
    }
    if sent == 0 {
        return Err(format!(
            "no sample matches (see `esign-webhooks send --config {} --url {} --event list`)",
            config_path.display(),
            redact::url(url)
        ));
    }
    Ok(all_ok)
}

/// An Ignisign sample addressed to the configured application.
pub(crate) fn ignisign_body(body: &[u8], table: &esign_webhooks::config::VendorConfig) -> Result<Vec<u8>, String> {
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(|err| err.to_string())?;
    if let (Some(object), Some(app_id)) = (value.as_object_mut(), table.own_key("app_id")) {
        object.insert("appId".to_owned(), json!(app_id));
        if let Some(env) = table.own_key("app_env") {
            object.insert("appEnv".to_owned(), json!(env));
        }
    }
    serde_json::to_vec_pretty(&value).map_err(|err| err.to_string())
}

/// Headers a client sets itself from the connection and the body.
const HOP_BY_HOP: [&str; 5] = [
    "host",
    "content-length",
    "connection",
    "transfer-encoding",
    "keep-alive",
];

pub fn replay(out: &Output, file: &Path, url: &str) -> Result<bool, String> {
    let loaded = capture::load(file)?;
    let target = match loaded.query() {
        Some(query) if !url.contains('?') => format!("{url}?{query}"),
        _ => url.to_owned(),
    };
    let method = reqwest::Method::from_bytes(loaded.capture.method.as_bytes()).map_err(|err| err.to_string())?;
    let mut headers = reqwest::header::HeaderMap::new();
    for (name, value) in &loaded.headers {
        if HOP_BY_HOP.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let name =
            reqwest::header::HeaderName::from_bytes(name.as_bytes()).map_err(|err| format!("header {name}: {err}"))?;
        let value = reqwest::header::HeaderValue::from_bytes(value).map_err(|err| format!("header {name}: {err}"))?;
        headers.append(name, value);
    }
    // The captured credentials are sent as they are; only what is printed is redacted.
    let shown_url = redact::url(url);
    let response = reqwest::blocking::Client::new()
        .request(method, &target)
        .headers(headers)
        .body(loaded.body.clone())
        .send()
        .map_err(|err| format!("cannot send to {shown_url}: {}", send_error(err, &target)))?;
    let status = response.status().as_u16();
    let ok = (200..300).contains(&status);
    if out.json {
        outln!(
            "{}",
            json!({"file": file, "url": shown_url, "status": status, "ok": ok})
        );
    } else {
        outln!("replayed {} to {shown_url}: {status}", file.display());
    }
    Ok(ok)
}

/// A failed request's error and its causes, on one line, without the URL:
/// reqwest's text names the URL, query token and user information included.
/// Every cause's text is scrubbed of `target` as well, in case one quotes it.
pub(crate) fn send_error(err: reqwest::Error, target: &str) -> String {
    let err = err.without_url();
    let mut text = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    scrub_url(&text, target)
}

/// `text` with every appearance of `target`, of its query string and of its
/// user information replaced by their redacted forms.
fn scrub_url(text: &str, target: &str) -> String {
    let mut text = text.replace(target, &redact::url(target));
    if let Some((_, query)) = target.split_once('?') {
        let query = query.split_once('#').map_or(query, |(query, _)| query);
        if !query.is_empty() {
            text = text.replace(query, &redact::query(query));
        }
    }
    // Up to the last `@` before the query: a password may hold a raw `/`.
    let before_query = target.split(['?', '#']).next().unwrap_or(target);
    let after_scheme = before_query.split_once("://").map(|(_, after)| after);
    if let Some((user_info, _)) = after_scheme.and_then(|after| after.rsplit_once('@')) {
        if !user_info.is_empty() {
            text = text.replace(user_info, redact::REDACTED);
        }
    }
    text.replace(['\n', '\r'], " ")
}

/// `text` with control characters escaped: a capture file is anyone's text,
/// and a terminal obeys escape sequences.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().collect()
            } else {
                c.to_string()
            }
        })
        .collect()
}
