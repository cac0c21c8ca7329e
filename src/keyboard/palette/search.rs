//! What the palette finds for a query: every conference command, panel and layout the
//! deployment offers, and the participants' actions, by substring over the Chinese and the
//! English labels and a few aliases, whatever the page's language. Each word typed must be
//! found; for a participant at least one word must be in their name or address ("静音 张"
//! lists muting each Zhang). Participants' results are capped, so a meeting of 5,000 stays
//! quick to search.

use crate::command::act::{Act, PersonAct};
use crate::command::service::Commands;
use huikong_core::keymap::{tab_key, Scope};
use huikong_core::palette::{both, finds, split_named};
use huikong_core::panel::{layout_text, PanelId};
use huikong_protocol::LAYOUTS;
use leptos::prelude::*;

pub use huikong_core::palette::{words, PEOPLE_CAP};

/// One result: what it does, its label now, its shortcut, and why it cannot run, if so.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub act: Act,
    pub title: String,
    pub keys: Option<&'static str>,
    pub blocked: Option<&'static str>,
}

/// The results for `query`, and how many matched in all (more than listed past the cap).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    pub entries: Vec<Entry>,
    pub matched: usize,
}

/// The shortcut of an act, as the help lists it: the page's keys (a row's keys belong to the
/// focused row).
pub fn shortcut(act: &Act) -> Option<&'static str> {
    if let Act::Panel(p) = act {
        return tab_key(PanelId::ALL.iter().position(|x| x == p)?);
    }
    let b = act.action().policy().key?.binding();
    (b.scope == Scope::Page).then_some(b.shown)
}

/// What `act` is found by: its label in both languages and its aliases.
fn haystack(act: &Act) -> String {
    let extra = match act {
        Act::Panel(p) => both(p.label()) + " " + p.code(),
        Act::Layout(l) => layout_text(l).map(both).unwrap_or_default() + " " + l,
        Act::RollCallOf(n, name) | Act::BroadcastOf(n, name) => format!("{n} {name}"),
        Act::PresetOf(_, name) | Act::RoomOf(_, name) => name.clone(),
        _ => String::new(),
    };
    let policy = act.action().policy();
    format!("{} {} {extra}", both(policy.label), policy.aliases)
}

/// The commands that name no one, in the palette's order, as the state is now.
fn fixed_acts(cmds: &Commands) -> Vec<Act> {
    let store = cmds.session().store;
    let started = store.service().with_untracked(|s| s.started);
    let mut acts = vec![cmds.lock_toggle(), cmds.guests_toggle()];
    acts.extend((!started).then_some(Act::Start));
    acts.push(Act::End);
    acts.extend((!store.waiting().with_untracked(Vec::is_empty)).then_some(Act::AdmitAll));
    acts.extend([Act::Search, Act::Dense, Act::Help, Act::Leave]);
    acts.extend(PanelId::ALL.into_iter().map(Act::Panel));
    acts.extend(LAYOUTS.into_iter().map(Act::Layout));
    acts.extend(roll_call_acts());
    acts.extend(picture_acts());
    acts.extend(wall_acts());
    acts
}

/// On the operator wall: back to it, and every other joined room.
fn wall_acts() -> Vec<Act> {
    let Some(r) = crate::command::rooms::RoomSwitch::use_context() else {
        return Vec::new();
    };
    let mut acts = vec![Act::Wall];
    acts.extend(
        r.others
            .get_untracked()
            .into_iter()
            .map(|(id, name)| Act::RoomOf(id, name)),
    );
    acts
}

/// The actions offered on one participant in their state now.
fn person_acts(muted: bool, spotlit: bool, waiting: bool, host: bool) -> [PersonAct; 7] {
    [
        PersonAct::Show,
        if muted {
            PersonAct::Unmute
        } else {
            PersonAct::Mute
        },
        if spotlit {
            PersonAct::SpotOff
        } else {
            PersonAct::SpotOn
        },
        if waiting {
            PersonAct::Admit
        } else {
            PersonAct::Show
        },
        PersonAct::Actions,
        if host {
            PersonAct::MakeGuest
        } else {
            PersonAct::MakeHost
        },
        if waiting {
            PersonAct::Reject
        } else {
            PersonAct::Disconnect
        },
    ]
}

fn entry(cmds: &Commands, act: Act) -> Entry {
    Entry {
        title: cmds.title(&act),
        keys: shortcut(&act),
        blocked: cmds.blocked(act.action()),
        act,
    }
}

/// Everything `query` finds, commands first, then participants (capped).
pub fn search(cmds: &Commands, query: &str) -> Found {
    let words = words(query);
    let mut found = Found::default();
    for act in fixed_acts(cmds) {
        let hay = haystack(&act);
        if cmds.offered(act.action()) && finds(&hay, &words) {
            found.entries.push(entry(cmds, act));
        }
    }
    found.matched = found.entries.len();
    if words.is_empty() {
        return found;
    }
    let store = cmds.session().store;
    let said: Vec<(PersonAct, String)> = person_acts(false, false, false, false)
        .into_iter()
        .chain(person_acts(true, true, true, true))
        .map(|p| {
            let policy = p.action().policy();
            (p, format!("{} {}", both(policy.label), policy.aliases))
        })
        .collect();
    let mut listed = 0;
    store.order().with_untracked(|order| {
        for uuid in order {
            let Some(row) = store.row(uuid) else { continue };
            let (name, uri, flags) = row.p.with_untracked(|p| {
                let flags = (p.is_muted, p.is_spotlit(), p.is_waiting(), p.role.is_host());
                (p.shown_name().to_lowercase(), p.uri.to_lowercase(), flags)
            });
            let (named, rest) = split_named(&words, &name, &uri);
            if named.is_empty() {
                continue;
            }
            let mut seen = Vec::new();
            for p in person_acts(flags.0, flags.1, flags.2, flags.3) {
                let hay = &said.iter().find(|(q, _)| *q == p).expect("every act").1;
                let act = Act::Person(p, uuid.clone());
                if seen.contains(&p) || !finds(hay, &rest) || !cmds.offered(act.action()) {
                    continue;
                }
                seen.push(p);
                found.matched += 1;
                if listed < PEOPLE_CAP {
                    listed += 1;
                    found.entries.push(entry(cmds, act));
                }
            }
        }
    });
    found
}

/// Roll call and broadcast of each venue of the venue list that is online ("点名 3", "广播 3").
fn roll_call_acts() -> Vec<Act> {
    let Some(venues) = crate::venues::Venues::use_context() else {
        return Vec::new();
    };
    venues.list.with_untracked(|list| {
        venues.statuses.with_untracked(|s| {
            let online = || list.iter().zip(s).filter(|(_, s)| s.is_online());
            online()
                .map(|(v, _)| Act::RollCallOf(v.number, v.name.clone()))
                .chain(online().map(|(v, _)| Act::BroadcastOf(v.number, v.name.clone())))
                .collect()
        })
    })
}

/// Each preset, and the end of a broadcast or a rotation (and its pause) while one runs.
fn picture_acts() -> Vec<Act> {
    let Some(p) = crate::picture::Picture::use_context() else {
        return Vec::new();
    };
    let mut acts: Vec<Act> = p.presets.with_untracked(|list| {
        list.iter()
            .enumerate()
            .map(|(i, p)| Act::PresetOf(i, p.name.clone()))
            .collect()
    });
    if p.broadcast.on.with_untracked(Option::is_some) {
        acts.push(Act::BroadcastEnd(Vec::new()));
    }
    if p.rotation.on.with_untracked(Option::is_some) {
        acts.extend([Act::RotationPause, Act::RotationStop(Vec::new())]);
    }
    acts
}
