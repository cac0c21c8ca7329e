//! Picture presets (多画面预案): a named layout for the hosts and/or the guests, each a view
//! with its positions filled from venues of the list (by their key, so a preset outlives the
//! meeting's participants) or from participants (by name). Applied in one request; a position
//! whose venue or participant is not in the meeting now is left to the voice, and said.

use super::{Audiences, Shown};
use huikong_protocol::{Audience, OverrideLayoutRequest, LAYOUTS};
use serde::{Deserialize, Serialize};

/// Who fills a position.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Seat {
    /// A venue of the list, by its key (its address normalised).
    Venue(String),
    /// A participant not on the list, by the name shown.
    Participant(String),
}

fn yes() -> bool {
    true
}

/// One audience's picture in a preset.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Picture {
    pub view: String,
    #[serde(default)]
    pub seats: Vec<Seat>,
    /// The positions left over follow the voice.
    #[serde(default = "yes")]
    pub vad_backfill: bool,
}

/// A named layout.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Preset {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosts: Option<Picture>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guests: Option<Picture>,
}

/// What is wrong with a preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NoName,
    /// Neither the hosts' nor the guests' picture.
    NoPicture,
    /// A view the platform does not have.
    View,
    /// More positions than the view has.
    TooMany(usize),
}

impl Preset {
    /// A preset of one picture for `audiences`.
    pub fn new(name: &str, audiences: Audiences, picture: Picture) -> Preset {
        Preset {
            name: name.trim().to_owned(),
            hosts: audiences.hosts().then(|| picture.clone()),
            guests: audiences.guests().then_some(picture),
        }
    }

    /// `other`, saved under this preset's name: the pictures it sets replace these, the others
    /// stay, so one preset may give the hosts and the guests each their own.
    pub fn merge(&mut self, other: Preset) {
        if other.hosts.is_some() {
            self.hosts = other.hosts;
        }
        if other.guests.is_some() {
            self.guests = other.guests;
        }
    }

    pub fn check(&self) -> Result<(), Problem> {
        if self.name.trim().is_empty() {
            return Err(Problem::NoName);
        }
        if self.hosts.is_none() && self.guests.is_none() {
            return Err(Problem::NoPicture);
        }
        for p in self.hosts.iter().chain(self.guests.iter()) {
            if !LAYOUTS.contains(&p.view.as_str()) {
                return Err(Problem::View);
            }
            let cap = super::rotation::capacity(&p.view);
            if p.seats.len() > cap {
                return Err(Problem::TooMany(cap));
            }
        }
        Ok(())
    }

    /// Whose picture it sets.
    pub fn audiences(&self) -> Audiences {
        match (self.hosts.is_some(), self.guests.is_some()) {
            (true, true) => Audiences::Both,
            (true, false) => Audiences::Hosts,
            _ => Audiences::Guests,
        }
    }

    /// The request that applies it, each position found by `find` (a seat's participant in the
    /// meeting now), and the seats not found, which the voice fills.
    pub fn resolve(
        &self,
        find: impl Fn(&Seat) -> Option<String>,
    ) -> (OverrideLayoutRequest, Vec<Seat>) {
        let mut missing = Vec::new();
        let mut layouts = Vec::new();
        for (audience, picture) in [
            (Audience::Hosts, &self.hosts),
            (Audience::Guests, &self.guests),
        ] {
            let Some(p) = picture else { continue };
            let mut actors = Vec::new();
            for s in &p.seats {
                match find(s) {
                    Some(u) if !actors.contains(&u) => actors.push(u),
                    Some(_) => {}
                    None => {
                        if !missing.contains(s) {
                            missing.push(s.clone());
                        }
                    }
                }
            }
            // A position nobody fills is given to the voice, or the pane would stay empty.
            let backfill = p.vad_backfill || actors.len() < p.seats.len();
            let shown = Shown {
                view: p.view.clone(),
                actors,
                vad_backfill: backfill,
            };
            layouts.push(shown.for_audience(audience));
        }
        (OverrideLayoutRequest { layouts }, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset() -> Preset {
        Preset::new(
            "主会场+分会场",
            Audiences::Both,
            Picture {
                view: "1:7".into(),
                seats: vec![
                    Seat::Venue("sip:a@x".into()),
                    Seat::Participant("王芳".into()),
                    Seat::Venue("sip:gone@x".into()),
                ],
                vad_backfill: false,
            },
        )
    }

    #[test]
    fn positions_are_filled_from_venues_and_names_and_the_missing_said() {
        let p = preset();
        assert_eq!(p.check(), Ok(()));
        assert_eq!(p.audiences(), Audiences::Both);
        let (req, missing) = p.resolve(|s| match s {
            Seat::Venue(k) if k == "sip:a@x" => Some("ua".into()),
            Seat::Participant(n) if n == "王芳" => Some("uw".into()),
            _ => None,
        });
        assert_eq!(req.layouts.len(), 2);
        assert_eq!(req.layouts[0].actors, ["ua", "uw"]);
        assert!(
            req.layouts[0].vad_backfill,
            "an empty position goes to the voice"
        );
        assert_eq!(missing, [Seat::Venue("sip:gone@x".into())]);
        assert!(req.validate().is_ok());
    }

    #[test]
    fn a_preset_names_a_known_view_with_room_for_its_positions() {
        let mut p = preset();
        p.name = " ".into();
        assert_eq!(p.check(), Err(Problem::NoName));
        let mut p = preset();
        p.hosts.as_mut().unwrap().view = "9:9".into();
        assert_eq!(p.check(), Err(Problem::View));
        let mut p = preset();
        p.guests.as_mut().unwrap().view = "1:0".into();
        assert_eq!(p.check(), Err(Problem::TooMany(1)));
        let none = Preset {
            name: "x".into(),
            hosts: None,
            guests: None,
        };
        assert_eq!(none.check(), Err(Problem::NoPicture));
    }

    #[test]
    fn saved_again_for_one_audience_a_preset_keeps_the_other_s_picture() {
        let mut p = preset();
        let chair = Preset::new(
            &p.name,
            Audiences::Hosts,
            Picture {
                view: "1:0".into(),
                seats: vec![Seat::Venue("sip:hq@x".into())],
                vad_backfill: false,
            },
        );
        p.merge(chair);
        assert_eq!(p.hosts.as_ref().map(|h| h.view.as_str()), Some("1:0"));
        assert_eq!(p.guests.as_ref().map(|g| g.view.as_str()), Some("1:7"));
        assert_eq!(p.check(), Ok(()));
        let (req, _) = p.resolve(|_| Some("u".into()));
        assert_eq!(req.layouts.len(), 2);
    }

    #[test]
    fn a_preset_reads_back_from_its_json() {
        let p = preset();
        let text = serde_json::to_string(&p).unwrap();
        assert!(text.contains(r#"{"venue":"sip:a@x"}"#), "{text}");
        assert_eq!(serde_json::from_str::<Preset>(&text).unwrap(), p);
    }
}
