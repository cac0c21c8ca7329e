//! The `text/event-stream` parser and writer, against the HTML standard's EventSource rules,
//! and the path from the wire to the conference state.

use huikong_protocol::sse::{parse_all, write_frame, SseFrame, SseParser};
use huikong_protocol::{Change, Conference, Event};

fn frame(id: Option<&str>, event: &str, data: &str) -> SseFrame {
    SseFrame {
        id: id.map(str::to_owned),
        event: event.into(),
        data: data.into(),
    }
}

#[test]
fn one_event_with_id_name_and_data() {
    let mut p = SseParser::new();
    let got = p.feed("id: 7\nevent: layout\ndata: {\"view\": \"1:0\"}\n\n");
    assert_eq!(got, [frame(Some("7"), "layout", "{\"view\": \"1:0\"}")]);
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    let mut p = SseParser::new();
    let got = p.feed("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r");
    assert_eq!(got, [frame(None, "a", "1"), frame(None, "b", "2")]);
}

#[test]
fn crlf_split_between_chunks_is_one_line_end() {
    let mut p = SseParser::new();
    assert!(p.feed("data: x\r").is_empty());
    // The `\n` completing the `\r\n` must not count as a blank line.
    assert!(p.feed("\n").is_empty());
    assert_eq!(p.feed("\r\n"), [frame(None, "message", "x")]);
}

#[test]
fn events_split_across_arbitrary_chunks() {
    let text = "id: 1\nevent: stage\ndata: [1,\ndata: 2]\n\nid: 2\nevent: message\ndata: {}\n\n";
    for size in 1..text.len() {
        let mut p = SseParser::new();
        let mut got = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let cut = size.min(rest.len());
            let (head, tail) = rest.split_at(cut);
            got.extend(p.feed(head));
            rest = tail;
        }
        assert_eq!(
            got,
            [
                frame(Some("1"), "stage", "[1,\n2]"),
                frame(Some("2"), "message", "{}")
            ],
            "chunk size {size}"
        );
    }
}

#[test]
fn comments_are_skipped() {
    let got = parse_all(": keep-alive\n\n:another\ndata: x\n: inside\n\n");
    assert_eq!(got, [frame(None, "message", "x")]);
}

#[test]
fn multi_line_data_joins_with_newlines() {
    let got = parse_all("data: first\ndata:second\ndata\ndata:  two spaces\n\n");
    assert_eq!(
        got,
        [frame(None, "message", "first\nsecond\n\n two spaces")]
    );
}

#[test]
fn events_without_data_are_dropped() {
    let mut p = SseParser::new();
    // The name of an event without data does not leak into the next one.
    let got = p.feed("event: presentation_stop\n\ndata: x\n\nid: 3\n\n");
    assert_eq!(got, [frame(None, "message", "x")]);
    // An empty data line is data.
    assert_eq!(p.feed("event: e\ndata:\n\n"), [frame(Some("3"), "e", "")]);
}

#[test]
fn id_persists_and_unknown_fields_are_ignored() {
    let got = parse_all("id: 5\ndata: a\n\nretry: 1000\nfoo: bar\ndata: b\n\nid\ndata: c\n\n");
    assert_eq!(
        got,
        [
            frame(Some("5"), "message", "a"),
            frame(Some("5"), "message", "b"),
            frame(Some(""), "message", "c")
        ]
    );
    // An id with NUL is ignored.
    let got = parse_all("id: 1\ndata: a\n\nid: 2\0\ndata: b\n\n");
    assert_eq!(got[1].id.as_deref(), Some("1"));
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    let mut p = SseParser::new();
    assert!(p.feed("\u{feff}").is_empty());
    assert_eq!(p.feed("data: x\n\n"), [frame(None, "message", "x")]);
}

#[test]
fn parse_all_completes_an_unterminated_capture() {
    assert_eq!(parse_all("data: tail"), [frame(None, "message", "tail")]);
    assert!(parse_all("").is_empty());
}

#[test]
fn write_frame_round_trip() {
    for data in ["{}", "", "line one\nline two", "[\n]\n", "  padded"] {
        let wire = write_frame(42, "participant_update", data);
        assert!(wire.ends_with("\n\n"));
        assert_eq!(
            parse_all(&wire),
            [frame(Some("42"), "participant_update", data)],
            "{data:?}"
        );
    }
    assert_eq!(
        write_frame(1, "stage", "[]"),
        "id: 1\nevent: stage\ndata: []\n\n"
    );
}

#[test]
fn write_frame_splits_every_kind_of_line_break() {
    let wire = write_frame(1, "m", "a\r\nb\rc");
    assert_eq!(wire, "id: 1\nevent: m\ndata: a\ndata: b\ndata: c\n\n");
    assert_eq!(parse_all(&wire), [frame(Some("1"), "m", "a\nb\nc")]);
}

#[test]
fn wire_to_conference_state() {
    // What the simulator writes, the parser reads and the state machine applies.
    let events = [
        Event::ParticipantSyncBegin,
        Event::ParticipantCreate(huikong_protocol::Participant::new("a")),
        Event::ParticipantSyncEnd,
        Event::Disconnect {
            reason: "API initiated participant disconnect".into(),
        },
    ];
    let wire: String = events
        .iter()
        .enumerate()
        .map(|(i, e)| write_frame(i as u64, e.name(), &e.data()))
        .collect();
    let mut c = Conference::new();
    let mut last = Change::None;
    for f in parse_all(&wire) {
        let e = Event::decode(&f.event, &f.data).unwrap();
        last = c.apply(&e);
    }
    assert_eq!(c.participants().len(), 1);
    assert_eq!(
        last,
        Change::Ended("API initiated participant disconnect".into())
    );
}
