//! A participant as `participant_create` / `participant_update` and the `participants` command
//! describe it.

use crate::fields::{deserialize_from_fields, Fields, FromFields};
use crate::loose_values;
use crate::role::Role;
use crate::DecodeError;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub uuid: String,
    pub api_url: String,
    pub call_direction: String,
    pub display_name: String,
    pub encryption: String,
    pub has_media: bool,
    #[serde(serialize_with = "loose_values::write_yes_no")]
    pub is_audio_only_call: bool,
    pub is_external: bool,
    #[serde(serialize_with = "loose_values::write_yes_no")]
    pub is_muted: bool,
    #[serde(serialize_with = "loose_values::write_yes_no")]
    pub is_presenting: bool,
    pub is_streaming_conference: bool,
    #[serde(serialize_with = "loose_values::write_yes_no")]
    pub is_video_call: bool,
    pub local_alias: String,
    pub overlay_text: String,
    #[serde(serialize_with = "loose_values::write_yes_no")]
    pub presentation_supported: bool,
    pub protocol: String,
    pub role: Role,
    pub rx_presentation_policy: RxPresentationPolicy,
    pub service_type: ServiceType,
    /// UNIX seconds of the spotlight request; 0 when not spotlit.
    #[serde(serialize_with = "loose_values::write_seconds")]
    pub spotlight: f64,
    /// UNIX seconds of joining; may carry a fraction.
    #[serde(serialize_with = "loose_values::write_seconds")]
    pub start_time: f64,
    pub uri: String,
    pub vendor: String,
}

/// A field absent from the body keeps the type's default (not [`Participant::new`]'s), as the
/// platform's own readers do.
impl FromFields for Participant {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(Participant {
            uuid: f.identity("uuid")?,
            api_url: f.text("api_url"),
            call_direction: f.text("call_direction"),
            display_name: f.text("display_name"),
            encryption: f.text("encryption"),
            has_media: f.flag("has_media").unwrap_or_default(),
            is_audio_only_call: f.flag("is_audio_only_call").unwrap_or_default(),
            is_external: f.flag("is_external").unwrap_or_default(),
            is_muted: f.flag("is_muted").unwrap_or_default(),
            is_presenting: f.flag("is_presenting").unwrap_or_default(),
            is_streaming_conference: f.flag("is_streaming_conference").unwrap_or_default(),
            is_video_call: f.flag("is_video_call").unwrap_or_default(),
            local_alias: f.text("local_alias"),
            overlay_text: f.text("overlay_text"),
            presentation_supported: f.flag("presentation_supported").unwrap_or_default(),
            protocol: f.text("protocol"),
            // An odd role spelling reads as guest rather than costing the participant.
            role: f.word("role", "a role", Role::parse).unwrap_or_default(),
            rx_presentation_policy: f
                .word(
                    "rx_presentation_policy",
                    "ALLOW or DENY",
                    RxPresentationPolicy::parse,
                )
                .unwrap_or_default(),
            service_type: f
                .word("service_type", "a service type", |s| {
                    Some(ServiceType::parse(s))
                })
                .unwrap_or_default(),
            spotlight: f.seconds("spotlight").unwrap_or_default(),
            start_time: f.seconds("start_time").unwrap_or_default(),
            uri: f.text("uri"),
            vendor: f.text("vendor"),
        })
    }
}

deserialize_from_fields!(Participant);

impl Participant {
    /// A participant with only its uuid set: the base for builders and tests.
    pub fn new(uuid: impl Into<String>) -> Self {
        let uuid = uuid.into();
        Participant {
            api_url: format!("/participants/{uuid}"),
            uuid,
            call_direction: "in".into(),
            display_name: String::new(),
            encryption: "On".into(),
            has_media: true,
            is_audio_only_call: false,
            is_external: false,
            is_muted: false,
            is_presenting: false,
            is_streaming_conference: false,
            is_video_call: true,
            local_alias: String::new(),
            overlay_text: String::new(),
            presentation_supported: true,
            protocol: "sip".into(),
            role: Role::Guest,
            rx_presentation_policy: RxPresentationPolicy::Allow,
            service_type: ServiceType::Conference,
            spotlight: 0.0,
            start_time: 0.0,
            uri: String::new(),
            vendor: String::new(),
        }
    }

    /// The name to show for this participant: the display name, or when that is blank the
    /// overlay text, the uri, and last the uuid (a dial-out that has not answered yet has only
    /// the uri; a bare API participant may have only its uuid).
    pub fn shown_name(&self) -> &str {
        [
            &self.display_name,
            &self.overlay_text,
            &self.uri,
            &self.uuid,
        ]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .map_or("", String::as_str)
    }

    pub fn is_spotlit(&self) -> bool {
        self.spotlight > 0.0
    }

    /// Waiting for a host: in the waiting room, or at the PIN prompt.
    pub fn is_waiting(&self) -> bool {
        matches!(
            self.service_type,
            ServiceType::WaitingRoom | ServiceType::Ivr
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RxPresentationPolicy {
    #[default]
    Allow,
    Deny,
}

impl RxPresentationPolicy {
    /// `ALLOW` or `DENY`, in any case.
    pub fn parse(s: &str) -> Option<RxPresentationPolicy> {
        match s.trim().to_ascii_uppercase().as_str() {
            "ALLOW" => Some(RxPresentationPolicy::Allow),
            "DENY" => Some(RxPresentationPolicy::Deny),
            _ => None,
        }
    }
}

impl Serialize for RxPresentationPolicy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            RxPresentationPolicy::Allow => "ALLOW",
            RxPresentationPolicy::Deny => "DENY",
        })
    }
}

impl<'de> Deserialize<'de> for RxPresentationPolicy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        Ok(s.as_deref()
            .and_then(RxPresentationPolicy::parse)
            .unwrap_or_default())
    }
}

/// The participant's (or session's) `service_type`. Unknown values are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ServiceType {
    Connecting,
    WaitingRoom,
    Ivr,
    #[default]
    Conference,
    Gateway,
    Other(String),
}

impl ServiceType {
    pub fn as_str(&self) -> &str {
        match self {
            ServiceType::Connecting => "connecting",
            ServiceType::WaitingRoom => "waiting_room",
            ServiceType::Ivr => "ivr",
            ServiceType::Conference => "conference",
            ServiceType::Gateway => "gateway",
            ServiceType::Other(s) => s,
        }
    }

    pub fn parse(s: &str) -> ServiceType {
        match s {
            "connecting" => ServiceType::Connecting,
            "waiting_room" => ServiceType::WaitingRoom,
            "ivr" => ServiceType::Ivr,
            "conference" => ServiceType::Conference,
            "gateway" => ServiceType::Gateway,
            other => ServiceType::Other(other.to_owned()),
        }
    }
}

impl Serialize for ServiceType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ServiceType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        Ok(s.map(|s| ServiceType::parse(&s)).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::Participant;

    #[test]
    fn shown_name_falls_back_past_blank_names() {
        let mut p = Participant::new("u-1");
        assert_eq!(p.shown_name(), "u-1");
        p.uri = "sip:bob@example.com".into();
        assert_eq!(p.shown_name(), "sip:bob@example.com");
        p.overlay_text = "  ".into();
        assert_eq!(p.shown_name(), "sip:bob@example.com");
        p.overlay_text = "Bob (lobby)".into();
        assert_eq!(p.shown_name(), "Bob (lobby)");
        p.display_name = "Bob".into();
        assert_eq!(p.shown_name(), "Bob");
        let mut nobody = Participant::new(" ");
        nobody.uuid.clear();
        assert_eq!(nobody.shown_name(), "");
    }
}
