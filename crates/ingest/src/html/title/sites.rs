//! The names a page's site goes by, for telling a site-name segment from a headline: its
//! outlet (`og:site_name`, JSON-LD publisher), `application-name`, the Twitter handle, and its
//! URL's host (whole, "example.com", and by label, "example"). Names are compared squashed:
//! lower-cased, letters and digits only. Reads the page's fields, never the DOM tree.

use super::super::metadata::Page;

/// Labels of a host that name no site ("www", "co" of "co.uk", …).
const NOT_SITE_LABELS: &[&str] = &[
    "www", "www2", "m", "amp", "mobile", "co", "com", "org", "net", "gov", "ac", "edu", "blog",
    "blogs", "news",
];
/// A name shorter than this (squashed) is not matched inside a longer segment.
const MIN_PARTIAL_LEN: usize = 4;

/// The squashed names of one page's site.
#[derive(Clone, Debug, Default)]
pub struct SiteNames {
    names: Vec<String>,
}

impl SiteNames {
    /// The names `page` states for its site, and its host's.
    pub fn of(page: &Page) -> Self {
        let metas = page.metas;
        let stated = [
            page.outlet.map(str::to_string),
            metas.get("og:site_name").cloned(),
            metas.get("application-name").cloned(),
            metas
                .get("twitter:site")
                .map(|h| h.trim_start_matches('@').to_string()),
            page.ld.publisher.clone(),
        ];
        let mut sites = Self::from_names(stated.iter().flatten().map(String::as_str));
        if let Some(url) = page.url {
            sites.add_host_of(url);
        }
        sites
    }

    /// Site names from plain names (no URL).
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut sites = Self::default();
        for name in names {
            sites.add(&squash(name));
        }
        sites
    }

    /// Adds the host of `url`, whole and by label.
    pub fn add_host_of(&mut self, url: &str) {
        let Some(host) = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        else {
            return;
        };
        let host = host.trim_start_matches("www.");
        self.add(&squash(host));
        let labels: Vec<&str> = host.split('.').collect();
        let Some((_, named)) = labels.split_last() else {
            return;
        };
        for label in named {
            if !NOT_SITE_LABELS.contains(label) && label.len() >= 3 {
                self.add(&squash(label));
            }
        }
    }

    fn add(&mut self, squashed: &str) {
        if !squashed.is_empty() && !self.names.iter().any(|n| n == squashed) {
            self.names.push(squashed.to_string());
        }
    }

    /// True when `segment` is one of the site's names.
    pub fn is_site(&self, segment: &str) -> bool {
        let segment = squash(segment);
        !segment.is_empty() && self.names.contains(&segment)
    }

    /// True when `segment` is a site name or starts or ends with one ("Example Gazette
    /// Online" for "examplegazette").
    pub fn mentions_site(&self, segment: &str) -> bool {
        let segment = squash(segment);
        !segment.is_empty()
            && self.names.iter().any(|name| {
                *name == segment
                    || (name.len() >= MIN_PARTIAL_LEN
                        && (segment.starts_with(name.as_str()) || segment.ends_with(name.as_str())))
            })
    }
}

/// Lower-cased letters and digits of `text`.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
