//! A venue as a file gives it, checked field by field: each bad line of an import is named with
//! its number and reason, and nothing is imported half-silently.

use super::Venue;
use crate::i18n::{fill, Lang};
use crate::venues::VenueText;
use huikong_protocol::request::validate_dtmf;
use huikong_protocol::{Role, DIAL_CALL_TYPES, DIAL_PROTOCOLS};
use std::collections::HashMap;

/// A venue's fields as text, before they are checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Raw {
    pub number: Option<String>,
    pub name: Option<String>,
    pub address: Option<String>,
    pub protocol: Option<String>,
    pub role: Option<String>,
    pub dtmf: Option<String>,
    pub call_type: Option<String>,
    pub auto_call: Option<String>,
}

/// Why a line (or the file) is not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is empty, or has no venue.
    Empty,
    /// No header row naming at least the name and the address columns.
    NoHeader,
    /// Not JSON, or not a list of venues (the parser's words).
    NotJson(String),
    NoName,
    NoAddress,
    Protocol(String),
    Role(String),
    CallType(String),
    Dtmf(String),
    Auto(String),
    Number(String),
    /// The same address as the line given.
    SameAddress(usize),
    /// The same number as the line given.
    SameNumber(usize),
}

impl Problem {
    /// The reason in the host's language.
    pub fn text(&self, lang: Lang) -> String {
        let f = |t: VenueText, v: &str| fill(t.get(lang), &[("value", v)]);
        match self {
            Problem::Empty => VenueText::VenueErrEmpty.get(lang).to_owned(),
            Problem::NoHeader => VenueText::VenueErrNoHeader.get(lang).to_owned(),
            Problem::NotJson(e) => f(VenueText::VenueErrNotJson, e),
            Problem::NoName => VenueText::VenueErrNoName.get(lang).to_owned(),
            Problem::NoAddress => VenueText::VenueErrNoAddress.get(lang).to_owned(),
            Problem::Protocol(v) => f(VenueText::VenueErrProtocol, v),
            Problem::Role(v) => f(VenueText::VenueErrRole, v),
            Problem::CallType(v) => f(VenueText::VenueErrCallType, v),
            Problem::Dtmf(v) => f(VenueText::VenueErrDtmf, v),
            Problem::Auto(v) => f(VenueText::VenueErrAuto, v),
            Problem::Number(v) => f(VenueText::VenueErrNumber, v),
            Problem::SameAddress(l) => f(VenueText::VenueErrSameAddress, &l.to_string()),
            Problem::SameNumber(l) => f(VenueText::VenueErrSameNumber, &l.to_string()),
        }
    }
}

/// A bad line: its number in the file (0: the file as a whole) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    pub line: usize,
    pub problem: Problem,
}

/// What an import would bring: the venues, numbered 1..N, and every bad line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub venues: Vec<Venue>,
    pub errors: Vec<LineError>,
}

impl Parsed {
    pub fn failed(problem: Problem) -> Parsed {
        Parsed {
            venues: Vec::new(),
            errors: vec![LineError { line: 0, problem }],
        }
    }
}

fn given(v: &Option<String>) -> Option<&str> {
    // A cell a spreadsheet export neutralised (`'+86…`) reads as it was.
    v.as_deref()
        .map(str::trim)
        .map(|s| match s.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => s,
        })
        .filter(|s| !s.is_empty())
}

/// A protocol in any case, or its Chinese name.
pub fn protocol(s: &str) -> Option<&'static str> {
    let l = s.trim().to_ascii_lowercase();
    let l = match l.as_str() {
        "电话" | "pstn" | "tel" => "phone",
        "h.323" => "h323",
        "自动" => "auto",
        other => other,
    };
    DIAL_PROTOCOLS.into_iter().find(|p| *p == l)
}

/// A role as the files and the console spell it.
pub fn role(s: &str) -> Option<Role> {
    match s.trim() {
        "主持人" | "主席" | "主会场" => Some(Role::Host),
        "访客" | "嘉宾" | "分会场" => Some(Role::Guest),
        other => Role::parse(other),
    }
}

fn call_type(s: &str) -> Option<&'static str> {
    let l = s.trim().to_ascii_lowercase();
    let l = match l.as_str() {
        "视频" => "video",
        "仅视频" => "video-only",
        "音频" | "语音" => "audio",
        other => other,
    };
    DIAL_CALL_TYPES.into_iter().find(|t| *t == l)
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "是" | "yes" | "y" | "true" | "1" | "自动" => Some(true),
        "否" | "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// One venue from its fields, or the first reason it is not one.
pub fn venue(raw: &Raw) -> Result<(Option<u32>, Venue), Problem> {
    let mut v = Venue::blank(0);
    v.name = given(&raw.name).ok_or(Problem::NoName)?.to_owned();
    v.address = given(&raw.address).ok_or(Problem::NoAddress)?.to_owned();
    if let Some(p) = given(&raw.protocol) {
        v.protocol = protocol(p)
            .ok_or_else(|| Problem::Protocol(p.into()))?
            .into();
    }
    if let Some(r) = given(&raw.role) {
        v.role = role(r).ok_or_else(|| Problem::Role(r.into()))?;
    }
    if let Some(t) = given(&raw.call_type) {
        v.call_type = Some(
            call_type(t)
                .ok_or_else(|| Problem::CallType(t.into()))?
                .into(),
        );
    }
    if let Some(d) = given(&raw.dtmf) {
        validate_dtmf(d).map_err(|_| Problem::Dtmf(d.into()))?;
        v.dtmf = Some(d.to_owned());
    }
    if let Some(a) = given(&raw.auto_call) {
        v.auto_call = yes_no(a).ok_or_else(|| Problem::Auto(a.into()))?;
    }
    let number = match given(&raw.number) {
        Some(n) => Some(
            n.parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| Problem::Number(n.into()))?,
        ),
        None => None,
    };
    Ok((number, v))
}

/// The venues of a file's lines (each with its line number): checked, duplicates named, put
/// in the order of their numbers (those without one after, in the file's order), renumbered.
pub fn collect(lines: Vec<(usize, Raw)>) -> Parsed {
    let mut out = Parsed::default();
    let mut seen_address: HashMap<String, usize> = HashMap::new();
    let mut seen_number: HashMap<u32, usize> = HashMap::new();
    let mut kept: Vec<(Option<u32>, usize, Venue)> = Vec::new();
    for (line, raw) in lines {
        let checked = venue(&raw).and_then(|(n, v)| {
            if let Some(&first) = seen_address.get(&v.key()) {
                return Err(Problem::SameAddress(first));
            }
            if let Some(&first) = n.and_then(|n| seen_number.get(&n)) {
                return Err(Problem::SameNumber(first));
            }
            Ok((n, v))
        });
        match checked {
            Ok((n, v)) => {
                seen_address.insert(v.key(), line);
                if let Some(n) = n {
                    seen_number.insert(n, line);
                }
                kept.push((n, line, v));
            }
            Err(problem) => out.errors.push(LineError { line, problem }),
        }
    }
    if kept.is_empty() && out.errors.is_empty() {
        return Parsed::failed(Problem::Empty);
    }
    kept.sort_by_key(|(n, line, _)| (n.unwrap_or(u32::MAX), *line));
    out.venues = kept.into_iter().map(|(_, _, v)| v).collect();
    super::renumber(&mut out.venues);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(name: &str, address: &str) -> Raw {
        Raw {
            name: Some(name.into()),
            address: Some(address.into()),
            ..Raw::default()
        }
    }

    #[test]
    fn each_field_is_read_in_either_language_or_named_as_the_reason() {
        let mut r = raw("杭州", "sip:hz@x");
        r.protocol = Some("电话".into());
        r.role = Some("主持人".into());
        r.call_type = Some("音频".into());
        r.auto_call = Some("否".into());
        r.number = Some("3".into());
        let (n, v) = venue(&r).unwrap();
        assert_eq!(n, Some(3));
        assert_eq!((v.protocol.as_str(), v.role), ("phone", Role::Host));
        assert_eq!(v.call_type.as_deref(), Some("audio"));
        assert!(!v.auto_call);
        r.protocol = Some("skype".into());
        assert_eq!(venue(&r), Err(Problem::Protocol("skype".into())));
        assert_eq!(venue(&raw("", "x")), Err(Problem::NoName));
        let mut d = raw("a", "b");
        d.dtmf = Some("12x".into());
        assert_eq!(venue(&d), Err(Problem::Dtmf("12x".into())));
    }

    #[test]
    fn a_neutralised_cell_reads_as_it_was() {
        let (_, v) = venue(&raw("电话", "'+8613800138000")).unwrap();
        assert_eq!(v.address, "+8613800138000");
    }

    #[test]
    fn duplicates_are_named_with_the_first_line_and_the_rest_is_ordered_by_number() {
        let mut a = raw("A", "sip:a@x");
        a.number = Some("2".into());
        let mut b = raw("B", "sip:b@x");
        b.number = Some("1".into());
        let p = collect(vec![
            (2, a),
            (3, b),
            (4, raw("A again", "SIP:A@X")),
            (5, raw("C", "sip:c@x")),
        ]);
        let names: Vec<&str> = p.venues.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["B", "A", "C"]);
        assert_eq!(p.venues[2].number, 3);
        assert_eq!(
            p.errors,
            [LineError {
                line: 4,
                problem: Problem::SameAddress(2)
            }]
        );
        assert_eq!(collect(Vec::new()).errors[0].problem, Problem::Empty);
    }
}
