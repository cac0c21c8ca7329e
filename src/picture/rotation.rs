//! The rotation on the console: its timer (a worker's, so a hidden tab keeps the interval),
//! each step sent through the command service, pause and resume at the same venue, and its
//! stop, which puts back what each audience saw before. A step the platform refuses pauses it
//! with the reason; another host's layout or the session's end stops it, with an alert. It
//! never restarts by itself.

use super::Picture;
use crate::command::act::{layouts, Act};
use crate::command::service::{At, Commands};
use crate::host::browser::now_ms;
use crate::host::ticker::{Source, Ticker, TickerSlot};
use crate::venues::one_at_a_time::Running;
use huikong_core::picture::rotation::{next, Candidate, Countdown, Problem, Setup, Step};
use huikong_core::picture::{request, Audiences, Before, PictureText};
use huikong_protocol::record::{RotationStop, VenueEvent};
use leptos::prelude::*;

/// A running rotation: its setup, what it shows, its countdown, and why it is paused, if it
/// paused itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub setup: Setup,
    pub current: Step,
    pub countdown: Countdown,
    pub note: Option<String>,
}

/// Why a rotation stopped by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halt {
    LayoutChanged,
    SessionLost,
    /// The operator set a layout by hand.
    Manual,
}

#[derive(Clone, Copy)]
pub struct Rotation {
    pub on: RwSignal<Option<Run>>,
    /// The page's clock at the last tick, for the bar's seconds.
    pub now: RwSignal<f64>,
    before: StoredValue<Before>,
    pub busy: RwSignal<bool>,
    ticker: TickerSlot,
    /// Where the ticks come from (`worker`, or the page's timer where no worker starts).
    pub source: RwSignal<Option<Source>>,
}

impl std::fmt::Debug for Rotation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rotation").field("on", &self.on).finish()
    }
}

/// The problem's words.
pub fn problem_text(p: Problem) -> PictureText {
    match p {
        Problem::Interval => PictureText::RotationBadInterval,
        Problem::NoPaneLeft => PictureText::RotationNoPane,
        Problem::OnePane => PictureText::RotationOnePane,
    }
}

impl Rotation {
    pub fn new() -> Rotation {
        Rotation {
            on: RwSignal::new(None),
            now: RwSignal::new(now_ms()),
            before: StoredValue::new(Before::default()),
            busy: RwSignal::new(false),
            ticker: TickerSlot::new(),
            source: RwSignal::new(None),
        }
    }

    fn at(&self, cmds: &Commands) -> At {
        At {
            status: cmds.at_page().status,
            pending: self.busy,
            held: None,
        }
    }

    /// The venues as the rotation sees them now, in the list's order.
    pub fn candidates(pic: Picture, cmds: &Commands) -> Vec<Candidate> {
        let venues = pic.venues;
        let store = cmds.session().store;
        venues.list.with_untracked(|l| {
            venues.statuses.with_untracked(|s| {
                l.iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let uuid = s
                            .get(i)
                            .filter(|s| s.is_online())
                            .and_then(|s| s.uuid().map(str::to_owned));
                        let audio_only = uuid
                            .as_deref()
                            .and_then(|u| store.row(u))
                            .and_then(|r| {
                                r.p.try_with_untracked(|p| p.is_audio_only_call || !p.has_media)
                            })
                            .unwrap_or(false);
                        Candidate {
                            key: v.key(),
                            name: v.name.clone(),
                            uuid,
                            audio_only,
                        }
                    })
                    .collect()
            })
        })
    }

    /// Starts a rotation of `setup`, once a roll call or a broadcast has ended. Says why not
    /// when the setup is wrong or no venue may be shown.
    pub fn start(&self, pic: Picture, cmds: &Commands, setup: Setup) {
        let status = cmds.at_page().status;
        let tr = status.tr();
        if let Err(p) = setup.check() {
            return status.push(false, tr.now(problem_text(p)).to_owned());
        }
        if next(&setup, &Self::candidates(pic, cmds), &[]).is_none() {
            return status.push(false, tr.now(PictureText::RotationNoneEligible).to_owned());
        }
        if self.on.with_untracked(Option::is_some) {
            // A new setup while on: the picture from before the first one stays what is put back.
            return self.step(pic, cmds, setup, &[]);
        }
        let (this, c) = (*self, cmds.clone());
        pic.venues.one.begin(Running::Rotation, status, move || {
            this.before.set_value(pic.before(c.session()));
            this.step(pic, &c, setup, &[]);
        });
    }

    /// Shows the step after `after` (the first when empty); the countdown starts again once the
    /// platform has it.
    fn step(&self, pic: Picture, cmds: &Commands, setup: Setup, after: &[String]) {
        let Some(step) = next(&setup, &Self::candidates(pic, cmds), after) else {
            // Nobody to show now: the picture stays, and the next tick looks again.
            self.on.update(|r| {
                if let Some(r) = r {
                    r.countdown = Countdown::start(now_ms(), r.setup.interval_s);
                }
            });
            return;
        };
        let same = self
            .on
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.current.shown == step.shown));
        if same {
            self.on.update(|r| {
                if let Some(r) = r {
                    r.current = step.clone();
                    r.countdown = Countdown::start(now_ms(), r.setup.interval_s);
                }
            });
            return;
        }
        let session = cmds.session();
        let view = self
            .before
            .with_value(|b| b.hosts_view_with(setup.audiences, &step.shown));
        pic.expect_hosts(session, view);
        let act = Act::RotationStep(
            step.names.join("、"),
            layouts(vec![request(setup.audiences, &step.shown)]),
        );
        let this = *self;
        let first = self.on.with_untracked(Option::is_none);
        let tr = cmds.at_page().status.tr();
        let countdown = Countdown::start(now_ms(), setup.interval_s);
        cmds.run_at_or(
            act,
            self.at(cmds),
            None,
            move |_| {
                this.on.try_set(Some(Run {
                    setup,
                    current: step,
                    countdown,
                    note: None,
                }));
                if first {
                    pic.venues.one.set(Running::Rotation, true);
                    this.start_ticking(pic);
                }
            },
            move |reason| {
                if first {
                    pic.expect_nothing();
                    return;
                }
                let note = tr.fmt_now(PictureText::RotationStepFailed, &[("reason", &reason)]);
                this.on.try_update(|r| {
                    if let Some(r) = r {
                        r.countdown = r.countdown.pause(now_ms());
                        r.note = Some(note);
                    }
                });
            },
        );
    }

    fn start_ticking(&self, pic: Picture) {
        let this = *self;
        let ticker = Ticker::start(500, move || this.tick(pic));
        self.source.try_set(Some(ticker.source()));
        self.ticker.set(ticker);
    }

    /// One tick: the bar's seconds, and the next step when it is due.
    fn tick(&self, pic: Picture) {
        let now = now_ms();
        if self.now.try_set(now).is_some() {
            return;
        }
        let Some(run) = self.on.get_untracked() else {
            return;
        };
        if self.busy.get_untracked() || !run.countdown.is_due(now) {
            return;
        }
        if let Some(cmds) = pic.commands() {
            self.step(pic, &cmds, run.setup, &run.current.keys);
        }
    }

    /// Pauses, or resumes at the same venue with the time that was left.
    pub fn toggle_pause(&self) {
        let now = now_ms();
        self.on.update(|r| {
            if let Some(r) = r {
                r.countdown = if r.countdown.paused() {
                    r.note = None;
                    r.countdown.resume(now)
                } else {
                    r.countdown.pause(now)
                };
            }
        });
        self.now.set(now);
    }

    /// Shows the next step now (the bar's Next).
    pub fn skip(&self, pic: Picture, cmds: &Commands) {
        if let Some(run) = self.on.get_untracked() {
            self.step(pic, cmds, run.setup, &run.current.keys);
        }
    }

    /// Stops, puts back what each audience saw, then runs `then` (not if that failed).
    pub fn stop_then(&self, pic: Picture, cmds: &Commands, then: Box<dyn FnOnce()>) {
        let Some(run) = self.on.get_untracked() else {
            return then();
        };
        self.ticker.clear();
        let back = self.before.with_value(|b| b.restore(run.setup.audiences));
        let this = *self;
        pic.expect_nothing();
        cmds.run_at_or(
            Act::RotationStop(layouts(vec![back])),
            self.at(cmds),
            None,
            move |_| {
                this.on.try_set(None);
                pic.venues.one.set(Running::Rotation, false);
                then();
            },
            // Not stopped after all: it goes on from where it was.
            move |_| this.start_ticking(pic),
        );
    }

    pub fn stop(&self, pic: Picture, cmds: &Commands) {
        self.stop_then(pic, cmds, Box::new(|| {}));
    }

    /// Whose picture it sets, and what they saw before, while it runs.
    pub fn controls(&self) -> Option<(Audiences, Before)> {
        let audiences = self
            .on
            .with_untracked(|r| r.as_ref().map(|r| r.setup.audiences))?;
        Some((audiences, self.before.get_value()))
    }

    /// Stopped by another host's layout or the session's end: nothing is put back (another
    /// host's layout stands; a lost session can send nothing), and the operator is alerted.
    pub fn halt(&self, pic: Picture, why: Halt) {
        let Some(Some(run)) = self.on.try_get_untracked() else {
            return;
        };
        self.ticker.clear();
        self.on.try_set(None);
        pic.venues.one.set(Running::Rotation, false);
        let Some(cmds) = pic.commands() else { return };
        let why = match why {
            Halt::LayoutChanged => RotationStop::LayoutChanged,
            Halt::SessionLost => RotationStop::SessionLost,
            Halt::Manual => {
                let status = cmds.at_page().status;
                let text = status.tr().now(PictureText::RotationStopped).to_owned();
                return status.push(true, text);
            }
        };
        {
            let name = run.current.names.join("、");
            let uuid = run.current.shown.actors.last().cloned();
            cmds.record_venue(&name, uuid, VenueEvent::RotationStopped { why });
        }
    }
}

impl Default for Rotation {
    fn default() -> Self {
        Rotation::new()
    }
}
