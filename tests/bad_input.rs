//! Bad inputs: one clear stderr line naming the file (and line), the rest of the batch goes on,
//! exit code 1 when something failed, 2 for fatal setup errors, and stored data is never lost.

mod common;
use common::{Db, stderr};
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: &str = "---\ntitle: Good article\ndate: 2023-01-25\n---\nFrench President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday.\n";
const GOOD2: &str = "---\ntitle: Second good article\ndate: 2023-03-10\n---\nIndian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese in New Delhi on Friday.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

/// Lines of stderr that are error messages.
fn error_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("error")).collect()
}

/// Ingests `bad` together with a good file (bad first), checks the exit code 1, that exactly
/// one error line mentions `name` and every `needles`, and that the good article is stored.
fn bad_file_in_batch(name: &str, bytes: &[u8], needles: &[&str]) -> String {
    let db = Db::new();
    let bad = write(db.dir.path(), name, bytes);
    let good = write(db.dir.path(), "good.txt", GOOD.as_bytes());
    let out = db.cmd(["ingest"]).arg(&bad).arg(&good).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    let lines: Vec<&str> = error_lines(&err)
        .into_iter()
        .filter(|l| l.contains(name))
        .collect();
    assert_eq!(lines.len(), 1, "want one error line naming {name}: {err}");
    for n in needles {
        assert!(
            lines[0].contains(n),
            "error line {:?} lacks {n:?}",
            lines[0]
        );
    }
    let ex = db.export();
    assert_eq!(ex.articles().len(), 1, "{:#?}", ex.articles());
    assert_eq!(ex.articles()[0]["title"], "Good article");
    ex.assert_event(
        "meet",
        "Emmanuel Macron",
        Some("Olaf Scholz"),
        "2023-01-23",
        "occurred",
    );
    err
}

#[test]
fn invalid_utf8_file() {
    bad_file_in_batch(
        "latin1.txt",
        b"Title\n\nPr\xe9sident Macron \xe0 Paris.\n",
        &["UTF-8"],
    );
}

#[test]
fn empty_file() {
    bad_file_in_batch("empty.txt", b"", &["empty"]);
}

#[test]
fn binary_file() {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend([0u8, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0]);
    bad_file_in_batch("image.txt", &bytes, &["binary"]);
}

#[test]
fn json_record_without_text() {
    bad_file_in_batch(
        "notext.json",
        br#"{"id": "x1", "title": "No body", "date": "2023-01-25"}"#,
        &["text"],
    );
}

#[test]
fn header_with_unknown_date_format() {
    bad_file_in_batch(
        "weird-date.txt",
        b"---\ntitle: Odd\ndate: the fifth of Smarch\n---\nIndian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese on Friday.\n",
        &["date", "Smarch"],
    );
}

#[test]
fn malformed_json_line_names_the_line_and_the_next_line_is_stored() {
    let db = Db::new();
    let jsonl = concat!(
        r#"{"id": "ok-1", "title": "First", "date": "2023-01-25", "text": "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday."}"#,
        "\n",
        r#"{"id": "broken", "title": "#,
        "\n",
        r#"{"id": "ok-3", "title": "Third", "date": "2023-03-10", "text": "Indian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese in New Delhi on Friday."}"#,
        "\n",
        r#"{"id": "no-text", "title": "Fourth", "date": "2023-03-10"}"#,
        "\n",
    );
    let p = write(db.dir.path(), "feed.jsonl", jsonl.as_bytes());
    let out = db.cmd(["ingest"]).arg(&p).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    let errs = error_lines(&err);
    assert_eq!(errs.len(), 2, "{err}");
    assert!(
        errs[0].contains("feed.jsonl:2") && errs[0].contains("JSON"),
        "{err}"
    );
    assert!(
        errs[1].contains("feed.jsonl:4") && errs[1].contains("text"),
        "{err}"
    );
    let ex = db.export();
    let ids: Vec<&str> = ex
        .articles()
        .iter()
        .map(|a| a["source_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ok-1", "ok-3"]);
    ex.assert_event(
        "meet",
        "Narendra Modi",
        Some("Anthony Albanese"),
        "2023-03-10",
        "occurred",
    );
}

/// One "article" of 2.5 MB (repeated text) is refused at once, naming the file and the
/// limit, and the rest of the batch is extracted: extraction time grows faster than
/// linearly with one article's length, so such a file would otherwise stall the batch.
#[test]
fn an_article_too_large_for_news_is_refused_and_the_batch_continues() {
    let body = "The minister met his counterpart in Paris on Monday. ".repeat(48_000);
    let text = format!("---\ndate: 2025-03-04\n---\n{body}");
    bad_file_in_batch(
        "dump.txt",
        text.as_bytes(),
        &["article text too large", "2 MB limit"],
    );
}

#[test]
fn nonexistent_path() {
    let db = Db::new();
    let good = write(db.dir.path(), "good.txt", GOOD.as_bytes());
    let missing = db.dir.path().join("does-not-exist.txt");
    let out = db
        .cmd(["ingest"])
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let errs = error_lines(&err);
    assert_eq!(errs.len(), 1, "{err}");
    assert!(
        errs[0].contains("does-not-exist.txt") && errs[0].contains("no such file"),
        "{err}"
    );
    assert_eq!(db.export().articles().len(), 1);
}

#[test]
fn folder_without_article_files_is_an_error_and_the_batch_continues() {
    let db = Db::new();
    let good = write(db.dir.path(), "good.txt", GOOD.as_bytes());
    let empty = db.dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    write(&empty, "notes.pdf", b"%PDF-1.4");
    let out = db.cmd(["ingest"]).arg(&empty).arg(&good).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let errs = error_lines(&err);
    assert_eq!(errs.len(), 1, "{err}");
    assert!(
        errs[0].contains("empty") && errs[0].contains("no article file"),
        "{err}"
    );
    assert_eq!(db.export().articles().len(), 1);
}

#[test]
fn folder_with_good_and_bad_files_continues() {
    let db = Db::new();
    let dir = db.dir.path().join("in");
    fs::create_dir(&dir).unwrap();
    write(&dir, "a-empty.txt", b"");
    write(&dir, "b-good.txt", GOOD.as_bytes());
    write(&dir, "c-binary.txt", b"abc\0\0\0def");
    write(&dir, "d-bad.json", b"{not json");
    write(&dir, "e-good.md", GOOD2.as_bytes());
    write(&dir, "f-latin1.txt", b"caf\xe9\n");
    let out = db.cmd(["ingest"]).arg(&dir).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let errs = error_lines(&err);
    assert_eq!(errs.len(), 4, "{err}");
    for name in ["a-empty.txt", "c-binary.txt", "d-bad.json", "f-latin1.txt"] {
        assert_eq!(
            errs.iter().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {err}"
        );
    }
    assert!(err.contains("2 new article"), "summary: {err}");
    let ex = db.export();
    let titles: Vec<&str> = ex
        .articles()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Good article", "Second good article"]);
}

#[test]
fn failures_do_not_lose_stored_articles() {
    let db = Db::new();
    let good = write(db.dir.path(), "good.txt", GOOD.as_bytes());
    db.ingest(&[&good]);
    let before = db.stdout(["export", "--format", "json"]);
    let bad = write(db.dir.path(), "bad.txt", b"\xff\xfe\xfd");
    let empty = write(db.dir.path(), "empty.txt", b"   \n\n");
    let out = db.cmd(["ingest"]).arg(&bad).arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(db.stdout(["export", "--format", "json"]), before);
}

#[test]
fn invalid_date_option_exits_2_and_ingests_nothing() {
    let db = Db::new();
    let good = write(db.dir.path(), "good.txt", GOOD.as_bytes());
    let out = db
        .cmd(["ingest"])
        .arg(&good)
        .args(["--date", "2025-13-45"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("2025-13-45"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // Nothing stored (the database may not even exist).
    if db.path.exists() {
        let s = db.json(["stats", "--json"]);
        assert_eq!(s["articles"], 0);
    }
}

fn assert_db_refused(db_path: &Path, good: &Path) {
    let before = fs::read(db_path).unwrap();
    let mut c = assert_cmd::Command::cargo_bin("polgraph").unwrap();
    let out = c
        .arg("--db")
        .arg(db_path)
        .arg("ingest")
        .arg(good)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let name = db_path.file_name().unwrap().to_str().unwrap();
    assert!(err.contains(name), "error does not name the db file: {err}");
    assert!(err.contains("not a polgraph database"), "{err}");
    assert_eq!(
        fs::read(db_path).unwrap(),
        before,
        "database file was modified"
    );
    // Read commands refuse it too.
    let mut c = assert_cmd::Command::cargo_bin("polgraph").unwrap();
    let out = c
        .arg("--db")
        .arg(db_path)
        .args(["stats", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read(db_path).unwrap(),
        before,
        "database file was modified by stats"
    );
}

#[test]
fn text_file_as_database_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let dbp = write(dir.path(), "notes.db", b"my shopping list\neggs\nmilk\n");
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    assert_db_refused(&dbp, &good);
}

#[test]
fn other_apps_sqlite_file_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let dbp = dir.path().join("other-app.sqlite");
    {
        let c = rusqlite::Connection::open(&dbp).unwrap();
        c.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5);")
            .unwrap();
    }
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    assert_db_refused(&dbp, &good);
    let c = rusqlite::Connection::open(&dbp).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1, "tables were added to the other app's database");
}

#[test]
fn locked_database_reports_locked() {
    let db = Db::new();
    let good = write(db.dir.path(), "good.txt", GOOD.as_bytes());
    db.ingest(&[&good]);
    let before = db.stdout(["export", "--format", "json"]);
    let other = write(db.dir.path(), "other.txt", GOOD2.as_bytes());
    let third = write(
        db.dir.path(),
        "third.txt",
        GOOD2.replace("Friday", "Monday").as_bytes(),
    );
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let out = db
        .cmd(["ingest"])
        .arg(&other)
        .arg(&third)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
    drop(conn);
    let err = stderr(&out);
    assert!(
        !out.status.success(),
        "ingest succeeded on a locked db: {err}"
    );
    assert!(err.to_lowercase().contains("locked"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The batch stops at the first locked write and says so; a database error is exit 2.
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("stopped after 1 input(s)"), "{err}");
    assert_eq!(db.stdout(["export", "--format", "json"]), before);
}

#[test]
fn article_without_date_is_stored_with_warning() {
    let db = Db::new();
    let p = write(
        db.dir.path(),
        "undated.txt",
        b"Modi meets Albanese\n\nIndian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese in New Delhi.\n",
    );
    let out = db.ingest(&[&p]);
    let err = stderr(&out);
    let warn: Vec<&str> = err.lines().filter(|l| l.starts_with("warning")).collect();
    assert_eq!(warn.len(), 1, "{err}");
    assert!(
        warn[0].contains("undated.txt") && warn[0].contains("date"),
        "{err}"
    );
    let ex = db.export();
    assert_eq!(ex.articles().len(), 1);
    assert!(ex.articles()[0]["published"].is_null());
    assert_eq!(ex.articles()[0]["title"], "Modi meets Albanese");
    let meets = ex.find("meet", "Narendra Modi", Some("Anthony Albanese"));
    assert_eq!(meets.len(), 1, "{meets:?}");
}

/// Random text just under the 2 MB article limit (`input::MAX_ARTICLE_BYTES`) is read and
/// extracted without a panic.
#[test]
fn two_megabytes_of_random_text_does_not_panic() {
    let db = Db::new();
    // xorshift PRNG: printable ASCII words, spaces, full stops and newlines.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut s = String::with_capacity(2 * 1024 * 1024);
    s.push_str("Random noise\n\n");
    while s.len() < 2 * 1024 * 1024 - 4096 {
        let r = next();
        match r % 40 {
            0 => s.push_str(". "),
            1 => s.push('\n'),
            2 => s.push_str("\n\n"),
            3..=9 => s.push(' '),
            10 => s.push((b'A' + (r >> 8) as u8 % 26) as char),
            _ => s.push((b' ' + ((r >> 8) % 95) as u8) as char),
        }
    }
    let p = write(db.dir.path(), "noise.txt", s.as_bytes());
    let out = db
        .cmd(["ingest"])
        .arg(&p)
        .args(["--date", "2024-01-01"])
        .timeout(std::time::Duration::from_secs(900))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        &err[..err.len().min(2000)]
    );
    assert!(!err.contains("panicked"));
    assert_eq!(db.json(["stats", "--json"])["articles"], 1);
}

/// `extract` on JSON Lines with one broken record prints the good records, names the broken
/// line on stderr and exits 1 (as `ingest` does), instead of printing nothing.
#[test]
fn extract_skips_a_broken_record_and_prints_the_rest() {
    let db = Db::new();
    let p = write(
        db.dir.path(),
        "mixed.jsonl",
        b"{\"id\": \"a\", \"date\": \"2024-01-02\", \"text\": \"Russia attacked Ukraine on Monday.\"}\n{\"id\": \"b\", broken\n",
    );
    let out = db.cmd(["extract"]).arg(&p).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert_eq!(error_lines(&err).len(), 1, "{err}");
    assert!(err.contains("mixed.jsonl:2: malformed JSON"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["events"][0]["type"], "assault", "{v}");
}
