//! [`ConfirmedEvent`]: a verified event whose content may be trusted, as
//! callbacks see it, generated from the vendor table (`src/vendor.rs`);
//! and the confirmation phase that turns an [`Event`] into one.

use crate::Event;
use crate::Vendor;
use crate::error::Error;
use crate::lifecycle::LifecycleStep;
#[allow(unused_imports)] // unused when every vendor feature is off
use crate::plugin::Plugin;

use super::confirm::Confirmers;

/// A vendor's confirmed events, as the registry finds them in a [`ConfirmedEvent`].
pub trait Registered: Plugin {
    /// The vendor's event, when `event` is one.
    fn pick(event: &ConfirmedEvent) -> Option<&Self::Confirmed>;
}

macro_rules! confirmed_event {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        /// A verified event, confirmed where its vendor needs it (Ignisign's
        /// token): what callbacks receive.
        ///
        /// Unlike [`Event`](crate::Event), the Ignisign variant holds the confirmed
        /// [`ignisign::Message`](crate::ignisign::Message) (topic, action, nature,
        /// content, error — never the app id, environment or token).
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum ConfirmedEvent {
            $(
                #[cfg(feature = $feature)]
                #[doc = concat!("A ", $name, " event.")]
                $variant(<crate::$module::$marker as Plugin>::Confirmed),
            )*
        }

        impl ConfirmedEvent {
            /// The vendor the event comes from.
            pub fn vendor(&self) -> Vendor {
                match *self {
                    $(#[cfg(feature = $feature)] ConfirmedEvent::$variant(_) => Vendor::$variant,)*
                }
            }

            /// `true` when the event, its action or its status is newer than this
            /// crate (it arrived as an `Unknown` value).
            pub fn is_unknown(&self) -> bool {
                match *self {
                    $(#[cfg(feature = $feature)] ConfirmedEvent::$variant(ref event) => <crate::$module::$marker as Plugin>::is_unknown(event),)*
                }
            }

            /// The lifecycle step the event means, when it means one.
            pub(crate) fn lifecycle(&self) -> Option<LifecycleStep> {
                match *self {
                    $(#[cfg(feature = $feature)] ConfirmedEvent::$variant(ref event) => <crate::$module::$marker as Plugin>::lifecycle(event),)*
                }
            }
        }

        $(
            #[cfg(feature = $feature)]
            impl Registered for crate::$module::$marker {
                fn pick(event: &ConfirmedEvent) -> Option<&Self::Confirmed> {
                    #[allow(unreachable_patterns)]
                    match event {
                        ConfirmedEvent::$variant(event) => Some(event),
                        _ => None,
                    }
                }
            }
        )*

        /// The event as callbacks see it when its verification authenticated
        /// it (no confirmation phase), or the event back when its vendor
        /// authenticates it in a confirmation phase (Ignisign's token), boxed
        /// (the rarer case, and a large value).
        pub(crate) fn authenticated_by_verification(event: Event) -> Result<ConfirmedEvent, Box<Event>> {
            match event {
                $(
                    #[cfg(feature = $feature)]
                    Event::$variant(event) => <crate::$module::$marker as Plugin>::into_confirmed(event)
                        .map(ConfirmedEvent::$variant)
                        .map_err(|event| Box::new(Event::$variant(event))),
                )*
            }
        }

        /// The event as callbacks see it: confirmed with its vendor through
        /// the registered confirmation when it needs one (blocking).
        pub(crate) fn confirm_blocking(confirmers: &Confirmers, event: Event) -> Result<ConfirmedEvent, Error> {
            let _ = confirmers;
            match event {
                $(
                    #[cfg(feature = $feature)]
                    Event::$variant(event) => match <crate::$module::$marker as Plugin>::into_confirmed(event) {
                        Ok(event) => Ok(ConfirmedEvent::$variant(event)),
                        Err(pending) => confirmers
                            .blocking::<crate::$module::$marker>(pending)
                            .map(ConfirmedEvent::$variant),
                    },
                )*
            }
        }

        /// Like [`confirm_blocking`], through an async confirmation.
        pub(crate) async fn confirm_async(confirmers: &Confirmers, event: Event) -> Result<ConfirmedEvent, Error> {
            let _ = confirmers;
            match event {
                $(
                    #[cfg(feature = $feature)]
                    Event::$variant(event) => match <crate::$module::$marker as Plugin>::into_confirmed(event) {
                        Ok(event) => Ok(ConfirmedEvent::$variant(event)),
                        Err(pending) => confirmers
                            .asynchronous::<crate::$module::$marker>(pending)
                            .await
                            .map(ConfirmedEvent::$variant),
                    },
                )*
            }
        }

    };
}

crate::vendor::vendor_table!(confirmed_event);
