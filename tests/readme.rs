//! Keeps README.md true: every `$ polgraph …` example block in the README is run against a
//! database of the bundled samples and must print exactly what the README shows (a block
//! ending in `…` only has to be a prefix of the output). Blocks run in README order on one
//! database, so the commands that change it (`remove`, corrections) come last.

mod common;
use common::Db;

#[test]
fn readme_examples_match_the_binary() {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(manifest.join("README.md")).expect("README.md");
    let db = Db::new();
    // Relative, as the README's own `ingest` runs it: source ids read `data/samples/…`.
    let out = db
        .cmd(["ingest", "data/samples"])
        .current_dir(manifest)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The summary line (on stderr) of the README's first `cargo run … ingest data/samples` block.
    let db_path = db.dir.path().join("t.db").display().to_string();
    let summary = String::from_utf8_lossy(&out.stderr).replace(&db_path, "polgraph.db");
    let first_run = readme
        .split("```\n$ cargo run --release -- ingest data/samples\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("README shows the ingest run");
    assert_eq!(
        summary.trim_end().lines().last(),
        first_run.trim_end().lines().last(),
        "README's ingest summary is out of date"
    );
    let mut checked = 0;
    let mut rest = readme.as_str();
    while let Some(i) = rest.find("```\n$ polgraph ") {
        let block = &rest[i + 4..];
        let end = block.find("```").expect("closed code block");
        let body = &block[..end];
        rest = &block[end + 3..];
        let (cmd_line, expected) = body.split_once('\n').unwrap_or((body, ""));
        let cmd = cmd_line.trim_start_matches("$ polgraph ");
        let cmd = cmd.split(" > ").next().unwrap_or(cmd);
        if cmd.contains('|') {
            continue;
        }
        let args = shell_words(cmd);
        let out = db
            .cmd(args.clone())
            .current_dir(manifest)
            .output()
            .expect("runs");
        let db_path = db.dir.path().join("t.db").display().to_string();
        let got = String::from_utf8_lossy(&out.stdout).replace(&db_path, "polgraph.db");
        let expected = expected.trim_end_matches('\n');
        if let Some(prefix) = expected.strip_suffix('…') {
            assert!(
                got.starts_with(prefix.trim_end_matches('\n')),
                "README block `{cmd}` is out of date:\n{got}"
            );
        } else {
            assert_eq!(
                got.trim_end_matches('\n'),
                expected,
                "README block `{cmd}` is out of date"
            );
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} README examples found");
}

/// Splits a command line at white space, keeping "double-quoted" arguments whole.
fn shell_words(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in cmd.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
