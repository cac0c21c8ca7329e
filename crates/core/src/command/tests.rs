//! The policy table's rules, pinned.

use super::*;

#[test]
fn only_what_cannot_be_taken_back_waits() {
    let waits_alone: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.policy().waits(false))
        .collect();
    assert_eq!(
        waits_alone,
        [
            Action::End,
            Action::Reject,
            Action::Transfer,
            Action::Disconnect
        ]
    );
    let waits_in_bulk: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.policy().waits(true))
        .collect();
    assert_eq!(
        waits_in_bulk,
        [
            Action::End,
            Action::Reject,
            Action::MakeHost,
            Action::MakeGuest,
            Action::Transfer,
            Action::Disconnect
        ]
    );
}

#[test]
fn a_disconnect_has_one_protection_the_undo_window() {
    for a in [Action::Disconnect, Action::Reject] {
        assert_eq!(a.policy().confirm, Confirm::Never, "{a:?}");
        assert!(a.policy().waits(false), "{a:?}");
    }
}

#[test]
fn a_lock_and_muting_guests_are_sent_at_once() {
    for a in [
        Action::Lock,
        Action::Unlock,
        Action::MuteGuests,
        Action::UnmuteGuests,
    ] {
        assert!(!a.policy().waits(false), "{a:?}");
        assert!(!a.policy().waits(true), "{a:?}");
    }
}

#[test]
fn page_acts_are_anyone_s_and_need_no_platform_command() {
    for a in [
        Action::Show,
        Action::Actions,
        Action::RotationPause,
        Action::Panel,
        Action::Search,
        Action::Dense,
        Action::Help,
        Action::Leave,
    ] {
        let p = a.policy();
        assert!(!p.host_only, "{a:?}");
        assert_eq!(p.needs, Needs::Nothing, "{a:?}");
    }
    for a in Action::ALL {
        let p = a.policy();
        let anyone_s = p.needs == Needs::Nothing || a == Action::Message;
        assert_eq!(anyone_s, !p.host_only, "{a:?}");
    }
}

#[test]
fn every_action_has_aliases_in_both_languages() {
    for a in Action::ALL {
        let aliases = a.policy().aliases;
        assert!(aliases.chars().any(|c| c.is_ascii_alphabetic()), "{a:?}");
        assert!(!aliases.is_ascii(), "{a:?}");
    }
}

#[test]
fn a_key_runs_a_toggle_either_way() {
    assert_eq!(Action::Lock.policy().key, Action::Unlock.policy().key);
    assert_eq!(Action::Mute.policy().key, Action::Unmute.policy().key);
}
