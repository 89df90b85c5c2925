//! Lemmatiser learned from a treebank: `(form, UPOS) → lemma`.
//!
//! Two parts, both learned from the training data (UD English EWT):
//!
//! 1. **Rules**: for every word type the edit that turns form into lemma is written as
//!    "optionally lowercase, strip `n` characters, append `s`" (`studies → study` is strip 3,
//!    append `y`). Rules are counted per UPOS, capitalisation class and form suffix (0–5
//!    characters); the most frequent rule of the longest suffix seen at least twice applies.
//! 2. **Exceptions**: `(form, UPOS)` pairs seen in training whose most frequent lemma the
//!    rules do not produce (`went → go`, `me → I`). A capitalised form that is not listed
//!    falls back to the entry of its lowercase form (`Went → go`).

use super::hash::FxBuild;
use super::model::{Dec, Enc};
use super::{ParseError, Upos};
use std::collections::HashMap;

const MAX_SUFFIX: usize = 5;

/// An edit from form to lemma.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    lower: bool,
    strip: u8,
    add: String,
}

impl Rule {
    fn apply(&self, form: &str) -> String {
        let base = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        let keep = n.saturating_sub(usize::from(self.strip));
        let end = base.char_indices().nth(keep).map_or(base.len(), |(i, _)| i);
        let mut s = base[..end].to_string();
        s.push_str(&self.add);
        s
    }

    /// The rule turning `form` into `lemma` with the shortest strip (keeping case on ties).
    fn derive(form: &str, lemma: &str) -> Rule {
        let one = |f: &str, lower: bool| {
            let common = f
                .chars()
                .zip(lemma.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let fl = f.chars().count();
            let add: String = lemma.chars().skip(common).collect();
            Rule {
                lower,
                strip: (fl - common).min(255) as u8,
                add,
            }
        };
        let keep = one(form, false);
        let low = one(&form.to_lowercase(), true);
        if (low.strip, low.add.len()) < (keep.strip, keep.add.len()) {
            low
        } else {
            keep
        }
    }
}

/// Capitalisation class: 0 lowercase (or no letters), 1 capitalised, 2 all capitals, 3 mixed.
fn case_class(form: &str) -> u8 {
    let mut up = 0;
    let mut letters = 0;
    let mut first_up = false;
    for (i, c) in form.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                up += 1;
                if i == 0 {
                    first_up = true;
                }
            }
        }
    }
    if up == 0 {
        0
    } else if letters > 1 && up == letters {
        2
    } else if first_up && up == 1 {
        1
    } else {
        3
    }
}

fn rule_key(upos: Upos, cc: u8, suffix: &str) -> String {
    format!(
        "{}{}{}",
        char::from(b'A' + upos.index()),
        char::from(b'0' + cc),
        suffix
    )
}

fn exc_key(form: &str, upos: Upos) -> String {
    format!("{}{}", char::from(b'A' + upos.index()), form)
}

/// Last `k` characters of `s`, or `None` when `s` is shorter.
fn last_chars(s: &str, k: usize) -> Option<&str> {
    if k == 0 {
        return Some("");
    }
    s.char_indices().rev().nth(k - 1).map(|(i, _)| &s[i..])
}

/// The trained lemmatiser.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lemmatizer {
    rules: HashMap<String, Rule, FxBuild>,
    exceptions: HashMap<String, String, FxBuild>,
}

impl Lemmatizer {
    fn by_rule(&self, form: &str, upos: Upos) -> String {
        let lower = form.to_lowercase();
        let cc = case_class(form);
        for k in (0..=MAX_SUFFIX).rev() {
            let Some(suf) = last_chars(&lower, k) else {
                continue;
            };
            if let Some(r) = self.rules.get(&rule_key(upos, cc, suf))
                && usize::from(r.strip) <= form.chars().count()
            {
                return r.apply(form);
            }
        }
        form.to_string()
    }

    fn predict(&self, form: &str, upos: Upos, use_lower_entry: bool) -> String {
        if let Some(l) = self.exceptions.get(&exc_key(form, upos)) {
            return l.clone();
        }
        if use_lower_entry {
            let lower = form.to_lowercase();
            if lower != form {
                if let Some(l) = self.exceptions.get(&exc_key(&lower, upos)) {
                    return l.clone();
                }
                // A capitalised common word (sentence-initial "Hopes", "Talks") is
                // lemmatised as its lowercase form, whose rules are learned from far more
                // words than the capitalised class of that tag.
                if matches!(upos, Upos::Noun | Upos::Verb) && case_class(form) == 1 {
                    return self.by_rule(&lower, upos);
                }
            }
        }
        self.by_rule(form, upos)
    }

    /// The lemma of `form` tagged `upos`.
    pub(crate) fn lemma(&self, form: &str, upos: Upos) -> String {
        if form.is_empty() {
            return String::new();
        }
        self.predict(form, upos, true)
    }

    /// Learns rules and exceptions from `(form, UPOS, lemma)` tokens.
    pub(crate) fn train<'a>(tokens: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatizer {
        // Most frequent lemma per (form, upos).
        let mut counts: HashMap<(String, Upos), HashMap<String, usize, FxBuild>, FxBuild> =
            HashMap::default();
        for (f, u, l) in tokens {
            if f.is_empty() || l.is_empty() || l == "_" {
                continue;
            }
            *counts
                .entry((f.to_string(), u))
                .or_default()
                .entry(l.to_string())
                .or_default() += 1;
        }
        let mut types: Vec<(String, Upos, String)> = counts
            .into_iter()
            .map(|((f, u), m)| {
                let mut v: Vec<(String, usize)> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                (f, u, v.swap_remove(0).0)
            })
            .collect();
        types.sort();
        // Rule counts per (upos, case class, suffix).
        let mut rc: HashMap<String, HashMap<Rule, usize, FxBuild>, FxBuild> = HashMap::default();
        for (f, u, l) in &types {
            let r = Rule::derive(f, l);
            let lower = f.to_lowercase();
            let cc = case_class(f);
            for k in 0..=MAX_SUFFIX {
                let Some(suf) = last_chars(&lower, k) else {
                    break;
                };
                *rc.entry(rule_key(*u, cc, suf))
                    .or_default()
                    .entry(r.clone())
                    .or_default() += 1;
            }
        }
        let mut full: HashMap<String, (Rule, usize), FxBuild> = HashMap::default();
        for (k, m) in rc {
            let total: usize = m.values().sum();
            let mut v: Vec<(Rule, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let is_root = k.chars().count() == 2;
            if total >= 2 || is_root {
                full.insert(k, (v.swap_remove(0).0, total));
            }
        }
        // Drop keys whose rule equals what the next shorter suffix gives.
        let mut lem = Lemmatizer {
            rules: full
                .iter()
                .map(|(k, (r, _))| (k.clone(), r.clone()))
                .collect(),
            exceptions: HashMap::default(),
        };
        let mut keep: HashMap<String, Rule, FxBuild> = HashMap::default();
        for (k, (r, _)) in &full {
            let mut chars = k.chars();
            let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
                continue;
            };
            let suf: String = chars.collect();
            if suf.is_empty() {
                keep.insert(k.clone(), r.clone());
                continue;
            }
            let shorter: String = suf.chars().skip(1).collect();
            let mut s = shorter;
            let parent = loop {
                if let Some((pr, _)) = full.get(&format!("{a}{b}{s}")) {
                    break Some(pr);
                }
                if s.is_empty() {
                    break None;
                }
                s = s.chars().skip(1).collect();
            };
            if parent != Some(r) {
                keep.insert(k.clone(), r.clone());
            }
        }
        lem.rules = keep;
        // Exceptions: lowercase forms first, then the others (which fall back on them).
        for pass in 0..2 {
            for (f, u, l) in &types {
                let is_lower = f.to_lowercase() == *f;
                if is_lower != (pass == 0) {
                    continue;
                }
                if lem.predict(f, *u, pass == 1) != *l {
                    lem.exceptions.insert(exc_key(f, *u), l.clone());
                }
            }
        }
        lem
    }

    pub(crate) fn encode(&self, e: &mut Enc) {
        let mut r: Vec<(&String, &Rule)> = self.rules.iter().collect();
        r.sort();
        e.varint(r.len() as u64);
        for (k, rule) in r {
            e.str(k);
            e.u8(u8::from(rule.lower));
            e.u8(rule.strip);
            e.str(&rule.add);
        }
        let mut x: Vec<(&String, &String)> = self.exceptions.iter().collect();
        x.sort();
        e.varint(x.len() as u64);
        for (k, l) in x {
            e.str(k);
            e.str(l);
        }
    }

    pub(crate) fn decode(d: &mut Dec<'_>) -> Result<Lemmatizer, ParseError> {
        let what = "lemmatiser";
        let n = d.count(what)?;
        let mut rules = HashMap::with_capacity_and_hasher(n, FxBuild::default());
        for _ in 0..n {
            let k = d.str(what)?;
            let lower = d.u8(what)? != 0;
            let strip = d.u8(what)?;
            let add = d.str(what)?;
            rules.insert(k, Rule { lower, strip, add });
        }
        let m = d.count(what)?;
        let mut exceptions = HashMap::with_capacity_and_hasher(m, FxBuild::default());
        for _ in 0..m {
            let k = d.str(what)?;
            exceptions.insert(k, d.str(what)?);
        }
        Ok(Lemmatizer { rules, exceptions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_derive_and_apply() {
        let r = Rule::derive("studies", "study");
        assert_eq!((r.strip, r.add.as_str()), (3, "y"));
        assert_eq!(r.apply("ladies"), "lady");
        let r = Rule::derive("The", "the");
        assert!(r.lower && r.strip == 0);
        assert_eq!(Rule::derive("me", "I").apply("me"), "I");
        assert_eq!(last_chars("héllo", 4), Some("éllo"));
        assert_eq!(last_chars("ab", 3), None);
    }

    #[test]
    fn learns_rules_and_exceptions() {
        let data = [
            ("cats", Upos::Noun, "cat"),
            ("dogs", Upos::Noun, "dog"),
            ("hats", Upos::Noun, "hat"),
            ("walked", Upos::Verb, "walk"),
            ("talked", Upos::Verb, "talk"),
            ("went", Upos::Verb, "go"),
            ("The", Upos::Det, "the"),
            ("the", Upos::Det, "the"),
            ("Paris", Upos::Propn, "Paris"),
            ("London", Upos::Propn, "London"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("rats", Upos::Noun), "rat");
        assert_eq!(l.lemma("jumped", Upos::Verb), "jump");
        assert_eq!(l.lemma("went", Upos::Verb), "go");
        assert_eq!(l.lemma("Went", Upos::Verb), "go");
        assert_eq!(l.lemma("Berlin", Upos::Propn), "Berlin");
        // A capitalised common noun or verb takes the rules of its lowercase form.
        assert_eq!(l.lemma("Hopes", Upos::Noun), "hope");
        assert_eq!(l.lemma("Walked", Upos::Verb), "walk");
        assert_eq!(l.lemma("", Upos::Noun), "");
        let mut e = Enc::default();
        l.encode(&mut e);
        let b = e.into_bytes();
        let back = Lemmatizer::decode(&mut Dec::new(&b)).unwrap();
        assert_eq!(back.lemma("rats", Upos::Noun), "rat");
        assert_eq!(back.lemma("went", Upos::Verb), "go");
    }
}
