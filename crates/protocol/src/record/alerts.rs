//! Alerts: the few things an operator looking at another window must not miss. The record raises
//! them; the console shows the unseen count (title, favicon), and may beep, notify and tell an
//! embedding portal.

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
}

impl AlertKind {
    pub const ALL: [AlertKind; 4] = [
        AlertKind::WaitingRoom,
        AlertKind::Presenting,
        AlertKind::StreamLost,
        AlertKind::CommandFailed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::WaitingRoom => "waiting_room",
            AlertKind::Presenting => "presenting",
            AlertKind::StreamLost => "stream_lost",
            AlertKind::CommandFailed => "command_failed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub kind: AlertKind,
    /// Unix seconds.
    pub at: f64,
    /// Who it is about (the participant, the presenter), or the failed command's name.
    pub subject: String,
    /// The failed command's reason; blank otherwise.
    pub detail: String,
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
