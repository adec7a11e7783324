//! Wire-agency evidence in a document's own text, for the reprint direction rule. [`credit`]
//! names the agency a document credits and where: its byline, a dateline at the start of the
//! body (`PARIS (AFP) —`, `(Reuters) -`) or a closing credit at its very end (`— AFP`,
//! `(AFP)`, `With Reuters`, `Source: dpa`, `© AFP 2022`); [`republished_notice`] says whether
//! the body declares itself a republication (`This article first appeared in …`).
//!
//! Only the first and last few hundred chars of a body are read, and only in those shapes, so
//! a mention elsewhere (`AFP reported that …`, `AP photographers were …`, `…, she told
//! Reuters.`) never counts. Agency names match as whole words; names of up to 3 letters (AP,
//! AFP, dpa, EFE) only in their exact case, as [`crate::reprint::wire_credit`] does for
//! bylines. Pure functions over `&str`: no I/O, no state, never touches documents, relations
//! or config (the agency list is passed in).

use crate::reprint::wire_credit;
use samestory_text::tokens;

/// Chars at the start of a body in which a dateline may begin.
pub const HEAD_CHARS: usize = 200;
/// Chars at the end of a body in which a closing credit must lie.
pub const TAIL_CHARS: usize = 200;
/// Chars at either end of a body searched for a republication notice.
pub const NOTICE_CHARS: usize = 400;
/// A dateline's place and date (`KYIV, Ukraine, Feb 15`) is at most this many chars…
const PLACE_MAX_CHARS: usize = 60;
/// …and this many words.
const PLACE_MAX_WORDS: usize = 8;
/// A closing credit line (`Reporting by …; Editing by …`) is at most this many words.
const CREDIT_LINE_MAX_WORDS: usize = 30;
const DASHES: [char; 4] = ['-', '–', '—', '−'];

/// Where a credit was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The byline.
    Byline,
    /// A dateline at the start of the body.
    Dateline,
    /// A credit at the very end of the body.
    Closing,
}

impl Place {
    /// Its name in `why`.
    pub fn as_str(self) -> &'static str {
        match self {
            Place::Byline => "byline",
            Place::Dateline => "dateline",
            Place::Closing => "closing credit",
        }
    }
}

/// An agency credit: which agency (as configured) and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit<'a> {
    /// The agency, one of the configured names.
    pub agency: &'a str,
    /// Where it was credited.
    pub place: Place,
}

/// The first agency of `agencies` credited by the byline, else by a dateline at the start of
/// the body (`WASHINGTON (AP) —`, `KYIV, Ukraine, Feb 15 (Reuters) –`, `Berlin (dpa) -`),
/// else by a closing credit at its very end (`— AFP`, `(AFP)`, `© AFP 2022`, `With AFP`,
/// `Source: Reuters`, a `Reporting by …` or `… contributed to this report` line naming it).
pub fn credit<'a>(byline: Option<&str>, body: &str, agencies: &'a [String]) -> Option<Credit<'a>> {
    let at = |place| move |agency| Credit { agency, place };
    byline
        .and_then(|b| wire_credit(b, agencies))
        .map(at(Place::Byline))
        .or_else(|| dateline_credit(body, agencies).map(at(Place::Dateline)))
        .or_else(|| closing_credit(body, agencies).map(at(Place::Closing)))
}

/// Whether the body says it was first published elsewhere (`first appeared in`, `was
/// originally published`, `republished with permission`, `This article is republished from`,
/// `first published on/in/by`), in its first or last [`NOTICE_CHARS`] chars. A date after the
/// phrase (`first published on March 3`) is the page's own history, not a notice, and
/// `first appeared` and the like count only with the article as subject (`This story …`), so
/// `the virus first appeared in …` does not.
pub fn republished_notice(body: &str) -> bool {
    let head_end = char_end(body, NOTICE_CHARS);
    let tail_start = char_start_from_end(body, NOTICE_CHARS);
    if tail_start <= head_end {
        return has_notice(body);
    }
    has_notice(&body[..head_end]) || has_notice(&body[tail_start..])
}

// --- datelines ---

fn dateline_credit<'a>(body: &str, agencies: &'a [String]) -> Option<&'a str> {
    let body = body.trim_start();
    let head_end = char_end(body, HEAD_CHARS);
    let mut line_start = 0;
    body.split('\n')
        .map(|line| {
            let at = line_start;
            line_start += line.len() + 1;
            (at, line)
        })
        .take_while(|&(at, _)| at < head_end)
        .find_map(|(_, line)| dateline(line.trim(), agencies))
}

/// `PLACE[, DATE] (AGENCY[/…])[.] —` at the start of `line`: the agency.
fn dateline<'a>(line: &str, agencies: &'a [String]) -> Option<&'a str> {
    let open = line.find('(').filter(|&at| at <= 4 * PLACE_MAX_CHARS)?;
    let (place, rest) = (&line[..open], &line[open + 1..]);
    if !is_place(place) {
        return None;
    }
    let close = rest.find(')')?;
    let after = rest[close + 1..]
        .strip_prefix('.')
        .unwrap_or(&rest[close + 1..]);
    let dash = after.trim_start().starts_with(DASHES) || after.trim_start().starts_with(':');
    dash.then(|| named_in_list(&rest[..close], agencies))
        .flatten()
}

/// A dateline's place and date: empty, or a few capitalised words, numbers and commas
/// (`KYIV, Ukraine, Feb 15`, `ST. LOUIS`, `Madrid, 15 feb`), never a sentence.
fn is_place(place: &str) -> bool {
    let place = place.trim();
    let allowed = |c: char| c.is_alphanumeric() || c.is_whitespace() || ",.'’-/".contains(c);
    place.chars().count() <= PLACE_MAX_CHARS
        && place.split_whitespace().count() <= PLACE_MAX_WORDS
        && place.chars().all(allowed)
        && place.chars().next().is_none_or(char::is_uppercase)
        && place.split_whitespace().all(is_place_word)
}

/// Capitalised, a number, or a short lower-case word (`feb`, `de`, `am`).
fn is_place_word(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let first = core.chars().next();
    first.is_none_or(|c| c.is_uppercase() || c.is_numeric()) || core.chars().count() <= 3
}

// --- closing credits ---

/// A credit line among the whole lines of the tail (the last first), else a mark ending the
/// last line.
fn closing_credit<'a>(body: &str, agencies: &'a [String]) -> Option<&'a str> {
    let body = body.trim_end();
    let start = char_start_from_end(body, TAIL_CHARS);
    let tail = &body[start..];
    let whole_first = start == 0 || body[..start].ends_with('\n');
    let lines: Vec<&str> = tail.split('\n').skip(usize::from(!whole_first)).collect();
    let last_line = tail.rsplit('\n').next().unwrap_or(tail).trim();
    lines
        .into_iter()
        .rev()
        .find_map(|line| credit_line(line.trim(), agencies))
        .or_else(|| end_mark(last_line, agencies))
}

/// The end of the body's last line: `… (AFP)`, `… — AFP`, or a line that is only the agency.
fn end_mark<'a>(line: &str, agencies: &'a [String]) -> Option<&'a str> {
    let line = line.trim_end_matches(['.', ' ']);
    if let Some(inner) = line.strip_suffix(')') {
        return inner
            .rfind('(')
            .and_then(|open| named_in_list(&inner[open + 1..], agencies));
    }
    dash_credit(line, agencies).or_else(|| named_in_list(line, agencies))
}

/// `… — AFP`: the agency after the last dash (a hyphen only when a space comes before it).
fn dash_credit<'a>(line: &str, agencies: &'a [String]) -> Option<&'a str> {
    let dash = line.rfind(DASHES)?;
    let (before, from_dash) = line.split_at(dash);
    let dash_char = from_dash.chars().next()?;
    let spaced = before.is_empty() || before.ends_with(char::is_whitespace) || dash_char != '-';
    spaced
        .then(|| named_in_list(&from_dash[dash_char.len_utf8()..], agencies))
        .flatten()
}

/// Leads of a closing line whose rest must be a list of names (`With AFP and Reuters`).
const LIST_LEADS: &[&str] = &["with ", "source:", "sources:"];
/// Leads of a closing credit line that may name an agency anywhere in it.
const CREDIT_LEADS: &[&str] = &[
    "©",
    "(c)",
    "copyright",
    "reporting by",
    "additional reporting",
    "writing by",
    "editing by",
    "compiled by",
];

/// A short closing line that credits: `With AFP`, `Source: Reuters`, `© AFP 2022`,
/// `Reporting by Jane Doe for Reuters`, `The Associated Press contributed to this report.`
fn credit_line<'a>(line: &str, agencies: &'a [String]) -> Option<&'a str> {
    let core = strip_marks(line);
    if core.split_whitespace().count() > CREDIT_LINE_MAX_WORDS {
        return None;
    }
    let lower = core.to_ascii_lowercase();
    if let Some(lead) = LIST_LEADS.iter().find(|l| lower.starts_with(*l)) {
        let rest = core[lead.len()..].trim_end_matches([')', ']', '.', ' ']);
        return named_in_list(rest, agencies);
    }
    let credits =
        CREDIT_LEADS.iter().any(|l| lower.starts_with(l)) || lower.contains("contributed to this");
    credits.then(|| wire_credit(core, agencies)).flatten()
}

/// `line` without leading dashes, bullets and an opening bracket (`(With AFP)`, `— Source:`),
/// keeping a `(c)` copyright mark.
fn strip_marks(line: &str) -> &str {
    let line = line
        .trim_start_matches(|c: char| c.is_whitespace() || DASHES.contains(&c) || "*_".contains(c));
    if line.get(..3).is_some_and(|s| s.eq_ignore_ascii_case("(c)")) {
        return line;
    }
    line.strip_prefix(['(', '[']).unwrap_or(line).trim_start()
}

// --- names ---

/// The first agency of `agencies` that one item of `list` (`AFP/Reuters`, `AP, dpa`,
/// `Reuters and AFP`) is exactly; photo and video credits (`AP Photo/…`) name no author.
fn named_in_list<'a>(list: &str, agencies: &'a [String]) -> Option<&'a str> {
    let lower = list.to_lowercase();
    if ["photo", "image", "video", "graphic"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let items: Vec<(&str, Vec<String>)> = list
        .split(['/', ',', ';', '&', '+'])
        .flat_map(|p| p.split(" and "))
        .map(clean_item)
        .filter(|item| !item.is_empty() && item.split_whitespace().count() <= NAME_MAX_WORDS)
        .map(|item| (item, words(item)))
        .collect();
    if items.is_empty() {
        return None;
    }
    agencies.iter().map(String::as_str).find(|agency| {
        let strict = agency.chars().count() <= 3;
        let want = words(agency);
        items.iter().any(|(item, have)| {
            if strict {
                item == agency
            } else {
                !want.is_empty() && *have == want
            }
        })
    })
}

/// An agency name is at most this many words (`Agence France-Presse`, `Deutsche
/// Presse-Agentur`); longer items are not compared.
const NAME_MAX_WORDS: usize = 4;

fn clean_item(item: &str) -> &str {
    let item = item.trim().trim_end_matches('.').trim();
    ["The ", "the "]
        .iter()
        .find_map(|the| item.strip_prefix(the))
        .unwrap_or(item)
}

/// The normalised words of a name, compared by names of more than 3 letters (names of up to
/// 3 letters must match exactly, case included).
fn words(name: &str) -> Vec<String> {
    tokens(name).into_iter().map(|t| t.text).collect()
}

// --- republication notices ---

/// Phrases that are a notice wherever they stand.
const NOTICES: &[&str] = &[
    "republished with permission",
    "reprinted with permission",
    "reproduced with permission",
    "republished from",
    "republished under a creative commons",
];
/// Phrases that are a notice when followed by `on/in/by/at` and a place, not a date, and
/// said of the article.
const FIRST_PUBLISHED: &[&str] = &[
    "first appeared",
    "originally appeared",
    "originally published",
    "first published",
    "originally ran",
];
/// Words naming the article as the subject of a `first published` phrase.
const SUBJECTS: &[&str] = &[
    "article",
    "story",
    "piece",
    "post",
    "column",
    "essay",
    "report",
    "version",
    "this",
    "interview",
    "op-ed",
    "commentary",
    "blog",
];
const MONTHS_AND_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn has_notice(window: &str) -> bool {
    let lower = window.to_ascii_lowercase();
    // Every phrase below holds one of these stems: most windows hold none.
    let stems = ["publish", "appear", "reprint", "reproduc", "originally"];
    if !stems.iter().any(|s| lower.contains(s)) {
        return false;
    }
    NOTICES
        .iter()
        .any(|p| phrase_at(&lower, p).next().is_some())
        || FIRST_PUBLISHED.iter().any(|p| {
            phrase_at(&lower, p)
                .any(|at| names_a_place(&lower[at + p.len()..]) && about_the_article(&lower[..at]))
        })
}

/// Byte offsets where `phrase` starts a word in `text`.
fn phrase_at<'t>(text: &'t str, phrase: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(phrase)
        .map(|(at, _)| at)
        .filter(|&at| !text[..at].ends_with(char::is_alphanumeric))
}

/// `on/in/by/at` and then a word that is not a date.
fn names_a_place(after: &str) -> bool {
    let mut words = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    matches!(words.next(), Some("on" | "in" | "by" | "at"))
        && words
            .next()
            .is_some_and(|w| !w.is_empty() && !is_date_word(w))
}

fn is_date_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || (word.len() >= 3 && MONTHS_AND_DAYS.iter().any(|m| m.starts_with(word)))
}

/// The sentence before a phrase names the article (`This story was …`).
fn about_the_article(before: &str) -> bool {
    let sentence = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(before, |end| &before[end + 1..]);
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| SUBJECTS.contains(&w))
}

// --- windows ---

/// Byte offset after the first `n` chars of `text` (its length when shorter).
fn char_end(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Byte offset of the start of the last `n` chars of `text` (0 when shorter).
fn char_start_from_end(text: &str, n: usize) -> usize {
    match n.checked_sub(1) {
        None => text.len(),
        Some(k) => text.char_indices().rev().nth(k).map_or(0, |(i, _)| i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies() -> Vec<String> {
        samestory_core::RelateConfig::default().wire_agencies
    }

    /// Filler prose (invented) long enough to push a mention out of the windows.
    const MIDDLE: &str = "The council met for most of the afternoon and heard from residents \
        on both sides of the question, including several who had travelled from the outer \
        villages to speak about the ferry timetable and the cost of the new pier. Members \
        agreed to return to the matter at their next meeting, once the engineers had reported \
        on the condition of the harbour wall and the likely price of repairs.";

    fn body(start: &str, end: &str) -> String {
        format!("{start}\n\n{MIDDLE}\n\n{end}")
    }

    fn found(byline: Option<&str>, text: &str) -> Option<(String, Place)> {
        let ag = agencies();
        credit(byline, text, &ag).map(|c| (c.agency.to_string(), c.place))
    }

    fn dateline_of(start: &str) -> Option<String> {
        match found(None, &body(start, "The vote is due next week.")) {
            Some((agency, Place::Dateline)) => Some(agency),
            None => None,
            other => panic!("{start:?}: {other:?}"),
        }
    }

    fn closing_of(end: &str) -> Option<String> {
        match found(None, &body("The harbour council met on Tuesday.", end)) {
            Some((agency, Place::Closing)) => Some(agency),
            None => None,
            other => panic!("{end:?}: {other:?}"),
        }
    }

    #[test]
    fn place_names() {
        assert_eq!(Place::Byline.as_str(), "byline");
        assert_eq!(Place::Dateline.as_str(), "dateline");
        assert_eq!(Place::Closing.as_str(), "closing credit");
    }

    #[test]
    fn byline_comes_first() {
        let text = body("PARIS (AFP) — The harbour council met.", "— Reuters");
        assert_eq!(
            found(Some("By Ann Lee, Associated Press"), &text),
            Some(("Associated Press".into(), Place::Byline))
        );
        assert_eq!(
            found(Some("By Ann Lee"), &text),
            Some(("AFP".into(), Place::Dateline))
        );
    }

    #[test]
    fn datelines() {
        let cases = [
            ("WASHINGTON (AP) — Lawmakers met on Tuesday.", "AP"),
            ("PARIS (AFP) - The harbour council met.", "AFP"),
            ("(Reuters) - Shares in a ferry operator rose.", "Reuters"),
            (
                "KYIV, Ukraine, Feb 15 (Reuters) – Officials said talks would resume.",
                "Reuters",
            ),
            ("Berlin (dpa) - Der Stadtrat tagte am Dienstag.", "dpa"),
            ("Madrid, 15 feb (EFE).- El consejo se reunió.", "EFE"),
            ("ST. LOUIS (AP) — A river barge ran aground.", "AP"),
            ("Hamburg (dpa/lno) - Der Hafen bleibt geschlossen.", "dpa"),
            ("LONDON (REUTERS) - Ferry fares rise.", "Reuters"),
        ];
        for (start, agency) in cases {
            assert_eq!(dateline_of(start).as_deref(), Some(agency), "{start}");
        }
    }

    #[test]
    fn a_dateline_may_follow_a_short_first_line() {
        let text = body("Harbour news\nPORTVILLE (AFP) — The pier reopened.", "");
        assert_eq!(found(None, &text), Some(("AFP".into(), Place::Dateline)));
    }

    #[test]
    fn mentions_at_the_start_that_are_no_dateline() {
        for start in [
            "AP photographers were at the pier when it reopened.",
            "AFP reported that the pier had reopened (AFP) — officials said.",
            "The agency (AFP) said on Tuesday — without giving details — that it would stay.",
            "WASHINGTON (AP Photo) — A caption that is no dateline.",
            "Paris (afp) - lower-case short names do not count.",
            "A new apple orchard (Apple) — opened.",
        ] {
            let text = body(start, "The vote is due next week.");
            assert_eq!(found(None, &text), None, "{start}");
        }
    }

    #[test]
    fn a_dateline_beyond_the_head_does_not_count() {
        let text = format!("{MIDDLE}\n\nPARIS (AFP) — The pier reopened.\n\nThe vote is due.");
        assert_eq!(found(None, &text), None);
    }

    #[test]
    fn closing_credits() {
        let cases = [
            ("The vote is due next week. — AFP", "AFP"),
            ("The vote is due next week.\n\n—AFP", "AFP"),
            ("The vote is due next week. (AFP)", "AFP"),
            ("The vote is due next week.\n\n© AFP 2022", "AFP"),
            ("The vote is due next week.\n\nWith AFP", "AFP"),
            ("The vote is due next week.\n\n(With AFP and Reuters)", "AFP"),
            ("The vote is due next week.\n\nSource: Reuters", "Reuters"),
            ("The vote is due next week.\n\nReuters", "Reuters"),
            (
                "The vote is due next week.\n\n(Reporting by Ann Lee for Reuters; Editing by Bo Chan)",
                "Reuters",
            ),
            (
                "The vote is due next week.\n\nThe Associated Press contributed to this report.",
                "Associated Press",
            ),
            (
                "The vote is due next week.\n\nCopyright 2022 The Associated Press. All rights reserved.",
                "Associated Press",
            ),
            ("The vote is due next week.\n\nSource: Reuters\n\nMore from our site", "Reuters"),
        ];
        for (end, agency) in cases {
            assert_eq!(closing_of(end).as_deref(), Some(agency), "{end}");
        }
    }

    #[test]
    fn endings_that_credit_no_agency() {
        for end in [
            "The vote is due next week.\n\n(Reporting by Ann Lee; Editing by Bo Chan)",
            "Reporting by Jane Doe",
            "The minister said so in an interview, she told AFP.",
            "A spokesman told Reuters the vote was due.",
            "The vote is due next week. (AP Photo/Ann Lee)",
            "The vote is due next week.\n\nPhoto: AFP",
            "The vote is due next week.\n\nWith the vote due, Reuters said talks went on.",
            "The orchard sold every apple it grew.",
            "Officials in Jean-AFP said nothing.",
            "The council said it would meet in the 2010-2015 period.",
        ] {
            assert_eq!(closing_of(end), None, "{end}");
        }
    }

    #[test]
    fn a_mid_article_mention_is_no_credit() {
        let text = format!(
            "The harbour council met on Tuesday.\n\nAFP reported that the pier would reopen, \
             and Reuters said the same. {MIDDLE}\n\nThe vote is due next week."
        );
        assert_eq!(found(None, &text), None);
        let credit_mid = format!("Harbour news.\n\n— AFP\n\n{MIDDLE}\n\nThe vote is due.");
        assert_eq!(found(None, &credit_mid), None);
    }

    #[test]
    fn empty_and_tiny_bodies() {
        assert_eq!(found(None, ""), None);
        assert_eq!(found(Some(""), "   "), None);
        assert_eq!(found(None, "("), None);
        assert_eq!(found(None, "— "), None);
        assert_eq!(found(None, "(AFP)"), Some(("AFP".into(), Place::Closing)));
        assert!(!republished_notice(""));
    }

    #[test]
    fn non_ascii_text_near_the_windows_does_not_panic() {
        let text = "ü".repeat(300) + " — AFP";
        assert_eq!(found(None, &text), Some(("AFP".into(), Place::Closing)));
        let text = "(AFP) — ".to_string() + &"日本".repeat(300);
        assert_eq!(found(None, &text), Some(("AFP".into(), Place::Dateline)));
        assert!(!republished_notice(&"é".repeat(1000)));
    }

    #[test]
    fn republication_notices() {
        for notice in [
            "This article first appeared in The Harbour Weekly.",
            "This story was originally published by Coastal News and is republished with permission.",
            "Republished with permission from the Portville Post.",
            "This article is republished from The Conversation under a Creative Commons license.",
            "A version of this story was first published on Harbourside Online.",
            "This piece first published by the Gazette appears here with permission.",
        ] {
            assert!(republished_notice(&body(notice, "The vote is due.")), "{notice} (start)");
            assert!(republished_notice(&body("The council met.", notice)), "{notice} (end)");
        }
    }

    #[test]
    fn not_republication_notices() {
        for text in [
            "This story was first published on March 3, 2021 and has been updated.",
            "This article was originally published on 15 February 2022.",
            "The virus first appeared in a coastal town late last year.",
            "The novel was first published in 1951.",
            "First published by the ministry of nothing at all",
            "",
        ] {
            assert!(
                !republished_notice(&body(text, "The vote is due.")),
                "{text}"
            );
        }
        let mid = format!("The council met.\n\n{MIDDLE} This article first appeared in The Weekly. {MIDDLE}\n\nThe vote is due.");
        assert!(!republished_notice(&mid));
    }

    #[test]
    fn windows_count_chars() {
        assert_eq!(char_end("aéb", 2), 3);
        assert_eq!(char_end("ab", 5), 2);
        assert_eq!(char_start_from_end("aéb", 2), 1);
        assert_eq!(char_start_from_end("ab", 5), 0);
        assert_eq!(char_start_from_end("ab", 0), 2);
    }
}
