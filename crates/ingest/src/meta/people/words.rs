//! Word lists that tell a person's name from what surrounds it in a byline: organisation and
//! desk words, job titles, month names, name particles, labels that end a name, and the wire
//! agencies (read from the relation engine's default list, the one place they live). Pure data
//! and lookups; no parsing.

use std::sync::LazyLock;

/// Words that make a byline part an organisation, a desk or a team, not a person.
#[rustfmt::skip]
const ORGANISATION: &[&str] = &[
    "team", "staff", "staffs", "editors", "editorial", "desk", "newsroom", "redaktion",
    "rédaction", "redacción", "redazione", "redactie", "inc", "ltd", "llc", "llp", "plc", "gmbh",
    "corp", "corporation", "company", "news", "media", "press", "group", "university",
    "universität", "université", "universidad", "college", "institute", "institut", "association",
    "foundation", "society", "agency", "official", "solutions", "services", "blog", "magazine",
    "journal", "daily", "network", "online", "digital", "studio", "studios", "labs", "partners",
    "clinic", "dentistry", "center", "centre", "department", "council", "office", "admin",
    "administrator", "webmaster", "marketing", "contributors", "support", "community", "club",
    "store", "shop", "hq", "reports", "wire", "bureau", "verlag", "zeitung", "nachrichten",
    "weekly", "gazette", "tribune", "herald", "chronicle", "ministry", "government", "agence",
    "agencia", "agentur", "anonymous", "unknown", "undefined", "null", "guest", "user", "redacao",
    "redação", "magazin", "zeitschrift", "revista", "rivista", "diario", "giornale", "gazzetta",
    "kurier", "rundschau", "anzeiger", "tageblatt", "presse", "union", "verein", "verband",
    "agenzia", "jornal", "información", "informacion", "noticias", "notizie", "nieuws", "images",
    "polizei", "ομάδα", "ομαδα", "ब्यूरो",
];

/// Job titles and roles: a byline part made of these names no one.
#[rustfmt::skip]
const ROLE: &[&str] = &[
    "editor", "writer", "reporter", "correspondent", "columnist", "journalist", "author",
    "contributor", "producer", "photographer", "manager", "director", "founder", "co-founder",
    "ceo", "cto", "cmo", "president", "head", "chief", "senior", "lead", "specialist", "analyst",
    "strategist", "expert", "consultant", "marketer", "copywriter", "intern", "owner", "student",
    "coordinator", "officer", "engineer", "developer", "designer", "scientist", "researcher",
    "redakteur", "redakteurin", "autor", "autorin", "korrespondent", "korrespondentin",
    "rédacteur", "rédactrice", "journaliste", "periodista", "redactor", "redactora",
    "corresponsal", "fellow", "associate", "assistant", "vp", "evp", "host", "contributing",
    "certified", "licensed", "registered", "m.a", "b.a", "ph.d", "phd", "mba", "msc", "bsc",
    "freelance", "managing", "executive", "deputy", "former", "guest",
];

/// Capitalised words that end a name in a byline line ("Jane Doe Published …").
#[rustfmt::skip]
const STOPPER: &[&str] = &[
    "von", "par", "por", "door", "zum", "profil", "our", "meet", "authors", "writers", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "learn", "home", "guide", "guides", "privacy", "policy", "login", "subscribe", "search",
    "menu", "next", "previous", "back", "top", "skip", "sign", "log", "download", "explore",
    "discover", "resources", "help", "faq", "terms", "cookies", "settings", "written", "article",
    "content", "introducing", "join", "free", "new", "watch", "listen", "related", "tags",
    "category", "categories", "topics", "print", "save", "reply", "close", "open",
    "published", "updated", "posted", "last", "read", "follow", "view", "more", "share", "min",
    "minute", "minutes", "comments", "comment", "leave", "reviewed", "fact", "edited", "photo",
    "photos", "illustration", "video", "contact", "email", "twitter", "facebook", "linkedin",
    "instagram", "by", "on", "at", "veröffentlicht", "aktualisiert", "publié", "publicado",
    "actualizado", "mis", "modifié", "about", "see", "all", "posts", "articles", "bio", "profile",
    "and", "in", "am", "the", "for", "from", "with", "via",
];

/// Month names and abbreviations (English, German, French, Spanish, Italian, Dutch,
/// Portuguese): a name ends where a date starts.
#[rustfmt::skip]
const MONTH: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "januar", "februar", "märz", "mai", "juni", "juli", "oktober",
    "dezember", "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio",
    "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "januari",
    "februari", "maart", "mei", "augustus", "janeiro", "fevereiro", "março", "maio", "junho",
    "julho", "setembro", "outubro", "novembro", "dezembro",
];

/// Lower-case particles inside names ("Ludwig van Beethoven", "Ana de la Cruz").
#[rustfmt::skip]
const PARTICLE: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
    "do", "bin", "ibn", "al", "el", "ter", "ten", "zu", "af", "st.",
];

static AGENCIES: LazyLock<Vec<String>> =
    LazyLock::new(|| samestory_core::RelateConfig::default().wire_agencies);

fn listed(list: &[&str], word: &str) -> bool {
    let lower = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    list.contains(&lower.as_str())
}

/// True for an organisation, desk or team word.
pub fn is_organisation_word(word: &str) -> bool {
    listed(ORGANISATION, word) || organisation_compound(word)
}

/// Compounds ending in an organisation word ("Stadtzeitung", "Bundestagsfraktion"), as
/// German and Dutch write them.
fn organisation_compound(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().count() >= 8 && ORGANISATION_ENDINGS.iter().any(|e| lower.ends_with(e))
}

#[rustfmt::skip]
const ORGANISATION_ENDINGS: &[&str] = &[
    "zeitung", "fraktion", "verlag", "stiftung", "verband", "verein", "redaktion", "presse",
    "magazin", "agentur", "gmbh", "krant", "blad", "redactie",
];

/// Lower-case words that may join the words of an organisation's name ("Center for …").
#[rustfmt::skip]
const CONNECTOR: &[&str] = &[
    "of", "for", "the", "and", "at", "in", "on", "de", "du", "des", "der", "die", "das", "den",
    "für", "und", "et", "y", "la", "le", "les", "el", "del", "di", "della", "van", "voor", "e.v.",
];

/// True for a lower-case word that may join an organisation's name.
pub fn is_connector(word: &str) -> bool {
    CONNECTOR.contains(&word)
}

/// True for a job-title or role word.
pub fn is_role_word(word: &str) -> bool {
    listed(ROLE, word)
}

/// True for a word that ends the name before it.
pub fn is_stopper(word: &str) -> bool {
    listed(STOPPER, word)
}

/// True for a month name or abbreviation.
pub fn is_month(word: &str) -> bool {
    listed(MONTH, word)
}

/// True for a lower-case name particle.
pub fn is_particle(word: &str) -> bool {
    PARTICLE.contains(&word)
}

/// The wire agency a byline part credits ("AFP", "Reuters staff", "The Associated Press"),
/// spelled as the agency list spells it.
pub fn agency_of(part: &str) -> Option<String> {
    agency_named(part).or_else(|| agency_with_title(part))
}

/// An agency followed by a job title or desk ("AP National Writer", "AFP correspondent").
fn agency_with_title(part: &str) -> Option<String> {
    let (first, rest) = part.trim().split_once(char::is_whitespace)?;
    let titled = rest
        .split_whitespace()
        .any(|w| is_role_word(w) || is_organisation_word(w));
    if titled {
        agency_named(first)
    } else {
        None
    }
}

fn agency_named(part: &str) -> Option<String> {
    let core: Vec<&str> = part
        .split_whitespace()
        .filter(|w| {
            !listed(
                &["the", "staff", "wire", "reports", "via", "from", "news"],
                w,
            )
        })
        .collect();
    let core = core.join(" ");
    let core = core.trim_matches(|c: char| !c.is_alphanumeric());
    AGENCIES.iter().find(|a| same_agency(a, core)).cloned()
}

/// Short all-caps agency names ("AP") match only in capitals; longer ones in any case.
fn same_agency(agency: &str, text: &str) -> bool {
    if agency.chars().count() <= 3 {
        agency == text
    } else {
        agency.eq_ignore_ascii_case(text) || agency.to_lowercase() == text.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_are_read_from_the_relation_list() {
        assert_eq!(agency_of("Reuters staff").as_deref(), Some("Reuters"));
        assert_eq!(
            agency_of("The Associated Press").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(agency_of("AFP").as_deref(), Some("AFP"));
        assert_eq!(agency_of("ap"), None);
        assert_eq!(agency_of("Jane Roe"), None);
    }

    #[test]
    fn word_classes() {
        assert!(is_organisation_word("Team"));
        assert!(is_role_word("Editor,"));
        assert!(is_month("Nov."));
        assert!(!is_stopper("Jane"));
        assert!(is_particle("van"));
    }
}
