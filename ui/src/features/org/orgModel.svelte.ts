// The org tree as loaded so far, shared by the chart and the outline: which
// people are expanded, who is selected, and the lazily fetched child lists.
// Plain Maps hold the data; `version` is bumped on every change so views can
// derive from it without making thousands of entries reactive.
import * as api from '../../lib/api';
import type { OrgNode } from '../../lib/bindings/OrgNode';
import { buildChartTree, flattenVisible, type ChartItem, type FlatRow, type ParentKey } from './orgTree';

/** Children the chart shows per parent before a "+N more" box. */
export const CHART_PAGE = 50;

export class OrgModel {
  version = $state(0);
  selectedId = $state<number | null>(null);
  /** Chain of command of the selected person, top first. */
  chain = $state<OrgNode[]>([]);
  /** Asks the views to bring a person into view (seq makes repeats distinct). */
  reveal = $state<{ id: number; seq: number } | null>(null);
  error = $state<api.ApiError | null>(null);
  loadingRoots = $state(false);
  /** Bumped when another workspace replaces everything. */
  generation = $state(0);

  readonly nodes = new Map<number, OrgNode>();
  readonly children = new Map<ParentKey, number[]>();
  readonly expanded = new Set<number>();
  readonly shown = new Map<ParentKey, number>();
  pinned = new Set<number>();

  private inflight = new Map<ParentKey, Promise<void>>();
  private epoch = 0;
  private revealSeq = 0;
  /** Revision and workspace the loaded data belongs to. */
  loadedRevision = -1;
  workspacePath: string | null = null;
  /** Pan and zoom of the chart, kept while the chart is not on screen. */
  savedView: { tx: number; ty: number; k: number } | null = null;
  /** The last reveal request the chart has acted on. */
  chartRevealSeq = 0;

  private touch() {
    this.version += 1;
  }

  get roots(): readonly number[] {
    return this.children.get(null) ?? [];
  }

  /** Reactive lookups: reading `version` makes views update on any change. */
  node(id: number | null): OrgNode | undefined {
    void this.version;
    return id === null ? undefined : this.nodes.get(id);
  }

  isExpanded(id: number): boolean {
    void this.version;
    return this.expanded.has(id);
  }

  flatRows(): FlatRow[] {
    return flattenVisible(this);
  }

  chartTree(): ChartItem {
    return buildChartTree(this, { pageSize: CHART_PAGE, shown: this.shown, pinned: this.pinned });
  }

  /** Forgets everything (another workspace was opened). */
  reset(path: string | null) {
    this.epoch += 1;
    this.nodes.clear();
    this.children.clear();
    this.expanded.clear();
    this.shown.clear();
    this.pinned = new Set();
    this.inflight.clear();
    this.selectedId = null;
    this.chain = [];
    this.reveal = null;
    this.error = null;
    this.loadedRevision = -1;
    this.workspacePath = path;
    this.savedView = null;
    this.generation += 1;
    this.touch();
  }

  private store(parent: ParentKey, list: OrgNode[]) {
    for (const n of list) this.nodes.set(n.id, n);
    this.children.set(
      parent,
      list.map((n) => n.id),
    );
  }

  /** Fetches the children of `parent` (null = roots) unless already loaded. */
  ensureChildren(parent: ParentKey, force = false): Promise<void> {
    if (!force && this.children.has(parent)) return Promise.resolve();
    const running = this.inflight.get(parent);
    if (running && !force) return running;
    const epoch = this.epoch;
    if (parent === null) this.loadingRoots = true;
    const p = api
      .orgChildren(parent)
      .then((list) => {
        if (epoch !== this.epoch) return;
        this.store(parent, list);
        this.error = null;
      })
      .catch((e) => {
        if (epoch !== this.epoch) return;
        this.error = api.toApiError(e);
        if (parent !== null) this.expanded.delete(parent);
      })
      .finally(() => {
        if (this.inflight.get(parent) === p) this.inflight.delete(parent);
        if (parent === null) this.loadingRoots = false;
        this.touch();
      });
    this.inflight.set(parent, p);
    this.touch();
    return p;
  }

  async expand(id: number) {
    const node = this.nodes.get(id);
    if (!node || node.children === 0) return;
    this.expanded.add(id);
    this.touch();
    await this.ensureChildren(id);
  }

  collapse(id: number) {
    if (this.expanded.delete(id)) this.touch();
  }

  async toggle(id: number) {
    if (this.expanded.has(id)) this.collapse(id);
    else await this.expand(id);
  }

  /** Reveals the next page of a long child list in the chart. */
  showMore(parent: ParentKey) {
    const now = this.shown.get(parent) ?? CHART_PAGE;
    this.shown.set(parent, now + CHART_PAGE);
    this.touch();
  }

  /** Selects a person and loads their chain of command for the breadcrumb. */
  async select(id: number | null) {
    this.selectedId = id;
    if (id === null) {
      this.chain = [];
      return;
    }
    const epoch = this.epoch;
    try {
      const chain = await api.orgChain(id);
      if (epoch === this.epoch && this.selectedId === id) this.chain = chain;
    } catch (e) {
      if (epoch === this.epoch) this.error = api.toApiError(e);
    }
  }

  /**
   * Shows a person: loads their chain, expands every ancestor, makes sure the
   * chart shows each link of the chain, selects them and asks the views to
   * bring them into view.
   */
  async focusPerson(id: number) {
    const epoch = this.epoch;
    try {
      const chain = await api.orgChain(id);
      if (epoch !== this.epoch || chain.length === 0) return;
      for (const n of chain) this.nodes.set(n.id, n);
      this.pinned = new Set(chain.map((n) => n.id));
      await this.ensureChildren(null);
      if (!this.roots.includes(chain[0].id)) await this.ensureChildren(null, true);
      for (let i = 0; i < chain.length - 1; i += 1) {
        const parent = chain[i].id;
        await this.ensureChildren(parent);
        if (!(this.children.get(parent) ?? []).includes(chain[i + 1].id)) {
          await this.ensureChildren(parent, true);
        }
        if (epoch !== this.epoch) return;
        this.expanded.add(parent);
      }
      this.selectedId = id;
      this.chain = chain;
      this.error = null;
      this.revealSeq += 1;
      this.reveal = { id, seq: this.revealSeq };
      this.touch();
    } catch (e) {
      if (epoch === this.epoch) this.error = api.toApiError(e);
    }
  }

  /**
   * Reloads after a write: the roots, then the children of every expanded
   * person still reachable, keeping the expanded state.
   */
  async refresh(revision: number, path: string | null) {
    if (path !== this.workspacePath) this.reset(path);
    if (revision === this.loadedRevision && this.children.has(null)) return;
    this.loadedRevision = revision;
    const epoch = this.epoch;
    const wasExpanded = new Set(this.expanded);
    await this.ensureChildren(null, true);
    let frontier = [...this.roots];
    const reached = new Set<number>();
    while (frontier.length > 0 && epoch === this.epoch) {
      const next: number[] = [];
      const open = frontier.filter((id) => wasExpanded.has(id) && (this.nodes.get(id)?.children ?? 0) > 0);
      await Promise.all(open.map((id) => this.ensureChildren(id, true)));
      for (const id of open) {
        reached.add(id);
        next.push(...(this.children.get(id) ?? []));
      }
      frontier = next;
    }
    if (epoch !== this.epoch) return;
    for (const id of wasExpanded) if (!reached.has(id)) this.expanded.delete(id);
    // Child lists of collapsed people may be stale: fetch them again on expand.
    // (People expanded meanwhile, e.g. by focusPerson, keep theirs.)
    for (const key of [...this.children.keys()]) {
      if (key !== null && !reached.has(key) && !this.expanded.has(key)) this.children.delete(key);
    }
    if (this.selectedId !== null) {
      const stillThere = this.selectedId;
      try {
        this.chain = await api.orgChain(stillThere);
      } catch {
        this.selectedId = null;
        this.chain = [];
      }
    }
    this.touch();
  }
}

export const orgModel = new OrgModel();
