//! One real event reported by several articles is one event with one mention per report
//! (`tests/fixtures/identity/`: invented ministers of real countries, written for these tests).

mod common;
use common::{Db, fixture};
use serde_json::Value;

fn story(name: &str) -> std::path::PathBuf {
    fixture(&format!("identity/{name}"))
}

/// `who-met --json` rows as (date, status, sources, mentions, articles).
fn meetings(db: &Db) -> Vec<(String, String, u64, u64, Vec<String>)> {
    let v = db.json(["who-met", "Arvelo", "--with", "Marquina", "--json"]);
    v.as_array()
        .expect("array")
        .iter()
        .filter(|e| e["type"] == "meet")
        .map(|e| {
            (
                e["date"].as_str().unwrap_or("-").to_string(),
                e["status"].as_str().unwrap_or("-").to_string(),
                e["sources"].as_u64().unwrap_or(0),
                e["mentions"].as_u64().unwrap_or(0),
                e["articles"]
                    .as_array()
                    .expect("articles")
                    .iter()
                    .map(|a| a.as_str().unwrap_or("").to_string())
                    .collect(),
            )
        })
        .collect()
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn same_meeting_from_three_outlets_is_one_event_with_three_sources() {
    let db = Db::new();
    db.ingest(&[
        story("01-andes-wire.txt"),
        story("02-pacific-daily.txt"),
        story("03-southern-post.txt"),
    ]);
    assert_eq!(
        meetings(&db),
        vec![(
            "2025-03-04".to_string(),
            "occurred".to_string(),
            3,
            3,
            strs(&[
                "andes-wire-0305",
                "pacific-daily-0304",
                "southern-post-0306"
            ])
        )]
    );
    // Every mention keeps its article and sentence; the export counts distinct articles.
    let ex = db.export();
    let meet: Vec<&Value> = ex
        .raw_events()
        .iter()
        .filter(|e| e["type"] == "meet")
        .collect();
    assert_eq!(meet.len(), 1);
    assert_eq!(meet[0]["sources"], 3);
    let evidence: Vec<(i64, String)> = meet[0]["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| {
            (
                e["article"].as_i64().unwrap_or(0),
                e["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        evidence,
        vec![
            (1, "Chilean Foreign Minister Tomas Arvelo met Peruvian Foreign Minister Lucia Marquina in Lima on Tuesday.".to_string()),
            (2, "Peruvian Foreign Minister Lucia Marquina met her Chilean counterpart Tomas Arvelo Tuesday in the Peruvian capital.".to_string()),
            (3, "Tomas Arvelo, the Chilean foreign minister, met Peruvian Foreign Minister Lucia Marquina on March 4 in Lima.".to_string()),
        ]
    );
    // The timeline shows the same count.
    let tl = db.json(["timeline", "Marquina", "--type", "meet", "--json"]);
    assert_eq!(tl[0]["sources"], 3);
}

#[test]
fn planned_meeting_later_reported_as_held_is_one_occurred_event() {
    let db = Db::new();
    db.ingest(&[story("04-planned.txt")]);
    assert_eq!(
        meetings(&db),
        vec![(
            "2025-03-13".to_string(),
            "planned".to_string(),
            1,
            1,
            strs(&["andes-wire-0310"])
        )]
    );
    db.ingest(&[story("05-occurred.txt")]);
    assert_eq!(
        meetings(&db),
        vec![(
            "2025-03-13".to_string(),
            "occurred".to_string(),
            2,
            2,
            strs(&["andes-wire-0310", "pacific-daily-0314"])
        )]
    );
    // The evidence shown first is the report of what happened, not the plan.
    let tl = db.json(["who-met", "--json"]);
    let first = tl[0]["first_evidence"].as_str().unwrap_or("");
    assert!(!first.contains(" will "), "{first}");
    let ex = db.export();
    // Each report keeps its own trigger, status and date.
    let reports: Vec<(&str, &str, &str)> = ex.raw_events()[0]["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| {
            (
                e["trigger"].as_str().unwrap_or(""),
                e["status"].as_str().unwrap_or(""),
                e["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        reports,
        vec![
            ("meet", "planned", "2025-03-13"),
            ("met", "occurred", "2025-03-13")
        ]
    );
    // Status derives from the mentions: without the report of the meeting it is planned again.
    db.stdout(["remove", "pacific-daily-0314"]);
    assert_eq!(
        meetings(&db),
        vec![(
            "2025-03-13".to_string(),
            "planned".to_string(),
            1,
            1,
            strs(&["andes-wire-0310"])
        )]
    );
}

#[test]
fn two_meetings_of_the_same_pair_on_different_days_stay_two() {
    let db = Db::new();
    db.ingest(&[story("06-april-first.txt"), story("07-april-second.txt")]);
    let m = meetings(&db);
    assert_eq!(
        m.iter()
            .map(|r| (r.0.as_str(), r.1.as_str(), r.2))
            .collect::<Vec<_>>(),
        vec![("2025-03-31", "occurred", 1), ("2025-04-09", "occurred", 1)]
    );
}

#[test]
fn a_plan_dated_only_by_publication_does_not_join_what_happened() {
    // "would visit Egypt soon" has no date of its own (it takes the publication day): it
    // must not become the same visit as the arrival reported for that day.
    let db = Db::new();
    db.ingest(&[story("16-announced-then-arrived.txt")]);
    let v = db.json(["timeline", "--type", "visit", "--json"]);
    let mut got: Vec<(String, String, u64)> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            (
                e["status"].as_str().unwrap_or("").to_string(),
                e["date"].as_str().unwrap_or("").to_string(),
                e["mentions"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("occurred".to_string(), "2025-11-22".to_string(), 1),
            ("planned".to_string(), "2025-11-22".to_string(), 1),
        ]
    );
}
