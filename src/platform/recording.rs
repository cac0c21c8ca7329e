//! Every command the client sends, recorded with its outcome in the meeting record: what the
//! timeline shows and the attendance's "removed by this console" is read from.

use super::client::{Api, ApiError};
use crate::state::record::{body_detail, failure_reason, Reason};
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
