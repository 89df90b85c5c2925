//! Trains the tagger, lemmatiser and dependency parser on UD English EWT and writes the model.
//!
//! ```text
//! cargo run --release --example train_parser -- \
//!     --train ../shared/ud/en_ewt-ud-train.conllu --dev ../shared/ud/en_ewt-ud-dev.conllu \
//!     --test ../shared/ud/en_ewt-ud-test.conllu --out data/parser/en_ewt.model
//! ```
//!
//! Prints per-epoch dev scores, keeps the best epochs on dev, then scores the saved model on
//! dev and (if given) test: UPOS, XPOS, lemma, UAS, LAS (CoNLL 2018 style, gold tokenisation).

use clap::Parser;
use polgraph::parse::train::{TrainConfig, predict, train};
use polgraph::parse::{Model, conllu, eval};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
struct Args {
    /// Training treebank (CoNLL-U).
    #[arg(long)]
    train: PathBuf,
    /// Development treebank (CoNLL-U), for choosing epochs.
    #[arg(long)]
    dev: PathBuf,
    /// Test treebank (CoNLL-U), scored once at the end.
    #[arg(long)]
    test: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Random seed.
    #[arg(long)]
    seed: Option<u64>,
    /// Maximum tagger epochs.
    #[arg(long)]
    tagger_epochs: Option<usize>,
    /// Maximum parser epochs.
    #[arg(long)]
    parser_epochs: Option<usize>,
    /// Jackknife folds.
    #[arg(long)]
    folds: Option<usize>,
    /// Tagger passes (1 or 2).
    #[arg(long)]
    tagger_passes: Option<usize>,
    /// Cache file for the tagger and jackknifed tags (experiments only: read if present).
    #[arg(long)]
    tagger_cache: Option<PathBuf>,
    /// Quantised weights below this magnitude are dropped (tagger, transitions, labels).
    #[arg(long, num_args = 3)]
    min_q: Option<Vec<i32>>,
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let t0 = Instant::now();
    let train_s = conllu::read(&a.train)?;
    let dev_s = conllu::read(&a.dev)?;
    let mut cfg = TrainConfig::default();
    if let Some(s) = a.seed {
        cfg.seed = s;
    }
    if let Some(e) = a.tagger_epochs {
        cfg.tagger_epochs = e;
    }
    if let Some(e) = a.parser_epochs {
        cfg.parser_epochs = e;
    }
    if let Some(f) = a.folds {
        cfg.folds = f;
    }
    if let Some(p) = a.tagger_passes {
        cfg.tagger_passes = p;
    }
    cfg.tagger_cache = a.tagger_cache.clone();
    if let Some(q) = &a.min_q {
        cfg.tagger_min_q = q[0];
        cfg.trans_min_q = q[1];
        cfg.label_min_q = q[2];
    }
    println!(
        "train {} sentences, dev {} sentences; {cfg:?}",
        train_s.len(),
        dev_s.len()
    );
    let model = train(&train_s, &dev_s, &cfg, &mut |l| println!("{l}"))?;
    let bytes = model.to_bytes();
    if let Some(dir) = a.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&a.out, &bytes)?;
    println!(
        "wrote {} ({:.2} MB) after {:.0}s",
        a.out.display(),
        bytes.len() as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    );
    // Score the model as saved.
    let model = Model::load(&a.out)?;
    let d = eval::score(&dev_s, &predict(&model, &dev_s));
    println!("dev:  {d}");
    if let Some(t) = &a.test {
        let test_s = conllu::read(t)?;
        let s = eval::score(&test_s, &predict(&model, &test_s));
        println!("test: {s}");
    }
    println!("total time {:.0}s", t0.elapsed().as_secs_f64());
    Ok(())
}
