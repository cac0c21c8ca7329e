//! The join page: API server, conference, PIN, name, hide-me and the deployment profile. A
//! portal's `join` message fills the form and submits it, as the user would.

use crate::embed::bridge::use_embed;
use crate::embed::messages::{LaunchParams, Outbound};
use crate::host::browser;
use crate::host::config::RuntimeConfig;
use crate::i18n::{Text, Tr};
use crate::platform::join::{join, JoinError, JoinField, JoinParams, Joined};
use crate::widgets::prefs::PrefSwitches;
use huikong_protocol::Profile;
use leptos::prelude::*;

/// The product title: `config.json`'s, else 会控 / Huikong.
pub fn product_title(tr: Tr) -> String {
    use_context::<RuntimeConfig>()
        .and_then(|c| c.title)
        .unwrap_or_else(|| tr.t(Text::AppTitle).to_owned())
}

#[component]
pub fn JoinPage(
    /// What the form starts with (a rejoin's last parameters, the PIN included, in memory only).
    initial: JoinParams,
    /// Submit at once, for a rejoin.
    auto: bool,
    #[prop(into)] on_joined: Callback<Joined>,
    /// Opens the operator wall instead (many meetings at once).
    #[prop(optional)]
    on_wall: Option<Callback<()>>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let server = RwSignal::new(initial.server.clone());
    let proxied = initial.proxy.is_some();
    let initial_proxy = StoredValue::new(initial.proxy.clone());
    let conference = RwSignal::new(initial.conference.clone());
    let pin = RwSignal::new(initial.pin.clone());
    let name = RwSignal::new(initial.name.clone());
    let hideme = RwSignal::new(initial.hideme);
    let profile = RwSignal::new(initial.profile);
    let busy = RwSignal::new(false);
    // Each beside its field: a form with two empty fields says both at once.
    let errors = RwSignal::new(Vec::<JoinError>::new());
    let embed = use_embed();
    // Whether the join under way is the portal's, for the `request` of an error message.
    let portal_join = StoredValue::new(false);

    let form = move || JoinParams {
        server: server.get_untracked(),
        conference: conference.get_untracked(),
        pin: pin.get_untracked(),
        name: name.get_untracked(),
        hideme: hideme.get_untracked(),
        profile: profile.get_untracked(),
        proxy: initial_proxy.get_value(),
    };
    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let params = form();
        let mut empty = Vec::new();
        if params.conference.trim().is_empty() {
            empty.push(JoinError::EmptyConference);
        }
        if params.name.trim().is_empty() {
            empty.push(JoinError::EmptyName);
        }
        if !empty.is_empty() {
            if let Some(embed) = embed {
                let request = portal_join.get_value().then_some("join");
                embed.send(&Outbound::join_error(&empty[0], tr, request));
            }
            errors.set(empty);
            return;
        }
        busy.set(true);
        errors.set(Vec::new());
        leptos::task::spawn_local(async move {
            let outcome = join(params).await;
            busy.try_set(false);
            match outcome {
                Ok(joined) => {
                    // The proxy is this deployment's, not the user's choice to remember.
                    if joined.params.proxy.is_none() {
                        browser::save_server(&joined.params.server);
                    }
                    // The page may be gone by now (a portal's session entered the meeting
                    // meanwhile): a session nobody will show is released at once.
                    let spare = joined.clone();
                    if on_joined.try_run(joined).is_none() {
                        spare.end_session().await;
                    }
                }
                Err(e) => {
                    if let Some(embed) = embed {
                        let request = portal_join
                            .try_get_value()
                            .unwrap_or(false)
                            .then_some("join");
                        embed.send(&Outbound::join_error(&e, tr, request));
                    }
                    errors.try_set(vec![e]);
                }
            }
        });
    };
    if auto {
        submit();
    }
    if let Some(embed) = embed {
        Effect::new(move |_| {
            let Some(req) = embed.join_request.get() else {
                return;
            };
            embed.join_request.set(None);
            if busy.get_untracked() {
                embed.send(&Outbound::error(
                    "busy",
                    tr.now(Text::EmbedBusy).to_owned(),
                    Some("join"),
                ));
                return;
            }
            match req.merge_into(form()) {
                Ok(p) => {
                    server.set(p.server);
                    conference.set(p.conference);
                    pin.set(p.pin);
                    name.set(p.name);
                    hideme.set(p.hideme);
                    profile.set(p.profile);
                    portal_join.set_value(true);
                    submit();
                }
                Err(reason) => embed.send(&Outbound::bad_message(tr, &reason)),
            }
        });
    }
    let compact = embed.is_some_and(|e| e.compact);
    let invalid = move |f: JoinField| {
        move || {
            errors
                .with(|e| e.iter().any(|e| e.field() == f))
                .then_some("true")
        }
    };
    // Which way the console reaches the platform: a short line at the top of the form, which
    // the form is described by.
    let proxy_path = use_context::<RuntimeConfig>().and_then(|c| c.platform_proxy);
    let route_text = move || match &proxy_path {
        Some(path) => tr.fmt(Text::JoinRouteProxy, &[("path", path)]),
        None => tr.t(Text::JoinRouteDirect).to_owned(),
    };

    view! {
        <main class="join-page" id="main">
            <Show when=move || !compact>
                <header class="join-head">
                    <h1 data-testid="product-title">{move || product_title(tr)}<small>{tr.text(Text::AppSubtitle)}</small></h1>
                    <PrefSwitches/>
                </header>
            </Show>
            <form class="join-form card" novalidate aria-describedby="join-route"
                on:submit=move |ev| {
                    ev.prevent_default();
                    portal_join.set_value(false);
                    submit();
                }>
                <h2>{tr.text(Text::JoinHeading)}</h2>
                <p class="join-route hint" id="join-route" data-testid="join-route"
                    data-mode=if proxied { "proxy" } else { "direct" }>
                    {route_text}
                </p>
                <Show when=move || !proxied>
                    <label for="join-server">{tr.text(Text::ServerLabel)}</label>
                    <input id="join-server" data-testid="join-server" type="url" inputmode="url"
                        autocomplete="url" aria-describedby="join-server-hint join-route join-server-error"
                        aria-invalid=invalid(JoinField::Server) placeholder="https://"
                        bind:value=server/>
                    <small id="join-server-hint" class="hint">{tr.text(Text::ServerHint)}</small>
                    <FieldError errors=errors field=JoinField::Server id="join-server-error"/>
                </Show>

                <label for="join-conference">{tr.text(Text::ConferenceLabel)}</label>
                <input id="join-conference" data-testid="join-conference" type="text" required
                    autocomplete="off" aria-describedby="join-conference-error"
                    aria-invalid=invalid(JoinField::Conference)
                    placeholder=move || tr.t(Text::ConferenceExample) bind:value=conference/>
                <FieldError errors=errors field=JoinField::Conference id="join-conference-error"/>

                <label for="join-pin">{tr.text(Text::PinLabel)}</label>
                <input id="join-pin" data-testid="join-pin" type="password" autocomplete="off"
                    aria-describedby="join-pin-hint join-pin-error" aria-invalid=invalid(JoinField::Pin)
                    bind:value=pin/>
                <small id="join-pin-hint" class="hint">{tr.text(Text::PinHint)}</small>
                <FieldError errors=errors field=JoinField::Pin id="join-pin-error"/>

                <label for="join-name">{tr.text(Text::NameLabel)}</label>
                <input id="join-name" data-testid="join-name" type="text" required autocomplete="name"
                    aria-describedby="join-name-error" aria-invalid=invalid(JoinField::Name)
                    placeholder=move || tr.t(Text::NameExample) bind:value=name/>
                <FieldError errors=errors field=JoinField::Name id="join-name-error"/>

                <label class="check">
                    <input type="checkbox" data-testid="join-hideme" bind:checked=hideme/>
                    {tr.text(Text::HidemeLabel)}
                </label>

                <label for="join-profile">{tr.text(Text::ProfileLabel)}</label>
                <select id="join-profile" data-testid="join-profile" aria-describedby="join-profile-hint"
                    on:change=move |ev| {
                        if let Some(p) = Profile::parse(&event_target_value(&ev)) {
                            profile.set(p);
                        }
                    }>
                    <option value="public" selected=move || profile.get() == Profile::Public>
                        {tr.text(Text::ProfilePublic)}
                    </option>
                    <option value="enterprise" selected=move || profile.get() == Profile::Enterprise>
                        {tr.text(Text::ProfileEnterprise)}
                    </option>
                </select>
                <small id="join-profile-hint" class="hint" data-testid="join-profile-hint">{tr.text(Text::ProfileHint)}</small>

                <FieldError errors=errors field=JoinField::Form id="join-form-error"/>

                <button type="submit" class="primary" data-testid="join-submit"
                    disabled=move || busy.get() aria-busy=move || busy.get().then_some("true")>
                    {move || if busy.get() { tr.t(Text::Joining) } else { tr.t(Text::JoinButton) }}
                </button>
            </form>
            {on_wall.filter(|_| !compact).map(|go| view! {
                <p class="join-wall"><button type="button" class="link" data-testid="open-wall"
                    on:click=move |_| go.run(())>{tr.text(Text::OpenWall)}</button></p>
            })}
        </main>
    }
}

/// The error about one field, under it; the one the form shows first carries the test id
/// `join-error`.
#[component]
fn FieldError(
    errors: RwSignal<Vec<JoinError>>,
    field: JoinField,
    id: &'static str,
) -> impl IntoView {
    let tr = Tr::use_context();
    // At most one error a field: the form's own checks name different fields.
    let text = move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field() == field)
                .map(|e| e.message(tr))
                .unwrap_or_default()
        })
    };
    let first = move || errors.with(|e| e.first().map(JoinError::field)) == Some(field);
    view! {
        <p class="join-error" id=id role="alert" data-field=id
            data-testid=move || first().then_some("join-error")
            hidden=move || text().is_empty()>{text}</p>
    }
}

/// The join form's first values. The server: the remembered one, else `config.json`'s, else the
/// page's own origin. The profile: `?profile=`, else `config.json`'s, else public. The
/// conference and the name from the URL.
pub fn default_params(config: &RuntimeConfig, launch: &LaunchParams) -> JoinParams {
    JoinParams {
        server: browser::saved_server()
            .or_else(|| config.api_server.clone())
            .unwrap_or_else(browser::page_origin),
        conference: launch.conference.clone().unwrap_or_default(),
        name: launch.name.clone().unwrap_or_default(),
        profile: launch.profile.or(config.profile).unwrap_or_default(),
        proxy: config.proxy_server(),
        ..JoinParams::default()
    }
}
