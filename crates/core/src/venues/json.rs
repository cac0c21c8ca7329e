//! The venue list as JSON: `{"venues": [...]}` (or the bare list), each venue an object of
//! `number`, `name`, `address`, `protocol`, `role`, `dtmf`, `call_type`, `auto_call`. The same
//! form is an administrator's list in `config.json`.

use super::check::{collect, Parsed, Problem, Raw};
use super::Venue;
use huikong_protocol::lenient_json::parse_value;

/// The venues of a JSON text; a bad venue is named by its place in the list (1-based).
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = match parse_value(text) {
        Ok(v) => v,
        Err(e) => return Parsed::failed(Problem::NotJson(e.to_string())),
    };
    let list = value
        .get("venues")
        .and_then(|v| v.as_array())
        .or_else(|| value.as_array());
    let Some(list) = list else {
        return Parsed::failed(Problem::NotJson("no \"venues\" list".into()));
    };
    let lines = list
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = |names: &[&str]| {
                names.iter().find_map(|n| {
                    let v = item.get(*n)?;
                    v.as_str()
                        .map(str::to_owned)
                        .or_else(|| v.as_bool().map(|b| b.to_string()))
                        .or_else(|| v.as_u64().map(|n| n.to_string()))
                        .or_else(|| (!v.is_null()).then(|| v.to_string()))
                })
            };
            let raw = Raw {
                number: field(&["number", "no"]),
                name: field(&["name"]),
                address: field(&["address", "destination"]),
                protocol: field(&["protocol"]),
                role: field(&["role"]),
                dtmf: field(&["dtmf", "dtmf_sequence"]),
                call_type: field(&["call_type"]),
                auto_call: field(&["auto_call"]),
            };
            (i + 1, raw)
        })
        .collect();
    collect(lines)
}

fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The list as JSON, one venue a line; no PIN or token is part of a venue.
pub fn export(venues: &[Venue]) -> String {
    let items: Vec<String> = venues
        .iter()
        .map(|v| {
            let mut f = vec![
                format!("\"number\": {}", v.number),
                format!("\"name\": {}", string(&v.name)),
                format!("\"address\": {}", string(&v.address)),
                format!("\"protocol\": {}", string(&v.protocol)),
                format!("\"role\": {}", string(v.role.as_check_join())),
            ];
            if let Some(d) = &v.dtmf {
                f.push(format!("\"dtmf\": {}", string(d)));
            }
            if let Some(t) = &v.call_type {
                f.push(format!("\"call_type\": {}", string(t)));
            }
            f.push(format!("\"auto_call\": {}", v.auto_call));
            format!("    {{{}}}", f.join(", "))
        })
        .collect();
    format!("{{\n  \"venues\": [\n{}\n  ]\n}}\n", items.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venues::check::LineError;

    #[test]
    fn the_export_reads_back() {
        let mut a = Venue::blank(1);
        a.name = "总部 \"A\"".into();
        a.address = "sip:hq@x".into();
        a.dtmf = Some("88#".into());
        let mut b = Venue::blank(2);
        b.name = "电话会场".into();
        b.address = "+86 138 0013 8000".into();
        b.protocol = "phone".into();
        b.auto_call = false;
        let list = vec![a, b];
        let back = parse(&export(&list));
        assert!(back.errors.is_empty(), "{:?}", back.errors);
        assert_eq!(back.venues, list);
    }

    #[test]
    fn a_bare_list_reads_and_a_bad_venue_is_named_by_its_place() {
        let p =
            parse(r#"[{"name":"A","address":"a@x"},{"name":"B","address":"b@x","role":"boss"}]"#);
        assert_eq!(p.venues.len(), 1);
        assert_eq!(
            p.errors,
            [LineError {
                line: 2,
                problem: Problem::Role("boss".into())
            }]
        );
        assert!(matches!(parse("{").errors[0].problem, Problem::NotJson(_)));
    }
}
