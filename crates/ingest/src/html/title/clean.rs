//! Raw titles → headlines: leftover entities decoded, whitespace collapsed, site and section
//! segments dropped ("Headline | Site", "Headline - Site | Tagline", "Site: Headline",
//! "Section | Headline").
//!
//! A segment after a strong separator (`|`, `::`, `«`, `»`, `·`, `•`, `//`) goes when it is
//! short; after a dash only when it names the site or looks like a site name (a domain, or a
//! few capitalised words), since headlines use dashes themselves; a colon only sets apart a
//! segment naming the site. A title that is the site's name alone is no headline (`None`).

use super::entities;
use super::sites::SiteNames;

/// Separators that almost always set a site or section name apart.
const STRONG: &[&str] = &[" | ", " :: ", " « ", " » ", " · ", " • ", " // ", " ~ "];
/// Separators that headlines use too.
const DASHES: &[&str] = &[" - ", " – ", " — "];
/// A site-name segment has at most this many words.
const MAX_SITE_WORDS: usize = 5;
/// A leading section segment ("Opinion | …") has at most this many words.
const MAX_SECTION_WORDS: usize = 3;

/// Cleans a raw title knowing only the outlet's name (see [`clean_with`]).
pub fn clean_title(raw: &str, outlet: Option<&str>) -> Option<String> {
    clean_with(raw, &SiteNames::from_names(outlet))
}

/// Cleans a raw title: entities decoded, whitespace collapsed, site and section segments
/// removed; `None` when nothing but a site name is left.
pub fn clean_with(raw: &str, sites: &SiteNames) -> Option<String> {
    let decoded = entities::decode(raw);
    let mut title = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(head) = cut_at_site(&title, sites) {
        title = head;
    }
    while let Some(shorter) = strip_once(&title, sites) {
        title = shorter;
    }
    (!title.is_empty() && !sites.is_site(&title)).then_some(title)
}

/// The part of `title` before the first later segment naming the site ("Headline - Site |
/// Tagline" → "Headline"), or after a leading one ("Site | Headline" → "Headline").
fn cut_at_site(title: &str, sites: &SiteNames) -> Option<String> {
    let cuts = separator_positions(title);
    for (i, &(start, end)) in cuts.iter().enumerate() {
        let next = cuts.get(i + 1).map_or(title.len(), |c| c.0);
        let segment = &title[end..next];
        if sites.is_site(segment) && word_count(&title[..start]) >= 2 {
            return Some(title[..start].trim().to_string());
        }
    }
    let &(start, end) = cuts.first()?;
    let rest = &title[end..];
    (sites.is_site(&title[..start]) && word_count(rest) >= 2).then(|| rest.trim().to_string())
}

/// Byte ranges of every separator in `title`, in order.
fn separator_positions(title: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = STRONG
        .iter()
        .chain(DASHES)
        .flat_map(|sep| {
            title
                .match_indices(sep)
                .map(move |(at, _)| (at, at + sep.len()))
        })
        .collect();
    cuts.sort_unstable();
    cuts
}

/// How strongly a separator sets a segment apart.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `|`, `»`, …: a short segment after it is decoration.
    Strong,
    /// A dash: only a site-like segment after it is.
    Dash,
    /// A colon: only a segment naming the site is.
    Colon,
}

/// Every separator with its kind, strongest first.
fn separators() -> impl Iterator<Item = (&'static str, Kind)> {
    let strong = STRONG.iter().map(|s| (*s, Kind::Strong));
    let dashes = DASHES.iter().map(|s| (*s, Kind::Dash));
    strong.chain(dashes).chain([(": ", Kind::Colon)])
}

/// Removes one site or section segment from the end (or the start), if there is one.
fn strip_once(title: &str, sites: &SiteNames) -> Option<String> {
    for (sep, kind) in separators() {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if is_trailing_decoration(tail, head, kind, sites) {
                return Some(head.trim().to_string());
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if is_leading_decoration(head, tail, kind, sites) {
                return Some(tail.trim().to_string());
            }
        }
    }
    None
}

/// A trailing segment that names the site; a short one after a strong separator; a short
/// site-like one after a dash.
fn is_trailing_decoration(segment: &str, rest: &str, kind: Kind, sites: &SiteNames) -> bool {
    let (words, rest_words) = (word_count(segment), word_count(rest));
    if rest_words == 0 || words > MAX_SITE_WORDS {
        return false;
    }
    if sites.mentions_site(segment) {
        return true;
    }
    let short = rest_words >= words;
    match kind {
        Kind::Strong => short,
        Kind::Dash => short && looks_like_site(segment),
        Kind::Colon => false,
    }
}

/// A leading segment naming the site, or a short section name before a strong separator
/// followed by a much longer headline.
fn is_leading_decoration(head: &str, tail: &str, kind: Kind, sites: &SiteNames) -> bool {
    let (head_words, tail_words) = (word_count(head), word_count(tail));
    if sites.is_site(head) && tail_words > head_words {
        return true;
    }
    kind == Kind::Strong
        && head_words <= MAX_SECTION_WORDS
        && looks_like_site(head)
        && tail_words >= 2 * head_words.max(2)
}

/// A domain ("example.com") or up to three capitalised words ("The Daily Example").
fn looks_like_site(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let domain = words.len() == 1 && segment.contains('.') && !segment.ends_with('.');
    let capitalised = words.len() <= 3
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        });
    domain || capitalised
}

pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
