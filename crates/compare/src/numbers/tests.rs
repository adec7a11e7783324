//! Unit tests of the numbers extractor: one invented sentence per pattern, negatives
//! included.

use super::{extract_numbers, Number, Value};
use crate::sentences::sentences;
use crate::span::CharIndex;

fn numbers(body: &str) -> Vec<Number> {
    let sentences = sentences(body, Some("eng"));
    let index = CharIndex::new(body);
    extract_numbers(body, &sentences, &index)
}

fn brief(body: &str) -> Vec<(Value, Option<String>, Option<String>)> {
    numbers(body)
        .into_iter()
        .map(|n| (n.value, n.unit, n.qualifier))
        .collect()
}

fn one(v: f64) -> Value {
    Value::One(v)
}

fn q(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// The single quantity of `body`, as (value, unit, qualifier).
fn single(body: &str) -> (Value, Option<String>, Option<String>) {
    let all = brief(body);
    assert_eq!(all.len(), 1, "{body}: {all:?}");
    all.into_iter()
        .next()
        .unwrap_or((one(f64::NAN), None, None))
}

#[test]
fn digits_with_separators() {
    assert_eq!(single("The army sent 130,000 troops.").0, one(130_000.0));
    assert_eq!(single("The tank holds 1.5 litres.").0, one(1.5));
    assert_eq!(single("The town has 2 500 inhabitants.").0, one(2500.0));
    assert_eq!(
        single("The census found 1 234 567 residents.").0,
        one(1_234_567.0)
    );
}

#[test]
fn number_words() {
    assert_eq!(single("A third of voters stayed home.").0, one(1.0 / 3.0));
    assert_eq!(single("The loan is 1.2b.").0, one(1.2e9));
    assert_eq!(single("Three soldiers were hurt.").0, one(3.0));
    assert_eq!(single("A dozen boats sank.").0, one(12.0));
    assert_eq!(
        single("They counted one hundred and sixty-one ballots.").0,
        one(161.0)
    );
    assert_eq!(single("Half a dozen eggs broke.").0, one(6.0));
    assert_eq!(
        single("Some two hundred and two thousand fans came.").0,
        one(202_000.0)
    );
    assert_eq!(single("It took one and a half hours.").0, one(1.5));
    assert_eq!(
        single("Two thirds of the budget is spent.").0,
        one(2.0 / 3.0)
    );
}

#[test]
fn scale_words_and_suffixes() {
    assert_eq!(single("The plan costs $2.5 million.").0, one(2_500_000.0));
    assert_eq!(single("The deal is worth $3bn.").0, one(3e9));
    assert_eq!(single("Profit was £312m.").0, one(312e6));
    assert_eq!(single("The fund has 10k members.").0, one(10_000.0));
    assert_eq!(single("Around 2.5m people voted.").0, one(2.5e6));
    assert_eq!(
        single("Half a million people live there.").0,
        one(500_000.0)
    );
    assert_eq!(single("He is 1.8m tall.").1, q("metre"));
}

#[test]
fn ranges() {
    assert_eq!(
        single("Between 30 and 40 houses burned.").0,
        Value::Range([30.0, 40.0])
    );
    assert_eq!(
        single("The wall is 30-40 metres high.").0,
        Value::Range([30.0, 40.0])
    );
    assert_eq!(
        single("Walls eight to 10 feet tall stood.").0,
        Value::Range([8.0, 10.0])
    );
    assert_eq!(single("It costs $3-4 million.").0, Value::Range([3e6, 4e6]));
    let dividend = brief("It raised its dividend by 11c to 17c a share.");
    assert_eq!(dividend[0].1, q("cent per share"));
    let pay = single("Managers get $10,000 to $20,000 a year.");
    assert_eq!(pay.0, Value::Range([10_000.0, 20_000.0]));
    assert_eq!(pay.1, q("dollar per year"));
    let tens = single("Tens of thousands of people marched.");
    assert_eq!(tens.0, Value::Range([1e4, 1e5]));
    assert_eq!(tens.1, q("people"));
    assert_eq!(
        single("Dozens of homes were flooded.").0,
        Value::Range([12.0, 120.0])
    );
    assert_eq!(
        single("Hundreds of thousands fled.").0,
        Value::Range([1e5, 1e6])
    );
}

#[test]
fn a_change_from_a_to_b_is_two_quantities() {
    let all = brief("The price rose from $350 per tonne to $680 per tonne.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].1, q("dollar per metric ton"));
}

#[test]
fn qualifiers_as_written() {
    assert_eq!(single("More than 100,000 troops massed.").2, q("more than"));
    assert_eq!(single("At least 27 people died.").2, q("at least"));
    assert_eq!(
        single("Nearly 2,000 flights were cancelled.").2,
        q("nearly")
    );
    assert_eq!(single("Roughly 60 ships waited.").2, q("roughly"));
    assert_eq!(
        single("An estimated 130,000 soldiers wait.").2,
        q("an estimated")
    );
    assert_eq!(single("Some 2,000 firefighters battled on.").2, q("some"));
    assert_eq!(
        single("The plant will hire up to 500 workers.").2,
        q("up to")
    );
    assert_eq!(
        single("Fewer than 200 residents returned.").2,
        q("fewer than")
    );
    assert_eq!(single("Thirty votes or more are needed.").2, q("or more"));
    assert_eq!(single("The team won 12 games.").2, None);
}

#[test]
fn direction_of_a_change() {
    assert_eq!(single("Prices rose 5% in May.").2, q("up"));
    assert_eq!(single("Turnout fell by 3 points.").2, q("down"));
    assert_eq!(single("The shares closed 3.5 per cent lower.").2, q("down"));
}

#[test]
fn units() {
    assert_eq!(single("The drought killed 14,000 lives.").1, q("lives"));
    assert_eq!(
        single("India ordered 126 fighter jets.").1,
        q("fighter jets")
    );
    assert_eq!(
        single("Officials counted 2.5 million head of cattle.").1,
        q("head of cattle")
    );
    assert_eq!(single("Inflation hit 11.4 percent.").1, q("percentage"));
    assert_eq!(single("The fine is €48 million.").1, q("euro"));
    assert_eq!(
        single("Brent traded above $90 a barrel.").1,
        q("dollar per barrel")
    );
    assert_eq!(
        single("The bridge is 1.2 kilometres long.").1,
        q("kilometre")
    );
    assert_eq!(single("It was minus 12 degrees Celsius.").0, one(-12.0));
    assert_eq!(single("It was minus 12 degrees Celsius.").1, q("celsius"));
    assert_eq!(single("The 34-year-old man was held.").1, q("year of age"));
    assert_eq!(single("She was five years old.").1, q("year of age"));
    assert_eq!(single("The 24-hour strike ended.").1, q("hour"));
    assert_eq!(
        single("The car reached 188 miles an hour.").1,
        q("mile per hour")
    );
    assert_eq!(single("Rates rose by 50 basis points.").1, q("basis point"));
    assert_eq!(
        single("It was a 0.5 percentage-point cut.").1,
        q("percentage point")
    );
    assert_eq!(single("Spreads widened 50bp.").1, q("basis point"));
    assert_eq!(single("The hall seats 5,000+ fans.").2, q("plus"));
    assert_eq!(single("A US$150 million loan was agreed.").1, q("dollar"));
    assert_eq!(
        single("The bid was C$1.34 a share.").1,
        q("canadian dollar per share")
    );
    assert_eq!(single("It costs 3 dollars 50 cents.").0, one(3.5));
    assert_eq!(single("He lost 25 pounds.").1, q("pound-mass"));
    assert_eq!(single("He paid 20 million pounds.").1, q("pound sterling"));
}

#[test]
fn bare_numbers_borrow_the_unit_they_are_compared_with() {
    let all = brief("The agency counted 150,000 asylum requests, up from roughly 130,000.");
    assert_eq!(all[1], (one(130_000.0), q("asylum requests"), q("roughly")));
    let whom = brief("The virus infected 2,310 people, 41 of whom died.");
    assert_eq!(whom[1].1, q("people"));
    let of_the = brief("Two of the five hostages were freed.");
    assert_eq!(of_the[0].1, q("hostages"));
    let pair = brief("I have seen 45 and 50 cases.");
    assert_eq!(pair[0].1, q("cases"));
    assert_eq!(single("The figure was revised to 1.3 million.").1, None);
}

#[test]
fn ages_and_rates_in_news_prose() {
    let pair = brief("Two men, aged 23 and 31, were arrested.");
    assert_eq!(pair[2].1, q("year of age"));
    assert_eq!(single("The minister, 58, resigned.").1, q("year of age"));
    assert_eq!(
        single("The victims were aged between 18 and 65.").1,
        q("year of age")
    );
    assert_eq!(
        single("The drug costs $2,100 per dose.").1,
        q("dollar per dose")
    );
    assert_eq!(
        single("It carries 100,000 vehicles a day.").1,
        q("vehicles per day")
    );
    assert!(brief("In an emergency, call 999.").is_empty());
    assert_eq!(single("She won at the age of 19.").1, q("year of age"));
    assert_eq!(
        single("The wage rises to £10.42 an hour from April.").1,
        q("pound sterling per hour")
    );
    assert_eq!(single("The 1.5C goal is slipping away.").1, q("celsius"));
    assert_eq!(single("It fell to -5C overnight.").0, one(-5.0));
    let total =
        brief("A further 44 deaths were reported in 24 hours, bringing the total to 1,930.");
    assert_eq!(total[2].1, q("deaths"));
}

#[test]
fn years_dates_and_times_are_not_quantities() {
    assert!(brief("The suspect was born in 1987.").is_empty());
    assert!(brief("The minister resigned on February 15, 2022.").is_empty());
    assert!(brief("The vote is on 3 March.").is_empty());
    assert!(brief("Meet me on 5/17/2018 please.").is_empty());
    assert!(brief("The plane landed at 14:35 local time.").is_empty());
    assert!(brief("The shop opens at 9am and closes at 5 pm.").is_empty());
    assert!(brief("The 1990s were calm.").is_empty());
    assert!(brief("The 2022 budget was passed.").is_empty());
    assert!(brief("Prices were stable between 2015 and 2020.").is_empty());
    assert!(brief("Emissions must fall to 32% below 2005 levels.")
        .iter()
        .all(|n| n.0 != one(2005.0)));
}

#[test]
fn phones_and_identifiers_are_not_quantities() {
    assert!(brief("Call the hotline on 0800 555 0199 today.").is_empty());
    assert!(brief("Call +1-222-2222-2222 now.").is_empty());
    assert!(brief("Drive north on Highway 35 to the lake.").is_empty());
    assert!(brief("They flew a Boeing 777 to Lima.").is_empty());
    assert!(brief("The lab studies SCP-173 closely.").is_empty());
    assert!(brief("Room 101 was sealed off.").is_empty());
    assert!(brief("Queues formed outside 7-Eleven shops.").is_empty());
    assert!(brief("Support reduced binge eating (34).").is_empty());
    assert!(brief("It streams at 1080p on most sets.").is_empty());
    assert!(brief("He lived at 221B Baker Street.").is_empty());
    assert!(brief("She won a third term in office.").is_empty());
    assert!(brief("Fans queued for the iPhone 14 launch.").is_empty());
    assert!(brief("The poll ran between 3 and 5 March.").is_empty());
    assert!(brief("He was ranked no. 1 again.").is_empty());
    assert!(brief("The Covid-19 rules ended.").is_empty());
}

#[test]
fn ordinals_lists_pronouns_and_scores_are_not_quantities() {
    assert!(brief("It was the third quarter in a row.").is_empty());
    assert!(brief("She finished 2nd in the race.").is_empty());
    assert!(brief("It 1) explains things and 2) predicts them.").is_empty());
    assert!(brief("No one was injured.").is_empty());
    assert!(brief("That was a one-time payment.").is_empty());
    assert!(brief("Halvik won 2-0 on Sunday.").is_empty());
}

#[test]
fn spans_match_text_with_wide_chars() {
    let body = "Über 5 Häuser — “more than €48 million” was paid.";
    let chars: Vec<char> = body.chars().collect();
    let found = numbers(body);
    assert!(!found.is_empty());
    for n in found {
        let at: String = chars[n.span[0]..n.span[1]].iter().collect();
        assert_eq!(at, n.text);
    }
}

#[test]
fn whole_values_serialise_without_a_fraction() {
    let json = serde_json::to_string(&Value::One(130_000.0)).unwrap_or_default();
    assert_eq!(json, "130000");
    let json = serde_json::to_string(&Value::Range([1.5, 2.0])).unwrap_or_default();
    assert_eq!(json, "[1.5,2]");
}

#[test]
fn odd_input_never_panics_and_spans_hold_their_text() {
    // A fixed pseudo-random stream of tricky pieces (a dependency-free property test).
    let pieces = [
        "1,2,3,4,5,",
        "$",
        "£",
        "€",
        "-",
        "–",
        " ",
        "\n\n",
        "1",
        "999999999999999999999999",
        "0.",
        ".5",
        "/",
        ":",
        "%",
        "a",
        "half",
        "dozen",
        "million",
        "of",
        "tens",
        "thousands",
        "between",
        "and",
        "to",
        "more than",
        "é",
        "🙂",
        "\u{2212}",
        "US",
        "km",
        "C",
        "F",
        "year",
        "-old",
        "one",
        "the",
        "(",
        ")",
        "No.",
        "#",
        "+",
        "±",
        "'",
        "’s",
        "k",
        "m",
        "bn",
        "1/4",
        "7 3/4",
        "https://x.io/1?q=2",
        "troops",
        "Highway",
        "May",
        "am",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut body = String::new();
        for _ in 0..(seed % 24) {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = (seed >> 33) as usize % pieces.len();
            body.push_str(pieces[pick]);
            if seed & 1 == 0 {
                body.push(' ');
            }
        }
        let chars: Vec<char> = body.chars().collect();
        for n in numbers(&body) {
            let at: String = chars[n.span[0]..n.span[1]].iter().collect();
            assert_eq!(at, n.text, "{body:?}");
        }
    }
    assert!(numbers("").is_empty());
    let huge = format!("It cost ${} trillion.", "9".repeat(400));
    assert!(numbers(&huge)
        .iter()
        .all(|n| matches!(n.value, Value::One(v) if v.is_finite())));
}

/// Writes the numbers of every file in `$NUMBERS_DEV_CORPUS` to `$NUMBERS_DEV_OUT` as
/// documents.jsonl rows (a development aid; run with `--ignored`).
#[test]
#[ignore]
fn dev_corpus_to_jsonl() {
    let (Ok(dir), Ok(out)) = (
        std::env::var("NUMBERS_DEV_CORPUS"),
        std::env::var("NUMBERS_DEV_OUT"),
    ) else {
        return;
    };
    let mut rows = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let body = std::fs::read_to_string(entry.path()).expect("utf-8 file");
        let row = serde_json::json!({
            "id": entry.file_name().to_string_lossy(),
            "numbers": numbers(&body),
        });
        rows.push_str(&row.to_string());
        rows.push('\n');
    }
    std::fs::write(out, rows).expect("write output");
}

/// Times the extractor on the bodies of a `documents.jsonl` (`$NUMBERS_TIME_DOCS`) against
/// the sentence split every body gets anyway, and writes the figures to
/// `$NUMBERS_TIME_OUT` (a development aid; run with `--release --ignored`).
#[test]
#[ignore]
fn dev_time_on_bodies() {
    let (Ok(docs), Ok(out)) = (
        std::env::var("NUMBERS_TIME_DOCS"),
        std::env::var("NUMBERS_TIME_OUT"),
    ) else {
        return;
    };
    let text = std::fs::read_to_string(docs).expect("documents.jsonl");
    let bodies: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("body").and_then(|b| b.as_str()).map(str::to_string))
        .collect();
    let start = std::time::Instant::now();
    let split: Vec<_> = bodies
        .iter()
        .map(|b| (sentences(b, Some("eng")), CharIndex::new(b)))
        .collect();
    let split_time = start.elapsed();
    let start = std::time::Instant::now();
    let mut found = 0;
    for (body, (sentences, index)) in bodies.iter().zip(&split) {
        found += extract_numbers(body, sentences, index).len();
    }
    let numbers_time = start.elapsed();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let report = format!(
        "bodies {} bytes {bytes} numbers {found}\nsentences+index {split_time:?}\nextract_numbers {numbers_time:?}\n",
        bodies.len()
    );
    std::fs::write(out, report).expect("write report");
}
