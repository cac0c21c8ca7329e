//! The attendance as a file: CSV for spreadsheets (UTF-8 with a BOM so they read Chinese names,
//! RFC 4180 quoting, formula-looking cells neutralised) and JSON, named after the conference and
//! the date. Participants carry no token or PIN, and nothing else is written.

use super::attendance::Person;
use crate::role::Role;
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
    "total",
    "sessions",
    "reconnected",
    "waiting",
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

/// A duration as `H:MM:SS`, as a spreadsheet shows a time span.
pub fn hms(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

/// How the CSV speaks to the administrator who opens it: the columns' names, the words and the
/// times in the host's language and time zone (the JSON keeps the machine's forms).
pub struct CsvWords<'a> {
    /// The names of [`CSV_COLUMNS`], in their order.
    pub columns: [&'a str; 11],
    pub yes: &'a str,
    pub no: &'a str,
    pub host: &'a str,
    pub guest: &'a str,
    /// A unix time as the host reads it (their local `YYYY-MM-DD HH:MM:SS`).
    pub time: &'a dyn Fn(f64) -> String,
}

impl CsvWords<'static> {
    /// The machine's words: the column keys, `yes`/`no`, `chair`/`guest`, ISO UTC times.
    pub fn machine() -> CsvWords<'static> {
        CsvWords {
            columns: CSV_COLUMNS,
            yes: "yes",
            no: "no",
            host: "chair",
            guest: "guest",
            time: &iso_utc,
        }
    }
}

/// The attendance as CSV: a BOM, the header, one row per person; times and durations as
/// `words` has them; CRLF line ends. Nothing above the header, so a spreadsheet's first row is
/// the columns.
pub fn to_csv(people: &[Person], words: &CsvWords, now: f64) -> String {
    let mut out = String::from('\u{feff}');
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    let yes_no = |b: bool| csv_cell(if b { words.yes } else { words.no });
    out += &line(words.columns.iter().map(|c| csv_cell(c)).collect());
    for p in people {
        let role = match p.role {
            Role::Host => words.host,
            _ => words.guest,
        };
        out += &line(vec![
            csv_cell(&p.display_name),
            csv_cell(&p.uri),
            csv_cell(&p.protocol),
            csv_cell(role),
            csv_cell(&(words.time)(p.first_join())),
            p.last_leave()
                .map(|t| csv_cell(&(words.time)(t)))
                .unwrap_or_default(),
            hms(p.total(now)),
            p.sessions.len().to_string(),
            yes_no(p.reconnected()),
            hms(p.waiting(now)),
            yes_no(p.present()),
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
