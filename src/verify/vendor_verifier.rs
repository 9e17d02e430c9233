//! The constructors every vendor's `Verifier` shares, written once.

/// Defines a vendor `Verifier` newtype over the engine's
/// [`Verifier`](crate::verify::Verifier), with the shared-token constructors,
/// rotation and the explicit unverified mode. Vendor modules add their own
/// constructors (an HMAC scheme, for instance) in an `impl` of their own.
macro_rules! vendor_verifier {
    ($vendor:literal) => {
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
    };
}

pub(crate) use vendor_verifier;
