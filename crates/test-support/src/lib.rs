//! What the console's two browser suites share, `tests/e2e` (the end-to-end tests) and
//! `tests/chaos` (the resilience proofs): native code driving the built console in headless
//! Chromium through chromedriver.
//!
//! - [`harness`]: where chromedriver and the built console are, one fresh Chromium session per
//!   test, polling waits, the artifacts of a failing test;
//! - [`api`]: the simulator seen through its REST API by a second session, to check what the
//!   console did on the platform's side;
//! - [`page`]: reading and driving the console the way a person does (buttons by their
//!   accessible name, fields by their `data-testid`).

pub mod api;
pub mod harness;
pub mod page;
