//! Every command the client sends, recorded with its outcome in the meeting record: what the
//! timeline shows and the attendance's "removed by this console" is read from; and what the
//! venue list saw of the calls it placed, which only the console knows.

use super::client::{Api, ApiError};
use super::session::LiveSession;
use crate::state::record::{body_detail, failure_reason, Reason};
use huikong_protocol::record::VenueEvent;
use huikong_protocol::{Command, ParticipantCommand};
use serde::Serialize;

impl Reason for ApiError {
    fn reason(&self) -> String {
        match self {
            ApiError::Network(e) => e.clone(),
            ApiError::Api(f) => failure_reason(f),
            ApiError::Rejected => "false".into(),
        }
    }
}

fn detail(body: &impl Serialize) -> String {
    serde_json::to_value(body)
        .map(|v| body_detail(&v))
        .unwrap_or_default()
}

impl Api {
    pub(super) fn note_room<T>(&self, c: Command, body: &impl Serialize, r: &Result<T, ApiError>) {
        if let Some(w) = self.recorder() {
            w.room_command(c, &detail(body), r);
        }
    }

    /// Before a participant command is sent: a disconnect or transfer is noted at once, since
    /// the platform's delete may arrive before its answer.
    pub(super) fn note_sending(&self, uuid: &str, c: ParticipantCommand) {
        if matches!(
            c,
            ParticipantCommand::Disconnect | ParticipantCommand::Transfer
        ) {
            if let Some(w) = self.recorder() {
                w.removing(uuid);
            }
        }
    }

    pub(super) fn note_participant<T>(
        &self,
        uuid: &str,
        c: ParticipantCommand,
        body: &impl Serialize,
        r: &Result<T, ApiError>,
    ) {
        if let Some(w) = self.recorder() {
            w.participant_command(uuid, c, &detail(body), r);
        }
    }
}

impl LiveSession {
    /// Records what happened to the venue `name` (its participant `uuid`, when it has one); the
    /// command service's one caller is the venue list.
    pub(crate) fn record_venue(&self, name: &str, uuid: Option<String>, event: VenueEvent) {
        if let Some(w) = self.api.recorder() {
            w.venue(name, uuid, event);
        }
    }
}
