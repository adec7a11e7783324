//! Tests of the date finder on invented pages: one per source and per ranking rule.

use super::candidate::{Candidate, Role, Source};
use super::rank::{choose, Found};
use crate::html::metadata::read;
use chrono::NaiveDate;
use dom_query::Document;

const LEDE: &str = "<p>The harbour council voted to rebuild the old pier after a long dispute \
    among the fishermen and the boat owners of the small town.</p>";

/// `(date, published)` of a page with `head` markup and `article` markup after its headline.
fn dates_of(head: &str, article: &str) -> (Option<String>, Option<String>) {
    let html = format!(
        "<html><head><title>Pier to be rebuilt | Gazette</title>{head}</head><body>\
         <nav><a href='/'>Home</a> 1 May 2019</nav><article><h1>Pier to be rebuilt</h1>\
         {article}{LEDE}</article></body></html>"
    );
    let meta = read(&Document::from(html.as_str()));
    (meta.date, meta.published)
}

fn date_of(head: &str, article: &str) -> Option<String> {
    dates_of(head, article).0
}

fn ld(fields: &str, kind: &str) -> String {
    format!(r#"<script type="application/ld+json">{{"@type":"{kind}",{fields}}}</script>"#)
}

#[test]
fn jsonld_article_date_published() {
    let head = ld(
        r#""datePublished":"2024-03-05T10:00:00+01:00""#,
        "NewsArticle",
    );
    let got = dates_of(&head, "");
    assert_eq!(got.0.as_deref(), Some("2024-03-05"));
    assert_eq!(got.1.as_deref(), Some("2024-03-05T10:00:00+01:00"));
}

#[test]
fn published_wins_over_modified() {
    let head = ld(
        r#""dateModified":"2024-04-01","datePublished":"2024-03-05""#,
        "BlogPosting",
    );
    assert_eq!(date_of(&head, "").as_deref(), Some("2024-03-05"));
}

#[test]
fn a_web_page_s_cms_date_alone_is_no_date() {
    let head = ld(r#""datePublished":"2019-02-01T08:00:00+00:00""#, "WebPage");
    assert_eq!(date_of(&head, ""), None);
    let modified = r#"<meta property="article:modified_time" content="2024-04-01T09:00:00Z">"#;
    assert_eq!(date_of(modified, ""), None);
}

#[test]
fn meta_names_citation_and_escaped_property() {
    let citation = r#"<meta name="citation_publication_date" content="2021/06/30">"#;
    assert_eq!(date_of(citation, "").as_deref(), Some("2021-06-30"));
    let html = r#"<html><head><meta property="article&#x3a;published_time"
        content="2022-11-18T07:00:00Z"></head><body><p>x</p></body></html>"#;
    let meta = read(&Document::from(html));
    assert_eq!(meta.date.as_deref(), Some("2022-11-18"));
}

#[test]
fn microdata_element_outside_meta() {
    let article = r#"<span itemprop="datePublished" content="2020-07-14">14 July</span>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2020-07-14"));
}

#[test]
fn inline_json_in_another_script() {
    let head = r#"<script>window.cfg = {"section":"local","publishDate":"2023-09-12T06:30:00Z"};</script>"#;
    assert_eq!(date_of(head, "").as_deref(), Some("2023-09-12"));
}

#[test]
fn creation_times_of_one_day_in_a_script_give_that_day() {
    let block = |day: &str| format!(r#"{{"@type":"Block","createdAt":"{day}T15:58:43+01:00"}}"#);
    let together = format!(
        "<script>window.doc = [{},{},{}];</script>",
        block("2022-01-31"),
        block("2022-01-31"),
        block("2022-01-31")
    );
    assert_eq!(date_of(&together, "").as_deref(), Some("2022-01-31"));
    let scattered = format!(
        "<script>window.media = [{},{},{}];</script>",
        block("2022-01-31"),
        block("2023-07-28"),
        block("2022-01-31")
    );
    assert_eq!(date_of(&scattered, ""), None);
    let one = format!("<script>window.media = [{}];</script>", block("2023-07-28"));
    assert_eq!(date_of(&one, ""), None);
}

#[test]
fn time_element_near_the_headline() {
    let article = r#"<time datetime="2022-02-15">Feb 15</time>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2022-02-15"));
}

#[test]
fn date_named_span() {
    let article = r#"<span class="post-date">18.11.2025</span>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2025-11-18"));
}

#[test]
fn visible_text_in_several_languages() {
    for (line, want) in [
        ("<p>Von Anna Muster, 18. November 2025</p>", "2025-11-18"),
        ("<p>Par Jean Dupont, le 3 mars 2024</p>", "2024-03-03"),
        ("<p>Por Ana Ruiz, 18 de noviembre de 2025</p>", "2025-11-18"),
        ("<p>By Jane Roe · Nov 18, 2025</p>", "2025-11-18"),
    ] {
        assert_eq!(date_of("", line).as_deref(), Some(want), "{line}");
    }
}

#[test]
fn url_path_is_the_last_resort() {
    let head = r#"<link rel="canonical" href="https://news.example/2024/03/05/pier-plan/">"#;
    assert_eq!(date_of(head, "").as_deref(), Some("2024-03-05"));
    let compact = r#"<link rel="canonical" href="https://news.example/local/20240305-pier">"#;
    assert_eq!(date_of(compact, "").as_deref(), Some("2024-03-05"));
}

#[test]
fn related_links_and_comments_are_not_read() {
    let article = r#"<div class="related-posts"><time datetime="2018-01-02">Jan 2</time></div>
        <ol class="comment-list"><li>Posted 3 May 2019</li></ol>"#;
    assert_eq!(date_of("", article), None);
}

#[test]
fn todays_date_and_ranges_are_not_the_article_s() {
    assert_eq!(date_of("", "<p>Today: 4 March 2026</p>"), None);
    assert_eq!(
        date_of("", "<p>Festival, 3 May 2025 – 5 May 2025</p>"),
        None
    );
}

#[test]
fn a_deadline_or_the_bound_of_a_period_is_not_the_page_s_date() {
    let text = "<p>Anträge werden angenommen (bis 31.12.2018).</p>\
        <p>Open to applicants until March 3, 2025.</p>";
    assert_eq!(date_of("", text), None);
}

#[test]
fn a_served_time_header_is_no_publication_date() {
    let head = r#"<meta http-equiv="date" content="Tue, 04 Mar 2025 10:00:00 GMT">
        <meta http-equiv="expires" content="2025-03-05">"#;
    assert_eq!(date_of(head, ""), None);
    let named = r#"<meta name="date" content="2025-03-04">"#;
    assert_eq!(date_of(named, "").as_deref(), Some("2025-03-04"));
}

#[test]
fn post_navigation_and_you_may_like_blocks_are_not_read() {
    for class in [
        "post-navigation",
        "nav-links",
        "you-may-like",
        "further-reading",
    ] {
        let block = format!(
            "<div class='{class}'><a href='/b'>Harbour fees rise</a> <span>March 3, 2025</span></div>"
        );
        assert_eq!(date_of("", &block), None, "{class}");
    }
}

#[test]
fn a_date_outside_the_stated_publication_month_is_not_the_publication_date() {
    let shown = "<p>Originally published in March 2022. Last updated on December 20, 2024.</p>";
    assert_eq!(date_of("", shown), None);
    let head = ld(r#""datePublished":"2022-03-15""#, "Article");
    assert_eq!(date_of(&head, shown).as_deref(), Some("2022-03-15"));
}

#[test]
fn a_dated_link_with_a_headline_is_another_article_s_teaser() {
    let teaser = "<p><a href='/pier-fees'>Harbour fees rise again after the council vote \
        <span class='date'>March 3, 2025</span></a></p>";
    assert_eq!(date_of("", teaser), None);
    let permalink = "<p><a href='/pier'><time class='entry-date'>March 3, 2025</time></a></p>";
    assert_eq!(date_of("", permalink).as_deref(), Some("2025-03-03"));
}

#[test]
fn dates_after_a_heading_of_other_articles_or_comments_are_not_read() {
    let headings = [
        "You might also like",
        "Related",
        "Comments (3)",
        "3 thoughts on “Pier to be rebuilt”",
        "Leave a Reply",
        "Das könnte Sie auch interessieren",
        "Kommentare",
        "À lire aussi",
    ];
    for heading in headings {
        let after = format!(
            "<h2>{heading}</h2><ul><li><a href='/a'>Fees rise</a><br>March 3, 2025</li></ul>"
        );
        assert_eq!(date_of("", &after), None, "{heading}");
    }
    let own = [
        "<h2>Related costs of the works</h2><p class='date'>March 3, 2025</p>",
        "<h2>Why the works took so long</h2><p class='date'>March 3, 2025</p>",
    ];
    for section in own {
        assert_eq!(date_of("", section).as_deref(), Some("2025-03-03"));
    }
}

#[test]
fn a_comment_thread_s_dates_are_not_the_article_s() {
    let disqus = "<div id='disqus_thread'><span class='date'>March 3, 2025</span></div>";
    assert_eq!(date_of("", disqus), None);
    let said = "<div><b>Ann</b> says:</div><div><a href='#c1'>March 3, 2025 at 10:15 am</a></div>";
    assert_eq!(date_of("", said), None);
}

#[test]
fn a_list_of_many_days_gives_none() {
    let article = "<p>Events</p><p>2 May 2025 Choir</p><p>9 May 2025 Market</p>\
        <p>16 May 2025 Regatta</p>";
    assert_eq!(date_of("", article), None);
}

#[test]
fn a_shown_update_date_wins_when_no_published_date_is_shown() {
    let head = ld(
        r#""datePublished":"2024-01-10","dateModified":"2025-08-19""#,
        "Article",
    );
    let shown = "<p>Last updated: August 19, 2025</p>";
    assert_eq!(date_of(&head, shown).as_deref(), Some("2025-08-19"));
}

#[test]
fn a_bare_number_in_the_text_does_not_overrule_structured_data() {
    let head = ld(r#""datePublished":"2024-03-05""#, "NewsArticle");
    let text = "<p>The pier was first closed on 12 June 2019.</p>";
    assert_eq!(date_of(&head, text).as_deref(), Some("2024-03-05"));
}

#[test]
fn the_page_s_local_day_beats_a_utc_timestamp() {
    let head = ld(r#""datePublished":"2024-03-06T02:30:00Z""#, "NewsArticle");
    let shown = "<p>March 5, 2024, 9:30 PM</p>";
    let (date, published) = dates_of(&head, shown);
    assert_eq!(date.as_deref(), Some("2024-03-05"));
    assert_eq!(published, None);
}

#[test]
fn a_shown_numeric_date_in_the_other_day_month_order_confirms_the_structured_one() {
    let head = ld(r#""datePublished":"2024-09-10T15:00:00Z""#, "BlogPosting");
    let shown = "<p class='post-date'>09.10.2024</p>";
    let (date, published) = dates_of(&head, shown);
    assert_eq!(date.as_deref(), Some("2024-09-10"));
    assert_eq!(published.as_deref(), Some("2024-09-10T15:00:00Z"));
}

fn candidate(day: &str, source: Source, role: Role) -> Candidate {
    Candidate::day(day.to_string(), source, role)
}

#[test]
fn an_original_publication_day_stated_anywhere_beats_a_shown_date() {
    let html = format!(
        "<html><body><article><h1>Pier to be rebuilt</h1><p class='date'>30 Sep 2022</p>\
         {LEDE}<p>This article was originally published on 26 Sep 2019 and has been \
         updated since.</p></article></body></html>"
    );
    assert_eq!(
        read(&Document::from(html.as_str())).date.as_deref(),
        Some("2019-09-26")
    );
    let head = ld(r#""datePublished":"2022-09-30""#, "NewsArticle");
    let with_structured = html.replace("<html>", &format!("<html><head>{head}</head>"));
    assert_eq!(
        read(&Document::from(with_structured.as_str()))
            .date
            .as_deref(),
        Some("2022-09-30")
    );
}

#[test]
fn a_byline_date_at_the_foot_of_the_page_is_the_last_resort() {
    let html = format!(
        "<html><body><article><h1>Pier to be rebuilt</h1>{LEDE}</article>\
         <footer><p>Written by Ann Lee and Bo Ek April 8, 2024</p></footer></body></html>"
    );
    assert_eq!(
        read(&Document::from(html.as_str())).date.as_deref(),
        Some("2024-04-08")
    );
}

#[test]
fn a_meta_element_in_the_body_is_not_a_shown_date() {
    let article = r#"<meta itemprop="dateCreated" content="2004-01-01">
        <meta itemprop="dateModified" content="2019-06-13">
        <p class="recipe-date">Updated June 13, 2019</p>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2019-06-13"));
}

#[test]
fn a_generic_date_meta_ranks_after_a_microdata_publication_date() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 10).expect("a day");
    let found = Found {
        structured: vec![candidate("2022-01-21", Source::MetaDate, Role::Published)],
        microdata: vec![candidate("2022-01-27", Source::Microdata, Role::Published)],
        ..Found::default()
    };
    assert_eq!(choose(found, today).0.as_deref(), Some("2022-01-27"));
}

#[test]
fn a_date_shown_at_the_headline_overrules_a_generic_date_meta() {
    let head = r#"<meta name="dc.date" content="2020-03-03">"#;
    let shown = "<p>Original Research</p><p>7 April 2020</p>";
    assert_eq!(date_of(head, shown).as_deref(), Some("2020-04-07"));
    let named = r#"<meta property="article:published_time" content="2020-03-03">"#;
    assert_eq!(date_of(named, shown).as_deref(), Some("2020-03-03"));
}

#[test]
fn microdata_listing_many_days_is_other_items_dates() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 10).expect("a day");
    let items = ["2025-12-01", "2025-11-20", "2025-11-02"];
    let found = Found {
        structured: vec![candidate("2025-03-27", Source::MetaDate, Role::Published)],
        microdata: items
            .iter()
            .map(|d| candidate(d, Source::Microdata, Role::Published))
            .collect(),
        ..Found::default()
    };
    assert_eq!(choose(found, today).0.as_deref(), Some("2025-03-27"));
}

#[test]
fn future_and_pre_web_dates_are_dropped() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 10).expect("a day");
    let found = |day: &str, source| Found {
        near: vec![candidate(day, source, Role::Unknown)],
        ..Found::default()
    };
    assert_eq!(choose(found("2026-02-01", Source::Text), today).0, None);
    assert_eq!(choose(found("1990-05-01", Source::Text), today).0, None);
    let old = Found {
        structured: vec![candidate("1990-05-01", Source::Meta, Role::Published)],
        ..Found::default()
    };
    assert_eq!(choose(old, today).0.as_deref(), Some("1990-05-01"));
}

#[test]
fn jsonld_with_a_stray_closing_brace_is_still_read() {
    let head = r#"<script type="application/ld+json">
        {"@type":"NewsArticle","datePublished":"2020-10-26T18:10:00+01:00"}
    }</script>"#;
    assert_eq!(date_of(head, "").as_deref(), Some("2020-10-26"));
}

#[test]
fn json_stored_in_a_meta_content() {
    let head = r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">"#;
    assert_eq!(date_of(head, "").as_deref(), Some("2025-11-17"));
}

#[test]
fn a_labelled_date_under_the_headline_is_kept_above_a_list() {
    let article = "<p class='date'>Written: 2023-11-07 15:03</p><p>More news</p>\
        <p>2 May 2025 Choir</p><p>9 May 2025 Market</p><p>16 May 2025 Regatta</p>";
    assert_eq!(date_of("", article).as_deref(), Some("2023-11-07"));
}

/// A page whose headline is an `h2`/`h4` (no `h1`) and whose date follows it.
#[test]
fn a_lower_heading_that_matches_the_title_anchors_the_dates() {
    let html = "<html><head><title>Pier to be rebuilt after dispute | Gazette</title></head>\
        <body><div><h2 class='name'>Pier to be rebuilt after dispute</h2>\
        <p>By Ann Lee · November 22, 2011 · </p>{LEDE}</div></body></html>"
        .replace("{LEDE}", LEDE);
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2011-11-22"));
}

#[test]
fn an_aside_inside_the_article_holds_its_date() {
    let article = r#"<aside><time datetime="2021-06-06">June 6, 2021</time></aside>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2021-06-06"));
}

#[test]
fn a_footer_beside_the_headline_holds_its_date() {
    let head = ld(r#""datePublished":"2022-05-10T13:05:00Z""#, "NewsArticle");
    let html = format!(
        "<html><head>{head}</head><body><div><h1>Ferry service resumes</h1>\
         <footer class='story-meta'><p class='story-date'>10.05.2022 | 15:05</p></footer>\
         <p>Am Montag, 9. Mai 2022, meldete der Hafen das Ende der Arbeiten am Steg.</p>{LEDE}\
         </div><footer><p>Archiv 03.01.2020</p></footer></body></html>"
    );
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2022-05-10"));
}

#[test]
fn without_a_heading_the_title_shown_in_the_text_anchors_the_dates() {
    let html = "<html><head><title>Harbour council backs the new pier | Gazette</title></head>\
        <body><div><p class='big'>Harbour council backs the new pier</p><p>Ann Lee</p>\
        <p>Feb 16, 2026</p>{LEDE}</div></body></html>"
        .replace("{LEDE}", LEDE);
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2026-02-16"));
}

#[test]
fn without_a_headline_a_publish_date_element_counts() {
    let html = "<html><body><div><h5>Notes</h5>\
        <div class='publish-date-author'>Dec. 19, 2025 · Ann Lee</div>{LEDE}</div></body></html>"
        .replace("{LEDE}", LEDE);
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2025-12-19"));
}

#[test]
fn a_labelled_publication_date_in_a_sidebar_or_footer_is_the_last_resort() {
    let html = |margin: &str| {
        format!(
            "<html><body><article><h1>Pier to be rebuilt</h1>{LEDE}</article>\
             <div class='single-post-sidebar'>{margin}</div></body></html>"
        )
    };
    let one = html("<h4>Published</h4><div class='single-post-date'>July 8, 2025</div>");
    let meta = read(&Document::from(one.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2025-07-08"));
    let list = html("<p>Published: 2 May 2025</p><p>Published: 9 May 2025</p>");
    assert_eq!(read(&Document::from(list.as_str())).date, None);
    let related = "<html><body><article><h1>Pier to be rebuilt</h1></article>\
        <div class='related-posts'><p>Published: 2 May 2025</p></div></body></html>";
    assert_eq!(read(&Document::from(related)).date, None);
}

#[test]
fn a_lower_heading_after_the_h1_is_a_section_not_the_headline() {
    let html = format!(
        "<html><head><meta property='og:title' content='Five pier trends for 2026 | Gazette'>\
         </head><body><article><h1>Top pier trends to watch in 2026</h1>\
         <p>Updated: 3 March 2026</p>{}<h2>Five pier trends for 2026</h2>\
         <p>12 June 2019</p>{LEDE}</article></body></html>",
        LEDE.repeat(20)
    );
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2026-03-03"));
}

#[test]
fn a_date_element_labelled_as_today_s_or_a_reader_s_activity_is_not_the_article_s() {
    let hours = "<h3>Today's Hours</h3><div class='garden-hours__date'>March 14, 2026</div>";
    assert_eq!(date_of("", hours), None);
    let active = "<div class='note'>Last active <span class='date'>December 20, 2025</span></div>";
    assert_eq!(date_of("", active), None);
}

#[test]
fn a_marked_up_date_beats_one_in_running_text() {
    let article = "<p>The vote of August 14, 2017 was annulled.</p>\
        <span class='meta-date'>9.9.2017</span>";
    assert_eq!(date_of("", article).as_deref(), Some("2017-09-09"));
}

#[test]
fn a_structured_first_of_january_is_a_year_and_yields_to_a_shown_day() {
    let head = r#"<meta name="date" content="2004-01-01">"#;
    let shown = r#"<span class="date">13.06.2019</span>"#;
    assert_eq!(date_of(head, shown).as_deref(), Some("2019-06-13"));
    assert_eq!(date_of(head, "").as_deref(), Some("2004-01-01"));
}

#[test]
fn a_date_the_article_mentions_comes_after_a_standalone_one() {
    let html = format!(
        "<html><body><div class='meta'><span>Dec 12, 2025</span><span>4 min read</span></div>\
         <article><h1>Pier to be rebuilt</h1><p>The old pier hit its centenary on 30 October \
         2025 and was closed.</p>{LEDE}</article></body></html>"
    );
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2025-12-12"));
}

#[test]
fn an_abbr_date_gives_its_title() {
    let article = r#"<abbr class="published" title="2019-11-18T17:19:53+00:00">Monday</abbr>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2019-11-18"));
}

/// The roles of the dates shown near the headline of a page with `article` under it.
fn shown_roles(article: &str) -> Vec<(String, Role)> {
    let html = format!(
        "<html><body><article><h1>Pier to be rebuilt</h1>{article}{LEDE}</article></body></html>"
    );
    let doc = Document::from(html.as_str());
    super::visible::read(&doc, &["Pier to be rebuilt"])
        .near
        .into_iter()
        .filter(|c| c.source != Source::Text)
        .map(|c| (c.day, c.role))
        .collect()
}

#[test]
fn a_date_element_s_itemprop_names_its_role_over_its_class() {
    let article = r#"<time class="post-published-time" itemprop="dateModified"
        datetime="2024-04-01T09:00:00Z"></time>"#;
    assert_eq!(
        shown_roles(article),
        [("2024-04-01".to_string(), Role::Modified)]
    );
}

#[test]
fn an_updated_label_before_a_date_element_makes_it_a_modification_date() {
    let labelled = r#"<p>Updated <time class="entry-date published"
        datetime="2024-04-01"></time></p>"#;
    assert_eq!(
        shown_roles(labelled),
        [("2024-04-01".to_string(), Role::Modified)]
    );
    // A published date followed by its update: each keeps its own role.
    let pair = r#"<p>Posted on <time class="entry-date published" datetime="2024-03-05">March 5,
        2024</time> <time class="updated" datetime="2024-04-01">April 1, 2024</time></p>"#;
    assert_eq!(
        shown_roles(pair),
        [
            ("2024-03-05".to_string(), Role::Published),
            ("2024-04-01".to_string(), Role::Modified)
        ]
    );
}

#[test]
fn an_update_word_in_the_headline_labels_no_date() {
    let html = "<html><body><article><h1>Best ferries of the year (updated)</h1>\
        <time class=\"published\" datetime=\"2024-03-05\"></time></article></body></html>";
    let doc = Document::from(html);
    let near = super::visible::read(&doc, &["Best ferries of the year (updated)"]).near;
    assert_eq!(near.first().map(|c| c.role), Some(Role::Published));
}

#[test]
fn a_published_date_beats_a_date_element_labelled_updated() {
    let article = r#"<p class="meta">Updated <time class="entry-date published"
        datetime="2024-04-01">April 1, 2024</time></p><p>First posted March 5, 2024</p>"#;
    assert_eq!(date_of("", article).as_deref(), Some("2024-03-05"));
}

#[test]
fn an_h1_without_text_is_the_site_s_logo_not_the_headline() {
    let menu: String = (0..300)
        .map(|i| format!("<li>Topic number {i}</li>"))
        .collect();
    let html = format!(
        "<html><head><title>Pier to be rebuilt</title></head><body>\
         <h1><a href='/'><img src='logo.png' alt=''></a></h1><ul>{menu}</ul>\
         <div class='post'><h2>Pier to be rebuilt</h2><span class='post-time'>28.09.19 12:44</span>\
         {LEDE}</div></body></html>"
    );
    let meta = read(&Document::from(html.as_str()));
    assert_eq!(meta.date.as_deref(), Some("2019-09-28"));
}

#[test]
fn a_citation_s_retrieved_or_a_printout_s_date_is_the_reader_s() {
    let cited = "<p>Harbour records, retrieved 5 January 2024.</p>";
    assert_eq!(date_of("", cited), None);
    let printed = "<p>Printed on 5 January 2024</p>";
    assert_eq!(date_of("", printed), None);
    let accessed = "<p>Tide tables (accessed 6 January 2024)</p>";
    assert_eq!(date_of("", accessed), None);
}

#[test]
fn dates_after_a_reviews_heading_are_customers_not_the_page_s() {
    let reviews = "<h3>Customer reviews</h3><p>Ann: lovely pier. 3 March 2024</p>";
    assert_eq!(date_of("", reviews), None);
    let block = "<section id='product-reviews'><div>Ann, 3 March 2024: lovely pier</div></section>";
    assert_eq!(date_of("", block), None);
}

#[test]
fn a_date_after_the_headline_s_article_element_ends_is_the_site_s() {
    let html = format!(
        "<html><body><article><h1>Pier to be rebuilt</h1>{LEDE}</article>\
         <div class='site-info'>Last updated: January 5, 2024</div></body></html>"
    );
    assert_eq!(read(&Document::from(html.as_str())).date, None);
    // Inside the article element, the same line is the article's.
    let inside = format!(
        "<html><body><article><h1>Pier to be rebuilt</h1>{LEDE}\
         <div class='site-info'>Last updated: January 5, 2024</div></article></body></html>"
    );
    let date = read(&Document::from(inside.as_str())).date;
    assert_eq!(date.as_deref(), Some("2024-01-05"));
}

#[test]
fn an_event_s_date_or_a_deadline_is_not_the_page_s() {
    let labelled = "<p>Event date: 12 May 2025</p><p>When: Saturday, May 17, 2025</p>";
    assert_eq!(date_of("", labelled), None);
    let deadline = "<p class='meta'>Application deadline: June 30, 2025</p>";
    assert_eq!(date_of("", deadline), None);
    let marked = "<div itemscope itemtype='https://schema.org/Event'>\
        <time itemprop='startDate' datetime='2025-05-12T10:00'>12 May</time></div>\
        <span class='tribe-event-date-start'>May 12, 2025 @ 10:00 am</span>\
        <abbr class='dtend' title='2025-05-14'>14 May</abbr>";
    assert_eq!(date_of("", marked), None);
}

#[test]
fn a_scheduled_date_leaves_the_page_s_own_date_in_front() {
    let article = "<p>Registration closes: 30 June 2025</p>\
        <p><span class='event-date'>12 July 2025</span></p><p>3 May 2025</p>";
    assert_eq!(date_of("", article).as_deref(), Some("2025-05-03"));
}
