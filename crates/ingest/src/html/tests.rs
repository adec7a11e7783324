//! Tests of HTML extraction on small invented pages: each metadata source alone, the
//! precedence between sources, and body extraction (boilerplate out, paragraphs in).

use super::body::extract_body;
use super::dates::url_path_date;
use super::title::clean_title;
use super::{extract, jsonld};
use crate::Extracted;
use dom_query::Document;
use samestory_core::IngestConfig;

fn run(html: &str) -> Extracted {
    extract(html, &IngestConfig::default())
}

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
}

/// Five invented paragraphs of plain prose, long enough for readability scoring.
const PROSE: [&str; 5] = [
    "The harbour council of Eastmere voted on Tuesday to rebuild the old stone pier, \
     ending a dispute that has lasted for almost a decade among the town's fishermen.",
    "Work is expected to begin in the spring, once the winter storms have passed, and \
     the council says the pier should reopen to boats before the autumn herring season.",
    "Local skippers, who have moored their boats in a neighbouring cove since the pier \
     was closed, welcomed the decision but warned that the budget looked tight.",
    "The council's treasurer said the money would come from a regional fund for coastal \
     towns, and that no increase in harbour fees was planned for the coming year.",
    "A public meeting to present the engineers' drawings will be held next month in the \
     town hall, where residents will be able to ask questions about the timetable.",
];

fn article_html() -> String {
    let paragraphs: String = PROSE.iter().map(|p| format!("<p>{p}</p>")).collect();
    let body = format!(
        r#"<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <div class="ad-slot">Advertisement: buy the new Gullwing kettle today</div>
        <main><article>
          <h1>Eastmere votes to rebuild its pier</h1>
          <div class="byline">By Ada Brightwater</div>
          <figure><img src="pier.jpg"><figcaption>The old pier at low tide. Photo: Example</figcaption></figure>
          {paragraphs}
          <div class="share-tools"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Share on X</a></div>
          <ul class="related-links"><li><a href="/a">Another harbour story</a></li><li><a href="/b">Storm season begins early</a></li></ul>
        </article></main>
        <section id="comments"><h2>Comments</h2><p>First comment here, what a great decision for all of us in town!</p></section>
        <footer>Copyright Example Gazette. All rights reserved.</footer>"#
    );
    page(
        "<title>Eastmere votes to rebuild its pier | Example Gazette</title>",
        &body,
    )
}

#[test]
fn body_keeps_every_paragraph_in_order() {
    let body = run(&article_html()).body;
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        PROSE.iter().map(|p| collapse(p)).collect::<Vec<_>>()
    );
}

#[test]
fn body_drops_nav_ads_captions_share_related_comments_footer() {
    let body = run(&article_html()).body;
    for junk in [
        "Home",
        "Advertisement",
        "Photo:",
        "Share on",
        "Another harbour",
        "First comment",
        "Copyright",
        "By Ada",
    ] {
        assert!(!body.contains(junk), "{junk:?} left in body:\n{body}");
    }
}

#[test]
fn body_has_no_markup_and_collapsed_whitespace() {
    let html = page(
        "",
        &format!(
            "<article><p>{}   <b>bold</b>\n\n  <i>words</i>.</p><p>{}</p><p>{}</p></article>",
            PROSE[0], PROSE[1], PROSE[2]
        ),
    );
    let body = extract_body(&html);
    assert!(body.contains("fishermen. bold words."), "{body}");
    assert!(!body.contains('<') && !body.contains("  "), "{body}");
}

#[test]
fn body_keeps_text_without_spaces_between_words() {
    let sentence = "港の桟橋を再建することが火曜日の議会で決まり、長年の論争に終止符が打たれた。";
    let html = page(
        "",
        &format!("<article><p>{sentence}</p><p>{sentence}工事は春に始まる。</p></article>"),
    );
    assert!(extract_body(&html).starts_with(sentence));
}

#[test]
fn malformed_or_empty_html_gives_empty_body_without_panic() {
    for html in [
        "",
        "<",
        "<html><body><div><p>",
        "\u{0}\u{1}<<<>>>",
        "<script>x</script>",
    ] {
        let out = run(html);
        assert!(out.body.len() < 20, "{html:?} → {:?}", out.body);
    }
}

#[test]
fn title_from_og_title_first() {
    let html = page(
        r#"<meta property="og:title" content="Pier vote passes"><title>Other | Site</title>"#,
        "<h1>Heading</h1>",
    );
    assert_eq!(run(&html).title.as_deref(), Some("Pier vote passes"));
}

#[test]
fn title_from_jsonld_headline_then_title_then_h1() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script>"#;
    let html = page(
        &format!("{ld}<title>Tag title | Site</title>"),
        "<h1>H1</h1>",
    );
    assert_eq!(run(&html).title.as_deref(), Some("LD headline"));
    let html = page("<title>Tag title | Example Gazette</title>", "<h1>H1</h1>");
    assert_eq!(run(&html).title.as_deref(), Some("Tag title"));
    let html = page("", "<h1>Only a heading</h1>");
    assert_eq!(run(&html).title.as_deref(), Some("Only a heading"));
}

#[test]
fn title_suffixes_are_stripped_but_headline_dashes_kept() {
    let gazette = Some("Example Gazette");
    assert_eq!(
        clean_title("Pier vote | Example Gazette", None).as_deref(),
        Some("Pier vote")
    );
    assert_eq!(
        clean_title("Pier vote - Example Gazette", gazette).as_deref(),
        Some("Pier vote")
    );
    assert_eq!(
        clean_title("Example Gazette: x", gazette).as_deref(),
        Some("Example Gazette: x")
    );
    assert_eq!(
        clean_title("Pier vote – example.com", None).as_deref(),
        Some("Pier vote")
    );
    let dash = "Council votes 7-2 - and fishermen are pleased with the result";
    assert_eq!(clean_title(dash, None).as_deref(), Some(dash));
    assert_eq!(clean_title("  ", None), None);
}

#[test]
fn date_from_jsonld_beats_meta() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2021-03-04T10:00:00Z"}</script>"#;
    let meta = r#"<meta property="article:published_time" content="2020-01-01T00:00:00Z">"#;
    assert_eq!(
        run(&page(&format!("{meta}{ld}"), "")).date.as_deref(),
        Some("2021-03-04")
    );
    assert_eq!(run(&page(meta, "")).date.as_deref(), Some("2020-01-01"));
}

#[test]
fn date_from_meta_names() {
    for name in ["date", "pubdate", "parsely-pub-date", "DC.date.issued"] {
        let html = page(&format!(r#"<meta name="{name}" content="2019-11-20">"#), "");
        assert_eq!(run(&html).date.as_deref(), Some("2019-11-20"), "{name}");
    }
}

#[test]
fn date_from_time_element_then_url_path() {
    let html = page("", r#"<time datetime="2018-07-09T08:00">9 July</time>"#);
    assert_eq!(run(&html).date.as_deref(), Some("2018-07-09"));
    let html = page(
        r#"<link rel="canonical" href="https://example.com/2017/5/06/pier-vote">"#,
        "",
    );
    assert_eq!(run(&html).date.as_deref(), Some("2017-05-06"));
    assert_eq!(url_path_date("https://example.com/2017/13/40/x"), None);
    assert_eq!(url_path_date("https://example.com/news/12345/x"), None);
}

#[test]
fn a_year_last_url_segment_is_read_when_its_order_is_unambiguous() {
    let date = |u: &str| url_path_date(u);
    assert_eq!(
        date("https://example.org/notices/29-10-2021").as_deref(),
        Some("2021-10-29")
    );
    assert_eq!(
        date("https://example.org/notices/10-29-2021/").as_deref(),
        Some("2021-10-29")
    );
    assert_eq!(date("https://example.org/notices/05-06-2021"), None);
    assert_eq!(date("https://example.org/notices/31-02-2021"), None);
    assert_eq!(date("https://example.org/model-12-13-2021-x"), None);
}

#[test]
fn no_date_when_page_gives_none() {
    let html = page(
        "<title>t</title>",
        "<p>Published some time ago.</p><time>yesterday</time>",
    );
    assert_eq!(run(&html).date, None);
}

#[test]
fn url_from_canonical_then_og_then_jsonld() {
    let canonical = r#"<link rel="canonical" href="https://example.com/a">"#;
    let og = r#"<meta property="og:url" content="https://example.com/b">"#;
    let ld = r#"<script type="application/ld+json">{"@type":"Article","url":"https://example.com/c"}</script>"#;
    assert_eq!(
        run(&page(&format!("{ld}{og}{canonical}"), ""))
            .url
            .as_deref(),
        Some("https://example.com/a")
    );
    assert_eq!(
        run(&page(&format!("{ld}{og}"), "")).url.as_deref(),
        Some("https://example.com/b")
    );
    assert_eq!(
        run(&page(ld, "")).url.as_deref(),
        Some("https://example.com/c")
    );
    let relative = r#"<link rel="canonical" href="/a">"#;
    assert_eq!(run(&page(relative, "")).url, None);
}

#[test]
fn byline_from_jsonld_authors_and_references() {
    let ld = r##"<script type="application/ld+json">{"@graph":[
        {"@type":"NewsArticle","author":[{"@type":"Person","name":"Ada Brightwater"},{"@id":"#p2"}]},
        {"@type":"Person","@id":"#p2","name":"Tom Reed"}]}</script>"##;
    assert_eq!(
        run(&page(ld, "")).byline.as_deref(),
        Some("Ada Brightwater and Tom Reed")
    );
}

#[test]
fn byline_from_meta_author_article_author_and_rel_author() {
    let html = page(r#"<meta name="author" content="By Ada Brightwater">"#, "");
    assert_eq!(run(&html).byline.as_deref(), Some("Ada Brightwater"));
    let url_only = r#"<meta property="article:author" content="https://social.example/ada">"#;
    assert_eq!(run(&page(url_only, "")).byline, None);
    let named = r#"<meta property="article:author" content="Tom Reed">"#;
    assert_eq!(run(&page(named, "")).byline.as_deref(), Some("Tom Reed"));
    let html = page(
        "",
        r#"<a rel="author" href="/staff/ada">Ada Brightwater</a>"#,
    );
    assert_eq!(run(&html).byline.as_deref(), Some("Ada Brightwater"));
}

#[test]
fn outlet_from_og_site_name_then_publisher() {
    let og = r#"<meta property="og:site_name" content="Example Gazette">"#;
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Gazette Media"}}</script>"#;
    assert_eq!(
        run(&page(&format!("{ld}{og}"), "")).outlet.as_deref(),
        Some("Example Gazette")
    );
    assert_eq!(run(&page(ld, "")).outlet.as_deref(), Some("Gazette Media"));
}

#[test]
fn declared_lang_from_html_lang() {
    let html = "<html lang=\"pt-BR\"><head></head><body><p>x</p></body></html>";
    assert_eq!(run(html).declared_lang.as_deref(), Some("pt-BR"));
    assert_eq!(run(&page("", "")).declared_lang, None);
}

#[test]
fn everything_null_when_absent() {
    let out = run(&page("", "<div>nothing to see</div>"));
    let none = (
        out.title,
        out.date,
        out.url,
        out.byline,
        out.outlet,
        out.declared_lang,
    );
    assert_eq!(none, (None, None, None, None, None, None));
}

#[test]
fn jsonld_tolerates_bad_blocks_and_cdata() {
    let html = page(
        r#"<script type="application/ld+json">{ not json</script>
           <script type="application/ld+json">/*<![CDATA[*/</script>
           <script type="application/ld+json"><![CDATA[{"@type":["NewsArticle"],"headline":"Kept"}]]></script>"#,
        "",
    );
    assert_eq!(
        jsonld::read(&Document::from(html)).headline.as_deref(),
        Some("Kept")
    );
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn tiny_page_still_gives_its_text() {
    let html = page(
        "<title>Note</title>",
        "<div><p>The pier reopens on Monday.</p></div>",
    );
    assert_eq!(run(&html).body, "The pier reopens on Monday.");
}

#[test]
fn leading_kicker_and_dateline_dropped_but_long_lists_kept() {
    let items: String = (1..=8)
        .map(|i| format!("<li>Stage {i}: the harbour</li>"))
        .collect();
    let html = page(
        "",
        &format!(
            "<article><p>Harbour news</p><p>Updated 9:15 am</p><p>{}</p><p>{}</p><ul>{items}</ul></article>",
            PROSE[0], PROSE[1]
        ),
    );
    let body = run(&html).body;
    assert!(body.starts_with("The harbour council"), "{body}");
    assert!(body.contains("Stage 8: the harbour"), "{body}");
    let list_only = page("", &format!("<article><ul>{items}</ul></article>"));
    assert!(run(&list_only).body.starts_with("Stage 1: the harbour"));
}

#[test]
fn table_cells_join_into_one_line_per_row() {
    let rows: String = (1..=3)
        .map(|i| format!("<tr><td>{i}</td><td>Boat {i}</td><td>{}</td></tr>", 10 * i))
        .collect();
    let html = page(
        "",
        &format!(
            "<article><p>{}</p><p>{}</p><table>{rows}</table></article>",
            PROSE[0], PROSE[1]
        ),
    );
    let body = run(&html).body;
    assert!(body.contains("\n\n2 Boat 2 20\n\n"), "{body:?}");
}

#[test]
fn jsonld_with_comments_trailing_commas_and_raw_newlines_is_repaired() {
    let html = page(
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", // a note\n\
         \"headline\": \"Line one\nline two\", /* block */ \"keywords\": [\"a\", \"b\", ],\n\
         \"datePublished\": \"2019-11-18T16:06:51-05:00\", }</script>",
        "",
    );
    let out = run(&html);
    assert_eq!(out.title.as_deref(), Some("Line one line two"));
    assert_eq!(out.date.as_deref(), Some("2019-11-18"));
    assert_eq!(
        jsonld::repair(r#"{"u": "http://x.test/a//b"}"#),
        r#"{"u": "http://x.test/a//b"}"#
    );
}

#[test]
fn outlet_that_is_a_url_is_skipped_and_tagline_dropped() {
    let og = r#"<meta property="og:site_name" content="https://gazette.example">"#;
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Gazette Media"}}</script>"#;
    assert_eq!(
        run(&page(&format!("{og}{ld}"), "")).outlet.as_deref(),
        Some("Gazette Media")
    );
    let tagline = r#"<meta property="og:site_name" content="Gazette | News for the coast">"#;
    assert_eq!(run(&page(tagline, "")).outlet.as_deref(), Some("Gazette"));
}

#[test]
fn a_short_post_whose_article_is_not_found_keeps_its_own_lines_and_metadata() {
    // dom_smoothie settles on the consent form's text, which the renderer drops.
    let html = page(
        "<title>Overheard at the quay</title>",
        "<h2><a href='/2013/06/14/quay/'>Overheard at the quay</a></h2>\
         <p class='meta'>14. Juni 2013 at 20:51 (<a href='/c/'>Quay</a>)</p>\
         <p>– „Not at all, said the skipper.“</p>\
         <div class='widget cookie-law'><div><form method='post'>\
         More on cookies, and on how to control them, can be found on this page:\
         </form></div></div>",
    );
    let out = run(&html);
    assert!(
        out.body.contains("Not at all, said the skipper"),
        "{:?}",
        out.body
    );
    assert_eq!(out.date.as_deref(), Some("2013-06-14"));
}

#[test]
fn react_s_streamed_segments_are_read_and_other_hidden_blocks_are_not() {
    let prose: String = PROSE.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = page(
        "<title>Pier to be rebuilt</title>",
        &format!(
            "<div><nav><a href='/'>Home</a></nav><template id='B:0'></template></div>\
             <div hidden id='menu-panel'><p>Secret drawer text that nobody sees.</p></div>\
             <div hidden id='S:0'><article><h1>Pier to be rebuilt</h1>{prose}</article></div>"
        ),
    );
    let out = run(&html);
    assert!(out.body.starts_with(PROSE[0]), "{:?}", out.body);
    assert!(!out.body.contains("Secret drawer"), "{:?}", out.body);
}
