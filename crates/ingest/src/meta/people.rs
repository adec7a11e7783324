//! Person names in bylines: splitting a byline into its persons. Pure functions over `&str`.

/// The persons of a byline such as "A, B and C" or "A & B", each once, in order, trimmed.
pub fn split_names(byline: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in byline.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let name = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lists_and_drops_repeats() {
        assert_eq!(
            split_names("Ann Lee, Bo Park and Cy Diaz"),
            ["Ann Lee", "Bo Park", "Cy Diaz"]
        );
        assert_eq!(split_names("Ann Lee & Ann Lee"), ["Ann Lee"]);
        assert!(split_names(" , ").is_empty());
    }
}
