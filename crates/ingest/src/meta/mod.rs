//! Metadata normalisers shared by every extractor: dates to `YYYY-MM-DD` (month names in
//! several languages), date-times with an offset to RFC 3339 publication times, URLs to
//! canonical form.

pub mod date;
pub mod months;
pub mod people;
pub mod timestamp;
pub mod url;
