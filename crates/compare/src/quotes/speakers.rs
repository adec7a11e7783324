//! The people and organisations named in one body, and the resolution of a speaker mention
//! (a name, a surname, a pronoun, a role noun such as "the spokesman") to one of them.
//!
//! [`Registry::build`] finds names by capitalisation (titles dropped, places after "in" or
//! "at" skipped), merges "Jens Stoltenberg" / "Stoltenberg" / "Secretary General Jens
//! Stoltenberg" into one person named as first introduced, and keeps each person's
//! gender and role words. [`Registry::resolve`] turns a noun phrase into a [`Speaker`].
//! Must not look at other documents, nor keep names from one body to the next.

use super::lexicon;
use super::tokens::Token;
use std::ops::Range;

/// A person or an organisation of the document.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The name as first introduced, titles dropped.
    pub name: String,
    /// Lower-cased last word of the name.
    surname: String,
    /// Lower-cased first word of the name.
    first: String,
    /// An organisation rather than a person.
    pub is_org: bool,
    /// `Some(true)` male, `Some(false)` female, when known.
    pub gender: Option<bool>,
    /// Lower-cased words that describe the entity ("spokesman", "mayor", "minister").
    roles: Vec<String>,
}

/// Where an entity is named: token range of the name.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Index into [`Registry::entities`].
    pub entity: usize,
    /// Token range of the name (titles excluded).
    pub tokens: Range<usize>,
    /// Not the object of a preposition or a verb ("told X", "with X").
    pub subject: bool,
}

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The name to report (`None` when nothing fits).
    pub name: Option<String>,
    /// The entity it resolved to, if any.
    pub entity: Option<usize>,
    /// How sure the resolution is.
    pub confidence: f32,
}

impl Speaker {
    /// Whether this speaker is a description ("a spokesperson"), not a named person or
    /// organisation.
    pub fn is_described(&self) -> bool {
        self.entity.is_none() && self.confidence == super::resolve::DESCRIBED_CONFIDENCE
    }

    /// No speaker.
    pub fn none() -> Speaker {
        Speaker {
            name: None,
            entity: None,
            confidence: 0.0,
        }
    }
}

/// The named entities of one body.
#[derive(Debug, Default)]
pub struct Registry {
    /// People and organisations, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention, in token order.
    pub mentions: Vec<Mention>,
    /// Token positions where an entity spoke, in the order the caller reported them.
    speakers: Vec<(usize, usize)>,
}

/// How far back (in tokens) a pronoun, a role noun or "the statement" looks for its
/// person or organisation: a few paragraphs.
const WINDOW: usize = 1500;

/// Connectors that may sit inside a name ("Ursula von der Leyen").
fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "du"
            | "da"
            | "di"
            | "al"
            | "bin"
            | "ibn"
            | "el"
            | "dos"
            | "das"
            | "del"
            | "ter"
            | "ten"
    )
}

/// Prepositions after which a capitalised run is a place, not a speaker.
fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "from"
            | "near"
            | "to"
            | "into"
            | "across"
            | "outside"
            | "inside"
            | "throughout"
            | "toward"
            | "towards"
            | "around"
            | "through"
            | "via"
            | "between"
    )
}

/// The maximal runs of capitalised words (name particles allowed inside), as token ranges.
pub fn capitalised_runs(tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !tokens[i].is_cap() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < range.end {
            let t = &tokens[end];
            let particle_then_cap = t.is_word()
                && is_name_particle(t.lower)
                && tokens.get(end + 1).is_some_and(|n| n.is_cap())
                && end + 1 < range.end;
            if t.is_cap() && !tokens[end - 1].is_possessive() || particle_then_cap {
                end += 1;
            } else {
                break;
            }
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// A capitalised run split into its title part and its name part.
struct NamePart {
    titles: Range<usize>,
    name: Range<usize>,
}

/// Drops capitalised stopwords from the front and titles up to the last one.
fn split_titles(tokens: &[Token], run: Range<usize>) -> Option<NamePart> {
    let mut start = run.start;
    while start < run.end && {
        let w = tokens[start].stem();
        lexicon::is_capitalised_stopword(w)
            || lexicon::is_sentence_opener(w)
            || w.ends_with("ly")
            || matches!(
                w,
                "perhaps" | "maybe" | "besides" | "finally" | "still" | "yet"
            )
    } {
        start += 1;
    }
    let titles_from = start;
    let last_title = (start..run.end)
        .rev()
        .find(|&i| lexicon::is_title(tokens[i].stem()));
    if let Some(t) = last_title {
        start = t + 1;
    } else if run.end - start >= 3
        && opens_sentence(tokens, start)
        && is_agent_noun(tokens[start].stem())
        && !tokens[start..run.end]
            .iter()
            .any(|t| lexicon::is_org_word(t.stem()))
    {
        // "Writer Jane Roe …" at the start of a sentence: the first word is a role.
        start += 1;
    }
    (start < run.end).then_some(NamePart {
        titles: titles_from..start,
        name: start..run.end,
    })
}

/// True when token `at` opens a sentence or a paragraph.
fn opens_sentence(tokens: &[Token], at: usize) -> bool {
    at == 0 || tokens[at - 1].ends_sentence() || tokens[at - 1].is_quote_mark()
}

/// Agent nouns ("writer", "meteorologist", "farmer") that describe rather than name.
fn is_agent_noun(word: &str) -> bool {
    ["er", "or", "ist", "ian", "ant", "ent", "ee"]
        .iter()
        .any(|s| word.ends_with(s))
        && lexicon::first_name_gender(word).is_none()
}

/// The text of tokens `range` in `body`, possessive "'s" dropped.
fn name_text(body: &str, tokens: &[Token], range: Range<usize>) -> String {
    let last = &tokens[range.end - 1];
    let end = if last.is_possessive() {
        last.bytes.end - (last.lower.len() - last.stem().len())
    } else {
        last.bytes.end
    };
    body[tokens[range.start].bytes.start..end].to_string()
}

impl Registry {
    /// The entities named in `body` (tokenised as `tokens`).
    /// Names inside quotation marks (`quoted[i]` true) are not registered: speakers are
    /// named outside them.
    pub fn build(body: &str, tokens: &[Token], quoted: &[bool]) -> Registry {
        let mut registry = Registry::default();
        for run in capitalised_runs(tokens, 0..tokens.len()) {
            if !quoted.get(run.start).copied().unwrap_or(false) {
                registry.add_run(body, tokens, run);
            }
        }
        registry
    }

    /// Registers the name in capitalised run `run`, if it is one.
    fn add_run(&mut self, body: &str, tokens: &[Token], run: Range<usize>) {
        let Some(part) = split_titles(tokens, run.clone()) else {
            return;
        };
        let name = part.name.clone();
        let before = part.titles.start.checked_sub(1).map(|i| &tokens[i]);
        let after_the = before.is_some_and(|t| t.lower == "the");
        let after_place_word = before.is_some_and(|t| is_place_preposition(t.lower));
        let subject = before.is_none_or(|t| {
            !(t.is_word()
                && (is_place_preposition(t.lower)
                    || lexicon::is_adverbial_opener(t.lower)
                    || t.verb.is_some()
                    || t.is('(')
                    || matches!(t.lower, "of" | "with" | "by" | "than" | "like" | "and")))
        });
        let words: Vec<&str> = tokens[name.clone()].iter().map(|t| t.stem()).collect();
        let has_org_word = words
            .iter()
            .any(|w| lexicon::is_org_word(w.trim_end_matches('.')));
        // "NATO", "BC Hydro", "UFCW Local": a word in capitals makes an organisation.
        let acronym = tokens[name.clone()].iter().any(|t| {
            let text = &body[t.bytes.clone()];
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2 && !text.contains('.') && text.chars().all(|c| !c.is_lowercase())
        });
        let existing = self.find_person(&words);
        if let Some(entity) = existing {
            self.mentions.push(Mention {
                entity,
                tokens: name.clone(),
                subject,
            });
            // Roles and gender come from the first few mentions; later ones add little.
            let seen = self
                .mentions
                .iter()
                .rev()
                .take(64)
                .filter(|m| m.entity == entity)
                .count();
            if seen <= 4 {
                self.learn_roles(tokens, &part, entity, run.end);
            }
            return;
        }
        let is_org = has_org_word || after_the || acronym;
        // "Service will resume …": a lone common noun opening a sentence is no name.
        if is_org && name.len() == 1 && !after_the && !acronym {
            return;
        }
        // "the British aid group": a lone word before a lower-case noun is an adjective.
        let next = tokens.get(run.end);
        let modifies_noun = next.is_some_and(|t| {
            t.is_word()
                && !t.is_cap()
                && t.verb.is_none()
                && !lexicon::is_clause_word(t.lower)
                && !lexicon::is_verb_filler(t.lower)
        });
        if name.len() == 1 && after_the && !acronym && modifies_noun {
            return;
        }
        if after_place_word && part.titles.is_empty() && !has_org_word {
            return;
        }
        if !is_org && (name.len() < 2 || name.len() > 4) {
            return;
        }
        if is_org {
            if let Some(entity) = self.find_org(body, tokens, name.clone()) {
                self.mentions.push(Mention {
                    entity,
                    tokens: name,
                    subject,
                });
                return;
            }
        }
        let first = words.first().map(|w| w.to_string()).unwrap_or_default();
        let gender = if is_org {
            None
        } else {
            lexicon::first_name_gender(&first)
        };
        self.entities.push(Entity {
            name: name_text(body, tokens, name.clone()),
            surname: words.last().map(|w| w.to_string()).unwrap_or_default(),
            first,
            is_org,
            gender,
            roles: Vec::new(),
        });
        let entity = self.entities.len() - 1;
        self.mentions.push(Mention {
            entity,
            tokens: name,
            subject,
        });
        if !is_org {
            self.learn_roles(tokens, &part, entity, run.end);
        }
    }

    /// The person whose name `words` (lower-cased) continues: same surname, and the same
    /// first name when both have one; a single word may be the surname or first name.
    fn find_person(&self, words: &[&str]) -> Option<usize> {
        let last = *words.last()?;
        let first = words.first().copied();
        let by_surname = self.entities.iter().rposition(|e| {
            !e.is_org
                && e.surname == last
                && (words.len() == 1
                    || first == Some(e.first.as_str())
                    || words.contains(&e.first.as_str()))
        });
        if by_surname.is_some() {
            return by_surname;
        }
        if words.len() == 1 {
            return self
                .entities
                .iter()
                .rposition(|e| !e.is_org && e.first == last && e.first != e.surname);
        }
        None
    }

    /// The organisation named by tokens `name`, by text.
    fn find_org(&self, body: &str, tokens: &[Token], name: Range<usize>) -> Option<usize> {
        let text = name_text(body, tokens, name);
        self.entities
            .iter()
            .position(|e| e.is_org && e.name.eq_ignore_ascii_case(&text))
    }

    /// Role words and gender cues around a person's name: titles, lower-case words just
    /// before it, an apposition after it, a pronoun right after it.
    fn learn_roles(&mut self, tokens: &[Token], part: &NamePart, entity: usize, end: usize) {
        let mut roles: Vec<String> = tokens[part.titles.clone()]
            .iter()
            .map(|t| t.stem().to_string())
            .collect();
        let mut i = part.titles.start;
        let mut taken = 0;
        while i > 0 && taken < 3 {
            i -= 1;
            let t = &tokens[i];
            if !t.is_word() || lexicon::is_clause_word(t.lower) || t.lower == "the" {
                // "minister, NAME": the words before the comma describe the name.
                if t.is(',') && taken == 0 && i > 0 && tokens[i - 1].is_word() {
                    continue;
                }
                break;
            }
            roles.push(t.stem().to_string());
            taken += 1;
        }
        let mut gender = None;
        if tokens.get(end).is_some_and(|t| t.is(',')) {
            for t in tokens.iter().skip(end + 1).take(10) {
                if t.is(',') || t.ends_sentence() {
                    break;
                }
                if t.is_word() {
                    roles.push(t.stem().to_string());
                }
            }
        }
        // "X, a doctor, said he …", "X and her deputy": the first third-person pronoun
        // of the sentence after the name, when no other name comes between.
        let mut other_names = 0;
        for t in tokens.iter().skip(end).take(25) {
            if t.ends_sentence() || t.is_quote_mark() {
                break;
            }
            if t.is_cap() && lexicon::pronoun(t.lower).is_none() {
                other_names += 1;
                if other_names > 1 {
                    break;
                }
                continue;
            }
            let g =
                lexicon::possessive_gender(t.lower).or_else(|| lexicon::pronoun(t.lower).flatten());
            if g.is_some() {
                gender = g;
                break;
            }
        }
        let title_gender = roles.iter().find_map(|r| lexicon::title_gender(r));
        let e = &mut self.entities[entity];
        if e.gender.is_none() {
            e.gender = title_gender.or(gender);
        }
        for r in roles {
            if !e.roles.contains(&r) {
                e.roles.push(r);
            }
        }
    }

    /// Marks the mentions inside the reported words `range` as no subjects.
    pub fn mark_reported(&mut self, range: Range<usize>) {
        let start = self
            .mentions
            .partition_point(|m| m.tokens.start < range.start);
        let end = self
            .mentions
            .partition_point(|m| m.tokens.start < range.end);
        for m in &mut self.mentions[start..end.max(start)] {
            m.subject = false;
        }
    }

    /// Notes that entity `entity` spoke at token `at`.
    pub fn record_speaker(&mut self, entity: usize, at: usize) {
        self.speakers.push((at, entity));
    }

    /// The entity that spoke last before token `at`.
    pub fn last_speaker(&self, at: usize) -> Option<usize> {
        let before = self.speakers.partition_point(|&(t, _)| t < at);
        before.checked_sub(1).map(|i| self.speakers[i].1)
    }

    /// The mention whose name covers token `at`.
    pub fn mention_at(&self, at: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.tokens.end <= at);
        self.mentions.get(i).filter(|m| m.tokens.start <= at)
    }

    /// Persons mentioned or speaking before token `at`, most recent first, each once, with
    /// whether they have spoken.
    fn recent_people(&self, at: usize, floor: usize) -> Vec<(usize, bool)> {
        let floor = floor.max(at.saturating_sub(WINDOW));
        let mut events: Vec<(usize, usize, bool, bool)> = self
            .mentions_between(floor, at)
            .iter()
            .map(|m| (m.tokens.start, m.entity, false, m.subject))
            .collect();
        let first_speaker = self.speakers.partition_point(|&(t, _)| t < floor);
        events.extend(
            self.speakers[first_speaker..]
                .iter()
                .filter(|&&(t, _)| t < at)
                .map(|&(t, e)| (t, e, true, true)),
        );
        events.sort_by_key(|&(t, _, spoke, _)| (t, spoke));
        let mut out: Vec<(usize, bool)> = Vec::new();
        for &(_, e, spoke, subject) in events.iter().rev() {
            if self.entities[e].is_org {
                continue;
            }
            if let Some(seen) = out.iter_mut().find(|(x, _)| *x == e) {
                seen.1 |= spoke;
            } else if subject {
                out.push((e, spoke));
            }
        }
        out
    }

    /// The mentions starting in tokens `from..to`.
    pub fn mentions_between(&self, from: usize, to: usize) -> &[Mention] {
        let start = self.mentions.partition_point(|m| m.tokens.start < from);
        let end = self.mentions.partition_point(|m| m.tokens.start < to);
        &self.mentions[start..end.max(start)]
    }

    /// The person "he" (`Some(true)`) or "she" (`Some(false)`) at token `at` stands for:
    /// the most recent person of that gender, one of unknown gender only when clearly
    /// more recent.
    pub fn resolve_pronoun(&mut self, male: bool, at: usize, floor: usize) -> Speaker {
        let mut best: Option<(f32, usize)> = None;
        for (rank, (e, spoke)) in self
            .recent_people(at, floor)
            .into_iter()
            .enumerate()
            .take(8)
        {
            let gender = self.entities[e].gender;
            if gender.is_some_and(|g| g != male) {
                continue;
            }
            let score = rank as f32
                + if gender.is_none() { 1.5 } else { 0.0 }
                + if spoke { 0.0 } else { 0.4 };
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, e));
            }
        }
        match best {
            Some((_, e)) => {
                let entity = &mut self.entities[e];
                entity.gender.get_or_insert(male);
                Speaker {
                    name: Some(entity.name.clone()),
                    entity: Some(e),
                    confidence: 0.7,
                }
            }
            None => Speaker::none(),
        }
    }

    /// The nearest person before token `at` described by role noun `role` (or a word of
    /// its family).
    pub fn resolve_role(&self, role: &str, at: usize, floor: usize) -> Option<Speaker> {
        let family = lexicon::role_family(role);
        let fits = |e: &Entity| {
            let by_stem = |r: &String| role.len() >= 4 && r.starts_with(role);
            e.roles
                .iter()
                .any(|r| r == role || r.strip_suffix('s') == Some(role) || by_stem(r))
                || e.roles.iter().any(|r| family.contains(&r.as_str()))
        };
        self.recent_people(at, floor)
            .into_iter()
            .map(|(e, _)| e)
            .find(|&e| fits(&self.entities[e]))
            .map(|e| Speaker {
                name: Some(self.entities[e].name.clone()),
                entity: Some(e),
                confidence: 0.6,
            })
    }

    /// The person most recently mentioned or speaking before token `at`.
    pub fn resolve_recent_subject(&self, at: usize) -> Option<Speaker> {
        let floor = at.saturating_sub(300);
        self.recent_people(at, floor)
            .first()
            .map(|&(e, _)| Speaker {
                name: Some(self.entities[e].name.clone()),
                entity: Some(e),
                confidence: 0.4,
            })
    }

    /// The nearest organisation before token `at` whose name holds `word` (any when
    /// `word` is `None`).
    pub fn resolve_org(&self, word: Option<&str>, at: usize, floor: usize) -> Option<Speaker> {
        let floor = floor.max(at.saturating_sub(WINDOW));
        let window = self.mentions_between(floor, at);
        let chosen = match word {
            // "the diocese": the nearest name holding the word.
            Some(w) => window.iter().rev().map(|m| m.entity).find(|&e| {
                let name = self.entities[e].name.to_lowercase();
                name.split(' ').any(|x| x == w)
            }),
            // "it", "the statement": the organisation named most often lately, the nearest
            // of those on a tie.
            None => {
                let mut counts: Vec<(usize, usize, usize)> = Vec::new();
                for (k, m) in window.iter().enumerate() {
                    if !self.entities[m.entity].is_org {
                        continue;
                    }
                    match counts.iter_mut().find(|(e, _, _)| *e == m.entity) {
                        Some(c) => {
                            c.1 += 1;
                            c.2 = k;
                        }
                        None => counts.push((m.entity, 1, k)),
                    }
                }
                counts
                    .iter()
                    .max_by_key(|&&(_, n, last)| (n, last))
                    .map(|&(e, _, _)| e)
            }
        };
        chosen.map(|e| Speaker {
            name: Some(self.entities[e].name.clone()),
            entity: Some(e),
            confidence: 0.6,
        })
    }

    /// The speaker named by capitalised run `run` (a name, perhaps a surname only).
    pub fn resolve_name(&self, body: &str, tokens: &[Token], run: Range<usize>) -> Speaker {
        let Some(part) = split_titles(tokens, run.clone()) else {
            return Speaker::none();
        };
        for i in part.name.clone() {
            if let Some(m) = self.mention_at(i) {
                let e = m.entity;
                return Speaker {
                    name: Some(self.entities[e].name.clone()),
                    entity: Some(e),
                    confidence: 0.9,
                };
            }
        }
        let words: Vec<&str> = tokens[part.name.clone()].iter().map(|t| t.stem()).collect();
        let entity = self.find_person(&words);
        Speaker {
            name: Some(match entity {
                Some(e) => self.entities[e].name.clone(),
                None => name_text(body, tokens, part.name),
            }),
            entity,
            confidence: 0.8,
        }
    }
}
