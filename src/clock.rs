//! The clock used for timestamp tolerance, injectable for tests.

use core::fmt::Debug;
use std::time::{SystemTime, UNIX_EPOCH};

/// A source of the current time, in Unix seconds.
///
/// The crate uses [`SystemClock`] unless told otherwise
/// ([`WebhooksBuilder::clock`](crate::WebhooksBuilder::clock)). Tests pass a
/// [`FixedClock`] so that signed fixtures with a past timestamp keep verifying.
///
/// ```
/// use esign_webhooks::{Clock, FixedClock};
/// assert_eq!(FixedClock(1_700_000_000).now_unix(), 1_700_000_000);
/// ```
pub trait Clock: Debug + Send + Sync {
    /// Seconds since the Unix epoch (negative before 1970).
    fn now_unix(&self) -> i64;
}

/// The system's wall clock.
///
/// ```
/// use esign_webhooks::{Clock, SystemClock};
/// assert!(SystemClock.now_unix() > 1_700_000_000);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a unit struct users name as a value; it will never gain fields"
)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> i64 {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
        }
    }
}

/// A clock stopped at a given Unix time, for tests.
///
/// ```
/// use esign_webhooks::{Clock, FixedClock};
/// let clock = FixedClock(1_649_367_553);
/// assert_eq!(clock.now_unix(), 1_649_367_553);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a public newtype over the time it returns, by design"
)]
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now_unix(&self) -> i64 {
        self.0
    }
}
