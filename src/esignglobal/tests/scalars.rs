//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! Times and sign orders: numbers or strings, kept as received.

use crate::esignglobal::{SignOrder, Time};

#[test]
fn times_keep_their_json_type() {
    let number: Time = serde_json::from_str("1735689600000").unwrap();
    assert_eq!(number, Time::Number(1_735_689_600_000));
    assert_eq!(serde_json::to_string(&number).unwrap(), "1735689600000");
    assert_eq!(number.as_text(), None);
    assert_eq!(number.to_string(), "1735689600000");

    let text: Time = serde_json::from_str(r#""2025-01-01 10:00:00""#).unwrap();
    assert_eq!(text, Time::Text("2025-01-01 10:00:00".into()));
    assert_eq!(serde_json::to_string(&text).unwrap(), r#""2025-01-01 10:00:00""#);
    assert_eq!(text.to_string(), "2025-01-01 10:00:00");
}

#[test]
fn as_millis_reads_numbers_and_digit_strings_only() {
    assert_eq!(Time::Number(1_735_689_600_000).as_millis(), Some(1_735_689_600_000));
    assert_eq!(Time::Number(-5).as_millis(), Some(-5));
    assert_eq!(Time::Text("1735689600000".into()).as_millis(), Some(1_735_689_600_000));
    assert_eq!(Time::Text("2025-01-01 10:00:00".into()).as_millis(), None);
    assert_eq!(Time::Text(" 1735689600000".into()).as_millis(), None);
    assert_eq!(Time::Text("-5".into()).as_millis(), None);
    assert_eq!(Time::Text(String::new()).as_millis(), None);
    assert_eq!(Time::Text("99999999999999999999".into()).as_millis(), None);
}

#[test]
fn integral_floats_are_numbers_and_others_errors() {
    assert_eq!(
        serde_json::from_str::<Time>("1.7356896e12").unwrap(),
        Time::Number(1_735_689_600_000)
    );
    assert_eq!(serde_json::from_str::<Time>("42.0").unwrap(), Time::Number(42));
    assert_eq!(serde_json::from_str::<SignOrder>("2.0").unwrap(), SignOrder::Number(2));
    assert!(serde_json::from_str::<Time>("1.5").is_err());
    assert!(serde_json::from_str::<SignOrder>("0.5").is_err());
    assert!(serde_json::from_str::<Time>("1e300").is_err());
    assert!(serde_json::from_str::<Time>("18446744073709551615").is_err());
    assert!(serde_json::from_str::<Time>("true").is_err());
    assert!(serde_json::from_str::<Time>("{}").is_err());
    assert_eq!(
        serde_json::from_str::<Time>("-9223372036854775808").unwrap(),
        Time::Number(i64::MIN)
    );
}

#[test]
fn sign_orders_keep_their_json_type() {
    let number: SignOrder = serde_json::from_str("3").unwrap();
    assert_eq!(number, SignOrder::Number(3));
    assert_eq!(serde_json::to_string(&number).unwrap(), "3");
    let text: SignOrder = serde_json::from_str(r#""3""#).unwrap();
    assert_eq!(text, SignOrder::Text("3".into()));
    assert_eq!(serde_json::to_string(&text).unwrap(), r#""3""#);
    assert_eq!(text.as_number(), Some(3));
    assert_eq!(SignOrder::Text(" 12 ".into()).as_number(), Some(12));
    assert_eq!(SignOrder::Text("first".into()).as_number(), None);
    assert_eq!(text.to_string(), "3");
}
