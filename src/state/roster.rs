//! Facts about participants that several views share: the name to show, and which changes
//! matter to the list as a whole.

use huikong_protocol::Participant;

/// The name to show for a participant: its display name, else what else identifies it.
pub fn shown_name(p: &Participant) -> String {
    [&p.display_name, &p.overlay_text, &p.uri, &p.uuid]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_default()
}

/// Whether two versions of a participant agree on everything the list filters, sorts, searches
/// or ranks by.
pub fn same_roster_facts(a: &Participant, b: &Participant) -> bool {
    a.display_name == b.display_name
        && a.overlay_text == b.overlay_text
        && a.uri == b.uri
        && a.local_alias == b.local_alias
        && a.role == b.role
        && a.service_type == b.service_type
        && a.protocol == b.protocol
        && a.start_time == b.start_time
        && a.spotlight == b.spotlight
}
