//! A participant as the simulator holds it: what the platform reports of it, and the records
//! behind it that no event carries.

use huikong_protocol::{DialRequest, Participant, ServiceType};

pub struct Member {
    pub p: Participant,
    /// Let in past a lock (hosts, invited or transferred participants, guests a host admitted).
    pub admitted: bool,
    /// Dialled out and not answered yet.
    pub ringing: bool,
    /// Sub-calls made with participant `calls`; each ends with a `call_disconnected`.
    pub calls: Vec<String>,
    /// Every DTMF string sent to it with participant `dtmf`, in order: the platform plays them
    /// into the call, so no event reports them; tests read them here.
    pub dtmf: Vec<String>,
    /// The request that dialled it out, for tests that check what a client sent.
    pub dial: Option<DialRequest>,
}

impl Member {
    /// A newcomer; `admitted` lets it past a lock. A participant that arrives `connecting` rings.
    pub fn new(p: Participant, admitted: bool) -> Member {
        Member {
            admitted,
            ringing: p.service_type == ServiceType::Connecting,
            calls: Vec::new(),
            dtmf: Vec::new(),
            dial: None,
            p,
        }
    }
}
