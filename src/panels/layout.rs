//! The layout: the current one from `layout` events, drawn with who is where, and (where the
//! deployment supports `override_layout`) a picker for hosts' and guests' layouts with actors.

use crate::command::act::Act;
use crate::command::service::{At, Commands};
use crate::i18n::{Text, Tr};
use crate::panels::actors::{name_of, ActorPicker};
use crate::panels::geometry::capacity;
use crate::panels::picture::{layout_text, LayoutPicture, LayoutThumb, Seat};
use crate::panels::presets::PresetsSection;
use crate::picture::presets::Chosen;
use crate::picture::rotation_form::RotationForm;
use crate::picture::Picture;
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::Status;
use huikong_core::command::Action;
use huikong_core::picture::{Audiences, PictureText};
use huikong_protocol::{Audience, LayoutOverride, OverrideLayoutRequest, LAYOUTS};
use leptos::prelude::*;

/// Whose layout an override sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceChoice {
    Hosts,
    Guests,
    Both,
}

impl AudienceChoice {
    pub fn parse(s: &str) -> AudienceChoice {
        match s {
            "hosts" => AudienceChoice::Hosts,
            "guests" => AudienceChoice::Guests,
            _ => AudienceChoice::Both,
        }
    }

    pub fn audiences(self) -> &'static [Audience] {
        match self {
            AudienceChoice::Hosts => &[Audience::Hosts],
            AudienceChoice::Guests => &[Audience::Guests],
            AudienceChoice::Both => &[Audience::Hosts, Audience::Guests],
        }
    }

    fn text(self) -> Text {
        match self {
            AudienceChoice::Hosts => Text::AudienceHosts,
            AudienceChoice::Guests => Text::AudienceGuests,
            AudienceChoice::Both => Text::AudienceBoth,
        }
    }
}

/// The body of `override_layout` for the choices made, checked as the platform checks it.
pub fn override_request(
    audience: AudienceChoice,
    layout: &str,
    actors: &[String],
    vad_backfill: bool,
) -> Result<OverrideLayoutRequest, String> {
    let req = OverrideLayoutRequest {
        layouts: audience
            .audiences()
            .iter()
            .map(|a| LayoutOverride::new(*a, layout, actors.to_vec(), vad_backfill))
            .collect(),
    };
    req.validate().map(|()| req)
}

#[component]
pub fn LayoutPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let store = session.store;
    let offered = Commands::use_context().offered(Action::Layout);
    let current = Memo::new(move |_| {
        store.order().track();
        store.layout().with(|l| {
            let seats: Vec<Seat> = l
                .participants
                .iter()
                .map(|u| (u.clone(), name_of(store, u)))
                .collect();
            (l.view.clone(), seats)
        })
    });
    let view_name = Signal::derive(move || current.with(|(v, _)| v.clone()));
    view! {
        <section class="card layout-panel" data-testid="layout-panel" aria-labelledby="layout-h">
            <h2 id="layout-h">{tr.text(Text::LayoutHeading)}</h2>
            <h3>{tr.text(Text::LayoutCurrent)}
                " " <span class="badge" data-testid="layout-current-view">{move || view_name.get()}</span></h3>
            <Show when=move || !view_name.with(String::is_empty)
                fallback=move || view! { <p class="empty">{tr.text(Text::LayoutCurrentNone)}</p> }>
                <LayoutPicture testid="layout-current" view=view_name
                    people=Signal::derive(move || current.with(|(_, s)| s.clone()))
                    label=Signal::derive(move || {
                        let v = view_name.get();
                        let d = layout_text(&v).map(|k| tr.t(k).to_owned()).unwrap_or(v);
                        format!("{}: {d}", tr.t(Text::LayoutCurrent))
                    })
                    empty_text=Signal::derive(move || tr.t(Text::TileEmpty).to_owned())/>
            </Show>
            {if offered {
                view! { <LayoutPicker/> }.into_any()
            } else {
                view! {
                    <p class="hint" data-testid="layout-unsupported"><small>{tr.text(Text::LayoutUnsupported)}</small></p>
                    <p class="hint" data-testid="picture-unsupported"><small>{tr.text(PictureText::PictureUnsupported)}</small></p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn LayoutPicker() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let status = expect_context::<Status>();
    let store = session.store;
    let initial = store.layout().with_untracked(|l| l.view.clone());
    let choice = RwSignal::new(if LAYOUTS.contains(&initial.as_str()) {
        initial
    } else {
        "1:7".to_owned()
    });
    let audience = RwSignal::new(AudienceChoice::Both);
    let actors = RwSignal::new(Vec::<String>::new());
    let vad = RwSignal::new(true);
    let pending = RwSignal::new(false);
    let forbidden = Forbidden::use_context();
    let preview = Signal::derive(move || {
        actors.with(|a| {
            a.iter()
                .map(|u| (u.clone(), name_of(store, u)))
                .collect::<Vec<Seat>>()
        })
    });
    let over = Memo::new(move |_| {
        let cap = capacity(&choice.get()).unwrap_or(usize::MAX);
        actors.with(|a| a.len() > cap).then_some(cap)
    });
    let cmds = Commands::use_context();
    let picture = Picture::use_context();
    let apply = move |_| {
        if forbidden.get_untracked() {
            return;
        }
        let layout = choice.get_untracked();
        let who = audience.get_untracked();
        let label = tr.fmt_now(
            Text::LayoutApplyX,
            &[("layout", &layout), ("audience", tr.now(who.text()))],
        );
        match override_request(who, &layout, &actors.get_untracked(), vad.get_untracked()) {
            Ok(mut req) => {
                // A layout set by hand ends a broadcast or a rotation.
                if let Some(p) = picture {
                    p.yield_to_manual(&mut req);
                }
                // The layout itself arrives as a `layout` event, which is what the picture
                // above shows.
                let at = At {
                    status,
                    pending,
                    held: None,
                };
                cmds.run_at(Act::SetLayout(req), at, Some(label), |_| {});
            }
            Err(e) => status.push(
                false,
                tr.fmt_now(Text::Failed, &[("label", &label), ("reason", &e)]),
            ),
        }
    };
    view! {
        <div class="layout-picker">
            <fieldset class="layout-options" data-testid="layout-picker">
                <legend>{tr.text(Text::LayoutChoose)}</legend>
                {LAYOUTS.into_iter().map(|l| view! {
                    <label class="layout-option" class:chosen=move || choice.with(|c| c == l)>
                        <input type="radio" name="hk-layout" value=l data-testid="layout-option"
                            data-layout=l
                            prop:checked=move || choice.with(|c| c == l)
                            on:change=move |_| choice.set(l.to_owned())/>
                        <LayoutThumb view=l/>
                        <span class="layout-name">{move || layout_text(l).map(|k| tr.t(k))}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label class="field">{tr.text(Text::LayoutAudience)}
                <select data-testid="layout-audience"
                    on:change=move |ev| audience.set(AudienceChoice::parse(&event_target_value(&ev)))>
                    <option value="both" selected>{tr.text(Text::AudienceBoth)}</option>
                    <option value="hosts">{tr.text(Text::AudienceHosts)}</option>
                    <option value="guests">{tr.text(Text::AudienceGuests)}</option>
                </select></label>
            <ActorPicker actors=actors/>
            <label class="check"><input type="checkbox" data-testid="layout-vad-backfill" bind:checked=vad/>
                {tr.text(Text::VadBackfill)}</label>
            <p class="field-error" role="status" data-testid="layout-over-capacity" hidden=move || over.get().is_none()>
                {move || over.get().map(|n| tr.fmt(Text::ActorsOverCapacity, &[("n", &n.to_string())]))}</p>
            <h3>{tr.text(Text::LayoutPreview)}</h3>
            <LayoutPicture testid="layout-preview" view=choice people=preview
                label=Signal::derive(move || {
                    let c = choice.get();
                    format!("{}: {}", tr.t(Text::LayoutPreview), layout_text(&c).map(|k| tr.t(k)).unwrap_or_default())
                })
                empty_text=Signal::derive(move || tr.t(if vad.get() || actors.with(Vec::is_empty) { Text::TileByVoice } else { Text::TileEmpty }).to_owned())/>
            <div class="button-row">
                <button type="button" class="primary" data-testid="layout-apply"
                    disabled=move || pending.get() || forbidden.get()
                    aria-busy=move || pending.get().then_some("true")
                    title=move || forbidden.get().then(|| tr.t(Text::HostOnlyReason))
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
                    on:click=apply>
                    {tr.text(Text::LayoutApply)}
                    <span class="spinner" aria-hidden="true" hidden=move || !pending.get()></span>
                </button>
            </div>
            <PresetsSection chosen=Chosen {
                view: choice.into(),
                audiences: Signal::derive(move || match audience.get() {
                    AudienceChoice::Hosts => Audiences::Hosts,
                    AudienceChoice::Guests => Audiences::Guests,
                    AudienceChoice::Both => Audiences::Both,
                }),
                actors: actors.into(),
                vad: vad.into(),
            }/>
            <RotationForm/>
        </div>
    }
}
