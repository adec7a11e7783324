//! Tests of the whole text pass on invented articles (never seed text).

use super::*;
use proptest::prelude::*;

fn run(text: &str) -> Extracted {
    extract(text, Format::Text, &IngestConfig::default())
}

fn paragraphs(ex: &Extracted) -> Vec<&str> {
    ex.body.split("\n\n").collect()
}

fn reasons(ex: &Extracted) -> Vec<(usize, &str)> {
    ex.removed
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect()
}

const WRAPPED: &str = " The harbour authority said Monday it would reopen the eastern
quay to cargo ships, in what could be the first step towards normal trade after
weeks of storms along the coast.

Officials released few details and there was no outside confirmation of the
plan, which the authority said had always been the intention despite local
\"panic\" over the closure.
 \"March 3, 2021, will be remembered as the day the quay came back to life.
It is a relief,\" the mayor wrote on social media.
";

#[test]
fn hard_wraps_are_joined_and_paragraph_breaks_kept() {
    let ex = run(WRAPPED);
    let paras = paragraphs(&ex);
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(paras[0].starts_with(
        "The harbour authority said Monday it would reopen the eastern quay to cargo"
    ));
    assert!(paras[1].ends_with("local \"panic\" over the closure."));
    assert!(paras[2].contains("back to life. It is a relief,\""));
}

#[test]
fn wrapped_first_line_is_not_a_title_and_body_dates_are_not_the_date() {
    let ex = run(WRAPPED);
    assert_eq!(ex.title, None);
    assert_eq!(ex.date, None);
    assert!(ex.removed.is_empty(), "{:?}", ex.removed);
}

#[test]
fn header_lines_one_paragraph_a_line() {
    let text = "Harbour reopens after weeks of storms\n20210303\nhttps://news.example.test/harbour-reopens-123.html\nThe harbour reopened on Wednesday, the authority said.\n\"It is a relief,\" the mayor said.\nShips queued at the entrance all morning.\n";
    let ex = run(text);
    assert_eq!(
        ex.title.as_deref(),
        Some("Harbour reopens after weeks of storms")
    );
    assert_eq!(ex.date.as_deref(), Some("2021-03-03"));
    assert_eq!(
        ex.url.as_deref(),
        Some("https://news.example.test/harbour-reopens-123.html")
    );
    assert_eq!(paragraphs(&ex).len(), 3);
    assert_eq!(
        reasons(&ex),
        [(1, "meta-title"), (2, "meta-date"), (3, "meta-url")]
    );
}

#[test]
fn inline_date_prefix_is_split_off() {
    let ex = run(" date 2021-03-03 PORTVILLE — The harbour reopened on Wednesday.\nShips queued all morning.\n");
    assert_eq!(ex.date.as_deref(), Some("2021-03-03"));
    assert_eq!(ex.title, None);
    assert!(ex.body.starts_with("PORTVILLE — The harbour reopened"));
    assert_eq!(ex.removed[0].text, "date 2021-03-03");
}

#[test]
fn date_line_in_the_body_is_not_the_date() {
    let text = "The harbour reopened on Wednesday, the authority said.\n\nShips queued at the entrance.\n\nMarch 3, 2021\n\nThe mayor called it a relief.\n";
    assert_eq!(run(text).date, None);
}

const MARKDOWN: &str = "

# Harbour *Reopens* After Storms

By [Jane Roe for Wire](#) and [John Poe](https://example.test/poe)

March 3, 2021

Port Authority / AFP

The harbour **reopened** on Wednesday, the [authority](https://example.test/a) said.

Related article: [Storm Damage Tallied](#)

## What comes next

Ships queued at the _entrance_ all morning.

Original url:

<https://news.example.test/2021/03/03/harbour-reopens>
";

#[test]
fn markdown_article_reduces_to_text_and_metadata() {
    let ex = extract(MARKDOWN, Format::Markdown, &IngestConfig::default());
    assert_eq!(ex.title.as_deref(), Some("Harbour Reopens After Storms"));
    assert_eq!(ex.byline.as_deref(), Some("Jane Roe for Wire and John Poe"));
    assert_eq!(ex.date.as_deref(), Some("2021-03-03"));
    assert_eq!(
        ex.url.as_deref(),
        Some("https://news.example.test/2021/03/03/harbour-reopens")
    );
    assert_eq!(
        ex.body,
        "The harbour reopened on Wednesday, the authority said.\n\nWhat comes next\n\nShips queued at the entrance all morning."
    );
    let expected = [
        (3, "meta-title"),
        (5, "meta-byline"),
        (7, "meta-date"),
        (9, "credit"),
        (13, "related"),
        (19, "meta-url"),
        (21, "meta-url"),
    ];
    assert_eq!(reasons(&ex), expected);
}

#[test]
fn markdown_is_recognised_without_the_format_hint() {
    assert!(looks_like_markdown("Title\n\nBy [Jane Roe](#)\n"));
    assert!(looks_like_markdown("# Heading\n\ntext"));
    assert!(looks_like_markdown("Source:\n<https://x.test/a>\n"));
    assert!(!looks_like_markdown(
        "Plain words [sic] and (asides).\n#hashtag\n"
    ));
    let ex = extract(MARKDOWN, Format::Text, &IngestConfig::default());
    assert!(!ex.body.contains("]("));
}

const REPRINT: &str = "Mayor sees ‘no sign of recovery’ as harbour reopens

The mayor said there was no sign yet of trade returning, after the authority reopened the quay.

Cranes stood idle along the eastern quay for most of the morning.
AP

Cranes stood idle along the eastern quay for most of the morning.

\"We will keep watching,\" the mayor said on Wednesday.

READ MORE: Storm damage tallied across the coast

Loading...

Advertisement

\"Yes,\" she said.

Dock 4
";

#[test]
fn reprint_boilerplate_is_removed() {
    let ex = run(REPRINT);
    assert_eq!(
        ex.title.as_deref(),
        Some("Mayor sees ‘no sign of recovery’ as harbour reopens")
    );
    let expected = [
        (1, "meta-title"),
        (5, "caption"),
        (6, "credit"),
        (12, "read-more"),
        (14, "loading"),
        (16, "advert"),
        (20, "stray-fragment"),
    ];
    assert_eq!(reasons(&ex), expected);
    let paras = paragraphs(&ex);
    let cranes = paras
        .iter()
        .filter(|p| p.starts_with("Cranes stood idle"))
        .count();
    assert_eq!(cranes, 1);
    assert_eq!(paras.last(), Some(&"\"Yes,\" she said."));
}

#[test]
fn boilerplate_inside_a_wrapped_sentence_does_not_split_it() {
    let text = "The harbour authority said Monday it would reopen the eastern quay to cargo
ships, in what could be the first step towards normal trade after weeks of
Advertisement
storms along the coast, and officials said the plan was well under way now.

Officials released few details and there was no outside confirmation of the
plan, which the authority said had always been the intention all along.
";
    let ex = run(text);
    assert_eq!(paragraphs(&ex).len(), 2);
    assert!(ex.body.contains("after weeks of storms along the coast"));
    assert_eq!(reasons(&ex), [(3, "advert")]);
}

#[test]
fn hyphenated_wraps_keep_the_hyphen_without_a_space() {
    let text = "Officials said on Monday that a long-running dispute over harbour fees and de-
escalation of the row over the quay had begun on Monday morning, and that
talks would continue later in the week with all of the shipping firms.
";
    assert!(run(text)
        .body
        .contains(" harbour fees and de-escalation of the row"));
}

#[test]
fn cleaning_can_be_switched_off() {
    let cfg = IngestConfig {
        clean_boilerplate: false,
        ..IngestConfig::default()
    };
    let ex = extract(REPRINT, Format::Text, &cfg);
    assert!(ex.body.contains("READ MORE: Storm damage"));
    assert!(ex.body.ends_with("Dock 4"));
    assert_eq!(reasons(&ex), [(1, "meta-title")]);
}

#[test]
fn every_non_blank_line_is_in_the_body_or_removed() {
    for text in [WRAPPED, MARKDOWN, REPRINT] {
        let ex = extract(text, Format::Markdown, &IngestConfig::default());
        let body = collapse(&ex.body);
        for (n, raw) in text.lines().enumerate() {
            let listed = ex.removed.iter().any(|r| r.line == n + 1);
            let line = markdown::reduce(raw).text;
            let kept = body.contains(&collapse(&line));
            assert!(
                raw.trim().is_empty() || listed || kept,
                "line {}: {raw:?}",
                n + 1
            );
        }
    }
}

#[test]
fn bodies_have_no_stray_whitespace() {
    for text in [
        WRAPPED,
        MARKDOWN,
        REPRINT,
        "a\u{a0}\u{a0}b\t\tc\r\n\r\n\r\nd  e\r\n",
    ] {
        let ex = run(text);
        assert!(!ex.body.contains("  ") && !ex.body.contains("\n\n\n") && !ex.body.contains('\r'));
        assert_eq!(ex.body.trim(), ex.body);
    }
}

#[test]
fn degenerate_inputs() {
    assert_eq!(run("").body, "");
    assert_eq!(run("\n\n  \n").body, "");
    assert_eq!(run("\u{feff}One short line").body, "One short line");
    assert_eq!(
        run("https://x.test/only-a-url").url.as_deref(),
        Some("https://x.test/only-a-url")
    );
}

proptest! {
    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        let _ = extract(&s, Format::Text, &IngestConfig::default());
        let _ = extract(&s, Format::Markdown, &IngestConfig::default());
    }

    #[test]
    fn never_panics_on_line_soup(lines in proptest::collection::vec(
        "(|[ ]|# |By |date |READ MORE: |AP|\\[a\\]\\(#\\)|<https://x.test/>|20220215 |---|\\*\\*|_)[A-Za-z0-9 .,\"“”’/:-]{0,40}",
        0..30,
    )) {
        let text = lines.join("\n");
        let ex = extract(&text, Format::Markdown, &IngestConfig::default());
        prop_assert!(!ex.body.contains("\n\n\n"));
        let _ = extract(&text, Format::Text, &IngestConfig::default());
    }
}

/// Date and publication time of a text whose header has `date_line`.
fn dated(date_line: &str) -> (Option<String>, Option<String>) {
    let ex = run(&format!(
        "Ferry fares rise in May\n{date_line}\n\nThe harbour ferry will cost more from May, \
         the council said on Monday after a long debate.\n"
    ));
    let doc = crate::assemble::assemble(
        crate::assemble::Record {
            id: "t".into(),
            source: "t.txt".into(),
            format: Format::Text,
        },
        ex,
        &IngestConfig::default(),
    );
    (doc.meta.date, doc.meta.published)
}

#[test]
fn header_date_times_with_an_offset_give_the_publication_time() {
    let cases = [
        (
            "2022-02-15T09:30:00+01:00",
            Some("2022-02-15T09:30:00+01:00"),
        ),
        (
            "Published: 2022-02-15T09:30:00Z",
            Some("2022-02-15T09:30:00Z"),
        ),
        ("2022-02-15 09:30 UTC", Some("2022-02-15T09:30:00Z")),
        ("2022-02-15", None),
        ("2022-02-15T09:30:00", None),
        ("Published: Tuesday, February 15, 2022 10:30 AM EST", None),
        ("Tue, 15 Feb 2022 08:48:46 GMT", None),
    ];
    for (line, want) in cases {
        let (date, published) = dated(line);
        assert_eq!(date.as_deref(), Some("2022-02-15"), "{line}");
        assert_eq!(published.as_deref(), want, "{line}");
    }
}

#[test]
fn a_date_prefix_with_a_time_gives_the_publication_time() {
    let (date, published) = dated("date 2022-02-15 09:30:00-05:00 KYIV, Ukraine — Officials said");
    assert_eq!(date.as_deref(), Some("2022-02-15"));
    assert_eq!(published.as_deref(), Some("2022-02-15T09:30:00-05:00"));
}
