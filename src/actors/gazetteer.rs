//! Loading and validating the actor knowledge files in `data/`:
//! `countries.tsv`, `organizations.tsv`, `people.tsv`, `roles.tsv`, `name_words.tsv`.
//!
//! Each file is tab-separated with a header line; `#` starts a comment line; multi-valued
//! fields are separated by `|`. Every problem is reported as a [`DataError`] with the file and
//! the 1-based line.

use crate::error::{DataError, tsv_rows as rows};
use crate::model::ActorType;
use std::collections::{HashMap, HashSet};

/// A role held by a gazetteer person for a period of time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSpell {
    /// Lower-case role as news writes it ("prime minister").
    pub role: String,
    /// Role class from `roles.tsv` ("head_of_government"), or the role itself when unknown.
    pub class: String,
    /// CAMEO sector code (GOV, MIL, LEG, …), may be empty.
    pub sector: String,
    /// First day in office, ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); empty if unknown.
    pub start: String,
    /// Last day in office; empty while still in office.
    pub end: String,
}

impl RoleSpell {
    /// True when `date` (`YYYY-MM-DD`) falls inside the spell, with `slack_days` of tolerance
    /// on both ends (dates compare as ISO strings, padded to day precision).
    pub fn covers(&self, date: &str, slack_days: i64) -> bool {
        let Ok(d) = date.parse::<jiff::civil::Date>() else {
            return false;
        };
        let span = jiff::Span::new().days(slack_days);
        if !self.start.is_empty() {
            let s = pad_date(&self.start, false);
            if let Ok(s) = s.parse::<jiff::civil::Date>()
                && let Ok(s) = s.checked_sub(span)
                && d < s
            {
                return false;
            }
        }
        if !self.end.is_empty() {
            let e = pad_date(&self.end, true);
            if let Ok(e) = e.parse::<jiff::civil::Date>()
                && let Ok(e) = e.checked_add(span)
                && d > e
            {
                return false;
            }
        }
        true
    }
}

impl RoleSpell {
    /// Days from `date` (`YYYY-MM-DD`) to the nearest day of the spell: 0 inside it, and
    /// `i64::MAX` when `date` does not parse.
    pub fn days_from(&self, date: &str) -> i64 {
        let Ok(d) = date.parse::<jiff::civil::Date>() else {
            return i64::MAX;
        };
        let gap = |bound: &str, end: bool| -> i64 {
            if bound.is_empty() {
                return 0;
            }
            let Ok(b) = pad_date(bound, end).parse::<jiff::civil::Date>() else {
                return 0;
            };
            let days = i64::from((d - b).get_days());
            if end { days.max(0) } else { (-days).max(0) }
        };
        gap(&self.start, false).max(gap(&self.end, true))
    }
}

fn pad_date(s: &str, end: bool) -> String {
    match s.len() {
        4 => format!("{s}{}", if end { "-12-31" } else { "-01-01" }),
        7 => {
            if end {
                // Last day of the month through jiff.
                format!("{s}-01")
                    .parse::<jiff::civil::Date>()
                    .map(|d| d.last_of_month().to_string())
                    .unwrap_or_else(|_| format!("{s}-28"))
            } else {
                format!("{s}-01")
            }
        }
        _ => s.to_string(),
    }
}

/// A canonical actor in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable identity key: ISO3 for countries, `org:KEY`, `person:slug`.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Person, country or organisation.
    pub kind: ActorType,
    /// ISO 3166-1 alpha-3 country, if any.
    pub country: Option<String>,
    /// CAMEO actor code, if known (for persons: computed from country + sector).
    pub cameo: Option<String>,
    /// Role spells (persons only).
    pub spells: Vec<RoleSpell>,
}

/// What a surface string stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceKind {
    /// The full name or a full alias.
    Name,
    /// A single-word alias of a person (usually the surname): used only with support.
    Surname,
    /// A demonym ("Ukrainian") for a country.
    Demonym,
    /// A metonym for a country's government ("Kremlin", "Washington").
    Government,
    /// A place inside a country (`places.tsv`: "Tel Aviv", "Geneva"): a destination or venue,
    /// never an actor by itself.
    Place,
    /// A short name of a country that stands for it only once the article has named it
    /// (`countries.tsv` column `short`: "the North" for North Korea). Matched apart from
    /// the other surfaces, with its capitalised words as written and no capitalised word
    /// after it ("the North Korean" is no short name).
    Short,
}

/// One surface string of a gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    /// The string as written in the file.
    pub text: String,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// Its kind.
    pub kind: SurfaceKind,
    /// True when matching must respect case (short all-caps forms such as "US", "IS").
    pub case_sensitive: bool,
}

/// A role word or phrase from `roles.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Canonical role ("prime minister").
    pub role: String,
    /// Role class ("head_of_government", "honorific", …).
    pub class: String,
    /// CAMEO sector code, may be empty.
    pub sector: String,
}

/// The kinds of words in `name_words.tsv` that steer name recognition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameWordKind {
    /// A word that marks a capitalised sequence as an organisation ("Council", "Ministry").
    OrgCue,
    /// A word that marks a capitalised sequence as a place ("Airport", "Street").
    PlaceCue,
    /// A capitalised word that is never part of a person's name ("The", "Monday").
    NotName,
    /// A lower-case particle inside names ("bin", "al", "van").
    Particle,
    /// A verb of saying after a name ("said", "told").
    SpeechVerb,
    /// A noun that makes a preceding country name a modifier of a thing ("Iranian oil").
    ThingNoun,
    /// An ISO3 code of a country whose names put the surname first ("Lee Teng-hui").
    SurnameFirstCountry,
}

/// A sector noun from `sectors.tsv` ("rebels", "troops").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectorWord {
    /// Lower-case words of the phrase.
    pub words: Vec<String>,
    /// CAMEO sector code (REB, OPP, MIL, GOV, …).
    pub sector: String,
    /// True for a distinct group actor ("rebels"); false when the phrase stands for the state.
    pub group: bool,
    /// True when the noun alone ("the rebels") names the group of the article's country;
    /// false for people of a country ("refugees"), actors only after a country or demonym.
    pub bare: bool,
    /// True for kind `challenged`: a state word that, bare ("the government", "the
    /// regime"), names the state that rebels or an opposition named in the same sentence
    /// challenge ("talks between Zairean rebels and the government").
    pub challenged: bool,
}

/// All actor knowledge: countries, organisations, people, roles and name words.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Sector nouns, longest first.
    pub sectors: Vec<SectorWord>,
    /// Crowd phrases before a plural demonym (`sectors.tsv` kind `crowd`): lower-case
    /// words and the CAMEO sector of the people they make of it.
    pub crowds: Vec<(Vec<String>, String)>,
    /// Canonical actors.
    pub entries: Vec<Entry>,
    /// Every surface string of every entry.
    pub surfaces: Vec<Surface>,
    /// Role phrases keyed by lower-case surface form.
    pub roles: HashMap<String, Role>,
    /// Name-steering words keyed by lower-case form.
    pub name_words: HashMap<String, NameWordKind>,
    /// Demonym (lower-case) → ISO3.
    pub demonyms: HashMap<String, String>,
    /// ISO3 → entry index of the country.
    pub countries: HashMap<String, usize>,
    /// Folded surface text (lower case, ASCII apostrophes) → indices into `surfaces`.
    by_text: HashMap<String, Vec<usize>>,
    /// Entry → its folded one-word aliases.
    surnames: HashMap<usize, Vec<String>>,
}

fn split_multi(s: &str) -> Vec<String> {
    s.split('|')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

fn check_iso3(file: &str, ln: usize, s: &str) -> Result<(), DataError> {
    if s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(DataError::new(
            file,
            ln,
            format!("`{s}` is not an ISO 3166-1 alpha-3 code (three upper-case letters)"),
        ))
    }
}

fn check_date(file: &str, ln: usize, s: &str) -> Result<(), DataError> {
    if s.is_empty() {
        return Ok(());
    }
    let padded = pad_date(s, false);
    if padded.parse::<jiff::civil::Date>().is_ok() {
        Ok(())
    } else {
        Err(DataError::new(
            file,
            ln,
            format!("`{s}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ))
    }
}

/// `text` without combining marks (Unicode NFD, marks removed): "Kováč" → "Kovac".
pub fn strip_diacritics(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// Slug used in person keys: lower-case ASCII letters and digits joined by `_`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

fn is_short_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 5 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The source texts of the knowledge files, by file name.
pub struct Sources<'a> {
    /// `countries.tsv`
    pub countries: (&'a str, &'a str),
    /// `organizations.tsv`
    pub organizations: (&'a str, &'a str),
    /// `people.tsv`
    pub people: (&'a str, &'a str),
    /// `roles.tsv`
    pub roles: (&'a str, &'a str),
    /// `name_words.tsv`
    pub name_words: (&'a str, &'a str),
    /// `places.tsv`
    pub places: (&'a str, &'a str),
    /// `sectors.tsv`
    pub sectors: (&'a str, &'a str),
}

impl Gazetteer {
    /// Parses and validates the five knowledge files. Each tuple is `(file name, contents)`.
    ///
    /// Errors: the first malformed line, as `file:line: message` (wrong header or column count,
    /// a bad ISO3 code, a bad date, an unknown name-word kind, a duplicate key).
    pub fn parse(src: &Sources) -> Result<Gazetteer, DataError> {
        let mut g = Gazetteer::default();
        g.load_roles(src.roles.0, src.roles.1)?;
        g.load_name_words(src.name_words.0, src.name_words.1)?;
        g.load_countries(src.countries.0, src.countries.1)?;
        g.load_organizations(src.organizations.0, src.organizations.1)?;
        g.load_people(src.people.0, src.people.1)?;
        g.load_places(src.places.0, src.places.1)?;
        g.load_sectors(src.sectors.0, src.sectors.1)?;
        for (i, sf) in g.surfaces.iter().enumerate() {
            if sf.kind == SurfaceKind::Short {
                continue;
            }
            let folded = crate::text::fold(&sf.text);
            if sf.kind == SurfaceKind::Surname {
                g.surnames.entry(sf.entry).or_default().push(folded.clone());
            }
            g.by_text.entry(folded).or_default().push(i);
        }
        Ok(g)
    }

    fn push_surface(&mut self, text: &str, entry: usize, kind: SurfaceKind) {
        if text.is_empty() {
            return;
        }
        self.surfaces.push(Surface {
            text: text.to_string(),
            entry,
            kind,
            case_sensitive: is_short_caps(text),
        });
        // News often drops diacritics: "Sanchez" for "Sánchez", "Kovac" for "Kováč".
        let plain = strip_diacritics(text);
        if plain != text {
            self.surfaces.push(Surface {
                text: plain,
                entry,
                kind,
                case_sensitive: is_short_caps(text),
            });
        }
    }

    fn load_roles(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        for (ln, f) in rows(src, file, &["role", "class", "sector", "variants"])? {
            let role = f[0].to_lowercase();
            if role.is_empty() || f[1].is_empty() {
                return Err(DataError::new(file, ln, "role and class must not be empty"));
            }
            let r = Role {
                role: role.clone(),
                class: f[1].to_string(),
                sector: f[2].to_string(),
            };
            for v in std::iter::once(role.clone()).chain(split_multi(f[3])) {
                self.roles
                    .entry(crate::text::fold(&v))
                    .or_insert_with(|| r.clone());
            }
        }
        Ok(())
    }

    fn load_name_words(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        for (ln, f) in rows(src, file, &["word", "kind"])? {
            let kind = match f[1] {
                "org_cue" => NameWordKind::OrgCue,
                "place_cue" => NameWordKind::PlaceCue,
                "not_name" => NameWordKind::NotName,
                "particle" => NameWordKind::Particle,
                "speech_verb" => NameWordKind::SpeechVerb,
                "thing_noun" => NameWordKind::ThingNoun,
                "surname_first_country" => NameWordKind::SurnameFirstCountry,
                other => {
                    return Err(DataError::new(
                        file,
                        ln,
                        format!(
                            "unknown kind `{other}` (expected org_cue, place_cue, not_name, particle, speech_verb, thing_noun, surname_first_country)"
                        ),
                    ));
                }
            };
            for w in split_multi(f[0]) {
                self.name_words.insert(crate::text::fold(&w), kind);
            }
        }
        Ok(())
    }

    fn load_countries(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        let header = [
            "iso3",
            "name",
            "cameo",
            "aliases",
            "demonyms",
            "government",
            "short",
        ];
        for (ln, f) in rows(src, file, &header)? {
            check_iso3(file, ln, f[0])?;
            if self.countries.contains_key(f[0]) {
                return Err(DataError::new(
                    file,
                    ln,
                    format!("duplicate country `{}`", f[0]),
                ));
            }
            let idx = self.entries.len();
            self.entries.push(Entry {
                key: f[0].to_string(),
                name: f[1].to_string(),
                kind: ActorType::Country,
                country: Some(f[0].to_string()),
                cameo: Some(if f[2].is_empty() { f[0] } else { f[2] }.to_string()),
                spells: Vec::new(),
            });
            self.countries.insert(f[0].to_string(), idx);
            self.push_surface(f[1], idx, SurfaceKind::Name);
            for a in split_multi(f[3]) {
                self.push_surface(&a, idx, SurfaceKind::Name);
            }
            for d in split_multi(f[4]) {
                self.demonyms
                    .insert(crate::text::fold(&d), f[0].to_string());
                self.push_surface(&d, idx, SurfaceKind::Demonym);
            }
            for gv in split_multi(f[5]) {
                self.push_surface(&gv, idx, SurfaceKind::Government);
            }
            for sh in split_multi(f[6]) {
                if !sh
                    .split_whitespace()
                    .skip(1)
                    .all(|w| w.starts_with(char::is_uppercase))
                {
                    return Err(DataError::new(
                        file,
                        ln,
                        format!("short name `{sh}`: the words after the first must be capitalised"),
                    ));
                }
                self.surfaces.push(Surface {
                    text: sh,
                    entry: idx,
                    kind: SurfaceKind::Short,
                    case_sensitive: true,
                });
            }
        }
        Ok(())
    }

    fn load_organizations(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        let mut keys = HashSet::new();
        for (ln, f) in rows(src, file, &["key", "name", "cameo", "country", "aliases"])? {
            if f[0].is_empty() || f[1].is_empty() {
                return Err(DataError::new(file, ln, "key and name must not be empty"));
            }
            if !keys.insert(f[0].to_string()) {
                return Err(DataError::new(
                    file,
                    ln,
                    format!("duplicate key `{}`", f[0]),
                ));
            }
            if !f[3].is_empty() {
                check_iso3(file, ln, f[3])?;
            }
            let idx = self.entries.len();
            self.entries.push(Entry {
                key: format!("org:{}", f[0]),
                name: f[1].to_string(),
                kind: ActorType::Organization,
                country: (!f[3].is_empty()).then(|| f[3].to_string()),
                cameo: (!f[2].is_empty()).then(|| f[2].to_string()),
                spells: Vec::new(),
            });
            self.push_surface(f[1], idx, SurfaceKind::Name);
            for a in split_multi(f[4]) {
                self.push_surface(&a, idx, SurfaceKind::Name);
            }
        }
        Ok(())
    }

    fn load_sectors(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        for (ln, f) in rows(src, file, &["word", "sector", "kind"])? {
            let (group, bare) = match f[2] {
                "group" => (true, true),
                "people" => (true, false),
                "state" | "challenged" | "crowd" => (false, false),
                o => {
                    return Err(DataError::new(
                        file,
                        ln,
                        format!(
                            "kind must be `group`, `people`, `state`, `challenged` or `crowd`, found `{o}`"
                        ),
                    ));
                }
            };
            if f[1].is_empty() || !f[1].chars().all(|c| c.is_ascii_uppercase()) {
                return Err(DataError::new(
                    file,
                    ln,
                    format!("`{}` is not a CAMEO sector code", f[1]),
                ));
            }
            if f[2] == "crowd" {
                for w in split_multi(f[0]) {
                    self.crowds.push((
                        w.split_whitespace().map(crate::text::fold).collect(),
                        f[1].to_string(),
                    ));
                }
                continue;
            }
            for w in split_multi(f[0]) {
                self.sectors.push(SectorWord {
                    words: w.split_whitespace().map(crate::text::fold).collect(),
                    sector: f[1].to_string(),
                    group,
                    bare,
                    challenged: f[2] == "challenged",
                });
            }
        }
        self.sectors
            .sort_by_key(|s| std::cmp::Reverse(s.words.len()));
        Ok(())
    }

    /// The longest crowd phrase (`sectors.tsv` kind `crowd`: "thousands of", "young")
    /// ending right before token `i` of `lower` (lower-case tokens): its CAMEO sector and
    /// its length in tokens.
    pub fn crowd_before(&self, lower: &[&str], i: usize) -> Option<(&str, usize)> {
        self.crowds
            .iter()
            .filter(|(w, _)| {
                w.len() <= i && w.iter().zip(&lower[i - w.len()..i]).all(|(a, b)| a == b)
            })
            .max_by_key(|(w, _)| w.len())
            .map(|(w, sector)| (sector.as_str(), w.len()))
    }

    /// The longest sector phrase starting at token `i` of `lower` (lower-case tokens), with
    /// its length in tokens.
    pub fn sector_at(&self, lower: &[&str], i: usize) -> Option<(&SectorWord, usize)> {
        self.sectors.iter().find_map(|s| {
            let n = s.words.len();
            (i + n <= lower.len() && s.words.iter().zip(&lower[i..i + n]).all(|(a, b)| a == b))
                .then_some((s, n))
        })
    }

    fn load_places(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        let known: HashSet<String> = self
            .surfaces
            .iter()
            .map(|s| crate::text::fold(&s.text))
            .collect();
        for (ln, f) in rows(src, file, &["name", "iso3", "aliases"])? {
            check_iso3(file, ln, f[1])?;
            let Some(&idx) = self.countries.get(f[1]) else {
                return Err(DataError::new(
                    file,
                    ln,
                    format!("country `{}` is not in countries.tsv", f[1]),
                ));
            };
            for name in std::iter::once(f[0].to_string()).chain(split_multi(f[2])) {
                // A name that already names a country or its government keeps that meaning.
                if !known.contains(&crate::text::fold(&name)) {
                    self.push_surface(&name, idx, SurfaceKind::Place);
                }
            }
        }
        Ok(())
    }

    fn load_people(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        let header = [
            "name", "aliases", "country", "role", "sector", "start", "end",
        ];
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (ln, f) in rows(src, file, &header)? {
            if f[0].is_empty() {
                return Err(DataError::new(file, ln, "name must not be empty"));
            }
            if !f[2].is_empty() {
                check_iso3(file, ln, f[2])?;
            }
            check_date(file, ln, f[5])?;
            check_date(file, ln, f[6])?;
            let key = format!("person:{}", slug(f[0]));
            let role = f[3].to_lowercase();
            let class = self
                .roles
                .get(&crate::text::fold(&role))
                .map(|r| r.class.clone())
                .unwrap_or_else(|| role.clone());
            let spell = RoleSpell {
                role,
                class,
                sector: f[4].to_string(),
                start: f[5].to_string(),
                end: f[6].to_string(),
            };
            let country = (!f[2].is_empty()).then(|| f[2].to_string());
            let idx = match by_key.get(&key) {
                Some(&i) => {
                    if self.entries[i].country.is_none() {
                        self.entries[i].country = country;
                    }
                    i
                }
                None => {
                    let i = self.entries.len();
                    self.entries.push(Entry {
                        key: key.clone(),
                        name: f[0].to_string(),
                        kind: ActorType::Person,
                        country,
                        cameo: None,
                        spells: Vec::new(),
                    });
                    by_key.insert(key, i);
                    self.push_surface(f[0], i, SurfaceKind::Name);
                    i
                }
            };
            self.entries[idx].spells.push(spell);
            for a in split_multi(f[1]) {
                let kind = if a.split_whitespace().count() == 1 {
                    SurfaceKind::Surname
                } else {
                    SurfaceKind::Name
                };
                if !self
                    .surfaces
                    .iter()
                    .rev()
                    .take(40)
                    .any(|s| s.entry == idx && s.text == a)
                {
                    self.push_surface(&a, idx, kind);
                }
            }
        }
        // Persons' CAMEO code: country + sector of the first spell.
        for e in self
            .entries
            .iter_mut()
            .filter(|e| e.kind == ActorType::Person)
        {
            let sector = e
                .spells
                .first()
                .map(|s| s.sector.clone())
                .unwrap_or_default();
            e.cameo = actor_code(e.country.as_deref(), &sector);
        }
        Ok(())
    }

    /// Surfaces whose folded text (see [`crate::text::fold`]) equals `folded`.
    pub fn surfaces_named(&self, folded: &str) -> impl Iterator<Item = &Surface> {
        self.by_text
            .get(folded)
            .into_iter()
            .flatten()
            .map(|&i| &self.surfaces[i])
    }

    /// One-word aliases (folded) of entry `entry`, such as "mobutu" for Mobutu Sese Seko.
    pub fn surnames_of(&self, entry: usize) -> &[String] {
        self.surnames.get(&entry).map_or(&[], Vec::as_slice)
    }

    /// The role for a lower-case phrase, if it is a role word.
    pub fn role(&self, phrase: &str) -> Option<&Role> {
        self.roles.get(phrase)
    }

    /// The name-word kind of a lower-case word, if listed.
    pub fn name_word(&self, w: &str) -> Option<NameWordKind> {
        self.name_words.get(w).copied()
    }
}

/// A person's CAMEO actor code from country (ISO 3166-1 alpha-3, as in `countries.tsv`) and
/// role sector (`GOV`, `MIL`, … from `roles.tsv`/`people.tsv`): "POL" + "GOV" → "POLGOV";
/// either part alone when the other is missing; `None` when both are. Source: CAMEO 1.1b3
/// actor codebook (country code followed by sector code).
pub(crate) fn actor_code(country: Option<&str>, sector: &str) -> Option<String> {
    match (country, sector) {
        (Some(c), "") => Some(c.to_string()),
        (Some(c), s) => Some(format!("{c}{s}")),
        (None, "") => None,
        (None, s) => Some(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources<'a>(people: &'a str) -> Sources<'a> {
        Sources {
            countries: (
                "countries.tsv",
                "iso3\tname\tcameo\taliases\tdemonyms\tgovernment\tshort\nUSA\tUnited States\tUSA\tUS|America\tAmerican\tWashington|White House\tthe States\n",
            ),
            organizations: (
                "organizations.tsv",
                "key\tname\tcameo\tcountry\taliases\nUN\tUnited Nations\tIGOUNO\t\tU.N.\n",
            ),
            people: ("people.tsv", people),
            roles: (
                "roles.tsv",
                "role\tclass\tsector\tvariants\npresident\thead_of_state\tGOV\tpres.\n",
            ),
            name_words: ("name_words.tsv", "word\tkind\nCouncil\torg_cue\n"),
            places: ("places.tsv", "name\tiso3\taliases\nNew York\tUSA\tNYC\n"),
            sectors: ("sectors.tsv", "word\tsector\tkind\nrebels\tREB\tgroup\n"),
        }
    }

    #[test]
    fn loads_and_computes_codes() {
        let g = Gazetteer::parse(&sources(
            "name\taliases\tcountry\trole\tsector\tstart\tend\nDonald Trump\tTrump\tUSA\tpresident\tGOV\t2017-01-20\t2021-01-20\nDonald Trump\tTrump\tUSA\tpresident\tGOV\t2025-01-20\t\n",
        ))
        .unwrap();
        let trump = g
            .entries
            .iter()
            .find(|e| e.key == "person:donald_trump")
            .unwrap();
        assert_eq!(trump.spells.len(), 2);
        assert_eq!(trump.cameo.as_deref(), Some("USAGOV"));
        assert!(trump.spells[1].covers("2025-03-04", 0));
        assert!(!trump.spells[0].covers("2022-03-04", 30));
        // Days to the nearest day of a spell: 0 inside, counted to the start before it and
        // to the end after it.
        assert_eq!(trump.spells[1].days_from("2025-03-04"), 0);
        assert_eq!(trump.spells[1].days_from("2025-01-10"), 10);
        assert_eq!(trump.spells[0].days_from("2021-01-30"), 10);
        assert!(
            g.surfaces
                .iter()
                .any(|s| s.text == "US" && s.case_sensitive)
        );
        assert_eq!(g.demonyms.get("american").map(String::as_str), Some("USA"));
        assert_eq!(g.roles.get("pres.").unwrap().class, "head_of_state");
    }

    #[test]
    fn short_names_are_kept_apart_and_checked() {
        let g = Gazetteer::parse(&sources(
            "name\taliases\tcountry\trole\tsector\tstart\tend\n",
        ))
        .unwrap();
        let short = g.surfaces.iter().find(|s| s.kind == SurfaceKind::Short);
        assert_eq!(short.map(|s| s.text.as_str()), Some("the States"));
        // Not looked up as a name.
        assert_eq!(g.surfaces_named("the states").count(), 0);
        let mut src = sources("name\taliases\tcountry\trole\tsector\tstart\tend\n");
        src.countries.1 = "iso3\tname\tcameo\taliases\tdemonyms\tgovernment\tshort\nUSA\tUnited States\tUSA\t\t\t\tthe states\n";
        let err = Gazetteer::parse(&src).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("countries.tsv", 2));
        assert!(err.to_string().contains("must be capitalised"), "{err}");
    }

    #[test]
    fn reports_file_and_line() {
        let err = Gazetteer::parse(&sources(
            "name\taliases\tcountry\trole\tsector\tstart\tend\nX Y\t\tUSA\tpresident\tGOV\t2017-13-40\t\n",
        ))
        .unwrap_err();
        assert_eq!(err.file, "people.tsv");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("2017-13-40"));
        let err = Gazetteer::parse(&sources("name\taliases\n")).unwrap_err();
        assert_eq!(err.line, 1);
    }
}
