//! polgraph: political news → a knowledge graph of who did what to whom, and when.
//!
//! The pipeline runs one stage per module, each handing a typed value to the next:
//! [`input`] (files → `RawArticle`) → [`text`] (sentences, tokens) → [`actors`]
//! (actors and mentions) → [`events`] (CAMEO-coded events with status) → [`time`] and
//! [`dating`] (TIMEX3 expressions, event dates) → [`store`] (SQLite) → [`graph`] (petgraph)
//! → [`export`] (JSON, Graphviz). [`pipeline::Knowledge`] runs the extraction stages.

pub mod actors;
pub mod dating;
pub mod error;
pub mod events;
pub mod export;
pub mod graph;
pub mod input;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod store;
pub mod syntax;
pub mod text;
pub mod time;
