//! Metadata normalisers shared by every extractor: dates to `YYYY-MM-DD`, URLs to canonical form.

pub mod date;
pub mod url;
