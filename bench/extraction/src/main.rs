//! `extraction-bench`: runs every body extractor over a folder of `<id>.html.gz` pages,
//! writes one prediction file per extractor (`{"<id>": {"articleBody": …}}`, the shape the
//! shared scorer reads) and prints one JSON line per extractor with its single-threaded speed;
//! also writes `metadata.jsonl`, what our metadata pass found on each page.
//!
//! Only the extraction call is timed (not reading or gunzipping); with `--repeat N` the
//! fastest of N passes is reported. Usage: `extraction-bench HTML_DIR OUT_DIR [--repeat N]`.
#![allow(clippy::print_stdout)]

use anyhow::{Context, Result};
use samestory_core::IngestConfig;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One page: its id (file name without `.html.gz`) and decoded HTML.
struct Page {
    id: String,
    html: String,
}

/// A named extractor: HTML in, body text out.
type Extractor = (&'static str, fn(&str) -> String);

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (html_dir, out_dir, repeat) = parse_args(&args)?;
    let pages = load_pages(&html_dir)?;
    std::fs::create_dir_all(&out_dir).with_context(|| format!("{}: create", out_dir.display()))?;
    for (name, extract) in extractors() {
        let (bodies, best) = run(&pages, extract, repeat);
        write_predictions(&out_dir.join(format!("{name}.json")), &pages, &bodies)?;
        let per_sec = pages.len() as f64 / best.as_secs_f64();
        println!(
            "{}",
            serde_json::json!({"extractor": name, "pages": pages.len(), "pages_per_sec": per_sec})
        );
    }
    write_metadata(&out_dir.join("metadata.jsonl"), &pages)
}

fn parse_args(args: &[String]) -> Result<(PathBuf, PathBuf, usize)> {
    let usage = "usage: extraction-bench HTML_DIR OUT_DIR [--repeat N]";
    let (mut positional, mut repeat) = (Vec::new(), 1);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--repeat" {
            repeat = iter.next().context(usage)?.parse().context(usage)?;
        } else {
            positional.push(PathBuf::from(arg));
        }
    }
    let [html, out] = <[PathBuf; 2]>::try_from(positional).map_err(|_| anyhow::anyhow!(usage))?;
    Ok((html, out, repeat.max(1)))
}

fn extractors() -> Vec<Extractor> {
    let ours: [Extractor; 3] = [
        ("samestory", ours),
        ("dom_smoothie_raw", |h| {
            smoothie(h, dom_smoothie::TextMode::Raw)
        }),
        ("dom_smoothie_formatted", |h| {
            smoothie(h, dom_smoothie::TextMode::Formatted)
        }),
    ];
    ours.into_iter().chain(trafilatura()).collect()
}

#[cfg(feature = "trafilatura")]
fn trafilatura() -> Option<Extractor> {
    Some((
        "rs_trafilatura",
        samestory_ingest::html::trafilatura::trafilatura_body,
    ))
}

/// Without the `trafilatura` feature there is no rs-trafilatura row.
#[cfg(not(feature = "trafilatura"))]
fn trafilatura() -> Option<Extractor> {
    None
}

/// Our extractor as shipped: metadata pass + body.
fn ours(html: &str) -> String {
    samestory_ingest::html::extract(html, &IngestConfig::default()).body
}

/// dom_smoothie 0.19 with its default configuration.
fn smoothie(html: &str, text_mode: dom_smoothie::TextMode) -> String {
    let cfg = dom_smoothie::Config {
        text_mode,
        ..Default::default()
    };
    dom_smoothie::Readability::new(html, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

/// Runs `extract` over all pages `repeat` times; returns the bodies and the fastest pass.
fn run(pages: &[Page], extract: fn(&str) -> String, repeat: usize) -> (Vec<String>, Duration) {
    let mut best = Duration::MAX;
    let mut bodies = Vec::new();
    for _ in 0..repeat {
        bodies.clear();
        let mut total = Duration::ZERO;
        for page in pages {
            let start = Instant::now();
            let body = extract(&page.html);
            total += start.elapsed();
            bodies.push(body);
        }
        best = best.min(total);
    }
    (bodies, best)
}

fn load_pages(dir: &Path) -> Result<Vec<Page>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: read dir", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load_page(p)).collect()
}

fn load_page(path: &Path) -> Result<Page> {
    let file = std::fs::File::open(path).with_context(|| format!("{}: open", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: gunzip", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Page {
        id: name.trim_end_matches(".html.gz").to_string(),
        html: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

fn write_predictions(path: &Path, pages: &[Page], bodies: &[String]) -> Result<()> {
    let map: serde_json::Map<String, serde_json::Value> = pages
        .iter()
        .zip(bodies)
        .map(|(p, b)| (p.id.clone(), serde_json::json!({ "articleBody": b })))
        .collect();
    let text = serde_json::to_string(&map)?;
    std::fs::write(path, text).with_context(|| format!("{}: write", path.display()))
}

/// Writes what our metadata pass finds on each page, one JSON object a line, for inspection.
fn write_metadata(path: &Path, pages: &[Page]) -> Result<()> {
    let mut lines = String::new();
    for page in pages {
        let ex = samestory_ingest::html::extract(&page.html, &IngestConfig::default());
        let row = serde_json::json!({
            "id": page.id, "title": ex.title, "date": ex.date, "url": ex.url,
            "byline": ex.byline, "outlet": ex.outlet, "lang": ex.declared_lang,
        });
        lines.push_str(&row.to_string());
        lines.push('\n');
    }
    std::fs::write(path, lines).with_context(|| format!("{}: write", path.display()))
}
