//! The real Handshake window, end to end.

mod diagnose;
mod target;
mod wizard;
