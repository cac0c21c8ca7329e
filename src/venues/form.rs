//! Adding a venue, or editing one: its fields checked as an import checks a line, and its
//! address kept unique in the list.

use super::Venues;
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use huikong_core::venues::check::{venue as check, Raw};
use huikong_core::venues::Venue;
use huikong_core::venues::VenueText;
use leptos::prelude::*;

/// Which venue the form edits: `None` adds one.
pub type Editing = RwSignal<Option<Option<usize>>>;

fn raw_of(v: &Venue) -> Raw {
    Raw {
        number: None,
        name: Some(v.name.clone()),
        address: Some(v.address.clone()),
        protocol: Some(v.protocol.clone()),
        role: Some(v.role.as_check_join().into()),
        dtmf: v.dtmf.clone(),
        call_type: v.call_type.clone(),
        auto_call: Some(v.auto_call.to_string()),
    }
}

/// The venue of the form's fields, or why not.
fn save(venues: Venues, at: Option<usize>, raw: &Raw, tr: Tr) -> Result<(), String> {
    let lang = tr.lang.get_untracked();
    let (_, v) = check(raw).map_err(|p| match p {
        huikong_core::venues::check::Problem::NoName => tr.now(VenueText::VenueErrFormName).into(),
        huikong_core::venues::check::Problem::NoAddress => {
            tr.now(VenueText::VenueErrFormAddress).into()
        }
        p => p.text(lang),
    })?;
    let mut list = venues.list.get_untracked();
    let clash = list
        .iter()
        .enumerate()
        .find(|(i, o)| Some(*i) != at && o.key() == v.key());
    if let Some((_, o)) = clash {
        return Err(tr.fmt_now(VenueText::VenueErrFormDuplicate, &[("name", &o.name)]));
    }
    match at.and_then(|i| list.get_mut(i)) {
        Some(slot) => *slot = v,
        None => list.push(v),
    }
    venues.set_list(list);
    Ok(())
}

#[component]
pub fn VenueForm(venues: Venues, editing: Editing, at: Option<usize>) -> impl IntoView {
    let tr = Tr::use_context();
    let profile = expect_context::<LiveSession>().profile;
    let start = at
        .and_then(|i| venues.list.with_untracked(|l| l.get(i).cloned()))
        .unwrap_or_else(|| Venue::blank(0));
    let f = RwSignal::new(raw_of(&start));
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match f.with_untracked(|r| save(venues, at, r, tr)) {
            Ok(()) => editing.set(None),
            Err(e) => error.set(Some(e)),
        }
    };
    let text = move |label: VenueText,
                     testid: &'static str,
                     get: fn(&Raw) -> &Option<String>,
                     set: fn(&mut Raw, String)| {
        view! {
            <label class="field">{move || tr.t(label)}
                <input type="text" autocomplete="off" data-testid=testid
                    prop:value=move || f.with(|r| get(r).clone().unwrap_or_default())
                    on:input=move |ev| f.update(|r| set(r, event_target_value(&ev)))/></label>
        }
    };
    let select = move |label: VenueText,
                       testid: &'static str,
                       options: Vec<(&'static str, String)>,
                       get: fn(&Raw) -> &Option<String>,
                       set: fn(&mut Raw, String)| {
        view! {
            <label class="field">{move || tr.t(label)}
                <select data-testid=testid on:change=move |ev| f.update(|r| set(r, event_target_value(&ev)))>
                    {options.into_iter().map(|(v, t)| view! {
                        <option value=v selected=move || f.with(|r| get(r).as_deref().unwrap_or("") == v)>{t}</option>
                    }).collect_view()}
                </select></label>
        }
    };
    let protocols = profile
        .dial_protocols()
        .iter()
        .map(|&p| (p, p.to_uppercase()))
        .collect();
    let roles = vec![
        ("guest", tr.now(Text::RoleGuest).to_owned()),
        ("host", tr.now(Text::RoleHost).to_owned()),
    ];
    let types = vec![
        ("", tr.now(VenueText::VenueCallTypeDefault).to_owned()),
        ("video", "video".into()),
        ("video-only", "video-only".into()),
        ("audio", "audio".into()),
    ];
    let heading = match at {
        Some(_) => tr.fmt_now(VenueText::VenueEditX, &[("name", &start.name)]),
        None => tr.now(VenueText::VenueAdd).to_owned(),
    };
    let label = heading.clone();
    view! {
        <form class="venue-form" data-testid="venue-form" novalidate on:submit=submit aria-label=label>
            <h3>{heading}</h3>
            {text(VenueText::VenueName, "venue-name", |r| &r.name, |r, v| r.name = Some(v))}
            {text(VenueText::VenueAddress, "venue-address", |r| &r.address, |r, v| r.address = Some(v))}
            <div class="field-pair">
                {select(VenueText::VenueProtocol, "venue-protocol", protocols, |r| &r.protocol, |r, v| r.protocol = Some(v))}
                {select(VenueText::VenueRole, "venue-role", roles, |r| &r.role, |r, v| r.role = Some(v))}
            </div>
            <div class="field-pair">
                {text(VenueText::VenueDtmf, "venue-dtmf", |r| &r.dtmf, |r, v| r.dtmf = Some(v))}
                {select(VenueText::VenueCallType, "venue-call-type", types, |r| &r.call_type, |r, v| r.call_type = Some(v))}
            </div>
            <label class="check"><input type="checkbox" data-testid="venue-auto"
                prop:checked=move || f.with(|r| r.auto_call.as_deref() == Some("true"))
                on:change=move |ev| f.update(|r| r.auto_call = Some(event_target_checked(&ev).to_string()))/>
                {tr.text(VenueText::VenueAuto)}</label>
            <p class="field-error" role="alert" data-testid="venue-form-error" hidden=move || error.with(Option::is_none)>
                {move || error.get()}</p>
            <div class="venue-form-buttons">
                <button type="submit" class="primary">{tr.text(VenueText::VenueSave)}</button>
                <button type="button" on:click=move |_| editing.set(None)>{tr.text(VenueText::VenueCancel)}</button>
            </div>
        </form>
    }
}
