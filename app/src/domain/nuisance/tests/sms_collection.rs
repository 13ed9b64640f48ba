//! The UK numbers quoted in the SMS Spam Collection (Almeida and Gómez Hidalgo, 2011, CC BY 4.0;
//! `app/data/nuisance/`): real spam, written the way spammers write numbers.

use crate::domain::nuisance::{extract_numbers, parse_phone_number, NumberKind};

const CSV: &str = include_str!("../../../../data/nuisance/uk-numbers-in-sms-collection.csv");

struct Row {
    number: String,
    message: String,
}

/// `label,number,prefix4,message`, the message quoted when it holds a comma.
fn rows() -> Vec<Row> {
    CSV.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.splitn(4, ',');
            let _label = fields.next().unwrap();
            let number = fields.next().unwrap().to_owned();
            let _prefix = fields.next().unwrap();
            let message = fields.next().unwrap();
            let message = match message.strip_prefix('"') {
                Some(quoted) => quoted.trim_end_matches('"').replace("\"\"", "\""),
                None => message.to_owned(),
            };
            Row { number, message }
        })
        .collect()
}

/// The kind a UK number's prefix calls for (Ofcom's numbering plan).
fn expected_kind(national: &str) -> Option<NumberKind> {
    let kind = match national {
        n if n.starts_with("09") => NumberKind::PremiumRate,
        n if n.starts_with("084") || n.starts_with("087") => NumberKind::Service,
        n if n.starts_with("080") => NumberKind::Freephone,
        n if n.starts_with("070") => NumberKind::Personal,
        n if n.starts_with("076") => NumberKind::Pager,
        n if n.starts_with("07") => NumberKind::Mobile,
        n if n.starts_with("01") || n.starts_with("02") => NumberKind::Geographic,
        _ => return None,
    };
    Some(kind)
}

#[test]
fn the_collection_is_all_there() {
    assert_eq!(rows().len(), 398);
}

#[test]
fn at_least_95_percent_of_the_numbers_parse_and_are_classified_by_their_prefix() {
    let rows = rows();
    let mut misses = Vec::new();
    for row in &rows {
        let parsed = parse_phone_number(&row.number);
        let ok = parsed.as_ref().is_ok_and(|number| {
            number.e164() == Some(&format!("+44{}", &row.number[1..]))
                && Some(number.kind()) == expected_kind(&row.number)
        });
        if !ok {
            misses.push(format!("{} {:?}", row.number, parsed.map(|n| n.kind())));
        }
    }
    let rate = 1.0 - misses.len() as f64 / rows.len() as f64;
    assert!(rate >= 0.95, "{rate:.3}: {misses:#?}");
}

#[test]
fn premium_and_service_numbers_in_the_collection_are_told_apart() {
    for (number, kind) in [
        ("09061701461", NumberKind::PremiumRate),
        ("09058094597", NumberKind::PremiumRate),
        ("08719180248", NumberKind::Service),
        ("08452810075", NumberKind::Service),
        ("08002986030", NumberKind::Freephone),
    ] {
        assert_eq!(parse_phone_number(number).unwrap().kind(), kind, "{number}");
    }
}

#[test]
fn the_number_quoted_in_each_message_is_extracted() {
    let rows = rows();
    let mut misses = Vec::new();
    for row in &rows {
        let expected = format!("+44{}", &row.number[1..]);
        let found = extract_numbers(&row.message);
        if !found.iter().any(|n| n.canonical() == expected) {
            misses.push(format!("{}: {}", row.number, row.message));
        }
    }
    let rate = 1.0 - misses.len() as f64 / rows.len() as f64;
    assert!(rate >= 0.95, "{rate:.3}: {misses:#?}");
}
