//! The actor graph: actors as nodes, events between two actors as directed edges
//! (source → target), built with `petgraph` from a [`Snapshot`].
//!
//! Events without a target are not edges, and neither are **negated** events ("X did not meet
//! Y" links nobody): they stay in snapshots for provenance but never connect actors here, so
//! they play no part in paths and neighbourhoods.
//!
//! Everything is deterministic: nodes are added in actor-id order and edges in event-id order,
//! and ties between equally short paths go to the lowest event id at each step.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::Direction;
use petgraph::algo::dijkstra;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeRef, UndirectedAdaptor};

use crate::store::{ActorOut, EventOut, Snapshot, StoreError, date_bound};

/// A directed multigraph of actors (node weights: [`ActorOut`]) and the events between them
/// (edge weights: [`EventOut`], source actor → target actor).
#[derive(Debug, Clone, Default)]
pub struct ActorGraph {
    graph: DiGraph<ActorOut, EventOut>,
    nodes: BTreeMap<i64, NodeIndex>,
}

impl ActorGraph {
    /// Builds the graph: one node per actor of `s` (in the snapshot's order), one edge per event
    /// that has a target, is not negated, and whose two actors are both in `s.actors`.
    pub fn from_snapshot(s: &Snapshot) -> ActorGraph {
        let mut graph = DiGraph::with_capacity(s.actors.len(), s.events.len());
        let mut nodes = BTreeMap::new();
        for actor in &s.actors {
            nodes
                .entry(actor.id)
                .or_insert_with(|| graph.add_node(actor.clone()));
        }
        for event in &s.events {
            if event.status == "negated" {
                continue;
            }
            let Some(target) = event.target else { continue };
            if let (Some(&a), Some(&b)) = (nodes.get(&event.source), nodes.get(&target)) {
                graph.add_edge(a, b, event.clone());
            }
        }
        ActorGraph { graph, nodes }
    }

    /// The underlying petgraph graph (node indices follow actor-id order of the snapshot).
    pub fn graph(&self) -> &DiGraph<ActorOut, EventOut> {
        &self.graph
    }

    /// Number of actors (nodes).
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of events that are edges.
    pub fn event_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// True if actor `id` is a node of the graph.
    pub fn contains(&self, id: i64) -> bool {
        self.nodes.contains_key(&id)
    }

    /// Hop distances (ignoring edge direction) from actor node `from` to every reachable node.
    fn distances(&self, from: NodeIndex) -> BTreeMap<NodeIndex, usize> {
        dijkstra(UndirectedAdaptor(&self.graph), from, None, |_| 1usize)
            .into_iter()
            .collect()
    }

    /// The events along a shortest connection from actor `a` to actor `b` (fewest events,
    /// ignoring direction), in order from `a`. Among equally short paths, each step takes the
    /// lowest event id. `Some(vec![])` when `a == b`; `None` when either actor is not in the
    /// graph or they are not connected.
    pub fn shortest_path(&self, a: i64, b: i64) -> Option<Vec<EventOut>> {
        let na = *self.nodes.get(&a)?;
        let nb = *self.nodes.get(&b)?;
        // Distances to `b`; then walk from `a` downhill, choosing the lowest event id.
        let dist = self.distances(nb);
        let mut d = *dist.get(&na)?;
        let mut cur = na;
        let mut path = Vec::with_capacity(d);
        while d > 0 {
            let outgoing = self
                .graph
                .edges_directed(cur, Direction::Outgoing)
                .map(|e| (e.weight().id, e.target(), e.id()));
            let incoming = self
                .graph
                .edges_directed(cur, Direction::Incoming)
                .map(|e| (e.weight().id, e.source(), e.id()));
            let (_, next, edge) = outgoing
                .chain(incoming)
                .filter(|(_, n, _)| dist.get(n) == Some(&(d - 1)))
                .min_by_key(|(id, n, _)| (*id, *n))?;
            path.push(self.graph[edge].clone());
            cur = next;
            d -= 1;
        }
        Some(path)
    }

    /// Ids of the actors within `depth` hops of actor `a` (ignoring direction), including `a`
    /// itself; empty when `a` is not in the graph. `depth == 0` gives just `{a}`.
    pub fn neighbourhood(&self, a: i64, depth: usize) -> BTreeSet<i64> {
        let Some(&na) = self.nodes.get(&a) else {
            return BTreeSet::new();
        };
        self.distances(na)
            .into_iter()
            .filter(|(_, d)| *d <= depth)
            .map(|(n, _)| self.graph[n].id)
            .collect()
    }
}

/// The part of `s` that an export with these filters shows (ids keep their ascending order):
///
/// 1. events of one of `types` (empty = all) whose date interval overlaps `from`..=`to`
///    (ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undated events are dropped when either is set);
/// 2. with `actor`: of those, the events whose actors all lie within `depth` hops of `actor`
///    in the graph of step 1 (the ego network: `depth = 1` is the actor, its direct
///    counterparts and the events among them; target-less events count if their source is in);
/// 3. the actors those events touch, plus `actor` itself if it exists, and the articles the
///    events cite.
///
/// With no filter at all (`actor` `None`, no dates, no types) `s` is returned unchanged, actors
/// without events included.
///
/// Errors: [`StoreError::InvalidFilter`] for a malformed date.
pub fn filtered(
    s: &Snapshot,
    actor: Option<i64>,
    depth: usize,
    from: Option<&str>,
    to: Option<&str>,
    types: &[String],
) -> Result<Snapshot, StoreError> {
    if actor.is_none() && from.is_none() && to.is_none() && types.is_empty() {
        return Ok(s.clone());
    }
    let from = from.map(|f| date_bound(f, false)).transpose()?;
    let to = to.map(|t| date_bound(t, true)).transpose()?;
    let in_window = |e: &EventOut| {
        let after = match &from {
            Some(f) => e.date_end.as_deref().is_some_and(|end| end >= f.as_str()),
            None => true,
        };
        let before = match &to {
            Some(t) => e
                .date_start
                .as_deref()
                .is_some_and(|start| start <= t.as_str()),
            None => true,
        };
        after && before
    };
    let mut events: Vec<EventOut> = s
        .events
        .iter()
        .filter(|e| types.is_empty() || types.iter().any(|t| t.trim() == e.etype))
        .filter(|e| in_window(e))
        .cloned()
        .collect();
    if let Some(focus) = actor {
        let window = Snapshot {
            articles: Vec::new(),
            actors: s.actors.clone(),
            events,
        };
        let hood = ActorGraph::from_snapshot(&window).neighbourhood(focus, depth);
        events = window
            .events
            .into_iter()
            .filter(|e| hood.contains(&e.source) && e.target.is_none_or(|t| hood.contains(&t)))
            .collect();
    }
    let mut actor_ids: BTreeSet<i64> = events
        .iter()
        .flat_map(|e| std::iter::once(e.source).chain(e.target))
        .collect();
    actor_ids.extend(actor);
    let article_ids: BTreeSet<i64> = events
        .iter()
        .flat_map(|e| e.articles.iter().copied())
        .collect();
    Ok(Snapshot {
        articles: s
            .articles
            .iter()
            .filter(|a| article_ids.contains(&a.id))
            .cloned()
            .collect(),
        actors: s
            .actors
            .iter()
            .filter(|a| actor_ids.contains(&a.id))
            .cloned()
            .collect(),
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{article_a, article_b, article_c, id_of};
    use crate::store::{EventFilter, Store};

    fn snapshot() -> (Store, Snapshot) {
        let mut store = Store::open_in_memory().unwrap();
        for ex in [article_a(), article_b(), article_c()] {
            store.ingest(&ex).unwrap();
        }
        let snap = store.snapshot().unwrap();
        (store, snap)
    }

    #[test]
    fn shortest_path_over_three_actors() {
        let (store, snap) = snapshot();
        let g = ActorGraph::from_snapshot(&snap);
        let kask = id_of(&store, "Oren Kask");
        let brandt = id_of(&store, "Alva Brandt");
        let veldora = id_of(&store, "Veldora");
        let path = g.shortest_path(kask, veldora).unwrap();
        let steps: Vec<(&str, i64, Option<i64>)> = path
            .iter()
            .map(|e| (e.etype.as_str(), e.source, e.target))
            .collect();
        assert_eq!(
            steps,
            vec![
                ("meet", brandt, Some(kask)),
                ("visit", brandt, Some(veldora))
            ]
        );
        // Reverse direction walks the same events backwards.
        let back = g.shortest_path(veldora, kask).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].etype, "visit");
        assert_eq!(g.shortest_path(kask, kask), Some(vec![]));
        assert_eq!(g.shortest_path(kask, 9999), None);
    }

    #[test]
    fn negated_events_do_not_connect() {
        let (store, snap) = snapshot();
        let g = ActorGraph::from_snapshot(&snap);
        let kask = id_of(&store, "Oren Kask");
        let ruvia = id_of(&store, "Ruvia");
        // "Kask did not meet the Ruvian envoy" is negated: the path goes round via Veldora.
        let path = g.shortest_path(kask, ruvia).unwrap();
        assert_eq!(path.len(), 3);
        assert!(path.iter().all(|e| e.status != "negated"));
    }

    #[test]
    fn shortest_path_ties_take_lowest_event_id() {
        let (store, snap) = snapshot();
        let g = ActorGraph::from_snapshot(&snap);
        let brandt = id_of(&store, "Alva Brandt");
        let veldora = id_of(&store, "Veldora");
        // Brandt → Veldora has a planned visit (article A) and a statement (article C).
        let direct: Vec<i64> = snap
            .events
            .iter()
            .filter(|e| e.source == brandt && e.target == Some(veldora))
            .map(|e| e.id)
            .collect();
        assert!(direct.len() >= 2);
        let path = g.shortest_path(brandt, veldora).unwrap();
        assert_eq!(path.len(), 1);
        assert_eq!(Some(&path[0].id), direct.iter().min());
        let again = ActorGraph::from_snapshot(&snap)
            .shortest_path(brandt, veldora)
            .unwrap();
        assert_eq!(path, again);
    }

    #[test]
    fn neighbourhood_depths() {
        let (store, snap) = snapshot();
        let g = ActorGraph::from_snapshot(&snap);
        let kask = id_of(&store, "Oren Kask");
        let brandt = id_of(&store, "Alva Brandt");
        let veldora = id_of(&store, "Veldora");
        let ruvia = id_of(&store, "Ruvia");
        assert_eq!(g.neighbourhood(kask, 0), BTreeSet::from([kask]));
        assert_eq!(g.neighbourhood(kask, 1), BTreeSet::from([kask, brandt]));
        assert_eq!(
            g.neighbourhood(kask, 2),
            BTreeSet::from([kask, brandt, veldora])
        );
        assert_eq!(
            g.neighbourhood(kask, 3),
            BTreeSet::from([kask, brandt, veldora, ruvia])
        );
        assert!(g.neighbourhood(9999, 3).is_empty());
    }

    #[test]
    fn filtered_by_actor_depth_dates_and_types() {
        let (store, snap) = snapshot();
        let kask = id_of(&store, "Oren Kask");
        let brandt = id_of(&store, "Alva Brandt");
        let veldora = id_of(&store, "Veldora");

        // Unfiltered: unchanged.
        assert_eq!(filtered(&snap, None, 0, None, None, &[]).unwrap(), snap);

        // Depth 1 around Kask: Kask, Brandt and the meeting between them, plus the negated
        // meeting with Ruvia? No: Ruvia is not linked, so that event falls outside.
        let sub = filtered(&snap, Some(kask), 1, None, None, &[]).unwrap();
        let ids: Vec<i64> = sub.actors.iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![brandt, kask]);
        assert_eq!(sub.events.len(), 1);
        assert_eq!(sub.events[0].etype, "meet");
        assert_eq!(sub.articles.len(), 2);

        // Depth 2 adds Veldora and Brandt's events with it.
        let sub = filtered(&snap, Some(kask), 2, None, None, &[]).unwrap();
        assert!(sub.actors.iter().any(|a| a.id == veldora));
        assert!(sub.events.iter().any(|e| e.etype == "visit"));

        // Types only.
        let sub = filtered(&snap, None, 0, None, None, &["visit".to_string()]).unwrap();
        assert_eq!(sub.events.len(), 1);
        assert_eq!(
            sub.actors.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![brandt, veldora]
        );

        // Date window: April 2025 holds only the planned visit.
        let sub = filtered(&snap, None, 0, Some("2025-04"), Some("2025-04"), &[]).unwrap();
        assert_eq!(sub.events.len(), 1);
        assert_eq!(sub.events[0].etype, "visit");

        // Focus actor kept even with no event in the window.
        let sub = filtered(&snap, Some(kask), 3, Some("2030"), None, &[]).unwrap();
        assert!(sub.events.is_empty());
        assert_eq!(sub.actors.len(), 1);
        assert_eq!(sub.actors[0].id, kask);

        assert!(matches!(
            filtered(&snap, None, 0, Some("March"), None, &[]),
            Err(StoreError::InvalidFilter(_))
        ));

        // Same result as the store's own query for the same window.
        let rows = store
            .events(&EventFilter {
                from: Some("2025-04".into()),
                to: Some("2025-04".into()),
                ..EventFilter::default()
            })
            .unwrap();
        assert_eq!(rows.len(), 1);
    }
}
