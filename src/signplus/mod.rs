//! signplus (in progress)
