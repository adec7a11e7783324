//! Hard-wrap repair: source lines → paragraphs.
//!
//! A text is *hard-wrapped* when many lines run straight into the next without ending a
//! sentence and lines are short (a fixed column); then consecutive lines join into one
//! paragraph unless a blank line, an indent (when indents are rare enough to mean something), a
//! heading, or a short line that had room for the next word but broke anyway says the
//! paragraph ended. Proportional-font wraps are ragged, so "had room" allows some slack. In any
//! other text each line is a paragraph (one paragraph a line, or markdown with blank lines).

use super::{ends_sentence, Doc, Line};

/// Lines shorter than this (90th percentile, in chars) can be a hard wrap.
const MAX_WRAP_WIDTH: usize = 160;
/// A line ending a sentence breaks the paragraph when it and the next word fill less than
/// this share of the wrap width.
const SENTENCE_END_FILL: f64 = 0.85;
/// Any line breaks the paragraph when it and the next word fill less than this share.
const SHORT_LINE_FILL: f64 = 0.6;

/// How a text's lines are laid out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Layout {
    /// Lines are hard-wrapped at a column: consecutive lines form paragraphs.
    pub wrapped: bool,
    /// The wrap column, in chars (90th percentile of line lengths).
    width: usize,
    /// Indented lines start paragraphs (indents are the exception, not every line).
    indent_breaks: bool,
}

impl Layout {
    /// Measures the layout of `doc`'s live lines.
    pub(crate) fn of(doc: &Doc) -> Layout {
        let live: Vec<&Line> = doc.lines.iter().filter(|l| l.live()).collect();
        let width = percentile_90(live.iter().map(|l| l.text.chars().count()).collect());
        let (pairs, open) = run_on_pairs(doc);
        let indented = live.iter().filter(|l| l.indented).count();
        Layout {
            wrapped: pairs >= 2 && open * 10 >= pairs * 3 && width <= MAX_WRAP_WIDTH,
            width: width.max(1),
            indent_breaks: indented * 2 < live.len(),
        }
    }
}

fn percentile_90(mut lengths: Vec<usize>) -> usize {
    lengths.sort_unstable();
    lengths
        .get(lengths.len().saturating_sub(1) * 9 / 10)
        .copied()
        .unwrap_or(0)
}

/// Adjacent pairs of live lines, and how many of them run on (first line ends mid-sentence).
fn run_on_pairs(doc: &Doc) -> (usize, usize) {
    let pairs = doc.lines.windows(2).filter(|w| w[0].live() && w[1].live());
    pairs.fold((0, 0), |(n, open), w| {
        (n + 1, open + usize::from(!ends_sentence(&w[0].text)))
    })
}

/// One paragraph of the body, before paragraph-level cleaning.
#[derive(Clone, Debug)]
pub(crate) struct Para {
    /// 1-based source line where it starts.
    pub line: usize,
    /// Its text, lines joined by single spaces.
    pub text: String,
    /// A markdown heading.
    pub heading: bool,
    /// The source line right below it was removed as a credit (so this may be a caption).
    pub before_credit: bool,
    /// Index of its last source line in `Doc::lines`.
    last: usize,
    /// Chars of its last source line.
    last_len: usize,
}

impl Para {
    fn start(i: usize, line: &Line) -> Para {
        Para {
            line: line.no,
            text: line.text.clone(),
            heading: line.heading,
            before_credit: false,
            last: i,
            last_len: line.text.chars().count(),
        }
    }

    fn append(&mut self, i: usize, line: &Line) {
        if !hyphen_joins(&self.text, &line.text) {
            self.text.push(' ');
        }
        self.text.push_str(&line.text);
        self.last = i;
        self.last_len = line.text.chars().count();
    }
}

/// `de-` + `escalation` → `de-escalation` (the hyphen is kept: it is more often real).
fn hyphen_joins(text: &str, next: &str) -> bool {
    let mut tail = text.chars().rev();
    let hyphen = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
    hyphen && next.chars().next().is_some_and(char::is_lowercase)
}

/// Groups the live lines of `doc` into paragraphs.
pub(crate) fn paragraphs(doc: &Doc, layout: &Layout) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut open = false;
    for (i, line) in doc.lines.iter().enumerate() {
        if let Some(reason) = line.gone {
            open = open && stays_open(paras.last_mut(), i, reason, layout);
        } else if line.text.is_empty() {
            open = false;
        } else if let Some(para) = paras.last_mut().filter(|p| open && joins(p, line, layout)) {
            para.append(i, line);
        } else {
            paras.push(Para::start(i, line));
            open = true;
        }
    }
    paras
}

/// After a removed line: notes a credit under the paragraph, and says whether the paragraph
/// continues past the gap (only a wrapped sentence interrupted mid-way does).
fn stays_open(para: Option<&mut Para>, i: usize, reason: &str, layout: &Layout) -> bool {
    let Some(para) = para else {
        return false;
    };
    if reason == "credit" && para.last + 1 == i {
        para.before_credit = true;
    }
    layout.wrapped && !reason.starts_with("meta-") && !ends_sentence(&para.text)
}

/// Whether `line` continues paragraph `para` in this layout.
fn joins(para: &Para, line: &Line, layout: &Layout) -> bool {
    if !layout.wrapped || para.heading || line.heading || (line.indented && layout.indent_breaks) {
        return false;
    }
    let next_word = line
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let fill = (para.last_len + 1 + next_word) as f64 / layout.width as f64;
    let ended = ends_sentence(&para.text) && fill < SENTENCE_END_FILL;
    !ended && fill >= SHORT_LINE_FILL
}
