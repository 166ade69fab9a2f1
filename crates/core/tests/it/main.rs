//! Integration tests of the engine against real servers on loopback.

mod diagnose_http;
mod diagnose_tls;
mod diagnose_transport;
mod nginx;
mod support;
mod tomcat;
