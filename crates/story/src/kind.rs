//! Feature kinds and their one-char tags: a feature is a string, a content-term stem as is,
//! or an entity name (`@`), a place (`#`) or a mentioned date (`~`) with its tag in front.
//! UAX#29 words never start with these symbols, so tags cannot collide with stems.

use samestory_core::StoryConfig;

/// What a story feature is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A stemmed content word.
    Term,
    /// A capitalised span (person, organisation…).
    Name,
    /// A gazetteer place, folded to its country.
    Place,
    /// A mentioned calendar day `MM-DD`.
    Date,
}

impl Kind {
    /// The kind of a feature string.
    pub fn of(feature: &str) -> Kind {
        match feature.as_bytes().first() {
            Some(b'@') => Kind::Name,
            Some(b'#') => Kind::Place,
            Some(b'~') => Kind::Date,
            _ => Kind::Term,
        }
    }

    /// The feature string of `text` for this kind.
    pub fn tag(self, text: &str) -> String {
        match self {
            Kind::Term => text.to_owned(),
            Kind::Name => format!("@{text}"),
            Kind::Place => format!("#{text}"),
            Kind::Date => format!("~{text}"),
        }
    }

    /// The feature's text without its tag.
    pub fn untag(feature: &str) -> &str {
        match Kind::of(feature) {
            Kind::Term => feature,
            _ => &feature[1..],
        }
    }

    /// The configured weight multiplier of this kind.
    pub fn multiplier(self, cfg: &StoryConfig) -> f32 {
        match self {
            Kind::Term => 1.0,
            Kind::Name | Kind::Place => cfg.entity_weight,
            Kind::Date => cfg.date_weight,
        }
    }
}
