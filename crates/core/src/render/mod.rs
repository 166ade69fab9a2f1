//! Generators: the configuration files that fix what the diagnosis found.
//!
//! Each generator turns a plan (what the user chose) into file contents in
//! memory; `export` writes them. Templates are plain Rust `format!` so the
//! compiler checks every placeholder.

pub mod apache;
pub mod nginx;
pub mod spring;
