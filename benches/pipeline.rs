//! Pipeline benchmarks (divan): loading the built-in knowledge, extracting the bundled samples
//! (data/samples) and, when present, the first 100 articles of ../shared/corpus/afp.jsonl.
//!
//! `cargo bench --bench pipeline`

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use polgraph::input::{RawArticle, ReadOptions, read_paths};
use polgraph::pipeline::Knowledge;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static KB: LazyLock<Knowledge> =
    LazyLock::new(|| Knowledge::builtin().expect("built-in knowledge"));

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(paths: &[PathBuf], limit: usize) -> Vec<RawArticle> {
    read_paths(paths, &ReadOptions::default())
        .filter_map(Result::ok)
        .take(limit)
        .collect()
}

static SAMPLES: LazyLock<Vec<RawArticle>> =
    LazyLock::new(|| read(&[manifest().join("data/samples")], usize::MAX));

static AFP: LazyLock<Option<Vec<RawArticle>>> = LazyLock::new(|| {
    let p = manifest().join("../shared/corpus/afp.jsonl");
    p.is_file().then(|| read(&[p], 100))
});

fn bytes(arts: &[RawArticle]) -> usize {
    arts.iter().map(|a| a.text.len()).sum()
}

#[divan::bench(sample_count = 10)]
fn knowledge_builtin_load() -> Knowledge {
    Knowledge::builtin().expect("built-in knowledge")
}

#[divan::bench]
fn extract_samples(b: Bencher) {
    let kb = &*KB;
    let arts = &*SAMPLES;
    assert!(!arts.is_empty(), "no samples in data/samples");
    b.counter(BytesCount::new(bytes(arts))).bench(|| {
        for a in arts {
            black_box(kb.extract(black_box(a)));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn extract_afp_first_100(b: Bencher) {
    let Some(arts) = AFP.as_ref() else {
        eprintln!("skipping extract_afp_first_100: ../shared/corpus/afp.jsonl not found");
        b.bench(|| ());
        return;
    };
    let kb = &*KB;
    b.counter(BytesCount::new(bytes(arts))).bench(|| {
        for a in arts {
            black_box(kb.extract(black_box(a)));
        }
    });
}

static AFP_ALL: LazyLock<Option<Vec<RawArticle>>> = LazyLock::new(|| {
    let p = manifest().join("../shared/corpus/afp.jsonl");
    p.is_file().then(|| read(&[p], usize::MAX))
});

/// The whole pipeline on the AFP corpus (753 stories): read (pre-loaded) → parse → code →
/// store in a fresh SQLite database on disk. The counter gives articles per second.
#[divan::bench(sample_count = 3)]
fn ingest_afp_all(b: Bencher) {
    let Some(arts) = AFP_ALL.as_ref() else {
        eprintln!("skipping ingest_afp_all: ../shared/corpus/afp.jsonl not found");
        b.bench(|| ());
        return;
    };
    let kb = &*KB;
    b.counter(divan::counter::ItemsCount::new(arts.len()))
        .bench(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut store = polgraph::store::Store::open(&dir.path().join("afp.db")).expect("db");
            for a in arts {
                let ex = kb.extract(a);
                black_box(store.ingest(&ex).expect("ingest"));
            }
        });
}

/// One long article: the first `n` AFP stories joined into a single body (about 2 KB a
/// story), to show how extraction time grows with article length. Per-article work must
/// stay close to linear: doubling `n` should about double the time (it was cubic in the
/// number of persons named before the salience of "the two" was computed per sentence).
#[divan::bench(args = [100, 200, 400], sample_count = 3)]
fn extract_long_article(b: Bencher, n: usize) {
    let Some(arts) = AFP_ALL.as_ref() else {
        eprintln!("skipping extract_long_article: ../shared/corpus/afp.jsonl not found");
        b.bench(|| ());
        return;
    };
    let mut long = arts[0].clone();
    long.text = arts
        .iter()
        .take(n)
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let kb = &*KB;
    b.counter(BytesCount::new(long.text.len()))
        .bench(|| black_box(kb.extract(black_box(&long))));
}
