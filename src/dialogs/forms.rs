//! The participant commands that take input: DTMF and the RTMP sub-call (transfer has its own
//! file, transfer.rs, with its confirmation).

use crate::command::act::Act;
use crate::command::service::Reply;
use crate::command::service::{At, Commands};
use crate::host::browser::copy_text;
use crate::i18n::{Text, Tr};
use crate::state::access::Forbidden;
use crate::state::status::Status;
use huikong_protocol::{validate_dtmf, CallsRequest, CallsResult};
use leptos::prelude::*;

/// The keys of the DTMF keypad, in a phone's order, then A-D.
pub const KEYPAD: [char; 16] = [
    '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#', 'A', 'B', 'C', 'D',
];

/// Why `digits` cannot be sent, in the host's language: the platform's check, worded here.
fn dtmf_reason(tr: Tr, digits: &str) -> Option<String> {
    validate_dtmf(digits).err()?;
    let bad = digits
        .chars()
        .find(|c| !matches!(c, '0'..='9' | '*' | '#' | 'A'..='D'));
    Some(match bad {
        Some(c) => tr.fmt(Text::DtmfBadDigit, &[("c", &c.to_string())]),
        None => tr.t(Text::DtmfNoDigits).to_owned(),
    })
}

fn submit_disabled(pending: RwSignal<bool>) -> Memo<bool> {
    let forbidden = Forbidden::use_context();
    Memo::new(move |_| pending.get() || forbidden.get())
}

#[component]
pub fn DtmfForm(uuid: String, name: Memo<String>) -> impl IntoView {
    let tr = Tr::use_context();
    let status = expect_context::<Status>();
    let digits = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let disabled = submit_disabled(pending);
    let invalid = Memo::new(move |_| {
        // Typed a-d are the digits A-D: checked as they will be sent.
        let d = digits.get().to_ascii_uppercase();
        if d.is_empty() {
            None
        } else {
            dtmf_reason(tr, &d)
        }
    });
    let cmds = Commands::use_context();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = digits.get_untracked().to_ascii_uppercase();
        if let Some(e) = dtmf_reason(tr, &d) {
            status.push(false, tr.fmt_now(Text::DtmfInvalid, &[("reason", &e)]));
            return;
        }
        let label = format!(
            "{} ({d})",
            tr.fmt_now(Text::DtmfX, &[("name", &name.get_untracked())])
        );
        let at = At {
            status,
            pending,
            held: None,
        };
        cmds.run_at(Act::Dtmf(uuid.clone(), d), at, Some(label), move |_| {
            digits.try_set(String::new());
        });
    };
    view! {
        <form class="subform" data-testid="dtmf-form" on:submit=submit>
            <h3>{move || tr.fmt(Text::DtmfX, &[("name", &name.get())])}</h3>
            <label>{tr.text(Text::DtmfDigits)}
                <input type="text" data-testid="dtmf-digits" inputmode="tel" autocomplete="off"
                    aria-invalid=move || invalid.with(Option::is_some).then_some("true")
                    bind:value=digits/></label>
            <p class="field-error" hidden=move || invalid.with(Option::is_none)>
                {move || invalid.get().map(|e| tr.fmt(Text::DtmfInvalid, &[("reason", &e)]))}
            </p>
            <div class="keypad" role="group" aria-label=tr.text(Text::DtmfDigits)>
                {KEYPAD.into_iter().map(|k| view! {
                    <button type="button" class="key" on:click=move |_| digits.update(|d| d.push(k))>{k.to_string()}</button>
                }).collect_view()}
            </div>
            <div class="button-row">
                <button type="submit" class="primary" disabled=move || disabled.get() || digits.with(String::is_empty)
                    aria-busy=move || pending.get().then_some("true")>{tr.text(Text::DtmfSend)}</button>
                <button type="button" on:click=move |_| digits.set(String::new())>{tr.text(Text::DtmfClear)}</button>
            </div>
        </form>
    }
}

#[component]
fn CopyField(label: Text, value: String, testid: &'static str) -> impl IntoView {
    let tr = Tr::use_context();
    let status = expect_context::<Status>();
    let v = value.clone();
    view! {
        <div class="copy-field">
            <label>{move || tr.t(label)}
                <input type="text" readonly data-testid=testid value=value.clone()/></label>
            <button type="button" class="small"
                aria-label=move || tr.fmt(Text::CopyX, &[("what", tr.t(label))])
                on:click=move |_| {
                    let v = v.clone();
                    leptos::task::spawn_local(async move {
                        let ok = copy_text(&v).await;
                        let what = tr.now(label);
                        status.push(ok, tr.fmt_now(if ok { Text::Copied } else { Text::CopyFailed }, &[("what", what)]));
                    });
                }>"⧉"</button>
        </div>
    }
}

#[component]
pub fn RtmpForm(uuid: String, name: Memo<String>) -> impl IntoView {
    let tr = Tr::use_context();
    let status = expect_context::<Status>();
    let streaming = RwSignal::new(true);
    let pending = RwSignal::new(false);
    let disabled = submit_disabled(pending);
    let result = RwSignal::new(None::<CallsResult>);
    let cmds = Commands::use_context();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = CallsRequest::rtmp(streaming.get_untracked());
        let label = tr.fmt_now(Text::RtmpX, &[("name", &name.get_untracked())]);
        let at = At {
            status,
            pending,
            held: None,
        };
        cmds.run_at(
            Act::SubCall(uuid.clone(), body),
            at,
            Some(label),
            move |r| {
                if let Reply::SubCall(r) = r {
                    result.try_set(Some(r));
                }
            },
        );
    };
    view! {
        <form class="subform" data-testid="rtmp-form" on:submit=submit>
            <h3>{move || tr.fmt(Text::RtmpX, &[("name", &name.get())])}</h3>
            <label class="check"><input type="checkbox" bind:checked=streaming/>{tr.text(Text::RtmpStreaming)}</label>
            <button type="submit" disabled=move || disabled.get()
                aria-busy=move || pending.get().then_some("true")>{tr.text(Text::RtmpCreate)}</button>
            {move || result.get().map(|r| view! {
                <div class="rtmp-result" data-testid="rtmp-result" data-call-uuid=r.call_uuid.clone()>
                    {r.url.clone().map(|u| view! { <CopyField label=Text::RtmpUrl value=u testid="rtmp-url"/> })}
                    {r.secure_url.clone().map(|u| view! { <CopyField label=Text::RtmpSecureUrl value=u testid="rtmp-secure-url"/> })}
                </div>
            })}
        </form>
    }
}
