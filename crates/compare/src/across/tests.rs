//! The comparison on invented stories: facts come from `extract_facts` on each body, as in
//! the pipeline, so these tests also hold the extractors to what the comparison needs.

use super::*;
use crate::extract_facts;

/// One invented document: id, group, date, body, borrowed ranges.
struct Doc {
    id: &'static str,
    group: &'static str,
    date: Option<&'static str>,
    body: &'static str,
    borrowed: Vec<[usize; 2]>,
}

fn doc(id: &'static str, group: &'static str, body: &'static str) -> Doc {
    Doc {
        id,
        group,
        date: Some("2024-05-02"),
        body,
        borrowed: Vec::new(),
    }
}

fn compare(docs: &[Doc]) -> Comparison {
    let config = CompareConfig::default();
    let facts: Vec<Facts> = docs
        .iter()
        .map(|d| extract_facts(d.body, Some("eng"), &config))
        .collect();
    compare_with(docs, &facts)
}

/// The comparison of `docs` given their facts.
fn compare_with(docs: &[Doc], facts: &[Facts]) -> Comparison {
    let config = CompareConfig::default();
    let sentences: Vec<Vec<Sentence>> = docs
        .iter()
        .map(|d| crate::sentences(d.body, Some("eng")))
        .collect();
    let members: Vec<Member<'_>> = docs
        .iter()
        .zip(facts.iter().zip(&sentences))
        .map(|(d, (facts, sentences))| Member {
            id: d.id,
            group: d.group,
            representative: d.id == d.group,
            date: d.date,
            lang: Some("eng"),
            body: d.body,
            sentences,
            facts,
            borrowed: &d.borrowed,
        })
        .collect();
    compare_story(&members, &config)
}

const A: &str = "Harbour master Ingrid Solberg closed the port of Vessby on Thursday after a \
    tanker ran aground at the entrance. \"We will not let a single ship move until the hull is \
    checked,\" Solberg said. About 40 vessels were waiting outside the breakwater.";
const B: &str = "The port of Vessby was shut on Thursday when a tanker grounded near its \
    entrance. \"No ship moves until we have checked the hull,\" harbour master Ingrid Solberg \
    told reporters. More than 60 vessels were waiting to enter, the pilots' association said.";
const C: &str = "A grounded tanker has closed Vessby's port. Harbour master Solberg said that no ship would move \
    until the hull had been checked. Fishermen said 75 vessels were stuck outside. The \
    tanker's owner, Nordvik Shipping, said none of its crew was hurt.";

#[test]
fn one_speaker_one_statement_in_three_wordings() {
    let c = compare(&[doc("a", "a", A), doc("b", "b", B), doc("c", "c", C)]);
    let solberg: Vec<&SpeakerQuotes> = c
        .quotes
        .iter()
        .filter(|s| s.speaker.as_deref() == Some("Ingrid Solberg"))
        .collect();
    assert_eq!(solberg.len(), 1, "{:#?}", c.quotes);
    let statement = &solberg[0].quotes[0];
    let docs: Vec<&str> = statement.variants.iter().map(|v| v.doc.as_str()).collect();
    assert_eq!(docs, ["a", "b", "c"], "{statement:#?}");
    for v in &statement.variants {
        let body = [A, B, C]["abc".find(v.doc.as_str()).unwrap()];
        let text: String = body
            .chars()
            .skip(v.span[0])
            .take(v.span[1] - v.span[0])
            .collect();
        assert_eq!(text, v.text, "a variant's span holds its text");
    }
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn vessels_disagree_and_are_one_quantity() {
    let c = compare(&[doc("a", "a", A), doc("b", "b", B), doc("c", "c", C)]);
    let vessels: Vec<&Quantity> = c.numbers.iter().filter(|q| q.unit == "vessels").collect();
    assert_eq!(vessels.len(), 1, "{:#?}", c.numbers);
    let values: Vec<(&str, String)> = vessels[0]
        .values
        .iter()
        .map(|v| (v.doc.as_str(), serde_json::to_string(&v.value).unwrap()))
        .collect();
    assert_eq!(
        values,
        [("a", "40".into()), ("b", "60".into()), ("c", "75".into())]
    );
    assert!(vessels[0].disagree);
    assert!(
        !vessels[0].compatible,
        "about 40 and more than 60 cannot both hold"
    );
}

#[test]
fn the_majority_of_groups_decides_and_the_rest_is_a_conflict() {
    let said = |who: &str| {
        format!(
            "The committee met on Monday. \"The budget leaves nothing for the river \
             clean-up,\" {who} said after the vote."
        )
    };
    let (x, y, z) = (
        said("Councillor Maja Lind"),
        said("Maja Lind"),
        said("Mayor Oskar Brandt"),
    );
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let c = compare(&[
        doc("x", "x", leak(x)),
        doc("y", "y", leak(y)),
        doc("z", "z", leak(z)),
    ]);
    let owner = c
        .quotes
        .iter()
        .find(|s| s.quotes.iter().any(|q| q.text.contains("river")))
        .unwrap();
    assert_eq!(owner.speaker.as_deref(), Some("Maja Lind"));
    assert_eq!(c.conflicts.len(), 1, "{:#?}", c.conflicts);
    let attributions: Vec<(&str, Vec<&str>)> = c.conflicts[0]
        .attributions
        .iter()
        .map(|a| {
            (
                a.speaker.as_str(),
                a.docs.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        attributions,
        [("Maja Lind", vec!["x", "y"]), ("Oskar Brandt", vec!["z"])]
    );
}

#[test]
fn claims_agreed_by_groups_and_unique_to_one() {
    let c = compare(&[doc("a", "a", A), doc("b", "b", B), doc("c", "c", C)]);
    let agreed: Vec<&Claim> = c
        .agreed
        .iter()
        .filter(|k| k.claim.contains("tanker"))
        .collect();
    assert!(!agreed.is_empty(), "{:#?}", c.agreed);
    assert!(agreed[0].groups.len() >= 2);
    let unique_c = &c.unique["c"];
    assert!(
        unique_c.iter().any(|p| p.text.contains("Nordvik Shipping")),
        "{unique_c:#?}"
    );
    assert!(
        c.unique
            .values()
            .flatten()
            .all(|p| !p.text.contains("Vessby on Thursday")),
        "a claim another source states is not unique"
    );
}

#[test]
fn a_copy_confirms_nothing_and_a_reprinted_passage_neither() {
    // "a2" is a copy of "a" (same group): only the representative speaks for the group.
    let mut copy = doc("a2", "a", A);
    copy.date = Some("2024-05-03");
    let alone = compare(&[doc("a", "a", A), copy]);
    assert!(alone.agreed.is_empty(), "{:#?}", alone.agreed);
    // "r" reprints A's first sentence: it does not confirm it.
    let first_sentence = A.find(". \"").unwrap() + 1;
    let reprint_body: &'static str =
        Box::leak(format!("{} Tugs stood by all night.", &A[..first_sentence]).into_boxed_str());
    let mut reprint = doc("r", "r", reprint_body);
    reprint.borrowed = vec![[0, A[..first_sentence].chars().count()]];
    let c = compare(&[doc("a", "a", A), reprint]);
    assert!(c.agreed.is_empty(), "{:#?}", c.agreed);
    assert!(
        !c.unique
            .get("r")
            .into_iter()
            .flatten()
            .any(|p| p.text.contains("aground")),
        "a reprinted sentence is not the reprint's own"
    );
}

#[test]
fn members_in_any_order_give_the_same_comparison() {
    let forward = compare(&[doc("a", "a", A), doc("b", "b", B), doc("c", "c", C)]);
    let backward = compare(&[doc("c", "c", C), doc("b", "b", B), doc("a", "a", A)]);
    assert_eq!(forward, backward);
}

#[test]
fn spans_cut_the_same_text_from_non_ascii_bodies() {
    let body: String = (0..40)
        .map(|i| format!("Ünïcödé wörd {i} — “q” "))
        .collect();
    let facts = Facts::default();
    let sentences = crate::sentences(&body, None);
    let member = Member {
        id: "u",
        group: "u",
        representative: true,
        date: None,
        lang: None,
        body: &body,
        sentences: &sentences,
        facts: &facts,
        borrowed: &[],
    };
    let read = Read::new(member, true);
    let chars: Vec<char> = body.chars().collect();
    for (start, end) in [
        (0, 0),
        (0, 5),
        (63, 64),
        (64, 130),
        (100, chars.len()),
        (5, 3),
    ] {
        let want: String = chars[start..end.max(start)].iter().collect();
        assert_eq!(read.text([start, end]), want, "{start}..{end}");
    }
}

#[test]
fn one_group_without_quotes_or_numbers_compares_nothing() {
    let config = CompareConfig::default();
    let none = Facts::default();
    // Every member in one group: however much the bodies share, no claim needs reading,
    // and with no facts there is nothing else to line up.
    for docs in [
        vec![doc("a", "a", A), doc("b", "a", B), doc("c", "a", C)],
        vec![doc("b", "b", B), doc("c", "b", C)],
        vec![doc("a", "a", A)],
    ] {
        let empty = vec![none.clone(); docs.len()];
        assert!(compares_nothing(docs.iter().map(|d| (d.group, &none))));
        assert!(compare_with(&docs, &empty).is_empty());
    }
    // Two groups: their shared sentences are claims.
    let two = [doc("a", "a", A), doc("b", "b", B), doc("c", "a", C)];
    assert!(!compares_nothing(two.iter().map(|d| (d.group, &none))));
    assert!(!compare_with(&two, &vec![none.clone(); 3]).agreed.is_empty());
    // One group, but facts: their quantities and quotes are lined up.
    let one = [doc("a", "a", A), doc("b", "a", B), doc("c", "a", C)];
    let facts: Vec<Facts> = one
        .iter()
        .map(|d| extract_facts(d.body, Some("eng"), &config))
        .collect();
    assert!(!compares_nothing(one.iter().map(|d| d.group).zip(&facts)));
    let c = compare_with(&one, &facts);
    assert!(!c.numbers.is_empty() && !c.quotes.is_empty(), "{c:#?}");
    assert!(
        c.agreed.is_empty() && c.unique.is_empty(),
        "one group confirms nothing"
    );
}
