//! The unit of a number, read from the words after it: a currency, percent, a measure
//! ("km", "tonnes", "degrees Celsius"), a duration or an age ("34-year-old", "five years
//! old"), a rate ("$90 a barrel", "miles an hour"), or the counted noun ("troops", "fighter
//! jets", "head of cattle").
//!
//! Returns the unit as the canonical key of the numbers-dev scorer where there is one
//! (`dollar`, `percentage`, `kilometre`, `year of age`) and the counted noun as written
//! otherwise, with the token where it ends. Must not decide values or qualifiers.

use super::lexicon::{
    is_month, is_stop_word, looks_plural, scale_word, small_number, vague_plural,
};
use super::token::{Kind, Token};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What kind of thing a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// Money.
    Currency,
    /// Percent, percentage points, basis points, points.
    Percent,
    /// A measurement (length, mass, temperature, data …).
    Measure,
    /// A duration.
    Time,
    /// An age ("year of age").
    Age,
    /// A counted noun.
    Noun,
}

/// A unit read after a number.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Unit {
    /// The unit key or the counted noun.
    pub name: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Token index after the unit.
    pub end: usize,
}

/// What follows a number.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum After {
    /// A unit.
    Unit(Unit),
    /// Nothing that is a unit.
    Nothing,
    /// Something that makes the number part of a name ("777F", "one-time", "9-iron").
    NotQuantity,
}

/// Where a unit's first token may stand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Written onto the number or apart from it.
    Any,
    /// Only written onto the number ("10g", "11c").
    Attached,
}

use Place::{Any, Attached};
use UnitKind::{Age, Currency, Measure, Noun, Percent, Time};

/// Units after a number: tokens as the tokenizer splits them (space-separated), the key,
/// the kind and where the first token may stand. Single letters match case-sensitively.
const UNITS: &[(&str, &str, UnitKind, Place)] = &[
    ("%", "percentage", Percent, Any),
    ("percent", "percentage", Percent, Any),
    ("per cent", "percentage", Percent, Any),
    ("pct", "percentage", Percent, Any),
    ("percentage points", "percentage point", Percent, Any),
    ("percentage point", "percentage point", Percent, Any),
    ("basis points", "basis point", Percent, Any),
    ("basis point", "basis point", Percent, Any),
    ("bps", "basis point", Percent, Any),
    ("bp", "basis point", Percent, Any),
    ("percentage - points", "percentage point", Percent, Any),
    ("percentage - point", "percentage point", Percent, Any),
    ("basis - points", "basis point", Percent, Any),
    ("basis - point", "basis point", Percent, Any),
    ("points", "point", Percent, Any),
    ("point", "point", Percent, Any),
    ("pts", "point", Percent, Any),
    ("us dollars", "dollar", Currency, Any),
    ("us dollar", "dollar", Currency, Any),
    ("u . s . dollars", "dollar", Currency, Any),
    ("dollars", "dollar", Currency, Any),
    ("dollar", "dollar", Currency, Any),
    ("usd", "dollar", Currency, Any),
    ("$", "dollar", Currency, Any),
    ("australian dollars", "australian dollar", Currency, Any),
    ("canadian dollars", "canadian dollar", Currency, Any),
    ("hong kong dollars", "hong kong dollar", Currency, Any),
    ("new zealand dollars", "new zealand dollar", Currency, Any),
    ("singapore dollars", "singaporean dollar", Currency, Any),
    ("euros", "euro", Currency, Any),
    ("euro", "euro", Currency, Any),
    ("eur", "euro", Currency, Any),
    ("€", "euro", Currency, Any),
    ("pounds sterling", "pound sterling", Currency, Any),
    ("sterling", "pound sterling", Currency, Any),
    ("gbp", "pound sterling", Currency, Any),
    ("£", "pound sterling", Currency, Any),
    ("pence", "pence", Currency, Any),
    ("p", "pence", Currency, Attached),
    ("penny", "penny", Currency, Any),
    ("pennies", "penny", Currency, Any),
    ("cents", "cent", Currency, Any),
    ("cent", "cent", Currency, Any),
    ("c", "cent", Currency, Attached),
    ("yen", "japanese yen", Currency, Any),
    ("jpy", "japanese yen", Currency, Any),
    ("¥", "japanese yen", Currency, Any),
    ("yuan", "chinese yuan", Currency, Any),
    ("renminbi", "chinese yuan", Currency, Any),
    ("rmb", "chinese yuan", Currency, Any),
    ("cny", "chinese yuan", Currency, Any),
    ("chinese yuan", "chinese yuan", Currency, Any),
    ("rupees", "indian rupee", Currency, Any),
    ("inr", "indian rupee", Currency, Any),
    ("chf", "swiss franc", Currency, Any),
    ("years", "year", Time, Any),
    ("year", "year", Time, Any),
    ("yrs", "year", Time, Any),
    ("yr", "year", Time, Any),
    ("months", "month", Time, Any),
    ("month", "month", Time, Any),
    ("weeks", "week", Time, Any),
    ("week", "week", Time, Any),
    ("days", "day", Time, Any),
    ("day", "day", Time, Any),
    ("hours", "hour", Time, Any),
    ("hour", "hour", Time, Any),
    ("hrs", "hour", Time, Any),
    ("hr", "hour", Time, Any),
    ("h", "hour", Time, Attached),
    ("minutes", "minute", Time, Any),
    ("minute", "minute", Time, Any),
    ("mins", "minute", Time, Any),
    ("min", "minute", Time, Any),
    ("seconds", "second", Time, Any),
    ("secs", "second", Time, Any),
    ("decades", "decade", Time, Any),
    ("decade", "decade", Time, Any),
    ("centuries", "century", Time, Any),
    ("century", "century", Time, Any),
    ("yo", "year of age", Age, Any),
    ("square kilometres", "square kilometre", Measure, Any),
    ("square kilometers", "square kilometre", Measure, Any),
    ("square metres", "square metre", Measure, Any),
    ("square meters", "square metre", Measure, Any),
    ("square feet", "square foot", Measure, Any),
    ("square foot", "square foot", Measure, Any),
    ("square miles", "square mile", Measure, Any),
    ("square mile", "square mile", Measure, Any),
    ("sq ft", "square foot", Measure, Any),
    ("sq m", "square metre", Measure, Any),
    ("sq km", "square kilometre", Measure, Any),
    ("sq mi", "square mile", Measure, Any),
    ("km 2", "square kilometre", Measure, Any),
    ("km ²", "square kilometre", Measure, Any),
    ("m 2", "square metre", Measure, Any),
    ("m ²", "square metre", Measure, Any),
    ("cubic feet", "cubic foot", Measure, Any),
    ("cubic metres", "cubic metre", Measure, Any),
    ("cubic meters", "cubic metre", Measure, Any),
    ("nautical miles", "nautical mile", Measure, Any),
    ("light years", "light year", Measure, Any),
    ("kilometres", "kilometre", Measure, Any),
    ("kilometers", "kilometre", Measure, Any),
    ("kilometre", "kilometre", Measure, Any),
    ("kilometer", "kilometre", Measure, Any),
    ("km", "kilometre", Measure, Any),
    ("kms", "kilometre", Measure, Any),
    ("metres", "metre", Measure, Any),
    ("meters", "metre", Measure, Any),
    ("metre", "metre", Measure, Any),
    ("meter", "metre", Measure, Any),
    ("m", "metre", Measure, Any),
    ("centimetres", "centimetre", Measure, Any),
    ("centimeters", "centimetre", Measure, Any),
    ("cm", "centimetre", Measure, Any),
    ("millimetres", "millimetre", Measure, Any),
    ("millimeters", "millimetre", Measure, Any),
    ("mm", "millimetre", Measure, Any),
    ("miles", "mile", Measure, Any),
    ("mile", "mile", Measure, Any),
    ("mi", "mile", Measure, Any),
    ("feet", "foot", Measure, Any),
    ("foot", "foot", Measure, Any),
    ("ft", "foot", Measure, Any),
    ("inches", "inch", Measure, Any),
    ("inch", "inch", Measure, Any),
    ("yards", "yard", Measure, Any),
    ("yard", "yard", Measure, Any),
    ("yd", "yard", Measure, Any),
    ("acres", "acre", Measure, Any),
    ("acre", "acre", Measure, Any),
    ("hectares", "hectare", Measure, Any),
    ("hectare", "hectare", Measure, Any),
    ("ha", "hectare", Measure, Attached),
    ("litres", "litre", Measure, Any),
    ("liters", "litre", Measure, Any),
    ("litre", "litre", Measure, Any),
    ("liter", "litre", Measure, Any),
    ("l", "litre", Measure, Any),
    ("L", "litre", Measure, Any),
    ("ml", "millilitre", Measure, Any),
    ("gallons", "gallon", Measure, Any),
    ("gallon", "gallon", Measure, Any),
    ("barrels", "barrel", Measure, Any),
    ("barrel", "barrel", Measure, Any),
    ("bbl", "barrel", Measure, Any),
    ("bpd", "barrel per day", Measure, Any),
    ("pints", "pint", Measure, Any),
    ("kilograms", "kilogram", Measure, Any),
    ("kilogram", "kilogram", Measure, Any),
    ("kilos", "kilogram", Measure, Any),
    ("kg", "kilogram", Measure, Any),
    ("kgs", "kilogram", Measure, Any),
    ("grams", "gram", Measure, Any),
    ("gram", "gram", Measure, Any),
    ("g", "gram", Measure, Attached),
    ("milligrams", "milligram", Measure, Any),
    ("mg", "milligram", Measure, Any),
    ("lbs", "pound-mass", Measure, Any),
    ("lb", "pound-mass", Measure, Any),
    ("ounces", "ounce", Measure, Any),
    ("ounce", "ounce", Measure, Any),
    ("oz", "ounce", Measure, Any),
    ("metric tons", "metric ton", Measure, Any),
    ("metric tonnes", "metric ton", Measure, Any),
    ("tonnes", "metric ton", Measure, Any),
    ("tonne", "metric ton", Measure, Any),
    ("t", "metric ton", Measure, Any),
    ("tons", "ton", Measure, Any),
    ("ton", "ton", Measure, Any),
    ("carats", "carat", Measure, Any),
    ("degrees celsius", "celsius", Measure, Any),
    ("degree celsius", "celsius", Measure, Any),
    ("deg celsius", "celsius", Measure, Any),
    ("degrees centigrade", "celsius", Measure, Any),
    ("degrees c", "celsius", Measure, Any),
    ("° C", "celsius", Measure, Any),
    ("° c", "celsius", Measure, Any),
    ("º C", "celsius", Measure, Any),
    ("celsius", "celsius", Measure, Any),
    ("C", "celsius", Measure, Any),
    ("degrees fahrenheit", "fahrenheit", Measure, Any),
    ("degree fahrenheit", "fahrenheit", Measure, Any),
    ("deg fahrenheit", "fahrenheit", Measure, Any),
    ("degrees f", "fahrenheit", Measure, Any),
    ("° F", "fahrenheit", Measure, Any),
    ("° f", "fahrenheit", Measure, Any),
    ("º F", "fahrenheit", Measure, Any),
    ("fahrenheit", "fahrenheit", Measure, Any),
    ("F", "fahrenheit", Measure, Attached),
    ("degrees", "degree", Measure, Any),
    ("degree", "degree", Measure, Any),
    ("°", "degree", Measure, Any),
    ("kelvin", "kelvin", Measure, Any),
    ("mph", "mile per hour", Measure, Any),
    ("kph", "kilometre per hour", Measure, Any),
    ("kmph", "kilometre per hour", Measure, Any),
    ("km / h", "kilometre per hour", Measure, Any),
    ("knots", "knot", Measure, Any),
    ("watts", "watt", Measure, Any),
    ("W", "watt", Measure, Attached),
    ("kilowatts", "kilowatt", Measure, Any),
    ("kw", "kilowatt", Measure, Any),
    ("megawatts", "megawatt", Measure, Any),
    ("mw", "megawatt", Measure, Any),
    ("gigawatts", "gigawatt", Measure, Any),
    ("gw", "gigawatt", Measure, Any),
    ("kwh", "kilowatt hour", Measure, Any),
    ("mwh", "megawatt hour", Measure, Any),
    ("gwh", "gigawatt hour", Measure, Any),
    ("twh", "terawatt hour", Measure, Any),
    ("horsepower", "horsepower", Measure, Any),
    ("hp", "horsepower", Measure, Any),
    (
        "british thermal units",
        "british thermal unit",
        Measure,
        Any,
    ),
    ("btu", "british thermal unit", Measure, Any),
    ("calories", "calorie", Measure, Any),
    ("kcal", "kilocalorie", Measure, Any),
    ("volts", "volt", Measure, Any),
    ("V", "volt", Measure, Attached),
    ("kv", "kilovolt", Measure, Any),
    ("mah", "milliampere-hour", Measure, Any),
    ("bits", "bit", Measure, Any),
    ("bytes", "byte", Measure, Any),
    ("kb", "kilobyte", Measure, Any),
    ("mb", "megabyte", Measure, Any),
    ("gb", "gigabyte", Measure, Any),
    ("tb", "terabyte", Measure, Any),
    ("megabytes", "megabyte", Measure, Any),
    ("gigabytes", "gigabyte", Measure, Any),
    ("terabytes", "terabyte", Measure, Any),
    ("exabytes", "exabyte", Measure, Any),
    ("mbps", "megabit per second", Measure, Any),
    ("gbps", "gigabit per second", Measure, Any),
    ("ghz", "gigahertz", Measure, Any),
    ("mhz", "megahertz", Measure, Any),
    ("khz", "kilohertz", Measure, Any),
    ("hz", "hertz", Measure, Any),
    ("decibels", "decibel", Measure, Any),
    ("db", "decibel", Measure, Any),
    ("ppm", "part per million", Measure, Any),
    ("ppb", "parts-per-billion", Measure, Any),
    ("times", "count", Measure, Any),
    ("magnitude", "magnitude", Measure, Any),
    ("fold", "count", Measure, Any),
];

/// Indices into [`UNITS`] by the lower-cased first token of the pattern, built once.
static UNITS_BY_FIRST: LazyLock<HashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, (pattern, ..)) in UNITS.iter().enumerate() {
        let first = pattern.split(' ').next().unwrap_or(pattern).to_lowercase();
        map.entry(first).or_default().push(index);
    }
    map
});

/// Nouns a rate is "per" ("a share", "per barrel", "an hour", "/kg").
const RATE_NOUNS: &[(&str, &str)] = &[
    ("share", "share"),
    ("barrel", "barrel"),
    ("year", "year"),
    ("annum", "year"),
    ("yr", "year"),
    ("month", "month"),
    ("week", "week"),
    ("day", "day"),
    ("night", "night"),
    ("hour", "hour"),
    ("hr", "hour"),
    ("h", "hour"),
    ("minute", "minute"),
    ("min", "minute"),
    ("second", "second"),
    ("kg", "kilogram"),
    ("kilogram", "kilogram"),
    ("kilo", "kilogram"),
    ("gram", "gram"),
    ("ton", "ton"),
    ("tonne", "metric ton"),
    ("pound", "pound-mass"),
    ("lb", "pound-mass"),
    ("ounce", "ounce"),
    ("oz", "ounce"),
    ("gallon", "gallon"),
    ("litre", "litre"),
    ("liter", "litre"),
    ("l", "litre"),
    ("km", "kilometre"),
    ("kilometre", "kilometre"),
    ("kilometer", "kilometre"),
    ("mile", "mile"),
    ("person", "person"),
    ("head", "head"),
    ("capita", "capita"),
    ("dozen", "dozen"),
    ("security", "security"),
    ("unit", "unit"),
    ("game", "game"),
    ("household", "household"),
    ("passenger", "passenger"),
    ("ticket", "ticket"),
    ("square foot", "square foot"),
    ("sq ft", "square foot"),
];

/// Words after "a year" that make it a time reference, not a rate ("a year earlier").
const NOT_RATE_AFTER: &[&str] = &[
    "earlier", "ago", "before", "after", "later", "on", "from", "prior", "back", "in", "to",
    "since", "of", "and",
];

/// Words after a number joined by a hyphen that make it part of a name or an idiom
/// ("one-time", "9-iron", "two-way").
const NOT_UNIT_COMPOUNDS: &[&str] = &[
    "time", "way", "iron", "wood", "off", "sided", "liner", "on", "up", "star", "horse", "nil",
    "all", "hander", "shot", "nothing", "love",
];

/// The unit after the number ending at token `at`. `money` says a currency came before the
/// number (it then is the unit, and only a rate may follow); `value` and `scaled` help
/// to read "pounds" as money or mass.
pub(crate) fn after(toks: &[Token], at: usize, value: f64, scaled: bool) -> After {
    let Some(first) = toks.get(at) else {
        return After::Nothing;
    };
    if first.is_dash() && !first.space_before {
        if let Some(result) = hyphen_compound(toks, at) {
            return result;
        }
    }
    if let Some(unit) = lexicon_unit(toks, at, scaled) {
        return After::Unit(with_rate_or_age(toks, unit));
    }
    if first.kind == Kind::Word && !first.space_before {
        return After::NotQuantity;
    }
    match counted_noun(toks, at, value) {
        Some(unit) => After::Unit(with_rate_or_age(toks, unit)),
        None => After::Nothing,
    }
}

/// A rate after a currency written before the number ("$90 a barrel", "$70-a-share",
/// "$15.4/hour"), or the currency alone; a currency word repeated after the number
/// ("$3 dollars") is taken in.
pub(crate) fn after_money(toks: &[Token], at: usize, currency: &str) -> Unit {
    let unit = Unit {
        name: currency.to_string(),
        kind: Currency,
        end: at,
    };
    with_rate_or_age(toks, unit)
}

/// `unit` with a following rate ("per share") or age ("years old") taken in.
fn with_rate_or_age(toks: &[Token], unit: Unit) -> Unit {
    if unit.kind == Time {
        if let Some(end) = age_suffix(toks, unit.end) {
            return Unit {
                name: format!("{} of age", unit.name),
                kind: Age,
                end,
            };
        }
    }
    if unit.kind == Age {
        return unit;
    }
    match rate(toks, unit.end, unit.kind) {
        Some((per, end)) => Unit {
            name: format!("{} per {}", unit.name, per.key()),
            kind: unit.kind,
            end,
        },
        None => unit,
    }
}

/// "old" or "of age" after a duration ("five years old", "3 years of age").
fn age_suffix(toks: &[Token], at: usize) -> Option<usize> {
    let first = toks.get(at)?;
    if first.is("old") {
        return Some(at + 1);
    }
    if first.is_dash() && toks.get(at + 1).is_some_and(|t| t.is("old")) {
        return Some(at + 2);
    }
    (first.is("of") && toks.get(at + 1).is_some_and(|t| t.is("age"))).then_some(at + 2)
}

/// The rate noun after token `at` ("a share", "per barrel", "/hour", "-a-share") and the
/// token after it. For measures and currencies, "of" and a few words may come between
/// ("gallons of jet fuel a year").
fn rate<'a>(toks: &[Token<'a>], at: usize, kind: UnitKind) -> Option<(RateNoun<'a>, usize)> {
    if let Some(found) = rate_at(toks, at) {
        return Some(found);
    }
    if toks.get(at).is_some_and(|t| t.is("more") || t.is("less")) {
        if let Some(found) = rate_at(toks, at + 1).filter(|_| toks[at + 1].is("per")) {
            return Some(found);
        }
    }
    if matches!(kind, Measure | Currency) && toks.get(at).is_some_and(|t| t.is("of")) {
        for skip in 1..=3 {
            let word = toks.get(at + skip)?;
            if word.kind != Kind::Word || is_stop_word(&word.text.to_ascii_lowercase()) {
                return None;
            }
            if let Some(found) = rate_at(toks, at + skip + 1) {
                return Some(found);
            }
        }
    }
    None
}

/// The noun a rate is "per": a listed one as its key, or any other noun as written.
#[derive(Clone, Copy, Debug)]
enum RateNoun<'a> {
    /// A noun of [`RATE_NOUNS`], as its key.
    Listed(&'static str),
    /// Another noun after "per" or "/", as written.
    Written(&'a str),
}

impl RateNoun<'_> {
    /// The noun as it goes into the unit.
    fn key(&self) -> String {
        match self {
            RateNoun::Listed(key) => (*key).to_string(),
            RateNoun::Written(word) => word.to_lowercase(),
        }
    }
}

/// A rate starting exactly at token `at`.
fn rate_at<'a>(toks: &[Token<'a>], at: usize) -> Option<(RateNoun<'a>, usize)> {
    let first = toks.get(at)?;
    let word = first.is("per") || first.is("a") || first.is("an") || first.is("each");
    let noun_at = if word || first.is_sym('/') {
        at + 1
    } else if first.is_dash()
        && !first.space_before
        && toks.get(at + 1).is_some_and(|t| t.is("a") || t.is("per"))
        && toks.get(at + 2).is_some_and(Token::is_dash)
    {
        at + 3
    } else {
        return None;
    };
    let noun = toks.get(noun_at)?;
    if noun.kind != Kind::Word {
        return None;
    }
    let lower = noun.text.to_ascii_lowercase();
    let listed = RATE_NOUNS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, key)| *key);
    let any_noun = (first.is("per") || first.is_sym('/'))
        && !is_stop_word(&lower)
        && !looks_plural(&lower)
        && lower.len() > 1;
    let key = match listed {
        Some(key) => key,
        None if any_noun => return Some((RateNoun::Written(noun.text), noun_at + 1)),
        None => return None,
    };
    let time_reference = (first.is("a") || first.is("an"))
        && matches!(key, "year" | "month" | "week" | "day" | "night")
        && toks
            .get(noun_at + 1)
            .is_some_and(|t| NOT_RATE_AFTER.iter().any(|w| t.is(w)));
    (!time_reference).then_some((RateNoun::Listed(key), noun_at + 1))
}

/// A unit from the lexicon at token `at`, longest entry first.
fn lexicon_unit(toks: &[Token], at: usize, scaled: bool) -> Option<Unit> {
    let first = toks.get(at)?;
    let mut best: Option<(usize, &str, UnitKind)> = None;
    let candidates = UNITS_BY_FIRST
        .get(first.text.to_lowercase().as_str())
        .map_or(&[][..], Vec::as_slice);
    for &index in candidates {
        let Some(&(pattern, key, kind, place)) = UNITS.get(index) else {
            continue;
        };
        if place == Attached && first.space_before {
            continue;
        }
        let Some(n) = pattern_len(toks, at, pattern) else {
            continue;
        };
        if best.is_none_or(|(b, _, _)| n > b) {
            best = Some((n, key, kind));
        }
    }
    if let Some(pounds) = pounds(toks, at, scaled) {
        if best.is_none_or(|(b, _, _)| pounds.end - at > b) {
            return Some(pounds);
        }
    }
    if first.is("in") {
        return inch_word(toks, at);
    }
    let (n, key, kind) = best?;
    if n == 1 && !first.space_before && matches!(first.text, "F" | "C") {
        // "13F filing", "Boeing 777F": a name, not a temperature.
        let noun_after = toks
            .get(at + 1)
            .is_some_and(|t| t.kind == Kind::Word && !is_stop_word(&t.text.to_ascii_lowercase()));
        let name_before = at >= 2
            && toks[at - 2].kind == Kind::Word
            && toks[at - 2]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !is_stop_word(&toks[at - 2].text.to_ascii_lowercase());
        if (noun_after && first.text == "F") || name_before {
            return None;
        }
        if first.text == "C" && toks.get(at + 1).is_some_and(|t| t.is_sym('/')) {
            return Some(Unit {
                name: "cent".to_string(),
                kind: Currency,
                end: at + 1,
            });
        }
    }
    // A lone letter apart from the number is a unit only before a break or a lower-case
    // word ("30 C outside", "278,000 t valued"), never before a capitalised name.
    if n == 1 && first.text.chars().count() == 1 && first.kind == Kind::Word {
        let next = toks.get(at + 1);
        let name_follows = next.is_some_and(|t| {
            t.kind == Kind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        });
        if first.space_before && (name_follows || next.is_some_and(|t| t.is_sym('.'))) {
            return None;
        }
    }
    Some(Unit {
        name: key.to_string(),
        kind,
        end: at + n,
    })
}

/// The tokens `pattern` takes at token `at`; a one-letter pattern matches case-sensitively.
fn pattern_len(toks: &[Token], at: usize, pattern: &str) -> Option<usize> {
    let single = !pattern.contains(' ');
    let mut n = 0;
    for part in pattern.split(' ') {
        let tok = toks.get(at + n)?;
        if n > 0 && tok.kind == Kind::Digits && tok.space_before {
            return None;
        }
        let same = if single && part.chars().count() == 1 {
            tok.text == part
        } else {
            tok.text.eq_ignore_ascii_case(part)
        };
        if !same {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// "pounds": money with a scale word or "sterling", else mass ("25 pounds").
fn pounds(toks: &[Token], at: usize, scaled: bool) -> Option<Unit> {
    let tok = toks.get(at)?;
    if !(tok.is("pounds") || tok.is("pound")) {
        return None;
    }
    let sterling = toks.get(at + 1).is_some_and(|t| t.is("sterling"));
    let (name, kind, end) = if sterling {
        ("pound sterling", Currency, at + 2)
    } else if scaled {
        ("pound sterling", Currency, at + 1)
    } else {
        ("pound-mass", Measure, at + 1)
    };
    Some(Unit {
        name: name.to_string(),
        kind,
        end,
    })
}

/// "in" as inches, only before a dimension word ("2 1/2 in thick").
fn inch_word(toks: &[Token], at: usize) -> Option<Unit> {
    let next = toks.get(at + 1)?;
    let dimension = [
        "thick", "long", "wide", "tall", "deep", "high", "across", "diameter",
    ]
    .iter()
    .any(|w| next.is(w));
    dimension.then(|| Unit {
        name: "inch".to_string(),
        kind: Measure,
        end: at + 1,
    })
}

/// A unit joined to the number by a hyphen ("24-hour", "34-year-old", "450-seat",
/// "12-cent-a-share"); `NotQuantity` for idioms and names ("one-time", "9-iron").
fn hyphen_compound(toks: &[Token], at: usize) -> Option<After> {
    let word = toks.get(at + 1).filter(|t| !t.space_before)?;
    if word.kind != Kind::Word {
        return None;
    }
    let lower = word.text.to_ascii_lowercase();
    if small_number(&lower).is_some() {
        return None;
    }
    if NOT_UNIT_COMPOUNDS.contains(&lower.as_str()) {
        return Some(After::NotQuantity);
    }
    if lower == "a" || lower == "per" {
        return None;
    }
    if toks.get(at.wrapping_sub(1)).is_some_and(|t| t.is("zero")) {
        return Some(After::NotQuantity);
    }
    if let Some(unit) = lexicon_unit(toks, at + 1, false) {
        return Some(After::Unit(with_rate_or_age(toks, unit)));
    }
    let mut end = at + 2;
    let mut name = lower;
    if name == "plus" {
        return None;
    }
    // "F-Series"-like continuations stay with the noun only when they are words.
    while toks
        .get(end)
        .is_some_and(|t| t.is_dash() && !t.space_before)
        && toks
            .get(end + 1)
            .is_some_and(|t| !t.space_before && t.kind == Kind::Word && !t.is("a"))
    {
        name.push('-');
        name.push_str(&toks[end + 1].text.to_ascii_lowercase());
        end += 2;
    }
    let unit = Unit {
        name,
        kind: Noun,
        end,
    };
    Some(After::Unit(with_rate_or_age(toks, unit)))
}

/// The counted noun phrase at token `at`: up to four words ending at the first plural
/// noun ("126 fighter jets", "2.5 million head of cattle"); a singular noun only for the
/// value 1 ("one hospital").
pub(crate) fn counted_noun(toks: &[Token], at: usize, value: f64) -> Option<Unit> {
    let mut words: Vec<String> = Vec::new();
    let mut end = at;
    let mut plural = false;
    while words.len() < 4 {
        let Some((word, next)) = noun_word(toks, end) else {
            break;
        };
        let lower = word.to_ascii_lowercase();
        if !words.is_empty() && (lower.ends_with("ed") || lower.ends_with("ing")) {
            break;
        }
        words.push(word);
        end = next;
        if looks_plural(&lower) {
            plural = true;
            break;
        }
        if value == 1.0 && noun_word(toks, end).is_none() {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    if !plural && value != 1.0 {
        let head = words.last().map(|w| w.to_ascii_lowercase());
        if head.as_deref() == Some("head") {
            return head_of(toks, end, words);
        }
        return None;
    }
    Some(Unit {
        name: words.join(" "),
        kind: Noun,
        end,
    })
}

/// "head of cattle" after "head".
fn head_of(toks: &[Token], at: usize, mut words: Vec<String>) -> Option<Unit> {
    if !toks.get(at).is_some_and(|t| t.is("of")) {
        return None;
    }
    let (noun, end) = noun_word(toks, at + 1)?;
    words.push("of".to_string());
    words.push(noun);
    Some(Unit {
        name: words.join(" "),
        kind: Noun,
        end,
    })
}

/// One word of a noun phrase at token `at` (hyphenated words joined: "F-Series"), and the
/// token after it; `None` for function words, numbers, months and adverbs.
fn noun_word(toks: &[Token], at: usize) -> Option<(String, usize)> {
    let tok = toks.get(at)?;
    if tok.kind != Kind::Word || !tok.space_before {
        return None;
    }
    let lower = tok.text.to_ascii_lowercase();
    let bad = is_stop_word(&lower)
        || is_month(&lower)
        || small_number(&lower).is_some()
        || scale_word(&lower).is_some()
        || vague_plural(&lower).is_some()
        || (lower.ends_with("ly") && lower.len() > 4);
    if bad {
        return None;
    }
    let mut word = tok.text.to_string();
    let mut end = at + 1;
    while toks
        .get(end)
        .is_some_and(|t| t.is_dash() && !t.space_before)
        && toks
            .get(end + 1)
            .is_some_and(|t| !t.space_before && t.kind == Kind::Word)
    {
        word.push('-');
        word.push_str(toks[end + 1].text);
        end += 2;
    }
    Some((word, end))
}

/// The unit after a vague plural: "of" and a unit or noun ("tens of thousands of people",
/// "millions of dollars"), or nothing.
pub(crate) fn after_vague(toks: &[Token], at: usize) -> Option<Unit> {
    if !toks.get(at).is_some_and(|t| t.is("of")) {
        return None;
    }
    lexicon_unit(toks, at + 1, true).or_else(|| counted_noun(toks, at + 1, 2.0))
}
