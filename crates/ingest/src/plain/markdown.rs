//! Markdown syntax → plain text, one line at a time: headings lose their `#`, links and
//! autolinks become their text, images, rules, fences and reference definitions are dropped as
//! markup, emphasis and inline code marks disappear, escapes are undone.
//!
//! It knows only line-local syntax (a reader's view, not a CommonMark parser): enough for the
//! markdown that readers, converters and scrapers write. Setext underlines are resolved by
//! [`mark_setext_headings`] once every line is known.

use super::Doc;
use regex::Regex;
use std::sync::LazyLock;

/// A line after reduction.
#[derive(Debug, Default)]
pub(crate) struct Reduced {
    /// The text left.
    pub text: String,
    /// It was an ATX heading.
    pub heading: bool,
    /// `Some(reason)` when the line is only syntax (rule, fence, image, reference definition).
    pub markup: Option<&'static str>,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static RULE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$"));
static SETEXT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s{0,3}(?:=+|-+)[ \t]*$"));
static FENCE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s{0,3}(?:```|~~~)"));
static REF_DEF: LazyLock<Regex> = LazyLock::new(|| re(r"^\s{0,3}\[[^\]]+\]:\s+\S+"));
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$"));
static QUOTE_OR_LIST: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s{0,3}(?:>\s?)+|^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+"));
static IMAGE: LazyLock<Regex> = LazyLock::new(|| re(r"!\[[^\]]*\]\([^)]*\)"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r#"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)"#));
static REF_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"\[([^\]]+)\]\[[^\]]*\]"));
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| re(r"<((?:https?|mailto):[^>\s]+)>"));
/// Inline HTML tags (lower-case names, as markdown converters write them; `<The Title>` is text).
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>"));
static STRONG: LazyLock<Regex> =
    LazyLock::new(|| re(r"\*\*(\S(?:[^*]*?\S)?)\*\*|__(\S(?:[^_]*?\S)?)__"));
static EM_STAR: LazyLock<Regex> = LazyLock::new(|| re(r"\*(\S(?:[^*]*?\S)?)\*"));
static EM_UNDERSCORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(^|[^\p{L}\p{N}_\\])_(\S(?:[^_]*?\S)?)_($|[^\p{L}\p{N}_])"));
static STRIKE_CODE: LazyLock<Regex> = LazyLock::new(|| re(r"~~([^~]+)~~|`([^`]+)`"));
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| re(r"\\([!-/:-@\[-`{-~])"));

/// Reduces one raw markdown line to its text.
pub(crate) fn reduce(raw: &str) -> Reduced {
    if let Some(reason) = markup_reason(raw) {
        return Reduced {
            text: String::new(),
            heading: false,
            markup: Some(reason),
        };
    }
    let (body, heading) = match HEADING.captures(raw) {
        Some(c) => (c.get(1).map_or("", |m| m.as_str()).to_string(), true),
        None => (QUOTE_OR_LIST.replace(raw, "").into_owned(), false),
    };
    let text = inline(&body);
    let markup = (text.trim().is_empty() && IMAGE.is_match(raw)).then_some("image");
    Reduced {
        text,
        heading,
        markup,
    }
}

fn markup_reason(raw: &str) -> Option<&'static str> {
    if SETEXT.is_match(raw) {
        return Some("rule");
    }
    let is_markup = RULE.is_match(raw) || FENCE.is_match(raw) || REF_DEF.is_match(raw);
    is_markup.then_some("markup")
}

/// Inline syntax → text.
fn inline(s: &str) -> String {
    let s = IMAGE.replace_all(s, "");
    let s = LINK.replace_all(&s, |c: &regex::Captures| link_text(&c[1], &c[2]));
    let s = REF_LINK.replace_all(&s, "$1");
    let s = AUTOLINK.replace_all(&s, "$1");
    let s = HTML_TAG.replace_all(&s, "");
    let s = STRONG.replace_all(&s, "$1$2");
    let s = EM_STAR.replace_all(&s, "$1");
    let s = EM_UNDERSCORE.replace_all(&s, "$1$2$3");
    let s = STRIKE_CODE.replace_all(&s, "$1$2");
    ESCAPE.replace_all(&s, "$1").into_owned()
}

/// A link's visible text, or its target when the text is empty.
fn link_text(text: &str, target: &str) -> String {
    if text.trim().is_empty() {
        target.to_string()
    } else {
        text.to_string()
    }
}

/// A `===` or `---` line right under a text line makes that line a heading (a lone one is a
/// rule; both are reported as markup lines).
pub(crate) fn mark_setext_headings(doc: &mut Doc) {
    for i in 1..doc.lines.len() {
        let underline = doc.lines[i].gone == Some("rule") && !doc.lines[i - 1].text.is_empty();
        if underline {
            doc.lines[i - 1].heading = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(raw: &str) -> String {
        reduce(raw).text
    }

    #[test]
    fn links_become_their_text() {
        assert_eq!(
            text("By [Jane Roe for Wire](#) and [Ann Poe](https://x.test/a \"t\")"),
            "By Jane Roe for Wire and Ann Poe"
        );
        assert_eq!(
            text("See [](https://x.test/) now"),
            "See https://x.test/ now"
        );
        assert_eq!(text("<https://x.test/a-b>"), "https://x.test/a-b");
        assert_eq!(text("a [ref][1] here"), "a ref here");
        assert_eq!(text("line<br/>break <em>x</em>"), "linebreak x");
        assert_eq!(
            text("the play <The Palace> opens"),
            "the play <The Palace> opens"
        );
    }

    #[test]
    fn headings_and_emphasis() {
        let h = reduce("## The *big* day ##");
        assert!(h.heading);
        assert_eq!(h.text, "The big day");
        assert_eq!(
            text("**Bold** and _it_ and __b__ and ~~s~~ and `c`"),
            "Bold and it and b and s and c"
        );
        assert_eq!(text("snake_case_name stays"), "snake_case_name stays");
        assert_eq!(text(r"2 \* 3 \_x\_"), "2 * 3 _x_");
    }

    #[test]
    fn quotes_and_lists_lose_their_markers() {
        assert_eq!(text("> quoted words"), "quoted words");
        assert_eq!(text("- item one"), "item one");
        assert_eq!(text("12. item twelve"), "item twelve");
    }

    #[test]
    fn pure_syntax_lines_are_markup() {
        assert_eq!(reduce("---").markup, Some("rule"));
        assert_eq!(reduce("* * *").markup, Some("markup"));
        assert_eq!(reduce("```rust").markup, Some("markup"));
        assert_eq!(reduce("[1]: https://x.test/").markup, Some("markup"));
        assert_eq!(
            reduce("![a photo](https://x.test/p.jpg)").markup,
            Some("image")
        );
        assert_eq!(reduce("Text ![i](u) more").markup, None);
    }
}
