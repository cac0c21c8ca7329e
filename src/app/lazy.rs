//! The meeting page in a module of its own. The release build (feature `split`, see
//! xtask/src/split.rs) cuts everything only the meeting page uses out of the first module, so
//! the join page is interactive sooner; the meeting module is fetched as soon as the join page
//! is up, and a failed fetch says so with a retry instead of stopping the console.

use crate::embed::bridge::use_embed;
use crate::i18n::{Text, Tr};
use crate::meeting::page::MeetingPage;
use crate::meeting::room::Room;
use crate::platform::join::Joined;
use crate::wall::page::WallPage;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

/// The split point: calling it loads the meeting module first (`preload_meeting_page` alone
/// only loads it). `fallible`: a failed load is an `Err`, not a panic, and is retried next time.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    meeting_page,
    wasm_split_path = ::leptos::wasm_split,
    preload(preload_meeting_page),
    fallible
)]
pub fn meeting_page(entry: Entry) -> Result<AnyView, SplitLoaderError> {
    Ok(page(entry))
}

/// Unsplit builds (debug, tests): the meeting page is in the one module.
#[cfg(not(feature = "split"))]
pub async fn meeting_page(entry: Entry) -> Result<AnyView, SplitLoaderError> {
    Ok(page(entry))
}

/// What the meeting module shows: one meeting's console, or the operator wall.
#[derive(Clone)]
pub enum Entry {
    Meeting {
        joined: Box<Joined>,
        on_leave: Callback<()>,
        on_rejoin: Callback<()>,
    },
    Wall {
        /// `config.json`'s `wall_rooms`, as JSON text.
        configured: Option<String>,
        on_exit: Callback<()>,
    },
}

/// The one view both builds show, so the tests' unsplit build renders what ships. Only
/// `meeting_page` calls it, so a split build leaves it in the meeting part.
fn page(entry: Entry) -> AnyView {
    match entry {
        Entry::Meeting {
            joined,
            on_leave,
            on_rejoin,
        } => meeting(&joined, on_leave, on_rejoin),
        Entry::Wall {
            configured,
            on_exit,
        } => view! { <WallPage configured=configured on_exit=on_exit/> }.into_any(),
    }
}

/// One meeting: its room lives as long as this page; a portal is told how it goes and may ask
/// it to leave.
fn meeting(joined: &Joined, on_leave: Callback<()>, on_rejoin: Callback<()>) -> AnyView {
    let owner = Owner::current().expect("the meeting page's owner");
    let room = Room::start(&owner, joined, on_leave);
    if let Some(embed) = use_embed() {
        room.report_to_portal(embed);
        let leave = room.leave;
        Effect::watch(
            move || embed.leave_requests.get(),
            move |_, _, _| leave.run(()),
            false,
        );
    }
    let r = room.clone();
    room.view(move || view! { <MeetingPage room=r on_leave=on_leave on_rejoin=on_rejoin/> })
        .into_any()
}

/// Unsplit builds have nothing to load.
#[cfg(not(feature = "split"))]
pub async fn preload_meeting_page() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// Starts fetching the meeting module and its stylesheets once the join page is up (after
/// the browser has had a turn to paint it), so a join does not wait for them. A failure here
/// is only logged by the loader: the join itself tries again and shows it.
pub fn prefetch_meeting_page() {
    leptos::task::spawn_local(async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        super::styles::enable();
        let _ = preload_meeting_page().await;
    });
}

/// The meeting page (or the wall) once its module and its stylesheets are in; until then a
/// loading line, and if the module cannot be fetched, a notice with a retry.
#[component]
pub fn LazyMeetingPage(entry: Entry, #[prop(into)] on_leave: Callback<()>) -> impl IntoView {
    let tr = Tr::use_context();
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let joined = match &entry {
            Entry::Meeting { joined, .. } => Some((**joined).clone()),
            Entry::Wall { .. } => None,
        };
        // The page's stylesheets, asked for with the prefetch, are normally in already.
        let page = SendWrapper::new(futures_util::future::join(
            meeting_page(entry.clone()),
            super::styles::loaded(),
        ));
        let loading = move || {
            view! {
                <p class="boot" role="status" data-testid="meeting-loading">
                    {tr.text(Text::MeetingLoading)}</p>
            }
        };
        view! {
            <Suspense fallback=loading>
                {Suspend::new(async move {
                    match page.await.0 {
                        Ok(view) => view,
                        Err(_) => view! { <LoadFailed attempt=attempt joined=joined on_leave=on_leave/> }
                            .into_any(),
                    }
                })}
            </Suspense>
        }
    }
}

/// The page's module could not be fetched: retry, or end the session (if any) and go back.
#[component]
fn LoadFailed(
    attempt: RwSignal<u32>,
    joined: Option<Joined>,
    on_leave: Callback<()>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let back = move |_| {
        if let Some(spare) = joined.clone() {
            leptos::task::spawn_local(async move { spare.end_session().await });
        }
        on_leave.run(());
    };
    view! {
        <div class="session-over card" role="alert" data-testid="meeting-load-failed">
            <p>{tr.text(Text::MeetingLoadFailed)}</p>
            <div class="button-row">
                <button type="button" class="primary" data-testid="meeting-load-retry"
                    on:click=move |_| attempt.update(|n| *n += 1)>
                    {tr.text(Text::MeetingLoadRetry)}</button>
                <button type="button" data-testid="back-to-join" on:click=back>
                    {tr.text(Text::BackToJoin)}</button>
            </div>
        </div>
    }
}
