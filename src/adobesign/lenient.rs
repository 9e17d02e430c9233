//! Scalars as Adobe's documents show them: its payload templates write every
//! value as a string (`"order": ""`, `"documentVisibilityEnabled": ""`) while
//! real payloads send numbers and booleans. Both are read; an empty string
//! or `null` is `None`.

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

fn scalar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Scalar>, D::Error> {
    Option::<Scalar>::deserialize(deserializer)
}

/// A boolean, or `"true"`/`"false"`, or `""`.
pub(super) fn bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    match scalar(deserializer)? {
        None => Ok(None),
        Some(Scalar::Bool(b)) => Ok(Some(b)),
        Some(Scalar::Text(text)) => match text.trim() {
            "" => Ok(None),
            t if t.eq_ignore_ascii_case("true") => Ok(Some(true)),
            t if t.eq_ignore_ascii_case("false") => Ok(Some(false)),
            _ => Err(serde::de::Error::custom("expected a boolean")),
        },
        Some(_) => Err(serde::de::Error::custom("expected a boolean")),
    }
}

/// An integer, or its digits in a string, or `""`.
pub(super) fn int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    match scalar(deserializer)? {
        None => Ok(None),
        Some(Scalar::Int(n)) => Ok(Some(n)),
        Some(Scalar::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(Scalar::Text(text)) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom("expected an integer")),
        Some(_) => Err(serde::de::Error::custom("expected an integer")),
    }
}

/// A number, or its digits in a string, or `""`.
pub(super) fn float<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    match scalar(deserializer)? {
        None => Ok(None),
        Some(Scalar::Int(n)) => Ok(Some(n as f64)),
        Some(Scalar::Float(n)) => Ok(Some(n)),
        Some(Scalar::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(Scalar::Text(text)) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom("expected a number")),
        Some(_) => Err(serde::de::Error::custom("expected a number")),
    }
}

/// A list, `null` read as empty.
pub(super) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}
