//! The seeds through the quote extractor: every seed document that quotes one of the four
//! officials of the story has at least one quote attributed to that official by name.

mod support;

/// (seed id prefix, surname of a person the document quotes).
const QUOTED: &[(&str, &str)] = &[
    ("000_", "Kuleba"),
    ("000_", "Stoltenberg"),
    ("000_", "Zakharova"),
    ("000_", "Konashenkov"),
    ("001_", "Kuleba"),
    ("001_", "Stoltenberg"),
    ("001_", "Zakharova"),
    ("001_", "Konashenkov"),
    ("002_", "Kuleba"),
    ("002_", "Stoltenberg"),
    ("002_", "Zakharova"),
    ("002_", "Konashenkov"),
    ("003_", "Kuleba"),
    ("003_", "Stoltenberg"),
    ("003_", "Konashenkov"),
    ("004_", "Kuleba"),
    ("004_", "Stoltenberg"),
    ("004_", "Zakharova"),
    ("004_", "Konashenkov"),
];

#[test]
fn each_official_speaks_in_every_seed_that_quotes_them() {
    let Some(seeds) = support::seed_facts() else {
        return;
    };
    let mut missing = Vec::new();
    for (prefix, surname) in QUOTED {
        let Some((_, facts)) = seeds.iter().find(|(d, _)| d.id.starts_with(prefix)) else {
            missing.push(format!("{prefix}: no such seed"));
            continue;
        };
        let spoke = facts.quotes.iter().any(|q| {
            q.speaker
                .as_deref()
                .is_some_and(|s| s.split_whitespace().last() == Some(*surname))
        });
        if !spoke {
            let speakers: Vec<_> = facts.quotes.iter().map(|q| q.speaker.clone()).collect();
            missing.push(format!("{prefix}: {surname} not a speaker in {speakers:?}"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn one_person_has_one_name_within_a_seed() {
    let Some(seeds) = support::seed_facts() else {
        return;
    };
    for (doc, facts) in &seeds {
        for q in &facts.quotes {
            if let Some(s) = q.speaker.as_deref() {
                if s.ends_with("Stoltenberg") {
                    assert_eq!(s, "Jens Stoltenberg", "{}", doc.id);
                }
            }
        }
    }
}
