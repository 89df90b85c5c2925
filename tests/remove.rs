//! `polgraph remove`: an article goes with everything only it supports, in one transaction,
//! leaving no orphan rows; shared actors and events stay; re-ingesting brings it back.

mod common;
use common::{Db, stderr};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples")
}

/// Rows that point at nothing, per check; all must be zero.
fn orphans(db: &Path) -> BTreeMap<&'static str, i64> {
    let c = Connection::open(db).expect("open db");
    let checks: &[(&str, &str)] = &[
        (
            "sentences without article",
            "SELECT COUNT(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)",
        ),
        (
            "mentions without article",
            "SELECT COUNT(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)",
        ),
        (
            "mentions without sentence",
            "SELECT COUNT(*) FROM mentions WHERE sentence_id NOT IN (SELECT id FROM sentences)",
        ),
        (
            "mentions without actor",
            "SELECT COUNT(*) FROM mentions WHERE actor_id NOT IN (SELECT id FROM actors)",
        ),
        (
            "event_mentions without event",
            "SELECT COUNT(*) FROM event_mentions WHERE event_id NOT IN (SELECT id FROM events)",
        ),
        (
            "event_mentions without article",
            "SELECT COUNT(*) FROM event_mentions WHERE article_id NOT IN (SELECT id FROM articles)",
        ),
        (
            "event_mentions without sentence",
            "SELECT COUNT(*) FROM event_mentions WHERE sentence_id NOT IN (SELECT id FROM sentences)",
        ),
        (
            "events without mentions",
            "SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)",
        ),
        (
            "events without source actor",
            "SELECT COUNT(*) FROM events WHERE source_id NOT IN (SELECT id FROM actors)",
        ),
        (
            "events without target actor",
            "SELECT COUNT(*) FROM events WHERE target_id IS NOT NULL AND target_id NOT IN (SELECT id FROM actors)",
        ),
        (
            "aliases without actor",
            "SELECT COUNT(*) FROM aliases WHERE actor_id NOT IN (SELECT id FROM actors)",
        ),
        (
            "aliases with count zero",
            "SELECT COUNT(*) FROM aliases WHERE count <= 0 AND manual = 0",
        ),
        (
            "actor_roles without actor",
            "SELECT COUNT(*) FROM actor_roles WHERE actor_id NOT IN (SELECT id FROM actors)",
        ),
        (
            "alias_uses without article or actor",
            "SELECT COUNT(*) FROM alias_uses WHERE article_id NOT IN (SELECT id FROM articles) \
             OR actor_id NOT IN (SELECT id FROM actors)",
        ),
        (
            "actors neither mentioned nor in an event",
            "SELECT COUNT(*) FROM actors a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id) \
             AND NOT EXISTS (SELECT 1 FROM events e WHERE e.source_id = a.id OR e.target_id = a.id)",
        ),
    ];
    checks
        .iter()
        .map(|(name, sql)| (*name, c.query_row(sql, [], |r| r.get(0)).expect(sql)))
        .collect()
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .expect("open db")
        .query_row(sql, [], |r| r.get(0))
        .expect(sql)
}

/// Every event as (type, source, target, date, status, number of sources), sorted.
fn event_set(db: &Db) -> Vec<String> {
    let ex = db.export();
    let mut out: Vec<String> = ex
        .raw_events()
        .iter()
        .zip(ex.events())
        .map(|(raw, e)| {
            format!(
                "{} {} {:?} {:?} {} {}",
                e.etype, e.source, e.target, e.date, e.status, raw["sources"]
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn remove_leaves_no_orphans_and_reingest_restores() {
    let db = Db::new();
    db.ingest(&[samples()]);
    let zero: BTreeMap<&str, i64> = orphans(&db.path).into_keys().map(|k| (k, 0)).collect();
    assert_eq!(orphans(&db.path), zero, "orphans right after ingest");
    let before_events = event_set(&db);
    let before_stats = db.json(["stats", "--json"]);
    let zelensky_aliases = db.json(["actor", "Zelensky", "--json"])["aliases"].clone();
    assert_eq!(count(&db.path, "SELECT COUNT(*) FROM articles"), 8);

    let g7 = samples().join("g7-kananaskis-2025.md");
    let source_id = g7.display().to_string();
    let out = db.stdout(["remove", "g7-kananaskis-2025.md"]);
    assert!(
        out.starts_with(&format!("removed article #4 {source_id} (")),
        "{out}"
    );
    assert_eq!(orphans(&db.path), zero, "orphans after remove");
    assert_eq!(count(&db.path, "SELECT COUNT(*) FROM articles"), 7);
    let gone = format!("SELECT COUNT(*) FROM articles WHERE source_id = '{source_id}'");
    assert_eq!(count(&db.path, &gone), 0);
    for t in ["sentences", "mentions", "event_mentions", "alias_uses"] {
        assert_eq!(
            count(
                &db.path,
                &format!("SELECT COUNT(*) FROM {t} WHERE article_id = 4")
            ),
            0,
            "{t}"
        );
    }
    // Shared actors stay (Trump and Zelensky are also in the Alaska story); actors only the
    // G7 story named are gone.
    db.stdout(["actor", "Trump"]);
    let z = db.json(["actor", "Zelensky", "--json"]);
    assert_eq!(z["summary"]["name"], "Volodymyr Zelensky");
    assert_ne!(z["aliases"], zelensky_aliases, "alias counts decremented");
    let carney = db.cmd(["actor", "Carney"]).output().expect("runs");
    assert_eq!(carney.status.code(), Some(2));
    assert!(stderr(&carney).contains("no actor named \"Carney\""));
    // No event is still supported by the removed article's sentences.
    let after = event_set(&db);
    assert!(after.len() < before_events.len());
    assert!(
        after.iter().all(|e| !e.contains("Mark Carney")),
        "{after:#?}"
    );

    // Unknown articles are a clear error, and change nothing.
    let out = db
        .cmd(["remove", "no-such-article"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: no article \"no-such-article\" in the database (give its source id as shown by `--json` output, or its number)"
    );
    assert_eq!(event_set(&db), after);

    // Re-ingesting the file brings everything back.
    db.ingest(&[&g7]);
    assert_eq!(orphans(&db.path), zero, "orphans after re-ingest");
    assert_eq!(event_set(&db), before_events);
    assert_eq!(db.json(["stats", "--json"]), before_stats);
    assert_eq!(
        db.json(["actor", "Zelensky", "--json"])["aliases"],
        zelensky_aliases
    );
}

#[test]
fn remove_by_number_and_json_output() {
    let db = Db::new();
    db.ingest(&[samples().join("trump-putin-alaska-2025.html")]);
    let v = db.json(["remove", "#1", "--json"]);
    assert_eq!(v["article"], 1);
    assert_eq!(v["events_kept"].as_array().map(Vec::len), Some(0));
    assert!(v["events_deleted"].as_array().map(Vec::len).unwrap_or(0) > 3);
    // The only article: every actor goes.
    assert_eq!(v["actors_kept"], 0);
    for t in [
        "articles",
        "sentences",
        "actors",
        "aliases",
        "events",
        "event_mentions",
    ] {
        assert_eq!(
            count(&db.path, &format!("SELECT COUNT(*) FROM {t}")),
            0,
            "{t}"
        );
    }
    let out = db.cmd(["remove", "1"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "already removed");
}
