//! The participant list's pure logic: the sort, the filter, the order kept between batches and
//! the virtual list's arithmetic. The console wires them to its signals and the `Store`.
//!
//! The modules depend one way only: [`sort`] (the lowest: what the list sorts by) ← [`filter`]
//! (what the list keeps, and the key it sorts each one by) ← [`view`] (the order kept between
//! batches). [`window`] depends on none of them.

pub mod bulk_texts;
pub mod filter;
pub mod sort;
pub mod view;
pub mod window;
