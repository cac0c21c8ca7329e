//! The venue list (会场名单) of a conference: the venues expected, how each is called, and what
//! the console derives from it against the roster. Pure: address normalisation and matching
//! (`address.rs`), the files it is imported from and exported to (`csv.rs`, `json.rs`, their
//! line-by-line checks in `check.rs`), each venue's status (`status.rs`) and the bounded
//! calling of the absent (`calling.rs`).

pub mod address;
pub mod calling;
pub mod check;
pub mod csv;
pub mod json;
pub mod redial;
pub mod rollcall;
pub mod status;
pub mod texts;

pub use texts::VenueText;

use huikong_protocol::{DialRequest, Role};

/// One expected venue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Venue {
    /// 1..N, the list's order.
    pub number: u32,
    pub name: String,
    /// What `dial` calls: a SIP or H.323 address, a phone number, an RTSP or RTMP URL.
    pub address: String,
    /// One of the platform's `DIAL_PROTOCOLS`.
    pub protocol: String,
    pub role: Role,
    /// Digits sent once the call is answered (a room system's conference menu).
    pub dtmf: Option<String>,
    /// `video`, `video-only` or `audio`; the platform's default when `None`.
    pub call_type: Option<String>,
    /// Called with the absent ones, and redialled when it drops.
    pub auto_call: bool,
}

impl Venue {
    /// An empty venue numbered `number`: SIP, a guest, called when absent.
    pub fn blank(number: u32) -> Venue {
        Venue {
            number,
            name: String::new(),
            address: String::new(),
            protocol: "sip".into(),
            role: Role::Guest,
            dtmf: None,
            call_type: None,
            auto_call: true,
        }
    }

    /// The `dial` request that calls this venue, named as the list names it.
    pub fn dial_request(&self) -> DialRequest {
        DialRequest {
            role: self.role,
            destination: self.address.trim().to_owned(),
            protocol: self.protocol.clone(),
            presentation_url: None,
            streaming: false,
            dtmf_sequence: self.dtmf.clone(),
            source_display_name: None,
            source: None,
            call_type: self.call_type.clone(),
            keep_conference_alive: None,
            remote_display_name: Some(self.name.clone()),
        }
    }

    /// The key a venue is known by while its number or name changes: its address normalised.
    pub fn key(&self) -> String {
        address::normalise(&self.address)
    }
}

/// Numbers the venues 1..N in their order.
pub fn renumber(venues: &mut [Venue]) {
    for (i, v) in venues.iter_mut().enumerate() {
        v.number = i as u32 + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_venue_is_dialled_as_listed_and_named_as_listed() {
        let mut v = Venue::blank(3);
        v.name = "杭州分会场".into();
        v.address = " sip:hz@10.1.1.3 ".into();
        v.dtmf = Some("1234#".into());
        let r = v.dial_request();
        assert_eq!(r.destination, "sip:hz@10.1.1.3");
        assert_eq!(r.remote_display_name.as_deref(), Some("杭州分会场"));
        assert_eq!(r.dtmf_sequence.as_deref(), Some("1234#"));
        assert!(r.validate().is_ok());
    }
}
