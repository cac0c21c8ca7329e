//! The record's entries and reasons in the page's language.

use crate::i18n::{role_text, Tr};
use crate::venues::call::outcome_text;
use huikong_core::picture::PictureText;
use huikong_core::record_texts::RecordText;
use huikong_core::venues::VenueText;
use huikong_protocol::record::RotationStop;
use huikong_protocol::record::{Entry, Kind, LeaveReason, Outcome, VenueEvent, What};

/// A kind's name in the page's language (tracked).
pub fn kind_label(tr: Tr, k: Kind) -> &'static str {
    let t = match k {
        Kind::Join => RecordText::RecKindJoin,
        Kind::Leave => RecordText::RecKindLeave,
        Kind::WaitingRoom => RecordText::RecKindWaiting,
        Kind::Role => RecordText::RecKindRole,
        Kind::Service => RecordText::RecKindService,
        Kind::Presentation => RecordText::RecKindPresentation,
        Kind::Layout => RecordText::RecKindLayout,
        Kind::Stream => RecordText::RecKindStream,
        Kind::Command => RecordText::RecKindCommand,
        // The venue list's words are in its own table.
        Kind::Venue => return tr.t(VenueText::VenueKindRecord),
        Kind::Summary => RecordText::RecKindSummary,
    };
    tr.t(t)
}

/// Why someone left, as a clause after their name.
pub fn leave_text(tr: Tr, name: &str, reason: &LeaveReason) -> String {
    match reason {
        LeaveReason::Left => tr.fmt(RecordText::RecLeft, &[("name", name)]),
        LeaveReason::RemovedByConsole => tr.fmt(RecordText::RecRemoved, &[("name", name)]),
        LeaveReason::DuringStreamLoss => tr.fmt(RecordText::RecLeftDuringLoss, &[("name", name)]),
        LeaveReason::CallDisconnected(r) => {
            tr.fmt(RecordText::RecLeftCall, &[("name", name), ("reason", r)])
        }
    }
}

/// One entry as a sentence.
pub fn entry_text(tr: Tr, e: &Entry) -> String {
    let name = e.name.as_str();
    let with_name = |t: RecordText| tr.fmt(t, &[("name", name)]);
    match &e.what {
        What::Joined { present: true, .. } => with_name(RecordText::RecPresent),
        What::Joined { rejoin: true, .. } => with_name(RecordText::RecRejoined),
        What::Joined { .. } => with_name(RecordText::RecJoined),
        What::Left { reason } => leave_text(tr, name, reason),
        What::EnteredWaitingRoom => with_name(RecordText::RecWaiting),
        What::Admitted => with_name(RecordText::RecAdmitted),
        What::RoleChanged { role } => tr.fmt(
            RecordText::RecRole,
            &[("name", name), ("role", tr.t(role_text(*role)))],
        ),
        What::Locked { locked: true } => tr.t(RecordText::RecLocked).to_owned(),
        What::Locked { locked: false } => tr.t(RecordText::RecUnlocked).to_owned(),
        What::GuestsMuted { muted: true } => tr.t(RecordText::RecGuestsMuted).to_owned(),
        What::GuestsMuted { muted: false } => tr.t(RecordText::RecGuestsUnmuted).to_owned(),
        What::Started => tr.t(RecordText::RecStarted).to_owned(),
        What::PresentationStarted { presenter } => {
            tr.fmt(RecordText::RecPresenting, &[("name", presenter)])
        }
        What::PresentationStopped { revoked: true } => tr.t(RecordText::RecRevoked).to_owned(),
        What::PresentationStopped { revoked: false } => tr.t(RecordText::RecStopped).to_owned(),
        What::LayoutChanged { view } => tr.fmt(RecordText::RecLayout, &[("view", view)]),
        What::CallEnded { call_uuid, reason } => tr.fmt(
            RecordText::RecCallEnded,
            &[("call", call_uuid), ("reason", reason)],
        ),
        What::StreamLost => tr.t(RecordText::RecStreamLost).to_owned(),
        What::Resynced { joined, left, gap } => tr.fmt(
            RecordText::RecResynced,
            &[
                ("gap", &format!("{gap:.1}")),
                ("joined", &joined.to_string()),
                ("left", &left.to_string()),
            ],
        ),
        What::Ended { reason } => tr.fmt(RecordText::RecEnded, &[("reason", reason)]),
        What::Command(c) => {
            let targets: Vec<&str> = c.targets.iter().map(|(_, n)| n.as_str()).collect();
            let mut what = c.command.clone();
            if !c.detail.is_empty() {
                what = format!("{what} {}", c.detail);
            }
            if !targets.is_empty() {
                what = format!("{what} → {}", targets.join(", "));
            }
            match &c.outcome {
                Outcome::Done => tr.fmt(RecordText::RecCommandDone, &[("command", &what)]),
                Outcome::Failed(r) => tr.fmt(
                    RecordText::RecCommandFailed,
                    &[("command", &what), ("reason", r)],
                ),
            }
        }
        What::Venue(v) => venue_text(tr, name, v),
        What::Summary(s) => {
            let counts: Vec<String> = s
                .by_kind
                .iter()
                .map(|(k, n)| format!("{} {n}", kind_label(tr, *k)))
                .collect();
            tr.fmt(
                RecordText::RecSummary,
                &[("n", &s.count.to_string()), ("counts", &counts.join(", "))],
            )
        }
    }
}

/// What happened to a venue, as a sentence (also an alert's).
pub fn venue_text(tr: Tr, name: &str, v: &VenueEvent) -> String {
    match v {
        VenueEvent::Called { call } => tr.fmt(
            VenueText::VenueRecordCall,
            &[("name", name), ("result", &outcome_text(tr, call))],
        ),
        VenueEvent::Dropped { reason: None } => {
            tr.fmt(VenueText::VenueRecDropped, &[("name", name)])
        }
        VenueEvent::Dropped { reason: Some(r) } => tr.fmt(
            VenueText::VenueRecDroppedWhy,
            &[("name", name), ("reason", r)],
        ),
        VenueEvent::RedialTry { attempt, of } => tr.fmt(
            VenueText::VenueRecRedial,
            &[
                ("name", name),
                ("n", &attempt.to_string()),
                ("of", &of.to_string()),
            ],
        ),
        VenueEvent::GaveUp { tries } => tr.fmt(
            VenueText::RedialGaveUp,
            &[("name", name), ("n", &tries.to_string())],
        ),
        VenueEvent::RotationStopped { why } => tr
            .t(match why {
                RotationStop::LayoutChanged => PictureText::RotationStoppedLayout,
                RotationStop::SessionLost => PictureText::RotationStoppedSession,
            })
            .to_owned(),
    }
}

/// `H:MM:SS` of a duration in seconds.
pub fn duration(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}
