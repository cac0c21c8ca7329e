//! The dialogs about one participant: their actions, the forms that take input, the transfer.

pub mod forms;
pub mod participant;
pub mod transfer;

use leptos::prelude::*;

/// Whose actions dialog is open.
#[derive(Debug, Clone, Copy)]
pub struct ActionsFor(pub RwSignal<Option<String>>);
