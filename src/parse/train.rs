//! Training a [`Model`] from CoNLL-U treebanks (UD English EWT).
//!
//! 1. The tagger is trained on the training set; the epoch with the best dev UPOS is kept.
//! 2. The training set is tagged by jackknifing: split into `folds` parts, each part is tagged
//!    by a tagger trained (for the same number of epochs) on the other parts, so the parser
//!    learns from tags as noisy as those it will see. With `tagger_passes = 2` a second
//!    tagger pass is trained on these first-pass tags and jackknifed the same way.
//! 3. The lemmatiser is learned from the gold `(form, UPOS, lemma)` triples.
//! 4. The parser is trained with the dynamic oracle on the jackknifed tags; the epoch with
//!    the best dev LAS (dev tagged by the final tagger) is kept.
//! 5. The punctuation re-attachment ranker is trained on the gold trees; the epoch with the
//!    best dev UAS is kept, if it beats the parser alone.
//!
//! All randomness (sentence order, exploration) comes from one seeded generator, so a run
//! is reproducible. Everything runs on one thread.

use super::conllu::Sentence;
use super::eval::universal;
use super::hash::Rng;
use super::lemma::Lemmatizer;
use super::parser::{self, PUNCT_P, ParseSent, Parser, ParserTrainer, projectivize};
use super::perceptron::{Averaged, Table, Trainer};
use super::punct;
use super::tagger::{self, TagSent, TagTrainOpts};
use super::{Model, ParseError, Upos};
use std::collections::BTreeSet;
use std::time::Instant;

/// Training options. [`TrainConfig::default`] gives the settings of the built-in model.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Seed of the random generator (sentence shuffling, error exploration).
    pub seed: u64,
    /// Maximum tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Jackknife folds for tagging the parser's training data.
    pub folds: usize,
    /// Tagger passes: 1 (left to right) or 2 (a second pass that also sees the first
    /// pass's tags of the following words).
    pub tagger_passes: usize,
    /// Maximum parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// First (1-based) parser epoch with error exploration.
    pub explore_from: usize,
    /// Probability of following a wrong prediction during exploration.
    pub explore_p: f64,
    /// Cache of the tagger and the jackknifed training tags (for experimenting with the
    /// parser): read if the file exists, written otherwise. Not for final models.
    pub tagger_cache: Option<std::path::PathBuf>,
    /// Epochs of the punctuation re-attachment ranker (0 = none; the best on dev is kept,
    /// and only if it improves dev UAS).
    pub punct_epochs: usize,
    /// Punctuation ranker weights quantised below this magnitude are dropped.
    pub punct_min_q: i32,
    /// Tagger weight quantisation: the 99.9th percentile of |weight| maps to this value.
    pub tagger_levels: f64,
    /// Tagger weights quantised below this magnitude are dropped.
    pub tagger_min_q: i32,
    /// Transition weight quantisation levels (as `tagger_levels`).
    pub trans_levels: f64,
    /// Transition weights quantised below this magnitude are dropped.
    pub trans_min_q: i32,
    /// Label weight quantisation levels.
    pub label_levels: f64,
    /// Label weights quantised below this magnitude are dropped.
    pub label_min_q: i32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 20_240_601,
            tagger_epochs: 8,
            folds: 10,
            tagger_passes: 1,
            tagger_cache: None,
            punct_epochs: 8,
            punct_min_q: 20,
            parser_epochs: 14,
            explore_from: 2,
            explore_p: 0.9,
            tagger_levels: 1000.0,
            tagger_min_q: 100,
            trans_levels: 1000.0,
            trans_min_q: 125,
            label_levels: 1000.0,
            label_min_q: 110,
        }
    }
}

fn upos_of(s: &str) -> Upos {
    s.parse().unwrap_or(Upos::X)
}

/// Trains tagger, lemmatiser and parser on `train`, selecting epochs on `dev`. Progress
/// lines (per-epoch dev scores) go to `log`.
///
/// Errors: an empty training set, or one without a `root` relation.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Result<Model, ParseError> {
    if train.is_empty() {
        return Err(ParseError::Corrupt("empty training set".into()));
    }
    let t0 = Instant::now();
    // Tag classes: every UPOS|XPOS pair of the training data.
    let pairs: BTreeSet<(Upos, String)> = train
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| (upos_of(&t.upos), t.xpos.clone())))
        .collect();
    let classes: Vec<(Upos, String)> = pairs.into_iter().collect();
    if classes.len() > 256 {
        return Err(ParseError::Corrupt(format!(
            "{} tag classes (max 256)",
            classes.len()
        )));
    }
    let class_of = |t: &super::conllu::Token| -> u16 {
        let k = (upos_of(&t.upos), t.xpos.clone());
        classes.binary_search(&k).map_or(0, |i| i as u16)
    };
    let to_tag = |s: &Sentence| TagSent {
        words: s.tokens.iter().map(|t| t.form.clone()).collect(),
        gold: s.tokens.iter().map(class_of).collect(),
    };
    let tag_train: Vec<TagSent> = train.iter().map(to_tag).collect();
    let tag_dev: Vec<TagSent> = dev.iter().map(to_tag).collect();
    let cached = cfg.tagger_cache.as_ref().and_then(|p| {
        let b = std::fs::read(p).ok()?;
        let mut d = super::model::Dec::new(&b);
        let t = tagger::Tagger::decode(&mut d).ok()?;
        let best_epoch = d.varint_usize("cache").ok()?;
        let mut jack = Vec::with_capacity(train.len());
        for s in train {
            let mut v = Vec::with_capacity(s.tokens.len());
            for _ in 0..s.tokens.len() {
                v.push(d.varint("cache").ok()? as u16);
            }
            jack.push(v);
        }
        log(&format!(
            "tagger and jackknifed tags read from {}",
            p.display()
        ));
        Some((t, jack, best_epoch))
    });
    let (tagger, jack, best_epoch) = match cached {
        Some(c) => c,
        None => {
            let c = train_tagger(&classes, &tag_train, &tag_dev, cfg, log, t0);
            if let Some(p) = &cfg.tagger_cache {
                let mut e = super::model::Enc::default();
                c.0.encode(&mut e);
                e.varint(c.2 as u64);
                for v in &c.1 {
                    for &t in v {
                        e.varint(u64::from(t));
                    }
                }
                std::fs::write(p, e.into_bytes()).map_err(|source| ParseError::Io {
                    path: p.clone(),
                    source,
                })?;
            }
            c
        }
    };
    let mut tagger = tagger;
    tagger.prune(cfg.tagger_min_q);
    let tagger = tagger;
    let k = cfg.folds.max(2);

    // Lemmatiser.
    let lemmatizer = Lemmatizer::train(train.iter().flat_map(|s| {
        s.tokens
            .iter()
            .map(|t| (t.form.as_str(), upos_of(&t.upos), t.lemma.as_str()))
    }));

    // Parser.
    let labels: Vec<String> = train
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.deprel.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let root = labels
        .iter()
        .position(|l| l == "root")
        .ok_or_else(|| ParseError::Corrupt("no root relation in the training data".into()))?;
    if labels.len() > 64 {
        return Err(ParseError::Corrupt(format!(
            "{} relations (max 64)",
            labels.len()
        )));
    }
    let mk = |s: &Sentence, tags: &[u16]| -> ParseSent {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        let infos = tagger.infos(&words);
        let gold_orig: Vec<u32> = std::iter::once(0)
            .chain(s.tokens.iter().map(|t| t.head as u32))
            .collect();
        let glabel: Vec<u8> = std::iter::once(0)
            .chain(
                s.tokens
                    .iter()
                    .map(|t| labels.binary_search(&t.deprel).unwrap_or(0) as u8),
            )
            .collect();
        ParseSent {
            toks: parser::ptoks(&words, tags, &infos, |c| {
                classes.get(usize::from(c)).map_or(0, |x| x.0.index())
            }),
            gold: projectivize(&gold_orig),
            gold_orig,
            glabel,
        }
    };
    let ptrain: Vec<ParseSent> = train.iter().zip(&jack).map(|(s, t)| mk(s, t)).collect();
    let pdev: Vec<ParseSent> = dev
        .iter()
        .map(|s| {
            let w: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
            mk(s, &tagger.tag_infos(&w).0)
        })
        .collect();
    let nonproj = ptrain.iter().filter(|s| s.gold != s.gold_orig).count();
    log(&format!(
        "parser: {} relations, {nonproj} of {} training trees projectivised",
        labels.len(),
        ptrain.len()
    ));
    let mut pt = ParserTrainer::new(labels.len(), root);
    let mut rng = Rng::new(cfg.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..ptrain.len()).collect();
    let mut best: Option<(f64, usize, Parser)> = None;
    for epoch in 1..=cfg.parser_epochs {
        rng.shuffle(&mut order);
        let explore = if epoch >= cfg.explore_from {
            cfg.explore_p
        } else {
            0.0
        };
        let (mut ok, mut tot) = (0, 0);
        for &i in &order {
            let (a, b) = pt.train_sentence(&ptrain[i], explore, &mut rng);
            ok += a;
            tot += b;
        }
        let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
        for s in &pdev {
            let st = pt.parse_avg(&s.toks);
            for d in 1..s.toks.len() {
                n += 1;
                if st.head[d] == s.gold_orig[d] {
                    uas += 1;
                    let p = usize::from(st.label[d])
                        .checked_sub(1)
                        .map(|l| labels[l].as_str());
                    let g = labels[usize::from(s.glabel[d])].as_str();
                    if p.is_some_and(|p| universal(p) == universal(g)) {
                        las += 1;
                    }
                }
            }
        }
        let (u, l) = (
            100.0 * uas as f64 / n.max(1) as f64,
            100.0 * las as f64 / n.max(1) as f64,
        );
        log(&format!(
            "  parser epoch {epoch}: train transitions {:.2}%  dev UAS {u:.2}  LAS {l:.2}  ({:.0}s)",
            100.0 * ok as f64 / tot.max(1) as f64,
            t0.elapsed().as_secs_f64()
        ));
        if dev.is_empty() || best.as_ref().is_none_or(|b| l > b.0) {
            best = Some((
                l,
                epoch,
                Parser {
                    labels: labels.clone(),
                    trans: pt.trans.compile(cfg.trans_levels, cfg.trans_min_q),
                    labeler: pt.labeler.compile(cfg.label_levels, cfg.label_min_q),
                    punct: Table::build(1, Vec::new()),
                },
            ));
        }
    }
    let (_, pepoch, mut parser) =
        best.ok_or_else(|| ParseError::Corrupt("no parser epochs".into()))?;
    log(&format!(
        "parser: best epoch {pepoch}, {} transition and {} label features ({:.0}s)",
        parser.trans.len(),
        parser.labeler.len(),
        t0.elapsed().as_secs_f64()
    ));

    // Punctuation re-attachment, trained on the gold trees; kept only if it helps on dev.
    let dev_parses: Vec<parser::State> = pdev
        .iter()
        .map(|s| parser::parse_with(&parser.trans, &parser.labeler, labels.len(), root, &s.toks))
        .collect();
    type Reattach<'a> = &'a dyn Fn(&ParseSent, &mut Vec<u32>, &[u8]);
    let dev_uas = |reattach: Option<Reattach<'_>>| -> f64 {
        let (mut n, mut ok) = (0usize, 0usize);
        for (s, st) in pdev.iter().zip(&dev_parses) {
            let mut h = st.head.clone();
            if let Some(f) = reattach {
                f(s, &mut h, &st.label);
            }
            for (a, b) in h.iter().zip(&s.gold_orig).skip(1) {
                n += 1;
                ok += usize::from(a == b);
            }
        }
        100.0 * ok as f64 / n.max(1) as f64
    };
    let base_uas = dev_uas(None);
    let mut best_p: Option<(f64, usize, Table)> = None;
    let mut ptr = Trainer::new(1);
    let gold_labels: Vec<Vec<u8>> = ptrain
        .iter()
        .map(|s| s.glabel.iter().map(|&l| l + 1).collect())
        .collect();
    for epoch in 1..=cfg.punct_epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut tot) = (0, 0);
        for &i in &order {
            let s = &ptrain[i];
            let (a, b) =
                punct::train_sentence(&mut ptr, &s.toks, &s.gold, &gold_labels[i], PUNCT_P);
            ok += a;
            tot += b;
        }
        let avg = Averaged(&ptr);
        let u = dev_uas(Some(&|s: &ParseSent, h: &mut Vec<u32>, l: &[u8]| {
            punct::reattach(&avg, &s.toks, h, l, PUNCT_P)
        }));
        log(&format!(
            "  punctuation epoch {epoch}: train {:.2}%  dev UAS {base_uas:.2} -> {u:.2}",
            100.0 * ok as f64 / tot.max(1) as f64
        ));
        if u > base_uas && best_p.as_ref().is_none_or(|b| u > b.0) {
            best_p = Some((u, epoch, ptr.compile(1000.0, cfg.punct_min_q)));
        }
    }
    let punct_epoch = best_p.as_ref().map_or(0, |b| b.1);
    if let Some((_, _, t)) = best_p {
        parser.punct = t;
    }
    log(&format!(
        "punctuation: best epoch {punct_epoch} (0 = not used), {} features",
        parser.punct.len()
    ));
    let description = format!(
        "UD English EWT: tagger ({} classes, epoch {best_epoch}), lemmatiser, arc-hybrid parser \
         ({} relations, epoch {pepoch}, dynamic oracle, {k}-fold jackknifed tags), punctuation \
         re-attachment (epoch {punct_epoch}); {} training sentences; seed {}",
        classes.len(),
        labels.len(),
        train.len(),
        cfg.seed
    );
    Ok(Model {
        description,
        tagger,
        lemmatizer,
        parser,
    })
}

/// Trains the tagger (one or two passes) and tags the training set by jackknifing.
/// Returns the tagger, the jackknifed tags and the best first-pass epoch.
fn train_tagger(
    classes: &[(Upos, String)],
    tag_train: &[TagSent],
    tag_dev: &[TagSent],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
    t0: Instant,
) -> (tagger::Tagger, Vec<Vec<u16>>, usize) {
    let train = tag_train;
    let dev = tag_dev;
    let train_refs: Vec<&TagSent> = tag_train.iter().collect();
    let dev_refs: Vec<&TagSent> = tag_dev.iter().collect();
    let mut opts = TagTrainOpts {
        epochs: cfg.tagger_epochs,
        seed: cfg.seed,
        levels: cfg.tagger_levels,
        min_q: cfg.tagger_min_q,
        dict_min_count: 20,
        dict_min_ratio: 0.995,
    };
    log(&format!(
        "tagger: {} classes, {} sentences",
        classes.len(),
        train.len()
    ));
    let (tagger, best_epoch) = tagger::train(
        classes,
        &train_refs,
        (!dev.is_empty()).then_some(&dev_refs[..]),
        &opts,
        log,
    );
    log(&format!(
        "tagger: best epoch {best_epoch}, {} bytes encoded ({:.0}s)",
        tagger_features(&tagger),
        t0.elapsed().as_secs_f64()
    ));

    // Jackknifed first-pass tags: for the second pass's training data, and (one pass) for
    // the parser's.
    let k = cfg.folds.max(2);
    opts.epochs = best_epoch.max(1);
    let n_train = train.len();
    let in_fold = |i: usize, fold: usize| i * k / n_train == fold;
    let mut jack: Vec<Vec<u16>> = vec![Vec::new(); n_train];
    let mut fold_taggers = Vec::with_capacity(k);
    // Tags the held-out sentences of `fold` with `t` into `out`; returns their UPOS
    // accuracy in percent.
    let tag_fold = |t: &tagger::Tagger, fold: usize, out: &mut Vec<Vec<u16>>| -> f64 {
        let (mut n, mut ok) = (0usize, 0usize);
        for (i, s) in tag_train.iter().enumerate() {
            if in_fold(i, fold) {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let tags = t.tag_infos(&w).0;
                for (a, b) in tags.iter().zip(&s.gold) {
                    n += 1;
                    ok += usize::from(classes[usize::from(*a)].0 == classes[usize::from(*b)].0);
                }
                out[i] = tags;
            }
        }
        100.0 * ok as f64 / n.max(1) as f64
    };
    for fold in 0..k {
        let part: Vec<&TagSent> = tag_train
            .iter()
            .enumerate()
            .filter(|(i, _)| !in_fold(*i, fold))
            .map(|(_, s)| s)
            .collect();
        opts.seed = cfg.seed.wrapping_add(fold as u64 + 1);
        let (t, _) = tagger::train(classes, &part, None, &opts, &mut |_| {});
        let acc = tag_fold(&t, fold, &mut jack);
        fold_taggers.push(t);
        log(&format!(
            "jackknife fold {}/{k}: UPOS {acc:.2} ({:.0}s)",
            fold + 1,
            t0.elapsed().as_secs_f64()
        ));
    }
    let mut tagger = tagger;
    if cfg.tagger_passes >= 2 {
        // Second pass, trained on the jackknifed first-pass tags.
        opts.epochs = cfg.tagger_epochs;
        opts.seed = cfg.seed ^ 0x2;
        let (t2, epoch2) = tagger.train_second(
            &train_refs,
            &jack,
            (!dev.is_empty()).then_some(&dev_refs[..]),
            &opts,
            log,
        );
        tagger = t2;
        log(&format!(
            "tagger pass 2: best epoch {epoch2}, {} bytes encoded ({:.0}s)",
            tagger_features(&tagger),
            t0.elapsed().as_secs_f64()
        ));
        // Jackknifed two-pass tags for the parser: fold tagger + a second pass trained on
        // the other folds' jackknifed first-pass tags.
        let mut jack2: Vec<Vec<u16>> = vec![Vec::new(); n_train];
        opts.epochs = epoch2.max(1);
        for (fold, t) in fold_taggers.into_iter().enumerate() {
            let (part, first): (Vec<&TagSent>, Vec<Vec<u16>>) = tag_train
                .iter()
                .enumerate()
                .filter(|(i, _)| !in_fold(*i, fold))
                .map(|(i, s)| (s, jack[i].clone()))
                .unzip();
            opts.seed = cfg.seed.wrapping_add(fold as u64 + 101);
            let (t, _) = t.train_second(&part, &first, None, &opts, &mut |_| {});
            let acc = tag_fold(&t, fold, &mut jack2);
            log(&format!(
                "jackknife pass 2 fold {}/{k}: UPOS {acc:.2} ({:.0}s)",
                fold + 1,
                t0.elapsed().as_secs_f64()
            ));
        }
        jack = jack2;
    }
    let tagger = tagger;
    (tagger, jack, best_epoch)
}

/// Drops quantised weights below the given magnitudes from a trained model (tagger,
/// transitions, labels); the same as training with those `*_min_q` settings.
pub fn prune(model: &Model, tagger_min_q: i32, trans_min_q: i32, label_min_q: i32) -> Model {
    let mut tagger = model.tagger.clone();
    tagger.prune(tagger_min_q);
    Model {
        description: model.description.clone(),
        tagger,
        lemmatizer: model.lemmatizer.clone(),
        parser: Parser {
            labels: model.parser.labels.clone(),
            trans: model.parser.trans.pruned(trans_min_q),
            labeler: model.parser.labeler.pruned(label_min_q),
            punct: model.parser.punct.clone(),
        },
    }
}

fn tagger_features(t: &tagger::Tagger) -> usize {
    let mut e = super::model::Enc::default();
    t.encode(&mut e);
    e.into_bytes().len()
}

/// Runs `model` over the words of `gold` (gold tokenisation) and returns predicted sentences
/// with the same comments.
pub fn predict(model: &Model, gold: &[Sentence]) -> Vec<Sentence> {
    gold.iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
            let out = model.parse(&words);
            Sentence {
                comments: s.comments.clone(),
                tokens: out
                    .into_iter()
                    .map(|w| super::conllu::Token {
                        form: w.form,
                        lemma: w.lemma,
                        upos: w.upos.as_str().to_string(),
                        xpos: w.xpos,
                        feats: "_".into(),
                        head: w.head.map_or(0, |h| h + 1),
                        deprel: w.deprel,
                    })
                    .collect(),
            }
        })
        .collect()
}
