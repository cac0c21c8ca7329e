//! Picture presets: the layout the picker has chosen saved under a name (its positions kept as
//! venues of the list, or participants by name), and a preset applied (a button, the palette,
//! Alt+1–9). Kept in this browser per conference. Their list in the layout panel is
//! `crate::panels::presets`.

use super::Picture;
use crate::command::act::{layouts, Act};
use crate::command::service::Commands;
use huikong_core::picture::preset::{Picture as Pane, Preset, Problem, Seat};
use huikong_core::picture::{Audiences, PictureText};
use leptos::prelude::*;

/// What the layout picker has chosen: what a preset is saved from.
#[derive(Clone, Copy)]
pub struct Chosen {
    pub view: Signal<String>,
    pub audiences: Signal<Audiences>,
    pub actors: Signal<Vec<String>>,
    pub vad: Signal<bool>,
}

impl Picture {
    /// The seat of a participant: its venue's key when a venue of the list stands for it, else
    /// its name.
    fn seat_of(&self, cmds: &Commands, uuid: &str) -> Option<Seat> {
        let venues = self.venues;
        let venue = venues.list.with_untracked(|l| {
            venues.statuses.with_untracked(|s| {
                s.iter()
                    .position(|s| s.uuid() == Some(uuid))
                    .and_then(|i| l.get(i).map(|v| v.key()))
            })
        });
        if let Some(k) = venue {
            return Some(Seat::Venue(k));
        }
        let row = cmds.session().store.row(uuid)?;
        row.p
            .try_with_untracked(|p| Seat::Participant(p.shown_name().to_owned()))
    }

    /// Who fills `seat` now, if anyone.
    fn find_seat(&self, cmds: &Commands, seat: &Seat) -> Option<String> {
        match seat {
            Seat::Venue(k) => self.venues.uuid_of(k),
            Seat::Participant(name) => {
                let store = cmds.session().store;
                store.order().with_untracked(|order| {
                    order
                        .iter()
                        .find(|u| {
                            store.row(u).is_some_and(|r| {
                                r.p.try_with_untracked(|p| p.shown_name() == name)
                                    .unwrap_or(false)
                            })
                        })
                        .cloned()
                })
            }
        }
    }

    /// The name a seat is shown by: its venue's, or the participant's.
    pub fn seat_name(&self, seat: &Seat) -> String {
        match seat {
            Seat::Venue(k) => self
                .venues
                .list
                .with_untracked(|l| l.iter().find(|v| v.key() == *k).map(|v| v.name.clone()))
                .unwrap_or_else(|| k.clone()),
            Seat::Participant(n) => n.clone(),
        }
    }

    /// Applies the preset at `index`: a broadcast or a rotation ends first (the layout is the
    /// operator's now); the positions not filled go to the voice, and are named.
    pub fn apply_preset(&self, cmds: &Commands, index: usize) {
        let Some(preset) = self.presets.with_untracked(|p| p.get(index).cloned()) else {
            return;
        };
        let (mut req, missing) = preset.resolve(|s| self.find_seat(cmds, s));
        self.yield_to_manual(&mut req);
        let status = cmds.at_page().status;
        let tr = status.tr();
        let who: Vec<String> = missing.iter().map(|s| self.seat_name(s)).collect();
        let name = preset.name.clone();
        cmds.run_at(
            Act::Preset(preset.name, layouts(vec![req])),
            cmds.at_page(),
            None,
            move |_| {
                if !who.is_empty() {
                    let text = tr.fmt_now(
                        PictureText::PresetMissing,
                        &[("name", &name), ("who", &who.join("、"))],
                    );
                    status.push(false, text);
                }
            },
        );
    }

    /// Saves what is chosen as a preset named `name`; under a name already saved, it replaces
    /// the pictures of the audiences chosen and keeps the other's.
    pub fn save_preset(
        &self,
        cmds: &Commands,
        name: &str,
        chosen: Chosen,
    ) -> Result<String, Problem> {
        let seats = chosen
            .actors
            .get_untracked()
            .iter()
            .filter_map(|u| self.seat_of(cmds, u))
            .collect();
        let preset = Preset::new(
            name,
            chosen.audiences.get_untracked(),
            Pane {
                view: chosen.view.get_untracked(),
                seats,
                vad_backfill: chosen.vad.get_untracked(),
            },
        );
        preset.check()?;
        let mut list = self.presets.get_untracked();
        // Saved again under its name for one audience: the other audience's picture stays.
        match list.iter_mut().find(|p| p.name == preset.name) {
            Some(p) => p.merge(preset.clone()),
            None => list.push(preset.clone()),
        }
        self.save_presets(list);
        Ok(preset.name)
    }
}
