//! Alerts and the recently-left list.

mod record_util;

use huikong_protocol::record::{
    AlertKind, CommandRecord, LeaveReason, Outcome, Record, RECENTLY_LEFT_SECS,
};
use huikong_protocol::{Command, Event, PresentationStart, ServiceType};
use record_util::*;

fn kinds(alerts: Vec<huikong_protocol::record::Alert>) -> Vec<AlertKind> {
    alerts.into_iter().map(|a| a.kind).collect()
}

#[test]
fn each_alert_kind_is_raised_by_its_event() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    assert_eq!(
        kinds(r.event(T0 + 1.0, &create(&waiting("w", "Wang")))),
        [AlertKind::WaitingRoom]
    );
    let start = Event::PresentationStart(PresentationStart {
        presenter_name: "Alice".into(),
        presenter_uri: "sip:alice@x".into(),
    });
    assert_eq!(kinds(r.event(T0 + 2.0, &start)), [AlertKind::Presenting]);
    assert_eq!(kinds(r.stream_lost(T0 + 3.0)), [AlertKind::StreamLost]);
    assert_eq!(kinds(r.stream_lost(T0 + 3.5)), [], "one loss, one alert");
    let failed = r.command(CommandRecord::room(
        T0 + 4.0,
        Command::Lock,
        "",
        Outcome::Failed("Service unavailable".into()),
    ));
    assert_eq!(failed[0].kind, AlertKind::CommandFailed);
    assert_eq!(failed[0].subject, "lock");
    assert_eq!(failed[0].detail, "Service unavailable");
    assert_eq!(r.alerts().unseen(), 4);
    r.alerts_seen();
    assert_eq!(r.alerts().unseen(), 0);
    assert_eq!(r.alerts().last().unwrap().kind, AlertKind::CommandFailed);
}

#[test]
fn quiet_events_raise_nothing() {
    let mut r = joined(&[]);
    let mut a = person("a", "Alice", "sip:alice@x");
    assert!(r.event(T0, &create(&a)).is_empty());
    a.is_muted = true;
    assert!(r.event(T0, &Event::ParticipantUpdate(a)).is_empty());
    assert!(r.event(T0, &delete("a")).is_empty());
    assert!(r
        .command(CommandRecord::room(T0, Command::Lock, "", Outcome::Done))
        .is_empty());
}

#[test]
fn moving_to_the_waiting_room_alerts_staying_there_does_not() {
    let mut r = joined(&[]);
    let mut a = person("a", "Alice", "sip:alice@x");
    r.event(T0, &create(&a));
    a.service_type = ServiceType::WaitingRoom;
    assert_eq!(
        kinds(r.event(T0 + 1.0, &Event::ParticipantUpdate(a.clone()))),
        [AlertKind::WaitingRoom]
    );
    a.is_muted = true;
    assert!(r.event(T0 + 2.0, &Event::ParticipantUpdate(a)).is_empty());
    // A resync restating the one waiting raises nothing new.
    r.stream_lost(T0 + 3.0);
    let mut again = person("a", "Alice", "sip:alice@x");
    again.service_type = ServiceType::WaitingRoom;
    r.event(T0 + 4.0, &Event::ParticipantSyncBegin);
    r.event(T0 + 4.0, &create(&again));
    assert!(r.event(T0 + 4.0, &Event::ParticipantSyncEnd).is_empty());
}

#[test]
fn recently_left_keeps_thirty_minutes_newest_first_with_the_reason() {
    let mut r = joined(&[
        person("a", "Alice", "sip:alice@x"),
        person("b", "Bob", "sip:bob@x"),
    ]);
    r.event(T0 + 10.0, &delete("a"));
    r.event(T0 + 20.0, &delete("b"));
    let names = |r: &Record, now: f64| -> Vec<String> {
        r.recently_left(now)
            .map(|d| d.participant.display_name.clone())
            .collect()
    };
    assert_eq!(names(&r, T0 + 30.0), ["Bob", "Alice"]);
    assert_eq!(names(&r, T0 + 15.0 + RECENTLY_LEFT_SECS), ["Bob"]);
    assert!(names(&r, T0 + 25.0 + RECENTLY_LEFT_SECS).is_empty());
    let bob = r.recently_left(T0 + 30.0).next().unwrap();
    assert_eq!(bob.reason, LeaveReason::Left);
    assert_eq!(bob.dial_back(), Some(("sip:bob@x", "sip")));
}

#[test]
fn someone_back_again_is_no_longer_recently_left() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    r.event(T0 + 10.0, &delete("a"));
    r.event(T0 + 20.0, &create(&person("a2", "Alice", "sip:alice@x")));
    assert_eq!(r.recently_left(T0 + 30.0).count(), 0);
}

#[test]
fn no_address_no_dial_back() {
    let mut r = joined(&[person("a", "Alice", "")]);
    r.event(T0 + 10.0, &delete("a"));
    assert_eq!(r.recently_left(T0 + 11.0).next().unwrap().dial_back(), None);
}

#[test]
fn a_venue_dropping_being_redialled_or_given_up_alerts_a_call_is_only_recorded() {
    use huikong_protocol::record::{CallResult, Kind, VenueEvent, What};
    let mut r = joined(&[]);
    let called = VenueEvent::Called {
        call: CallResult::Refused,
    };
    assert!(r.venue(T0, "二分会场", None, called.clone()).is_empty());
    let dropped = VenueEvent::Dropped {
        reason: Some("Call disconnected".into()),
    };
    let redial = VenueEvent::RedialTry { attempt: 1, of: 3 };
    let gave_up = VenueEvent::GaveUp { tries: 3 };
    for (i, e) in [dropped, redial, gave_up].into_iter().enumerate() {
        let a = r.venue(T0 + i as f64, "二分会场", Some("u2".into()), e.clone());
        assert_eq!(kinds(a.clone()), [AlertKind::Venue]);
        assert_eq!(
            (a[0].subject.as_str(), a[0].detail.as_str()),
            ("二分会场", e.code())
        );
        assert_eq!(a[0].venue.as_ref(), Some(&e));
    }
    let venue_entries: Vec<_> = r
        .timeline()
        .entries()
        .filter(|e| e.kind() == Kind::Venue)
        .collect();
    assert_eq!(venue_entries.len(), 4);
    assert_eq!(venue_entries[0].what, What::Venue(called));
    assert_eq!(venue_entries[3].uuid.as_deref(), Some("u2"));
    let json = serde_json::to_string(venue_entries[3]).unwrap();
    assert!(
        json.contains(r#""what":"venue""#) && json.contains(r#""venue_event":"gave_up""#),
        "{json}"
    );
}
