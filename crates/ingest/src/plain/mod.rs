//! Plain text and markdown → body + metadata from header lines, bylines and footers, with
//! hard wraps repaired and boilerplate lines removed (each reported in `removed`).
//!
//! The passes, in order, all working on one `Doc` of numbered source lines: `markdown`
//! reduces markdown syntax to text; `header` reads the title, date, URL and byline from the
//! first lines; `footer` reads an "Original url:" footer; `clean` drops boilerplate lines
//! ("READ MORE: …", "Loading…", lone credits, share prompts); `wrap` joins hard-wrapped lines
//! into paragraphs; `paragraphs` drops captions, repeated paragraphs and stray fragments.
//! `words` collapses whitespace and counts words for all of them (fast paths, same results
//! as `split_whitespace`).
//!
//! Invariants: no I/O; never panics; every non-blank source line ends up either in the body
//! or in `removed` (metadata lines with a `meta-*` reason, boilerplate with its rule's tag), so
//! `removed` is a complete account of what cleaning took out. Precision first: a rule drops a
//! line only when its shape leaves no doubt, never a real sentence.

pub(crate) mod clean;
mod footer;
mod header;
mod markdown;
pub(crate) mod paragraphs;
mod words;
mod wrap;

#[cfg(test)]
mod fast_tests;
#[cfg(test)]
mod tests;

use crate::Extracted;
use regex::Regex;
use samestory_core::{Format, IngestConfig, RemovedLine};
use std::sync::LazyLock;
pub(crate) use words::{at_least_words, collapse, more_words_than, word_count};

/// One source line as the passes see it.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// 1-based line number in the source text.
    no: usize,
    /// Text with markdown reduced and whitespace collapsed; empty for a blank line.
    text: String,
    /// The raw line started with whitespace (a paragraph indent in wrapped text).
    indented: bool,
    /// A markdown heading (ATX `#` or setext).
    heading: bool,
    /// `Some(reason)` once a pass has taken the line out of the body.
    gone: Option<&'static str>,
}

impl Line {
    /// Still body text: not blank, not taken out.
    fn live(&self) -> bool {
        self.gone.is_none() && !self.text.is_empty()
    }
}

/// The source lines of one text plus what the passes have removed so far.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    lines: Vec<Line>,
    removed: Vec<RemovedLine>,
}

impl Doc {
    fn new(text: &str, is_markdown: bool) -> Doc {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut doc = Doc::default();
        for (i, raw) in text.lines().enumerate() {
            doc.push_line(i + 1, raw, is_markdown);
        }
        if is_markdown {
            markdown::mark_setext_headings(&mut doc);
        }
        doc
    }

    fn push_line(&mut self, no: usize, raw: &str, is_markdown: bool) {
        let indented = raw.starts_with(char::is_whitespace) && !raw.trim().is_empty();
        let mut line = Line {
            no,
            text: String::new(),
            indented,
            heading: false,
            gone: None,
        };
        if !is_markdown {
            line.text = collapse(raw);
            return self.lines.push(line);
        }
        let reduced = markdown::reduce(raw);
        line.text = collapse(&reduced.text);
        line.heading = reduced.heading;
        if let Some(reason) = reduced.markup {
            self.removed.push(removed_line(no, raw.trim(), reason));
            line.gone = Some(reason);
        }
        self.lines.push(line);
    }

    /// Takes line `i` out of the body for `reason`, recording it in `removed`.
    fn remove(&mut self, i: usize, reason: &'static str) {
        if let Some(line) = self.lines.get_mut(i) {
            self.removed.push(removed_line(line.no, &line.text, reason));
            line.gone = Some(reason);
        }
    }

    /// Indices of live lines, in order.
    fn live(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.live())
            .map(|(i, _)| i)
    }
}

fn removed_line(line: usize, text: &str, reason: &str) -> RemovedLine {
    RemovedLine {
        line,
        text: collapse(text),
        reason: reason.to_string(),
    }
}

/// Extracts body and metadata from plain text or markdown.
pub fn extract(text: &str, format: Format, cfg: &IngestConfig) -> Extracted {
    let is_markdown = format == Format::Markdown || looks_like_markdown(text);
    let mut doc = Doc::new(text, is_markdown);
    let mut ex = Extracted::default();
    let raw_layout = wrap::Layout::of(&doc);
    header::read(&mut doc, &mut ex, &raw_layout, cfg);
    footer::read(&mut doc, &mut ex);
    let layout = wrap::Layout::of(&doc);
    if cfg.clean_boilerplate {
        clean::drop_lines(&mut doc);
    }
    let mut paras = wrap::paragraphs(&doc, &layout);
    if cfg.clean_boilerplate {
        paragraphs::tidy(&mut paras, &mut doc.removed, cfg);
    }
    ex.body = paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    doc.removed.sort_by_key(|r| r.line);
    ex.removed = doc.removed;
    ex
}

static MD_SIGNAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^\s{0,3}#{1,6}\s+\S|!?\[[^\]\n]+\]\([^)\s]*\)|<https?://[^>\s]+>|\*\*\S[^*\n]*\S\*\*|^\s{0,3}\[[^\]\n]+\]:\s+\S|^\s{0,3}```",
    )
    .expect("valid regex")
});

/// Literals of which every alternative of [`MD_SIGNAL`] needs one: a text holding none of them
/// cannot match, so most prose skips that regex after one SIMD literal scan.
static MD_LITERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#|\]\(|<http|\*\*|\]:|```").expect("valid regex"));

/// True when the text looks like markdown rather than plain text: an ATX heading, an inline
/// link or image (`[text](url)`, also with `#` as target), an autolink `<https://…>`, bold
/// `**…**`, a reference definition or a code fence in its first 64 KiB.
pub fn looks_like_markdown(text: &str) -> bool {
    let end = (0..=text.len().min(64 * 1024))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let head = &text[..end];
    MD_LITERAL.is_match(head) && MD_SIGNAL.is_match(head)
}

/// Ends like a sentence: `.`, `!`, `?`, `…` or their CJK forms, possibly followed by closing
/// quotes or brackets.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let closing = [
        '"', '”', '’', '\'', ')', ']', '»', '*', '_', '」', '』', '）',
    ];
    let core = s.trim_end().trim_end_matches(closing);
    core.ends_with(['.', '!', '?', '…', '。', '！', '？', '．'])
}
