//! Word lists of English news attribution: speech verbs and what they take, titles and
//! ranks (dropped from names), role nouns and their families, organisation words, pronouns,
//! capitalised function words that do not start a name, and first names with a gender.
//!
//! Returns plain lookups on lower-cased words; owns no state and must not hold names of
//! particular people, places or organisations (the rules have to work on any article).

use crate::calendar::{is_month_name, is_weekday};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: a fast hash for the short, fixed keys of these word lists.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by words, hashed with [`Fnv`].
type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// How a speech verb form may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbUse {
    /// A finite form ("said", "tells") that takes a subject before it or after it.
    pub finite: bool,
    /// Takes a reported clause ("said that …"); false for "asked", "shouted", "joked".
    pub clause: bool,
    /// Takes a person object before its clause ("told reporters that …").
    pub object: bool,
}

/// What a lower-cased word is as a speech verb, if it is one (one hash lookup).
pub fn speech_verb(word: &str) -> Option<VerbUse> {
    let key = shape(word)?;
    if VERB_SHAPES[key / 64] & (1 << (key % 64)) == 0 {
        return None;
    }
    SPEECH_VERBS.get(word).copied()
}

/// A word's length, first and last letter packed into one bit index (most words are no
/// verb and fail this test without hashing); `None` for shapes no verb has.
fn shape(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    if bytes.len() > 15 || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return None;
    }
    Some((bytes.len() * 26 + usize::from(first - b'a')) * 26 + usize::from(last - b'a'))
}

/// Bit set of the shapes of every speech-verb form.
static VERB_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (16usize * 26 * 26).div_ceil(64)];
    for word in SPEECH_VERBS.keys() {
        if let Some(key) = shape(word) {
            bits[key / 64] |= 1 << (key % 64);
        }
    }
    bits
});

/// Every speech-verb form with its use, built once.
static SPEECH_VERBS: LazyLock<WordMap<VerbUse>> = LazyLock::new(|| {
    const FINITE_CLAUSE: &[&str] = &[
        "said",
        "says",
        "say",
        "added",
        "adds",
        "noted",
        "notes",
        "warned",
        "warns",
        "insisted",
        "insists",
        "argued",
        "argues",
        "claimed",
        "claims",
        "explained",
        "explains",
        "stated",
        "states",
        "wrote",
        "writes",
        "acknowledged",
        "acknowledges",
        "admitted",
        "admits",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "declared",
        "declares",
        "stressed",
        "stresses",
        "emphasized",
        "emphasised",
        "emphasizes",
        "emphasises",
        "maintained",
        "maintains",
        "suggested",
        "suggests",
        "predicted",
        "predicts",
        "agreed",
        "agrees",
        "complained",
        "complains",
        "conceded",
        "concedes",
        "contended",
        "contends",
        "alleged",
        "alleges",
        "indicated",
        "indicates",
        "revealed",
        "reveals",
        "estimated",
        "estimates",
        "countered",
        "counters",
        "replied",
        "replies",
        "responded",
        "responds",
        "answered",
        "answers",
        "tweeted",
        "tweets",
        "posted",
        "testified",
        "testifies",
        "reiterated",
        "reiterates",
        "observed",
        "observes",
        "remarked",
        "remarks",
        "recalled",
        "recalls",
        "cautioned",
        "cautions",
        "concluded",
        "concludes",
        "believes",
        "believed",
        "thinks",
        "hopes",
        "hoped",
        "fears",
        "feared",
        "objected",
        "charged",
        "asserted",
        "asserts",
        "predicted",
        "vowed",
        "promised",
        "pledged",
        "boasted",
        "lamented",
        "disclosed",
        "wondered",
        "mused",
        "quipped",
        "joked",
        "jokes",
        "continued",
        "continues",
        "explained",
        "argued",
        "announced",
        "reported",
        "reports",
        "retorted",
        "explain",
        "insist",
        "argue",
        "claim",
        "note",
        "warn",
        "add",
        "admit",
        "suggest",
        "estimate",
        "predict",
        "acknowledge",
        "concede",
        "contend",
        "maintain",
        "agree",
        "complain",
        "confessed",
        "mentioned",
        "recounted",
        "texted",
        "emailed",
        "urged",
    ];
    const FINITE_OBJECT: &[&str] = &[
        "told", "tells", "tell", "assured", "assures", "reminded", "reminds", "informed",
        "informs", "advised", "advises",
    ];
    const FINITE_NO_CLAUSE: &[&str] = &[
        "asked",
        "asks",
        "shouted",
        "shouts",
        "yelled",
        "cried",
        "exclaimed",
        "whispered",
        "sighed",
        "snapped",
        "laughed",
        "wondered",
        "commented",
        "comments",
        "began",
        "offered",
        "chimed",
        "interjected",
        "murmured",
        "screamed",
        "sang",
        "chanted",
    ];
    const PARTICIPLES: &[&str] = &[
        "saying",
        "adding",
        "noting",
        "warning",
        "insisting",
        "arguing",
        "claiming",
        "explaining",
        "stating",
        "writing",
        "acknowledging",
        "admitting",
        "announcing",
        "confirming",
        "denying",
        "declaring",
        "stressing",
        "emphasizing",
        "emphasising",
        "suggesting",
        "predicting",
        "telling",
        "complaining",
        "conceding",
        "alleging",
        "indicating",
        "revealing",
        "asserting",
        "cautioning",
        "arguing",
        "pointing",
        "maintaining",
        "contending",
        "calling",
    ];
    let mut map = WordMap::default();
    let lists: [(&[&'static str], bool, bool, bool); 4] = [
        (PARTICIPLES, false, true, false),
        (FINITE_NO_CLAUSE, true, false, false),
        (FINITE_OBJECT, true, true, true),
        (FINITE_CLAUSE, true, true, false),
    ];
    for (words, finite, clause, object) in lists {
        for &w in words {
            let object = object || w == "telling";
            map.insert(
                w,
                VerbUse {
                    finite,
                    clause,
                    object,
                },
            );
        }
    }
    map
});

/// Speech-verb forms that are just as often plural nouns ("his claims", "city reports"):
/// they need a named or pronoun subject.
pub fn is_noun_like_verb(word: &str) -> bool {
    matches!(
        word,
        "claims"
            | "notes"
            | "reports"
            | "remarks"
            | "answers"
            | "replies"
            | "estimates"
            | "fears"
            | "hopes"
            | "counters"
            | "posts"
            | "comments"
            | "tweets"
            | "warns"
            | "concludes"
            | "responds"
    )
}

/// Speech verbs that take a noun object as often as a clause ("announced the closure",
/// "confirmed the death"): they report a clause only with "that".
pub fn needs_that(word: &str) -> bool {
    matches!(
        word,
        "announced"
            | "announces"
            | "confirmed"
            | "confirms"
            | "estimated"
            | "estimates"
            | "revealed"
            | "reveals"
            | "reported"
            | "reports"
            | "disclosed"
            | "reiterated"
            | "responded"
            | "responds"
            | "replied"
            | "replies"
            | "answered"
            | "answers"
            | "continued"
            | "continues"
            | "concluded"
            | "concludes"
            | "promised"
            | "vowed"
            | "pledged"
            | "hoped"
            | "hopes"
            | "feared"
            | "fears"
            | "agreed"
            | "agrees"
            | "recalled"
            | "recalls"
            | "posted"
            | "tweeted"
            | "tweets"
            | "charged"
            | "countered"
            | "objected"
            | "boasted"
            | "lamented"
            | "indicated"
            | "indicates"
            | "observed"
            | "remarked"
            | "reminded"
            | "reminds"
            | "advised"
            | "advises"
            | "urged"
            | "predicted"
            | "predicts"
            | "cautioned"
            | "testified"
    )
}

/// Speech verbs that take a noun object as often as a clause without "that" ("denied
/// interference", "claimed responsibility"): the clause must open with a determiner, a
/// pronoun or a name.
pub fn needs_firm_start(word: &str) -> bool {
    matches!(
        word,
        "claimed"
            | "claims"
            | "denied"
            | "denies"
            | "admitted"
            | "admits"
            | "acknowledged"
            | "acknowledges"
            | "noted"
            | "notes"
            | "suggested"
            | "suggests"
            | "stressed"
            | "explained"
            | "wrote"
            | "writes"
            | "mentioned"
            | "insisted"
            | "maintained"
            | "maintains"
    )
}

word_set!(
    /// Verbs that put a quoted fragment on their object: "called the plan "…"", "described
    /// the talks as "…"".
    pub fn is_labelling_verb(&str),
    /// The verbs [`is_labelling_verb`] knows.
    const LABELLING_VERBS: &[&str],
    [
        "called",
        "calls",
        "calling",
        "described",
        "describes",
        "describing",
        "branded",
        "labelled",
        "labeled",
        "termed",
    ]
);

/// True for a lower-case ASCII word that can open a reported clause: "according"
/// ("according to X"), a labelling verb or a speech verb. With a double quotation mark,
/// the only ways into a quote (the pre-check in front of the extractor reads these).
pub fn opens_clause(word: &[u8]) -> bool {
    std::str::from_utf8(word)
        .is_ok_and(|w| w == "according" || is_labelling_verb(w) || speech_verb(w).is_some())
}

/// Every word [`opens_clause`] accepts.
pub fn clause_openers() -> impl Iterator<Item = &'static str> {
    let verbs = SPEECH_VERBS.keys().copied();
    verbs
        .chain(LABELLING_VERBS.iter().copied())
        .chain(["according"])
}

/// Words right before a quoted span that make it a name or a mention, not speech.
pub fn is_label_cue(word: &str) -> bool {
    matches!(
        word,
        "so-called"
            | "word"
            | "words"
            | "term"
            | "phrase"
            | "dubbed"
            | "nicknamed"
            | "titled"
            | "entitled"
            | "named"
            | "slogan"
            | "hashtag"
            | "label"
            | "film"
            | "movie"
            | "book"
            | "novel"
            | "song"
            | "album"
            | "show"
            | "series"
            | "documentary"
            | "play"
            | "programme"
            | "program"
            | "podcast"
            | "poem"
            | "column"
            | "headline"
            | "known"
            | "aka"
            | "motto"
            | "banner"
            | "sign"
            | "signs"
            | "read"
            | "reading"
    )
}

/// Titles, ranks and honorifics dropped from the front of a name ("Maj. Gen.",
/// "Finance Minister", "Dr.").
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "professor"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "rev"
            | "reverend"
            | "father"
            | "sister"
            | "brother"
            | "rabbi"
            | "imam"
            | "sheikh"
            | "pope"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "gen"
            | "general"
            | "maj"
            | "major"
            | "lt"
            | "lieutenant"
            | "col"
            | "colonel"
            | "capt"
            | "captain"
            | "cmdr"
            | "commander"
            | "adm"
            | "admiral"
            | "sgt"
            | "sergeant"
            | "cpl"
            | "corporal"
            | "pte"
            | "private"
            | "brig"
            | "brigadier"
            | "marshal"
            | "field"
            | "chief"
            | "officer"
            | "const"
            | "constable"
            | "det"
            | "detective"
            | "insp"
            | "inspector"
            | "supt"
            | "superintendent"
            | "deputy"
            | "assistant"
            | "acting"
            | "interim"
            | "vice"
            | "president"
            | "pres"
            | "prime"
            | "minister"
            | "premier"
            | "chancellor"
            | "secretary"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "gov"
            | "governor"
            | "mayor"
            | "councillor"
            | "councilor"
            | "alderman"
            | "ald"
            | "mp"
            | "mpp"
            | "mla"
            | "mep"
            | "judge"
            | "justice"
            | "attorney"
            | "prosecutor"
            | "ambassador"
            | "envoy"
            | "commissioner"
            | "director"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "cfo"
            | "coach"
            | "leader"
            | "speaker"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "foreign"
            | "finance"
            | "health"
            | "defence"
            | "defense"
            | "interior"
            | "justice-minister"
            | "economy"
            | "education"
            | "environment"
            | "transport"
            | "trade"
            | "labour"
            | "labor"
            | "culture"
            | "opposition"
            | "auditor"
            | "treasurer"
            | "sheriff"
            | "warden"
            | "dean"
            | "provost"
            | "chief executive"
            | "executive"
            | "head"
            | "founder"
            | "co-founder"
            | "manager"
            | "master"
            | "editor"
            | "professor emeritus"
            | "emeritus"
            | "dr."
            | "md"
            | "phd"
            | "former"
            | "senior"
            | "junior"
            | "federal"
            | "provincial"
            | "national"
            | "city"
            | "state"
            | "pilot"
            | "nurse"
            | "chef"
            | "analyst"
            | "economist"
            | "owner"
            | "guard"
            | "priest"
            | "pastor"
            | "poet"
            | "artist"
            | "author"
            | "architect"
            | "actor"
            | "actress"
            | "student"
            | "resident"
            | "aide"
            | "clerk"
            | "cook"
            | "medic"
            | "surgeon"
            | "physician"
            | "veteran"
            | "expert"
            | "historian"
            | "diplomat"
            | "entrepreneur"
            | "fisherman"
            | "policeman"
            | "firefighter"
            | "paramedic"
            | "activist"
            | "volunteer"
            | "lawyer"
            | "scientist"
            | "researcher"
            | "mayor-elect"
            | "president-elect"
            | "nominee"
            | "candidate"
            | "host"
            | "anchor"
            | "reporter"
            | "staff"
            | "sgt."
            | "st"
            | "general-secretary"
            | "secretary-general"
            | "party"
            | "house"
            | "majority"
            | "minority"
            | "whip"
            | "chief-of-staff"
            | "immigration"
            | "public"
            | "safety"
            | "security"
            | "energy"
            | "agriculture"
            | "fisheries"
            | "indigenous"
            | "natural"
            | "resources"
            | "infrastructure"
            | "housing"
            | "attorney-general"
            | "solicitor"
            | "solicitor-general"
            | "treasury"
            | "u.s."
            | "us"
            | "democratic"
            | "republican"
            | "liberal"
            | "conservative"
            | "ndp"
            | "green"
            | "independent"
            | "gop"
            | "dem"
            | "d"
            | "r"
    )
}

/// Honorifics that tell a gender: `Some(true)` male, `Some(false)` female.
pub fn title_gender(word: &str) -> Option<bool> {
    match word.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "congressman"
        | "chairman" | "spokesman" | "businessman" | "alderman" | "councilman" => Some(true),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister"
        | "congresswoman" | "chairwoman" | "spokeswoman" | "businesswoman" | "councilwoman" => {
            Some(false)
        }
        _ => None,
    }
}

/// Third-person pronouns that can stand for a speaker: `Some(Some(true))` "he",
/// `Some(Some(false))` "she", `Some(None)` "they"/"it".
pub fn pronoun(word: &str) -> Option<Option<bool>> {
    match word {
        "he" => Some(Some(true)),
        "she" => Some(Some(false)),
        "they" | "it" => Some(None),
        _ => None,
    }
}

/// Possessive pronouns that tell the gender of the person just named ("and her deputy").
pub fn possessive_gender(word: &str) -> Option<bool> {
    match word {
        "his" | "him" | "himself" => Some(true),
        "her" | "hers" | "herself" => Some(false),
        _ => None,
    }
}

/// Words that make a capitalised run an organisation rather than a person.
pub fn is_org_word(word: &str) -> bool {
    matches!(
        word,
        "board"
            | "ministry"
            | "department"
            | "council"
            | "agency"
            | "police"
            | "service"
            | "services"
            | "inc"
            | "ltd"
            | "corp"
            | "corporation"
            | "company"
            | "co"
            | "association"
            | "union"
            | "university"
            | "college"
            | "party"
            | "government"
            | "commission"
            | "committee"
            | "court"
            | "office"
            | "news"
            | "bank"
            | "group"
            | "authority"
            | "institute"
            | "foundation"
            | "network"
            | "centre"
            | "center"
            | "club"
            | "team"
            | "airlines"
            | "airline"
            | "rail"
            | "railway"
            | "press"
            | "times"
            | "post"
            | "herald"
            | "journal"
            | "tribune"
            | "gazette"
            | "reuters"
            | "organization"
            | "organisation"
            | "federation"
            | "alliance"
            | "coalition"
            | "council's"
            | "hospital"
            | "school"
            | "fund"
            | "trust"
            | "society"
            | "league"
            | "house"
            | "senate"
            | "parliament"
            | "congress"
            | "assembly"
            | "army"
            | "navy"
            | "forces"
            | "force"
            | "command"
            | "cabinet"
            | "administration"
            | "campaign"
            | "nations"
            | "media"
            | "television"
            | "radio"
            | "tv"
            | "channel"
            | "studio"
            | "studios"
            | "systems"
            | "technologies"
            | "industries"
            | "holdings"
            | "partners"
            | "capital"
            | "energy"
            | "motors"
            | "labs"
            | "health"
            | "care"
            | "insurance"
            | "pharmaceuticals"
            | "institution"
            | "bureau"
            | "secretariat"
            | "directorate"
            | "unit"
            | "division"
            | "project"
            | "program"
            | "programme"
            | "initiative"
            | "watch"
            | "international"
            | "global"
            | "local"
            | "museum"
            | "diocese"
            | "archdiocese"
            | "parish"
            | "ministries"
            | "inc."
            | "library"
            | "church"
            | "mosque"
            | "temple"
            | "station"
            | "airport"
            | "port"
            | "center's"
            | "times'"
            | "magazine"
            | "daily"
            | "weekly"
            | "online"
            | "watchdog"
    )
}

/// Capitalised words that do not start or belong to a person's name: function words that
/// open sentences, days, months, and common sentence openers.
pub fn is_capitalised_stopword(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "and"
            | "but"
            | "or"
            | "so"
            | "yet"
            | "in"
            | "on"
            | "at"
            | "for"
            | "of"
            | "to"
            | "from"
            | "by"
            | "with"
            | "if"
            | "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "since"
            | "because"
            | "although"
            | "though"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "which"
            | "not"
            | "no"
            | "yes"
            | "all"
            | "some"
            | "many"
            | "most"
            | "one"
            | "two"
            | "three"
            | "last"
            | "next"
            | "during"
            | "according"
            | "meanwhile"
            | "however"
            | "also"
            | "still"
            | "now"
            | "then"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "asked"
            | "said"
            | "says"
            | "under"
            | "over"
            | "about"
            | "than"
            | "both"
            | "each"
            | "every"
            | "such"
            | "even"
            | "only"
            | "just"
            | "despite"
            | "among"
            | "between"
            | "without"
            | "within"
            | "into"
            | "do"
            | "does"
            | "did"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "might"
            | "let"
            | "once"
            | "instead"
            | "further"
            | "read"
            | "more"
            | "click"
            | "updated"
            | "photo"
            | "video"
            | "watch"
            | "editor's"
            | "note"
    ) || is_weekday(word)
        || is_month_name(word)
}

/// Capitalised words that open a sentence before its subject ("But", "When", "Besides").
pub fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "and"
            | "so"
            | "yet"
            | "or"
            | "when"
            | "while"
            | "as"
            | "if"
            | "because"
            | "although"
            | "though"
            | "since"
            | "after"
            | "before"
            | "besides"
            | "finally"
            | "meanwhile"
            | "however"
            | "also"
            | "still"
            | "then"
            | "now"
            | "even"
            | "only"
            | "just"
            | "instead"
            | "further"
            | "once"
            | "again"
            | "later"
            | "earlier"
            | "today"
            | "yesterday"
            | "here"
            | "there"
            | "thus"
            | "hence"
            | "indeed"
    )
}

/// Words that open a subordinate clause ("as", "while", "when"): what follows is not
/// reported speech of the main clause.
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "as" | "while"
            | "when"
            | "because"
            | "after"
            | "whereas"
            | "although"
            | "though"
            | "if"
            | "unless"
            | "since"
            | "before"
            | "once"
            | "until"
    )
}

/// Words of a role family: a role noun in "the spokesman said" fits a person described by
/// any word of the same family.
pub fn role_family(word: &str) -> &'static [&'static str] {
    const LEADER: &[&str] = &[
        "chief",
        "head",
        "leader",
        "secretary",
        "general",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "commander",
        "boss",
        "ceo",
        "executive",
    ];
    const SPOKES: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "representative",
        "press",
        "secretary",
        "communications",
    ];
    const MINISTER: &[&str] = &["minister", "secretary", "premier"];
    const LAWYER: &[&str] = &["lawyer", "attorney", "counsel", "solicitor", "barrister"];
    const OFFICER: &[&str] = &["officer", "constable", "sergeant", "inspector", "detective"];
    match word {
        "chief" | "head" | "leader" | "boss" | "president" | "chairman" | "chairwoman"
        | "chair" | "director" | "commander" | "ceo" | "executive" => LEADER,
        "spokesman" | "spokeswoman" | "spokesperson" | "representative" => SPOKES,
        "minister" | "premier" => MINISTER,
        "lawyer" | "attorney" | "counsel" | "solicitor" | "barrister" => LAWYER,
        "officer" | "constable" | "sergeant" | "inspector" | "detective" => OFFICER,
        _ => &[],
    }
}

/// Nouns that stand for a document or a body rather than a person ("the statement said",
/// "the ministry said"): the speaker is the nearest organisation.
pub fn is_document_noun(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "report"
            | "release"
            | "letter"
            | "document"
            | "memo"
            | "filing"
            | "post"
            | "tweet"
            | "email"
            | "e-mail"
            | "notice"
            | "ruling"
            | "decision"
            | "lawsuit"
            | "complaint"
            | "study"
            | "survey"
            | "poll"
            | "website"
            | "message"
            | "announcement"
            | "bulletin"
            | "communique"
            | "update"
    )
}

/// Lower-case words that can head a subject noun phrase before a speech verb ("the
/// mayor", "officials", "city staff"); any noun may, but these are not nouns.
pub fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "not"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "when"
            | "where"
            | "why"
            | "how"
            | "if"
            | "because"
            | "so"
            | "but"
            | "and"
            | "or"
            | "to"
            | "it"
            | "there"
            | "than"
            | "as"
            | "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "i"
            | "we"
            | "you"
            | "me"
            | "us"
            | "them"
            | "him"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "into"
            | "about"
            | "after"
            | "before"
            | "while"
            | "since"
            | "until"
            | "over"
            | "under"
            | "this"
            | "these"
            | "those"
            | "then"
            | "now"
            | "also"
            | "just"
            | "only"
            | "even"
            | "still"
    )
}

/// Words that may sit between a subject and its speech verb ("has also said").
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "previously"
            | "earlier"
            | "once"
            | "recently"
            | "repeatedly"
            | "again"
            | "further"
            | "simply"
            | "flatly"
            | "publicly"
            | "privately"
            | "quickly"
            | "frequently"
            | "often"
            | "never"
            | "first"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "separately"
            | "himself"
            | "herself"
            | "openly"
            | "bluntly"
            | "firmly"
            | "angrily"
            | "calmly"
            | "proudly"
            | "reportedly"
            | "allegedly"
            | "already"
            | "even"
            | "still"
            | "too"
            | "since"
    )
}

/// Prepositions and time words that open an adverbial after a speech verb ("said in
/// Brussels", "said on Tuesday").
pub fn is_adverbial_opener(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "from"
            | "via"
            | "through"
            | "outside"
            | "inside"
            | "last"
            | "this"
            | "while"
            | "when"
            | "following"
            | "ahead"
            | "late"
            | "early"
            | "by"
            | "to"
            | "with"
            | "under"
            | "over"
            | "about"
            | "of"
            | "for"
    ) || is_lone_adverb(word)
        || is_weekday(word)
}

/// Time and manner adverbs that stand alone after a speech verb ("said yesterday", "said
/// publicly"), where a preposition would open a phrase.
pub fn is_lone_adverb(word: &str) -> bool {
    matches!(
        word,
        "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "tonight"
            | "publicly"
            | "privately"
            | "previously"
            | "recently"
            | "again"
            | "separately"
            | "repeatedly"
            | "also"
            | "then"
            | "once"
    )
}

/// The gender a common first name usually has: `Some(true)` male, `Some(false)` female.
pub fn first_name_gender(name: &str) -> Option<bool> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        return FIRST_NAMES.get(name.to_ascii_lowercase().as_str()).copied();
    }
    FIRST_NAMES.get(name).copied()
}

/// Common first names with their usual gender, built once.
static FIRST_NAMES: LazyLock<WordMap<bool>> = LazyLock::new(|| {
    const MALE: &[&str] = &[
        "james",
        "john",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "christopher",
        "daniel",
        "matthew",
        "anthony",
        "mark",
        "donald",
        "steven",
        "paul",
        "andrew",
        "joshua",
        "kenneth",
        "kevin",
        "brian",
        "george",
        "timothy",
        "ronald",
        "edward",
        "jason",
        "jeffrey",
        "ryan",
        "jacob",
        "gary",
        "nicholas",
        "eric",
        "jonathan",
        "stephen",
        "larry",
        "justin",
        "scott",
        "brandon",
        "benjamin",
        "samuel",
        "gregory",
        "alexander",
        "frank",
        "patrick",
        "raymond",
        "jack",
        "dennis",
        "jerry",
        "tyler",
        "aaron",
        "jose",
        "adam",
        "nathan",
        "henry",
        "douglas",
        "doug",
        "zachary",
        "peter",
        "kyle",
        "walter",
        "ethan",
        "jeremy",
        "harold",
        "keith",
        "christian",
        "roger",
        "noah",
        "gerald",
        "carl",
        "terry",
        "sean",
        "austin",
        "arthur",
        "lawrence",
        "jesse",
        "dylan",
        "bryan",
        "joe",
        "jordan",
        "billy",
        "bruce",
        "albert",
        "willie",
        "gabriel",
        "logan",
        "alan",
        "juan",
        "wayne",
        "roy",
        "ralph",
        "randy",
        "eugene",
        "vincent",
        "russell",
        "elijah",
        "louis",
        "bobby",
        "philip",
        "johnny",
        "bill",
        "mike",
        "jim",
        "tom",
        "bob",
        "dave",
        "steve",
        "chris",
        "tony",
        "ted",
        "barack",
        "hillary",
        "bernie",
        "mitt",
        "jeb",
        "rudy",
        "newt",
        "vladimir",
        "sergei",
        "sergey",
        "dmitry",
        "dmitri",
        "igor",
        "ivan",
        "boris",
        "alexei",
        "andrei",
        "yuri",
        "oleg",
        "viktor",
        "volodymyr",
        "olaf",
        "emmanuel",
        "jean",
        "pierre",
        "jacques",
        "francois",
        "françois",
        "hans",
        "karl",
        "klaus",
        "jens",
        "lars",
        "erik",
        "olav",
        "mohammed",
        "muhammad",
        "ahmed",
        "ali",
        "omar",
        "hassan",
        "hussein",
        "xi",
        "li",
        "jeff",
        "brad",
        "greg",
        "ken",
        "rob",
        "andy",
        "ben",
        "matt",
        "nick",
        "dan",
        "sam",
        "tim",
        "rick",
        "ron",
        "don",
        "jay",
        "justin",
        "pierre",
        "jagmeet",
        "andrew",
        "maxime",
        "jason",
        "blaine",
        "ralph",
        "francis",
        "luis",
        "carlos",
        "miguel",
        "antonio",
        "pedro",
        "marco",
        "giuseppe",
        "mitch",
        "chuck",
        "rand",
        "marco",
        "kellyanne",
        "ted",
        "lindsey",
        "jared",
        "rudolph",
        "mike",
        "tim",
    ];
    const FEMALE: &[&str] = &[
        "mary",
        "patricia",
        "jennifer",
        "linda",
        "elizabeth",
        "barbara",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "nancy",
        "lisa",
        "betty",
        "margaret",
        "sandra",
        "ashley",
        "kimberly",
        "emily",
        "donna",
        "michelle",
        "dorothy",
        "carol",
        "amanda",
        "melissa",
        "deborah",
        "stephanie",
        "rebecca",
        "sharon",
        "laura",
        "cynthia",
        "cindy",
        "kathleen",
        "amy",
        "shirley",
        "angela",
        "helen",
        "anna",
        "anne",
        "ann",
        "brenda",
        "pamela",
        "nicole",
        "emma",
        "samantha",
        "katherine",
        "kate",
        "christine",
        "debra",
        "rachel",
        "catherine",
        "carolyn",
        "janet",
        "ruth",
        "maria",
        "heather",
        "diane",
        "virginia",
        "julie",
        "joyce",
        "victoria",
        "olivia",
        "kelly",
        "christina",
        "lauren",
        "joan",
        "evelyn",
        "judith",
        "megan",
        "cheryl",
        "andrea",
        "hannah",
        "martha",
        "jacqueline",
        "frances",
        "gloria",
        "ann",
        "teresa",
        "kathryn",
        "sara",
        "janice",
        "jean",
        "alice",
        "madison",
        "doris",
        "abigail",
        "julia",
        "judy",
        "grace",
        "denise",
        "amber",
        "marilyn",
        "beverly",
        "danielle",
        "theresa",
        "sophia",
        "marie",
        "diana",
        "brittany",
        "natalie",
        "isabella",
        "charlotte",
        "rose",
        "alexis",
        "kayla",
        "hillary",
        "sarah",
        "nikki",
        "elizabeth",
        "chrystia",
        "jody",
        "rachel",
        "catherine",
        "kathleen",
        "andrea",
        "caroline",
        "jane",
        "sue",
        "liz",
        "meg",
        "jill",
        "kim",
        "angela",
        "theresa",
        "ursula",
        "christine",
        "marine",
        "segolene",
        "maria",
        "olga",
        "natalia",
        "natalya",
        "irina",
        "svetlana",
        "tatiana",
        "elena",
        "yulia",
        "anastasia",
        "kellyanne",
        "huma",
        "melania",
        "ivanka",
        "michelle",
        "nancy",
        "debbie",
        "elise",
        "kristen",
        "meghan",
        "erin",
        "tina",
        "wendy",
        "tracy",
        "stacey",
        "leah",
        "claire",
        "fiona",
        "sophie",
        "chloe",
        "lucy",
    ];
    let mut map = WordMap::default();
    for &name in FEMALE {
        map.insert(name, false);
    }
    for &name in MALE {
        map.insert(name, true);
    }
    map
});
