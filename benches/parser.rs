//! Parser benchmarks (divan): loading the built-in model, and tagging + lemmatising +
//! parsing the sentences of the bundled sample articles (data/samples), split crudely into
//! sentences and tokenised with `polgraph::parse::tokenize`. Throughput is reported in
//! tokens (items) per second.
//!
//! `cargo bench --bench parser`

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use polgraph::input::{ReadOptions, read_paths};
use polgraph::parse::{Model, tokenize};
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static MODEL_BYTES: &[u8] = include_bytes!("../data/parser/en_ewt.model");

/// Sentences of the sample articles as owned word lists.
static SENTENCES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let mut out = Vec::new();
    for art in read_paths(&[dir], &ReadOptions::default()).filter_map(Result::ok) {
        // Crude sentence split: after . ! ? followed by whitespace, and at line breaks.
        let text = art.text.replace(['\n', '\r'], " \n ");
        let mut start = 0;
        let b = text.as_bytes();
        for i in 0..b.len() {
            let end = (matches!(b[i], b'.' | b'!' | b'?')
                && b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()))
                || b[i] == b'\n';
            if end || i + 1 == b.len() {
                let s = &text[start..=i];
                let words: Vec<String> = tokenize(s)
                    .into_iter()
                    .map(|(a, e)| s[a..e].to_string())
                    .collect();
                if !words.is_empty() {
                    out.push(words);
                }
                start = i + 1;
            }
        }
    }
    out
});

#[divan::bench(sample_count = 20)]
fn model_load() -> Model {
    Model::from_bytes(black_box(MODEL_BYTES)).expect("built-in model")
}

#[divan::bench]
fn tokenize_samples(b: Bencher) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let texts: Vec<String> = read_paths(&[dir], &ReadOptions::default())
        .filter_map(Result::ok)
        .map(|a| a.text)
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    b.counter(divan::counter::BytesCount::new(bytes)).bench(|| {
        for t in &texts {
            black_box(tokenize(black_box(t)));
        }
    });
}

#[divan::bench]
fn tag_and_parse_samples(b: Bencher) {
    let model = Model::builtin().expect("built-in model");
    let sents = &*SENTENCES;
    assert!(!sents.is_empty(), "no sentences in data/samples");
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let refs: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    b.counter(ItemsCount::new(tokens)).bench(|| {
        for s in &refs {
            black_box(model.parse(black_box(s)));
        }
    });
}
