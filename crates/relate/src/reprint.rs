//! The reprint rule's pieces and the direction rules. Coverage of a document is the share
//! of its unquoted words that lie inside aligned passages (quoted speech is ignored:
//! outlets quote the same statements independently). Direction evidence, in the order the
//! relation graph ([`crate::graph`]) applies it: publication time ([`by_time`]: the earlier
//! date, or time of day on the same date), wire credit ([`by_wire`]: byline, dateline or
//! closing credit of an agency on one side only, a dateline or closing credit counting
//! where it frames the shared text), coherence ([`by_coherence`]: the side
//! whose shared passages belong with the rest of its text is the original), the composite
//! structure (decided in the graph: it needs the other pairs), a "first appeared in" notice
//! on one side only ([`by_notice`]), containment ([`by_containment`]: the side whose text lies more inside
//! the other borrows). Pure functions over metadata and coverage facts.

use crate::time::instant;
use crate::verify::Evidence;
use crate::wire::Place;
use samestory_core::Document;
use std::ops::Range;

/// Words of one document covered by passages, and the words that count at all. Quoted
/// words do not count (outlets quote the same statement independently) — except inside a
/// passage with at least `context` unquoted words of its own: a paragraph copied with its
/// quotes, not a quote shared.
pub fn coverage(
    ranges: impl Iterator<Item = Range<usize>>,
    quoted: &[bool],
    context: usize,
) -> (usize, usize) {
    let is_quoted = |w: usize| quoted.get(w).copied().unwrap_or(false);
    let (mut covered, mut quoted_in) = (0, 0);
    for r in ranges {
        let plain = r.clone().filter(|&w| !is_quoted(w)).count();
        if plain >= context {
            covered += r.len();
            quoted_in += r.len() - plain;
        } else {
            covered += plain;
        }
    }
    let total = quoted.iter().filter(|&&q| !q).count() + quoted_in;
    (covered, total)
}

/// Which kind of evidence decided a direction (named in `why` as `direction: NAME`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Publication date, or time of day on the same date.
    Time,
    /// A wire credit or a republication notice on one side.
    Wire,
    /// One side is made of passages of several unrelated sources.
    Composite,
    /// One side's shared passages share its vocabulary with the rest of it, the other's do
    /// not: the other added them to text of its own.
    Coherence,
    /// One side's text lies more inside the other.
    Containment,
    /// Nothing decided; the pair's first document is taken as the original.
    Undecided,
}

impl Rule {
    /// The name written in `why`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Time => "time",
            Rule::Wire => "wire",
            Rule::Composite => "composite",
            Rule::Coherence => "coherence",
            Rule::Containment => "containment",
            Rule::Undecided => "undecided",
        }
    }
}

/// Which side is the original, by which rule, and the clause of `why` that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Direction {
    /// `true` when `a` is the original.
    pub a_is_original: bool,
    /// The kind of evidence.
    pub rule: Rule,
    /// The evidence, e.g. "earlier date (2022-02-14 < 2022-02-15)".
    pub detail: String,
}

/// The earlier of two dated documents: by date, else by publication time on that date.
pub fn by_time(a: &Document, b: &Document) -> Option<Direction> {
    let (da, db) = (a.meta.date.as_deref()?, b.meta.date.as_deref()?);
    if da != db {
        let (first, second) = if da < db { (da, db) } else { (db, da) };
        return Some(Direction {
            a_is_original: da < db,
            rule: Rule::Time,
            detail: format!("earlier date ({first} < {second})"),
        });
    }
    let (pa, pb) = (a.meta.published.as_deref()?, b.meta.published.as_deref()?);
    let (ta, tb) = (instant(pa)?, instant(pb)?);
    (ta != tb).then(|| {
        let (first, second) = if ta < tb { (pa, pb) } else { (pb, pa) };
        Direction {
            a_is_original: ta < tb,
            rule: Rule::Time,
            detail: format!("published earlier ({first} < {second})"),
        }
    })
}

/// The side whose byline, dateline or closing credit names a wire agency when the other's
/// does not. A dateline counts only where it introduces text the two share (a passage
/// starts in that side's head: `reach_head`), a closing credit only where it closes such
/// text (`reach_tail`): a composite may open with another source's dateline, which says
/// nothing about this pair.
pub fn by_wire(
    a: &Evidence,
    b: &Evidence,
    agencies: &[String],
    reach_head: [bool; 2],
    reach_tail: [bool; 2],
) -> Option<Direction> {
    let says = |s: usize, e: &Evidence| {
        let (at, place) = e.credit?;
        let about_this = match place {
            Place::Byline => true,
            Place::Dateline => reach_head[s],
            Place::Closing => reach_tail[s],
        };
        let name = agencies.get(at).map_or("an agency", String::as_str);
        let side = ["a", "b"][s];
        about_this.then(|| format!("{} of {side} credits {name}", place.as_str()))
    };
    let (a_is_original, detail) = match (says(0, a), says(1, b)) {
        (Some(d), None) => (true, d),
        (None, Some(d)) => (false, d),
        _ => return None,
    };
    Some(Direction {
        a_is_original,
        rule: Rule::Wire,
        detail,
    })
}

/// The side that does not say it first appeared elsewhere when the other does. Weaker than
/// a credit: a source may itself carry such a notice about a third outlet, so it comes after
/// the composite structure.
pub fn by_notice(a: &Evidence, b: &Evidence) -> Option<Direction> {
    let (a_is_original, detail) = match (a.republished, b.republished) {
        (true, false) => (false, "a says it first appeared elsewhere"),
        (false, true) => (true, "b says it first appeared elsewhere"),
        _ => return None,
    };
    Some(Direction {
        a_is_original,
        rule: Rule::Wire,
        detail: detail.to_string(),
    })
}

/// The side whose passages belong with the rest of its text is the original, when the two
/// differ by at least `margin` (`coherence`: per side, the share of the passages' distinct
/// long words that recur in the rest of that text). An article's paragraphs share its
/// names and terms; a borrower's own text around taken paragraphs mostly does not.
pub fn by_coherence(coherence: [f64; 2], margin: f64) -> Option<Direction> {
    let [a, b] = coherence;
    ((a - b).abs() >= margin).then(|| {
        let (inner, outer) = if a > b { ("a", "b") } else { ("b", "a") };
        Direction {
            a_is_original: a > b,
            rule: Rule::Coherence,
            detail: format!(
                "{inner}'s shared text belongs with the rest of it ({:.0} % of its terms recur there, {:.0} % in {outer})",
                a.max(b) * 100.0,
                a.min(b) * 100.0
            ),
        }
    })
}

/// The side whose text lies more inside the other borrows. `share_a`, `share_b`: how
/// much of each lies inside the other — its coverage by this pair's passages, plus, for a
/// document several others take from, the share of its text that those others share with
/// it outside this pair's passages counted for the other side (a source many borrowers take
/// different parts of is shared all over; a borrower's own text is shared by nobody). A
/// tie decides nothing and `a` is taken.
pub fn by_containment(share_a: f64, share_b: f64) -> Direction {
    if share_a == share_b {
        return Direction {
            a_is_original: true,
            rule: Rule::Undecided,
            detail: "neither time, credit, structure nor containment decides; a taken".into(),
        };
    }
    let a_is_original = share_b > share_a;
    let (inner, outer) = if a_is_original {
        ("b", "a")
    } else {
        ("a", "b")
    };
    Direction {
        a_is_original,
        rule: Rule::Containment,
        detail: format!("{inner}'s text lies more inside {outer} than the reverse"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_core::Format;

    fn doc(date: Option<&str>, byline: Option<&str>) -> Document {
        let mut d = Document::new("x", Format::Text, "");
        d.meta.date = date.map(Into::into);
        d.meta.byline = byline.map(Into::into);
        d
    }

    fn agencies() -> Vec<String> {
        samestory_core::RelateConfig::default().wire_agencies
    }

    #[test]
    fn earlier_date_then_time_of_day() {
        let (a, b) = (doc(Some("2022-02-16"), None), doc(Some("2022-02-15"), None));
        let d = by_time(&a, &b).unwrap();
        assert!(!d.a_is_original);
        assert_eq!(d.rule, Rule::Time);
        let (mut a, mut b) = (doc(Some("2022-02-15"), None), doc(Some("2022-02-15"), None));
        assert_eq!(by_time(&a, &b), None);
        a.meta.published = Some("2022-02-15T10:00:00+01:00".into());
        b.meta.published = Some("2022-02-15T09:30:00Z".into());
        assert!(by_time(&a, &b).unwrap().a_is_original);
        assert_eq!(by_time(&a, &doc(None, None)), None);
    }

    #[test]
    fn wire_credit_on_one_side_decides() {
        let ag = agencies();
        let afp = ag.iter().position(|a| a == "AFP").unwrap();
        let credited = Evidence {
            credit: Some((afp, crate::wire::Place::Dateline)),
            republished: false,
        };
        let plain = Evidence::default();
        let heads = [true; 2];
        let d = by_wire(&plain, &credited, &ag, heads, heads).unwrap();
        assert!(!d.a_is_original);
        assert_eq!(d.detail, "dateline of b credits AFP");
        assert_eq!(by_wire(&credited, &credited, &ag, heads, heads), None);
        // b's dateline opens text a does not share: it credits another story.
        let apart = [true, false];
        assert_eq!(by_wire(&plain, &credited, &ag, apart, heads), None);
        let notice = Evidence {
            credit: None,
            republished: true,
        };
        assert_eq!(by_wire(&notice, &plain, &ag, heads, heads), None);
        assert!(by_notice(&notice, &plain).is_some_and(|d| !d.a_is_original));
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
    fn coherence_needs_a_margin() {
        let d = by_coherence([0.2, 0.6], 0.1).unwrap();
        assert!(!d.a_is_original);
        assert_eq!(d.rule, Rule::Coherence);
        assert!(d
            .detail
            .starts_with("b's shared text belongs with the rest of it"));
        assert_eq!(by_coherence([0.5, 0.45], 0.1), None);
    }

    #[test]
    fn containment_decides_last() {
        let d = by_containment(0.1, 0.4);
        assert!(d.a_is_original);
        assert_eq!(d.rule, Rule::Containment);
        assert!(d.detail.contains("b's text lies more inside a"));
        assert_eq!(by_containment(0.3, 0.3).rule, Rule::Undecided);
    }

    #[test]
    fn coverage_skips_quoted_words() {
        let quoted = [false, true, true, false, false];
        assert_eq!(coverage(std::iter::once(0..3), &quoted, usize::MAX), (1, 3));
        assert_eq!(coverage(std::iter::once(0..3), &quoted, 1), (3, 5));
    }
}
