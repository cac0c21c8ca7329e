//! Roll call on the console: which venue is named now, what must be put back at the end, the
//! steps sent through the command service (a refused step is reported there and the roll call
//! stays on the last good step), and its bar: "正在点名：XX分会场", Previous, Next, End (Esc).

use super::one_at_a_time::{OneAtATime, Running};
use super::Venues;
use crate::command::act::{roll_call_requests, Act};
use crate::command::service::{At, Commands};
use crate::i18n::{Text, Tr};
use crate::widgets::escape::on_escape;
use huikong_core::command::Action;
use huikong_core::keymap::KeyAct;
use huikong_core::venues::rollcall::{end, next_online, step, Before, Named};
use huikong_core::venues::VenueText;
use leptos::prelude::*;

/// The venue named now.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub index: usize,
    pub name: String,
    pub uuid: String,
}

/// The roll call: on while `current` is.
#[derive(Debug, Clone, Copy)]
pub struct RollCall {
    pub current: RwSignal<Option<Current>>,
    before: StoredValue<Before>,
    /// A step in flight: the bar's buttons wait.
    pub busy: RwSignal<bool>,
    one: OneAtATime,
}

impl RollCall {
    pub fn new(one: OneAtATime) -> RollCall {
        RollCall {
            current: RwSignal::new(None),
            before: StoredValue::new(Before::default()),
            busy: RwSignal::new(false),
            one,
        }
    }

    fn at(&self, cmds: &Commands) -> At {
        At {
            status: cmds.at_page().status,
            pending: self.busy,
            held: None,
        }
    }

    fn named(cmds: &Commands, uuid: &str) -> Option<Named> {
        let row = cmds.session().store.row(uuid)?;
        row.p.try_with_untracked(|p| Named {
            uuid: uuid.to_owned(),
            guest: !p.role.is_host(),
            muted: p.is_muted,
        })
    }

    /// Names the venue at `index` (it must be online): the first step (once a broadcast or a
    /// rotation has ended), or the next one.
    pub fn call_at(&self, venues: Venues, cmds: &Commands, index: usize) {
        if self.current.with_untracked(Option::is_some) {
            return self.name_at(venues, cmds, index);
        }
        let (this, c) = (*self, cmds.clone());
        self.one
            .begin(Running::RollCall, cmds.at_page().status, move || {
                this.name_at(venues, &c, index)
            });
    }

    fn name_at(&self, venues: Venues, cmds: &Commands, index: usize) {
        let Some((name, uuid)) = venues.list.with_untracked(|l| {
            let v = l.get(index)?;
            let s = venues.statuses.with_untracked(|s| s.get(index).cloned())?;
            Some((
                v.name.clone(),
                s.is_online().then(|| s.uuid().map(str::to_owned))??,
            ))
        }) else {
            return;
        };
        let Some(next) = Self::named(cmds, &uuid) else {
            return;
        };
        let store = cmds.session().store;
        let service = store.service().get_untracked();
        let current = self.current.get_untracked();
        let mut before = match &current {
            Some(_) => self.before.get_value(),
            None => Before {
                view: store.layout().with_untracked(|l| l.view.clone()),
                guests_muted: service.guests_muted,
                muted: venues.statuses.with_untracked(|s| {
                    s.iter()
                        .filter_map(|s| Self::named(cmds, s.uuid()?))
                        .map(|n| (n.uuid, n.muted))
                        .collect()
                }),
                named: Vec::new(),
            },
        };
        let prev = current.as_ref().and_then(|c| Self::named(cmds, &c.uuid));
        let layouts = cmds.offered(Action::Layout);
        let steps = step(
            &mut before,
            service.guests_muted,
            prev.as_ref(),
            &next,
            layouts,
        );
        let act = Act::RollCallStep(name.clone(), roll_call_requests(&steps));
        let this = *self;
        cmds.run_at(act, self.at(cmds), None, move |_| {
            this.before.set_value(before);
            this.current.try_set(Some(Current { index, name, uuid }));
            this.one.set(Running::RollCall, true);
        });
    }

    /// The venue numbered `number`, from a key or the palette.
    pub fn call_number(&self, venues: Venues, cmds: &Commands, number: u32) {
        let at = venues
            .list
            .with_untracked(|l| l.iter().position(|v| v.number == number));
        if let Some(i) = at {
            self.call_at(venues, cmds, i);
        }
    }

    /// The online venue after (or before) the one named now, in list order.
    pub fn neighbour(&self, venues: Venues, forward: bool) -> Option<usize> {
        let from = self.current.with(|c| c.as_ref().map(|c| c.index));
        venues.statuses.with(|s| next_online(s, from, forward))
    }

    pub fn step(&self, venues: Venues, cmds: &Commands, forward: bool) {
        if let Some(i) = untrack(|| self.neighbour(venues, forward)) {
            self.call_at(venues, cmds, i);
        }
    }

    /// Ends the roll call: the layout and the mute states as they were.
    pub fn end(&self, cmds: &Commands) {
        self.end_then(cmds, Box::new(|| {}));
    }

    /// Ends the roll call, then runs `then` (not if the end failed).
    pub fn end_then(&self, cmds: &Commands, then: Box<dyn FnOnce()>) {
        if self.current.with_untracked(Option::is_none) {
            return then();
        }
        let steps = end(&self.before.get_value(), cmds.offered(Action::Layout));
        let act = Act::RollCallEnd(roll_call_requests(&steps));
        let this = *self;
        cmds.run_at(act, self.at(cmds), None, move |_| {
            this.current.try_set(None);
            this.before.set_value(Before::default());
            this.one.set(Running::RollCall, false);
            then();
        });
    }
}

/// The roll call's bar, above the list while a roll call is on; Esc ends it (a dialog's Esc is
/// its own).
#[component]
pub fn RollCallBar() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(venues) = Venues::use_context() else {
        return ().into_any();
    };
    let cmds = Commands::use_context();
    let rc = venues.rollcall;
    let audio_only = !cmds.offered(Action::Layout);
    let c = cmds.clone();
    on_escape(
        move || rc.current.with_untracked(Option::is_some),
        move || rc.end(&c),
    );
    let (c1, c2, c3) = (cmds.clone(), cmds.clone(), cmds);
    let none = move |forward: bool| rc.busy.get() || rc.neighbour(venues, forward).is_none();
    view! {
        <Show when=move || rc.current.with(Option::is_some)>
            <section class="roll-call-bar" role="region" aria-label=move || tr.t(VenueText::RollCallBar)
                data-testid="roll-call-bar">
                <p class="roll-call-now" role="status" data-testid="roll-call-now">
                    {move || rc.current.with(|c| c.as_ref().map(|c| tr.fmt(VenueText::RollCallNow, &[("name", &c.name)])))}</p>
                {audio_only.then(|| view! { <p class="hint" data-testid="roll-call-audio-only">{tr.text(VenueText::RollCallAudioOnly)}</p> })}
                <button type="button" disabled=move || none(false)
                    on:click={let c = c1.clone(); move |_| rc.step(venues, &c, false)}>{tr.text(VenueText::RollCallPrev)}</button>
                <button type="button" disabled=move || none(true)
                    on:click={let c = c2.clone(); move |_| rc.step(venues, &c, true)}>{tr.text(VenueText::RollCallNext)}</button>
                <button type="button" class="danger" aria-keyshortcuts=KeyAct::RollCallEnd.aria()
                    disabled=move || rc.busy.get()
                    on:click={let c = c3.clone(); move |_| rc.end(&c)}>{tr.text(Text::RollCallEnd)}</button>
            </section>
        </Show>
    }
    .into_any()
}
