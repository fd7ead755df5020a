//! Finding a person by whatever the user knows of them: their id (the file id,
//! `ext_id`), email, name or title. The texts are read once per snapshot of the
//! structure, lowercased and packed beside it, so a keystroke is one linear
//! scan in memory and never a query over the whole table.

use std::cmp::Ordering;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{OrgNode, OrgStructure};
use crate::error::Result;

/// One text per person, packed into a single buffer: 100,000 people would
/// otherwise cost 400,000 small allocations per snapshot.
#[derive(Debug, Default)]
struct Texts {
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// The searchable texts of everyone in an `OrgStructure`, lowercased, in the
/// structure's order (node `i` is `structure.ids[i]`).
#[derive(Debug, Default)]
pub struct SearchIndex {
    ext_ids: Texts,
    emails: Texts,
    names: Texts,
    titles: Texts,
}

impl SearchIndex {
    /// Reads the texts of the people in `structure`. Someone the file gained
    /// or lost since the structure was read (another process wrote) is left
    /// out or found by nothing; the next snapshot brings both up to date.
    pub fn load(conn: &Connection, structure: &OrgStructure) -> Result<Self> {
        let mut stmt =
            conn.prepare("SELECT id, ext_id, email, name, title FROM person ORDER BY id")?;
        let mut rows = stmt.query([])?;
        let mut index = SearchIndex::default();
        // Both are in id order: walk them side by side.
        let mut nodes = structure.ids.iter().peekable();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            while nodes.next_if(|&&node| node < id).is_some() {
                index.push(["", "", "", ""]);
            }
            if nodes.next_if(|&&node| node == id).is_some() {
                let texts: [String; 4] = [row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?];
                index.push(texts.each_ref().map(|t| t.trim()));
            }
        }
        for _ in nodes {
            index.push(["", "", "", ""]);
        }
        Ok(index)
    }

    fn push(&mut self, [ext_id, email, name, title]: [&str; 4]) {
        self.ext_ids.push(&ext_id.to_lowercase());
        self.emails.push(&email.to_lowercase());
        self.names.push(&name.to_lowercase());
        self.titles.push(&title.to_lowercase());
    }

    fn len(&self) -> usize {
        self.names.ends.len()
    }

    /// How node `i` matches `query` (already lowercased), if at all.
    fn match_of(&self, i: usize, query: &str) -> Option<Match> {
        let (ext_id, email, name) = (self.ext_ids.get(i), self.emails.get(i), self.names.get(i));
        Some(if ext_id == query {
            Match::Id
        } else if email == query {
            Match::Email
        } else if name == query {
            Match::Name
        } else if name.starts_with(query) {
            Match::NamePrefix
        } else if name.contains(query) {
            Match::InName
        } else if ext_id.contains(query)
            || mailbox_or_address(email, query).contains(query)
            || self.titles.get(i).contains(query)
        {
            Match::Elsewhere
        } else {
            return None;
        })
    }
}

/// Where in an email to look for `query`: the whole address once the query
/// has an `@`, else the mailbox only. Everyone in an org shares the domain, so
/// a query found only there ("co", "example") would match everyone.
fn mailbox_or_address<'a>(email: &'a str, query: &str) -> &'a str {
    if query.contains('@') {
        email
    } else {
        email.rsplit_once('@').map_or(email, |(mailbox, _)| mailbox)
    }
}

/// How well a person matches, best first: the order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// Their id is the query.
    Id,
    /// Their email is the query.
    Email,
    /// Their name is the query.
    Name,
    /// Their name starts with the query.
    NamePrefix,
    /// Their name holds the query further in ("lee" in "Sam Lee").
    InName,
    /// Their id, title or email holds the query (the email's domain only
    /// when the query has an `@`).
    Elsewhere,
}

/// What a search found: how many match in all, and the best of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub total: u32,
    /// Nodes of the structure, best first.
    pub nodes: Vec<u32>,
}

/// The people matching `query` (case-insensitive, anywhere in their id, name,
/// title or email; in the email's domain only for a query with an `@`), in the
/// order of `Match`: exact id, exact email, exact name, name prefix, the query
/// further in the name, and last the query inside an id, email or title.
/// Within each, by name, then in id order, so the same query always gives the
/// same list. Linear in the size of the org: the best `limit` are selected,
/// not the whole list sorted.
pub fn org_search(index: &SearchIndex, query: &str, limit: usize) -> Found {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Found {
            total: 0,
            nodes: Vec::new(),
        };
    }
    let mut hits: Vec<(Match, u32)> = (0..index.len())
        .filter_map(|i| Some((index.match_of(i, &query)?, i as u32)))
        .collect();
    let total = hits.len() as u32;
    let order = |a: &(Match, u32), b: &(Match, u32)| -> Ordering {
        a.0.cmp(&b.0)
            .then_with(|| {
                index
                    .names
                    .get(a.1 as usize)
                    .cmp(index.names.get(b.1 as usize))
            })
            .then(a.1.cmp(&b.1))
    };
    if hits.len() > limit {
        if limit > 0 {
            hits.select_nth_unstable_by(limit - 1, order);
        }
        hits.truncate(limit);
    }
    hits.sort_unstable_by(order);
    Found {
        total,
        nodes: hits.into_iter().map(|(_, node)| node).collect(),
    }
}

/// One page of search results for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgMatches {
    /// How many people match in all; more than `nodes` when the page is full.
    pub total: u32,
    /// The best matches, best first, each with what tells them from namesakes.
    pub nodes: Vec<OrgNode>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_apply, ImportOptions};
    use crate::people::tests::add;
    use crate::Workspace;

    /// Hand-checked org. For "sam": the agent's id is SAM (exact id); one
    /// person is named Sam (exact name); the two Sam Lees and Samantha start
    /// with it (the Sam Lees differ by team only); Ada Sampson and Lee Samuels
    /// have it further in the name; Kim Park only in her email. Grace has it
    /// only in the domain of her email, which a query without `@` skips.
    /// "ops@corp.example" is Zed's email, and inside Bea's.
    const ORG: &str = "\
id,name,title,team,email,manager id,type
E1,Grace Hopper,Director,,grace@samsara.example,,
E2,Sam Lee,Engineer,Platform,sam.lee@corp.example,E1,
E3,Sam Lee,Engineer,Payments,slee@corp.example,E1,
E4,Samantha Ortiz,Designer,Platform,samantha@corp.example,E1,
E5,Lee Samuels,Staff Engineer,Payments,lee.samuels@corp.example,E1,
E6,Ada Sampson,Engineer,Platform,ada@corp.example,E1,
E7,Sam,Recruiter,,sam@corp.example,E1,
E8,Kim Park,Engineer,Platform,kpark.sam@corp.example,E1,
E9,Bea Diaz,Site Reliability Engineer,,devops@corp.example,E1,
E10,Zed Ortega,Operations,,ops@corp.example,E1,
SAM,Support Automation Monitor,,,,E1,agent
";

    fn org() -> Workspace {
        let mut ws = Workspace::in_memory().unwrap();
        import_apply(
            ws.conn_mut(),
            ORG.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        ws
    }

    /// (name, disambiguation) of each result, and the total.
    fn search(
        ws: &mut Workspace,
        query: &str,
        limit: usize,
    ) -> (u32, Vec<(String, Option<String>)>) {
        let found = ws.org_search(query, limit).unwrap();
        let shown = found
            .nodes
            .into_iter()
            .map(|n| (n.name, n.disambiguation))
            .collect();
        (found.total, shown)
    }

    fn names(found: &[(String, Option<String>)]) -> Vec<&str> {
        found.iter().map(|(name, _)| name.as_str()).collect()
    }

    #[test]
    fn exact_id_then_exact_name_then_prefix_then_inside_the_name_then_elsewhere() {
        let mut ws = org();
        let (total, found) = search(&mut ws, "sam", 20);
        assert_eq!(
            total, 8,
            "everyone with \"sam\" in an id, email, name or title"
        );
        assert_eq!(
            names(&found),
            [
                "Support Automation Monitor",
                "Sam",
                "Sam Lee",
                "Sam Lee",
                "Samantha Ortiz",
                "Ada Sampson",
                "Lee Samuels",
                "Kim Park",
            ],
            "the id SAM, the name Sam, names starting with sam (by name), names holding it, an email holding it"
        );
        assert_eq!(
            (found[2].1.as_deref(), found[3].1.as_deref()),
            (Some("Platform"), Some("Payments")),
            "the two Sam Lees share a title, so their teams tell them apart, in id order"
        );
        assert_eq!(found[1].1, None, "nobody else is named Sam");
    }

    #[test]
    fn the_total_counts_every_match_beyond_the_page() {
        let mut ws = org();
        let (total, found) = search(&mut ws, "sam", 3);
        assert_eq!(total, 8, "the total does not stop at the limit");
        assert_eq!(
            names(&found),
            ["Support Automation Monitor", "Sam", "Sam Lee"],
            "a short page is the start of the full order"
        );
        assert_eq!(search(&mut ws, "sam", 0), (8, vec![]), "a count alone");
        assert_eq!(search(&mut ws, "  ", 20), (0, vec![]), "blank finds nobody");
        assert_eq!(search(&mut ws, "nobody", 20), (0, vec![]));
    }

    #[test]
    fn people_are_found_by_id_and_the_exact_id_comes_first() {
        let mut ws = org();
        let (total, found) = search(&mut ws, "e1", 20);
        assert_eq!(total, 2, "E1 itself and E10, which holds e1");
        assert_eq!(names(&found), ["Grace Hopper", "Zed Ortega"]);
    }

    #[test]
    fn people_are_found_by_email_and_the_exact_email_comes_first() {
        let mut ws = org();
        let (total, found) = search(&mut ws, "OPS@corp.example", 20);
        assert_eq!(total, 2, "ops@ exactly, and inside devops@");
        assert_eq!(
            names(&found),
            ["Zed Ortega", "Bea Diaz"],
            "the exact email first though Bea comes first by name"
        );
        let (_, found) = search(&mut ws, "sam.lee@corp.example", 20);
        assert_eq!(
            found,
            [("Sam Lee".to_string(), Some("Platform".to_string()))],
            "an email finds the one Sam Lee it belongs to"
        );
        let (total, found) = search(&mut ws, "@samsara", 20);
        assert_eq!(
            (total, names(&found)),
            (1, vec!["Grace Hopper"]),
            "with an @ the domain is searched too"
        );
    }

    #[test]
    fn exact_names_come_before_longer_ones_and_titles_are_searched() {
        let mut ws = org();
        let (total, found) = search(&mut ws, "SAM LEE", 20);
        assert_eq!((total, names(&found)), (2, vec!["Sam Lee", "Sam Lee"]));
        let (total, found) = search(&mut ws, "designer", 20);
        assert_eq!(
            (total, names(&found)),
            (1, vec!["Samantha Ortiz"]),
            "by title"
        );
    }

    #[test]
    fn the_search_follows_every_write_and_ignores_case_beyond_ascii() {
        let mut ws = org();
        assert_eq!(search(&mut ws, "zoë", 20).0, 0);
        add(ws.conn(), "Zoë Ng", None);
        let (total, found) = search(&mut ws, "ZOË", 20);
        assert_eq!(
            (total, names(&found)),
            (1, vec!["Zoë Ng"]),
            "a person added after a search is found by the next one"
        );
    }

    #[test]
    fn texts_read_after_the_structure_stay_with_their_people() {
        let conn = crate::db::open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", None);
        let cy = add(&conn, "Cy", None);
        let structure = OrgStructure::load(&conn).unwrap();
        // Another process removes Bo and adds Di before the texts are read.
        crate::removal::person_delete(&conn, bo, crate::removal::ReportsDestination::UpOneLevel)
            .unwrap();
        add(&conn, "Di", None);
        let index = SearchIndex::load(&conn, &structure).unwrap();
        let found = |q| -> Vec<i64> {
            org_search(&index, q, 10)
                .nodes
                .iter()
                .map(|&n| structure.ids[n as usize])
                .collect()
        };
        assert_eq!((found("ada"), found("cy")), (vec![ada], vec![cy]));
        assert!(found("bo").is_empty() && found("di").is_empty());
    }
}
