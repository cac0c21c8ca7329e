//! The simulator's authorisation, as docs/api-notes.md ("Roles") fixes it, for every command:
//! no token, an unknown, expired, released or other room's token -> 403 "Invalid token"; a
//! guest's token on a host-only command -> 403 "Not permitted"; a host's token is never
//! refused. new_session is outside the matrix: it takes a PIN, not a token. The table is
//! printed as the test's figures.

mod common;

use common::*;
use huikong_protocol::{Command, ParticipantCommand, Profile};
use huikong_sim::Config;
use serde_json::{json, Value};
use std::time::Duration;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    NoToken,
    Unknown,
    Expired,
    Released,
    OtherRoom,
    Guest,
    Host,
}

const COLUMNS: [(Who, &str); 7] = [
    (Who::NoToken, "none"),
    (Who::Unknown, "unknown"),
    (Who::Expired, "expired"),
    (Who::Released, "released"),
    (Who::OtherRoom, "other room"),
    (Who::Guest, "guest"),
    (Who::Host, "host"),
];

/// One row: a conference or a participant command.
#[derive(Clone, Copy)]
enum Row {
    Conference(Command),
    Participant(ParticipantCommand),
}

impl Row {
    fn name(self) -> String {
        match self {
            Row::Conference(c) => c.path().to_owned(),
            Row::Participant(c) => format!("participants/*/{}", c.path()),
        }
    }

    fn host_only(self) -> bool {
        match self {
            Row::Conference(c) => c.is_host_only(),
            Row::Participant(c) => c.is_host_only(),
        }
    }

    fn is_get(self) -> bool {
        matches!(self, Row::Conference(c) if c.is_get())
    }

    fn path(self, target: &str) -> String {
        match self {
            Row::Conference(c) => c.path().to_owned(),
            Row::Participant(c) => format!("participants/{target}/{}", c.path()),
        }
    }

    /// A body that fits, so that an allowed call does its work.
    fn body(self) -> Value {
        use ParticipantCommand as P;
        match self {
            Row::Conference(Command::Dial) => {
                json!({ "role": "guest", "destination": "sip:m@example.com", "protocol": "sip" })
            }
            Row::Conference(Command::Message) => json!({ "type": "text/plain", "payload": "hi" }),
            Row::Conference(Command::OverrideLayout) => json!({ "layouts": [
                { "audience": "", "actors": [], "vad_backfill": true, "layout": "1:0",
                  "plus_n": "auto", "actors_overlay_text": "auto" }
            ]}),
            Row::Participant(P::Dtmf) => json!({ "digits": "12#" }),
            Row::Participant(P::Calls) => json!({ "call_type": "RTMP", "streaming": true }),
            Row::Participant(P::Role) => json!({ "role": "chair" }),
            Row::Participant(P::Transfer) => {
                json!({ "role": "guest", "conference_alias": TRAINING })
            }
            _ => json!({}),
        }
    }
}

fn rows() -> Vec<Row> {
    let conference = Command::ALL
        .into_iter()
        .filter(|c| *c != Command::NewSession)
        .map(Row::Conference);
    conference
        .chain(ParticipantCommand::ALL.into_iter().map(Row::Participant))
        .collect()
}

/// Calls a row with a token (or none): the status and the failure reason, if any.
async fn call(sim: &Sim, row: Row, target: &str, token: Option<&str>) -> (u16, Option<String>) {
    let url = sim.url(DEMO, &row.path(target));
    let mut req = if row.is_get() {
        sim.http.get(url)
    } else {
        sim.http.post(url).json(&row.body())
    };
    if let Some(t) = token {
        req = req.header("token", t);
    }
    let res = req.send().await.expect("the simulator answers");
    let status = res.status().as_u16();
    if status == 200 {
        // An accepted `events` is an endless stream: the status says enough.
        return (status, None);
    }
    let body: Value = res.json().await.unwrap_or(Value::Null);
    (status, body["result"].as_str().map(str::to_owned))
}

fn cell(status: u16, reason: &Option<String>) -> String {
    match (status, reason.as_deref()) {
        (403, Some("Invalid token")) => "403 IT".into(),
        (403, Some("Not permitted")) => "403 NP".into(),
        (s, _) => s.to_string(),
    }
}

async fn matrix(profile: Profile) {
    let sim = start(profile).await;
    // Tokens that expire and are never swept: expired, but not released.
    let expiring = start_with(Config {
        token_ttl: 1,
        sweep_interval: Duration::from_secs(3600),
        ..Config::for_tests(profile)
    })
    .await;
    let expired = expiring.host().await;
    let issued = tokio::time::Instant::now();
    let released = sim.host().await;
    assert_eq!(
        sim.cmd(&released, "end_session", json!({})).await.status,
        200
    );
    let other_room = sim
        .session(TRAINING, Some(TRAINING_HOST_PIN), "邻室主持")
        .await;
    // The token's second of life began before `issued`: past this it has surely expired.
    tokio::time::sleep_until(issued + Duration::from_millis(1050)).await;

    let mut table = vec![format!(
        "{:<34}{}",
        format!("authorisation ({})", profile.as_str()),
        COLUMNS.map(|(_, n)| format!("{n:>11}")).concat()
    )];
    for row in rows() {
        // Fresh sessions and a fresh target per row: the host's own call may end them.
        let host = sim.host().await;
        let guest = sim.guest("访客").await;
        let target = sim.dial(&host, "sip:target@example.com", "guest").await;
        let mut line = format!("{:<34}", row.name());
        for (who, _) in COLUMNS {
            let (status, reason) = match who {
                Who::NoToken => call(&sim, row, &target, None).await,
                Who::Unknown => call(&sim, row, &target, Some("0123456789abcdef")).await,
                Who::Expired => call(&expiring, row, &target, Some(&expired.token)).await,
                Who::Released => call(&sim, row, &target, Some(&released.token)).await,
                Who::OtherRoom => call(&sim, row, &target, Some(&other_room.token)).await,
                Who::Guest => call(&sim, row, &target, Some(&guest.token)).await,
                Who::Host => call(&sim, row, &target, Some(&host.token)).await,
            };
            let what = format!("{} as {who:?}: {status} {reason:?}", row.name());
            match who {
                Who::Guest if row.host_only() => {
                    assert_eq!(
                        (status, reason.as_deref()),
                        (403, Some("Not permitted")),
                        "{what}"
                    )
                }
                Who::Guest | Who::Host => assert_ne!(status, 403, "{what}"),
                _ => assert_eq!(
                    (status, reason.as_deref()),
                    (403, Some("Invalid token")),
                    "{what}"
                ),
            }
            line.push_str(&format!("{:>11}", cell(status, &reason)));
        }
        table.push(line);
    }
    table.push(
        "IT = \"Invalid token\", NP = \"Not permitted\"; new_session takes a PIN, not a token"
            .into(),
    );
    println!("{}", table.join("\n"));
}

#[tokio::test]
async fn every_command_answers_each_caller_as_the_notes_say_on_the_public_cloud() {
    matrix(Profile::Public).await;
}

#[tokio::test]
async fn every_command_answers_each_caller_as_the_notes_say_on_the_enterprise_cloud() {
    matrix(Profile::Enterprise).await;
}
