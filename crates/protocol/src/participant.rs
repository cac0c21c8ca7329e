//! A participant as `participant_create` / `participant_update` and the `participants` command
//! describe it.

use crate::flex;
use crate::role::Role;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub uuid: String,
    #[serde(default)]
    pub api_url: String,
    #[serde(default)]
    pub call_direction: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub encryption: String,
    #[serde(default, deserialize_with = "flex::bool")]
    pub has_media: bool,
    #[serde(
        default,
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_yes_no"
    )]
    pub is_audio_only_call: bool,
    #[serde(default, deserialize_with = "flex::bool")]
    pub is_external: bool,
    #[serde(
        default,
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_yes_no"
    )]
    pub is_muted: bool,
    #[serde(
        default,
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_yes_no"
    )]
    pub is_presenting: bool,
    #[serde(default, deserialize_with = "flex::bool")]
    pub is_streaming_conference: bool,
    #[serde(
        default,
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_yes_no"
    )]
    pub is_video_call: bool,
    #[serde(default)]
    pub local_alias: String,
    #[serde(default)]
    pub overlay_text: String,
    #[serde(
        default,
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_yes_no"
    )]
    pub presentation_supported: bool,
    #[serde(default)]
    pub protocol: String,
    #[serde(default, deserialize_with = "lenient_role")]
    pub role: Role,
    #[serde(default)]
    pub rx_presentation_policy: RxPresentationPolicy,
    #[serde(default)]
    pub service_type: ServiceType,
    /// UNIX seconds of the spotlight request; 0 when not spotlit.
    #[serde(
        default,
        deserialize_with = "flex::seconds",
        serialize_with = "flex::write_seconds"
    )]
    pub spotlight: f64,
    /// UNIX seconds of joining; may carry a fraction.
    #[serde(
        default,
        deserialize_with = "flex::seconds",
        serialize_with = "flex::write_seconds"
    )]
    pub start_time: f64,
    #[serde(default)]
    pub uri: String,
    #[serde(default)]
    pub vendor: String,
}

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

/// An unknown role spelling reads as guest rather than failing the whole participant.
fn lenient_role<'de, D: Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    Ok(s.as_deref().and_then(Role::parse).unwrap_or_default())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RxPresentationPolicy {
    #[default]
    Allow,
    Deny,
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
        Ok(match s.as_deref().map(str::to_ascii_uppercase).as_deref() {
            Some("DENY") => RxPresentationPolicy::Deny,
            _ => RxPresentationPolicy::Allow,
        })
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
