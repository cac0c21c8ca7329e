//! Roll call (点名): the named venue shown to everyone full screen (`1:0` with it as the only
//! actor, for hosts and guests) with its microphone open while the guests are muted; hosts keep
//! their microphones. Previous and Next go through the online venues in list order; End puts
//! back the layout and the mute states from before. Where the deployment has no
//! `override_layout` (the enterprise cloud) roll call is audio only. What each step sends is
//! decided here; the console sends it through its command service.

use super::status::Status;

/// One platform command of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// `override_layout` for hosts and guests: `view` with these actors (none: voice-activated,
    /// with backfill).
    Layout {
        view: String,
        actors: Vec<String>,
    },
    MuteGuests,
    UnmuteGuests,
    Mute(String),
    Unmute(String),
}

/// The full-screen layout of a roll call.
pub const ROLL_CALL_VIEW: &str = "1:0";

/// What the roll call found and must put back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Before {
    /// The layout in force (as this host sees it).
    pub view: String,
    pub guests_muted: bool,
    /// The venues' participants when the roll call began, and whether each was muted.
    pub muted: Vec<(String, bool)>,
    /// Each venue named so far, its uuid, whether it is a guest, and whether it was muted when
    /// it was first named.
    pub named: Vec<(String, bool, bool)>,
}

/// A venue as a step needs it: its participant, whether a guest, whether muted now.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub uuid: String,
    pub guest: bool,
    pub muted: bool,
}

/// The online venue after (or before, when `forward` is false) `from` in list order; from
/// nothing, the first (or last) online one.
pub fn next_online(statuses: &[Status], from: Option<usize>, forward: bool) -> Option<usize> {
    let n = statuses.len();
    let order: Vec<usize> = if forward {
        let start = from.map_or(0, |i| i + 1);
        (start..n).collect()
    } else {
        let end = from.unwrap_or(n);
        (0..end).rev().collect()
    };
    order.into_iter().find(|&i| statuses[i].is_online())
}

/// The commands that name `next` after `prev` (nothing before the first step), and what to
/// remember for the end. `layouts`: whether the deployment has `override_layout`.
pub fn step(
    before: &mut Before,
    guests_muted_now: bool,
    prev: Option<&Named>,
    next: &Named,
    layouts: bool,
) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    if layouts {
        cmds.push(Cmd::Layout {
            view: ROLL_CALL_VIEW.into(),
            actors: vec![next.uuid.clone()],
        });
    }
    if !guests_muted_now {
        cmds.push(Cmd::MuteGuests);
    }
    if let Some(p) = prev.filter(|p| p.uuid != next.uuid) {
        // A guest goes back to silence with the others; a host to what it was.
        let was = before
            .named
            .iter()
            .find(|n| n.0 == p.uuid)
            .map_or(p.muted, |n| n.2);
        if p.guest || was {
            cmds.push(Cmd::Mute(p.uuid.clone()));
        }
    }
    if !before.named.iter().any(|n| n.0 == next.uuid) {
        // As it was when the roll call began; one that came since, as the guests' rule had it.
        let was = match before.muted.iter().find(|m| m.0 == next.uuid) {
            Some(m) => m.1,
            None if before.named.is_empty() => next.muted,
            None => next.guest && before.guests_muted,
        };
        before.named.push((next.uuid.clone(), next.guest, was));
    }
    cmds.push(Cmd::Unmute(next.uuid.clone()));
    cmds
}

/// The commands that end the roll call: the layout as it was (voice-activated), the guests
/// unmuted if they were, and each named venue muted again if it was muted before.
pub fn end(before: &Before, layouts: bool) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    if layouts {
        let view = if before.view.is_empty() {
            "1:7".to_owned()
        } else {
            before.view.clone()
        };
        cmds.push(Cmd::Layout {
            view,
            actors: Vec::new(),
        });
    }
    if !before.guests_muted {
        cmds.push(Cmd::UnmuteGuests);
    }
    for (uuid, _, was_muted) in &before.named {
        if *was_muted {
            cmds.push(Cmd::Mute(uuid.clone()));
        }
    }
    cmds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn online() -> Status {
        Status::Online {
            uuid: "u".into(),
            by_name: false,
        }
    }

    #[test]
    fn next_and_previous_skip_venues_not_online() {
        let s = [
            online(),
            Status::Absent,
            online(),
            Status::Left { at: 1.0 },
            online(),
        ];
        assert_eq!(next_online(&s, None, true), Some(0));
        assert_eq!(next_online(&s, Some(0), true), Some(2));
        assert_eq!(next_online(&s, Some(2), true), Some(4));
        assert_eq!(next_online(&s, Some(4), true), None);
        assert_eq!(next_online(&s, Some(4), false), Some(2));
        assert_eq!(next_online(&s, Some(0), false), None);
        assert_eq!(next_online(&s, None, false), Some(4));
    }

    fn guest(u: &str, muted: bool) -> Named {
        Named {
            uuid: u.into(),
            guest: true,
            muted,
        }
    }

    #[test]
    fn a_step_shows_the_venue_alone_mutes_the_guests_and_opens_its_microphone() {
        let mut b = Before {
            view: "1:7".into(),
            guests_muted: false,
            muted: Vec::new(),
            named: Vec::new(),
        };
        let a = guest("a", false);
        assert_eq!(
            step(&mut b, false, None, &a, true),
            [
                Cmd::Layout {
                    view: "1:0".into(),
                    actors: vec!["a".into()]
                },
                Cmd::MuteGuests,
                Cmd::Unmute("a".into())
            ]
        );
        let host = Named {
            uuid: "h".into(),
            guest: false,
            muted: false,
        };
        let cmds = step(&mut b, true, Some(&a), &host, false);
        assert_eq!(cmds, [Cmd::Mute("a".into()), Cmd::Unmute("h".into())]);
        // Back from the host: a host keeps its microphone.
        let cmds = step(&mut b, true, Some(&host), &a, false);
        assert_eq!(cmds, [Cmd::Unmute("a".into())]);
    }

    #[test]
    fn the_end_puts_back_the_layout_and_the_mute_states() {
        let mut b = Before {
            view: "2:21".into(),
            guests_muted: false,
            muted: vec![("a".into(), true), ("c".into(), false)],
            named: Vec::new(),
        };
        step(&mut b, false, None, &guest("a", true), true);
        step(
            &mut b,
            true,
            Some(&guest("a", false)),
            // Muted by the roll call's first step, not before it: not muted again at the end.
            &guest("c", true),
            true,
        );
        assert_eq!(
            end(&b, true),
            [
                Cmd::Layout {
                    view: "2:21".into(),
                    actors: vec![]
                },
                Cmd::UnmuteGuests,
                Cmd::Mute("a".into())
            ]
        );
        let quiet = Before {
            view: "1:7".into(),
            guests_muted: true,
            muted: Vec::new(),
            named: vec![("c".into(), true, false)],
        };
        assert_eq!(end(&quiet, false), []);
    }
}
