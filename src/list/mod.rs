//! The participant list: rows on a virtual list, search, filters and sort, saved views, the
//! selection and the bulk actions on it.

pub mod bulk;
pub mod filters;
pub mod icons;
pub mod more_filters;
pub mod participants;
pub mod query;
pub mod row;
pub mod saved_views;
pub mod selection;
pub mod virtual_list;
