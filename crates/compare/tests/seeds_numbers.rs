//! The seeds' troop and casualty figures through the numbers extractor: values, units and
//! qualifiers only (no article text here), and no year or date taken for a quantity.

mod support;

use samestory_compare::{Number, Value};

fn seed_numbers() -> Option<Vec<(String, Vec<Number>)>> {
    let seeds = support::seed_facts()?;
    Some(
        seeds
            .into_iter()
            .map(|(doc, facts)| (doc.id, facts.numbers))
            .collect(),
    )
}

fn with_value(numbers: &[(String, Vec<Number>)], value: f64) -> Vec<&Number> {
    numbers
        .iter()
        .flat_map(|(_, n)| n)
        .filter(|n| n.value == Value::One(value))
        .collect()
}

#[test]
fn troop_figures_carry_their_unit_and_qualifier() {
    let Some(numbers) = seed_numbers() else {
        return;
    };
    for (value, qualifiers) in [
        (100_000.0, &["more than", "over"][..]),
        (130_000.0, &["roughly", "an estimated"][..]),
        (150_000.0, &["over"][..]),
    ] {
        let found = with_value(&numbers, value);
        assert!(!found.is_empty(), "{value} not found");
        for n in &found {
            assert_eq!(n.unit.as_deref(), Some("troops"), "{value}: {n:?}");
            let qualifier = n.qualifier.as_deref().unwrap_or("");
            assert!(qualifiers.contains(&qualifier), "{value}: {n:?}");
        }
    }
}

#[test]
fn casualty_figure_has_its_own_unit() {
    let Some(numbers) = seed_numbers() else {
        return;
    };
    let found = with_value(&numbers, 14_000.0);
    assert!(!found.is_empty());
    for n in found {
        assert!(
            matches!(n.unit.as_deref(), Some("lives" | "people")),
            "{n:?}"
        );
        assert_eq!(n.qualifier.as_deref(), Some("more than"));
    }
}

#[test]
fn no_year_or_date_is_a_quantity() {
    let Some(numbers) = seed_numbers() else {
        return;
    };
    for (id, found) in &numbers {
        for n in found {
            let year = matches!(n.value, Value::One(v) if (1900.0..=2100.0).contains(&v) && v.fract() == 0.0 && n.unit.is_none());
            assert!(!year, "{id}: {n:?}");
            assert!(!n.text.contains("February"), "{id}: {n:?}");
        }
    }
}
