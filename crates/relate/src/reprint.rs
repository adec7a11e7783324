//! The reprint rule and its direction. Coverage of a document is the share of its unquoted
//! words that lie inside aligned passages (quoted speech is ignored: outlets quote the same
//! statements independently). Direction (DESIGN.md): the earlier date when both are dated
//! and differ; else the one whose byline credits a wire agency; else the one whose text the
//! other contains more of. Pure functions over word passages and metadata.

use crate::align::WordPassage;
use samestory_core::Document;
use std::ops::Range;

/// Words of one document covered by passages and not quoted, and its unquoted words.
pub fn coverage(ranges: impl Iterator<Item = Range<usize>>, quoted: &[bool]) -> (usize, usize) {
    let covered = ranges
        .flatten()
        .filter(|&w| !quoted.get(w).copied().unwrap_or(false))
        .count();
    let total = quoted.iter().filter(|&&q| !q).count();
    (covered, total)
}

/// Which side is the original, and the clause of `why` that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Direction {
    /// `true` when `a` is the original.
    pub a_is_original: bool,
    /// The rule that decided, e.g. "earlier date (2022-02-14 < 2022-02-15)".
    pub rule: String,
}

/// Coverage facts of one pair, used by the last direction rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shares {
    /// Share of `a`'s unquoted words inside passages.
    pub cov_a: f64,
    /// Share of `b`'s unquoted words inside passages.
    pub cov_b: f64,
}

/// The likely original of `a` and `b` by the rules of DESIGN.md.
pub fn direction(a: &Document, b: &Document, shares: Shares, agencies: &[String]) -> Direction {
    by_date(a, b)
        .or_else(|| by_wire(a, b, agencies))
        .unwrap_or_else(|| by_containment(shares))
}

fn by_date(a: &Document, b: &Document) -> Option<Direction> {
    let (da, db) = (a.date.as_deref()?, b.date.as_deref()?);
    if da == db {
        return None;
    }
    let (first, second) = if da < db { (da, db) } else { (db, da) };
    Some(Direction {
        a_is_original: da < db,
        rule: format!("earlier date ({first} < {second})"),
    })
}

fn by_wire(a: &Document, b: &Document, agencies: &[String]) -> Option<Direction> {
    let wa = a.byline.as_deref().and_then(|s| wire_credit(s, agencies));
    let wb = b.byline.as_deref().and_then(|s| wire_credit(s, agencies));
    match (wa, wb) {
        (Some(ag), None) => Some(Direction {
            a_is_original: true,
            rule: format!("byline of a credits {ag}"),
        }),
        (None, Some(ag)) => Some(Direction {
            a_is_original: false,
            rule: format!("byline of b credits {ag}"),
        }),
        _ => None,
    }
}

fn by_containment(s: Shares) -> Direction {
    let a_is_original = s.cov_b >= s.cov_a;
    let rule = if s.cov_a == s.cov_b {
        "neither date, byline nor containment decides; a taken".to_string()
    } else {
        let (inner, outer) = if a_is_original {
            ("b", "a")
        } else {
            ("a", "b")
        };
        format!("{inner}'s text lies more inside {outer} than the reverse")
    };
    Direction {
        a_is_original,
        rule,
    }
}

/// The first agency credited in `byline`: its words appear consecutively; names of up to
/// 3 letters (AP, AFP) must also match case exactly, to avoid ordinary words.
pub fn wire_credit<'a>(byline: &str, agencies: &'a [String]) -> Option<&'a str> {
    let toks = samestory_text::tokens(byline);
    let chars: Vec<char> = byline.chars().collect();
    agencies
        .iter()
        .map(String::as_str)
        .find(|ag| credits(&toks, &chars, ag))
}

fn credits(toks: &[samestory_text::Token], chars: &[char], agency: &str) -> bool {
    let want = samestory_text::tokens(agency);
    if want.is_empty() || want.len() > toks.len() {
        return false;
    }
    let strict = agency.chars().count() <= 3;
    toks.windows(want.len()).any(|w| {
        w.iter().zip(&want).all(|(t, a)| t.text == a.text)
            && (!strict || chars[w[0].start..w[0].end].iter().collect::<String>() == agency)
    })
}

/// Total words of passages on side a.
pub fn passage_words(passages: &[WordPassage]) -> usize {
    passages.iter().map(|p| p.a.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_core::Format;

    fn doc(date: Option<&str>, byline: Option<&str>) -> Document {
        Document {
            id: "x".into(),
            source: "x".into(),
            format: Format::Text,
            title: None,
            date: date.map(Into::into),
            published: None,
            url: None,
            byline: byline.map(Into::into),
            outlet: None,
            lang: None,
            body: String::new(),
            removed: vec![],
        }
    }

    fn agencies() -> Vec<String> {
        samestory_core::RelateConfig::default().wire_agencies
    }

    const EVEN: Shares = Shares {
        cov_a: 0.3,
        cov_b: 0.3,
    };

    #[test]
    fn earlier_date_wins() {
        let d = direction(
            &doc(Some("2022-02-16"), None),
            &doc(Some("2022-02-15"), None),
            EVEN,
            &agencies(),
        );
        assert!(!d.a_is_original);
        assert!(d.rule.contains("earlier date"));
    }

    #[test]
    fn same_date_falls_to_wire_byline() {
        let a = doc(Some("2022-02-15"), Some("Jane Roe"));
        let b = doc(Some("2022-02-15"), Some("John Doe for AFP"));
        let d = direction(&a, &b, EVEN, &agencies());
        assert_eq!(
            d,
            Direction {
                a_is_original: false,
                rule: "byline of b credits AFP".into()
            }
        );
    }

    #[test]
    fn wire_credit_needs_whole_words_and_case_for_short_names() {
        let ag = agencies();
        assert_eq!(
            wire_credit("By Ann Lee, Associated Press", &ag),
            Some("Associated Press")
        );
        assert_eq!(wire_credit("Staff (REUTERS)", &ag), Some("Reuters"));
        assert_eq!(wire_credit("Maple Apfel", &ag), None);
        assert_eq!(wire_credit("ap news desk", &ag), None);
    }

    #[test]
    fn containment_decides_last() {
        let d = direction(
            &doc(None, None),
            &doc(None, None),
            Shares {
                cov_a: 0.1,
                cov_b: 0.4,
            },
            &agencies(),
        );
        assert!(d.a_is_original);
        assert!(d.rule.contains("b's text lies more inside a"));
    }

    #[test]
    fn coverage_skips_quoted_words() {
        let quoted = [false, true, true, false, false];
        assert_eq!(coverage(std::iter::once(0..3), &quoted), (1, 3));
    }
}
