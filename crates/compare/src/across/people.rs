//! Who is who across a story's documents: one speaker per person, however each document
//! names them ("Dmytro Kuleba", "Kuleba", "Foreign Minister Dmytro Kuleba" once titles are
//! dropped, "Dmitry Kuleba" in another transliteration). Full names match when their
//! surnames are equal (or one letter apart, for long names) and their given names agree (equal,
//! one an initial or a prefix of the other, or the same initial within two letters); a lone
//! surname joins the one person of the story who has it, and stays apart when two do. A
//! description ("a spokesperson", confidence 0.3) is its own speaker and never merged.
//!
//! Returns speaker indices and display names; must not look at what was said.

use std::collections::HashMap;

/// Distinct speaker strings up to which names are also matched with spelling variants; a
/// story with more (a dense dump) matches exact surnames only, so the cost stays linear.
const FUZZY_LIMIT: usize = 256;

/// Confidence at or under which a per-document speaker is a description, not a name.
pub const DESCRIBED: f32 = 0.3;

/// The speakers of one story.
#[derive(Debug, Default)]
pub struct Speakers {
    of: HashMap<String, usize>,
    /// Display name of each speaker: the full form named most often.
    pub names: Vec<String>,
    /// Whether the speaker is a person named in full (two words or more), not an
    /// organisation, a lone surname or a description.
    pub person: Vec<bool>,
}

impl Speakers {
    /// Identifies the speakers among `named` (each per-document speaker string with its
    /// confidence, in the order the story reads them).
    pub fn identify<'a>(named: impl IntoIterator<Item = (&'a str, f32)>) -> Speakers {
        let mut seen: Vec<Seen<'a>> = Vec::new();
        let mut index: HashMap<&'a str, usize> = HashMap::new();
        for (name, confidence) in named {
            let k = *index.entry(name).or_insert_with(|| {
                seen.push(Seen::new(name, confidence));
                seen.len() - 1
            });
            seen[k].count += 1;
        }
        let clusters = cluster(&seen);
        let mut speakers = Speakers::default();
        for members in clusters {
            let id = speakers.names.len();
            let display = members
                .iter()
                .map(|&k| &seen[k])
                .fold(None::<&Seen<'_>>, |best, s| match best {
                    Some(b) if b.rank() >= s.rank() => Some(b),
                    _ => Some(s),
                })
                .map_or("", |s| s.name);
            speakers.names.push(display.to_string());
            speakers
                .person
                .push(members.iter().any(|&k| seen[k].is_full_name()));
            for k in members {
                speakers.of.insert(seen[k].name.to_string(), id);
            }
        }
        speakers
    }

    /// The speaker index of a per-document speaker string given to [`Speakers::identify`].
    pub fn of(&self, name: &str) -> Option<usize> {
        self.of.get(name).copied()
    }
}

/// One distinct speaker string.
struct Seen<'a> {
    name: &'a str,
    words: Vec<String>,
    described: bool,
    count: usize,
}

impl<'a> Seen<'a> {
    fn new(name: &'a str, confidence: f32) -> Seen<'a> {
        let described = confidence <= DESCRIBED || !name.starts_with(char::is_uppercase);
        Seen {
            name,
            words: name
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .collect(),
            described,
            count: 0,
        }
    }

    /// How well this string names its speaker: a full name first, then the most used.
    fn rank(&self) -> (bool, usize) {
        (self.words.len() > 1, self.count)
    }

    fn is_full_name(&self) -> bool {
        !self.described && self.words.len() > 1
    }

    fn surname(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }
}

/// Groups the distinct strings into speakers: full names first (first-seen order), then
/// lone names joining the one full name they fit; descriptions alone. Beyond
/// [`FUZZY_LIMIT`] strings only equal surnames are compared.
fn cluster(seen: &[Seen<'_>]) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut full: Vec<usize> = Vec::new(); // cluster indices led by a full name
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let fuzzy = seen.len() <= FUZZY_LIMIT;
    for (k, s) in seen.iter().enumerate() {
        if !s.is_full_name() {
            continue;
        }
        let fits = |c: &usize| same_person(&seen[clusters[*c][0]], s);
        let home = match fuzzy {
            true => full.iter().copied().find(fits),
            false => by_surname
                .get(s.surname())
                .and_then(|l| l.iter().copied().find(fits)),
        };
        match home {
            Some(c) => clusters[c].push(k),
            None => {
                by_surname
                    .entry(s.surname())
                    .or_default()
                    .push(clusters.len());
                full.push(clusters.len());
                clusters.push(vec![k]);
            }
        }
    }
    for (k, s) in seen.iter().enumerate() {
        if s.is_full_name() {
            continue;
        }
        let fits: Vec<usize> = if s.described || s.words.len() != 1 {
            Vec::new()
        } else if fuzzy {
            full.iter()
                .copied()
                .filter(|&c| same_surname(seen[clusters[c][0]].surname(), s.surname()))
                .collect()
        } else {
            by_surname.get(s.surname()).cloned().unwrap_or_default()
        };
        match fits[..] {
            [c] => clusters[c].push(k),
            _ => clusters.push(vec![k]),
        }
    }
    clusters
}

/// Whether two full names name the same person.
fn same_person(a: &Seen<'_>, b: &Seen<'_>) -> bool {
    same_surname(a.surname(), b.surname()) && same_given(&a.words[0], &b.words[0])
}

fn same_surname(a: &str, b: &str) -> bool {
    a == b || (a.chars().count().max(b.chars().count()) >= 6 && within(a, b, 1))
}

fn same_given(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short)
        || (a.chars().next() == b.chars().next() && a.chars().count() >= 4 && within(a, b, 2))
}

/// Whether the edit distance of `a` and `b` is at most `k`.
fn within(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (prev + cost).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(names: &[(&str, f32)]) -> Speakers {
        Speakers::identify(names.iter().copied())
    }

    #[test]
    fn one_person_under_several_names() {
        let s = speakers(&[
            ("Marta Olsen", 0.9),
            ("Olsen", 0.8),
            ("M. Olsen", 0.9),
            ("Marta Olssen", 0.9),
            ("Marta Olsen", 0.9),
        ]);
        let id = s.of("Marta Olsen").unwrap();
        for name in ["Olsen", "M. Olsen", "Marta Olssen"] {
            assert_eq!(s.of(name), Some(id), "{name}");
        }
        assert_eq!(s.names[id], "Marta Olsen");
        assert!(s.person[id]);
    }

    #[test]
    fn transliterations_of_a_given_name_match() {
        let s = speakers(&[("Dmytro Vashko", 0.9), ("Dmitry Vashko", 0.9)]);
        assert_eq!(s.of("Dmytro Vashko"), s.of("Dmitry Vashko"));
    }

    #[test]
    fn different_people_stay_apart() {
        let s = speakers(&[
            ("Anna Berg", 0.9),
            ("Lars Berg", 0.9),
            ("Berg", 0.8),
            ("Council", 0.9),
            ("a spokesperson", 0.3),
        ]);
        assert_ne!(s.of("Anna Berg"), s.of("Lars Berg"));
        let lone = s.of("Berg").unwrap();
        assert!(lone != s.of("Anna Berg").unwrap() && lone != s.of("Lars Berg").unwrap());
        assert!(!s.person[s.of("Council").unwrap()]);
        assert!(!s.person[s.of("a spokesperson").unwrap()]);
    }

    #[test]
    fn edit_distance_bound() {
        assert!(within("kitten", "sitten", 1));
        assert!(!within("kitten", "sitting", 2));
        assert!(within("kitten", "sitting", 3));
    }
}
