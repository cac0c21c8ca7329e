//! Alerts: the few things an operator looking at another window must not miss. The record raises
//! them; the console shows the unseen count (title, favicon), and may beep, notify and tell an
//! embedding portal.

use super::venue::VenueEvent;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// Someone entered the waiting room (or the PIN prompt) and waits for a host.
    WaitingRoom,
    /// Someone started presenting.
    Presenting,
    /// The event stream was lost.
    StreamLost,
    /// A command this console sent failed.
    CommandFailed,
    /// A venue of the list dropped, is being redialled, or was given up.
    Venue,
}

impl AlertKind {
    pub const ALL: [AlertKind; 5] = [
        AlertKind::WaitingRoom,
        AlertKind::Presenting,
        AlertKind::StreamLost,
        AlertKind::CommandFailed,
        AlertKind::Venue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::WaitingRoom => "waiting_room",
            AlertKind::Presenting => "presenting",
            AlertKind::StreamLost => "stream_lost",
            AlertKind::CommandFailed => "command_failed",
            AlertKind::Venue => "venue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub kind: AlertKind,
    /// Unix seconds.
    pub at: f64,
    /// Who it is about (the participant, the presenter, the venue), or the failed command's name.
    pub subject: String,
    /// The failed command's reason, or what happened to the venue (`VenueEvent::code`); blank
    /// otherwise.
    pub detail: String,
    /// What happened to the venue, for a venue's alert.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<VenueEvent>,
}

/// The count of alerts not yet seen, reset when the operator looks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alerts {
    unseen: u32,
    last: Option<Alert>,
}

impl Alerts {
    pub fn raise(&mut self, alert: Alert) {
        self.unseen = self.unseen.saturating_add(1);
        self.last = Some(alert);
    }

    pub fn unseen(&self) -> u32 {
        self.unseen
    }

    pub fn last(&self) -> Option<&Alert> {
        self.last.as_ref()
    }

    /// The operator looked: nothing is unseen any more.
    pub fn seen(&mut self) {
        self.unseen = 0;
    }
}
