//! Broadcast (广播): one venue full screen for the guests while the hosts watch freely, or the
//! hosts too with the chair's view (主席观看). Its end puts back what each audience saw before.
//! Its bar says who is broadcast, holds the chair's view and the end (Esc).

use super::Picture;
use crate::command::act::{layouts, Act};
use crate::command::service::{At, Commands};
use crate::i18n::{Text, Tr};
use crate::venues::one_at_a_time::Running;
use huikong_core::keymap::KeyAct;
use huikong_core::picture::{broadcast, Audiences, Before, PictureText, Shown};
use leptos::prelude::*;

/// The venue broadcast now.
#[derive(Debug, Clone, PartialEq)]
pub struct OnAir {
    pub key: String,
    pub name: String,
    pub uuid: String,
    pub chair: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Broadcast {
    pub on: RwSignal<Option<OnAir>>,
    before: StoredValue<Before>,
    pub busy: RwSignal<bool>,
}

impl Broadcast {
    pub fn new() -> Broadcast {
        Broadcast {
            on: RwSignal::new(None),
            before: StoredValue::new(Before::default()),
            busy: RwSignal::new(false),
        }
    }

    fn at(&self, cmds: &Commands) -> At {
        At {
            status: cmds.at_page().status,
            pending: self.busy,
            held: None,
        }
    }

    /// Broadcasts the venue at `index` of the list (it must be in the meeting), once a roll
    /// call or a rotation has ended; another venue while on.
    pub fn start(&self, pic: Picture, cmds: &Commands, index: usize) {
        let venues = pic.venues;
        let found = venues.list.with_untracked(|l| {
            let v = l.get(index)?;
            let uuid = venues.statuses.with_untracked(|s| {
                s.get(index)
                    .filter(|s| s.is_online())
                    .and_then(|s| s.uuid().map(str::to_owned))
            });
            Some((v.key(), v.name.clone(), uuid))
        });
        let Some((key, name, uuid)) = found else {
            return;
        };
        let status = cmds.at_page().status;
        let Some(uuid) = uuid else {
            let text = status
                .tr()
                .fmt_now(PictureText::BroadcastNoVenue, &[("name", &name)]);
            return status.push(false, text);
        };
        let venue = OnAir {
            key,
            name,
            uuid,
            chair: self
                .on
                .with_untracked(|o| o.as_ref().is_some_and(|o| o.chair)),
        };
        if self.on.with_untracked(Option::is_some) {
            return self.send(pic, cmds, venue);
        }
        let (this, c) = (*self, cmds.clone());
        venues.one.begin(Running::Broadcast, status, move || {
            let session = c.session();
            this.before.set_value(pic.before(session));
            this.send(pic, &c, venue);
        });
    }

    /// Sends the broadcast of `venue` as it asks (the chair's view or not).
    fn send(&self, pic: Picture, cmds: &Commands, venue: OnAir) {
        let session = cmds.session();
        let hosts_view = self
            .before
            .with_value(|b| b.hosts_view_with(who(venue.chair), &Shown::alone(&venue.uuid)));
        pic.expect_hosts(session, hosts_view);
        let mut requests = vec![broadcast(&venue.uuid, venue.chair)];
        // The chair's view turned off while on: the hosts get back what they had.
        if !venue.chair
            && self
                .on
                .with_untracked(|o| o.as_ref().is_some_and(|o| o.chair))
        {
            requests.push(self.before.with_value(|b| b.restore(Audiences::Hosts)));
        }
        let act = Act::Broadcast(venue.name.clone(), layouts(requests));
        let this = *self;
        let one = pic.venues.one;
        cmds.run_at_or(
            act,
            self.at(cmds),
            None,
            move |_| {
                one.broadcast_key.try_set(Some(venue.key.clone()));
                this.on.try_set(Some(venue));
                one.set(Running::Broadcast, true);
            },
            move |_| {
                if this.on.with_untracked(Option::is_none) {
                    pic.expect_nothing();
                }
            },
        );
    }

    /// The chair's view on or off, while on.
    pub fn set_chair(&self, pic: Picture, cmds: &Commands, chair: bool) {
        if let Some(mut venue) = self.on.get_untracked() {
            venue.chair = chair;
            self.send(pic, cmds, venue);
        }
    }

    /// Ends the broadcast, then runs `then` (not if the end failed).
    pub fn end_then(&self, pic: Picture, cmds: &Commands, then: Box<dyn FnOnce()>) {
        let Some(venue) = self.on.get_untracked() else {
            return then();
        };
        let back = self.before.with_value(|b| b.restore(who(venue.chair)));
        let this = *self;
        let one = pic.venues.one;
        pic.expect_nothing();
        cmds.run_at(
            Act::BroadcastEnd(layouts(vec![back])),
            self.at(cmds),
            None,
            move |_| {
                this.on.try_set(None);
                one.broadcast_key.try_set(None);
                one.set(Running::Broadcast, false);
                then();
            },
        );
    }

    pub fn end(&self, pic: Picture, cmds: &Commands) {
        self.end_then(pic, cmds, Box::new(|| {}));
    }

    /// Whose picture it sets, and what they saw before, while it is on.
    pub fn controls(&self) -> Option<(Audiences, Before)> {
        let chair = self.on.with_untracked(|o| o.as_ref().map(|o| o.chair))?;
        Some((who(chair), self.before.get_value()))
    }

    /// Ended by a layout set elsewhere or by hand, or by the session's end: nothing put back
    /// here, and said.
    pub fn halt(&self, pic: Picture) {
        if self.on.try_get_untracked().flatten().is_none() {
            return;
        }
        self.on.try_set(None);
        pic.venues.one.broadcast_key.try_set(None);
        pic.venues.one.set(Running::Broadcast, false);
        if let Some(cmds) = pic.commands() {
            let status = cmds.at_page().status;
            let text = status.tr().now(PictureText::BroadcastEnded).to_owned();
            status.push(true, text);
        }
    }
}

impl Default for Broadcast {
    fn default() -> Self {
        Broadcast::new()
    }
}

fn who(chair: bool) -> Audiences {
    if chair {
        Audiences::Both
    } else {
        Audiences::Guests
    }
}

/// The broadcast's bar while one is on: who, the chair's view, the end (Esc).
#[component]
pub fn BroadcastBar() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(pic) = Picture::use_context() else {
        return ().into_any();
    };
    let cmds = Commands::use_context();
    let b = pic.broadcast;
    let c = cmds.clone();
    crate::widgets::escape::on_escape(
        move || b.on.with_untracked(Option::is_some),
        move || b.end(pic, &c),
    );
    let (c1, c2) = (cmds.clone(), cmds);
    view! {
        <Show when=move || b.on.with(Option::is_some)>
            <section class="roll-call-bar broadcast-bar" role="region" aria-label=move || tr.t(PictureText::BroadcastBar)
                data-testid="broadcast-bar">
                <p class="roll-call-now" role="status" data-testid="broadcast-now">
                    {move || b.on.with(|o| o.as_ref().map(|o| tr.fmt(PictureText::BroadcastNow, &[("name", &o.name)])))}</p>
                <label class="check"><input type="checkbox" data-testid="broadcast-chair"
                    prop:checked=move || b.on.with(|o| o.as_ref().is_some_and(|o| o.chair))
                    disabled=move || b.busy.get()
                    on:change={let c = c1.clone(); move |ev| b.set_chair(pic, &c, event_target_checked(&ev))}/>
                    {tr.text(PictureText::BroadcastChair)}</label>
                <button type="button" class="danger" data-testid="broadcast-end"
                    aria-keyshortcuts=KeyAct::RollCallEnd.aria() disabled=move || b.busy.get()
                    on:click={let c = c2.clone(); move |_| b.end(pic, &c)}>{tr.text(Text::BroadcastEnd)}</button>
            </section>
        </Show>
    }
    .into_any()
}
