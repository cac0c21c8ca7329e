//! The faults in force and what they have started: the windows of refusal, the next periodic
//! drop, and the seeded random decisions. Shared by the handlers, the event buses and the
//! driver task; its lock is never held across an await, and it is always taken after the
//! world's lock, never before it.

use super::malformed::{malformed, MalformedKind};
use super::settings::{FailureKind, Faults};
use crate::model::MalformedEvents;
use fastrand::Rng;
use huikong_protocol::Profile;
use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Inner {
    faults: Faults,
    refresh_refused_until: Option<Instant>,
    reconnects_refused_until: Option<Instant>,
    next_periodic_drop: Option<Instant>,
    /// Separate streams of decisions, so that timed drops do not change which command fails.
    commands: Rng,
    events: Rng,
    drops: Rng,
}

/// What the fault layer does with one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandPlan {
    pub delay: Option<Duration>,
    pub failure: Option<FailureKind>,
    /// How long a `Timeout` failure holds the request.
    pub hold: Duration,
}

pub struct FaultState {
    inner: Mutex<Inner>,
}

impl Inner {
    fn new(mut faults: Faults, now: Instant) -> Inner {
        let seed = *faults.seed.get_or_insert_with(|| fastrand::u64(..));
        Inner {
            refresh_refused_until: faults.refuse_refresh_for.map(|d| now + d),
            reconnects_refused_until: None,
            next_periodic_drop: faults.drop_streams_every.map(|d| now + d),
            commands: Rng::with_seed(seed),
            events: Rng::with_seed(seed ^ 0x9e37_79b9_7f4a_7c15),
            drops: Rng::with_seed(seed ^ 0xc2b2_ae3d_27d4_eb4f),
            faults,
        }
    }
}

fn remaining(until: Option<Instant>, now: Instant) -> Option<Duration> {
    until
        .filter(|u| *u > now)
        .map(|u| u.saturating_duration_since(now))
}

impl FaultState {
    pub fn new(faults: Faults) -> FaultState {
        FaultState {
            inner: Mutex::new(Inner::new(faults, Instant::now())),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The faults in force; `seed` is the one in use, chosen at random if none was given.
    pub fn get(&self) -> Faults {
        self.lock().faults.clone()
    }

    /// Replaces every fault. Windows and periods start again from now, the decisions from the
    /// seed; a refusal of reconnects under way ends.
    pub fn set(&self, faults: Faults) {
        *self.lock() = Inner::new(faults, Instant::now());
    }

    /// Decides the fate of one conference or participant command.
    pub fn command_plan(&self) -> CommandPlan {
        let mut g = self.lock();
        let inner = &mut *g;
        let f = &inner.faults;
        let fails = f.command_failure_rate > 0.0
            && !f.command_failure_kinds.is_empty()
            && inner.commands.f64() < f.command_failure_rate;
        let failure = fails.then(|| {
            let kinds = &f.command_failure_kinds;
            kinds[inner.commands.usize(..kinds.len())]
        });
        CommandPlan {
            delay: f.slow_commands,
            failure,
            hold: f.command_timeout,
        }
    }

    /// Streams were dropped: reconnects are refused for the configured while.
    pub fn note_drop(&self, now: Instant) {
        let mut g = self.lock();
        if let Some(d) = g.faults.refuse_reconnects_for {
            let until = now + d;
            g.reconnects_refused_until =
                Some(g.reconnects_refused_until.map_or(until, |u| u.max(until)));
        }
    }

    /// How much longer new event streams are refused, if they are.
    pub fn reconnect_refused(&self, now: Instant) -> Option<Duration> {
        remaining(self.lock().reconnects_refused_until, now)
    }

    /// How much longer refresh_session is refused, if it is.
    pub fn refresh_refused(&self, now: Instant) -> Option<Duration> {
        remaining(self.lock().refresh_refused_until, now)
    }

    /// Whether the periodic drop is due; if so, the next one is scheduled.
    pub fn periodic_drop_due(&self, now: Instant) -> bool {
        let mut g = self.lock();
        match (g.next_periodic_drop, g.faults.drop_streams_every) {
            (Some(at), Some(every)) if now >= at => {
                g.next_periodic_drop = Some(now + every);
                true
            }
            _ => false,
        }
    }

    /// The chance that one stream is dropped within `tick`, from the chance per second.
    pub fn random_drop_chance(&self, tick: Duration) -> f64 {
        chance_within(self.lock().faults.drop_streams_random, tick)
    }

    pub fn roll_drop(&self, chance: f64) -> bool {
        chance > 0.0 && self.lock().drops.f64() < chance
    }
}

/// The malformed-events fault, as the rooms' event buses see it.
impl MalformedEvents for FaultState {
    fn malformed_event(&self, profile: Profile) -> Option<(String, String)> {
        let mut g = self.lock();
        let rate = g.faults.malformed_events_rate;
        if rate <= 0.0 || g.events.f64() >= rate {
            return None;
        }
        let kind = MalformedKind::ALL[g.events.usize(..MalformedKind::ALL.len())];
        let rng = &mut g.events;
        Some(malformed(kind, profile, |n| rng.usize(..n.max(1))))
    }
}

/// `1 - (1 - p)^t`: the chance of at least one event in `t` seconds at `p` per second.
pub fn chance_within(per_second: f64, tick: Duration) -> f64 {
    if per_second <= 0.0 {
        return 0.0;
    }
    1.0 - (1.0 - per_second.min(1.0)).powf(tick.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chance_per_tick_adds_up_to_the_chance_per_second() {
        let tick = Duration::from_millis(50);
        let q = chance_within(0.5, tick);
        let survive_a_second = (1.0 - q).powi(20);
        assert!((survive_a_second - 0.5).abs() < 1e-9);
        assert_eq!(chance_within(1.0, tick), 1.0);
        assert_eq!(chance_within(0.0, tick), 0.0);
    }

    #[test]
    fn the_same_seed_fails_the_same_commands() {
        let faults = Faults {
            command_failure_rate: 0.3,
            seed: Some(42),
            ..Faults::default()
        };
        let plans = |s: &FaultState| (0..100).map(|_| s.command_plan()).collect::<Vec<_>>();
        let a = plans(&FaultState::new(faults.clone()));
        let b = plans(&FaultState::new(faults));
        assert_eq!(a, b);
        assert!(a.iter().any(|p| p.failure.is_some()));
        assert!(a.iter().any(|p| p.failure.is_none()));
    }

    #[test]
    fn a_refresh_refusal_runs_from_when_it_was_set() {
        let s = FaultState::new(Faults {
            refuse_refresh_for: Some(Duration::from_secs(5)),
            ..Faults::default()
        });
        let now = Instant::now();
        assert!(s.refresh_refused(now).is_some());
        assert!(s.refresh_refused(now + Duration::from_secs(6)).is_none());
        s.set(Faults::default());
        assert!(s.refresh_refused(Instant::now()).is_none());
        assert!(
            s.get().seed.is_some(),
            "a seed is chosen when none is given"
        );
    }
}
