//! Malformed events a faulty node or a broken proxy could put on a stream. Every one of them
//! decodes to an error or to `Event::Unknown` with the shared decoder, so a client that keeps
//! its state only from events it could decode stays correct: none can be mistaken for a change.

use huikong_protocol::{Event, Profile};

/// Size of the huge payloads: about a megabyte.
pub const HUGE: usize = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MalformedKind {
    /// `data:` that is not JSON, under a known name.
    InvalidJson,
    /// A name the document does not list.
    UnknownName,
    /// A known name whose body lacks a field it needs.
    MissingField,
    /// A known name whose body, or the field that identifies it, is of the wrong type. (Any
    /// other field of the wrong type is read field by field: coerced or left at its default.)
    WrongType,
    /// About a megabyte of data that does not decode either.
    Huge,
}

impl MalformedKind {
    pub const ALL: [MalformedKind; 5] = [
        MalformedKind::InvalidJson,
        MalformedKind::UnknownName,
        MalformedKind::MissingField,
        MalformedKind::WrongType,
        MalformedKind::Huge,
    ];
}

/// Every variant of a kind, as (event name, data).
fn variants(kind: MalformedKind) -> Vec<(&'static str, String)> {
    let s = |name: &'static str, data: &str| (name, data.to_owned());
    match kind {
        MalformedKind::InvalidJson => vec![
            s("service_update", "{\"locked\": maybe, \"started\": }"),
            s(
                "participant_update",
                "<html><body>502 Bad Gateway</body></html>",
            ),
            s("layout", "\u{1}\u{2}{{{ not json"),
        ],
        MalformedKind::UnknownName => vec![
            s(
                "participant_teleport",
                "{\"uuid\": \"00000000-0000-0000-0000-000000000000\"}",
            ),
            s("conference_weather", "{\"sunny\": true}"),
            s("x_huikong_probe", "{}"),
        ],
        MalformedKind::MissingField => vec![
            s(
                "participant_update",
                "{\"display_name\": \"幽灵\", \"role\": \"guest\"}",
            ),
            s("participant_delete", "{}"),
            s("stage", "[{\"stage_index\": 0, \"vad\": 100}]"),
        ],
        MalformedKind::WrongType => vec![
            s(
                "participant_update",
                "{\"uuid\": 12345, \"display_name\": [\"a\"]}",
            ),
            s("stage", "{\"participant_uuid\": \"x\", \"vad\": 100}"),
            s("message", "[\"hi\"]"),
            s("layout", "\"1:0\""),
            s("service_update", "[{\"locked\": true}]"),
        ],
        MalformedKind::Huge => {
            let filler = "x".repeat(HUGE);
            vec![
                (
                    "participant_update",
                    format!("{{\"display_name\": \"{filler}\"}}"),
                ),
                ("huge_blob", format!("{{\"blob\": \"{filler}\"}}")),
            ]
        }
    }
}

/// Whether a deployment could send an event of this name at all (unknown names always pass).
fn plausible(profile: Profile, name: &str) -> bool {
    matches!(Event::decode(name, "{}"), Ok(Event::Unknown { .. })) || profile.sends_event(name)
}

/// One malformed event of `kind`; `pick(n)` chooses among `n` variants.
pub fn malformed(
    kind: MalformedKind,
    profile: Profile,
    pick: impl FnOnce(usize) -> usize,
) -> (String, String) {
    let mut list: Vec<(&str, String)> = variants(kind)
        .into_iter()
        .filter(|(name, _)| plausible(profile, name))
        .collect();
    let i = pick(list.len()).min(list.len().saturating_sub(1));
    let (name, data) = list.swap_remove(i);
    (name.to_owned(), data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_decodes_to_an_error_or_unknown() {
        for kind in MalformedKind::ALL {
            for (name, data) in variants(kind) {
                match Event::decode(name, &data) {
                    Err(_) | Ok(Event::Unknown { .. }) => {}
                    Ok(e) => panic!("{kind:?} {name} decoded to {e:?}"),
                }
            }
        }
    }

    #[test]
    fn huge_payloads_are_about_a_megabyte_and_each_profile_has_every_kind() {
        for profile in [Profile::Public, Profile::Enterprise] {
            for kind in MalformedKind::ALL {
                let n = variants(kind)
                    .iter()
                    .filter(|(name, _)| plausible(profile, name))
                    .count();
                assert!(n > 0, "{profile:?} has no {kind:?}");
                let (_, data) = malformed(kind, profile, |_| 0);
                if kind == MalformedKind::Huge {
                    assert!(data.len() >= HUGE);
                }
            }
        }
    }
}
