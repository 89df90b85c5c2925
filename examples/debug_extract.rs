//! Prints what the pipeline extracts from one file (actors, mentions, events), without a database.
//! Usage: cargo run --example debug_extract -- FILE [YYYY-MM-DD]
//! Environment: MENTIONS=1 lists mentions, SENT=1 prints each event's sentence, TREE=1 prints
//! the dependency parse of every sentence as CoNLL-U lines.
use polgraph::input::{ReadOptions, read_paths};
use polgraph::pipeline::Knowledge;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = PathBuf::from(args.get(1).ok_or("usage: debug_extract FILE [DATE]")?);
    let opts = ReadOptions {
        default_date: args.get(2).cloned(),
        ..Default::default()
    };
    let kb = match std::env::var_os("POLGRAPH_DATA") {
        Some(dir) => Knowledge::from_dir(std::path::Path::new(&dir))?,
        None => Knowledge::builtin()?,
    };
    for art in read_paths(&[path], &opts) {
        let art = art?;
        let ex = kb.extract(&art);
        for (i, a) in ex.actors.iter().enumerate() {
            println!(
                "A{i} {} [{}] {:?} {:?} roles={:?} aliases={:?}",
                a.name,
                a.kind.as_str(),
                a.country,
                a.cameo,
                a.roles,
                a.aliases
            );
        }
        if std::env::var("MENTIONS").is_ok() {
            for m in &ex.mentions {
                println!(
                    "  M s{} {:?} -> {}",
                    m.sentence, m.text, ex.actors[m.actor].name
                );
            }
        }
        if std::env::var("RTREE").is_ok() {
            for (si, s) in ex.sentences.iter().enumerate() {
                println!("S{si} {}", s.text.replace('\n', " "));
                let t = kb.parse_repaired(&s.text);
                for (i, n) in t.nodes.iter().enumerate() {
                    let head = n.head.map_or(0, |h| h + 1);
                    println!(
                        "  {}\t{}\t{}\t{}\t{}\t{}\t{}",
                        i + 1,
                        n.form,
                        n.lemma,
                        n.upos,
                        n.xpos,
                        head,
                        n.deprel
                    );
                }
            }
        }
        if std::env::var("TREE").is_ok() {
            let model = kb.parser();
            for (si, s) in ex.sentences.iter().enumerate() {
                let spans = polgraph::parse::tokenize(&s.text);
                let words: Vec<&str> = spans.iter().map(|&(a, b)| &s.text[a..b]).collect();
                println!("S{si} {}", s.text.replace('\n', " "));
                for (i, w) in model.parse(&words).iter().enumerate() {
                    println!("  {}", w.conllu_line(i));
                }
            }
        }
        for e in &ex.events {
            let t = e
                .target
                .map(|t| ex.actors[t].name.clone())
                .unwrap_or("-".into());
            println!(
                "E {} {} {} -> {} [{}] {:?} | {} | s{}",
                e.etype,
                e.cameo,
                ex.actors[e.source].name,
                t,
                e.status.as_str(),
                e.date
                    .as_ref()
                    .map(|d| format!("{} ({:?} {:?})", d.value, d.how, d.raw)),
                e.trigger,
                e.sentence
            );
            if std::env::var("SENT").is_ok() {
                println!(
                    "     \"{}\"",
                    ex.sentences[e.sentence].text.replace('\n', " ")
                );
            }
        }
    }
    Ok(())
}
