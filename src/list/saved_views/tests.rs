//! Reading a stored value: a good one whole, a bad one refused with its reason (the caller
//! warns and starts empty), never a panic.

use super::{clean_name, SavedView, StoredViews, ViewFilters, MAX_NAME, MAX_VIEWS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn view(name: &str) -> SavedView {
    SavedView {
        name: name.into(),
        filters: ViewFilters {
            state: "waiting".into(),
            role: "guest".into(),
            protocol: "sip".into(),
            sort: "name".into(),
            muted: true,
            presenting: false,
            no_presentation: true,
            on_stage: false,
            waiting_over: 5,
            joined_within: 0,
        },
    }
}

#[wasm_bindgen_test]
fn a_stored_value_reads_back_as_it_was_written() {
    let stored = StoredViews {
        version: 1,
        views: vec![view("Lobby"), view("训练")],
        active: Some("训练".into()),
    };
    let raw = serde_json::to_string(&stored).unwrap();
    assert_eq!(StoredViews::parse(&raw), Ok(stored));
}

#[wasm_bindgen_test]
fn corrupt_or_other_versions_are_refused_with_a_reason() {
    for raw in [
        "",
        "not json",
        "{\"version\":1,\"views\":5}",
        "{\"version\":1,\"views\":[{\"name\":3}]}",
        "[1,2,3]",
        "{\"views\":[]}",
        "{\"version\":2,\"views\":[]}",
        "{\"version\":1,\"views\":[{\"name\":\"a\",\"filters\":{\"waiting_over\":-4}}]}",
    ] {
        let why = StoredViews::parse(raw).expect_err(raw);
        assert!(!why.is_empty(), "{raw}");
    }
}

#[wasm_bindgen_test]
fn odd_values_are_tidied_not_trusted() {
    // Unknown codes read as the defaults, blank and repeated names are dropped, the active
    // view must exist, and fields a later version might add are ignored.
    let raw = r#"{"version":1,"extra":true,"active":"gone","views":[
        {"name":"  A\nB  ","filters":{"state":"bogus","role":"CHAIR","protocol":"SIP","sort":"?"}},
        {"name":"   ","filters":{}},
        {"name":"A B","filters":{"muted":true}},
        {"name":"C"}
    ]}"#;
    let got = StoredViews::parse(raw).unwrap();
    assert_eq!(got.active, None);
    let names: Vec<&str> = got.views.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["A B", "C"]);
    let f = &got.views[0].filters;
    assert_eq!(
        (
            f.state.as_str(),
            f.role.as_str(),
            f.protocol.as_str(),
            f.sort.as_str()
        ),
        ("all", "chair", "sip", "join")
    );
    assert!(!f.muted);
    assert_eq!(got.views[1].filters.sort, "join");
}

#[wasm_bindgen_test]
fn names_and_counts_are_bounded() {
    let long: String = "视".repeat(MAX_NAME + 9);
    assert_eq!(clean_name(&long).chars().count(), MAX_NAME);
    let many = StoredViews {
        version: 1,
        views: (0..MAX_VIEWS + 5).map(|i| view(&format!("v{i}"))).collect(),
        active: None,
    };
    let raw = serde_json::to_string(&many).unwrap();
    assert_eq!(StoredViews::parse(&raw).unwrap().views.len(), MAX_VIEWS);
}
