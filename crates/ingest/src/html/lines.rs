//! Source line numbers for text the extractor dropped from an HTML page.
//!
//! The DOM keeps no positions, so a block's line is found by searching its text in the raw
//! page: [`SourceText`] holds the page's visible text after `<body` (outside tags, comments,
//! `<script>` and `<style>`, common entities decoded) with every whitespace char removed, and
//! the source line of each char. The rule, applied to the blocks in document order:
//!
//! - a block's line is the source line where its text starts, searched at or after the end
//!   of the previous block found (kept paragraphs anchor the search, so an "Advertisement"
//!   between paragraphs 3 and 4 is found there, not in the page header);
//! - when it is not found there, the first occurrence anywhere; when the whole text is not
//!   found (markup inside a word, an unusual entity), its first `SHORT_NEEDLE` chars;
//! - else line 0: unknown.
//!
//! Best effort by design: a wrong line never changes the body, only the `removed` report.

/// Longest search needle, in chars: enough to be unique, short enough to stay inside one
/// text run of the source.
const LONG_NEEDLE: usize = 64;

/// Needle of the second try, in chars.
const SHORT_NEEDLE: usize = 16;

/// Source bytes scanned per step: the page is scanned only as far as the searches need.
const CHUNK: usize = 16 * 1024;

/// The page's visible text without whitespace, with the source line of every char, scanned
/// lazily as searches go forward.
#[derive(Debug)]
pub struct SourceText<'a> {
    scanner: Scanner<'a>,
    visible: Visible,
    /// Byte offset in the visible text where the next search starts.
    cursor: usize,
    /// Bytes of visible text read by searches so far, and the most they may read.
    searched: usize,
    budget: usize,
}

impl<'a> SourceText<'a> {
    /// Prepares to index the visible text of `html` from its `<body` tag (or from the start).
    pub fn new(html: &'a str) -> SourceText<'a> {
        let start = find_ascii_ci(html.as_bytes(), b"<body", 0).unwrap_or(0);
        let line = 1 + html.as_bytes()[..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        SourceText {
            scanner: Scanner {
                html,
                pos: start,
                line,
            },
            visible: Visible::default(),
            cursor: 0,
            searched: 0,
            budget: html
                .len()
                .saturating_mul(SEARCH_BUDGET)
                .saturating_add(CHUNK),
        }
    }

    /// Source line of `text` (1-based), 0 when not found; see the module docs for the rule.
    /// Found after the cursor, it moves the cursor past it (blocks come in document order).
    pub fn line_of(&mut self, text: &str) -> usize {
        let long = squeeze(text, LONG_NEEDLE);
        if long.is_empty() {
            return 0;
        }
        if let Some(at) = self.find_from(&long, self.cursor) {
            self.cursor = at + long.len();
            return self.visible.line_at(at);
        }
        let short = squeeze(text, SHORT_NEEDLE);
        let found = [(&long, 0), (&short, self.cursor), (&short, 0)]
            .into_iter()
            .find_map(|(needle, from)| self.find_from(needle, from));
        found.map_or(0, |at| self.visible.line_at(at))
    }

    /// Moves the cursor past `text` if it occurs after the cursor (a kept paragraph).
    pub fn pass(&mut self, text: &str) {
        let needle = squeeze(text, SHORT_NEEDLE * 2);
        if let Some(at) = self.find_from(&needle, self.cursor) {
            self.cursor = at + needle.len();
        }
    }

    /// Offset of the first `needle` at or after `from` in the visible text, scanning more of
    /// the page until it is found or the page ends.
    /// Each new chunk is searched with an overlap of one needle, not from `from` again, and
    /// all searches together read at most [`SEARCH_BUDGET`] times the page: linear time on
    /// any page, at the price of line 0 on pathological ones.
    fn find_from(&mut self, needle: &str, from: usize) -> Option<usize> {
        let mut start = from;
        loop {
            let hay = self.visible.text.get(start..)?;
            if self.searched + hay.len() > self.budget {
                return None;
            }
            self.searched += hay.len();
            if let Some(at) = hay.find(needle) {
                return Some(start + at);
            }
            let searched_to = self.visible.text.len();
            if !self.scanner.scan(&mut self.visible, CHUNK) {
                return None;
            }
            let overlap =
                floor_boundary(&self.visible.text, searched_to.saturating_sub(needle.len()));
            start = start.max(overlap);
        }
    }
}

/// Searches read at most this many times the page's length (plus [`CHUNK`]).
const SEARCH_BUDGET: usize = 16;

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Visible chars scanned so far, whitespace removed, with their source lines.
#[derive(Debug, Default)]
struct Visible {
    text: String,
    /// `(byte offset in text, line)` where a new source line starts, increasing.
    marks: Vec<(usize, usize)>,
}

impl Visible {
    fn line_at(&self, offset: usize) -> usize {
        let i = self.marks.partition_point(|&(o, _)| o <= offset);
        i.checked_sub(1).map_or(0, |i| self.marks[i].1)
    }

    fn push(&mut self, c: char, line: usize) {
        if c.is_whitespace() {
            return;
        }
        if self.marks.last().is_none_or(|&(_, l)| l != line) {
            self.marks.push((self.text.len(), line));
        }
        self.text.push(c);
    }
}

/// The first `max` non-whitespace chars of `text`.
fn squeeze(text: &str, max: usize) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .take(max)
        .collect()
}

/// A forward pass over the raw page, feeding visible chars to [`Visible`].
#[derive(Debug)]
struct Scanner<'a> {
    html: &'a str,
    pos: usize,
    line: usize,
}

impl Scanner<'_> {
    /// Scans at least `budget` more source bytes (or to the end) into `out`; false when the
    /// page was already fully scanned.
    fn scan(&mut self, out: &mut Visible, budget: usize) -> bool {
        let bytes = self.html.as_bytes();
        if self.pos >= bytes.len() {
            return false;
        }
        let stop = self.pos.saturating_add(budget);
        while let Some(&b) = bytes.get(self.pos).filter(|_| self.pos < stop) {
            match b {
                b'<' => self.markup(),
                b'&' => self.entity(out),
                b'\n' => {
                    self.line += 1;
                    self.pos += 1;
                }
                _ if b.is_ascii() => {
                    out.push(char::from(b), self.line);
                    self.pos += 1;
                }
                _ => self.wide_char(out),
            }
        }
        true
    }

    /// A non-ASCII char (`pos` is always on a char boundary: every skip ends on an ASCII byte
    /// or at the end of the text).
    fn wide_char(&mut self, out: &mut Visible) {
        match self.html.get(self.pos..).and_then(|r| r.chars().next()) {
            Some(c) => {
                out.push(c, self.line);
                self.pos += c.len_utf8();
            }
            None => self.pos += 1,
        }
    }

    /// Advances `n` bytes, counting newlines.
    fn step(&mut self, n: usize) {
        let end = (self.pos + n).min(self.html.len());
        let skipped = &self.html.as_bytes()[self.pos..end];
        self.line += skipped.iter().filter(|&&b| b == b'\n').count();
        self.pos = end;
    }

    /// Skips a comment, a tag, or a `<script>` / `<style>` element with its content.
    fn markup(&mut self) {
        let rest = &self.html.as_bytes()[self.pos..];
        let end = if rest.starts_with(b"<!--") {
            find(rest, b"-->", 4).map(|e| e + 3)
        } else if starts_with_ci(rest, b"<script") || starts_with_ci(rest, b"<style") {
            raw_text_end(rest)
        } else {
            tag_end(rest)
        };
        self.step(end.unwrap_or(rest.len()));
    }

    fn entity(&mut self, out: &mut Visible) {
        let (c, len) = decode_entity(&self.html.as_bytes()[self.pos..]).unwrap_or(('&', 1));
        out.push(c, self.line);
        self.pos += len;
    }
}

/// End (exclusive) of the tag starting `rest`, quotes respected.
fn tag_end(rest: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in rest.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// End (exclusive) of a `<script>` or `<style>` element starting `rest`.
fn raw_text_end(rest: &[u8]) -> Option<usize> {
    let name: &[u8] = if starts_with_ci(rest, b"<script") {
        b"</script"
    } else {
        b"</style"
    };
    let close = find_ascii_ci(rest, name, 1)?;
    tag_end(&rest[close..]).map(|e| close + e)
}

fn starts_with_ci(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let tail = hay.get(from..)?;
    memmem(tail, needle, |w| w == needle).map(|i| i + from)
}

/// First ASCII-case-insensitive match of `needle` (which starts with a non-letter) in `hay`
/// from `from`.
fn find_ascii_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let tail = hay.get(from..)?;
    memmem(tail, needle, |w| w.eq_ignore_ascii_case(needle)).map(|i| i + from)
}

/// Finds a window of `needle.len()` bytes starting with `needle[0]` that `same` accepts,
/// jumping between occurrences of the first byte (a fast `memchr` through `slice::iter`).
fn memmem(hay: &[u8], needle: &[u8], same: impl Fn(&[u8]) -> bool) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = 0;
    while let Some(i) = hay.get(at..)?.iter().position(|&b| b == first) {
        let start = at + i;
        let window = hay.get(start..start + needle.len())?;
        if same(window) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Named entities decoded for matching; others stay as written (the long needle then
/// fails and the short one may still match).
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
];

/// Decodes the entity at the start of `rest` (`&name;`, `&#N;`, `&#xH;`): char and length
/// in bytes (all ASCII, so the scan stays on char boundaries).
fn decode_entity(rest: &[u8]) -> Option<(char, usize)> {
    let head = &rest[..rest.len().min(12)];
    let semi = head.iter().position(|&b| b == b';')?;
    let name = std::str::from_utf8(&rest[1..semi]).ok()?;
    let c = match name.strip_prefix('#') {
        Some(num) => numeric_entity(num)?,
        None => ENTITIES.iter().find(|(n, _)| *n == name)?.1,
    };
    Some((c, semi + 1))
}

fn numeric_entity(num: &str) -> Option<char> {
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>Advertisement</title></head>\n<body>\n\
        <nav>Advertisement</nav>\n<p>First paragraph of the\n story.</p>\n\
        <div class=\"ad\">Advertisement</div>\n<!-- Advertisement -->\n\
        <script>var a = '<p>Photo: X</p>';</script>\n<p>Caf&eacute; &amp; bar &#8212; Photo: X</p>\n</body>";

    #[test]
    fn dropped_text_is_found_after_the_paragraph_before_it() {
        let mut src = SourceText::new(PAGE);
        src.pass("First paragraph of the story.");
        assert_eq!(src.line_of("Advertisement"), 6);
    }

    #[test]
    fn text_in_comments_scripts_and_head_is_ignored() {
        let mut src = SourceText::new(PAGE);
        assert_eq!(src.line_of("Advertisement"), 3);
        assert_eq!(src.line_of("Advertisement"), 6);
        assert_eq!(src.line_of("& bar — Photo: X"), 9);
    }

    #[test]
    fn text_split_by_an_unknown_entity_is_found_by_its_start() {
        let mut src = SourceText::new(PAGE);
        assert_eq!(src.line_of("Café & bar — Photo: X"), 0);
        assert_eq!(
            src.line_of("First paragraph of the story, and more words after it"),
            4
        );
    }

    #[test]
    fn text_found_across_scan_chunks_and_search_stays_within_budget() {
        let filler = "<p>filler words here</p>\n".repeat(CHUNK / 8);
        let page = format!("<body>{filler}<p>Near the end: Advertisement</p>\n{filler}");
        let mut src = SourceText::new(&page);
        let line = 1 + filler.lines().count();
        assert_eq!(src.line_of("Near the end: Advertisement"), line);
        for _ in 0..100 {
            assert_eq!(src.line_of("never in the page"), 0);
        }
        assert!(
            src.searched <= src.budget,
            "{} > {}",
            src.searched,
            src.budget
        );
    }

    #[test]
    fn missing_text_and_odd_markup_give_zero_without_panic() {
        let mut src = SourceText::new("<p>a &#xZZ; &#99999999; &unterminated <b");
        assert_eq!(src.line_of("nowhere"), 0);
        assert_eq!(src.line_of(""), 0);
        assert_eq!(src.line_of("a"), 1);
    }
}
