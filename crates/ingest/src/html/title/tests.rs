//! One test per title rule, on invented pages.

use super::super::metadata::read;
use super::*;
use dom_query::Document;

/// The title picked from a page with `head` and `body` markup.
fn title_of(head: &str, body: &str) -> Option<String> {
    let html = format!("<html><head>{head}</head><body>{body}</body></html>");
    read(&Document::from(html)).title
}

const PROSE: &str = "<p>The first ferry left the harbour at dawn with forty passengers.</p>";

fn og(title: &str) -> String {
    format!(r#"<meta property="og:title" content="{title}">"#)
}

#[test]
fn article_h1_wins_over_a_decorated_meta_title() {
    let head = og("Ferry route approved by harbour council | Coastline Courier");
    let body =
        format!("<article><h1>Ferry route approved by harbour council</h1>{PROSE}</article>");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Ferry route approved by harbour council")
    );
}

#[test]
fn article_h1_wins_over_a_different_marketing_title() {
    let head = og("Ferry Guide 2031: Routes, Prices, Everything to Know");
    let body =
        format!("<main><h1>The harbour ferry returns after ten quiet years</h1>{PROSE}</main>");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("The harbour ferry returns after ten quiet years")
    );
}

#[test]
fn logo_h1_in_a_link_is_not_the_headline() {
    let head = og("Ferry route approved");
    let body =
        format!(r#"<header><a href="/"><h1>Ferry Daily News Network</h1></a></header>{PROSE}"#);
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Ferry route approved")
    );
}

#[test]
fn h1_naming_the_site_is_not_the_headline() {
    let head = format!(
        r#"{}<meta property="og:site_name" content="Coastline Courier">"#,
        og("Ferry route approved")
    );
    let body = format!("<div><h1>Coastline Courier</h1></div>{PROSE}");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Ferry route approved")
    );
}

#[test]
fn short_section_h1_unlike_the_meta_title_is_not_the_headline() {
    let head = og("Council votes to extend the ferry timetable");
    let body = format!("<div><h1>Opinion</h1></div>{PROSE}");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Council votes to extend the ferry timetable")
    );
}

#[test]
fn article_h1_outranks_the_site_header_h1() {
    let head = og("Winter timetable for the island ferry - Harbour Weekly");
    let body = format!(
        "<header><h1>Harbour Weekly</h1></header>\
         <article><header><h1>Winter timetable for the island ferry</h1></header>{PROSE}</article>"
    );
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Winter timetable for the island ferry")
    );
}

#[test]
fn hidden_h1_is_skipped() {
    let head = og("Island ferry gets a new engine");
    let body = format!(
        r#"<h1 class="visually-hidden">Island ferry gets a new engine and more news today</h1>{PROSE}"#
    );
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Island ferry gets a new engine")
    );
}

#[test]
fn kicker_inside_the_h1_is_left_out() {
    let head = og("Island ferry gets a new engine");
    let body = format!(
        r#"<article><h1><span class="kicker">Harbour</span> Island ferry gets a new engine</h1>{PROSE}</article>"#
    );
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Island ferry gets a new engine")
    );
}

#[test]
fn headline_itemprop_inside_the_h1_is_taken() {
    let body = format!(
        r#"<article><h1><span>Ferries</span><br><span itemprop="headline">Night crossings return in spring</span></h1>{PROSE}</article>"#
    );
    assert_eq!(
        title_of("", &body).as_deref(),
        Some("Night crossings return in spring")
    );
}

#[test]
fn line_break_inside_the_h1_separates_words() {
    let body = format!("<article><h1>Night crossings<br>return in spring</h1>{PROSE}</article>");
    assert_eq!(
        title_of("", &body).as_deref(),
        Some("Night crossings return in spring")
    );
}

#[test]
fn long_standfirst_in_an_h1_is_not_the_headline() {
    let head = og("Ferry fares rise");
    let standfirst = "Read on to find out why the ferry fares rise this winter and what the \
                      council, the operators and the island shops think about a change that \
                      will touch every family";
    let body = format!("<article><h1>{standfirst}</h1>{PROSE}</article>");
    assert_eq!(title_of(&head, &body).as_deref(), Some("Ferry fares rise"));
}

#[test]
fn file_name_h1_is_not_the_headline() {
    let head = og("Notes on rebuilding the ferry engine");
    let body = format!("<article><h1>someuser / notes.md</h1>{PROSE}</article>");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Notes on rebuilding the ferry engine")
    );
}

#[test]
fn unspaced_script_h1_reads_as_a_headline() {
    let head = og("渡轮新闻");
    let body = format!("<article><h1>港口渡轮航线今日恢复运营</h1>{PROSE}</article>");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("港口渡轮航线今日恢复运营")
    );
}

#[test]
fn site_segment_and_tagline_after_it_are_cut() {
    let sites = SiteNames::from_names(["Coastline Courier"]);
    let raw = "Ferry fares rise again - Coastline Courier | News from the coast and the islands";
    assert_eq!(
        clean_with(raw, &sites).as_deref(),
        Some("Ferry fares rise again")
    );
}

#[test]
fn leading_section_segment_is_cut() {
    let sites = SiteNames::default();
    let raw = "Opinion | Why the harbour needs a second ferry line";
    assert_eq!(
        clean_with(raw, &sites).as_deref(),
        Some("Why the harbour needs a second ferry line")
    );
}

#[test]
fn site_name_learned_from_the_host_is_cut() {
    let mut sites = SiteNames::default();
    sites.add_host_of("https://www.coastlinecourier.example/2031/ferry");
    let raw = "coastline courier: ferry fares rise again";
    assert_eq!(
        clean_with(raw, &sites).as_deref(),
        Some("ferry fares rise again")
    );
}

#[test]
fn headline_colons_stay() {
    let sites = SiteNames::from_names(["Coastline Courier"]);
    let raw = "Ferries 101: how to cross with a bicycle";
    assert_eq!(clean_with(raw, &sites).as_deref(), Some(raw));
}

#[test]
fn site_name_alone_is_no_title() {
    let head = r#"<title>Coastline Courier</title><meta property="og:site_name" content="Coastline Courier">"#;
    assert_eq!(title_of(head, PROSE), None);
}

#[test]
fn double_escaped_entities_are_decoded() {
    let head = og("The harbour&amp;#8217;s new ferry &amp;amp; its crew");
    assert_eq!(
        title_of(&head, PROSE).as_deref(),
        Some("The harbour’s new ferry & its crew")
    );
}

#[test]
fn unknown_or_bare_ampersands_stay() {
    assert_eq!(
        entities::decode("Fish &chips &bogus; AT&T"),
        "Fish &chips &bogus; AT&T"
    );
    assert_eq!(entities::decode("a&amp;amp;#39;b"), "a'b");
    assert_eq!(
        entities::decode("&#x2014;&#0;&#99999999;"),
        "—&#0;&#99999999;"
    );
}

#[test]
fn one_word_of_the_meta_title_is_not_the_headline() {
    let head = og("Ferries, buses and trams: the island timetable for winter");
    let body = format!("<article><h1>Trams</h1>{PROSE}</article>");
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Ferries, buses and trams: the island timetable for winter")
    );
}

#[test]
fn logo_class_counts_on_near_wrappers_not_on_body() {
    let head = og("Ferry fares rise");
    let near =
        format!(r#"<div class="site-logo"><h1>Ferry fares rise this winter</h1></div>{PROSE}"#);
    assert_eq!(title_of(&head, &near).as_deref(), Some("Ferry fares rise"));
    let html = format!(
        r#"<html><head>{head}</head><body class="has-custom-logo"><article><h1>Ferry fares rise this winter</h1>{PROSE}</article></body></html>"#
    );
    let title = read(&Document::from(html)).title;
    assert_eq!(title.as_deref(), Some("Ferry fares rise this winter"));
}

#[test]
fn hidden_class_counts_on_near_wrappers_not_on_body() {
    let head = og("Ferry fares rise");
    let html = format!(
        r#"<html><head>{head}</head><body class="menu-hidden"><article><h1>Ferry fares rise this winter</h1>{PROSE}</article></body></html>"#
    );
    let title = read(&Document::from(html)).title;
    assert_eq!(title.as_deref(), Some("Ferry fares rise this winter"));
}

#[test]
fn ruby_readings_are_left_out_of_the_headline() {
    let body = format!(
        "<article><h1><ruby>港<rt>みなと</rt></ruby>の新しいフェリーが出航</h1>{PROSE}</article>"
    );
    assert_eq!(
        title_of("", &body).as_deref(),
        Some("港の新しいフェリーが出航")
    );
}

#[test]
fn the_h1_showing_the_meta_title_beats_a_similar_one_in_the_article() {
    let head = og("A Complete Guide to All the Ferry Routes | Coastline Courier");
    let body = format!(
        "<div class='hero'><h1>A Complete Guide to All the Ferry Routes</h1></div>\
         <article><h1>A Guide to the Popular Ferry Routes</h1>{PROSE}</article>"
    );
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("A Complete Guide to All the Ferry Routes")
    );
}

#[test]
fn an_h1_after_a_lower_heading_showing_the_meta_title_is_a_section() {
    let head = og("Why sailors love the new pier | Coastline Courier");
    let body = format!(
        "<header><h2>Why sailors love the new pier</h2></header>{PROSE}\
         <h1>But what they love most is the calm water at night</h1>{PROSE}"
    );
    assert_eq!(
        title_of(&head, &body).as_deref(),
        Some("Why sailors love the new pier")
    );
}
