//! Metadata from the first lines of a text: a title line, a date line (`20220215`,
//! `February 15, 2022`, `Published: …`), a URL line, a byline (`By A and B`), or an inline date
//! prefix (`date 2022-02-15 KYIV, …`, `2022-02-15 Body…`) in front of the body.
//!
//! A date line or prefix that is an ISO date-time with an offset (`2022-02-15T09:30:00+01:00`)
//! also gives the publication time.
//!
//! Only the first `header_max_lines` non-blank lines are read, and reading stops at the first
//! line that is body text, so a date quoted inside the body is never the publication date.
//! Consumed lines leave the body and are listed in `removed` with a `meta-*` reason. Boilerplate
//! lines met on the way (a photo credit under the date) are skipped and left to cleaning.

use super::wrap::Layout;
use super::{clean, ends_sentence, word_count, Doc};
use crate::meta::date::{parse_date_line, parse_date_prefix, starts_with_date_label};
use crate::meta::people::{parse_byline, SiteNames};
use crate::meta::timestamp::parse_iso_timestamp;
use crate::Extracted;
use regex::Regex;
use samestory_core::{IngestConfig, RemovedLine};
use std::sync::LazyLock;

static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:original\s+)?(?:url|link|source|canonical(?:\s+url)?)\s*:\s*)?<?(https?://[^\s<>]+)>?$")
        .expect("valid regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Bb]y:?|BY:?|(?:Written|Words|Story) by|Authors?:)\s+(\p{Lu}.*)$")
        .expect("valid regex")
});
static FOREIGN_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Von|VON|Par|PAR|Por|POR|Door|DOOR|Escrito por|Geschrieben von|Écrit par)\s+(\p{Lu}.*)$")
        .expect("valid regex")
});
static DESK_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:From )?(?:Staff|Wire|[Ww]ire) (?:[Rr]eports?|[Ww]riters?|[Ss]ervices)|(?:The )?Associated Press)$")
        .expect("valid regex")
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{8}|\d{4}/\d{1,2}/\d{1,2})\s").expect("valid regex")
});
static TWO_SENTENCES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Ll}{2}[.!?]\s+\p{Lu}").expect("valid regex"));

/// Reads the header lines of `doc` into `ex`.
pub(crate) fn read(doc: &mut Doc, ex: &mut Extracted, layout: &Layout, cfg: &IngestConfig) {
    let head: Vec<usize> = doc.live().take(cfg.header_max_lines).collect();
    for (k, &i) in head.iter().enumerate() {
        if !take(doc, ex, i, k == 0, layout, cfg) {
            break;
        }
    }
}

/// Reads line `i` as a header line; false once it is body text (the header has ended).
fn take(
    doc: &mut Doc,
    ex: &mut Extracted,
    i: usize,
    first: bool,
    layout: &Layout,
    cfg: &IngestConfig,
) -> bool {
    let text = doc.lines[i].text.clone();
    if let Some(reason) = meta_line(&text, ex) {
        doc.remove(i, reason);
        return true;
    }
    if clean::line_reason(&text).is_some() {
        return true;
    }
    if first && is_title(doc, i, layout, cfg) {
        ex.title = Some(text);
        doc.remove(i, "meta-title");
        return true;
    }
    if ex.date.is_none() {
        split_date_prefix(doc, ex, i);
    }
    false
}

/// A whole line of metadata (URL, date, byline) not yet known; stores it and says which.
fn meta_line(text: &str, ex: &mut Extracted) -> Option<&'static str> {
    if ex.url.is_none() {
        if let Some(url) = url_line(text) {
            ex.url = Some(url);
            return Some("meta-url");
        }
    }
    if ex.date.is_none() {
        if let Some(date) = parse_date_line(text) {
            ex.date = Some(date);
            ex.published = parse_iso_timestamp(text);
            return Some("meta-date");
        }
    }
    if ex.byline.is_none() {
        if let Some(byline) = byline(text) {
            ex.byline = Some(byline);
            return Some("meta-byline");
        }
    }
    None
}

/// The URL of a line that is only a URL (bare, in `<…>`, or labelled `URL:` / `Source:` …).
pub(crate) fn url_line(text: &str) -> Option<String> {
    URL_LINE.captures(text.trim()).map(|c| c[1].to_string())
}

/// True when the line, whatever else it is, has the shape of a metadata line.
fn is_meta_shaped(text: &str) -> bool {
    url_line(text).is_some() || parse_date_line(text).is_some() || byline(text).is_some()
}

/// The names of a byline such as `By Jane Roe and John Poe`, or a desk line (`Staff Reports`);
/// in German, French, Spanish and Dutch (`Von …`, `Par …`, `Por …`, `Door …`) only when the
/// names are a person or an agency (those words also open sentences).
pub(crate) fn byline(text: &str) -> Option<String> {
    if DESK_BYLINE.is_match(text) {
        return Some(text.to_string());
    }
    if let Some(names) = FOREIGN_BYLINE.captures(text).and_then(|c| c.get(1)) {
        let read = parse_byline(names.as_str(), &SiteNames::default());
        let named = !read.persons.is_empty() || read.credit.is_some();
        return (named && plausible_names(names.as_str())).then(|| names.as_str().to_string());
    }
    let names = BYLINE.captures(text)?.get(1)?.as_str();
    let names = names
        .trim()
        .trim_end_matches([',', '|', '-', '–', '—'])
        .trim_end();
    plausible_names(names).then(|| names.to_string())
}

/// Short, no sentence, no label inside.
fn plausible_names(names: &str) -> bool {
    word_count(names) <= 15 && !ends_sentence(names) && !names.contains(':')
}

/// The first line is a title when it is shaped like a headline and set apart from the body:
/// a blank line or a metadata line follows it, or the text is not hard-wrapped (so the line
/// cannot be the first piece of a wrapped paragraph).
fn is_title(doc: &Doc, i: usize, layout: &Layout, cfg: &IngestConfig) -> bool {
    let line = &doc.lines[i];
    let more_follows = doc.live().any(|j| j > i);
    more_follows && headline_shaped(&line.text, cfg) && (line.heading || set_apart(doc, i, layout))
}

fn set_apart(doc: &Doc, i: usize, layout: &Layout) -> bool {
    match doc.lines.get(i + 1) {
        None => false,
        Some(next) if next.text.is_empty() || next.gone.is_some() => true,
        Some(next) => !layout.wrapped || next.heading || is_meta_shaped(&next.text),
    }
}

/// Short, starts like a headline, does not end like a sentence or a clause, one sentence only.
fn headline_shaped(text: &str, cfg: &IngestConfig) -> bool {
    let words = word_count(text);
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'“‘«".contains(c));
    let ends_open = text.ends_with([',', ';', ':', '-', '–', '—', '!']) || ends_with_period(text);
    (2..=cfg.title_max_words).contains(&words)
        && text.chars().count() <= 250
        && starts_well
        && !ends_open
        && !TWO_SENTENCES.is_match(text)
        && !is_label(text, words)
}

/// Not a headline but a label: a short all-caps line (a section name, a dateline such as
/// `PORTVILLE, NORWAY`), or a line carrying a web address.
fn is_label(text: &str, words: usize) -> bool {
    let shouting = words <= 4 && !text.chars().any(char::is_lowercase);
    shouting || text.contains("www.") || text.contains("://")
}

/// Ends with a full stop (possibly inside closing quotes), unlike `?` and `!`, which headlines use.
fn ends_with_period(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    core.ends_with('.') || core.ends_with('…')
}

/// `date 2022-02-15 KYIV, …` → date, with the prefix moved to `removed` and the rest kept.
fn split_date_prefix(doc: &mut Doc, ex: &mut Extracted, i: usize) {
    let line = &mut doc.lines[i];
    let Some((date, end)) = date_prefix(&line.text) else {
        return;
    };
    let (prefix, rest) = line.text.split_at(end);
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ",|:-–—".contains(c));
    if !rest.chars().any(char::is_alphabetic) {
        return;
    }
    doc.removed.push(RemovedLine {
        line: line.no,
        text: prefix.trim().to_string(),
        reason: "meta-date".into(),
    });
    ex.published = parse_iso_timestamp(&line.text);
    line.text = rest.to_string();
    ex.date = Some(date);
}

/// A date at the start of a line: any shape after a `date`/`published` label, else only the
/// numeric ones (`2022-02-15`, `20220215`, `2022/02/15`) — never a month name, which a body
/// sentence may start with.
fn date_prefix(text: &str) -> Option<(String, usize)> {
    let allowed = starts_with_date_label(text) || NUMERIC_DATE.is_match(text);
    allowed.then(|| parse_date_prefix(text)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Jane Roe and John Poe").as_deref(),
            Some("Jane Roe and John Poe")
        );
        assert_eq!(byline("BY JANE ROE |").as_deref(), Some("JANE ROE"));
        assert_eq!(byline("By the end of the day, talks had failed."), None);
        assert_eq!(byline("By 2030 the plan ends"), None);
        assert_eq!(byline("Bypass road closed"), None);
        assert_eq!(byline("Staff Reports").as_deref(), Some("Staff Reports"));
        assert_eq!(byline("Von Jana Rau").as_deref(), Some("Jana Rau"));
        assert_eq!(
            byline("Par Ann Lee et Bo Park").as_deref(),
            Some("Ann Lee et Bo Park")
        );
        assert_eq!(byline("Von Montag bis Freitag gilt der neue Plan"), None);
    }

    #[test]
    fn url_lines() {
        assert_eq!(
            url_line("https://x.test/a?b=1").as_deref(),
            Some("https://x.test/a?b=1")
        );
        assert_eq!(
            url_line("<https://x.test/a>").as_deref(),
            Some("https://x.test/a")
        );
        assert_eq!(
            url_line("Original URL: https://x.test/a").as_deref(),
            Some("https://x.test/a")
        );
        assert_eq!(url_line("See https://x.test/a for more"), None);
    }

    #[test]
    fn headline_shapes() {
        let cfg = IngestConfig::default();
        assert!(headline_shaped(
            "Rivers rise as storm nears the coast",
            &cfg
        ));
        assert!(headline_shaped("Will the bridge reopen?", &cfg));
        assert!(!headline_shaped("Tickets are on sale now!", &cfg));
        assert!(headline_shaped("‘No sign’ of a deal, mayor says", &cfg));
        assert!(!headline_shaped(
            "The storm reached the coast on Monday.",
            &cfg
        ));
        assert!(!headline_shaped("the storm reached the coast", &cfg));
        assert!(!headline_shaped("Storms", &cfg));
        assert!(!headline_shaped("It rained. Then it stopped", &cfg));
        assert!(!headline_shaped("PORTVILLE, NORWAY", &cfg));
        assert!(!headline_shaped("GIRLS HOCKEY", &cfg));
        assert!(headline_shaped("STORM CLOSES HARBOUR FOR A WEEK", &cfg));
        assert!(!headline_shaped(
            "Tested by Jane Roe, more at www.example.test",
            &cfg
        ));
    }

    #[test]
    fn date_prefixes() {
        assert_eq!(
            date_prefix("date 2022-02-15 KYIV, Ukraine —")
                .map(|d| d.0)
                .as_deref(),
            Some("2022-02-15")
        );
        assert_eq!(
            date_prefix("20220215 Harbour reopens")
                .map(|d| d.0)
                .as_deref(),
            Some("2022-02-15")
        );
        assert_eq!(
            date_prefix("Published: March 3, 2021 Rain fell")
                .map(|d| d.0)
                .as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(
            date_prefix("February 15, 2022, will go down in history"),
            None
        );
        assert_eq!(date_prefix("2022 was a hard year"), None);
    }
}
