//! Integration tests of the built-in tagger, lemmatiser and dependency parser
//! (`polgraph::parse`, model `data/parser/en_ewt.model`, trained on UD English EWT).
//!
//! The linguistic cases are hand-checked against the UD guidelines; each asserts only
//! relations the model gets right *and* that are correct UD analyses.

use polgraph::parse::{Model, Upos, Word, tokenize};

fn parse(s: &str) -> Vec<Word> {
    let m = Model::builtin().expect("built-in parser model");
    let words: Vec<&str> = tokenize(s).into_iter().map(|(a, b)| &s[a..b]).collect();
    m.parse(&words)
}

fn at(ws: &[Word], form: &str) -> usize {
    ws.iter()
        .position(|w| w.form == form)
        .unwrap_or_else(|| panic!("no word {form:?} in {:?}", forms(ws)))
}

fn forms(ws: &[Word]) -> Vec<&str> {
    ws.iter().map(|w| w.form.as_str()).collect()
}

/// Asserts `rel(head, dep)`: `dep` is attached to `head` with relation `rel` (full label).
#[track_caller]
fn has(ws: &[Word], rel: &str, head: &str, dep: &str) {
    let (h, d) = (at(ws, head), at(ws, dep));
    let w = &ws[d];
    assert!(
        w.head == Some(h) && w.deprel == rel,
        "expected {rel}({head}, {dep}), got {}({}, {dep}) in\n{}",
        w.deprel,
        w.head.map_or("ROOT", |x| ws[x].form.as_str()),
        show(ws)
    );
}

#[track_caller]
fn root(ws: &[Word], form: &str) {
    let d = at(ws, form);
    assert!(
        ws[d].head.is_none() && ws[d].deprel == "root",
        "expected root {form} in\n{}",
        show(ws)
    );
}

fn show(ws: &[Word]) -> String {
    ws.iter()
        .enumerate()
        .map(|(i, w)| w.conllu_line(i) + "\n")
        .collect()
}

/// Every word has a head in range, exactly one root, no cycles.
#[track_caller]
fn well_formed(ws: &[Word]) {
    let n = ws.len();
    assert_eq!(
        ws.iter().filter(|w| w.head.is_none()).count(),
        usize::from(n > 0)
    );
    for (i, w) in ws.iter().enumerate() {
        if let Some(h) = w.head {
            assert!(h < n && h != i);
            assert_ne!(w.deprel, "root");
        } else {
            assert_eq!(w.deprel, "root");
        }
        let mut x = i;
        for _ in 0..=n {
            match ws[x].head {
                Some(h) => x = h,
                None => break,
            }
        }
        assert!(ws[x].head.is_none(), "cycle through word {i}");
    }
}

#[test]
fn builtin_model_loads_and_describes_itself() {
    let m = Model::builtin().expect("built-in parser model");
    assert!(m.description().contains("EWT"));
}

#[test]
fn never_panics_and_always_builds_a_tree() {
    let m = Model::builtin().unwrap();
    assert!(m.parse(&[]).is_empty());
    let long: Vec<String> = (0..500).map(|i| format!("word{}", i % 37)).collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    for words in [
        vec!["."],
        vec!["", " ", "\t"],
        vec![
            "a b",
            "c  d",
            "Zelenskyy’s",
            "🙂",
            "\u{200b}",
            "ä\u{301}",
            "Ωμέγα",
            "中文",
        ],
        vec![","; 40],
        long,
    ] {
        let ws = m.parse(&words);
        assert_eq!(ws.len(), words.len());
        well_formed(&ws);
        for (w, f) in ws.iter().zip(&words) {
            assert_eq!(w.form, *f);
        }
    }
}

#[test]
fn control_verb_and_object() {
    // Known weakness: "met" in "when the two met" is tagged NOUN, so advcl(failed, met) and
    // nsubj(met, two) are not recovered; they are not asserted here.
    let ws = parse(
        "Starmer failed to persuade Trump when the two met at the White House last Thursday.",
    );
    root(&ws, "failed");
    has(&ws, "nsubj", "failed", "Starmer");
    has(&ws, "xcomp", "failed", "persuade");
    has(&ws, "mark", "persuade", "to");
    has(&ws, "obj", "persuade", "Trump");
    has(&ws, "punct", "failed", ".");
    assert_eq!(ws[at(&ws, "failed")].lemma, "fail");
    assert_eq!(ws[at(&ws, "Starmer")].upos, Upos::Propn);
}

#[test]
fn passive_with_agent() {
    let ws = parse("Military aid was halted by the United States.");
    root(&ws, "halted");
    has(&ws, "nsubj:pass", "halted", "aid");
    has(&ws, "aux:pass", "halted", "was");
    has(&ws, "case", "States", "by");
    // EWT marks the agent obl:agent; its universal relation is obl.
    let s = &ws[at(&ws, "States")];
    assert_eq!(s.head, Some(at(&ws, "halted")));
    assert!(
        s.deprel == "obl" || s.deprel.starts_with("obl:"),
        "{}",
        s.deprel
    );
    assert_eq!(ws[at(&ws, "was")].lemma, "be");
    assert_eq!(ws[at(&ws, "was")].upos, Upos::Aux);
    assert_eq!(ws[at(&ws, "halted")].lemma, "halt");
}

#[test]
fn coordinated_subjects() {
    // Known weakness: the current model attaches "in Kyiv" to "Zelenskyy" (nmod) instead
    // of the verb (obl(met, Kyiv)), so that relation is not asserted.
    let ws = parse("Starmer and Macron met Zelenskyy in Kyiv.");
    root(&ws, "met");
    has(&ws, "nsubj", "met", "Starmer");
    has(&ws, "conj", "Starmer", "Macron");
    has(&ws, "cc", "Macron", "and");
    has(&ws, "obj", "met", "Zelenskyy");
    has(&ws, "case", "Kyiv", "in");
    assert_eq!(ws[at(&ws, "met")].lemma, "meet");
    assert_eq!(ws[at(&ws, "met")].xpos, "VBD");
}

#[test]
fn negation() {
    let ws = parse("Trump did not meet Putin.");
    root(&ws, "meet");
    has(&ws, "advmod", "meet", "not");
    has(&ws, "aux", "meet", "did");
    has(&ws, "nsubj", "meet", "Trump");
    has(&ws, "obj", "meet", "Putin");
    assert_eq!(ws[at(&ws, "did")].lemma, "do");
}

#[test]
fn possessive_nominal() {
    // Known weakness: in "Trump's attack on Zelenskyy shocked European leaders." the verb
    // "shocked" is tagged ADJ and the clause is misparsed; with a clear passive verb the
    // nominal is analysed correctly (but the subject gets plain nsubj, not nsubj:pass).
    let ws = parse("Trump's attack on Zelenskyy was criticised by European leaders.");
    root(&ws, "criticised");
    has(&ws, "nmod:poss", "attack", "Trump");
    has(&ws, "case", "Trump", "'s");
    has(&ws, "nmod", "attack", "Zelenskyy");
    has(&ws, "case", "Zelenskyy", "on");
    has(&ws, "aux:pass", "criticised", "was");
    assert_eq!(ws[at(&ws, "attack")].head, Some(at(&ws, "criticised")));
}

#[test]
fn clitics_are_tokenised_and_tagged() {
    let ws = parse("They don't trust him.");
    assert_eq!(forms(&ws), ["They", "do", "n't", "trust", "him", "."]);
    has(&ws, "advmod", "trust", "n't");
    assert_eq!(ws[at(&ws, "n't")].lemma, "not");
    assert_eq!(ws[at(&ws, "him")].lemma, "he");
}

#[test]
fn model_roundtrips_through_bytes() {
    let m = Model::builtin().unwrap();
    let again = Model::from_bytes(&m.to_bytes()).expect("re-encoded model decodes");
    let words = ["Starmer", "met", "Trump", "."];
    assert_eq!(m.parse(&words), again.parse(&words));
    let bytes = m.to_bytes();
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::load(std::path::Path::new("/nonexistent/model")).is_err());
}
