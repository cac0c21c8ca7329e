//! The keyboard: the page's single keys, the command palette (Ctrl/⌘K) and the help dialog
//! that lists the key map.

pub mod help;
pub mod palette;
pub mod shortcuts;
