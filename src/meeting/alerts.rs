//! Alerts an operator must not miss while looking at another window: someone waiting to be
//! admitted, someone presenting, the stream lost, a command failed, a venue dropped or redialled. The unseen count goes into
//! the page title and a favicon badge; a beep and a desktop notification are optional, each
//! switched here and remembered; an embedding portal gets each alert as a message.

use crate::embed::bridge::use_embed;
use crate::embed::messages::Outbound;
use crate::host::attention;
use crate::i18n::{Text, Tr};
use crate::panels::record_words::venue_text;
use crate::platform::session::LiveSession;
use huikong_core::page_texts::PageText;
use huikong_core::record_texts::RecordText;
use huikong_core::venues::VenueText;
use huikong_protocol::record::{Alert, AlertKind};
use leptos::prelude::*;

/// An alert as one sentence in the page's language.
pub fn alert_text(tr: Tr, a: &Alert) -> String {
    let name = a.subject.as_str();
    match a.kind {
        AlertKind::WaitingRoom => tr.fmt_now(RecordText::AlertWaiting, &[("name", name)]),
        AlertKind::Presenting => tr.fmt_now(RecordText::AlertPresenting, &[("name", name)]),
        AlertKind::StreamLost => tr.now(RecordText::AlertStreamLost).to_owned(),
        AlertKind::CommandFailed => tr.fmt_now(
            RecordText::AlertCommandFailed,
            &[("command", name), ("reason", &a.detail)],
        ),
        AlertKind::Venue => match &a.venue {
            Some(v) => untrack(|| venue_text(tr, name, v)),
            None => name.to_owned(),
        },
    }
}

/// The page's title without a count this component put in front of it.
fn base_title() -> String {
    let t = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.title())
        .unwrap_or_default();
    match t.strip_prefix('(').and_then(|r| r.split_once(") ")) {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.to_owned(),
        _ => t,
    }
}

fn kind_label(tr: Tr, k: AlertKind) -> &'static str {
    let t = match k {
        AlertKind::WaitingRoom => RecordText::AlertKindWaiting,
        AlertKind::Presenting => RecordText::AlertKindPresenting,
        AlertKind::StreamLost => RecordText::AlertKindStreamLost,
        AlertKind::CommandFailed => RecordText::AlertKindCommandFailed,
        // The venue list's words are in its own table.
        AlertKind::Venue => return tr.t(VenueText::VenueKindAlert),
    };
    tr.t(t)
}

/// Provided by the operator wall: it raises every room's alerts itself (the title and favicon
/// count all rooms), so a room's bar only shows them.
#[derive(Debug, Clone, Copy)]
pub struct WallRaisesAlerts;

/// One switch per kind of alert, remembered.
#[component]
fn AlertKinds(muted: RwSignal<Vec<String>>) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <details class="alert-kinds">
            <summary data-testid="alert-kinds">{tr.text(RecordText::AlertKinds)}</summary>
            {AlertKind::ALL.into_iter().map(|k| view! {
                <label class="check"><input type="checkbox" data-testid="alert-kind" data-kind=k.as_str()
                    prop:checked=move || muted.with(|m| !m.iter().any(|x| x == k.as_str()))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        muted.update(|m| {
                            m.retain(|x| x != k.as_str());
                            if !on {
                                m.push(k.as_str().to_owned());
                            }
                        });
                        muted.with_untracked(|m| attention::save_muted_kinds(m));
                    }/>
                    {move || kind_label(tr, k)}</label>
            }).collect_view()}
        </details>
    }
}

#[component]
pub fn AlertBar() -> impl IntoView {
    let tr = Tr::use_context();
    let record = expect_context::<LiveSession>().store.record();
    let alert = record.alert();
    // Alerts of the kinds switched on, since the operator last marked them seen.
    let unseen = RwSignal::new(0u64);
    let muted = RwSignal::new(attention::saved_muted_kinds());
    let last = RwSignal::new(None::<String>);
    let sound = RwSignal::new(attention::saved_sound());
    let notify = RwSignal::new(attention::saved_notify() && attention::notifications_granted());
    let refused = RwSignal::new(false);
    // The first knock with the sound off offers to turn it on, once a meeting page.
    let offer_sound = RwSignal::new(false);
    let offered = StoredValue::new(false);
    let wall = use_context::<WallRaisesAlerts>().is_some();
    let embed = use_embed().filter(|_| !wall);

    Effect::watch(
        move || alert.get(),
        move |a, _, _| {
            let Some((_, a)) = a else { return };
            if muted.with_untracked(|m| m.iter().any(|k| k == a.kind.as_str())) {
                return;
            }
            unseen.update(|n| *n += 1);
            let text = alert_text(tr, a);
            last.set(Some(text.clone()));
            if wall {
                return;
            }
            if sound.get_untracked() {
                attention::beep();
            } else if a.kind == AlertKind::WaitingRoom && !offered.get_value() {
                offered.set_value(true);
                offer_sound.set(true);
            }
            if notify.get_untracked() {
                attention::notify(tr.now(Text::AppTitle), &text, a.kind.as_str());
            }
            if let Some(embed) = embed {
                embed.send(&Outbound::Alert {
                    kind: a.kind.as_str(),
                    subject: a.subject.clone(),
                    detail: a.detail.clone(),
                    unseen: unseen.get_untracked(),
                    conference: None,
                });
            }
        },
        false,
    );
    let title = StoredValue::new(base_title());
    // On the wall, the title and favicon count every room: the wall sets them.
    if !wall {
        Effect::new(move |_| {
            let n = unseen.get();
            attention::set_title(&attention::title_with_count(&title.get_value(), n));
            attention::set_favicon_badge(n);
        });
        on_cleanup(move || {
            attention::set_title(&title.get_value());
            attention::set_favicon_badge(0);
        });
    }

    let enable_notifications = move |_| {
        leptos::task::spawn_local(async move {
            let granted = attention::request_notifications().await;
            refused.try_set(!granted);
            notify.try_set(granted);
            attention::save_notify(granted);
        });
    };
    view! {
        <section class="alert-bar" data-testid="alert-bar" data-unseen=move || unseen.get()
            aria-label=tr.text(RecordText::AlertsHeading)>
            <p role="status" aria-live="polite" class="alert-last" data-testid="alert-last">
                <Show when=move || { unseen.get() > 0 }>
                    <span class="badge alert-count">{move || tr.fmt(RecordText::AlertsUnseen, &[("n", &unseen.get().to_string())])}</span>
                    " " {move || last.get()}
                </Show>
            </p>
            <button type="button" data-testid="alerts-seen" hidden=move || unseen.get() == 0
                on:click=move |_| unseen.set(0)>
                {tr.text(RecordText::AlertsMarkSeen)}</button>
            // The first knock with the sound off: the switch's place offers it, once.
            <Show when=move || offer_sound.get() && !sound.get()
                fallback=move || view! {
                    <label class="check"><input type="checkbox" data-testid="alerts-sound"
                        prop:checked=move || sound.get()
                        on:change=move |ev| { let on = event_target_checked(&ev); sound.set(on); attention::save_sound(on); }/>
                        {tr.text(RecordText::AlertsSound)}</label>
                }>
                <button type="button" class="small primary" data-testid="alerts-offer-sound"
                    on:click=move |_| { sound.set(true); attention::save_sound(true); offer_sound.set(false); attention::beep(); }>
                    {tr.text(PageText::SoundOffer)}</button>
            </Show>
            <Show when=move || notify.get()
                fallback=move || view! {
                    <button type="button" data-testid="alerts-enable-notifications" on:click=enable_notifications>
                        {tr.text(RecordText::AlertsEnableNotifications)}</button>
                }>
                <label class="check"><input type="checkbox" data-testid="alerts-notify" checked
                    on:change=move |ev| { let on = event_target_checked(&ev); notify.set(on); attention::save_notify(on); }/>
                    {tr.text(RecordText::AlertsNotifications)}</label>
            </Show>
            <span class="muted" hidden=move || !refused.get()>{tr.text(RecordText::AlertsRefused)}</span>
            <AlertKinds muted=muted/>
        </section>
    }
}
