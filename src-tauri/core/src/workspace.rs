//! An open workspace file: the connection plus a cached snapshot of the reporting
//! structure. Metrics, the org chart and search read the snapshot; it is rebuilt
//! only when the file changed since it was taken (by this connection, seen through
//! `total_changes`, or by another process, seen through `PRAGMA data_version`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{self, OpenMode};
use crate::error::Result;
use crate::metrics::{metrics_compute, metrics_disambiguate, Metrics};
use crate::org::{
    org_disambiguations, org_nodes, org_search, OrgMatches, OrgNode, OrgStructure, SearchIndex,
};
use crate::settings::thresholds_get;

pub struct Workspace {
    conn: Connection,
    path: Option<PathBuf>,
    /// Behind a `RefCell` so that a write transaction (which borrows the
    /// connection) can still read the structure as of inside the transaction.
    cache: RefCell<Option<Snapshot>>,
    /// The org a scenario or a snapshot makes, as an in-memory workspace the
    /// usual screens read (see `with_view`), with the change key it was built at.
    view: RefCell<Option<CachedView>>,
}

/// A view, what it shows and the change key it was built at.
type CachedView = (ViewOf, (i64, u64), Box<Workspace>);

/// Which org the screens show: the live one, a scenario's or a snapshot's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "of", rename_all = "snake_case")]
#[ts(export)]
pub enum ViewOf {
    Live,
    Scenario {
        #[ts(type = "number")]
        id: i64,
    },
    Snapshot {
        #[ts(type = "number")]
        id: i64,
    },
}

#[derive(Clone)]
struct Snapshot {
    key: (i64, u64),
    structure: Arc<OrgStructure>,
    descendants: Arc<Vec<u32>>,
    /// Read at the first search after a change, not at every reload: most
    /// reloads (after a write, for the metrics) are never followed by a search.
    search: Arc<OnceLock<SearchIndex>>,
    /// What tells people apart from namesakes (`None`: nobody shares their
    /// name), for everyone the metrics listed since the snapshot was taken:
    /// the flag lists of a 100,000-person org name thousands of people, looked
    /// up once, not at every call.
    told_apart: Arc<Mutex<HashMap<i64, Option<String>>>>,
}

/// One page of the people directly under a person (or of the roots).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgChildren {
    /// How many there are in all.
    pub total: u32,
    pub offset: u32,
    pub nodes: Vec<OrgNode>,
}

/// What the window title and the workspace bar show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    pub file_name: String,
    pub people: u32,
    pub teams: u32,
}

impl Workspace {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Self> {
        Workspace::seeded(db::open(path, mode)?, Some(path.to_path_buf()))
    }

    pub fn in_memory() -> Result<Self> {
        Workspace::seeded(db::open_in_memory()?, None)
    }

    /// The storage layer only opens and migrates; what ships with Leadline
    /// (the built-in framework) is put in here, above the domains.
    fn seeded(conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        let workspace = Workspace {
            conn,
            path,
            cache: RefCell::new(None),
            view: RefCell::new(None),
        };
        workspace.write(crate::skills::builtin_ensure)?;
        Ok(workspace)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        let path = self
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let file_name = self
            .path
            .as_deref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "(in memory)".into());
        let (people, teams) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM team)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(WorkspaceInfo {
            path,
            file_name,
            people,
            teams,
        })
    }

    fn change_key(&self) -> Result<(i64, u64)> {
        let data_version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, self.conn.total_changes()))
    }

    /// The reporting structure as of now, reloaded only if the file changed.
    /// Inside a write transaction it is the structure that transaction sees.
    pub fn structure(&self) -> Result<Arc<OrgStructure>> {
        Ok(self.snapshot()?.structure)
    }

    fn snapshot(&self) -> Result<Snapshot> {
        let key = self.change_key()?;
        if let Some(cached) = self.cache.borrow().as_ref().filter(|s| s.key == key) {
            return Ok(cached.clone());
        }
        let structure = OrgStructure::load(&self.conn)?;
        let descendants = structure.descendant_counts();
        let snapshot = Snapshot {
            key,
            structure: Arc::new(structure),
            descendants: Arc::new(descendants),
            search: Arc::default(),
            told_apart: Arc::default(),
        };
        *self.cache.borrow_mut() = Some(snapshot.clone());
        Ok(snapshot)
    }

    /// Runs `f` on the org `of` shows: this workspace for the live org, else
    /// an in-memory workspace holding the scenario's or the snapshot's people
    /// and teams (and this workspace's settings), so every read the screens
    /// make (people, chart, metrics, flags, search, exports) works on it
    /// unchanged. The view is rebuilt only when this workspace changed.
    /// Writes go to the scenario's steps, never to the view.
    pub fn with_view<T>(
        &mut self,
        of: ViewOf,
        f: impl FnOnce(&mut Workspace) -> Result<T>,
    ) -> Result<T> {
        if of == ViewOf::Live {
            return f(self);
        }
        let key = self.change_key()?;
        let cached = self.view.borrow_mut().take();
        let mut view = match cached {
            Some((was, at, view)) if was == of && at == key => view,
            _ => Box::new(self.view_build(of)?),
        };
        let outcome = f(&mut view);
        *self.view.borrow_mut() = Some((of, key, view));
        outcome
    }

    fn view_build(&self, of: ViewOf) -> Result<Workspace> {
        let rows = match of {
            ViewOf::Live => unreachable!("the live org is not a view"),
            ViewOf::Scenario { id } => crate::scenario::scenario_build(&self.conn, id)?.rows,
            ViewOf::Snapshot { id } => {
                crate::snapshot::snapshot_get(&self.conn, id)?;
                crate::org::rows::OrgRows::of_snapshot(&self.conn, id)?
            }
        };
        let settings: Vec<(String, String)> = self
            .conn
            .prepare("SELECT key, value FROM setting")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let view = Workspace::in_memory()?;
        view.write(|tx| {
            for (key, value) in &settings {
                tx.execute(
                    "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)",
                    [key, value],
                )?;
            }
            rows.write_into(tx)
        })?;
        Ok(view)
    }

    /// Runs `f` as the one write transaction of a command (`BEGIN IMMEDIATE`,
    /// see `db::write`): committed when `f` succeeds, rolled back otherwise.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = db::write(&self.conn)?;
        let outcome = f(&tx).and_then(|value| {
            tx.commit()?;
            Ok(value)
        });
        if outcome.is_err() {
            // A structure read after a write inside the transaction would
            // otherwise outlive its rollback: the change key cannot tell.
            self.cache.borrow_mut().take();
        }
        outcome
    }

    /// Metrics of the whole org (`root` = None) or of one person's subtree.
    pub fn metrics(&mut self, root: Option<i64>) -> Result<Metrics> {
        let thresholds = thresholds_get(&self.conn)?;
        let structure = self.structure()?;
        let root = root.map(|id| structure.index(id)).transpose()?;
        let mut metrics = metrics_compute(&structure, root, thresholds);
        self.metrics_disambiguate(&mut [&mut metrics])?;
        Ok(metrics)
    }

    /// Fills in what tells the people `metrics` list apart from namesakes
    /// (see `metrics::metrics_disambiguate`), looking up only those not looked
    /// up since the structure last changed.
    pub fn metrics_disambiguate(&self, metrics: &mut [&mut Metrics]) -> Result<()> {
        let snapshot = self.snapshot()?;
        let mut known = snapshot
            .told_apart
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        metrics_disambiguate(metrics, |ids| {
            let s = &snapshot.structure;
            // Someone not in the live org (a scenario's planned position, a
            // person a snapshot remembers) has nobody here to be told from.
            let missing: Vec<u32> = ids
                .iter()
                .filter(|id| !known.contains_key(id))
                .filter_map(|&id| s.index(id).ok())
                .collect();
            let mut found = org_disambiguations(&self.conn, s, &missing)?;
            for node in missing {
                let id = s.ids[node as usize];
                known.insert(id, found.remove(&id));
            }
            Ok(ids
                .iter()
                .filter_map(|id| Some((*id, known.get(id)?.clone()?)))
                .collect())
        })
    }

    /// A page of the chart nodes under `parent` (the roots of the org when
    /// `None`): a manager can have thousands of reports and a flat import can have
    /// thousands of roots, so the chart asks for what it shows.
    pub fn org_children(
        &mut self,
        parent: Option<i64>,
        offset: u32,
        limit: u32,
    ) -> Result<OrgChildren> {
        let snapshot = self.snapshot()?;
        let conn = &self.conn;
        let s = &snapshot.structure;
        let all: Vec<u32> = match parent {
            Some(id) => s.children(s.index(id)?).to_vec(),
            None => s.roots().collect(),
        };
        let page: Vec<u32> = all
            .iter()
            .copied()
            .skip(offset as usize)
            .take(limit as usize)
            .collect();
        Ok(OrgChildren {
            total: all.len() as u32,
            offset,
            nodes: org_nodes(conn, s, &snapshot.descendants, &page)?,
        })
    }

    /// The chart nodes along the chain of command, from the top down to `id`.
    /// Chart nodes for the people with these ids, in that order.
    pub fn org_nodes_of(&mut self, ids: &[i64]) -> Result<Vec<OrgNode>> {
        let snapshot = self.snapshot()?;
        let s = &snapshot.structure;
        let nodes = ids
            .iter()
            .map(|&id| s.index(id))
            .collect::<Result<Vec<_>>>()?;
        org_nodes(&self.conn, s, &snapshot.descendants, &nodes)
    }

    pub fn org_chain(&mut self, id: i64) -> Result<Vec<OrgNode>> {
        let snapshot = self.snapshot()?;
        let conn = &self.conn;
        let s = &snapshot.structure;
        let mut chain = vec![s.index(id)?];
        while let Some(p) = s.parent(*chain.last().expect("non-empty")) {
            if chain.len() > s.len() {
                break; // a cycle would never end; the writes refuse them, but never loop.
            }
            chain.push(p);
        }
        chain.reverse();
        org_nodes(conn, s, &snapshot.descendants, &chain)
    }

    /// The humans in a person's subtree, the person first (for team views).
    pub fn subtree_humans(&mut self, root: i64) -> Result<Vec<i64>> {
        let structure = self.structure()?;
        let start = structure.index(root)?;
        Ok(structure
            .breadth_first(&[start])
            .into_iter()
            .filter(|&n| !structure.is_agent[n as usize])
            .map(|n| structure.ids[n as usize])
            .collect())
    }

    pub fn heatmap(
        &mut self,
        scope: crate::skills::gaps::HeatmapScope,
        framework_key: &str,
        profile_id: Option<i64>,
    ) -> Result<crate::skills::gaps::Heatmap> {
        use crate::skills::gaps::HeatmapScope;
        let people = match scope {
            HeatmapScope::Subtree { person_id } => self.subtree_humans(person_id)?,
            HeatmapScope::Team { team_id } => crate::teams::team_members(&self.conn, team_id)?,
        };
        crate::skills::gaps::team_heatmap(&self.conn, &people, framework_key, profile_id)
    }

    /// The best `limit` people matching `query` (see `org::org_search` for the
    /// order), and how many match in all.
    pub fn org_search(&mut self, query: &str, limit: usize) -> Result<OrgMatches> {
        let snapshot = self.snapshot()?;
        let conn = &self.conn;
        let index = match snapshot.search.get() {
            Some(index) => index,
            None => {
                let loaded = SearchIndex::load(conn, &snapshot.structure)?;
                snapshot.search.get_or_init(|| loaded)
            }
        };
        let found = org_search(index, query, limit);
        Ok(OrgMatches {
            total: found.total,
            nodes: org_nodes(
                conn,
                &snapshot.structure,
                &snapshot.descendants,
                &found.nodes,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::person_move;
    use crate::people::tests::add;

    #[test]
    fn the_cached_structure_follows_every_write() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        assert_eq!(ws.metrics(None).unwrap().headcount, 1);
        let bo = add(ws.conn(), "Bo", Some(ada));
        assert_eq!(
            ws.metrics(None).unwrap().managers,
            1,
            "a new report makes Ada a manager"
        );
        person_move(ws.conn(), bo, None).unwrap();
        assert_eq!(
            ws.metrics(None).unwrap().managers,
            0,
            "the move must be seen"
        );
        let roots = ws.org_children(None, 0, 10).unwrap();
        assert_eq!((roots.total, roots.nodes.len()), (2, 2));
        let page = ws.org_children(None, 1, 10).unwrap();
        assert_eq!(
            (page.total, page.nodes.len(), page.offset),
            (2, 1, 1),
            "paging skips the first root"
        );
    }

    #[test]
    fn what_tells_flagged_namesakes_apart_follows_every_write() {
        use crate::people::{person_create, person_update, PersonInput};
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let staff = PersonInput {
            title: "Staff Engineer".into(),
            manager_id: Some(ada),
            ..PersonInput::human("Alexander")
        };
        let alexander = person_create(ws.conn(), &staff).unwrap().id;
        add(ws.conn(), "Alexander", None);
        add(ws.conn(), "Bo", Some(alexander));
        let told = |ws: &mut Workspace| {
            let m = ws.metrics(None).unwrap();
            let single = &m.flags.single_report;
            (single.len(), single.last().unwrap().disambiguation.clone())
        };
        assert_eq!(
            told(&mut ws),
            (2, Some("Staff Engineer".into())),
            "Ada and Alexander manage one each"
        );
        assert_eq!(
            told(&mut ws),
            (2, Some("Staff Engineer".into())),
            "the same from the cache"
        );
        let renamed = PersonInput {
            name: "Alex".into(),
            ..staff
        };
        person_update(ws.conn(), alexander, &renamed).unwrap();
        assert_eq!(
            told(&mut ws),
            (2, None),
            "renamed, Alexander has no namesake left"
        );
    }

    #[test]
    fn writes_from_another_connection_are_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.leadline");
        let mut app = Workspace::open(&path, OpenMode::CreateIfMissing).unwrap();
        assert_eq!(app.metrics(None).unwrap().headcount, 0);
        let cli = Workspace::open(&path, OpenMode::MustExist).unwrap();
        add(cli.conn(), "Ada", None);
        assert_eq!(
            app.metrics(None).unwrap().headcount,
            1,
            "the app must see the CLI's write"
        );
    }

    #[test]
    fn the_chain_runs_from_the_top_down() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let names: Vec<String> = ws
            .org_chain(cy)
            .unwrap()
            .into_iter()
            .map(|n| n.name)
            .collect();
        assert_eq!(names, ["Ada", "Bo", "Cy"]);
        assert_eq!(
            ws.org_chain(999).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }
}
