//! Every command of the API by name, with its path and who may call it: the one list the
//! simulator routes by and the console builds its requests and offers its controls from.

/// Commands under `/api/services/{room}/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    NewSession,
    RefreshSession,
    EndSession,
    Dial,
    ServiceStatus,
    Lock,
    Unlock,
    StartService,
    MuteGuests,
    UnmuteGuests,
    Disconnect,
    Message,
    Participants,
    OverrideLayout,
    Events,
    PresentationJpeg,
}

impl Command {
    pub const ALL: [Command; 16] = [
        Command::NewSession,
        Command::RefreshSession,
        Command::EndSession,
        Command::Dial,
        Command::ServiceStatus,
        Command::Lock,
        Command::Unlock,
        Command::StartService,
        Command::MuteGuests,
        Command::UnmuteGuests,
        Command::Disconnect,
        Command::Message,
        Command::Participants,
        Command::OverrideLayout,
        Command::Events,
        Command::PresentationJpeg,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Command::NewSession => "new_session",
            Command::RefreshSession => "refresh_session",
            Command::EndSession => "end_session",
            Command::Dial => "dial",
            Command::ServiceStatus => "service_status",
            Command::Lock => "lock",
            Command::Unlock => "unlock",
            Command::StartService => "start_service",
            Command::MuteGuests => "muteguests",
            Command::UnmuteGuests => "unmuteguests",
            Command::Disconnect => "disconnect",
            Command::Message => "message",
            Command::Participants => "participants",
            Command::OverrideLayout => "override_layout",
            Command::Events => "events",
            Command::PresentationJpeg => "presentation.jpeg",
        }
    }

    pub fn from_path(path: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.path() == path)
    }

    pub fn is_get(self) -> bool {
        matches!(
            self,
            Command::ServiceStatus
                | Command::Participants
                | Command::Events
                | Command::PresentationJpeg
        )
    }

    /// Commands the document reserves for hosts ("只有会议主持人才能使用", "由主持人用于...").
    pub fn is_host_only(self) -> bool {
        matches!(
            self,
            Command::Dial
                | Command::Lock
                | Command::Unlock
                | Command::StartService
                | Command::MuteGuests
                | Command::UnmuteGuests
                | Command::Disconnect
                | Command::OverrideLayout
        )
    }
}

/// Commands under `/api/services/{room}/participants/{uuid}/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParticipantCommand {
    Disconnect,
    Mute,
    Unmute,
    AllowRxPresentation,
    DenyRxPresentation,
    SpotlightOn,
    SpotlightOff,
    Unlock,
    Dtmf,
    Calls,
    Role,
    Transfer,
}

impl ParticipantCommand {
    pub const ALL: [ParticipantCommand; 12] = [
        ParticipantCommand::Disconnect,
        ParticipantCommand::Mute,
        ParticipantCommand::Unmute,
        ParticipantCommand::AllowRxPresentation,
        ParticipantCommand::DenyRxPresentation,
        ParticipantCommand::SpotlightOn,
        ParticipantCommand::SpotlightOff,
        ParticipantCommand::Unlock,
        ParticipantCommand::Dtmf,
        ParticipantCommand::Calls,
        ParticipantCommand::Role,
        ParticipantCommand::Transfer,
    ];

    pub fn path(self) -> &'static str {
        match self {
            ParticipantCommand::Disconnect => "disconnect",
            ParticipantCommand::Mute => "mute",
            ParticipantCommand::Unmute => "unmute",
            ParticipantCommand::AllowRxPresentation => "allowrxpresentation",
            ParticipantCommand::DenyRxPresentation => "denyrxpresentation",
            ParticipantCommand::SpotlightOn => "spotlighton",
            ParticipantCommand::SpotlightOff => "spotlightoff",
            ParticipantCommand::Unlock => "unlock",
            ParticipantCommand::Dtmf => "dtmf",
            ParticipantCommand::Calls => "calls",
            ParticipantCommand::Role => "role",
            ParticipantCommand::Transfer => "transfer",
        }
    }

    pub fn from_path(path: &str) -> Option<ParticipantCommand> {
        ParticipantCommand::ALL
            .into_iter()
            .find(|c| c.path() == path)
    }

    /// Every participant command is the host's ("该命令由主持人用于...").
    pub fn is_host_only(self) -> bool {
        true
    }
}
