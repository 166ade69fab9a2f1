//! The real Handshake window, end to end.

mod target;
