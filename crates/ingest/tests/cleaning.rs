//! Cleaning rules in both directions, through the public entry `extract_any`: every kind of
//! boilerplate line is removed and reported with its line and reason, and real sentences —
//! short quotes, sub-heads, sentences that start like boilerplate — are kept, wherever they
//! stand. Articles are invented.

use samestory_core::{Format, IngestConfig};
use samestory_ingest::{extract_any, Extracted};

const OPENING: &str =
    "The harbour authority said on Monday that the eastern quay would reopen to cargo ships.";
const MIDDLE: &str =
    "Officials gave few details, but said repairs to the sea wall were finished ahead of time.";
const CLOSING: &str =
    "Shipping firms said they expected the first vessels to dock before the end of the week.";

/// An article with `line` as its own paragraph between two real ones (it is line 5).
fn with_paragraph(line: &str) -> String {
    format!("{OPENING}\n\n{MIDDLE}\n\n{line}\n\n{CLOSING}\n")
}

fn clean(text: &str) -> Extracted {
    extract_any(text, Format::Text, &IngestConfig::default()).expect("a body")
}

fn assert_real_paragraphs_kept(ex: &Extracted) {
    for sentence in [OPENING, MIDDLE, CLOSING] {
        assert!(
            ex.body.contains(sentence),
            "lost {sentence:?} from {:?}",
            ex.body
        );
    }
}

#[test]
fn boilerplate_lines_are_removed_and_reported() {
    let cases = [
        (
            "READ MORE: Storm damage tallied across the coast",
            "read-more",
        ),
        ("Read also: Ferry timetable changes", "read-more"),
        ("Related article: Council Approves Quay Budget", "related"),
        ("Related: Council approves budget", "related"),
        ("Loading...", "loading"),
        ("Loading…", "loading"),
        ("Advertisement", "advert"),
        ("ADVERTISEMENT", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Facebook Twitter Email", "share"),
        ("Subscribe to our morning newsletter", "subscribe"),
        ("Sign up for our free newsletter.", "subscribe"),
        ("Follow us on Twitter and Facebook", "subscribe"),
        ("AP", "credit"),
        ("Reuters", "credit"),
        ("Getty Images", "credit"),
        ("Coast Guard Press Office / TASS", "credit"),
        ("Jane Roe/AFP via Getty Images", "credit"),
        ("(AP Photo/Jane Roe)", "credit"),
        ("Photo: Jane Roe", "credit"),
        ("(Reporting by Jane Roe; Editing by John Poe)", "credit"),
    ];
    for (line, reason) in cases {
        let ex = clean(&with_paragraph(line));
        assert!(!ex.body.contains(line), "{line:?} kept");
        assert_eq!(ex.removed.len(), 1, "{line:?}: {:?}", ex.removed);
        let r = &ex.removed[0];
        assert_eq!(
            (r.line, r.text.as_str(), r.reason.as_str()),
            (5, line, reason)
        );
        assert_real_paragraphs_kept(&ex);
    }
}

#[test]
fn real_sentences_are_kept_in_the_middle_and_at_the_end() {
    let keep = [
        "\"Yes,\" she said.",
        "“No,” he said.",
        "It worked.",
        "Why now?",
        "Read the notice carefully, the mayor told residents.",
        "Related repairs will start in May.",
        "Loading of grain ships began at dawn.",
        "The advertisement ran in three papers.",
        "Share prices rose 3% on the news.",
        "Reuters reported the figure on Monday.",
        "AP counted 40 ships in the queue.",
        "Subscribers will get refunds, the firm said.",
        "A photo of the quay went viral.",
        "Email the council before Friday, residents were told.",
        "See you next week, the captain said.",
    ];
    for line in keep {
        for text in [
            with_paragraph(line),
            format!("{OPENING}\n\n{MIDDLE}\n\n{line}\n"),
        ] {
            let ex = clean(&text);
            assert!(ex.body.contains(line), "{line:?} dropped: {:?}", ex.removed);
            assert!(ex.removed.is_empty(), "{line:?}: {:?}", ex.removed);
            assert!(ex.body.contains(OPENING) && ex.body.contains(MIDDLE));
        }
    }
}

#[test]
fn sub_heads_stay_but_a_stray_fragment_ending_the_body_goes() {
    let ex = clean(&with_paragraph("What comes next"));
    assert!(ex.body.contains("\n\nWhat comes next\n\n"));
    assert!(ex.removed.is_empty());
    let ex = clean(&format!("{OPENING}\n\n{MIDDLE}\n\nGate 6\n"));
    assert!(!ex.body.contains("Gate 6"));
    assert_eq!(ex.removed[0].reason, "stray-fragment");
    assert_eq!(ex.removed[0].line, 5);
}

#[test]
fn a_list_ending_the_body_is_not_a_stray_tail() {
    let text = format!("{OPENING}\n\nTickets\n\nAdults 20\n\nChildren 10\n\nFamilies 45\n");
    let ex = clean(&text);
    assert!(ex
        .body
        .ends_with("Tickets\n\nAdults 20\n\nChildren 10\n\nFamilies 45"));
    assert!(ex.removed.is_empty());
}

#[test]
fn a_lone_short_body_is_not_a_stray_fragment() {
    let ex = clean("Quay reopens\n");
    assert_eq!(ex.body, "Quay reopens");
}

#[test]
fn caption_with_credit_repeated_as_a_paragraph_keeps_one_copy() {
    let caption = "Cranes stood idle along the eastern quay for most of the morning.";
    let text = format!("{OPENING}\n\n{caption}\nAP\n\n{caption}\n\n{CLOSING}\n");
    let ex = clean(&text);
    assert_eq!(ex.body.matches(caption).count(), 1);
    let reasons: Vec<(usize, &str)> = ex
        .removed
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(reasons, [(3, "caption"), (4, "credit")]);
}

#[test]
fn short_unpunctuated_caption_above_a_credit_goes() {
    let text = format!(
        "{OPENING}\n\n{MIDDLE}\n\nCranes at the eastern quay on Monday\nReuters\n\n{CLOSING}\n"
    );
    let ex = clean(&text);
    assert!(!ex.body.contains("Cranes at the eastern quay"));
    assert_real_paragraphs_kept(&ex);
}

#[test]
fn a_real_paragraph_above_a_credit_stays() {
    let text = format!("{OPENING}\n\n{MIDDLE}\nAP\n\n{CLOSING}\n");
    let ex = clean(&text);
    assert_real_paragraphs_kept(&ex);
    assert_eq!(ex.removed.len(), 1);
    assert_eq!(ex.removed[0].reason, "credit");
}

#[test]
fn a_paragraph_repeated_right_after_itself_goes() {
    let text = format!("{OPENING}\n\n{MIDDLE}\n\n{MIDDLE}\n\n{CLOSING}\n");
    let ex = clean(&text);
    assert_eq!(ex.body.matches(MIDDLE).count(), 1);
    assert_eq!(ex.removed.len(), 1);
    assert_eq!(
        (ex.removed[0].line, ex.removed[0].reason.as_str()),
        (5, "duplicate")
    );
    assert_real_paragraphs_kept(&ex);
}

#[test]
fn short_repeats_and_repeats_far_apart_stay() {
    let yes = "\"Yes,\" she said.";
    let text = format!("{OPENING}\n\n{yes}\n\n{yes}\n\n{MIDDLE}\n\n{OPENING}\n\n{CLOSING}\n");
    let ex = clean(&text);
    assert_eq!(ex.body.matches(yes).count(), 2);
    assert_eq!(ex.body.matches(OPENING).count(), 2);
    assert!(ex.removed.is_empty(), "{:?}", ex.removed);
}

#[test]
fn sentences_in_scripts_without_spaces_are_not_fragments() {
    let text = format!("{OPENING}\n\n港の東側の岸壁は月曜日に再開された\n");
    let ex = clean(&text);
    assert!(ex.body.contains("岸壁"));
}

#[test]
fn nothing_is_removed_when_cleaning_is_off() {
    let cfg = IngestConfig {
        clean_boilerplate: false,
        ..IngestConfig::default()
    };
    let text = with_paragraph("READ MORE: Storm damage tallied across the coast");
    let ex = extract_any(&text, Format::Text, &cfg).expect("a body");
    assert!(ex.body.contains("READ MORE"));
    assert!(ex.removed.is_empty());
}

#[test]
fn a_text_of_only_boilerplate_has_no_body() {
    assert!(extract_any(
        "Advertisement\n\nLoading...\n\nAP\n",
        Format::Text,
        &IngestConfig::default()
    )
    .is_none());
}
