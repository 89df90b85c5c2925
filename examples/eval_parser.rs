//! Scores a saved parser model on a CoNLL-U file (gold tokenisation, CoNLL 2018 metrics).
//!
//! ```text
//! cargo run --release --example eval_parser -- --model data/parser/en_ewt.model \
//!     ../shared/ud/en_ewt-ud-test.conllu [--output pred.conllu] [--confusions 20]
//! ```
//!
//! Without `--model` the built-in model is used. `--confusions N` lists the N most frequent
//! UPOS confusions and relation confusions (on correctly attached words). `--text "..."`
//! (repeatable) tokenises and parses raw sentences and prints them as CoNLL-U instead.

use clap::Parser;
use polgraph::parse::train::predict;
use polgraph::parse::{Model, conllu, eval, tokenize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
struct Args {
    /// Model file (default: the built-in model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Gold CoNLL-U file to score against.
    gold: Option<PathBuf>,
    /// Raw sentences to tokenise, parse and print.
    #[arg(long)]
    text: Vec<String>,
    /// Write the predictions as CoNLL-U here.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Show the N most frequent confusions.
    #[arg(long, default_value_t = 0)]
    confusions: usize,
    /// Prune the loaded model: drop quantised weights below these magnitudes (tagger,
    /// transitions, labels), as training with `--min-q` would.
    #[arg(long, num_args = 3)]
    prune: Option<Vec<i32>>,
    /// Write the (pruned) model here.
    #[arg(long)]
    write: Option<PathBuf>,
}

fn top(m: HashMap<(String, String), usize>, n: usize) -> Vec<((String, String), usize)> {
    let mut v: Vec<_> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let t = Instant::now();
    let owned;
    let model: &Model = match &a.model {
        Some(p) => {
            owned = Model::load(p)?;
            &owned
        }
        None => Model::builtin()?,
    };
    println!(
        "model loaded in {:.1} ms: {}",
        t.elapsed().as_secs_f64() * 1e3,
        model.description()
    );
    let pruned;
    let model: &Model = match &a.prune {
        Some(q) => {
            pruned = polgraph::parse::train::prune(model, q[0], q[1], q[2]);
            &pruned
        }
        None => model,
    };
    if let Some(p) = &a.write {
        let bytes = model.to_bytes();
        std::fs::write(p, &bytes)?;
        println!("wrote {} ({:.2} MB)", p.display(), bytes.len() as f64 / 1e6);
    }
    for t in &a.text {
        let words: Vec<&str> = tokenize(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        println!("# text = {t}");
        for (i, w) in model.parse(&words).iter().enumerate() {
            println!("{}", w.conllu_line(i));
        }
        println!();
    }
    let Some(gold_path) = &a.gold else {
        return Ok(());
    };
    let gold = conllu::read(gold_path)?;
    let t = Instant::now();
    let pred = predict(model, &gold);
    let secs = t.elapsed().as_secs_f64();
    let words: usize = gold.iter().map(|s| s.tokens.len()).sum();
    println!("{}: {}", gold_path.display(), eval::score(&gold, &pred));
    println!(
        "{words} words in {secs:.2}s ({:.0} words/s, tag+lemma+parse)",
        words as f64 / secs
    );
    if let Some(o) = &a.output {
        std::fs::write(o, conllu::to_string(&pred))?;
    }
    if a.confusions > 0 {
        let mut tags: HashMap<(String, String), usize> = HashMap::new();
        let mut rels: HashMap<(String, String), usize> = HashMap::new();
        for (g, p) in gold.iter().zip(&pred) {
            for (gt, pt) in g.tokens.iter().zip(&p.tokens) {
                if gt.upos != pt.upos {
                    *tags.entry((gt.upos.clone(), pt.upos.clone())).or_default() += 1;
                }
                let (gr, pr) = (eval::universal(&gt.deprel), eval::universal(&pt.deprel));
                if gt.head == pt.head && gr != pr {
                    *rels.entry((gr.to_string(), pr.to_string())).or_default() += 1;
                }
            }
        }
        println!("UPOS confusions (gold -> predicted):");
        for ((g, p), n) in top(tags, a.confusions) {
            println!("  {g:>6} -> {p:<6} {n}");
        }
        println!("relation confusions on correct heads (gold -> predicted):");
        for ((g, p), n) in top(rels, a.confusions) {
            println!("  {g:>10} -> {p:<10} {n}");
        }
    }
    Ok(())
}
