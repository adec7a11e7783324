//! Language identification for samestory (issue 12, item 4): accuracy, coverage and speed of the
//! Rust identifiers on samestory's bodies and on a multilingual sample, cut to the first N chars as
//! `ingest::assemble::detect_lang` cuts them. Prints Markdown tables; `run.sh` prepares the data.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod data;
mod detect;
mod iso;

use data::{Dataset, Doc};
use detect::{Detector, Guess};
use std::collections::HashMap;
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Sample lengths (chars); `usize::MAX` = the whole text.
const NS: &[usize] = &[100, 200, 300, 500, 1000, usize::MAX];

struct Args {
    shared: PathBuf,
    dev_extract: PathBuf,
    examples_extract: PathBuf,
    udhr: PathBuf,
    registry_src: PathBuf,
    detectors: Vec<String>,
    reps: usize,
    errors: Option<PathBuf>,
    skip_speed: bool,
    skip_accuracy: bool,
}

fn args() -> Args {
    let mut a = Args {
        shared: "../../../shared".into(),
        dev_extract: PathBuf::new(),
        examples_extract: PathBuf::new(),
        udhr: PathBuf::new(),
        registry_src: PathBuf::new(),
        detectors: vec![],
        reps: 5,
        errors: None,
        skip_speed: false,
        skip_accuracy: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || {
            it.next()
                .unwrap_or_else(|| die(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--shared" => a.shared = val().into(),
            "--dev-extract" => a.dev_extract = val().into(),
            "--examples-extract" => a.examples_extract = val().into(),
            "--udhr" => a.udhr = val().into(),
            "--registry-src" => a.registry_src = val().into(),
            "--detectors" => a.detectors = val().split(',').map(str::to_string).collect(),
            "--reps" => a.reps = val().parse().unwrap_or_else(|_| die("--reps: a number")),
            "--errors" => a.errors = Some(val().into()),
            "--skip-speed" => a.skip_speed = true,
            "--skip-accuracy" => a.skip_accuracy = true,
            _ => die(&format!("unknown flag {flag}; see run.sh")),
        }
    }
    a
}

fn die(msg: &str) -> ! {
    eprintln!("langid-bench: {msg}");
    std::process::exit(2)
}

/// The first `n` chars of `text`, as samestory's `first_chars`.
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

fn n_label(n: usize) -> String {
    if n == usize::MAX {
        "full".into()
    } else {
        n.to_string()
    }
}

/// Resident memory of this process in MB (Linux).
fn rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}

#[derive(Default, Clone, Copy)]
struct Score {
    n: usize,
    answered: usize,
    correct: usize,
    correct_any: usize,
}

impl Score {
    fn add(&mut self, label: &str, g: &Guess) {
        self.n += 1;
        let right = g.lang.as_deref() == Some(label);
        self.answered += (g.confident && g.lang.is_some()) as usize;
        self.correct += (g.confident && right) as usize;
        self.correct_any += right as usize;
    }
    fn pct(a: usize, b: usize) -> f64 {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }
}

fn main() {
    let a = args();
    let datasets = load(&a);
    println!("# Language identification bench\n");
    for d in &datasets {
        println!("- **{}**: {}", d.name, d.note);
    }
    println!();

    let mut dets = Vec::new();
    let mut load_rows = Vec::new();
    for name in [
        "whatlang",
        "whatlang-200+",
        "whichlang",
        "whichlang-p90",
        "whichlang-p99",
        "langid-rs",
        "cld2",
        "lingua-low",
        "lingua-high",
    ] {
        if !a.detectors.is_empty() && !a.detectors.iter().any(|d| d == name) {
            continue;
        }
        let before = rss_mb();
        let t = Instant::now();
        let mut built = detect::all(&[name.to_string()]);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if let Some(d) = built.pop() {
            // first call: lazily built tables (whatlang, whichlang) count as load
            black_box(d.detect("warm up the detector"));
            load_rows.push((name, ms, rss_mb() - before));
            dets.push(d);
        }
    }

    if !a.skip_accuracy {
        let scores = accuracy(&dets, &datasets, a.errors.as_ref());
        print_accuracy(&dets, &datasets, &scores);
        print_raw(&dets, &datasets, &scores);
        print_pairs(&dets, &datasets);
    }
    println!("\n## Load (detector built, models preloaded)\n");
    println!("| detector | load ms | RSS added MB |\n|---|---:|---:|");
    for (n, ms, mb) in &load_rows {
        println!("| {n} | {ms:.0} | {mb:.0} |");
    }
    if !a.skip_speed {
        speed(&dets, &datasets, a.reps);
    }
}

fn load(a: &Args) -> Vec<Dataset> {
    let ok = |what: &str, r: Result<Dataset, Box<dyn std::error::Error>>| {
        r.unwrap_or_else(|e| die(&format!("{what}: {e}")))
    };
    let mut out = Vec::new();
    let dev =
        data::read_extract(&a.dev_extract).unwrap_or_else(|e| die(&format!("--dev-extract: {e}")));
    out.push(ok("metadata-dev", data::metadata_dev(&a.shared, &dev)));
    out.push(ok("scrapinghub", data::scrapinghub(&a.shared)));
    let ex = data::read_extract(&a.examples_extract)
        .unwrap_or_else(|e| die(&format!("--examples-extract: {e}")));
    out.push(data::examples(&ex));
    let (s, l) = data::udhr(&a.udhr).unwrap_or_else(|e| die(&format!("--udhr: {e}")));
    out.extend([s, l]);
    let (s, l) =
        data::leipzig(&a.registry_src).unwrap_or_else(|e| die(&format!("--registry-src: {e}")));
    out.extend([s, l]);
    out
}

type Scores = HashMap<(String, &'static str, usize), Score>;

/// Every detector on every dataset at every sample length. With `errors`, writes one line per
/// confident wrong answer on the whole text (for checking labels by hand).
fn accuracy(dets: &[Box<dyn Detector>], sets: &[Dataset], errors: Option<&PathBuf>) -> Scores {
    let mut scores = Scores::new();
    let mut err =
        errors.map(|p| std::fs::File::create(p).unwrap_or_else(|e| die(&format!("--errors: {e}"))));
    for set in sets {
        for d in dets {
            for &n in NS {
                let s = scores.entry((set.name.clone(), d.name(), n)).or_default();
                for doc in &set.docs {
                    let g = d.detect(first_chars(&doc.text, n));
                    s.add(&doc.label, &g);
                    if let (Some(f), true) = (err.as_mut(), n == usize::MAX && g.confident) {
                        if g.lang.as_deref() != Some(doc.label.as_str()) {
                            let head: String = doc
                                .text
                                .chars()
                                .take(100)
                                .collect::<String>()
                                .replace('\n', " ");
                            let _ = writeln!(
                                f,
                                "{}\t{}\t{}\t{}\t{:?}\t{}",
                                set.name,
                                doc.id,
                                d.name(),
                                doc.label,
                                g.lang,
                                head
                            );
                        }
                    }
                }
            }
        }
    }
    scores
}

fn print_accuracy(dets: &[Box<dyn Detector>], sets: &[Dataset], scores: &Scores) {
    println!("## Accuracy · coverage (%), by sample length N (first N chars)\n");
    println!("Cell: share of texts given the right language confidently · share given any confident answer.\n");
    for set in sets {
        println!("### {} ({} texts)\n", set.name, set.docs.len());
        print!("| detector |");
        NS.iter().for_each(|&n| print!(" N={} |", n_label(n)));
        print!("\n|---|");
        NS.iter().for_each(|_| print!("---:|"));
        println!();
        for d in dets {
            print!("| {} |", d.name());
            for &n in NS {
                let s = scores[&(set.name.clone(), d.name(), n)];
                print!(
                    " {:.1} · {:.1} |",
                    Score::pct(s.correct, s.n),
                    Score::pct(s.answered, s.n)
                );
            }
            println!();
        }
        println!();
    }
}

/// Accuracy when every answer is kept, confident or not, and precision of the confident ones.
fn print_raw(dets: &[Box<dyn Detector>], sets: &[Dataset], scores: &Scores) {
    println!(
        "## Whole text: precision of confident answers, and accuracy keeping every answer (%)\n"
    );
    print!("| detector |");
    sets.iter().for_each(|s| print!(" {} prec / any |", s.name));
    print!("\n|---|");
    sets.iter().for_each(|_| print!("---:|"));
    println!();
    for d in dets {
        print!("| {} |", d.name());
        for set in sets {
            let s = scores[&(set.name.clone(), d.name(), usize::MAX)];
            print!(
                " {:.1} / {:.1} |",
                Score::pct(s.correct, s.answered),
                Score::pct(s.correct_any, s.n)
            );
        }
        println!();
    }
}

/// Close pairs: per-language accuracy on the short multilingual texts, and the commonest wrong
/// confident answer.
fn print_pairs(dets: &[Box<dyn Detector>], sets: &[Dataset]) {
    const PAIRS: &[&str] = &[
        "spa", "por", "cat", "dan", "nor", "swe", "ces", "slk", "hrv", "srp", "bos", "mkd", "bul",
        "rus", "ukr", "ind", "msa", "zho", "jpn",
    ];
    for set in sets.iter().filter(|s| s.name.ends_with("-short")) {
        println!(
            "\n## Close pairs, {} (accuracy %, commonest confident wrong answer)\n",
            set.name
        );
        print!("| lang |");
        dets.iter().for_each(|d| print!(" {} |", d.name()));
        print!("\n|---|");
        dets.iter().for_each(|_| print!("---|"));
        println!();
        for &l in PAIRS {
            let docs: Vec<&Doc> = set.docs.iter().filter(|d| d.label == l).collect();
            if docs.is_empty() {
                continue;
            }
            print!("| {l} ({}) |", docs.len());
            for d in dets {
                let mut right = 0;
                let mut wrong: HashMap<String, usize> = HashMap::new();
                for doc in &docs {
                    let g = d.detect(&doc.text);
                    match (g.confident, g.lang) {
                        (true, Some(x)) if x == l => right += 1,
                        (true, Some(x)) => *wrong.entry(x).or_default() += 1,
                        _ => {}
                    }
                }
                let top = wrong
                    .into_iter()
                    .max_by_key(|(k, v)| (*v, std::cmp::Reverse(k.clone())));
                match top {
                    Some((x, c)) => print!(" {:.0} ({x} {c}) |", Score::pct(right, docs.len())),
                    None => print!(" {:.0} |", Score::pct(right, docs.len())),
                }
            }
            println!();
        }
    }
}

/// A (detector, N) stops being timed after `MIN_PASSES` passes once its passes add up to more
/// than this many seconds (lingua takes ~1 min a pass on whole bodies).
const PASS_BUDGET_S: f64 = 20.0;
const MIN_PASSES: usize = 3;

/// µs per document on samestory's real bodies (metadata-dev + scrapinghub + examples), one
/// thread, each pass over every body cut to N chars; `reps` passes, detectors and N interleaved.
fn speed(dets: &[Box<dyn Detector>], sets: &[Dataset], reps: usize) {
    let bodies: Vec<&str> = sets
        .iter()
        .filter(|s| !s.name.contains('-') || s.name == "metadata-dev")
        .flat_map(|s| s.docs.iter().map(|d| d.text.as_str()))
        .collect();
    let mut times: HashMap<(&str, usize), Vec<f64>> = HashMap::new();
    for _ in 0..reps {
        for d in dets {
            for &n in NS {
                let v = times.entry((d.name(), n)).or_default();
                let spent_s = v.iter().sum::<f64>() * bodies.len() as f64 / 1e6;
                if v.len() >= MIN_PASSES && spent_s > PASS_BUDGET_S {
                    continue;
                }
                let samples: Vec<&str> = bodies.iter().map(|b| first_chars(b, n)).collect();
                let t = Instant::now();
                for s in &samples {
                    black_box(d.detect(black_box(s)));
                }
                let us = t.elapsed().as_secs_f64() * 1e6 / samples.len() as f64;
                times.entry((d.name(), n)).or_default().push(us);
            }
        }
    }
    let mean_chars: Vec<f64> = NS
        .iter()
        .map(|&n| {
            bodies
                .iter()
                .map(|b| first_chars(b, n).chars().count() as f64)
                .sum::<f64>()
                / bodies.len() as f64
        })
        .collect();
    println!(
        "\n## Speed: µs per document, one thread ({} real bodies; median (min–max) of up to {reps} \
         passes, at least {MIN_PASSES}, fewer once a cell has taken {PASS_BUDGET_S} s)\n",
        bodies.len()
    );
    print!("| detector |");
    NS.iter()
        .zip(&mean_chars)
        .for_each(|(&n, c)| print!(" N={} (avg {c:.0} chars) |", n_label(n)));
    print!("\n|---|");
    NS.iter().for_each(|_| print!("---:|"));
    println!();
    for d in dets {
        print!("| {} |", d.name());
        for &n in NS {
            let mut v = times[&(d.name(), n)].clone();
            v.sort_by(f64::total_cmp);
            let fmt = |x: f64| {
                if x >= 100.0 {
                    format!("{x:.0}")
                } else {
                    format!("{x:.1}")
                }
            };
            print!(
                " {} ({}–{}) |",
                fmt(v[v.len() / 2]),
                fmt(v[0]),
                fmt(v[v.len() - 1])
            );
        }
        println!();
    }
}
