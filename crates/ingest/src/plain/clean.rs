//! Boilerplate lines: whole lines whose shape leaves no doubt that they are not article text —
//! "READ MORE: …", "Related article: …", "Loading…", "Advertisement", share and subscribe
//! prompts, lone agency credits ("AP", "Reuters") and photo credits ("Name / TASS",
//! "Photo: …", "(AP Photo/…)").
//!
//! Every rule matches the whole line (anchored at both ends where the shape is closed), so a
//! sentence that merely mentions Reuters or starts with "Read" is never touched. Each rule has a
//! short stable reason tag reported in `removed`. A rule table, not logic: add rows, with a
//! test in both directions.

use super::{more_words_than, Doc};
use regex::Regex;
use std::sync::LazyLock;

/// Agencies and picture desks named in credits.
const AGENCY: &str = r"(?:AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|TASS|Getty(?: Images)?|Sputnik|Xinhua|ANSA|dpa|DPA|PA(?: Images| Media| Wire)?|Pool|Shutterstock|Alamy|Anadolu(?: Agency)?|RIA Novosti|Ukrinform|UNIAN|Bloomberg|AP Photo|NurPhoto|SOPA Images|ZUMA(?: Wire| Press)?|Handout|Wikimedia Commons|Unsplash|(?:The )?Associated Press|Agence France-Presse|Kremlin\.ru|Kyodo|Yonhap)";

/// Words that make a `Left / Right` line a picture credit whatever the names.
const PHOTO_WORD: &str =
    r"(?:Photos?|Photograph|Pictures?|Images|Handout|Press (?:Office|Service))";

/// Credit lines are short: a wrapped line of body text is longer than this.
const CREDIT_MAX_WORDS: usize = 12;

/// `(pattern, reason)`; patterns are case-sensitive unless they say `(?i)`.
const RULES: &[(&str, &str)] = &[
    (
        r"(?i)^(?:read more|read also|also read|see also|more on this(?: story)?|must read|don't miss|recommended(?: reading)?|watch|listen)\s*[:|»]",
        "read-more",
    ),
    (r"^(?:READ|MORE)\s*[:|»]", "read-more"),
    (
        r"(?i)^(?:related(?: articles?| stories| story| coverage| content| reading| news| links?)?)\s*[:|»]",
        "related",
    ),
    (r"(?i)^loading(?:\.{1,3}|…)?$", "loading"),
    (
        r"(?i)^(?:advertisement|advertising|sponsored(?: content)?|ad|\[ad\]|story continues below(?: advertisement)?|article continues (?:below|after (?:this )?advertisement)|continue reading(?: below)?|scroll to continue(?: with content)?|skip (?:to content|advert(?:isement)?))[.:]?$",
        "advert",
    ),
    (
        r"(?i)^(?:(?:share(?: this)?(?: article| story| page)?(?: on)?|tweet|email|e-mail|print|copy link|link copied|whatsapp|facebook|twitter|linkedin|reddit|telegram|pinterest|messenger|x)\s*[|·•,/]?\s*)+$",
        "share",
    ),
    (
        r"(?i)^(?:\d+\s+)?(?:comments?|view comments|leave a comment|join the conversation)$",
        "share",
    ),
    (
        r"(?i)^(?:follow us(?: on [\w ,&]+)?|click here to (?:subscribe|sign up|read more)[^.]*|subscribe(?: now| today| here)?|subscribe to (?:our|the) [\w ’'-]*newsletters?[^.]*|sign up (?:for|to) (?:our|the) [\w ’'-]*newsletters?[^.]*|get (?:our|the) [\w ’'-]*newsletters?[^.]*)[.!]?$",
        "subscribe",
    ),
    (r"(?i)^(?:image caption|media caption)\b", "caption"),
    (
        r"^\(?(?:[Aa]dditional )?(?:Reporting|Writing|Editing|Compiled|Translated) by [^()]{1,200}\)?\.?$",
        "credit",
    ),
];

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static TABLE: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|(p, reason)| (compile(p), *reason))
        .collect()
});

static CREDITS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"^(?:©\s*)?{AGENCY}(?:\s*/\s*{AGENCY})*$"),
        format!(r#"^[^.!?:;"“”]{{1,80}}?\s*/\s*{AGENCY}(?:\s+via\s+{AGENCY})?$"#),
        format!(r#"^[^.!?:;"“”]{{1,80}}\s+via\s+{AGENCY}$"#),
        format!(r"^\((?:{AGENCY})[^()]{{0,80}}\)$"),
        format!(r#"^[^.!?:;"“”/]{{0,60}}\b{PHOTO_WORD}\b[^.!?:;"“”/]{{0,60}}\s?/\s?\p{{Lu}}[^.!?:;"“”/]{{0,60}}$"#),
        format!(r#"^[^.!?:;"“”/]{{1,60}}\s?/\s?[^.!?:;"“”/]{{0,60}}\b{PHOTO_WORD}$"#),
        r"(?i)^\(?(?:photo|photograph|picture|image|images|credit|photo credit|image credit|image source|copyright)(?:\s*:\s*|\s+by\s+)[^.!?]{1,80}\)?$".to_string(),
        r"(?i)^(?:image copyright|copyright ©?\s*\d{4})\s+[^.!?]{1,60}$".to_string(),
        r"(?i)^photo by [^.!?]{1,60} on (?:unsplash|pexels|pixabay)$".to_string(),
    ]
    .iter()
    .map(|p| compile(p))
    .collect()
});

/// Why a line is boilerplate, or `None` when it may be article text.
pub(crate) fn line_reason(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if more_words_than(text, 40) {
        return None;
    }
    if is_credit(text) {
        return Some("credit");
    }
    TABLE
        .iter()
        .find(|(re, _)| re.is_match(text))
        .map(|(_, reason)| *reason)
}

/// A lone credit: an agency name, `Name / AGENCY`, `… via AGENCY`, `(AP Photo/…)`, `Photo: …`.
pub(crate) fn is_credit(text: &str) -> bool {
    !more_words_than(text, CREDIT_MAX_WORDS) && CREDITS.iter().any(|re| re.is_match(text))
}

/// Removes every live boilerplate line of `doc`.
pub(crate) fn drop_lines(doc: &mut Doc) {
    let hits: Vec<(usize, &'static str)> = doc
        .live()
        .filter_map(|i| line_reason(&doc.lines[i].text).map(|r| (i, r)))
        .collect();
    for (i, reason) in hits {
        doc.remove(i, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines_are_recognised() {
        let cases = [
            ("READ MORE: Harbour to reopen after storm", "read-more"),
            ("Read more: Harbour to reopen", "read-more"),
            ("See also: a map of the floods", "read-more"),
            ("Related article: Council Backs Flood Plan", "related"),
            ("RELATED: Council backs plan", "related"),
            ("Loading...", "loading"),
            ("Loading…", "loading"),
            ("Advertisement", "advert"),
            ("Story continues below advertisement", "advert"),
            ("Share this article", "share"),
            ("Share Tweet Email", "share"),
            ("Facebook | Twitter | Email", "share"),
            ("12 comments", "share"),
            ("Subscribe to our daily newsletter", "subscribe"),
            ("Sign up for our free newsletter.", "subscribe"),
            ("AP", "credit"),
            ("Reuters", "credit"),
            ("Regional Water Board / TASS", "credit"),
            ("Harbour Agency Photo / Marrow Bay", "credit"),
            ("Jane Roe / Marrow Bay Images", "credit"),
            ("Port Authority Press Office/Handout", "credit"),
            ("Jane Roe/AFP via Getty Images", "credit"),
            ("(AP Photo/Jane Roe)", "credit"),
            ("Photo: Jane Roe", "credit"),
            ("(Reporting by Jane Roe; Editing by John Poe)", "credit"),
        ];
        for (line, reason) in cases {
            assert_eq!(line_reason(line), Some(reason), "{line}");
        }
    }

    #[test]
    fn real_text_is_kept() {
        let keep = [
            "\"Yes,\" she said.",
            "Read the statement carefully, he told reporters.",
            "Related talks will resume on Monday.",
            "Loading of the grain ships began at dawn.",
            "The advertisement ran in three papers.",
            "Share prices fell 3% on Tuesday.",
            "Reuters reported the figure on Monday.",
            "Email the council before Friday, residents were told.",
            "Subscribers will get refunds, the company said.",
            "Follow-up talks are planned",
            "Rain / snow",
            "Kyiv / Moscow talks resume",
            "Photo / video",
            "A photo of the bridge went viral.",
            "The storm hit the coast, officials told AP.",
            "Watch the river rise",
            "Images show the flooded square",
            "Photo of the bridge at dawn",
            "Western war propaganda?",
            "Route 6",
        ];
        for line in keep {
            assert_eq!(line_reason(line), None, "{line}");
        }
    }
}
