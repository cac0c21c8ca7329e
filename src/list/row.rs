//! One participant's row: it reads only its own signals, so an update to another participant
//! leaves it alone.

use crate::command::act::{Act, PersonAct};
use crate::command::button::{toggle, CmdButton};
use crate::command::service::Commands;
use crate::dialogs::ActionsFor;
use crate::i18n::{role_text, Text, Tr};
use crate::list::icons::{icon_slot, Glyph};
use crate::list::query::SpotlightOrder;
use crate::list::selection::Selection;
use crate::platform::session::LiveSession;
use crate::state::access::Forbidden;
use crate::state::clock::Clock;
use huikong_core::command::Action;
use huikong_protocol::{RxPresentationPolicy, ServiceType};
use leptos::prelude::*;

/// Time in the meeting in whole minutes, as words.
pub fn coarse_elapsed(tr: Tr, seconds: f64) -> String {
    let m = if seconds.is_finite() && seconds > 0.0 {
        (seconds / 60.0) as u64
    } else {
        0
    };
    match m {
        0 => tr.t(Text::LessThanMinute).to_owned(),
        m if m < 60 => tr.fmt(Text::Minutes, &[("n", &m.to_string())]),
        m => tr.fmt(
            Text::HoursMinutes,
            &[("h", &(m / 60).to_string()), ("m", &(m % 60).to_string())],
        ),
    }
}

/// The badge of a participant not (yet) in the conference proper.
pub fn state_label(s: &ServiceType) -> Option<Text> {
    match s {
        ServiceType::Connecting => Some(Text::StateConnecting),
        ServiceType::WaitingRoom => Some(Text::StateWaiting),
        ServiceType::Ivr => Some(Text::StateIvr),
        ServiceType::Gateway => Some(Text::StateGateway),
        ServiceType::Conference | ServiceType::Other(_) => None,
    }
}

/// `place` is the row's 1-based position in the list as filtered and sorted, `set_size` the
/// list's length: only a window of rows is rendered, so a screen reader learns "row 1,234 of
/// 5,000" from these, not from counting.
#[component]
pub fn ParticipantRow(
    uuid: String,
    place: Signal<usize>,
    set_size: Signal<usize>,
) -> impl IntoView {
    let tr = Tr::provide_local();
    let session = expect_context::<LiveSession>();
    Forbidden::provide_local();
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let clock = expect_context::<Clock>();
    let ActionsFor(actions_for) = expect_context::<ActionsFor>();
    let SpotlightOrder(spots) = expect_context::<SpotlightOrder>();
    let p = row.p;
    let vad = row.vad;
    let me = session.me == uuid;
    let name = Memo::new(move |_| p.with(|p| p.shown_name().to_owned()));
    let muted = Memo::new(move |_| p.with(|p| p.is_muted));
    let spotlit = Memo::new(move |_| p.with(|p| p.is_spotlit()));
    let waiting = Memo::new(move |_| p.with(|p| p.is_waiting()));
    let u = uuid.clone();
    // Memos, so that a view made for them is made again only when they change: a language
    // switch changes the texts inside, never the elements.
    let spot_place = Memo::new(move |_| spots.with(|s| s.get(&u).copied()));
    let state = Memo::new(move |_| p.with(|p| state_label(&p.service_type)));
    let speaking = Memo::new(move |_| vad.get().is_some_and(|v| v > 0));
    let presenting = Memo::new(move |_| p.with(|p| p.is_presenting));
    let media = Memo::new(move |_| {
        p.with(|p| match (p.has_media, p.is_audio_only_call) {
            (false, _) => (Glyph::NoMedia, Text::NoMedia),
            (true, true) => (Glyph::AudioOnly, Text::AudioOnly),
            (true, false) => (Glyph::Video, Text::Video),
        })
    });

    let person = |p: PersonAct| Act::Person(p, uuid.clone());
    let mute = toggle(muted, person(PersonAct::Unmute), person(PersonAct::Mute));
    let spot = toggle(
        spotlit,
        person(PersonAct::SpotOff),
        person(PersonAct::SpotOn),
    );
    let admit = person(PersonAct::Admit);
    let cmds = Commands::use_context();
    let can_spot = cmds.offered(Action::SpotlightOn);
    let can_admit = cmds.offered(Action::Admit);
    let pick = Selection::use_context().map(|sel| {
        let u = uuid.clone();
        let picked = Memo::new(move |_| sel.contains(&u));
        (sel, picked)
    });
    let picked = move || pick.is_some_and(|(_, p)| p.get());
    let u = uuid.clone();
    let checkbox = pick.map(|(sel, picked)| {
        let u = uuid.clone();
        view! {
            <input type="checkbox" class="pick" data-testid="select-participant"
                aria-label=move || tr.fmt(Text::SelectX, &[("name", &name.get())])
                prop:checked=move || picked.get()
                on:click=move |ev| {
                    sel.click(&u, ev.shift_key());
                    // The box shows the selection, whatever the click did to it by itself (a
                    // range can leave a selected box selected).
                    let now = sel.contains_untracked(&u);
                    event_target::<web_sys::HtmlInputElement>(&ev).set_checked(now);
                }/>
        }
    });

    view! {
        <li data-testid="participant-row" data-uuid=uuid.clone() class:speaking=speaking class:me=me
            class:picked=picked data-selected=move || picked().to_string()
            tabindex="-1" aria-posinset=move || place.get() aria-setsize=move || set_size.get()
            data-muted=move || muted.get().to_string() data-spotlight=move || spotlit.get().to_string()
            data-role=move || p.with(|p| p.role.as_chair())
            data-service-type=move || p.with(|p| p.service_type.as_str().to_owned())>
            <div class="cell who">
                {checkbox}
                // Cut short by an ellipsis on screen; whole on hover and to a screen reader.
                <span class="pname" data-testid="participant-name" title=move || name.get()>{move || name.get()}</span>
                {me.then(|| view! { <span class="you">{tr.text(Text::You)}</span> })}
                <span class="badge role">{move || tr.t(role_text(p.with(|p| p.role)))}</span>
                <span class="proto" data-testid="participant-protocol">{move || p.with(|p| p.protocol.clone())}</span>
                <span class="uri">{move || p.with(|p| p.uri.clone())}</span>
            </div>
            <div class="cell icons">
                {icon_slot("muted-icon", move || muted.get().then_some((Glyph::MicOff, Text::Muted)))}
                {icon_slot("speaking", move || speaking.get().then_some((Glyph::Speaking, Text::Speaking)))}
                {icon_slot("presenting-icon", move || presenting.get().then_some((Glyph::Presenting, Text::Presenting)))}
                {icon_slot("media-icon", move || Some(media.get()))}
            </div>
            <div class="cell state">
                {move || state.get().map(|t| view! { <span class="badge warn">{move || tr.t(t)}</span> })}
                {move || spot_place.get().map(|n| view! {
                    <span class="badge info" data-testid="spotlight-order">{move || tr.fmt(Text::Spotlight, &[("n", &n.to_string())])}</span>
                })}
                <span class="badge" hidden=move || p.with(|p| p.rx_presentation_policy == RxPresentationPolicy::Allow)>
                    {tr.text(Text::RxDenied)}
                </span>
                <span class="elapsed">
                    {move || {
                        let start = p.with(|p| p.start_time);
                        (start > 0.0).then(|| tr.fmt(Text::InMeetingFor, &[("t", &coarse_elapsed(tr, clock.coarse.get() - start))]))
                    }}
                </span>
            </div>
            <div class="cell row-actions">
                <CmdButton class="small" testid="mute-toggle"
                    short=Signal::derive(move || tr.t(if muted.get() { Text::Unmute } else { Text::Mute }).to_owned())
                    label=Signal::derive(move || tr.fmt(if muted.get() { Text::UnmuteX } else { Text::MuteX }, &[("name", &name.get())]))
                    act=mute/>
                {can_spot.then(|| view! {
                    <CmdButton class="small" testid="spotlight-toggle"
                        short=Signal::derive(move || tr.t(if spotlit.get() { Text::Unspotlight } else { Text::SpotlightShort }).to_owned())
                        label=Signal::derive(move || tr.fmt(if spotlit.get() { Text::UnspotlightX } else { Text::SpotlightX }, &[("name", &name.get())]))
                        act=spot.clone()/>
                })}
                {move || (can_admit && waiting.get()).then(|| view! {
                    <CmdButton class="small primary" testid="admit"
                        short=Signal::derive(move || tr.t(Text::Admit).to_owned())
                        label=Signal::derive(move || tr.fmt(Text::AdmitX, &[("name", &name.get())]))
                        act={let a = admit.clone(); move || a.clone()}/>
                })}
                <button type="button" class="small" data-testid="more-actions" aria-haspopup="dialog"
                    aria-label=move || tr.fmt(Text::ActionsX, &[("name", &name.get())])
                    on:click=move |_| actions_for.set(Some(u.clone()))>"⋯"</button>
            </div>
        </li>
    }
    .into_any()
}
