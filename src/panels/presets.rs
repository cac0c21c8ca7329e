//! The layout panel's picture presets: saving what the picker has chosen under a name, and the
//! list of presets, each drawn as the picture it sets (the panel's own drawing), with its key,
//! Apply and Delete, then the meeting plan file. The presets' logic is `crate::picture`.

use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::panels::picture::LayoutPicture;
use crate::picture::presets::Chosen;
use crate::picture::Picture;
use huikong_core::panel::layout_text;
use huikong_core::picture::preset::{Picture as Pane, Preset, Problem, Seat};
use huikong_core::picture::PictureText;
use leptos::prelude::*;

fn problem_text(p: Problem, tr: Tr) -> String {
    match p {
        Problem::NoName => tr.now(PictureText::PresetNoName).to_owned(),
        Problem::TooMany(n) => tr.fmt_now(Text::ActorsOverCapacity, &[("n", &n.to_string())]),
        Problem::NoPicture | Problem::View => tr.now(Text::LayoutChoose).to_owned(),
    }
}

/// One audience's picture of a preset, drawn with its positions named, and said in words.
#[component]
fn PresetPicture(pic: Picture, name: String, who: Text, pane: Pane) -> impl IntoView {
    let tr = Tr::use_context();
    let people: Vec<(String, String)> = pane
        .seats
        .iter()
        .map(|s| {
            let key = match s {
                Seat::Venue(k) | Seat::Participant(k) => k.clone(),
            };
            (key, pic.seat_name(s))
        })
        .collect();
    let seats = pane.seats.len().to_string();
    let view_name = pane.view.clone();
    let drawn = pane.view;
    let summary = move || {
        let v = layout_text(&view_name).map_or(view_name.clone(), |k| tr.t(k).to_owned());
        tr.fmt(
            PictureText::PresetSummary,
            &[("view", &v), ("who", tr.t(who)), ("n", &seats)],
        )
    };
    view! {
        <div class="preset-picture">
            <LayoutPicture view=Signal::derive(move || drawn.clone())
                people=Signal::derive(move || people.clone())
                label=Signal::derive(move || format!("{name}: {}", tr.t(who)))
                empty_text=Signal::derive(move || tr.t(Text::TileByVoice).to_owned())/>
            <small class="preset-summary">{summary}</small>
        </div>
    }
}

/// One preset: its name, the pictures it sets, its key, Apply and Delete.
#[component]
fn PresetRow(pic: Picture, index: usize, preset: Preset) -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    // One picture for both when they are the same, else each audience's own.
    let pictures: Vec<(Text, Pane)> = match (&preset.hosts, &preset.guests) {
        (Some(h), Some(g)) if h == g => vec![(Text::AudienceBoth, h.clone())],
        (h, g) => h
            .iter()
            .map(|p| (Text::AudienceHosts, p.clone()))
            .chain(g.iter().map(|p| (Text::AudienceGuests, p.clone())))
            .collect(),
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
    let title = preset.name.clone();
    view! {
        <li class="preset" data-testid="preset" data-name=preset.name.clone()>
            <span class="preset-name">{preset.name.clone()}</span>
            {pictures.into_iter().map(|(who, pane)| view! {
                <PresetPicture pic=pic name=title.clone() who=who pane=pane/>
            }).collect_view()}
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
                <p class="hint"><small>{tr.text(PictureText::PresetHint)}</small></p>
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
            <crate::picture::plan::PlanFile/>
        </section>
    }
    .into_any()
}
