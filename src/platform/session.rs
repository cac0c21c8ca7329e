//! One joined session: the token kept alive by a refresh timer, the event stream feeding the
//! store, and the end of it all (leave, the platform's `disconnect`, a token that could not be
//! kept, or a closing tab).

use crate::host::browser::{now_s, random};
use crate::i18n::{Text, Tr};
use crate::platform::join::Joined;
use crate::platform::poll::{self, Freshness};
use crate::platform::stream::{self, ConnState, StreamStop};
use crate::platform::Api;
use crate::state::status::Status;
use crate::state::store::{Store, StoreWriter};
use futures_channel::oneshot;
use futures_util::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use huikong_core::picture::Shown;
use huikong_core::util::{backoff_ms, refresh_after_ms, refresh_retry_pace};
use huikong_protocol::{Change, Command, ParticipantCommand, Profile, Role};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Runs `work` unless the session stops first: `None` once stopped.
async fn until_stopped<T>(
    work: impl std::future::Future<Output = T>,
    stopped: &mut oneshot::Receiver<()>,
) -> Option<T> {
    match select(std::pin::pin!(work), stopped).await {
        Either::Left((done, _)) => Some(done),
        Either::Right(_) => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    Active,
    /// The platform ended it (`disconnect`), with its reason.
    Ended(String),
    /// The token could not be kept.
    Lost(String),
}

/// The console's own session in a meeting, from the token granted at join to its end: what the
/// meeting page's views read (the store, the connection, how it ended); commands go through
/// the command service, which alone sends a [`crate::platform::request::Request`].
#[derive(Debug, Clone)]
pub struct LiveSession {
    /// The client, private to the platform layer: views send through the command service.
    pub(in crate::platform) api: Api,
    /// The API server the session was joined through (`scheme://host[:port]`): where checkJoin
    /// is asked before a transfer.
    pub server: String,
    /// The conference, read-only: only this session's event stream writes it.
    pub store: Store,
    /// This session's own participant uuid.
    pub me: String,
    pub conference_name: String,
    /// The conference's address as it was joined (alias or number): what the venue list is
    /// kept under.
    pub room: String,
    pub profile: Profile,
    /// The event stream's connection.
    pub conn: ReadSignal<ConnState>,
    /// How far what is shown can be trusted: live, stale since, polled, or not known yet.
    pub fresh: ReadSignal<Freshness>,
    pub state: ReadSignal<SessionState>,
    set_conn: WriteSignal<ConnState>,
    set_state: WriteSignal<SessionState>,
    /// The role the session was granted (refresh_session may restate it).
    granted_role: RwSignal<Role>,
    /// The role this session has now: its own participant's role while it is listed (a host may
    /// have changed it), else the role it was granted. One memo for every control that asks.
    role: Memo<Role>,
    alive: Arc<AtomicBool>,
    /// Fired by `stop`: wakes the refresh task from its wait, so it ends with the session
    /// rather than a timer's length later.
    stopped: Arc<Mutex<Option<oneshot::Sender<()>>>>,
    stream: StoredValue<Option<StreamStop>>,
    /// Where a polled reading goes: the operator wall polls a room it does not stream.
    poller: StoredValue<Option<poll::Apply>, LocalStorage>,
    fresh_w: RwSignal<Freshness>,
    /// The layouts this console last set and the platform accepted, the hosts' and the guests':
    /// a host's console never sees the guests' layout, so this is what an end puts back.
    pub last_layouts: RwSignal<LastLayouts>,
}

/// The layouts this console last set, by audience.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LastLayouts {
    pub hosts: Option<Shown>,
    pub guests: Option<Shown>,
}

impl LiveSession {
    /// Starts the session's stream and refresh timer; they stop when the owner is cleaned up.
    pub fn start(joined: &Joined, status: Status, tr: Tr) -> LiveSession {
        let name = joined.check.conference_name.trim();
        let writer = StoreWriter::new();
        joined.api.record_to(writer.record());
        let store = writer.store();
        let granted_role = RwSignal::new(joined.granted.role);
        let me = joined.granted.participant_uuid.clone();
        let my_uuid = me.clone();
        let role = Memo::new(move |_| {
            store.order().track();
            match store.row(&my_uuid) {
                Some(row) => row.p.with(|p| p.role),
                None => granted_role.get(),
            }
        });
        let (stop_tx, stop_rx) = oneshot::channel();
        let (conn, set_conn) = signal(ConnState::Connecting);
        let fresh = RwSignal::new(Freshness::Unknown);
        let (state, set_state) = signal(SessionState::Active);
        let session = LiveSession {
            api: joined.api.clone(),
            server: joined.params.server.clone(),
            store,
            me,
            conference_name: if name.is_empty() {
                joined.room.clone()
            } else {
                name.to_owned()
            },
            room: joined.room.clone(),
            profile: joined.params.profile,
            conn,
            fresh: fresh.read_only(),
            state,
            set_conn,
            set_state,
            granted_role,
            role,
            alive: Arc::new(AtomicBool::new(true)),
            stopped: Arc::new(Mutex::new(Some(stop_tx))),
            stream: StoredValue::new(None),
            poller: StoredValue::new_local(None),
            fresh_w: fresh,
            last_layouts: RwSignal::new(LastLayouts::default()),
        };
        let s = session.clone();
        let on_change: Rc<dyn Fn(Change)> = Rc::new(move |change| match change {
            Change::Ended(reason) => s.finish(SessionState::Ended(reason)),
            Change::CallDisconnected { call_uuid, reason } => status.push(
                false,
                tr.fmt_now(
                    Text::SubCallEnded,
                    &[("call", &call_uuid), ("reason", &reason)],
                ),
            ),
            _ => {}
        });
        let (stop, apply) = stream::start(session.api.clone(), writer, set_conn, fresh, on_change);
        session.stream.set_value(Some(stop));
        session.poller.set_value(Some(apply));
        session.spawn_refresh(joined.granted.expires, tr, stop_rx);

        let s = session.clone();
        let unload = window_event_listener(leptos::ev::pagehide, move |_| {
            if s.alive() {
                s.api.end_session_keepalive();
            }
        });
        let s = session.clone();
        on_cleanup(move || {
            unload.remove();
            s.stop();
        });
        session
    }

    pub fn alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    fn stop(&self) {
        self.alive.store(false, Ordering::SeqCst);
        if let Some(tx) = self.stopped.lock().ok().and_then(|mut t| t.take()) {
            let _ = tx.send(());
        }
        if let Some(Some(stop)) = self.stream.try_get_value() {
            stop.stop();
        }
    }

    /// Ends the session for a reason that is not the user's own leaving.
    fn finish(&self, state: SessionState) {
        let lost = matches!(state, SessionState::Lost(_));
        self.stop();
        self.set_state.try_set(state);
        if lost {
            self.set_conn.try_set(ConnState::Lost);
        }
    }

    /// Leaves: releases the token. The caller then leaves the meeting page.
    pub async fn leave(&self) {
        let was_alive = self.alive();
        self.stop();
        if was_alive {
            self.api.end_session().await;
        }
    }

    /// Keeps the token alive: a refresh at once, then every `expires / 3`, one at a time; a
    /// failed refresh is retried with backoff while the current token is still valid.
    fn spawn_refresh(&self, first_expires: f64, tr: Tr, mut stopped: oneshot::Receiver<()>) {
        let s = self.clone();
        leptos::task::spawn_local(async move {
            let mut expires = first_expires;
            let mut valid_until = now_s() + expires;
            // The token was issued before the meeting page rendered, an unknown while ago (a
            // slow page on a short lifetime can take most of it): the first refresh is at once.
            let mut wait = 0;
            'outer: while s.alive() {
                if until_stopped(TimeoutFuture::new(wait), &mut stopped)
                    .await
                    .is_none()
                {
                    return;
                }
                wait = refresh_after_ms(expires);
                let mut attempt = 0;
                while s.alive() {
                    // A refresh answered after leaving is dropped: its token is no one's now.
                    let Some(outcome) = until_stopped(s.api.refresh(), &mut stopped).await else {
                        return;
                    };
                    match outcome {
                        Ok(r) => {
                            s.api.set_token(r.token);
                            expires = r.expires;
                            valid_until = now_s() + expires;
                            if let Some(role) = r.role {
                                s.granted_role.try_set(role);
                            }
                            continue 'outer;
                        }
                        Err(e) if e.is_invalid_token() => {
                            s.finish(SessionState::Lost(e.message(tr)));
                            return;
                        }
                        Err(e) => {
                            let (base, margin) = refresh_retry_pace(expires);
                            let wait = backoff_ms(attempt, base, 15_000, random());
                            attempt += 1;
                            // Retrying past the token's life would only fail: give up now.
                            if now_s() + f64::from(wait) / 1000.0 >= valid_until - margin {
                                s.finish(SessionState::Lost(e.message(tr)));
                                return;
                            }
                            if until_stopped(TimeoutFuture::new(wait), &mut stopped)
                                .await
                                .is_none()
                            {
                                return;
                            }
                        }
                    }
                }
            }
        });
    }

    /// Streams the meeting's events (`true`), or stands the stream down for the operator wall,
    /// which then reads the room with [`LiveSession::poll`].
    pub fn set_streaming(&self, on: bool) {
        if let Some(Some(stop)) = self.stream.try_get_value() {
            stop.set_streaming(on);
        }
    }

    /// Reads the list and the flags once, applied as a sync; `false` when the reading failed
    /// or the stream's list is live.
    pub async fn poll(&self) -> bool {
        let Some(Some(apply)) = self.poller.try_get_value() else {
            return false;
        };
        self.alive() && poll::poll_once(&self.api, &apply, self.fresh_w).await
    }

    /// The API's address at the node this session was granted on: the wall paces its requests
    /// by the node's origin, which is what a browser's connections are counted by.
    pub fn node_base(&self) -> &str {
        self.api.base()
    }

    /// The role this session has now (reactive).
    pub fn my_role(&self) -> Role {
        self.role.get()
    }

    pub fn is_host(&self) -> bool {
        self.my_role().is_host()
    }

    pub fn supports(&self, c: Command) -> bool {
        self.profile.supports(c)
    }

    pub fn supports_participant(&self, c: ParticipantCommand) -> bool {
        self.profile.supports_participant(c)
    }
}
