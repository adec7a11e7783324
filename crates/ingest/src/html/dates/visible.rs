//! Dates a reader sees near the headline: `<time>` elements, elements whose class, id or
//! itemprop names a date, and dates written in the text around the headline — plus microdata
//! `itemprop=datePublished` elements wherever they are, and ([`labelled_anywhere`], the last
//! resort) a date labelled `Published …` anywhere on the page.
//!
//! One walk over the body in document order builds the visible text (scripts, navigation,
//! footers, the site's asides, forms, related-links / teaser / comment / sidebar blocks,
//! links that hold a date beside another headline and elements holding a scheduled date left
//! out; an `<aside>` or `<footer>` inside the article or beside its headline kept) and notes
//! where each date element starts in it.
//! A publication month stated without a day is reported too. The headline (the heading a title of the page names — an `h1` with text (an empty one is a logo), else an `h2`–`h4`
//! before every `h1` — else the first `h1` inside an `article` or `main`, else the first
//! `h1`, else where the text first shows a title of the page, else the start of the
//! `article`) anchors the window that is read; a date far from it
//! (a teaser, an archive list) is not a candidate, one labelled as today's or as a reader's
//! activity (a comment, a citation's `retrieved`, `printed on`) is none, nor one that
//! schedules something (an event's or a deadline, see [`super::scheduled`]), nor one after the
//! article element that holds the headline has ended (the site's footer, a list below), and
//! an unlabelled date inside a sentence comes after every other.
//! A date element's role comes from its `itemprop` (`dateModified`), else its names; an
//! `Updated` label right before it makes it a modification date whatever its class says.
//! Reads the DOM only; work is bounded by `TEXT_BUDGET`.

use super::candidate::{Candidate, Role, Source};
use super::scheduled::{is_scheduling_element, is_scheduling_label};
use crate::meta::date::{
    find_byline_dates, find_dates, find_originally_published, find_published_labelled,
    find_published_months, parse_date,
};
use dom_query::{Document, NodeId, NodeRef};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Characters of visible text collected at most per page.
const TEXT_BUDGET: usize = 400_000;
/// Date elements are read from this many characters before the headline …
const ELEMENT_BEFORE: usize = 600;
/// … to this many after it.
const ELEMENT_AFTER: usize = 2_500;
/// Dates in running text are read from this many characters before the headline …
const TEXT_BEFORE: usize = 250;
/// … to this many after it.
const TEXT_AFTER: usize = 1_200;
/// Text longer than this in a date element is not read as one date.
const ELEMENT_TEXT_MAX: usize = 160;

/// Elements whose subtree is never read.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "head",
    "figcaption",
];

/// Class / id words of blocks that hold other articles' or readers' dates: a word starting a
/// class / id part (`related-posts`, `relatedArticles`, `comments-area`, `product-reviews`).
static OTHERS_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:related|recommend|teaser|trending|popular|read-?next|more-?(?:stories|articles|news|from|posts|like)|also-?(?:read|like)|you-?may|further-?reading|post-?navigation|nav-?links|disqus|responses|replies|(?:customer-?|product-?|user-?)?reviews(?:$|[\s_-])|comment(?:s|list|-list|-area|s-area)?(?:$|[\s_-]))")
        .expect("valid regex")
});

/// Class / id words of the site's margins (`sidebar`, `newsletter`): dates there are not read
/// near the headline (a labelled publication date may still be, see [`labelled_anywhere`]).
static MARGIN_BLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[\s_-])(?:sidebar|newsletter)").expect("valid regex"));

/// Class / id / itemprop words of an element that holds a date.
static DATE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)date|time|publish|posted|updated|modified|byline|meta|dateline|stamp")
        .expect("valid regex")
});

/// Words saying a date is a modification date.
static MODIFIED_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)updat|modifi|aktualisiert|geändert|mis à jour|actualizad|actualizac|edited|revised|bearbeitet")
        .expect("valid regex")
});

/// Words saying a date is today's (a masthead or opening-hours date) or a reader's activity
/// (`Last active`, `Member since`, a comment's `Ann says:`, a citation's `Retrieved` /
/// `Accessed`, a printout's `Printed on`), not the article's.
static TODAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)today|heute|aujourd|hoy\b|oggi|last active|member since|joined|says:|sagt:|wrote:|schrieb:|a écrit|replied|retrieved|accessed|abgerufen|zugriff|consulté|consultado|printed|gedruckt")
        .expect("valid regex")
});

/// A word right before a date that makes it a deadline or the bound of a period (`bis
/// 31.12.2018`, `until March 3, 2025`, `since 2019-04-01`), not a day the page was written.
static BOUND_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])(?:bis|until|till|seit|since|ab|through|thru|before|after|desde|hasta|jusqu'au|jusqu’au|depuis|fino al|dal)\s*$")
        .expect("valid regex")
});

/// Bytes of text before a date read for its label.
const LABEL_BEFORE: usize = 30;

/// What joins the two ends of a date range (`3 – 5 May 2025`, `2025-05-03 to 2025-05-05`).
static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:[-–—]|to|bis|au|al|until)\s*$").expect("valid regex"));

/// Words saying a date is the publication date.
static PUBLISHED_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)publi|posted|veröffentlicht|erschienen|created|written|pubdate|entry-date|post-date",
    )
    .expect("valid regex")
});

/// The heading of a section that holds other articles or readers' comments or reviews: a phrase that
/// opens it (`You might also like`, `3 thoughts on …`, `Leave a reply`, `Weitere Artikel`,
/// `À lire aussi`) or a word that is all of it (`Related`, `Related articles`, `Comments (3)`,
/// `Kommentare`; `Related costs of the works` is the article's own section). The article's
/// own dates come before it.
static OTHERS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    let phrase = "more (?:from|stories|articles|news|like this|on this)|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|read (?:more|next|also)|also read|see also|further reading|most (?:read|popular|viewed)|latest (?:news|posts|articles|stories)|recent (?:posts|articles|stories|news)|leave a (?:reply|comment)|(?:thoughts?|comments?|responses?|replies) (?:on|to) |weitere (?:artikel|beiträge|nachrichten|themen)|mehr (?:zum thema|aus |von |zu )|das könnte (?:sie|dich) auch interessieren|lesen sie auch|auch interessant|ähnliche (?:artikel|beiträge|themen)|(?:à )?lire aussi|sur le même sujet|articles? (?:similaires|liés|associés)|te puede interesar|noticias relacionadas|artículos relacionados|leggi anche|articoli correlati";
    let word = "related|recommended|popular|trending|comments?|responses|replies|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|(?:customer |user |product )?reviews|bewertungen|kundenbewertungen|avis clients|reseñas|opiniones";
    let noun = "articles?|posts?|stories|news|content|reading|links|for you|now|artikel|beiträge";
    let re = format!(
        r"(?i)^\s*(?:\d+\s+)?(?:(?:{phrase})|(?:{word})(?:\s+(?:{noun}))?\s*(?:\(\d+\))?\s*:?\s*$)"
    );
    Regex::new(&re).expect("valid regex")
});

/// Words a heading of such a section has at most (a longer heading is a section of the article).
const OTHERS_HEADING_WORDS: usize = 8;

/// What one walk over a page found.
#[derive(Debug, Default)]
pub struct Seen {
    /// Visible dates near the headline, nearest after it first, then those before it.
    pub near: Vec<Candidate>,
    /// Microdata `datePublished` / `dateCreated` / `dateModified` outside `<meta>`.
    pub microdata: Vec<Candidate>,
    /// The publication month (`YYYY-MM`) when the text near the headline states one without
    /// a day (`Originally published in March 2022`).
    pub published_month: Option<String>,
}

/// Walks `doc` once and returns its visible and microdata dates; `titles` (the page's own
/// statements of its headline) help find the headline among several headings.
pub fn read(doc: &Document, titles: &[&str]) -> Seen {
    let headline = headline(doc, titles);
    let mut walk = Walk {
        headline_id: headline.as_ref().map(|h| h.id),
        headline_parent: headline.as_ref().and_then(|h| h.parent()).map(|p| p.id),
        titles: if headline.is_some() {
            Vec::new()
        } else {
            shown_titles(titles)
        },
        keep: headline
            .iter()
            .flat_map(|h| h.ancestors_it(None))
            .map(|a| a.id)
            .collect(),
        container: headline.as_ref().and_then(container_of),
        ..Walk::default()
    };
    let body = doc.select("body");
    if let Some(root) = body.nodes().first() {
        walk.run(root);
    }
    walk.microdata = doc
        .select(MICRODATA)
        .nodes()
        .iter()
        .filter_map(microdata)
        .collect();
    walk.finish()
}

/// Microdata date elements other than `<meta>` (those are in the page's meta map).
const MICRODATA: &str = "[itemprop=datePublished]:not(meta), [itemprop=dateCreated]:not(meta), \
    [itemprop=dateModified]:not(meta)";

/// Headings of each level looked at when choosing the headline.
const HEADLINES_MAX: usize = 12;

/// Squashed characters a heading needs to be matched with a title.
const HEADING_MIN: usize = 8;

/// The page's headline: for each title in turn (most trusted first), the `h1` that it
/// contains (or that contains it), else such an `h2`–`h4` before every `h1` (pages that style
/// their headline with a lower level, or whose `h1`s are the site's or a section's; a lower
/// heading after an `h1` is a section's); else the first `h1` inside an `article` or `main`,
/// else the first `h1`.
fn headline<'a>(doc: &'a Document, titles: &[&str]) -> Option<NodeRef<'a>> {
    let headings = doc.select("h1, h2, h3, h4");
    // An `h1` with no text (a logo link or image) is the site's mark, not a headline.
    let is_h1 = |h: &NodeRef| {
        h.node_name().is_some_and(|n| n.eq_ignore_ascii_case("h1"))
            && h.text().chars().any(char::is_alphanumeric)
    };
    let squashed = |h: &NodeRef<'a>| (*h, squash(&h.text()));
    let nodes = headings.nodes();
    let h1s: Vec<(NodeRef<'a>, String)> = nodes
        .iter()
        .filter(|h| is_h1(h))
        .take(HEADLINES_MAX)
        .map(squashed)
        .collect();
    let lower: Vec<(NodeRef<'a>, String)> = nodes
        .iter()
        .take_while(|h| !is_h1(h))
        .take(HEADLINES_MAX)
        .map(squashed)
        .collect();
    let matching = |title: &str, headings: &[(NodeRef<'a>, String)]| {
        headings
            .iter()
            .find(|(_, text)| {
                text.len() >= HEADING_MIN && (title.contains(text.as_str()) || text.contains(title))
            })
            .map(|(h, _)| *h)
    };
    let titled = titles
        .iter()
        .map(|t| squash(t))
        .filter(|t| t.len() >= HEADING_MIN)
        .find_map(|t| matching(&t, &h1s).or_else(|| matching(&t, &lower)));
    let in_article = || {
        h1s.iter().map(|(h, _)| *h).find(|h| {
            h.ancestors_it(None).any(|a| {
                a.node_name()
                    .is_some_and(|n| is_article(&a, &n.to_ascii_lowercase()))
            })
        })
    };
    titled
        .or_else(in_article)
        .or_else(|| h1s.first().map(|(h, _)| *h))
}

/// Characters a title needs to be looked for in the text when no heading holds it.
const SHOWN_TITLE_MIN: usize = 20;

/// The titles long enough to be looked for in the text, whitespace collapsed as the walk
/// writes text.
fn shown_titles(titles: &[&str]) -> Vec<String> {
    titles
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| t.len() >= SHOWN_TITLE_MIN)
        .collect()
}

/// Lower-cased letters and digits only (to compare a headline with a title).
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A date element met during the walk, at a position in the text.
struct Placed {
    at: usize,
    candidate: Candidate,
    /// An unlabelled date inside a sentence (`… hit its 1.0 release on 30 October 2025`): a
    /// date the article mentions more likely than its own, read after every other one.
    mentioned: bool,
}

#[derive(Default)]
struct Walk {
    /// The headline element, when the page has an `h1`.
    headline_id: Option<NodeId>,
    /// With no headline element, the page's titles as its text may show them.
    titles: Vec<String>,
    /// The headline's parent: a `<footer>` or `<aside>` beside the headline is its own.
    headline_parent: Option<NodeId>,
    /// The headline's ancestors: never skipped, whatever their names.
    keep: HashSet<NodeId>,
    text: String,
    elements: Vec<Placed>,
    microdata: Vec<Candidate>,
    /// Where the headline starts in `text`.
    headline: Option<usize>,
    /// Where the headline's text ends in `text` (about).
    headline_end: usize,
    article_start: Option<usize>,
    /// Where a heading of other articles or comments after the headline starts in `text`:
    /// no date from there on is the article's.
    others_from: Option<usize>,
    /// The article element that holds the headline, if one does.
    container: Option<NodeId>,
    /// Where that element ends in `text`: a date after it is the site's or another item's.
    container_end: Option<usize>,
}

impl Walk {
    fn run(&mut self, root: &NodeRef) {
        // `None` marks the end of the headline's article element.
        let mut stack: Vec<(Option<NodeRef>, bool)> = vec![(Some(*root), false)];
        while let Some((next, in_article)) = stack.pop() {
            if self.done() {
                break;
            }
            let Some(node) = next else {
                // What follows starts past the end, even a date element with no text before.
                self.container_end = Some(self.text.len());
                self.text.push('\n');
                continue;
            };
            if node.is_text() {
                self.push_text(&node.text());
                continue;
            }
            let Some(name) = node.node_name() else {
                continue;
            };
            let name = name.to_ascii_lowercase();
            // An `<aside>` or `<footer>` inside the article or beside its headline is the
            // article's own margin (date, byline), not the site's.
            let own = (in_article || self.beside_headline(&node))
                && matches!(name.as_str(), "aside" | "footer");
            let skipped = (SKIPPED.contains(&name.as_str()) && !own)
                || is_foreign(&node)
                || (name == "a" && is_dated_teaser(&node))
                || is_scheduled_date(&node)
                || (!in_article && !own && is_page_footer(&node, &name));
            if skipped && !self.keep.contains(&node.id) {
                continue;
            }
            let in_article = in_article || is_article(&node, &name);
            self.enter(&node, &name, in_article);
            if Some(node.id) == self.container {
                stack.push((None, in_article));
            }
            let children: Vec<NodeRef> = node.children_it(true).collect();
            stack.extend(children.into_iter().map(|c| (Some(c), in_article)));
        }
    }

    /// Where the text first shows one of the page's titles (a headline styled without a
    /// heading element).
    fn title_in_text(&self) -> Option<usize> {
        self.titles.iter().find_map(|t| self.text.find(t.as_str()))
    }

    /// Whether `node` shares its parent with the headline.
    fn beside_headline(&self, node: &NodeRef) -> bool {
        self.headline_parent
            .is_some_and(|p| node.parent().is_some_and(|n| n.id == p))
    }

    fn done(&self) -> bool {
        let past_headline = self
            .headline
            .is_some_and(|h| self.text.len() > h + ELEMENT_AFTER);
        past_headline || self.text.len() > TEXT_BUDGET
    }

    fn enter(&mut self, node: &NodeRef, name: &str, in_article: bool) {
        let at = self.text.len();
        if Some(node.id) == self.headline_id {
            self.headline = Some(at);
            self.headline_end = at
                + 2
                + node
                    .text()
                    .split_whitespace()
                    .map(|w| w.len() + 1)
                    .sum::<usize>();
        }
        if in_article && self.article_start.is_none() {
            self.article_start = Some(at);
        }
        if self.others_from.is_none() && self.opens_others(node, name) {
            self.others_from = Some(at);
        }
        if let Some(mut candidate) = date_element(node, name) {
            if self.others_from.is_none() && !self.labelled_not_published(at) {
                if role_of_label(self.label_before(at)) == Role::Modified {
                    candidate.role = Role::Modified;
                }
                self.elements.push(Placed {
                    at,
                    candidate,
                    mentioned: false,
                });
            }
        }
        if is_block(name) {
            self.text.push('\n');
        }
    }

    /// Whether `node` is a heading after the headline (or in the article, when there is no
    /// headline) that opens a section of other articles or comments.
    fn opens_others(&self, node: &NodeRef, name: &str) -> bool {
        let after = match self.headline_id {
            Some(id) => self.headline.is_some() && node.id != id,
            None => self.article_start.is_some(),
        };
        if !after || !matches!(name, "h2" | "h3" | "h4" | "h5" | "h6") {
            return false;
        }
        let text = node.text();
        text.split_whitespace().count() <= OTHERS_HEADING_WORDS && OTHERS_HEADING.is_match(&text)
    }

    /// Whether the text just before `at` (the headline's own text excepted) labels a date
    /// there as today's, as a reader's activity (`Today's hours`, `Last active`) or as
    /// something scheduled (`Event date:`, `Deadline`: see [`super::scheduled`]).
    fn labelled_not_published(&self, at: usize) -> bool {
        let label = self.label_before(at);
        TODAY_WORD.is_match(label) || is_scheduling_label(label)
    }

    /// The text just before `at` that may label a date there: at most [`LABEL_BEFORE`]
    /// bytes, never the headline's own words (`Best laptops (updated 2025)`).
    fn label_before(&self, at: usize) -> &str {
        let from = floor_boundary(&self.text, at.saturating_sub(LABEL_BEFORE));
        let from = if self.headline.is_some_and(|h| h < at) {
            from.max(self.headline_end.min(at))
        } else {
            from
        };
        let from = floor_boundary(&self.text, from);
        self.text.get(from..at).unwrap_or_default()
    }

    fn push_text(&mut self, text: &str) {
        if !self.text.ends_with(char::is_whitespace) {
            self.text.push(' ');
        }
        for word in text.split_whitespace() {
            self.text.push_str(word);
            self.text.push(' ');
        }
    }

    fn finish(self) -> Seen {
        let Some(anchor) = self
            .headline
            .or_else(|| self.title_in_text())
            .or(self.article_start)
        else {
            // No headline to be near: only `<time>` elements, marked up as dates, and elements
            // whose names say they hold the publication date count.
            let near = self
                .elements
                .into_iter()
                .filter(|p| {
                    let c = &p.candidate;
                    c.source == Source::TimeElement || c.role == Role::Published
                })
                .map(|p| p.candidate)
                .collect();
            return Seen {
                near,
                microdata: self.microdata,
                published_month: None,
            };
        };
        let text_dates = self.text_dates(anchor);
        let published_month = find_published_months(self.window(anchor))
            .into_iter()
            .next();
        let mut placed = self.elements;
        placed.extend(text_dates);
        let end = self.container_end.unwrap_or(usize::MAX);
        placed.retain(|p| p.at <= end);
        let mut after: Vec<&Placed> = placed
            .iter()
            .filter(|p| p.at >= anchor && p.at <= anchor + ELEMENT_AFTER)
            .collect();
        after.sort_by_key(|p| p.at);
        let mut before: Vec<&Placed> = placed
            .iter()
            .filter(|p| p.at < anchor && p.at + ELEMENT_BEFORE >= anchor)
            .collect();
        before.sort_by_key(|p| std::cmp::Reverse(p.at));
        let (mentioned, shown): (Vec<&Placed>, Vec<&Placed>) =
            after.into_iter().chain(before).partition(|p| p.mentioned);
        let near = shown
            .into_iter()
            .chain(mentioned)
            .map(|p| p.candidate.clone())
            .collect();
        Seen {
            near,
            microdata: self.microdata,
            published_month,
        }
    }

    /// The text read for dates around the headline, with where it starts in `text`.
    fn window_at(&self, anchor: usize) -> (usize, &str) {
        let start = floor_boundary(&self.text, anchor.saturating_sub(TEXT_BEFORE));
        let end = floor_boundary(&self.text, (anchor + TEXT_AFTER).min(self.text.len()));
        (start, &self.text[start..end])
    }

    fn window(&self, anchor: usize) -> &str {
        self.window_at(anchor).1
    }

    /// Dates written in the text around the headline, with the role their label gives; the
    /// ends of a range, a deadline, an event's date, a date labelled as today's and every
    /// date after a heading of other articles or comments are left out.
    fn text_dates(&self, anchor: usize) -> Vec<Placed> {
        let (start, window) = self.window_at(anchor);
        let dates = find_dates(window);
        let in_range = |i: usize| {
            let joined = |a: &(String, usize, usize), b: &(String, usize, usize)| {
                window
                    .get(a.2..b.1)
                    .is_some_and(|gap| RANGE_JOIN.is_match(gap))
            };
            (i > 0 && joined(&dates[i - 1], &dates[i]))
                || dates.get(i + 1).is_some_and(|next| joined(&dates[i], next))
        };
        let mut placed = Vec::new();
        for (i, (day, from, _)) in dates.iter().enumerate() {
            let label = &window[floor_boundary(window, from.saturating_sub(LABEL_BEFORE))..*from];
            let among_others = self.others_from.is_some_and(|o| start + from >= o);
            if among_others
                || in_range(i)
                || TODAY_WORD.is_match(label)
                || BOUND_WORD.is_match(label)
                || is_scheduling_label(label)
            {
                continue;
            }
            let role = role_of_label(label);
            placed.push(Placed {
                at: start + from,
                candidate: Candidate::day(day.clone(), Source::Text, role),
                mentioned: role == Role::Unknown && in_sentence(label),
            });
        }
        placed
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "header"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "li"
            | "ul"
            | "ol"
            | "br"
            | "tr"
            | "table"
            | "main"
    )
}

/// An element that holds the article: `article`, `main`, `role=main`, or a schema.org
/// `Article` item.
fn is_article(node: &NodeRef, name: &str) -> bool {
    name == "article"
        || name == "main"
        || node.attr("role").is_some_and(|r| &*r == "main")
        || node
            .attr("itemtype")
            .is_some_and(|t| t.ends_with("Article") || t.ends_with("BlogPosting"))
}

/// The nearest article element (see [`is_article`]) holding the headline.
fn container_of<'a>(headline: &NodeRef<'a>) -> Option<NodeId> {
    headline
        .ancestors_it(None)
        .find(|a| {
            a.node_name()
                .is_some_and(|n| is_article(a, &n.to_ascii_lowercase()))
        })
        .map(|a| a.id)
}

/// A block whose class or id says it holds other articles, readers' comments or the site's
/// margin.
fn is_foreign(node: &NodeRef) -> bool {
    is_named(node, &OTHERS_BLOCK) || is_named(node, &MARGIN_BLOCK)
}

fn is_named(node: &NodeRef, re: &Regex) -> bool {
    ["class", "id"]
        .iter()
        .any(|attr| node.attr(attr).is_some_and(|v| re.is_match(&v)))
}

/// Elements whose text is never read by [`page_text`].
const UNREAD: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];

/// The page's visible text, whitespace collapsed, a sidebar or footer included (other
/// articles' and readers' blocks left out): what [`labelled_anywhere`] and
/// [`originally_published`] read.
pub fn page_text(doc: &Document) -> String {
    let mut text = String::new();
    let body = doc.select("body");
    let mut stack: Vec<NodeRef> = body.nodes().first().copied().into_iter().collect();
    while let Some(node) = stack.pop() {
        if text.len() > TEXT_BUDGET {
            break;
        }
        if node.is_text() {
            text.push_str(&node.text());
            text.push(' ');
            continue;
        }
        let unread = node
            .node_name()
            .is_some_and(|n| UNREAD.contains(&n.to_ascii_lowercase().as_str()));
        if unread || is_named(&node, &OTHERS_BLOCK) {
            continue;
        }
        let children: Vec<NodeRef> = node.children_it(true).collect();
        stack.extend(children);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The publication date the page states with a label (`Published: …`, `Erschienen am …`) or
/// after a byline's names (`Written by Ann Lee and Bo Ek April 8, 2024`) anywhere in its text
/// ([`page_text`]): the last resort of a page that shows no date near its headline. Several
/// different labelled days give `None` (a list of articles).
pub fn labelled_anywhere(text: &str) -> Option<Candidate> {
    let mut days = find_published_labelled(text);
    days.extend(find_byline_dates(text));
    only_day(days)
}

/// The date the page says it was first published on (`This article was originally published
/// on 26 Sep 2019 and has been updated since`), anywhere in its text ([`page_text`]); several
/// different days give `None`.
pub fn originally_published(text: &str) -> Option<Candidate> {
    only_day(find_originally_published(text))
}

fn only_day(mut days: Vec<String>) -> Option<Candidate> {
    days.sort_unstable();
    days.dedup();
    match days.as_slice() {
        [day] => Some(Candidate::day(day.clone(), Source::Text, Role::Published)),
        _ => None,
    }
}

/// Words besides its date from which a link's text is another article's teaser.
const TEASER_WORDS: usize = 6;

/// A link whose text holds a date and a headline's worth of other words (`Harbour fees rise
/// again after the vote · March 3, 2025`): a teaser for another article, whose date is not
/// this page's. A link around the date alone (a permalink) is not one.
fn is_dated_teaser(node: &NodeRef) -> bool {
    let text = node.text();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let dates = find_dates(&text);
    if dates.is_empty() {
        return false;
    }
    let mut rest = 0;
    let mut from = 0;
    for (_, start, end) in &dates {
        rest += text
            .get(from..*start)
            .map_or(0, |t| t.split_whitespace().count());
        from = *end;
    }
    rest += text.get(from..).map_or(0, |t| t.split_whitespace().count());
    rest >= TEASER_WORDS
}

/// An element named for a date that schedules something (`<span class="event-date">`,
/// `<time itemprop="startDate">`) holding no more than a date's text: left out of the
/// text, so that its date is not read there either.
fn is_scheduled_date(node: &NodeRef) -> bool {
    is_scheduling_element(&names_of(node)) && node.text().len() <= ELEMENT_TEXT_MAX
}

/// A footer outside the article (the site's, not the article's own `<footer>` that may hold
/// its date).
fn is_page_footer(node: &NodeRef, name: &str) -> bool {
    name == "footer"
        || ["class", "id"].iter().any(|attr| {
            node.attr(attr)
                .is_some_and(|v| v.to_ascii_lowercase().contains("footer"))
        })
}

/// The names that describe an element: class, id and itemprop.
fn names_of(node: &NodeRef) -> String {
    ["class", "id", "itemprop"]
        .iter()
        .filter_map(|attr| node.attr(attr))
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A microdata date element other than `<meta>` (its `content`, `datetime` or text).
fn microdata(node: &NodeRef) -> Option<Candidate> {
    let prop = node.attr("itemprop")?;
    let role = match &*prop {
        "datePublished" | "dateCreated" => Role::Published,
        "dateModified" => Role::Modified,
        _ => return None,
    };
    machine_value(node)
        .and_then(|v| Candidate::parse(&v, Source::Microdata, role))
        .or_else(|| short_text_date(node, Source::Microdata, role))
}

/// Elements a reader never sees: a `<meta>` in the body is markup (read with the others
/// by [`super::structured`]), not a shown date.
const UNSHOWN: &[&str] = &["meta", "link", "input"];

/// A `<time>` element, or an element whose names say it holds a date (never a `<meta>`,
/// nor one whose names say its date is today's or schedules something: `startDate`,
/// `event-date`).
fn date_element(node: &NodeRef, name: &str) -> Option<Candidate> {
    if UNSHOWN.contains(&name) {
        return None;
    }
    let names = names_of(node);
    if TODAY_WORD.is_match(&names) || is_scheduling_element(&names) {
        return None;
    }
    let source = if name == "time" {
        Source::TimeElement
    } else if DATE_NAME.is_match(&names) {
        Source::DateClass
    } else {
        return None;
    };
    let role = role_of_itemprop(node).unwrap_or_else(|| role_of_names(&names));
    machine_value(node)
        .and_then(|v| Candidate::parse(&v, source, role))
        .or_else(|| short_text_date(node, source, role))
}

/// The machine-readable date of an element: `datetime`, `content`, or the `title` of an
/// `<abbr>` (the microformats way: `<abbr class="published" title="2019-11-18T17:19Z">`).
fn machine_value(node: &NodeRef) -> Option<String> {
    let abbr = node
        .node_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("abbr"));
    ["datetime", "content"]
        .iter()
        .find_map(|attr| node.attr(attr).map(|v| v.to_string()))
        .or_else(|| {
            abbr.then(|| node.attr("title"))
                .flatten()
                .map(|v| v.to_string())
        })
}

/// The first date in an element's text when the text is short; its label can name the role
/// (or say it schedules something: then `None`).
fn short_text_date(node: &NodeRef, source: Source, role: Role) -> Option<Candidate> {
    let text = node.text();
    if text.len() > ELEMENT_TEXT_MAX {
        return None;
    }
    let (day, from, _) = find_dates(&text).into_iter().next()?;
    if is_scheduling_label(&text[..from]) {
        return None;
    }
    let label = role_of_label(&text[..from]);
    let role = if label == Role::Unknown { role } else { label };
    parse_date(&day).map(|day| Candidate::day(day, source, role))
}

/// The role that an element's microdata `itemprop` states (`dateModified` inside a
/// `class="published-time"` is a modification date: the itemprop names the field, a class
/// only styles it).
fn role_of_itemprop(node: &NodeRef) -> Option<Role> {
    match &*node.attr("itemprop")? {
        "datePublished" | "dateCreated" => Some(Role::Published),
        "dateModified" => Some(Role::Modified),
        _ => None,
    }
}

/// The role that an element's names give its date (`published` wins over `updated`:
/// `class="entry-date published updated"` marks an article never modified).
fn role_of_names(names: &str) -> Role {
    if PUBLISHED_WORD.is_match(names) {
        Role::Published
    } else if MODIFIED_WORD.is_match(names) {
        Role::Modified
    } else {
        Role::Unknown
    }
}

/// The role that the words before a date give it: the word nearest the date wins
/// (`Published 3 May · Updated 4 May`).
fn role_of_label(words: &str) -> Role {
    let last = |re: &Regex| re.find_iter(words).last().map(|m| m.start());
    match (last(&PUBLISHED_WORD), last(&MODIFIED_WORD)) {
        (Some(p), Some(m)) if m > p => Role::Modified,
        (Some(_), _) => Role::Published,
        (None, Some(_)) => Role::Modified,
        (None, None) => Role::Unknown,
    }
}

/// Whether the text before a date ends inside a sentence: with a lower-case word
/// (`release on`, `since`) in the same block, not a separator, a name, a label or a block's
/// start.
fn in_sentence(before: &str) -> bool {
    before
        .trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(char::is_lowercase)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
