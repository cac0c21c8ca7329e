//! The platform layer's logic that needs the browser's types, checked in headless Chromium.

use crate::platform::join::{classify_check_join_failure, classify_session_failure, JoinError};
use crate::platform::stream::{state_after_failures, ConnState, LOST_AFTER};
use huikong_protocol::ApiFailure;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn join_failures_get_their_own_kind() {
    assert_eq!(
        classify_check_join_failure("404", "会议室不存在", "9", true),
        JoinError::UnknownConference("9".into())
    );
    assert_eq!(
        classify_check_join_failure("403", "Wrong meeting password", "1", true),
        JoinError::WrongPin
    );
    assert_eq!(
        classify_check_join_failure("403", "Wrong meeting password", "1", false),
        JoinError::PinRequired
    );
    assert!(matches!(
        classify_check_join_failure("500", "busy", "1", true),
        JoinError::CheckJoinRefused(_)
    ));
    let pin = ApiFailure::PinRequired {
        guest_pin_required: true,
    };
    assert_eq!(
        classify_session_failure(&pin, false, "1"),
        JoinError::PinRequired
    );
    assert_eq!(
        classify_session_failure(&pin, true, "1"),
        JoinError::WrongPin
    );
    let refused = |s: u16, r: &str| ApiFailure::Refused {
        http_status: s,
        reason: r.into(),
    };
    assert_eq!(
        classify_session_failure(&refused(403, "Invalid PIN"), true, "1"),
        JoinError::WrongPin
    );
    assert_eq!(
        classify_session_failure(
            &refused(404, "Neither conference nor gateway found"),
            true,
            "x"
        ),
        JoinError::UnknownConference("x".into())
    );
}

#[wasm_bindgen_test]
fn the_indicator_says_lost_after_repeated_failures() {
    assert_eq!(state_after_failures(0), ConnState::Connecting);
    assert_eq!(state_after_failures(1), ConnState::Reconnecting);
    assert_eq!(state_after_failures(LOST_AFTER), ConnState::Lost);
}
