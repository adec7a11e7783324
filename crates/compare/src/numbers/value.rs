//! The value of a number written at one token: digits with separators ("130,000", "1.5",
//! "2 500", "7 3/4"), suffixes and scale words ("$3bn", "2.5 million", "10k"), number words
//! ("three", "a dozen", "one hundred and two", "half a million", "two thirds") and the vague
//! plurals of magnitude words ("tens of thousands" → [10000, 100000]).
//!
//! Returns an [`Amount`] with the tokens it covers, or says the token starts something that
//! is not a quantity and how far to skip (a time of day, a date, an ordinal, a phone
//! number). Must not decide units or qualifiers.

use super::lexicon::{
    currency_code, fraction_word, looks_plural, scale_suffix, scale_word, small_number,
    vague_plural,
};
use super::token::{Kind, Token};

/// A number read at one token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Amount {
    /// The value, scale applied (the low end for a vague plural).
    pub value: f64,
    /// A vague plural's range ("dozens" → [12, 120]).
    pub vague: Option<[f64; 2]>,
    /// Token index after the number.
    pub end: usize,
    /// A scale word or suffix was applied.
    pub scaled: bool,
    /// The multiplier applied by a scale word or suffix (1 without one).
    pub scale: f64,
    /// A currency code written between the number and its scale ("75 USD million").
    pub code: Option<&'static str>,
    /// Written in words.
    pub words: bool,
    /// The bare word "one" and nothing else.
    pub lone_one: bool,
    /// One run of digits without separators, decimals or scale ("1987", "35").
    pub plain: bool,
    /// Number of digits of a plain number.
    pub digits: usize,
}

/// What a token starts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Read {
    /// A number.
    Number(Amount),
    /// Not a quantity (time, date, ordinal, phone, malformed); resume at this token.
    Skip(usize),
    /// Not a number at all.
    Nothing,
}

/// The number starting at token `i`; `money` says a currency sign precedes it.
pub(crate) fn read(toks: &[Token], i: usize, money: bool) -> Read {
    let Some(tok) = toks.get(i) else {
        return Read::Nothing;
    };
    match tok.kind {
        Kind::Digits => read_digits(toks, i, money),
        Kind::Word => read_words(toks, i),
        Kind::Sym => Read::Nothing,
    }
}

/// Digits at token `i`, with what is written onto them.
fn read_digits(toks: &[Token], i: usize, money: bool) -> Read {
    let tok = toks[i];
    let Some(mut value) = digit_value(tok.text) else {
        return Read::Skip(skip_digit_chain(toks, i));
    };
    let separators = tok.text.contains([',', '.']);
    let mut end = i + 1;
    if joined(toks, end, ':') && digits_attached(toks, end + 1) {
        return Read::Skip(skip_digit_chain(toks, i));
    }
    if joined(toks, end, '/') && digits_attached(toks, end + 1) {
        return match fraction(toks, i) {
            Some(v) => Read::Number(Amount {
                value: v,
                end: i + 3,
                ..plain_amount(i + 3, false, tok.text.len())
            }),
            None => Read::Skip(skip_digit_chain(toks, i)),
        };
    }
    if tok.text.len() > 1 && tok.text.starts_with('0') && !tok.text.starts_with("0.") {
        return Read::Skip(skip_digit_chain(toks, i));
    }
    let mut plain = !separators;
    if let Some(frac) = mixed_fraction(toks, end) {
        value += frac;
        end += 3;
        plain = false;
    } else if !separators && tok.text.len() <= 3 {
        let (grouped, next) = space_groups(toks, i);
        if next > end {
            value = grouped;
            end = next;
            plain = false;
        }
    }
    let mut scaled = false;
    let mut factor = 1.0;
    if let Some(next) = toks
        .get(end)
        .filter(|t| !t.space_before && t.kind == Kind::Word)
    {
        let lower = next.text.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "st" | "nd" | "rd" | "th" | "s" | "am" | "pm"
        ) {
            return Read::Skip(end + 1);
        }
        // Video resolutions ("1080p") are names.
        let resolution =
            lower == "p" && matches!(tok.text, "480" | "720" | "1080" | "1440" | "2160");
        if resolution {
            return Read::Skip(end + 1);
        }
        // A decimal before a bare "b" is a scale too ("1.2b"); "221B" is a name.
        let decimal_b = tok.text.contains('.') && matches!(next.text, "b" | "B");
        if let Some(scale) = scale_suffix(next.text, money || decimal_b) {
            value *= scale;
            factor = scale;
            end += 1;
            scaled = true;
        }
    }
    let mut code = None;
    if !scaled {
        if let Some((scale, next)) = spaced_scale(toks, end, money) {
            if next > end + 1 {
                code = toks.get(end).and_then(|t| currency_code(t.text));
            }
            value *= scale;
            factor = scale;
            end = next;
            scaled = true;
        }
    }
    if !scaled
        && !money
        && toks
            .get(end)
            .is_some_and(|t| t.text == "m" && !t.space_before)
    {
        // "2.5m people": a million before a counted noun, a metre otherwise ("1.8m tall").
        if toks.get(end + 1).is_some_and(|t| {
            t.kind == Kind::Word && t.space_before && looks_plural(&t.text.to_ascii_lowercase())
        }) {
            value *= 1e6;
            factor = 1e6;
            end += 1;
            scaled = true;
        }
    }
    Read::Number(Amount {
        value,
        end,
        scaled,
        scale: factor,
        code,
        plain: plain && !scaled,
        ..plain_amount(end, false, tok.text.len())
    })
}

/// An amount with only the defaults set.
fn plain_amount(end: usize, words: bool, digits: usize) -> Amount {
    Amount {
        value: 0.0,
        vague: None,
        end,
        scaled: false,
        scale: 1.0,
        code: None,
        words,
        lone_one: false,
        plain: false,
        digits,
    }
}

/// The value of a digit run: `,` must group thousands, at most one `.`.
fn digit_value(text: &str) -> Option<f64> {
    let (int, frac) = match text.split_once('.') {
        Some((int, frac)) if !frac.contains(['.', ',']) => (int, Some(frac)),
        Some(_) => return None,
        None => (text, None),
    };
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let mut clean: String = int.chars().filter(char::is_ascii_digit).collect();
    if let Some(frac) = frac {
        clean.push('.');
        clean.push_str(frac);
    }
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// True when token `at` is the symbol `c` written without spaces around it.
fn joined(toks: &[Token], at: usize, c: char) -> bool {
    toks.get(at).is_some_and(|t| t.is_sym(c) && !t.space_before)
}

/// True when token `at` is digits written onto the previous token.
fn digits_attached(toks: &[Token], at: usize) -> bool {
    toks.get(at)
        .is_some_and(|t| t.kind == Kind::Digits && !t.space_before)
}

/// The token after a chain of digits joined by `: / - . ,` or spaces (a time, date or
/// phone number), and any am/pm after it.
pub(crate) fn skip_digit_chain(toks: &[Token], i: usize) -> usize {
    let mut end = i + 1;
    loop {
        let joiner = toks
            .get(end)
            .is_some_and(|t| !t.space_before && (t.is_sym(':') || t.is_sym('/') || t.is_dash()));
        if joiner && digits_attached(toks, end + 1) {
            end += 2;
        } else if toks
            .get(end)
            .is_some_and(|t| t.kind == Kind::Digits && t.space_before && t.text.len() >= 3)
            && toks[i].text.starts_with('0')
        {
            end += 1;
        } else {
            break;
        }
    }
    if toks
        .get(end)
        .is_some_and(|t| t.is("am") || t.is("pm") || t.is("a") || t.is("p"))
    {
        end += 1;
    }
    end
}

/// A simple fraction `n/d` at token `i` ("1/4"); not a date ("5/17/2018", "9/11").
fn fraction(toks: &[Token], i: usize) -> Option<f64> {
    if joined(toks, i + 3, '/') {
        return None;
    }
    let num: u32 = toks.get(i)?.text.parse().ok()?;
    let den: u32 = toks.get(i + 2)?.text.parse().ok()?;
    let common = matches!(den, 2 | 3 | 4 | 5 | 8 | 10 | 16 | 32 | 64 | 100);
    (common && num < den).then(|| f64::from(num) / f64::from(den))
}

/// The fraction of a mixed number after the whole at token `at` ("7 3/4").
fn mixed_fraction(toks: &[Token], at: usize) -> Option<f64> {
    let first = toks.get(at)?;
    if first.kind != Kind::Digits || !first.space_before {
        return None;
    }
    if !(joined(toks, at + 1, '/') && digits_attached(toks, at + 2)) {
        return None;
    }
    fraction(toks, at)
}

/// Thousands grouped by spaces ("1 234 567", "40 000"): the value and the token after.
fn space_groups(toks: &[Token], i: usize) -> (f64, usize) {
    let mut text = toks[i].text.to_string();
    let mut end = i + 1;
    while let Some(next) = toks.get(end) {
        let prev = toks[end - 1];
        let int = next.text.split('.').next().unwrap_or("");
        let tight = next.start.saturating_sub(prev.end) <= 3;
        if next.kind == Kind::Digits
            && next.space_before
            && tight
            && int.len() == 3
            && !int.contains(',')
            && !text.contains('.')
        {
            text.push_str(next.text);
            end += 1;
        } else {
            break;
        }
    }
    let value = if end > i + 1 {
        digit_value(&text).unwrap_or(0.0)
    } else {
        0.0
    };
    if end > i + 1 && !followed_by_digits(toks, end) {
        (value, end)
    } else {
        (0.0, i + 1)
    }
}

/// True when more digits follow closely (then the groups were something else).
fn followed_by_digits(toks: &[Token], at: usize) -> bool {
    toks.get(at).is_some_and(|t| t.kind == Kind::Digits)
}

/// A scale word written apart after token `at` ("2.5 million", "3 dozen"); a currency code
/// between them is allowed ("75 USD million").
fn spaced_scale(toks: &[Token], at: usize, money: bool) -> Option<(f64, usize)> {
    let mut at = at;
    let tok = toks.get(at)?;
    if tok.kind == Kind::Word
        && currency_code(tok.text).is_some()
        && toks
            .get(at + 1)
            .is_some_and(|t| scale_word(&t.text.to_ascii_lowercase()).is_some())
    {
        at += 1;
    }
    let tok = toks.get(at)?;
    if tok.kind != Kind::Word {
        return None;
    }
    let lower = tok.text.to_ascii_lowercase();
    if let Some(scale) = scale_word(&lower) {
        let mut scale = scale;
        let mut end = at + 1;
        // "two hundred thousand" style doubling after digits ("1.2 million" has none).
        if let Some(more) = toks
            .get(end)
            .and_then(|t| scale_word(&t.text.to_ascii_lowercase()))
            .filter(|&m| m > scale && lower == "thousand")
        {
            scale *= more;
            end += 1;
        }
        return Some((scale, end));
    }
    match lower.as_str() {
        "hundred" => Some((100.0, at + 1)),
        "dozen" => Some((12.0, at + 1)),
        "m" if money => Some((1e6, at + 1)),
        _ => None,
    }
}

/// Number words at token `i`.
fn read_words(toks: &[Token], i: usize) -> Read {
    if let Some(amount) = read_vague(toks, i) {
        return Read::Number(amount);
    }
    match word_number(toks, i) {
        Some(amount) => Read::Number(amount),
        None => Read::Nothing,
    }
}

/// A vague plural at token `i`: "dozens", "thousands", "tens of thousands", "hundreds of
/// millions".
fn read_vague(toks: &[Token], i: usize) -> Option<Amount> {
    let word = toks.get(i)?.text.to_ascii_lowercase();
    let of_next = toks.get(i + 1).is_some_and(|t| t.is("of"));
    let multiplier = match word.as_str() {
        "tens" => Some(10.0),
        "hundreds" => Some(100.0),
        _ => None,
    };
    if let (Some(m), true) = (multiplier, of_next) {
        let scale = toks
            .get(i + 2)
            .and_then(|t| vague_plural(&t.text.to_ascii_lowercase()))
            .filter(|r| r[0] >= 1e3);
        if let Some(r) = scale {
            return Some(vague_amount([m * r[0], m * 10.0 * r[0]], i + 3));
        }
    }
    if word == "tens" {
        return None;
    }
    let range = vague_plural(&word)?;
    Some(vague_amount(range, i + 1))
}

/// An amount for a vague range ending before token `end`.
fn vague_amount(range: [f64; 2], end: usize) -> Amount {
    Amount {
        value: range[0],
        vague: Some(range),
        words: true,
        ..plain_amount(end, true, 0)
    }
}

/// Running state of a number written in words.
#[derive(Default)]
struct WordSum {
    total: f64,
    current: f64,
    /// A cardinal has been read (so a following fraction word is a fraction).
    cardinal: bool,
    /// Tokens used so far.
    words: usize,
    /// The last word was a scale ("hundred", "thousand"), so "and" may follow.
    after_scale: bool,
}

/// A number in words at token `i` ("three", "one hundred and sixty-one", "a dozen",
/// "half a million", "five and a half million", "two thirds").
fn word_number(toks: &[Token], i: usize) -> Option<Amount> {
    let mut sum = WordSum::default();
    let mut at = i;
    let mut end = i;
    while let Some(tok) = toks.get(at) {
        if tok.kind != Kind::Word {
            if tok.is_dash() && !tok.space_before && at > i && hyphen_joins_number(toks, at) {
                at += 1;
                continue;
            }
            break;
        }
        let lower = tok.text.to_ascii_lowercase();
        let Some(step) = word_step(&mut sum, &lower, toks, at) else {
            break;
        };
        at += step;
        end = at;
    }
    if end == i || !sum.cardinal {
        return None;
    }
    let value = sum.total + sum.current;
    let lone_one = end == i + 1 && toks[i].is("one");
    Some(Amount {
        value,
        lone_one,
        words: true,
        scaled: sum.total > 0.0,
        ..plain_amount(end, true, 0)
    })
}

/// True when the dash at `at` joins two number words ("twenty-one", "one-third").
fn hyphen_joins_number(toks: &[Token], at: usize) -> bool {
    toks.get(at + 1).is_some_and(|t| {
        let lower = t.text.to_ascii_lowercase();
        !t.space_before && (small_number(&lower).is_some() || fraction_word(&lower).is_some())
    })
}

/// Reads one word (or "and a half", "a dozen") into `sum`; the tokens used, or `None` when
/// the word does not continue the number.
fn word_step(sum: &mut WordSum, word: &str, toks: &[Token], at: usize) -> Option<usize> {
    let next = toks
        .get(at + 1)
        .map(|t| t.text.to_ascii_lowercase())
        .unwrap_or_default();
    if let Some(v) = small_number(word) {
        let joins_tens = sum.current % 100.0 >= 20.0 && sum.current % 10.0 == 0.0 && v < 10.0;
        let after_hundreds = sum.current % 100.0 == 0.0;
        if sum.words > 0 && !after_hundreds && !joins_tens {
            return None;
        }
        sum.current += v;
        sum.cardinal = true;
        sum.after_scale = false;
        sum.words += 1;
        return Some(1);
    }
    match word {
        "a" | "an" if sum.words == 0 => {
            // "a third of", but not the ordinal of "a third term".
            let fraction_of = matches!(next.as_str(), "third" | "fifth" | "tenth")
                && toks.get(at + 2).is_some_and(|t| t.is("of"));
            let multiplier = matches!(next.as_str(), "hundred" | "thousand" | "dozen" | "quarter")
                || fraction_of
                || scale_word(&next).is_some_and(|_| next.len() > 3);
            if !multiplier {
                return None;
            }
            sum.current = 1.0;
            sum.words += 1;
            Some(1)
        }
        "half" if sum.words == 0 => {
            let article = matches!(next.as_str(), "a" | "an");
            let after = if article {
                toks.get(at + 2).map(|t| t.text.to_ascii_lowercase())
            } else {
                Some(next.clone())
            }
            .unwrap_or_default();
            let scaled = after == "dozen" || (scale_word(&after).is_some() && after.len() > 3);
            if !scaled {
                return None;
            }
            sum.current = 0.5;
            sum.cardinal = true;
            sum.words += 1;
            Some(if article { 2 } else { 1 })
        }
        "hundred" if sum.cardinal || sum.current > 0.0 => {
            sum.current = if sum.current > 0.0 { sum.current } else { 1.0 } * 100.0;
            sum.cardinal = true;
            sum.after_scale = true;
            sum.words += 1;
            Some(1)
        }
        "dozen" | "dozens" if sum.cardinal || sum.current > 0.0 => {
            sum.current = if sum.current > 0.0 { sum.current } else { 1.0 } * 12.0;
            sum.cardinal = true;
            sum.words += 1;
            Some(1)
        }
        "and" if sum.cardinal => {
            let half = next == "a"
                && toks
                    .get(at + 2)
                    .is_some_and(|t| t.is("half") || t.is("quarter"));
            if half {
                let part = if toks.get(at + 2).is_some_and(|t| t.is("half")) {
                    0.5
                } else {
                    0.25
                };
                sum.current += part;
                sum.words += 3;
                return Some(3);
            }
            let continues = small_number(&next).is_some();
            if !(sum.after_scale && continues) {
                return None;
            }
            sum.after_scale = false;
            Some(1)
        }
        _ => {
            if let Some(scale) = scale_word(word).filter(|_| word.len() > 3) {
                if !(sum.cardinal || sum.current > 0.0) {
                    return None;
                }
                sum.total += sum.current.max(0.0) * scale;
                sum.current = 0.0;
                sum.cardinal = true;
                sum.after_scale = true;
                sum.words += 1;
                return Some(1);
            }
            let frac = fraction_word(word)?;
            if sum.current == 0.0 || sum.after_scale {
                return None;
            }
            sum.current *= frac;
            sum.cardinal = true;
            sum.words += 1;
            Some(1)
        }
    }
}
