//! Attendance: sessions, rejoins, waiting time, and resyncs that invent nothing.

mod record_util;

use huikong_protocol::record::{LeaveReason, Record, What};
use huikong_protocol::{Event, Role, ServiceType};
use record_util::*;

fn person_named<'a>(r: &'a Record, name: &str) -> &'a huikong_protocol::record::Person {
    r.attendance()
        .iter()
        .find(|p| p.display_name == name)
        .unwrap_or_else(|| panic!("{name} not in the attendance"))
}

#[test]
fn a_join_and_a_leave_make_one_session_with_its_duration() {
    let mut r = joined(&[]);
    r.event(T0 + 10.0, &create(&person("a", "Alice", "sip:alice@x")));
    r.event(T0 + 70.5, &delete("a"));
    let a = person_named(&r, "Alice");
    assert_eq!(a.sessions.len(), 1);
    assert_eq!(a.first_join(), T0 + 10.0);
    assert_eq!(a.last_leave(), Some(T0 + 70.5));
    assert_eq!(a.total(T0 + 1000.0), 60.5);
    assert!(!a.reconnected());
    assert!(!a.present());
}

#[test]
fn an_open_session_counts_to_now() {
    let mut r = joined(&[]);
    r.event(T0 + 5.0, &create(&person("a", "Alice", "sip:alice@x")));
    let a = person_named(&r, "Alice");
    assert!(a.present());
    assert_eq!(a.last_leave(), None);
    assert_eq!(a.total(T0 + 65.0), 60.0);
}

#[test]
fn those_present_at_the_console_join_start_at_their_platform_start_time() {
    let mut early = person("a", "Alice", "sip:alice@x");
    early.start_time = T0 - 300.0;
    let mut unknown = person("b", "Bob", "sip:bob@x");
    unknown.start_time = 0.0;
    let r = joined(&[early, unknown]);
    assert_eq!(person_named(&r, "Alice").first_join(), T0 - 300.0);
    assert_eq!(person_named(&r, "Bob").first_join(), T0);
    assert_eq!(r.began(), Some(T0));
    let present = r
        .timeline()
        .entries()
        .filter(|e| matches!(e.what, What::Joined { present: true, .. }))
        .count();
    assert_eq!(present, 2);
    assert!(
        r.timeline().entries().all(|e| e.at == T0),
        "the timeline says when the console saw them"
    );
}

#[test]
fn a_rejoin_of_the_same_name_and_address_is_one_person_with_two_sessions() {
    let mut r = joined(&[]);
    r.event(T0, &create(&person("a1", "Alice", "sip:alice@x")));
    r.event(T0 + 30.0, &delete("a1"));
    // Same person, new call: case and spacing differ, the uuid is new.
    r.event(T0 + 40.0, &create(&person("a2", " alice ", "SIP:Alice@x")));
    r.event(T0 + 100.0, &delete("a2"));
    assert_eq!(r.attendance().len(), 1);
    let a = &r.attendance()[0];
    assert_eq!(a.sessions.len(), 2);
    assert!(a.reconnected());
    assert_eq!(a.total(T0 + 500.0), 90.0);
    assert_eq!(a.first_join(), T0);
    assert_eq!(a.last_leave(), Some(T0 + 100.0));
    let rejoins: Vec<bool> = r
        .timeline()
        .entries()
        .filter_map(|e| match e.what {
            What::Joined { rejoin, .. } => Some(rejoin),
            _ => None,
        })
        .collect();
    assert_eq!(rejoins, [false, true]);
}

#[test]
fn a_same_name_at_another_address_is_another_person() {
    let mut r = joined(&[]);
    r.event(T0, &create(&person("a", "Alice", "sip:alice@x")));
    r.event(T0, &create(&person("b", "Alice", "sip:alice@y")));
    assert_eq!(r.attendance().len(), 2);
}

#[test]
fn waiting_room_time_is_counted_apart_from_meeting_time() {
    let mut r = joined(&[]);
    let mut w = waiting("w", "Wang");
    r.event(T0, &create(&w));
    w.service_type = ServiceType::Conference;
    r.event(T0 + 45.0, &Event::ParticipantUpdate(w.clone()));
    r.event(T0 + 145.0, &delete("w"));
    let p = person_named(&r, "Wang");
    assert_eq!(p.waiting(T0 + 999.0), 45.0);
    assert_eq!(p.total(T0 + 999.0), 100.0);
    assert!(r
        .timeline()
        .entries()
        .any(|e| e.what == What::Admitted && e.name == "Wang"));
}

#[test]
fn a_waiting_participant_still_waiting_counts_to_now() {
    let mut r = joined(&[]);
    r.event(T0, &create(&waiting("w", "Wang")));
    let p = person_named(&r, "Wang");
    assert_eq!(p.waiting(T0 + 20.0), 20.0);
    assert_eq!(p.total(T0 + 20.0), 0.0);
}

#[test]
fn role_and_protocol_are_as_last_seen_and_a_role_change_is_on_the_timeline() {
    let mut r = joined(&[]);
    let mut a = person("a", "Alice", "sip:alice@x");
    r.event(T0, &create(&a));
    a.role = Role::Host;
    a.protocol = "webrtc".into();
    r.event(T0 + 1.0, &Event::ParticipantUpdate(a.clone()));
    let p = person_named(&r, "Alice");
    assert_eq!(p.role, Role::Host);
    assert_eq!(p.protocol, "webrtc");
    assert!(r
        .timeline()
        .entries()
        .any(|e| e.what == What::RoleChanged { role: Role::Host }));
}

#[test]
fn a_resync_invents_no_leaves_or_joins_for_those_present_throughout() {
    let a = person("a", "Alice", "sip:alice@x");
    let b = person("b", "Bob", "sip:bob@x");
    let c = person("c", "Chen", "sip:chen@x");
    let mut r = joined(&[a.clone(), b.clone()]);
    r.stream_lost(T0 + 100.0);
    // While the stream was down Bob left and Chen came.
    sync(&mut r, T0 + 103.0, &[a.clone(), c.clone()]);
    let alice = person_named(&r, "Alice");
    assert_eq!(alice.sessions.len(), 1, "Alice stayed: still one session");
    assert!(alice.present());
    let bob = person_named(&r, "Bob");
    assert_eq!(bob.last_leave(), Some(T0 + 100.0), "left at the loss");
    assert!(person_named(&r, "Chen").present());
    let resync = r
        .timeline()
        .entries()
        .find_map(|e| match &e.what {
            What::Resynced { joined, left, gap } => Some((*joined, *left, *gap)),
            _ => None,
        })
        .expect("a resync entry");
    assert_eq!(resync, (1, 1, 3.0));
    let leaves: Vec<_> = r
        .timeline()
        .entries()
        .filter_map(|e| match &e.what {
            What::Left { reason } => Some((e.name.as_str(), reason.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(leaves, [("Bob", LeaveReason::DuringStreamLoss)]);
}

#[test]
fn a_change_during_the_loss_is_a_change_not_a_rejoin() {
    let mut a = person("a", "Alice", "sip:alice@x");
    let mut r = joined(std::slice::from_ref(&a));
    r.stream_lost(T0 + 10.0);
    a.role = Role::Host;
    sync(&mut r, T0 + 12.0, std::slice::from_ref(&a));
    assert_eq!(person_named(&r, "Alice").sessions.len(), 1);
    assert_eq!(person_named(&r, "Alice").role, Role::Host);
    let joins = r
        .timeline()
        .entries()
        .filter(|e| matches!(e.what, What::Joined { .. }))
        .count();
    assert_eq!(joins, 1);
}

#[test]
fn the_record_clock_stops_when_the_platform_ends_the_session() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    r.event(
        T0 + 50.0,
        &Event::Disconnect {
            reason: "Conference ended".into(),
        },
    );
    assert_eq!(r.clock(T0 + 500.0), T0 + 50.0);
}
