//! Every public error type composes with `?`: into `Box<dyn Error>` (and
//! `Box<dyn Error + Send + Sync>`, what `anyhow` and most applications use),
//! and `StoreError` also into and from `std::io::Error`; and a store error's
//! whole `source()` chain is one line of text without control characters.

use std::error::Error as StdError;
use std::io;

use esign_webhooks::dedup::{StoreError, StoreErrorKind};
use esign_webhooks::{Error, HandlerError, MultipartError, ParseCodeError, StoredBodyError, UnknownVendor, Vendor};

type Boxed = Box<dyn StdError>;
type BoxedSendSync = Box<dyn StdError + Send + Sync>;

/// `?` from `E` into both boxes: instantiated once per type below, so a type
/// that stops composing fails to compile.
fn lift<E>(result: Result<(), E>) -> Result<(), Boxed>
where
    Boxed: From<E>,
{
    result?;
    Ok(())
}

fn lift_send_sync<E>(result: Result<(), E>) -> Result<(), BoxedSendSync>
where
    BoxedSendSync: From<E>,
{
    result?;
    Ok(())
}

/// Also requires `std::error::Error + Send + Sync + 'static`, what
/// `anyhow::Error: From<E>` requires.
fn anyhow_compatible<E: StdError + Send + Sync + 'static>() {}

#[test]
fn every_public_error_type_composes_into_box_dyn_error() {
    fn each<E>()
    where
        Boxed: From<E>,
        BoxedSendSync: From<E>,
    {
        let _: fn(Result<(), E>) -> Result<(), Boxed> = lift::<E>;
        let _: fn(Result<(), E>) -> Result<(), BoxedSendSync> = lift_send_sync::<E>;
    }
    each::<Error>();
    each::<StoreError>();
    each::<HandlerError>();
    each::<ParseCodeError>();
    each::<UnknownVendor>();
    each::<MultipartError>();
    each::<StoredBodyError>();
    // An alias of `Box<dyn Error + Send + Sync>`: the standard library has
    // no `From` from it into `Box<dyn Error>` (a coercion does it, not `?`).
    let _ = lift_send_sync::<esign_webhooks::registry::TransportError>;
    each::<esign_webhooks::verify::ParseSchemeError>();
    each::<esign_webhooks::verify::NotDetected>();
    each::<esign_webhooks::config::ConfigError>();
    #[cfg(feature = "esignglobal")]
    each::<esign_webhooks::esignglobal::SchemeNotFound>();

    anyhow_compatible::<Error>();
    anyhow_compatible::<StoreError>();
    anyhow_compatible::<ParseCodeError>();
    anyhow_compatible::<UnknownVendor>();
    anyhow_compatible::<MultipartError>();
    anyhow_compatible::<StoredBodyError>();
}

#[test]
fn values_keep_their_text_through_the_question_mark() {
    let unknown = lift("no-such-vendor".parse::<Vendor>().map(drop)).unwrap_err();
    assert!(!unknown.to_string().is_empty());

    let handler = lift_send_sync(Err(HandlerError::msg("database down"))).unwrap_err();
    assert_eq!(handler.to_string(), "database down");

    let store = lift(Err(StoreError::new(StoreErrorKind::Server, "relation missing"))).unwrap_err();
    assert_eq!(store.to_string(), "relation missing");
    assert_eq!(
        store.downcast_ref::<StoreError>().map(StoreError::kind),
        Some(StoreErrorKind::Server),
        "the box holds the StoreError itself"
    );
}

#[test]
fn store_error_converts_from_and_into_io_errors() {
    fn store_op() -> Result<(), StoreError> {
        Err(io::Error::new(io::ErrorKind::ConnectionRefused, "refused"))?;
        Ok(())
    }
    fn io_user() -> io::Result<()> {
        store_op()?;
        Ok(())
    }
    let err = store_op().unwrap_err();
    assert_eq!(err.kind(), StoreErrorKind::Connection);
    assert_eq!(err.to_string(), "refused");
    let io_err = io_user().unwrap_err();
    assert_eq!(io_err.kind(), io::ErrorKind::ConnectionRefused);
    assert_eq!(io_err.to_string(), "refused");

    let timeout = StoreError::from(io::Error::new(io::ErrorKind::TimedOut, "slow"));
    assert_eq!(timeout.kind(), StoreErrorKind::Timeout);
    assert_eq!(io::Error::from(timeout).kind(), io::ErrorKind::TimedOut);

    let text: StoreError = String::from("owned").into();
    assert_eq!(
        (text.kind(), text.to_string().as_str()),
        (StoreErrorKind::Other, "owned")
    );
    let boxed: BoxedSendSync = "boxed".into();
    let from_box = StoreError::from(boxed);
    assert_eq!(
        (from_box.kind(), from_box.to_string().as_str()),
        (StoreErrorKind::Other, "boxed")
    );
}

#[derive(Debug)]
struct Hostile(&'static str, Option<Box<Hostile>>);

impl std::fmt::Display for Hostile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl StdError for Hostile {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.1.as_deref().map(|e| e as &(dyn StdError + 'static))
    }
}

#[test]
fn no_control_character_anywhere_in_the_chain() {
    let err = StoreError::other(Hostile(
        "ERR\r\nforged line\u{1b}[2J",
        Some(Box::new(Hostile("cause\n\u{2028}second", None))),
    ));
    let mut texts = vec![err.to_string(), format!("{err:?}")];
    let mut next = err.source();
    while let Some(cause) = next {
        texts.push(cause.to_string());
        next = cause.source();
    }
    assert_eq!(texts.len(), 3, "the cause is kept: {texts:?}");
    assert_eq!(texts[0], r"ERR\r\nforged line\u{1b}[2J");
    assert_eq!(texts[2], r"cause\n\u{2028}second");
    for text in &texts {
        assert!(!text.chars().any(|c| c.is_control() || c == '\u{2028}'), "{text:?}");
    }
}
