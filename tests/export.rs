//! `export --format json` shape and `export --format dot` content, filters and escaping.

mod common;
use common::{Db, fixture, stderr};
use polgraph::store::{ActorOut, ArticleOut, EventOut, EvidenceOut, Snapshot};
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeSet;

fn db() -> Db {
    let db = Db::new();
    db.ingest(&[fixture("queries")]);
    db
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn is_date(s: &str) -> bool {
    let re =
        Regex::new(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$").unwrap();
    re.is_match(s)
}

#[test]
fn json_shape_and_required_keys() {
    let db = Db::new();
    // A varied set: the query fixtures plus every input format.
    let out = db
        .cmd(["ingest"])
        .arg(fixture("queries"))
        .arg(fixture("formats"))
        .args(["--date", "2023-03-03"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = db.json(["export", "--format", "json"]);
    assert_eq!(keys(&v), BTreeSet::from(["articles", "actors", "events"]));
    let articles = v["articles"].as_array().unwrap();
    let actors = v["actors"].as_array().unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(articles.len(), 14);
    assert!(events.len() >= 15, "{}", events.len());

    let day_re = Regex::new(r"^\d{4}-\d{2}-\d{2}$").unwrap();
    let iso3_re = Regex::new("^[A-Z]{3}$").unwrap();
    let cameo_re = Regex::new(r"^\d{2,4}$").unwrap();
    let mut article_ids = BTreeSet::new();
    for a in articles {
        let k = keys(a);
        for want in ["id", "source_id", "title", "published", "url"] {
            assert!(k.contains(want), "article lacks {want}: {a}");
        }
        assert!(a["id"].is_i64() && a["source_id"].is_string());
        assert!(a["title"].is_string() || a["title"].is_null());
        assert!(a["url"].is_string() || a["url"].is_null());
        if let Some(p) = a["published"].as_str() {
            assert!(day_re.is_match(p), "published {p}");
        }
        article_ids.insert(a["id"].as_i64().unwrap());
    }
    assert_eq!(article_ids.len(), articles.len(), "article ids not unique");

    let mut actor_ids = BTreeSet::new();
    for a in actors {
        let k = keys(a);
        for want in [
            "id",
            "name",
            "type",
            "country",
            "cameo_actor",
            "roles",
            "aliases",
        ] {
            assert!(k.contains(want), "actor lacks {want}: {a}");
        }
        assert!(
            ["person", "country", "organization"].contains(&a["type"].as_str().unwrap()),
            "{a}"
        );
        assert!(a["name"].as_str().is_some_and(|n| !n.is_empty()));
        if let Some(c) = a["country"].as_str() {
            assert!(iso3_re.is_match(c), "country {c}");
        }
        assert!(a["roles"].as_array().unwrap().iter().all(Value::is_string));
        let al = a["aliases"].as_array().unwrap();
        assert!(al.iter().all(Value::is_string), "{a}");
        actor_ids.insert(a["id"].as_i64().unwrap());
    }

    for e in events {
        let k = keys(e);
        for want in [
            "id",
            "type",
            "cameo",
            "plover",
            "goldstein",
            "source",
            "target",
            "date",
            "status",
            "articles",
            "evidence",
        ] {
            assert!(k.contains(want), "event lacks {want}: {e}");
        }
        assert!(cameo_re.is_match(e["cameo"].as_str().unwrap()), "{e}");
        assert!(e["goldstein"].is_number() || e["goldstein"].is_null());
        assert!(actor_ids.contains(&e["source"].as_i64().unwrap()), "{e}");
        if !e["target"].is_null() {
            assert!(actor_ids.contains(&e["target"].as_i64().unwrap()), "{e}");
        }
        assert!(
            ["occurred", "planned", "negated", "uncertain"]
                .contains(&e["status"].as_str().unwrap()),
            "{e}"
        );
        if let Some(d) = e["date"].as_str() {
            assert!(is_date(d), "bad date shape {d:?}");
        }
        let arts = e["articles"].as_array().unwrap();
        assert!(!arts.is_empty());
        for a in arts {
            assert!(
                article_ids.contains(&a.as_i64().unwrap()),
                "unknown article in {e}"
            );
        }
        let ev = e["evidence"].as_array().unwrap();
        assert!(!ev.is_empty());
        for x in ev {
            for want in ["article", "text", "start", "end"] {
                assert!(keys(x).contains(want), "evidence lacks {want}: {x}");
            }
            assert!(article_ids.contains(&x["article"].as_i64().unwrap()));
            let (s, en) = (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
            let text = x["text"].as_str().unwrap();
            assert!(s < en, "{x}");
            assert_eq!(
                (en - s) as usize,
                text.len(),
                "start/end do not span the sentence: {x}"
            );
        }
    }

    // The evidence text is the whole sentence.
    let ex = common::Export(v.clone());
    let macron = ex.actor("Emmanuel Macron")["id"].as_i64().unwrap();
    let meet = events
        .iter()
        .find(|e| e["source"] == macron || e["target"] == macron)
        .unwrap();
    assert_eq!(
        meet["evidence"][0]["text"],
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday."
    );
    assert_eq!(meet["evidence"][0]["start"], 0);
}

#[test]
fn date_shape_regex_accepts_only_documented_shapes() {
    for ok in ["2023", "2023-01", "2023-01-23", "2023-01-23/2023-01-29"] {
        assert!(is_date(ok), "{ok}");
    }
    for bad in [
        "23-01-2023",
        "2023-1-2",
        "2023-01-23T10:00",
        "2023/2024",
        "2023-01-23/",
    ] {
        assert!(!is_date(bad), "{bad}");
    }
}

#[test]
fn dot_has_names_and_dated_edges_and_is_deterministic() {
    let db = db();
    let a = db.stdout(["export", "--format", "dot"]);
    let b = db.stdout(["export", "--format", "dot"]);
    assert_eq!(a, b, "DOT output differs between runs");
    assert!(a.starts_with("digraph"), "{a}");
    assert!(a.trim_end().ends_with('}'));
    for name in [
        "Emmanuel Macron",
        "Olaf Scholz",
        "Volodymyr Zelensky",
        "Xi Jinping",
        "Vladimir Putin",
        "Russia",
    ] {
        assert!(
            a.contains(&format!("label = \"{name}\"")),
            "no node {name}: {a}"
        );
    }
    for label in [
        "meet 2023-01-23",
        "talk 2023-02-08",
        "visit 2023-03-20",
        "meet 2023-03-20",
        "criticize 2023-03-21",
    ] {
        assert!(
            a.contains(&format!("label = \"{label}\"")),
            "no edge {label}: {a}"
        );
    }
    assert_eq!(a.matches(" -> ").count(), 5, "{a}");
    // A fresh database from the same input gives the same bytes.
    let db2 = self::db();
    assert_eq!(db2.stdout(["export", "--format", "dot"]), a);
}

/// Node labels of a DOT text.
fn node_labels(dot: &str) -> BTreeSet<String> {
    let re = Regex::new(r#"(?m)^\s*\d+ \[ label = "((?:[^"\\]|\\.)*)""#).unwrap();
    re.captures_iter(dot).map(|c| c[1].to_string()).collect()
}
fn edge_labels(dot: &str) -> Vec<String> {
    let re = Regex::new(r#"(?m)^\s*\d+ -> \d+ \[ label = "((?:[^"\\]|\\.)*)""#).unwrap();
    re.captures_iter(dot).map(|c| c[1].to_string()).collect()
}

#[test]
fn dot_actor_depth_limits_neighbourhood() {
    let db = db();
    let d1 = db.stdout([
        "export",
        "--format",
        "dot",
        "--actor",
        "Olaf Scholz",
        "--depth",
        "1",
    ]);
    assert_eq!(
        node_labels(&d1),
        BTreeSet::from([
            "Emmanuel Macron".to_string(),
            "Olaf Scholz".into(),
            "Volodymyr Zelensky".into()
        ])
    );
    assert_eq!(edge_labels(&d1), ["meet 2023-01-23", "talk 2023-02-08"]);
    let d2 = db.stdout([
        "export",
        "--format",
        "dot",
        "--actor",
        "Olaf Scholz",
        "--depth",
        "2",
    ]);
    let n2 = node_labels(&d2);
    assert!(n2.contains("Vladimir Putin"), "{d2}");
    assert!(!n2.contains("Xi Jinping") && !n2.contains("Russia"), "{d2}");
    // JSON export takes the same filter.
    let v = db.json([
        "export", "--format", "json", "--actor", "macron", "--depth", "1",
    ]);
    let names: BTreeSet<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains("Emmanuel Macron") && names.contains("Olaf Scholz"));
    assert!(
        !names.contains("Volodymyr Zelensky") && !names.contains("Vladimir Putin"),
        "{names:?}"
    );
    assert_eq!(v["events"].as_array().unwrap().len(), 1);
}

#[test]
fn dot_date_and_type_filters() {
    let db = db();
    let d = db.stdout([
        "export", "--format", "dot", "--from", "2023-02", "--to", "2023-02",
    ]);
    assert_eq!(edge_labels(&d), ["talk 2023-02-08"]);
    let d = db.stdout(["export", "--format", "dot", "--from", "2023-03-21"]);
    assert_eq!(edge_labels(&d), ["criticize 2023-03-21"]);
    let d = db.stdout(["export", "--format", "dot", "--type", "meet"]);
    let mut e = edge_labels(&d);
    e.sort();
    assert_eq!(e, ["meet 2023-01-23", "meet 2023-03-20"]);
    let d = db.stdout([
        "export",
        "--format",
        "dot",
        "--type",
        "visit",
        "--type",
        "criticize",
    ]);
    let mut e = edge_labels(&d);
    e.sort();
    assert_eq!(e, ["criticize 2023-03-21", "visit 2023-03-20"]);
}

#[test]
fn output_file_option() {
    let db = db();
    let p = db.dir.path().join("graph.dot");
    let out = db
        .cmd(["export", "--format", "dot", "-o"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "wrote to stdout too");
    let written = std::fs::read_to_string(&p).unwrap();
    assert_eq!(written, db.stdout(["export", "--format", "dot"]));
    let pj = db.dir.path().join("graph.json");
    db.cmd(["export", "--output"]).arg(&pj).assert().success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&pj).unwrap()).unwrap();
    assert_eq!(v, db.json(["export"]));
}

fn hand_snapshot() -> Snapshot {
    let actor = |id: i64, name: &str, kind: &str| ActorOut {
        id,
        key: format!("new:{id}"),
        name: name.into(),
        kind: kind.into(),
        country: None,
        cameo: None,
        roles: vec![],
        aliases: vec![name.into()],
    };
    Snapshot {
        articles: vec![ArticleOut {
            id: 1,
            source_id: "hand".into(),
            title: Some("Hand-built".into()),
            published: Some("2024-05-02".into()),
            url: None,
            outlet: None,
        }],
        actors: vec![
            actor(1, "Dwayne \"The Rock\" Johnson", "person"),
            actor(2, "Back\\slash\nParty", "organization"),
        ],
        events: vec![EventOut {
            id: 1,
            etype: "meet".into(),
            cameo: "040".into(),
            plover: None,
            goldstein: Some(1.0),
            source: 1,
            target: Some(2),
            status: "planned".into(),
            date: Some("2024-05-01".into()),
            date_start: Some("2024-05-01".into()),
            date_end: Some("2024-05-01".into()),
            date_timex: None,
            date_raw: None,
            date_how: Some("explicit".into()),
            articles: vec![1],
            evidence: vec![EvidenceOut {
                article: 1,
                text: "He met them.".into(),
                start: 0,
                end: 12,
                trigger: "met".into(),
                trigger_start: 3,
                trigger_end: 6,
                status: "planned".into(),
                date: None,
            }],
        }],
    }
}

#[test]
fn dot_escapes_quotes_backslashes_newlines() {
    let dot = polgraph::export::to_dot(&hand_snapshot());
    assert!(
        dot.contains(r#"label = "Dwayne \"The Rock\" Johnson""#),
        "{dot}"
    );
    assert!(dot.contains(r#"label = "Back\\slash\nParty""#), "{dot}");
    assert!(dot.contains("shape = hexagon"), "{dot}");
    // Planned events are dashed, meetings undirected.
    assert!(
        dot.contains(r#"label = "meet 2024-05-01", style = dashed, dir = none"#),
        "{dot}"
    );
    // No raw newline inside any quoted string: every line has balanced unescaped quotes.
    for line in dot.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(
            unescaped.matches('"').count() % 2,
            0,
            "unbalanced quotes in {line:?}"
        );
    }
    // The JSON export keeps the raw name.
    let v = polgraph::export::to_json(&hand_snapshot());
    assert_eq!(v["actors"][0]["name"], "Dwayne \"The Rock\" Johnson");
    assert_eq!(v["events"][0]["date"], "2024-05-01");
}

#[test]
fn every_exported_actor_has_the_alias_it_was_found_by() {
    let db = Db::new();
    db.ingest(&[fixture("formats/lines.jsonl")]);
    let ex = db.export();
    for a in ex.actors() {
        assert!(
            !a["aliases"].as_array().unwrap().is_empty(),
            "actor without any alias: {a}"
        );
    }
}

/// (CAMEO code, PLOVER type) of each exported event of one article `text` (published
/// 2025-03-04), in export order.
fn plover_pairs(text: &str) -> Vec<(String, String)> {
    let db = Db::new();
    let dir = db.dir.path().join("p");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(
        dir.join("a.txt"),
        format!("---\ndate: 2025-03-04\n---\n{text}\n"),
    )
    .expect("write");
    db.ingest(&[&dir]);
    db.export()
        .raw_events()
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap_or_default().to_string(),
                e["plover"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The `plover` field follows the PLOVER manual: sanctions (CAMEO 163) are SANCTION, not the
/// draft table's COERCE; a planned one is a threat.
#[test]
fn sanctions_are_plover_sanction() {
    let plover = plover_pairs(
        "The United States imposed sanctions on Iran on Monday. Britain will impose sanctions on Iran next month.",
    );
    assert_eq!(
        plover,
        vec![
            ("163".to_string(), "SANCTION".to_string()),
            ("163".to_string(), "THREATEN".to_string())
        ],
        "{plover:?}"
    );
}

/// Destroying property (CAMEO 1712) is PLOVER COERCE, as the PLOVER gold-standard records
/// code it ("demolished homes"), not the draft table's ASSAULT.
#[test]
fn destroying_property_is_plover_coerce() {
    let plover =
        plover_pairs("Israeli army bulldozers demolished Palestinian homes in Gaza on Sunday.");
    assert_eq!(
        plover,
        vec![("1712".to_string(), "COERCE".to_string())],
        "{plover:?}"
    );
}
