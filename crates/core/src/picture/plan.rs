//! The meeting plan (会议预案文件): one JSON file holding what an operator prepares for a
//! meeting — the venue list, the picture presets and the rotation — imported and exported
//! together. Its `venues` are the venue list's own JSON form, so a plan also imports as a venue
//! list. No PIN and no token is ever in it.

use super::preset::Preset;
use super::rotation::Setup;
use crate::venues::check::LineError;
use crate::venues::{json, Venue};
use huikong_protocol::lenient_json::parse_value;
use serde_json::Value;

/// What a plan holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub venues: Vec<Venue>,
    pub presets: Vec<Preset>,
    pub rotation: Option<Setup>,
}

/// Why a plan does not read.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Not JSON, or not an object (the parser's words).
    NotJson(String),
    /// The venue list's bad lines.
    Venues(Vec<LineError>),
    /// The preset at this place (1-based) does not read, or is not a preset the console can
    /// apply.
    Preset(usize),
    /// The rotation does not read, or its setup is not one the console can run.
    Rotation,
}

/// The plan as a JSON text.
pub fn export(plan: &Plan) -> String {
    let mut value: Value = serde_json::from_str(&json::export(&plan.venues))
        .unwrap_or_else(|_| Value::Object(Default::default()));
    if let Value::Object(map) = &mut value {
        map.insert(
            "presets".into(),
            serde_json::to_value(&plan.presets).unwrap_or_default(),
        );
        if let Some(r) = &plan.rotation {
            map.insert(
                "rotation".into(),
                serde_json::to_value(r).unwrap_or_default(),
            );
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A plan from its JSON text: all of it, or the first thing wrong.
pub fn parse(text: &str) -> Result<Plan, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = parse_value(text).map_err(|e| Problem::NotJson(e.to_string()))?;
    let Value::Object(map) = &value else {
        return Err(Problem::NotJson("not an object".into()));
    };
    let venues = match map.get("venues") {
        Some(v) if v.as_array().is_some_and(|a| !a.is_empty()) => {
            let parsed = json::parse(&v.to_string());
            if !parsed.errors.is_empty() {
                return Err(Problem::Venues(parsed.errors));
            }
            parsed.venues
        }
        _ => Vec::new(),
    };
    let mut presets = Vec::new();
    if let Some(list) = map.get("presets").and_then(Value::as_array) {
        for (i, p) in list.iter().enumerate() {
            let p: Preset =
                serde_json::from_value(p.clone()).map_err(|_| Problem::Preset(i + 1))?;
            p.check().map_err(|_| Problem::Preset(i + 1))?;
            presets.push(p);
        }
    }
    let rotation = match map.get("rotation") {
        None | Some(Value::Null) => None,
        Some(r) => {
            let s: Setup = serde_json::from_value(r.clone()).map_err(|_| Problem::Rotation)?;
            s.check().map_err(|_| Problem::Rotation)?;
            Some(s)
        }
    };
    Ok(Plan {
        venues,
        presets,
        rotation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::preset::{Picture, Seat};
    use crate::picture::rotation::Mode;
    use crate::picture::Audiences;

    fn plan() -> Plan {
        let mut v = Venue::blank(1);
        v.name = "杭州分会场".into();
        v.address = "sip:hz@10.1.1.3".into();
        Plan {
            venues: vec![v],
            presets: vec![Preset::new(
                "二分屏",
                Audiences::Guests,
                Picture {
                    view: "4:0".into(),
                    seats: vec![Seat::Venue("sip:hz@10.1.1.3".into())],
                    vad_backfill: true,
                },
            )],
            rotation: Some(Setup {
                mode: Mode::Pages,
                view: "4:0".into(),
                venues: vec!["sip:hz@10.1.1.3".into()],
                ..Setup::default()
            }),
        }
    }

    #[test]
    fn a_plan_reads_back_the_same_and_its_venues_import_as_a_list() {
        let p = plan();
        let text = export(&p);
        assert_eq!(parse(&text), Ok(p.clone()));
        assert_eq!(json::parse(&text).venues, p.venues);
        assert!(!text.to_lowercase().contains("pin"), "{text}");
    }

    #[test]
    fn what_is_wrong_is_named() {
        assert!(matches!(parse("not json"), Err(Problem::NotJson(_))));
        assert!(matches!(parse("[1]"), Err(Problem::NotJson(_))));
        assert!(matches!(
            parse(r#"{"venues": [{"name": "x"}]}"#),
            Err(Problem::Venues(_))
        ));
        assert_eq!(
            parse(r#"{"presets": [{"name": "a", "guests": {"view": "4:0"}}, {"name": ""}]}"#),
            Err(Problem::Preset(2))
        );
        assert_eq!(
            parse(r#"{"rotation": {"interval_s": 3}}"#),
            Err(Problem::Rotation)
        );
        assert_eq!(parse("{}"), Ok(Plan::default()));
    }
}
