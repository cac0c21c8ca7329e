//! The identifiers and times the platform hands out.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, as the platform writes times.
pub fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// A participant or call uuid.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A token: long and random, as the platform's are.
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}
