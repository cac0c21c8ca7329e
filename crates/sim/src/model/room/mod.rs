//! One room's conference: who is in it, where they are (waiting room or conference), and the
//! service flags. Every change emits the events that report it.

mod display;

use super::bus::Bus;
use super::member::Member;
use super::room_info::RoomInfo;
use super::screen::Screen;
use huikong_protocol::{Event, Participant, Profile, Role, ServiceType, ServiceUpdate};

pub struct Room {
    pub info: RoomInfo,
    pub profile: Profile,
    /// In order of joining.
    pub members: Vec<Member>,
    pub locked: bool,
    pub guests_muted: bool,
    pub started: bool,
    pub bus: Bus,
    pub screen: Screen,
}

impl Room {
    pub fn new(info: RoomInfo, profile: Profile) -> Room {
        Room {
            info,
            profile,
            members: Vec::new(),
            locked: false,
            guests_muted: false,
            started: false,
            bus: Bus::new(profile),
            screen: Screen::default(),
        }
    }

    pub fn member(&self, uuid: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.p.uuid == uuid)
    }

    /// The simulator's own records of a member; no event is emitted for what changes here.
    pub fn member_mut(&mut self, uuid: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.p.uuid == uuid)
    }

    pub fn participants(&self) -> Vec<Participant> {
        self.members.iter().map(|m| m.p.clone()).collect()
    }

    fn placement(&self, m: &Member) -> ServiceType {
        if m.ringing {
            ServiceType::Connecting
        } else if m.p.role.is_host() {
            ServiceType::Conference
        } else if !self.started || !m.admitted {
            ServiceType::WaitingRoom
        } else {
            ServiceType::Conference
        }
    }

    /// Whether the muteguests rule covers this participant: guests on the public cloud; on the
    /// enterprise cloud everyone but chairs and the current presenter.
    fn muted_by_rule(&self, p: &Participant) -> bool {
        match self.profile {
            Profile::Public => !p.role.is_host(),
            Profile::Enterprise => !p.role.is_host() && !p.is_presenting,
        }
    }

    /// A participant arrives. `invited`: a host brought it in (dial, transfer), so a lock does
    /// not hold it back.
    pub fn join(&mut self, p: Participant, invited: bool) {
        let admitted = invited || p.role.is_host() || !self.locked;
        let mut m = Member::new(p, admitted);
        if self.guests_muted && self.muted_by_rule(&m.p) {
            m.p.is_muted = true;
        }
        m.p.service_type = self.placement(&m);
        if m.p.has_media {
            self.screen.order.push(m.p.uuid.clone());
        }
        self.bus.emit(&Event::ParticipantCreate(m.p.clone()));
        self.members.push(m);
        self.maybe_start();
        self.refresh_screen();
    }

    /// A participant goes; its sub-calls end, its presentation stops.
    pub fn leave(&mut self, uuid: &str) -> Option<Member> {
        let at = self.members.iter().position(|m| m.p.uuid == uuid)?;
        let m = self.members.remove(at);
        for call_uuid in &m.calls {
            self.bus.emit(&Event::CallDisconnected {
                call_uuid: call_uuid.clone(),
                reason: "Participant disconnected".into(),
            });
        }
        if self.screen.presenter() == Some(uuid) {
            self.screen.presentation = None;
            self.bus.emit(&Event::PresentationStop);
        }
        self.screen.forget(uuid);
        self.bus.emit(&Event::ParticipantDelete {
            uuid: uuid.to_owned(),
        });
        self.refresh_screen();
        Some(m)
    }

    /// Changes a participant; emits participant_update if anything changed. False if unknown.
    pub fn update(&mut self, uuid: &str, change: impl FnOnce(&mut Member)) -> bool {
        match self.members.iter().position(|m| m.p.uuid == uuid) {
            Some(at) => {
                self.update_at(at, change);
                true
            }
            None => false,
        }
    }

    /// Participant mute or unmute. False if unknown.
    pub fn set_muted(&mut self, uuid: &str, muted: bool) -> bool {
        self.update(uuid, |m| m.p.is_muted = muted)
    }

    /// Changes the member at this position in `members`.
    fn update_at(&mut self, at: usize, change: impl FnOnce(&mut Member)) {
        let m = &mut self.members[at];
        let before = m.p.clone();
        change(m);
        if m.p != before {
            let p = m.p.clone();
            self.bus.emit(&Event::ParticipantUpdate(p));
        }
    }

    /// Puts everyone where the rules now say (after a start, an unlock, a role change).
    fn replace(&mut self) {
        let moves: Vec<(usize, ServiceType)> = self
            .members
            .iter()
            .enumerate()
            .filter_map(|(at, m)| {
                let t = self.placement(m);
                (m.p.service_type != t).then_some((at, t))
            })
            .collect();
        for (at, t) in moves {
            self.update_at(at, |m| m.p.service_type = t);
        }
        self.refresh_screen();
    }

    /// An answered dial.
    pub fn answer(&mut self, uuid: &str) -> bool {
        let found = self.update(uuid, |m| m.ringing = false);
        self.replace();
        self.maybe_start();
        found
    }

    fn service_update(&self) -> ServiceUpdate {
        ServiceUpdate {
            locked: Some(self.locked),
            guests_muted: Some(self.guests_muted),
            started: Some(self.started),
        }
    }

    fn emit_service(&mut self) {
        let u = self.service_update();
        self.bus.emit(&Event::ServiceUpdate(u));
    }

    /// A host with media is in: the meeting begins.
    fn maybe_start(&mut self) {
        let host_in = self
            .members
            .iter()
            .any(|m| m.p.role.is_host() && m.p.has_media && !m.ringing);
        if !self.started && host_in {
            self.start();
        }
    }

    /// Starts the conference: waiting guests (those not held by a lock) come in.
    pub fn start(&mut self) {
        if self.started {
            return;
        }
        self.started = true;
        self.emit_service();
        self.replace();
    }

    pub fn set_locked(&mut self, locked: bool) {
        if self.locked == locked {
            return;
        }
        self.locked = locked;
        self.emit_service();
        if !locked {
            for m in &mut self.members {
                m.admitted = true;
            }
            self.replace();
        }
    }

    /// Lets one participant past the lock.
    pub fn admit(&mut self, uuid: &str) -> bool {
        let found = self.update(uuid, |m| m.admitted = true);
        self.replace();
        found
    }

    pub fn mute_guests(&mut self, muted: bool) {
        self.guests_muted = muted;
        let targets: Vec<usize> = (0..self.members.len())
            .filter(|&at| {
                let p = &self.members[at].p;
                self.muted_by_rule(p) && p.is_muted != muted
            })
            .collect();
        for at in targets {
            self.update_at(at, |m| m.p.is_muted = muted);
        }
        self.emit_service();
    }

    pub fn set_role(&mut self, uuid: &str, role: Role) {
        self.update(uuid, |m| {
            m.p.role = role;
            m.admitted |= role.is_host();
        });
        self.bus.set_role(uuid, role);
        self.replace();
        self.maybe_start();
    }

    /// The conference is over: the next one starts afresh.
    pub fn reset(&mut self) {
        self.locked = false;
        self.guests_muted = false;
        self.started = false;
        self.screen = Screen::default();
    }

    /// What a (re)connecting stream gets first: the full list, then the current state.
    pub fn sync_events(&self, role: Role) -> Vec<Event> {
        let mut events = Vec::with_capacity(self.members.len() + 6);
        events.push(Event::ParticipantSyncBegin);
        events.extend(
            self.members
                .iter()
                .map(|m| Event::ParticipantCreate(m.p.clone())),
        );
        events.push(Event::ParticipantSyncEnd);
        events.push(Event::ServiceUpdate(self.service_update()));
        events.push(Event::Layout(self.layout_view(role.is_host())));
        events.push(Event::Stage(self.stage_entries()));
        if let Some(start) = self.screen.presentation_start() {
            events.push(Event::PresentationStart(start));
        }
        events
    }
}
