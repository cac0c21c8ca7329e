//! The record's entries and reasons in the page's language.

use crate::i18n::{role_text, Text, Tr};
use crate::venues::call::outcome_text;
use huikong_core::venues::VenueText;
use huikong_protocol::record::{Entry, Kind, LeaveReason, Outcome, VenueEvent, What};

/// A kind's name in the page's language (tracked).
pub fn kind_label(tr: Tr, k: Kind) -> &'static str {
    let t = match k {
        Kind::Join => Text::RecKindJoin,
        Kind::Leave => Text::RecKindLeave,
        Kind::WaitingRoom => Text::RecKindWaiting,
        Kind::Role => Text::RecKindRole,
        Kind::Service => Text::RecKindService,
        Kind::Presentation => Text::RecKindPresentation,
        Kind::Layout => Text::RecKindLayout,
        Kind::Stream => Text::RecKindStream,
        Kind::Command => Text::RecKindCommand,
        // The venue list's words are in its own table.
        Kind::Venue => return tr.t(VenueText::VenueKindRecord),
        Kind::Summary => Text::RecKindSummary,
    };
    tr.t(t)
}

/// Why someone left, as a clause after their name.
pub fn leave_text(tr: Tr, name: &str, reason: &LeaveReason) -> String {
    match reason {
        LeaveReason::Left => tr.fmt(Text::RecLeft, &[("name", name)]),
        LeaveReason::RemovedByConsole => tr.fmt(Text::RecRemoved, &[("name", name)]),
        LeaveReason::DuringStreamLoss => tr.fmt(Text::RecLeftDuringLoss, &[("name", name)]),
        LeaveReason::CallDisconnected(r) => {
            tr.fmt(Text::RecLeftCall, &[("name", name), ("reason", r)])
        }
    }
}

/// One entry as a sentence.
pub fn entry_text(tr: Tr, e: &Entry) -> String {
    let name = e.name.as_str();
    let with_name = |t: Text| tr.fmt(t, &[("name", name)]);
    match &e.what {
        What::Joined { present: true, .. } => with_name(Text::RecPresent),
        What::Joined { rejoin: true, .. } => with_name(Text::RecRejoined),
        What::Joined { .. } => with_name(Text::RecJoined),
        What::Left { reason } => leave_text(tr, name, reason),
        What::EnteredWaitingRoom => with_name(Text::RecWaiting),
        What::Admitted => with_name(Text::RecAdmitted),
        What::RoleChanged { role } => tr.fmt(
            Text::RecRole,
            &[("name", name), ("role", tr.t(role_text(*role)))],
        ),
        What::Locked { locked: true } => tr.t(Text::RecLocked).to_owned(),
        What::Locked { locked: false } => tr.t(Text::RecUnlocked).to_owned(),
        What::GuestsMuted { muted: true } => tr.t(Text::RecGuestsMuted).to_owned(),
        What::GuestsMuted { muted: false } => tr.t(Text::RecGuestsUnmuted).to_owned(),
        What::Started => tr.t(Text::RecStarted).to_owned(),
        What::PresentationStarted { presenter } => {
            tr.fmt(Text::RecPresenting, &[("name", presenter)])
        }
        What::PresentationStopped { revoked: true } => tr.t(Text::RecRevoked).to_owned(),
        What::PresentationStopped { revoked: false } => tr.t(Text::RecStopped).to_owned(),
        What::LayoutChanged { view } => tr.fmt(Text::RecLayout, &[("view", view)]),
        What::CallEnded { call_uuid, reason } => tr.fmt(
            Text::RecCallEnded,
            &[("call", call_uuid), ("reason", reason)],
        ),
        What::StreamLost => tr.t(Text::RecStreamLost).to_owned(),
        What::Resynced { joined, left, gap } => tr.fmt(
            Text::RecResynced,
            &[
                ("gap", &format!("{gap:.1}")),
                ("joined", &joined.to_string()),
                ("left", &left.to_string()),
            ],
        ),
        What::Ended { reason } => tr.fmt(Text::RecEnded, &[("reason", reason)]),
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
                Outcome::Done => tr.fmt(Text::RecCommandDone, &[("command", &what)]),
                Outcome::Failed(r) => {
                    tr.fmt(Text::RecCommandFailed, &[("command", &what), ("reason", r)])
                }
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
                Text::RecSummary,
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
    }
}

/// `H:MM:SS` of a duration in seconds.
pub fn duration(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}
