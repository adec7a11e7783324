//! One part of a byline (what is left between separators) → a person's name, an
//! organisation, a wire agency, or nothing (a job title, a date, a handle). Pure functions.

use super::words::{
    agency_of, is_connector, is_month, is_organisation_word, is_particle, is_role_word, is_stopper,
};

/// What one byline part names.
#[derive(Clone, Debug, PartialEq)]
pub enum Named {
    /// A person, cleaned ("Jane Roe").
    Person(String),
    /// A wire agency, as the agency list spells it.
    Agency(String),
    /// An organisation, desk or team.
    Organisation(String),
    /// Nothing usable: a job title, a date, a handle, a URL.
    Nothing,
}

/// Most words a person's name has.
const MAX_NAME_WORDS: usize = 5;

/// Classifies one byline part.
pub fn classify(part: &str) -> Named {
    let part = part.trim_matches(|c: char| c.is_whitespace() || ",;:|-–—·•()[]\"'".contains(c));
    if part.is_empty() || part.contains("://") || part.starts_with("www.") {
        return Named::Nothing;
    }
    if let Some(agency) = agency_of(part) {
        return Named::Agency(agency);
    }
    if part.split_whitespace().any(is_organisation_word) {
        return if is_name_shaped(part) && part.contains(char::is_whitespace) {
            Named::Organisation(part.to_string())
        } else {
            Named::Nothing
        };
    }
    person(part).map_or(Named::Nothing, Named::Person)
}

/// A name, not running text: at most eight words, each capitalised (or of a script without
/// case, or a digit) except connectors ("Center for Widget Research", not "a professor at
/// the University of X").
fn is_name_shaped(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() <= 8
        && words.iter().all(|w| {
            is_connector(w)
                || w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| !c.is_lowercase())
        })
}

/// The leading run of name-shaped words of `part`, when it is a plausible person's name and
/// what follows it is no running text (a date, a job title, punctuation may follow; a
/// lower-case word may not: "By European standards, …" names no one).
fn person(part: &str) -> Option<String> {
    let all: Vec<&str> = drop_initials_badge(part.split_whitespace().collect());
    let mut words: Vec<&str> = Vec::new();
    for (i, word) in all.iter().enumerate() {
        let next = all.get(i + 1).copied();
        if !name_word(word, words.is_empty()) || starts_date(word, next) {
            if runs_on(word) {
                return None;
            }
            break;
        }
        words.push(word);
    }
    while words.last().is_some_and(|w| is_particle(w)) {
        words.pop();
    }
    let plausible = match words.as_slice() {
        [] => false,
        [one] => single_name(one),
        many => many.len() <= MAX_NAME_WORDS,
    };
    plausible.then(|| words.join(" "))
}

/// A word that can be part of a name: capitalised (or of a script without case), a particle
/// after the first word, or an initial; never a digit, an address, a role or a date word.
fn name_word(word: &str, first: bool) -> bool {
    let bare = word.trim_matches(|c: char| "(),.\"'".contains(c));
    if bare.is_empty()
        || word.contains(['@', '/', '#', ':', '='])
        || word.chars().any(|c| c.is_ascii_digit())
        || is_domain(bare)
    {
        return false;
    }
    if !first && is_particle(word) {
        return true;
    }
    if is_stopper(bare) || is_role_word(bare) {
        return false;
    }
    let Some(initial) = bare.chars().next() else {
        return false;
    };
    initial.is_uppercase() || (initial.is_alphabetic() && !initial.is_lowercase())
}

/// A host name ("Widgetly.com", "news.example.org"): a dot followed by a lower-case ending of
/// two letters or more (initials, "J.R.", end in a capital).
fn is_domain(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(head, tld)| {
        !head.is_empty() && tld.chars().count() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// A month name that opens a date ("May 3") ends a name; "Tom May" keeps its "May".
fn starts_date(word: &str, next: Option<&str>) -> bool {
    is_month(word) && next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// Drops an avatar's initials in front of the name they stand for ("JR Jane Roe").
fn drop_initials_badge(words: Vec<&str>) -> Vec<&str> {
    let Some((first, rest)) = words.split_first() else {
        return words;
    };
    let initials: String = rest
        .iter()
        .take(first.chars().count())
        .filter_map(|w| w.chars().next())
        .collect();
    let badge = first.chars().count() >= 2
        && first.chars().all(char::is_uppercase)
        && rest.len() >= first.chars().count()
        && initials == *first;
    if badge {
        rest.to_vec()
    } else {
        words
    }
}

/// True for a word that continues a sentence (lower-case, not a particle, a stopper or a
/// role): the capitalised words before it were the sentence's start, not a name.
fn runs_on(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    bare.chars().next().is_some_and(char::is_lowercase)
        && !is_stopper(bare)
        && !is_role_word(bare)
        && !is_particle(bare)
}

/// A one-word name ("Stefan") but not a handle ("KatieS", "jdoe"), an acronym or one letter.
fn single_name(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let letters = bare.chars().count();
    let uncased = bare.chars().all(|c| !c.is_uppercase() && !c.is_lowercase());
    if uncased {
        return letters >= 2;
    }
    let inner_capital = bare
        .char_indices()
        .skip(1)
        .any(|(i, c)| c.is_uppercase() && !after_name_prefix(&bare[..i]));
    letters >= 2 && !inner_capital
}

/// "Mc", "Mac", "O'", "D'" and hyphenated halves may be followed by a capital.
fn after_name_prefix(before: &str) -> bool {
    before == "Mc" || before == "Mac" || before.ends_with(['\'', '’', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person_of(s: &str) -> Option<String> {
        match classify(s) {
            Named::Person(p) => Some(p),
            _ => None,
        }
    }

    #[test]
    fn names_stop_at_dates_roles_and_lower_case_words() {
        assert_eq!(person_of("Ann Lee Nov 3, 2024").as_deref(), Some("Ann Lee"));
        assert_eq!(
            person_of("Ann Lee Senior Editor").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(person_of("Ann Lee on 3 May").as_deref(), Some("Ann Lee"));
        assert_eq!(person_of("Tom May").as_deref(), Some("Tom May"));
        assert_eq!(person_of("Tom May May 3, 2024").as_deref(), Some("Tom May"));
        assert_eq!(person_of("AL Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(person_of("European standards apply"), None);
        assert_eq!(
            person_of("Ana de la Vega").as_deref(),
            Some("Ana de la Vega")
        );
        assert_eq!(person_of("Jo K. O'Hara").as_deref(), Some("Jo K. O'Hara"));
    }

    #[test]
    fn handles_titles_and_addresses_are_nobody() {
        assert_eq!(classify("jdoe77"), Named::Nothing);
        assert_eq!(classify("annlee"), Named::Nothing);
        assert_eq!(classify("AnnL"), Named::Nothing);
        assert_eq!(classify("Senior Editor"), Named::Nothing);
        assert_eq!(classify("Our Authors"), Named::Nothing);
        assert_eq!(classify("Meet Ann Lee"), Named::Nothing);
        assert_eq!(classify("https://example.org/ann"), Named::Nothing);
        assert_eq!(classify("ann@example.org"), Named::Nothing);
        assert_eq!(classify("Widgetly.com"), Named::Nothing);
        assert_eq!(person_of("J.R. Hartley").as_deref(), Some("J.R. Hartley"));
        assert_eq!(person_of("Kimiko").as_deref(), Some("Kimiko"));
        assert_eq!(person_of("McKay").as_deref(), Some("McKay"));
    }

    #[test]
    fn organisations_and_agencies_are_told_apart() {
        assert_eq!(
            classify("The Gadget Team"),
            Named::Organisation("The Gadget Team".into())
        );
        assert_eq!(
            classify("Acme Widgets Inc."),
            Named::Organisation("Acme Widgets Inc.".into())
        );
        assert_eq!(classify("Reuters"), Named::Agency("Reuters".into()));
        assert_eq!(
            classify("Ludwig Stadtzeitung"),
            Named::Organisation("Ludwig Stadtzeitung".into())
        );
        assert_eq!(
            classify("a professor at the Widget University"),
            Named::Nothing
        );
        assert_eq!(classify("News"), Named::Nothing);
        assert_eq!(
            classify("FERRY Magazin"),
            Named::Organisation("FERRY Magazin".into())
        );
        assert_eq!(
            classify("Harbour Presse"),
            Named::Organisation("Harbour Presse".into())
        );
        assert_eq!(
            classify("Costa Información"),
            Named::Organisation("Costa Información".into())
        );
        assert_eq!(
            classify("ΛΙΜΑΝΙ ΟΜΑΔΑ"),
            Named::Organisation("ΛΙΜΑΝΙ ΟΜΑΔΑ".into())
        );
    }

    #[test]
    fn uncased_scripts_are_names() {
        assert_eq!(person_of("李小明").as_deref(), Some("李小明"));
    }
}
