//! The macro that writes each registration method twice: once taking a
//! blocking closure (`Fn(&P) -> Result<(), HandlerError>`), once taking an
//! async one (`Fn(P) -> impl Future<Output = Result<(), HandlerError>>`).
//!
//! The closure bounds must appear on the methods themselves for Rust to infer
//! a closure's parameter type (`|p| Ok(())`), which is why the two sets of
//! methods cannot share one generic signature. Each method's body is the
//! matcher: it decides whether an event concerns the registration and borrows
//! the typed value the callback receives.

macro_rules! registration_methods {
    (
        [$($blocking:tt)*] [$($asynchronous:tt)*]
        $(
            $(#[$doc:meta])*
            fn $name:ident($($arg:ident : $argty:ty),*) -> $param:ty, $slot:expr, $matcher:block
        )*
    ) => {
        $($blocking)* {
            $(
                $(#[$doc])*
                pub fn $name<F>(&mut self, $($arg: $argty,)* callback: F) -> $crate::registry::HandlerId
                where
                    F: Fn(&$param) -> Result<(), $crate::registry::HandlerError> + Send + Sync + 'static,
                {
                    let matcher = $matcher;
                    self.registry.push($slot, $crate::registry::core::blocking(matcher, callback))
                }
            )*
        }

        $($asynchronous)* {
            $(
                $(#[$doc])*
                pub fn $name<F, Fut>(&mut self, $($arg: $argty,)* callback: F) -> $crate::registry::HandlerId
                where
                    F: Fn($param) -> Fut + Send + Sync + 'static,
                    Fut: ::core::future::Future<Output = Result<(), $crate::registry::HandlerError>> + Send + 'static,
                {
                    let matcher = $matcher;
                    self.registry.push($slot, $crate::registry::core::asynchronous(matcher, callback))
                }
            )*
        }
    };
}

pub(crate) use registration_methods;
