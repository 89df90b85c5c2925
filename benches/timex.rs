//! Temporal tagger benchmarks (divan). Throughput is in temporal expressions found per
//! second (items/s):
//!
//! * `tag_*`: `polgraph::time::tag` (regular expressions and word cues only);
//! * `timex_tagger_*`: `polgraph::pipeline::TimexTagger::tag` (sentence split, dependency
//!   parse, tense from the tree, reference time carried across sentences).
//!
//! On our own news paragraphs (below, always available) and, when it exists, on the
//! sentences of `../shared/temporal/timex_dev.jsonl` (each with its document's DCT).
//!
//! `cargo bench --bench timex`

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use jiff::civil::Date;
use polgraph::pipeline::TimexTagger;
use polgraph::time::{TimeLexicon, tag};
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// Paragraph-length news text of our own, with its publication day.
const PARAGRAPHS: &[(&str, &str)] = &[
    (
        "2025-03-04",
        "The foreign minister will fly to Ottawa on Wednesday for a two-day visit, during \
         which she will meet her counterpart. Aides said the trip was arranged last Tuesday \
         and was not a reaction to the aid freeze announced overnight. On Monday afternoon \
         the premier told lawmakers he expected no change, but by 10 p.m. Monday the decision \
         had been taken. The two leaders met at the White House last Thursday, a day before \
         the row of last Friday, and spoke again on Monday night. Officials said a wider call \
         with European leaders would take place on Friday, and a summit is due in early April.",
    ),
    (
        "1989-10-25",
        "Net income rose 12% in the third quarter to $45 million, against $40 million a year \
         earlier, the company said yesterday. For the first nine months of 1989, profit was \
         $130 million, up from $118 million in the year-ago period. Sales in the fourth \
         quarter of 1988 had been weak, and the company expects the current quarter to be \
         flat. Its shares closed at $31.50 on Tuesday in New York Stock Exchange composite \
         trading. The board will meet on Nov. 14 and pays a dividend twice a year, most \
         recently in July.",
    ),
    (
        "2021-01-06",
        "Cases doubled last week and hospitals warned that the next two weeks would be the \
         hardest since the spring of 2020. Schools closed on Monday for at least three \
         weeks, and a curfew from 8 p.m. to 6 a.m. is in force every night until Jan. 31. \
         Ministers will review the rules on Jan. 18, a week before the vaccination campaign \
         expands. Daily deaths have risen for 10 days, the highest level since late April.",
    ),
    (
        "1998-02-11",
        "A bomb exploded at 10 p.m. Wednesday outside the ministry, two days after talks \
         collapsed in Geneva. The rebels, who have fought the government since the 1970s, \
         said in a statement this morning that the ceasefire signed on Dec. 28, 1997 was \
         over. Police said about 40 people had been detained over the weekend. Elections \
         planned for next June may be postponed until the fall, officials said, and the \
         parliament will hold an emergency session tomorrow afternoon.",
    ),
    (
        "2024-03-10",
        "The law passed on Feb. 29 after months of debate, and it takes effect next month. \
         A year ago, the same bill failed by three votes; four years ago it was not even \
         tabled. The opposition says it will challenge the law in the courts this spring, \
         while the government plans a referendum in the second half of 2025. Between 2019 \
         and 2023 the number of cases rose every year, reaching a peak in the 2022 fourth \
         quarter, and the ministry now publishes figures weekly.",
    ),
    (
        "2026-01-02",
        "The pact was signed last Friday in a ceremony that lasted less than an hour, and \
         the first troops will leave on Monday, Jan. 5. Negotiators had worked through \
         Christmas and met every day for two weeks. Under the deal, prisoners are released \
         within 30 days and a joint commission meets monthly; elections are due in mid-2027, \
         nearly two decades after the last free vote in the late 2000s.",
    ),
];

/// (DCT, text) records to tag.
type Docs = Vec<(Option<Date>, String)>;

static OWN: LazyLock<Docs> = LazyLock::new(|| {
    PARAGRAPHS
        .iter()
        .map(|(d, t)| (Some(d.parse().expect("DCT")), (*t).to_string()))
        .collect()
});

/// The distinct sentences of the TempEval-style dev file, with their DCT; empty when the
/// file is not there.
static DEV: LazyLock<Docs> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/temporal/timex_dev.jsonl");
    let Ok(src) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for line in src.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(doc), Some(s)) = (v["doc"].as_str(), v["sentence"].as_str()) else {
            continue;
        };
        if seen.insert((doc.to_string(), s.to_string())) {
            let dct = v["dct"].as_str().and_then(|d| d.parse().ok());
            out.push((dct, s.to_string()));
        }
    }
    out
});

static LEX: LazyLock<TimeLexicon> = LazyLock::new(TimeLexicon::builtin);
static TAGGER: LazyLock<TimexTagger> =
    LazyLock::new(|| TimexTagger::load(None).expect("built-in timex tagger"));

fn bench_tag(b: Bencher, docs: &Docs) {
    let lex = &*LEX;
    let n: usize = docs.iter().map(|(d, t)| tag(t, *d, lex).len()).sum();
    b.counter(ItemsCount::new(n)).bench(|| {
        for (d, t) in docs {
            black_box(tag(black_box(t), *d, lex));
        }
    });
}

fn bench_tagger(b: Bencher, docs: &Docs) {
    let tagger = &*TAGGER;
    let n: usize = docs.iter().map(|(d, t)| tagger.tag(t, *d).len()).sum();
    b.counter(ItemsCount::new(n)).bench(|| {
        for (d, t) in docs {
            black_box(tagger.tag(black_box(t), *d));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn lexicon_builtin_load() -> TimeLexicon {
    TimeLexicon::builtin()
}

#[divan::bench]
fn tag_own_paragraphs(b: Bencher) {
    bench_tag(b, &OWN);
}

#[divan::bench(sample_count = 20)]
fn timex_tagger_own_paragraphs(b: Bencher) {
    bench_tagger(b, &OWN);
}

#[divan::bench(sample_count = 20)]
fn tag_dev_sentences(b: Bencher) {
    if DEV.is_empty() {
        eprintln!("skipping tag_dev_sentences: ../shared/temporal/timex_dev.jsonl not found");
        b.bench(|| ());
        return;
    }
    bench_tag(b, &DEV);
}

#[divan::bench(sample_count = 10)]
fn timex_tagger_dev_sentences(b: Bencher) {
    if DEV.is_empty() {
        eprintln!(
            "skipping timex_tagger_dev_sentences: ../shared/temporal/timex_dev.jsonl not found"
        );
        b.bench(|| ());
        return;
    }
    bench_tagger(b, &DEV);
}
