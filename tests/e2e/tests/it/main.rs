//! The real Handshake window, end to end.

mod diagnose;
mod report;
mod scan;
mod target;
mod wizard;
