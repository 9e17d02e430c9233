//! [`BodyShape`]: what a body looks like at the top level, read once per
//! request and shown to every configured vendor's [`claims`](super::Plugin::claims).

use core::fmt;
use std::borrow::Cow;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The top-level keys of a JSON body (of its first element when the body is
/// an array of objects, as PandaDoc sends), read in one pass that skips every
/// value, and the raw bytes for vendors whose body is not JSON (multipart).
#[derive(Debug)]
pub struct BodyShape<'a> {
    raw: &'a [u8],
    keys: Vec<Cow<'a, str>>,
    array: bool,
    json_error: Option<serde_json::Error>,
}

impl<'a> BodyShape<'a> {
    /// Reads the top level of `body`.
    pub(crate) fn of(body: &'a [u8]) -> BodyShape<'a> {
        let mut shape = BodyShape {
            raw: body,
            keys: Vec::new(),
            array: false,
            json_error: None,
        };
        match serde_json::Deserializer::from_slice(body).deserialize_any(TopVisitor) {
            Ok(Top::Object(keys)) => shape.keys = keys,
            Ok(Top::Array(keys)) => {
                shape.keys = keys;
                shape.array = true;
            }
            Ok(Top::Other) => {}
            Err(err) => shape.json_error = Some(err),
        }
        shape
    }

    /// The raw body.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// `true` when the top level (or the first element of a top-level array) has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    /// Like [`has`](BodyShape::has), ignoring ASCII case.
    pub fn has_ignore_case(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k.eq_ignore_ascii_case(key))
    }

    /// The top-level keys, in body order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| k.as_ref())
    }

    /// `true` when the body is a JSON array (the keys are then its first element's).
    pub fn is_array(&self) -> bool {
        self.array
    }

    /// `true` when the body is JSON (of any kind).
    pub fn is_json(&self) -> bool {
        self.json_error.is_none()
    }

    /// The JSON syntax error, when the body is not JSON.
    pub(crate) fn into_json_error(self) -> Option<serde_json::Error> {
        self.json_error
    }
}

enum Top<'de> {
    Object(Vec<Cow<'de, str>>),
    Array(Vec<Cow<'de, str>>),
    Other,
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top<'de>, A::Error> {
        KeysVisitor.visit_map(map).map(Top::Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top<'de>, A::Error> {
        let first = seq.next_element_seed(FirstKeys)?.unwrap_or_default();
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Array(first))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_unit<E>(self) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
}

/// The keys of an array's first element, when it is an object.
struct FirstKeys;

impl<'de> serde::de::DeserializeSeed<'de> for FirstKeys {
    type Value = Vec<Cow<'de, str>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(FirstKeysVisitor)
    }
}

struct FirstKeysVisitor;

impl<'de> Visitor<'de> for FirstKeysVisitor {
    type Value = Vec<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        KeysVisitor.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = Vec<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            map.next_value::<IgnoredAny>()?;
            keys.push(key);
        }
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_objects_arrays_and_non_json() {
        let shape = BodyShape::of(br#"{"event":"x","data":{"a":[1,{"b":2}]}}"#);
        assert!(shape.has("event") && shape.has("data") && !shape.has("a") && !shape.is_array());
        assert!(shape.has_ignore_case("DATA"));

        let array = BodyShape::of(br#"[{"event":"document_state_changed","data":{}},{"event":"x"}]"#);
        assert!(array.is_array() && array.has("event") && array.has("data"));

        let multipart = BodyShape::of(b"--boundary\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{}");
        assert!(!multipart.is_json() && multipart.keys().next().is_none());

        for other in [&b"[1,2]"[..], b"\"text\"", b"null", b"[]"] {
            let shape = BodyShape::of(other);
            assert!(shape.is_json() && shape.keys().next().is_none(), "{other:?}");
        }
        assert!(!BodyShape::of(b"{\"hook\":").is_json());
    }
}
