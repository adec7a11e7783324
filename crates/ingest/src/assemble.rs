//! Assembly: one [`Extracted`] record + its id → a [`Document`]. Canonicalises the URL, derives
//! the outlet from the URL's host when the page names none, detects the language, and keeps the
//! publication time only when its day is the publication date (so `published` never
//! contradicts `date`). The only place where these rules live.

use crate::meta::people::{parse_byline, SiteNames};
use crate::meta::timestamp::day_of;
use crate::meta::url::{canonical_url, host_of};
use crate::Extracted;
use samestory_core::{Document, Format, IngestConfig, Metadata};

/// Identity of a record, decided by the container it came from.
#[derive(Clone, Debug)]
pub struct Record {
    /// Document id.
    pub id: String,
    /// Source shown in output (`path`, `path:LINE`, `path#record-id`).
    pub source: String,
    /// Shape of the record.
    pub format: Format,
}

/// Builds the final document.
pub fn assemble(record: Record, ex: Extracted, cfg: &IngestConfig) -> Document {
    let url = ex.url.as_deref().and_then(canonical_url);
    let outlet = clean_field(ex.outlet).or_else(|| url.as_deref().and_then(host_of));
    let lang = detect_lang(&ex.body, cfg).or_else(|| declared_lang(ex.declared_lang.as_deref()));
    let people = authors_of(ex.authors, ex.byline, ex.credit);
    Document {
        id: record.id,
        source: record.source,
        format: record.format,
        meta: Metadata {
            title: clean_field(ex.title),
            published: published_on(ex.published, ex.date.as_deref()),
            date: ex.date,
            url,
            authors: people.persons,
            byline: people.byline,
            credit: people.credit,
            outlet,
            lang,
        },
        body: ex.body,
        removed: ex.removed,
    }
}

/// Who a document credits.
struct People {
    byline: Option<String>,
    persons: Vec<String>,
    credit: Option<String>,
}

/// The persons and credit as extracted when the extractor judged them (HTML gives persons);
/// else the raw byline (a text header, a JSON Lines field) read by
/// [`crate::meta::people::parse_byline`]: labels, titles, handles and organisations out, an
/// agency or desk to `credit`.
fn authors_of(persons: Vec<String>, byline: Option<String>, credit: Option<String>) -> People {
    let byline = clean_field(byline);
    let credit = clean_field(credit);
    if !persons.is_empty() || byline.is_none() {
        return People {
            byline,
            persons,
            credit,
        };
    }
    let read = parse_byline(byline.as_deref().unwrap_or_default(), &SiteNames::default());
    People {
        byline: read.byline(),
        credit: credit.or(read.credit),
        persons: read.persons,
    }
}

/// The publication time when its day (in its own offset) is `date`; else `None`.
fn published_on(published: Option<String>, date: Option<&str>) -> Option<String> {
    published.filter(|p| date == Some(day_of(p)))
}

fn clean_field(value: Option<String>) -> Option<String> {
    let v = value?;
    let collapsed = v.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// ISO 639-3 code of the body's language when whatlang is confident: on the first
/// `lang_quick_chars` chars, else on the first `lang_sample_chars`.
fn detect_lang(body: &str, cfg: &IngestConfig) -> Option<String> {
    if !cfg.detect_language || body.chars().take(cfg.lang_min_chars).count() < cfg.lang_min_chars {
        return None;
    }
    let quick = first_chars(body, cfg.lang_quick_chars.min(cfg.lang_sample_chars));
    let lang = reliable_lang(quick).or_else(|| {
        let sample = first_chars(body, cfg.lang_sample_chars);
        (sample.len() > quick.len())
            .then(|| reliable_lang(sample))
            .flatten()
    })?;
    Some(lang.code().to_string())
}

/// whatlang's answer for `text`, when it calls it reliable.
fn reliable_lang(text: &str) -> Option<whatlang::Lang> {
    whatlang::detect(text)
        .filter(|info| info.is_reliable())
        .map(|info| info.lang())
}

/// The first `n` chars of `text` (all of it when shorter).
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// A declared language tag (`en-US`) mapped to ISO 639-3 when whatlang knows it.
fn declared_lang(tag: Option<&str>) -> Option<String> {
    let primary = tag?.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    whatlang::Lang::all()
        .iter()
        .find(|l| iso639_1(l) == Some(primary.as_str()) || l.code() == primary)
        .map(|l| l.code().to_string())
}

fn iso639_1(lang: &whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Rus => "ru",
        Ukr => "uk",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Ces => "cs",
        Ell => "el",
        Heb => "he",
        Hun => "hu",
        Ron => "ro",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            id: "a".into(),
            source: "a".into(),
            format: Format::Text,
        }
    }

    #[test]
    fn a_raw_byline_is_read_into_persons_and_credit() {
        let people = |byline: &str| {
            let ex = Extracted {
                byline: Some(byline.into()),
                body: "Short body.".into(),
                ..Extracted::default()
            };
            let doc = assemble(record(), ex, &IngestConfig::default());
            (doc.meta.byline, doc.meta.authors, doc.meta.credit)
        };
        let (byline, authors, credit) = people("By Ann Lee, Bo Park, AP");
        assert_eq!(byline.as_deref(), Some("Ann Lee and Bo Park"));
        assert_eq!(authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(credit.as_deref(), Some("AP"));
        assert_eq!(people("Staff Reports").0, None);
        assert_eq!(people("annlee42").0, None);
    }

    #[test]
    fn outlet_falls_back_to_host_and_url_is_canonical() {
        let ex = Extracted {
            url: Some("https://WWW.Example.org/story/?utm_medium=x".into()),
            body: "The council voted on Tuesday to expand the harbour ferry service.".into(),
            ..Extracted::default()
        };
        let doc = assemble(record(), ex, &IngestConfig::default());
        assert_eq!(
            doc.meta.url.as_deref(),
            Some("https://www.example.org/story")
        );
        assert_eq!(doc.meta.outlet.as_deref(), Some("example.org"));
        assert_eq!(doc.meta.lang.as_deref(), Some("eng"));
    }

    #[test]
    fn publication_time_is_kept_only_on_the_publication_day() {
        let with = |date: Option<&str>, published: &str| {
            let ex = Extracted {
                date: date.map(String::from),
                published: Some(published.into()),
                body: "Short body.".into(),
                ..Extracted::default()
            };
            assemble(record(), ex, &IngestConfig::default())
                .meta
                .published
        };
        let late = "2022-02-15T23:30:00-05:00";
        assert_eq!(with(Some("2022-02-15"), late).as_deref(), Some(late));
        assert_eq!(with(Some("2022-02-16"), late), None);
        assert_eq!(with(None, late), None);
    }

    #[test]
    fn language_detection_can_be_turned_off() {
        let ex = Extracted {
            body: "The council voted on Tuesday to expand the harbour ferry service.".into(),
            ..Extracted::default()
        };
        let off = IngestConfig {
            detect_language: false,
            ..IngestConfig::default()
        };
        assert_eq!(assemble(record(), ex.clone(), &off).meta.lang, None);
        let declared = Extracted {
            declared_lang: Some("en-GB".into()),
            ..ex
        };
        assert_eq!(
            assemble(record(), declared, &off).meta.lang.as_deref(),
            Some("eng")
        );
    }

    #[test]
    fn language_is_read_on_a_short_sample_first_and_a_long_one_when_unsure() {
        const GERMAN: &str = "Der Stadtrat hat am Dienstag beschlossen, die Fähre über den \
            Hafen künftig jede halbe Stunde fahren zu lassen, weil die Zahl der Pendler stark \
            gestiegen ist und die Brücke seit Monaten gesperrt bleibt.";
        const ENGLISH: &str = "The council voted on Tuesday to expand the harbour ferry service.";
        let cfg = IngestConfig {
            lang_quick_chars: 40,
            ..IngestConfig::default()
        };
        let lang = |body: String| detect_lang(&body, &cfg);
        // Unsure on the first 40 chars (only times): the long sample decides.
        assert_eq!(
            lang(format!("12:30 / 14:45 / 16:00 / 18:15 / 20:30 / {GERMAN}")).as_deref(),
            Some("deu")
        );
        // Sure on the first 40 chars: the long sample is never read.
        assert_eq!(
            lang(format!("{ENGLISH} {GERMAN} {GERMAN}")).as_deref(),
            Some("eng")
        );
        let long_only = IngestConfig {
            lang_quick_chars: 1000,
            ..cfg.clone()
        };
        assert_eq!(
            detect_lang(&format!("{ENGLISH} {GERMAN} {GERMAN}"), &long_only).as_deref(),
            Some("deu")
        );
    }

    #[test]
    fn language_sample_is_the_first_chars() {
        for text in ["", "ab", "Grüße aus Köln", "日本語のテキスト"] {
            for n in 0..6 {
                let taken: String = text.chars().take(n).collect();
                assert_eq!(first_chars(text, n), taken, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn short_body_uses_declared_language_or_none() {
        let ex = Extracted {
            body: "Hi".into(),
            ..Extracted::default()
        };
        assert_eq!(
            assemble(record(), ex.clone(), &IngestConfig::default())
                .meta
                .lang,
            None
        );
        let ex = Extracted {
            declared_lang: Some("de-DE".into()),
            ..ex
        };
        assert_eq!(
            assemble(record(), ex, &IngestConfig::default())
                .meta
                .lang
                .as_deref(),
            Some("deu")
        );
    }
}
