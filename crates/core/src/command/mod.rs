//! Every action a host can take, and its policy as data: what it is called in both languages
//! and what else it is found by, whether only a host may take it, which platform command it
//! needs (so a deployment that lacks it is not offered it), whether it is confirmed first,
//! whether it waits in the undo window, and which key runs it. The console's one command
//! service reads this table for every surface (row, dialog, header, bulk bar, palette, key), so
//! a policy is decided here once.

use crate::i18n::Text;
use crate::keymap::KeyAct;
use huikong_protocol::{Command, ParticipantCommand as PC};

/// What can be done, without whom to or with what: the console's `Act` carries those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // The conference.
    Lock,
    Unlock,
    MuteGuests,
    UnmuteGuests,
    Start,
    End,
    AdmitAll,
    Layout,
    Dial,
    Message,
    // One participant.
    Show,
    Actions,
    Mute,
    Unmute,
    SpotlightOn,
    SpotlightOff,
    Admit,
    /// Turned away from the waiting room: the platform's disconnect.
    Reject,
    MakeHost,
    MakeGuest,
    AllowPresentation,
    DenyPresentation,
    Dtmf,
    SubCall,
    Transfer,
    Disconnect,
    // The venue list.
    RollCall,
    RollCallEnd,
    // What everyone sees.
    Broadcast,
    BroadcastEnd,
    /// A rotation's step (its start is its first step).
    Rotation,
    RotationStop,
    /// Pausing and resuming a rotation: the console's own timer, nothing sent.
    RotationPause,
    Preset,
    // The page.
    Panel,
    Search,
    Dense,
    Help,
    Leave,
    // The operator wall, while a room of it is shown.
    /// Shows another room of the wall.
    Room,
    /// Back to the wall's cards.
    Wall,
}

/// The platform command an action needs, checked against the deployment's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    Conference(Command),
    Participant(PC),
}

/// Whether an action waits in the undo window before it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waits {
    /// Sent at once: its opposite undoes it in one click (lock, mute, a role).
    Never,
    /// What cannot be taken back: a disconnect, the end of the meeting, a transfer.
    Always,
    /// Only when sent to many at once: one role change is undone by its opposite, forty are not.
    InBulk,
}

/// Whether a button asks first. A key or the palette, pressed on purpose and named in full,
/// relies on the undo window alone, except for the end of the meeting, which asks everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Never,
    /// The button (or form) that sends it asks first.
    Button,
    /// Asked first however it is asked for.
    Always,
}

/// An action's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The label; `{name}` is the participant (or "40 participants"), `{panel}`, `{layout}`
    /// what the act names.
    pub label: Text,
    /// Words it is also found by in the palette, in both languages.
    pub aliases: &'static str,
    pub host_only: bool,
    pub needs: Needs,
    pub confirm: Confirm,
    pub waits: Waits,
    /// The key that runs it, when one does ([`crate::keymap`]).
    pub key: Option<KeyAct>,
}

impl Policy {
    /// Whether it waits in the undo window, sent to one participant or to many.
    pub fn waits(&self, bulk: bool) -> bool {
        match self.waits {
            Waits::Never => false,
            Waits::Always => true,
            Waits::InBulk => bulk,
        }
    }
}

mod table;
#[cfg(test)]
mod tests;
