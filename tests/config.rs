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
        (
            r#"{"signplus": {"app_id": "appId_x", "app_env": "PRODUCTION"}}"#,
            "needs `method`",
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
fn environment_errors_name_the_key_and_the_variable_never_the_value() {
    let config =
        Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": "MISSING"}}"#)
            .unwrap();
    let err = Webhooks::from_config_with_env(&config, env).unwrap_err();
    assert_eq!(err.key_path(), Some("signplus.secret_env"));
    assert!(err.to_string().contains("`MISSING` is not set"), "{err}");

    let config =
        Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X", "secret_env": "EMPTY"}}"#).unwrap();
    assert!(
        Webhooks::from_config_with_env(&config, env)
            .unwrap_err()
            .to_string()
            .contains("is empty")
    );

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
