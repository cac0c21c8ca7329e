//! The join page: where a host enters the conference, its PIN and their name.

pub mod page;
