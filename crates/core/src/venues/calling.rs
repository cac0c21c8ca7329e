//! Calling the absent: which venues one action dials, in the list's order. A venue marked not
//! to be called automatically (it dials in itself) is left to its row's own call button.

use super::status::Status;
use super::Venue;

/// Calls in flight at once when the absent are called: enough to fill a meeting quickly, few
/// enough that room systems are not all rung in one second.
pub const IN_FLIGHT: usize = 4;

/// The venues (indices into the list) that "call the absent" dials now.
pub fn absent_to_call(venues: &[Venue], statuses: &[Status]) -> Vec<usize> {
    venues
        .iter()
        .zip(statuses)
        .enumerate()
        .filter(|(_, (v, s))| v.auto_call && s.is_absent())
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absent_venues_called_automatically_are_called() {
        let mut vs: Vec<Venue> = (1..=4).map(Venue::blank).collect();
        vs[2].auto_call = false;
        let st = [
            Status::Absent,
            Status::Online {
                uuid: "u".into(),
                by_name: false,
            },
            Status::Absent,
            Status::Left { at: 1.0 },
        ];
        assert_eq!(absent_to_call(&vs, &st), [0, 3]);
    }
}
