//! Every input format through the real binary: `ingest <fixture>` then `export --format json`.
//! Fixture texts are written for these tests (tests/fixtures/formats), not real news copy.

mod common;
use common::{Db, fixture, stderr};

fn ingest_one(rel: &str) -> (Db, common::Export) {
    let db = Db::new();
    db.ingest(&[fixture(rel)]);
    let ex = db.export();
    (db, ex)
}

fn path_id(rel: &str) -> String {
    fixture(rel).display().to_string()
}

#[test]
fn txt_with_header() {
    let (_db, ex) = ingest_one("formats/header.txt");
    assert_eq!(ex.articles().len(), 1);
    let a = ex.article(&path_id("formats/header.txt"));
    assert_eq!(a["title"], "Macron and Scholz meet in Paris");
    assert_eq!(a["published"], "2023-01-25");
    assert_eq!(a["url"], "https://example.org/fixtures/macron-scholz");
    // Wednesday 2023-01-25: "on Monday" is 2023-01-23.
    ex.assert_event(
        "meet",
        "Emmanuel Macron",
        Some("Olaf Scholz"),
        "2023-01-23",
        "occurred",
    );
    let macron = ex.actor("Emmanuel Macron");
    assert_eq!(macron["type"], "person");
    assert_eq!(macron["country"], "FRA");
    assert_eq!(ex.actor("Olaf Scholz")["country"], "DEU");
    // The header is not part of the evidence.
    for e in ex.raw_events() {
        for ev in e["evidence"].as_array().unwrap() {
            assert!(
                !ev["text"].as_str().unwrap().contains("title:"),
                "header leaked into evidence: {ev}"
            );
        }
    }
}

#[test]
fn txt_without_header_title_line_and_dateline() {
    let db = Db::new();
    let out = db
        .cmd(["ingest"])
        .arg(fixture("formats/noheader.txt"))
        .args(["--date", "2023-03-03"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ex = db.export();
    let a = ex.article(&path_id("formats/noheader.txt"));
    assert_eq!(a["title"], "Biden and Sunak hold talks in Washington");
    assert_eq!(a["published"], "2023-03-03");
    assert!(a["url"].is_null());
    // Friday 2023-03-03: "on Thursday" is 2023-03-02.
    ex.assert_event(
        "meet",
        "Joe Biden",
        Some("Rishi Sunak"),
        "2023-03-02",
        "occurred",
    );
    // The dateline line is not an event sentence.
    for e in ex.raw_events() {
        for ev in e["evidence"].as_array().unwrap() {
            assert!(
                !ev["text"].as_str().unwrap().contains("(Fixture)"),
                "dateline in evidence: {ev}"
            );
        }
    }
}

#[test]
fn txt_without_any_date_is_stored_with_a_warning() {
    let db = Db::new();
    let out = db.ingest(&[fixture("formats/noheader.txt")]);
    let err = stderr(&out);
    assert!(
        err.contains("warning") && err.contains("noheader.txt"),
        "stderr: {err}"
    );
    let ex = db.export();
    let a = ex.article(&path_id("formats/noheader.txt"));
    assert!(a["published"].is_null());
    assert_eq!(a["title"], "Biden and Sunak hold talks in Washington");
    // The meeting is still extracted, undated.
    let meets = ex.find("meet", "Joe Biden", Some("Rishi Sunak"));
    assert_eq!(meets.len(), 1, "{meets:?}");
    assert_eq!(meets[0].date, None);
    assert_eq!(meets[0].status, "occurred");
}

#[test]
fn markdown_with_header() {
    let (_db, ex) = ingest_one("formats/header.md");
    let a = ex.article(&path_id("formats/header.md"));
    assert_eq!(a["title"], "Erdogan visits Qatar");
    assert_eq!(a["published"], "2022-12-05");
    assert_eq!(a["url"], "https://example.org/fixtures/erdogan-qatar");
    // Monday 2022-12-05: "on Sunday" is 2022-12-04; the target of a visit is the host country.
    ex.assert_event(
        "visit",
        "Recep Tayyip Erdoğan",
        Some("Qatar"),
        "2022-12-04",
        "occurred",
    );
    assert_eq!(ex.actor("Qatar")["type"], "country");
    assert_eq!(ex.actor("Qatar")["country"], "QAT");
}

#[test]
fn markdown_heading_does_not_duplicate_the_visit() {
    let (_db, ex) = ingest_one("formats/header.md");
    let visits = ex.find("visit", "Recep Tayyip Erdoğan", Some("Qatar"));
    // One real-world visit (GUIDELINES: one event per happening), on Sunday 2022-12-04.
    assert_eq!(visits.len(), 1, "{visits:?}");
    assert_eq!(visits[0].date.as_deref(), Some("2022-12-04"));
}

#[test]
fn json_single_object() {
    let (_db, ex) = ingest_one("formats/single.json");
    assert_eq!(ex.articles().len(), 1);
    let a = ex.article("fx-single");
    assert_eq!(a["title"], "Modi meets Albanese");
    assert_eq!(a["published"], "2023-03-10");
    assert_eq!(a["url"], "https://example.org/fixtures/modi-albanese");
    ex.assert_event(
        "meet",
        "Narendra Modi",
        Some("Anthony Albanese"),
        "2023-03-10",
        "occurred",
    );
    assert_eq!(ex.actor("Anthony Albanese")["country"], "AUS");
}

#[test]
fn json_array_of_two() {
    let (_db, ex) = ingest_one("formats/array.json");
    assert_eq!(ex.articles().len(), 2);
    let a1 = ex.article("fx-arr-1");
    assert_eq!(a1["title"], "Kishida meets Yoon");
    assert_eq!(a1["published"], "2023-03-16");
    assert_eq!(a1["url"], "https://example.org/fixtures/kishida-yoon");
    let a2 = ex.article("fx-arr-2");
    assert_eq!(a2["title"], "Lula visits China");
    assert_eq!(a2["published"], "2023-04-14");
    // Thursday 2023-03-16 "on Thursday" = same day; Friday 2023-04-14 "on Friday" = same day.
    ex.assert_event(
        "meet",
        "Fumio Kishida",
        Some("Yoon Suk Yeol"),
        "2023-03-16",
        "occurred",
    );
    ex.assert_event(
        "meet",
        "Luiz Inácio Lula da Silva",
        Some("Xi Jinping"),
        "2023-04-14",
        "occurred",
    );
    // Each event is backed by its own article.
    let ids: Vec<i64> = ex
        .articles()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    for e in ex.raw_events() {
        let arts = e["articles"].as_array().unwrap();
        assert_eq!(arts.len(), 1);
        assert!(ids.contains(&arts[0].as_i64().unwrap()));
    }
}

#[test]
fn jsonl_two_lines_text_and_body_fields() {
    let (_db, ex) = ingest_one("formats/lines.jsonl");
    assert_eq!(ex.articles().len(), 2);
    let l1 = ex.article("fx-l1");
    assert_eq!(l1["title"], "Blinken meets Wang Yi");
    // "2025-03-04T09:00:00Z" → the calendar date.
    assert_eq!(l1["published"], "2025-03-04");
    assert_eq!(l1["url"], "https://example.org/fixtures/l1");
    let l2 = ex.article("fx-l2");
    assert_eq!(l2["title"], "Starmer criticises Putin");
    assert_eq!(l2["published"], "2025-03-05");
    assert_eq!(l2["url"], "https://example.org/fixtures/l2");
    // Tuesday 2025-03-04: "on Monday" = 2025-03-03.
    ex.assert_event(
        "meet",
        "Antony Blinken",
        Some("Wang Yi"),
        "2025-03-03",
        "occurred",
    );
    // Wednesday 2025-03-05 ("body"/"published" fields): "on Wednesday" = same day.
    ex.assert_event(
        "criticize",
        "Keir Starmer",
        Some("Vladimir Putin"),
        "2025-03-05",
        "occurred",
    );
    let crit = &ex.find("criticize", "Keir Starmer", Some("Vladimir Putin"))[0];
    assert_eq!(&crit.cameo[..2], "11");
}

#[test]
fn html_with_meta_published_time_and_noise() {
    let (_db, ex) = ingest_one("formats/meta.html");
    let a = ex.article(&path_id("formats/meta.html"));
    assert_eq!(a["title"], "Meloni meets Zelensky in Rome");
    assert_eq!(a["published"], "2024-02-14");
    assert_eq!(a["url"], "https://example.org/fixtures/meloni-zelensky");
    // Wednesday 2024-02-14: "on Tuesday" = 2024-02-13.
    ex.assert_event(
        "meet",
        "Giorgia Meloni",
        Some("Volodymyr Zelensky"),
        "2024-02-13",
        "occurred",
    );
    assert_eq!(ex.actor("Giorgia Meloni")["country"], "ITA");
    // Navigation and footer are not article text.
    for e in ex.raw_events() {
        for ev in e["evidence"].as_array().unwrap() {
            let t = ev["text"].as_str().unwrap();
            assert!(
                !t.contains("Subscribe") && !t.contains("Cookie") && !t.contains("Sport"),
                "noise in evidence: {t}"
            );
        }
    }
}

#[test]
fn html_meeting_is_one_event_on_its_day() {
    let (_db, ex) = ingest_one("formats/meta.html");
    let both: Vec<_> = ex
        .events()
        .into_iter()
        .filter(|e| matches!(e.etype.as_str(), "meet" | "talk"))
        .collect();
    assert!(!both.is_empty());
    for e in &both {
        assert_eq!(
            e.date.as_deref(),
            Some("2024-02-13"),
            "meeting reported on another day: {e:?}"
        );
    }
}

#[test]
fn html_with_only_json_ld_date() {
    let (_db, ex) = ingest_one("formats/jsonld.html");
    let a = ex.article(&path_id("formats/jsonld.html"));
    assert_eq!(a["title"], "Sanchez visits Morocco");
    assert_eq!(a["published"], "2023-02-02");
    // Thursday 2023-02-02: "on Wednesday" = 2023-02-01.
    ex.assert_event(
        "visit",
        "Pedro Sánchez",
        Some("Morocco"),
        "2023-02-01",
        "occurred",
    );
    for e in ex.raw_events() {
        for ev in e["evidence"].as_array().unwrap() {
            let t = ev["text"].as_str().unwrap();
            assert!(
                !t.contains("Footer") && !t.contains("rights reserved"),
                "noise in evidence: {t}"
            );
        }
    }
}

#[test]
fn html_json_ld_surname_meeting_is_extracted() {
    let (_db, ex) = ingest_one("formats/jsonld.html");
    ex.assert_event(
        "meet",
        "Pedro Sánchez",
        Some("Aziz Akhannouch"),
        "2023-02-01",
        "occurred",
    );
}

#[test]
fn stdin_with_header() {
    let db = Db::new();
    let text = "---\ntitle: Albanese meets Biden in San Diego\ndate: 2023-03-14\nurl: https://example.org/fixtures/stdin\n---\nAustralian Prime Minister Anthony Albanese met US President Joe Biden in San Diego on Monday.\n";
    let out = db.cmd(["ingest", "-"]).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ex = db.export();
    assert_eq!(ex.articles().len(), 1);
    let a = &ex.articles()[0];
    assert_eq!(a["source_id"], "-");
    assert_eq!(a["title"], "Albanese meets Biden in San Diego");
    assert_eq!(a["published"], "2023-03-14");
    assert_eq!(a["url"], "https://example.org/fixtures/stdin");
    // Tuesday 2023-03-14: "on Monday" = 2023-03-13.
    ex.assert_event(
        "meet",
        "Anthony Albanese",
        Some("Joe Biden"),
        "2023-03-13",
        "occurred",
    );
}

#[test]
fn stdin_jsonl_is_sniffed() {
    let db = Db::new();
    let text = "{\"id\": \"in-1\", \"title\": \"Scholz meets Sunak\", \"date\": \"2023-04-20\", \"text\": \"German Chancellor Olaf Scholz met British Prime Minister Rishi Sunak in Berlin on Wednesday.\"}\n";
    let out = db.cmd(["ingest", "-"]).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ex = db.export();
    let a = ex.article("in-1");
    assert_eq!(a["published"], "2023-04-20");
    ex.assert_event(
        "meet",
        "Olaf Scholz",
        Some("Rishi Sunak"),
        "2023-04-19",
        "occurred",
    );
}

#[test]
fn folder_ingests_every_format() {
    let db = Db::new();
    let out = db
        .cmd(["ingest"])
        .arg(fixture("formats"))
        .args(["--date", "2023-03-03"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ex = db.export();
    // header.txt, noheader.txt, header.md, single.json, array.json (2), lines.jsonl (2), meta.html, jsonld.html
    assert_eq!(ex.articles().len(), 10, "{:#?}", ex.articles());
    // --date only fills in articles without a date of their own.
    assert_eq!(
        ex.article(&path_id("formats/header.txt"))["published"],
        "2023-01-25"
    );
    assert_eq!(
        ex.article(&path_id("formats/noheader.txt"))["published"],
        "2023-03-03"
    );
}

#[test]
fn stdin_and_same_path_are_not_identities() {
    let db = Db::new();
    let first =
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.\n";
    let second =
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday.\n";
    for text in [first, second] {
        let out = db
            .cmd(["ingest", "-", "--date", "2023-03-22"])
            .write_stdin(text)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            !stderr(&out).contains("is already stored"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(db.export().articles().len(), 2);
    // The same text again is a duplicate (content hash).
    let out = db
        .cmd(["ingest", "-", "--date", "2023-03-22"])
        .write_stdin(first)
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("is already stored"),
        "{}",
        stderr(&out)
    );
    assert_eq!(db.export().articles().len(), 2);
    // A file edited in place is a new article, not a duplicate of the old text.
    let path = db.dir.path().join("story.txt");
    std::fs::write(&path, first).unwrap();
    db.cmd(["ingest"])
        .arg(&path)
        .args(["--date", "2023-03-22"])
        .output()
        .unwrap();
    std::fs::write(
        &path,
        "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday.\n",
    )
    .unwrap();
    let out = db
        .cmd(["ingest"])
        .arg(&path)
        .args(["--date", "2023-03-22"])
        .output()
        .unwrap();
    assert!(
        !stderr(&out).contains("is already stored"),
        "{}",
        stderr(&out)
    );
    assert_eq!(db.export().articles().len(), 3);
}

/// A record whose input id is already stored with another text is skipped (an id is an
/// identity), and the message says so and how to replace it; the stored article is unchanged.
#[test]
fn same_id_other_text_is_named_as_such() {
    let db = Db::new();
    let a = db.dir.path().join("a.jsonl");
    let b = db.dir.path().join("b.jsonl");
    std::fs::write(
        &a,
        r#"{"id":"1","date":"2024-03-04","text":"French President Emmanuel Macron met German Chancellor Olaf Scholz on Monday."}"#,
    )
    .unwrap();
    std::fs::write(
        &b,
        r#"{"id":"1","date":"2024-05-06","text":"Japan pledged 10 million dollars in aid to Laos on Tuesday."}"#,
    )
    .unwrap();
    let out = db.cmd(["ingest"]).arg(&a).arg(&b).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("b.jsonl:1 has the id of stored article #1 but another text")
            && err.contains("`polgraph remove 1`"),
        "{err}"
    );
    let ex = db.export();
    assert_eq!(ex.articles().len(), 1);
    assert_eq!(ex.raw_events().len(), 1);
}

/// Spacing is not content: a double or no-break space inside a name names the same person,
/// and the same story re-sent with only its spacing changed is skipped as already stored.
#[test]
fn irregular_spacing_is_the_same_text() {
    let db = Db::new();
    let dir = db.dir.path().join("spacing");
    std::fs::create_dir(&dir).expect("mkdir");
    let plain = "---\ndate: 2020-03-04\n---\nGerman Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.\n";
    std::fs::write(dir.join("a.txt"), plain).expect("write");
    std::fs::write(
        dir.join("b.txt"),
        plain
            .replace("Angela Merkel", "Angela  Merkel")
            .replace("Emmanuel Macron", "Emmanuel\u{a0}Macron")
            + "  \n\n\n",
    )
    .expect("write");
    let out = db.ingest(&[&dir]);
    let err = stderr(&out);
    assert!(
        err.contains("b.txt is already stored (article #1)"),
        "{err}"
    );
    let ex = db.export();
    assert_eq!(ex.articles().len(), 1);
    let names = ex.actor_names();
    assert_eq!(
        names.iter().filter(|n| n.contains("Merkel")).count(),
        1,
        "{names:?}"
    );
    ex.assert_event(
        "meet",
        "Angela Merkel",
        Some("Emmanuel Macron"),
        "2020-03-02",
        "occurred",
    );
}
