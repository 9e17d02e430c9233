//! [`BodyShape`]: what a body looks like at the top level, read once per
//! request and shown to every configured vendor's [`claims`](super::Plugin::claims).

use core::fmt;
use std::borrow::Cow;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// The top-level keys of a JSON body (of its first element when the body is
/// an array of objects, as PandaDoc sends), each with its value's raw JSON,
/// read in one pass that skips every value; and the raw bytes for vendors
/// whose body is not JSON (multipart).
///
/// A vendor may look one level down ([`has_in`](BodyShape::has_in),
/// [`text_in`](BodyShape::text_in): SignWell's `event.hash`): that reads the
/// one member it names, not the body again. On a receiver that tells vendors
/// apart by their bodies, a second pass over the body cost as much as the
/// vendor's whole proof.
#[derive(Debug)]
pub struct BodyShape<'a> {
    raw: &'a [u8],
    members: Vec<Member<'a>>,
    array: bool,
    json_error: Option<serde_json::Error>,
}

/// A top-level member: its key and its value's raw JSON.
#[derive(Debug)]
struct Member<'a> {
    key: Cow<'a, str>,
    value: &'a RawValue,
}

impl<'a> BodyShape<'a> {
    /// Reads the top level of `body`.
    pub(crate) fn of(body: &'a [u8]) -> BodyShape<'a> {
        let mut shape = BodyShape {
            raw: body,
            members: Vec::new(),
            array: false,
            json_error: None,
        };
        match serde_json::Deserializer::from_slice(body).deserialize_any(TopVisitor) {
            Ok(Top::Object(members)) => shape.members = members,
            Ok(Top::Array(members)) => {
                shape.members = members;
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

    /// `true` when `needle` occurs anywhere in the raw body (for bodies that are
    /// not JSON, such as multipart forms): each place of its first byte is a
    /// candidate, found with `position`, far faster than a window per offset.
    pub(crate) fn raw_contains(&self, needle: &[u8]) -> bool {
        let Some((&first, _)) = needle.split_first() else {
            return false;
        };
        let mut rest = self.raw;
        while let Some(at) = rest.iter().position(|&b| b == first) {
            let Some(tail) = rest.get(at..) else {
                return false;
            };
            if tail.starts_with(needle) {
                return true;
            }
            rest = tail.get(1..).unwrap_or_default();
        }
        false
    }

    /// `true` when the top level (or the first element of a top-level array) has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.members.iter().any(|m| m.key == key)
    }

    /// Like [`has`](BodyShape::has), ignoring ASCII case.
    pub fn has_ignore_case(&self, key: &str) -> bool {
        self.members.iter().any(|m| m.key.eq_ignore_ascii_case(key))
    }

    /// The top-level keys, in body order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|m| m.key.as_ref())
    }

    /// The text of the top-level member `key` when it is a string (the
    /// first, if the key is repeated).
    pub fn text(&self, key: &str) -> Option<Cow<'a, str>> {
        text_of(self.value(key)?)
    }

    /// `true` when the top-level member `outer` is an object with the key `key`.
    ///
    /// ```
    /// # use esign_webhooks::plugin::BodyShape;
    /// # fn claims(shape: &BodyShape<'_>) -> bool {
    /// shape.has("data") && shape.has_in("event", "hash")
    /// # }
    /// ```
    pub fn has_in(&self, outer: &str, key: &str) -> bool {
        self.inner(outer, key).is_some()
    }

    /// The text of `outer.key` when `outer` is a top-level object whose member
    /// `key` is a string.
    pub fn text_in(&self, outer: &str, key: &str) -> Option<Cow<'a, str>> {
        text_of(self.inner(outer, key)?)
    }

    fn value(&self, key: &str) -> Option<&'a RawValue> {
        self.members.iter().find(|m| m.key == key).map(|m| m.value)
    }

    /// The raw value of `outer.key` (the first `key`, if repeated).
    fn inner(&self, outer: &str, key: &str) -> Option<&'a RawValue> {
        let outer: &'a str = self.value(outer)?.get();
        serde_json::Deserializer::from_str(outer)
            .deserialize_any(FindVisitor { key })
            .ok()
            .flatten()
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

/// A raw value's text when it is a JSON string (borrowed unless escaped).
fn text_of(raw: &RawValue) -> Option<Cow<'_, str>> {
    let json = raw.get();
    if !json.starts_with('"') {
        return None;
    }
    match serde_json::from_str::<&str>(json) {
        Ok(text) => Some(Cow::Borrowed(text)),
        Err(_) => serde_json::from_str::<String>(json).ok().map(Cow::Owned),
    }
}

/// The raw value of `key` in an object (`None` in anything else).
struct FindVisitor<'k> {
    key: &'k str,
}

impl<'de> Visitor<'de> for FindVisitor<'_> {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if found.is_none() && key == self.key {
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

enum Top<'de> {
    Object(Vec<Member<'de>>),
    Array(Vec<Member<'de>>),
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
    type Value = Vec<Member<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(FirstKeysVisitor)
    }
}

struct FirstKeysVisitor;

impl<'de> Visitor<'de> for FirstKeysVisitor {
    type Value = Vec<Member<'de>>;

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
    type Value = Vec<Member<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let value = map.next_value::<&'de RawValue>()?;
            members.push(Member { key, value });
        }
        Ok(members)
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

    #[test]
    fn finds_bytes_in_the_raw_body() {
        let shape = BodyShape::of(b"--b\r\nname=\"json\"\r\n\r\n{\"event_hash\":\"x\"}\r\n--b--");
        assert!(shape.raw_contains(b"\"event_hash\"") && shape.raw_contains(b"--b--"));
        assert!(!shape.raw_contains(b"\"event_type\"") && !shape.raw_contains(b"") && !shape.raw_contains(b"b--x"));
    }

    #[test]
    fn reads_one_level_below_the_top() {
        let shape = BodyShape::of(
            br#"{"object":"webhook","event":{"object":"event","hash":"ab","n":1,"deep":{"hash":"x"}},"data":[{"hash":1}]}"#,
        );
        assert_eq!(shape.text("object").as_deref(), Some("webhook"));
        assert_eq!(shape.text("event"), None);
        assert!(shape.has_in("event", "hash") && shape.has_in("event", "n") && shape.has_in("event", "deep"));
        assert_eq!(shape.text_in("event", "object").as_deref(), Some("event"));
        assert_eq!(shape.text_in("event", "n"), None);
        assert!(!shape.has_in("event", "missing") && !shape.has_in("data", "hash") && !shape.has_in("object", "x"));
        // Escaped text is read as its value.
        let escaped = BodyShape::of(br#"{"o\u0062ject":"web\u0068ook","event":{"k":"\u0041"}}"#);
        assert_eq!(escaped.text("object").as_deref(), Some("webhook"));
        assert_eq!(escaped.text_in("event", "k").as_deref(), Some("A"));
        // An array's first element, like its top-level keys.
        let array = BodyShape::of(br#"[{"event":{"type":"t"}},{"event":{}}]"#);
        assert_eq!(array.text_in("event", "type").as_deref(), Some("t"));
    }
}
