//! Helpers shared by the integration tests: run the real `polgraph` binary on a temporary
//! database and read its JSON output.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// `tests/fixtures/<rel>` as an absolute path.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A temporary directory holding a database `t.db`.
pub struct Db {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.db");
        Db { dir, path }
    }

    /// `polgraph --db <db> <args…>` (not yet run).
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut c = Command::cargo_bin("polgraph").expect("polgraph binary");
        c.env_remove("POLGRAPH_DB").env_remove("POLGRAPH_DATA");
        c.arg("--db").arg(&self.path).args(args);
        c
    }

    /// Runs `ingest <paths…>` and asserts success.
    pub fn ingest<P: AsRef<Path>>(&self, paths: &[P]) -> std::process::Output {
        let mut c = self.cmd(["ingest"]);
        for p in paths {
            c.arg(p.as_ref());
        }
        let out = c.output().expect("run ingest");
        assert!(
            out.status.success(),
            "ingest failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Runs the command, asserts success and parses stdout as JSON.
    pub fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.cmd(args).output().expect("run polgraph");
        assert!(
            out.status.success(),
            "command failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// `export --format json`, parsed.
    pub fn export(&self) -> Export {
        Export(self.json(["export", "--format", "json"]))
    }

    /// Runs the command, asserts success, returns stdout as text.
    pub fn stdout<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.cmd(args).output().expect("run polgraph");
        assert!(
            out.status.success(),
            "command failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }
}

/// An event of an export with the actor ids replaced by names.
#[derive(Debug, Clone, PartialEq)]
pub struct Ev {
    pub etype: String,
    pub cameo: String,
    pub source: String,
    pub target: Option<String>,
    pub date: Option<String>,
    pub status: String,
}

/// A parsed `export --format json`.
pub struct Export(pub Value);

impl Export {
    pub fn articles(&self) -> &Vec<Value> {
        self.0["articles"].as_array().expect("articles array")
    }
    pub fn actors(&self) -> &Vec<Value> {
        self.0["actors"].as_array().expect("actors array")
    }
    pub fn raw_events(&self) -> &Vec<Value> {
        self.0["events"].as_array().expect("events array")
    }
    pub fn actor_name(&self, id: i64) -> String {
        self.actors()
            .iter()
            .find(|a| a["id"].as_i64() == Some(id))
            .and_then(|a| a["name"].as_str())
            .unwrap_or_else(|| panic!("no actor #{id}"))
            .to_string()
    }
    pub fn actor(&self, name: &str) -> &Value {
        self.actors()
            .iter()
            .find(|a| a["name"] == name)
            .unwrap_or_else(|| panic!("no actor named {name:?} in {:?}", self.actor_names()))
    }
    pub fn actor_names(&self) -> Vec<String> {
        self.actors()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    }
    pub fn article(&self, source_id: &str) -> &Value {
        self.articles()
            .iter()
            .find(|a| a["source_id"] == source_id)
            .unwrap_or_else(|| panic!("no article {source_id:?} in {:#?}", self.articles()))
    }
    pub fn events(&self) -> Vec<Ev> {
        self.raw_events()
            .iter()
            .map(|e| Ev {
                etype: e["type"].as_str().unwrap().to_string(),
                cameo: e["cameo"].as_str().unwrap().to_string(),
                source: self.actor_name(e["source"].as_i64().unwrap()),
                target: e["target"].as_i64().map(|t| self.actor_name(t)),
                date: e["date"].as_str().map(str::to_string),
                status: e["status"].as_str().unwrap().to_string(),
            })
            .collect()
    }
    /// Events of this type between these two actors (either order for `symmetric`).
    pub fn find(&self, etype: &str, a: &str, b: Option<&str>) -> Vec<Ev> {
        self.events()
            .into_iter()
            .filter(|e| e.etype == etype)
            .filter(|e| {
                (e.source == a && e.target.as_deref() == b)
                    || (b.is_some()
                        && e.target.as_deref() == Some(a)
                        && Some(e.source.as_str()) == b
                        && is_symmetric(etype))
            })
            .collect()
    }
    /// Asserts that exactly one event of this type links the two actors, with this date and status.
    pub fn assert_event(&self, etype: &str, a: &str, b: Option<&str>, date: &str, status: &str) {
        let found = self.find(etype, a, b);
        assert!(
            found
                .iter()
                .any(|e| e.date.as_deref() == Some(date) && e.status == status),
            "expected {etype} {a} -> {b:?} on {date} [{status}], found {found:?}; all events: {:#?}",
            self.events()
        );
    }
}

pub fn is_symmetric(etype: &str) -> bool {
    matches!(
        etype,
        "meet" | "talk" | "negotiate" | "cooperate" | "agree" | "fight"
    )
}

/// Text of an Output's stderr.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
