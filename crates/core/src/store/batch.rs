//! Which events of a frame's batch need not reach the list: a `participant_update` that a later
//! update of the same participant in the same batch replaces whole. Pure, so the rule is tested
//! without a browser.

use huikong_protocol::Event;
use std::collections::HashSet;

/// For each event of `batch`, whether a later `participant_update` of the same participant
/// supersedes it. A sync's begin or end, or the participant's own create or delete, between the
/// two keeps the earlier one: the order of those boundaries is what the list follows.
pub fn superseded(batch: &[&Event]) -> Vec<bool> {
    let mut out = vec![false; batch.len()];
    // Participants with an update later in the batch and no boundary in between.
    let mut later: HashSet<&str> = HashSet::new();
    for (i, ev) in batch.iter().enumerate().rev() {
        match ev {
            Event::ParticipantSyncBegin | Event::ParticipantSyncEnd => later.clear(),
            Event::ParticipantDelete { uuid } => {
                later.remove(uuid.as_str());
            }
            Event::ParticipantCreate(p) => {
                later.remove(p.uuid.as_str());
            }
            // Already there: a later update replaces this one.
            Event::ParticipantUpdate(p) => out[i] = !later.insert(p.uuid.as_str()),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use huikong_protocol::Participant;

    fn p(uuid: &str) -> Participant {
        Participant::new(uuid)
    }

    #[test]
    fn several_updates_of_one_participant_coalesce_into_the_last() {
        let evs = [
            Event::ParticipantUpdate(p("a")),
            Event::ParticipantUpdate(p("b")),
            Event::ParticipantUpdate(p("a")),
            Event::Stage(vec![]),
            Event::ParticipantUpdate(p("a")),
        ];
        let refs: Vec<&Event> = evs.iter().collect();
        assert_eq!(superseded(&refs), [true, false, true, false, false]);
    }

    #[test]
    fn creates_deletes_and_sync_boundaries_keep_what_comes_before_them() {
        let evs = [
            Event::ParticipantUpdate(p("a")),
            Event::ParticipantDelete { uuid: "a".into() },
            Event::ParticipantUpdate(p("a")),
            Event::ParticipantUpdate(p("b")),
            Event::ParticipantSyncBegin,
            Event::ParticipantUpdate(p("b")),
            Event::ParticipantUpdate(p("c")),
            Event::ParticipantCreate(p("c")),
            Event::ParticipantUpdate(p("c")),
        ];
        let refs: Vec<&Event> = evs.iter().collect();
        assert_eq!(
            superseded(&refs),
            [false, false, false, false, false, false, false, false, false]
        );
    }
}
