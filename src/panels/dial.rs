//! Dial out: the three fields a host fills in every time (address, name in the list, protocol)
//! first, every other field of `dial` under "More options"; checked with
//! `DialRequest::validate` before sending. Each accepted dial is then listed by the name and
//! address dialled, each call with what became of it as the platform's events tell it.

use crate::command::act::Act;
use crate::command::service::Reply;
use crate::command::service::{At, Commands};
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::Status;
use crate::state::store::Store;
use huikong_protocol::{DialRequest, Role, ServiceType};
use leptos::prelude::*;

/// How many dial results the panel keeps, newest first.
const KEEP: usize = 5;

/// The texts of the form's fields, gathered so the form can build its body in one place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DialFields {
    pub destination: String,
    pub protocol: String,
    pub role: String,
    pub call_type: String,
    pub streaming: bool,
    pub presentation_url: String,
    pub dtmf: String,
    pub source_display_name: String,
    pub source: String,
    pub remote_display_name: String,
    pub keep_alive: String,
}

fn optional(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

impl DialFields {
    /// The body of `dial`, or why the platform would not take it. Empty optional fields are left
    /// out, so the platform's defaults apply.
    pub fn request(&self) -> Result<DialRequest, String> {
        let role = Role::parse(&self.role).unwrap_or(Role::Guest);
        let mut req = DialRequest::new(self.destination.trim(), self.protocol.trim(), role);
        req.call_type = optional(&self.call_type);
        req.streaming = self.streaming;
        req.presentation_url = optional(&self.presentation_url);
        req.dtmf_sequence = optional(&self.dtmf).map(|d| d.to_ascii_uppercase());
        req.source_display_name = optional(&self.source_display_name);
        req.source = optional(&self.source);
        req.remote_display_name = optional(&self.remote_display_name);
        req.keep_conference_alive = optional(&self.keep_alive);
        req.validate().map(|()| req)
    }
}

/// One dial that the platform accepted: where to, under what name, and the participants it
/// created.
#[derive(Debug, Clone, PartialEq)]
struct Dialled {
    id: u64,
    destination: String,
    /// The name asked for in the list, if any.
    name: Option<String>,
    uuids: Vec<String>,
}

/// What became of a dialled participant.
#[derive(Debug, Clone, PartialEq)]
enum CallState {
    /// Neither listed nor gone yet: its first event has not arrived.
    Awaiting,
    /// Listed, in this state (`connecting`, then `conference`).
    Listed(ServiceType),
    /// Deleted: refused, unanswered or hung up.
    Ended,
}

impl CallState {
    /// Read from the store, and from the event log for a participant already deleted (a busy
    /// destination is created and deleted before the dial's answer arrives).
    fn of(store: Store, uuid: &str) -> CallState {
        store.order().track();
        match store.row(uuid) {
            Some(row) => CallState::Listed(row.p.with(|p| p.service_type.clone())),
            None if store.log().with(|l| {
                l.iter()
                    .any(|e| e.name == "participant_delete" && e.uuid.as_deref() == Some(uuid))
            }) =>
            {
                CallState::Ended
            }
            None => CallState::Awaiting,
        }
    }

    fn code(&self) -> String {
        match self {
            CallState::Awaiting => "awaiting".into(),
            CallState::Ended => "ended".into(),
            CallState::Listed(t) => t.as_str().to_owned(),
        }
    }

    fn text(&self) -> Text {
        match self {
            CallState::Awaiting => Text::DialAwaiting,
            CallState::Ended => Text::DialEnded,
            CallState::Listed(ServiceType::Connecting) => Text::StateConnecting,
            CallState::Listed(ServiceType::WaitingRoom) => Text::StateWaiting,
            CallState::Listed(ServiceType::Ivr) => Text::StateIvr,
            CallState::Listed(ServiceType::Gateway) => Text::StateGateway,
            CallState::Listed(_) => Text::StateInConference,
        }
    }
}

fn protocol_text(p: &str) -> &'static str {
    match p {
        "sip" => "SIP",
        "h323" => "H.323",
        "rtmp" => "RTMP",
        "mssip" => "MS-SIP (Lync)",
        "rtsp" => "RTSP",
        "phone" => "PSTN",
        _ => "auto",
    }
}

#[component]
pub fn DialPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let status = expect_context::<Status>();
    let profile = session.profile;
    let f = RwSignal::new(DialFields {
        protocol: "sip".into(),
        role: "guest".into(),
        ..DialFields::default()
    });
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let results = RwSignal::new(Vec::<Dialled>::new());
    let next = StoredValue::new(0u64);
    let forbidden = Forbidden::use_context();
    let cmds = Commands::use_context();
    let destination = NodeRef::<leptos::html::Input>::new();
    super::dial_back::on_dial_back(profile, destination, move |uri, protocol| {
        f.update(|d| {
            d.destination = uri;
            if let Some(p) = protocol {
                d.protocol = p;
            }
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if forbidden.get_untracked() {
            return;
        }
        let req = match f.with_untracked(DialFields::request) {
            Ok(r) => r,
            Err(e) => {
                error.set(Some(tr.fmt_now(Text::DialInvalid, &[("reason", &e)])));
                return;
            }
        };
        error.set(None);
        let destination = req.destination.clone();
        let name = req.remote_display_name.clone();
        let label = tr.fmt_now(Text::DialX, &[("destination", &destination)]);
        let at = At {
            status,
            pending,
            held: None,
        };
        cmds.run_at(Act::Dial(req), at, Some(label), move |reply| {
            let Reply::Dialled(uuids) = reply else {
                return;
            };
            let id = next.get_value() + 1;
            next.set_value(id);
            results.try_update(|r| {
                r.insert(
                    0,
                    Dialled {
                        id,
                        destination,
                        name,
                        uuids,
                    },
                );
                r.truncate(KEEP);
            });
        });
    };

    // One text field of the form, bound to its part of `f`.
    let text = move |label: Text,
                     testid: &'static str,
                     get: fn(&DialFields) -> &String,
                     set: fn(&mut DialFields, String)| {
        view! {
            <label class="field">{move || tr.t(label)}
                <input type="text" autocomplete="off" data-testid=testid
                    prop:value=move || f.with(|d| get(d).clone())
                    on:input=move |ev| f.update(|d| set(d, event_target_value(&ev)))
                    on:change=move |ev| f.update(|d| set(d, event_target_value(&ev)))/></label>
        }
    };
    let select = move |label: Text,
                       testid: &'static str,
                       options: Vec<(&'static str, Signal<String>)>,
                       get: fn(&DialFields) -> &String,
                       set: fn(&mut DialFields, String)| {
        view! {
            <label class="field">{move || tr.t(label)}
                <select data-testid=testid
                    prop:value=move || f.with(|d| get(d).clone())
                    on:change=move |ev| f.update(|d| set(d, event_target_value(&ev)))>
                    {options.into_iter().map(|(v, t)| view! {
                        <option value=v selected=move || f.with(|d| get(d) == v)>{move || t.get()}</option>
                    }).collect_view()}
                </select></label>
        }
    };
    let k = move |k: Text| Signal::derive(move || tr.t(k).to_owned());
    // Only what the deployment can call out with is offered.
    let protocols: Vec<(&'static str, Signal<String>)> = profile
        .dial_protocols()
        .iter()
        .map(|&p| match p {
            "auto" => (p, k(Text::DialProtocolAuto)),
            "phone" => (p, k(Text::DialProtocolPhone)),
            "rtsp" => (p, k(Text::DialProtocolRtsp)),
            _ => (p, Signal::derive(move || protocol_text(p).to_owned())),
        })
        .collect();

    view! {
        <section class="card dial-panel" aria-labelledby="dial-h">
            <h2 id="dial-h">{tr.text(Text::DialHeading)}</h2>
            <form class="dial-form" data-testid="dial-form" novalidate on:submit=submit>
                <label class="field">{tr.text(Text::DialDestination)}
                    <input type="text" required autocomplete="off" data-testid="dial-destination" node_ref=destination
                        aria-describedby="dial-dest-hint"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || f.with(|d| d.destination.clone())
                        on:input=move |ev| f.update(|d| d.destination = event_target_value(&ev))
                        on:change=move |ev| f.update(|d| d.destination = event_target_value(&ev))/></label>
                <small id="dial-dest-hint" class="hint">{tr.text(Text::DialDestinationHint)}</small>
                {text(Text::DialRemoteDisplayName, "dial-remote-display-name", |d| &d.remote_display_name, |d, v| d.remote_display_name = v)}
                {select(Text::DialProtocol, "dial-protocol", protocols, |d| &d.protocol, |d, v| d.protocol = v)}
                <details class="dial-more" data-testid="dial-more">
                    <summary data-testid="dial-more-toggle">{tr.text(Text::DialMoreOptions)}</summary>
                    <div class="field-pair">
                        {select(Text::DialRole, "dial-role", vec![("guest", k(Text::RoleGuest)), ("chair", k(Text::RoleHost))], |d| &d.role, |d, v| d.role = v)}
                        {select(Text::DialCallType, "dial-call-type", vec![
                            ("", k(Text::CallTypeDefault)), ("video", k(Text::CallTypeVideo)),
                            ("video-only", k(Text::CallTypeVideoOnly)), ("audio", k(Text::CallTypeAudio)),
                        ], |d| &d.call_type, |d, v| d.call_type = v)}
                    </div>
                    <label class="check"><input type="checkbox" data-testid="dial-streaming"
                        prop:checked=move || f.with(|d| d.streaming)
                        on:change=move |ev| f.update(|d| d.streaming = event_target_checked(&ev))/>
                        {tr.text(Text::DialStreaming)}</label>
                    {text(Text::DialPresentationUrl, "dial-presentation-url", |d| &d.presentation_url, |d, v| d.presentation_url = v)}
                    {text(Text::DialDtmf, "dial-dtmf", |d| &d.dtmf, |d, v| d.dtmf = v)}
                    {text(Text::DialSourceDisplayName, "dial-source-display-name", |d| &d.source_display_name, |d, v| d.source_display_name = v)}
                    {text(Text::DialSource, "dial-source", |d| &d.source, |d, v| d.source = v)}
                    {select(Text::DialKeepAlive, "dial-keep-alive", vec![
                        ("", k(Text::KeepAliveDefault)),
                        ("keep_conference_alive", k(Text::KeepAliveAlways)),
                        ("keep_conference_alive_if_multiple", k(Text::KeepAliveMultiple)),
                        ("keep_conference_alive_never", k(Text::KeepAliveNever)),
                    ], |d| &d.keep_alive, |d, v| d.keep_alive = v)}
                </details>
                <p class="field-error" role="alert" data-testid="dial-error" hidden=move || error.with(Option::is_none)>
                    {move || error.get()}</p>
                <button type="submit" class="primary" data-testid="dial-submit"
                    disabled=move || pending.get() || forbidden.get()
                    aria-busy=move || pending.get().then_some("true")
                    title=move || forbidden.get().then(|| tr.t(Text::HostOnlyReason))
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)>
                    {tr.text(Text::DialSubmit)}
                    <span class="spinner" aria-hidden="true" hidden=move || !pending.get()></span>
                </button>
            </form>
            <DialResults results=results/>
        </section>
    }
}

/// The dials the platform accepted, newest first: by the name and address dialled, each call
/// by its name in the list once listed, with what became of it.
#[component]
fn DialResults(results: RwSignal<Vec<Dialled>>) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
    <Show when=move || !results.with(Vec::is_empty)>
        <h3>{tr.text(Text::DialResults)}</h3>
        <ul class="dial-results" data-testid="dial-result" aria-live="polite">
            <For each=move || results.get() key=|d| d.id let:d>
                <li class="dial-entry" data-destination=d.destination.clone()>
                    <span class="dial-dest">{d.name.clone().unwrap_or_else(|| d.destination.clone())}</span>
                    {d.name.is_some().then(|| view! { <span class="dial-address">{d.destination.clone()}</span> })}
                    {if d.uuids.is_empty() {
                        view! { <span class="empty">{tr.text(Text::DialNoUuid)}</span> }.into_any()
                    } else {
                        let many = d.uuids.len() > 1;
                        d.uuids.iter().map(|u| view! { <DialCall uuid=u.clone() named=many/> }).collect_view().into_any()
                    }}
                </li>
            </For>
        </ul>
    </Show>
    }
}

/// One participant a dial created: what became of it, and (when a dial created several) its
/// name in the list once it is listed.
#[component]
fn DialCall(uuid: String, named: bool) -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let u = uuid.clone();
    let state = Memo::new(move |_| CallState::of(store, &u));
    let u = uuid.clone();
    let name = Memo::new(move |_| {
        store.order().track();
        store
            .row(&u)
            .map(|r| r.p.with(|p| p.shown_name().to_owned()))
    });
    view! {
        <span class="dial-call" data-testid="dial-call" data-uuid=uuid
            data-state=move || state.with(CallState::code)>
            {named.then(|| view! { <span class="dial-call-name">{move || name.get()}</span> })}
            <span class="badge">{move || tr.t(state.with(CallState::text))}</span>
        </span>
    }
}
