//! The attendance as a file: CSV for spreadsheets (UTF-8 with a BOM so they read Chinese names,
//! RFC 4180 quoting, formula-looking cells neutralised) and JSON, named after the conference and
//! the date. Participants carry no token or PIN, and nothing else is written.

use super::attendance::Person;
use crate::utc::UtcTime;
use serde::Serialize;

/// What the export says about itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportMeta {
    pub conference: String,
    /// Unix seconds of the console's own join: the record covers the meeting from then.
    pub covers_from: f64,
    /// Unix seconds.
    pub exported_at: f64,
}

/// The CSV's column names, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "display_name",
    "uri",
    "protocol",
    "role",
    "first_join",
    "last_leave",
    "total_seconds",
    "sessions",
    "reconnected",
    "waiting_seconds",
    "present",
];

/// A cell as RFC 4180 writes it, with a leading `'` on one a spreadsheet would run as a formula.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Unix seconds as an ISO 8601 UTC time, to the second (the console has no time zone database;
/// spreadsheets read this form).
pub fn iso_utc(secs: f64) -> String {
    let t = UtcTime::from_unix(secs.max(0.0).floor() as i64);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

fn seconds(s: f64) -> String {
    format!("{}", s.round() as i64)
}

/// The attendance as CSV: a BOM, a line saying what it covers, the header, one row per person;
/// CRLF line ends.
pub fn to_csv(people: &[Person], meta: &ExportMeta, now: f64) -> String {
    let mut out = String::from('\u{feff}');
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out += &line(vec![
        csv_cell("conference"),
        csv_cell(&meta.conference),
        csv_cell("covers_from"),
        iso_utc(meta.covers_from),
        csv_cell("exported_at"),
        iso_utc(meta.exported_at),
    ]);
    out += &line(CSV_COLUMNS.iter().map(|c| c.to_string()).collect());
    for p in people {
        out += &line(vec![
            csv_cell(&p.display_name),
            csv_cell(&p.uri),
            csv_cell(&p.protocol),
            p.role.as_chair().to_owned(),
            iso_utc(p.first_join()),
            p.last_leave().map(iso_utc).unwrap_or_default(),
            seconds(p.total(now)),
            p.sessions.len().to_string(),
            if p.reconnected() { "yes" } else { "no" }.to_owned(),
            seconds(p.waiting(now)),
            if p.present() { "yes" } else { "no" }.to_owned(),
        ]);
    }
    out
}

#[derive(Serialize)]
struct JsonSession {
    joined: String,
    left: Option<String>,
    seconds: i64,
    waiting_seconds: i64,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    display_name: &'a str,
    uri: &'a str,
    protocol: &'a str,
    role: &'a str,
    first_join: String,
    last_leave: Option<String>,
    total_seconds: i64,
    reconnected: bool,
    waiting_seconds: i64,
    present: bool,
    sessions: Vec<JsonSession>,
}

#[derive(Serialize)]
struct JsonExport<'a> {
    conference: &'a str,
    covers_from: String,
    exported_at: String,
    people: Vec<JsonPerson<'a>>,
}

/// The attendance as JSON, sessions included; times in ISO 8601 UTC.
pub fn to_json(people: &[Person], meta: &ExportMeta, now: f64) -> String {
    let export = JsonExport {
        conference: &meta.conference,
        covers_from: iso_utc(meta.covers_from),
        exported_at: iso_utc(meta.exported_at),
        people: people
            .iter()
            .map(|p| JsonPerson {
                display_name: &p.display_name,
                uri: &p.uri,
                protocol: &p.protocol,
                role: p.role.as_chair(),
                first_join: iso_utc(p.first_join()),
                last_leave: p.last_leave().map(iso_utc),
                total_seconds: p.total(now).round() as i64,
                reconnected: p.reconnected(),
                waiting_seconds: p.waiting(now).round() as i64,
                present: p.present(),
                sessions: p
                    .sessions
                    .iter()
                    .map(|s| JsonSession {
                        joined: iso_utc(s.joined),
                        left: s.left.map(iso_utc),
                        seconds: s.in_meeting(now).round() as i64,
                        waiting_seconds: s.waiting_to(now).round() as i64,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| "{}".into())
}

/// A file name from the conference and the date (`YYYY-MM-DD` of `at`, UTC), with only letters
/// (any script), digits, `-`, `_` and `.`: nothing a file system or a download could misread.
pub fn file_name(conference: &str, at: f64, extension: &str) -> String {
    let mut name: String = conference
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    name = name.trim_matches(['.', '_']).chars().take(60).collect();
    if name.is_empty() {
        name = "meeting".into();
    }
    let date = &iso_utc(at)[..10];
    format!("{name}-attendance-{date}.{extension}")
}
