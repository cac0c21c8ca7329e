//! The rotation's setup in the layout panel: the mode, the picture, the venues kept in it (one
//! pane), the interval, who sees it, whether audio-only venues are skipped, and which venues
//! (none chosen: the whole list, in its order). Start keeps the setup in this browser.

use super::rotation::problem_text;
use super::Picture;
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use huikong_core::panel::layout_text;
use huikong_core::picture::rotation::{Mode, Setup};
use huikong_core::picture::{Audiences, PictureText};
use huikong_protocol::LAYOUTS;
use leptos::prelude::*;

fn mode_text(m: Mode) -> PictureText {
    match m {
        Mode::Whole => PictureText::ModeWhole,
        Mode::Pane => PictureText::ModePane,
        Mode::Pages => PictureText::ModePages,
    }
}

fn audience_text(a: Audiences) -> Text {
    match a {
        Audiences::Hosts => Text::AudienceHosts,
        Audiences::Guests => Text::AudienceGuests,
        Audiences::Both => Text::AudienceBoth,
    }
}

/// Checkboxes over the venue list, for the venues rotated or the ones kept in the picture.
#[component]
fn VenuePicks(
    pic: Picture,
    setup: RwSignal<Setup>,
    fixed: bool,
    #[prop(into)] legend: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    let picked = move |key: &str| {
        setup.with(|s| {
            let list = if fixed { &s.fixed } else { &s.venues };
            list.iter().any(|k| k == key)
        })
    };
    let toggle = move |key: String, on: bool| {
        setup.update(|s| {
            let list = if fixed { &mut s.fixed } else { &mut s.venues };
            list.retain(|k| *k != key);
            if on {
                list.push(key);
            }
            // Always in the list's order.
            let order: Vec<String> = pic
                .venues
                .list
                .with_untracked(|l| l.iter().map(|v| v.key()).collect());
            list.sort_by_key(|k| order.iter().position(|o| o == k));
        });
    };
    view! {
        <fieldset class="rotation-venues" data-testid=testid>
            <legend>{move || legend.get()}</legend>
            <div class="rotation-venue-list">
            {move || pic.venues.list.get().into_iter().map(|v| {
                let key = v.key();
                let k = key.clone();
                view! {
                    <label class="check"><input type="checkbox" data-key=key.clone()
                        prop:checked=move || picked(&k)
                        on:change=move |ev| toggle(key.clone(), event_target_checked(&ev))/>
                        {format!("{} {}", v.number, v.name)}</label>
                }
            }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
pub fn RotationForm() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(pic) = Picture::use_context() else {
        return ().into_any();
    };
    let cmds = Commands::use_context();
    let setup = RwSignal::new(pic.setup.get_untracked());
    let interval_text = RwSignal::new(setup.with_untracked(|s| s.interval_s.to_string()));
    // A meeting plan imported replaces the setup shown.
    Effect::new(move |first: Option<()>| {
        let s = pic.setup.get();
        if first.is_some() {
            interval_text.set(s.interval_s.to_string());
            setup.set(s);
        }
    });
    let problem = Memo::new(move |_| {
        let n: Option<u32> = interval_text.with(|t| t.trim().parse().ok());
        let mut s = setup.get();
        s.interval_s = n.unwrap_or(0);
        s.check().err()
    });
    let empty = move || pic.venues.list.with(Vec::is_empty);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if problem.get_untracked().is_some() || empty() {
            return;
        }
        let mut s = setup.get_untracked();
        s.interval_s = interval_text.with_untracked(|t| t.trim().parse().unwrap_or(0));
        pic.save_setup(s.clone());
        pic.rotation.start(pic, &cmds, s);
    };
    let mode = move || setup.with(|s| s.mode);
    view! {
        <form class="rotation-form" data-testid="rotation-form" on:submit=start
            aria-labelledby="rotation-h">
            <h3 id="rotation-h">{tr.text(PictureText::RotationHeading)}</h3>
            <Show when=move || !empty() fallback=move || view! { <p class="hint">{tr.text(PictureText::RotationNoList)}</p> }>
            <fieldset data-testid="rotation-mode">
                <legend>{tr.text(PictureText::RotationMode)}</legend>
                {Mode::ALL.into_iter().map(|m| view! {
                    <label class="check"><input type="radio" name="hk-rotation-mode" value=m.code()
                        prop:checked=move || mode() == m
                        on:change=move |_| setup.update(|s| {
                            s.mode = m;
                            if m != Mode::Whole && s.view == "1:0" {
                                s.view = "1:7".into();
                            }
                        })/>
                        {tr.text(mode_text(m))}</label>
                }).collect_view()}
            </fieldset>
            <Show when=move || mode() != Mode::Whole>
                <label class="field">{tr.text(PictureText::RotationView)}
                    <select data-testid="rotation-view"
                        on:change=move |ev| setup.update(|s| s.view = event_target_value(&ev))>
                        {LAYOUTS.into_iter().filter(|l| *l != "1:0").map(|l| view! {
                            <option value=l selected=move || setup.with(|s| s.view == l)>
                                {move || layout_text(l).map(|k| tr.t(k))}</option>
                        }).collect_view()}
                    </select></label>
            </Show>
            <Show when=move || mode() == Mode::Pane>
                <VenuePicks pic=pic setup=setup fixed=true testid="rotation-fixed"
                    legend=Signal::derive(move || tr.t(PictureText::RotationFixed).to_owned())/>
            </Show>
            <label class="field">{tr.text(PictureText::RotationInterval)}
                <input type="number" min="10" max="3600" step="1" inputmode="numeric" data-testid="rotation-interval"
                    aria-invalid=move || problem.with(|p| p.is_some()).to_string()
                    aria-describedby="rotation-problem"
                    prop:value=move || interval_text.get()
                    on:input=move |ev| interval_text.set(event_target_value(&ev))/></label>
            <label class="field">{tr.text(PictureText::RotationAudience)}
                <select data-testid="rotation-audience"
                    on:change=move |ev| setup.update(|s| s.audiences = Audiences::parse(&event_target_value(&ev)).unwrap_or_default())>
                    {[Audiences::Guests, Audiences::Hosts, Audiences::Both].into_iter().map(|a| view! {
                        <option value=a.code() selected=move || setup.with(|s| s.audiences == a)>{tr.text(audience_text(a))}</option>
                    }).collect_view()}
                </select></label>
            <label class="check"><input type="checkbox" data-testid="rotation-skip-audio"
                prop:checked=move || setup.with(|s| s.skip_audio_only)
                on:change=move |ev| setup.update(|s| s.skip_audio_only = event_target_checked(&ev))/>
                {tr.text(PictureText::RotationSkipAudio)}</label>
            <details class="rotation-choose">
                <summary>{tr.text(PictureText::RotationVenues)}</summary>
                <VenuePicks pic=pic setup=setup fixed=false testid="rotation-venues"
                    legend=Signal::derive(move || tr.t(PictureText::RotationVenues).to_owned())/>
            </details>
            <p class="field-error" id="rotation-problem" role="status" data-testid="rotation-problem">
                {move || problem.get().map(|p| tr.t(problem_text(p)))}</p>
            <button type="submit" class="primary" data-testid="rotation-start"
                disabled=move || pic.rotation.busy.get()>{tr.text(PictureText::RotationStart)}</button>
            </Show>
        </form>
    }
    .into_any()
}
