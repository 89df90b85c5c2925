//! Exports of a [`Snapshot`]: JSON (the documented interchange shape) and Graphviz DOT.
//!
//! Both are deterministic: the same snapshot gives byte-identical output.

use petgraph::dot::{Config, Dot, RankDir};
use petgraph::graph::{EdgeReference, NodeIndex};
use serde_json::{Value, json};

use crate::graph::ActorGraph;
use crate::store::{ActorOut, EventOut, SYMMETRIC_TYPES, Snapshot};

/// The snapshot as JSON, in this shape (ids are integers, arrays in ascending id order):
///
/// ```text
/// {"articles": [{"id", "source_id", "title", "published", "url"}],
///  "actors":   [{"id", "name", "type", "country", "cameo_actor", "roles": [..], "aliases": [..]}],
///  "events":   [{"id", "type", "cameo", "plover", "goldstein", "source", "target", "date",
///                "status", "date_how", "date_raw", "timex", "trigger", "sources",
///                "articles": [article ids],
///                "evidence": [{"article", "text", "start", "end", "trigger", "status", "date"}]}]}
/// ```
///
/// `source`/`target` are actor ids (`target` may be null); `date` is `YYYY-MM-DD`, `YYYY-MM`,
/// `YYYY`, `YYYY-MM-DD/YYYY-MM-DD` or null; `trigger` is the first evidence's trigger (or null);
/// `plover` is the PLOVER type of the event as reported (a planned act of cooperation is
/// AGREE: [`crate::events::plover_reading`]);
/// `sources` is the number of distinct articles; evidence `text` is the whole sentence and
/// `start`/`end` its byte offsets in the article text. Absent optional values are null.
pub fn to_json(s: &Snapshot) -> Value {
    let articles: Vec<Value> = s
        .articles
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "source_id": a.source_id,
                "title": a.title,
                "published": a.published,
                "url": a.url,
            })
        })
        .collect();
    let actors: Vec<Value> = s
        .actors
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "name": a.name,
                "type": a.kind,
                "country": a.country,
                "cameo_actor": a.cameo,
                "roles": a.roles,
                "aliases": a.aliases,
            })
        })
        .collect();
    let events: Vec<Value> = s
        .events
        .iter()
        .map(|e| {
            let evidence: Vec<Value> = e
                .evidence
                .iter()
                .map(|ev| {
                    json!({
                        "article": ev.article,
                        "text": ev.text,
                        "start": ev.start,
                        "end": ev.end,
                        "trigger": ev.trigger,
                        "status": ev.status,
                        "date": ev.date,
                    })
                })
                .collect();
            json!({
                "id": e.id,
                "type": e.etype,
                "cameo": e.cameo,
                "plover": crate::model::Status::parse(&e.status)
                    .map_or_else(|| e.plover.clone(), |st| {
                        crate::events::plover_reading(e.plover.as_deref(), &e.cameo, st)
                    }),
                "goldstein": e.goldstein,
                "source": e.source,
                "target": e.target,
                "date": e.date,
                "status": e.status,
                "date_how": e.date_how,
                "date_raw": e.date_raw,
                "timex": e.date_timex,
                "trigger": e.evidence.first().map(|ev| ev.trigger.as_str()),
                "sources": e.articles.len(),
                "articles": e.articles,
                "evidence": evidence,
            })
        })
        .collect();
    json!({ "articles": articles, "actors": actors, "events": events })
}

/// Escapes `s` for a double-quoted DOT string: `"` and `\` are backslash-escaped, newlines
/// become `\n`, other control characters become spaces.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Graphviz node shape for an actor type.
fn shape(kind: &str) -> &'static str {
    match kind {
        "country" => "box",
        "organization" => "hexagon",
        _ => "ellipse",
    }
}

/// The snapshot's actor graph in Graphviz DOT (`digraph`, `rankdir="LR"`).
///
/// Nodes are actors labelled with their name, shaped by type (person = ellipse, country = box,
/// organization = hexagon). Edges are events with a target, source → target, labelled
/// `"<type> <date>"` (just the type when undated); planned events are dashed, uncertain ones
/// dotted, symmetric types (`meet`, `talk`, …) have no arrowhead, and negated events are left
/// out. Labels are escaped (quotes, backslashes, newlines). Output is byte-identical for the
/// same snapshot.
pub fn to_dot(s: &Snapshot) -> String {
    let g = ActorGraph::from_snapshot(s);
    let graph = g.graph();
    let node_attrs = |_, (_, actor): (NodeIndex, &ActorOut)| -> String {
        format!(
            "label = \"{}\", shape = {} ",
            escape(&actor.name),
            shape(&actor.kind)
        )
    };
    let edge_attrs = |_, edge: EdgeReference<'_, EventOut>| -> String {
        let e = edge.weight();
        let label = match &e.date {
            Some(d) => format!("{} {d}", e.etype),
            None => e.etype.clone(),
        };
        let mut attrs = format!("label = \"{}\"", escape(&label));
        match e.status.as_str() {
            "planned" => attrs.push_str(", style = dashed"),
            "uncertain" => attrs.push_str(", style = dotted"),
            _ => {}
        }
        if SYMMETRIC_TYPES.contains(&e.etype.as_str()) {
            attrs.push_str(", dir = none");
        }
        attrs.push(' ');
        attrs
    };
    let config = [
        Config::NodeNoLabel,
        Config::EdgeNoLabel,
        Config::RankDir(RankDir::LR),
    ];
    let dot = Dot::with_attr_getters(graph, &config, &edge_attrs, &node_attrs);
    // With NodeNoLabel/EdgeNoLabel the weights' Debug output is never used: every label comes
    // from the attribute getters above.
    format!("{dot:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{article_a, article_b, article_c};
    use crate::store::{ArticleOut, EvidenceOut, Store};
    use std::collections::BTreeSet;

    fn snapshot() -> Snapshot {
        let mut store = Store::open_in_memory().unwrap();
        for ex in [article_a(), article_b(), article_c()] {
            store.ingest(&ex).unwrap();
        }
        store.snapshot().unwrap()
    }

    fn keys(v: &Value) -> BTreeSet<&str> {
        v.as_object().unwrap().keys().map(String::as_str).collect()
    }

    #[test]
    fn json_has_exactly_the_documented_keys() {
        let v = to_json(&snapshot());
        assert_eq!(keys(&v), BTreeSet::from(["articles", "actors", "events"]));
        let article = &v["articles"][0];
        assert_eq!(
            keys(article),
            BTreeSet::from(["id", "source_id", "title", "published", "url"])
        );
        assert!(article["id"].is_i64());
        let actor = &v["actors"][0];
        assert_eq!(
            keys(actor),
            BTreeSet::from([
                "id",
                "name",
                "type",
                "country",
                "cameo_actor",
                "roles",
                "aliases"
            ])
        );
        assert!(actor["roles"].is_array() && actor["aliases"].is_array());
        let events = v["events"].as_array().unwrap();
        for e in events {
            assert_eq!(
                keys(e),
                BTreeSet::from([
                    "id",
                    "type",
                    "cameo",
                    "plover",
                    "goldstein",
                    "source",
                    "target",
                    "date",
                    "status",
                    "articles",
                    "evidence",
                    "date_how",
                    "date_raw",
                    "timex",
                    "trigger",
                    "sources",
                ])
            );
            assert!(e["source"].is_i64());
            assert!(e["target"].is_i64() || e["target"].is_null());
            for ev in e["evidence"].as_array().unwrap() {
                assert_eq!(
                    keys(ev),
                    BTreeSet::from([
                        "article", "text", "start", "end", "trigger", "status", "date"
                    ])
                );
            }
        }
        // The merged meeting: two articles, two pieces of evidence, sentence offsets.
        let meet = events
            .iter()
            .find(|e| e["type"] == "meet" && e["status"] == "occurred")
            .unwrap();
        assert_eq!(meet["sources"], 2);
        assert_eq!(meet["articles"].as_array().unwrap().len(), 2);
        assert_eq!(meet["date"], "2025-03-03");
        assert_eq!(meet["trigger"], "met");
        let ev = &meet["evidence"][0];
        let text = crate::store::fixtures::article_a().article.text;
        let (start, end) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
        assert_eq!(
            &text[start as usize..end as usize],
            ev["text"].as_str().unwrap()
        );
        // An event date given as a month stays a month.
        let visit = events.iter().find(|e| e["type"] == "visit").unwrap();
        assert_eq!(visit["date"], "2025-04");
        assert_eq!(visit["status"], "planned");
    }

    fn tricky_snapshot() -> Snapshot {
        let actor = |id: i64, name: &str, kind: &str| ActorOut {
            id,
            key: format!("k{id}"),
            name: name.to_string(),
            kind: kind.to_string(),
            country: None,
            cameo: None,
            roles: vec![],
            aliases: vec![],
        };
        let event = |id: i64, etype: &str, s: i64, t: i64, status: &str| EventOut {
            id,
            etype: etype.to_string(),
            cameo: "040".into(),
            plover: None,
            goldstein: Some(1.0),
            source: s,
            target: Some(t),
            status: status.to_string(),
            date: Some("2025-02-27".into()),
            date_start: Some("2025-02-27".into()),
            date_end: Some("2025-02-27".into()),
            date_timex: None,
            date_raw: None,
            date_how: Some("explicit".into()),
            articles: vec![1],
            evidence: vec![EvidenceOut {
                article: 1,
                text: "x".into(),
                start: 0,
                end: 1,
                trigger: "x".into(),
                trigger_start: 0,
                trigger_end: 1,
                status: "planned".into(),
                date: None,
            }],
        };
        Snapshot {
            articles: vec![ArticleOut {
                id: 1,
                source_id: "t".into(),
                title: None,
                published: None,
                url: None,
                outlet: None,
            }],
            actors: vec![
                actor(1, "Ana \"The Hammer\" Vo\\ss", "person"),
                actor(2, "Line\nBreak Republic", "country"),
                actor(3, "Union of Things", "organization"),
            ],
            events: vec![
                event(10, "meet", 1, 2, "occurred"),
                event(11, "visit", 1, 3, "planned"),
                event(12, "threaten", 3, 2, "uncertain"),
                event(13, "attack", 2, 3, "negated"),
            ],
        }
    }

    #[test]
    fn dot_labels_are_clean_and_escaped() {
        let dot = to_dot(&tricky_snapshot());
        assert!(dot.starts_with("digraph {\n"), "{dot}");
        assert!(dot.contains("rankdir=\"LR\""), "{dot}");
        assert!(
            dot.contains(r#"label = "Ana \"The Hammer\" Vo\\ss", shape = ellipse"#),
            "{dot}"
        );
        assert!(
            dot.contains(r#"label = "Line\nBreak Republic", shape = box"#),
            "{dot}"
        );
        assert!(dot.contains("shape = hexagon"), "{dot}");
        assert!(
            dot.contains(r#"0 -> 1 [ label = "meet 2025-02-27", dir = none ]"#),
            "{dot}"
        );
        assert!(
            dot.contains(r#"label = "visit 2025-02-27", style = dashed"#),
            "{dot}"
        );
        assert!(
            dot.contains(r#"label = "threaten 2025-02-27", style = dotted"#),
            "{dot}"
        );
        assert!(
            !dot.contains("attack"),
            "negated events are not drawn: {dot}"
        );
        // No Debug-formatted weights leak into the output.
        assert!(
            !dot.contains("ActorOut") && !dot.contains("EventOut"),
            "{dot}"
        );
        // No raw newline inside any label: every line is a statement or a brace.
        for line in dot.lines() {
            let t = line.trim();
            assert!(
                t.ends_with(']') || t.ends_with('{') || t == "}" || t.starts_with("rankdir"),
                "unexpected line {line:?}"
            );
        }
    }

    #[test]
    fn dot_and_json_are_deterministic() {
        let a = snapshot();
        let b = snapshot();
        assert_eq!(to_dot(&a), to_dot(&b));
        assert_eq!(
            serde_json::to_string(&to_json(&a)).unwrap(),
            serde_json::to_string(&to_json(&b)).unwrap()
        );
        let t = tricky_snapshot();
        assert_eq!(to_dot(&t), to_dot(&t.clone()));
    }
}
