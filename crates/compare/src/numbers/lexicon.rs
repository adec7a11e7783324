//! Word lists of English news prose that the number scanner consults: number words,
//! scale words, month names, words that make a following number an identifier, and the
//! function words that end a counted noun phrase.
//!
//! Returns plain lookups on lower-cased words; must not hold any state or parse anything.

pub(crate) use crate::calendar::is_month;
use crate::calendar::is_weekday;

/// The value of a cardinal number word below a hundred ("three" → 3, "forty" → 40).
pub(crate) fn small_number(word: &str) -> Option<f64> {
    Some(match word {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// The multiplier of a scale word or abbreviation written apart from the number
/// ("million" → 1e6, "bn" → 1e9).
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "mln" | "mn" | "mil" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// The multiplier of a suffix written onto digits ("10k", "1.2b", "$3bn", "£312m");
/// `money` says a currency precedes, which makes a bare `m`/`t` a scale and not a metre or
/// a tonne.
pub(crate) fn scale_suffix(suffix: &str, money: bool) -> Option<f64> {
    Some(match suffix {
        "k" | "K" => 1e3,
        "M" | "MM" | "mn" | "mln" | "Mn" => 1e6,
        "m" if money => 1e6,
        "b" | "B" if money => 1e9,
        "bn" | "Bn" | "bln" => 1e9,
        "T" | "tn" | "trn" => 1e12,
        "t" if money => 1e12,
        _ => return None,
    })
}

/// A fraction word ("half" → 0.5, "quarters" → 0.25, "thirds" → 1/3).
pub(crate) fn fraction_word(word: &str) -> Option<f64> {
    Some(match word {
        "half" | "halves" => 0.5,
        "quarter" | "quarters" => 0.25,
        "third" | "thirds" => 1.0 / 3.0,
        "fifth" | "fifths" => 0.2,
        "tenth" | "tenths" => 0.1,
        _ => return None,
    })
}

/// A vague plural of a magnitude word and its range ("dozens" → [12, 120]).
pub(crate) fn vague_plural(word: &str) -> Option<[f64; 2]> {
    Some(match word {
        "dozens" => [12.0, 120.0],
        "hundreds" => [100.0, 1000.0],
        "thousands" => [1e3, 1e4],
        "millions" => [1e6, 1e7],
        "billions" => [1e9, 1e10],
        "trillions" => [1e12, 1e13],
        _ => return None,
    })
}

/// True for a noun after which a number names something rather than counting it
/// ("highway 35", "room 101", "no. 1").
pub(crate) fn is_identifier_noun(word: &str) -> bool {
    matches!(
        word,
        "highway"
            | "call"
            | "dial"
            | "ring"
            | "route"
            | "interstate"
            | "exit"
            | "room"
            | "flight"
            | "gate"
            | "platform"
            | "page"
            | "chapter"
            | "section"
            | "article"
            | "no"
            | "nos"
            | "number"
            | "apartment"
            | "apt"
            | "suite"
            | "level"
            | "grade"
            | "version"
            | "model"
            | "lot"
            | "box"
            | "ward"
            | "bus"
            | "channel"
            | "track"
            | "episode"
            | "season"
            | "round"
            | "stage"
            | "phase"
            | "category"
            | "type"
            | "tier"
            | "zone"
            | "district"
            | "precinct"
            | "proposition"
            | "prop"
            | "resolution"
            | "code"
            | "vol"
            | "volume"
            | "item"
            | "covid"
            | "game"
            | "pp"
            | "p"
    )
}

/// True for a word that cannot start or continue a counted noun phrase: articles,
/// pronouns, prepositions, conjunctions, auxiliaries and common adverbs and verbs.
pub(crate) fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "it"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "to"
            | "with"
            | "without"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "through"
            | "during"
            | "between"
            | "among"
            | "across"
            | "against"
            | "per"
            | "than"
            | "as"
            | "via"
            | "near"
            | "around"
            | "within"
            | "toward"
            | "towards"
            | "behind"
            | "beyond"
            | "off"
            | "out"
            | "up"
            | "down"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "while"
            | "if"
            | "because"
            | "although"
            | "when"
            | "where"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "said"
            | "says"
            | "say"
            | "according"
            | "more"
            | "less"
            | "most"
            | "least"
            | "also"
            | "only"
            | "just"
            | "still"
            | "now"
            | "then"
            | "ago"
            | "earlier"
            | "later"
            | "again"
            | "already"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "too"
            | "very"
            | "even"
            | "nearly"
            | "almost"
            | "they"
            | "we"
            | "he"
            | "she"
            | "you"
            | "i"
            | "them"
            | "us"
            | "him"
            | "there"
            | "here"
            | "last"
            | "next"
            | "soon"
            | "away"
            | "apart"
            | "back"
            | "ahead"
            | "ever"
            | "never"
            | "once"
            | "twice"
            | "others"
            | "another"
            | "such"
            | "not"
            | "no"
            | "yes"
            | "whereas"
            | "whether"
            | "plus"
            | "minus"
            | "times"
            | "apiece"
            | "respectively"
            | "instead"
            | "though"
            | "however"
            | "overall"
            | "total"
            | "altogether"
            | "combined"
            | "compared"
            | "including"
            | "included"
            | "like"
            | "unlike"
            | "higher"
            | "lower"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "what"
            | "how"
            | "why"
            | "got"
            | "get"
            | "gets"
            | "make"
            | "made"
            | "took"
            | "take"
            | "went"
            | "come"
            | "came"
    ) || is_weekday(word)
}

/// True for a plural noun that needs no `-s` ("people", "police", "cattle").
pub(crate) fn is_irregular_plural(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "police"
            | "cattle"
            | "children"
            | "men"
            | "women"
            | "personnel"
            | "staff"
            | "livestock"
            | "aircraft"
            | "sheep"
            | "fish"
            | "deer"
            | "troops"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "crew"
            | "offspring"
            | "spacecraft"
            | "youth"
    )
}

/// The currency of an ISO code written in capitals ("USD" → dollar).
pub(crate) fn currency_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "dollar",
        "EUR" => "euro",
        "GBP" => "pound sterling",
        "JPY" => "japanese yen",
        "CNY" | "RMB" => "chinese yuan",
        "CHF" => "swiss franc",
        "AUD" => "australian dollar",
        "CAD" => "canadian dollar",
        "HKD" => "hong kong dollar",
        "INR" => "indian rupee",
        _ => return None,
    })
}

/// True for a lower-case word that reads as a plural noun ("troops", "people"); "series"
/// and "species" are left open.
pub(crate) fn looks_plural(lower: &str) -> bool {
    let last = lower.rsplit('-').next().unwrap_or(lower);
    if matches!(
        last,
        "series"
            | "species"
            | "news"
            | "sales"
            | "has"
            | "was"
            | "does"
            | "this"
            | "its"
            | "is"
            | "as"
            | "us"
            | "thus"
            | "plus"
            | "less"
            | "always"
            | "perhaps"
    ) {
        return false;
    }
    is_irregular_plural(last)
        || (last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
            && !last.ends_with("'s")
            && !last.ends_with("\u{2019}s"))
}

word_set!(
    /// True for a lower-case ASCII word that is, or can begin, a number in words: cardinals,
    /// scale words, vague plurals and fractions ("three", "dozens", "half"). Works on bytes
    /// so that the pre-checks need no allocation or UTF-8 check.
    pub(crate) fn is_number_word_bytes(&[u8]),
    /// The words [`is_number_word_bytes`] accepts.
    pub(crate) const NUMBER_WORDS: &[&[u8]],
    [
        b"zero",
        b"one",
        b"two",
        b"three",
        b"four",
        b"five",
        b"six",
        b"seven",
        b"eight",
        b"nine",
        b"ten",
        b"eleven",
        b"twelve",
        b"thirteen",
        b"fourteen",
        b"fifteen",
        b"sixteen",
        b"seventeen",
        b"eighteen",
        b"nineteen",
        b"twenty",
        b"thirty",
        b"forty",
        b"fifty",
        b"sixty",
        b"seventy",
        b"eighty",
        b"ninety",
        b"hundred",
        b"hundreds",
        b"thousand",
        b"thousands",
        b"million",
        b"millions",
        b"billion",
        b"billions",
        b"trillion",
        b"trillions",
        b"dozen",
        b"dozens",
        b"tens",
        b"half",
        b"halves",
        b"quarter",
        b"quarters",
        b"third",
        b"thirds",
        b"fifth",
        b"fifths",
        b"tenth",
        b"tenths",
    ]
);

/// `word` lower-cased into `buf` when it is ASCII and fits, else `None`.
pub(crate) fn ascii_lower<'b>(word: &[u8], buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(word) {
        *slot = b.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}
