//! The authors a page declares in markup: JSON-LD `author` (persons; organisations go to
//! credit) and every author `<meta>` tag (all of them: `Page.metas` keeps only the first of
//! each key, so the tags are read again here in one pass).

use super::is_name;
use crate::html::metadata::Page;
use crate::meta::people::{classify, parse_byline, Credits, Named, SiteNames};

/// Meta keys naming the authors, in groups: scholarly and Dublin Core tags list every author
/// one per tag; the others name the byline.
const META_GROUPS: &[&[&str]] = &[
    &[
        "citation_author",
        "dc.creator",
        "dcterms.creator",
        "dc.contributor",
    ],
    &[
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "byl",
        "og:article:author",
        "article:author_name",
    ],
];

/// What the markup declares.
pub struct Declared {
    /// The persons and credit.
    pub credits: Credits,
}

/// The declared persons (JSON-LD first, else the first meta group that names one) and the
/// declared credit.
pub fn credits(page: &Page, site: &SiteNames) -> Declared {
    let found = from_jsonld(page, site);
    Declared {
        credits: with_metas(found, page, site),
    }
}

fn with_metas(mut found: Credits, page: &Page, site: &SiteNames) -> Credits {
    let metas = meta_values(page);
    for (g, group) in metas.iter().enumerate() {
        let from_meta = if g == 0 {
            let turned: Vec<String> = group.iter().map(|v| turn_inverted(v)).collect();
            from_values(&turned, site)
        } else {
            from_values(group, site)
        };
        if found.persons.is_empty() {
            found.absorb(from_meta);
        } else {
            found.credit = found.credit.or(from_meta.credit);
        }
    }
    found
}

fn from_jsonld(page: &Page, site: &SiteNames) -> Credits {
    let mut found = from_values(&page.ld.authors, site);
    for organisation in &page.ld.author_organizations {
        let credit = match classify(organisation) {
            Named::Agency(a) => Some(a),
            _ if site.is_site(organisation) => None,
            _ => Some(organisation.clone()),
        };
        found.absorb(Credits {
            persons: Vec::new(),
            credit,
        });
    }
    found
}

fn from_values(values: &[String], site: &SiteNames) -> Credits {
    let mut found = Credits::default();
    for value in values.iter().filter(|v| is_name(v)) {
        found.absorb(parse_byline(value, site));
    }
    found
}

/// The contents of every author meta tag, grouped as [`META_GROUPS`], in page order.
fn meta_values(page: &Page) -> Vec<Vec<String>> {
    let mut groups = vec![Vec::new(); META_GROUPS.len()];
    for node in page.doc.select("head meta[content]").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let key = ["name", "property"]
            .iter()
            .find_map(|a| node.attr(a))
            .map(|k| k.trim().to_ascii_lowercase());
        let Some(key) = key else { continue };
        if let Some(g) = META_GROUPS.iter().position(|g| g.contains(&key.as_str())) {
            groups[g].push(content.trim().to_string());
        }
    }
    groups
}

/// "Roe, Jane" (one person, family name first, as scholarly tags write it) → "Jane Roe".
fn turn_inverted(value: &str) -> String {
    match value.split_once(',') {
        Some((family, given))
            if !given.contains(',')
                && !given.trim().is_empty()
                && family.split_whitespace().count() <= 2 =>
        {
            format!("{} {}", given.trim(), family.trim())
        }
        _ => value.to_string(),
    }
}
