//! The HTML shell of `report.html`: inline CSS and script (`assets/`, the script in parts
//! so that `samestory serve`'s UI shares the story view: [`VIEW_JS`]), the story list as
//! inline JSON (its first page also as HTML, for a page that shows before any script runs),
//! and every story's compressed details as one base64 text (an HTML comment) the script
//! slices on demand.
//! Everything taken from the input is escaped here: HTML text and attributes with
//! [`escape_html`], JSON inside `<script>` with [`script_json`]. No I/O.

use crate::index::IndexRow;

/// The page's style sheet, shared with `samestory serve`'s UI.
pub const CSS: &str = include_str!("../assets/report.css");

/// The script's shared helpers (`el`, `count`, `dates`, `section`) and story view
/// (`renderStory`: sources side by side with reprint marks, timeline, quotes, numbers,
/// claims over one story's [`crate::detail::Detail`]). Function declarations only, to be
/// placed inside a script's own closure that defines `CARDS` (sources drawn at once) and
/// `uid` (a counter for heading ids); `samestory serve`'s UI shares them.
pub const VIEW_JS: &str = concat!(
    include_str!("../assets/view-helpers.js"),
    include_str!("../assets/story-view.js")
);

/// The whole script of `report.html`: its own opening, the shared view, its list.
const JS: &str = concat!(
    include_str!("../assets/report-open.js"),
    include_str!("../assets/view-helpers.js"),
    include_str!("../assets/report-list.js"),
    include_str!("../assets/story-view.js"),
    include_str!("../assets/report-wiring.js")
);

/// Stories on one page of the list (the script uses the same number).
pub const PAGE_SIZE: usize = 50;

/// What the header counts.
#[derive(Debug, Clone, Copy)]
pub struct Totals {
    /// Stories.
    pub stories: usize,
    /// Documents.
    pub documents: usize,
}

/// The whole page.
pub fn page(rows: &[IndexRow], blobs: &str, totals: Totals) -> String {
    let mut html = String::with_capacity(blobs.len() + rows.len() * 200 + 64 * 1024);
    head(&mut html);
    body_start(&mut html, rows, totals);
    html.push_str("<script id=\"story-index\" type=\"application/json\">");
    html.push_str(&script_json(&rows));
    html.push_str("</script>\n<script>\n");
    html.push_str(JS);
    // A comment, not a raw-text element: Chromium parses comment text ~3× faster, and the
    // blobs are most of the page's bytes. Base64 never holds `-`, `!` or `>`, so cannot end it.
    html.push_str("</script>\n<div id=\"story-blobs\" hidden><!--");
    html.push_str(blobs);
    html.push_str("--></div>\n</body>\n</html>\n");
    html
}

fn head(html: &mut String) {
    html.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>samestory report</title>\n<style>\n"
    ));
    html.push_str(CSS);
    html.push_str("</style>\n</head>\n");
}

fn body_start(html: &mut String, rows: &[IndexRow], totals: Totals) {
    let pages = rows.len().div_ceil(PAGE_SIZE).max(1);
    html.push_str(&format!(
        concat!(
            "<body>\n<a class=\"skip\" href=\"#story\">Skip to the story</a>\n",
            "<header class=\"top\"><h1>samestory report</h1>",
            "<p>{} stories · {} documents</p></header>\n",
            "<div class=\"layout\">\n<nav class=\"list\" aria-labelledby=\"stories-h\">\n",
            "<h2 id=\"stories-h\">Stories <span class=\"meta\">newest first</span></h2>\n",
            "<label for=\"search\">Search titles</label>\n",
            "<input id=\"search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\">\n",
            "<p id=\"list-status\" class=\"meta\" aria-live=\"polite\">{} stories</p>\n",
            "<ol id=\"stories\" class=\"stories\">\n"
        ),
        totals.stories, totals.documents, totals.stories
    ));
    for row in rows.iter().take(PAGE_SIZE) {
        story_item(html, row);
    }
    html.push_str(&format!(
        concat!(
            "</ol>\n<div class=\"pager\"><button type=\"button\" id=\"prev\" disabled>Previous</button> ",
            "<span id=\"page-info\">Page 1 of {}</span> ",
            "<button type=\"button\" id=\"next\"{}>Next</button></div>\n</nav>\n",
            "<main id=\"story\" tabindex=\"-1\"><p class=\"hint\">Choose a story from the list.</p></main>\n",
            "</div>\n"
        ),
        pages,
        if pages > 1 { "" } else { " disabled" }
    ));
}

/// One story of the list, as the script draws it too.
fn story_item(html: &mut String, row: &IndexRow) {
    let dates = match (row.2, row.3) {
        (None, None) => "undated".to_string(),
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (a, b) => a.or(b).unwrap_or_default().to_string(),
    };
    html.push_str(&format!(
        "<li><a href=\"#story={}\">{}</a><span class=\"meta\">{} · {} · {}</span>{}</li>\n",
        escape_html(&encode_uri_component(row.0)),
        escape_html(row.1),
        escape_html(&dates),
        count(row.4, "document"),
        count(row.5, "outlet"),
        if row.6 == 1 {
            "<span class=\"badge\">numbers disagree</span>"
        } else {
            ""
        }
    ));
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Text safe inside HTML text and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A value as JSON safe inside a `<script>` element: no `<`, `>` or `&` (so no `</script>`
/// and no `<!--`), no U+2028/U+2029; JSON.parse reads the `\uXXXX` escapes back.
pub fn script_json(value: &impl serde::Serialize) -> String {
    let json = serde_json::to_string(value).expect("report rows serialise");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// JavaScript's `encodeURIComponent`: every byte but `A-Z a-z 0-9 - _ . ! ~ * ' ( )`
/// percent-encoded (UTF-8).
pub fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_story_view_is_part_of_the_page_script_once() {
        for part in [
            include_str!("../assets/view-helpers.js"),
            include_str!("../assets/story-view.js"),
        ] {
            assert_eq!(JS.matches(part).count(), 1);
            assert!(VIEW_JS.contains(part));
        }
        assert_eq!(JS.matches("function renderStory(").count(), 1);
        assert!(JS.starts_with("// samestory report"));
    }

    #[test]
    fn html_special_characters_are_escaped() {
        assert_eq!(
            escape_html(r#"<img src=x onerror="alert('x')"> & co"#),
            "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co"
        );
        assert_eq!(escape_html("Fähre — plain"), "Fähre — plain");
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let value = serde_json::json!({"t": "</script><!-- & \u{2028}"});
        let json = script_json(&value);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        assert!(!json.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn uri_components_match_javascript() {
        assert_eq!(
            encode_uri_component("<urn:uuid:7f6c> a/b?c=ä"),
            "%3Curn%3Auuid%3A7f6c%3E%20a%2Fb%3Fc%3D%C3%A4"
        );
        assert_eq!(encode_uri_component("feed-0001.txt"), "feed-0001.txt");
    }

    #[test]
    fn the_list_escapes_titles() {
        let row = IndexRow("<s>", "<b>x</b>", None, None, 1, 0, 1, 0, 0);
        let mut html = String::new();
        story_item(&mut html, &row);
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
        assert!(html.contains("href=\"#story=%3Cs%3E\""), "{html}");
        assert!(html.contains("undated · 1 document · 0 outlets"), "{html}");
    }
}
