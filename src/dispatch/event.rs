//! [`Event`]: what [`Webhooks::dispatch`](crate::Webhooks::dispatch) returns,
//! one variant per vendor of the vendor table (`src/vendor.rs`).

use http::Response;

use crate::Vendor;
use crate::dedup_key::DedupKey;
#[allow(unused_imports)] // unused when every vendor feature is off
use crate::plugin::Plugin;

macro_rules! event_enum {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        /// A verified, typed delivery from one of the vendors.
        ///
        /// New vendors may be added in minor releases, so a `match` needs a wildcard
        /// arm. Events a vendor adds later arrive inside each vendor's own type as an
        /// `Unknown` value that keeps the raw JSON, never as an error.
        ///
        /// ```
        /// use esign_webhooks::{Event, Vendor};
        ///
        /// fn describe(event: &Event) -> String {
        ///     match event {
        ///         Event::EsignGlobal(event) => format!("eSignGlobal {}", event.kind()),
        ///         Event::Ignisign(delivery) => format!("Ignisign {} (token not yet confirmed)", delivery.topic()),
        ///         Event::SignPlus(event) => format!("Sign.Plus {}", event.kind()),
        ///         Event::Constellation(update) => format!("Constellation1 {:?}", update.data.status),
        ///         other => format!("{}", other.vendor()),
        ///     }
        /// }
        /// ```
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[cfg(feature = $feature)]
                #[doc = concat!("A ", $name, " delivery: [`", stringify!($module), "::", stringify!($marker),
                    "`](crate::", stringify!($module), "::", stringify!($marker), ") says what it holds.")]
                $variant(<crate::$module::$marker as Plugin>::Event),
            )*
        }

        impl Event {
            /// The vendor the event comes from.
            pub fn vendor(&self) -> Vendor {
                match *self {
                    $(#[cfg(feature = $feature)] Event::$variant(_) => Vendor::$variant,)*
                }
            }

            /// The event's kind in the vendor's own words (`ENVELOPE_FINISH`,
            /// `envelope-completed`, …), as the crate logs it.
            pub fn kind_name(&self) -> std::borrow::Cow<'_, str> {
                match *self {
                    $(#[cfg(feature = $feature)] Event::$variant(ref event) => <crate::$module::$marker as Plugin>::kind_name(event),)*
                }
            }

            /// What identifies the delivery for deduplication (see [`DedupKey`]).
            pub(crate) fn dedup_key(&self) -> DedupKey {
                match *self {
                    $(#[cfg(feature = $feature)] Event::$variant(ref event) => <crate::$module::$marker as Plugin>::dedup_key(event),)*
                }
            }

            /// The response the vendor expects once the delivery is handled:
            /// `200` with the body the vendor requires (eSignGlobal's
            /// `{"code":"200","msg":"success"}`, …), empty for most vendors.
            ///
            /// ```
            /// use esign_webhooks::{Vendor, dangerous};
            ///
            /// let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
            /// let event = dangerous::parse_unverified(Vendor::EsignGlobal, body)?;
            /// let response = event.success_response();
            /// assert_eq!(response.status(), 200);
            /// assert_eq!(response.body().as_slice(), br#"{"code":"200","msg":"success"}"#);
            /// # Ok::<(), esign_webhooks::Error>(())
            /// ```
            pub fn success_response(&self) -> Response<Vec<u8>> {
                match *self {
                    $(#[cfg(feature = $feature)] Event::$variant(ref event) => <crate::$module::$marker as Plugin>::success_response(event),)*
                }
            }
        }

        /// Written as `{"vendor": "<slug>", "event": <the vendor's event>}`,
        /// each vendor's event in its own serde form (the wire form for most
        /// vendors), so that a dispatched event can be queued and read back.
        ///
        /// ```
        /// use esign_webhooks::{Event, Vendor, dangerous};
        ///
        /// let body = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
        /// let event = dangerous::parse_unverified(Vendor::SignPlus, body)?;
        /// let stored = serde_json::to_string(&event).unwrap();
        /// assert!(stored.starts_with(r#"{"vendor":"signplus","event":"#));
        /// let again: Event = serde_json::from_str(&stored).unwrap();
        /// assert_eq!(format!("{again:?}"), format!("{event:?}"));
        /// # Ok::<(), esign_webhooks::Error>(())
        /// ```
        impl serde::Serialize for Event {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut out = serializer.serialize_struct("Event", 2)?;
                out.serialize_field("vendor", &self.vendor())?;
                // `end` inside each arm: with no vendor compiled in, the match
                // has no arm, and code after it would be unreachable.
                match *self {
                    $(#[cfg(feature = $feature)] Event::$variant(ref event) => {
                        out.serialize_field("event", event)?;
                        out.end()
                    })*
                }
            }
        }

        /// Reads what [`Serialize`](serde::Serialize) writes: the vendor first
        /// decides how `event` is read.
        impl<'de> serde::Deserialize<'de> for Event {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
                #[derive(serde::Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Stored {
                    vendor: Vendor,
                    event: serde_json::Value,
                }
                let stored = Stored::deserialize(deserializer)?;
                let _ = &stored.event;
                match stored.vendor {
                    $(
                        #[cfg(feature = $feature)]
                        Vendor::$variant => serde_json::from_value(stored.event)
                            .map(Event::$variant)
                            .map_err(serde::de::Error::custom),
                    )*
                    #[allow(unreachable_patterns)]
                    other => Err(serde::de::Error::custom(format_args!(
                        "{other} is not compiled in (cargo feature `{}`)",
                        other.slug()
                    ))),
                }
            }
        }

        /// Whether a failed callback should make `vendor` retry.
        pub(crate) fn retries_on_failure(vendor: Vendor) -> bool {
            match vendor {
                $(#[cfg(feature = $feature)] Vendor::$variant => <crate::$module::$marker as Plugin>::RETRY_ON_FAILURE,)*
                #[allow(unreachable_patterns)]
                _ => true,
            }
        }
    };
}

crate::vendor::vendor_table!(event_enum);

impl Event {
    /// `true` when a callback that failed on this event should be answered
    /// with a retryable 5xx, so that the vendor sends it again; `false` for a
    /// vendor whose delivery could not be verified a second time (Ignisign's
    /// single-use token, already spent): answer it its
    /// [`success_response`](Event::success_response) and keep the event
    /// yourself. The callback registry (`Report::response`) decides the same way.
    ///
    /// ```
    /// use esign_webhooks::{Vendor, dangerous};
    ///
    /// let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
    /// let event = dangerous::parse_unverified(Vendor::EsignGlobal, body)?;
    /// assert!(event.retries_on_failure());
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn retries_on_failure(&self) -> bool {
        retries_on_failure(self.vendor())
    }
}

impl DedupKey {
    /// The key of a verified event, as its vendor's plug-in derives it (each
    /// vendor module's documentation says from what, and why).
    pub fn of(event: &Event) -> DedupKey {
        event.dedup_key()
    }
}
