//! Indirect speech: the clause a speech verb reports ("X said (that) …", "X told reporters
//! …", "…, X said.", "according to X, …", "…, adding that …").
//!
//! Returns [`Clause`]s: the byte range of the reported clause ("that" included, final full
//! stop excluded) with the attribution of its speaker. Whether a clause holding quotation
//! marks is direct, mixed or indirect is decided by the caller; words inside quotation
//! marks never open a clause here.

use super::attribution::{inherited_subject, subject_after, subject_before, Attr};
use super::lexicon;
use super::tokens::Token;
use std::ops::Range;

/// One reported clause.
#[derive(Clone, Debug)]
pub struct Clause {
    /// Token range of the clause.
    pub tokens: Range<usize>,
    /// Who reported it.
    pub attr: Attr,
}

/// Fewest words a reported clause has.
const MIN_WORDS: usize = 3;

/// The reported clauses of the sentence whose tokens are `sentence`; `quoted[i]` is true for
/// tokens inside quotation marks.
pub fn clauses(tokens: &[Token], sentence: Range<usize>, quoted: &[bool]) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let mut last_subject: Option<Range<usize>> = None;
    for i in sentence.clone() {
        let t = &tokens[i];
        if !t.is_word() || quoted[i] || t.is_cap() && t.lower != "according" {
            continue;
        }
        if t.lower == "according" && tokens.get(i + 1).is_some_and(|n| n.lower == "to") {
            out.extend(according_to(tokens, i, sentence.clone()));
            continue;
        }
        if lexicon::is_labelling_verb(t.lower) {
            if let Some(s) = subject_before(tokens, i, sentence.start) {
                last_subject = Some(s.clone());
                out.extend(labelled(tokens, i, s, sentence.end, quoted));
            }
            continue;
        }
        let Some(verb) = t.verb else {
            continue;
        };
        let subject = if verb.finite {
            subject_before(tokens, i, sentence.start)
        } else {
            None
        };
        let after_comma = comma_before(tokens, i, sentence.start).is_some();
        // "…, said X." / "…, X said." : the clause is what comes before.
        let before = clause_before(tokens, i, subject.clone(), sentence.clone(), verb, quoted);
        if let Some(clause) = before.first() {
            last_subject = Some(clause.attr.subject.clone());
            out.extend(before);
            continue;
        }
        let subject = match subject {
            Some(s) if !after_comma || verb.finite => Some(s),
            _ if (after_comma || after_subordinator(tokens, i, sentence.start)) && !verb.finite => {
                last_subject
                    .clone()
                    .or_else(|| inherited_subject(tokens, i, sentence.start))
                    .or(Some(i..i))
            }
            _ if joined_by_conjunction(tokens, i, sentence.start) => last_subject
                .clone()
                .or_else(|| inherited_subject(tokens, i, sentence.start)),
            _ => None,
        };
        let Some(subject) = subject else {
            continue;
        };
        last_subject = Some(subject.clone());
        if !verb.clause {
            continue;
        }
        let after_quote = follows_quote(tokens, subject.start.min(i), sentence.start);
        let only_that = after_quote || lexicon::needs_that(t.lower);
        if let Some(start) = clause_start(tokens, i, verb.object, sentence.end, only_that) {
            let end = clause_end(tokens, start, sentence.end, quoted);
            if word_count(tokens, start..end) >= MIN_WORDS {
                out.push(Clause {
                    tokens: start..end,
                    attr: Attr { subject, verb: i },
                });
            }
        }
    }
    out
}

/// The comma right before token `i` (also `,”` — a comma closing a quotation).
fn comma_before(tokens: &[Token], i: usize, floor: usize) -> Option<usize> {
    if i > floor && tokens[i - 1].is(',') {
        return Some(i - 1);
    }
    if i > floor + 1 && tokens[i - 1].is_quote_mark() && tokens[i - 2].is(',') {
        Some(i - 1)
    } else {
        None
    }
}

/// True when token `at` comes right after a closing quotation mark (`"…," he said`).
fn follows_quote(tokens: &[Token], at: usize, floor: usize) -> bool {
    let before = |k: usize| (k > floor).then(|| &tokens[k - 1]);
    match before(at) {
        Some(t) if t.is_quote_mark() => true,
        Some(t) if t.is(',') => before(at - 1).is_some_and(Token::is_quote_mark),
        _ => false,
    }
}

/// "called it a bandage solution", "called the plan the worst in years": what the object
/// is called, when no quotation marks hold it.
fn labelled(
    tokens: &[Token],
    verb: usize,
    subject: Range<usize>,
    end: usize,
    quoted: &[bool],
) -> Option<Clause> {
    let is_det = |t: &Token| matches!(t.lower, "a" | "an" | "the");
    let object = tokens.get(verb + 1).filter(|_| verb + 1 < end)?;
    let start = if matches!(
        object.lower,
        "it" | "them" | "him" | "her" | "this" | "that"
    ) {
        verb + 2
    } else if is_det(object) {
        (verb + 2..end.min(verb + 6))
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| is_det(&tokens[k]))?
    } else {
        return None;
    };
    let first = tokens.get(start).filter(|_| start < end)?;
    if !is_det(first) || quoted[start] {
        return None;
    }
    let stop = clause_end(tokens, start, end, quoted);
    let clause = Clause {
        tokens: start..stop,
        attr: Attr { subject, verb },
    };
    (word_count(tokens, start..stop) >= 2 && !quoted[start..stop].iter().any(|&q| q))
        .then_some(clause)
}

/// True when the participle at `i` follows "as", "while", "after" ("quoted as saying").
fn after_subordinator(tokens: &[Token], i: usize, floor: usize) -> bool {
    i > floor
        && matches!(
            tokens[i - 1].lower,
            "as" | "while" | "after" | "before" | "by" | "in"
        )
}

/// True when the verb at `i` follows "and" / "but" (its subject is an earlier one).
fn joined_by_conjunction(tokens: &[Token], i: usize, floor: usize) -> bool {
    let mut k = i;
    while k > floor && tokens[k - 1].is_word() && lexicon::is_verb_filler(tokens[k - 1].lower) {
        k -= 1;
    }
    k > floor && matches!(tokens[k - 1].lower, "and" | "but")
}

fn word_count(tokens: &[Token], range: Range<usize>) -> usize {
    tokens[range].iter().filter(|t| t.is_word()).count()
}

/// What follows a clause-final attribution ("…, X said ___").
enum Tail {
    /// Nothing but adverbials, an object or a relative clause about the speaker.
    End,
    /// ", …": the sentence goes on with more of the reported speech, from this token.
    Parenthetical(usize),
}

/// "CLAUSE, X said [adverbials]." or "CLAUSE, said X.": the clause before the comma; for a
/// parenthetical "A, X said, B" also the part after it.
fn clause_before(
    tokens: &[Token],
    verb: usize,
    subject: Option<Range<usize>>,
    sentence: Range<usize>,
    use_: lexicon::VerbUse,
    quoted: &[bool],
) -> Vec<Clause> {
    if !use_.finite {
        return Vec::new();
    }
    let inverted = subject.is_none();
    let (comma, subject, tail_from) = match subject {
        Some(s) if s.start > sentence.start && tokens[s.start - 1].is(',') => {
            (s.start - 1, s, verb + 1)
        }
        None => match comma_before(tokens, verb, sentence.start) {
            Some(comma) => match subject_after(tokens, verb, sentence.end) {
                Some(s) => {
                    let end = s.end;
                    (comma, s, end)
                }
                None => return Vec::new(),
            },
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let Some(tail) = tail_of(tokens, tail_from, sentence.end, use_.object) else {
        return Vec::new();
    };
    // "As news spread, members complained …": a subordinate clause is not speech.
    let first = &tokens[sentence.start];
    if first.is_cap() && lexicon::is_subordinator(first.lower) {
        return Vec::new();
    }
    let end = if tokens[comma].is_quote_mark() {
        comma + 1
    } else {
        trim_end(tokens, sentence.start, comma)
    };
    let attr = Attr { subject, verb };
    let first_words = word_count(tokens, sentence.start..end);
    let mut out = Vec::new();
    let second = match tail {
        Tail::Parenthetical(from) if !inverted => {
            let to = clause_end(tokens, from, sentence.end, quoted);
            (word_count(tokens, from..to) >= MIN_WORDS).then_some(from..to)
        }
        _ => None,
    };
    // "Back home, X said, he …": a short opener is not speech of its own.
    let first_is_speech = first_words >= MIN_WORDS && (second.is_none() || first_words >= 4);
    if first_is_speech {
        out.push(Clause {
            tokens: sentence.start..end,
            attr: attr.clone(),
        });
    }
    if let Some(range) = second {
        out.push(Clause {
            tokens: range,
            attr,
        });
    }
    out
}

/// What tokens `from..end` after a clause-final attribution are; `None` when they hold a
/// clause of their own ("that …", a quotation), so the attribution is not clause-final.
fn tail_of(tokens: &[Token], from: usize, end: usize, object: bool) -> Option<Tail> {
    let mut i = from;
    if object {
        while i < end && tokens[i].is_word() && !lexicon::is_adverbial_opener(tokens[i].lower) {
            if tokens[i].lower == "that" {
                return None;
            }
            i += 1;
        }
    }
    let rest = &tokens[i.min(end)..end];
    let Some(first) = rest.first() else {
        return Some(Tail::End);
    };
    if first.ends_sentence() {
        return Some(Tail::End);
    }
    if first.is(',') {
        let next = rest.get(1)?;
        // ", who …" / ", the commander of …": about the speaker, not more speech.
        let apposition = matches!(
            next.lower,
            "who" | "which" | "whose" | "a" | "an" | "the" | "his" | "her" | "its" | "their"
        ) || next.is_cap();
        if apposition {
            return Some(Tail::End);
        }
        let participle = next.verb.is_some_and(|v| !v.finite);
        if participle || !next.is_word() && !next.is_quote_mark() {
            return None;
        }
        return Some(Tail::Parenthetical(i + 1));
    }
    let adverbial = first.is_word() && lexicon::is_adverbial_opener(first.lower);
    let clean = rest.len() <= 14 && !rest.iter().any(|t| t.lower == "that" || t.is_quote_mark());
    (adverbial && clean).then_some(Tail::End)
}

/// Where the clause reported by the verb at `verb` starts: "that", or the first word of a
/// clause after an object ("told reporters") and short adverbials ("on Tuesday").
fn clause_start(
    tokens: &[Token],
    verb: usize,
    object: bool,
    end: usize,
    only_that: bool,
) -> Option<usize> {
    let mut j = verb + 1;
    // "that" opening a clause, not "the meeting that was held".
    let that_within = |from: usize| {
        (from..end.min(from + 9))
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| tokens[k].lower == "that")
            .filter(|&k| tokens.get(k + 1).is_none_or(starts_clause))
    };
    if only_that {
        return that_within(j).or_else(|| {
            let colon = tokens.get(j).filter(|_| j + 1 < end)?;
            colon.is(':').then_some(j + 1)
        });
    }
    let told_object = object;
    if object {
        if let Some(k) = that_within(j) {
            return Some(k);
        }
        j = skip_object(tokens, j, end)?;
    }
    for _ in 0..2 {
        let t = tokens.get(j).filter(|_| j < end)?;
        if t.lower == "that" {
            return Some(j);
        }
        if t.is_word() && lexicon::is_adverbial_opener(t.lower) {
            if let Some(k) = that_within(j) {
                return Some(k);
            }
            j = skip_adverbial(tokens, j, end)?;
        } else {
            break;
        }
    }
    let t = tokens.get(j).filter(|_| j < end)?;
    if t.is(':') {
        return (j + 1 < end).then_some(j + 1);
    }
    if t.is_quote_mark() {
        return Some(j);
    }
    if !t.is_word() || !starts_clause(t) {
        return None;
    }
    let numeric = t.lower.starts_with(|c: char| c.is_ascii_digit());
    let added = matches!(tokens[verb].lower, "added" | "adds");
    let count_word = matches!(
        t.lower,
        "a" | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "another"
            | "several"
            | "more"
            | "his"
            | "her"
            | "their"
            | "its"
    );
    if added && (numeric || count_word) {
        return None;
    }
    let firm_needed = told_object || lexicon::needs_firm_start(tokens[verb].lower);
    if firm_needed && !(t.is_cap() || numeric || opens_clause_firmly(t)) {
        return None;
    }
    Some(j)
}

/// Determiners and pronouns: words that surely open a clause after an object.
fn opens_clause_firmly(t: &Token) -> bool {
    lexicon::pronoun(t.lower).is_some()
        || matches!(
            t.lower,
            "the"
                | "a"
                | "an"
                | "there"
                | "this"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
                | "we"
                | "i"
                | "you"
                | "some"
                | "many"
                | "most"
                | "all"
                | "no"
        )
}

/// Past the object of "told" ("reporters", "the Daily Herald", "CBC News").
fn skip_object(tokens: &[Token], mut j: usize, end: usize) -> Option<usize> {
    let t = tokens.get(j).filter(|_| j < end)?;
    if !t.is_word() {
        return None;
    }
    if matches!(
        t.lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    ) {
        j += 1;
    }
    let first = tokens.get(j).filter(|_| j < end)?;
    if first.is_cap() {
        while j < end && tokens[j].is_cap() {
            j += 1;
        }
    } else {
        j += 1;
    }
    Some(j)
}

/// Past a short adverbial ("in Brussels", "on Tuesday", "in a statement").
fn skip_adverbial(tokens: &[Token], mut j: usize, end: usize) -> Option<usize> {
    let opener = &tokens[j].lower;
    let is_prep = !lexicon::is_lone_adverb(opener) && !opener.ends_with("day");
    j += 1;
    if !is_prep {
        return Some(j);
    }
    let limit = end.min(j + 5);
    let mut content = 0;
    while j < limit {
        let t = &tokens[j];
        if !t.is_word() {
            return None;
        }
        let det = matches!(t.lower, "the" | "a" | "an");
        let opens_clause = det || lexicon::pronoun(t.lower).is_some() || t.lower == "there";
        if content > 0 && content <= 2 && starts_clause(t) && opens_clause {
            return Some(j);
        }
        if !det {
            content += 1;
        }
        j += 1;
    }
    None
}

/// True when word `t` can open a reported clause (not a preposition, not "to").
fn starts_clause(t: &Token) -> bool {
    let w = t.lower;
    let adverb = w.ends_with("ly") && !t.is_cap();
    let not_clause = matches!(
        w,
        "to" | "so"
            | "yes"
            | "no"
            | "for"
            | "of"
            | "in"
            | "on"
            | "at"
            | "with"
            | "by"
            | "about"
            | "from"
            | "into"
            | "after"
            | "before"
            | "during"
            | "as"
            | "if"
            | "nothing"
            | "something"
            | "goodbye"
            | "hello"
            | "sorry"
            | "thanks"
            | "thank"
            | "little"
            | "much"
            | "more"
            | "so-called"
            | "and"
            | "or"
            | "but"
            | "when"
            | "while"
            | "whether"
            | "what"
            | "how"
            | "why"
            | "where"
            | "who"
            | "which"
            | "not"
            | "yesterday"
            | "today"
            | "goodnight"
            | "since"
            | "until"
            | "than"
            | "because"
            | "was"
            | "is"
            | "were"
            | "are"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "could"
            | "can"
            | "should"
            | "did"
            | "does"
            | "okay"
            | "ok"
            | "please"
    );
    !not_clause && !adverb
}

/// Where the clause starting at `start` ends (exclusive), before `end`: at ", adding", ";",
/// ", according to", another speaker's verb; without the final punctuation.
fn clause_end(tokens: &[Token], start: usize, end: usize, quoted: &[bool]) -> usize {
    let mut stop = end;
    for k in start + 1..end {
        let t = &tokens[k];
        if quoted[k] {
            continue;
        }
        if t.is(';') {
            stop = k;
            break;
        }
        if t.is(',') {
            let next = tokens.get(k + 1).filter(|_| k + 1 < end);
            let participle =
                next.is_some_and(|n| n.lower == "according" || n.verb.is_some_and(|v| !v.finite));
            if participle {
                stop = k;
                break;
            }
        }
        if t.is_word() && !t.is_cap() && t.verb.is_some_and(|v| v.finite) {
            if let Some(s) = subject_before(tokens, k, start + 1) {
                if s.start > start + 1
                    && (tokens[s.start - 1].is(',')
                        || is_conj(&tokens[s.start - 1])
                        || lexicon::is_subordinator(tokens[s.start - 1].lower))
                {
                    stop = s.start - 1;
                    break;
                }
            }
            if k > start + 1 && is_conj(&tokens[k - 1]) {
                stop = k - 1;
                break;
            }
        }
    }
    trim_end(tokens, start, stop)
}

fn is_conj(t: &Token) -> bool {
    matches!(t.lower, "and" | "but")
}

/// `end` moved left past trailing punctuation (not closing quotation marks) and
/// conjunctions.
fn trim_end(tokens: &[Token], start: usize, mut end: usize) -> usize {
    while end > start {
        let t = &tokens[end - 1];
        let trailing_punct = !t.is_word() && !t.is_quote_mark() && !t.is(')');
        if trailing_punct || is_conj(t) {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// "According to X, CLAUSE" or "CLAUSE, according to X".
fn according_to(tokens: &[Token], i: usize, sentence: Range<usize>) -> Option<Clause> {
    let np_start = i + 2;
    let mut np_end = np_start;
    while np_end < sentence.end
        && np_end - np_start < 12
        && !tokens[np_end].ends_sentence()
        && !tokens[np_end].is(',')
    {
        np_end += 1;
    }
    if np_end == np_start {
        return None;
    }
    let attr = Attr {
        subject: np_start..np_end,
        verb: i,
    };
    let opens =
        i == sentence.start || (i == sentence.start + 1 && tokens[sentence.start].is_word());
    let range = if opens {
        let start = np_end + usize::from(np_end < sentence.end && tokens[np_end].is(','));
        start..trim_end(tokens, start, sentence.end)
    } else {
        sentence.start..trim_end(tokens, sentence.start, i)
    };
    (word_count(tokens, range.clone()) >= MIN_WORDS).then_some(Clause {
        tokens: range,
        attr,
    })
}
