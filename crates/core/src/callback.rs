//! A callback the engine tells something to while it works — a diagnosis's
//! steps, the seconds left of an idle hold — so that the terminal and the
//! window each show it their way.

use std::sync::Arc;

/// A shared `Fn(T)`, cheap to clone, safe to call from any task.
pub struct Callback<T>(Arc<dyn Fn(T) + Send + Sync>);

impl<T> Callback<T> {
    /// Calls `tell` with each value.
    pub fn new(tell: impl Fn(T) + Send + Sync + 'static) -> Callback<T> {
        Callback(Arc::new(tell))
    }

    /// Tells `value`.
    pub(crate) fn call(&self, value: T) {
        (self.0)(value);
    }
}

impl<T> Clone for Callback<T> {
    fn clone(&self) -> Callback<T> {
        Callback(Arc::clone(&self.0))
    }
}

impl<T> std::fmt::Debug for Callback<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Callback")
    }
}
