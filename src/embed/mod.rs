//! Embedding in a portal: the postMessage protocol as data (`messages`) and the bridge that
//! carries it in the browser (`bridge`).

pub mod bridge;
mod launch;
pub mod messages;

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
