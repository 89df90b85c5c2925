//! The `polgraph` command line: parses arguments, calls the library, prints.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use comfy_table::{ContentArrangement, Table, presets};
use indicatif::{ProgressBar, ProgressStyle};
use polgraph::export;
use polgraph::graph::{ActorGraph, filtered};
use polgraph::input::{ReadOptions, read_paths};
use polgraph::pipeline::Knowledge;
use polgraph::store::{DuplicateBy, EventFilter, EventRow, IngestOutcome, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "polgraph",
    version,
    about = "Political news → a knowledge graph of who did what to whom, and when"
)]
struct Cli {
    /// SQLite database file.
    #[arg(
        long,
        global = true,
        env = "POLGRAPH_DB",
        default_value = "polgraph.db"
    )]
    db: PathBuf,
    /// Directory with edited knowledge files (countries.tsv, events.tsv, …); files missing
    /// there fall back to the copies built into the binary.
    #[arg(long, global = true, env = "POLGRAPH_DATA")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Ingest articles: files or folders (recursively; .txt .md .text .json .jsonl .ndjson
    /// .html .htm), `-` for stdin.
    Ingest {
        /// Files, folders or `-`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD) for articles that carry none.
        #[arg(long)]
        date: Option<String>,
    },
    /// Meetings, visits, hosting, talks and negotiations: who met whom, when.
    WhoMet {
        /// Only meetings of this actor.
        actor: Option<String>,
        /// Only meetings with this actor.
        #[arg(long)]
        with: Option<String>,
        #[command(flatten)]
        window: Window,
        /// Also show negated and uncertain events.
        #[arg(long)]
        all: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Events in date order, optionally of one actor.
    Timeline {
        /// Only events of this actor.
        actor: Option<String>,
        #[command(flatten)]
        window: Window,
        /// Only these event types (repeatable): meet, visit, talk, criticize, …
        #[arg(long = "type")]
        types: Vec<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Everything that happened between two actors.
    Relations {
        /// First actor.
        a: String,
        /// Second actor.
        b: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List actors.
    Actors {
        /// Only this type: person, country, organization.
        #[arg(long = "type")]
        kind: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// One actor's profile: aliases, roles, counts, events.
    Actor {
        /// Name, alias or id.
        name: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// The shortest chain of events linking two actors.
    Path {
        /// From.
        a: String,
        /// To.
        b: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Counts of articles, actors and events.
    Stats {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Export the graph (Graphviz DOT or JSON) to stdout or a file.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Only the neighbourhood of this actor.
        #[arg(long)]
        actor: Option<String>,
        /// Hops around --actor.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[command(flatten)]
        window: Window,
        /// Only these event types (repeatable).
        #[arg(long = "type")]
        types: Vec<String>,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Find temporal expressions (TIMEX3) and resolve them against a document creation time.
    ///
    /// Reads a JSON Lines file of records {"id", "date", "text"} (`-` for stdin) and prints one
    /// JSON object per expression: {"id", "text", "start", "end", "type", "value",
    /// "interval"}, offsets in characters, end exclusive. When INPUT is not an existing
    /// file, it is the text itself and a table is printed.
    Timex {
        /// A JSON Lines file, `-` for stdin, or the text to tag.
        input: String,
        /// Document creation time (YYYY-MM-DD) for the text, or for records without a date.
        #[arg(long)]
        date: Option<String>,
        /// Print JSON Lines for a text too.
        #[arg(long)]
        json: bool,
        /// INPUT is the text to tag, even if it looks like a file name.
        #[arg(long)]
        text: bool,
    },
    /// Delete an article with its sentences, mentions and evidence; events and actors nothing
    /// else refers to go with it.
    Remove {
        /// The article's source id (as in `--json` output and exports), a file name, or its
        /// number (`12` or `#12`).
        article: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Merge actor B into actor A, now and in articles ingested later.
    Merge {
        /// The actor kept (name, alias or id).
        a: String,
        /// The actor absorbed into A.
        b: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Split off the mentions of ACTOR written as an alias into a new actor, now and later.
    Split {
        /// The actor to split (name, alias or id).
        actor: String,
        /// The alias whose mentions become a new actor.
        #[arg(long)]
        alias: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Manage aliases by hand.
    Alias {
        #[command(subcommand)]
        cmd: AliasCmd,
    },
    /// Record that two actors are different: identity never joins them.
    NeverMerge {
        /// First actor.
        a: String,
        /// Second actor.
        b: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List the stored identity decisions (merge, split, alias, never-merge).
    Corrections {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Extract one file and print actors and events as JSON, without touching the database.
    Extract {
        /// The article file.
        path: PathBuf,
        /// Publication date (YYYY-MM-DD) if the file has none.
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Subcommand)]
enum AliasCmd {
    /// Add NAME as an alias of ACTOR: later actors of that name resolve to ACTOR.
    Add {
        /// The actor (name, alias or id).
        actor: String,
        /// The new alias.
        name: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args, Clone, Default)]
struct Window {
    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// To this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Dot,
}

/// `println!` that ends the process quietly when stdout is closed (`polgraph … | head`).
macro_rules! outln {
    ($($arg:tt)*) => {{
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(e.into());
        }
    }};
}

/// `eprintln!` that never panics when stderr is closed (`polgraph ingest … 2>&1 | head`).
macro_rules! errln {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

const MEETING_TYPES: &[&str] = &["meet", "visit", "host", "talk", "negotiate"];

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            errln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn knowledge(cli: &Cli) -> Result<Knowledge> {
    if let Some(dir) = &cli.data
        && !dir.is_dir()
    {
        bail!(
            "--data {}: not a directory with knowledge files",
            dir.display()
        );
    }
    Ok(match &cli.data {
        Some(dir) => Knowledge::from_dir(dir)
            .with_context(|| format!("loading knowledge files from {}", dir.display()))?,
        None => Knowledge::builtin().context("loading the built-in knowledge files")?,
    })
}

/// Opens the database for writing (created if missing).
fn open(cli: &Cli) -> Result<Store> {
    Ok(Store::open(&cli.db)?)
}

/// Opens an existing database for a query; a missing file is an error, not a new database.
fn open_existing(cli: &Cli) -> Result<Store> {
    if cli.db.metadata().is_ok_and(|m| m.is_file() && m.len() == 0) {
        bail!(
            "{} is an empty file, not a polgraph database (run `polgraph ingest` to create one)",
            cli.db.display()
        );
    }
    if !cli.db.exists() {
        bail!(
            "no database at {} (run `polgraph ingest` first, or pass --db / set POLGRAPH_DB)",
            cli.db.display()
        );
    }
    open(cli)
}

/// Checks `--type` values against the event types of the pattern file and a date window.
fn check_filters(cli: &Cli, types: &[String], window: &Window) -> Result<()> {
    if !types.is_empty() {
        let known = polgraph::pipeline::event_types(cli.data.as_deref())?;
        for t in types {
            if !known.contains(t) {
                bail!(
                    "unknown event type {t:?}; known types: {}",
                    known.iter().cloned().collect::<Vec<_>>().join(", ")
                );
            }
        }
    }
    if let (Some(a), Some(b)) = (&window.from, &window.to)
        && a > b
    {
        bail!("--from {a} is after --to {b}");
    }
    Ok(())
}

fn check_date(d: &Option<String>) -> Result<()> {
    if let Some(d) = d
        && d.parse::<jiff::civil::Date>().is_err()
    {
        bail!("--date {d:?} is not a date (expected YYYY-MM-DD)");
    }
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.cmd {
        Cmd::Ingest { paths, date } => ingest(&cli, paths, date),
        Cmd::Timex {
            input,
            date,
            json,
            text,
        } => timex(&cli, input, date, *json, *text),
        Cmd::Extract { path, date } => {
            check_date(date)?;
            let kb = knowledge(&cli)?;
            let opts = ReadOptions {
                default_date: date.clone(),
                ..Default::default()
            };
            // A bad record is reported and skipped, as `ingest` does; the others are printed.
            let mut out = Vec::new();
            let mut failed = false;
            for art in read_paths(std::slice::from_ref(path), &opts) {
                match art {
                    Ok(art) => {
                        let mut ex = kb.extract(&art);
                        // The PLOVER type as reported, as `export` gives it (a planned strike
                        // is THREATEN).
                        for e in &mut ex.events {
                            e.plover = polgraph::events::plover_reading(
                                e.plover.as_deref(),
                                &e.cameo,
                                e.status,
                            );
                        }
                        out.push(ex);
                    }
                    Err(e) => {
                        errln!("error: {e}");
                        failed = true;
                    }
                }
            }
            outln!("{}", serde_json::to_string_pretty(&out)?);
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Cmd::WhoMet {
            actor,
            with,
            window,
            all,
            json,
        } => {
            check_filters(&cli, &[], window)?;
            let store = open_existing(&cli)?;
            let mut f = EventFilter {
                from: window.from.clone(),
                to: window.to.clone(),
                types: MEETING_TYPES.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            };
            if !all {
                f.statuses = vec!["occurred".into(), "planned".into()];
            }
            f.actor = actor
                .as_deref()
                .map(|a| store.resolve_actor(a))
                .transpose()?;
            f.with = with
                .as_deref()
                .map(|a| store.resolve_actor(a))
                .transpose()?;
            let rows = store.events(&f)?;
            print_events(&rows, *json)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Timeline {
            actor,
            window,
            types,
            json,
        } => {
            check_filters(&cli, types, window)?;
            let store = open_existing(&cli)?;
            let f = EventFilter {
                actor: actor
                    .as_deref()
                    .map(|a| store.resolve_actor(a))
                    .transpose()?,
                from: window.from.clone(),
                to: window.to.clone(),
                types: types.clone(),
                ..Default::default()
            };
            print_events(&store.events(&f)?, *json)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Relations { a, b, json } => {
            let store = open_existing(&cli)?;
            let f = EventFilter {
                actor: Some(store.resolve_actor(a)?),
                with: Some(store.resolve_actor(b)?),
                ..Default::default()
            };
            print_events(&store.events(&f)?, *json)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Actors { kind, json } => {
            let store = open_existing(&cli)?;
            let rows = store.actors(kind.as_deref())?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                let mut t = table(&[
                    "id", "name", "type", "country", "CAMEO", "events", "mentions",
                ]);
                for r in &rows {
                    t.add_row(vec![
                        r.id.to_string(),
                        r.name.clone(),
                        r.kind.clone(),
                        r.country.clone().unwrap_or_default(),
                        r.cameo.clone().unwrap_or_default(),
                        r.events.to_string(),
                        r.mentions.to_string(),
                    ]);
                }
                outln!("{t}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Actor { name, json } => {
            let store = open_existing(&cli)?;
            let mut p = store.actor_profile(store.resolve_actor(name)?)?;
            p.add_spells(knowledge(&cli)?.actors().gazetteer());
            if *json {
                outln!("{}", serde_json::to_string_pretty(&p)?);
            } else {
                let s = &p.summary;
                outln!(
                    "{} (#{}, {}{})",
                    s.name,
                    s.id,
                    s.kind,
                    s.country
                        .as_ref()
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default()
                );
                if let Some(c) = &s.cameo {
                    outln!("CAMEO actor code: {c}");
                }
                // Spells from the gazetteer, then roles the articles gave that no spell names.
                let mut roles: Vec<String> = p
                    .spells
                    .iter()
                    .map(|sp| match (&sp.start, &sp.end) {
                        (Some(a), Some(b)) => format!("{} ({a} to {b})", sp.role),
                        (Some(a), None) => format!("{} (since {a})", sp.role),
                        (None, Some(b)) => format!("{} (until {b})", sp.role),
                        (None, None) => sp.role.clone(),
                    })
                    .collect();
                roles.extend(
                    p.roles
                        .iter()
                        .filter(|r| !p.spells.iter().any(|sp| sp.role.eq_ignore_ascii_case(r)))
                        .cloned(),
                );
                outln!(
                    "roles: {}",
                    if roles.is_empty() {
                        "-".to_string()
                    } else {
                        roles.join("; ")
                    }
                );
                let aliases: Vec<String> = p
                    .aliases
                    .iter()
                    .map(|(a, n)| format!("{a} ({n})"))
                    .collect();
                outln!("aliases: {}", aliases.join(", "));
                outln!(
                    "mentions: {}, events: {}, articles: {}",
                    s.mentions,
                    s.events,
                    p.articles.len()
                );
                for a in &p.articles {
                    outln!(
                        "  #{} {} {} {}",
                        a.id,
                        a.source_id,
                        a.published.as_deref().unwrap_or("undated"),
                        a.title
                            .as_ref()
                            .map(|t| format!("{t:?}"))
                            .unwrap_or_default()
                    );
                }
                print_events(&p.events, false)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Path { a, b, json } => {
            let store = open_existing(&cli)?;
            let (ia, ib) = (store.resolve_actor(a)?, store.resolve_actor(b)?);
            let snap = store.snapshot()?;
            let g = ActorGraph::from_snapshot(&snap);
            let name = |id: i64| {
                snap.actors
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| format!("#{id}"))
            };
            match g.shortest_path(ia, ib) {
                None => {
                    if *json {
                        outln!("null");
                    } else {
                        outln!("no chain of events links {} and {}", name(ia), name(ib));
                    }
                    Ok(ExitCode::from(1))
                }
                Some(path) => {
                    if *json {
                        outln!("{}", serde_json::to_string_pretty(&path)?);
                    } else {
                        let mut cur = ia;
                        outln!("{}", name(cur));
                        for e in &path {
                            let next = if e.source == cur {
                                e.target.unwrap_or(e.source)
                            } else {
                                e.source
                            };
                            outln!(
                                "  -- {} {} ({}, event #{}) -- {}",
                                e.etype,
                                e.date.clone().unwrap_or_else(|| "undated".into()),
                                e.status,
                                e.id,
                                name(next)
                            );
                            cur = next;
                        }
                    }
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
        Cmd::Remove { article, json } => {
            let mut store = open_existing(&cli)?;
            let r = store.remove_article(article)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                outln!(
                    "removed article #{} {}{}: {} sentence(s), {} mention(s), {} event mention(s)",
                    r.article,
                    r.source_id,
                    r.title
                        .as_ref()
                        .map(|t| format!(" ({t:?})"))
                        .unwrap_or_default(),
                    r.sentences,
                    r.mentions,
                    r.event_mentions
                );
                outln!(
                    "events: {} deleted, {} kept (reported by other articles)",
                    r.events_deleted.len(),
                    r.events_kept.len()
                );
                outln!(
                    "actors: {} deleted{}, {} kept",
                    r.actors_deleted.len(),
                    if r.actors_deleted.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", r.actors_deleted.join(", "))
                    },
                    r.actors_kept
                );
                outln!(
                    "aliases: {} deleted, {} count(s) decremented",
                    r.aliases_deleted,
                    r.aliases_decremented
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Merge { a, b, json } => {
            let mut store = open_existing(&cli)?;
            let (ia, ib) = (store.resolve_actor(a)?, store.resolve_actor(b)?);
            let r = store.merge(ia, ib)?;
            print_applied(
                &r,
                *json,
                &format!("merged {} into {}", r.absorbed.join(", "), r.actor),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Split { actor, alias, json } => {
            let mut store = open_existing(&cli)?;
            let id = store.resolve_actor(actor)?;
            let r = store.split(id, alias)?;
            print_applied(&r, *json, &format!("split {} off {actor}", r.actor))?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Alias {
            cmd: AliasCmd::Add { actor, name, json },
        } => {
            let mut store = open_existing(&cli)?;
            let id = store.resolve_actor(actor)?;
            let r = store.add_alias(id, name)?;
            let mut head = format!("added alias \"{}\" to {}", name.trim(), r.actor);
            if !r.absorbed.is_empty() {
                head.push_str(&format!(" (joined {})", r.absorbed.join(", ")));
            }
            print_applied(&r, *json, &head)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::NeverMerge { a, b, json } => {
            let mut store = open_existing(&cli)?;
            let (ia, ib) = (store.resolve_actor(a)?, store.resolve_actor(b)?);
            let other = store.actor_profile(ib)?.summary.name;
            let r = store.never_merge(ia, ib)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                outln!(
                    "{} and {other} #{ib} will never be merged (correction #{})",
                    r.actor,
                    r.correction
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Corrections { json } => {
            let store = open_existing(&cli)?;
            let list = store.corrections()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                outln!("no corrections");
            } else {
                let mut t = table(&["id", "kind", "decision"]);
                for c in &list {
                    let other = c.other.clone().unwrap_or_default();
                    let alias = c.alias.clone().unwrap_or_default();
                    let decision = match c.kind.as_str() {
                        "merge" => format!(
                            "{other} [{}] is {} [{}]",
                            c.other_key.as_deref().unwrap_or("-"),
                            c.actor,
                            c.actor_key
                        ),
                        "split" => format!(
                            "{} [{}] written \"{alias}\" is {other} [{}]",
                            c.actor,
                            c.actor_key,
                            c.other_key.as_deref().unwrap_or("-")
                        ),
                        "alias" => format!("\"{alias}\" names {} [{}]", c.actor, c.actor_key),
                        _ => format!(
                            "{} [{}] is not {other} [{}]",
                            c.actor,
                            c.actor_key,
                            c.other_key.as_deref().unwrap_or("-")
                        ),
                    };
                    t.add_row(vec![c.id.to_string(), c.kind.clone(), decision]);
                }
                outln!("{t}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Stats { json } => {
            let store = open_existing(&cli)?;
            let s = store.stats()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                outln!("database: {}", cli.db.display());
                outln!(
                    "articles: {}  sentences: {}  mentions: {}",
                    s.articles,
                    s.sentences,
                    s.mentions
                );
                let by: Vec<String> = s
                    .actors_by_type
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                outln!("actors: {}{}", s.actors, parenthesised(&by));
                let ev: Vec<String> = s
                    .events_by_type
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                outln!(
                    "events: {} from {} event mentions{}",
                    s.events,
                    s.event_mentions,
                    parenthesised(&ev)
                );
                outln!(
                    "dates: {} to {}",
                    s.date_min.clone().unwrap_or_else(|| "-".into()),
                    s.date_max.clone().unwrap_or_else(|| "-".into())
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Export {
            format,
            actor,
            depth,
            window,
            types,
            output,
        } => {
            check_filters(&cli, types, window)?;
            if actor.is_none() && *depth != 1 {
                bail!("--depth needs --actor");
            }
            let store = open_existing(&cli)?;
            let focus = actor
                .as_deref()
                .map(|a| store.resolve_actor(a))
                .transpose()?;
            let snap = store.snapshot()?;
            let sub = filtered(
                &snap,
                focus,
                *depth,
                window.from.as_deref(),
                window.to.as_deref(),
                types,
            )?;
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&export::to_json(&sub))?,
                Format::Dot => export::to_dot(&sub),
            };
            match output {
                Some(p) => std::fs::write(p, text + "\n")
                    .with_context(|| format!("writing {}", p.display()))?,
                None => outln!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn ingest(cli: &Cli, paths: &[PathBuf], date: &Option<String>) -> Result<ExitCode> {
    check_date(date)?;
    let kb = knowledge(cli)?;
    let mut store = open(cli)?;
    let opts = ReadOptions {
        default_date: date.clone(),
        ..Default::default()
    };
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {pos} articles {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let (mut new, mut skipped, mut failed, mut events, mut warnings) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    // A database that cannot be written (locked past the timeout, or corrupt) stops the
    // batch: every later article would fail the same way.
    let mut stopped: Option<&str> = None;
    for item in read_paths(paths, &opts) {
        bar.inc(1);
        let raw = match item {
            Ok(r) => r,
            Err(e) => {
                failed += 1;
                bar.suspend(|| errln!("error: {e}"));
                continue;
            }
        };
        let ex = kb.extract(&raw);
        for w in &ex.warnings {
            warnings += 1;
            bar.suspend(|| errln!("warning: {w}"));
        }
        match store.ingest(&ex) {
            Ok(IngestOutcome::New { events_new, .. }) => {
                new += 1;
                events += events_new;
            }
            Ok(IngestOutcome::Duplicate {
                existing_article,
                matched,
            }) => {
                skipped += 1;
                let why = match matched {
                    DuplicateBy::Text => format!("is already stored (article #{existing_article})"),
                    DuplicateBy::Url => format!(
                        "has the URL of stored article #{existing_article} but another text; \
                         to replace it, `polgraph remove {existing_article}` first"
                    ),
                    DuplicateBy::Id => format!(
                        "has the id of stored article #{existing_article} but another text; \
                         give it its own id, or `polgraph remove {existing_article}` first to \
                         replace it"
                    ),
                };
                bar.suspend(|| errln!("skipped: {} {why}", raw.origin));
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| errln!("error: {}: {e}", raw.origin));
                stopped = match e {
                    polgraph::store::StoreError::Locked { .. } => {
                        Some("ingest again once it is free")
                    }
                    polgraph::store::StoreError::ReadOnly { .. } => {
                        Some("ingest again once it is writable")
                    }
                    polgraph::store::StoreError::Corrupt { .. } => {
                        Some("repair or replace it, then ingest again")
                    }
                    _ => None,
                };
                if stopped.is_some() {
                    break;
                }
            }
        }
        bar.set_message(format!("({new} new, {skipped} skipped, {failed} failed)"));
    }
    bar.finish_and_clear();
    if let Some(then) = stopped {
        errln!(
            "error: stopped after {} input(s): the database {} cannot be written, so the rest of the batch was not read; {then} (articles already stored are skipped)",
            new + skipped + failed,
            cli.db.display()
        );
        return Ok(ExitCode::from(2));
    }
    let s = store.stats()?;
    errln!(
        "ingested {new} new article(s), skipped {skipped} already stored, {failed} failed, {warnings} warning(s); {events} new event(s). Database {}: {} articles, {} actors, {} events.",
        cli.db.display(),
        s.articles,
        s.actors,
        s.events
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One record of `polgraph timex` input.
#[derive(serde::Deserialize)]
struct TimexRecord {
    #[serde(default)]
    id: serde_json::Value,
    /// A string, or a number such as 20250304.
    #[serde(default)]
    date: serde_json::Value,
    text: String,
}

/// One expression as `polgraph timex` prints it (offsets in characters, end exclusive).
#[derive(serde::Serialize)]
struct TimexLine<'a> {
    id: &'a serde_json::Value,
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    ttype: &'static str,
    value: &'a str,
    interval: Option<(String, String)>,
}

fn timex_lines<'a>(
    id: &'a serde_json::Value,
    text: &str,
    found: &'a [polgraph::time::Timex],
) -> Vec<TimexLine<'a>> {
    found
        .iter()
        .map(|t| {
            let (start, end) = t.char_span(text);
            TimexLine {
                id,
                text: &t.text,
                start,
                end,
                ttype: t.ttype.as_str(),
                value: &t.value,
                interval: t.interval.map(|(a, b)| (a.to_string(), b.to_string())),
            }
        })
        .collect()
}

fn timex(
    cli: &Cli,
    input: &str,
    date: &Option<String>,
    json: bool,
    as_text: bool,
) -> Result<ExitCode> {
    check_date(date)?;
    if let Some(dir) = &cli.data
        && !dir.is_dir()
    {
        bail!(
            "--data {}: not a directory with knowledge files",
            dir.display()
        );
    }
    let tagger = polgraph::pipeline::TimexTagger::load(cli.data.as_deref())?;
    let default_dct = date
        .as_deref()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let path = PathBuf::from(input);
    if as_text || (input != "-" && !path.is_file()) {
        if !as_text && path.exists() {
            bail!("{input}: not a file");
        }
        // A missing file is more likely a typo than a text to tag.
        let looks_like_path = !input.contains(char::is_whitespace)
            && (input.contains('/')
                || [".jsonl", ".json", ".ndjson", ".txt"]
                    .iter()
                    .any(|x| input.to_lowercase().ends_with(x)));
        if !as_text && looks_like_path {
            bail!("{input}: no such file (to tag this string as text, pass --text)");
        }
        let found = tagger.tag(input, default_dct);
        let id = serde_json::Value::Null;
        let lines = timex_lines(&id, input, &found);
        if json {
            for l in &lines {
                outln!("{}", serde_json::to_string(l)?);
            }
        } else if lines.is_empty() {
            outln!("no temporal expressions");
        } else {
            let mut t = table(&["text", "chars", "type", "value", "interval"]);
            for l in &lines {
                t.add_row(vec![
                    l.text.to_string(),
                    format!("{}..{}", l.start, l.end),
                    l.ttype.to_string(),
                    l.value.to_string(),
                    l.interval
                        .as_ref()
                        .map(|(a, b)| {
                            if a == b {
                                a.clone()
                            } else {
                                format!("{a}/{b}")
                            }
                        })
                        .unwrap_or_default(),
                ]);
            }
            outln!("{t}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let reader: Box<dyn std::io::BufRead> = if input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&path).with_context(|| format!("{input}: cannot open"))?;
        let mut r = std::io::BufReader::with_capacity(64 * 1024, f);
        // A binary file is one error, as for `ingest`, not one per line.
        let head =
            std::io::BufRead::fill_buf(&mut r).with_context(|| format!("{input}: cannot read"))?;
        if let Some(at) = polgraph::input::binary_offset(head) {
            errln!("{input}: binary file (NUL byte at offset {at})");
            return Ok(ExitCode::from(1));
        }
        Box::new(r)
    };
    let mut failed = 0usize;
    // Lines with anything but white space, records or not.
    let mut records = 0usize;
    for (i, line) in std::io::BufRead::split(reader, b'\n').enumerate() {
        let at = format!("{input}:{}", i + 1);
        let bytes = line.with_context(|| format!("{at}: cannot read"))?;
        if bytes.iter().any(|b| !b.is_ascii_whitespace()) {
            records += 1;
        }
        let Ok(line) = std::str::from_utf8(&bytes) else {
            errln!("{at}: skipped: not valid UTF-8");
            failed += 1;
            continue;
        };
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        if !line.starts_with('{') {
            errln!("{at}: skipped: not a record {{\"id\", \"date\", \"text\"}}");
            failed += 1;
            continue;
        }
        let rec: TimexRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                errln!(
                    "{at}: skipped: not a record {{\"id\", \"date\", \"text\"}}: {}",
                    polgraph::input::json_error_detail(&e)
                );
                failed += 1;
                continue;
            }
        };
        let written = match &rec.date {
            serde_json::Value::String(d) => Some(d.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let dct = match written {
            Some(d) => match polgraph::input::parse_date(&d).and_then(|d| d.parse().ok()) {
                Some(d) => Some(d),
                None => {
                    match default_dct {
                        Some(x) => {
                            errln!("{at}: date {d:?} is not a date; tagging with --date {x}")
                        }
                        None => errln!("{at}: date {d:?} is not a date; tagging without one"),
                    }
                    default_dct
                }
            },
            None => default_dct,
        };
        let found = tagger.tag(&rec.text, dct);
        for l in timex_lines(&rec.id, &rec.text, &found) {
            outln!("{}", serde_json::to_string(&l)?);
        }
    }
    if records == 0 {
        errln!("{input}: empty file: no records {{\"id\", \"date\", \"text\"}}");
        return Ok(ExitCode::from(1));
    }
    Ok(if failed > 0 {
        errln!("{failed} record(s) skipped");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints what a correction changed: `head`, then the counts, or the JSON of `r`.
fn print_applied(r: &polgraph::store::Applied, json: bool, head: &str) -> Result<()> {
    for w in &r.warnings {
        errln!("warning: {w}");
    }
    if json {
        outln!("{}", serde_json::to_string_pretty(r)?);
    } else {
        outln!("{head} (correction #{})", r.correction);
        outln!(
            "{} mention(s) moved, {} event(s) changed, {} event(s) joined with an identical one",
            r.mentions_moved,
            r.events_changed,
            r.events_joined
        );
    }
    Ok(())
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    t
}

fn print_events(rows: &[EventRow], json: bool) -> Result<()> {
    if json {
        outln!("{}", serde_json::to_string_pretty(rows)?);
        return Ok(());
    }
    if rows.is_empty() {
        outln!("no events");
        return Ok(());
    }
    let mut t = table(&[
        "date", "source", "event", "target", "status", "sources", "evidence",
    ]);
    for r in rows {
        let mut ev = r.first_evidence.replace('\n', " ");
        if ev.chars().count() > 60 {
            ev = ev.chars().take(57).collect::<String>() + "...";
        }
        t.add_row(vec![
            match (&r.date, &r.date_precision) {
                (Some(d), Some(p)) if p != "day" => format!("{d} ({p})"),
                (Some(d), _) => d.clone(),
                (None, _) => "-".into(),
            },
            r.source.name.clone(),
            format!("{} ({})", r.etype, r.cameo),
            r.target
                .as_ref()
                .map(|t| t.name.clone())
                .unwrap_or_else(|| "-".into()),
            r.status.clone(),
            r.sources.to_string(),
            ev,
        ]);
    }
    outln!("{t}");
    outln!("{} event(s)", rows.len());
    Ok(())
}

/// " (a, b)" for a non-empty breakdown, "" for an empty one (an empty database prints
/// "actors: 0", not "actors: 0 ()").
fn parenthesised(parts: &[String]) -> String {
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}
