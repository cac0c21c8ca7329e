//! The rotation's bar while one runs: who is shown, who is next and in how many seconds, a
//! note when it paused itself, Pause / Resume (p), Next, and Stop (Esc).

use super::rotation::Rotation;
use super::Picture;
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::widgets::escape::on_escape;
use huikong_core::keymap::KeyAct;
use huikong_core::picture::rotation::next;
use huikong_core::picture::PictureText;
use huikong_core::venues::VenueText;
use leptos::prelude::*;

#[component]
pub fn RotationBar() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(pic) = Picture::use_context() else {
        return ().into_any();
    };
    let cmds = Commands::use_context();
    let r = pic.rotation;
    let c = cmds.clone();
    on_escape(
        move || r.on.with_untracked(Option::is_some),
        move || r.stop(pic, &c),
    );
    let paused = move || {
        r.on.with(|o| o.as_ref().is_some_and(|o| o.countdown.paused()))
    };
    let c = cmds.clone();
    let upcoming = move || {
        r.now.track();
        let run = r.on.get()?;
        let after = next(
            &run.setup,
            &Rotation::candidates(pic, &c),
            &run.current.keys,
        );
        let secs = run
            .countdown
            .seconds_left(r.now.get_untracked())
            .to_string();
        Some(match after {
            Some(s) => tr.fmt(
                PictureText::RotationNext,
                &[("name", &s.names.join("、")), ("n", &secs)],
            ),
            None => tr.t(PictureText::RotationNextNone).to_owned(),
        })
    };
    let (c1, c2) = (cmds.clone(), cmds);
    view! {
        <Show when=move || r.on.with(Option::is_some)>
            <section class="roll-call-bar rotation-bar" role="region" aria-label=move || tr.t(PictureText::RotationBar)
                data-testid="rotation-bar" data-paused=move || paused().to_string()
                data-source=move || r.source.get().map(|s| s.code())>
                <p class="roll-call-now" role="status" data-testid="rotation-now">
                    {move || r.on.with(|o| o.as_ref().map(|o| {
                        let name = o.current.names.join("、");
                        let t = if o.countdown.paused() { PictureText::RotationPaused } else { PictureText::RotationNow };
                        tr.fmt(t, &[("name", &name)])
                    }))}</p>
                <p class="rotation-next" data-testid="rotation-next">{upcoming.clone()}</p>
                <p class="field-error" role="alert" data-testid="rotation-note"
                    hidden=move || r.on.with(|o| o.as_ref().is_none_or(|o| o.note.is_none()))>
                    {move || r.on.with(|o| o.as_ref().and_then(|o| o.note.clone()))}</p>
                <button type="button" data-testid="rotation-pause" aria-keyshortcuts=KeyAct::RotationPause.aria()
                    aria-pressed=move || paused().to_string()
                    on:click=move |_| r.toggle_pause()>
                    {move || tr.t(if paused() { PictureText::RotationResume } else { PictureText::RotationPause })}</button>
                <button type="button" data-testid="rotation-skip" disabled=move || r.busy.get()
                    on:click={let c = c1.clone(); move |_| r.skip(pic, &c)}>{tr.text(VenueText::RollCallNext)}</button>
                <button type="button" class="danger" data-testid="rotation-stop"
                    aria-keyshortcuts=KeyAct::RollCallEnd.aria() disabled=move || r.busy.get()
                    on:click={let c = c2.clone(); move |_| r.stop(pic, &c)}>{tr.text(Text::RotationStop)}</button>
            </section>
        </Show>
    }
    .into_any()
}

/// The header's word for what decides the picture now: roll call, broadcast (of whom) or
/// rotation (paused or not); nothing otherwise.
#[component]
pub fn OnAirBadge() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(pic) = Picture::use_context() else {
        return ().into_any();
    };
    let rollcall = pic.venues.rollcall;
    let text = move || {
        if rollcall.current.with(Option::is_some) {
            return Some(tr.t(PictureText::BadgeRollCall).to_owned());
        }
        if let Some(name) = pic
            .broadcast
            .on
            .with(|o| o.as_ref().map(|o| o.name.clone()))
        {
            return Some(tr.fmt(PictureText::BadgeBroadcast, &[("name", &name)]));
        }
        pic.rotation.on.with(|o| {
            o.as_ref().map(|o| {
                tr.t(if o.countdown.paused() {
                    PictureText::BadgeRotationPaused
                } else {
                    PictureText::BadgeRotation
                })
                .to_owned()
            })
        })
    };
    view! {
        {move || text().map(|t| view! { <span class="badge on-air" data-testid="on-air">{t}</span> })}
    }
    .into_any()
}
