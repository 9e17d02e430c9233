//! constellation (in progress)
