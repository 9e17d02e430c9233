//! Scalars whose JSON type the pages disagree on: times and `signOrder`.
//!
//! Both arrive either as a JSON number or as a string. Each is kept in the
//! form received and serialized back the same way, so nothing is lost.

use core::fmt;

/// A time field: `envelopeStartTime`, `envelopeCreateTime`,
/// `envelopeEndTime`, `expireTime`, `signDate`, `viewedTime`.
///
/// What eSignGlobal documents, and what it does not:
///
/// * App callback channel: "timestamp" and, for `expireTime`, "long", which the
///   zh-Hant pages describe as a Unix timestamp in **milliseconds**.
/// * Webhook channel: "string" on most pages, "timestamp" on the Cancel and
///   Expired pages. The string format (ISO 8601? `yyyy-MM-dd HH:mm:ss`? which
///   time zone?) and the unit of a numeric timestamp are **not published**.
///
/// So the value is kept exactly as received, and only [`Time::as_millis`]
/// interprets it, conservatively. No date parsing is attempted: a wrong guess
/// about a format or a time zone would be worse than no answer.
///
/// ```
/// use esign_webhooks::esignglobal::Time;
///
/// let app: Time = serde_json::from_str("1735689600000").unwrap();
/// assert_eq!(app, Time::Number(1_735_689_600_000));
/// assert_eq!(app.as_millis(), Some(1_735_689_600_000));
///
/// let webhook: Time = serde_json::from_str(r#""2025-01-01 10:00:00""#).unwrap();
/// assert_eq!(webhook.as_text(), Some("2025-01-01 10:00:00"));
/// assert_eq!(webhook.as_millis(), None);
/// assert_eq!(serde_json::to_string(&webhook).unwrap(), r#""2025-01-01 10:00:00""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Time {
    /// A JSON number (an integral float such as `1.7e12` is accepted and kept as an integer).
    Number(i64),
    /// A JSON string, kept verbatim.
    Text(String),
}

impl Time {
    /// The number as milliseconds since the Unix epoch, when it can be read as one:
    ///
    /// * [`Time::Number`]: the number **as sent**, not converted. The App
    ///   channel documents milliseconds; on the Webhook channel the unit is not
    ///   published, so a value that is plainly seconds (10 digits) is returned
    ///   unchanged, not multiplied.
    /// * [`Time::Text`]: only when the text is made of ASCII digits alone (a
    ///   quoted timestamp); any other text (a formatted date) gives `None`.
    pub fn as_millis(&self) -> Option<i64> {
        match self {
            Time::Number(n) => Some(*n),
            Time::Text(text) => parse_digits(text),
        }
    }

    /// The text, for a time that arrived as a JSON string.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Time::Number(_) => None,
            Time::Text(text) => Some(text),
        }
    }
}

/// The number, or the text as received.
impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Time::Number(n) => write!(f, "{n}"),
            Time::Text(text) => f.write_str(text),
        }
    }
}

impl serde::Serialize for Time {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Time::Number(n) => serializer.serialize_i64(*n),
            Time::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Time {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(NumberOrText("a time as a JSON number or string"))
            .map(|value| match value {
                Scalar::Number(n) => Time::Number(n),
                Scalar::Text(text) => Time::Text(text),
            })
    }
}

/// `signOrder`: the signer's position in the signing sequence. Documented as
/// an int on most pages and as a string on some App callback pages; kept in
/// the form received.
///
/// ```
/// use esign_webhooks::esignglobal::SignOrder;
///
/// let order: SignOrder = serde_json::from_str(r#""2""#).unwrap();
/// assert_eq!(order, SignOrder::Text("2".into()));
/// assert_eq!(order.as_number(), Some(2));
/// assert_eq!(serde_json::from_str::<SignOrder>("2").unwrap().as_number(), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignOrder {
    /// A JSON number (an integral float is accepted and kept as an integer).
    Number(i64),
    /// A JSON string, kept verbatim.
    Text(String),
}

impl SignOrder {
    /// The order as a number: the number itself, or the text when it is an
    /// integer (surrounding spaces and a leading `-` allowed); `None` otherwise.
    pub fn as_number(&self) -> Option<i64> {
        match self {
            SignOrder::Number(n) => Some(*n),
            SignOrder::Text(text) => text.trim().parse().ok(),
        }
    }
}

/// The number, or the text as received.
impl fmt::Display for SignOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignOrder::Number(n) => write!(f, "{n}"),
            SignOrder::Text(text) => f.write_str(text),
        }
    }
}

impl serde::Serialize for SignOrder {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SignOrder::Number(n) => serializer.serialize_i64(*n),
            SignOrder::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> serde::Deserialize<'de> for SignOrder {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(NumberOrText("a sign order as a JSON number or string"))
            .map(|value| match value {
                Scalar::Number(n) => SignOrder::Number(n),
                Scalar::Text(text) => SignOrder::Text(text),
            })
    }
}

/// Parses a non-empty run of ASCII digits (no sign, no spaces).
fn parse_digits(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

enum Scalar {
    Number(i64),
    Text(String),
}

/// Reads an integer (or an integral float) or a string.
struct NumberOrText(&'static str);

impl serde::de::Visitor<'_> for NumberOrText {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
        i64::try_from(v)
            .map(Scalar::Number)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
        // 2^63 is exactly representable; every integral float below it fits an i64.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if v.is_finite() && v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v) {
            #[allow(clippy::cast_possible_truncation)] // integral and in range, checked above
            return Ok(Scalar::Number(v as i64));
        }
        Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }
}
