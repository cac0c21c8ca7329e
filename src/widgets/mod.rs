//! The page's building blocks shared by every feature: modal dialogs and the one confirmation,
//! tabs inside a dialog, and the remembered preferences with their switches.

pub mod dialog;
pub mod prefs;
pub mod sections;
