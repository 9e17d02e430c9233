//! Reading a JSON array into a `Vec` that is no bigger than it needs to be.
//!
//! serde's own `Vec<T>` reader (serde_json gives no length up front) starts
//! empty and lets the first push reserve room for four elements. Two costs
//! came of it, both measured on the bench bodies:
//!
//! - A webhook's nested lists mostly hold one element (a participant set's
//!   one member, a signer's one document): three of every four slots were
//!   allocated for nothing. On Adobe Acrobat Sign's 64 KiB body, 400 KB were
//!   asked of the allocator per parse for 65 KB of JSON, enough to make glibc
//!   give pages back and fault them in again on every delivery
//!   (`perf stat -e page-faults`: 61 per parse). A list of one element here
//!   takes one slot.
//! - glibc's per-thread cache serves blocks of up to [`FIRST_BLOCK`] bytes. A
//!   larger block misses it, and each such miss first merges the small blocks
//!   freed before (the strings of the previous event), which the strings of
//!   the next one then pay to split again: four of eSignGlobal's signers are
//!   1 376 bytes. A longer list here starts at four elements or as many as
//!   fit in that block, whichever is fewer (three signers), and grows as a
//!   `Vec` does after.

use core::fmt;
use core::marker::PhantomData;

use serde::Deserializer;
use serde::de::{Deserialize, SeqAccess, Visitor};

/// The most bytes a longer list's first allocation takes (see the module
/// documentation).
const FIRST_BLOCK: usize = 1032;

/// A JSON array; `null` is refused, as serde's `Vec<T>` refuses it.
pub(crate) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(List(PhantomData))
}

/// A JSON array, `null` read as empty (an absent member too, with
/// `#[serde(default)]`).
pub(crate) fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Exact<T>>::deserialize(deserializer)?.map_or_else(Vec::new, |Exact(list)| list))
}

/// A `Vec<T>` read with [`list`], for an `Option<Vec<T>>` or a list inside
/// another type.
pub(crate) struct Exact<T>(pub(crate) Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Exact<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        list(deserializer).map(Exact)
    }
}

struct List<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for List<T> {
    type Value = Vec<T>;

    // Worded as serde's, so that an error says what it said before.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
        collect(seq, |seq| seq.next_element())
    }
}

/// The elements `next` reads from `seq`, in a `Vec` sized as the module
/// documentation says: for a visitor whose elements are read through a
/// wrapper (`json_object`'s objects-only arrays).
pub(crate) fn collect<'de, A: SeqAccess<'de>, T>(
    mut seq: A,
    mut next: impl FnMut(&mut A) -> Result<Option<T>, A::Error>,
) -> Result<Vec<T>, A::Error> {
    let Some(first) = next(&mut seq)? else {
        return Ok(Vec::new());
    };
    let Some(second) = next(&mut seq)? else {
        return Ok(vec![first]);
    };
    let fit = (FIRST_BLOCK / size_of::<T>().max(1)).clamp(2, 4);
    let mut list = Vec::with_capacity(fit);
    list.push(first);
    list.push(second);
    while let Some(item) = next(&mut seq)? {
        list.push(item);
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "null_as_empty")]
        items: Vec<[u64; 8]>,
        #[serde(default, deserialize_with = "list")]
        strict: Vec<u8>,
    }

    #[test]
    fn one_element_takes_one_slot() {
        let one: Holder = serde_json::from_str(r#"{"items":[[1,2,3,4,5,6,7,8]],"strict":[1,2,3]}"#).unwrap();
        assert_eq!((one.items.len(), one.items.capacity()), (1, 1));
        assert_eq!((one.strict.len(), one.strict.capacity()), (3, 4));
        let three: Holder =
            serde_json::from_str(r#"{"items":[[0,0,0,0,0,0,0,0],[0,0,0,0,0,0,0,0],[0,0,0,0,0,0,0,0]]}"#).unwrap();
        // 64-byte elements: four fit in the first block.
        assert_eq!((three.items.len(), three.items.capacity()), (3, 4));
        let none: Holder = serde_json::from_str(r#"{"items":null}"#).unwrap();
        assert_eq!((none.items.len(), none.items.capacity()), (0, 0));
        let empty: Holder = serde_json::from_str(r#"{"items":[]}"#).unwrap();
        assert!(empty.items.is_empty());
    }

    #[test]
    fn errors_read_as_those_of_a_vec() {
        for body in [
            r#"{"items":"x"}"#,
            r#"{"items":[1]}"#,
            r#"{"strict":null}"#,
            r#"{"strict":[1,"x"]}"#,
        ] {
            #[derive(serde::Deserialize)]
            struct Plain {
                #[serde(default)]
                #[allow(dead_code)]
                items: Option<Vec<[u64; 8]>>,
                #[serde(default)]
                #[allow(dead_code)]
                strict: Vec<u8>,
            }
            let ours = serde_json::from_str::<Holder>(body).err().map(|e| e.to_string());
            let serdes = serde_json::from_str::<Plain>(body).err().map(|e| e.to_string());
            assert_eq!(ours, serdes, "{body}");
        }
    }
}
