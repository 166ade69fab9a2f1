//! Integration tests of the engine against real servers on loopback.

mod apache;
mod diagnose_http;
mod diagnose_tls;
mod diagnose_transport;
mod generate_apache;
mod generate_client;
mod generate_nginx;
mod generate_proxies;
mod generate_spring;
mod hostile;
mod keystore;
mod logs_real;
mod nginx;
mod other_servers;
mod proxy;
mod scan;
mod structure;
mod support;
mod tls_servers;
mod tomcat;
mod trust;
mod verify;
