//! [`Vendors`]: each vendor's configured verifier, and every per-vendor arm of
//! `dispatch`, generated from the vendor table (`src/vendor.rs`) so that
//! the rest of `dispatch` names no vendor.

use crate::Vendor;
use crate::clock::Clock;
use crate::dispatch::Event;
use crate::error::Error;
use crate::headers::{Headers, Incoming};
#[allow(unused_imports)] // unused when every vendor feature is off
use crate::plugin::{Authenticated, BodyShape, Plugin, VendorVerifier};
use crate::vendor::VendorSet;
use crate::verify::Verified;

#[allow(unused_imports)]
use crate::error::not_configured;

macro_rules! vendors {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        /// The configured verifier of each vendor.
        #[derive(Debug, Default)]
        pub(crate) struct Vendors {
            /// The vendors with a verifier, kept beside the fields so that a
            /// request reads one word to skip the others: the verifiers lie
            /// across kilobytes, and touching each one's cache line costs a
            /// multi-tenant receiver, whose receivers are mostly cold, more
            /// than the check itself (`benches/tenants.rs`).
            set: VendorSet,
            $(
                #[cfg(feature = $feature)]
                $module: Option<<crate::$module::$marker as Plugin>::Verifier>,
            )*
        }

        impl Vendors {
            $(
                /// Sets the vendor's verifier (`WebhooksBuilder`'s setter of the same name).
                #[cfg(feature = $feature)]
                pub(crate) fn $module(mut self, verifier: crate::$module::Verifier) -> Self {
                    self.$module = Some(verifier);
                    self.set.insert(Vendor::$variant);
                    self
                }
            )*
        }

        impl Vendors {
            /// The vendors with a verifier.
            pub(crate) fn configured(&self) -> VendorSet {
                self.set
            }

            /// `field`, the verifier of `vendor`, read only when the set says
            /// it is configured (see `set`).
            #[allow(dead_code)] // unused when every vendor feature is off
            fn get<'s, V>(&self, vendor: Vendor, field: &'s Option<V>) -> Option<&'s V> {
                if self.set.contains(vendor) { field.as_ref() } else { None }
            }

            /// Refuses configurations that cannot work, naming the vendor.
            pub(crate) fn validate(&self) -> Result<(), Error> {
                $(
                    #[cfg(feature = $feature)]
                    if let Some(verifier) = &self.$module {
                        verifier.validate().map_err(|err| err.with_vendor(Vendor::$variant))?;
                        if verifier.is_unverified() {
                            crate::trace::dangerous("dangerous_accept_unverified", Some(Vendor::$variant));
                        }
                    }
                )*
                Ok(())
            }

            /// The configured vendors whose credential the request carries.
            pub(crate) fn signalled<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> VendorSet {
                #[allow(unused_mut)]
                let mut set = VendorSet::default();
                $(
                    #[cfg(feature = $feature)]
                    if let Some(verifier) = self.get(Vendor::$variant, &self.$module) {
                        if verifier.identifies(incoming) {
                            set.insert(Vendor::$variant);
                        }
                    }
                )*
                let _ = incoming;
                set
            }

            /// The vendors (configured or not) whose distinctive keys the body
            /// has, and those that claim it only weakly.
            pub(crate) fn claimed(shape: &BodyShape<'_>) -> (VendorSet, VendorSet) {
                Self::claimed_among(shape, VendorSet::ALL)
            }

            /// [`claimed`](Self::claimed), asking only the vendors of `among`
            /// (a vendor's claim does not depend on the others': the answer is
            /// `claimed` intersected with `among`, without the others' work).
            pub(crate) fn claimed_among(shape: &BodyShape<'_>, among: VendorSet) -> (VendorSet, VendorSet) {
                #[allow(unused_mut)]
                let (mut strong, mut weak) = (VendorSet::default(), VendorSet::default());
                $(
                    #[cfg(feature = $feature)]
                    if !among.contains(Vendor::$variant) {
                    } else if <crate::$module::$marker as Plugin>::claims(shape) {
                        strong.insert(Vendor::$variant);
                    } else if <crate::$module::$marker as Plugin>::claims_weakly(shape) {
                        weak.insert(Vendor::$variant);
                    }
                )*
                let _ = (shape, among);
                (strong, weak)
            }

            /// Authenticates a request for `vendor`, without the typed parse:
            /// what was verified, and where (see [`Authenticated`]).
            pub(crate) fn authenticate<H: Headers + ?Sized>(
                &self,
                vendor: Vendor,
                incoming: &Incoming<'_, H>,
                clock: &dyn Clock,
            ) -> Result<Authenticated, Error> {
                let _ = (incoming, clock);
                match vendor {
                    $(
                        #[cfg(feature = $feature)]
                        Vendor::$variant => {
                            let verifier = self.$module.as_ref().ok_or_else(|| not_configured(vendor))?;
                            <crate::$module::$marker as Plugin>::authenticate_part(verifier, incoming, clock)
                                .map_err(|err| err.with_vendor(vendor))
                        }
                    )*
                    #[allow(unreachable_patterns)]
                    _ => Err(not_configured(vendor)),
                }
            }

            /// Authenticates and parses a request for `vendor`; what the
            /// check established goes to `verified`, and a failure through
            /// `explain`. The event is returned alone and never inspected
            /// after, so that it is built in the caller's result: [`Event`]
            /// is as large as its largest vendor's, and each move is a copy.
            pub(crate) fn receive<H: Headers + ?Sized>(
                &self,
                vendor: Vendor,
                incoming: &Incoming<'_, H>,
                clock: &dyn Clock,
                verified: &mut Verified,
                explain: impl FnOnce(Error) -> Error,
            ) -> Result<Event, Error> {
                let _ = (incoming, clock, &verified);
                match vendor {
                    $(
                        #[cfg(feature = $feature)]
                        Vendor::$variant => {
                            let verifier = self.$module.as_ref().ok_or_else(|| not_configured(vendor))?;
                            <crate::$module::$marker as Plugin>::receive(verifier, incoming, clock)
                                .map(|(event, by_check)| {
                                    *verified = by_check;
                                    Event::$variant(event)
                                })
                                .map_err(|err| {
                                    explain(
                                        unreadable_after_receive::<crate::$module::$marker, H>(verifier, incoming, clock, err)
                                            .with_vendor(vendor),
                                    )
                                })
                        }
                    )*
                    #[allow(unreachable_patterns)]
                    _ => Err(explain(not_configured(vendor))),
                }
            }

            /// The first configured vendor's setup handshake the request is
            /// ([`Plugin::setup_request`]): checked before identification, since
            /// a handshake may carry no credential at all (BoldSign's
            /// `Verification` is sent before its secret exists).
            pub(crate) fn setup_request<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Option<Error> {
                $(
                    #[cfg(feature = $feature)]
                    if let Some(verifier) = self.get(Vendor::$variant, &self.$module) {
                        if let Some(err) = <crate::$module::$marker as Plugin>::setup_request(verifier, incoming) {
                            return Some(err.with_vendor(Vendor::$variant));
                        }
                    }
                )*
                let _ = incoming;
                None
            }

            /// The first configured vendor's answer to a request that is not a delivery.
            pub(crate) fn intent_response<H: Headers + ?Sized>(
                &self,
                incoming: &Incoming<'_, H>,
            ) -> Option<http::Response<Vec<u8>>> {
                $(
                    #[cfg(feature = $feature)]
                    if let Some(verifier) = self.get(Vendor::$variant, &self.$module) {
                        if let Some(response) = <crate::$module::$marker as Plugin>::intent_response_incoming(verifier, incoming) {
                            return Some(response);
                        }
                    }
                )*
                let _ = incoming;
                None
            }
        }

        /// Adds `vendor`, configured by its table of a configuration file, to `builder`.
        pub(crate) fn configure(
            builder: Vendors,
            vendor: Vendor,
            table: &crate::config::VendorConfig,
            env: &dyn Fn(&str) -> Option<String>,
        ) -> Result<Vendors, crate::config::ConfigError> {
            let _ = (table, env);
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$variant => Ok(builder.$module(
                        <crate::$module::Verifier as VendorVerifier>::from_config(table, env)?,
                    )),
                )*
                #[allow(unreachable_patterns)]
                _ => Err(crate::config::ConfigError::key(
                    vendor.slug().to_owned(),
                    format!("{vendor} is not compiled in (enable the cargo feature `{}`)", vendor.slug()),
                )),
            }
        }

        /// Parses the verified part of a body, with the request value kept
        /// beside it ([`Plugin::parse_part`]): the split path's parse.
        pub(crate) fn parse_part(vendor: Vendor, part: &[u8], kept: Option<&str>) -> Result<Event, Error> {
            let _ = (part, kept);
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$variant => crate::plugin::sharing::<crate::$module::$marker, _>(part, |part| <crate::$module::$marker as Plugin>::parse_part(part, kept))
                        .map(Event::$variant)
                        .map_err(|err| {
                            crate::dispatch::unreadable::classify::<crate::$module::$marker>(part, None, err)
                                .with_vendor(vendor)
                        }),
                )*
                #[allow(unreachable_patterns)]
                _ => Err(not_configured(vendor)),
            }
        }

        /// The account the request names, by the plug-in of the one vendor
        /// whose distinctive keys the body has (or, for a body no vendor claims,
        /// of the only vendor whose hook names one: Adobe's client id is a
        /// header): `None` when no vendor, or more than one, answers. A routing
        /// hint read before any check ([`Plugin::account_id`]).
        pub(crate) fn account_named(request: &crate::tenant_id::TenantRequest<'_>) -> Option<(Vendor, String)> {
            let (claimed, _) = Vendors::claimed(&BodyShape::of(request.body()));
            let ask = |vendor: Vendor| -> Option<String> {
                match vendor {
                    $(
                        #[cfg(feature = $feature)]
                        Vendor::$variant => <crate::$module::$marker as Plugin>::account_id(request),
                    )*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            };
            if claimed.len() > 0 {
                let vendor = claimed.single()?;
                return ask(vendor).map(|account| (vendor, account));
            }
            let mut named = Vendor::ALL.iter().filter_map(|vendor| ask(*vendor).map(|account| (*vendor, account)));
            let first = named.next()?;
            match named.next() {
                Some(_) => None,
                None => Some(first),
            }
        }

        /// Parses a body read without its request (its headers unknown),
        /// whose authenticity was established before.
        pub(crate) fn parse_verified(vendor: Vendor, body: &[u8]) -> Result<Event, Error> {
            let _ = body;
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$variant => crate::plugin::sharing::<crate::$module::$marker, _>(body, crate::plugin::parse::<crate::$module::$marker>)
                        .map(Event::$variant)
                        .map_err(|err| err.with_vendor(vendor)),
                )*
                #[allow(unreachable_patterns)]
                _ => Err(not_configured(vendor)),
            }
        }

        /// Checks `vendor`'s one-pass parse against its precise parse on `body`
        /// (see [`Plugin::fast_parse`]). For the differential fuzz target and tests.
        pub(crate) fn fast_path_agrees(vendor: Vendor, body: &[u8]) -> Result<(), String> {
            let _ = body;
            match vendor {
                $(
                    #[cfg(feature = $feature)]
                    Vendor::$variant => crate::plugin::fast_path_agrees::<crate::$module::$marker>(body),
                )*
                #[allow(unreachable_patterns)]
                _ => Ok(()),
            }
        }
    };
}

/// A failure of [`Plugin::receive`], reclassified as unreadable when the
/// request authenticates and the failure is the model's
/// ([`classify`](crate::dispatch::unreadable::classify)). `receive` does not
/// say whether it failed before or after authentication (a vendor may
/// override it), so a payload failure is checked again by authenticating
/// alone: only the error path pays for it, and an unauthenticated body is
/// never called unreadable.
#[allow(dead_code)] // unused when every vendor feature is off
fn unreadable_after_receive<P: Plugin, H: Headers + ?Sized>(
    verifier: &P::Verifier,
    incoming: &Incoming<'_, H>,
    clock: &dyn Clock,
    err: Error,
) -> Error {
    if !matches!(err.kind(), crate::ErrorKind::MalformedPayload { .. }) {
        return err;
    }
    let Ok(authenticated) = P::authenticate_part(verifier, incoming, clock) else {
        return err;
    };
    match authenticated.part_of(incoming.body()) {
        Ok(part) => crate::dispatch::unreadable::classify::<P>(part, Some(authenticated.range()), err),
        Err(_) => err,
    }
}

crate::vendor::vendor_table!(vendors);
