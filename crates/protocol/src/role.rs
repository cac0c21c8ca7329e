//! One role, three spellings (`docs/api-notes.md`, "Roles"): checkJoin says `host`/`guest`, the session commands
//! `HOST`/`GUEST`, participants and commands `chair`/`guest`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    Host,
    #[default]
    Guest,
}

impl Role {
    /// Reads any of the three spellings, in any case.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "host" | "chair" | "chairperson" => Some(Role::Host),
            "guest" => Some(Role::Guest),
            _ => None,
        }
    }

    /// The participants' and commands' spelling: `chair` / `guest`.
    pub fn as_chair(self) -> &'static str {
        match self {
            Role::Host => "chair",
            Role::Guest => "guest",
        }
    }

    /// The session commands' spelling: `HOST` / `GUEST`.
    pub fn as_session(self) -> &'static str {
        match self {
            Role::Host => "HOST",
            Role::Guest => "GUEST",
        }
    }

    /// checkJoin's spelling: `host` / `guest`.
    pub fn as_check_join(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Guest => "guest",
        }
    }

    pub fn is_host(self) -> bool {
        self == Role::Host
    }
}

/// Serialized in the participants' spelling; use the `session` and `check_join` modules with
/// `serialize_with` where the document spells it otherwise.
impl Serialize for Role {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_chair())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Role::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown role {s:?}")))
    }
}

/// `HOST` / `GUEST`, for new_session and refresh_session.
pub mod session {
    use super::Role;
    use serde::Serializer;
    pub fn serialize<S: Serializer>(r: &Role, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(r.as_session())
    }
}

/// Optional role in the session spelling.
pub mod opt_session {
    use super::Role;
    use serde::Serializer;
    pub fn serialize<S: Serializer>(r: &Option<Role>, s: S) -> Result<S::Ok, S::Error> {
        match r {
            Some(r) => s.serialize_str(r.as_session()),
            None => s.serialize_none(),
        }
    }
}

/// checkJoin's `roleType`: `host`/`guest`, or the empty string for a point-to-point call.
pub mod check_join {
    use super::Role;
    use serde::Serializer;
    pub fn serialize<S: Serializer>(r: &Option<Role>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(r.map(Role::as_check_join).unwrap_or(""))
    }
}
