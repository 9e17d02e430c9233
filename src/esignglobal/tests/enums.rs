//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! Every code of every status enum, both ways, and unknown codes kept.

use crate::esignglobal::{AuthMode, AuthModes, CcStatus, EnvelopeStatus, EventKind, SignerStatus, UserType};

/// Reads `code` as JSON, checks the variant and name, and writes it back.
macro_rules! check_codes {
    ($ty:ident: $($code:literal => $variant:ident, $name:literal;)*) => {{
        $(
            let parsed: $ty = serde_json::from_str(stringify!($code)).unwrap();
            assert_eq!(parsed, $ty::$variant);
            assert_eq!(parsed.code(), $code);
            assert_eq!(parsed.name(), $name);
            assert_eq!(parsed.to_string(), $name);
            assert_eq!(serde_json::to_string(&parsed).unwrap(), stringify!($code));
            // A quoted code is read too.
            assert_eq!(serde_json::from_str::<$ty>(concat!("\"", $code, "\"")).unwrap(), parsed);
            assert_eq!($name.parse::<$ty>().unwrap(), parsed);
        )*
        assert_eq!($ty::KNOWN, [$($ty::$variant),*]);
    }};
}

#[test]
fn envelope_status_codes() {
    check_codes!(EnvelopeStatus:
        1 => InProgress, "In Progress";
        2 => Completed, "Completed";
        3 => Expired, "Expired";
        4 => Declined, "Declined";
        5 => Canceled, "Canceled";
        7 => Interrupted, "Interrupted";
    );
}

#[test]
fn signer_status_codes() {
    check_codes!(SignerStatus:
        0 => Pending, "Pending to Sign";
        1 => InProgress, "In Progress";
        2 => Signed, "Signed";
        3 => Declined, "Declined";
        5 => Interrupted, "Interrupted";
        8 => Viewed, "Viewed";
        9 => DeliveryFailed, "Delivery Failed";
    );
}

#[test]
fn cc_status_user_type_and_auth_mode_codes() {
    check_codes!(CcStatus: 1 => DeliveryFailed, "Delivery Failed";);
    check_codes!(UserType:
        1 => Individual, "Individual";
        2 => Organization, "Organization";
    );
    check_codes!(AuthMode:
        0 => None, "No verification";
        1 => AccessCode, "Access Code";
        2 => IamSmart, "iAM Smart";
        3 => SmsOtp, "SMS OTP";
        4 => IdVerification, "ID Verification";
        5 => EmailOtp, "Email OTP";
    );
}

#[test]
fn unpublished_codes_are_kept() {
    for code in [0, 6, 8, -1, 1000] {
        let status: EnvelopeStatus = serde_json::from_str(&code.to_string()).unwrap();
        assert_eq!(status, EnvelopeStatus::Unknown(code));
        assert_eq!(serde_json::to_string(&status).unwrap(), code.to_string());
    }
    for code in [4, 6, 7, 10] {
        assert_eq!(SignerStatus::from_code(code), SignerStatus::Unknown(code));
    }
    assert_eq!(CcStatus::from_code(0), CcStatus::Unknown(0));
    assert_eq!(UserType::from_code(3), UserType::Unknown(3));
    assert_eq!(EnvelopeStatus::Unknown(6).to_string(), "Unknown(6)");
}

#[test]
fn status_5_is_never_declined() {
    assert_eq!(EnvelopeStatus::from_code(5), EnvelopeStatus::Canceled);
    assert_ne!(EnvelopeStatus::from_code(5), EnvelopeStatus::Declined);
}

#[test]
fn codes_that_are_not_integers_are_rejected() {
    assert!(serde_json::from_str::<EnvelopeStatus>("1.5").is_err());
    assert!(serde_json::from_str::<EnvelopeStatus>(r#""one""#).is_err());
    assert!(serde_json::from_str::<SignerStatus>("true").is_err());
    assert!(serde_json::from_str::<SignerStatus>("4294967296").is_err());
}

#[test]
fn auth_modes_yield_one_mode_per_digit() {
    let codes = |text: &str| AuthModes::new(text).codes().collect::<Vec<_>>();
    assert_eq!(codes("0"), [AuthMode::None]);
    assert_eq!(codes("1,3"), [AuthMode::AccessCode, AuthMode::SmsOtp]);
    assert_eq!(
        codes("2|4;5"),
        [AuthMode::IamSmart, AuthMode::IdVerification, AuthMode::EmailOtp]
    );
    assert_eq!(codes("13"), [AuthMode::AccessCode, AuthMode::SmsOtp]);
    assert_eq!(codes("9"), [AuthMode::Unknown(9)]);
    assert_eq!(codes(""), []);
    assert_eq!(codes("١"), [], "non-ASCII digits are skipped");
}

#[test]
fn auth_modes_are_kept_as_text_in_any_json_shape() {
    let read = |json: &str| serde_json::from_str::<AuthModes>(json).unwrap();
    assert_eq!(read(r#""1,3""#).as_str(), "1,3");
    assert_eq!(read("3").as_str(), "3");
    assert_eq!(read("[1, \"3\"]").as_str(), "1,3");
    assert_eq!(serde_json::to_string(&read("[1,3]")).unwrap(), r#""1,3""#);
    assert_eq!(serde_json::to_string(&read(r#""0""#)).unwrap(), r#""0""#);
    assert!(serde_json::from_str::<AuthModes>("{}").is_err());
    assert!(serde_json::from_str::<AuthModes>("true").is_err());
}

#[test]
fn event_kinds_cover_both_channels() {
    let names = [
        "ENVELOPE_START",
        "ENVELOPE_SIGNER_SIGNED",
        "ENVELOPE_ALL_SIGNER_SIGNED",
        "ENVELOPE_FINISH",
        "ENVELOPE_CANCEL",
        "SIGNER_DECLINED",
        "ENVELOPE_DECLINED",
        "ENVELOPE_EXPIRED",
        "ENVELOPE_DELIVERY_FAILED",
        "ENVELOPE_SIGNER_VIEWED",
        "ENVELOPE_SIGNER_FAILED",
    ];
    assert_eq!(EventKind::KNOWN.len(), names.len());
    for (kind, name) in EventKind::KNOWN.iter().zip(names) {
        assert_eq!(kind.as_str(), name);
        assert_eq!(EventKind::from_wire(name), *kind);
    }
    let declined: Vec<_> = EventKind::KNOWN.iter().filter(|k| k.is_declined()).collect();
    assert_eq!(declined, [&EventKind::SignerDeclined, &EventKind::EnvelopeDeclined]);
    // The wire names are exact: another case is a name the crate does not know.
    assert_eq!(
        EventKind::from_wire("envelope_finish"),
        EventKind::Unknown("envelope_finish".into())
    );
}
