//! Public cloud and enterprise cloud: the document's last table of what each supports.

use crate::command::{Command, ParticipantCommand};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    #[default]
    Public,
    Enterprise,
}

impl Profile {
    pub fn parse(s: &str) -> Option<Profile> {
        match s.trim().to_ascii_lowercase().as_str() {
            "public" => Some(Profile::Public),
            "enterprise" => Some(Profile::Enterprise),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Public => "public",
            Profile::Enterprise => "enterprise",
        }
    }

    /// Whether the deployment supports the command. The enterprise cloud answers `start_service`
    /// with success but does nothing ("先返回200 OK"), so it counts as unsupported here: a console
    /// must not offer it.
    pub fn supports(self, command: Command) -> bool {
        match self {
            Profile::Public => true,
            Profile::Enterprise => {
                !matches!(command, Command::StartService | Command::OverrideLayout)
            }
        }
    }

    /// Whether the deployment supports the participant command. The table leaves the enterprise
    /// cell of allow/denyrxpresentation empty: read as unsupported.
    pub fn supports_participant(self, command: ParticipantCommand) -> bool {
        use ParticipantCommand::*;
        match self {
            Profile::Public => true,
            Profile::Enterprise => !matches!(
                command,
                SpotlightOn
                    | SpotlightOff
                    | Unlock
                    | Role
                    | Transfer
                    | AllowRxPresentation
                    | DenyRxPresentation
            ),
        }
    }

    /// The protocols `dial` can call out with. The enterprise cloud's note in the document's
    /// table: "视通目前可以呼叫H323和sip" — it calls H.323 and SIP only.
    pub fn dial_protocols(self) -> &'static [&'static str] {
        match self {
            Profile::Public => &crate::request::DIAL_PROTOCOLS,
            Profile::Enterprise => &["sip", "h323"],
        }
    }

    /// Whether the deployment sends the event of that name.
    pub fn sends_event(self, name: &str) -> bool {
        match self {
            Profile::Public => true,
            Profile::Enterprise => !matches!(name, "participant_create" | "presentation_frame"),
        }
    }
}
