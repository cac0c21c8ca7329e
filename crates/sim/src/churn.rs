//! `--churn RATE`: the demo room, and each populated extra room, changes RATE participants a
//! second, so that a storm of events needs no client. The changes are spread evenly over each
//! second (a step every [`CHURN_TICK`], the fraction of a change carried to the next), each on
//! a participant chosen at random: a mute or unmute, a spotlight on or off, a turn to speak
//! (the stage), a role between chair and guest, and about one change in a hundred a leave,
//! answered a little later by a newcomer's join so that the room stays about its size. Every
//! change goes through the room's own mutations, so the events are those a command would bring.

use crate::model::{Room, World};
use crate::scenario::{newcomer, DEMO_ROOM};
use huikong_protocol::Role;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// How often the churn acts.
pub const CHURN_TICK: Duration = Duration::from_millis(20);
/// The share of changes that are a leave.
const LEAVE_SHARE: f64 = 0.01;
/// A leave's newcomer joins this long after it, plus up to as long again at random.
const REJOIN_AFTER: Duration = Duration::from_secs(1);
/// Spotlit at most at once: beyond them, a spotlight goes out rather than on, so that the
/// layout does not fill with spotlights.
const SPOTLIGHT_LIMIT: usize = 3;
/// Tries to find a participant the churn may change (not an API session, not ringing).
const TRIES: usize = 16;

/// What one change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Mute,
    Spotlight,
    Speak,
    Role,
    Leave,
}

/// The churn of every room it changes, each at the full rate.
pub struct Churn {
    rooms: Vec<RoomChurn>,
    rng: fastrand::Rng,
}

/// The churn of one room.
struct RoomChurn {
    /// The room's position in `World::rooms`.
    room: usize,
    /// Changes owed: the fraction left over from the steps so far.
    owed: f64,
    /// When each leave's newcomer is due, earliest first.
    rejoins: VecDeque<Instant>,
    /// Newcomers so far, to number their names.
    newcomers: usize,
}

impl Churn {
    /// A churn of the demo room whose choices repeat for a seed; random without one.
    pub fn new(seed: Option<u64>) -> Churn {
        Churn::of_rooms([DEMO_ROOM], seed)
    }

    /// A churn of these rooms (positions in `World::rooms`), each changed at the rate a step
    /// is given, so that every meeting of an operator wall lives alike. Its choices repeat for
    /// a seed; random without one.
    pub fn of_rooms(rooms: impl IntoIterator<Item = usize>, seed: Option<u64>) -> Churn {
        Churn {
            rooms: rooms
                .into_iter()
                .map(|room| RoomChurn {
                    room,
                    owed: 0.0,
                    rejoins: VecDeque::new(),
                    newcomers: 0,
                })
                .collect(),
            rng: seed.map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed),
        }
    }

    /// Whether newcomers are still due, so that steps are needed even at rate 0.
    pub fn has_rejoins(&self) -> bool {
        self.rooms.iter().any(|r| !r.rejoins.is_empty())
    }

    /// One step, `elapsed` after the last: in each room, lets in the newcomers due, then makes
    /// the changes `rate` owes by now. Returns the changes made, room after room.
    pub fn step(
        &mut self,
        world: &mut World,
        rate: f64,
        elapsed: Duration,
        now: Instant,
    ) -> Vec<Change> {
        let mut made = Vec::new();
        for room in &mut self.rooms {
            room.step(&mut self.rng, world, rate, elapsed, now, &mut made);
        }
        made
    }
}

impl RoomChurn {
    fn step(
        &mut self,
        rng: &mut fastrand::Rng,
        world: &mut World,
        rate: f64,
        elapsed: Duration,
        now: Instant,
        made: &mut Vec<Change>,
    ) {
        self.rejoin(world, now);
        if rate <= 0.0 {
            self.owed = 0.0;
            return;
        }
        // A step that came late catches up, but never by more than a second's worth.
        self.owed = (self.owed + rate * elapsed.as_secs_f64()).min(rate.max(1.0));
        let due = self.owed.floor();
        self.owed -= due;
        made.extend((0..due as usize).filter_map(|_| self.change_one(rng, world, now)));
    }

    fn rejoin(&mut self, world: &mut World, now: Instant) {
        while self.rejoins.front().is_some_and(|due| *due <= now) {
            self.rejoins.pop_front();
            let room = &mut world.rooms[self.room];
            // A meeting a host ended stays empty until the scenario starts the next one.
            if room.members.is_empty() {
                continue;
            }
            let p = newcomer(self.newcomers, &room.info.alias);
            self.newcomers += 1;
            room.join(p, false);
        }
    }

    /// A participant the churn may change: an endpoint, not an API session (a console or a
    /// client that reads the stream), and not ringing.
    fn pick(&self, rng: &mut fastrand::Rng, world: &World) -> Option<String> {
        let members = &world.rooms[self.room].members;
        if members.is_empty() {
            return None;
        }
        (0..TRIES).find_map(|_| {
            let m = &members[rng.usize(..members.len())];
            (!m.ringing && world.session(&m.p.uuid).is_none()).then(|| m.p.uuid.clone())
        })
    }

    fn change_one(
        &mut self,
        rng: &mut fastrand::Rng,
        world: &mut World,
        now: Instant,
    ) -> Option<Change> {
        let uuid = self.pick(rng, world)?;
        let roll = rng.f64();
        if roll < LEAVE_SHARE {
            world.remove_participant(self.room, &uuid, "Participant disconnected");
            let jitter = REJOIN_AFTER.mul_f64(rng.f64());
            self.rejoins.push_back(now + REJOIN_AFTER + jitter);
            self.rejoins.make_contiguous().sort();
            return Some(Change::Leave);
        }
        let room = &mut world.rooms[self.room];
        let change = match roll {
            r if r < 0.40 => speak(room, &uuid),
            r if r < 0.70 => Change::Mute,
            r if r < 0.85 => spotlight(room, &uuid),
            _ => role(world, self.room, &uuid),
        };
        if change == Change::Mute {
            let room = &mut world.rooms[self.room];
            let muted = room.member(&uuid).is_some_and(|m| m.p.is_muted);
            room.set_muted(&uuid, !muted);
        }
        Some(change)
    }
}

/// The participant takes the floor (or, if it had it, falls silent); without media it cannot
/// speak, and is muted or unmuted instead.
fn speak(room: &mut Room, uuid: &str) -> Change {
    if !room.member(uuid).is_some_and(|m| m.p.has_media) {
        return Change::Mute;
    }
    if room.screen.speaking.as_deref() == Some(uuid) {
        room.speak(None);
    } else {
        room.speak(Some(uuid));
    }
    Change::Speak
}

/// Spotlight off for the spotlit; on for another while few are, else off for the earliest.
fn spotlight(room: &mut Room, uuid: &str) -> Change {
    let spotlit = |room: &Room| -> Vec<(f64, String)> {
        let mut v: Vec<_> = room
            .members
            .iter()
            .filter(|m| m.p.is_spotlit())
            .map(|m| (m.p.spotlight, m.p.uuid.clone()))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    };
    let lit = spotlit(room);
    if lit.iter().any(|(_, u)| u == uuid) {
        room.set_spotlight(uuid, false);
    } else if lit.len() < SPOTLIGHT_LIMIT {
        room.set_spotlight(uuid, true);
    } else {
        room.set_spotlight(&lit[0].1, false);
    }
    Change::Spotlight
}

/// A guest becomes a chair, a chair a guest, but the last chair with media stays one, so
/// that the meeting keeps someone to run it; that chair is muted or unmuted instead.
fn role(world: &mut World, at: usize, uuid: &str) -> Change {
    let room = &world.rooms[at];
    let Some(m) = room.member(uuid) else {
        return Change::Mute;
    };
    let to = if m.p.role.is_host() {
        Role::Guest
    } else {
        Role::Host
    };
    let chairs = room
        .members
        .iter()
        .filter(|m| m.p.role.is_host() && m.p.has_media)
        .count();
    if to == Role::Guest && m.p.has_media && chairs <= 1 {
        return Change::Mute;
    }
    world.set_role(at, uuid, to);
    Change::Role
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Scenario;
    use crate::scenario::populate;
    use huikong_protocol::Profile;

    fn large_room(size: usize) -> World {
        let mut world = World::new(Profile::Public, Duration::from_secs(60));
        populate(&mut world, Scenario::Large(size));
        world
    }

    #[test]
    fn a_second_of_steps_makes_the_rate_in_changes_with_the_fraction_carried() {
        let mut world = large_room(50);
        let mut churn = Churn::new(Some(1));
        let start = Instant::now();
        let made: usize = (1..=50)
            .map(|i| {
                let now = start + CHURN_TICK * i;
                churn.step(&mut world, 7.5, CHURN_TICK, now).len()
            })
            .sum();
        // 7.5 a second: 7 whole changes, the half carried into the next second.
        assert_eq!(made, 7);
        let owed = churn.rooms[0].owed;
        assert!(owed > 0.49 && owed < 0.51, "{owed}");
        assert!(churn.step(&mut world, 0.0, CHURN_TICK, start).is_empty());
        assert_eq!(churn.rooms[0].owed, 0.0, "a stopped churn owes nothing");
    }

    #[test]
    fn every_kind_of_change_happens_and_each_leave_is_made_up_for() {
        let mut world = large_room(100);
        let mut churn = Churn::new(Some(3));
        let start = Instant::now();
        let changes = churn.step(&mut world, 2000.0, Duration::from_secs(1), start);
        assert_eq!(changes.len(), 2000);
        for kind in [
            Change::Mute,
            Change::Spotlight,
            Change::Speak,
            Change::Role,
            Change::Leave,
        ] {
            assert!(changes.contains(&kind), "no {kind:?}");
        }
        let room = &world.rooms[DEMO_ROOM];
        let leaves = changes.iter().filter(|c| **c == Change::Leave).count();
        assert_eq!(room.members.len(), 100 - leaves);
        assert!(room.members.iter().filter(|m| m.p.is_spotlit()).count() <= SPOTLIGHT_LIMIT);
        assert!(room
            .members
            .iter()
            .any(|m| m.p.role.is_host() && m.p.has_media));
        // Two seconds on, every newcomer is in, even with the churn stopped.
        churn.step(&mut world, 0.0, CHURN_TICK, start + Duration::from_secs(2));
        assert!(!churn.has_rejoins());
        assert_eq!(world.rooms[DEMO_ROOM].members.len(), 100);
    }

    #[test]
    fn each_room_churns_at_the_full_rate() {
        let mut world = World::with_extra_rooms(Profile::Public, Duration::from_secs(60), 2);
        crate::scenario::populate_extra_rooms(&mut world, 40);
        let before: Vec<_> = world.rooms.iter().map(|r| r.participants()).collect();
        let mut churn = Churn::of_rooms(world.extra_rooms(), Some(2));
        let start = Instant::now();
        let made: usize = (1..=50)
            .map(|i| churn.step(&mut world, 7.5, CHURN_TICK, start + CHURN_TICK * i))
            .map(|changes| changes.len())
            .sum();
        assert_eq!(made, 14, "7 whole changes in each of the two rooms");
        for at in world.extra_rooms() {
            assert_ne!(world.rooms[at].participants(), before[at], "room {at}");
        }
        assert_eq!(world.rooms[DEMO_ROOM].participants(), before[DEMO_ROOM]);
    }

    #[test]
    fn api_sessions_are_left_alone() {
        let mut world = large_room(5);
        let (console, _) = world.open_session(DEMO_ROOM, Role::Host, "会控台", false);
        let before = world.rooms[DEMO_ROOM].member(&console).unwrap().p.clone();
        let mut churn = Churn::new(Some(5));
        churn.step(&mut world, 500.0, Duration::from_secs(1), Instant::now());
        assert_eq!(world.rooms[DEMO_ROOM].member(&console).unwrap().p, before);
    }
}
