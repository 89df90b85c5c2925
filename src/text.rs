//! Text stage: paragraphs, sentences and word tokens.
//!
//! Input: an article body (`&str`). Output: a [`Document`] whose sentences and tokens carry
//! **byte offsets into that body** (end-exclusive), so every later stage can point back to the
//! exact text (provenance).
//!
//! Sentence boundaries come from the `sentencize` crate (abbreviations such as "Mr.", "U.S.",
//! initials, decimals), applied within paragraphs (a blank line always ends a sentence).
//! Wire-service datelines ("BEIJING, April 1 (AFP) -") are recognised and kept out of the
//! sentences used for extraction.

use regex::Regex;
use sentencize::Segmenter;
use std::sync::LazyLock;

/// A word or punctuation token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset into the article body.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The token as written.
    pub text: String,
    /// Lowercase form with typographic apostrophes folded to `'`.
    pub lower: String,
}

impl Token {
    /// True when the token starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// True when the token is punctuation (no letter or digit).
    pub fn is_punct(&self) -> bool {
        !self.text.chars().any(|c| c.is_alphanumeric())
    }
}

/// One sentence with its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the sentence in the article body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The sentence text.
    pub text: String,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// 0-based paragraph number.
    pub paragraph: usize,
    /// True for a dateline, a Markdown heading or other non-prose line that extraction skips.
    pub dateline: bool,
}

/// An article body split into sentences and tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The body text all offsets refer to.
    pub text: String,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[A-Za-z]\.){2,}|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*(?:['’]s?)?|[^\s\p{L}\p{N}]",
    )
    .unwrap_or_else(|_| Regex::new(r"\S+").expect("fallback regex"))
});

// A dateline such as "TAIPEI, April 2 , 1997 (AFP)" or "WASHINGTON (Reuters) -".
static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,20})?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?\s*\([A-Za-z][A-Za-z .]{0,20}\)\s*(?:[-–—:]+\s*)?",
    )
    .expect("dateline regex")
});

/// Abbreviations added to `sentencize`'s built-in English list (lowercase, no period).
const EXTRA_ABBREVIATIONS: &[&str] = &[
    "sen", "rep", "gov", "lt", "adm", "pres", "amb", "maj", "cmdr", "brig", "supt", "messrs", "mt",
    "ft", "corp", "govt", "dept", "u.s.a", "e.u", "r.i.p",
];

/// Splits article bodies into sentences and tokens. Build once, reuse for many articles.
pub struct Splitter {
    segmenter: Segmenter,
    /// News agencies whose name in brackets after a mixed-case place makes a dateline.
    agencies: Vec<String>,
}

impl Default for Splitter {
    /// A splitter that knows no news agencies: only datelines with the place in capitals
    /// ("BEIJING (AFP) -") are recognised.
    fn default() -> Self {
        Splitter::with_agencies(Vec::new())
    }
}

/// Parses `news_agencies.tsv` (`(file name, contents)`): one agency per line under the
/// header `agency`, as written between the brackets of a dateline ("CNN", "Reuters").
///
/// Errors: a wrong header, or a name that is empty or holds a bracket, as `file:line`.
pub fn parse_agencies(file: (&str, &str)) -> Result<Vec<String>, crate::error::DataError> {
    let mut out = Vec::new();
    for (ln, f) in crate::error::tsv_rows(file.1, file.0, &["agency"])? {
        let name = f[0];
        if name.is_empty() || name.contains(['(', ')']) {
            return Err(crate::error::DataError::new(
                file.0,
                ln,
                format!("an agency is a name without brackets, found `{name}`"),
            ));
        }
        out.push(name.to_string());
    }
    Ok(out)
}

impl Splitter {
    /// A splitter that also recognises datelines signed by one of `agencies` after a place
    /// in mixed case ("Washington (CNN)"); see [`parse_agencies`].
    pub fn with_agencies(agencies: Vec<String>) -> Self {
        let mut segmenter = Segmenter::default();
        for a in EXTRA_ABBREVIATIONS {
            segmenter.add_abbreviation(*a);
        }
        Splitter {
            segmenter,
            agencies,
        }
    }

    /// Splits `text` into a [`Document`]. Never fails; empty text gives no sentences.
    pub fn split(&self, text: &str) -> Document {
        let mut sentences = Vec::new();
        for (pi, (pstart, pend)) in paragraphs(text).into_iter().enumerate() {
            let para = &text[pstart..pend];
            let mut offset = pstart;
            let mut body = para;
            // A dateline at the start of a paragraph.
            if let Some(m) = DATELINE_RE.find(para)
                && m.start() == 0
                && looks_like_dateline(m.as_str(), &self.agencies)
            {
                let dl_end = pstart + m.end();
                let dl_text = text[pstart..dl_end].trim_end();
                sentences.push(make_sentence(
                    text,
                    pstart,
                    pstart + dl_text.len(),
                    pi,
                    true,
                ));
                offset = dl_end;
                body = &text[dl_end..pend];
            }
            // A Markdown heading ("# Erdogan visits Qatar") is a headline, not a report.
            let heading = body.trim_start().starts_with('#');
            for (s, e) in self.segmenter.spans(body) {
                let (s, e) = (offset + s, offset + e);
                if text[s..e].trim().is_empty() {
                    continue;
                }
                for (a, b) in cap_length(text, s, e) {
                    sentences.push(make_sentence(text, a, b, pi, heading));
                }
            }
        }
        Document {
            text: text.to_string(),
            sentences,
        }
    }
}

/// Longest sentence kept whole, in bytes; longer runs (tables, lists, binary-ish text) are
/// cut at whitespace so that per-sentence work stays bounded.
const MAX_SENTENCE_BYTES: usize = 2_000;

/// Splits `text[start..end]` into pieces of at most [`MAX_SENTENCE_BYTES`], at whitespace
/// where possible (always on char boundaries).
fn cap_length(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = start;
    while end - a > MAX_SENTENCE_BYTES {
        let mut cut = a + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(ws) = text[a..cut].rfind(char::is_whitespace)
            && ws > 0
        {
            cut = a + ws;
        }
        out.push((a, cut));
        a = cut;
        while a < end && text[a..].starts_with(char::is_whitespace) {
            a += text[a..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if a < end {
        out.push((a, end));
    }
    out
}

fn looks_like_dateline(s: &str, agencies: &[String]) -> bool {
    // The place name must be mostly upper case (BEIJING) or followed by an agency in brackets.
    let head: String = s.chars().take_while(|c| *c != ',' && *c != '(').collect();
    let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let agency = s
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .is_some_and(|(a, _)| agencies.iter().any(|x| x == a.trim()));
    !letters.is_empty() && (upper * 10 >= letters.len() * 7 || agency)
}

fn make_sentence(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    dateline: bool,
) -> Sentence {
    let s = &text[start..end];
    Sentence {
        start,
        end,
        text: s.to_string(),
        tokens: tokenize(s, start),
        paragraph,
        dateline,
    }
}

/// Tokenises `s`; token offsets are `base` + byte offset within `s`.
pub fn tokenize(s: &str, base: usize) -> Vec<Token> {
    TOKEN_RE
        .find_iter(s)
        .map(|m| Token {
            start: base + m.start(),
            end: base + m.end(),
            text: m.as_str().to_string(),
            lower: fold(m.as_str()),
        })
        .collect()
}

/// An article body with its spacing made regular: Unicode spaces (no-break, thin, em …)
/// and tabs become a plain space, runs of spaces one space, spaces at the ends of lines
/// and of the text go, `\r\n` and lone `\r` become `\n`, and more than one blank line
/// becomes one. Words, line breaks and paragraphs are kept. Input and output are whole
/// texts; offsets of the output are what every later stage (and the stored article) uses.
/// So "Angela  Merkel" and "Angela\u{a0}Merkel" are "Angela Merkel", and an article
/// re-sent with only its spacing changed has the same content hash.
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut newlines = 0usize;
    let mut space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c == '\r' {
            if chars.peek() == Some(&'\n') {
                continue;
            }
            '\n'
        } else {
            c
        };
        if c == '\n' {
            newlines += 1;
            space = false;
            continue;
        }
        if c == '\t' || (c.is_whitespace() && c != '\n') {
            space = true;
            continue;
        }
        if !out.is_empty() {
            if newlines > 0 {
                out.push_str(if newlines > 1 { "\n\n" } else { "\n" });
            } else if space {
                out.push(' ');
            }
        }
        newlines = 0;
        space = false;
        out.push(c);
    }
    out
}

/// Lowercases and folds typographic apostrophes and quotes to ASCII.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Byte spans of the paragraphs of `text` (separated by blank lines), trimmed.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_nonblank_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push((s, last_nonblank_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_nonblank_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, last_nonblank_end));
    }
    out
}

/// The English month names, lower case (shared by the parse repairs, the word-window
/// coder's subject walk and the actor stage). Closed class of English.
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns of time (lower-case lemmas). The parser often hangs other words on them: a
/// verb's prepositional phrase ("demonstrated on Monday in Serbia") or its subject
/// ("Pakistan today threatened"); the actor stage lets them stand between a speaker, the
/// verb of saying and the pronoun it reports for ("Iraq on Monday said it"). Closed class
/// of English.
pub const TIME_NOUNS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "tonight",
];

#[cfg(test)]
mod tests {
    #[test]
    fn spacing_is_made_regular() {
        assert_eq!(
            normalize_space(
                "  Angela  Merkel\u{a0}met\tMacron.  \r\nHe left.\n\n\n\nNew  paragraph. "
            ),
            "Angela Merkel met Macron.\nHe left.\n\nNew paragraph."
        );
        assert_eq!(
            normalize_space("Plain text.\n\nTwo paragraphs."),
            "Plain text.\n\nTwo paragraphs."
        );
        assert_eq!(normalize_space(" \n\t "), "");
    }

    use super::*;

    #[test]
    fn splits_with_abbreviations_and_paragraphs() {
        let t = "Mr. Smith met Sen. Jones in the U.S. capital on Monday. They talked.\n\nNo 10 said nothing.";
        let d = Splitter::default().split(t);
        let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Mr. Smith met Sen. Jones in the U.S. capital on Monday.",
                "They talked.",
                "No 10 said nothing."
            ]
        );
        assert_eq!(d.sentences[2].paragraph, 1);
        for s in &d.sentences {
            assert_eq!(&t[s.start..s.end], s.text);
            for tok in &s.tokens {
                assert_eq!(&t[tok.start..tok.end], tok.text);
            }
        }
    }

    #[test]
    fn agency_list_loads_and_rejects_bad_lines() {
        let ok = parse_agencies(("a.tsv", "# comment\nagency\nCNN\nReuters\n")).unwrap();
        assert_eq!(ok, ["CNN", "Reuters"]);
        let e = parse_agencies(("a.tsv", "agency\nCNN\n(AP)\n")).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("a.tsv", 3));
        // Without the list, a mixed-case place before "(CNN)" is part of the sentence.
        let d = Splitter::default().split("Washington (CNN) The senator agreed to testify.");
        assert_eq!(d.sentences.len(), 1);
    }

    #[test]
    fn dateline_is_separated() {
        let t = "Envoys meet\n\nTAIPEI, April 2 , 1997 (AFP)\n\nThe speaker met the president Wednesday.";
        let d = Splitter::default().split(t);
        assert_eq!(d.sentences.len(), 3);
        assert!(d.sentences[1].dateline);
        assert_eq!(d.sentences[1].text, "TAIPEI, April 2 , 1997 (AFP)");
        let t2 = "BEIJING, April 1 (AFP) - China warned the US on Tuesday.";
        let d2 = Splitter::default().split(t2);
        assert!(d2.sentences[0].dateline);
        assert_eq!(d2.sentences[1].text, "China warned the US on Tuesday.");
        // A place in mixed case counts when a news agency follows in brackets ...
        let sp = Splitter::with_agencies(vec!["CNN".to_string()]);
        let d3 = sp.split("Washington (CNN) The senator agreed to testify.");
        assert!(d3.sentences[0].dateline);
        assert_eq!(d3.sentences[0].text, "Washington (CNN)");
        assert_eq!(d3.sentences[1].text, "The senator agreed to testify.");
        // ... but an abbreviation in brackets is part of the sentence.
        let d4 = sp.split("The European Union (EU) agreed to talks.");
        assert_eq!(d4.sentences.len(), 1);
        assert!(!d4.sentences[0].dateline);
    }

    #[test]
    fn tokens_keep_names_and_abbreviations() {
        let toks: Vec<String> = tokenize("Lee Teng-hui told the U.S. Trump’s aides.", 0)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            vec![
                "Lee",
                "Teng-hui",
                "told",
                "the",
                "U.S.",
                "Trump’s",
                "aides",
                "."
            ]
        );
    }

    #[test]
    fn long_runs_are_cut_and_headings_skipped() {
        let long = "word ".repeat(2_000);
        let d = Splitter::default().split(&long);
        assert!(d.sentences.len() >= 5);
        assert!(
            d.sentences
                .iter()
                .all(|s| s.text.len() <= MAX_SENTENCE_BYTES)
        );
        let d = Splitter::default().split("# Leader visits Qatar\n\nThe leader visited Qatar.");
        assert!(d.sentences[0].dateline);
        assert!(!d.sentences[1].dateline);
    }

    #[test]
    fn empty_and_multibyte_text() {
        assert!(Splitter::default().split("").sentences.is_empty());
        let d = Splitter::default().split("  Zelenskyy – “truce” ✓ now.  ");
        assert_eq!(d.sentences.len(), 1);
    }
}
