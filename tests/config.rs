//! File configuration: every vendor and every engine method from JSON (and
//! TOML with `config-toml`), secrets from the environment, errors that name
//! the key and the position.

use esign_webhooks::config::{Config, ConfigError};
use esign_webhooks::testing::Signer;
use esign_webhooks::verify::HmacScheme;
use esign_webhooks::{Event, FixedClock, Secret, Vendor, Webhooks};

const ESG_BODY: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");
const SIGNPLUS_BODY: &[u8] = include_bytes!("fixtures/signplus/envelope_completed.json");
const CONSTELLATION_BODY: &[u8] = include_bytes!("fixtures/constellation/session_completed_pascal.json");
const IGNISIGN_BODY: &[u8] = include_bytes!("fixtures/ignisign/signature_request_completed.json");

fn env(name: &str) -> Option<String> {
    match name {
        "ESG_SECRET" => Some("esg-new-secret".to_owned()),
        "ESG_OLD_SECRET" => Some("esg-old-secret".to_owned()),
        "SIGNPLUS_TOKEN" => Some("sp-token-5b1f".to_owned()),
        "CONSTELLATION_PASSWORD" => Some("c1-password".to_owned()),
        "EMPTY" => Some(String::new()),
        _ => None,
    }
}

const JSON: &str = r#"{
  "max_body_size": 65536,
  "esignglobal": {
    "method": "hmac",
    "scheme": "versioned-list=webhook-signature version=v1 id-header=webhook-id timestamp-header=webhook-timestamp separator=\".\" encoding=base64",
    "secret_env": ["ESG_SECRET", "ESG_OLD_SECRET"],
    "tolerance_secs": 60
  },
  "ignisign": {"app_id": "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b", "app_env": "DEVELOPMENT"},
  "signplus": {"method": "query_token", "query_parameter": "token", "secret_env": "SIGNPLUS_TOKEN"},
  "constellation": {"method": "basic_auth", "username": "esign", "secret_env": "CONSTELLATION_PASSWORD"}
}"#;

fn webhooks(config: &Config) -> Webhooks {
    Webhooks::from_config_with_env(config, env).unwrap()
}

#[test]
fn every_vendor_from_json_dispatches_signed_deliveries() {
    let config = Config::from_json(JSON).unwrap();
    assert_eq!(config.max_body_size(), Some(65536));
    let keys: Vec<&str> = config.vendors().map(|(key, _)| key).collect();
    assert_eq!(keys, ["esignglobal", "ignisign", "signplus", "constellation"]);
    let webhooks = webhooks(&config);
    assert_eq!(
        webhooks.vendors(),
        [
            Vendor::EsignGlobal,
            Vendor::Ignisign,
            Vendor::SignPlus,
            Vendor::Constellation
        ]
    );
    assert_eq!(webhooks.max_body_size(), 65536);

    // Both secrets of the rotation are accepted (now, so within any tolerance).
    for secret in ["esg-new-secret", "esg-old-secret"] {
        let request = Signer::hmac(HmacScheme::standard_webhooks(), Secret::new(secret)).sign(ESG_BODY);
        let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
        assert!(matches!(event, Event::EsignGlobal(_)));
    }
    let request = Signer::hmac(HmacScheme::standard_webhooks(), Secret::new("esg-third-secret")).sign(ESG_BODY);
    assert_eq!(
        webhooks.dispatch(&request.body, &request.headers).unwrap_err().status(),
        401
    );
    // The file's tolerance (60 s) applies: a delivery signed 10 minutes ago is refused.
    let old = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        - 600;
    let request = Signer::hmac(HmacScheme::standard_webhooks(), Secret::new("esg-new-secret"))
        .at(old)
        .sign(ESG_BODY);
    assert!(webhooks.dispatch(&request.body, &request.headers).is_err());

    let request = Signer::query_token("token", Secret::new("sp-token-5b1f")).sign(SIGNPLUS_BODY);
    let event = webhooks.dispatch_incoming(&request.incoming()).unwrap();
    assert!(matches!(event, Event::SignPlus(_)));
    let wrong = Signer::query_token("token", Secret::new("guess")).sign(SIGNPLUS_BODY);
    assert_eq!(webhooks.dispatch_incoming(&wrong.incoming()).unwrap_err().status(), 401);

    let request = Signer::basic_auth("esign", Secret::new("c1-password")).sign(CONSTELLATION_BODY);
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers).unwrap(),
        Event::Constellation(_)
    ));

    let headers = [("Content-Type", "application/json")];
    assert!(matches!(
        webhooks.dispatch(IGNISIGN_BODY, &headers).unwrap(),
        Event::Ignisign(_)
    ));
    // Another application id is refused: the file's app id is the one checked.
    let other = Config::from_json(
        r#"{"ignisign": {"app_id": "appId_00000000-0000-0000-0000-000000000000", "app_env": "DEVELOPMENT"}}"#,
    )
    .unwrap();
    let err = Webhooks::from_config(&other)
        .unwrap()
        .dispatch(IGNISIGN_BODY, &headers)
        .unwrap_err();
    assert!(
        matches!(err.kind(), esign_webhooks::ErrorKind::RecipientMismatch { .. }),
        "{err}"
    );
}

#[test]
fn esignglobal_from_config_verifies_with_a_fixed_clock() {
    let config = Config::from_json(JSON).unwrap();
    let at = 1_735_725_600;
    let request = Signer::hmac(HmacScheme::standard_webhooks(), Secret::new("esg-new-secret"))
        .at(at)
        .sign(ESG_BODY);
    // `from_config` uses the system clock; the same verifier through the builder with a fixed clock:
    let verifier = esign_webhooks::esignglobal::Verifier::new(
        Secret::new("esg-new-secret"),
        config.vendor("esignglobal").unwrap().scheme.clone().unwrap(),
    );
    let webhooks = Webhooks::builder()
        .esignglobal(verifier)
        .clock(FixedClock(at))
        .build()
        .unwrap();
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers).unwrap(),
        Event::EsignGlobal(_)
    ));
}

#[test]
fn header_token_and_unverified() {
    let config = Config::from_json(
        r#"{"signplus": {"method": "header_token", "header": "X-Webhook-Token", "secret_env": "SIGNPLUS_TOKEN"},
            "constellation": {"method": "dangerous_accept_unverified"}}"#,
    )
    .unwrap();
    let webhooks = webhooks(&config);
    let ok = webhooks.dispatch(SIGNPLUS_BODY, &[("X-Webhook-Token", "sp-token-5b1f")]);
    assert!(matches!(ok, Ok(Event::SignPlus(_))));
    assert!(
        webhooks
            .dispatch(SIGNPLUS_BODY, &[("X-Webhook-Token", "nope")])
            .is_err()
    );
    let headers: [(&str, &str); 0] = [];
    assert!(matches!(
        webhooks.dispatch(CONSTELLATION_BODY, &headers),
        Ok(Event::Constellation(_))
    ));
}

#[test]
fn inline_secrets_need_the_dangerous_key() {
    let err = Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X-T", "secret": "t0ken"}}"#)
        .unwrap_err();
    assert!(err.to_string().contains("unknown field `secret`"), "{err}");
    let config = Config::from_json(
        r#"{"signplus": {"method": "header_token", "header": "X-T", "dangerous_inline_secret": "t0ken"}}"#,
    )
    .unwrap();
    assert!(!format!("{config:?}").contains("t0ken"));
    let webhooks = Webhooks::from_config_with_env(&config, |_| None).unwrap();
    assert!(webhooks.dispatch(SIGNPLUS_BODY, &[("X-T", "t0ken")]).is_ok());
}

fn json_error(text: &str) -> ConfigError {
    Config::from_json(text).unwrap_err()
}

#[test]
fn file_errors_name_the_key_and_the_position() {
    let err = json_error("{\n  \"signplus\": {\n    \"method\": \"header_token\",\n    \"secret_env\": \"S\"\n  }\n}");
    assert_eq!(err.position(), Some((5, 3)));
    assert!(err.message().contains("needs `header`"), "{err}");

    // `hmac` without `scheme`: the vendor's documented scheme, where it has one;
    // Sign.Plus documents none, so its table must give one.
    let config = Config::from_json(r#"{"signplus": {"method": "hmac", "secret_env": "S"}}"#).unwrap();
    let err = Webhooks::from_config_with_env(&config, |_| Some("s".to_owned())).unwrap_err();
    assert_eq!(err.key_path(), Some("signplus.scheme"), "{err}");
    let config = Config::from_json(r#"{"docusign": {"method": "hmac", "secret_env": "S"}}"#).unwrap();
    assert!(Webhooks::from_config_with_env(&config, |_| Some("s".to_owned())).is_ok());

    let err = json_error(
        "{\"esignglobal\": {\"method\": \"hmac\", \"scheme\": \"header=X encoding=rot13\", \"secret_env\": \"S\"}}",
    );
    assert!(err.message().contains("rot13"), "{err}");
    assert_eq!(err.position().map(|(line, _)| line), Some(1));

    let cases = [
        (r#"{"hellosign": {}}"#, "unknown key `hellosign`"),
        (
            r#"{"signplus": {"header": "X", "secret_env": "S"}}"#,
            "`header` goes with method = \"header_token\" only",
        ),
        (
            r#"{"signplus": {"method": "header_token", "header": "X"}}"#,
            "needs `secret_env`",
        ),
        (
            r#"{"signplus": {"method": "dangerous_accept_unverified", "secret_env": "S"}}"#,
            "takes no secret",
        ),
        (
            r#"{"ignisign": {"method": "header_token", "header": "X", "secret_env": "S"}}"#,
            "not `method`",
        ),
        (r#"{"ignisign": {"app_id": "appId_x"}}"#, "`app_env`"),
        // Another vendor's own keys are unknown keys of the engine's table.
        (
            r#"{"signplus": {"app_id": "appId_x", "app_env": "PRODUCTION"}}"#,
            "unknown field `app_id`",
        ),
        (
            r#"{"ignisign": {"app_id": "appId_x", "app_env": "PRODUCTION", "secret_env": "S"}}"#,
            "not `secret_env`",
        ),
        (
            r#"{"ignisign": {"app_id": "appId_x", "app_env": "PRODUCTION", "api_key_env": "K"}}"#,
            "not both",
        ),
        (
            r#"{"signplus": {"method": "query_token", "query_parameter": "t", "secret_env": "S", "dangerous_inline_secret": "x"}}"#,
            "not both",
        ),
        (
            r#"{"signplus": {"method": "hmac", "scheme": "header=X encoding=hex", "secret_env": "S", "tolerance_secs": 5}}"#,
            "signs a timestamp",
        ),
        ("{}", "no vendor is configured"),
    ];
    for (text, expected) in cases {
        let err = json_error(text);
        assert!(err.to_string().contains(expected), "{text}: {err}");
        assert!(err.position().is_some(), "{text}");
    }
}

#[test]
fn environment_errors_name_the_key_never_the_value() {
    let config =
        Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": "MISSING"}}"#)
            .unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("signplus.secret_env"));
    assert_eq!(
        err.to_string(),
        "`signplus.secret_env`: the environment variable it names is not set"
    );

    let config =
        Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": "EMPTY"}}"#).unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("signplus.secret_env"));
    assert!(err.to_string().contains("is blank"), "{err}");

    let config = Config::from_json(
        r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": "SIGNPLUS_TOKEN", "secret_format": "base64"}}"#,
    )
    .unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert!(err.to_string().contains("secret_format"), "{err}");
    assert!(!err.to_string().contains("sp-token-5b1f"));
}

#[test]
fn files_are_read_by_extension() {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("webhooks.json");
    std::fs::write(&json, JSON).unwrap();
    assert_eq!(Config::from_file(&json).unwrap(), Config::from_json(JSON).unwrap());
    std::fs::write(&json, "{\"signplus\": 3}").unwrap();
    let err = Config::from_file(&json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: line 1 column", json.display())),
        "{err}"
    );
    let err = Config::from_file(dir.join("absent.json")).unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(feature = "config-toml")]
mod toml_files {
    use super::*;

    const TOML: &str = r#"
max_body_size = 65536

[esignglobal]
method = "hmac"
scheme = 'versioned-list=webhook-signature version=v1 id-header=webhook-id timestamp-header=webhook-timestamp separator="." encoding=base64'
secret_env = ["ESG_SECRET", "ESG_OLD_SECRET"]
tolerance_secs = 60

[ignisign]
app_id = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b"
app_env = "DEVELOPMENT"

[signplus]
method = "query_token"
query_parameter = "token"
secret_env = "SIGNPLUS_TOKEN"

[constellation]
method = "basic_auth"
username = "esign"
secret_env = "CONSTELLATION_PASSWORD"
"#;

    #[test]
    fn toml_and_json_are_the_same_configuration() {
        assert_eq!(Config::from_toml(TOML).unwrap(), Config::from_json(JSON).unwrap());
        let webhooks = webhooks(&Config::from_toml(TOML).unwrap());
        assert_eq!(
            webhooks.vendors(),
            [
                Vendor::EsignGlobal,
                Vendor::Ignisign,
                Vendor::SignPlus,
                Vendor::Constellation
            ]
        );
    }

    #[test]
    fn toml_errors_have_a_position() {
        let err = Config::from_toml("[signplus]\nmethod = \"header_token\"\nheadr = \"X\"\nsecret_env = \"S\"\n")
            .unwrap_err();
        assert_eq!(err.position().map(|(line, _)| line), Some(3), "{err}");
        assert!(err.message().contains("headr"), "{err}");
        let err =
            Config::from_toml("[signplus]\nmethod = \"hmac\"\nscheme = 'header=X'\nsecret_env = \"S\"\n").unwrap_err();
        assert!(err.message().contains("`encoding=`"), "{err}");
        assert!(err.position().is_some());
    }
}

/// The vendors with a check of their own need only their secret: no `method`.
#[test]
fn own_check_vendors_need_no_method() {
    let config = Config::from_json(
        r#"{"dropboxsign": {"secret_env": "DS"}, "signwell": {"secret_env": "SW"}, "adobesign": {"secret_env": "AD"}}"#,
    )
    .unwrap();
    let webhooks = Webhooks::from_config_with_env(&config, |_| Some("value".to_owned())).unwrap();
    assert_eq!(
        webhooks.vendors(),
        [Vendor::DropboxSign, Vendor::AdobeSign, Vendor::SignWell]
    );
    // An engine vendor still needs one, named by key.
    let config = Config::from_json(r#"{"yousign": {"secret_env": "Y"}}"#).unwrap();
    let err = Webhooks::from_config_with_env(&config, |_| Some("value".to_owned())).unwrap_err();
    assert_eq!(err.key_path(), Some("yousign.method"), "{err}");
}

/// A secret written where a variable name belongs (`secret_env = "<the secret>"`)
/// is never printed back: not by the error, not by `Debug`.
#[test]
fn a_secret_misplaced_in_secret_env_is_never_printed() {
    const MISPLACED: &str = "whsec_MzE4Yjc2ZDQtbWlzcGxhY2Vk";
    let config = Config::from_json(&format!(
        r#"{{"documenso": {{"method": "header_token", "header": "X-Documenso-Secret", "secret_env": "{MISPLACED}"}}}}"#
    ))
    .unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("documenso.secret_env"));
    for shown in [err.to_string(), format!("{err:?}"), err.message().to_owned()] {
        assert!(!shown.contains(MISPLACED) && !shown.contains("MzE4Yjc2"), "{shown}");
    }
    assert!(err.to_string().contains("is not set"), "{err}");

    // In a rotation list the variable is told by its place.
    let config = Config::from_json(&format!(
        r#"{{"signplus": {{"method": "header_token", "header": "X", "secret_env": ["SIGNPLUS_TOKEN", "{MISPLACED}"]}}}}"#
    ))
    .unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("signplus.secret_env"));
    assert!(err.to_string().contains("variable 2 of the 2"), "{err}");
    assert!(!err.to_string().contains(MISPLACED), "{err}");

    // Ignisign's `api_key_env` likewise.
    let config = Config::from_json(&format!(r#"{{"ignisign": {{"api_key_env": "sk_live_{MISPLACED}"}}}}"#)).unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("ignisign.api_key_env"));
    assert!(!err.to_string().contains(MISPLACED), "{err}");
}

#[test]
fn debug_shows_no_secret_env_value_nor_inline_secret() {
    let config = Config::from_json(
        r#"{"signplus": {"method": "header_token", "header": "X-T", "secret_env": ["SP_VAR_ONE", "SP_VAR_TWO"]},
            "documenso": {"method": "header_token", "header": "X-Documenso-Secret", "dangerous_inline_secret": "dm-inline-s3cret"},
            "ignisign": {"api_key_env": "IGNISIGN_KEY_VAR"}}"#,
    )
    .unwrap();
    for shown in [
        format!("{config:?}"),
        format!("{config:#?}"),
        format!("{:?}", config.vendor("signplus").unwrap()),
    ] {
        for secret in ["SP_VAR_ONE", "SP_VAR_TWO", "dm-inline-s3cret", "IGNISIGN_KEY_VAR"] {
            assert!(!shown.contains(secret), "{secret}: {shown}");
        }
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }
    // What is not a secret stays visible, for debugging.
    assert!(format!("{config:?}").contains("X-Documenso-Secret"));
    assert!(format!("{config:?}").contains("2 variable(s)"));
}

#[test]
fn blank_secrets_are_refused_naming_the_key() {
    let config =
        Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": ["A", "B"]}}"#)
            .unwrap();
    for blank in ["", "   ", "\t\r\n ", "\u{a0}"] {
        let err = Webhooks::from_config_with_env(&config, |name| {
            Some(if name == "A" {
                "real-secret".to_owned()
            } else {
                blank.to_owned()
            })
        })
        .unwrap_err();
        assert_eq!(err.key_path(), Some("signplus.secret_env"), "{blank:?}");
        assert!(
            err.to_string().contains("variable 2 of the 2 it names is blank"),
            "{err}"
        );
    }
    // The same for the vendors with a check of their own.
    let config = Config::from_json(r#"{"signwell": {"secret_env": "SW"}}"#).unwrap();
    let err = Webhooks::from_config_with_env(&config, |_| Some("  ".to_owned())).unwrap_err();
    assert_eq!(err.key_path(), Some("signwell.secret_env"), "{err}");
    // An inline secret is refused when the file is read, at its table.
    let err = json_error(
        "{\"signplus\": {\"method\": \"header_token\", \"header\": \"X\",\n \"dangerous_inline_secret\": \"   \"}}",
    );
    assert!(err.message().contains("`dangerous_inline_secret` is blank"), "{err}");
    assert_eq!(err.position().map(|(line, _)| line), Some(2), "{err}");
    let err = json_error(
        r#"{"signplus": {"method": "header_token", "header": "X", "dangerous_inline_secret": ["ok-secret", ""]}}"#,
    );
    assert!(err.message().contains("is blank"), "{err}");
    // Ignisign's API key variable.
    let config = Config::from_json(r#"{"ignisign": {"api_key_env": "K"}}"#).unwrap();
    let err = Webhooks::from_config_with_env(&config, |_| Some(" ".to_owned())).unwrap_err();
    assert_eq!(err.key_path(), Some("ignisign.api_key_env"));
    assert!(err.to_string().contains("blank"), "{err}");
}

#[test]
fn max_body_size_is_at_most_64_mib() {
    let table = r#""signwell": {"secret_env": "SW"}"#;
    let with_size = |size: &str| Config::from_json(&format!("{{\"max_body_size\": {size}, {table}}}"));
    // Adobe's documented 10 MB, and the limit itself, are accepted.
    assert_eq!(with_size("10485760").unwrap().max_body_size(), Some(10 * 1024 * 1024));
    assert_eq!(
        with_size("67108864").unwrap().max_body_size(),
        Some(esign_webhooks::config::MAX_BODY_SIZE_LIMIT)
    );
    let webhooks = Webhooks::from_config_with_env(&with_size("10485760").unwrap(), |_| Some("id".to_owned())).unwrap();
    assert_eq!(webhooks.max_body_size(), 10 * 1024 * 1024);
    for refused in ["67108865", "18446744073709551615", "1099511627776"] {
        let err = with_size(refused).unwrap_err();
        assert!(
            err.message()
                .contains("`max_body_size` is at most 67108864 bytes (64 MiB)"),
            "{refused}: {err}"
        );
        assert!(err.position().is_some(), "{err}");
        assert!(!err.to_string().contains(refused), "{err}");
    }
    let err = with_size("-1").unwrap_err();
    assert!(err.message().starts_with("invalid value: an integer"), "{err}");
    assert!(!err.to_string().contains("-1"), "{err}");
}

/// A value the parser refuses is not quoted back: it may be a secret put in
/// the wrong key. The key and the position are kept.
#[test]
fn parse_errors_drop_the_refused_value_and_keep_the_position() {
    const SECRET: &str = "s3cr3t-pasted-f00d";
    let cases = [
        format!("{{\"signplus\": {{\n\"method\": \"{SECRET}\", \"header\": \"X\", \"secret_env\": \"S\"}}}}"),
        format!("{{\n\"max_body_size\": \"{SECRET}\", \"signplus\": {{}}}}"),
        format!("{{\"signplus\": {{\"method\": \"header_token\",\n \"header\": \"X\", \"secret_env\": {{\"{SECRET}\": 1}}}}}}"),
        format!("{{\"signplus\": {{\"method\": \"header_token\", \"header\": \"X\",\n \"secret_format\": \"{SECRET}\", \"secret_env\": \"S\"}}}}"),
        format!("{{\"signplus\": {{\"method\": \"header_token\", \"header\": \"X\",\n \"tolerance_secs\": \"{SECRET}\", \"secret_env\": \"S\"}}}}"),
        "{\"signplus\": {\"method\": \"header_token\",\n \"header\": \"X\", \"tolerance_secs\": 31415926535897932384626}}".to_owned(),
    ];
    for text in &cases {
        let err = json_error(text);
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(SECRET) && !shown.contains("31415926535"), "{shown}");
        assert_eq!(err.position().map(|(line, _)| line), Some(2), "{shown}");
        assert!(!err.message().contains('\n'), "{shown}");
    }
    // Keys are named, values are not.
    let err = json_error(&format!("{{\"signplus\": {{\"method\": \"{SECRET}\"}}}}"));
    assert!(
        err.message().starts_with("unknown variant, expected one of `hmac`"),
        "{err}"
    );
    let err = json_error(&format!(
        "{{\"signplus\": {{\"method\": \"hmac\", \"secret_env\": \"S\", \"tolerance_secs\": \"{SECRET}\"}}}}"
    ));
    assert!(
        err.message().starts_with("invalid type: a string, expected u64"),
        "{err}"
    );
}

#[cfg(feature = "config-toml")]
#[test]
fn toml_errors_drop_the_source_line_and_the_value() {
    const SECRET: &str = "s3cr3t-pasted-f00d";
    let cases = [
        // A syntax error: toml's `Display` would quote the source line.
        format!("[signplus]\nmethod = \"header_token\"\nheader = \"X\"\nsecret_env = {SECRET}\n"),
        format!("[signplus]\nmethod = \"{SECRET}\"\nheader = \"X\"\nsecret_env = \"S\"\n"),
        format!("max_body_size = \"{SECRET}\"\n[signplus]\n"),
        format!(
            "[signplus]\nmethod = \"header_token\"\nheader = \"X\"\nsecret_env = \"S\"\ntolerance_secs = \"{SECRET}\"\n"
        ),
        "max_body_size = 18446744073709551615\n[signwell]\nsecret_env = \"S\"\n".to_owned(),
    ];
    for text in &cases {
        let err = Config::from_toml(text).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(
            !shown.contains(SECRET) && !shown.contains("18446744073709551615"),
            "{shown}"
        );
        assert!(!shown.contains(" | "), "a source line: {shown}");
        assert!(!err.message().contains('\n'), "{shown}");
        assert!(err.position().is_some(), "{shown}");
    }
    let err = Config::from_toml("max_body_size = 67108865\n[signwell]\nsecret_env = \"S\"\n").unwrap_err();
    assert!(err.message().contains("at most 67108864"), "{err}");
    assert_eq!(err.position().map(|(line, _)| line), Some(1), "{err}");
}

/// Ignisign's table is Ignisign's own: read by its verifier inside the
/// file's reader, so its errors keep their line, and its keys are kept for
/// it alone (their values never shown by `Debug`).
#[test]
fn a_vendors_own_table_is_checked_where_it_stands() {
    let err = json_error(
        "{\n  \"signplus\": {\"method\": \"header_token\", \"header\": \"X\", \"secret_env\": \"S\"},\n  \"ignisign\": {\"app_id\": \"appId_x\",\n    \"secret_env\": \"S\"}\n}",
    );
    assert!(err.message().contains("not `secret_env`"), "{err}");
    assert_eq!(err.position().map(|(line, _)| line), Some(4), "{err}");

    let config = Config::from_json(r#"{"ignisign": {"app_id": "appId_x", "app_env": "PRODUCTION"}}"#).unwrap();
    let table = config.vendor("ignisign").unwrap();
    assert_eq!(table.own_key("app_id"), Some("appId_x"));
    assert_eq!(table.own_key("app_env"), Some("PRODUCTION"));
    assert_eq!(table.own_key("api_key_env"), None);
    assert_eq!(table.method, None);
    let shown = format!("{table:?}");
    assert!(shown.contains("app_id") && !shown.contains("appId_x"), "{shown}");

    // An engine vendor's table has no own keys.
    let config =
        Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": "S"}}"#).unwrap();
    assert_eq!(config.vendor("signplus").unwrap().own_key("app_id"), None);
}
