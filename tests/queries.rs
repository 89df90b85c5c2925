//! Query commands on a small fixture set (tests/fixtures/queries, own texts about real events):
//!  01  2023-01-25  Macron met Scholz in Paris on Monday            → meet 2023-01-23
//!  02  2023-02-09  Scholz spoke by phone with Zelensky on Wednesday → talk 2023-02-08
//!  03  2023-03-21  Xi visited Russia / met Putin on Monday          → visit, meet 2023-03-20
//!  04  2023-03-22  Zelensky criticised Putin on Tuesday             → criticize 2023-03-21

mod common;
use common::{Db, fixture, stderr};
use serde_json::Value;
use std::fs;

fn db() -> Db {
    let db = Db::new();
    db.ingest(&[fixture("queries")]);
    db
}

/// (date, source, type, target, status) of a list of event rows from a query command.
fn rows(v: &Value) -> Vec<(String, String, String, String, String)> {
    v.as_array()
        .expect("array of events")
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap_or("-").to_string(),
                e["source"]["name"].as_str().unwrap().to_string(),
                e["type"].as_str().unwrap().to_string(),
                e["target"]["name"].as_str().unwrap_or("-").to_string(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn row(d: &str, s: &str, t: &str, o: &str, st: &str) -> (String, String, String, String, String) {
    (d.into(), s.into(), t.into(), o.into(), st.into())
}

#[test]
fn who_met_everyone() {
    let db = db();
    let v = db.json(["who-met", "--json"]);
    assert_eq!(
        rows(&v),
        vec![
            row(
                "2023-01-23",
                "Emmanuel Macron",
                "meet",
                "Olaf Scholz",
                "occurred"
            ),
            row(
                "2023-02-08",
                "Olaf Scholz",
                "talk",
                "Volodymyr Zelensky",
                "occurred"
            ),
            row("2023-03-20", "Xi Jinping", "visit", "Russia", "occurred"),
            row(
                "2023-03-20",
                "Xi Jinping",
                "meet",
                "Vladimir Putin",
                "occurred"
            ),
        ]
    );
    // The phone call keeps its CAMEO talk code (040 family; 041 = by phone per GUIDELINES).
    let call = &v[1];
    assert!(call["cameo"].as_str().unwrap().starts_with("04"), "{call}");
    // Human table: names and dates, and a count line; the criticism is not a meeting.
    let t = db.stdout(["who-met"]);
    for s in [
        "Emmanuel Macron",
        "Olaf Scholz",
        "Volodymyr Zelensky",
        "Xi Jinping",
        "Vladimir Putin",
        "2023-01-23",
        "2023-03-20",
    ] {
        assert!(t.contains(s), "table lacks {s}: {t}");
    }
    assert!(t.contains("4 event(s)"), "{t}");
    assert!(!t.contains("criticize"), "{t}");
}

#[test]
fn who_met_one_actor_by_lowercase_alias() {
    let db = db();
    let v = db.json(["who-met", "macron", "--json"]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-01-23",
            "Emmanuel Macron",
            "meet",
            "Olaf Scholz",
            "occurred"
        )]
    );
    assert_eq!(
        v[0]["first_evidence"],
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday."
    );
    // Alias case and spacing do not matter.
    let v2 = db.json(["who-met", "  EMMANUEL   macron ", "--json"]);
    assert_eq!(v, v2);
}

#[test]
fn who_met_with() {
    let db = db();
    let v = db.json(["who-met", "Xi", "--with", "vladimir putin", "--json"]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-03-20",
            "Xi Jinping",
            "meet",
            "Vladimir Putin",
            "occurred"
        )]
    );
    let v = db.json([
        "who-met",
        "Olaf Scholz",
        "--with",
        "Volodymyr Zelensky",
        "--json",
    ]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-02-08",
            "Olaf Scholz",
            "talk",
            "Volodymyr Zelensky",
            "occurred"
        )]
    );
    // No meeting between Macron and Putin.
    let v = db.json(["who-met", "macron", "--with", "Vladimir Putin", "--json"]);
    assert_eq!(v.as_array().unwrap().len(), 0);
    assert!(
        db.stdout(["who-met", "macron", "--with", "Vladimir Putin"])
            .contains("no events")
    );
}

#[test]
fn who_met_date_window() {
    let db = db();
    let v = db.json(["who-met", "--from", "2023-02", "--to", "2023-03", "--json"]);
    let dates: Vec<String> = rows(&v).into_iter().map(|r| r.0).collect();
    assert_eq!(dates, ["2023-02-08", "2023-03-20", "2023-03-20"]);
    let v = db.json([
        "who-met",
        "--from",
        "2023-01-23",
        "--to",
        "2023-01-23",
        "--json",
    ]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-01-23",
            "Emmanuel Macron",
            "meet",
            "Olaf Scholz",
            "occurred"
        )]
    );
    let v = db.json(["who-met", "--from", "2024", "--json"]);
    assert_eq!(v.as_array().unwrap().len(), 0);
}

#[test]
fn timeline_actor_type() {
    let db = db();
    let v = db.json(["timeline", "Xi Jinping", "--type", "meet", "--json"]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-03-20",
            "Xi Jinping",
            "meet",
            "Vladimir Putin",
            "occurred"
        )]
    );
    // All of Putin's events, in date order.
    let v = db.json(["timeline", "Vladimir Putin", "--json"]);
    assert_eq!(
        rows(&v),
        vec![
            row(
                "2023-03-20",
                "Xi Jinping",
                "meet",
                "Vladimir Putin",
                "occurred"
            ),
            row(
                "2023-03-21",
                "Volodymyr Zelensky",
                "criticize",
                "Vladimir Putin",
                "occurred"
            ),
        ]
    );
    let t = db.stdout(["timeline", "Vladimir Putin"]);
    assert!(
        t.contains("Volodymyr Zelensky") && t.contains("criticize") && t.contains("2023-03-21"),
        "{t}"
    );
}

#[test]
fn relations_between_two_actors() {
    let db = db();
    let v = db.json([
        "relations",
        "Volodymyr Zelensky",
        "vladimir putin",
        "--json",
    ]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-03-21",
            "Volodymyr Zelensky",
            "criticize",
            "Vladimir Putin",
            "occurred"
        )]
    );
    assert!(v[0]["cameo"].as_str().unwrap().starts_with("11"));
    // Order of the two names does not matter.
    let w = db.json([
        "relations",
        "Vladimir Putin",
        "Volodymyr Zelensky",
        "--json",
    ]);
    assert_eq!(v, w);
    let t = db.stdout(["relations", "Volodymyr Zelensky", "Vladimir Putin"]);
    assert!(
        t.contains("criticize") && t.contains("Vladimir Putin"),
        "{t}"
    );
}

#[test]
fn actors_listing_and_type_filter() {
    let db = db();
    let v = db.json(["actors", "--json"]);
    let mut names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Emmanuel Macron",
            "France",
            // "the two countries" after Macron and the German chancellor.
            "Germany",
            "Olaf Scholz",
            "Russia",
            "Vladimir Putin",
            "Volodymyr Zelensky",
            "Xi Jinping"
        ]
    );
    let xi = v
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Xi Jinping")
        .unwrap();
    assert_eq!(xi["type"], "person");
    assert_eq!(xi["country"], "CHN");
    assert_eq!(xi["events"], 2);
    let v = db.json(["actors", "--type", "person", "--json"]);
    let mut persons: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    persons.sort();
    assert_eq!(
        persons,
        [
            "Emmanuel Macron",
            "Olaf Scholz",
            "Vladimir Putin",
            "Volodymyr Zelensky",
            "Xi Jinping"
        ]
    );
    assert!(v.as_array().unwrap().iter().all(|a| a["type"] == "person"));
    let v = db.json(["actors", "--type", "country", "--json"]);
    let countries: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["country"].as_str().unwrap())
        .collect();
    assert_eq!(countries.len(), 3);
    assert!(countries.contains(&"RUS") && countries.contains(&"FRA") && countries.contains(&"DEU"));
    let t = db.stdout(["actors"]);
    for s in ["Emmanuel Macron", "Russia", "CHN", "person", "country"] {
        assert!(t.contains(s), "table lacks {s}: {t}");
    }
}

#[test]
fn actor_profile_shows_aliases_and_roles() {
    let db = db();
    let v = db.json(["actor", "macron", "--json"]);
    assert_eq!(v["summary"]["name"], "Emmanuel Macron");
    assert_eq!(v["summary"]["country"], "FRA");
    assert_eq!(v["summary"]["events"], 1);
    assert_eq!(v["roles"], serde_json::json!(["president"]));
    let aliases: Vec<&str> = v["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[0].as_str().unwrap())
        .collect();
    for a in ["Emmanuel Macron", "Macron", "French President"] {
        assert!(aliases.contains(&a), "aliases {aliases:?} lack {a}");
    }
    assert_eq!(
        rows(&v["events"]),
        vec![row(
            "2023-01-23",
            "Emmanuel Macron",
            "meet",
            "Olaf Scholz",
            "occurred"
        )]
    );
    let t = db.stdout(["actor", "Macron"]);
    assert!(t.starts_with("Emmanuel Macron (#"), "{t}");
    assert!(t.contains("roles: president"), "{t}");
    assert!(t.contains("aliases:") && t.contains("Macron (1)"), "{t}");
    assert!(t.contains("Olaf Scholz") && t.contains("2023-01-23"), "{t}");
}

#[test]
fn surname_from_gazetteer_resolves() {
    let db = db();
    let v = db.json(["relations", "scholz", "zelensky", "--json"]);
    assert_eq!(
        rows(&v),
        vec![row(
            "2023-02-08",
            "Olaf Scholz",
            "talk",
            "Volodymyr Zelensky",
            "occurred"
        )]
    );
}

#[test]
fn path_two_hops_through_shared_actor() {
    let db = db();
    let v = db.json(["path", "Macron", "Volodymyr Zelensky", "--json"]);
    let hops = v.as_array().unwrap();
    assert_eq!(hops.len(), 2, "{v:#}");
    assert_eq!(hops[0]["type"], "meet");
    assert_eq!(hops[0]["date"], "2023-01-23");
    assert_eq!(hops[1]["type"], "talk");
    assert_eq!(hops[1]["date"], "2023-02-08");
    let t = db.stdout(["path", "Macron", "Volodymyr Zelensky"]);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "Emmanuel Macron");
    assert!(
        lines[1].contains("meet 2023-01-23") && lines[1].ends_with("Olaf Scholz"),
        "{t}"
    );
    assert!(
        lines[2].contains("talk 2023-02-08") && lines[2].ends_with("Volodymyr Zelensky"),
        "{t}"
    );
    // A longer chain: Macron - Scholz - Zelensky - Putin - Xi (the criticism links Zelensky and Putin).
    let v = db.json(["path", "Macron", "Xi", "--json"]);
    let types: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["meet", "talk", "criticize", "meet"]);
    // France (only mentioned as "Paris") takes part in no event: no chain, exit 1 and a message.
    let out = db.cmd(["path", "Macron", "France"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no chain"));
}

#[test]
fn stats_counts() {
    let db = db();
    let s = db.json(["stats", "--json"]);
    assert_eq!(s["articles"], 4);
    assert_eq!(s["actors"], 8);
    assert_eq!(s["events"], 5);
    assert_eq!(s["actors_by_type"]["person"], 5);
    assert_eq!(s["actors_by_type"]["country"], 3);
    assert_eq!(s["events_by_type"]["meet"], 2);
    assert_eq!(s["events_by_type"]["talk"], 1);
    assert_eq!(s["events_by_type"]["visit"], 1);
    assert_eq!(s["events_by_type"]["criticize"], 1);
    assert_eq!(s["date_min"], "2023-01-23");
    assert_eq!(s["date_max"], "2023-03-21");
    let t = db.stdout(["stats"]);
    assert!(
        t.contains("articles: 4")
            && t.contains("events: 5")
            && t.contains("2023-01-23 to 2023-03-21"),
        "{t}"
    );
}

#[test]
fn unknown_actor_is_an_error() {
    let db = db();
    for args in [
        vec!["actor", "Nobody Atall"],
        vec!["who-met", "Nobody Atall"],
        vec!["relations", "macron", "Nobody Atall"],
    ] {
        let out = db.cmd(&args).output().unwrap();
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.contains("no actor") && err.contains("Nobody Atall"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn ambiguous_surname_lists_candidates() {
    // Both articles write the bare surname "Lee", so both actors carry the alias "Lee".
    let db = Db::new();
    db.ingest(&[fixture("lee")]);
    let out = db.cmd(["actor", "lee"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("several actors"), "{err}");
    assert!(
        err.contains("Lee Jae-myung") && err.contains("John Lee"),
        "{err}"
    );
    // The full names are not ambiguous.
    let v = db.json(["actor", "john lee", "--json"]);
    assert_eq!(v["summary"]["name"], "John Lee");
    assert_eq!(v["summary"]["country"], "HKG");
    let v = db.json(["actor", "Lee Jae-myung", "--json"]);
    assert_eq!(v["summary"]["country"], "KOR");
    assert_eq!(
        rows(&v["events"]),
        vec![row(
            "2025-08-23",
            "Lee Jae-myung",
            "meet",
            "Shigeru Ishiba",
            "occurred"
        )]
    );
    // An id picks one.
    let id = v["summary"]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        db.json(["actor", &id, "--json"])["summary"]["name"],
        "Lee Jae-myung"
    );
}

#[test]
fn john_lee_is_not_a_prime_minister() {
    let db = Db::new();
    db.ingest(&[fixture("lee/02-john-lee.txt")]);
    let v = db.json(["actor", "john lee", "--json"]);
    assert_eq!(v["roles"], serde_json::json!(["chief executive"]));
}

#[test]
fn reingest_is_idempotent() {
    let db = db();
    let before = db.stdout(["export", "--format", "json"]);
    let out = db.cmd(["ingest"]).arg(fixture("queries")).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("skipped") && l.contains("already stored"))
            .count(),
        4,
        "{err}"
    );
    assert!(
        err.contains("0 new article") && err.contains("skipped 4"),
        "{err}"
    );
    assert_eq!(db.stdout(["export", "--format", "json"]), before);
}

#[test]
fn same_text_under_another_name_is_a_duplicate() {
    let db = db();
    let before = db.stdout(["export", "--format", "json"]);
    let copy = db.dir.path().join("renamed-copy.txt");
    fs::copy(fixture("queries/02-scholz-zelensky.txt"), &copy).unwrap();
    let out = db.cmd(["ingest"]).arg(&copy).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("skipped") && err.contains("renamed-copy.txt"),
        "{err}"
    );
    assert_eq!(db.stdout(["export", "--format", "json"]), before);
}

#[test]
fn queries_need_an_existing_database_and_valid_filters() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let out = assert_cmd::Command::cargo_bin("polgraph")
        .unwrap()
        .arg("--db")
        .arg(&missing)
        .arg("who-met")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at"));
    assert!(!missing.exists(), "a query must not create a database");
    // An empty file is no database either, and stays empty.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let out = assert_cmd::Command::cargo_bin("polgraph")
        .unwrap()
        .arg("--db")
        .arg(&empty)
        .arg("stats")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is an empty file"));
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);

    let db = common::Db::new();
    let out = db.cmd(["timeline", "--type", "bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown event type \"bogus\""));
    let out = db
        .cmd(["timeline", "--from", "2025-06-18", "--to", "2025-06-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is after"));
}

#[test]
fn queries_read_while_another_process_writes() {
    let db = db();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = db.cmd(["stats", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 4);
    conn.execute_batch("ROLLBACK").unwrap();
}

/// An empty database's stats name no breakdown: "actors: 0", not "actors: 0 ()".
#[test]
fn stats_of_an_empty_database() {
    let db = common::Db::new();
    let out = db.cmd(["ingest", "/dev/null"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let t = db.stdout(["stats"]);
    assert!(t.contains("\nactors: 0\n"), "{t}");
    assert!(t.contains("\nevents: 0 from 0 event mentions\n"), "{t}");
}
