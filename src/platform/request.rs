//! What the console asks the platform to do, as one value: the command service
//! (`src/command/service.rs`) makes it from an act and its policy, and the session sends it
//! with its client. No view holds the client.

use crate::platform::session::LiveSession;
use crate::platform::ApiError;
use huikong_core::picture::Shown;
use huikong_protocol::envelope::CommandOutcome;
use huikong_protocol::{
    Audience, CallsRequest, CallsResult, Command, DialRequest, DtmfRequest, MessageRequest,
    OverrideLayoutRequest, ParticipantCommand as PC, Role, RoleRequest, TransferRequest,
};
use leptos::prelude::Update;

/// One platform command with its body.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// A conference command without a body (lock, mute guests, start, end).
    Conference(Command),
    Layout(OverrideLayoutRequest),
    Dial(DialRequest),
    Message(MessageRequest),
    /// A participant command without a body (mute, spotlight, admit, disconnect…).
    Participant(String, PC),
    Role(String, Role),
    Transfer(String, TransferRequest),
    Dtmf(String, String),
    SubCall(String, CallsRequest),
}

/// What the platform answered that the console uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Done,
    /// The participants a dial created.
    Dialled(Vec<String>),
    SubCall(CallsResult),
}

impl LiveSession {
    /// Sends one request. Only the command service calls it (the architecture test keeps it
    /// so): every command then has its policy, its pending state, its result and its record.
    pub(crate) async fn send(&self, r: Request) -> Result<Reply, ApiError> {
        let api = &self.api;
        let done = |r: Result<(), ApiError>| r.map(|()| Reply::Done);
        match r {
            Request::Conference(c) => done(api.command(c).await),
            // The platform answers with the participant list; the layout itself arrives as a
            // `layout` event.
            Request::Layout(req) => {
                api.command_with::<_, serde_json::Value>(Command::OverrideLayout, &req)
                    .await?;
                self.last_layouts.try_update(|last| {
                    for l in &req.layouts {
                        let shown = Some(Shown {
                            view: l.layout.clone(),
                            actors: l.actors.clone(),
                            vad_backfill: l.vad_backfill || l.actors.is_empty(),
                        });
                        match l.audience {
                            Audience::Hosts => last.hosts = shown,
                            Audience::Guests => last.guests = shown,
                        }
                    }
                });
                Ok(Reply::Done)
            }
            Request::Dial(req) => api
                .command_with::<_, Vec<String>>(Command::Dial, &req)
                .await
                .map(Reply::Dialled),
            Request::Message(req) => api
                .command_with::<_, CommandOutcome>(Command::Message, &req)
                .await
                .and_then(|o| o.0.then_some(Reply::Done).ok_or(ApiError::Rejected)),
            Request::Participant(u, c) => done(api.participant(&u, c).await),
            Request::Role(u, role) => done(
                api.participant_bool(&u, PC::Role, &RoleRequest { role })
                    .await,
            ),
            Request::Transfer(u, body) => done(api.participant_bool(&u, PC::Transfer, &body).await),
            Request::Dtmf(u, digits) => done(
                api.participant_bool(&u, PC::Dtmf, &DtmfRequest { digits })
                    .await,
            ),
            Request::SubCall(u, body) => api
                .participant_with::<_, CallsResult>(&u, PC::Calls, &body)
                .await
                .map(Reply::SubCall),
        }
    }

    /// The current presentation frame as JPEG bytes, fetched with the token header.
    pub async fn presentation_jpeg(&self) -> Result<Vec<u8>, ApiError> {
        self.api.presentation_jpeg().await
    }
}
