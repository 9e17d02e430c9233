//! The confirmation phase of vendors whose events must be confirmed with the
//! vendor before callbacks may trust them ([`Confirmation`]): one
//! registration per vendor, made on its registrar (`confirm_with`,
//! `dangerous_skip_confirmation`), kept here type-erased and found again by
//! the vendor's plug-in type.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use super::transport::{BlockingTokenTransport, TokenTransport, TransportError};
use crate::error::{Error, ErrorKind};
use crate::plugin::{Confirmation, Plugin};
use crate::Vendor;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// A vendor's blocking confirmation: the event in, the confirmed event out.
struct Blocking<P: Plugin>(Box<dyn Fn(P::Event) -> Result<P::Confirmed, Error> + Send + Sync>);

/// A vendor's async confirmation.
struct Async<P: Plugin>(Box<dyn Fn(P::Event) -> BoxFuture<Result<P::Confirmed, Error>> + Send + Sync>);

/// The registered confirmations, at most one per vendor.
#[derive(Default)]
pub(crate) struct Confirmers {
    entries: Vec<(Vendor, &'static str, Box<dyn Any + Send + Sync>)>,
}

impl core::fmt::Debug for Confirmers {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(vendor, how, _)| (vendor, how)))
            .finish()
    }
}

impl Confirmers {
    fn set(&mut self, vendor: Vendor, how: &'static str, confirm: Box<dyn Any + Send + Sync>) {
        self.entries.retain(|(v, _, _)| *v != vendor);
        self.entries.push((vendor, how, confirm));
    }

    fn get<T: 'static>(&self, vendor: Vendor) -> Option<&T> {
        self.entries
            .iter()
            .find(|(v, _, _)| *v == vendor)
            .and_then(|(_, _, confirm)| confirm.downcast_ref::<T>())
    }

    /// Confirms through `transport`, blocking.
    pub(crate) fn set_blocking<P: Confirmation>(
        &mut self,
        credential: P::Credential,
        transport: impl BlockingTokenTransport + 'static,
    ) {
        let confirm = move |event: P::Event| {
            let request = P::request(&event, &credential)?;
            let response = transport.send(request).map_err(|err| transport_failed(P::VENDOR, &err))?;
            P::finish(event, response)
        };
        self.set(P::VENDOR, "confirm_with", Box::new(Blocking::<P>(Box::new(confirm))));
    }

    /// Confirms through an async `transport`.
    pub(crate) fn set_async<P: Confirmation>(
        &mut self,
        credential: P::Credential,
        transport: impl TokenTransport + 'static,
    ) {
        let shared = std::sync::Arc::new((credential, transport));
        let confirm = move |event: P::Event| -> BoxFuture<Result<P::Confirmed, Error>> {
            let shared = std::sync::Arc::clone(&shared);
            Box::pin(async move {
                let request = P::request(&event, &shared.0)?;
                let response = shared.1.send(request).await.map_err(|err| transport_failed(P::VENDOR, &err))?;
                P::finish(event, response)
            })
        };
        self.set(P::VENDOR, "confirm_with", Box::new(Async::<P>(Box::new(confirm))));
    }

    /// Trusts the vendor's events without confirming them.
    pub(crate) fn set_dangerous_skip<P: Confirmation>(&mut self) {
        self.set(P::VENDOR, "dangerous_skip_confirmation", Box::new(Blocking::<P>(Box::new(|event| Ok(P::dangerous_skip(event))))));
    }

    /// Confirms `event` with the registered blocking confirmation. A panic in
    /// the transport is an error, never an unwind through `handle`.
    pub(crate) fn blocking<P: Plugin>(&self, event: P::Event) -> Result<P::Confirmed, Error> {
        let Some(Blocking(confirm)) = self.get::<Blocking<P>>(P::VENDOR) else {
            return Err(unconfirmed(P::VENDOR));
        };
        catch_unwind(AssertUnwindSafe(|| confirm(event))).unwrap_or_else(|_| Err(panicked(P::VENDOR)))
    }

    /// Confirms `event` with the registered async confirmation (or a
    /// dangerous skip). A panic while confirming is an error.
    pub(crate) async fn asynchronous<P: Plugin>(&self, event: P::Event) -> Result<P::Confirmed, Error> {
        if let Some(Blocking(skip)) = self.get::<Blocking<P>>(P::VENDOR) {
            return catch_unwind(AssertUnwindSafe(|| skip(event))).unwrap_or_else(|_| Err(panicked(P::VENDOR)));
        }
        let Some(Async(confirm)) = self.get::<Async<P>>(P::VENDOR) else {
            return Err(unconfirmed(P::VENDOR));
        };
        let future = match catch_unwind(AssertUnwindSafe(|| confirm(event))) {
            Ok(future) => future,
            Err(_) => return Err(panicked(P::VENDOR)),
        };
        CatchUnwind(future).await.unwrap_or_else(|()| Err(panicked(P::VENDOR)))
    }
}

/// Polls a future, turning a panic into `Err(())`.
struct CatchUnwind<T>(BoxFuture<T>);

impl<T> Future for CatchUnwind<T> {
    type Output = Result<T, ()>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = &mut self.0;
        match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(value)) => Poll::Ready(Ok(value)),
            Err(_) => Poll::Ready(Err(())),
        }
    }
}

fn unconfirmed(vendor: Vendor) -> Error {
    Error::configuration(format!(
        "{vendor} deliveries must be confirmed before callbacks run: register `handlers.{slug}().confirm_with(credential, \
         transport)` or call `handlers.{slug}().dangerous_skip_confirmation()`",
        slug = vendor.slug()
    ))
    .with_vendor(vendor)
}

fn transport_failed(vendor: Vendor, error: &TransportError) -> Error {
    Error::new(ErrorKind::ConfirmationFailed {
        status: None,
        error_code: None,
        reason: format!("the transport failed: {error}"),
    })
    .with_vendor(vendor)
}

fn panicked(vendor: Vendor) -> Error {
    Error::new(ErrorKind::ConfirmationFailed {
        status: None,
        error_code: None,
        reason: "the confirmation transport panicked".to_owned(),
    })
    .with_vendor(vendor)
}
