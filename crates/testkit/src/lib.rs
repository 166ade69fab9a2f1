//! Test fixtures shared by every test suite and benchmark: real servers on
//! loopback (tokio servers for unusual behaviour, the real nginx and
//! Tomcat 10), and certificates made by code.
//!
//! Test-only: panics with a message instead of returning errors.

#![allow(missing_docs, missing_debug_implementations, unreachable_pub)]

pub mod apache;
pub mod nginx;
pub mod pki;
pub mod servers;
pub mod tomcat;
pub mod websocket;
