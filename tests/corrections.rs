//! Identity corrections (merge, split, alias add, never-merge) apply at once, are stored, and
//! apply again to articles ingested later — also to an article removed and ingested again.
//! Stories in `tests/fixtures/identity/` are invented officials of real countries.

mod common;
use common::{Db, fixture, stderr};
use serde_json::Value;
use std::path::PathBuf;

fn story(name: &str) -> PathBuf {
    fixture(&format!("identity/{name}"))
}

/// Timeline as "date source type target" lines.
fn timeline(db: &Db) -> Vec<String> {
    db.json(["timeline", "--json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                e["date"].as_str().unwrap_or("-"),
                e["source"]["name"].as_str().unwrap_or("-"),
                e["type"].as_str().unwrap_or("-"),
                e["target"]["name"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

fn actor_names(db: &Db) -> Vec<String> {
    let mut v: Vec<String> = db
        .json(["actors", "--type", "person", "--json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["name"].as_str().unwrap_or("").to_string())
        .collect();
    v.sort();
    v
}

fn kinds(db: &Db) -> Vec<String> {
    db.json(["corrections", "--json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

fn aliases(db: &Db, actor: &str) -> Vec<(String, u64)> {
    db.json(["actor", actor, "--json"])["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .map(|a| {
            (
                a[0].as_str().unwrap_or("").to_string(),
                a[1].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn merge_survives_reingest_and_applies_to_later_articles() {
    let db = Db::new();
    db.ingest(&[story("01-andes-wire.txt"), story("08-rojas.txt")]);
    assert_eq!(
        actor_names(&db),
        vec!["Lucia Marquina", "Tomas Arvelo", "Tomas Arvelo Rojas"]
    );
    let out = db.stdout(["merge", "Tomas Arvelo", "Tomas Arvelo Rojas"]);
    assert!(
        out.starts_with("merged Tomas Arvelo Rojas #4 into Tomas Arvelo #1 (correction #1)\n2 mention(s) moved, 1 event(s) changed"),
        "{out}"
    );
    let merged = vec![
        "2025-03-04 Tomas Arvelo meet Lucia Marquina".to_string(),
        "2025-03-04 Tomas Arvelo talk Lucia Marquina".to_string(),
        "2025-05-01 Tomas Arvelo meet Lucia Marquina".to_string(),
    ];
    assert_eq!(timeline(&db), merged);
    assert_eq!(actor_names(&db), vec!["Lucia Marquina", "Tomas Arvelo"]);
    // The absorbed name is now an alias.
    assert!(aliases(&db, "Tomas Arvelo").contains(&("Tomas Arvelo Rojas".to_string(), 1)));

    db.stdout(["remove", "southern-post-0502"]);
    db.ingest(&[story("08-rojas.txt")]);
    assert_eq!(timeline(&db), merged);
    assert_eq!(actor_names(&db), vec!["Lucia Marquina", "Tomas Arvelo"]);

    db.ingest(&[story("09-rojas-later.txt")]);
    assert_eq!(
        timeline(&db).last().map(String::as_str),
        Some("2025-06-09 Tomas Arvelo visit Bolivia")
    );
    let c = db.json(["corrections", "--json"]);
    assert_eq!(c[0]["kind"], "merge");
    assert_eq!(c[0]["actor"], "Tomas Arvelo");
    assert_eq!(c[0]["actor_key"], "new:tomas_arvelo|CHL");
    assert_eq!(c[0]["other"], "Tomas Arvelo Rojas");
}

#[test]
fn split_survives_reingest_and_applies_to_later_articles() {
    let db = Db::new();
    db.ingest(&[story("12-surname.txt")]);
    let out = db.stdout(["split", "Tomas Arvelo", "--alias", "Arvelo"]);
    assert!(out.starts_with("split Arvelo #5 off Tomas Arvelo (correction #1)\n1 mention(s) moved, 1 event(s) changed, 0 event(s) joined"), "{out}");
    let split = vec![
        "2025-07-07 Tomas Arvelo meet Carla Quispe".to_string(),
        "2025-07-07 Arvelo praise Peru".to_string(),
    ];
    assert_eq!(timeline(&db), split);
    assert_eq!(aliases(&db, "#5"), vec![("Arvelo".to_string(), 1)]);

    db.stdout(["remove", "andes-wire-0708"]);
    db.ingest(&[story("12-surname.txt")]);
    assert_eq!(timeline(&db), split);
    assert_eq!(
        actor_names(&db),
        vec!["Arvelo", "Carla Quispe", "Tomas Arvelo"]
    );

    db.ingest(&[story("13-surname-later.txt")]);
    let tl = timeline(&db);
    assert!(
        tl.contains(&"2025-08-15 Arvelo criticize Venezuela".to_string()),
        "{tl:#?}"
    );
    assert!(
        tl.contains(&"2025-08-15 Tomas Arvelo visit Ecuador".to_string()),
        "{tl:#?}"
    );

    let out = db
        .cmd(["split", "Tomas Arvelo", "--alias", "Tom"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is never written \"Tom\""),
        "{}",
        stderr(&out)
    );
    assert_eq!(kinds(&db), vec!["split"]);
}

#[test]
fn alias_add_applies_to_later_articles_and_survives_reingest() {
    let db = Db::new();
    db.ingest(&[story("01-andes-wire.txt")]);
    let out = db.stdout(["alias", "add", "Arvelo", "Tomas Arvelo Rojas"]);
    assert!(
        out.starts_with("added alias \"Tomas Arvelo Rojas\" to Tomas Arvelo #1 (correction #1)"),
        "{out}"
    );
    assert!(aliases(&db, "Tomas Arvelo").contains(&("Tomas Arvelo Rojas".to_string(), 0)));
    db.ingest(&[story("08-rojas.txt")]);
    assert_eq!(actor_names(&db), vec!["Lucia Marquina", "Tomas Arvelo"]);
    assert!(aliases(&db, "Tomas Arvelo").contains(&("Tomas Arvelo Rojas".to_string(), 1)));
    assert!(timeline(&db).contains(&"2025-05-01 Tomas Arvelo meet Lucia Marquina".to_string()));
    // The hand-made alias outlives the article that used it, and re-ingest resolves again.
    db.stdout(["remove", "southern-post-0502"]);
    assert!(aliases(&db, "Tomas Arvelo").contains(&("Tomas Arvelo Rojas".to_string(), 0)));
    db.ingest(&[story("08-rojas.txt")]);
    assert_eq!(actor_names(&db), vec!["Lucia Marquina", "Tomas Arvelo"]);
    assert_eq!(kinds(&db), vec!["alias"]);
}

#[test]
fn never_merge_is_respected_by_merge_alias_and_reingest() {
    let db = Db::new();
    db.ingest(&[story("01-andes-wire.txt"), story("08-rojas.txt")]);
    let out = db.stdout(["never-merge", "Tomas Arvelo", "Tomas Arvelo Rojas"]);
    assert_eq!(
        out.trim(),
        "Tomas Arvelo #1 and Tomas Arvelo Rojas #4 will never be merged (correction #1)"
    );
    let out = db
        .cmd(["merge", "Tomas Arvelo", "Tomas Arvelo Rojas"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: Tomas Arvelo #1 and Tomas Arvelo Rojas #4 are marked never-merge"
    );
    // An alias of that name does not join the actor kept apart, now or later.
    let v: Value = db.json([
        "alias",
        "add",
        "Tomas Arvelo",
        "Tomas Arvelo Rojas",
        "--json",
    ]);
    assert_eq!(v["absorbed"].as_array().map(Vec::len), Some(0));
    db.stdout(["remove", "southern-post-0502"]);
    db.ingest(&[story("08-rojas.txt"), story("09-rojas-later.txt")]);
    assert_eq!(
        actor_names(&db),
        vec!["Lucia Marquina", "Tomas Arvelo", "Tomas Arvelo Rojas"]
    );
    assert!(timeline(&db).contains(&"2025-06-09 Tomas Arvelo Rojas visit Bolivia".to_string()));
    assert_eq!(kinds(&db), vec!["never-merge", "alias"]);
    let out = db
        .cmd(["never-merge", "Tomas Arvelo", "1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn same_name_in_unrelated_articles_stays_two_actors() {
    let db = Db::new();
    db.ingest(&[
        story("10-ferreira-brazil.txt"),
        story("11-ferreira-portugal.txt"),
    ]);
    let actors = db.json(["actors", "--type", "person", "--json"]);
    let mut found: Vec<(String, String)> = actors
        .as_array()
        .expect("array")
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap_or("").to_string(),
                a["country"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("Ana Ferreira".to_string(), "BRA".to_string()),
            ("Ana Ferreira".to_string(), "PRT".to_string())
        ]
    );
    let out = db
        .cmd(["merge", "Ana Ferreira", "Spain"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: \"Ana Ferreira\" matches several actors: Ana Ferreira (person, BRA) #1, Ana Ferreira (person, PRT) #3; use the id instead"
    );
    assert_eq!(db.json(["actor", "1", "--json"])["roles"][0], "senator");
    assert_eq!(
        db.json(["actor", "3", "--json"])["roles"][0],
        "defence minister"
    );
}

#[test]
fn a_single_name_without_country_is_not_joined_across_articles() {
    // Two unrelated articles quote a spokesman "Whitcombe" with nothing else about him: an
    // equal word alone never makes one actor; an analyst who knows better can merge them.
    let db = Db::new();
    db.ingest(&[story("14-no-country-a.txt"), story("15-no-country-b.txt")]);
    let named = |db: &Db| -> Vec<i64> {
        db.json(["actors", "--type", "person", "--json"])
            .as_array()
            .expect("array")
            .iter()
            .filter(|a| a["name"] == "Whitcombe")
            .filter_map(|a| a["id"].as_i64())
            .collect()
    };
    let ids = named(&db);
    assert_eq!(ids.len(), 2, "{ids:?}");
    db.stdout(["merge", &ids[0].to_string(), &ids[1].to_string()]);
    assert_eq!(named(&db).len(), 1);
    // The decision holds when an article is ingested again.
    db.stdout(["remove", "valley-times-0920"]);
    db.ingest(&[story("15-no-country-b.txt")]);
    assert_eq!(named(&db).len(), 1);
}

#[test]
fn hand_made_alias_comes_back_with_its_actor_and_conflicts_are_refused() {
    let db = Db::new();
    db.ingest(&[story("10-ferreira-brazil.txt")]);
    db.stdout(["alias", "add", "Ana Ferreira", "Senator Nana"]);
    assert_eq!(
        db.json(["actor", "Senator Nana", "--json"])["summary"]["name"],
        "Ana Ferreira"
    );
    // The actor goes with its only article and comes back with it, alias and all.
    let removed = db.stdout(["remove", "#1"]);
    assert!(removed.contains("removed article #1"), "{removed}");
    db.ingest(&[story("10-ferreira-brazil.txt")]);
    let back = db.json(["actor", "Senator Nana", "--json"]);
    assert_eq!(back["summary"]["name"], "Ana Ferreira");
    // The same hand-made alias for a second actor is refused, naming the first.
    let out = db
        .cmd(["alias", "add", "Argentina", "Senator Nana"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("already an alias given by hand to Ana Ferreira"),
        "{}",
        stderr(&out)
    );
    // Splitting an actor off its own name is refused.
    let out = db
        .cmd(["split", "Ana Ferreira", "--alias", "Ana Ferreira"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is the name of"), "{}", stderr(&out));
}

#[test]
fn merge_across_countries_or_types_warns() {
    let db = Db::new();
    db.ingest(&[
        story("10-ferreira-brazil.txt"),
        story("11-ferreira-portugal.txt"),
    ]);
    let out = db.cmd(["merge", "1", "3"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: Ana Ferreira #3 is of PRT, Ana Ferreira #1 of BRA"),
        "{}",
        stderr(&out)
    );
    let out = db.cmd(["merge", "Argentina", "1"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("is a person, Argentina"), "{err}");
    assert!(err.contains("as both source and target"), "{err}");
}

#[test]
fn alias_add_that_joins_another_actor_warns_like_merge() {
    let db = Db::new();
    db.ingest(&[
        story("10-ferreira-brazil.txt"),
        story("11-ferreira-portugal.txt"),
    ]);
    // Naming a country as a person's alias joins the country into the person.
    let out = db
        .cmd(["alias", "add", "1", "Argentina"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("is a country, Ana Ferreira #1 a person"),
        "{err}"
    );
    assert!(err.contains("as both source and target"), "{err}");
}
