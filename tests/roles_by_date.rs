//! "The prime minister" is whoever held the office on the article's date: the gazetteer's
//! role spells (data/people.tsv) decide, per article. Fixture: tests/fixtures/roles, three
//! short reports we wrote, dated 1997-04 (John Major), 1997-06 (Tony Blair) and 2025-03
//! (Keir Starmer), each naming Britain's prime minister and the French president only by role.

mod common;
use common::{Db, fixture};
use serde_json::Value;

/// (date, one side, type, other side) of the `timeline --json` rows.
fn meetings(db: &Db) -> Vec<(String, String, String, String)> {
    let v: Value = db.json(["timeline", "--json"]);
    v.as_array()
        .expect("array of events")
        .iter()
        .map(|e| {
            // A meeting is symmetric: its two sides in name order.
            let mut pair = [
                e["source"]["name"].as_str().unwrap_or("-").to_string(),
                e["target"]["name"].as_str().unwrap_or("-").to_string(),
            ];
            pair.sort();
            let [a, b] = pair;
            (
                e["date"].as_str().unwrap_or("-").to_string(),
                a,
                e["type"].as_str().unwrap_or("-").to_string(),
                b,
            )
        })
        .collect()
}

/// The expected rows as owned strings, to compare with [`meetings`].
fn owned(rows: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    rows.iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect()
}

#[test]
fn the_prime_minister_is_the_office_holder_on_the_article_date() {
    let db = Db::new();
    db.ingest(&[fixture("roles/prime_minister.jsonl")]);
    let got = meetings(&db);
    let want = [
        ("1997-04-07", "Jacques Chirac", "meet", "John Major"),
        ("1997-06-11", "Jacques Chirac", "meet", "Tony Blair"),
        ("2025-03-02", "Emmanuel Macron", "meet", "Keir Starmer"),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
    // Three people, not one "prime minister" actor.
    let actors: Value = db.json(["actors", "--json"]);
    let names: Vec<&str> = actors
        .as_array()
        .expect("array of actors")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    for n in ["John Major", "Tony Blair", "Keir Starmer"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    assert!(
        !names
            .iter()
            .any(|n| n.to_lowercase().contains("prime minister"))
    );
}

#[test]
fn a_titled_surname_is_the_gazetteer_holder_of_that_office_even_out_of_office() {
    // "Former President Clinton" in 2010 is Bill Clinton, although the Clinton in office then
    // was the secretary of state; "former President Obama" in 2018 is Barack Obama.
    let db = Db::new();
    db.ingest(&[fixture("roles/former_holders.jsonl")]);
    let got = meetings(&db);
    let want = [
        ("2010-02-08", "Bill Clinton", "meet", "René Préval"),
        ("2018-05-14", "Barack Obama", "criticize", "Hungary"),
    ];
    let want = owned(&want);
    assert_eq!(got, want);
    let actors: Value = db.json(["actors", "--json"]);
    let codes: Vec<(&str, &str)> = actors
        .as_array()
        .expect("array of actors")
        .iter()
        .filter_map(|a| Some((a["name"].as_str()?, a["cameo"].as_str().unwrap_or("-"))))
        .filter(|(n, _)| n.contains("Clinton") || n.contains("Obama"))
        .collect();
    assert_eq!(
        codes,
        [("Barack Obama", "USAGOV"), ("Bill Clinton", "USAGOV")]
    );
}
