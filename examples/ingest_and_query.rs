//! Uses the library directly: extract an article given as a string, store it in an in-memory
//! database, and ask who met whom.
//!
//! Run: `cargo run --release --example ingest_and_query`
use polgraph::input::RawArticle;
use polgraph::pipeline::Knowledge;
use polgraph::store::{EventFilter, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let kb = Knowledge::builtin()?;
    let article = RawArticle {
        source_id: "example-1".into(),
        title: Some("Leaders meet in Paris".into()),
        published: Some("2023-01-25".into()),
        url: None,
        outlet: None,
        text: "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday. \
               Scholz will visit Washington next week."
            .into(),
        origin: "example".into(),
    };
    let extraction = kb.extract(&article);
    let mut store = Store::open_in_memory()?;
    store.ingest(&extraction)?;
    let filter = EventFilter {
        actor: Some(store.resolve_actor("Scholz")?),
        ..Default::default()
    };
    for e in store.events(&filter)? {
        println!(
            "{} {} {} {} [{}]",
            e.date.unwrap_or_else(|| "undated".into()),
            e.source.name,
            e.etype,
            e.target.map(|t| t.name).unwrap_or_else(|| "-".into()),
            e.status
        );
    }
    Ok(())
}
