//! What the console knows: the conference store the platform's events fill, read-only to views.

pub mod store;
