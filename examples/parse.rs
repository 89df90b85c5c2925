//! Prints the dependency parse of each line of standard input as CoNLL-U, with the built-in
//! model: `echo "Trump met Putin." | cargo run --release --example parse`.

use polgraph::parse::Model;
use std::io::BufRead;

fn main() {
    let model = match Model::builtin() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: built-in parser model: {e}");
            std::process::exit(2);
        }
    };
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let spans = polgraph::parse::tokenize(&line);
        let words: Vec<&str> = spans.iter().map(|&(a, b)| &line[a..b]).collect();
        println!("# text = {line}");
        for (i, w) in model.parse(&words).iter().enumerate() {
            println!("{}", w.conllu_line(i));
        }
        println!();
    }
}
