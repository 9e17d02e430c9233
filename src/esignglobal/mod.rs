//! esignglobal (in progress)
