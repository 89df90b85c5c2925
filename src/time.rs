//! Temporal stage: finds temporal expressions in English news text and resolves them
//! against the document creation time (DCT).
//!
//! The output follows the TimeML TIMEX3 annotation scheme (types DATE, TIME, DURATION,
//! SET; ISO 8601 based values such as `2025-03-05`, `2025-W09`, `P3D`, `PRESENT_REF`)
//! and the TempEval-3 conventions for news: a bare weekday or month takes its year and
//! week from the tense of its clause, relative expressions are anchored on the DCT.
//!
//! Words live in `data/time_words.tsv` (see [`TimeLexicon`]); the grammar that combines
//! them is the set of regular expressions built in this module. All calendar arithmetic
//! is done with `jiff`. Nothing here panics on any input text.

use std::collections::{HashMap, HashSet};

use jiff::Span;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};
use serde::Serialize;

use crate::error::DataError;
use crate::syntax::Tree;

/// The four TIMEX3 types of the TimeML specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or a period named by calendar units ("April 14", "last week").
    Date,
    /// A time of day, possibly fuzzy ("10:30 a.m.", "Monday night", "tonight").
    Time,
    /// A length of time ("two-day", "for three days"); value like `P3D`.
    Duration,
    /// A recurring time ("every Monday", "weekly"); value like `P1W` or `XXXX-WXX-1`.
    Set,
}

impl TimexType {
    /// The TIMEX3 `type` attribute: `"DATE"`, `"TIME"`, `"DURATION"` or `"SET"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression found by [`tag`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte offset of the first byte of the expression in the text given to [`tag`].
    pub start: usize,
    /// Byte offset one past the last byte (exclusive); `&text[start..end] == self.text`.
    pub end: usize,
    /// The expression as written, its TIMEX3 extent: without the preposition that
    /// introduces it ("April 7", "February", "2027", "the weekend").
    pub text: String,
    /// The preposition before the expression that relates it to an event (TimeML's
    /// SIGNAL: "on", "in", "by", "since", "until", "over"…), lower-cased, if any.
    pub signal: Option<String>,
    /// TIMEX3 type.
    pub ttype: TimexType,
    /// TIMEX3 `value` (ISO 8601 based, TimeML/TempEval-3 conventions): `2025-03-05`,
    /// `2025-03-03TNI`, `2025-W09`, `2025-W09-WE`, `1997-04`, `1997`, `199` (a decade),
    /// `P2D`, `PT48H`, `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`, `XXXX-12-25`,
    /// `XXXX-WXX-3`; a resolved day range is written `YYYY-MM-DD/YYYY-MM-DD`.
    pub value: String,
    /// The calendar interval the expression denotes, first and last day both inclusive.
    /// `None` for durations, sets, generic references and anything not resolvable
    /// (for instance a relative expression when no DCT is known).
    #[serde(serialize_with = "ser_interval")]
    pub interval: Option<(Date, Date)>,
}

fn ser_interval<S: serde::Serializer>(iv: &Option<(Date, Date)>, s: S) -> Result<S::Ok, S::Error> {
    match iv {
        Some((a, b)) => s.serialize_some(&(a.to_string(), b.to_string())),
        None => s.serialize_none(),
    }
}

impl Timex {
    /// The expression's span as character offsets (Unicode scalar values) into the text
    /// given to [`tag`]: `(start, end)`, end exclusive, as TempEval-3 and `polgraph timex`
    /// report them.
    pub fn char_span(&self, text: &str) -> (usize, usize) {
        let start = text.get(..self.start).map_or(0, |p| p.chars().count());
        (start, start + self.text.chars().count())
    }
}

/// The precision of an inclusive calendar interval, for timelines: `"day"` (one day),
/// `"week"` (an ISO week, Monday to Sunday), `"month"`, `"quarter"`, `"half"` (of a year),
/// `"year"`, `"decade"` (whole calendar units), else `"days"` (any other span, such as a
/// weekend or "early March").
pub fn precision(start: Date, end: Date) -> &'static str {
    let whole_months = start.day() == 1 && end == end.last_of_month();
    let months = if whole_months {
        (i32::from(end.year()) - i32::from(start.year())) * 12 + i32::from(end.month())
            - i32::from(start.month())
            + 1
    } else {
        0
    };
    if start == end {
        "day"
    } else if start.weekday() == Weekday::Monday && days_between(start, end) == 6 {
        "week"
    } else if months == 1 {
        "month"
    } else if months == 3 && (start.month() - 1) % 3 == 0 {
        "quarter"
    } else if months == 6 && (start.month() - 1) % 6 == 0 {
        "half"
    } else if months == 12 && start.month() == 1 {
        "year"
    } else if months == 120 && start.month() == 1 && start.year() % 10 == 0 {
        "decade"
    } else {
        "days"
    }
}

/// Export form of an inclusive calendar interval (ISO 8601): `YYYY-MM-DD` for a single
/// day, `YYYY-MM` for exactly one whole calendar month, `YYYY` for exactly one whole
/// calendar year, otherwise `YYYY-MM-DD/YYYY-MM-DD` (first and last day, both inclusive).
pub fn interval_value(start: Date, end: Date) -> String {
    if start == end {
        fmt_date(start)
    } else if start == start.first_of_month() && end == start.last_of_month() {
        fmt_month(start)
    } else if start == start.first_of_year() && end == start.last_of_year() {
        fmt_year(start.year())
    } else {
        format!("{}/{}", fmt_date(start), fmt_date(end))
    }
}

// ---------------------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            _ => return None,
        })
    }

    /// ISO 8601 / TIMEX3 duration with `n` units (`n` may be `X` for "some").
    fn duration(self, n: &str) -> String {
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            // TimeML writes decades in years: "two decades" = P20Y, "decades" = PXY.
            Unit::Decade => match n.parse::<i64>() {
                Ok(k) => format!("P{}Y", k.saturating_mul(10)),
                Err(_) => format!("P{n}Y"),
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Mid,
    End,
    /// "earlier" (this week/month/year): from the start of the period up to the DCT.
    Earlier,
    /// "later" (this week/month/year): from the DCT to the end of the period.
    Later,
}

const DAYPARTS: [&str; 4] = ["MO", "AF", "EV", "NI"];
const REFS: [&str; 3] = ["PAST_REF", "PRESENT_REF", "FUTURE_REF"];

/// Word tables of the temporal tagger, loaded from `data/time_words.tsv`, together with
/// the regular expressions built from them.
///
/// File format: UTF-8, one entry per line, three tab-separated columns `word`, `kind`,
/// `value`; an optional header line `word<TAB>kind<TAB>value`; blank lines and lines
/// starting with `#` are ignored. Kinds: `month` (1..12), `weekday` (1..7, Monday = 1,
/// ISO 8601), `daypart` (TIMEX3 codes MO/AF/EV/NI), `relday` (day offset from the DCT,
/// optionally `:` and a daypart code), `number` (integer), `unit` (D/W/M/Y/H/MIN/DE),
/// `shift` (-1/0/1), `part` (START/MID/END), `set` (a TIMEX3 SET value), `ref`
/// (PAST_REF/PRESENT_REF/FUTURE_REF), `future_cue`, `past_cue`, `not_past`,
/// `count_noun`, `signal`, `reporting`, `aspectual`, `results_cue`, `annual_cue`, `money_cue`, `ahead_cue`,
/// `determiner`,
/// `deadline_signal`, `bound_signal`, `cutoff_signal`, `deadline_cue`, `future_signal`, `anaphoric` (value ignored, write `-`),
/// `ordinal`, `day_ordinal` (1..31), `day_prefix` (-7..7 days, or `W` for the ISO week),
/// `season`, `holiday`.
#[derive(Debug, Clone)]
pub struct TimeLexicon {
    months: HashMap<String, i8>,
    full_months: HashSet<String>,
    weekdays: HashMap<String, i8>,
    dayparts: HashMap<String, String>,
    reldays: HashMap<String, (i64, Option<String>)>,
    numbers: HashMap<String, i64>,
    units: HashMap<String, Unit>,
    shifts: HashMap<String, i8>,
    parts: HashMap<String, Part>,
    sets: HashMap<String, String>,
    refs: HashMap<String, String>,
    future_cues: Vec<Vec<String>>,
    past_cues: Vec<Vec<String>>,
    not_past: HashSet<String>,
    count_nouns: HashSet<String>,
    signals: HashSet<String>,
    ordinals: HashMap<String, i8>,
    seasons: HashMap<String, Season>,
    holidays: HashMap<String, Holiday>,
    reporting: HashSet<String>,
    aspectual: HashSet<String>,
    results_cues: Vec<Vec<String>>,
    annual_cues: Vec<Vec<String>>,
    money_cues: Vec<String>,
    ahead_cues: Vec<Vec<String>>,
    determiners: HashSet<String>,
    deadline_signals: HashSet<String>,
    bound_signals: HashSet<String>,
    cutoff_signals: HashSet<String>,
    deadline_cues: Vec<Vec<String>>,
    future_signals: Vec<Vec<String>>,
    anaphoric: HashSet<String>,
    day_ordinals: HashMap<String, i8>,
    /// Phrases before a day that shift it (`Some(±n)` days) or name its week (`None`).
    day_prefixes: HashMap<String, Option<i64>>,
    /// `day_prefixes` as a pattern anchored at the end of the text before a day.
    day_prefix_re: Option<Regex>,
    rules: Vec<(Rule, Regex)>,
}

/// A TIMEX3 season (northern hemisphere, meteorological: spring = March to May).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First and last day of the season that starts in year `y`.
    fn bounds(self, y: i16) -> Option<(Date, Date)> {
        let m = match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        };
        let a = Date::new(y, m, 1).ok()?;
        Some((a, add_months(a, 3)?.yesterday().ok()?))
    }
}

/// A holiday's day in a year: a fixed day, or the first given weekday on or after a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Holiday {
    month: i8,
    day: i8,
    weekday: Option<Weekday>,
}

impl Holiday {
    /// Parses `MM-DD` or `MM-DD+W` (W = 1..7, Monday = 1).
    fn parse(v: &str) -> Option<Holiday> {
        let (md, wd) = match v.split_once('+') {
            Some((md, w)) => (
                md,
                Some(Weekday::from_monday_one_offset(w.parse().ok()?).ok()?),
            ),
            None => (v, None),
        };
        let (m, d) = md.split_once('-')?;
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        Date::new(2000, month, day).ok()?;
        Some(Holiday {
            month,
            day,
            weekday: wd,
        })
    }

    fn in_year(self, y: i16) -> Option<Date> {
        let d = Date::new(y, self.month, self.day).ok()?;
        match self.weekday {
            Some(w) => d.yesterday().ok()?.nth_weekday(1, w).ok(),
            None => Some(d),
        }
    }
}

/// Lower-cases, maps the typographic apostrophe to `'` and collapses white space.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl TimeLexicon {
    /// Parses the text of a `time_words.tsv` file. `file` is the name used in errors.
    ///
    /// Errors (each a [`DataError`] with the 1-based line number): a line without exactly
    /// three tab-separated columns, an empty word, an unknown kind, a value that is not a
    /// number (or out of range) where a number is needed, an unknown unit, daypart, part
    /// or ref code. Line 0 is used when a pattern cannot be built from the tables.
    pub fn parse(src: &str, file: &str) -> Result<TimeLexicon, DataError> {
        let mut lx = TimeLexicon {
            months: HashMap::new(),
            full_months: HashSet::new(),
            weekdays: HashMap::new(),
            dayparts: HashMap::new(),
            reldays: HashMap::new(),
            numbers: HashMap::new(),
            units: HashMap::new(),
            shifts: HashMap::new(),
            parts: HashMap::new(),
            sets: HashMap::new(),
            refs: HashMap::new(),
            future_cues: Vec::new(),
            past_cues: Vec::new(),
            not_past: HashSet::new(),
            count_nouns: HashSet::new(),
            signals: HashSet::new(),
            ordinals: HashMap::new(),
            seasons: HashMap::new(),
            holidays: HashMap::new(),
            reporting: HashSet::new(),
            aspectual: HashSet::new(),
            results_cues: Vec::new(),
            annual_cues: Vec::new(),
            money_cues: Vec::new(),
            ahead_cues: Vec::new(),
            determiners: HashSet::new(),
            deadline_signals: HashSet::new(),
            bound_signals: HashSet::new(),
            cutoff_signals: HashSet::new(),
            deadline_cues: Vec::new(),
            future_signals: Vec::new(),
            anaphoric: HashSet::new(),
            day_ordinals: HashMap::new(),
            day_prefixes: HashMap::new(),
            day_prefix_re: None,
            rules: Vec::new(),
        };
        let mut seen_data = false;
        // (kind, word) → (line, value): a word listed twice in one kind must agree.
        let mut seen: HashMap<(String, String), (usize, String)> = HashMap::new();
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        for (idx, raw) in src.lines().enumerate() {
            let line = idx + 1;
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() != 3 {
                return Err(DataError::new(
                    file,
                    line,
                    format!(
                        "expected 3 tab-separated columns (word, kind, value), found {}",
                        cols.len()
                    ),
                ));
            }
            let (word, kind, value) = (cols[0].trim(), cols[1].trim(), cols[2].trim());
            if !seen_data && word == "word" && kind == "kind" && value == "value" {
                seen_data = true;
                continue;
            }
            seen_data = true;
            if word.is_empty() {
                return Err(DataError::new(file, line, "empty word"));
            }
            let key = norm(word);
            let err = |m: String| DataError::new(file, line, m);
            if let Some((first, v)) = seen.get(&(kind.to_string(), key.clone()))
                && v != value
            {
                return Err(err(format!(
                    "'{word}' is already a {kind} with value '{v}' (line {first}); one value per word and kind"
                )));
            }
            seen.insert((kind.to_string(), key.clone()), (line, value.to_string()));
            let int = |lo: i64, hi: i64| -> Result<i64, DataError> {
                match value.parse::<i64>() {
                    Ok(v) if (lo..=hi).contains(&v) => Ok(v),
                    Ok(v) => Err(err(format!(
                        "{kind} value {v} out of range {lo}..{hi} for '{word}'"
                    ))),
                    Err(_) => Err(err(format!(
                        "{kind} value '{value}' for '{word}' is not a number"
                    ))),
                }
            };
            match kind {
                "month" => {
                    let v = int(1, 12)? as i8;
                    lx.months.insert(key, v);
                }
                "weekday" => {
                    let v = int(1, 7)? as i8;
                    lx.weekdays.insert(key, v);
                }
                "daypart" => {
                    if !DAYPARTS.contains(&value) {
                        return Err(err(format!(
                            "daypart value '{value}' must be one of MO, AF, EV, NI"
                        )));
                    }
                    lx.dayparts.insert(key, value.to_string());
                }
                "relday" => {
                    let (n, dp) = match value.split_once(':') {
                        Some((n, dp)) => (n, Some(dp)),
                        None => (value, None),
                    };
                    let n: i64 = n.parse().map_err(|_| {
                        err(format!(
                            "relday value '{value}' for '{word}' is not a number"
                        ))
                    })?;
                    if !(-366..=366).contains(&n) {
                        return Err(err(format!("relday value {n} out of range -366..366")));
                    }
                    if let Some(dp) = dp
                        && !DAYPARTS.contains(&dp)
                    {
                        return Err(err(format!(
                            "relday daypart '{dp}' must be one of MO, AF, EV, NI"
                        )));
                    }
                    lx.reldays.insert(key, (n, dp.map(str::to_string)));
                }
                "number" => {
                    let v = int(0, 1_000_000)?;
                    lx.numbers.insert(key, v);
                }
                "unit" => {
                    let u = Unit::from_code(value).ok_or_else(|| {
                        err(format!(
                            "unit value '{value}' must be one of D, W, M, Q, Y, H, MIN, DE"
                        ))
                    })?;
                    lx.units.insert(key, u);
                }
                "shift" => {
                    let v = int(-1, 1)? as i8;
                    lx.shifts.insert(key, v);
                }
                "part" => {
                    let p = match value {
                        "START" => Part::Start,
                        "MID" => Part::Mid,
                        "END" => Part::End,
                        _ => {
                            return Err(err(format!(
                                "part value '{value}' must be START, MID or END"
                            )));
                        }
                    };
                    lx.parts.insert(key, p);
                }
                "set" => {
                    if !(value.starts_with('P') || value.starts_with("XXXX")) || value.len() < 3 {
                        return Err(err(format!(
                            "set '{word}' needs a TIMEX3 SET value such as P1D or XXXX-WXX-1, not '{value}'"
                        )));
                    }
                    lx.sets.insert(key, value.to_string());
                }
                "ref" => {
                    if !REFS.contains(&value) {
                        return Err(err(format!(
                            "ref value '{value}' must be PAST_REF, PRESENT_REF or FUTURE_REF"
                        )));
                    }
                    lx.refs.insert(key, value.to_string());
                }
                "future_cue" => lx
                    .future_cues
                    .push(key.split(' ').map(str::to_string).collect()),
                "past_cue" => lx
                    .past_cues
                    .push(key.split(' ').map(str::to_string).collect()),
                "not_past" => {
                    lx.not_past.insert(key);
                }
                "count_noun" => {
                    lx.count_nouns.insert(key);
                }
                "signal" => {
                    lx.signals.insert(key);
                }
                "reporting" => {
                    lx.reporting.insert(key);
                }
                "aspectual" => {
                    lx.aspectual.insert(key);
                }
                "results_cue" => lx
                    .results_cues
                    .push(key.split(' ').map(str::to_string).collect()),
                "annual_cue" => lx
                    .annual_cues
                    .push(key.split(' ').map(str::to_string).collect()),
                "determiner" => {
                    lx.determiners.insert(key);
                }
                "money_cue" => lx.money_cues.push(key),
                "ahead_cue" => lx
                    .ahead_cues
                    .push(key.split(' ').map(str::to_string).collect()),
                "deadline_signal" => {
                    lx.deadline_signals.insert(key);
                }
                "bound_signal" => {
                    lx.bound_signals.insert(key);
                }
                "cutoff_signal" => {
                    lx.cutoff_signals.insert(key);
                }
                "deadline_cue" => lx
                    .deadline_cues
                    .push(key.split(' ').map(str::to_string).collect()),
                "future_signal" => lx
                    .future_signals
                    .push(key.split(' ').map(str::to_string).collect()),
                "anaphoric" => {
                    lx.anaphoric.insert(key);
                }
                "ordinal" => {
                    let v = int(1, 4)? as i8;
                    lx.ordinals.insert(key, v);
                }
                "day_ordinal" => {
                    let v = int(1, 31)? as i8;
                    lx.day_ordinals.insert(key, v);
                }
                "day_prefix" => {
                    let v = if value == "W" {
                        None
                    } else {
                        Some(int(-7, 7)?)
                    };
                    lx.day_prefixes.insert(key, v);
                }
                "season" => {
                    let v = Season::from_code(value).ok_or_else(|| {
                        err(format!(
                            "season value '{value}' must be one of SP, SU, FA, WI"
                        ))
                    })?;
                    lx.seasons.insert(key, v);
                }
                "holiday" => {
                    let v = Holiday::parse(value).ok_or_else(|| {
                        err(format!(
                            "holiday value '{value}' must be MM-DD or MM-DD+W (W = 1..7, Monday = 1)"
                        ))
                    })?;
                    lx.holidays.insert(key, v);
                }
                other => {
                    return Err(err(format!(
                        "unknown kind '{other}' (expected month, weekday, daypart, relday, \
                         number, unit, shift, part, set, ref, future_cue, past_cue, \
                         not_past, count_noun, signal, ordinal, season, holiday, reporting, aspectual, \
                         results_cue, annual_cue, money_cue, ahead_cue, determiner, deadline_signal, bound_signal, deadline_cue \
                         future_signal, anaphoric, day_ordinal or day_prefix)"
                    )));
                }
            }
        }
        // The longest spelling of each month without a full stop is its full name ("June",
        // not "Jun."); only those stand alone.
        let mut longest: HashMap<i8, String> = HashMap::new();
        for (w, m) in &lx.months {
            let e = longest.entry(*m).or_default();
            let key = |x: &str| (!x.contains('.'), x.len());
            if key(w) > key(e) || (key(w) == key(e) && w < e) {
                *e = w.clone();
            }
        }
        lx.full_months = longest.into_values().collect();
        lx.rules = build_rules(&lx)
            .map_err(|e| DataError::new(file, 0, format!("cannot build pattern: {e}")))?;
        if !lx.day_prefixes.is_empty() {
            let pat = format!(
                r"(?i)\b(?P<p>{})\s+(?:the\s+)?$",
                alt(lx.day_prefixes.keys(), false)
            );
            lx.day_prefix_re = Some(Regex::new(&pat).map_err(|e| {
                DataError::new(file, 0, format!("cannot build day_prefix pattern: {e}"))
            })?);
        }
        Ok(lx)
    }

    /// True when lower-case `word`, right before a time expression, makes it a limit of a
    /// span rather than the time of an act (kind `bound_signal`: "until 2030", "since
    /// May").
    pub fn is_bound_signal(&self, word: &str) -> bool {
        self.bound_signals.contains(word)
    }

    /// True when lower-case `word`, right before a time expression, makes it the latest
    /// time of its own clause's act (kind `cutoff_signal`: "must decide by Oct. 15"). Such a
    /// time dates that act at most; it is no reference time for the sentences after it.
    pub fn is_cutoff_signal(&self, word: &str) -> bool {
        self.cutoff_signals.contains(word)
    }

    /// True when `lemma` is an aspectual verb (kind `aspectual`: begin, end, resume …): a
    /// relative clause headed by one on an event's object tells the event's time ("talks
    /// that ended Tuesday").
    pub fn is_aspectual(&self, lemma: &str) -> bool {
        self.aspectual.contains(lemma)
    }

    /// The lexicon shipped with polgraph (`data/time_words.tsv`, compiled in).
    ///
    /// Panics only if that shipped file is broken, which the unit tests rule out.
    pub fn builtin() -> TimeLexicon {
        const SRC: &str = include_str!("../data/time_words.tsv");
        match TimeLexicon::parse(SRC, "data/time_words.tsv") {
            Ok(l) => l,
            Err(e) => panic!("built-in time lexicon is invalid: {e}"),
        }
    }

    /// Splits a leading signal word ("on", "by"…) off the match `text[start..end]`:
    /// returns the start of the TIMEX3 extent and the signal, lower-cased.
    fn split_signal(&self, text: &str, start: usize, end: usize) -> (usize, Option<String>) {
        let m = &text[start..end];
        let Some(sp) = m.find(char::is_whitespace) else {
            return (start, None);
        };
        let first = norm(&m[..sp]);
        if !self.signals.contains(&first) {
            return (start, None);
        }
        let rest = m[sp..].trim_start();
        if rest.is_empty() {
            return (start, None);
        }
        (end - rest.len(), Some(first))
    }

    /// The signal word right before byte `start` of `text` ("since" in "since Monday"), if
    /// the word there is one.
    fn signal_before(&self, text: &str, start: usize) -> Option<String> {
        let before = text.get(..start)?;
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            return None;
        }
        let word: String = trimmed
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let w = norm(&word);
        self.signals.contains(&w).then_some(w)
    }

    /// A year written in digits ("1994") or spoken ("nineteen ninety-four", "nineteen
    /// hundred and five", "two thousand and one"); spoken years must lie in 1100..=2100.
    fn year_of(&self, s: &str) -> Option<i16> {
        if s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().ok();
        }
        let ws: Vec<String> = s
            .split(|c: char| c == '-' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| w != "hundred" && w != "and")
            .collect();
        let num = |w: &String| self.numbers.get(w).copied();
        let rest = |from: usize| -> Option<i64> { ws.get(from..)?.iter().map(num).sum() };
        let y = if ws.len() >= 2 && ws[0] == "two" && ws[1] == "thousand" {
            2000 + rest(2)?
        } else {
            num(ws.first()?)? * 100 + rest(1)?
        };
        if !(1100..=2100).contains(&y) {
            return None;
        }
        i16::try_from(y).ok()
    }

    /// The value of a number in digits, a number word, or a compound of a tens word and a
    /// ones word ("twenty four", "thirty-five" = 35).
    fn number(&self, s: &str) -> Option<i64> {
        if s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().ok();
        }
        let k = norm(s);
        if let Some(v) = self.numbers.get(&k) {
            return Some(*v);
        }
        let (t, o) = k.split_once(|c: char| c == '-' || c.is_whitespace())?;
        let t = *self.numbers.get(t.trim())?;
        let o = *self.numbers.get(o.trim())?;
        ((20..=90).contains(&t) && t % 10 == 0 && (1..=9).contains(&o)).then_some(t + o)
    }

    fn unit(&self, s: &str) -> Option<Unit> {
        let k = norm(s);
        self.units
            .get(&k)
            .or_else(|| k.strip_suffix('s').and_then(|k| self.units.get(k)))
            .copied()
    }
}

// ---------------------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Iso,
    Mdy,
    Dmy,
    MdRange,
    DmRange,
    Md,
    Dm,
    My,
    PartMonth,
    ShiftMonth,
    Month,
    WeekdayDate,
    Weekday,
    WeekdaySet,
    Relday,
    PartDay,
    Weekend,
    ShiftUnit,
    Ago,
    DurHyphen,
    Dur,
    DurPlural,
    SetEvery,
    SetTimes,
    SetWord,
    Year,
    PartYear,
    PeriodEnd,
    MonthRelYear,
    Decade,
    TimeAmPm,
    Time24,
    TimeMil,
    Noon,
    Ref,
    Quarter,
    QuarterGeneric,
    ResultsPeriod,
    Season,
    Holiday,
    Offset,
    YearAgoAdj,
    RecentUnits,
    TheYear,
    SpokenYear,
    Century,
}

/// Regex alternation of the given words, longest first; spaces match any white space.
/// With `boundary`, words ending in a word character get a trailing `\b`.
fn alt<'a>(words: impl Iterator<Item = &'a String>, boundary: bool) -> String {
    let mut ws: Vec<&String> = words.collect();
    if ws.is_empty() {
        return r"(?:[^\s\S])".to_string();
    }
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let items: Vec<String> = ws
        .iter()
        .map(|w| {
            let mut p = regex::escape(w).replace(' ', r"\s+");
            if boundary && w.chars().last().is_some_and(|c| c.is_alphanumeric()) {
                p.push_str(r"\b");
            }
            p
        })
        .collect();
    format!("(?:{})", items.join("|"))
}

fn build_rules(lx: &TimeLexicon) -> Result<Vec<(Rule, Regex)>, regex::Error> {
    let m = alt(lx.months.keys(), true);
    let w = alt(lx.weekdays.keys(), true);
    let w_nob = alt(lx.weekdays.keys().filter(|k| !k.ends_with('.')), false);
    let dp = alt(lx.dayparts.keys(), true);
    let dp_nob = alt(lx.dayparts.keys(), false);
    let rd = alt(lx.reldays.keys(), true);
    let n = alt(lx.numbers.keys(), true);
    // Number words without the articles "a"/"an", which only count after "for" or before "ago".
    let nn = alt(lx.numbers.keys().filter(|k| k.len() > 2), true);
    let u = alt(lx.units.keys(), false);
    let sh = alt(lx.shifts.keys(), true);
    let pt = alt(lx.parts.keys(), true);
    let set = alt(lx.sets.keys(), true);
    let rf = alt(lx.refs.keys(), true);
    let ordq = alt(lx.ordinals.keys(), true);
    let dord = alt(lx.day_ordinals.keys(), true);
    // Spoken years ("nineteen ninety-six") from the number words of the lexicon.
    let words_where = |f: &dyn Fn(i64) -> bool| {
        alt(
            lx.numbers
                .iter()
                .filter(|(w, v)| w.chars().all(char::is_alphabetic) && w.len() > 2 && f(**v))
                .map(|(w, _)| w),
            false,
        )
    };
    let centuries = words_where(&|v| (11..=20).contains(&v));
    let teens_tens =
        words_where(&|v| (10..=19).contains(&v) || (20..=90).contains(&v) && v % 10 == 0);
    let ones = words_where(&|v| (1..=9).contains(&v));
    // Decades in words from the tens of the lexicon: "twenty" → "twenties".
    let decade_words = alt(
        lx.numbers
            .iter()
            .filter(|(w, v)| (20..=90).contains(*v) && *v % 10 == 0 && w.ends_with('y'))
            .map(|(w, _)| format!("{}ies", &w[..w.len() - 1]))
            .collect::<Vec<_>>()
            .iter(),
        true,
    );
    let se = alt(lx.seasons.keys(), true);
    let hol = alt(lx.holidays.keys(), true);
    let ord = r"(?:st|nd|rd|th)?";
    let tz = r"(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|local\s+time)\b";
    // Compound number words first ("twenty four", "thirty-five"): the alternation is ordered.
    let tens = words_where(&|v| (20..=90).contains(&v) && v % 10 == 0);
    let compound = format!(r"{tens}[\s-]+{ones}\b");
    let num = format!(r"(?:{compound}|{n}|[0-9]{{1,3}})");
    // A year in digits or spoken, for "January nineteen ninety-seven", "the winter of
    // nineteen ninety-four" (read by `TimeLexicon::year_of`).
    let year = format!(
        r"(?:[0-9]{{4}}|(?:{centuries})[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?:{teens_tens})(?:[\s-]+(?:{ones}))?|two\s+thousand(?:\s+(?:and\s+)?(?:{nn}))?)"
    );
    let vague = r"(?P<vague>a\s+few|few|several|many|some)";
    let nnum = format!(r"(?:{compound}|{nn}|[0-9]{{1,3}})");
    let pats: Vec<(Rule, String)> = vec![
        (Rule::Iso, r"\b(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\b".into()),
        (
            Rule::Mdy,
            format!(r"\b(?:on\s+)?(?P<mon>{m})\s*(?P<d>[0-9]{{1,2}}){ord},?\s+(?P<y>[0-9]{{4}})\b"),
        ),
        (
            Rule::Dmy,
            format!(
                r"\b(?:on\s+)?(?:the\s+)?(?P<d>[0-9]{{1,2}}){ord}\s+(?:of\s+)?(?P<mon>{m}),?\s+(?P<y>[0-9]{{4}})\b"
            ),
        ),
        (
            Rule::MdRange,
            format!(
                r"\b(?:(?P<pre>from|between)\s+)?(?P<mon>{m})\s*(?P<d1>[0-9]{{1,2}}){ord}\s*(?P<sep>-|–|—|to\b|through\b|until\b|and\b)\s*(?:(?P<mon2>{m})\s*)?(?P<d2>[0-9]{{1,2}}){ord}\b(?:,?\s+(?P<y>[0-9]{{4}})\b)?"
            ),
        ),
        (
            Rule::DmRange,
            format!(
                r"\b(?:(?P<pre>from|between)\s+)?(?P<d1>[0-9]{{1,2}}){ord}\s*(?P<sep>-|–|—|to\b|and\b)\s*(?P<d2>[0-9]{{1,2}}){ord}\s+(?:of\s+)?(?P<mon>{m})(?:,?\s+(?P<y>[0-9]{{4}})\b)?"
            ),
        ),
        (
            Rule::Md,
            format!(r"\b(?:on\s+)?(?P<mon>{m})\s*(?:(?P<d>[0-9]{{1,2}}){ord}|\s(?:the\s+)?(?P<dw>{dord}))\b"),
        ),
        (
            Rule::Dm,
            format!(r"\b(?:on\s+)?(?:the\s+)?(?:(?P<d>[0-9]{{1,2}}){ord}\s+(?:of\s+)?|(?P<dw>{dord})\s+of\s+)(?P<mon>{m})"),
        ),
        (
            Rule::My,
            format!(
                r"\b(?:(?:in|of|since|by|until|during|from|before|after)\s+)?(?P<mon>{m})\s+(?:of\s+)?(?P<y>{year})\b"
            ),
        ),
        (
            Rule::PartMonth,
            format!(
                r"\b(?:(?:in|by|until|since|from|during)\s+)?(?P<part>{pt})(?:-|\s+)(?:of\s+)?(?P<mon>{m})(?:\s+(?:of\s+)?(?P<y>[0-9]{{4}})\b)?"
            ),
        ),
        (Rule::ShiftMonth, format!(r"\b(?P<sh>{sh})\s+(?P<mon>{m})")),
        (
            Rule::MonthRelYear,
            format!(
                r"\b(?P<mon>{m})\s+(?:of\s+)?(?P<sh>this|last|next)\s+year\b"
            ),
        ),
        (
            Rule::Month,
            format!(
                r"\b(?:(?P<pre>in|since|by|until|during|through|throughout|from|before|after|of|for)\s+)?(?P<mon>{m})"
            ),
        ),
        (
            Rule::WeekdayDate,
            format!(
                r"\b(?:on\s+)?(?P<wd>{w}),?\s+(?:(?P<mon>{m})\s*(?P<d>[0-9]{{1,2}}){ord}\b|(?P<d2>[0-9]{{1,2}}){ord}\s+(?:of\s+)?(?P<mon2>{m}))(?:,?\s+(?P<y>[0-9]{{4}})\b)?"
            ),
        ),
        (
            Rule::Weekday,
            format!(
                r"\b(?:(?P<sh>this\s+coming|this\s+past|{sh})\s+|(?P<part>{pt}|earlier|later)\s+(?:on\s+)?|on\s+)?(?P<wd>{w})(?:\s+(?P<dp>{dp}))?"
            ),
        ),
        (
            Rule::WeekdaySet,
            format!(
                r"\b(?:(?:every|each)\s+(?:other\s+)?(?P<wd1>{w})(?:\s+(?P<dp1>{dp_nob})s?\b)?|(?:on\s+)?(?P<wd2>{w_nob})s\b|(?:on\s+)?(?P<wd3>{w_nob})\s+(?P<dp3>{dp_nob})s\b)"
            ),
        ),
        (
            Rule::Relday,
            format!(r"\b(?:(?P<part>{pt}|earlier|later)\s+)?(?P<rd>{rd})(?:\s+(?P<dp>{dp}))?"),
        ),
        (
            Rule::PartDay,
            format!(r"\b(?P<part>{pt})(?:-|\s+)(?P<dp>{dp})"),
        ),
        (
            Rule::Weekend,
            format!(
                r"\b(?:(?:over|during|at|on|for)\s+)?(?:(?P<sh>this\s+past|this\s+coming|{sh})|the)\s+weekend\b"
            ),
        ),
        (
            Rule::ShiftUnit,
            format!(
                r"\b(?:(?P<part>{pt}|earlier|later)\s+(?:in\s+)?)?(?:(?:over|during|in|within|throughout|for)\s+)?(?P<the>the\s+)?(?P<sh>{sh})\s+(?:(?:fiscal|calendar)\s+)?(?P<u>{u})\b"
            ),
        ),
        (
            Rule::Ago,
            format!(r"\b(?:(?P<n>{num})|{vague})\s+(?P<u>{u})s?\s+(?:or\s+so\s+)?ago\b"),
        ),
        (
            Rule::DurHyphen,
            format!(
                r"\b(?:(?:(?P<n>{nnum})-|(?P<vague>several-|multi-?))(?P<u>{u})(?:-long)?|(?P<lu>{u})-?long)\b"
            ),
        ),
        (
            Rule::Dur,
            format!(
                r"\b(?:(?P<pre>for|over|within|in|during|throughout)\s+)?(?:the\s+)?(?:(?P<sh>{sh})\s+)?(?:(?P<n>{num})(?P<half>\s+1/2|\s+and\s+a\s+half)?|{vague})\s+(?:(?:more|additional|extra|further)\s+)?(?:(?:trading|business|working)\s+)?(?P<u>{u})s?\b(?P<half2>\s+and\s+a\s+half\b)?"
            ),
        ),
        (
            Rule::DurPlural,
            format!(r"\b(?:(?:for|over|in)\s+)?(?P<u>{u})s\b"),
        ),
        (
            Rule::RecentUnits,
            format!(r"\b(?P<w>recent|coming|past|future|the\s+past|the\s+coming|the\s+last)\s+(?P<u>{u})s\b"),
        ),
        (
            Rule::Quarter,
            format!(
                r"\b(?:the\s+|its\s+|a\s+)?(?:(?P<y0>[0-9]{{4}})\s+|(?P<rel>this|last|next)\s+year's\s+)?(?:fiscal(?:-|\s+))?(?P<ord>{ordq}|last)(?:-|\s+)(?:fiscal\s+)?(?P<u>quarter|half)\b(?:\s+of\s+(?:(?P<y>[0-9]{{4}})\b|(?:the\s+|this\s+)?(?P<yr>year|next\s+year|last\s+year)\b|(?:fiscal\s+)?(?P<y2>[0-9]{{4}})\b))?"
            ),
        ),
        (
            Rule::QuarterGeneric,
            r"\b(?P<det>the|its|that)\s+(?:(?P<adj>latest|most\s+recent|recent|past|previous|comparable|current)\s+)?(?:fiscal\s+)?(?:quarter|(?P<period>period))\b".into(),
        ),
        (
            Rule::ResultsPeriod,
            r"\b(?:the\s+)?(?:(?P<y>[0-9]{4})\s+(?:period|quarter)|(?:corresponding|comparable|same)\s+period\s+(?:of\s+)?(?:last|a)\s+year|last\s+year's\s+(?:quarter|period))\b".into(),
        ),
        (
            Rule::Season,
            format!(
                r"\b(?:(?P<pre>in|during|by|since|until|through|throughout|over|for)\s+)?(?:(?P<sh>this\s+past|this\s+coming|{sh})\s+|(?P<the>the\s+)?(?P<part>{pt})(?:-|\s+)|(?P<the2>the)\s+)?(?P<se>{se})(?:\s+(?:of\s+)?(?P<y>{year})\b)?"
            ),
        ),
        (
            Rule::Holiday,
            format!(r"\b(?:(?P<sh>{sh})\s+)?(?P<h>{hol})(?:,?\s+(?P<y>[0-9]{{4}})\b)?"),
        ),
        (
            Rule::Offset,
            format!(
                r"\b(?:(?P<n>{num})|{vague})\s+(?P<u>{u})s?\s+(?P<dir>earlier|later)\b"
            ),
        ),
        (
            Rule::PeriodEnd,
            r"\b(?:(?:the\s+)?(?P<pos>end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+)?(?P<u>year|month|week)|(?P<u2>year)(?:-|\s+|'s\s+)end)\b".into(),
        ),
        (
            Rule::TheYear,
            r"\bthe\s+(?:(?:full|fiscal|calendar)\s+)?year\b".into(),
        ),
        (
            Rule::SpokenYear,
            format!(
                r"\b(?:(?:the\s+)?year\s+|(?:in|since|by|until|of)\s+)?(?:(?P<c>{centuries})[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?P<t>{teens_tens})(?:[\s-]+(?P<o>{ones}))?|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<o2>{nn}))?)\b"
            ),
        ),
        (
            Rule::YearAgoAdj,
            format!(
                r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:earlier|ago)\b(?:\s+(?:(?P<ord>{ordq})\s+)?(?P<per>quarter|period|half)\b)?"
            ),
        ),
        (
            Rule::SetEvery,
            format!(
                r"\b(?:every|each)\s+(?:(?P<mon>{m})|(?P<se>{se})|(?:(?P<n>{nnum})\s+)?(?:(?P<u>{u})s?\b|(?P<dp>{dp_nob})s?\b))"
            ),
        ),
        (
            Rule::SetTimes,
            format!(
                r"\b(?P<k>once|twice|(?:{nnum})\s+times)\s+(?:a|an|per|every)\s+(?P<u>{u})\b"
            ),
        ),
        (Rule::SetWord, format!(r"\b(?P<s>{set})")),
        (
            Rule::Year,
            r"(?:\b(?P<pre>in|since|by|until|till|before|after|of|from|during|through|throughout|around)\s+)?(?:\b(?:the\s+year|fiscal(?:\s+year)?)\s+)?\b(?P<y>[0-9]{4})\b".into(),
        ),
        (
            Rule::PartYear,
            format!(
                r"\b(?:(?:in|by|until|since|from|during|before|after)\s+)?(?P<part>{pt})(?:-|\s+)(?P<y>[0-9]{{4}})\b"
            ),
        ),
        (
            Rule::Decade,
            format!(
                r"\b(?:(?:in|since|during|by|through|throughout|from)\s+)?(?:(?P<the>the)\s+)?(?:(?P<part>{pt})(?:-|\s+))?(?:(?P<dec>1[0-9]{{2}}|20[0-9])0s\b|['‘’](?P<d1>[2-9])0s\b|(?P<dw>{decade_words}))"
            ),
        ),
        (
            Rule::Century,
            format!(
                r"\b(?:the\s+)?(?:(?P<n>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<w>{dord}))(?:-|\s+)century\b"
            ),
        ),
        (
            Rule::TimeAmPm,
            format!(
                r"\b(?:at\s+)?(?P<h>[0-9]{{1,2}})(?:[:.](?P<mi>[0-9]{{2}}))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)(?:\s+{tz})?"
            ),
        ),
        (
            Rule::Time24,
            format!(r"\b(?:at\s+)?(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})\b(?:\s+{tz})?"),
        ),
        (
            Rule::TimeMil,
            format!(r"\b(?:at\s+)?(?P<h>[01][0-9]|2[0-3])(?P<mi>[0-5][0-9])\s+{tz}"),
        ),
        (Rule::Noon, r"\b(?:at\s+)?(?P<w>noon|midday|midnight)\b".into()),
        (Rule::Ref, format!(r"\b(?P<r>{rf})")),
    ];
    pats.into_iter()
        .map(|(r, p)| Regex::new(&format!("(?i){p}")).map(|re| (r, re)))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Tense of the clause around an expression
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
    Unknown,
}

struct Tok {
    w: String,
    lower: bool,
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut lower = false;
    for c in s.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' {
            if cur.is_empty() {
                lower = !c.is_uppercase();
            }
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(Tok {
                w: std::mem::take(&mut cur),
                lower,
            });
        }
    }
    if !cur.is_empty() {
        out.push(Tok { w: cur, lower });
    }
    out
}

/// Is the `.` at byte `i` of `text` the end of a sentence (not "Mr." or "U.S.")?
fn sentence_period(text: &str, i: usize) -> bool {
    let after = text.get(i + 1..).unwrap_or("");
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return false;
    }
    let before = text.get(..i).unwrap_or("");
    let run: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if run.is_empty() {
        return true;
    }
    if run.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let all_lower = run.chars().all(|c| !c.is_uppercase());
    (all_lower && run.chars().count() >= 2) || run.chars().count() >= 4
}

fn is_clause_break(text: &str, i: usize, c: char) -> bool {
    let digit_at = |j: Option<char>| j.is_some_and(|c| c.is_ascii_digit());
    match c {
        ';' | '!' | '?' | '\n' | '(' | ')' | '"' | '“' | '”' => true,
        ',' | ':' => {
            // "4,000" and "10:30" are not clause breaks.
            let prev = text.get(..i).and_then(|s| s.chars().next_back());
            let next = text.get(i + 1..).and_then(|s| s.chars().next());
            !(digit_at(prev) && digit_at(next))
        }
        '.' => sentence_period(text, i),
        _ => false,
    }
}

const STOP_AFTER: [&str; 13] = [
    "that", "which", "who", "and", "but", "when", "while", "because", "after", "before", "if",
    "as", "where",
];

impl TimeLexicon {
    fn cue_at(toks: &[Tok], i: usize, cues: &[Vec<String>]) -> bool {
        cues.iter().any(|c| {
            if c.len() == 1 && c[0].starts_with('\'') {
                return toks[i].w.ends_with(c[0].as_str());
            }
            c.len() <= toks.len() - i && c.iter().zip(&toks[i..]).all(|(a, b)| *a == b.w)
        })
    }

    fn past_at(&self, toks: &[Tok], i: usize) -> bool {
        if Self::cue_at(toks, i, &self.past_cues) {
            return true;
        }
        let t = &toks[i];
        t.lower
            && t.w.chars().count() >= 5
            && t.w.ends_with("ed")
            && t.w.chars().all(char::is_alphabetic)
            && !self.not_past.contains(&t.w)
    }

    /// Tense at token `i` if there is a cue there; a past participle is read as future
    /// when a future auxiliary precedes it in the verb group ("would be deployed"). A
    /// one-word cue right after a determiner is a noun, not a cue ("announced the plan
    /// Aug. 21").
    fn tense_at(&self, toks: &[Tok], i: usize) -> Option<Tense> {
        let noun = i > 0 && self.determiners.contains(&toks[i - 1].w);
        if !noun && Self::cue_at(toks, i, &self.future_cues) {
            return Some(Tense::Future);
        }
        if self.past_at(toks, i) {
            if (i.saturating_sub(3)..i).any(|j| Self::cue_at(toks, j, &self.future_cues)) {
                return Some(Tense::Future);
            }
            return Some(Tense::Past);
        }
        None
    }

    /// Whether the expression starting at byte `s` of `text` is a deadline that was set
    /// or moved: a `deadline_signal` ("until") among the 6 words before it and a
    /// `deadline_cue` ("extended", "postponed", "deadline") in the 12 words before that,
    /// within the clause ("postponed until Tuesday morning", "extended its offer until
    /// 5 p.m. Nov. 9"). Such a day lies ahead whatever the tense of the verb.
    fn deadline(&self, text: &str, s: usize) -> bool {
        let toks = tokens(text.get(..s).unwrap_or(""));
        let n = toks.len();
        let Some(u) = (n.saturating_sub(6)..n)
            .rev()
            .find(|&i| self.deadline_signals.contains(&toks[i].w))
        else {
            return false;
        };
        (u.saturating_sub(12)..u).any(|i| Self::cue_at(&toks, i, &self.deadline_cues))
    }

    /// Whether the words right before byte `s` of `text` are a `future_signal` ("as soon
    /// as Tuesday", "as early as May").
    fn future_signal_before(&self, text: &str, s: usize) -> bool {
        let toks = tokens(text.get(..s).unwrap_or(""));
        self.future_signals.iter().any(|c| {
            c.len() <= toks.len()
                && c.iter()
                    .zip(&toks[toks.len() - c.len()..])
                    .all(|(a, b)| *a == b.w)
        })
    }

    /// Whether an `ahead_cue` ("ahead of", "before") is among the 3 words right before
    /// byte `s` of `text`.
    fn ahead_before(&self, text: &str, s: usize) -> bool {
        let toks = tokens(text.get(..s).unwrap_or(""));
        let n = toks.len();
        (n.saturating_sub(3)..n).any(|i| Self::cue_at(&toks, i, &self.ahead_cues))
    }

    /// Whether `text` reads as a report of periodic (quarterly) results: it has a
    /// `results_cue` ("net", "a share", "revenue"), a `money_cue` (an amount: "$",
    /// "million", "cents") and no `annual_cue` ("nine months", "for the year"). There "a
    /// year ago" is the year-ago quarter (TimeBank's WSJ convention).
    fn results_report(&self, text: &str) -> bool {
        let toks = tokens(text);
        let has = |cues: &[Vec<String>]| (0..toks.len()).any(|i| Self::cue_at(&toks, i, cues));
        let money = self.money_cues.iter().any(|m| {
            if m.chars().any(char::is_alphanumeric) {
                toks.iter().any(|t| t.w == *m)
            } else {
                text.contains(m.as_str())
            }
        });
        money && has(&self.results_cues) && !has(&self.annual_cues)
    }

    /// Tense of the clause containing `text[start..end]`: the nearest cue before the
    /// expression within its clause (at most 10 words), else the first cue in the words
    /// right after it (at most 6, up to the next clause break or subordinator).
    fn tense(&self, text: &str, start: usize, end: usize) -> Tense {
        let before = &text[..start];
        let mut cs = 0;
        for (i, c) in before.char_indices().rev() {
            if is_clause_break(text, i, c) {
                cs = i + c.len_utf8();
                break;
            }
        }
        let toks = tokens(&text[cs..start]);
        let from = toks.len().saturating_sub(10);
        let toks = &toks[from..];
        for i in (0..toks.len()).rev() {
            if let Some(t) = self.tense_at(toks, i) {
                return t;
            }
        }
        // After the expression: skip one clause break directly after it.
        let after = &text[end..];
        let trimmed = after.trim_start();
        let mut off = end + (after.len() - trimmed.len());
        if trimmed.starts_with([',', ':']) {
            off += 1;
        }
        let rest = &text[off..];
        let mut stop = rest.len();
        for (i, c) in rest.char_indices() {
            if is_clause_break(text, off + i, c) {
                stop = i;
                break;
            }
        }
        let mut toks = tokens(&rest[..stop]);
        if let Some(p) = toks.iter().position(|t| STOP_AFTER.contains(&t.w.as_str())) {
            toks.truncate(p);
        }
        toks.truncate(6);
        for i in 0..toks.len() {
            if let Some(t) = self.tense_at(&toks, i) {
                return t;
            }
        }
        Tense::Unknown
    }
}

// ---------------------------------------------------------------------------------------
// Calendar helpers (all arithmetic by jiff)
// ---------------------------------------------------------------------------------------

fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

fn fmt_year(y: i16) -> String {
    format!("{y:04}")
}

fn fmt_week(d: Date) -> String {
    let iso = d.iso_week_date();
    format!("{:04}-W{:02}", iso.year(), iso.week())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

fn add_years(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_years(n).ok()?).ok()
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b)
        .map(|s| i64::from(s.get_days()))
        .unwrap_or(i64::MAX)
}

/// Monday and Sunday of the ISO week containing `d`.
fn week_bounds(d: Date) -> Option<(Date, Date)> {
    let iso = d.iso_week_date();
    Some((
        iso.first_of_week().ok()?.date(),
        iso.last_of_week().ok()?.date(),
    ))
}

fn year_bounds(y: i16) -> Option<(Date, Date)> {
    let d = Date::new(y, 1, 1).ok()?;
    Some((d, d.last_of_year()))
}

fn month_bounds(d: Date) -> (Date, Date) {
    (d.first_of_month(), d.last_of_month())
}

/// Of `cands` (intervals, first and last day), the one the tense points to: the latest
/// begun by the DCT for the past, the earliest not yet over for the future, else the
/// nearest (an interval containing the DCT is at distance 0; ties go to the earlier).
fn pick_period(cands: &[(Date, Date)], dct: Date, tense: Tense) -> Option<(Date, Date)> {
    let dist = |(a, b): (Date, Date)| {
        if dct < a {
            days_between(dct, a)
        } else if dct > b {
            days_between(b, dct)
        } else {
            0
        }
    };
    match tense {
        Tense::Past => cands.iter().copied().filter(|(a, _)| *a <= dct).max(),
        Tense::Future => cands.iter().copied().filter(|(_, b)| *b >= dct).min(),
        Tense::Unknown => None,
    }
    .or_else(|| cands.iter().copied().min_by_key(|iv| (dist(*iv), iv.0)))
}

/// First day of the calendar quarter containing `d`.
fn quarter_start(d: Date) -> Option<Date> {
    Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).ok()
}

/// `YYYY-Qn` and the interval of the quarter that starts on `start`.
fn quarter_res(start: Date) -> Res {
    let q = (start.month() - 1) / 3 + 1;
    let end = add_months(start, 3).and_then(|x| x.yesterday().ok());
    (
        TimexType::Date,
        format!("{:04}-Q{q}", start.year()),
        end.map(|e| (start, e)),
    )
}

/// The granularity of a calendar value: what an anaphoric expression inherits from its
/// reference time ("a year earlier" after "the third quarter" is a quarter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gran {
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
}

impl Gran {
    fn of_unit(u: Unit) -> Gran {
        match u {
            Unit::Minute | Unit::Hour | Unit::Day => Gran::Day,
            Unit::Week => Gran::Week,
            Unit::Month => Gran::Month,
            Unit::Quarter => Gran::Quarter,
            Unit::Year | Unit::Decade => Gran::Year,
        }
    }

    /// The granularity of a TIMEX3 DATE value (`2025-03-04`, `2025-W09`, `2025-03`,
    /// `2025-Q1`, `2025-H2`, `2025`), `None` for anything else.
    fn of_value(v: &str) -> Option<Gran> {
        let b = v.as_bytes();
        if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(match &v[4..] {
            "" => Gran::Year,
            r if r.len() == 3 && r.starts_with("-Q") => Gran::Quarter,
            r if r.len() == 3 && r.starts_with("-H") => Gran::Half,
            r if r.len() == 4 && r.starts_with("-W") => Gran::Week,
            r if r.len() == 3 => Gran::Month,
            r if r.len() == 6 => Gran::Day,
            _ => return None,
        })
    }

    /// Value and interval of the period of this granularity that contains `d`.
    fn res(self, d: Date) -> Option<Res> {
        Some(match self {
            Gran::Day => (TimexType::Date, fmt_date(d), Some((d, d))),
            Gran::Week => (TimexType::Date, fmt_week(d), week_bounds(d)),
            Gran::Month => (TimexType::Date, fmt_month(d), Some(month_bounds(d))),
            Gran::Quarter => quarter_res(quarter_start(d)?),
            Gran::Half => {
                let h = if d.month() <= 6 { 1 } else { 2 };
                let a = Date::new(d.year(), (h - 1) * 6 + 1, 1).ok()?;
                let b = add_months(a, 6)?.yesterday().ok()?;
                (
                    TimexType::Date,
                    format!("{:04}-H{h}", d.year()),
                    Some((a, b)),
                )
            }
            Gran::Year => (TimexType::Date, fmt_year(d.year()), year_bounds(d.year())),
        })
    }
}

/// The period of granularity `g` around `d` shifted by `n` units `u`.
fn shift_at(d: Date, g: Gran, n: i64, u: Unit) -> Option<Res> {
    let d2 = match u {
        Unit::Minute | Unit::Hour => d,
        Unit::Day => add_days(d, n)?,
        Unit::Week => add_days(d, n.checked_mul(7)?)?,
        Unit::Month => add_months(d, n)?,
        Unit::Quarter => add_months(d, n.checked_mul(3)?)?,
        Unit::Year => add_years(d, n)?,
        Unit::Decade => add_years(d, n.checked_mul(10)?)?,
    };
    g.res(d2)
}

#[derive(Clone, Copy)]
enum Dir {
    OnOrBefore,
    OnOrAfter,
    Before,
    After,
}

fn weekday_near(dct: Date, wd: Weekday, dir: Dir) -> Option<Date> {
    match dir {
        Dir::OnOrBefore => dct.tomorrow().ok()?.nth_weekday(-1, wd).ok(),
        Dir::OnOrAfter => dct.yesterday().ok()?.nth_weekday(1, wd).ok(),
        Dir::Before => dct.nth_weekday(-1, wd).ok(),
        Dir::After => dct.nth_weekday(1, wd).ok(),
    }
}

/// Narrows `(a, b)` to the part of it named by `part`; `dct` is needed for
/// earlier/later. Thirds: days 1-10/11-20/21-end of a month, Jan-Apr/May-Aug/Sep-Dec
/// of a year, Mon-Tue/Wed-Thu/Fri-Sun of a week, years 0-3/4-6/7-9 of a decade.
fn narrow(a: Date, b: Date, unit: Unit, part: Option<Part>, dct: Date) -> Option<(Date, Date)> {
    let Some(part) = part else {
        return Some((a, b));
    };
    let thirds = |s1: Span, s2: Span| -> Option<(Date, Date)> {
        let m1 = a.checked_add(s1).ok()?;
        let m2 = a.checked_add(s2).ok()?;
        Some(match part {
            Part::Start => (a, m1.yesterday().ok()?),
            Part::Mid => (m1, m2.yesterday().ok()?),
            _ => (m2, b),
        })
    };
    match part {
        Part::Earlier => Some((a, dct.clamp(a, b))),
        Part::Later => Some((dct.clamp(a, b), b)),
        _ => match unit {
            Unit::Month => thirds(Span::new().days(10), Span::new().days(20)),
            Unit::Year => thirds(Span::new().months(4), Span::new().months(8)),
            Unit::Week => thirds(Span::new().days(2), Span::new().days(4)),
            Unit::Decade => thirds(Span::new().years(4), Span::new().years(7)),
            _ => Some((a, b)),
        },
    }
}

// ---------------------------------------------------------------------------------------
// Tagging
// ---------------------------------------------------------------------------------------

/// Tense of the predicate that the expression at tree offsets `[s, e)` modifies, read
/// from the parse (UD relations, PTB tags): `will`/`shall` and modal auxiliaries → future;
/// a past auxiliary or copula, a past-tense or perfect verb → past; a present-tense verb
/// or copula other than a verb of saying ("meet Monday", "expire Nov. 21", "is payable
/// Jan. 2") → future, as news writes schedules in the present. An expression inside a
/// noun phrase ("the Jan. 14 deadline") has no tense of its own: `Unknown`.
///
/// `None` when the tree does not cover the expression.
fn tree_tense(tree: &Tree, s: usize, e: usize, reporting: &HashSet<String>) -> Option<Tense> {
    if tree.is_empty() {
        return None;
    }
    let h = tree.span_head(s, e)?;
    let is_pred = |p: usize| {
        matches!(tree.nodes[p].upos.as_str(), "VERB" | "AUX")
            || tree
                .children(p)
                .iter()
                .any(|&c| matches!(tree.base_rel(c), "cop" | "aux"))
    };
    let mut cur = h;
    for _ in 0..3 {
        let rel = tree.base_rel(cur);
        let Some(p) = tree.head(cur) else {
            return Some(Tense::Unknown);
        };
        if matches!(rel, "compound" | "amod" | "nummod" | "det") || tree.rel_is(cur, "nmod:poss") {
            return Some(Tense::Unknown);
        }
        if !matches!(
            rel,
            "obl" | "nmod" | "advmod" | "appos" | "conj" | "flat" | "dep"
        ) {
            return None;
        }
        if is_pred(p) {
            // Punctuation between the predicate and the expression: the attachment is a
            // guess ("declared a dividend, payable Dec. 15"); leave it to the words.
            let (a, b) = if p < h { (p, h) } else { (h, p) };
            let punct = (a + 1..b).any(|i| {
                tree.nodes[i].upos == "PUNCT"
                    && !matches!(tree.nodes[i].form.as_str(), "." | "'" | "’" | "-" | "–")
            });
            if punct {
                return None;
            }
            return Some(predicate_tense(tree, p, reporting, 0));
        }
        cur = p;
    }
    Some(Tense::Unknown)
}

fn predicate_tense(tree: &Tree, p: usize, reporting: &HashSet<String>, depth: usize) -> Tense {
    let n = &tree.nodes[p];
    let auxes: Vec<&crate::syntax::Node> = tree
        .children(p)
        .iter()
        .filter(|&&c| matches!(tree.base_rel(c), "aux" | "cop"))
        .map(|&c| &tree.nodes[c])
        .collect();
    // "could" is as often the past of "can" ("could not be located Wednesday").
    if auxes.iter().any(|a| {
        matches!(a.lemma.as_str(), "will" | "shall")
            || a.form.eq_ignore_ascii_case("'ll")
            || (a.xpos == "MD" && !a.form.eq_ignore_ascii_case("could"))
    }) {
        return Tense::Future;
    }
    let infinitive = tree
        .kids_rel(p, "mark")
        .any(|m| tree.nodes[m].lemma == "to");
    if infinitive && auxes.iter().any(|a| a.lemma == "be") {
        return Tense::Future; // "were to meet Wednesday", "is to visit"
    }
    if auxes.iter().any(|a| a.xpos == "VBD") {
        return Tense::Past;
    }
    if auxes
        .iter()
        .any(|a| a.lemma == "have" && matches!(a.xpos.as_str(), "VBZ" | "VBP"))
    {
        return Tense::Past;
    }
    let present_aux = auxes
        .iter()
        .any(|a| matches!(a.xpos.as_str(), "VBZ" | "VBP"));
    // A present passive schedules like a present verb ("it is scheduled for completion
    // by Dec. 10", "the bill is debated Tuesday"); perfect and past auxiliaries are
    // handled above.
    let present_passive = n.xpos == "VBN"
        && auxes
            .iter()
            .any(|a| a.lemma == "be" && matches!(a.xpos.as_str(), "VBZ" | "VBP"));
    let xpos = if present_passive {
        "VBZ"
    } else {
        n.xpos.as_str()
    };
    match xpos {
        "VBD" | "VBN" => Tense::Past,
        "VBZ" | "VBP" if reporting.contains(&n.lemma) => Tense::Unknown,
        // A present tense in an adverbial or coordinated clause of a past verb is most
        // likely a tagging error ("met with his top aides Wednesday": "aides" as a verb).
        "VBZ" | "VBP"
            if matches!(tree.base_rel(p), "advcl" | "conj" | "acl")
                && tree.head(p).is_some_and(|g| tree.nodes[g].xpos == "VBD") =>
        {
            Tense::Past
        }
        "VBZ" | "VBP" => Tense::Future,
        "VBG" if present_aux => Tense::Future,
        "VB" if depth < 3
            && tree
                .kids_rel(p, "mark")
                .any(|m| tree.nodes[m].lemma == "to") =>
        {
            // "plans to hold a news conference Tuesday": the governing verb's tense,
            // but a past plan leaves the date open, unless it is a past perfect: "had
            // been due to expire Friday" is over.
            match tree.head(p) {
                Some(g) => match predicate_tense(tree, g, reporting, depth + 1) {
                    Tense::Past if past_perfect(tree, g) => Tense::Past,
                    Tense::Past => Tense::Unknown,
                    t => t,
                },
                None => Tense::Unknown,
            }
        }
        _ if present_aux && n.upos != "VERB" => Tense::Future,
        _ => Tense::Unknown,
    }
}

/// Whether the predicate `p` has a past-perfect auxiliary ("had been due", "had planned").
fn past_perfect(tree: &Tree, p: usize) -> bool {
    tree.children(p).iter().any(|&c| {
        tree.base_rel(c) == "aux" && tree.nodes[c].lemma == "have" && tree.nodes[c].xpos == "VBD"
    })
}

struct Cx<'a> {
    text: &'a str,
    dct: Option<Date>,
    lex: &'a TimeLexicon,
    /// The sentence's parse and the offset of `text` in the tree's coordinates.
    tree: Option<(&'a Tree, usize)>,
}

type Res = (TimexType, String, Option<(Date, Date)>);

fn cap<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn parse_i8(s: &str) -> Option<i8> {
    s.parse().ok()
}

fn parse_i16(s: &str) -> Option<i16> {
    s.parse().ok()
}

impl Cx<'_> {
    /// Tense of the clause of `text[s..e]`: from the parse when there is one (the predicate
    /// the expression modifies), else from the words around it.
    fn tense(&self, s: usize, e: usize) -> Tense {
        if self.lex.deadline(self.text, s) || self.lex.future_signal_before(self.text, s) {
            return Tense::Future;
        }
        if let Some((tree, base)) = self.tree
            && let Some(t) = tree_tense(tree, base + s, base + e, &self.lex.reporting)
            && t != Tense::Unknown
        {
            return t;
        }
        self.lex.tense(self.text, s, e)
    }

    fn month(&self, s: &str) -> Option<i8> {
        if !capitalised(s) {
            return None;
        }
        self.lex.months.get(&norm(s)).copied()
    }

    fn full_month(&self, s: &str) -> Option<i8> {
        if !self.lex.full_months.contains(&norm(s)) {
            return None;
        }
        self.month(s)
    }

    fn weekday(&self, s: &str) -> Option<Weekday> {
        if !capitalised(s) {
            return None;
        }
        let n = self.lex.weekdays.get(&norm(s)).copied()?;
        Weekday::from_monday_one_offset(n).ok()
    }

    fn part(&self, s: Option<&str>) -> Option<Part> {
        let s = norm(s?);
        match s.as_str() {
            "earlier" => Some(Part::Earlier),
            "later" => Some(Part::Later),
            _ => self.lex.parts.get(&s).copied(),
        }
    }

    fn shift(&self, s: &str) -> Option<i8> {
        let s = norm(s);
        match s.as_str() {
            "this coming" => Some(1),
            "this past" => Some(-1),
            _ => self.lex.shifts.get(&s).copied(),
        }
    }

    fn after(&self, end: usize) -> &str {
        self.text.get(end..).unwrap_or("")
    }

    fn followed_by_digit(&self, end: usize) -> bool {
        self.after(end)
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    }

    /// Next word after `end` (lower-cased), if the text goes on with white space and a word.
    fn next_word(&self, end: usize) -> Option<String> {
        let a = self.after(end);
        let t = a.trim_start();
        if t.len() == a.len() {
            return None;
        }
        tokens(t).into_iter().next().map(|t| t.w)
    }

    /// Resolves a day of a month without a year by the tense of the clause.
    /// `s` is the start of the expression: after "ended" (a completed period, "the year
    /// ended March 31") a past tense is kept however far back.
    fn month_day(
        &self,
        m: i8,
        d: i8,
        tense: Tense,
        s: usize,
    ) -> Option<(String, Option<(Date, Date)>)> {
        Date::new(2000, m, d).ok()?; // never a valid date ("February 30")
        let Some(dct) = self.dct else {
            return Some((format!("XXXX-{m:02}-{d:02}"), None));
        };
        let cands: Vec<Date> = (-1..=1)
            .filter_map(|k| Date::new(dct.year().checked_add(k)?, m, d).ok())
            .collect();
        let nearest = || {
            cands
                .iter()
                .copied()
                .min_by_key(|c| (days_between(dct, *c).saturating_abs(), *c > dct))
        };
        // News mostly reports the past: without a tense cue, a future reading is taken only
        // when it is within two months of the DCT.
        // A past day more than eleven months back is, without a year, almost never meant
        // when the same day is at most a month ahead (news names such a day with its
        // year): the clause's tense was misread ("extended its offer to Nov. 20"), so the
        // coming day is taken instead; likewise a future day more than eleven months ahead
        // yields to the past one ("the oath they swore on January 16" in February).
        let completed = tokens(self.text.get(..s).unwrap_or(""))
            .last()
            .is_some_and(|t| t.w == "ended");
        let pick = match tense {
            Tense::Future => cands
                .iter()
                .copied()
                .filter(|c| *c >= dct && days_between(dct, *c) <= 334)
                .min(),
            Tense::Past => cands
                .iter()
                .copied()
                .filter(|c| *c <= dct && (completed || days_between(*c, dct) <= 334))
                .max(),
            Tense::Unknown => nearest()
                .filter(|c| *c <= dct || days_between(dct, *c) <= 62)
                .or_else(|| cands.iter().copied().filter(|c| *c <= dct).max()),
        }
        .or_else(nearest)?;
        Some((fmt_date(pick), Some((pick, pick))))
    }

    /// First day of the month `m` nearest to the DCT in the direction of the tense.
    fn month_start(&self, dct: Date, m: i8, tense: Tense) -> Option<Date> {
        let cur = dct.first_of_month();
        let cands: Vec<Date> = (-1..=1)
            .filter_map(|k| Date::new(dct.year().checked_add(k)?, m, 1).ok())
            .collect();
        let nearest = || {
            cands
                .iter()
                .copied()
                .min_by_key(|c| (days_between(cur, *c).saturating_abs(), *c > cur))
        };
        match tense {
            Tense::Future => cands.iter().copied().filter(|c| *c >= cur).min(),
            // As for days, a bare month ten or more months back yields to the nearest
            // ("talks to conclude by May" in March); a month ten months ahead is often
            // meant ("will take effect in March", said in May).
            Tense::Past => cands
                .iter()
                .copied()
                .filter(|c| *c <= cur && days_between(*c, cur) < 290)
                .max(),
            // As for days: the past unless one of the next two months is meant (in the
            // gold cases a bare month two months ahead is three times as common as one
            // ten months back).
            Tense::Unknown => nearest()
                .filter(|c| *c <= cur || days_between(cur, *c) <= 62)
                .or_else(|| cands.iter().copied().filter(|c| *c <= cur).max()),
        }
        .or_else(nearest)
    }

    fn date_res(d: Date) -> Res {
        (TimexType::Date, fmt_date(d), Some((d, d)))
    }

    fn apply(&self, rule: Rule, c: &Captures, s: usize, e: usize) -> Option<Res> {
        let lex = self.lex;
        let dct = self.dct;
        let tense = || self.tense(s, e);
        match rule {
            Rule::Iso => {
                let d = Date::new(
                    parse_i16(cap(c, "y")?)?,
                    parse_i8(cap(c, "m")?)?,
                    parse_i8(cap(c, "d")?)?,
                )
                .ok()?;
                Some(Self::date_res(d))
            }
            Rule::Mdy | Rule::Dmy => {
                let m = self.month(cap(c, "mon")?)?;
                let d = Date::new(parse_i16(cap(c, "y")?)?, m, parse_i8(cap(c, "d")?)?).ok()?;
                Some(Self::date_res(d))
            }
            Rule::MdRange | Rule::DmRange => {
                let sep = norm(cap(c, "sep")?);
                let pre = cap(c, "pre").map(norm);
                if (sep == "and") != (pre.as_deref() == Some("between")) {
                    return None;
                }
                let m1 = self.month(cap(c, "mon")?)?;
                let m2 = match cap(c, "mon2") {
                    Some(x) => self.month(x)?,
                    None => m1,
                };
                let d1 = parse_i8(cap(c, "d1")?)?;
                let d2 = parse_i8(cap(c, "d2")?)?;
                Date::new(2000, m1, d1).ok()?;
                Date::new(2000, m2, d2).ok()?;
                let y = match cap(c, "y") {
                    Some(y) => Some(parse_i16(y)?),
                    None => None,
                };
                let first = match (y, dct) {
                    (Some(y), _) => Date::new(y, m1, d1).ok()?,
                    (None, Some(_)) => self.month_day(m1, d1, tense(), s)?.1?.0,
                    (None, None) => {
                        let v = format!("XXXX-{m1:02}-{d1:02}/XXXX-{m2:02}-{d2:02}");
                        return Some((TimexType::Date, v, None));
                    }
                };
                let mut last = Date::new(first.year(), m2, d2).ok()?;
                if last < first {
                    if m2 == m1 {
                        return None;
                    }
                    last = add_years(last, 1)?; // "December 30 to January 2"
                }
                Some((
                    TimexType::Date,
                    interval_value(first, last),
                    Some((first, last)),
                ))
            }
            Rule::Md | Rule::Dm => {
                let m = self.month(cap(c, "mon")?)?;
                // "March 8", "March eighth", "the eighth of March".
                let d = match cap(c, "dw") {
                    Some(w) => *lex.day_ordinals.get(&norm(w))?,
                    None => parse_i8(cap(c, "d")?)?,
                };
                let a = self.after(e);
                if a.starts_with([',', '.', ':'])
                    && a[1..].starts_with(|c: char| c.is_ascii_digit())
                {
                    return None; // "March 4,000", "May 2.5"
                }
                if rule == Rule::Dm {
                    let b = self.text[..s].trim_end_matches([',', '.']);
                    if b.len() < s && b.ends_with(|c: char| c.is_ascii_digit()) {
                        return None;
                    }
                }
                let (v, iv) = self.month_day(m, d, tense(), s)?;
                Some((TimexType::Date, v, iv))
            }
            Rule::MonthRelYear => {
                // "June last year", "January this year".
                let m = self.full_month(cap(c, "mon")?)?;
                let Some(d) = dct else {
                    return Some((TimexType::Date, format!("XXXX-{m:02}"), None));
                };
                let y = d.year() + i16::from(self.shift(cap(c, "sh")?)?);
                let first = Date::new(y, m, 1).ok()?;
                Some((TimexType::Date, fmt_month(first), Some(month_bounds(first))))
            }
            Rule::My => {
                let m = self.month(cap(c, "mon")?)?;
                let d = Date::new(lex.year_of(cap(c, "y")?)?, m, 1).ok()?;
                let (a, b) = month_bounds(d);
                Some((TimexType::Date, fmt_month(d), Some((a, b))))
            }
            Rule::PartMonth | Rule::ShiftMonth | Rule::Month => {
                let mw = cap(c, "mon")?;
                let m = if rule == Rule::PartMonth && cap(c, "y").is_some() {
                    self.month(mw)?
                } else {
                    self.full_month(mw)?
                };
                if cap(c, "y").is_none() && self.followed_by_digit(e) {
                    return None; // a month-day expression
                }
                if rule == Rule::Month && cap(c, "pre").is_none() && norm(mw) == "may" {
                    return None; // the modal verb / the surname
                }
                let part = self.part(cap(c, "part"));
                let first = match (cap(c, "y"), dct) {
                    (Some(y), _) => Date::new(parse_i16(y)?, m, 1).ok()?,
                    (None, None) => return Some((TimexType::Date, format!("XXXX-{m:02}"), None)),
                    (None, Some(dct)) => {
                        if rule == Rule::ShiftMonth {
                            let cur = dct.first_of_month();
                            let this = Date::new(dct.year(), m, 1).ok()?;
                            match self.shift(cap(c, "sh")?)? {
                                -1 if this < cur => this,
                                -1 => add_years(this, -1)?,
                                1 if this > cur => this,
                                1 => add_years(this, 1)?,
                                _ => this,
                            }
                        } else {
                            self.month_start(dct, m, tense())?
                        }
                    }
                };
                let (a, b) = month_bounds(first);
                let iv = narrow(a, b, Unit::Month, part, dct.unwrap_or(a))?;
                Some((TimexType::Date, fmt_month(first), Some(iv)))
            }
            Rule::WeekdayDate => {
                let wd = self.weekday(cap(c, "wd")?)?;
                let m = self.month(cap(c, "mon").or_else(|| cap(c, "mon2"))?)?;
                let d = parse_i8(cap(c, "d").or_else(|| cap(c, "d2"))?)?;
                if let Some(y) = cap(c, "y") {
                    return Some(Self::date_res(Date::new(parse_i16(y)?, m, d).ok()?));
                }
                if let Some(dct) = dct {
                    // The year in which that day falls on that weekday, nearest the DCT.
                    let hit = (-1..=1)
                        .filter_map(|k| Date::new(dct.year().checked_add(k)?, m, d).ok())
                        .filter(|x| x.weekday() == wd)
                        .min_by_key(|x| days_between(dct, *x).saturating_abs());
                    if let Some(x) = hit {
                        return Some(Self::date_res(x));
                    }
                }
                let (v, iv) = self.month_day(m, d, tense(), s)?;
                Some((TimexType::Date, v, iv))
            }
            Rule::Weekday => {
                let wd = self.weekday(cap(c, "wd")?)?;
                let dp = cap(c, "dp").and_then(|x| lex.dayparts.get(&norm(x)).cloned());
                let ttype = if dp.is_some() {
                    TimexType::Time
                } else {
                    TimexType::Date
                };
                let suffix = dp.map(|x| format!("T{x}")).unwrap_or_default();
                let Some(dct) = dct else {
                    let v = format!("XXXX-WXX-{}{suffix}", wd.to_monday_one_offset());
                    return Some((ttype, v, None));
                };
                let sh = match cap(c, "sh") {
                    Some(x) => Some(self.shift(x)?),
                    None => None,
                };
                // "Friday's close", "Thursday's ruling": a day whose event is reported, in
                // the past (TimeBank and AQUAINT, without exception), unless an
                // `ahead_cue` comes right before ("ahead of Sunday's election").
                let a = self.after(e);
                let possessive = a.starts_with("'s") || a.starts_with("’s");
                let t = if possessive && !lex.ahead_before(self.text, s) {
                    Tense::Past
                } else {
                    tense()
                };
                let dir = match sh {
                    Some(-1) => Dir::Before,
                    Some(1) => Dir::After,
                    Some(_) if t == Tense::Past => Dir::OnOrBefore,
                    Some(_) => Dir::OnOrAfter,
                    None if t == Tense::Future => Dir::OnOrAfter,
                    None => Dir::OnOrBefore,
                };
                let d = weekday_near(dct, wd, dir)?;
                Some((ttype, format!("{}{suffix}", fmt_date(d)), Some((d, d))))
            }
            Rule::WeekdaySet => {
                let w = cap(c, "wd1").or(cap(c, "wd2")).or(cap(c, "wd3"))?;
                let wd = self.weekday(w)?;
                // "every Monday night", "on Tuesday nights".
                let dp = match cap(c, "dp1").or(cap(c, "dp3")) {
                    Some(x) => format!("T{}", lex.dayparts.get(&norm(x))?),
                    None => String::new(),
                };
                Some((
                    TimexType::Set,
                    format!("XXXX-WXX-{}{dp}", wd.to_monday_one_offset()),
                    None,
                ))
            }
            Rule::Relday => {
                let (n, dp0) = lex.reldays.get(&norm(cap(c, "rd")?))?.clone();
                let dp = match cap(c, "dp") {
                    Some(x) if dp0.is_none() => lex.dayparts.get(&norm(x)).cloned(),
                    Some(_) => return None,
                    None => dp0,
                };
                let ttype = if dp.is_some() {
                    TimexType::Time
                } else {
                    TimexType::Date
                };
                let suffix = dp.map(|x| format!("T{x}")).unwrap_or_default();
                let Some(dct) = dct else {
                    return Some((ttype, format!("XXXX-XX-XX{suffix}"), None));
                };
                let d = add_days(dct, n)?;
                Some((ttype, format!("{}{suffix}", fmt_date(d)), Some((d, d))))
            }
            Rule::PartDay => {
                // "mid-afternoon", "late morning": that part of the DCT's day (joined to a
                // day next to it by `merge_time_and_day`: "mid-afternoon yesterday").
                let dp = lex.dayparts.get(&norm(cap(c, "dp")?))?;
                Some(self.time_res(&format!("T{dp}")))
            }
            Rule::Weekend => {
                let Some(dct) = dct else {
                    return Some((TimexType::Date, "XXXX-WXX-WE".into(), None));
                };
                let sh = match cap(c, "sh") {
                    Some(x) => Some(self.shift(x)?),
                    None => None,
                };
                let sat = match sh {
                    Some(-1) => {
                        let s0 = weekday_near(dct, Weekday::Saturday, Dir::OnOrBefore)?;
                        if days_between(s0, dct) <= 1 {
                            add_days(s0, -7)?
                        } else {
                            s0
                        }
                    }
                    Some(1) => weekday_near(dct, Weekday::Saturday, Dir::After)?,
                    Some(_) => add_days(week_bounds(dct)?.0, 5)?,
                    None if tense() == Tense::Future => {
                        add_days(weekday_near(dct, Weekday::Sunday, Dir::OnOrAfter)?, -1)?
                    }
                    None => weekday_near(dct, Weekday::Saturday, Dir::OnOrBefore)?,
                };
                let sun = add_days(sat, 1)?;
                Some((
                    TimexType::Date,
                    format!("{}-WE", fmt_week(sat)),
                    Some((sat, sun)),
                ))
            }
            Rule::ShiftUnit => {
                let u = lex.unit(cap(c, "u")?)?;
                if matches!(u, Unit::Day | Unit::Hour | Unit::Minute) {
                    return None;
                }
                let sh = self.shift(cap(c, "sh")?)?;
                if cap(c, "the").is_some() && sh != 0 {
                    return Some((TimexType::Duration, u.duration("1"), None));
                }
                let part = self.part(cap(c, "part"));
                let sh = i64::from(sh);
                let Some(dct) = dct else {
                    let v = match u {
                        Unit::Week => "XXXX-WXX",
                        Unit::Month => "XXXX-XX",
                        Unit::Decade => "XXX",
                        _ => "XXXX",
                    };
                    return Some((TimexType::Date, v.into(), None));
                };
                let (v, a, b) = match u {
                    Unit::Week => {
                        let d = dct.checked_add(Span::new().try_weeks(sh).ok()?).ok()?;
                        let (a, b) = week_bounds(d)?;
                        (fmt_week(d), a, b)
                    }
                    Unit::Month => {
                        let d = add_months(dct.first_of_month(), sh)?;
                        let (a, b) = month_bounds(d);
                        (fmt_month(d), a, b)
                    }
                    Unit::Quarter => {
                        let (_, v, iv) = shift_at(quarter_start(dct)?, Gran::Quarter, sh, u)?;
                        let (a, b) = iv?;
                        (v, a, b)
                    }
                    Unit::Year => {
                        let d = add_years(dct.first_of_year(), sh)?;
                        (fmt_year(d.year()), d, d.last_of_year())
                    }
                    _ => {
                        let y = add_years(dct.first_of_year(), 10 * sh)?.year();
                        let dec = y.div_euclid(10);
                        let a = Date::new(dec.checked_mul(10)?, 1, 1).ok()?;
                        let b = add_years(a, 9)?.last_of_year();
                        (format!("{dec:03}"), a, b)
                    }
                };
                let iv = narrow(a, b, u, part, dct)?;
                Some((TimexType::Date, v, Some(iv)))
            }
            Rule::Ago => {
                if c.name("vague").is_some() {
                    return Some((TimexType::Date, "PAST_REF".into(), None));
                }
                let n = lex.number(cap(c, "n")?)?;
                let u = lex.unit(cap(c, "u")?)?;
                let Some(dct) = dct else {
                    let v = match u {
                        Unit::Week => "XXXX-WXX",
                        Unit::Month => "XXXX-XX",
                        Unit::Year => "XXXX",
                        Unit::Decade => "XXX",
                        _ => "XXXX-XX-XX",
                    };
                    return Some((TimexType::Date, v.into(), None));
                };
                Some(match u {
                    Unit::Minute => Self::date_res(dct),
                    Unit::Hour => Self::date_res(add_days(dct, -(n / 24))?),
                    Unit::Day => Self::date_res(add_days(dct, -n)?),
                    Unit::Week => {
                        let d = dct.checked_sub(Span::new().try_weeks(n).ok()?).ok()?;
                        (TimexType::Date, fmt_week(d), week_bounds(d))
                    }
                    Unit::Month => {
                        let d = add_months(dct.first_of_month(), -n)?;
                        (TimexType::Date, fmt_month(d), Some(month_bounds(d)))
                    }
                    Unit::Quarter => shift_at(dct, Gran::Quarter, -n, u)?,
                    Unit::Year => {
                        let y = add_years(dct.first_of_year(), -n)?.year();
                        (TimexType::Date, fmt_year(y), year_bounds(y))
                    }
                    Unit::Decade => {
                        let y = add_years(dct.first_of_year(), -10 * n)?.year();
                        let dec = y.div_euclid(10);
                        let a = Date::new(dec.checked_mul(10)?, 1, 1).ok()?;
                        let b = add_years(a, 9)?.last_of_year();
                        (TimexType::Date, format!("{dec:03}"), Some((a, b)))
                    }
                })
            }
            Rule::DurHyphen | Rule::Dur => {
                let u = lex.unit(cap(c, "u").or(cap(c, "lu"))?)?;
                if cap(c, "lu").is_some() {
                    return Some((TimexType::Duration, u.duration("1"), None)); // "a day-long meeting"
                }
                if let Some(v) = c.name("vague") {
                    if u == Unit::Quarter && norm(v.as_str()) == "some" {
                        return None; // "criticism in some quarters": among some people
                    }
                    return Some((TimexType::Duration, u.duration("X"), None));
                }
                let n = lex.number(cap(c, "n")?)?;
                let rest = self.after(e).to_lowercase();
                if rest.starts_with("-old") || rest.trim_start().starts_with("old") {
                    return None; // ages
                }
                if rule == Rule::Dur {
                    let nw = norm(cap(c, "n")?);
                    if nw.len() <= 2
                        && !nw.starts_with(|c: char| c.is_ascii_digit())
                        && cap(c, "pre").is_none()
                        && cap(c, "sh").is_none()
                    {
                        // "358,000 a month", "twice a week": a rate, not a duration.
                        let prev = tokens(&self.text[..s]).pop().map(|t| t.w);
                        if prev.is_none_or(|p| {
                            p.contains(|c: char| c.is_ascii_digit())
                                || ["times", "once", "twice", "per"].contains(&p.as_str())
                        }) && s > 0
                        {
                            return None;
                        }
                    }
                }
                if cap(c, "half").is_some() || cap(c, "half2").is_some() {
                    // "5 1/2 years" = P5Y6M, "two and a half hours" = PT2H30M, "a minute
                    // and a half" = PT1M30S.
                    let v = match u {
                        Unit::Year => format!("P{n}Y6M"),
                        Unit::Month => format!("P{n}M15D"),
                        Unit::Week => format!("P{n}W3DT12H"),
                        Unit::Day => format!("P{n}DT12H"),
                        Unit::Hour => format!("PT{n}H30M"),
                        Unit::Minute => format!("PT{n}M30S"),
                        Unit::Quarter => format!("P{}M15D", n * 3 + 1),
                        Unit::Decade => format!("P{}Y", n * 10 + 5),
                    };
                    return Some((TimexType::Duration, v, None));
                }
                Some((TimexType::Duration, u.duration(&n.to_string()), None))
            }
            Rule::DurPlural | Rule::RecentUnits => {
                let u = lex.unit(cap(c, "u")?)?;
                let rest = self.after(e).trim_start().to_lowercase();
                if rest.starts_with("old") || rest.starts_with("-old") {
                    return None; // ages
                }
                if rule == Rule::DurPlural && u == Unit::Quarter {
                    return None; // "living quarters", "in some quarters": bare, not time
                }
                if cap(c, "w").map(norm).as_deref() == Some("future") {
                    // "in future quarters": times to come, not a length of time.
                    return Some((TimexType::Date, "FUTURE_REF".into(), None));
                }
                Some((TimexType::Duration, u.duration("X"), None))
            }
            Rule::Quarter => {
                let half = norm(cap(c, "u")?) == "half";
                let max = if half { 2 } else { 4 };
                let ord = norm(cap(c, "ord")?);
                let explicit = match cap(c, "y0").or(cap(c, "y")).or(cap(c, "y2")) {
                    Some(y) => Some(parse_i16(y)?),
                    None => {
                        let rel = cap(c, "rel").or(cap(c, "yr")).map(norm);
                        match (rel.as_deref(), dct) {
                            (None, _) => None,
                            (Some(_), None) => return None,
                            (Some(r), Some(d)) => Some(
                                d.year()
                                    + match r {
                                        "last" | "last year" => -1,
                                        "next" | "next year" => 1,
                                        _ => 0,
                                    },
                            ),
                        }
                    }
                };
                let n = if ord == "last" {
                    explicit?; // "last quarter" alone is a shift (ShiftUnit)
                    max
                } else {
                    *lex.ordinals.get(&ord)?
                };
                if n > max {
                    return None;
                }
                let letter = if half { 'H' } else { 'Q' };
                let months = if half { 6 } else { 3 };
                let bounds = |y: i16| -> Option<(Date, Date)> {
                    let a = Date::new(y, (n - 1) * months + 1, 1).ok()?;
                    Some((a, add_months(a, i64::from(months))?.yesterday().ok()?))
                };
                let y = match (explicit, dct) {
                    (Some(y), _) => y,
                    (None, None) => {
                        return Some((TimexType::Date, format!("XXXX-{letter}{n}"), None));
                    }
                    (None, Some(d)) => {
                        let cands: Vec<(Date, Date)> =
                            (-1..=1).filter_map(|k| bounds(d.year() + k)).collect();
                        // A past clause means a begun quarter; otherwise the nearest one,
                        // as results are announced (in the future) for quarters just ended.
                        let t = match tense() {
                            Tense::Past => Tense::Past,
                            _ => Tense::Unknown,
                        };
                        pick_period(&cands, d, t)?.0.year()
                    }
                };
                let iv = bounds(y)?;
                Some((TimexType::Date, format!("{y:04}-{letter}{n}"), Some(iv)))
            }
            Rule::QuarterGeneric => {
                // "the latest period" of a results report; not "the period of unrest".
                if cap(c, "period").is_some()
                    && (!matches!(
                        cap(c, "adj").map(norm).as_deref(),
                        Some("latest" | "most recent")
                    ) || self.next_word(e).as_deref() == Some("of"))
                {
                    return None;
                }
                let Some(d) = dct else {
                    return Some((TimexType::Date, "XXXX-QX".into(), None));
                };
                let adj = cap(c, "adj").map(norm);
                let cur = quarter_start(d)?;
                let start = if adj.as_deref() == Some("current") {
                    cur
                } else {
                    add_months(cur, -3)? // the last reported quarter
                };
                Some(quarter_res(start))
            }
            Rule::ResultsPeriod => {
                // In a results report, "the 1988 period", "the corresponding period last
                // year", "last year's quarter" are the reported quarter of that year.
                let y = match cap(c, "y") {
                    Some(y) => Some(parse_i16(y)?),
                    None => None,
                };
                let Some(d) = dct else {
                    let v = y.map_or_else(|| "XXXX-QX".to_string(), fmt_year);
                    return Some((TimexType::Date, v, None));
                };
                if !lex.results_report(self.text) {
                    let y = y?;
                    return Some((TimexType::Date, fmt_year(y), year_bounds(y)));
                }
                let reported = add_months(quarter_start(d)?, -3)?;
                let y = y.unwrap_or(reported.year() - 1);
                Some(quarter_res(Date::new(y, reported.month(), 1).ok()?))
            }
            Rule::Season => {
                let sw = cap(c, "se")?;
                let season = *lex.seasons.get(&norm(sw))?;
                let sh = match cap(c, "sh") {
                    Some(x) => Some(self.shift(x)?),
                    None => None,
                };
                let y = cap(c, "y");
                let the = cap(c, "the").or(cap(c, "the2")).is_some();
                let part = cap(c, "part").is_some();
                let pre = cap(c, "pre").is_some();
                if sh.is_none() && y.is_none() {
                    // "the Arab Spring", "the fall in prices", "springs": not seasons.
                    if capitalised(sw) && !pre || !(the || part || pre) {
                        return None;
                    }
                    if norm(sw) == "fall" && !pre && !part {
                        return None;
                    }
                    let rest = self.after(e).trim_start().to_lowercase();
                    if rest.starts_with("of ") || rest.starts_with("in ") {
                        return None;
                    }
                }
                let year = match (y, dct) {
                    (Some(y), _) => lex.year_of(y)?,
                    (None, None) => {
                        return Some((TimexType::Date, format!("XXXX-{}", season.code()), None));
                    }
                    (None, Some(d)) => {
                        let cands: Vec<(Date, Date)> = (-1..=1)
                            .filter_map(|k| season.bounds(d.year() + k))
                            .collect();
                        // "last summer" in July is the summer of the year before.
                        let pick = match sh {
                            Some(-1) => cands.iter().copied().filter(|(_, b)| *b < d).max(),
                            Some(1) => cands.iter().copied().filter(|(a, _)| *a > d).min(),
                            Some(_) => cands
                                .iter()
                                .copied()
                                .find(|(a, b)| *a <= d && d <= *b)
                                .or_else(|| pick_period(&cands, d, Tense::Unknown)),
                            None => pick_period(&cands, d, tense()),
                        };
                        pick?.0.year()
                    }
                };
                let iv = season.bounds(year)?;
                Some((
                    TimexType::Date,
                    format!("{year:04}-{}", season.code()),
                    Some(iv),
                ))
            }
            Rule::Holiday => {
                let hw = cap(c, "h")?;
                if !capitalised(hw) {
                    return None;
                }
                let h = *lex.holidays.get(&norm(hw))?;
                let day = match (cap(c, "y"), dct) {
                    (Some(y), _) => h.in_year(parse_i16(y)?)?,
                    (None, None) => {
                        let v = format!("XXXX-{:02}-{:02}", h.month, h.day);
                        return Some((TimexType::Date, v, None));
                    }
                    (None, Some(d)) => {
                        let cands: Vec<(Date, Date)> = (-1..=1)
                            .filter_map(|k| h.in_year(d.year() + k))
                            .map(|x| (x, x))
                            .collect();
                        let pick = match cap(c, "sh").and_then(|x| self.shift(x)) {
                            Some(-1) => cands.iter().copied().filter(|(a, _)| *a < d).max(),
                            Some(1) => cands.iter().copied().filter(|(a, _)| *a > d).min(),
                            _ => pick_period(&cands, d, tense()),
                        };
                        pick?.0
                    }
                };
                Some(Self::date_res(day))
            }
            Rule::Offset => {
                // Resolved against the DCT here; `tag` re-anchors it on the last reference
                // time of the text ("two days later").
                let u = lex.unit(cap(c, "u")?)?;
                let n = match cap(c, "n") {
                    Some(x) => lex.number(x)?,
                    None => return Some((TimexType::Date, "PAST_REF".into(), None)),
                };
                let sign = if norm(cap(c, "dir")?) == "later" {
                    1
                } else {
                    -1
                };
                let Some(d) = dct else {
                    return Some((TimexType::Date, "XXXX-XX-XX".into(), None));
                };
                shift_at(d, Gran::of_unit(u), n * sign, u)
            }
            Rule::YearAgoAdj => {
                let Some(d) = dct else {
                    return Some((TimexType::Date, "XXXX".into(), None));
                };
                match cap(c, "per").map(norm).as_deref() {
                    // "the year-ago quarter": the last reported quarter, a year before.
                    Some("quarter" | "period") if cap(c, "ord").is_none() => shift_at(
                        add_months(quarter_start(d)?, -3)?,
                        Gran::Quarter,
                        -1,
                        Unit::Year,
                    ),
                    Some("quarter") => {
                        let n = i64::from(*lex.ordinals.get(&norm(cap(c, "ord")?))?);
                        let y = d.year().checked_sub(1)?;
                        let a = Date::new(y, i8::try_from(n * 3 - 2).ok()?, 1).ok()?;
                        Some(quarter_res(a))
                    }
                    _ => shift_at(d, Gran::Year, -1, Unit::Year),
                }
            }
            Rule::PeriodEnd => {
                // "by the end of the month", "year-end": the period, narrowed to its part.
                let u = lex.unit(cap(c, "u").or(cap(c, "u2"))?)?;
                let part = match cap(c, "pos").map(norm).as_deref() {
                    Some("beginning" | "start") => Part::Start,
                    Some("middle") => Part::Mid,
                    _ => Part::End,
                };
                let Some(d) = dct else {
                    return Some((TimexType::Date, "XXXX".into(), None));
                };
                let (ttype, v, iv) = Gran::of_unit(u).res(d)?;
                let (a, b) = iv?;
                Some((ttype, v, narrow(a, b, u, Some(part), d)))
            }
            Rule::TheYear => {
                let rest = self.after(e).trim_start().to_lowercase();
                if ["before", "after", "earlier", "later", "ago", "-"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                {
                    return None; // "the year before": anaphoric, left alone
                }
                if rest.starts_with("ended") || rest.starts_with("ending") {
                    // "the year ended March 31": a fiscal year, a length of time (TimeBank).
                    return Some((TimexType::Duration, "P1Y".into(), None));
                }
                let Some(d) = dct else {
                    return Some((TimexType::Date, "XXXX".into(), None));
                };
                Gran::Year.res(d)
            }
            Rule::SpokenYear => {
                let n = |k: &str| cap(c, k).and_then(|x| lex.number(x));
                let y = if let Some(th) = c.name("thousand") {
                    if th.start() == s {
                        return None; // "two thousand people": only "the year two thousand", "in two thousand"
                    }
                    2000 + n("o2").unwrap_or(0)
                } else {
                    n("c")? * 100 + n("t")? + n("o").unwrap_or(0)
                };
                if !(1100..=2100).contains(&y) || (cap(c, "o").is_some() && n("t")? % 10 != 0) {
                    return None;
                }
                let y = i16::try_from(y).ok()?;
                Some((TimexType::Date, fmt_year(y), year_bounds(y)))
            }
            Rule::SetEvery => {
                // "each July" = XXXX-07, "every summer" = XXXX-SU.
                if let Some(mw) = cap(c, "mon") {
                    let m = self.full_month(mw)?;
                    return Some((TimexType::Set, format!("XXXX-{m:02}"), None));
                }
                if let Some(sw) = cap(c, "se") {
                    let season = lex.seasons.get(&norm(sw))?;
                    return Some((TimexType::Set, format!("XXXX-{}", season.code()), None));
                }
                let n = match cap(c, "n") {
                    Some(x) => lex.number(x)?,
                    None => 1,
                };
                if let Some(u) = cap(c, "u") {
                    let u = lex.unit(u)?;
                    Some((TimexType::Set, u.duration(&n.to_string()), None))
                } else {
                    let dp = lex.dayparts.get(&norm(cap(c, "dp")?))?;
                    Some((TimexType::Set, format!("XXXX-XX-XXT{dp}"), None))
                }
            }
            Rule::SetTimes => {
                let u = lex.unit(cap(c, "u")?)?;
                Some((TimexType::Set, u.duration("1"), None))
            }
            Rule::SetWord => {
                let w = cap(c, "s")?;
                if capitalised(w) && s > 0 {
                    return None; // "Daily Mail"
                }
                Some((TimexType::Set, lex.sets.get(&norm(w))?.clone(), None))
            }
            Rule::Year => {
                let ym = c.name("y")?;
                let y: i16 = parse_i16(ym.as_str())?;
                if cap(c, "pre").is_some() || ym.start() > s {
                    if !(1000..=2100).contains(&y) {
                        return None;
                    }
                } else {
                    // A bare four-digit number is a year unless it is an amount or a code.
                    if !(1600..=2100).contains(&y) {
                        return None;
                    }
                    let head = &self.text[..ym.start()];
                    let range = head.len() >= 5
                        && head.ends_with(['-', '–'])
                        && head[..head.len() - 1]
                            .chars()
                            .rev()
                            .take(4)
                            .all(|c| c.is_ascii_digit());
                    let before = head.chars().next_back();
                    if !range
                        && before.is_some_and(|b| {
                            b.is_alphanumeric() || "$#.,-/€£+:".contains(b) || b == '\''
                        })
                    {
                        return None;
                    }
                }
                let a = self.after(e);
                if a.starts_with([',', '.']) && a[1..].starts_with(|c: char| c.is_ascii_digit())
                    || a.starts_with('%')
                {
                    return None;
                }
                if let Some(w) = self.next_word(e)
                    && (lex.count_nouns.contains(&w)
                        || lex.unit(&w).is_some()
                        || ["gmt", "utc", "hours", "hrs", "local"].contains(&w.as_str()))
                {
                    return None;
                }
                Some((TimexType::Date, fmt_year(y), year_bounds(y)))
            }
            Rule::PartYear => {
                let y = parse_i16(cap(c, "y")?)?;
                if !(1900..=2100).contains(&y) || self.followed_by_digit(e) {
                    return None;
                }
                let (a, b) = year_bounds(y)?;
                let iv = narrow(a, b, Unit::Year, self.part(cap(c, "part")), a)?;
                Some((TimexType::Date, fmt_year(y), Some(iv)))
            }
            Rule::Century => {
                // "the 20th century" = 19 (TIMEX3: the first two digits of its years).
                let n = match cap(c, "w") {
                    Some(w) => i16::from(*lex.day_ordinals.get(&norm(w))?),
                    None => parse_i16(cap(c, "n")?)?,
                };
                if !(1..=21).contains(&n) {
                    return None;
                }
                let c0 = (n - 1) * 100;
                let a = Date::new(c0.max(1), 1, 1).ok()?;
                let b = Date::new(c0 + 99, 12, 31).ok()?;
                Some((TimexType::Date, format!("{:02}", n - 1), Some((a, b))))
            }
            Rule::Decade => {
                let dec: i16 = match (cap(c, "dec"), cap(c, "d1"), cap(c, "dw")) {
                    (Some(d), _, _) => parse_i16(d)?,
                    (None, d1, dw) => {
                        // "the '80s", "the nineties": the last such decade begun by the
                        // DCT ("the twenties" is the 2020s in 2024, the 1920s in 2019).
                        let d = match (d1, dw) {
                            (Some(d1), _) => parse_i16(d1)?,
                            (None, Some(w)) => {
                                cap(c, "the")?; // without it, an age: "in his forties"
                                let w = norm(w);
                                let tens = lex.number(&format!("{}y", w.strip_suffix("ies")?))?;
                                i16::try_from(tens / 10).ok()?
                            }
                            _ => return None,
                        };
                        let Some(dct) = dct else {
                            return Some((TimexType::Date, format!("XX{d}"), None));
                        };
                        let y = dct.year();
                        let mut start = y.div_euclid(100) * 100 + d * 10;
                        if start > y {
                            start -= 100;
                        }
                        start / 10
                    }
                };
                if dec % 10 == 0 && dec <= 190 && cap(c, "part").is_none() {
                    // "the 1800s" is the century, 1800 to 1899 (TIMEX3 value "18"); "the
                    // 2000s" is the decade 2000 to 2009.
                    let cent = dec / 10;
                    let a = Date::new(cent.checked_mul(100)?, 1, 1).ok()?;
                    let b = add_years(a, 99)?.last_of_year();
                    return Some((TimexType::Date, format!("{cent:02}"), Some((a, b))));
                }
                let a = Date::new(dec.checked_mul(10)?, 1, 1).ok()?;
                let b = add_years(a, 9)?.last_of_year();
                let part = self.part(cap(c, "part"));
                let iv = narrow(a, b, Unit::Decade, part, a)?;
                Some((TimexType::Date, format!("{dec:03}"), Some(iv)))
            }
            Rule::TimeAmPm | Rule::Time24 | Rule::TimeMil => {
                let mut h = parse_i8(cap(c, "h")?)?;
                let mi = match cap(c, "mi") {
                    Some(x) => parse_i8(x)?,
                    None => 0,
                };
                if mi > 59 {
                    return None;
                }
                if let Some(ap) = cap(c, "ap") {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    let pm = ap.to_lowercase().starts_with('p');
                    h = match (pm, h) {
                        (true, 12) => 12,
                        (true, h) => h + 12,
                        (false, 12) => 0,
                        (false, h) => h,
                    };
                } else if h > 23 {
                    return None;
                }
                Some(self.time_res(&format!("T{h:02}:{mi:02}")))
            }
            Rule::Noon => {
                let w = norm(cap(c, "w")?);
                if tokens(&self.text[..s])
                    .last()
                    .is_some_and(|t| t.w == "high")
                {
                    return None; // "high noon": a showdown, not a clock time
                }
                Some(self.time_res(if w == "midnight" { "T24:00" } else { "T12:00" }))
            }
            Rule::Ref => {
                let w = norm(cap(c, "r")?);
                let v = lex.refs.get(&w)?;
                // "The Future Movement", "Current TV": capitalised inside a sentence, a name.
                let r = cap(c, "r")?;
                let prev = self.text[..s].trim_end().chars().next_back();
                let mut words = r.split_whitespace();
                if words.next().is_some_and(capitalised)
                    && prev.is_some_and(|p| p.is_alphanumeric() || ",;".contains(p))
                    || words.any(capitalised)
                {
                    return None;
                }
                if !w.contains(' ') {
                    // "soon after the vote", "as soon as Monday", "sooner than": near
                    // another time, not the DCT's past or future.
                    if let Some(next) = self.next_word(e)
                        && ["after", "before", "as", "than", "afterwards", "thereafter"]
                            .contains(&next.as_str())
                    {
                        return None;
                    }
                    // "He was soon freed": the future of a past time.
                    if v == "FUTURE_REF" && tense() == Tense::Past {
                        return None;
                    }
                }
                Some((TimexType::Date, v.clone(), None))
            }
        }
    }

    /// The shift (`n` units) of an expression that may be anchored on a reference time.
    fn anaphoric_shift(&self, rule: Rule, c: &Captures) -> Option<(i64, Unit)> {
        match rule {
            Rule::Offset => {
                let n = self.lex.number(cap(c, "n")?)?;
                let sign = if norm(cap(c, "dir")?) == "later" {
                    1
                } else {
                    -1
                };
                Some((n * sign, self.lex.unit(cap(c, "u")?)?))
            }
            Rule::YearAgoAdj => Some((-1, Unit::Year)),
            // "the following year", "the previous month"; not "over the following year".
            Rule::ShiftUnit => {
                let sh = norm(cap(c, "sh")?);
                let first = c.get(0).and_then(|m| m.as_str().split_whitespace().next());
                let span_prep = first.map(norm).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "over" | "during" | "within" | "throughout" | "for"
                    )
                });
                if cap(c, "the").is_none() || span_prep || !self.lex.anaphoric.contains(&sh) {
                    return None;
                }
                Some((i64::from(self.shift(&sh)?), self.lex.unit(cap(c, "u")?)?))
            }
            Rule::Ago => Some((
                -self.lex.number(cap(c, "n")?)?,
                self.lex.unit(cap(c, "u")?)?,
            )),
            _ => None,
        }
    }

    fn time_res(&self, t: &str) -> Res {
        match self.dct {
            Some(d) => (TimexType::Time, format!("{}{t}", fmt_date(d)), Some((d, d))),
            None => (TimexType::Time, format!("XXXX-XX-XX{t}"), None),
        }
    }
}

/// Finds and resolves the temporal expressions in `text` (a sentence or a paragraph)
/// against the document creation time `dct` (a calendar date, the publication day).
///
/// Returns the expressions in text order, never overlapping (the longest match wins,
/// then the leftmost). `start`/`end` are byte offsets into `text` on char boundaries.
/// Values follow TIMEX3 (TimeML) with TempEval-3 news conventions; without a DCT,
/// relative expressions get `X` placeholders (`XXXX-WXX-3`) and no interval, while
/// absolute dates still resolve. Never panics.
pub fn tag(text: &str, dct: Option<Date>, lex: &TimeLexicon) -> Vec<Timex> {
    tag_in_context(text, dct, lex, None, &mut Reference::default())
}

/// The reference time of a text so far (TimeML's anchor for anaphoric expressions such as
/// "two days later"): the last calendar expression tagged. Carry one through the
/// sentences of a document with [`tag_in_context`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reference(Option<(Gran, Date)>);

/// As [`tag`], with the sentence's parse and the text's reference time.
///
/// `tree`: the dependency parse of `text` and the offset of `text` in the tree's
/// coordinates (node offsets = offset + byte offsets into `text`); with it the tense of
/// an expression's own clause decides the direction of bare weekdays, days and months.
/// `reference` anchors anaphoric expressions and is updated with this text's last
/// calendar expression.
pub fn tag_in_context(
    text: &str,
    dct: Option<Date>,
    lex: &TimeLexicon,
    tree: Option<(&Tree, usize)>,
    reference: &mut Reference,
) -> Vec<Timex> {
    let cx = Cx {
        text,
        dct,
        lex,
        tree,
    };
    let mut cands: Vec<Cand> = Vec::new();
    for (rule, re) in &lex.rules {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if m.is_empty() {
                continue;
            }
            if let Some((ttype, value, interval)) = cx.apply(*rule, &c, m.start(), m.end()) {
                let (start, mut signal) = lex.split_signal(text, m.start(), m.end());
                if signal.is_none() {
                    signal = lex.signal_before(text, start);
                }
                cands.push(Cand {
                    rule: *rule,
                    shift: cx.anaphoric_shift(*rule, &c),
                    t: Timex {
                        start,
                        end: m.end(),
                        text: text[start..m.end()].to_string(),
                        signal,
                        ttype,
                        value,
                        interval,
                    },
                });
            }
        }
    }
    // Longest first, then leftmost; the sort is stable so earlier rules win ties.
    cands.sort_by_key(|c| (std::cmp::Reverse(c.t.end - c.t.start), c.t.start));
    let mut out: Vec<Cand> = Vec::new();
    for c in cands {
        if out
            .iter()
            .all(|o| c.t.end <= o.t.start || c.t.start >= o.t.end)
        {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.t.start);
    if let Some(d) = dct {
        // In a results report the period compared with is the last reported quarter.
        let fallback = if lex.results_report(text) {
            quarter_start(d)
                .and_then(|q| add_months(q, -3))
                .map(|q| (Gran::Quarter, q))
        } else {
            None
        };
        reanchor(&mut out, reference, fallback);
    }
    relate_to_day(text, lex, &mut out);
    merge_time_and_day(text, out)
}

/// A candidate expression with the rule that found it and, for anaphoric expressions,
/// the shift from their reference time (`n` units).
struct Cand {
    rule: Rule,
    shift: Option<(i64, Unit)>,
    t: Timex,
}

/// Re-anchors anaphoric expressions on the last reference time before them in the text
/// (TimeML's anchorTimeID): "two days later", "a year earlier", "year-earlier" take the
/// last calendar expression's date and granularity when it is at least as fine as their
/// unit ("a year earlier" after "the third quarter" of 1989 is 1988-Q3); a quarter or half
/// also anchors "a year ago". Without a reference that applies, "a year ago/earlier" is
/// shifted from `fallback` (the last reported quarter of a results report: "net rose to
/// $5 million from $4 million a year ago" on 1989-11-02 is 1988-Q3); else the DCT-based
/// value stands.
fn reanchor(out: &mut [Cand], carried: &mut Reference, fallback: Option<(Gran, Date)>) {
    let mut reference = carried.0;
    for c in out.iter_mut() {
        let mut anchored = false;
        if let (Some((n, u)), Some((g, d))) = (c.shift, reference) {
            // A reference coarser than the unit ("June 2019 … two weeks later") anchors
            // from its first day at the unit's granularity.
            // "the following year" names a period of its own unit.
            let (g, d) = match c.rule {
                Rule::Offset if g > Gran::of_unit(u) => (Gran::of_unit(u), d),
                Rule::ShiftUnit if g <= Gran::of_unit(u) => (Gran::of_unit(u), d),
                _ => (g, d),
            };
            let applies = match c.rule {
                Rule::Offset | Rule::YearAgoAdj | Rule::ShiftUnit => g <= Gran::of_unit(u),
                // "… in the third quarter, against $5 million a year ago".
                Rule::Ago => matches!(g, Gran::Quarter | Gran::Half) && u == Unit::Year,
                _ => false,
            };
            if applies && let Some((ttype, value, interval)) = shift_at(d, g, n, u) {
                c.t.ttype = ttype;
                c.t.value = value;
                c.t.interval = interval;
                anchored = true;
            }
        }
        if !anchored
            && let (Some((-1, Unit::Year)), Some((g, d))) = (c.shift, fallback)
            && matches!(c.rule, Rule::Offset | Rule::YearAgoAdj | Rule::Ago)
            && let Some((ttype, value, interval)) = shift_at(d, g, -1, Unit::Year)
        {
            c.t.ttype = ttype;
            c.t.value = value;
            c.t.interval = interval;
        }
        if c.t.ttype == TimexType::Date
            && let (Some(g), Some((a, _))) = (Gran::of_value(&c.t.value), c.t.interval)
        {
            reference = Some((g, a));
        }
    }
    carried.0 = reference;
}

/// Extends a resolved day over a `day_prefix` right before it: "the day before last
/// Tuesday('s hearing)" is the Monday before (TimeML: one expression, its value shifted),
/// "the week of March 6" is the ISO week of that day (`2000-W10`). `start` moves to the
/// phrase and the signal is the word before it.
fn relate_to_day(text: &str, lex: &TimeLexicon, out: &mut [Cand]) {
    let Some(re) = &lex.day_prefix_re else {
        return;
    };
    for c in out.iter_mut() {
        let Some((day, _)) = c.t.interval else {
            continue;
        };
        if c.t.ttype != TimexType::Date || Gran::of_value(&c.t.value) != Some(Gran::Day) {
            continue;
        }
        let Some(before) = text.get(..c.t.start) else {
            continue;
        };
        let Some(m) = re.captures(before) else {
            continue;
        };
        let (Some(all), Some(p)) = (m.get(0), m.name("p")) else {
            continue;
        };
        let Some(shift) = lex.day_prefixes.get(&norm(p.as_str())) else {
            continue;
        };
        let res = match shift {
            Some(n) => add_days(day, *n).map(Cx::date_res),
            None => Gran::Week.res(day),
        };
        let Some((ttype, value, interval)) = res else {
            continue;
        };
        c.t.start = all.start();
        c.t.text = text[all.start()..c.t.end].to_string();
        c.t.signal = lex.signal_before(text, all.start());
        c.t.ttype = ttype;
        c.t.value = value;
        c.t.interval = interval;
    }
}

/// Joins a clock time and the day next to it into one TIME expression, as TimeML does:
/// "10 p.m. Wednesday", "noon Thursday", "Nov. 9 at 5 p.m." → `1998-02-11T22:00`.
fn merge_time_and_day(text: &str, cands: Vec<Cand>) -> Vec<Timex> {
    let is_clock = |c: &Cand| {
        matches!(
            c.rule,
            Rule::TimeAmPm | Rule::Time24 | Rule::TimeMil | Rule::Noon | Rule::PartDay
        )
    };
    let is_day =
        |c: &Cand| c.t.ttype == TimexType::Date && Gran::of_value(&c.t.value) == Some(Gran::Day);
    let joinable = |gap: &str| {
        let g = gap.trim_matches(|ch: char| ch.is_whitespace() || ch == ',');
        g.is_empty() || g.eq_ignore_ascii_case("on") || g.eq_ignore_ascii_case("at")
    };
    let mut out: Vec<Timex> = Vec::with_capacity(cands.len());
    let mut it = cands.into_iter().peekable();
    while let Some(a) = it.next() {
        if let Some(b) = it.peek() {
            let (clock, day) = if is_clock(&a) && is_day(b) {
                (&a, b)
            } else if is_day(&a) && is_clock(b) {
                (b, &a)
            } else {
                out.push(a.t);
                continue;
            };
            if let Some(gap) = text.get(a.t.end..b.t.start)
                && joinable(gap)
                && let Some(time) = clock.t.value.find('T').map(|i| &clock.t.value[i..])
            {
                let value = format!("{}{time}", day.t.value);
                let interval = day.t.interval;
                let (start, end) = (a.t.start, b.t.end);
                let signal = a.t.signal.clone();
                it.next();
                out.push(Timex {
                    start,
                    end,
                    text: text[start..end].to_string(),
                    signal,
                    ttype: TimexType::Time,
                    value,
                    interval,
                });
                continue;
            }
        }
        out.push(a.t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn lex() -> &'static TimeLexicon {
        static LEX: std::sync::OnceLock<TimeLexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(TimeLexicon::builtin)
    }

    fn run(text: &str, dct: Option<Date>) -> Vec<Timex> {
        let out = tag(text, dct, lex());
        for t in &out {
            assert_eq!(&text[t.start..t.end], t.text, "offsets of {t:?}");
        }
        out
    }

    /// The single expression whose text contains `needle`.
    fn find(text: &str, dct: Option<Date>, needle: &str) -> Timex {
        let out = run(text, dct);
        let hits: Vec<&Timex> = out.iter().filter(|t| t.text.contains(needle)).collect();
        assert_eq!(
            hits.len(),
            1,
            "expected one timex containing {needle:?} in {out:?}"
        );
        hits[0].clone()
    }

    fn check(text: &str, dct: Date, needle: &str, value: &str, iv: Option<(Date, Date)>) {
        let t = find(text, Some(dct), needle);
        assert_eq!(t.value, value, "value of {needle:?} in {text:?}");
        assert_eq!(t.interval, iv, "interval of {needle:?} in {text:?}");
    }

    fn day(d: Date) -> Option<(Date, Date)> {
        Some((d, d))
    }

    const T: Date = date(2025, 3, 4); // a Tuesday

    #[test]
    fn interval_precision() {
        assert_eq!(precision(date(2025, 3, 4), date(2025, 3, 4)), "day");
        assert_eq!(precision(date(2025, 3, 3), date(2025, 3, 9)), "week");
        assert_eq!(precision(date(2025, 3, 4), date(2025, 3, 10)), "days");
        assert_eq!(precision(date(2024, 2, 1), date(2024, 2, 29)), "month");
        assert_eq!(precision(date(1989, 7, 1), date(1989, 9, 30)), "quarter");
        assert_eq!(precision(date(1989, 8, 1), date(1989, 10, 31)), "days");
        assert_eq!(precision(date(1989, 7, 1), date(1989, 12, 31)), "half");
        assert_eq!(precision(date(2027, 1, 1), date(2027, 12, 31)), "year");
        assert_eq!(precision(date(1990, 1, 1), date(1999, 12, 31)), "decade");
        assert_eq!(precision(date(2025, 3, 1), date(2025, 3, 10)), "days");
    }

    #[test]
    fn builtin_lexicon_loads() {
        let l = lex();
        assert_eq!(l.months.get("sept."), Some(&9));
        assert_eq!(l.weekdays.get("sunday"), Some(&7));
        assert!(l.full_months.contains("september"));
        assert!(!l.full_months.contains("sept"));
    }

    #[test]
    fn timex_type_strings() {
        assert_eq!(TimexType::Date.as_str(), "DATE");
        assert_eq!(TimexType::Time.as_str(), "TIME");
        assert_eq!(TimexType::Duration.as_str(), "DURATION");
        assert_eq!(TimexType::Set.as_str(), "SET");
    }

    #[test]
    fn lexicon_errors_have_lines() {
        let e = TimeLexicon::parse("word\tkind\tvalue\nJanuary\tmonth\n", "t.tsv").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("t.tsv", 2));
        let e = TimeLexicon::parse("# c\n\nfoo\tcolour\t1\n", "t.tsv").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unknown kind"));
        let e = TimeLexicon::parse("March\tmonth\tthree\n", "t.tsv").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("not a number"));
        let e = TimeLexicon::parse("Smarch\tmonth\t13\n", "t.tsv").unwrap_err();
        assert!(e.message.contains("out of range"));
        let e = TimeLexicon::parse("a\tnumber\t1\nfortnight\tunit\tF\n", "x").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(
            e.to_string().split(':').take(2).collect::<Vec<_>>(),
            ["x", "2"]
        );
        let e = TimeLexicon::parse("dusk\tdaypart\tDU\n", "x").unwrap_err();
        assert_eq!(e.line, 1);
        let e = TimeLexicon::parse("soon\tref\tSOON_REF\n", "x").unwrap_err();
        assert_eq!(e.line, 1);
        let e = TimeLexicon::parse("tonight\trelday\t0:XX\n", "x").unwrap_err();
        assert_eq!(e.line, 1);
        // An empty lexicon is valid and finds only patterns without words.
        let empty = TimeLexicon::parse("", "x").unwrap();
        let out = tag("Talks on 2025-03-04 at 10:30 ended.", Some(T), &empty);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].value, "2025-03-04T10:30");
    }

    #[test]
    fn interval_export_forms() {
        assert_eq!(
            interval_value(date(2025, 3, 5), date(2025, 3, 5)),
            "2025-03-05"
        );
        assert_eq!(
            interval_value(date(1997, 4, 1), date(1997, 4, 30)),
            "1997-04"
        );
        assert_eq!(
            interval_value(date(2024, 2, 1), date(2024, 2, 29)),
            "2024-02"
        );
        assert_eq!(interval_value(date(2027, 1, 1), date(2027, 12, 31)), "2027");
        assert_eq!(
            interval_value(date(2025, 2, 24), date(2025, 3, 2)),
            "2025-02-24/2025-03-02"
        );
        assert_eq!(
            interval_value(date(2025, 1, 1), date(2025, 2, 28)),
            "2025-01-01/2025-02-28"
        );
    }

    #[test]
    fn weekdays_by_tense_dct_2025_03_04() {
        let s = "The envoy will fly out on Wednesday to meet the rebels.";
        check(s, T, "Wednesday", "2025-03-05", day(date(2025, 3, 5)));
        let w = find(s, Some(T), "Wednesday");
        assert_eq!(
            (w.text.as_str(), w.signal.as_deref()),
            ("Wednesday", Some("on"))
        );
        check(
            "The two leaders will sit down on Thursday.",
            T,
            "Thursday",
            "2025-03-06",
            day(date(2025, 3, 6)),
        );
        let t = find(
            "She said she spoke to him on Monday night.",
            Some(T),
            "Monday",
        );
        assert_eq!(t.text, "Monday night");
        assert_eq!(t.value, "2025-03-03TNI");
        assert_eq!(t.ttype, TimexType::Time);
        assert_eq!(t.interval, day(date(2025, 3, 3)));
        check(
            "The vote took place on Tuesday.",
            T,
            "Tuesday",
            "2025-03-04",
            day(T),
        );
        let t = find(
            "Earlier on Tuesday, the minister resigned.",
            Some(T),
            "Tuesday",
        );
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            ("Earlier on Tuesday", "2025-03-04")
        );
        check(
            "They clashed last Thursday in the capital.",
            T,
            "Thursday",
            "2025-02-27",
            day(date(2025, 2, 27)),
        );
        check(
            "It follows their row last Friday over tariffs.",
            T,
            "Friday",
            "2025-02-28",
            day(date(2025, 2, 28)),
        );
        check(
            "Rebels withdrew on Sunday.",
            T,
            "Sunday",
            "2025-03-02",
            day(date(2025, 3, 2)),
        );
        check(
            "He arrives next Sunday.",
            T,
            "Sunday",
            "2025-03-09",
            day(date(2025, 3, 9)),
        );
        check(
            "The summit opens this coming Tuesday.",
            T,
            "Tuesday",
            "2025-03-11",
            day(date(2025, 3, 11)),
        );
        check(
            "A ruling is expected to come late Friday.",
            T,
            "Friday",
            "2025-03-07",
            day(date(2025, 3, 7)),
        );
        // The same weekday as the DCT in a future clause is the DCT itself.
        check(
            "Ministers will meet on Tuesday.",
            T,
            "Tuesday",
            "2025-03-04",
            day(T),
        );
    }

    #[test]
    fn weekdays_dct_1997() {
        let d = date(1997, 4, 2); // Wednesday
        check(
            "The two sides met in Geneva Wednesday.",
            d,
            "Wednesday",
            "1997-04-02",
            day(d),
        );
        check(
            "On Tuesday, Beijing told Washington to back off.",
            d,
            "Tuesday",
            "1997-04-01",
            day(date(1997, 4, 1)),
        );
        let iv = Some((date(1997, 3, 24), date(1997, 3, 30)));
        check("Fighting flared last week.", d, "week", "1997-W13", iv);
        let d = date(1997, 4, 13); // Sunday
        check(
            "Troops would be deployed on the streets from early Monday.",
            d,
            "Monday",
            "1997-04-14",
            day(date(1997, 4, 14)),
        );
        assert_eq!(
            find(
                "Troops would be deployed on the streets from early Monday.",
                Some(d),
                "Monday"
            )
            .text,
            "early Monday"
        );
        check(
            "On Saturday, protesters marched.",
            d,
            "Saturday",
            "1997-04-12",
            day(date(1997, 4, 12)),
        );
    }

    #[test]
    fn weeks_and_weekends() {
        check(
            "Prices rose last week.",
            T,
            "last week",
            "2025-W09",
            Some((date(2025, 2, 24), date(2025, 3, 2))),
        );
        check(
            "Talks resume this week.",
            T,
            "this week",
            "2025-W10",
            Some((date(2025, 3, 3), date(2025, 3, 9))),
        );
        check(
            "Talks resume next week.",
            T,
            "next week",
            "2025-W11",
            Some((date(2025, 3, 10), date(2025, 3, 16))),
        );
        check(
            "They quarrelled earlier this week.",
            T,
            "week",
            "2025-W10",
            Some((date(2025, 3, 3), T)),
        );
        let t = find(
            "Police detained 40 people over the weekend.",
            Some(T),
            "weekend",
        );
        assert_eq!(
            (t.text.as_str(), t.signal.as_deref()),
            ("the weekend", Some("over"))
        );
        assert_eq!(t.value, "2025-W09-WE");
        assert_eq!(t.interval, Some((date(2025, 3, 1), date(2025, 3, 2))));
        check(
            "Voters will go to the polls at the weekend.",
            T,
            "weekend",
            "2025-W10-WE",
            Some((date(2025, 3, 8), date(2025, 3, 9))),
        );
        check(
            "Crowds gathered last weekend.",
            T,
            "weekend",
            "2025-W09-WE",
            Some((date(2025, 3, 1), date(2025, 3, 2))),
        );
    }

    #[test]
    fn iso_week_53() {
        check(
            "Cases doubled last week.",
            date(2021, 1, 6),
            "last week",
            "2020-W53",
            Some((date(2020, 12, 28), date(2021, 1, 3))),
        );
    }

    #[test]
    fn last_friday_across_new_year() {
        let d = date(2026, 1, 1); // Thursday
        check(
            "The pact was signed last Friday.",
            d,
            "Friday",
            "2025-12-26",
            day(date(2025, 12, 26)),
        );
        check(
            "The pact was signed last Thursday.",
            d,
            "Thursday",
            "2025-12-25",
            day(date(2025, 12, 25)),
        );
    }

    #[test]
    fn month_days() {
        // Future clause: on or after the DCT; past: on or before; no cue: nearest.
        check(
            "Elections will be held on April 14.",
            T,
            "April",
            "2025-04-14",
            day(date(2025, 4, 14)),
        );
        check(
            "The ceasefire collapsed on April 14.",
            T,
            "April",
            "2024-04-14",
            day(date(2024, 4, 14)),
        );
        check(
            "Deadline: April 14.",
            T,
            "April",
            "2025-04-14",
            day(date(2025, 4, 14)),
        );
        let t = find(
            "The army said on April 7 that it had withdrawn.",
            Some(T),
            "April",
        );
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            ("April 7", "2024-04-07")
        );
        check(
            "Talks collapsed on Aug. 7.",
            T,
            "Aug",
            "2024-08-07",
            day(date(2024, 8, 7)),
        );
        check(
            "The deal was signed 14 April.",
            T,
            "April",
            "2024-04-14",
            day(date(2024, 4, 14)),
        );
        check(
            "The body will meet on Sept. 27.",
            T,
            "Sept",
            "2025-09-27",
            day(date(2025, 9, 27)),
        );
        check(
            "The body meets on Sept. 27.",
            T,
            "Sept",
            "2024-09-27",
            day(date(2024, 9, 27)),
        );
        check(
            "The law passed on February 29.",
            date(2024, 3, 10),
            "February",
            "2024-02-29",
            day(date(2024, 2, 29)),
        );
        // Invalid dates are skipped, not panicked on.
        let out = run("It was signed on February 30 and on April 31.", Some(T));
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn explicit_dates() {
        check(
            "It began on March 4, 2025.",
            T,
            "March",
            "2025-03-04",
            day(T),
        );
        check(
            "It began on 4 March 2025.",
            T,
            "March",
            "2025-03-04",
            day(T),
        );
        check("It began on 2025-03-04.", T, "2025", "2025-03-04", day(T));
        check(
            "He was born Sept. 27, 1989.",
            T,
            "Sept",
            "1989-09-27",
            day(date(1989, 9, 27)),
        );
        check(
            "The treaty of March 1990 is void.",
            T,
            "March",
            "1990-03",
            Some((date(1990, 3, 1), date(1990, 3, 31))),
        );
        // Absolute dates resolve without a DCT.
        let t = find("It began on March 4, 2025.", None, "March");
        assert_eq!((t.value.as_str(), t.interval), ("2025-03-04", day(T)));
    }

    #[test]
    fn weekday_with_date() {
        // The weekday picks the year: 9 March 2025 is a Sunday.
        let t = find(
            "Voters go to the polls on Sunday, March 9, officials said.",
            Some(T),
            "Sunday",
        );
        assert_eq!(t.text, "Sunday, March 9");
        assert_eq!(
            (t.value.as_str(), t.interval),
            ("2025-03-09", day(date(2025, 3, 9)))
        );
        check(
            "It ended Friday 14 June.",
            T,
            "Friday",
            "2024-06-14",
            day(date(2024, 6, 14)),
        );
        check(
            "It ended Monday, Jan. 6, 2020.",
            T,
            "Monday",
            "2020-01-06",
            day(date(2020, 1, 6)),
        );
    }

    #[test]
    fn vague_quantities() {
        let t = find("The bill was approved a few days ago.", Some(T), "ago");
        assert_eq!((t.value.as_str(), t.interval), ("PAST_REF", None));
        let t = find("Talks stalled for several weeks.", Some(T), "weeks");
        assert_eq!((t.ttype, t.value.as_str()), (TimexType::Duration, "PXW"));
    }

    #[test]
    fn day_ranges() {
        check(
            "Talks will run May 12-13 in Oslo.",
            T,
            "May",
            "2025-05-12/2025-05-13",
            Some((date(2025, 5, 12), date(2025, 5, 13))),
        );
        let t = find("The fair runs from April 14 to 19.", Some(T), "April");
        assert_eq!(t.text, "April 14 to 19");
        assert_eq!(t.signal.as_deref(), Some("from"));
        assert_eq!(t.interval, Some((date(2025, 4, 14), date(2025, 4, 19))));
        check(
            "Strikes were held April 14-19.",
            T,
            "April",
            "2024-04-14/2024-04-19",
            Some((date(2024, 4, 14), date(2024, 4, 19))),
        );
        check(
            "The session is set to run from May 30 to June 2, 2025.",
            T,
            "May",
            "2025-05-30/2025-06-02",
            Some((date(2025, 5, 30), date(2025, 6, 2))),
        );
    }

    #[test]
    fn months() {
        let d = date(1997, 4, 4);
        check(
            "Prices fell in February.",
            d,
            "February",
            "1997-02",
            Some((date(1997, 2, 1), date(1997, 2, 28))),
        );
        check(
            "Prices fell in January.",
            d,
            "January",
            "1997-01",
            Some((date(1997, 1, 1), date(1997, 1, 31))),
        );
        check(
            "A vote will be held in February.",
            d,
            "February",
            "1998-02",
            Some((date(1998, 2, 1), date(1998, 2, 28))),
        );
        check(
            "The war ends early March, officials will say.",
            T,
            "March",
            "2025-03",
            Some((date(2025, 3, 1), date(2025, 3, 10))),
        );
        check(
            "It is due in late March.",
            T,
            "March",
            "2025-03",
            Some((date(2025, 3, 21), date(2025, 3, 31))),
        );
        check(
            "It is due by mid-March.",
            T,
            "March",
            "2025-03",
            Some((date(2025, 3, 11), date(2025, 3, 20))),
        );
        check(
            "The truce broke down last December.",
            T,
            "December",
            "2024-12",
            Some((date(2024, 12, 1), date(2024, 12, 31))),
        );
        // "May" alone is a verb or a name unless a preposition makes it a month.
        assert!(run("Prime Minister May said she may go.", Some(T)).is_empty());
        check(
            "The poll is due in May.",
            T,
            "May",
            "2025-05",
            Some((date(2025, 5, 1), date(2025, 5, 31))),
        );
        // Lower-case month words are not months.
        assert!(run("Thousands joined the march.", Some(T)).is_empty());
    }

    #[test]
    fn relative_days() {
        check(
            "Rebels attacked yesterday.",
            T,
            "yesterday",
            "2025-03-03",
            day(date(2025, 3, 3)),
        );
        check("Rebels attack today.", T, "today", "2025-03-04", day(T));
        check(
            "Rebels attack tomorrow.",
            T,
            "tomorrow",
            "2025-03-05",
            day(date(2025, 3, 5)),
        );
        let t = find("He will speak tonight.", Some(T), "tonight");
        assert_eq!(
            (t.value.as_str(), t.ttype),
            ("2025-03-04TNI", TimexType::Time)
        );
        check(
            "He spoke this morning.",
            T,
            "morning",
            "2025-03-04TMO",
            day(T),
        );
        check(
            "Shelling continued overnight.",
            T,
            "overnight",
            "2025-03-04",
            day(T),
        );
        check(
            "They met yesterday afternoon.",
            T,
            "yesterday",
            "2025-03-03TAF",
            day(date(2025, 3, 3)),
        );
        check(
            "It happened two days ago.",
            T,
            "ago",
            "2025-03-02",
            day(date(2025, 3, 2)),
        );
        check(
            "It happened a week ago.",
            T,
            "ago",
            "2025-W09",
            Some((date(2025, 2, 24), date(2025, 3, 2))),
        );
        check(
            "It happened three years ago.",
            T,
            "ago",
            "2022",
            Some((date(2022, 1, 1), date(2022, 12, 31))),
        );
    }

    #[test]
    fn relative_months_years() {
        // "or so" keeps an approximate "ago" one expression.
        let t = find("Talks began a week or so ago.", Some(T), "week");
        assert_eq!(
            (t.ttype, t.text.as_str(), t.value.as_str()),
            (TimexType::Date, "a week or so ago", "2025-W09")
        );
        check(
            "Talks began a month or so ago.",
            T,
            "month",
            "2025-02",
            Some((date(2025, 2, 1), date(2025, 2, 28))),
        );
        check(
            "Exports fell last year.",
            T,
            "year",
            "2024",
            Some((date(2024, 1, 1), date(2024, 12, 31))),
        );
        check(
            "Exports rise this year.",
            T,
            "year",
            "2025",
            Some((date(2025, 1, 1), date(2025, 12, 31))),
        );
        check(
            "Exports rise next year.",
            T,
            "year",
            "2026",
            Some((date(2026, 1, 1), date(2026, 12, 31))),
        );
        check(
            "Exports fell last month.",
            T,
            "month",
            "2025-02",
            Some((date(2025, 2, 1), date(2025, 2, 28))),
        );
        check(
            "Exports rise next month.",
            T,
            "month",
            "2025-04",
            Some((date(2025, 4, 1), date(2025, 4, 30))),
        );
        check(
            "Polls are due early next year.",
            T,
            "year",
            "2026",
            Some((date(2026, 1, 1), date(2026, 4, 30))),
        );
        check(
            "He was elected earlier this year.",
            T,
            "year",
            "2025",
            Some((date(2025, 1, 1), T)),
        );
        let t = find("Violence rose over the past year.", Some(T), "year");
        assert_eq!(
            (t.ttype, t.value.as_str(), t.interval),
            (TimexType::Duration, "P1Y", None)
        );
    }

    #[test]
    fn years_and_decades() {
        let y = |a: i16| Some((date(a, 1, 1), date(a, 12, 31)));
        check("The party was founded in 1979.", T, "1979", "1979", y(1979));
        assert_eq!(
            find("It was founded in 1979.", Some(T), "1979").text,
            "1979"
        );
        check("It has ruled since 1949.", T, "1949", "1949", y(1949));
        check("Emissions must halve by 2027.", T, "2027", "2027", y(2027));
        check(
            "The sanctions expire in mid-2026.",
            T,
            "2026",
            "2026",
            Some((date(2026, 5, 1), date(2026, 8, 31))),
        );
        check(
            "It was founded in late 1979.",
            T,
            "1979",
            "1979",
            Some((date(1979, 9, 1), date(1979, 12, 31))),
        );
        assert!(run("Police arrested 2000 people.", Some(T)).is_empty());
        assert!(run("The force grew by 2000 troops.", Some(T)).is_empty());
        assert!(run("Turnout rose to 1,979 voters.", Some(T)).is_empty());
        assert!(run("Spending of 2500 was cut.", Some(T)).is_empty());
        check(
            "Growth was strong in the 1990s.",
            T,
            "1990s",
            "199",
            Some((date(1990, 1, 1), date(1999, 12, 31))),
        );
        // A range is two expressions, as TimeML annotates it.
        check("It ruled from 1979 to 1983.", T, "1979", "1979", y(1979));
        check("It ruled from 1979 to 1983.", T, "1983", "1983", y(1983));
        check(
            "Aid fell between 1982 and 1992.",
            T,
            "1992",
            "1992",
            y(1992),
        );
        // Years resolve without a DCT.
        let t = find("It was founded in 1979.", None, "1979");
        assert_eq!(t.interval, y(1979));
    }

    #[test]
    fn decades_in_words() {
        let dec = |a: i16| Some((date(a, 1, 1), date(a + 9, 12, 31)));
        check(
            "Crime fell in the nineties.",
            T,
            "nineties",
            "199",
            dec(1990),
        );
        check("Crime fell in the '80s.", T, "80s", "198", dec(1980));
        check("Crime fell in the late ’70s.", T, "70s", "197", {
            Some((date(1977, 1, 1), date(1979, 12, 31)))
        });
        // The last such decade begun by the DCT.
        check(
            "Prices rose in the twenties.",
            T,
            "twenties",
            "202",
            dec(2020),
        );
        check(
            "Prices rose in the twenties.",
            date(2019, 5, 1),
            "twenties",
            "192",
            dec(1920),
        );
        // An age, not a decade.
        assert!(run("He was in his forties.", Some(T)).is_empty());
        let t = find("Crime fell in the nineties.", None, "nineties");
        assert_eq!((t.value.as_str(), t.interval), ("XX9", None));
    }

    #[test]
    fn parts_of_the_day() {
        let t = find(
            "By mid-afternoon the talks had ended.",
            Some(T),
            "afternoon",
        );
        assert_eq!(
            (t.ttype, t.text.as_str(), t.value.as_str()),
            (TimexType::Time, "mid-afternoon", "2025-03-04TAF")
        );
        check(
            "Shares fell in late morning trading.",
            T,
            "morning",
            "2025-03-04TMO",
            day(T),
        );
        // Joined to the day next to it.
        check(
            "Shares rose at mid-afternoon yesterday.",
            T,
            "afternoon",
            "2025-03-03TAF",
            day(date(2025, 3, 3)),
        );
    }

    #[test]
    fn times_of_day() {
        let d = date(1997, 4, 2);
        let t = find(
            "The blast occurred at 10:30 a.m. on Wednesday.",
            Some(d),
            "10:30",
        );
        assert_eq!(
            (t.ttype, t.value.as_str()),
            (TimexType::Time, "1997-04-02T10:30")
        );
        // A clock time and its day are one TIME expression (TimeML), dated by the day.
        assert_eq!(t.text, "10:30 a.m. on Wednesday");
        assert_eq!(t.interval, day(d));
        check(
            "The blast occurred at 10:30 a.m. on Wednesday.",
            date(1997, 4, 4),
            "Wednesday",
            "1997-04-02T10:30",
            day(d),
        );
        check(
            "Voting will end at noon Thursday.",
            date(1997, 4, 2),
            "noon",
            "1997-04-03T12:00",
            day(date(1997, 4, 3)),
        );
        check(
            "Polls close at 8 p.m.",
            d,
            "p.m.",
            "1997-04-02T20:00",
            day(d),
        );
        check(
            "Troops moved in at 0230 GMT.",
            d,
            "0230",
            "1997-04-02T02:30",
            day(d),
        );
        let t = find("Polls close at 8 p.m.", None, "p.m.");
        assert_eq!((t.value.as_str(), t.interval), ("XXXX-XX-XXT20:00", None));
        assert!(run("The score was 3:1 at 25:70.", Some(d)).is_empty());
        assert!(run("It was high noon for the coalition.", Some(d)).is_empty());
    }

    #[test]
    fn durations() {
        let dur = |text: &str, needle: &str, v: &str| {
            let t = find(text, Some(T), needle);
            assert_eq!(
                (t.ttype, t.value.as_str(), t.interval),
                (TimexType::Duration, v, None),
                "{text}"
            );
        };
        dur("A two-day summit opened.", "two-day", "P2D");
        dur("He was held for three days.", "three days", "P3D");
        assert_eq!(
            find("He was held for three days.", Some(T), "days").text,
            "three days"
        );
        dur("A 48-hour ceasefire began.", "48-hour", "PT48H");
        dur("They talked for a week.", "week", "P1W");
        dur("Fighting has raged for years.", "years", "PXY");
        // TimeML writes decades in years, the vague ones too.
        dur("The feud has lasted decades.", "decades", "PXY");
        dur(
            "The feud has lasted several decades.",
            "several decades",
            "PXY",
        );
        dur("The feud has lasted two decades.", "two decades", "P20Y");
        // Bare "quarters" is a place or a circle of people, not time.
        assert!(run("Troops searched the living quarters.", Some(T)).is_empty());
        assert!(run("Critics in some quarters objected.", Some(T)).is_empty());
        dur("Losses lasted several quarters.", "several quarters", "PXQ");
        dur("He ended a several-year exile.", "several-year", "PXY");
        dur("They signed a multiyear contract.", "multiyear", "PXY");
        dur("They held a day-long meeting.", "day-long", "P1D");
        dur("A yearlong siege ended.", "yearlong", "P1Y");
        dur(
            "The truce holds for an additional week.",
            "additional week",
            "P1W",
        );
        dur(
            "The mandate runs two extra years.",
            "two extra years",
            "P2Y",
        );
        dur("The past two weeks were calm.", "weeks", "P2W");
        assert!(run("A 20-year-old man was hurt.", Some(T)).is_empty());
    }

    #[test]
    fn sets() {
        let set = |text: &str, needle: &str, v: &str| {
            let t = find(text, Some(T), needle);
            assert_eq!(
                (t.ttype, t.value.as_str(), t.interval),
                (TimexType::Set, v, None),
                "{text}"
            );
        };
        set("Protesters gather every Monday.", "Monday", "XXXX-WXX-1");
        set("The council meets weekly.", "weekly", "P1W");
        set("Envoys meet twice a month.", "month", "P1M");
        set("Prayers are held on Fridays.", "Fridays", "XXXX-WXX-5");
        set("Patrols run every morning.", "morning", "XXXX-XX-XXTMO");
        set("Their hourly wage rose.", "hourly", "PT1H");
        set("Farmers march each July.", "July", "XXXX-07");
        set("The roads flood every winter.", "winter", "XXXX-WI");
        set(
            "Vigils are held on Friday nights.",
            "Friday nights",
            "XXXX-WXX-5TNI",
        );
        set(
            "Envoys meet every Monday evening.",
            "Monday",
            "XXXX-WXX-1TEV",
        );
    }

    #[test]
    fn generic_references() {
        let g = |text: &str, needle: &str, v: &str| {
            let t = find(text, Some(T), needle);
            assert_eq!((t.value.as_str(), t.interval), (v, None), "{text}");
        };
        g("He recently resigned.", "recently", "PAST_REF");
        g("The town is now calm.", "now", "PRESENT_REF");
        g("She currently leads.", "currently", "PRESENT_REF");
        g("Talks may resume in the future.", "future", "FUTURE_REF");
    }

    #[test]
    fn recent_soon_and_future_are_references() {
        let g = |text: &str, needle: &str, v: &str| {
            let t = find(text, Some(T), needle);
            assert_eq!(
                (t.text.as_str(), t.value.as_str(), t.interval),
                (needle, v, None),
                "{text}"
            );
        };
        g("A recent survey found wide support.", "recent", "PAST_REF");
        g("The envoy will soon return to Cairo.", "soon", "FUTURE_REF");
        g(
            "The ministry may soon lift the curfew.",
            "soon",
            "FUTURE_REF",
        );
        g(
            "The army wants the talks to end as soon as possible.",
            "as soon as possible",
            "FUTURE_REF",
        );
        g(
            "The deal limits future tariff rises.",
            "future",
            "FUTURE_REF",
        );
        g("Future talks will be held in Oslo.", "Future", "FUTURE_REF");
        // Capitalised inside a sentence: a name.
        assert!(run("The Future Movement won seats.", Some(T)).is_empty());
        g(
            "It will cut costs in future years.",
            "future years",
            "FUTURE_REF",
        );
        g(
            "Shares were sold at the then current price.",
            "then current",
            "PAST_REF",
        );
        // Near another time, or the future of a past one: no reference to the DCT.
        for text in [
            "The mayor resigned soon after the vote.",
            "Troops may arrive as soon as Monday.",
            "The hostage was soon freed by the rebels.",
        ] {
            assert!(
                run(text, Some(T)).iter().all(|t| !t.text.contains("soon")),
                "{text}"
            );
        }
        // Unchanged: "recent weeks" stays a vague duration, "recently" a reference.
        g("Prices rose in recent weeks.", "recent weeks", "PXW");
        g("Prices rose recently.", "recently", "PAST_REF");
    }

    #[test]
    fn without_dct() {
        let t = find("Ministers met on Wednesday.", None, "Wednesday");
        assert_eq!((t.value.as_str(), t.interval), ("XXXX-WXX-3", None));
        let t = find("Ministers met on Monday night.", None, "Monday");
        assert_eq!(t.value, "XXXX-WXX-1TNI");
        let t = find("Ministers met on December 25.", None, "December");
        assert_eq!((t.value.as_str(), t.interval), ("XXXX-12-25", None));
        let t = find("Ministers met last week.", None, "week");
        assert_eq!((t.value.as_str(), t.interval), ("XXXX-WXX", None));
        let t = find("Ministers met yesterday.", None, "yesterday");
        assert_eq!((t.value.as_str(), t.interval), ("XXXX-XX-XX", None));
        let t = find("Ministers met in February.", None, "February");
        assert_eq!(t.value, "XXXX-02");
    }

    #[test]
    fn no_overlaps_and_longest_match() {
        let text = "On Monday night, a two-day truce agreed last week collapsed; \
                    talks resume March 4, 2025 and again next Sunday.";
        let out = run(text, Some(date(2025, 2, 1)));
        for w in out.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap: {:?}", out);
        }
        let texts: Vec<&str> = out.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Monday night",
                "two-day",
                "last week",
                "March 4, 2025",
                "next Sunday"
            ]
        );
    }

    #[test]
    fn no_panic_on_odd_input() {
        assert!(run("", Some(T)).is_empty());
        assert!(run("", None).is_empty());
        let text = "🎉 Ünïcødé… 会谈 on Wednesday 🚀, then 日本 April 14—19 ✓ 9999-99-99 \
                    in 2100 and 31 February, 999999 days ago, 99:99, March 0, Aug. 77";
        let out = run(text, Some(T));
        assert!(out.iter().any(|t| t.text == "Wednesday"));
        for t in &out {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        // Extreme DCTs must not overflow.
        let _ = run(
            "last year, next week, the weekend, in 2000 days ago yesterday",
            Some(Date::MAX),
        );
        let _ = run(
            "last year, next week, the weekend, tomorrow",
            Some(Date::MIN),
        );
        let _ = run(
            "On Monday, May 12-13, 10 p.m. next decade",
            Some(date(-9999, 1, 1)),
        );
        // Every prefix of a text is taggable (cuts inside multi-byte chars are avoided).
        let text = "Über 3 Tage… 🚀 on Monday night, 4 March 2025";
        for (i, _) in text.char_indices() {
            let _ = run(&text[..i], Some(T));
            let _ = run(&text[i..], Some(T));
        }
    }
}
