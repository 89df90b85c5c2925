//! `polgraph actor`: roles with their spells from the gazetteer, aliases with counts, and the
//! articles (source id, date, title) that mention the actor.

mod common;
use common::Db;
use serde_json::json;
use std::path::Path;

#[test]
fn actor_shows_spells_aliases_and_articles() {
    let db = Db::new();
    db.ingest(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples")]);
    let v = db.json(["actor", "Putin", "--json"]);
    assert_eq!(v["key"], "person:vladimir_putin");
    assert_eq!(
        v["spells"],
        json!([
            {"role": "prime minister", "start": "1999-08-09", "end": "2000-05-07"},
            {"role": "president", "start": "1999-12-31", "end": "2008-05-07"},
            {"role": "prime minister", "start": "2008-05-08", "end": "2012-05-07"},
            {"role": "president", "start": "2012-05-07", "end": null}
        ])
    );
    assert_eq!(v["aliases"][0], json!(["Vladimir Putin", 3]));
    let articles: Vec<(String, String)> = v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            (
                a["source_id"].as_str().unwrap_or("").to_string(),
                a["published"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(articles.len(), 3);
    assert!(articles.contains(&("minsk-agreement-2015".to_string(), "2015-02-12".to_string())));
    let text = db.stdout(["actor", "Putin"]);
    assert!(
        text.contains("roles: prime minister (1999-08-09 to 2000-05-07); president (1999-12-31 to 2008-05-07); prime minister (2008-05-08 to 2012-05-07); president (since 2012-05-07)\n"),
        "{text}"
    );
    assert!(
        text.contains("  #6 minsk-agreement-2015 2015-02-12 \"Russia, Ukraine agree eastern Ukraine ceasefire after all-night Minsk talks\"\n"),
        "{text}"
    );
    // An actor the gazetteer does not know has no spells; its roles come from the articles.
    let v = db.json(["actor", "Martin Lee", "--json"]);
    assert_eq!(v["spells"], json!([]));
}
