//! [`Filter`]: "this value" or the `ALL` wildcard, per dimension of a registration.

/// Matches one value, or every value (`ALL`).
///
/// Every registrar argument that can be a wildcard takes `impl Into<Filter<T>>`,
/// so you pass either a value or the type's `ALL` constant:
///
/// ```
/// use esign_webhooks::Filter;
/// use esign_webhooks::ignisign::MsgNature;
///
/// let only_errors: Filter<MsgNature> = MsgNature::Error.into();
/// assert!(only_errors.matches(&MsgNature::Error));
/// assert!(!only_errors.matches(&MsgNature::Info));
/// assert!(MsgNature::ALL.matches(&MsgNature::Info));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Filter<T> {
    /// Every value (Ignisign's `'ALL'`).
    All,
    /// Exactly this value.
    Only(T),
}

impl<T: PartialEq> Filter<T> {
    /// `true` when `value` passes the filter.
    pub fn matches(&self, value: &T) -> bool {
        match self {
            Filter::All => true,
            Filter::Only(expected) => expected == value,
        }
    }
}

impl<T> From<T> for Filter<T> {
    fn from(value: T) -> Self {
        Filter::Only(value)
    }
}
