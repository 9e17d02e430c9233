//! ignisign (in progress)
