//! Time stage, part 2: anchoring events on the calendar.
//!
//! Input: the document, the coded events, the document creation time (DCT) and the time
//! lexicon. Output: one [`EventDate`] (or `None`) per event.
//!
//! Rule: the event takes the date of the temporal expression that belongs to its clause —
//! the nearest DATE/TIME expression in the sentence, where crossing a clause boundary
//! ("when", "after", "which", ";") or a quotation costs extra distance; durations and sets
//! never date events ("a two-day trip"). Without such an expression an event that occurred
//! gets the publication date (news of the day, `how = publication`); a planned event stays
//! undated unless another mention of the same event in the article has a date.

use std::collections::HashMap;

use crate::actors::ActorTable;
use crate::events::{CLAUSE_BOUNDARIES, CodedEvent, is_symmetric};
use crate::model::{DateSource, EventDate, EventRec, Status};
use crate::syntax::Tree;
use crate::text::{Document, Sentence};
use crate::time::{Reference, TimeLexicon, Timex, TimexType, interval_value, tag, tag_in_context};

const BOUNDARY_COST: usize = 12;
const QUOTE_COST: usize = 30;
const VERB_COST: usize = 8;
const MAX_SCORE: usize = 22;

/// Dates each event in `events` (same order). `dct` is the publication date.
pub fn anchor(
    doc: &Document,
    trees: &[Tree],
    actors: &ActorTable,
    events: &[CodedEvent],
    dct: Option<jiff::civil::Date>,
    lex: &TimeLexicon,
) -> Vec<Option<EventDate>> {
    let mut cache: Vec<Option<Vec<Timex>>> = vec![None; doc.sentences.len()];
    // The first participating mention outside quotes of each sentence (the subject of a
    // news sentence), for the narrative reference time.
    let mut first_mention: Vec<Option<&crate::actors::Mention>> = vec![None; doc.sentences.len()];
    for m in &actors.mentions {
        if !m.in_quote
            && m.kind.can_participate()
            && let Some(slot) = first_mention.get_mut(m.sentence)
        {
            match slot {
                Some(f) if f.start <= m.start => {}
                _ => *slot = Some(m),
            }
        }
    }
    events
        .iter()
        .map(|ev| {
            let s = &doc.sentences[ev.sentence];
            let timexes = cache[ev.sentence]
                .get_or_insert_with(|| {
                    let tree = trees.get(ev.sentence).filter(|t| !t.is_empty());
                    tag_in_context(
                        &s.text,
                        dct,
                        lex,
                        tree.map(|t| (t, s.start)),
                        &mut Reference::default(),
                    )
                })
                .clone();
            // What "has happened" has no time of its own to inherit: a present perfect
            // takes no narrative reference ("Prince Turki resigned on Monday … Turki has
            // publicly urged the United States …").
            let perfect = trees
                .get(ev.sentence)
                .is_some_and(|t| t.word_at(ev.start).is_some_and(|w| t.present_perfect(w)));
            let reference = if matches!(ev.status, Status::Occurred | Status::Planned) && !perfect {
                narrative_reference(doc, &first_mention, ev, dct, lex, &mut cache)
            } else {
                None
            };
            let chosen = choose(s, trees.get(ev.sentence), ev, &timexes, dct, lex);
            let how = if chosen.is_some() {
                DateSource::Explicit
            } else {
                DateSource::Inherited
            };
            chosen
                .or_else(|| planned_fallback(ev, s, &timexes, dct, lex))
                .map(|t| {
                    let (mut a, mut b) = t.interval.unwrap_or_default();
                    // "… last Thursday, a day before Trump's attack": the event is offset from
                    // the expression by the stated distance.
                    let mut value = None;
                    if let Some(days) = relative_offset(s, ev.trigger_token, t.end)
                        && let (Ok(na), Ok(nb)) = (
                            a.checked_add(jiff::Span::new().days(days)),
                            b.checked_add(jiff::Span::new().days(days)),
                        )
                    {
                        a = na;
                        b = nb;
                        value = Some(interval_value(a, b));
                    }
                    EventDate {
                        value: value.clone().unwrap_or_else(|| interval_value(a, b)),
                        timex: Some(value.unwrap_or_else(|| t.value.clone())),
                        raw: Some(t.text.clone()),
                        start: a.to_string(),
                        end: b.to_string(),
                        how,
                    }
                })
                .or(reference)
                .or_else(|| {
                    // What a "since" clause tells is a past starting point, not news of the
                    // day ("the first attack since the Taliban launched an insurgency"): its
                    // date is unknown.
                    if trees
                        .get(ev.sentence)
                        .is_some_and(|t| in_since_clause(t, ev.start))
                    {
                        return None;
                    }
                    // News of the day, also for what is due today ("is due to have lunch").
                    let d = dct?;
                    Some(EventDate {
                        value: d.to_string(),
                        timex: None,
                        raw: None,
                        start: d.to_string(),
                        end: d.to_string(),
                        how: DateSource::Publication,
                    })
                })
        })
        .collect()
}

/// For a planned event that no expression was found to govern: the expression of its
/// sentence `s` nearest to the trigger among those after the publication date `dct`, other
/// than bounds and spans ("until 2010", "for 2006-2010") ("would
/// sit down for talks on … in New York in May"). What is still to happen cannot have
/// happened on the publication date, so a future expression of the same sentence is the
/// better estimate, even attached elsewhere in the parse.
fn planned_fallback<'a>(
    ev: &CodedEvent,
    s: &Sentence,
    timexes: &'a [Timex],
    dct: Option<jiff::civil::Date>,
    lex: &TimeLexicon,
) -> Option<&'a Timex> {
    let d = dct?;
    if ev.status != Status::Planned {
        return None;
    }
    let at = ev.start.saturating_sub(s.start);
    timexes
        .iter()
        .filter(|t| matches!(t.ttype, TimexType::Date | TimexType::Time))
        .filter(|t| t.interval.is_some_and(|(a, _)| a > d) && !is_bound(&s.text, t, lex))
        .min_by_key(|t| t.start.abs_diff(at))
}

/// A bound or a span is no time of an act: "a term until 2010" (a `bound_signal` word of
/// time_words.tsv before the expression), "cooperation for 2006-2010" (a dash beside it).
/// `t`'s offsets are bytes into `text`.
fn is_bound(text: &str, t: &Timex, lex: &TimeLexicon) -> bool {
    let before = text.get(..t.start).unwrap_or_default().trim_end();
    let after = text.get(t.end..).unwrap_or_default();
    before.ends_with(['-', '–'])
        || after.starts_with(['-', '–'])
        || lex.is_bound_signal(&word_before(text, t.start))
}

/// The word (letters only, lower case) before byte offset `at` of `text`; empty if none.
fn word_before(text: &str, at: usize) -> String {
    text.get(..at)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase()
}

/// The narrative reference time for an undated report: the first fitting expression of
/// the previous two sentences of the same or the previous paragraph that name one of the
/// event's actors. For what occurred it is a single day of the week before publication
/// ("… met in Anchorage on Friday. Trump greeted his counterpart …"); for what is planned,
/// a time after publication ("Mobutu will meet Friday for talks … Mobutu and Kabila have
/// agreed to face-to-face talks"), since a plan is not for the day it is reported.
fn narrative_reference(
    doc: &Document,
    first_mention: &[Option<&crate::actors::Mention>],
    ev: &CodedEvent,
    dct: Option<jiff::civil::Date>,
    lex: &TimeLexicon,
    cache: &mut [Option<Vec<Timex>>],
) -> Option<EventDate> {
    let dct = dct?;
    let si = ev.sentence;
    // The earlier sentence must be about one of the event's actors: its first actor (the
    // subject of a news sentence) is the event's source or target. `None` when it is
    // neither, else whether it is the source.
    let names_actor = |prev: usize| {
        let m = first_mention.get(prev).copied().flatten()?;
        if m.actors.contains(&ev.source) {
            Some(true)
        } else {
            ev.target
                .is_some_and(|t| m.actors.contains(&t))
                .then_some(false)
        }
    };
    let week_before = dct.checked_sub(jiff::Span::new().days(7)).ok()?;
    let para = doc.sentences[si].paragraph;
    for prev in (si.saturating_sub(2)..si).rev() {
        let p = &doc.sentences[prev];
        // Wire stories give each sentence a paragraph: the time carries into the next one,
        // and one further while the same subject goes on ("Trump left the summit on Monday
        // … Before flying back, Trump held talks … He also met Ishiba").
        let reach = match names_actor(prev) {
            Some(true) => 2,
            Some(false) => 1,
            None => continue,
        };
        if p.dateline || para.saturating_sub(p.paragraph) > reach {
            continue;
        }
        let timexes = cache[prev].get_or_insert_with(|| tag(&p.text, Some(dct), lex));
        let fits = |t: &Timex| {
            matches!(t.ttype, TimexType::Date | TimexType::Time)
                && t.interval.is_some_and(|(a, b)| match ev.status {
                    // A plan's announced day or week ("Friday", "next week"), not a
                    // year or a month nor a deadline of something else.
                    Status::Planned => {
                        a > dct
                            && (b - a).get_days() < 7
                            && !is_bound(&p.text, t, lex)
                            && !lex.is_cutoff_signal(&word_before(&p.text, t.start))
                    }
                    _ => a == b && a >= week_before && a <= dct,
                })
        };
        if let Some(t) = timexes.iter().find(|t| fits(t)) {
            let (a, b) = t.interval?;
            return Some(EventDate {
                value: interval_value(a, b),
                timex: Some(t.value.clone()),
                raw: Some(t.text.clone()),
                start: a.to_string(),
                end: b.to_string(),
                how: DateSource::Inherited,
            });
        }
    }
    None
}

fn choose<'a>(
    s: &Sentence,
    tree: Option<&Tree>,
    ev: &CodedEvent,
    timexes: &'a [Timex],
    dct: Option<jiff::civil::Date>,
    lex: &TimeLexicon,
) -> Option<&'a Timex> {
    let toks = &s.tokens;
    // A verb in the past tense ("called", "has called") tells of something done by the time
    // of writing: an expression after the publication date belongs to what it is about
    // ("called for a meeting next week"), not to it.
    let told_as_past = tree.filter(|t| !t.is_empty()).is_some_and(|t| {
        t.word_at(ev.start).is_some_and(|w| {
            let n = &t.nodes[w];
            n.upos == "VERB"
                && (n.xpos == "VBD"
                    || (n.xpos == "VBN"
                        && t.children(w)
                            .iter()
                            .any(|&k| t.base_rel(k) == "aux" && t.nodes[k].lemma == "have")))
        })
    });
    // With a parse: the word the event hangs on — its verb; for a nominal event its own noun
    // ("the row last Friday"), or the light verb whose subject or object it is ("held talks
    // on Monday").
    let ev_anchor = tree.filter(|t| !t.is_empty()).and_then(|t| {
        let w = t.word_at(ev.start)?;
        // A verb in a non-clausal relation means the parse around the trigger is broken
        // ("is due to hold talks" with "hold" as a compound): fall back to word distances.
        if t.nodes[w].upos == "VERB"
            && matches!(
                t.base_rel(w),
                "compound" | "case" | "fixed" | "flat" | "det" | "cc" | "nummod" | "punct"
            )
        {
            return None;
        }
        let anchor = if t.nodes[w].upos == "NOUN" {
            match t.head(w) {
                Some(h)
                    if t.nodes[h].upos == "VERB" && matches!(t.base_rel(w), "obj" | "nsubj") =>
                {
                    h
                }
                _ => w,
            }
        } else {
            t.clause_of(w)
        };
        Some((t, anchor))
    });
    let trig = ev.trigger_token;
    let tok_of = |byte: usize| {
        toks.iter()
            .position(|t| t.start >= s.start + byte)
            .unwrap_or(toks.len())
    };
    let in_quote = |tok: usize| {
        let upto = toks
            .get(tok)
            .map(|t| t.start - s.start)
            .unwrap_or(s.text.len());
        let before = &s.text[..upto];
        before.matches('“').count() > before.matches('”').count()
            || before.matches('"').count() % 2 == 1
    };
    let trig_q = in_quote(trig);
    timexes
        .iter()
        .filter(|t| matches!(t.ttype, TimexType::Date | TimexType::Time) && t.interval.is_some())
        .filter(|t| {
            !(told_as_past
                && ev.status == Status::Occurred
                && dct.is_some_and(|d| t.interval.is_some_and(|(a, _)| a > d)))
        })
        .map(|t| {
            let a = tok_of(t.start);
            let b = tok_of(t.end).max(a + 1);
            let (lo, hi, dist) = if b <= trig {
                (b, trig, trig - b + 1)
            } else if a > trig {
                (trig + 1, a, a - trig)
            } else {
                (trig, trig, 0)
            };
            let crossings = toks[lo.min(toks.len())..hi.min(toks.len())]
                .iter()
                .filter(|t| CLAUSE_BOUNDARIES.contains(&t.lower.as_str()) || t.lower == "during")
                .count();
            // Another verb between the trigger and a later expression means the expression
            // belongs to that verb ("congratulated Vietnam for organizing the meeting on Saturday").
            let verbs_between = if a > trig {
                toks[trig + 1..a.min(toks.len())]
                    .iter()
                    .filter(|t| {
                        t.text.len() > 4
                            && (t.lower.ends_with("ing") || t.lower.ends_with("ed"))
                            && !t.is_capitalized()
                    })
                    .count()
            } else {
                0
            };
            // An expression inside an inserted relative clause ("Abe, who took office last
            // month, was holding talks") belongs to that clause.
            let inserted = b <= trig && {
                let open = toks[..a.min(toks.len())]
                    .iter()
                    .rposition(|t| t.text == ",");
                let closes = toks[b.min(toks.len())..trig].iter().any(|t| t.text == ",");
                open.is_some_and(|o| {
                    closes
                        && toks.get(o + 1).is_some_and(|t| {
                            matches!(t.lower.as_str(), "who" | "which" | "whose" | "where")
                        })
                })
            };
            let ahead = dct.is_some_and(|d| t.interval.is_some_and(|(a, _)| a > d));
            let tree_cost = ev_anchor.and_then(|(tr, ec)| {
                // "… last Thursday, a day before Trump's attack": the expression anchors the
                // event through the stated offset.
                if relative_offset(s, trig, t.end).is_some() {
                    return Some(0);
                }
                let h = tr.span_head(s.start + t.start, s.start + t.end)?;
                // Walk up from the expression: reaching the event's anchor before any other
                // clause head means the expression modifies the event.
                let mut tc = h;
                let mut cur = tr.head(h);
                while let Some(c) = cur {
                    if c == ec {
                        tc = c;
                        break;
                    }
                    tc = tr.clause_of(c);
                    if tc == c {
                        break;
                    }
                    cur = tr.head(c);
                }
                Some(if tc == ec {
                    // The expression modifies the event's own clause.
                    0
                } else if governs(tr, tc, ec).is_some_and(|l| {
                    // The day of saying is not the day of a planned act — unless it lies
                    // ahead, when it can only be the act's ("is set to visit Iran next
                    // week", "said he would visit next week" with the parser hanging "next
                    // week" on "set"/"said"); a "to" clause after a noun shares the verb's
                    // time only as a plan.
                    if ev.status == Status::Planned {
                        !l.reported || ahead
                    } else {
                        !l.noun_to
                    }
                }) {
                    // A governing clause: "said Tuesday it was sending troops" (but the day of
                    // saying is not the day of a planned act: "said Monday it would send").
                    VERB_COST
                } else if ev.etype == "reject"
                    && tr.head(tc) == Some(ec)
                    && tr.base_rel(tc) == "xcomp"
                {
                    // A refusal is dated by the time of what was refused, which never took
                    // place: "refused to meet Ishiba last Saturday" (not so an intent: "agreed
                    // to meet on Friday" is agreed now for Friday).
                    VERB_COST
                } else if aspectual_relative(tr, tc, ec, |l| lex.is_aspectual(l)) {
                    // "co-chaired talks that ended Tuesday", "attended a summit that opened
                    // on Monday": the clause times the event's own object.
                    VERB_COST
                } else {
                    // Another clause: "met X, who arrived on Monday".
                    3 * BOUNDARY_COST
                })
            });
            // With a parse, the tree decides and distance only breaks ties.
            let mut score = match tree_cost {
                Some(c) => dist.min(MAX_SCORE / 2) / 2 + c,
                None => dist + crossings * BOUNDARY_COST + verbs_between * VERB_COST,
            };
            if inserted && tree_cost.is_none() {
                score += 2 * BOUNDARY_COST;
            }
            if in_quote(a) != trig_q {
                score += QUOTE_COST;
            }
            (score, t)
        })
        .filter(|(score, _)| *score <= MAX_SCORE)
        .min_by_key(|(score, _)| *score)
        .map(|(_, t)| t)
}

/// True when clause `c` is a relative clause headed by an aspectual verb (`is_aspectual`:
/// kind `aspectual` of `time_words.tsv`)
/// on a noun that is the object, oblique or subject of event anchor `ev` — or the anchor itself
/// ("co-chaired peace talks that ended in South Africa Tuesday").
fn aspectual_relative(t: &Tree, c: usize, ev: usize, is_aspectual: impl Fn(&str) -> bool) -> bool {
    t.nodes[c].deprel == "acl:relcl"
        && is_aspectual(&t.nodes[c].lemma)
        && t.head(c).is_some_and(|n| {
            n == ev || (t.head(n) == Some(ev) && matches!(t.base_rel(n), "obj" | "obl" | "nsubj"))
        })
}

/// True when the word at body offset `byte` heads, or lies in, an adverbial clause
/// introduced by "since" (looking up through the clause heads above it until a clause
/// with its own marker).
fn in_since_clause(t: &Tree, byte: usize) -> bool {
    let Some(w) = t.word_at(byte) else {
        return false;
    };
    let mut cur = t.clause_of(w);
    for _ in 0..t.len() {
        let marker = t
            .children(cur)
            .iter()
            .find(|&&m| t.base_rel(m) == "mark")
            .map(|&m| t.nodes[m].lemma.as_str());
        if let Some(m) = marker {
            return m == "since" && t.base_rel(cur) == "advcl";
        }
        match t.head(cur) {
            Some(h) if t.base_rel(cur) == "conj" => cur = t.clause_of(h),
            _ => return false,
        }
    }
    false
}

/// How a governing clause reaches an event (see [`governs`]).
#[derive(Debug, Clone, Copy, Default)]
struct Link {
    /// Through a complement: the event is reported or intended ("said Monday it would send").
    reported: bool,
    /// Through a "to" clause right after a noun ("… after the decision to halt aid").
    noun_to: bool,
}

/// True when clause head `up` governs `down` through complement, coordination or adverbial
/// clauses only ("said Tuesday it was sending troops", "met X and signed Y") — not through a
/// relative clause or a noun ("a trip during which he will meet"); a nominal event in an
/// adjunct of `up` counts too.
///
/// Returns `None` when it does not, else how the path runs: through a complement (`ccomp`,
/// `xcomp`: reported or intended by `up`, "offered on Saturday to meet") or a "to" clause
/// after a noun.
fn governs(t: &Tree, up: usize, down: usize) -> Option<Link> {
    let mut cur = down;
    let mut link = Link::default();
    for _ in 0..t.len() {
        if cur == up {
            return Some(link);
        }
        link.reported |= matches!(t.base_rel(cur), "ccomp" | "xcomp");
        // A "to" clause right after a noun most likely completes that noun ("the decision
        // to halt aid"), whatever the parse attached it to.
        link.noun_to |= t.base_rel(cur) == "advcl"
            && t.children(cur).iter().any(|&m| {
                t.base_rel(m) == "mark"
                    && t.nodes[m].lemma == "to"
                    && m > 0
                    && t.nodes[m - 1].upos == "NOUN"
            });
        // A nominal event in an adjunct takes its verb's time: "told X during a visit last week".
        let nominal_adjunct =
            cur == down && t.nodes[cur].upos == "NOUN" && t.base_rel(cur) == "obl";
        // A temporal clause has its own time: "met … since the dressing down of …" — except
        // a clause of simultaneity right under `up`, which shares its time: "offered the
        // invitation in February when the two met", "vanished two weeks ago while visiting"
        // (a finite "while" clause is as often a contrast).
        // An "after" clause too, as news dates what led to the reported act on that act's
        // day ("talks collapsed on Wednesday night after X refused to meet", "was killed
        // after gunmen fired"), unless a distance is stated ("11 days after").
        let measured = t.children(cur).iter().any(|&m| {
            t.nodes[m].deprel.ends_with(":npmod") || t.nodes[m].deprel.ends_with(":unmarked")
        });
        let simultaneous = t.head(cur) == Some(up)
            && t.children(cur).iter().any(|&m| {
                t.base_rel(m) == "mark"
                    && (t.nodes[m].lemma == "when"
                        || (t.nodes[m].lemma == "after" && !measured)
                        || (t.nodes[m].lemma == "while" && t.nodes[cur].xpos == "VBG"))
            });
        if (t.is_temporal_clause(cur) && !simultaneous)
            || (!nominal_adjunct
                && !matches!(
                    t.base_rel(cur),
                    "ccomp" | "xcomp" | "conj" | "advcl" | "parataxis"
                ))
        {
            return None;
        }
        match t.head(cur) {
            Some(h) => cur = h,
            None => return None,
        }
    }
    None
}

/// "a day before", "two weeks after" right before the trigger (possibly with a possessor
/// between: "a day before Trump's attack") after the anchoring expression (which ends at
/// byte `timex_end` of the sentence): the offset in days from the anchoring expression
/// to the event (`before` → the event is later: +N).
fn relative_offset(s: &Sentence, trig: usize, timex_end: usize) -> Option<i64> {
    let toks = &s.tokens;
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    // Find "before|after" within 3 tokens before the trigger.
    let k = (trig.saturating_sub(3)..trig)
        .rev()
        .find(|&i| matches!(w(i), "before" | "after"))?;
    // The anchoring expression must come before the phrase.
    if k < 2 || toks[k - 2].start < s.start + timex_end {
        return None;
    }
    let unit = match w(k - 1) {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return None,
    };
    let n: i64 = match w(k - 2) {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        d => d.parse().ok()?,
    };
    let sign = if w(k) == "before" { 1 } else { -1 };
    Some(sign * n * unit)
}

/// Within one article, an undated mention of an event takes the date of a dated mention of
/// the same event (same type, participants and status): "he will meet his counterpart …
/// The politicians will sit down on Thursday"; and a later meeting or talk between the same
/// two actors that is only dated by the publication date takes the date of the earlier
/// dated meeting ("… met Zelensky in Rome on Tuesday. The two leaders discussed …").
pub fn fill_within_article(events: &mut [EventRec]) {
    let key = |e: &EventRec| {
        let (a, b) = match e.target {
            Some(t) if is_symmetric(&e.etype) => (Some(t.min(e.source)), t.max(e.source)),
            t => (t, e.source),
        };
        (e.etype.clone(), a, b, e.status)
    };
    let dated: Vec<(usize, EventDate)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            e.date
                .as_ref()
                .filter(|d| d.how == DateSource::Explicit)
                .map(|d| (i, d.clone()))
        })
        .collect();
    // Indexes over `dated` (positions in it): by event key, the first; by the pair of a
    // consultation, its dated ones in order; by sentence, for the narrative window.
    let consult = |t: &str| matches!(t, "meet" | "talk" | "negotiate");
    let pair = |e: &EventRec| e.target.map(|t| (t.min(e.source), t.max(e.source)));
    let mut by_key: HashMap<_, usize> = HashMap::new();
    let mut by_pair: HashMap<((usize, usize), Status), Vec<usize>> = HashMap::new();
    let mut by_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, (j, _)) in dated.iter().enumerate() {
        let o = &events[*j];
        by_key.entry(key(o)).or_insert(n);
        if consult(&o.etype)
            && let Some(p) = pair(o)
        {
            by_pair.entry((p, o.status)).or_default().push(n);
        }
        by_sentence.entry(o.sentence).or_default().push(n);
    }
    for i in 0..events.len() {
        let undated = events[i].date.is_none();
        let publication = events[i]
            .date
            .as_ref()
            .is_some_and(|d| d.how == DateSource::Publication);
        // A carried-over date yields to an explicit date of the same event between the same
        // two actors (with no target, "the same event" is too loose: two appeals by one man).
        let inherited = events[i].target.is_some()
            && events[i]
                .date
                .as_ref()
                .is_some_and(|d| d.how == DateSource::Inherited);
        if !undated && !publication && !inherited {
            continue;
        }
        let k = key(&events[i]);
        // The same event mentioned again without a date (or with one only carried over).
        let same = by_key.get(&k).map(|&n| &dated[n]);
        if inherited {
            if let Some((_, d)) = same {
                let mut d = d.clone();
                d.how = DateSource::Inherited;
                events[i].date = Some(d);
            }
            continue;
        }
        // A later mention of a meeting between the same two actors ("The two leaders
        // discussed …", "after the meeting") refers to the dated meeting.
        let related = pair(&events[i])
            .filter(|_| consult(&events[i].etype))
            .and_then(|p| by_pair.get(&(p, events[i].status)))
            .and_then(|ns| ns.iter().map(|&n| &dated[n]).find(|(j, _)| *j < i));
        // The narrative reference time: an event of the previous two sentences that shares
        // an actor and has an explicit single-day date ("X visited Morocco on Wednesday. X
        // met Y in Rabat, officials said.").
        let shares = |o: &EventRec| {
            let e = &events[i];
            let ours = [Some(e.source), e.target];
            ours.contains(&Some(o.source)) || (o.target.is_some() && ours.contains(&o.target))
        };
        // What failed to happen sets the scene as well as what happened ("failed to agree
        // … on Friday. … It was Putin's first visit …").
        let same_frame =
            |a: Status, b: Status| a == b || matches!((a, b), (Status::Occurred, Status::Negated));
        let si = events[i].sentence;
        let narrative = (si.saturating_sub(2)..si)
            .rev()
            .filter_map(|s| by_sentence.get(&s))
            .flat_map(|ns| ns.iter().rev().map(|&n| &dated[n]))
            .find(|(j, d)| {
                let o = &events[*j];
                publication
                    && d.start == d.end
                    && same_frame(events[i].status, o.status)
                    && shares(o)
            });
        if let Some((_, d)) = same.or(related).or(narrative) {
            let mut d = d.clone();
            d.how = DateSource::Inherited;
            events[i].date = Some(d);
        }
    }
}

/// An event reported as happening but dated after publication ("next month when Xi and
/// Trump meet") has not happened yet: its status becomes planned. `published` is
/// `YYYY-MM-DD`; dates compare as ISO strings.
pub fn future_is_planned(events: &mut [EventRec], published: Option<&str>) {
    let Some(dct) = published else { return };
    for e in events.iter_mut() {
        if e.status == Status::Occurred
            && let Some(d) = &e.date
            && d.how == DateSource::Explicit
            && d.start.as_str() > dct
        {
            e.status = Status::Planned;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, EventRec};

    #[test]
    fn a_planned_event_takes_a_future_expression_of_its_sentence() {
        let lex = TimeLexicon::builtin();
        let dct: jiff::civil::Date = "2025-03-04".parse().expect("date");
        let sentence = |text: &str| Sentence {
            start: 0,
            end: text.len(),
            text: text.to_string(),
            tokens: Vec::new(),
            paragraph: 0,
            dateline: false,
        };
        let coded = |text: &str, trigger: &str, status: Status| CodedEvent {
            etype: "meet".into(),
            cameo: "040".into(),
            source: 0,
            target: Some(1),
            status,
            sentence: 0,
            trigger_token: 0,
            start: text.find(trigger).expect("trigger"),
            end: text.find(trigger).expect("trigger") + trigger.len(),
            trigger: trigger.into(),
            verbal: false,
            bare: false,
        };
        let pick = |text: &str, trigger: &str, status: Status| {
            let timexes = crate::time::tag(text, Some(dct), &lex);
            planned_fallback(
                &coded(text, trigger, status),
                &sentence(text),
                &timexes,
                Some(dct),
                &lex,
            )
            .map(|t| t.value.clone())
        };
        let text = "Officials said on Monday that the two sides would sit down for talks on prisoners and on shipping in Muscat in April.";
        assert_eq!(
            pick(text, "sit down", Status::Planned).as_deref(),
            Some("2025-04")
        );
        // Only for what is still to happen; only expressions after publication.
        assert_eq!(pick(text, "sit down", Status::Occurred), None);
        let text = "Officials said on Monday that the two sides would sit down for talks.";
        assert_eq!(pick(text, "sit down", Status::Planned), None);
        // A bound or the end of a span is no time of the act.
        let text = "Though the accord runs until 2030, the two are expected to start talks.";
        assert_eq!(pick(text, "talks", Status::Planned), None);
        let text = "The pact covers cooperation for 2026-2030, and the two will meet.";
        assert_eq!(pick(text, "meet", Status::Planned).as_deref(), None);
    }

    fn ev(date: &str, how: DateSource, status: Status) -> EventRec {
        EventRec {
            etype: "meet".into(),
            cameo: "040".into(),
            plover: None,
            goldstein: None,
            source: 0,
            target: Some(1),
            status,
            date: Some(EventDate {
                value: date.into(),
                timex: None,
                raw: None,
                start: date.into(),
                end: date.into(),
                how,
            }),
            sentence: 0,
            start: 0,
            end: 1,
            trigger: "meet".into(),
        }
    }

    #[test]
    fn an_aspectual_relative_clause_times_the_object() {
        // "Pahad co-chaired talks that ended Tuesday" / "… talks that Pahad praised Tuesday".
        let t = Tree::from_conll(
            "1 Pahad Pahad PROPN 2 nsubj\n2 co-chaired co-chair VERB 0 root\n3 talks talk NOUN 2 obj\n4 that that PRON 5 nsubj\n5 ended end VERB 3 acl:relcl\n6 Tuesday Tuesday PROPN 5 obl",
            0,
        )
        .expect("tree");
        assert!(aspectual_relative(&t, 4, 1, |l| TimeLexicon::builtin().is_aspectual(l)));
        let t = Tree::from_conll(
            "1 Pahad Pahad PROPN 2 nsubj\n2 co-chaired co-chair VERB 0 root\n3 talks talk NOUN 2 obj\n4 that that PRON 5 obj\n5 praised praise VERB 3 acl:relcl\n6 Tuesday Tuesday PROPN 5 obl",
            0,
        )
        .expect("tree");
        assert!(!aspectual_relative(&t, 4, 1, |l| TimeLexicon::builtin().is_aspectual(l)));
    }

    #[test]
    fn future_dates_make_plans() {
        let mut v = vec![
            ev("2017-05-10", DateSource::Explicit, Status::Occurred),
            ev("2017-04-01", DateSource::Explicit, Status::Occurred),
            ev("2017-05-10", DateSource::Explicit, Status::Negated),
        ];
        future_is_planned(&mut v, Some("2017-04-10"));
        assert_eq!(v[0].status, Status::Planned);
        assert_eq!(v[1].status, Status::Occurred);
        assert_eq!(v[2].status, Status::Negated);
    }

    #[test]
    fn a_failed_act_sets_the_scene_for_what_follows() {
        // "X and Y failed to agree … on Friday. … It was Y's first visit to X's country."
        let mut failed = ev("2025-08-15", DateSource::Explicit, Status::Negated);
        failed.etype = "agree".into();
        failed.cameo = "057".into();
        let mut visit = ev("2025-08-16", DateSource::Publication, Status::Occurred);
        visit.etype = "visit".into();
        visit.cameo = "042".into();
        visit.source = 1;
        visit.target = Some(2);
        visit.sentence = 2;
        let mut v = vec![failed, visit];
        fill_within_article(&mut v);
        let d = v[1].date.as_ref().expect("dated");
        assert_eq!(
            (d.value.as_str(), d.how),
            ("2025-08-15", DateSource::Inherited)
        );
        // A plan does not date what occurred.
        let mut plan = ev("2025-08-20", DateSource::Explicit, Status::Planned);
        plan.etype = "visit".into();
        let mut visit = ev("2025-08-16", DateSource::Publication, Status::Occurred);
        visit.sentence = 1;
        let mut v = vec![plan, visit];
        fill_within_article(&mut v);
        assert_eq!(
            v[1].date.as_ref().map(|d| d.value.as_str()),
            Some("2025-08-16")
        );
    }

    #[test]
    fn undated_mentions_take_the_dated_one() {
        let mut a = ev("2025-03-04", DateSource::Publication, Status::Planned);
        a.date = None;
        let b = ev("2025-03-06", DateSource::Explicit, Status::Planned);
        let mut v = vec![a, b];
        fill_within_article(&mut v);
        let d = v[0].date.as_ref().expect("inherited");
        assert_eq!(d.value, "2025-03-06");
        assert_eq!(d.how, DateSource::Inherited);
    }
}
