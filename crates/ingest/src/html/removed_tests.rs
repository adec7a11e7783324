//! Tests of what HTML extraction reports in `removed`: boilerplate inside the article with its
//! reason and source line, never the page's own navigation or footer.

use super::extract;
use crate::Extracted;
use samestory_core::{IngestConfig, RemovedLine};

fn run(html: &str) -> Extracted {
    extract(html, &IngestConfig::default())
}

/// Invented prose, long enough for readability scoring.
const PROSE: [&str; 4] = [
    "The harbour council of Eastmere voted on Tuesday to rebuild the old stone pier, ending a \
     dispute that has lasted for almost a decade among the town's fishermen and traders.",
    "Work is expected to begin in the spring, once the winter storms have passed, and the \
     council says the pier should reopen to boats before the autumn herring season starts.",
    "Local skippers, who have moored their boats in a neighbouring cove since the pier was \
     closed, welcomed the decision but warned that the budget looked far too tight to them.",
    "A public meeting to present the engineers' drawings will be held next month in the town \
     hall, where residents will be able to ask questions about the timetable and the cost.",
];

/// A page whose article holds every kind of in-text boilerplate, one element per line, so
/// that line numbers can be checked.
fn page() -> String {
    [
        "<!doctype html><html><head><title>Pier | Example Gazette</title></head><body>",
        "<nav class=\"site-nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>",
        "<div class=\"ad-slot\">Advertisement</div>",
        "<main><article>",
        &format!("<p>{}</p>", PROSE[0]),
        "<p>READ MORE: Storm season begins early on the coast</p>",
        "<figure><img src=\"pier.jpg\"><figcaption>The old pier at low tide</figcaption></figure>",
        &format!("<p>{}</p>", PROSE[1]),
        "<p>Advertisement</p>",
        &format!("<p>{}</p>", PROSE[2]),
        "<div class=\"share-tools\"><span>Share this story</span></div>",
        &format!("<p>{}</p>", PROSE[3]),
        "<p>(Reporting by Ada Brightwater; Editing by Tom Reed)</p>",
        "</article></main>",
        "<footer>Copyright Example Gazette. All rights reserved.</footer>",
        "</body></html>",
    ]
    .join("\n")
}

fn removed(line: usize, text: &str, reason: &str) -> RemovedLine {
    RemovedLine {
        line,
        text: text.to_string(),
        reason: reason.to_string(),
    }
}

#[test]
fn in_article_boilerplate_is_removed_with_reason_and_source_line() {
    let ex = run(&page());
    assert_eq!(ex.body, PROSE.join("\n\n"));
    assert_eq!(
        ex.removed,
        vec![
            removed(
                6,
                "READ MORE: Storm season begins early on the coast",
                "read-more"
            ),
            removed(7, "The old pier at low tide", "caption"),
            removed(9, "Advertisement", "advert"),
            removed(11, "Share this story", "share"),
            removed(
                13,
                "(Reporting by Ada Brightwater; Editing by Tom Reed)",
                "credit"
            ),
        ]
    );
}

#[test]
fn page_navigation_ads_and_footer_outside_the_article_are_not_reported() {
    let ex = run(&page());
    for outside in ["Home", "Copyright"] {
        assert!(
            ex.removed.iter().all(|r| !r.text.contains(outside)),
            "{outside} reported: {:?}",
            ex.removed
        );
    }
    assert!(ex.removed.iter().all(|r| r.line != 3), "{:?}", ex.removed);
}

#[test]
fn without_cleaning_text_rule_lines_stay_in_the_body() {
    let cfg = IngestConfig {
        clean_boilerplate: false,
        ..IngestConfig::default()
    };
    let ex = extract(&page(), &cfg);
    assert!(ex.body.contains("READ MORE: Storm season"), "{}", ex.body);
    assert!(ex.removed.iter().all(|r| r.reason != "read-more"));
}

#[test]
fn text_rules_never_drop_real_sentences_from_html() {
    let sentences = [
        "Reuters reported the figure on Monday, citing two officials close to the talks.",
        "Share prices fell 3% on Tuesday.",
        "Read the statement carefully, he told reporters.",
    ];
    let body: String = PROSE
        .iter()
        .chain(&sentences)
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    let ex = run(&format!(
        "<html><body><article>{body}</article></body></html>"
    ));
    for s in sentences {
        assert!(ex.body.contains(s), "{s} lost:\n{}", ex.body);
    }
    assert!(ex.removed.is_empty(), "{:?}", ex.removed);
}

#[test]
fn stray_fragments_ending_the_article_are_removed() {
    let body: String = PROSE.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html =
        format!("<html><body><article>{body}<p>About the Author</p>\n</article></body></html>");
    let ex = run(&html);
    assert_eq!(ex.body, PROSE.join("\n\n"));
    assert_eq!(
        ex.removed,
        vec![removed(5, "About the Author", "stray-fragment")]
    );
}

#[test]
fn whole_page_fallback_reports_only_text_rule_lines() {
    let html = "<html><body><nav><a href=\"/\">Home</a></nav>\n<p>Short note.</p>\n\
                <p>Advertisement</p>\n<div class=\"newsletter-box\">Our weekly digest</div>\n<p>Closing note.</p></body></html>";
    let ex = run(html);
    assert_eq!(ex.removed, vec![removed(3, "Advertisement", "advert")]);
}

#[test]
fn paragraph_repeating_a_figure_caption_is_removed_as_caption() {
    let body: String = PROSE.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<html><body><article>\n<figure><figcaption>The old pier at low tide</figcaption></figure>\n\
         <p>The old pier at low tide</p>\n{body}</article></body></html>"
    );
    let ex = run(&html);
    assert_eq!(ex.body, PROSE.join("\n\n"));
    assert_eq!(
        ex.removed,
        vec![
            removed(2, "The old pier at low tide", "caption"),
            removed(3, "The old pier at low tide", "caption"),
        ]
    );
}
