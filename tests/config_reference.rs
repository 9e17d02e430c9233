//! The configuration reference in the `config` module's documentation: every
//! vendor in the table has a `[<slug>]` example there, and every example
//! parses with `Config::from_toml` and builds a `Webhooks` (any variable it
//! names is set).
#![cfg(feature = "config-toml")]

use esign_webhooks::config::Config;
use esign_webhooks::{Vendor, Webhooks};

const MODULE: &str = include_str!("../src/config/mod.rs");

/// The ```toml blocks of the reference section, as TOML text.
fn reference_examples() -> Vec<String> {
    let section = MODULE
        .split("//! # Reference: every vendor's table")
        .nth(1)
        .expect("the config module has a reference section");
    let section = section.split("\n//! # ").next().unwrap_or(section);
    let lines: Vec<&str> = section
        .lines()
        .map(|line| {
            line.strip_prefix("//!")
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .unwrap_or("")
        })
        .collect();
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in lines {
        match (&mut current, line.trim()) {
            (None, "```toml") => current = Some(Vec::new()),
            (Some(block), "```") => {
                blocks.push(block.join("\n"));
                current = None;
            }
            (Some(block), _) => block.push(line),
            (None, _) => {}
        }
    }
    blocks
}

/// The slug of the example's table (its `[slug]` line).
fn slug_of(example: &str) -> Option<&str> {
    example
        .lines()
        .find_map(|line| line.trim().strip_prefix('[')?.strip_suffix(']'))
}

#[test]
fn every_vendor_in_the_table_is_documented() {
    let examples = reference_examples();
    let slugs: Vec<&str> = examples.iter().filter_map(|e| slug_of(e)).collect();
    let missing: Vec<&str> = Vendor::ALL
        .iter()
        .map(|vendor| vendor.slug())
        .filter(|slug| !slugs.contains(slug))
        .collect();
    assert!(missing.is_empty(), "no configuration example for: {missing:?}");
    assert_eq!(slugs.len(), examples.len(), "every example is one vendor's table");
}

#[test]
fn every_documented_example_parses_and_builds() {
    let examples = reference_examples();
    assert!(examples.len() >= Vendor::ALL.len());
    for example in &examples {
        let slug = slug_of(example).unwrap_or("?");
        // A vendor compiled out is refused by name: only enabled ones are checked.
        if !Vendor::ALL.iter().any(|vendor| vendor.slug() == slug) {
            continue;
        }
        let config = Config::from_toml(example).unwrap_or_else(|err| panic!("[{slug}]: {err}\n{example}"));
        // A `whsec_…` secret must be base64 after its prefix (SignatureAPI's example).
        let secret = if example.contains("secret_format = \"standard_webhooks\"") {
            "whsec_YS1ub24tYmxhbmstc2VjcmV0LXZhbHVl"
        } else {
            "a-non-blank-secret-value"
        };
        let webhooks = Webhooks::from_config_with_env(&config, |_| Some(secret.to_owned()))
            .unwrap_or_else(|err| panic!("[{slug}] does not build: {err}\n{example}"));
        assert_eq!(
            webhooks.vendors().iter().map(|v| v.slug()).collect::<Vec<_>>(),
            [slug],
            "{example}"
        );
    }
}

/// Adobe's URL check, from a file: the query token is required once configured.
#[cfg(feature = "adobesign")]
#[test]
fn adobe_url_checks_are_expressible_in_a_file() {
    use esign_webhooks::config::Config;

    let env = |name: &str| match name {
        "ADOBE_ID" => Some("client-1".to_owned()),
        "ADOBE_TOKEN" => Some("url-t0ken".to_owned()),
        _ => None,
    };
    let config = Config::from_toml(
        "[adobesign]\nsecret_env = 'ADOBE_ID'\nquery_parameter = 'token'\nquery_token_env = 'ADOBE_TOKEN'\n",
    )
    .unwrap();
    let webhooks = Webhooks::from_config_with_env(&config, env).unwrap();
    let body = include_bytes!("fixtures/adobesign/agreement_workflow_completed.json");
    let headers = [("x-adobesign-clientid".to_owned(), "client-1".to_owned())];
    let without = esign_webhooks::Incoming::new(body, &headers[..]);
    assert!(
        webhooks.dispatch_incoming(&without).is_err(),
        "the URL token is required"
    );
    let with = esign_webhooks::Incoming::new(body, &headers[..]).with_query(Some("token=url-t0ken"));
    webhooks.dispatch_incoming(&with).unwrap();

    for bad in [
        "[adobesign]\nsecret_env = 'ADOBE_ID'\nquery_parameter = 'token'\n",
        "[adobesign]\nsecret_env = 'ADOBE_ID'\nusername = 'u'\n",
        "[adobesign]\nsecret_env = 'ADOBE_ID'\nquery_parameter = 'token'\nquery_token_env = 'T'\nusername = 'u'\npassword_env = 'P'\n",
        "[adobesign]\nsecret_env = 'ADOBE_ID'\nquery_paramter = 'token'\n",
    ] {
        assert!(Config::from_toml(bad).is_err(), "{bad}");
    }
    // The variable named is not set: the error names the key, not the variable.
    let config =
        Config::from_toml("[adobesign]\nsecret_env = 'ADOBE_ID'\nusername = 'u'\npassword_env = 'NOT_SET_VAR'\n")
            .unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("adobesign.password_env"), "{err}");
    assert!(!err.to_string().contains("NOT_SET_VAR"), "{err}");
}
