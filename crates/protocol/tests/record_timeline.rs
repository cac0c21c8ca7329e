//! The timeline: commands with their outcome, leave reasons, filters, and the bound.

mod record_util;

use huikong_protocol::record::{CommandRecord, Filter, Kind, LeaveReason, Outcome, Record, What};
use huikong_protocol::{
    Command, Event, LayoutView, ParticipantCommand, PresentationStart, ServiceUpdate,
};
use record_util::*;

fn kinds(r: &Record) -> Vec<Kind> {
    r.timeline().entries().map(|e| e.kind()).collect()
}

#[test]
fn a_failed_command_is_recorded_with_its_reason_and_target() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    r.command(CommandRecord::participant(
        T0 + 1.0,
        ParticipantCommand::Mute,
        vec![("a".into(), String::new())],
        "",
        Outcome::Failed("Participant not found".into()),
    ));
    let e = r.timeline().entries().last().unwrap();
    assert_eq!(e.kind(), Kind::Command);
    assert_eq!(e.uuid.as_deref(), Some("a"));
    assert_eq!(
        e.name, "Alice",
        "the target's name filled in from the meeting"
    );
    let What::Command(c) = &e.what else {
        panic!("not a command: {e:?}")
    };
    assert_eq!(c.command, "participants/mute");
    assert_eq!(c.outcome, Outcome::Failed("Participant not found".into()));
}

#[test]
fn dtmf_digits_are_never_recorded() {
    let c = CommandRecord::participant(
        T0,
        ParticipantCommand::Dtmf,
        vec![("a".into(), "Alice".into())],
        "123456#",
        Outcome::Done,
    );
    assert_eq!(c.detail, "");
}

#[test]
fn a_leave_after_this_consoles_disconnect_says_who_removed_them() {
    let mut r = joined(&[
        person("a", "Alice", "sip:alice@x"),
        person("b", "Bob", "sip:bob@x"),
        person("c", "Chen", "sip:chen@x"),
    ]);
    r.command(CommandRecord::participant(
        T0 + 1.0,
        ParticipantCommand::Disconnect,
        vec![("a".into(), "Alice".into())],
        "",
        Outcome::Done,
    ));
    r.event(T0 + 1.2, &delete("a"));
    r.event(
        T0 + 2.0,
        &Event::CallDisconnected {
            call_uuid: "b".into(),
            reason: "Call rejected".into(),
        },
    );
    r.event(T0 + 2.1, &delete("b"));
    r.event(T0 + 3.0, &delete("c"));
    let reasons: Vec<_> = r
        .timeline()
        .entries()
        .filter_map(|e| match &e.what {
            What::Left { reason } => Some((e.name.clone(), reason.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        reasons,
        [
            ("Alice".into(), LeaveReason::RemovedByConsole),
            (
                "Bob".into(),
                LeaveReason::CallDisconnected("Call rejected".into())
            ),
            ("Chen".into(), LeaveReason::Left),
        ]
    );
}

#[test]
fn a_failed_disconnect_does_not_claim_the_removal() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    r.command(CommandRecord::participant(
        T0,
        ParticipantCommand::Disconnect,
        vec![("a".into(), "Alice".into())],
        "",
        Outcome::Failed("timeout".into()),
    ));
    r.event(T0 + 1.0, &delete("a"));
    let left = r.recently_left(T0 + 2.0).next().unwrap();
    assert_eq!(left.reason, LeaveReason::Left);
}

#[test]
fn a_leave_before_the_disconnect_s_answer_is_still_the_console_s_doing_unless_it_fails() {
    let mut r = joined(&[
        person("a", "Alice", "sip:alice@x"),
        person("b", "Bob", "sip:bob@x"),
    ]);
    // The platform's delete comes before the command's answer.
    r.removing(T0, "a");
    r.event(T0 + 0.1, &delete("a"));
    r.command(CommandRecord::participant(
        T0 + 0.2,
        ParticipantCommand::Disconnect,
        vec![("a".into(), "Alice".into())],
        "",
        Outcome::Done,
    ));
    // A transfer that failed claims nothing.
    r.removing(T0 + 1.0, "b");
    r.command(CommandRecord::participant(
        T0 + 1.2,
        ParticipantCommand::Transfer,
        vec![("b".into(), "Bob".into())],
        "",
        Outcome::Failed("timeout".into()),
    ));
    r.event(T0 + 2.0, &delete("b"));
    let reasons: Vec<_> = r
        .recently_left(T0 + 3.0)
        .map(|d| d.reason.clone())
        .collect();
    assert!(
        reasons.contains(&LeaveReason::RemovedByConsole),
        "{reasons:?}"
    );
    assert!(reasons.contains(&LeaveReason::Left), "{reasons:?}");
}

#[test]
fn service_layout_and_presentation_changes_are_recorded_once() {
    let mut r = joined(&[]);
    let lock = |v| {
        Event::ServiceUpdate(ServiceUpdate {
            locked: Some(v),
            ..Default::default()
        })
    };
    let layout = |v: &str| {
        Event::Layout(LayoutView {
            view: v.into(),
            participants: vec![],
        })
    };
    let start = Event::PresentationStart(PresentationStart {
        presenter_name: "Alice".into(),
        presenter_uri: "sip:alice@x".into(),
    });
    // The first state after joining is what is, not a change.
    r.event(T0, &lock(false));
    r.event(T0, &layout("1:7"));
    r.event(T0 + 1.0, &lock(true));
    r.event(T0 + 1.0, &lock(true));
    r.event(T0 + 2.0, &layout("1:7"));
    r.event(T0 + 3.0, &layout("4:0"));
    r.event(T0 + 4.0, &start);
    r.event(T0 + 4.5, &Event::PresentationFrame);
    r.event(T0 + 5.0, &Event::PresentationStop);
    r.event(T0 + 6.0, &start);
    r.event(T0 + 7.0, &Event::PresentationRevoked);
    assert_eq!(
        kinds(&r),
        [
            Kind::Service,
            Kind::Layout,
            Kind::Presentation,
            Kind::Presentation,
            Kind::Presentation,
            Kind::Presentation
        ]
    );
    assert!(r
        .timeline()
        .entries()
        .any(|e| e.what == What::PresentationStopped { revoked: true }));
}

#[test]
fn a_presentation_restated_after_a_resync_is_not_a_new_start() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    let start = Event::PresentationStart(PresentationStart {
        presenter_name: "Alice".into(),
        presenter_uri: "sip:alice@x".into(),
    });
    r.event(T0 + 1.0, &start);
    r.stream_lost(T0 + 5.0);
    sync(&mut r, T0 + 6.0, &[person("a", "Alice", "sip:alice@x")]);
    r.event(T0 + 6.0, &start);
    let starts = r
        .timeline()
        .entries()
        .filter(|e| matches!(e.what, What::PresentationStarted { .. }))
        .count();
    assert_eq!(starts, 1);
    assert_eq!(r.alerts().unseen(), 2, "one start, one stream loss");
}

#[test]
fn a_presentation_that_ended_during_the_loss_stops_at_the_loss() {
    let mut r = joined(&[person("a", "Alice", "sip:alice@x")]);
    r.event(
        T0 + 1.0,
        &Event::PresentationStart(PresentationStart {
            presenter_name: "Alice".into(),
            presenter_uri: "sip:alice@x".into(),
        }),
    );
    r.stream_lost(T0 + 5.0);
    sync(&mut r, T0 + 6.0, &[person("a", "Alice", "sip:alice@x")]);
    // No restatement: the next participant event settles it.
    r.event(T0 + 9.0, &create(&person("b", "Bob", "sip:bob@x")));
    let stop = r
        .timeline()
        .entries()
        .find(|e| matches!(e.what, What::PresentationStopped { .. }))
        .expect("a stop");
    assert_eq!(stop.at, T0 + 5.0);
}

#[test]
fn filters_by_kind_and_by_participant_including_command_targets() {
    let mut r = joined(&[
        person("a", "Alice", "sip:alice@x"),
        person("b", "Bob", "sip:bob@x"),
    ]);
    r.command(CommandRecord::participant(
        T0 + 1.0,
        ParticipantCommand::Mute,
        vec![("b".into(), "Bob".into())],
        "",
        Outcome::Done,
    ));
    r.command(CommandRecord::room(
        T0 + 2.0,
        Command::Lock,
        "",
        Outcome::Done,
    ));
    r.event(T0 + 3.0, &delete("a"));
    let about_bob = Filter {
        hidden: vec![],
        participants: vec!["b".into()],
    };
    let bob: Vec<Kind> = r
        .timeline()
        .newest(&about_bob, 100)
        .iter()
        .map(|e| e.kind())
        .collect();
    assert_eq!(bob, [Kind::Command, Kind::Join]);
    let only_commands = Filter {
        hidden: Kind::ALL
            .into_iter()
            .filter(|k| *k != Kind::Command)
            .collect(),
        participants: vec![],
    };
    assert_eq!(r.timeline().newest(&only_commands, 100).len(), 2);
    assert_eq!(
        r.timeline().newest(&Filter::default(), 1)[0].kind(),
        Kind::Leave
    );
}

#[test]
fn a_full_timeline_folds_its_oldest_into_a_summary_never_silently() {
    let mut r = Record::with_timeline_limits(100, 10);
    sync(&mut r, T0, &[]);
    for i in 0..250 {
        let uuid = format!("p{i}");
        r.event(T0 + i as f64, &create(&person(&uuid, &uuid, "")));
        r.event(T0 + i as f64 + 0.5, &delete(&uuid));
    }
    let t = r.timeline();
    assert!(t.len() <= 100, "bounded: {}", t.len());
    let first = t.entries().next().unwrap();
    let What::Summary(s) = &first.what else {
        panic!("the oldest entry is the summary: {first:?}")
    };
    // Every entry is either still there or counted in the summary.
    assert_eq!(s.count + t.len() - 1, 500);
    assert_eq!(s.by_kind.values().sum::<usize>(), s.count);
    assert_eq!(s.by_kind[&Kind::Join] + s.by_kind[&Kind::Leave], s.count);
    assert_eq!(s.from, T0);
    // Only one summary, kept up to date.
    assert_eq!(t.entries().filter(|e| e.kind() == Kind::Summary).count(), 1);
    // A filter never hides the note that entries were folded.
    let none = Filter {
        hidden: Kind::ALL.to_vec(),
        participants: vec!["nobody".into()],
    };
    assert_eq!(t.newest(&none, 10).len(), 1);
}

#[test]
fn entries_have_increasing_keys_that_survive_a_fold() {
    let mut r = Record::with_timeline_limits(10, 4);
    sync(&mut r, T0, &[]);
    for i in 0..30 {
        r.event(T0 + i as f64, &create(&person(&format!("p{i}"), "x", "")));
    }
    let seqs: Vec<u64> = r.timeline().entries().map(|e| e.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert_eq!(*seqs.last().unwrap(), 30);
}
