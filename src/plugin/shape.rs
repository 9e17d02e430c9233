//! [`BodyShape`]: what a body looks like at the top level, read once per
//! request and shown to every configured vendor's [`claims`](super::Plugin::claims).

use core::fmt;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

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
///
/// An object is read member by member, as far as the questions asked need:
/// [`has`](BodyShape::has) (and `text`, `has_in`, …) stops at the member it
/// looks for, so a receiver whose one vendor names itself in the body's first
/// member (Ignisign's `topic`) does not skim the rest, which its typed parse
/// reads next anyway (at 64 KiB, a third of Ignisign's `dispatch`). A member
/// is therefore found even when the body has a syntax error *after* it (the
/// parse that follows reports that error, naming the vendor); a member that
/// is absent, [`keys`](BodyShape::keys) and [`is_json`](BodyShape::is_json)
/// read the whole body, and find nothing in a body that is not JSON.
#[derive(Debug)]
pub struct BodyShape<'a> {
    raw: &'a [u8],
    /// The members read so far, and where the next one starts.
    prefix: RefCell<Prefix<'a>>,
    /// The whole top level, once a question needed all of it.
    whole: OnceCell<Whole<'a>>,
}

/// A top-level member: its key and its value's raw JSON.
#[derive(Debug)]
struct Member<'a> {
    key: Cow<'a, str>,
    value: &'a RawValue,
}

/// The members of a top-level object read so far.
#[derive(Debug)]
struct Prefix<'a> {
    members: Vec<Member<'a>>,
    next: Next,
}

/// Where reading the top-level object goes on.
#[derive(Debug, Clone, Copy)]
enum Next {
    /// Nothing read yet.
    Start,
    /// Just after the opening `{`, at this offset.
    Open(usize),
    /// Just after a member's value, at this offset.
    After(usize),
    /// Read to its closing `}`: the members are the whole top level.
    Done,
    /// Not an object, or not JSON: only the whole read answers.
    Stop,
}

/// What the whole top level holds.
#[derive(Debug)]
struct Whole<'a> {
    members: Vec<Member<'a>>,
    array: bool,
    json_error: Option<serde_json::Error>,
}

impl<'a> BodyShape<'a> {
    /// The shape of `body`, read as far as questions need.
    pub(crate) fn of(body: &'a [u8]) -> BodyShape<'a> {
        BodyShape {
            raw: body,
            prefix: RefCell::new(Prefix {
                members: Vec::new(),
                next: Next::Start,
            }),
            whole: OnceCell::new(),
        }
    }

    /// The whole top level (read once).
    fn whole(&self) -> &Whole<'a> {
        self.whole.get_or_init(|| {
            let mut whole = Whole {
                members: Vec::new(),
                array: false,
                json_error: None,
            };
            match serde_json::Deserializer::from_slice(self.raw).deserialize_any(TopVisitor) {
                Ok(Top::Object(members)) => whole.members = members,
                Ok(Top::Array(members)) => {
                    whole.members = members;
                    whole.array = true;
                }
                Ok(Top::Other) => {}
                Err(err) => whole.json_error = Some(err),
            }
            whole
        })
    }

    /// The value of the first member whose key `matches`, reading on only as
    /// far as needed.
    fn find(&self, matches: impl Fn(&str) -> bool) -> Option<&'a RawValue> {
        let in_whole = |whole: &Whole<'a>| whole.members.iter().find(|m| matches(&m.key)).map(|m| m.value);
        if let Some(whole) = self.whole.get() {
            return in_whole(whole);
        }
        {
            let mut prefix = self.prefix.borrow_mut();
            if let Some(member) = prefix.members.iter().find(|m| matches(&m.key)) {
                return Some(member.value);
            }
            loop {
                match prefix.read_member(self.raw) {
                    Some(member) => {
                        let found = matches(&member.key).then_some(member.value);
                        prefix.members.push(member);
                        if found.is_some() {
                            return found;
                        }
                    }
                    None if matches!(prefix.next, Next::Done) => {
                        // The object is read to its end: that is the whole top level.
                        let members = core::mem::take(&mut prefix.members);
                        let _ = self.whole.set(Whole {
                            members,
                            array: false,
                            json_error: None,
                        });
                        return None;
                    }
                    None => break,
                }
            }
        }
        in_whole(self.whole())
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
        self.value(key).is_some()
    }

    /// Like [`has`](BodyShape::has), ignoring ASCII case.
    pub fn has_ignore_case(&self, key: &str) -> bool {
        self.find(|k| k.eq_ignore_ascii_case(key)).is_some()
    }

    /// The top-level keys, in body order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.whole().members.iter().map(|m| m.key.as_ref())
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
        self.find(|k| k == key)
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
        // Only a body that starts with `[` can be one: an object is not read for this.
        self.raw.trim_ascii_start().starts_with(b"[") && self.whole().array
    }

    /// `true` when the body is JSON (of any kind).
    pub fn is_json(&self) -> bool {
        self.whole().json_error.is_none()
    }

    /// The JSON syntax error, when the body is not JSON.
    pub(crate) fn into_json_error(self) -> Option<serde_json::Error> {
        self.whole();
        self.whole.into_inner().and_then(|whole| whole.json_error)
    }
}

impl<'a> Prefix<'a> {
    /// The next member of the top-level object, or `None` at its end
    /// ([`Next::Done`]) or where it cannot be read on ([`Next::Stop`]: not
    /// an object, a syntax error).
    fn read_member(&mut self, raw: &'a [u8]) -> Option<Member<'a>> {
        let at = match self.next {
            Next::Start => {
                let at = skip_whitespace(raw, 0);
                if raw.get(at) != Some(&b'{') {
                    self.next = Next::Stop;
                    return None;
                }
                self.next = Next::Open(at + 1);
                return self.read_member(raw);
            }
            Next::Open(at) => {
                let at = skip_whitespace(raw, at);
                if raw.get(at) == Some(&b'}') {
                    self.next = Next::Done;
                    return None;
                }
                at
            }
            Next::After(at) => {
                let at = skip_whitespace(raw, at);
                match raw.get(at) {
                    Some(b'}') => {
                        self.next = Next::Done;
                        return None;
                    }
                    Some(b',') => at + 1,
                    _ => {
                        self.next = Next::Stop;
                        return None;
                    }
                }
            }
            Next::Done | Next::Stop => return None,
        };
        // Stop unless the rest reads as `"key": value`; the whole read then
        // reports what is wrong.
        self.next = Next::Stop;
        let at = skip_whitespace(raw, at);
        if raw.get(at) != Some(&b'"') {
            return None;
        }
        let (key, at) = one_value(raw, at)?;
        let key = text_of(key)?;
        let at = skip_whitespace(raw, at);
        if raw.get(at) != Some(&b':') {
            return None;
        }
        let (value, at) = one_value(raw, at + 1)?;
        self.next = Next::After(at);
        Some(Member { key, value })
    }
}

/// The offset of the first byte at or after `at` that is not JSON whitespace.
fn skip_whitespace(raw: &[u8], mut at: usize) -> usize {
    while matches!(raw.get(at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        at += 1;
    }
    at
}

/// The JSON value starting at `at` (after any whitespace) and the offset
/// just past it.
fn one_value(raw: &[u8], at: usize) -> Option<(&RawValue, usize)> {
    let mut values = serde_json::Deserializer::from_slice(raw.get(at..)?).into_iter::<&RawValue>();
    let value = values.next()?.ok()?;
    Some((value, at + values.byte_offset()))
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
    fn reads_an_object_only_as_far_as_asked() {
        // The first member answers without reading on: a syntax error after it
        // is left to the parse that follows.
        let shape = BodyShape::of(br#" {"topic":"SIGNATURE","content":{"a":[1,,2]}}"#);
        assert!(shape.has("topic") && shape.whole.get().is_none());
        assert_eq!(shape.text("topic").as_deref(), Some("SIGNATURE"));
        // A member it has not reached, or an absent one, reads the whole body.
        assert!(!shape.has("appId") && !shape.is_json() && shape.keys().next().is_none());
        assert!(shape.into_json_error().is_some());

        // Read to its end, the members become the whole top level, in order.
        let shape = BodyShape::of(b"{ \"a\" : 1 , \"b\":[2,{\"c\":3}], \"d\\u0041\":null }");
        assert!(!shape.has("missing") && shape.whole.get().is_some());
        assert!(shape.has("dA") && shape.is_json() && !shape.is_array());
        assert_eq!(shape.keys().collect::<Vec<_>>(), ["a", "b", "dA"]);

        // Trailing commas, a missing colon or a key that is not a string are not
        // read past: the whole read finds the error, and then no member.
        for bad in [
            &br#"{"a":1,}"#[..],
            br#"{"a" 1}"#,
            br#"{1:2}"#,
            br#"{"a":tru}"#,
            br#"{"a":1 "b":2}"#,
        ] {
            let shape = BodyShape::of(bad);
            assert!(!shape.has("b") && !shape.has("x") && !shape.is_json(), "{bad:?}");
        }
        // Arrays and other values are read whole.
        let array = BodyShape::of(br#"  [{"event":"x"}]"#);
        assert!(array.has("event") && array.is_array());
        assert!(!BodyShape::of(br#"{"event":"x"}"#).is_array());
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
