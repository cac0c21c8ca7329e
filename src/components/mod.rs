//! The console's views, one concern per module.

pub mod acts;
pub mod alerts;
pub mod bulk;
pub mod bulk_bar;
pub mod bulk_result;
pub mod bulk_run;
pub mod bulk_select;
pub mod cmd;
pub mod commands;
pub mod controls;
pub mod dialog;
pub mod dock;
pub mod dock_unseen;
pub mod filters;
pub mod forms;
pub mod header;
pub mod help_dialog;
pub mod join_page;
pub mod list_filter;
pub mod list_query;
pub mod list_view;
pub mod meeting;
pub mod more_filters;
pub mod palette;
pub mod palette_search;
pub mod participant_actions;
pub mod participants;
pub mod prefs;
pub mod recently_left;
pub mod row;
pub mod saved_views;
pub mod saved_views_form;
pub mod sections;
pub mod selection;
pub mod shortcuts;
pub mod status;
pub mod transfer;
pub mod undo_bar;
pub mod virtual_list;
pub mod waiting_room;

use leptos::prelude::*;

/// Wall-clock seconds for durations: `fine` ticks every second (the waiting room, a short
/// list), `coarse` every fifteen (the whole participant list, shown in minutes).
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub fine: RwSignal<f64>,
    pub coarse: RwSignal<f64>,
}

/// Whose actions dialog is open.
#[derive(Debug, Clone, Copy)]
pub struct ActionsFor(pub RwSignal<Option<String>>);
