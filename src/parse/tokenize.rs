//! Word tokenisation following the conventions of UD English EWT.
//!
//! - Punctuation is split off (`word,` → `word` `,`), runs like `...`, `!!`, `?!` and `--`
//!   stay whole, as do emoticons (`:)`).
//! - Clitics are separate words: `'s` `'re` `'ve` `'ll` `'d` `'m` and `n't` (`don't` → `do`
//!   `n't`, `can't` → `ca` `n't`, `won't` → `wo` `n't`), with straight or curly apostrophes;
//!   `cannot` → `can` `not`, `gonna` → `gon` `na`, and apostrophe-less `dont` → `do` `nt`.
//! - Abbreviations keep their period (`U.S.`, `Mr.`, `Gen.`, `p.m.`, initials like `J.`);
//!   numbers keep their separators (`3.5`, `1,000`, `10:30`); currency signs and `%` are split
//!   (`$5` → `$` `5`).
//! - Hyphenated words are split (`Al-Zaman` → `Al` `-` `Zaman`, `1969-1970` → `1969` `-`
//!   `1970`) except after common prefixes EWT keeps (`e-mail`, `non-stop`, `co-workers`,
//!   `pre-war`, `anti-war`, `mid-July`) and in phone-like numbers (`713-853-3989`).
//! - `/` is split between words (`and/or`) but kept in dates and short forms (`9/11`, `b/c`).
//! - URLs and e-mail addresses stay whole.

/// Splits a sentence into EWT-style words. Returns `[start, end)` **byte** offsets into
/// `sentence`, in order, never empty, never overlapping, never containing whitespace.
pub fn tokenize(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in sentence.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunk(sentence, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(sentence, s, sentence.len(), &mut out);
    }
    out
}

const OPEN: &[char] = &[
    '(', '[', '{', '"', '“', '‘', '«', '<', '`', '\'', '$', '€', '£', '¥', '¿', '¡', '*',
];
const CLOSE: &[char] = &[
    ')', ']', '}', '"', '”', '’', '»', '>', '\'', ',', ';', ':', '%', '*', '…',
];
const INNER_SPLIT: &[char] = &[
    '(', ')', '[', ']', '{', '}', '"', '“', '”', '«', '»', ',', ';', '!', '?',
];

const KEEP_PREFIX: &[&str] = &[
    "e", "x", "non", "anti", "pre", "re", "mid", "co", "post", "pro", "multi", "ex", "semi",
    "counter", "sub", "vice", "neo", "cross", "socio", "inter", "intra", "ultra", "micro", "macro",
    "bi", "tri", "over", "un", "psycho",
];

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "reps", "gov", "lt", "col", "sgt",
    "capt", "cpl", "maj", "adm", "cmdr", "brig", "pres", "st", "jr", "sr", "inc", "corp", "ltd",
    "co", "bros", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "ft", "mt", "ave", "blvd", "rd", "dept", "est", "approx", "fig", "rev", "sens", "govs",
    "hon", "amb", "cf", "al", "ext", "vol", "nos", "pp", "mins", "hrs", "univ", "assn", "intl",
];

/// Whether `w` (without its final period) is an abbreviation that keeps the period.
fn is_abbrev(w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    // Letters separated by periods: U.S, p.m, e.g, D.C, and single-letter initials.
    let parts: Vec<&str> = w.split('.').collect();
    if parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREV.contains(&lower.as_str())
}

fn is_url(w: &str) -> bool {
    let l = w.to_lowercase();
    if l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || l.starts_with("ftp://")
    {
        return true;
    }
    if let Some(at) = w.find('@') {
        let (user, host) = (&w[..at], &w[at + 1..]);
        return !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    }
    false
}

fn is_emoticon(w: &str) -> bool {
    const E: &[&str] = &[
        ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", ":-/", "(:",
        "):", ":o", ":O", "<3", "=)", "=(", ":'(", "XD", "^_^", ":]", ":[",
    ];
    E.contains(&w)
}

/// Clitic suffixes (lowercase, straight apostrophe) split off the end of a word.
const CLITICS: &[&str] = &["'s", "'m", "'d", "'re", "'ve", "'ll"];

/// Apostrophe-less contractions EWT splits: (word, length of the first part).
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("dont", 2),
    ("doesnt", 4),
    ("didnt", 3),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("wont", 2),
    ("cant", 2),
];

fn norm_apos(c: char) -> char {
    if c == '’' || c == '‘' || c == '`' {
        '\''
    } else {
        c
    }
}

/// Emits the tokens of one whitespace-free chunk `s[a..b]`.
fn chunk(s: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let w = &s[a..b];
    if is_emoticon(w) {
        out.push((a, b));
        return;
    }
    let cs: Vec<(usize, char)> = w.char_indices().map(|(i, c)| (a + i, c)).collect();
    let end_of = |k: usize| if k < cs.len() { cs[k].0 } else { b };
    let (mut lo, mut hi) = (0usize, cs.len());
    // Leading punctuation.
    while lo < hi {
        let c = cs[lo].1;
        if !OPEN.contains(&c) || hi - lo == 1 {
            break;
        }
        if norm_apos(c) == '\'' && c != '`' {
            // `'s` and friends standing alone stay whole.
            let rest: String = cs[lo..hi]
                .iter()
                .map(|x| norm_apos(x.1).to_ascii_lowercase())
                .collect();
            if CLITICS.contains(&rest.as_str()) || rest == "'em" || rest == "'n" {
                break;
            }
        }
        let mut k = lo + 1;
        if c == '`' || c == '\'' {
            while k < hi && cs[k].1 == c {
                k += 1;
            }
        }
        out.push((cs[lo].0, end_of(k)));
        lo = k;
    }
    // Trailing punctuation, collected in reverse.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while hi > lo + 1 {
        let c = cs[hi - 1].1;
        if c == '.' || c == '!' || c == '?' {
            let mut k = hi - 1;
            while k > lo && matches!(cs[k - 1].1, '.' | '!' | '?') {
                k -= 1;
            }
            if hi - k >= 2 {
                if k == lo {
                    break;
                }
                tail.push((cs[k].0, end_of(hi)));
                hi = k;
                continue;
            }
            if c == '.' {
                let word = &s[cs[lo].0..cs[hi - 1].0];
                if is_abbrev(word) {
                    break;
                }
            }
            tail.push((cs[hi - 1].0, end_of(hi)));
            hi -= 1;
            continue;
        }
        if CLOSE.contains(&c) {
            let mut k = hi - 1;
            if c == '\'' {
                while k > lo && cs[k - 1].1 == c {
                    k -= 1;
                }
                if k == lo {
                    break;
                }
            }
            tail.push((cs[k].0, end_of(hi)));
            hi = k;
            continue;
        }
        break;
    }
    if lo < hi {
        core(s, &cs[lo..hi], end_of(hi), out);
    }
    out.extend(tail.into_iter().rev());
}

/// Splits the core of a chunk (leading and trailing punctuation removed).
fn core(s: &str, cs: &[(usize, char)], end: usize, out: &mut Vec<(usize, usize)>) {
    let (a, b) = (cs[0].0, end);
    let w = &s[a..b];
    if is_url(w) || is_emoticon(w) {
        out.push((a, b));
        return;
    }
    // Split on inner brackets, quotes and clause punctuation (but keep 1,000 and 3.5).
    let mut seg_start = 0;
    let end_of = |k: usize| if k < cs.len() { cs[k].0 } else { b };
    let digit = |k: usize| cs.get(k).is_some_and(|x| x.1.is_ascii_digit());
    let mut k = 0;
    while k < cs.len() {
        let c = cs[k].1;
        let split =
            INNER_SPLIT.contains(&c) && !(c == ',' && k > 0 && digit(k - 1) && digit(k + 1));
        if split {
            if seg_start < k {
                word(&cs[seg_start..k], end_of(k), out);
            }
            let mut e = k + 1;
            if matches!(c, '!' | '?') {
                while e < cs.len() && matches!(cs[e].1, '!' | '?') {
                    e += 1;
                }
            }
            out.push((cs[k].0, end_of(e)));
            seg_start = e;
            k = e;
        } else {
            k += 1;
        }
    }
    if seg_start < cs.len() {
        word(&cs[seg_start..], b, out);
    }
}

/// Splits hyphens, slashes and clitics inside a word.
fn word(cs: &[(usize, char)], end: usize, out: &mut Vec<(usize, usize)>) {
    let end_of = |k: usize| if k < cs.len() { cs[k].0 } else { end };
    // Dash runs and hyphens.
    let mut k = 0;
    let mut start = 0;
    let mut piece = 0;
    let mut parts: Vec<(usize, usize)> = Vec::new(); // char ranges
    while k < cs.len() {
        let c = cs[k].1;
        if c == '-' || c == '–' || c == '—' {
            let mut e = k + 1;
            while e < cs.len() && matches!(cs[e].1, '-' | '–' | '—') {
                e += 1;
            }
            let run = e - k;
            let left: String = cs[piece..k].iter().map(|x| x.1).collect();
            piece = e;
            let right_end = (e..cs.len())
                .find(|&j| matches!(cs[j].1, '-' | '/'))
                .unwrap_or(cs.len());
            let right: String = cs[e..right_end].iter().map(|x| x.1).collect();
            let keep = run == 1
                && c == '-'
                && !left.is_empty()
                && !right.is_empty()
                && keep_hyphen(&left, &right);
            if keep || (k == 0 && run == 1 && cs.len() > 1 && cs[1].1.is_ascii_digit()) {
                k = e;
                continue;
            }
            if start < k {
                parts.push((start, k));
            }
            parts.push((k, e));
            start = e;
            k = e;
        } else if c == '/' {
            let left: String = cs[piece..k].iter().map(|x| x.1).collect();
            piece = k + 1;
            let right_end = (k + 1..cs.len())
                .find(|&j| matches!(cs[j].1, '-' | '/'))
                .unwrap_or(cs.len());
            let right: String = cs[k + 1..right_end].iter().map(|x| x.1).collect();
            let short = |x: &str| !x.is_empty() && x.chars().count() <= 1;
            let num = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
            if (num(&left) && num(&right))
                || (short(&left) && short(&right))
                || left.is_empty()
                || right.is_empty()
            {
                k += 1;
                continue;
            }
            if start < k {
                parts.push((start, k));
            }
            parts.push((k, k + 1));
            start = k + 1;
            k += 1;
        } else {
            k += 1;
        }
    }
    if start < cs.len() {
        parts.push((start, cs.len()));
    }
    for (i, j) in parts {
        clitics(&cs[i..j], end_of(j), out);
    }
}

fn keep_hyphen(left: &str, right: &str) -> bool {
    let l = left.to_lowercase();
    if left.chars().all(|c| c.is_ascii_digit()) && right.chars().all(|c| c.is_ascii_digit()) {
        // 1969-1970 splits; phone numbers and 4-12 stay.
        return left.len() != 4;
    }
    if KEEP_PREFIX.contains(&l.as_str()) && right.chars().next().is_some_and(char::is_alphanumeric)
    {
        return true;
    }
    false
}

/// Splits clitics and fused forms off a hyphen-free word and emits it.
fn clitics(cs: &[(usize, char)], end: usize, out: &mut Vec<(usize, usize)>) {
    if cs.is_empty() {
        return;
    }
    let end_of = |k: usize| if k < cs.len() { cs[k].0 } else { end };
    let lower: Vec<char> = cs
        .iter()
        .map(|x| norm_apos(x.1).to_lowercase().next().unwrap_or(x.1))
        .collect();
    let n = lower.len();
    let ends = |suf: &str| {
        let sc: Vec<char> = suf.chars().collect();
        n > sc.len() && lower[n - sc.len()..] == sc[..]
    };
    let alpha_before = |k: usize| k > 0 && cs[k - 1].1.is_alphabetic();
    if ends("n't") && alpha_before(n - 3) {
        let k = n - 3;
        out.push((cs[0].0, end_of(k)));
        out.push((cs[k].0, end));
        return;
    }
    for c in CLITICS {
        let l = c.chars().count();
        if ends(c) && alpha_before(n - l) {
            let k = n - l;
            out.push((cs[0].0, end_of(k)));
            out.push((cs[k].0, end));
            return;
        }
    }
    let word: String = lower.iter().collect();
    for (f, k) in FUSED {
        if word == *f {
            out.push((cs[0].0, end_of(*k)));
            out.push((cs[*k].0, end));
            return;
        }
    }
    out.push((cs[0].0, end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn punctuation_and_clitics() {
        assert_eq!(
            toks("I don't know, he said."),
            ["I", "do", "n't", "know", ",", "he", "said", "."]
        );
        assert_eq!(
            toks("We can't and won't."),
            ["We", "ca", "n't", "and", "wo", "n't", "."]
        );
        assert_eq!(
            toks("It's John's; they're here, we'll see, I'd go, I'm off, you've won"),
            [
                "It", "'s", "John", "'s", ";", "they", "'re", "here", ",", "we", "'ll", "see", ",",
                "I", "'d", "go", ",", "I", "'m", "off", ",", "you", "'ve", "won"
            ]
        );
        assert_eq!(
            toks("Don’t say “never”."),
            ["Do", "n’t", "say", "“", "never", "”", "."]
        );
        assert_eq!(toks("the parents' car"), ["the", "parents", "'", "car"]);
        assert_eq!(
            toks("'Hello,' she said"),
            ["'", "Hello", ",", "'", "she", "said"]
        );
        assert_eq!(
            toks("You cannot, I'm gonna go"),
            ["You", "can", "not", ",", "I", "'m", "gon", "na", "go"]
        );
        assert_eq!(toks("i dont know"), ["i", "do", "nt", "know"]);
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            toks("Mr. Smith met Gen. Lee in the U.S. at 3 p.m. today."),
            [
                "Mr.", "Smith", "met", "Gen.", "Lee", "in", "the", "U.S.", "at", "3", "p.m.",
                "today", "."
            ]
        );
        assert_eq!(
            toks("It grew 3.5% to $1,000.50, e.g. here."),
            [
                "It", "grew", "3.5", "%", "to", "$", "1,000.50", ",", "e.g.", "here", "."
            ]
        );
        assert_eq!(
            toks("They arrived in the U.S."),
            ["They", "arrived", "in", "the", "U.S."]
        );
        assert_eq!(
            toks("at 10:30, J. Smith"),
            ["at", "10:30", ",", "J.", "Smith"]
        );
        assert_eq!(
            toks("Wait... what?! No!!"),
            ["Wait", "...", "what", "?!", "No", "!!"]
        );
    }

    #[test]
    fn hyphens_slashes_urls() {
        assert_eq!(
            toks("Al-Zaman : American forces"),
            ["Al", "-", "Zaman", ":", "American", "forces"]
        );
        assert_eq!(
            toks("a non-stop e-mail to co-workers"),
            ["a", "non-stop", "e-mail", "to", "co-workers"]
        );
        assert_eq!(
            toks("fault-finding in 1969-1970"),
            ["fault", "-", "finding", "in", "1969", "-", "1970"]
        );
        assert_eq!(
            toks("call 713-853-3989 now"),
            ["call", "713-853-3989", "now"]
        );
        assert_eq!(toks("this -- that"), ["this", "--", "that"]);
        assert_eq!(toks("word--word"), ["word", "--", "word"]);
        assert_eq!(toks("and/or 9/11 b/c"), ["and", "/", "or", "9/11", "b/c"]);
        assert_eq!(
            toks("see http://www.x.com/a-b. Mail bob@x.org."),
            ["see", "http://www.x.com/a-b", ".", "Mail", "bob@x.org", "."]
        );
        assert_eq!(
            toks("(the U.S.-led coalition)"),
            ["(", "the", "U.S.", "-", "led", "coalition", ")"]
        );
        assert_eq!(toks("Road( Bus"), ["Road", "(", "Bus"]);
        assert_eq!(toks("great :) thanks"), ["great", ":)", "thanks"]);
    }

    #[test]
    fn offsets_are_bytes_and_robust() {
        let s = "  Zelenskyy’s  visit — “Kyiv”  ";
        let t = tokenize(s);
        for &(a, b) in &t {
            assert!(a < b && b <= s.len());
            assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            assert!(!s[a..b].chars().any(char::is_whitespace));
        }
        assert_eq!(toks(s), ["Zelenskyy", "’s", "visit", "—", "“", "Kyiv", "”"]);
        assert!(tokenize("").is_empty());
        assert!(tokenize("   \n\t").is_empty());
        for weird in [
            "'", "''", "-", "--", "...", "'s", "n't", "$", "\u{200b}", "a\u{301}", "🙂🙂", "((((",
            "a-", "-a", "/", "x/", "'''x'''",
        ] {
            let t = tokenize(weird);
            let mut last = 0;
            for &(a, b) in &t {
                assert!(a >= last && a < b && b <= weird.len(), "{weird:?} {t:?}");
                last = b;
            }
            assert!(!t.is_empty(), "{weird:?}");
        }
        assert_eq!(toks("'s"), ["'s"]);
        assert_eq!(toks("n't"), ["n't"]);
    }
}
