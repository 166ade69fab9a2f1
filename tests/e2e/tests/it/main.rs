//! The real Handshake window, end to end.

mod diagnose;
mod scan;
mod target;
mod wizard;
