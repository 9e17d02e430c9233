//! [`Text`]: a string of a delivery, kept as a slice of the one owned copy
//! of the body it was read from.
//!
//! Why not `String`: a typed model reads every documented string of a body
//! (ids, names, emails, dates, statuses), and on a big delivery (a DocuSign
//! envelope with its recipients, a DocuSeal submission with its submitters)
//! one allocation and one copy per string was most of the parse: a
//! hand-written parse into the three or four fields a user reads allocated a
//! tenth as often (`cargo bench --bench allocations`). While the crate parses
//! a body of 16 KiB or more it keeps one reference-counted copy of it (a
//! smaller body costs less to read string by string than to copy, and each
//! shared string costs an atomic count); a string that is written
//! in the body without escapes is then the range of that copy where it was
//! written (a reference count, no allocation), and only a string with escapes
//! (`\n`, `\u00e9`) gets its own allocation. The event stays owned and
//! `'static`: it can be stored, sent to another thread and serialised.
//!
//! The cost is memory: a [`Text`] keeps the whole body it came from alive,
//! like a `bytes::Bytes` slice. To keep one field of an event long after the
//! event, detach it with [`Text::detach`] (or convert it into a `String`).
//! Each thread also keeps the copy of the last body it shared (up to 2 MiB)
//! for the next body to be copied into, once no `Text` holds it.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;
use std::borrow::Borrow;
use std::cell::RefCell;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// A string read from a delivery: it reads as a `&str` (it derefs to `str`
/// and compares, hashes, orders and serialises as one), and keeps, instead
/// of its own allocation, a range of the one shared copy of the body it was
/// parsed from.
///
/// ```
/// use esign_webhooks::Text;
///
/// let status = Text::from("completed");
/// assert_eq!(status, "completed");
/// assert_eq!(status.as_str(), "completed");
/// assert!(status.starts_with("compl")); // every `str` method, through `Deref`
/// let owned: String = status.into();
/// assert_eq!(owned, "completed");
/// ```
///
/// A `Text` parsed from a body keeps that body alive (see
/// [`detach`](Text::detach)). Comparison, hashing and ordering are those of
/// the `str`, never of where it is kept.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    /// A string of its own: what a `String` would hold, without the spare
    /// capacity. Dropping it frees it, with no reference count to update.
    Owned(Box<str>),
    /// A range of a shared body: where the string starts in `source` and
    /// its length. The body behind a thin pointer (`Arc<String>`, not
    /// `Arc<str>`) and two `u32` rather than a `Range<usize>`: a variant of 16
    /// bytes, like `Owned`, so that a `Text` and an `Option<Text>` are as big
    /// as a `String` and an `Option<String>` (24 bytes; the tag leaves
    /// `Option` a niche). With 32-byte `Option<Text>` fields Adobe Acrobat
    /// Sign's participant sets asked a third more memory of the allocator.
    Shared { source: Arc<String>, start: u32, len: u32 },
}

impl Text {
    /// The empty string.
    pub fn new() -> Self {
        Text(Repr::Owned(Box::default()))
    }

    /// The string.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(text) => text,
            // The range lies on `source`'s char boundaries by construction
            // (see `shared`); `get` keeps that a checked fact rather than a promise.
            Repr::Shared { source, start, len } => {
                let start = *start as usize;
                source.get(start..start + *len as usize).unwrap_or_default()
            }
        }
    }

    /// The string as a `Text` of its own: a copy that no longer keeps the
    /// body it was read from alive (itself when it is already one).
    pub fn detach(&self) -> Self {
        match &self.0 {
            Repr::Owned(_) => self.clone(),
            Repr::Shared { .. } => Text::from(self.as_str()),
        }
    }

    /// The string, as a `String`.
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Owned(text) => text.into_string(),
            Repr::Shared { .. } => self.as_str().to_owned(),
        }
    }

    /// `true` when the string is a range of a shared body rather than a copy
    /// of its own (for tests and benches: the value is the same either way).
    pub fn is_shared(&self) -> bool {
        matches!(self.0, Repr::Shared { .. })
    }

    /// `text`, as a range of the body being parsed when it lies in it (a
    /// reference count), as a copy otherwise.
    fn shared(text: &str) -> Self {
        // Nothing to share or copy (Adobe's templates send `""` for most
        // members): no reference count to take.
        if text.is_empty() {
            return Text::new();
        }
        let shared = SHARED.with(|shared| {
            let shared = shared.borrow();
            let source = shared.as_ref()?;
            let start = (text.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
            // In range and on char boundaries, or not shared.
            source.get(start..start.checked_add(text.len())?)?;
            Some(Text(Repr::Shared {
                source: Arc::clone(source),
                start: u32::try_from(start).ok()?,
                len: u32::try_from(text.len()).ok()?,
            }))
        });
        shared.unwrap_or_else(|| Text::from(text))
    }
}

thread_local! {
    /// The body being parsed on this thread, while [`sharing`] runs.
    static SHARED: RefCell<Option<Arc<String>>> = const { RefCell::new(None) };
    /// The copy of the last body shared on this thread, kept so that the
    /// next one is copied into the same memory once no `Text` holds it.
    static SPARE: RefCell<Option<Arc<String>>> = const { RefCell::new(None) };
}

/// The largest copy kept as [`SPARE`] for the next body.
///
/// Why keep one: a copy of a big body is a big allocation, which glibc's
/// `malloc` serves with fresh pages (`mmap`, or the top of a heap it trims
/// again on `free`), so every delivery faulted a page in per 4 KiB copied:
/// DocuSign at 1 MiB took 446 page faults per parse where its floor took 14,
/// a sixth of its parse (`perf stat -e page-faults` under
/// `BREAKDOWN_LOOP=parse`). The cost of keeping it: per thread, one body of
/// at most this size stays allocated between deliveries.
const SPARE_UP_TO: usize = 2 * 1024 * 1024;

/// An owned, shared copy of `text`: in the memory of the last body's copy
/// when no `Text` holds that any more and it is big enough, else new.
fn shared_copy(text: &str) -> Arc<String> {
    let spare = SPARE.try_with(|spare| spare.borrow_mut().take()).ok().flatten();
    let mut copy = spare
        .and_then(|spare| Arc::try_unwrap(spare).ok())
        .filter(|spare| spare.capacity() >= text.len())
        .unwrap_or_default();
    copy.clear();
    copy.push_str(text);
    let source = Arc::new(copy);
    if source.capacity() <= SPARE_UP_TO {
        let _ = SPARE.try_with(|spare| spare.replace(Some(Arc::clone(&source))));
    }
    source
}

/// The smallest body whose strings are shared rather than copied.
///
/// Sharing costs a copy of the body and an atomic reference count per string
/// (one to take, one to drop); a copy of a short string costs an allocation
/// that the allocator's per-thread cache serves without a lock. Measured with
/// `cargo bench --bench breakdown` on the bench bodies: below a few KiB the
/// copies were as fast or faster (the reference case, 833 bytes: 3.05 µs
/// copying, 3.28 µs sharing); at 64 KiB sharing cut DocuSign's parse by 10 %
/// and BoldSign's by a quarter, where thousands of strings outrun that cache.
pub(crate) const SHARE_FROM: usize = 16 * 1024;

/// Runs `parse` on one shared, owned copy of `body` when it is at least
/// [`SHARE_FROM`] bytes, so that the strings the model reads from it are
/// kept as [`Text`] ranges of that copy instead of one allocation each; on
/// `body` itself otherwise (and when it is not UTF-8: the parse then reports
/// where).
///
/// The one place every dispatch path parses through (`Plugin::receive`,
/// `parse_part`, `parse_verified`); a model parsed anywhere else (a vendor
/// module's own `parse`, `serde_json::from_str`) gets the same values, each
/// string in its own allocation.
pub(crate) fn sharing<R>(body: &[u8], parse: impl FnOnce(&[u8]) -> R) -> R {
    if body.len() < SHARE_FROM {
        return parse(body);
    }
    let Ok(text) = core::str::from_utf8(body) else {
        return parse(body);
    };
    let source = shared_copy(text);
    let previous = SHARED.with(|shared| shared.replace(Some(Arc::clone(&source))));
    // Restored however `parse` ends (a panic included), so a later parse on
    // this thread never shares into a stale body.
    struct Restore(Option<Arc<String>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            // `try_with`: the thread-local may be gone while the thread exits.
            let _ = SHARED.try_with(|shared| shared.replace(previous));
        }
    }
    let _restore = Restore(previous);
    parse(source.as_bytes())
}

/// `read(text)`, `text` being `body` as a `str`; `None` when `body` is not
/// UTF-8. When `body` is the shared copy [`sharing`] made, its UTF-8 was
/// checked when the copy was made and is not checked again (a pass over the
/// body: at 64 KiB, 2 % of eSignGlobal's `dispatch`).
pub(crate) fn read_str<R>(body: &[u8], read: impl FnOnce(&str) -> R) -> Option<R> {
    let shared = SHARED.with(|shared| {
        shared
            .borrow()
            .as_ref()
            .filter(|source| source.as_ptr() == body.as_ptr() && source.len() == body.len())
            .map(Arc::clone)
    });
    match shared {
        Some(source) => Some(read(&source)),
        None => core::str::from_utf8(body).ok().map(read),
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::new()
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(Repr::Owned(Box::from(text)))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(Repr::Owned(text.into_boxed_str()))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text::from(text.as_str())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.into_string()
    }
}

impl From<&Text> for String {
    fn from(text: &Text) -> Self {
        text.as_str().to_owned()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! eq_with {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Text {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<Text> for $other {
            fn eq(&self, other: &Text) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}
eq_with!(str, &str, String);

// As `String` does: a field read as text compares with the JSON it came from.
impl PartialEq<serde_json::Value> for Text {
    fn eq(&self, other: &serde_json::Value) -> bool {
        other.as_str() == Some(self.as_str())
    }
}

impl PartialEq<Text> for serde_json::Value {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    // Worded as `String`'s, so that an error says what it said before.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    // A string of the input without escapes: a range of the shared body when
    // it is the one being parsed.
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text, E> {
        Ok(Text::shared(text))
    }

    // A string with escapes (unescaped into a scratch buffer), or from a
    // reader that does not lend its input: a copy.
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::from(text))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
        Ok(Text::from(text))
    }

    // `String` accepts UTF-8 bytes too (serde's own impl does): so does `Text`.
    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Text, E> {
        core::str::from_utf8(bytes)
            .map(Text::from)
            .map_err(|_| E::invalid_value(de::Unexpected::Bytes(bytes), &self))
    }
}

/// A string, kept as a [`Text`], or an integer, kept as its decimal digits:
/// an id some vendors write either way. `null` is `None`. `expecting` says
/// what the field is, in an error.
pub(crate) fn opt_text_or_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
    expecting: &'static str,
) -> Result<Option<Text>, D::Error> {
    deserializer.deserialize_any(TextOrInteger { expecting, null: true })
}

/// [`opt_text_or_integer`] for a field that must not be `null`.
pub(crate) fn text_or_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
    expecting: &'static str,
) -> Result<Text, D::Error> {
    let visitor = TextOrInteger { expecting, null: false };
    deserializer
        .deserialize_any(visitor)?
        .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Unit, &visitor))
}

#[derive(Clone, Copy)]
struct TextOrInteger {
    expecting: &'static str,
    /// `null` is accepted (as `None`).
    null: bool,
}

impl<'de> Visitor<'de> for TextOrInteger {
    type Value = Option<Text>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Text::shared(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Some(Text::from(text)))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Some(Text::from(text)))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(Some(Text::from(number.to_string())))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Ok(Some(Text::from(number.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        match self.null {
            true => Ok(None),
            false => Err(E::invalid_type(de::Unexpected::Unit, &self)),
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Signer {
        email: Text,
        name: Option<Text>,
    }

    /// `{"email":…,"name":…,"notes":"…"}`, at least [`SHARE_FROM`] bytes.
    fn big(email: &str, name: &str) -> Vec<u8> {
        let notes = "n".repeat(SHARE_FROM);
        format!(r#"{{"email":"{email}","name":"{name}","notes":"{notes}"}}"#).into_bytes()
    }

    #[test]
    fn a_parsed_string_is_a_range_of_the_shared_body() {
        let body = big("ana@example.com", r#"Ana \"A\" Lima"#);
        let signer: Signer = sharing(&body, |shared| serde_json::from_slice(shared)).unwrap();
        assert_eq!(signer.email, "ana@example.com");
        assert_eq!(signer.name.as_deref(), Some(r#"Ana "A" Lima"#));
        // Without escapes: the body's copy, shared. With escapes: its own.
        assert!(signer.email.is_shared());
        assert!(signer.name.as_ref().is_some_and(|name| !name.is_shared()));
        let Repr::Shared { source, .. } = &signer.email.0 else {
            unreachable!()
        };
        // The event's strings, and this thread's spare for the next body.
        assert_eq!((Arc::strong_count(source), source.len()), (2, body.len()));
        SPARE.with(|spare| spare.replace(None));
        assert_eq!(Arc::strong_count(source), 1);
        assert!(!signer.email.detach().is_shared());
        // Outside `sharing`, or for a small body, every string is its own copy.
        let alone: Signer = serde_json::from_slice(&body).unwrap();
        assert!(!alone.email.is_shared());
        let small: Signer = sharing(br#"{"email":"a@b.c"}"#, |b| serde_json::from_slice(b)).unwrap();
        assert!(!small.email.is_shared());
        assert!(SHARED.with(|shared| shared.borrow().is_none()));
    }

    #[test]
    fn the_shared_body_is_released_after_a_panic() {
        let body = big("a@b.c", "A");
        let result = std::panic::catch_unwind(|| sharing(&body, |_| panic!("a model that panics")));
        assert!(result.is_err());
        assert!(SHARED.with(|shared| shared.borrow().is_none()));
    }

    /// Where the body copy behind a shared `text` lies.
    fn copy_at(text: &Text) -> *const u8 {
        match &text.0 {
            Repr::Shared { source, .. } => source.as_ptr(),
            Repr::Owned(_) => panic!("not shared"),
        }
    }

    #[test]
    fn the_next_body_is_copied_into_the_last_copy_once_no_text_holds_it() {
        let body = big("a@b.c", "A");
        let read = |body: &[u8]| -> Signer { sharing(body, |b| serde_json::from_slice(b)).unwrap() };
        let first = read(&body);
        // `first` holds the copy: the next body gets memory of its own.
        let second = read(&big("d@e.f", "D"));
        assert_ne!(copy_at(&first.email), copy_at(&second.email));
        assert_eq!((first.email.as_str(), second.email.as_str()), ("a@b.c", "d@e.f"));
        let second_at = copy_at(&second.email);
        drop((first, second));
        // No `Text` holds the last copy: the next body (no bigger) reuses it.
        let third = read(&big("g@h.i", "G"));
        assert_eq!(copy_at(&third.email), second_at);
        assert_eq!(third.email, "g@h.i");
        drop(third);
        // A bigger body than the copy can hold gets a new one.
        let mut bigger = big("j@k.l", "J");
        bigger.truncate(bigger.len() - 2);
        bigger.extend_from_slice(&[b'n'; 64]);
        bigger.extend_from_slice(b"\"}");
        let fourth = read(&bigger);
        assert_eq!(fourth.email, "j@k.l");
    }

    #[test]
    fn is_as_big_as_a_string() {
        assert_eq!(size_of::<Text>(), size_of::<String>());
        assert_eq!(size_of::<Option<Text>>(), size_of::<Option<String>>());
    }

    #[test]
    fn errors_read_as_those_of_string() {
        let text = serde_json::from_str::<Text>("12").unwrap_err().to_string();
        let string = serde_json::from_str::<String>("12").unwrap_err().to_string();
        assert_eq!(text, string);
    }

    #[test]
    fn compares_and_hashes_as_its_str() {
        use std::collections::HashSet;
        let shared: Signer = sharing(&big("a@b.c", "A"), |b| serde_json::from_slice(b)).unwrap();
        assert!(shared.email.is_shared());
        assert_eq!(shared.email, Text::from("a@b.c"));
        let set: HashSet<Text> = [shared.email.clone()].into_iter().collect();
        assert!(set.contains("a@b.c"));
        assert_eq!(serde_json::to_string(&shared.email).unwrap(), r#""a@b.c""#);
        assert_eq!(format!("{:?} {}", shared.email, shared.email), r#""a@b.c" a@b.c"#);
    }
}
