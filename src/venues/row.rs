//! One venue of the list: its number, name, address and protocol, its status now (with the time
//! of a failure or a leave, and "by name only" when it was matched so), and its buttons: call
//! it when it is absent, edit it, remove it.

use super::form::Editing;
use super::{time_of, Venues};
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use huikong_core::keymap::{aria_all, lookup, KeyAct, Scope};
use huikong_core::picture::PictureText;
use huikong_core::venues::status::{Status, Why};
use huikong_core::venues::Venue;
use huikong_core::venues::VenueText;
use huikong_protocol::record::LeaveReason;
use leptos::prelude::*;

/// Why a venue left, when the record says more than that it left.
fn why_text(tr: Tr, why: &LeaveReason) -> Option<String> {
    match why {
        LeaveReason::Left => None,
        LeaveReason::RemovedByConsole => Some(tr.t(VenueText::VenueWhyRemoved).to_owned()),
        LeaveReason::DuringStreamLoss => Some(tr.t(VenueText::VenueWhyLoss).to_owned()),
        LeaveReason::CallDisconnected(r) => Some(r.clone()),
    }
}

/// A status in the host's language, with why it left when that is known.
pub fn status_text(tr: Tr, s: &Status, why: Option<&LeaveReason>) -> String {
    if let (Status::Left { at }, Some(reason)) = (s, why.and_then(|w| why_text(tr, w))) {
        let time = time_of(*at);
        return tr.fmt(
            VenueText::VenueLeftWhy,
            &[("time", &time), ("reason", &reason)],
        );
    }
    match s {
        Status::Online { by_name: false, .. } => tr.t(VenueText::VenueOnline).into(),
        Status::Online { by_name: true, .. } => tr.t(VenueText::VenueOnlineByName).into(),
        Status::Calling { .. } => tr.t(VenueText::VenueCalling).into(),
        Status::Absent => tr.t(VenueText::VenueAbsent).into(),
        Status::Left { at } => tr.fmt(VenueText::VenueLeft, &[("time", &time_of(*at))]),
        Status::Failed { at, why } => {
            let time = time_of(*at);
            match why {
                Why::Refused => tr.fmt(VenueText::VenueFailedRefused, &[("time", &time)]),
                Why::NoAnswer => tr.fmt(VenueText::VenueFailedNoAnswer, &[("time", &time)]),
                Why::Platform(r) => tr.fmt(
                    VenueText::VenueFailedPlatform,
                    &[("time", &time), ("reason", r)],
                ),
            }
        }
    }
}

#[component]
pub fn VenueRow(venues: Venues, index: usize, venue: Venue, editing: Editing) -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let status = Memo::new(move |_| {
        venues
            .statuses
            .with(|s| s.get(index).cloned())
            .unwrap_or(Status::Absent)
    });
    let key = venue.key();
    let key2 = key.clone();
    let key3 = key.clone();
    let ringing = Memo::new(move |_| {
        venues.calls.tally.with(|t| {
            t.as_ref()
                .is_some_and(|t| t.lines.iter().any(|l| l.key == key && l.outcome.is_none()))
        })
    });
    let name = venue.name.clone();
    let call_label = tr.fmt_now(VenueText::VenueCallX, &[("name", &name)]);
    let edit_label = tr.fmt_now(VenueText::VenueEditX, &[("name", &name)]);
    let remove_label = tr.fmt_now(VenueText::VenueRemoveX, &[("name", &name)]);
    let auto_label = tr.fmt_now(VenueText::VenueAutoX, &[("name", &name)]);
    let roll_label = tr.fmt_now(Text::RollCallX, &[("name", &name)]);
    let cast_label = tr.fmt_now(Text::BroadcastX, &[("name", &name)]);
    let can_cast = venues.one.broadcaster().is_some();
    let one = venues.one;
    let cast = move || {
        if let Some(b) = one.broadcaster() {
            b(index);
        }
    };
    let casting = Memo::new(move |_| {
        venues
            .one
            .broadcast_key
            .with(|k| k.as_deref() == Some(key3.as_str()))
    });
    let (c1, c2) = (cmds.clone(), cmds.clone());
    let roll = move || venues.rollcall.call_at(venues, &c1, index);
    let roll2 = roll.clone();
    // The venue's keys (the key map's Venue scope) on its focused row.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.target() != ev.current_target() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match lookup(Scope::Venue, &ev.key()).map(|(k, _)| k) {
            Some(KeyAct::VenueRollCall) => {
                ev.prevent_default();
                if status.with_untracked(Status::is_online) {
                    roll();
                }
            }
            Some(KeyAct::VenueBroadcast) if can_cast => {
                ev.prevent_default();
                cast();
            }
            _ => {}
        }
    };
    let named = move || {
        venues
            .rollcall
            .current
            .with(|c| c.as_ref().is_some_and(|c| c.index == index))
    };
    let v = venue.clone();
    let call = move |_| venues.calls.call(venues, &c2, vec![v.clone()]);
    let remove = move |_| {
        let mut list = venues.list.get_untracked();
        if index < list.len() {
            list.remove(index);
            venues.set_list(list);
        }
    };
    view! {
        <tr class="venue-row" data-testid="venue-row" data-number=venue.number tabindex="0"
            aria-keyshortcuts=aria_all(Scope::Venue) on:keydown=on_key
            class:named=named aria-current=move || named().then_some("true")
            data-status=move || status.with(|s| s.code())>
            <td class="venue-number">{venue.number}</td>
            <th scope="row" class="venue-name">{venue.name.clone()}</th>
            <td class="venue-address">{venue.address.clone()}<small class="venue-protocol">{venue.protocol.to_uppercase()}</small></td>
            <td class="venue-status" data-testid="venue-status">
                <span class=move || format!("badge venue-{}", status.with(|s| s.code()))>
                    {move || if ringing.get() && !status.with(|s| s.is_online()) {
                        tr.t(VenueText::VenueCalling).to_owned()
                    } else {
                        let why = venues.left_why.with(|w| w.get(&key2).cloned());
                        status.with(|s| status_text(tr, s, why.as_ref()))
                    }}</span>
                <super::redial::RedialCountdown venues=venues key=venue.key() name=venue.name.clone()/></td>
            <td class="venue-auto"><input type="checkbox" data-testid="venue-auto" aria-label=auto_label.clone()
                title=auto_label prop:checked=venue.auto_call
                on:change=move |ev| venues.set_auto(index, event_target_checked(&ev))/></td>
            <td class="venue-buttons">
                <Show when=move || status.with(Status::is_online)>
                    <button type="button" aria-label=roll_label.clone() title=roll_label.clone()
                        disabled=move || venues.rollcall.busy.get() || named()
                        on:click={let r = roll2.clone(); move |_| r()}>{tr.text(VenueText::RollCallShort)}</button>
                    {can_cast.then(|| view! {
                        <button type="button" data-testid="venue-broadcast" aria-label=cast_label.clone() title=cast_label.clone()
                            aria-pressed=move || casting.get().to_string()
                            on:click=move |_| cast()>{tr.text(PictureText::BroadcastShort)}</button>
                    })}
                </Show>
                <Show when=move || status.with(Status::is_absent) && !ringing.get()>
                    <button type="button" aria-label=call_label.clone() title=call_label.clone() on:click=call.clone()>
                        {tr.text(VenueText::VenueCall)}</button>
                </Show>
                <button type="button" aria-label=edit_label.clone() title=edit_label.clone()
                    on:click=move |_| editing.set(Some(Some(index)))>{"✎"}</button>
                <button type="button" aria-label=remove_label.clone() title=remove_label.clone() on:click=remove>{"✕"}</button>
            </td>
        </tr>
    }
}
