//! The faults: what may be injected (`Faults`, set from flags or the admin endpoint), the state
//! of their windows and seeded decisions (`FaultState`), the malformed events, and the
//! middleware that puts them in front of requests. Builds on the model, knows nothing of the
//! handlers.

pub mod flags;
pub mod layer;
pub mod malformed;
pub mod settings;
pub mod state;

pub use flags::FLAGS;
pub use settings::{fraction, secs, FailureKind, Faults};
pub use state::{chance_within, CommandPlan, FaultState};
