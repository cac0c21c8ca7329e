//! Case-insensitive search over a few text fields (a name, an address): the list's search and
//! the actors panel's. Pure string matching, so it is tested natively.

/// Whether any of `fields`, lower-cased, contains `lowered` (a query already trimmed and in
/// lower case, so a list of thousands lowers it once).
pub fn fields_contain(lowered: &str, fields: &[&str]) -> bool {
    fields.iter().any(|f| f.to_lowercase().contains(lowered))
}

/// Case-insensitive match of a search text against any of the fields.
pub fn matches_search(query: &str, fields: &[&str]) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || fields_contain(&q, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_matches_any_field_ignoring_case_and_surrounding_blanks() {
        assert!(matches_search(" ALI ", &["x", "alice@example"]));
        assert!(matches_search("", &[]));
        assert!(!matches_search("bob", &["alice"]));
    }

    #[test]
    fn search_matches_name_or_address_ignoring_case() {
        assert!(matches_search("", &["Alice Wang", "sip:alice@x"]));
        assert!(matches_search(" WANG ", &["Alice Wang", "sip:alice@x"]));
        assert!(matches_search("alice@", &["Alice Wang", "sip:alice@x"]));
        assert!(matches_search("张", &["张三", ""]));
        assert!(!matches_search("bob", &["Alice", "sip:alice@x"]));
    }
}
