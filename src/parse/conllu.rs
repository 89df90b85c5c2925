//! A CoNLL-U reader and writer (the format of Universal Dependencies treebanks).
//!
//! Only syntactic words are kept: multiword-token range lines (`1-2 don't`) and empty nodes
//! (`8.1`) are skipped, as CoNLL 2018 evaluation with gold tokenisation does. Comment lines
//! (`# text = ...`) are kept per sentence. Heads are 1-based with 0 for the root, as in the
//! file.

use super::ParseError;
use std::fmt::Write as _;
use std::path::Path;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Token {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS (as text, e.g. `"NOUN"`).
    pub upos: String,
    /// XPOS (e.g. `"NN"`).
    pub xpos: String,
    /// FEATS (`_` when empty).
    pub feats: String,
    /// HEAD: 1-based index of the head word, 0 for the root.
    pub head: usize,
    /// DEPREL, full label (`"nmod:poss"`).
    pub deprel: String,
}

/// A sentence: its comment lines and its words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Comment lines without the leading `#` and one space.
    pub comments: Vec<String>,
    /// Syntactic words in order (word `i` has CoNLL-U ID `i + 1`).
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }
}

fn err(file: &str, line: usize, message: impl Into<String>) -> ParseError {
    ParseError::Conllu {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses CoNLL-U text; `file` names the source in error messages.
///
/// Errors ([`ParseError::Conllu`] with the 1-based line): a word line without 10
/// tab-separated fields, a non-numeric ID or HEAD, IDs out of sequence, or a HEAD pointing
/// outside the sentence.
pub fn parse_str(text: &str, file: &str) -> Result<Vec<Sentence>, ParseError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut start_line = 1;
    for (ln, raw) in text.lines().enumerate() {
        let line_no = ln + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                check(&cur, file, start_line)?;
                out.push(std::mem::take(&mut cur));
            } else {
                cur.comments.clear();
            }
            start_line = line_no + 1;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments
                .push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 10 {
            return Err(err(
                file,
                line_no,
                format!("expected 10 tab-separated fields, found {}", f.len()),
            ));
        }
        let id = f[0];
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let id: usize = id
            .parse()
            .map_err(|_| err(file, line_no, format!("bad ID {id:?}")))?;
        if id != cur.tokens.len() + 1 {
            return Err(err(
                file,
                line_no,
                format!(
                    "ID {id} out of sequence (expected {})",
                    cur.tokens.len() + 1
                ),
            ));
        }
        let head: usize = f[6]
            .parse()
            .map_err(|_| err(file, line_no, format!("bad HEAD {:?}", f[6])))?;
        cur.tokens.push(Token {
            form: f[1].to_string(),
            lemma: f[2].to_string(),
            upos: f[3].to_string(),
            xpos: f[4].to_string(),
            feats: f[5].to_string(),
            head,
            deprel: f[7].to_string(),
        });
    }
    if !cur.tokens.is_empty() {
        check(&cur, file, start_line)?;
        out.push(cur);
    }
    Ok(out)
}

fn check(s: &Sentence, file: &str, line: usize) -> Result<(), ParseError> {
    let n = s.tokens.len();
    for (i, t) in s.tokens.iter().enumerate() {
        if t.head > n {
            return Err(err(
                file,
                line + s.comments.len() + i,
                format!("HEAD {} outside the sentence of {n} words", t.head),
            ));
        }
    }
    Ok(())
}

/// Reads a CoNLL-U file.
///
/// Errors: [`ParseError::Io`] if it cannot be read, otherwise as [`parse_str`].
pub fn read(path: &Path) -> Result<Vec<Sentence>, ParseError> {
    let text = std::fs::read_to_string(path).map_err(|source| ParseError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_str(&text, &path.display().to_string())
}

/// Writes sentences as CoNLL-U (IDs renumbered from 1; DEPS `_`; MISC `_`).
pub fn to_string(sents: &[Sentence]) -> String {
    let mut s = String::new();
    for sent in sents {
        for c in &sent.comments {
            let _ = writeln!(s, "# {c}");
        }
        for (i, t) in sent.tokens.iter().enumerate() {
            let or = |x: &str| {
                if x.is_empty() {
                    "_".to_string()
                } else {
                    x.to_string()
                }
            };
            let _ = writeln!(
                s,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t_",
                i + 1,
                or(&t.form),
                or(&t.lemma),
                or(&t.upos),
                or(&t.xpos),
                or(&t.feats),
                t.head,
                or(&t.deprel)
            );
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n\
4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\
\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";

    #[test]
    fn reads_words_skipping_ranges_and_empty_nodes() {
        let s = parse_str(SAMPLE, "t").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].forms(), vec!["I", "do", "n't", "know", "."]);
        assert_eq!(s[0].tokens[2].lemma, "not");
        assert_eq!(s[0].tokens[0].head, 4);
        assert_eq!(s[0].tokens[3].deprel, "root");
        assert_eq!(s[0].comments, vec!["sent_id = 1", "text = I don't know."]);
        assert_eq!(s[1].tokens.len(), 1);
        let again = parse_str(&to_string(&s), "t").unwrap();
        assert_eq!(again[0].tokens, s[0].tokens);
    }

    #[test]
    fn reports_bad_lines() {
        let e = parse_str("1\tx\n", "f.conllu").unwrap_err().to_string();
        assert!(e.starts_with("f.conllu:1:"), "{e}");
        let e = parse_str("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n", "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("HEAD 9"), "{e}");
        let e = parse_str("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("out of sequence"), "{e}");
    }
}
