//! CoNLL 2018 shared-task style evaluation with gold tokenisation.
//!
//! Every syntactic word counts, punctuation included. UPOS, XPOS and LEMMA compare the
//! strings exactly; UAS compares heads; LAS compares heads and the *universal* part of the
//! relation (`nmod:poss` and `nmod` match), as the CoNLL 2018 evaluation script does.

use super::conllu::Sentence;
use std::fmt;

/// Word counts: total and correct per metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words compared.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct lemma.
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
}

/// A percentage (0 when nothing was compared).
fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

impl Scores {
    /// UPOS accuracy in percent.
    pub fn upos_pct(&self) -> f64 {
        pct(self.upos, self.words)
    }
    /// XPOS accuracy in percent.
    pub fn xpos_pct(&self) -> f64 {
        pct(self.xpos, self.words)
    }
    /// Lemma accuracy in percent.
    pub fn lemma_pct(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    /// Unlabelled attachment score in percent.
    pub fn uas_pct(&self) -> f64 {
        pct(self.uas, self.words)
    }
    /// Labelled attachment score (universal relations) in percent.
    pub fn las_pct(&self) -> f64 {
        pct(self.las, self.words)
    }
    /// Adds another count.
    pub fn add(&mut self, o: &Scores) {
        self.words += o.words;
        self.upos += o.upos;
        self.xpos += o.xpos;
        self.lemma += o.lemma;
        self.uas += o.uas;
        self.las += o.las;
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UPOS {:.2}  XPOS {:.2}  Lemma {:.2}  UAS {:.2}  LAS {:.2}  ({} words)",
            self.upos_pct(),
            self.xpos_pct(),
            self.lemma_pct(),
            self.uas_pct(),
            self.las_pct(),
            self.words
        )
    }
}

/// The universal part of a relation: `"nmod:poss"` → `"nmod"`.
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Compares one predicted sentence with its gold counterpart, word by word. Sentences of
/// different lengths are compared over the common prefix, and the missing words count as
/// wrong (they should not occur with gold tokenisation).
pub fn score_sentence(gold: &Sentence, pred: &Sentence) -> Scores {
    let mut s = Scores {
        words: gold.tokens.len(),
        ..Scores::default()
    };
    for (g, p) in gold.tokens.iter().zip(&pred.tokens) {
        s.upos += usize::from(g.upos == p.upos);
        s.xpos += usize::from(g.xpos == p.xpos);
        s.lemma += usize::from(g.lemma == p.lemma);
        if g.head == p.head {
            s.uas += 1;
            s.las += usize::from(universal(&g.deprel) == universal(&p.deprel));
        }
    }
    s
}

/// Scores a predicted corpus against gold (sentence by sentence, in order).
pub fn score(gold: &[Sentence], pred: &[Sentence]) -> Scores {
    let mut total = Scores::default();
    for (i, g) in gold.iter().enumerate() {
        match pred.get(i) {
            Some(p) => total.add(&score_sentence(g, p)),
            None => total.words += g.tokens.len(),
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::conllu::Token;

    fn tok(form: &str, upos: &str, head: usize, rel: &str) -> Token {
        Token {
            form: form.into(),
            lemma: form.to_lowercase(),
            upos: upos.into(),
            xpos: upos.into(),
            feats: "_".into(),
            head,
            deprel: rel.into(),
        }
    }

    #[test]
    fn metrics_on_hand_made_trees() {
        let gold = Sentence {
            comments: vec![],
            tokens: vec![
                tok("His", "PRON", 2, "nmod:poss"),
                tok("dog", "NOUN", 3, "nsubj"),
                tok("barked", "VERB", 0, "root"),
                tok(".", "PUNCT", 3, "punct"),
            ],
        };
        let mut pred = gold.clone();
        // Subtype differs only: LAS still correct.
        pred.tokens[0].deprel = "nmod".into();
        // Wrong label on a correct head.
        pred.tokens[1].deprel = "obj".into();
        // Wrong head (label right): neither UAS nor LAS.
        pred.tokens[3].head = 2;
        // Wrong tag and lemma.
        pred.tokens[2].upos = "NOUN".into();
        pred.tokens[2].lemma = "bark".into();
        let s = score(std::slice::from_ref(&gold), std::slice::from_ref(&pred));
        assert_eq!(s.words, 4);
        assert_eq!(s.uas, 3);
        assert_eq!(s.las, 2);
        assert_eq!(s.upos, 3);
        assert_eq!(s.lemma, 3);
        assert!((s.uas_pct() - 75.0).abs() < 1e-9);
        assert!((s.las_pct() - 50.0).abs() < 1e-9);
        // A missing prediction counts as all wrong.
        let s2 = score(&[gold.clone(), gold.clone()], std::slice::from_ref(&gold));
        assert_eq!((s2.words, s2.uas), (8, 4));
        assert_eq!(universal("acl:relcl"), "acl");
        assert_eq!(Scores::default().las_pct(), 0.0);
    }
}
