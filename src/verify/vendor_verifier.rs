//! The `Verifier` every engine vendor shares, written once: its
//! constructors and its checks.

/// Defines a vendor `Verifier` newtype over the engine's
/// [`Verifier`](crate::verify::Verifier), with the shared-token constructors,
/// rotation and the explicit unverified mode, and its checks
/// ([`VendorVerifier`](crate::plugin::VendorVerifier): validate, identifies,
/// authenticate, and the reading of the vendor's configuration table). Vendor
/// modules add their own constructors (an HMAC scheme, for instance) in an
/// `impl` of their own.
///
/// `vendor_verifier!(Variant "Name")`, or `vendor_verifier!(Variant "Name",
/// documented = scheme)` for a vendor that documents its HMAC scheme: a
/// configuration table with `method = "hmac"` and no `scheme` then uses
/// `scheme()`.
macro_rules! vendor_verifier {
    ($variant:ident $vendor:literal, documented = $scheme:path) => {
        $crate::verify::vendor_verifier!(@define $variant $vendor, Some($scheme()));
    };
    ($variant:ident $vendor:literal) => {
        $crate::verify::vendor_verifier!(@define $variant $vendor, None);
    };
    (@define $variant:ident $vendor:literal, $documented:expr) => {
        #[doc = concat!("How ", $vendor, " deliveries are authenticated.")]
        ///
        /// Built with one of the constructors below and passed to
        /// [`WebhooksBuilder`](crate::WebhooksBuilder). Secrets are redacted from `Debug`.
        #[derive(Debug, Clone)]
        pub struct Verifier {
            pub(crate) inner: $crate::verify::Verifier,
        }

        impl Verifier {
            /// Requires header `name` to carry the shared `token`.
            pub fn header_token(name: impl Into<String>, token: $crate::Secret) -> Self {
                Verifier {
                    inner: $crate::verify::Verifier::header_token(name, token),
                }
            }

            /// Requires `Authorization: Basic` with this user name and password.
            /// URLs of the form `https://user:password@host/path` make most HTTP
            /// clients send exactly that header.
            pub fn basic_auth(username: impl Into<String>, password: $crate::Secret) -> Self {
                Verifier {
                    inner: $crate::verify::Verifier::basic_auth(username, password),
                }
            }

            /// Requires the query parameter `name` of the URL you registered to carry
            /// `token`. Pass requests with their URI:
            /// [`Webhooks::dispatch_incoming`](crate::Webhooks::dispatch_incoming).
            /// A `+` in the token may be sent as `+` or `%2B`
            /// ([`verify::Verifier::query_token`](crate::verify::Verifier::query_token)).
            pub fn query_token(name: impl Into<String>, token: $crate::Secret) -> Self {
                Verifier {
                    inner: $crate::verify::Verifier::query_token(name, token),
                }
            }

            /// Uses any engine verifier, e.g. an [`HmacScheme`](crate::verify::HmacScheme) of your own.
            pub fn from_engine(verifier: $crate::verify::Verifier) -> Self {
                Verifier { inner: verifier }
            }

            #[doc = concat!("Accepts every ", $vendor, " delivery without any check.")]
            ///
            /// Anyone who can reach the endpoint can then forge events. Keep the
            /// URL secret and confirm the state through the vendor's API before
            /// acting on an event.
            pub fn dangerous_accept_unverified() -> Self {
                Verifier {
                    inner: $crate::verify::Verifier::dangerous_accept_unverified(),
                }
            }

            /// Accepts one more secret (rotation): every configured secret is tried.
            pub fn with_secret(self, secret: $crate::Secret) -> Self {
                Verifier {
                    inner: self.inner.with_secret(secret),
                }
            }

            /// The underlying engine verifier.
            pub fn engine(&self) -> &$crate::verify::Verifier {
                &self.inner
            }
        }

        impl $crate::plugin::private::Sealed for Verifier {}

        impl $crate::plugin::VendorVerifier for Verifier {
            fn validate(&self) -> Result<(), $crate::Error> {
                self.inner.validate()
            }

            fn identifies<H: $crate::headers::Headers + ?Sized>(
                &self,
                incoming: &$crate::headers::Incoming<'_, H>,
            ) -> bool {
                self.inner.identifies(incoming)
            }

            fn authenticate<H: $crate::headers::Headers + ?Sized>(
                &self,
                incoming: &$crate::headers::Incoming<'_, H>,
                clock: &dyn $crate::clock::Clock,
            ) -> Result<$crate::verify::Verified, $crate::Error> {
                self.inner.verify(incoming, clock)
            }

            /// The engine methods; with `method = "hmac"` and no `scheme`,
            /// the vendor's documented scheme, when it documents one.
            fn from_config(
                table: &$crate::config::VendorConfig,
                env: &dyn Fn(&str) -> Option<String>,
            ) -> Result<Self, $crate::config::ConfigError> {
                table
                    .engine_verifier($crate::Vendor::$variant.slug(), $documented, env)
                    .map(Verifier::from_engine)
            }

            fn is_unverified(&self) -> bool {
                self.inner.is_unverified()
            }
        }
    };
}

pub(crate) use vendor_verifier;
