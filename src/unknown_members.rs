//! [`UnknownMembers`]: the members of a JSON object that a typed model does
//! not name, kept as the raw JSON text of each member's value.
//!
//! Why not `#[serde(flatten)] other: Map<String, Value>`: serde's `flatten`
//! buffers every member of the object (typed ones included) into an
//! intermediate tree before the typed fields are read, and the `Value` tree
//! of the unknown members costs one allocation per string, array and object
//! inside them. A DocuSign envelope summary with its recipients' tabs was
//! parsed more slowly that way than by `serde_json::Value` alone. Here the
//! typed members go straight to the derived deserializer, and each unknown
//! member is skipped over by serde_json's raw-value scanner and kept as one
//! `Box<RawValue>`: one allocation per unknown member, nothing when there is
//! none. The value is materialised (`get`, `to_map`, serialisation) only when
//! asked for.
//!
//! The models use it through [`keep_unknown_members!`], which wraps the
//! model's derived `Deserialize` (made an inherent function with
//! `#[serde(remote = "Self")]`) so that unknown keys are diverted before the
//! derived visitor sees them.

use core::fmt;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The members of a JSON object that the typed model does not name, each
/// kept as its raw JSON text (in the order received) and turned into a
/// [`serde_json::Value`] only when asked for.
///
/// Serialized, the members are written next to the typed ones, in canonical
/// form (sorted by key, compact, as a [`Map`] would write them). Comparison ([`PartialEq`]) is by value, not by text: `{"a": 1}` and
/// `{"a":1}` are equal. A key sent twice counts once, with its last value
/// (as in a [`Map`]).
///
/// ```
/// use esign_webhooks::UnknownMembers;
///
/// let mut members = UnknownMembers::new();
/// members.insert("customFields", &serde_json::json!({"textCustomFields": []}))?;
/// assert_eq!(members.len(), 1);
/// assert_eq!(members.get_raw("customFields").map(|raw| raw.get()), Some(r#"{"textCustomFields":[]}"#));
/// assert_eq!(members.get("customFields"), Some(serde_json::json!({"textCustomFields": []})));
/// assert!(members.get("absent").is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct UnknownMembers {
    members: Vec<(String, Box<RawValue>)>,
}

impl UnknownMembers {
    /// No members.
    pub fn new() -> Self {
        UnknownMembers::default()
    }

    /// How many distinct keys there are.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// `true` when there is no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// `true` when a member is named `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get_raw(key).is_some()
    }

    /// The raw JSON text of the member named `key`, as received.
    pub fn get_raw(&self, key: &str) -> Option<&RawValue> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, raw)| &**raw)
    }

    /// The member named `key`, materialised as a [`Value`].
    pub fn get(&self, key: &str) -> Option<Value> {
        // The raw text was validated as JSON when it was read (or written by
        // serde_json), so reading it back cannot fail short of running out of memory.
        self.get_raw(key).and_then(|raw| serde_json::from_str(raw.get()).ok())
    }

    /// The member named `key`, read as a `T` (`None` when it is absent).
    pub fn get_as<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        self.get_raw(key).map(|raw| serde_json::from_str(raw.get()))
    }

    /// The members, as `(key, raw JSON)`, in the order received (a key sent
    /// twice appears once, where it was last sent).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.members
            .iter()
            .enumerate()
            .filter(|(i, (name, _))| !self.members.iter().skip(i + 1).any(|(later, _)| later == name))
            .map(|(_, (name, raw))| (name.as_str(), &**raw))
    }

    /// The keys, in the order received.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(name, _)| name)
    }

    /// Every member, materialised: what the model's `other` map used to hold.
    pub fn to_map(&self) -> Map<String, Value> {
        let mut map = Map::new();
        for (name, raw) in &self.members {
            if let Ok(value) = serde_json::from_str(raw.get()) {
                map.insert(name.clone(), value);
            }
        }
        map
    }

    /// Adds (or replaces) the member `key`, written with serde_json.
    ///
    /// # Errors
    ///
    /// When `value` cannot be written as JSON (a map with non-string keys, a
    /// failing `Serialize` implementation).
    pub fn insert<T: Serialize + ?Sized>(
        &mut self,
        key: impl Into<String>,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let key = key.into();
        let raw = serde_json::value::to_raw_value(value)?;
        self.members.retain(|(name, _)| *name != key);
        self.members.push((key, raw));
        Ok(())
    }

    /// Removes the member `key`; `true` when there was one.
    pub fn remove(&mut self, key: &str) -> bool {
        let before = self.members.len();
        self.members.retain(|(name, _)| name != key);
        self.members.len() != before
    }
}

impl From<Map<String, Value>> for UnknownMembers {
    fn from(map: Map<String, Value>) -> Self {
        UnknownMembers {
            members: map
                .into_iter()
                .filter_map(|(name, value)| Some((name, serde_json::value::to_raw_value(&value).ok()?)))
                .collect(),
        }
    }
}

/// As the materialised map (by value, whatever the spacing of the raw text).
impl fmt::Debug for UnknownMembers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_map(), f)
    }
}

/// By value: the same keys with equal [`Value`]s, whatever the spacing.
impl PartialEq for UnknownMembers {
    fn eq(&self, other: &Self) -> bool {
        self.to_map() == other.to_map()
    }
}

/// A map of the members in canonical form, as the [`Map`] it stands for:
/// sorted by key, values compact. The same content gives the same bytes
/// whatever spacing and member order it was received in (deduplication keys
/// hash the serialised event: a retry that DocuSign renders differently must
/// hash the same). The cost is paid here, when an event is stored or hashed,
/// not when it is read.
impl Serialize for UnknownMembers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let members = self.to_map();
        let mut map = serializer.serialize_map(Some(members.len()))?;
        for (name, value) in &members {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// Read from a JSON object (every member is unknown to it).
impl<'de> Deserialize<'de> for UnknownMembers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let members = <Vec<(String, Box<RawValue>)> as Default>::default();
        let mut collected = UnknownMembers { members };
        let fields: &'static [&'static str] = &[];
        Capture {
            inner: deserializer,
            sink: &mut collected.members,
        }
        .deserialize_struct("UnknownMembers", fields, UnitStruct)?;
        Ok(collected)
    }
}

/// Accepts any map once its (all unknown) members were diverted.
struct UnitStruct;

impl<'de> Visitor<'de> for UnitStruct {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<de::IgnoredAny>()?.is_some() {
            map.next_value::<de::IgnoredAny>()?;
        }
        Ok(())
    }
}

/// Reads a model with `derived` (its derived, inherent `deserialize`), the
/// members it does not name diverted into an [`UnknownMembers`].
pub(crate) fn deserialize_keeping_unknown<'de, D, T>(
    deserializer: D,
    derived: impl for<'a> FnOnce(Capture<'a, D>) -> Result<T, D::Error>,
) -> Result<(T, UnknownMembers), D::Error>
where
    D: Deserializer<'de>,
{
    let mut members = Vec::new();
    let model = derived(Capture {
        inner: deserializer,
        sink: &mut members,
    })?;
    Ok((model, UnknownMembers { members }))
}

/// Implements `Serialize` and `Deserialize` for a model derived with
/// `#[serde(remote = "Self")]` whose `other: UnknownMembers` field is marked
/// `#[serde(flatten, skip_deserializing)]`: the derived `Serialize` writes the
/// unknown members back beside the typed ones; reading diverts them.
macro_rules! keep_unknown_members {
    ($model:ty) => {
        impl ::serde::Serialize for $model {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$model>::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $model {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let (mut model, other) =
                    $crate::unknown_members::deserialize_keeping_unknown(deserializer, |capture| {
                        <$model>::deserialize(capture)
                    })?;
                model.other = other;
                Ok(model)
            }
        }
    };
}

pub(crate) use keep_unknown_members;

/// A deserializer that hands a struct's derived visitor only the members it
/// names (its `FIELDS`), and keeps the others as raw JSON.
pub(crate) struct Capture<'a, D> {
    inner: D,
    sink: &'a mut Vec<(String, Box<RawValue>)>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Capture<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(CaptureVisitor {
            fields,
            visitor,
            sink: self.sink,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

struct CaptureVisitor<'a, V> {
    fields: &'static [&'static str],
    visitor: V,
    sink: &'a mut Vec<(String, Box<RawValue>)>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for CaptureVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(KnownMembers {
            map,
            fields: self.fields,
            sink: self.sink,
        })
    }
}

/// The map as the derived visitor sees it: the unknown members skipped (and kept).
struct KnownMembers<'a, A> {
    map: A,
    fields: &'static [&'static str],
    sink: &'a mut Vec<(String, Box<RawValue>)>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KnownMembers<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(Key(key)) = self.map.next_key::<Key<'de>>()? {
            if self.fields.contains(&&*key) {
                let key: de::value::StrDeserializer<'_, A::Error> = (&*key).into_deserializer();
                return seed.deserialize(key).map(Some);
            }
            let raw: Box<RawValue> = self.map.next_value()?;
            self.sink.push((key.into_owned(), raw));
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A member name, borrowed from the body when it has no escapes (serde's
/// own `Cow<str>` always copies).
pub(crate) struct Key<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(remote = "Self", rename_all = "camelCase")]
    struct Model {
        #[serde(default)]
        known_name: Option<String>,
        #[serde(default)]
        count: u32,
        #[serde(flatten, skip_deserializing)]
        other: UnknownMembers,
    }

    keep_unknown_members!(Model);

    #[test]
    fn unknown_members_are_kept_raw_and_written_back() {
        let body = r#"{"extra": {"a": [1, 2]},"knownName":"n","tail\u0041":true,"count":3}"#;
        let model: Model = serde_json::from_str(body).unwrap();
        assert_eq!(model.known_name.as_deref(), Some("n"));
        assert_eq!(model.count, 3);
        assert_eq!(model.other.keys().collect::<Vec<_>>(), ["extra", "tailA"]);
        assert_eq!(model.other.get_raw("extra").unwrap().get(), r#"{"a": [1, 2]}"#);
        assert_eq!(model.other.get("tailA"), Some(Value::Bool(true)));
        let written = serde_json::to_string(&model).unwrap();
        assert_eq!(
            written,
            r#"{"knownName":"n","count":3,"extra":{"a":[1,2]},"tailA":true}"#
        );
        // Canonical: another spacing and member order of the same content writes the same bytes.
        let reordered: Model =
            serde_json::from_str(r#"{"count":3, "tailA" :true,"extra":{ "a":[1,2] },"knownName":"n"}"#).unwrap();
        assert_eq!(serde_json::to_string(&reordered).unwrap(), written);
        let again: Model = serde_json::from_str(&written).unwrap();
        assert_eq!(again, model);
        // Through a Value (how stored events are read back) too.
        let value = serde_json::to_value(&model).unwrap();
        let from_value: Model = serde_json::from_value(value).unwrap();
        assert_eq!(from_value, model);
    }

    #[test]
    fn errors_and_shapes_are_those_of_the_derived_model() {
        let err = serde_json::from_str::<Model>(r#"{"count":"three"}"#).unwrap_err();
        assert!(
            err.to_string().contains("invalid type: string \"three\", expected u32"),
            "{err}"
        );
        let err = serde_json::from_str::<Model>(r#"{"x":[1,}"#).unwrap_err();
        assert!(err.is_syntax(), "{err}");
        let err = serde_json::from_str::<Model>("[1, 2]").unwrap_err();
        assert!(err.to_string().contains("invalid type: sequence"), "{err}");
        let err = serde_json::from_str::<Model>(r#"{"count":1,"count":2}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate field `count`"), "{err}");
    }

    #[test]
    fn a_key_sent_twice_counts_once_with_its_last_value() {
        let model: Model = serde_json::from_str(r#"{"x":1,"y":2,"x":3}"#).unwrap();
        assert_eq!(model.other.len(), 2);
        assert_eq!(model.other.get("x"), Some(Value::from(3)));
        assert_eq!(
            serde_json::to_string(&model).unwrap(),
            r#"{"knownName":null,"count":0,"x":3,"y":2}"#
        );
    }

    #[test]
    fn equality_is_by_value_and_maps_convert_both_ways() {
        let spaced: Model = serde_json::from_str(r#"{"x": { "a" : 1 }}"#).unwrap();
        let compact: Model = serde_json::from_str(r#"{"x":{"a":1}}"#).unwrap();
        assert_eq!(spaced, compact);
        let map = spaced.other.to_map();
        assert_eq!(UnknownMembers::from(map.clone()).to_map(), map);
        let mut members = UnknownMembers::new();
        assert!(members.is_empty());
        members.insert("x", &1).unwrap();
        members.insert("x", &2).unwrap();
        assert_eq!(members.len(), 1);
        assert!(members.remove("x"));
        assert!(!members.contains_key("x"));
    }
}
