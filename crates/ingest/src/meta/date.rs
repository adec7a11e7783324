//! Date strings in the many shapes news uses → `YYYY-MM-DD`.
//!
//! [`parse_date`] is lenient: it reads a date at the start of a string (after an optional label
//! such as `Published:` and an optional weekday) and ignores what follows, which suits metadata
//! fields (`2022-02-15T08:48:46Z`, `Tue, 15 Feb 2022 08:48:46 GMT`, `February 15, 2022 10:30 AM`).
//! [`parse_date_line`] is strict: the whole string must be a date, optionally with a time, which
//! suits a line of free text that may or may not be a date line. [`parse_date_prefix`] also says
//! how many bytes the date took. Every result is a real calendar day with a year in
//! [`MIN_YEAR`]..=[`MAX_YEAR`]; ambiguous numeric forms (`02/03/2022`) give `None`, never a guess.

use super::months::{month_number, MONTH_PATTERN};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Earliest year accepted as a publication date.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted as a publication date.
pub const MAX_YEAR: i32 = 2100;

/// The words that label a date as the publication date (`Published:`, `Erschienen am`).
const PUBLISHED_LABEL_WORDS: &str = "first published|published|publication date|publish date|date published|veröffentlichungsdatum|veröffentlicht|erschienen|date de publication|publié|fecha de publicación|publicado";
/// The other words that label a date (`Updated:`, `Aktualisiert am`, `Stand:`). With
/// [`PUBLISHED_LABEL_WORDS`], the one list every reader of date labels uses.
const OTHER_LABEL_WORDS: &str =
    "dated|date|posted|last updated|updated|aktualisiert|stand|mis à jour|actualizado";
/// A label word, an optional preposition, then `:` or a space; or a preposition alone.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)^(?:(?:{PUBLISHED_LABEL_WORDS}|{OTHER_LABEL_WORDS})(?:\s+(?:on|am|le|el))?(?:\s*:\s*|\s+)|(?:on|am|le|el)\s+)"
    );
    Regex::new(&re).expect("valid regex")
});
/// A label word at the start (no bare preposition: `On March 3` may open a sentence).
static WORD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)^(?:{PUBLISHED_LABEL_WORDS}|{OTHER_LABEL_WORDS})(?:\s+(?:on|am|le|el))?(?:\s*:\s*|\s+)"
    );
    Regex::new(&re).expect("valid regex")
});
/// A publication label anywhere in text, with its preposition and colon.
static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(r"(?i)\b(?:{PUBLISHED_LABEL_WORDS})(?:\s+(?:on|am|le|el))?\s*:?\s*");
    Regex::new(&re).expect("valid regex")
});
/// A month and a year with no day (`March 2022`, `im März 2022`), right after a label.
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTH_PATTERN.as_str();
    let re = format!(r"(?i)^(?:(?:in|im|en|de)\s+)?{month}\.?,?\s+((?:19|20)\d{{2}})(?:[^\d]|$)");
    Regex::new(&re).expect("valid regex")
});
/// A statement that the text was first published on a date (`originally published on`,
/// `This article was first published`, `erstmals erschienen am`), up to the date.
static ORIGINAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:originally published|(?:article|story|post|piece|report|column) (?:was )?first published|(?:erstmals|ursprünglich) (?:veröffentlicht|erschienen)|(?:publié|paru) initialement|initialement (?:publié|paru)|publicado originalmente|originalmente publicado)(?:\s+(?:on|am|le|el))?\s*:?\s*",
    )
    .expect("valid regex")
});
/// A byline's opening (`Written by`, `Posted by`, `Verfasst von`): a date right after the
/// names is the text's.
static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:written|posted|verfasst|geschrieben|publié|escrito|publicado) (?:by|von|par|por) ",
    )
    .expect("valid regex")
});
/// Bytes after a byline's opening in which its date is looked for.
const BYLINE_SPAN: usize = 90;
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)[a-z]*\.?,?\s+").expect("valid regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)").expect("valid regex")
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:[^\d]|$)").expect("valid regex"));
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTH_PATTERN.as_str();
    let re = format!(r"(?i)^{month}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b");
    Regex::new(&re).expect("valid regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTH_PATTERN.as_str();
    let re = format!(
        r"(?i)^(\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?(?:\s*|-)(?:of\s+|de\s+)?{month}\.?,?(?:\s*|-)(?:de\s+|del\s+)?(\d{{4}})\b"
    );
    Regex::new(&re).expect("valid regex")
});
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]").expect("valid regex")
});
/// Where a date may start in free text (checked by the anchored parsers after).
static DATE_START: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTH_PATTERN.as_str();
    let re = format!(
        r"(?i)(?:\d{{1,2}}(?:st|nd|rd|th|er|º|°|\.)?(?:\s*|-)(?:of\s+|de\s+)?{month}|{month}\.?\s+\d{{1,2}}|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2}},?\s+(?:um\s+|at\s+)?\d{{1,2}}:\d{{2}}|\d{{4}}\s*[年년])"
    );
    Regex::new(&re).expect("valid regex")
});
static NUMERIC_YEAR_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{4})(?:\D|$)").expect("valid regex")
});
/// `DD.MM.YY` followed by a time of day (`28.09.19 12:44`, `28.09.19, 12:44 Uhr`): the stamp
/// forums and comment systems put on a post. A two-digit year alone (`28.09.19`) may be a
/// version or a reference number and is not read.
static SHORT_YEAR_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}),?\s+(?:um\s+|at\s+)?(\d{1,2}):(\d{2})(?:\D|$)")
        .expect("valid regex")
});
/// Two-digit years from this one on are of the 1900s (`31.12.99`), before it of the 2000s.
const SHORT_YEAR_PIVOT: u32 = 70;
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s,|@–—-]*(?:at\s+)?
        (?:T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?)?\s*
        (?:z|[+-]\d{2}:?\d{2}|(?:utc|gmt)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{1,4}t)?\s*$",
    )
    .expect("valid regex")
});

/// Parses a date at the start of a string (ISO 8601 / RFC 3339, RFC 2822, `YYYYMMDD`,
/// `YYYY/MM/DD`, `Month D, YYYY`, `D Month YYYY`, `Mon. D, YYYY`, `DD.MM.YYYY`, `DD.MM.YY HH:MM`,
/// …) into
/// `YYYY-MM-DD`; `None` when it is not a plausible date.
pub fn parse_date(s: &str) -> Option<String> {
    parse_date_prefix(s).map(|(date, _)| date)
}

/// Like [`parse_date`], but the whole string must be the date (optionally labelled, with a
/// weekday, a time and a zone): `"Published: Tuesday, February 15, 2022 10:30 AM EST"` is one,
/// `"February 15, 2022, will go down in history"` is not.
pub fn parse_date_line(s: &str) -> Option<String> {
    let (date, end) = parse_date_prefix(s)?;
    TIME_TAIL.is_match(s.get(end..)?).then_some(date)
}

/// Whether `c` is a regex word character (`\w`): a digit before a date start makes a number
/// run such as `112.11.2025`, a letter makes a word such as `x12`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Parses a date at the start of `s` and returns it with the byte offset where it ends in `s`
/// (label, weekday and date included; what follows is left alone).
pub fn parse_date_prefix(s: &str) -> Option<(String, usize)> {
    let start = s.len() - s.trim_start().len();
    let mut rest = &s[start..];
    rest = strip_match(&LABEL, rest);
    rest = strip_match(&WEEKDAY, rest);
    let (date, used) = parse_bare(rest)?;
    Some((date, s.len() - rest.len() + used))
}

/// Every date written in free text, with the byte range it takes: `(date, start, end)`, in
/// order. Reads the same shapes as [`parse_date`] (no label, no weekday), anywhere in `text`;
/// a number run such as `112.11.2025` is not read as a date.
pub fn find_dates(text: &str) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(m) = text.get(from..).and_then(|rest| DATE_START.find(rest)) {
        let start = from + m.start();
        if text[..start].ends_with(is_word_char) {
            // Not at a word start (`\b` checked here: a Unicode `\b` in the pattern would
            // send the regex engine to its slow NFA simulation on non-ASCII text).
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        match parse_bare(&text[start..]) {
            Some((date, used)) => {
                found.push((date, start, start + used));
                from = start + used.max(1);
            }
            None => from = start + m.len().max(1),
        }
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    found
}

/// Every date in `text` written right after a publication label (`Published: 8 July 2025`,
/// `Erschienen am: 01.11.2023`, `publié le mardi 3 mars 2024`), in order.
pub fn find_published_labelled(text: &str) -> Vec<String> {
    PUBLISHED_LABEL
        .find_iter(text)
        .filter_map(|m| {
            let rest = strip_match(&WEEKDAY, &text[m.end()..]);
            parse_bare(rest).map(|(date, _)| date)
        })
        .collect()
}

/// Every date written in a byline after its names (`Written by Ann Lee and Bo Ek April 8,
/// 2024`, `Posted by admin on 3 May 2021`), in order: the first date within
/// `BYLINE_SPAN` (90) bytes of `Written by`, before the sentence ends.
pub fn find_byline_dates(text: &str) -> Vec<String> {
    BYLINE_LABEL
        .find_iter(text)
        .filter_map(|m| {
            let mut end = (m.end() + BYLINE_SPAN).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let span = &text[m.end()..end];
            let sentence = span.split(['.', '!', '?']).next().unwrap_or(span);
            find_dates(span)
                .into_iter()
                .next()
                .filter(|(_, start, _)| *start <= sentence.len())
                .map(|(date, _, _)| date)
        })
        .collect()
}

/// Every date `text` says it was first published on (`originally published on 26 Sep 2019`,
/// `Dieser Artikel ist erstmals erschienen am 3. Mai 2021`), in order.
pub fn find_originally_published(text: &str) -> Vec<String> {
    ORIGINAL_LABEL
        .find_iter(text)
        .filter_map(|m| {
            let rest = strip_match(&WEEKDAY, &text[m.end()..]);
            parse_bare(rest).map(|(date, _)| date)
        })
        .collect()
}

/// Every publication month stated without a day right after a publication label
/// (`Originally published in March 2022`, `Veröffentlicht im März 2022`) as `YYYY-MM`, in order.
pub fn find_published_months(text: &str) -> Vec<String> {
    PUBLISHED_LABEL
        .find_iter(text)
        .filter_map(|m| {
            let c = MONTH_YEAR.captures(&text[m.end()..])?;
            let month = month_number(c.get(1)?.as_str())?;
            Some(format!("{}-{month:02}", c.get(2)?.as_str()))
        })
        .collect()
}

/// `s` without a leading label such as `Published:` or `Updated on` (what [`parse_date`]
/// skips before the date).
pub(crate) fn strip_label(s: &str) -> &str {
    strip_match(&LABEL, s)
}

/// Whether `s` opens with a date label word (`Published:`, `Updated on`, `Stand:`); a bare
/// `On`, which may open a sentence, does not count.
pub(crate) fn starts_with_date_label(s: &str) -> bool {
    WORD_LABEL.is_match(s)
}

fn strip_match<'a>(re: &Regex, s: &'a str) -> &'a str {
    re.find(s).map_or(s, |m| &s[m.end()..])
}

/// A date and the bytes of input it took.
type Parsed = Option<(String, usize)>;

/// Tries every shape at the very start of `s`; returns the date and the bytes it used.
fn parse_bare(s: &str) -> Parsed {
    let parsers: [fn(&str) -> Parsed; 7] = [
        iso,
        compact,
        month_first,
        day_first,
        numeric_year_last,
        short_year_with_time,
        cjk,
    ];
    parsers.iter().find_map(|parse| parse(s))
}

fn iso(s: &str) -> Option<(String, usize)> {
    let c = ISO.captures(s)?;
    let end = c.get(3)?.end();
    Some((ymd(num(&c[1])?, num(&c[2])?, num(&c[3])?)?, end))
}

fn compact(s: &str) -> Option<(String, usize)> {
    let c = COMPACT.captures(s)?;
    Some((ymd(num(&c[1])?, num(&c[2])?, num(&c[3])?)?, 8))
}

fn month_first(s: &str) -> Option<(String, usize)> {
    let c = MONTH_FIRST.captures(s)?;
    let end = c.get(0)?.end();
    Some((ymd(num(&c[3])?, month_number(&c[1])?, num(&c[2])?)?, end))
}

fn day_first(s: &str) -> Option<(String, usize)> {
    let c = DAY_FIRST.captures(s)?;
    let end = c.get(0)?.end();
    Some((ymd(num(&c[3])?, month_number(&c[2])?, num(&c[1])?)?, end))
}

/// `2025年11月18日` (Chinese, Japanese) and `2025년 11월 18일` (Korean).
fn cjk(s: &str) -> Option<(String, usize)> {
    let c = CJK.captures(s)?;
    let end = c.get(0)?.end();
    Some((ymd(num(&c[1])?, num(&c[2])?, num(&c[3])?)?, end))
}

/// `DD.MM.YYYY` (day first, as Europe writes it with dots) and `A/B/YYYY`, accepted only when
/// the order is certain (one part above 12, or both equal).
fn numeric_year_last(s: &str) -> Option<(String, usize)> {
    let c = NUMERIC_YEAR_LAST.captures(s)?;
    let (a, b, year) = (num(&c[1])?, num(&c[3])?, num(&c[4])?);
    let end = c.get(4)?.end();
    let (month, day) = match (&c[2], a, b) {
        (".", _, _) => (b, a),
        (_, a, b) if a > 12 => (b, a),
        (_, a, b) if b > 12 || a == b => (a, b),
        _ => return None,
    };
    Some((ymd(year, month, day)?, end))
}

/// `DD.MM.YY HH:MM` (see `SHORT_YEAR_TIME`); the date ends at the year, the time is left
/// to the caller. The time must be a real one (`12:44`, not `31:99`).
fn short_year_with_time(s: &str) -> Option<(String, usize)> {
    let c = SHORT_YEAR_TIME.captures(s)?;
    let (day, month, short) = (num(&c[1])?, num(&c[2])?, num(&c[3])?);
    if num(&c[4])? > 23 || num(&c[5])? > 59 {
        return None;
    }
    let century = if short >= SHORT_YEAR_PIVOT {
        1900
    } else {
        2000
    };
    Some((ymd(century + short, month, day)?, c.get(3)?.end()))
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

/// A real calendar day in the plausible year range, formatted `YYYY-MM-DD`.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s)
    }

    #[test]
    fn a_date_label_is_a_label_word_not_a_bare_preposition() {
        assert!(starts_with_date_label("Published: 2022-02-15"));
        assert!(starts_with_date_label("Veröffentlicht am 15. Februar 2022"));
        assert!(starts_with_date_label("updated on Feb 15, 2022"));
        assert!(!starts_with_date_label(
            "On February 15, 2022 the talks failed"
        ));
        assert!(!starts_with_date_label("Publishing houses closed"));
        assert_eq!(strip_label("On 15 February 2022"), "15 February 2022");
    }

    #[test]
    fn a_date_after_a_byline_s_names() {
        let dates = |t: &str| find_byline_dates(t);
        assert_eq!(
            dates("Written by Ann Lee and Bo Ek April 8, 2024 Share"),
            ["2024-04-08"]
        );
        assert_eq!(dates("Posted by admin on 3 May 2021"), ["2021-05-03"]);
        assert!(dates("Written by Ann Lee. The vote of 3 May 2021 was close.").is_empty());
        assert!(dates("Written by Ann Lee").is_empty());
    }

    #[test]
    fn an_original_publication_statement() {
        let original = |t: &str| find_originally_published(t);
        assert_eq!(
            original("This article was originally published on 26 Sep 2019 at 4:12pm."),
            ["2019-09-26"]
        );
        assert_eq!(
            original("Dieser Beitrag ist erstmals erschienen am 3. Mai 2021."),
            ["2021-05-03"]
        );
        assert_eq!(
            original("This story was first published March 2, 2020."),
            ["2020-03-02"]
        );
        assert!(original("The novel, first published on 3 May 1951, sold well.").is_empty());
        assert!(original("Originally published in The Harbour Review.").is_empty());
    }

    #[test]
    fn a_publication_month_without_a_day() {
        let months = |t: &str| find_published_months(t);
        assert_eq!(
            months("Originally published in March 2022. Last updated on May 3, 2024."),
            ["2022-03"]
        );
        assert_eq!(months("Veröffentlicht im März 2021"), ["2021-03"]);
        assert_eq!(months("Published: Sept. 2019 by the desk"), ["2019-09"]);
        assert!(months("Published March 3, 2022").is_empty());
        assert!(months("Published 3 March 2022").is_empty());
        assert!(months("Published in 2022").is_empty());
    }

    #[test]
    fn iso_and_rfc3339_prefixes() {
        assert_eq!(d("2022-02-15").as_deref(), Some("2022-02-15"));
        assert_eq!(d("2022-02-15T08:48:46Z").as_deref(), Some("2022-02-15"));
        assert_eq!(
            d("2022-02-15T08:48:46.123+03:00").as_deref(),
            Some("2022-02-15")
        );
        assert_eq!(d(" 2022-2-5 ").as_deref(), Some("2022-02-05"));
        assert_eq!(d("2022/02/15").as_deref(), Some("2022-02-15"));
        assert_eq!(d("2022.02.15").as_deref(), Some("2022-02-15"));
    }

    #[test]
    fn compact_form() {
        assert_eq!(d("20220215").as_deref(), Some("2022-02-15"));
        assert_eq!(d("20220215T084846Z").as_deref(), Some("2022-02-15"));
        assert_eq!(d("202202150"), None);
        assert_eq!(d("20221315"), None);
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            d("Tue, 15 Feb 2022 08:48:46 GMT").as_deref(),
            Some("2022-02-15")
        );
        assert_eq!(
            d("15 Feb 2022 08:48:46 +0000").as_deref(),
            Some("2022-02-15")
        );
    }

    #[test]
    fn month_names() {
        assert_eq!(d("February 15, 2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("Feb. 15, 2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("Sept. 5, 2021").as_deref(), Some("2021-09-05"));
        assert_eq!(d("february 15th 2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("15 February 2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("15th of February, 2022").as_deref(), Some("2022-02-15"));
        assert_eq!(
            d("Tuesday, February 15, 2022").as_deref(),
            Some("2022-02-15")
        );
        assert_eq!(
            d("Published: Feb 15, 2022 10:30 AM").as_deref(),
            Some("2022-02-15")
        );
        assert_eq!(d("Updated on 15 Feb 2022").as_deref(), Some("2022-02-15"));
    }

    #[test]
    fn a_two_digit_year_only_with_a_time_of_day() {
        assert_eq!(d("28.09.19 12:44").as_deref(), Some("2019-09-28"));
        assert_eq!(d("3.1.98, 08:05").as_deref(), Some("1998-01-03"));
        assert_eq!(d("28.09.19").as_deref(), None);
        assert_eq!(d("28.09.19 31:44").as_deref(), None);
        assert_eq!(d("31.09.19 12:44").as_deref(), None);
        let found = find_dates("kein Netz mit iOS 13 ? anna 28.09.19 12:44 Hallo, version 13.1.1");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "2019-09-28");
        assert_eq!(
            parse_date_line("28.09.19 12:44").as_deref(),
            Some("2019-09-28")
        );
    }

    #[test]
    fn numeric_year_last_only_when_unambiguous() {
        assert_eq!(d("15.02.2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("15/02/2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("02/15/2022").as_deref(), Some("2022-02-15"));
        assert_eq!(d("02/03/2022"), None);
        assert_eq!(d("03/03/2022").as_deref(), Some("2022-03-03"));
    }

    #[test]
    fn implausible_or_invalid_dates_are_rejected() {
        assert_eq!(d("2022-02-30"), None);
        assert_eq!(d("1850-01-01"), None);
        assert_eq!(d("2500-01-01"), None);
        assert_eq!(d("February 30, 2022"), None);
        assert_eq!(d("Marching 15, 2022"), None);
        assert_eq!(d("12345678"), None);
        assert_eq!(d(""), None);
        assert_eq!(d("no date here"), None);
        assert_eq!(d("May"), None);
    }

    #[test]
    fn whole_line_dates() {
        let ok = [
            "February 15, 2022",
            "20220215",
            "2022-02-15",
            "Published: Tuesday, February 15, 2022 10:30 AM EST",
            "15 Feb 2022, 08:48 GMT",
            "2022-02-15T08:48:46Z",
            "February 15, 2022 | 3:04 p.m.",
        ];
        for s in ok {
            assert_eq!(parse_date_line(s).as_deref(), Some("2022-02-15"), "{s}");
        }
        assert_eq!(
            parse_date_line("February 15, 2022, will go down in history"),
            None
        );
        assert_eq!(
            parse_date_line("2022-02-15 KYIV, Ukraine — Russia said"),
            None
        );
    }

    #[test]
    fn month_names_in_other_languages() {
        let cases = [
            ("18. November 2025", "2025-11-18"),
            ("3. März 2024", "2024-03-03"),
            ("Dienstag, 18. November 2025", "2025-11-18"),
            ("18 novembre 2025", "2025-11-18"),
            ("1er août 2024", "2024-08-01"),
            ("mardi 18 nov. 2025", "2025-11-18"),
            ("18 de noviembre de 2025", "2025-11-18"),
            ("18 de nov. de 2025", "2025-11-18"),
            ("martes, 18 de noviembre del 2025", "2025-11-18"),
            ("18 maggio 2025", "2025-05-18"),
            ("18 maart 2025", "2025-03-18"),
            ("04-ago-2025", "2025-08-04"),
            ("18-Nov-2025", "2025-11-18"),
            ("Veröffentlicht am 18.11.2025", "2025-11-18"),
            ("publié le 18 novembre 2025", "2025-11-18"),
            ("2025年11月18日", "2025-11-18"),
            ("2025년 11월 18일", "2025-11-18"),
            ("20 septembrie 2020", "2020-09-20"),
            ("5 października 2021", "2021-10-05"),
        ];
        for (input, want) in cases {
            assert_eq!(d(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(d("18 Novembre"), None);
        assert_eq!(d("31. Februar 2025"), None);
    }

    #[test]
    fn dates_found_in_free_text() {
        let text = "By A. Writer | Nov 18, 2025 at 9:00 — updated 19.11.2025; ref 112.11.2025";
        let days: Vec<String> = find_dates(text).into_iter().map(|f| f.0).collect();
        assert_eq!(days, ["2025-11-18", "2025-11-19"]);
        let (date, start, end) = find_dates("Stand: 18. November 2025, 10:00 Uhr")
            .into_iter()
            .next()
            .expect("a date");
        assert_eq!(date, "2025-11-18");
        assert_eq!((start, end), (7, 24));
        assert!(find_dates("In 2025 we saw 18 new cases and 11/2025 numbers").is_empty());
    }

    #[test]
    fn a_date_after_a_publication_label_anywhere() {
        let found = |t: &str| find_published_labelled(t).into_iter().next();
        assert_eq!(
            found("Share this. Published July 8, 2025 Tags").as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(
            found("Letzte Änderung: 31.10.2023 Erschienen am: 01.11.2023").as_deref(),
            Some("2023-11-01")
        );
        assert_eq!(
            found("publié le mardi 3 mars 2024").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            found("Published Publish date 15 November 2018").as_deref(),
            Some("2018-11-15")
        );
        assert_eq!(found("Updated 3 March 2024; unpublished 2024-03-01"), None);
        assert_eq!(found("Published by Ann Lee, 3 March 2024"), None);
    }

    #[test]
    fn prefix_reports_where_the_date_ends() {
        let s = "date 2022-02-15 KYIV, Ukraine";
        let (date, end) = parse_date_prefix(s).expect("a date");
        assert_eq!(date, "2022-02-15");
        assert_eq!(&s[end..], " KYIV, Ukraine");
    }
}
