//! What a host asks for, as a value: the act with whom it is for and what it carries. Its
//! policy (label, aliases, who may, which cloud, confirmation, undo window, key) is the
//! act's [`Action`]'s, in `huikong_core::command`; the platform request it sends is
//! [`Act::request`].

use crate::platform::request::Request;
use huikong_core::command::Action;
use huikong_core::panel::PanelId;
use huikong_core::venues::rollcall::Cmd;
use huikong_protocol::{
    Audience, CallsRequest, Command, DialRequest, LayoutOverride, MessageRequest,
    OverrideLayoutRequest, ParticipantCommand as PC, Role, TransferRequest,
};

/// What can be done to one participant by name alone (a key, the palette, a row's button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonAct {
    Show,
    Actions,
    Mute,
    Unmute,
    SpotOn,
    SpotOff,
    Admit,
    Reject,
    MakeHost,
    MakeGuest,
    AllowRx,
    DenyRx,
    Disconnect,
}

impl PersonAct {
    pub fn action(self) -> Action {
        match self {
            PersonAct::Show => Action::Show,
            PersonAct::Actions => Action::Actions,
            PersonAct::Mute => Action::Mute,
            PersonAct::Unmute => Action::Unmute,
            PersonAct::SpotOn => Action::SpotlightOn,
            PersonAct::SpotOff => Action::SpotlightOff,
            PersonAct::Admit => Action::Admit,
            PersonAct::Reject => Action::Reject,
            PersonAct::MakeHost => Action::MakeHost,
            PersonAct::MakeGuest => Action::MakeGuest,
            PersonAct::AllowRx => Action::AllowPresentation,
            PersonAct::DenyRx => Action::DenyPresentation,
            PersonAct::Disconnect => Action::Disconnect,
        }
    }
}

/// One thing a host asks for, from any surface.
#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    Lock,
    Unlock,
    MuteGuests,
    UnmuteGuests,
    Start,
    End,
    AdmitAll,
    /// One of the platform's layouts for hosts and guests alike, filled by voice.
    Layout(&'static str),
    /// The layout panel's request: views, audiences and actors.
    SetLayout(OverrideLayoutRequest),
    Dial(DialRequest),
    Message(String),
    Person(PersonAct, String),
    Transfer(String, TransferRequest),
    Dtmf(String, String),
    SubCall(String, CallsRequest),
    /// Roll call of the venue numbered so in the venue list (the page starts it: a key, the
    /// palette); named by its number and name.
    RollCallOf(u32, String),
    /// One step of a roll call, for the venue named: its requests, sent in order.
    RollCallStep(String, Vec<Request>),
    /// The end of a roll call: what puts the meeting back, sent in order.
    RollCallEnd(Vec<Request>),
    /// Broadcast of the venue numbered so (a key, the palette: the page starts it).
    BroadcastOf(u32, String),
    /// A broadcast of the venue named: its request.
    Broadcast(String, Vec<Request>),
    /// The end of a broadcast: what puts the picture back. Without requests (the palette's),
    /// the page works them out and sends them.
    BroadcastEnd(Vec<Request>),
    /// A rotation's step, showing the venues named.
    RotationStep(String, Vec<Request>),
    /// The end of a rotation: as `BroadcastEnd`.
    RotationStop(Vec<Request>),
    RotationPause,
    /// The preset at this place (0-based) in the conference's presets, named (the page
    /// resolves it).
    PresetOf(usize, String),
    /// A preset named, resolved: its request.
    Preset(String, Vec<Request>),
    /// Another room of the operator wall, by its id there, named.
    RoomOf(u32, String),
    /// Back to the wall's cards.
    Wall,
    Panel(PanelId),
    Search,
    Dense,
    Help,
    Leave,
}

impl Act {
    /// Whose policy it follows.
    pub fn action(&self) -> Action {
        match self {
            Act::Lock => Action::Lock,
            Act::Unlock => Action::Unlock,
            Act::MuteGuests => Action::MuteGuests,
            Act::UnmuteGuests => Action::UnmuteGuests,
            Act::Start => Action::Start,
            Act::End => Action::End,
            Act::AdmitAll => Action::AdmitAll,
            Act::Layout(_) | Act::SetLayout(_) => Action::Layout,
            Act::Dial(_) => Action::Dial,
            Act::Message(_) => Action::Message,
            Act::Person(p, _) => p.action(),
            Act::Transfer(..) => Action::Transfer,
            Act::Dtmf(..) => Action::Dtmf,
            Act::SubCall(..) => Action::SubCall,
            Act::RollCallOf(..) | Act::RollCallStep(..) => Action::RollCall,
            Act::RollCallEnd(_) => Action::RollCallEnd,
            Act::BroadcastOf(..) | Act::Broadcast(..) => Action::Broadcast,
            Act::BroadcastEnd(_) => Action::BroadcastEnd,
            Act::RotationStep(..) => Action::Rotation,
            Act::RotationStop(_) => Action::RotationStop,
            Act::RotationPause => Action::RotationPause,
            Act::PresetOf(..) | Act::Preset(..) => Action::Preset,
            Act::Panel(_) => Action::Panel,
            Act::Search => Action::Search,
            Act::Dense => Action::Dense,
            Act::Help => Action::Help,
            Act::Leave => Action::Leave,
            Act::RoomOf(..) => Action::Room,
            Act::Wall => Action::Wall,
        }
    }

    /// The participant it is for, if one.
    pub fn uuid(&self) -> Option<&str> {
        match self {
            Act::Person(_, u) | Act::Transfer(u, _) | Act::Dtmf(u, _) | Act::SubCall(u, _) => {
                Some(u)
            }
            _ => None,
        }
    }

    /// The platform request it sends; `None` for what the page does itself, and for admitting
    /// everyone waiting, which is one request per participant (the service sends them).
    pub fn request(&self) -> Option<Request> {
        let person = |u: &String, c: PC| Some(Request::Participant(u.clone(), c));
        match self {
            Act::Lock => Some(Request::Conference(Command::Lock)),
            Act::Unlock => Some(Request::Conference(Command::Unlock)),
            Act::MuteGuests => Some(Request::Conference(Command::MuteGuests)),
            Act::UnmuteGuests => Some(Request::Conference(Command::UnmuteGuests)),
            Act::Start => Some(Request::Conference(Command::StartService)),
            Act::End => Some(Request::Conference(Command::Disconnect)),
            Act::Layout(l) => Some(Request::Layout(layout_request(l))),
            Act::SetLayout(r) => Some(Request::Layout(r.clone())),
            Act::Dial(r) => Some(Request::Dial(r.clone())),
            Act::Message(t) => Some(Request::Message(MessageRequest::text(t.clone()))),
            Act::Person(p, u) => match p {
                PersonAct::Mute => person(u, PC::Mute),
                PersonAct::Unmute => person(u, PC::Unmute),
                PersonAct::SpotOn => person(u, PC::SpotlightOn),
                PersonAct::SpotOff => person(u, PC::SpotlightOff),
                PersonAct::Admit => person(u, PC::Unlock),
                PersonAct::AllowRx => person(u, PC::AllowRxPresentation),
                PersonAct::DenyRx => person(u, PC::DenyRxPresentation),
                PersonAct::Disconnect | PersonAct::Reject => person(u, PC::Disconnect),
                PersonAct::MakeHost => Some(Request::Role(u.clone(), Role::Host)),
                PersonAct::MakeGuest => Some(Request::Role(u.clone(), Role::Guest)),
                PersonAct::Show | PersonAct::Actions => None,
            },
            Act::Transfer(u, body) => Some(Request::Transfer(u.clone(), body.clone())),
            Act::Dtmf(u, digits) => Some(Request::Dtmf(u.clone(), digits.clone())),
            Act::SubCall(u, body) => Some(Request::SubCall(u.clone(), body.clone())),
            Act::AdmitAll
            | Act::RollCallOf(..)
            | Act::RollCallStep(..)
            | Act::RollCallEnd(_)
            | Act::BroadcastOf(..)
            | Act::Broadcast(..)
            | Act::BroadcastEnd(_)
            | Act::RotationStep(..)
            | Act::RotationStop(_)
            | Act::RotationPause
            | Act::PresetOf(..)
            | Act::Preset(..)
            | Act::Panel(_)
            | Act::Search
            | Act::Dense
            | Act::Help
            | Act::Leave
            | Act::RoomOf(..)
            | Act::Wall => None,
        }
    }

    /// The requests of an act that sends several, in order (a roll call's step or end, the
    /// picture's). An end without requests has none: the page works them out.
    pub fn steps(&self) -> Option<&[Request]> {
        match self {
            Act::RollCallStep(_, r)
            | Act::RollCallEnd(r)
            | Act::Broadcast(_, r)
            | Act::RotationStep(_, r)
            | Act::Preset(_, r) => Some(r),
            Act::BroadcastEnd(r) | Act::RotationStop(r) if !r.is_empty() => Some(r),
            _ => None,
        }
    }
}

/// A roll call's commands as the platform's requests.
pub fn roll_call_requests(cmds: &[Cmd]) -> Vec<Request> {
    cmds.iter()
        .map(|c| match c {
            Cmd::Layout { view, actors } => Request::Layout(OverrideLayoutRequest {
                layouts: [Audience::Hosts, Audience::Guests]
                    .into_iter()
                    .map(|a| LayoutOverride::new(a, view, actors.clone(), actors.is_empty()))
                    .collect(),
            }),
            Cmd::MuteGuests => Request::Conference(Command::MuteGuests),
            Cmd::UnmuteGuests => Request::Conference(Command::UnmuteGuests),
            Cmd::Mute(u) => Request::Participant(u.clone(), PC::Mute),
            Cmd::Unmute(u) => Request::Participant(u.clone(), PC::Unmute),
        })
        .collect()
}

/// Layouts to set in order, as the platform's requests (a broadcast's, a rotation's step, a
/// preset's).
pub fn layouts(reqs: Vec<OverrideLayoutRequest>) -> Vec<Request> {
    reqs.into_iter().map(Request::Layout).collect()
}

/// The layout for hosts and guests alike, filled by voice: what the layout panel sends with
/// its defaults. Only the platform's layouts are offered, so there is nothing to check.
pub fn layout_request(layout: &str) -> OverrideLayoutRequest {
    OverrideLayoutRequest {
        layouts: [Audience::Hosts, Audience::Guests]
            .into_iter()
            .map(|a| LayoutOverride::new(a, layout, Vec::new(), true))
            .collect(),
    }
}
