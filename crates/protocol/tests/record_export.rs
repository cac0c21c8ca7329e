//! The export: CSV quoting, formula neutralisation with hostile names, BOM, JSON, file names.

mod record_util;

use huikong_protocol::record::export::{csv_cell, iso_utc, CsvWords, CSV_COLUMNS};
use huikong_protocol::record::{file_name, ExportMeta};
use record_util::*;

fn meta() -> ExportMeta {
    ExportMeta {
        conference: "周会 demo@huikong.local".into(),
        covers_from: T0,
        exported_at: T0 + 3600.0,
    }
}

/// A minimal RFC 4180 reader, to check the writer against (fields, quotes, CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut cell) = (vec![], String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF outside quotes");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last line ends with CRLF"
    );
    rows
}

const HOSTILE: [&str; 9] = [
    "=HYPERLINK(\"http://evil\",\"click\")",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tTAB",
    "\rCR",
    "a,b",
    "say \"hi\"\r\nnext line",
    "王小明",
];

#[test]
fn cells_are_quoted_as_rfc_4180_says_and_formulas_neutralised() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("=1+1"), "'=1+1");
    assert_eq!(csv_cell("@x"), "'@x");
    assert_eq!(csv_cell("\rx"), "\"'\rx\"");
    assert_eq!(csv_cell("a=b"), "a=b");
}

#[test]
fn hostile_names_come_back_literally_and_start_no_formula() {
    let people: Vec<_> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, n)| person(&format!("h{i}"), n, &format!("sip:{i}@x")))
        .collect();
    let r = joined(&people);
    let csv = r.to_csv(&CsvWords::machine(), T0 + 60.0);
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows[0], CSV_COLUMNS, "the header first, nothing above it");
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    for (name, hostile) in names.iter().zip(HOSTILE) {
        assert!(
            !name.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{name:?}"
        );
        assert_eq!(name.trim_start_matches('\''), hostile);
    }
    assert_eq!(names.len(), HOSTILE.len());
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
}

#[test]
fn csv_rows_carry_sessions_durations_and_reconnected() {
    let mut r = joined(&[]);
    r.event(T0, &create(&person("a1", "Alice", "sip:alice@x")));
    r.event(T0 + 30.0, &delete("a1"));
    r.event(T0 + 40.0, &create(&person("a2", "Alice", "sip:alice@x")));
    r.event(T0 + 55.0, &create(&waiting("w", "Wang")));
    let rows = parse_csv(
        r.to_csv(&CsvWords::machine(), T0 + 100.0)
            .trim_start_matches('\u{feff}'),
    );
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    let alice = &rows[1];
    assert_eq!(alice[col("display_name")], "Alice");
    assert_eq!(alice[col("sessions")], "2");
    assert_eq!(alice[col("reconnected")], "yes");
    assert_eq!(alice[col("total")], "0:01:30");
    assert_eq!(alice[col("first_join")], "2026-12-01T10:00:00Z");
    assert_eq!(alice[col("last_leave")], "", "present again");
    assert_eq!(alice[col("present")], "yes");
    assert_eq!(alice[col("role")], "guest");
    let wang = &rows[2];
    assert_eq!(wang[col("waiting")], "0:00:45");
    assert_eq!(wang[col("total")], "0:00:00");
}

#[test]
fn the_csv_speaks_the_host_s_language_and_time() {
    let mut r = joined(&[]);
    r.event(T0, &create(&person("a1", "Alice", "sip:alice@x")));
    r.event(T0 + 3725.0, &delete("a1"));
    let local = |t: f64| format!("local {}", t - T0);
    let words = CsvWords {
        columns: [
            "名称",
            "地址",
            "协议",
            "角色",
            "首次入会",
            "最后离会",
            "会中时长",
            "入会次数",
            "重新连接",
            "等候时长",
            "仍在会中",
        ],
        yes: "是",
        no: "否",
        host: "主持人",
        guest: "访客",
        time: &local,
    };
    let rows = parse_csv(r.to_csv(&words, T0 + 4000.0).trim_start_matches('\u{feff}'));
    assert_eq!(rows[0][0], "名称");
    assert_eq!(
        rows[1],
        [
            "Alice",
            "sip:alice@x",
            "sip",
            "访客",
            "local 0",
            "local 3725",
            "1:02:05",
            "1",
            "否",
            "0:00:00",
            "否"
        ]
    );
}

#[test]
fn json_has_the_same_people_with_their_sessions() {
    let mut r = joined(&[]);
    r.event(T0, &create(&person("a1", "=Alice", "sip:alice@x")));
    r.event(T0 + 30.0, &delete("a1"));
    let v: serde_json::Value = serde_json::from_str(&r.to_json(&meta(), T0 + 60.0)).unwrap();
    assert_eq!(v["conference"], "周会 demo@huikong.local");
    assert_eq!(v["covers_from"], "2026-12-01T10:00:00Z");
    let alice = &v["people"][0];
    assert_eq!(alice["display_name"], "=Alice", "JSON is data, not a sheet");
    assert_eq!(alice["total_seconds"], 30);
    assert_eq!(alice["sessions"][0]["left"], "2026-12-01T10:00:30Z");
    let text = v.to_string();
    for secret in ["token", "pin"] {
        assert!(!text.to_lowercase().contains(secret), "{secret} in {text}");
    }
}

#[test]
fn file_names_are_safe_and_dated() {
    assert_eq!(
        file_name("周会 demo@huikong.local", T0, "csv"),
        "周会_demo_huikong.local-attendance-2026-12-01.csv"
    );
    assert_eq!(
        file_name("../../etc/passwd", T0, "json"),
        "etc_passwd-attendance-2026-12-01.json"
    );
    assert_eq!(
        file_name("", T0, "csv"),
        "meeting-attendance-2026-12-01.csv"
    );
}

#[test]
fn iso_times_are_utc_to_the_second() {
    assert_eq!(iso_utc(0.0), "1970-01-01T00:00:00Z");
    assert_eq!(iso_utc(951_782_400.9), "2000-02-29T00:00:00Z");
    assert_eq!(iso_utc(T0 + 3661.0), "2026-12-01T11:01:01Z");
}
