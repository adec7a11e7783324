//! One invented page per authors rule.

use crate::html::metadata;
use dom_query::Document;

fn authors(html: &str) -> (Option<String>, Vec<String>, Option<String>) {
    let meta = metadata::read(&Document::from(html));
    (meta.byline, meta.authors, meta.credit)
}

fn byline(html: &str) -> Option<String> {
    authors(html).0
}

fn page(head: &str, body: &str) -> String {
    format!("<html><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn every_scholarly_author_tag_counts_and_inverted_names_turn() {
    let html = page(
        r#"<meta name="citation_author" content="Roe, Jane">
           <meta name="citation_author" content="Bo Park">"#,
        "<p>x</p>",
    );
    assert_eq!(authors(&html).1, ["Jane Roe", "Bo Park"]);
}

#[test]
fn jsonld_author_lists_and_references() {
    let ld = r##"<script type="application/ld+json">{"@graph":[
        {"@type":"NewsArticle","headline":"H","author":[{"@id":"#p1"},{"@type":"Person","name":"Bo Park"}]},
        {"@type":"Person","@id":"#p1","name":"Jane Roe"}]}</script>"##;
    assert_eq!(
        byline(&page(ld, "<p>x</p>")).as_deref(),
        Some("Jane Roe and Bo Park")
    );
}

#[test]
fn jsonld_organisation_author_is_credit() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle",
        "author":{"@type":"Organization","name":"Reuters"}}</script>"#;
    let (byline, _, credit) = authors(&page(ld, "<p>x</p>"));
    assert_eq!((byline, credit.as_deref()), (None, Some("Reuters")));
}

#[test]
fn visible_by_line_after_the_headline() {
    let html = page(
        "",
        "<h1>Headline</h1><p><span>By</span> <a href='/x'>Jane Roe</a> and Bo Park</p><p>Text.</p>",
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
    let html = page(
        "",
        "<h1>Headline</h1><p>Von Jana Rau und Bo Park, 3. Mai 2024</p>",
    );
    assert_eq!(byline(&html).as_deref(), Some("Jana Rau and Bo Park"));
}

#[test]
fn labelled_text_needs_a_full_name() {
    let html = page("", "<h1>H</h1><h3>By Car</h3><p>Text.</p>");
    assert_eq!(byline(&html), None);
    let html = page("", "<h1>H</h1><p>By Tuesday Evening, the plan was set.</p>");
    assert_eq!(byline(&html), None);
}

#[test]
fn byline_class_and_microdata() {
    let html = page(
        "",
        r#"<h1>H</h1><div class="post-byline">Jane Roe | March 3, 2024</div>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
    let html = page(
        "",
        r#"<h1>H</h1><div itemprop="author" itemscope><img alt=""><span itemprop="name">Bo Park</span><p>Bo writes about trains and long sentences here.</p></div>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Bo Park"));
}

#[test]
fn page_wide_and_layout_classes_are_no_skipped_regions() {
    let html = r#"<html><body class="has-sidebar page-footer-wide"><div class="content-sidebar-wrap">
        <h1>H</h1><span class="author">Jane Roe</span></div></body></html>"#;
    assert_eq!(byline(html).as_deref(), Some("Jane Roe"));
}

#[test]
fn related_links_and_sidebars_are_not_bylines() {
    let html = page(
        "",
        r#"<h1>H</h1><aside><span class="author">Jane Roe</span></aside><p>Text.</p>"#,
    );
    assert_eq!(byline(&html), None);
}

#[test]
fn handles_and_teams_are_no_persons_and_the_visible_name_wins() {
    let html = page(
        r#"<meta name="author" content="jroe">"#,
        r#"<h1>H</h1><p class="byline">By Jane Roe</p>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
    let html = page(
        r#"<meta name="author" content="The Widget Team">"#,
        "<h1>H</h1>",
    );
    let (byline, _, credit) = authors(&html);
    assert_eq!((byline, credit.as_deref()), (None, Some("The Widget Team")));
}

#[test]
fn a_declared_author_the_page_shows_stays() {
    let html = page(
        r#"<meta name="author" content="Max Mustermann">"#,
        r#"<h1>H</h1><div class="author-name">Jane Roe</div><p>Max Mustermann wrote this.</p>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Max Mustermann"));
}

#[test]
fn a_cms_default_author_loses_to_the_visible_writer() {
    let html = page(
        r#"<meta name="author" content="Max Mustermann">"#,
        r#"<h1>H</h1><div class="author-name">Jane Roe</div>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
}

#[test]
fn the_site_name_is_no_author() {
    let html = page(
        r#"<meta property="og:site_name" content="Widgetly"><meta name="author" content="Widgetly">"#,
        "<h1>H</h1><p>Text.</p>",
    );
    assert_eq!(byline(&html), None);
}

#[test]
fn a_wire_byline_credits_the_agency() {
    let html = page("", "<h1>H</h1><p class='byline'>By Jane Roe, AFP</p>");
    let (byline, _, credit) = authors(&html);
    assert_eq!(
        (byline.as_deref(), credit.as_deref()),
        (Some("Jane Roe"), Some("AFP"))
    );
}

#[test]
fn article_by_is_a_byline_label() {
    let body = "<h1>Pier to be rebuilt</h1><p>The council voted.</p>\
        <h2>Article by</h2><div>Ann Lindqvist</div>";
    assert_eq!(byline(&page("", body)).as_deref(), Some("Ann Lindqvist"));
}

#[test]
fn a_teaser_card_s_byline_and_a_picture_s_credit_are_not_the_article_s() {
    let teaser = page(
        "",
        "<article><h1>Pier to be rebuilt</h1><p>The council voted to rebuild the pier.</p>\
         </article><div class='teaser5-card'><h4><a href='/ferry'>Ferry fares rise</a></h4>\
         <p class='teaser5-meta'><span>By <a href='/author/ann-lee/' rel='author'>Ann Lee</a>\
         </span></p></div>",
    );
    assert_eq!(byline(&teaser), None);
    let caption = page(
        "",
        "<article><h1>Pier to be rebuilt</h1><figure><img src='pier.jpg'>\
         <figcaption>The old pier at dawn. <small>By Tom Reed</small></figcaption></figure>\
         <p>The council voted to rebuild the pier.</p></article>",
    );
    assert_eq!(byline(&caption), None);
}

#[test]
fn a_lower_case_by_in_the_middle_of_a_sentence_is_no_byline() {
    let sentence = page(
        "",
        "<article><h1>Pier to be rebuilt</h1><p>The hall is <a href='/map'>easily reached</a> \
         by Harbour Line Tram from the station.</p></article>",
    );
    assert_eq!(byline(&sentence), None);
    let byline_line = page(
        "",
        "<article><h1>Pier to be rebuilt</h1><p class='meta'><span>by Ann Lee</span></p>\
         <p>The hall is easily reached from the station.</p></article>",
    );
    assert_eq!(byline(&byline_line).as_deref(), Some("Ann Lee"));
}

#[test]
fn a_jsonld_author_the_page_never_shows_loses_to_the_visible_byline() {
    let ld = r#"<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Max Mustermann"}}</script>"#;
    let html = page(ld, "<h1>H</h1><p>By Jane Roe</p><p>Text of the post.</p>");
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
    let shown = page(
        ld,
        "<h1>H</h1><p>By Jane Roe</p><p>Max Mustermann said so.</p>",
    );
    assert_eq!(byline(&shown).as_deref(), Some("Max Mustermann"));
}

#[test]
fn the_site_named_as_author_loses_to_a_person_shown() {
    let html = page(
        r#"<meta property="og:site_name" content="Green Leaf Trust"><meta name="author" content="Green Leaf Trust">"#,
        r#"<h1>Planting guide</h1><div><a href="/search?q=Jane+Roe">by Jane Roe</a></div><p>Green Leaf Trust plants trees.</p>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
}

#[test]
fn a_position_beside_a_menu_is_no_menu() {
    let html = page(
        "",
        r#"<div class="section under-menu"><h1>H</h1><p class="byline">By Jane Roe</p></div>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
}

#[test]
fn an_author_box_under_a_reviewed_by_heading_is_the_reviewer() {
    let html = page(
        r#"<meta name="author" content="Jane Roe">"#,
        r#"<h1>H</h1><p>Text of the post.</p><div><p>Reviewed by,</p></div>
           <div class="author-box"><a href="/bo-park/"><img alt="Bo Park"></a>
           <h4 class="author-box__name">Bo Park, CFP</h4><p>Bo advises families.</p></div>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
}

#[test]
fn a_link_to_a_contributor_profile_names_the_author() {
    let html = page(
        "",
        r#"<h1>H</h1><p><a href="https://example.org/profiles/jane-roe-1234">Jane Roe</a>, <em>Harbour University</em></p><p>Text.</p>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
}

#[test]
fn a_frame_that_switches_a_sidebar_on_is_no_sidebar() {
    let html = page(
        "",
        r#"<div class="site-content cs-sidebar-enabled cs-sidebar-right"><h1>H</h1><p class="byline">By Jane Roe</p></div>"#,
    );
    assert_eq!(byline(&html).as_deref(), Some("Jane Roe"));
}
