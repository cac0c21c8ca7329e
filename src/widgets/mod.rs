//! The page's building blocks shared by every feature: modal dialogs and the one confirmation,
//! tabs inside a dialog, the remembered preferences with their switches, and Esc for a bar.

pub mod dialog;
pub mod escape;
pub mod prefs;
pub mod sections;
