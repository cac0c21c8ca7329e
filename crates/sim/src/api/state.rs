//! The shared state behind the handlers: the configuration, the one lock over all rooms
//! (a transfer spans two), and the faults in force.

use crate::config::Config;
use crate::faults::FaultState;
use crate::model::{ApiError, ApiResult, Caller, World};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

struct Shared {
    config: Config,
    addr: SocketAddr,
    world: Mutex<World>,
    faults: Arc<FaultState>,
    /// The churn rate in force, as the bits of an `f64` (it changes at run time).
    churn: AtomicU64,
}

/// The simulator: its configuration, its world and its faults.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    /// The state of a simulator reachable at `addr`.
    pub fn new(config: Config, addr: SocketAddr) -> AppState {
        let ttl = Duration::from_secs(config.token_ttl);
        let mut world = World::with_extra_rooms(config.profile, ttl, config.extra_rooms);
        let faults = Arc::new(FaultState::new(config.faults.clone()));
        world.attach_malformed(faults.clone());
        AppState(Arc::new(Shared {
            churn: AtomicU64::new(config.churn.to_bits()),
            config,
            addr,
            world: Mutex::new(world),
            faults,
        }))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn addr(&self) -> SocketAddr {
        self.0.addr
    }

    /// The faults in force (they change at run time; `config().faults` are the initial ones).
    pub fn faults(&self) -> &Arc<FaultState> {
        &self.0.faults
    }

    /// Participants the churn changes per second in each room it changes (`config().churn` is
    /// the initial rate).
    pub fn churn_rate(&self) -> f64 {
        f64::from_bits(self.0.churn.load(Ordering::Relaxed))
    }

    /// Sets the churn rate, already checked (`config::check_churn_rate`).
    pub fn set_churn_rate(&self, rate: f64) {
        self.0.churn.store(rate.to_bits(), Ordering::Relaxed);
    }

    /// The world, locked. Never held across an await.
    pub fn world(&self) -> MutexGuard<'_, World> {
        // A panic elsewhere must not take the whole simulator down with it.
        self.0.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The world, locked, for a caller authorised in `room`: refused if its session ended or
    /// moved since its token was checked, so that checking and acting stay one step.
    pub fn world_for(&self, room: usize, caller: &Caller) -> ApiResult<MutexGuard<'_, World>> {
        let world = self.world();
        if !world.still_in(room, caller) {
            return Err(ApiError::InvalidToken);
        }
        Ok(world)
    }

    /// Closes every open event stream of every room now; reconnects are refused from now on if
    /// that fault is set. Returns how many streams were closed.
    pub fn drop_all_streams(&self) -> usize {
        let dropped = self.world().drop_streams(|| true);
        self.faults().note_drop(Instant::now());
        dropped
    }

    /// Closes each open stream with this chance. Returns how many were closed.
    pub fn drop_some_streams(&self, chance: f64) -> usize {
        let faults = self.faults().clone();
        // The faults' lock is taken inside the world's, never the other way round.
        let dropped = self.world().drop_streams(|| faults.roll_drop(chance));
        if dropped > 0 {
            faults.note_drop(Instant::now());
        }
        dropped
    }
}
