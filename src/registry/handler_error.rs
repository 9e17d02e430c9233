//! [`HandlerError`]: what a callback returns when it fails.

use core::fmt;

/// The error type callbacks return: `Result<(), HandlerError>`.
///
/// Any `std::error::Error + Send + Sync + 'static` converts into it with `?`,
/// and [`HandlerError::msg`] makes one from text. Like `anyhow::Error`, it does
/// not implement `std::error::Error` itself, which is what lets that blanket
/// conversion exist; [`HandlerError::into_inner`] gives the boxed error back.
///
/// ```
/// use esign_webhooks::HandlerError;
///
/// fn store(n: &str) -> Result<(), HandlerError> {
///     let parsed: u32 = n.parse()?; // ParseIntError converts
///     if parsed == 0 {
///         return Err(HandlerError::msg("zero is not a valid id"));
///     }
///     Ok(())
/// }
/// assert!(store("7").is_ok());
/// assert_eq!(store("x").unwrap_err().to_string(), "invalid digit found in string");
/// ```
pub struct HandlerError(Box<dyn std::error::Error + Send + Sync + 'static>);

impl HandlerError {
    /// An error made of a message.
    pub fn msg(message: impl fmt::Display) -> Self {
        HandlerError(message.to_string().into())
    }

    /// Wraps an already boxed error (from `anyhow::Error::into()`, say).
    pub fn from_boxed(error: Box<dyn std::error::Error + Send + Sync + 'static>) -> Self {
        HandlerError(error)
    }

    /// The underlying error.
    pub fn into_inner(self) -> Box<dyn std::error::Error + Send + Sync + 'static> {
        self.0
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for HandlerError {
    fn from(error: E) -> Self {
        HandlerError(Box::new(error))
    }
}

impl fmt::Debug for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// So that `?` turns it into a `Box<dyn Error + Send + Sync>` (it cannot
/// implement [`std::error::Error`] itself: its blanket `From` would then
/// convert it into itself). The underlying error, unwrapped.
impl From<HandlerError> for Box<dyn std::error::Error + Send + Sync + 'static> {
    fn from(error: HandlerError) -> Self {
        error.0
    }
}

/// So that `?` turns it into a `Box<dyn Error>`. The underlying error, unwrapped.
impl From<HandlerError> for Box<dyn std::error::Error + 'static> {
    fn from(error: HandlerError) -> Self {
        error.0
    }
}
