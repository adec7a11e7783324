//! rs-trafilatura as an alternative body extractor (cargo feature `trafilatura`), kept for
//! comparison in `bench/extraction`; the shipped extractor is [`super::body`].

/// Body text according to rs-trafilatura, paragraphs joined by `"\n\n"`; empty on failure.
pub fn trafilatura_body(html: &str) -> String {
    let Ok(result) = rs_trafilatura::extract(html) else {
        return String::new();
    };
    let paragraphs: Vec<String> = result
        .content_text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    paragraphs.join("\n\n")
}
