//! Person names in bylines, shared by every input shape (HTML, text headers, JSON Lines):
//! a raw byline ("By Jane Roe, Senior Editor | Nov 3, 2024", "Von A und B", "Ann Lee/AFP")
//! → the persons it names, each once, and the organisation it credits (a wire agency first,
//! else a desk, team or the outlet after "for": "Ann Lee for Radio Kestrel"). Also splits and joins person lists. Pure functions over `&str`; the
//! site's own names come in as [`SiteNames`], never read from anywhere here.

mod name;
mod words;

pub use name::{classify, Named};
use regex::Regex;
use std::sync::LazyLock;
pub use words::is_role_word;

/// A byline label in front of the names: "By", "Von", "Par", "Por", "Door", "Written by",
/// "Author:", … (case-insensitive; the names must follow).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:(?:written|posted|published|reported|words|story|text|reporting|escrito|publicado
               |geschrieben|verfasst|erstellt|veröffentlicht|écrit|ecrit|publié|rédigé|scritto
               |geschreven|an\ article)\s+
               (?:by|von|par|por|door|da|di))
            |by|von|par|por|door|av|(?-i:di)
            |(?:authors?|autor(?:in|es|en)?|auteurs?|author\(s\)|contributors?|text|texte|verfasser(?:in)?
              |piše|napisao|napisala|escribe|scrive|schreibt|writes)\s*[:：]
          )\s*[:：]?\s+",
    )
    .expect("valid regex")
});

/// Where a byline's sentence about its author starts ("Jane Roe is a reporter at …").
static SENTENCE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:is|was|ist|war|est|es|has|covers|writes|joined)\s+.*$")
        .expect("valid regex")
});

/// Separators between segments (name | site | date) and between persons.
static SEGMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[-–—|·•]\s+|\s*[|·•\n]\s*|\s+[-–—]$").expect("valid regex"));
static PERSON_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[,;&/+]\s*|\s+(?:and|und|et|y|e|with|mit|och|og|en|i)\s+").expect("valid regex")
});
/// "… for" before the outlet a person wrote for ("Ann Lee for Radio Kestrel", "pour l'AFP"):
/// what follows is an organisation, never a second person.
static FOR_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s+(?:for|für|pour|para)\s+(.+)$").expect("valid regex")
});
/// A credit for work other than writing ("Reviewed by", "Photos by", "Edited by",
/// "Contact:"): its names are no authors, whether in the same segment or the next one.
static OTHER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:(?:medically|clinically|expert|fact[-\s]?checked\s+and)?\s*
            (?:reviewed|edited|fact[-\s]?checked|photos?|photography|photographed|illustrations?
              |illustrated|images?|video|translated|translation|additional\ reporting|produced
              |designed|updated)\s+(?:by|von|par|por)
          |contact|kontakt|credit|fotos?|photos?|bild|images?)\b\s*:?",
    )
    .expect("valid regex")
});
/// A parenthesised aside in a byline: an agency ("(AP)"), a handle ("(@jroe)") or a part of
/// the name ("Ann (Kim) Lee").
static ASIDE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(([^()]*)\)").expect("valid regex"));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+\.\S+").expect("valid regex"));

/// The names a site goes by (outlet, publisher, host label): a byline naming only the site
/// names no person.
#[derive(Clone, Debug, Default)]
pub struct SiteNames {
    keys: Vec<String>,
}

impl SiteNames {
    /// Site names from any number of sources; empty ones are skipped.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> SiteNames {
        let keys = names
            .into_iter()
            .map(name_key)
            .filter(|k| k.chars().count() >= 3)
            .collect();
        SiteNames { keys }
    }

    /// True when `name` is the site: equal to one of its names, or one word (a brand:
    /// "Widgetly") inside one.
    pub fn is_site(&self, name: &str) -> bool {
        let key = name_key(name);
        !key.is_empty() && (self.keys.contains(&key) || self.is_brand(name))
    }

    /// True when `name` is one word that is the site or a word of one of its names. A
    /// person's name of several words stays a person even on a site named after them (a
    /// personal blog).
    pub fn is_brand(&self, name: &str) -> bool {
        let key = name_key(name);
        let one_word = !name.trim().contains(char::is_whitespace);
        one_word && key.chars().count() >= 3 && self.keys.iter().any(|site| site.contains(&key))
    }
}

/// Lower-cased letters and digits of a name ("The Daily-Blog" → "thedailyblog").
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a byline credits: the persons, each once, in order, and an organisation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Credits {
    /// The persons named.
    pub persons: Vec<String>,
    /// A wire agency, else a desk or team, credited beside or instead of the persons.
    pub credit: Option<String>,
}

impl Credits {
    /// The persons as one string: "A", "A and B", "A, B and C"; `None` when there are none.
    pub fn byline(&self) -> Option<String> {
        join_names(&self.persons)
    }

    /// Adds what `other` names that this does not have yet (persons, and a better credit).
    pub fn absorb(&mut self, other: Credits) {
        for person in other.persons {
            push_person(&mut self.persons, person);
        }
        self.credit = better_credit(self.credit.take(), other.credit);
    }
}

/// True when `text` ends with the label of a credit for other work than writing ("…
/// Reviewed by", "Edited by:", "Fact checked by,"), nothing after it: the name that follows
/// (in the next element) is no author.
pub fn ends_with_other_role(text: &str) -> bool {
    let Some(last) = SEGMENT
        .split(text.trim())
        .filter(|s| !s.trim().is_empty())
        .last()
    else {
        return false;
    };
    let last = last
        .trim()
        .trim_end_matches([',', ':', ';', '.', ' ', '：']);
    OTHER_ROLE
        .find(last)
        .is_some_and(|m| m.end() == last.len() && last.split_whitespace().count() <= 4)
}

/// Reads a raw byline: drops its label, sentences about the author, emails, dates and job
/// titles; keeps persons that are not the site; credits an agency or organisation.
pub fn parse_byline(raw: &str, site: &SiteNames) -> Credits {
    let mut credits = Credits::default();
    let text = EMAIL.replace_all(raw, " ");
    let text = read_asides(&text, &mut credits, site);
    let mut after_other_role = false;
    let mut parts = 0;
    for segment in SEGMENT.split(&text) {
        let segment = segment.trim();
        if let Some(role) = OTHER_ROLE.find(segment) {
            after_other_role = role.end() == segment.len();
            continue;
        }
        if std::mem::take(&mut after_other_role) {
            continue;
        }
        let segment = strip_label(segment);
        let segment = SENTENCE_TAIL.replace(segment, "");
        if is_one_organisation(&segment) && person_for_outlet(&segment).is_none() {
            parts += 1;
            add_part(&mut credits, &segment, site);
            continue;
        }
        for part in PERSON_SPLIT.split(&segment) {
            let part = strip_label(part.trim());
            parts += usize::from(!part.is_empty());
            match person_for_outlet(part) {
                Some((person, outlet)) => {
                    add_part(&mut credits, person, site);
                    add_outlet(&mut credits, outlet, site);
                }
                None => add_part(&mut credits, part, site),
            }
        }
    }
    drop_lone_words(&mut credits.persons, parts);
    drop_site_beside_persons(&mut credits.persons, site);
    credits
}

/// The site's own name beside other persons is the site ("Ann Lee | Widget Weekly"); alone
/// it may be a person whose blog bears their name.
fn drop_site_beside_persons(persons: &mut Vec<String>, site: &SiteNames) {
    if persons.len() > 1 && persons.iter().any(|p| !site.is_site(p)) {
        persons.retain(|p| !site.is_site(p));
    }
}

/// Credits the organisations named in parentheses and drops them and handles; a
/// parenthesised name ("Ann (Kim) Lee") stays in place.
fn read_asides(text: &str, credits: &mut Credits, site: &SiteNames) -> String {
    ASIDE
        .replace_all(text, |caps: &regex::Captures| {
            let inner = caps.get(1).map_or("", |m| m.as_str()).trim();
            match classify(inner) {
                Named::Person(_) if !inner.starts_with('@') => caps[0].to_string(),
                Named::Person(_) | Named::Nothing => " ".to_string(),
                _ => {
                    add_part(credits, inner, site);
                    ", ".to_string()
                }
            }
        })
        .into_owned()
}

/// A segment that is one organisation as a whole ("Center for Widget Research"): an
/// organisation word and no list punctuation.
fn is_one_organisation(segment: &str) -> bool {
    !segment.contains([',', ';', '&', '/'])
        && matches!(classify(segment), Named::Organisation(_) | Named::Agency(_))
}

/// One-word names ("Stefan") stand only when they are the whole byline: beside full names or
/// other words ("Guide", "Privacy") they are menu or label words, not persons.
fn drop_lone_words(persons: &mut Vec<String>, parts: usize) {
    let one_word = |p: &String| !p.contains(char::is_whitespace);
    if parts > 1 {
        persons.retain(|p| !one_word(p));
    }
}

fn add_part(credits: &mut Credits, part: &str, site: &SiteNames) {
    match classify(part) {
        Named::Person(p) if !site.is_brand(&p) => push_person(&mut credits.persons, p),
        Named::Agency(a) => credits.credit = better_credit(credits.credit.take(), Some(a)),
        Named::Organisation(o) if !site.is_site(&o) => {
            credits.credit = better_credit(credits.credit.take(), Some(o))
        }
        _ => {}
    }
}

/// A person and the outlet they wrote for ("Ann Lee for Radio Kestrel" → "Ann Lee", "Radio
/// Kestrel"), when the words before "for" name a person ("Center for Widget Research" is one
/// organisation).
fn person_for_outlet(part: &str) -> Option<(&str, &str)> {
    let c = FOR_OUTLET.captures(part)?;
    let (person, outlet) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    matches!(classify(person), Named::Person(_)).then_some((person, outlet))
}

/// Credits the outlet a person wrote for: an agency or organisation by its name, else (a name
/// without an organisation word, "Radio Kestrel") as written; never a person, never the site.
fn add_outlet(credits: &mut Credits, outlet: &str, site: &SiteNames) {
    let name = match classify(outlet) {
        Named::Agency(a) => a,
        Named::Organisation(o) => o,
        Named::Person(_) => outlet.trim().to_string(),
        _ => return,
    };
    if !site.is_site(&name) {
        credits.credit = better_credit(credits.credit.take(), Some(name));
    }
}

/// A wire agency beats any other organisation; otherwise the first credit stays.
fn better_credit(held: Option<String>, new: Option<String>) -> Option<String> {
    match (held, new) {
        (Some(h), Some(n)) if words::agency_of(&h).is_none() && words::agency_of(&n).is_some() => {
            Some(n)
        }
        (held, new) => held.or(new),
    }
}

fn strip_label(text: &str) -> &str {
    let mut rest = text;
    while let Some(m) = LABEL.find(rest) {
        rest = &rest[m.end()..];
    }
    rest
}

fn push_person(persons: &mut Vec<String>, person: String) {
    let key = name_key(&person);
    if !persons.iter().any(|p| name_key(p) == key) {
        persons.push(person);
    }
}

/// Joins names as "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> Option<String> {
    match names.split_last() {
        None => None,
        Some((last, [])) => Some(last.to_string()),
        Some((last, rest)) => Some(format!("{} and {last}", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(raw: &str) -> Vec<String> {
        parse_byline(raw, &SiteNames::default()).persons
    }

    #[test]
    fn labels_in_several_languages_are_dropped() {
        assert_eq!(persons("By Ann Lee and Bo Park"), ["Ann Lee", "Bo Park"]);
        assert_eq!(persons("Von Ann Lee und Bo Park"), ["Ann Lee", "Bo Park"]);
        assert_eq!(persons("Par Ann Lee et Bo Park"), ["Ann Lee", "Bo Park"]);
        assert_eq!(
            persons("Escrito por Ana Ruiz y Bo Park"),
            ["Ana Ruiz", "Bo Park"]
        );
        assert_eq!(persons("Door Ann Lee"), ["Ann Lee"]);
        assert_eq!(persons("Written by: Ann Lee"), ["Ann Lee"]);
        assert_eq!(persons("Author: Ann Lee"), ["Ann Lee"]);
        assert_eq!(persons("Piše: Ann Lee"), ["Ann Lee"]);
        assert!(persons("Foto: Ann Lee").is_empty());
        assert_eq!(persons("Design: Ann Lee, text: Bo Park"), ["Bo Park"]);
    }

    #[test]
    fn titles_dates_emails_and_sites_are_cut() {
        assert_eq!(persons("By Ann Lee, Senior Editor"), ["Ann Lee"]);
        assert_eq!(persons("Ann Lee | Nov 3, 2024 | 5 min read"), ["Ann Lee"]);
        assert_eq!(persons("Ann Lee ann@example.org"), ["Ann Lee"]);
        assert_eq!(
            persons("Ann Lee is a reporter at the Gazette and Bo"),
            ["Ann Lee"]
        );
        let site = SiteNames::new(["Widget Weekly", "widgetweekly"]);
        assert_eq!(parse_byline("Widget Weekly", &site), Credits::default());
        assert_eq!(
            parse_byline("Ann Lee - Widget Weekly", &site).persons,
            ["Ann Lee"]
        );
        assert_eq!(
            parse_byline("Ann Lee, Bo Park | Widget Weekly", &site).persons,
            ["Ann Lee", "Bo Park"]
        );
        let site = SiteNames::new(["Widgetly", "widgetly"]);
        assert!(parse_byline("Widgetly", &site).persons.is_empty());
        let blog = SiteNames::new(["annlee"]);
        assert_eq!(parse_byline("Ann Lee", &blog).persons, ["Ann Lee"]);
    }

    #[test]
    fn reviewers_photographers_and_contacts_are_no_authors() {
        assert_eq!(persons("By Ann Lee | Reviewed by Bo Park"), ["Ann Lee"]);
        assert_eq!(
            persons("Ann Lee | Medically reviewed by | Bo Park"),
            ["Ann Lee"]
        );
        assert!(persons("Contact: | Bo Park").is_empty());
    }

    #[test]
    fn a_trailing_other_role_label_is_recognised() {
        assert!(ends_with_other_role("Reviewed by,"));
        assert!(ends_with_other_role(
            "Text of the post. | Medically reviewed by:"
        ));
        assert!(ends_with_other_role("Contact:"));
        assert!(!ends_with_other_role("Written by"));
        assert!(!ends_with_other_role("Reviewed by Bo Park"));
        assert!(!ends_with_other_role(
            "The photos were taken by the harbour"
        ));
    }

    #[test]
    fn one_word_names_stand_alone_only() {
        assert_eq!(persons("By Kimiko"), ["Kimiko"]);
        assert_eq!(persons("Guide | Ann Lee"), ["Ann Lee"]);
        assert!(persons("Wellness and Prevention").is_empty());
    }

    #[test]
    fn an_organisation_stays_whole() {
        let c = parse_byline("Center for Widget Research", &SiteNames::default());
        assert_eq!(c.credit.as_deref(), Some("Center for Widget Research"));
        assert!(c.persons.is_empty());
    }

    #[test]
    fn the_outlet_after_for_is_no_person() {
        let c = parse_byline("By Jane Doe for Radio Kestrel", &SiteNames::default());
        assert_eq!(
            (c.byline().as_deref(), c.credit.as_deref()),
            (Some("Jane Doe"), Some("Radio Kestrel"))
        );
        let c = parse_byline(
            "By Jane Doe and Tom Reed for Radio Kestrel",
            &SiteNames::new(["Radio Kestrel"]),
        );
        assert_eq!(
            (c.byline().as_deref(), c.credit.as_deref()),
            (Some("Jane Doe and Tom Reed"), None)
        );
        let c = parse_byline("Jane Doe for The Harbour Gazette", &SiteNames::default());
        assert_eq!(c.byline().as_deref(), Some("Jane Doe"));
        assert_eq!(persons("Tom Reed for Kestrel Weekly Review"), ["Tom Reed"]);
    }

    #[test]
    fn agencies_and_desks_go_to_credit() {
        let c = parse_byline("By Ann Lee, AFP", &SiteNames::default());
        assert_eq!(
            (c.persons, c.credit.as_deref()),
            (vec!["Ann Lee".to_string()], Some("AFP"))
        );
        let c = parse_byline("ANN LEE, AP National Writer", &SiteNames::default());
        assert_eq!(
            (c.byline().as_deref(), c.credit.as_deref()),
            (Some("ANN LEE"), Some("AP"))
        );
        let c = parse_byline("Reuters staff", &SiteNames::default());
        assert_eq!((c.persons.len(), c.credit.as_deref()), (0, Some("Reuters")));
        let c = parse_byline("Ann Lee for AFP and Bo Park for AFP", &SiteNames::default());
        assert_eq!(
            (c.byline().as_deref(), c.credit.as_deref()),
            (Some("Ann Lee and Bo Park"), Some("AFP"))
        );
        assert_eq!(persons("Ann (Kim) Lee (@annlee)"), ["Ann (Kim) Lee"]);
        let c = parse_byline("Ann Lee (AP)", &SiteNames::default());
        assert_eq!(c.credit.as_deref(), Some("AP"));
        let c = parse_byline("Von Ann Lee für dpa", &SiteNames::default());
        assert_eq!(
            (c.byline().as_deref(), c.credit.as_deref()),
            (Some("Ann Lee"), Some("dpa"))
        );
        let c = parse_byline("Staff Reports", &SiteNames::default());
        assert_eq!(
            (c.byline(), c.credit.as_deref()),
            (None, Some("Staff Reports"))
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_names_each_person_once(raw in "\\PC{0,80}") {
            let c = parse_byline(&raw, &SiteNames::new([raw.as_str()]));
            let keys: Vec<String> = c.persons.iter().map(|p| name_key(p)).collect();
            for (i, key) in keys.iter().enumerate() {
                proptest::prop_assert!(!keys[..i].contains(key));
            }
        }
    }

    #[test]
    fn joins_persons() {
        let c = Credits {
            persons: vec!["A".into(), "B".into(), "C".into()],
            credit: None,
        };
        assert_eq!(c.byline().as_deref(), Some("A, B and C"));
    }
}
