//! Serde helpers that accept a struct only from a JSON object.
//!
//! serde's derived `Deserialize` also accepts a JSON array for a struct, filling the
//! fields by position: `["a","b"]` would become a `SignatureSession`. Ignisign only
//! documents objects, so every struct read from the network goes through these helpers
//! and an array is a malformed payload with a path pointing at it.

use core::fmt;
use core::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A `T` that was read from a map (a JSON object), never from a sequence.
pub(crate) struct ObjectOnly<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }

        deserializer.deserialize_map(ObjectVisitor(PhantomData)).map(ObjectOnly)
    }
}

/// `deserialize_with` for an optional struct field (`null` is `None`; pair with `default`).
pub(crate) fn option_object<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<ObjectOnly<T>>::deserialize(deserializer).map(|value| value.map(|ObjectOnly(value)| value))
}

/// `deserialize_with` for a required array of structs.
pub(crate) fn vec_of_objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Objects::deserialize(deserializer).map(|Objects(items)| items)
}

/// `deserialize_with` for an optional array of structs: `null` is an empty list (pair with `default`).
pub(crate) fn optional_vec_of_objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<Objects<T>>::deserialize(deserializer).map(|items| items.map(|Objects(items)| items).unwrap_or_default())
}

/// `deserialize_with` for an optional array of values: `null` is an empty list (pair with `default`).
pub(crate) fn optional_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    crate::json_list::null_as_empty(deserializer)
}

/// An array whose every element is read with [`ObjectOnly`].
struct Objects<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Objects<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeqVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for SeqVisitor<T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of JSON objects")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
                crate::json_list::collect(seq, |seq| {
                    Ok(seq.next_element::<ObjectOnly<T>>()?.map(|ObjectOnly(item)| item))
                })
            }
        }

        deserializer.deserialize_seq(SeqVisitor(PhantomData)).map(Objects)
    }
}
