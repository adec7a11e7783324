//! One date a page states, with where it was read ([`Source`]) and what it claims to be
//! ([`Role`]). Plain data: no DOM, no parsing beyond turning a string into a candidate.

use crate::meta::date::parse_date;
use crate::meta::timestamp::{day_of, parse_timestamp};

/// Where a candidate date was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// JSON-LD of an article object.
    JsonLd,
    /// JSON-LD of a plain `WebPage` (CMS dates, often shown nowhere).
    JsonLdPage,
    /// A `<meta>` tag that names a publication date.
    Meta,
    /// A `<meta>` tag with a generic date name (`date`, `dc.date`, `dcterms.date`): the
    /// CMS's date of the page, which may be its publication, its issue or its last save.
    MetaDate,
    /// A microdata `itemprop` element outside `<meta>`.
    Microdata,
    /// A `"datePublished": "…"`-style key inside another `<script>`.
    InlineJson,
    /// A `<time>` element near the headline.
    TimeElement,
    /// An element whose class or id names a date, near the headline.
    DateClass,
    /// Visible text near the headline.
    Text,
    /// The URL path.
    UrlPath,
}

/// What a candidate says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The publication (or creation) date.
    Published,
    /// A modification date.
    Modified,
    /// Not said.
    Unknown,
}

/// A date stated by the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// `YYYY-MM-DD`, in the offset the page wrote it in.
    pub day: String,
    /// RFC 3339 time of day with offset, when the source gave one.
    pub timestamp: Option<String>,
    /// Where it was read.
    pub source: Source,
    /// What it claims to be.
    pub role: Role,
}

impl Candidate {
    /// Reads `value` (an ISO, RFC 2822 or written date, optionally with a time and offset);
    /// `None` when it holds no date.
    pub fn parse(value: &str, source: Source, role: Role) -> Option<Candidate> {
        let timestamp = parse_timestamp(value);
        let day = match &timestamp {
            Some(t) => day_of(t).to_string(),
            None => parse_date(value)?,
        };
        Some(Candidate {
            day,
            timestamp,
            source,
            role,
        })
    }

    /// A candidate for a day already normalised (no time of day).
    pub fn day(day: String, source: Source, role: Role) -> Candidate {
        Candidate {
            day,
            timestamp: None,
            source,
            role,
        }
    }

    /// Whether the page shows this date to a reader (not only in markup).
    pub fn is_visible(&self) -> bool {
        matches!(
            self.source,
            Source::TimeElement | Source::DateClass | Source::Text
        )
    }
}
