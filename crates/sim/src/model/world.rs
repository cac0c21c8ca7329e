//! The simulated platform: its rooms, the API sessions opened on them, and their tokens
//! (docs/api-notes.md, "Tokens"). A room is named by its position in `World::rooms`, which
//! never changes: rooms are provisioned once.

use super::bus::MalformedEvents;
use super::error::{ApiError, ApiResult};
use super::ids::{new_token, new_uuid, unix_now};
use super::room::Room;
use super::room_info::{provisioned_rooms, provisioned_rooms_with};
use huikong_protocol::{Event, Participant, Profile, Role, ServiceType};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// An API session (a console, or any REST client), keyed by its participant uuid.
#[derive(Debug, Clone)]
pub struct ApiSession {
    pub room: usize,
    pub role: Role,
    pub display_name: String,
    /// The latest expiry of its tokens: the session ends when it passes.
    pub expires: Instant,
}

#[derive(Debug, Clone)]
struct TokenEntry {
    session: String,
    expires: Instant,
}

/// Who called: the session behind a valid token.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The session's participant uuid.
    pub session: String,
    pub role: Role,
    pub display_name: String,
}

pub struct World {
    pub profile: Profile,
    pub token_ttl: Duration,
    pub rooms: Vec<Room>,
    /// How many of `rooms` every simulator has; the extra rooms follow them.
    fixed_rooms: usize,
    sessions: HashMap<String, ApiSession>,
    tokens: HashMap<String, TokenEntry>,
}

impl World {
    /// A world of the rooms every simulator has, and no extra room.
    pub fn new(profile: Profile, token_ttl: Duration) -> World {
        World::with_extra_rooms(profile, token_ttl, 0)
    }

    /// A world of the rooms every simulator has and `extra` more after them
    /// (`Config::extra_rooms`), all empty.
    pub fn with_extra_rooms(profile: Profile, token_ttl: Duration, extra: usize) -> World {
        World {
            profile,
            token_ttl,
            rooms: provisioned_rooms_with(extra)
                .into_iter()
                .map(|info| Room::new(info, profile))
                .collect(),
            fixed_rooms: provisioned_rooms().len(),
            sessions: HashMap::new(),
            tokens: HashMap::new(),
        }
    }

    /// Where the extra rooms are in `rooms`, extra room 1 first.
    pub fn extra_rooms(&self) -> Range<usize> {
        self.fixed_rooms..self.rooms.len()
    }

    /// Lets a source of malformed events (the faults) reach every room's event streams.
    pub fn attach_malformed(&mut self, source: Arc<dyn MalformedEvents>) {
        for r in &mut self.rooms {
            r.bus.malformed = Some(source.clone());
        }
    }

    /// Closes the open event streams `pick` chooses, in every room. Returns how many it closed.
    pub fn drop_streams(&mut self, mut pick: impl FnMut() -> bool) -> usize {
        self.rooms
            .iter_mut()
            .map(|r| r.bus.drop_streams(&mut pick))
            .sum()
    }

    /// A room by its alias (any case) or its numeric id.
    pub fn find_room(&self, key: &str) -> ApiResult<usize> {
        let key = key.trim();
        self.rooms
            .iter()
            .position(|r| r.info.alias.eq_ignore_ascii_case(key) || r.info.id.to_string() == key)
            .ok_or(ApiError::RoomNotFound)
    }

    /// The room a key names and the session a token opens in it.
    pub fn caller_in(&self, key: &str, token: Option<&str>) -> ApiResult<(usize, Caller)> {
        let room = self.find_room(key)?;
        Ok((room, self.authenticate(room, token)?))
    }

    /// Whether the session is (still) open in this room: it may have ended, or moved, since its
    /// token was checked.
    pub fn still_in(&self, room: usize, caller: &Caller) -> bool {
        self.sessions
            .get(&caller.session)
            .is_some_and(|s| s.room == room)
    }

    /// The session a token opens in this room.
    pub fn authenticate(&self, room: usize, token: Option<&str>) -> ApiResult<Caller> {
        let entry = token
            .and_then(|t| self.tokens.get(t.trim()))
            .filter(|t| t.expires > Instant::now())
            .ok_or(ApiError::InvalidToken)?;
        let session = self
            .sessions
            .get(&entry.session)
            .filter(|s| s.room == room)
            .ok_or(ApiError::InvalidToken)?;
        Ok(Caller {
            session: entry.session.clone(),
            role: session.role,
            display_name: session.display_name.clone(),
        })
    }

    /// Opens a session; its participant joins the room unless hidden. Returns (uuid, token).
    pub fn open_session(
        &mut self,
        room: usize,
        role: Role,
        name: &str,
        hidden: bool,
    ) -> (String, String) {
        let uuid = new_uuid();
        let token = new_token();
        let expires = Instant::now() + self.token_ttl;
        self.sessions.insert(
            uuid.clone(),
            ApiSession {
                room,
                role,
                display_name: name.to_owned(),
                expires,
            },
        );
        self.tokens.insert(
            token.clone(),
            TokenEntry {
                session: uuid.clone(),
                expires,
            },
        );
        if !hidden {
            let r = &mut self.rooms[room];
            let mut p = Participant::new(uuid.clone());
            p.display_name = name.to_owned();
            p.overlay_text = name.to_owned();
            p.protocol = "api".into();
            p.has_media = false;
            p.is_video_call = false;
            p.presentation_supported = false;
            p.role = role;
            p.local_alias = r.info.alias.clone();
            p.uri = format!("api:{name}");
            p.vendor = "huikong-sim REST client".into();
            p.start_time = unix_now().floor();
            r.join(p, false);
        }
        (uuid, token)
    }

    /// The service type a session's participant is (or would be) in.
    pub fn session_service_type(&self, room: usize, session: &str, role: Role) -> ServiceType {
        let r = &self.rooms[room];
        match r.member(session) {
            Some(m) => m.p.service_type.clone(),
            None if role.is_host() || (r.started && !r.locked) => ServiceType::Conference,
            None => ServiceType::WaitingRoom,
        }
    }

    /// A new token for the caller's session; the old one keeps its own expiry.
    pub fn refresh(&mut self, caller: &Caller) -> String {
        let token = new_token();
        let expires = Instant::now() + self.token_ttl;
        self.tokens.insert(
            token.clone(),
            TokenEntry {
                session: caller.session.clone(),
                expires,
            },
        );
        if let Some(s) = self.sessions.get_mut(&caller.session) {
            s.expires = expires;
        }
        token
    }

    pub fn session(&self, uuid: &str) -> Option<&ApiSession> {
        self.sessions.get(uuid)
    }

    pub fn has_sessions_in(&self, room: usize) -> bool {
        self.sessions.values().any(|s| s.room == room)
    }

    /// Ends a session: its tokens die, its stream gets `disconnect` and closes, its participant
    /// leaves.
    pub fn end_session(&mut self, uuid: &str, reason: &str) {
        let Some(session) = self.sessions.remove(uuid) else {
            return;
        };
        self.tokens.retain(|_, t| t.session != uuid);
        let room = &mut self.rooms[session.room];
        room.bus.send_to(
            uuid,
            &Event::Disconnect {
                reason: reason.to_owned(),
            },
        );
        room.bus.close(uuid);
        room.leave(uuid);
        self.settle(session.room);
    }

    /// A participant leaves at the platform's hand: a session ends with it, an endpoint just goes.
    pub fn remove_participant(&mut self, room: usize, uuid: &str, reason: &str) {
        if self.sessions.contains_key(uuid) {
            self.end_session(uuid, reason);
        } else {
            self.rooms[room].leave(uuid);
            self.settle(room);
        }
    }

    /// A room nobody is in any more closes its conference.
    pub fn settle(&mut self, room: usize) {
        let busy = self.has_sessions_in(room);
        let r = &mut self.rooms[room];
        if !busy && r.members.is_empty() {
            r.reset();
        }
    }

    /// Ends every session whose tokens have all expired.
    pub fn sweep(&mut self, now: Instant) {
        self.tokens.retain(|_, t| t.expires > now);
        let expired: Vec<String> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.expires <= now)
            .map(|(u, _)| u.clone())
            .collect();
        for uuid in expired {
            self.end_session(&uuid, "Token expired");
        }
    }

    /// Conference `disconnect`: everyone leaves, every session ends, the conference closes.
    pub fn end_conference(&mut self, room: usize) {
        let sessions: Vec<String> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.room == room)
            .map(|(u, _)| u.clone())
            .collect();
        for uuid in sessions {
            self.end_session(&uuid, "Conference terminated by a host");
        }
        let r = &mut self.rooms[room];
        let everyone: Vec<String> = r.members.iter().map(|m| m.p.uuid.clone()).collect();
        for uuid in everyone {
            r.leave(&uuid);
        }
        r.reset();
    }

    /// Changes a participant's role, and its session's with it.
    pub fn set_role(&mut self, room: usize, uuid: &str, role: Role) {
        if let Some(s) = self.sessions.get_mut(uuid) {
            s.role = role;
        }
        self.rooms[room].set_role(uuid, role);
    }

    /// Moves a participant to another room with a role; a session moves with it, so its tokens
    /// then work in the target room. Its old stream ends.
    pub fn transfer(&mut self, from: usize, uuid: &str, to: usize, role: Role) -> ApiResult<()> {
        let mut member = self.rooms[from]
            .leave(uuid)
            .ok_or(ApiError::ParticipantNotFound)?;
        if let Some(s) = self.sessions.get_mut(uuid) {
            s.room = to;
            s.role = role;
            let bus = &mut self.rooms[from].bus;
            bus.send_to(
                uuid,
                &Event::Disconnect {
                    reason: "Transferred to another conference".into(),
                },
            );
            bus.close(uuid);
        }
        self.settle(from);
        member.p.role = role;
        member.p.local_alias = self.rooms[to].info.alias.clone();
        self.rooms[to].join(member.p, true);
        Ok(())
    }
}
