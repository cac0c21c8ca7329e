//! Which changes of a participant matter to the list as a whole.

use huikong_protocol::Participant;

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
