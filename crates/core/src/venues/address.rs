//! Which participant is which venue: by the dial address normalised (scheme, case, URI
//! parameters, a phone number's country code and blanks), then by the address's user part
//! (the alias a room system dials in with), then by the display name, which is marked as such
//! because two rooms may share one.

use huikong_protocol::Participant;
use std::collections::HashMap;

/// An address as compared: no scheme, no `<>`, no URI parameters, lower case, and a phone
/// number's `+86`/`0086`, blanks and dashes dropped.
pub fn normalise(address: &str) -> String {
    let mut a = address
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    for scheme in ["sips:", "sip:", "h323:", "tel:", "mssip:"] {
        if a.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
        {
            a = &a[scheme.len()..];
            break;
        }
    }
    // URI parameters (`;transport=tcp`) and headers (`?subject=`) are not the address.
    let a = a.split([';', '?']).next().unwrap_or("");
    let a = a.to_lowercase();
    let squeezed: String = a
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let digits = squeezed.trim_start_matches('+');
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        let national = if let Some(n) = squeezed.strip_prefix("+86") {
            n
        } else if let Some(n) = squeezed.strip_prefix("0086") {
            n
        } else {
            digits
        };
        return national.to_owned();
    }
    a.trim().to_owned()
}

/// The user part of a normalised address (`1001` of `1001@10.0.0.5`), when it has one.
pub fn alias(normalised: &str) -> Option<&str> {
    let (user, host) = normalised.split_once('@')?;
    (!user.is_empty() && !host.is_empty()).then_some(user)
}

fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<String>().to_lowercase()
}

/// How a participant was found to be a venue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Address,
    Alias,
    /// Only by the display name: shown as such.
    Name,
}

/// A venue's participant.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub uuid: String,
    pub by: MatchedBy,
    /// Still ringing (`connecting`).
    pub ringing: bool,
}

/// Whether a participant is the console's own control session, never a venue nor an outsider.
pub fn is_console(p: &Participant) -> bool {
    p.protocol == "api"
}

/// Each venue's participant, if any (in the venues' order), and the participants no venue
/// claims. A participant is one venue's at most; the address wins over the alias, the alias
/// over the name, and among equals the venue listed first.
pub fn match_roster<'a>(
    venues: &[super::Venue],
    roster: impl Iterator<Item = &'a Participant>,
) -> (Vec<Option<Found>>, Vec<String>) {
    let people: Vec<&Participant> = roster.filter(|p| !is_console(p)).collect();
    let mut by_address: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        let n = normalise(&p.uri);
        if let Some(a) = alias(&n) {
            by_alias.entry(a.to_owned()).or_default().push(i);
        }
        by_address.entry(n).or_default().push(i);
        by_name.entry(name_key(p.shown_name())).or_default().push(i);
    }
    let mut taken = vec![false; people.len()];
    let mut found: Vec<Option<Found>> = vec![None; venues.len()];
    let mut claim = |found: &mut Vec<Option<Found>>,
                     table: &HashMap<String, Vec<usize>>,
                     key: &dyn Fn(&super::Venue) -> Option<String>,
                     by: MatchedBy| {
        for (vi, v) in venues.iter().enumerate() {
            if found[vi].is_some() {
                continue;
            }
            let Some(k) = key(v).filter(|k| !k.is_empty()) else {
                continue;
            };
            let Some(cands) = table.get(&k) else { continue };
            // A live call before a ringing one: a venue redialled while it rejoined.
            let pick = cands
                .iter()
                .filter(|&&i| !taken[i])
                .min_by_key(|&&i| people[i].service_type.as_str() == "connecting");
            if let Some(&i) = pick {
                taken[i] = true;
                found[vi] = Some(Found {
                    uuid: people[i].uuid.clone(),
                    by,
                    ringing: people[i].service_type.as_str() == "connecting",
                });
            }
        }
    };
    claim(
        &mut found,
        &by_address,
        &|v| Some(v.key()),
        MatchedBy::Address,
    );
    claim(
        &mut found,
        &by_alias,
        &|v| alias(&v.key()).map(str::to_owned),
        MatchedBy::Alias,
    );
    claim(
        &mut found,
        &by_name,
        &|v| Some(name_key(&v.name)),
        MatchedBy::Name,
    );
    let outsiders = people
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(p, _)| p.uuid.clone())
        .collect();
    (found, outsiders)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venues::Venue;
    use huikong_protocol::ServiceType;

    #[test]
    fn an_address_is_compared_without_scheme_case_parameters_or_country_code() {
        assert_eq!(
            normalise("SIP:Room101@Example.COM;transport=tcp"),
            "room101@example.com"
        );
        assert_eq!(normalise("<sips:a@b>"), "a@b");
        assert_eq!(normalise("h323:10.1.2.3"), "10.1.2.3");
        assert_eq!(normalise("+86 138 0013 8000"), "13800138000");
        assert_eq!(normalise("0086-13800138000"), "13800138000");
        assert_eq!(normalise("tel:+8613800138000"), "13800138000");
        assert_eq!(normalise("rtsp://Cam.local/live"), "rtsp://cam.local/live");
        // Any text, cut nowhere inside a character.
        assert_eq!(normalise("王小明@e2e.local"), "王小明@e2e.local");
        assert_eq!(
            normalise("sip:王小明, \"组长\"@e2e.local"),
            "王小明, \"组长\"@e2e.local"
        );
        assert_eq!(normalise("王"), "王");
    }

    fn person(uuid: &str, name: &str, uri: &str, ringing: bool) -> Participant {
        let mut p = Participant::new(uuid);
        p.display_name = name.into();
        p.uri = uri.into();
        p.protocol = "sip".into();
        p.service_type = if ringing {
            ServiceType::Connecting
        } else {
            ServiceType::Conference
        };
        p
    }

    fn venue(n: u32, name: &str, address: &str) -> Venue {
        let mut v = Venue::blank(n);
        v.name = name.into();
        v.address = address.into();
        v
    }

    #[test]
    fn a_venue_is_found_by_address_then_alias_then_name() {
        let venues = [
            venue(1, "总部", "sip:hq@10.0.0.1"),
            venue(2, "杭州", "sip:1002@gw.example.com"),
            venue(3, "宁波 分会场", "sip:nb@10.0.0.3"),
            venue(4, "温州", "+86 139 0000 0004"),
            venue(5, "缺席", "sip:none@10.0.0.5"),
        ];
        let roster = [
            person("a", "HQ Room", "SIP:HQ@10.0.0.1;transport=tls", false),
            person("b", "Room 1002", "1002@10.9.9.9", false),
            person("c", "宁波分会场", "nb-other@10.7.7.7", false),
            person("d", "phone", "13900000004", true),
            person("e", "访客", "guest@x", false),
        ];
        let (found, outsiders) = match_roster(&venues, roster.iter());
        let by: Vec<Option<(&str, MatchedBy, bool)>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| (f.uuid.as_str(), f.by, f.ringing)))
            .collect();
        assert_eq!(
            by,
            [
                Some(("a", MatchedBy::Address, false)),
                Some(("b", MatchedBy::Alias, false)),
                Some(("c", MatchedBy::Name, false)),
                Some(("d", MatchedBy::Address, true)),
                None
            ]
        );
        assert_eq!(outsiders, ["e"]);
    }

    #[test]
    fn one_participant_is_one_venue_s_and_a_live_call_wins_over_a_ringing_one() {
        let venues = [venue(1, "A", "sip:a@x"), venue(2, "A", "sip:a@x")];
        let roster = [
            person("r", "A", "a@x", true),
            person("l", "A", "a@x", false),
        ];
        let (found, outsiders) = match_roster(&venues, roster.iter());
        assert_eq!(found[0].as_ref().unwrap().uuid, "l");
        assert_eq!(found[1].as_ref().unwrap().uuid, "r");
        assert!(outsiders.is_empty());
    }

    #[test]
    fn the_console_s_own_session_is_nobody_s() {
        let mut me = person("me", "会控台", "api:会控台", false);
        me.protocol = "api".into();
        let (_, outsiders) = match_roster(&[], [me].iter());
        assert!(outsiders.is_empty());
    }
}
