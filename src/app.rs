//! The app: the join page until a session exists, then the meeting page; the runtime
//! configuration's notice above both; and the bridge to a portal that embeds the console.

use crate::command::undo_bar::CancelledNotice;
use crate::embed::bridge::{launch_params, mark_compact, Embed};
use crate::embed::messages::{Inbound, LaunchParams, Outbound};
use crate::host::config::{ConfigIssue, LoadedConfig, RuntimeConfig};
use crate::i18n::{Lang, LangCtl, Text, Tr};
use crate::join::page::{default_params, JoinPage};
use crate::platform::join::{JoinParams, Joined};
use crate::state::undo::CancelledOnLeave;
use crate::widgets::prefs::provide_prefs;
use lazy::{Entry, LazyMeetingPage};
use leptos::prelude::*;

mod lazy;
mod styles;

pub use lazy::prefetch_meeting_page;

#[derive(Debug, Clone)]
enum Page {
    Join {
        auto: bool,
    },
    Meeting(Box<Joined>),
    /// The operator wall: many meetings, each with its own session.
    Wall,
}

/// Enters the meeting page with a granted session, unless one is open already: a join that
/// finished late (the portal's session crossing the user's own join) is released at once.
fn enter(embed: Embed, page: RwSignal<Page>, last: RwSignal<Option<JoinParams>>, j: Joined) {
    if !matches!(page.get_untracked(), Page::Join { .. }) {
        leptos::task::spawn_local(async move { j.end_session().await });
        return;
    }
    embed.send(&Outbound::joined(&j, &j.params.conference));
    last.set(Some(j.params.clone()));
    page.set(Page::Meeting(Box::new(j)));
}

/// What the portal's messages do.
fn on_message(
    embed: Embed,
    msg: Inbound,
    page: RwSignal<Page>,
    last: RwSignal<Option<JoinParams>>,
    tr: Tr,
    lang: RwSignal<Lang>,
    // A portal's session: the profile when it names none, and the same-origin proxy if any.
    (default_profile, proxy): (huikong_protocol::Profile, Option<&str>),
) {
    let in_meeting = !matches!(page.get_untracked(), Page::Join { .. });
    let refuse = |code, k: Text, request| {
        embed.send(&Outbound::error(code, tr.now(k).to_owned(), Some(request)));
    };
    match msg {
        Inbound::Join(_) | Inbound::JoinSession(_) if in_meeting => {
            refuse("already_joined", Text::EmbedAlreadyJoined, "join")
        }
        Inbound::Join(req) => embed.join_request.set(Some(req)),
        Inbound::JoinSession(s) => {
            match s.into_joined(&crate::host::browser::page_scheme(), default_profile, proxy) {
                Ok(j) => enter(embed, page, last, j),
                Err(reason) => embed.send(&Outbound::error(
                    "bad_session",
                    tr.fmt_now(Text::EmbedBadSession, &[("reason", &reason)]),
                    Some("join"),
                )),
            }
        }
        Inbound::Leave if in_meeting => embed.leave_requests.update(|n| *n += 1),
        Inbound::Leave => refuse("not_joined", Text::EmbedNotJoined, "leave"),
        Inbound::SetLanguage(l) => lang.set(l),
        Inbound::Wall(_) if matches!(page.get_untracked(), Page::Meeting(_)) => {
            refuse("already_joined", Text::EmbedAlreadyJoined, "wall")
        }
        Inbound::Wall(rooms) => {
            embed.wall_request.set(Some(rooms));
            page.set(Page::Wall);
        }
    }
}

/// The notice that `config.json` was missing, broken or partly ignored.
#[component]
fn ConfigNotice(issues: Vec<ConfigIssue>) -> impl IntoView {
    let tr = Tr::use_context();
    let shown = RwSignal::new(!issues.is_empty());
    let state = issues.first().map_or("", ConfigIssue::code);
    view! {
        <Show when=move || shown.get()>
            <div class="config-notice" role="status" data-testid="config-notice" data-state=state
                aria-label=tr.text(Text::ConfigNotice)>
                <ul>
                    {issues.iter().map(|i| {
                        let i = i.clone();
                        view! { <li>{move || i.message(tr)}</li> }
                    }).collect_view()}
                </ul>
                <button type="button" class="icon-button" data-testid="config-notice-dismiss"
                    aria-label=tr.text(Text::Dismiss) on:click=move |_| shown.set(false)>
                    "×"
                </button>
            </div>
        </Show>
    }
}

#[component]
pub fn App(loaded: LoadedConfig) -> impl IntoView {
    let LoadedConfig { config, issues } = loaded;
    let launch: LaunchParams = launch_params();
    provide_context(config.clone());
    provide_context(launch.clone());
    // What a leave cancelled in the undo window outlives the meeting page: the join page says it.
    CancelledOnLeave::provide();
    let tr = provide_prefs(launch.lang, config.language, config.title.clone());
    let LangCtl(lang) = expect_context::<LangCtl>();
    if launch.compact {
        mark_compact();
    }
    let page = RwSignal::new(match launch.wall {
        true => Page::Wall,
        false => Page::Join {
            auto: launch.autojoin,
        },
    });
    // The last join's parameters, PIN included, in memory only: a rejoin reuses them.
    let last = RwSignal::new(None::<JoinParams>);
    let default_profile = launch.profile.or(config.profile).unwrap_or_default();
    let proxy = config.proxy_server();
    let embed = Embed::install(
        config.embed_allowed_origins.clone(),
        launch.compact,
        tr,
        move |embed, msg| {
            let proxy = proxy.as_deref();
            on_message(embed, msg, page, last, tr, lang, (default_profile, proxy))
        },
    );
    provide_context(embed);
    embed.send(&Outbound::Ready {
        state: "join",
        language: tr.lang.get_untracked(),
        profile: default_profile,
        compact: launch.compact,
    });

    let on_joined = move |j: Joined| enter(embed, page, last, j);
    let on_leave = move |()| {
        page.set(Page::Join { auto: false });
        embed.send(&Outbound::Left);
    };
    let on_rejoin = move |()| page.set(Page::Join { auto: true });
    let on_wall = Callback::new(move |()| page.set(Page::Wall));
    let wall_rooms = config.wall_rooms.clone();
    let config: RuntimeConfig = config;

    view! {
        <ConfigNotice issues=issues/>
        <CancelledNotice/>
        {move || match page.get() {
            Page::Join { auto } => {
                let initial = last
                    .get_untracked()
                    .unwrap_or_else(|| default_params(&config, &launch));
                // Leaving forgets the PIN; a rejoin keeps it.
                let initial = if auto {
                    initial
                } else {
                    JoinParams {
                        pin: String::new(),
                        ..initial
                    }
                };
                view! { <JoinPage initial=initial auto=auto on_joined=on_joined on_wall=on_wall/> }
                    .into_any()
            }
            Page::Meeting(j) => {
                let entry = Entry::Meeting {
                    joined: j,
                    on_leave: Callback::new(on_leave),
                    on_rejoin: Callback::new(on_rejoin),
                };
                view! { <LazyMeetingPage entry=entry on_leave=on_leave/> }.into_any()
            }
            Page::Wall => {
                let entry = Entry::Wall {
                    configured: wall_rooms.clone(),
                    on_exit: Callback::new(on_leave),
                };
                view! { <LazyMeetingPage entry=entry on_leave=on_leave/> }.into_any()
            }
        }}
    }
}
