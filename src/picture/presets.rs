//! Picture presets in the layout panel: the layout chosen above saved under a name (its
//! positions kept as venues of the list, or participants by name), and each preset applied in
//! one click, from the palette, or with Alt+1–9. Kept in this browser per conference.

use super::Picture;
use crate::command::act::{layouts, Act};
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use huikong_core::panel::layout_text;
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

    fn seat_name(&self, seat: &Seat) -> String {
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

    /// Saves what is chosen as a preset named `name` (replacing one of that name).
    fn save_preset(&self, cmds: &Commands, name: &str, chosen: Chosen) -> Result<String, Problem> {
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
        match list.iter_mut().find(|p| p.name == preset.name) {
            Some(p) => *p = preset.clone(),
            None => list.push(preset.clone()),
        }
        self.save_presets(list);
        Ok(preset.name)
    }
}

fn problem_text(p: Problem, tr: Tr) -> String {
    match p {
        Problem::NoName => tr.now(PictureText::PresetNoName).to_owned(),
        Problem::TooMany(n) => tr.fmt_now(Text::ActorsOverCapacity, &[("n", &n.to_string())]),
        Problem::NoPicture | Problem::View => tr.now(Text::LayoutChoose).to_owned(),
    }
}

/// One preset: its name, what it shows, its key, Apply and Delete.
#[component]
fn PresetRow(pic: Picture, index: usize, preset: Preset) -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let pane = preset.hosts.clone().or(preset.guests.clone());
    let view_name = pane.as_ref().map(|p| p.view.clone()).unwrap_or_default();
    let seats = pane.as_ref().map_or(0, |p| p.seats.len()).to_string();
    let who = match preset.audiences() {
        Audiences::Hosts => Text::AudienceHosts,
        Audiences::Guests => Text::AudienceGuests,
        Audiences::Both => Text::AudienceBoth,
    };
    let summary = move || {
        let v = layout_text(&view_name).map_or(view_name.clone(), |k| tr.t(k).to_owned());
        tr.fmt(
            PictureText::PresetSummary,
            &[("view", &v), ("who", tr.t(who)), ("n", &seats)],
        )
    };
    let key = (index < 9).then(|| format!("Alt+{}", index + 1));
    let apply_label = tr.fmt_now(Text::PresetX, &[("name", &preset.name)]);
    let delete_label = tr.fmt_now(PictureText::PresetDeleteX, &[("name", &preset.name)]);
    let name = preset.name.clone();
    let delete = move |_| {
        let mut list = pic.presets.get_untracked();
        list.retain(|p| p.name != name);
        pic.save_presets(list);
    };
    view! {
        <li class="preset" data-testid="preset" data-name=preset.name.clone()>
            <span class="preset-name">{preset.name.clone()}</span>
            <small class="preset-summary">{summary}</small>
            {key.clone().map(|k| view! { <kbd class="preset-key">{k}</kbd> })}
            <button type="button" class="primary" data-testid="preset-apply" aria-label=apply_label.clone()
                title=apply_label aria-keyshortcuts=key
                on:click=move |_| pic.apply_preset(&cmds, index)>{tr.text(PictureText::PresetApply)}</button>
            <button type="button" data-testid="preset-delete" aria-label=delete_label.clone() title=delete_label
                on:click=delete>{"✕"}</button>
        </li>
    }
}

/// Saving the chosen layout as a preset, and the list of presets.
#[component]
pub fn PresetsSection(chosen: Chosen) -> impl IntoView {
    let tr = Tr::use_context();
    let Some(pic) = Picture::use_context() else {
        return ().into_any();
    };
    let cmds = Commands::use_context();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match pic.save_preset(&cmds, &name.get_untracked(), chosen) {
            Ok(saved) => {
                error.set(None);
                name.set(String::new());
                let status = cmds.at_page().status;
                status.push(
                    true,
                    tr.fmt_now(PictureText::PresetSaved, &[("name", &saved)]),
                );
            }
            Err(p) => error.set(Some(problem_text(p, tr))),
        }
    };
    view! {
        <section class="presets" data-testid="presets" aria-labelledby="presets-h">
            <h3 id="presets-h">{tr.text(PictureText::PresetsHeading)}</h3>
            <form class="preset-save" on:submit=save>
                <label class="field">{tr.text(PictureText::PresetName)}
                    <input type="text" maxlength="60" data-testid="preset-name" aria-describedby="preset-error"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></label>
                <button type="submit" data-testid="preset-save">{tr.text(PictureText::PresetSave)}</button>
                <p class="field-error" id="preset-error" data-testid="preset-error" role="alert" hidden=move || error.with(Option::is_none)>
                    {move || error.get()}</p>
            </form>
            <Show when=move || !pic.presets.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{tr.text(PictureText::PresetsEmpty)}</p> }>
                <ul class="preset-list" data-testid="preset-list">
                    <For each=move || pic.presets.get().into_iter().enumerate()
                        key=|(i, p)| (*i, p.clone())
                        children=move |(i, p)| view! { <PresetRow pic=pic index=i preset=p/> }/>
                </ul>
            </Show>
            <super::plan::PlanFile/>
        </section>
    }
    .into_any()
}
