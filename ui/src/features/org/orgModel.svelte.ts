// The org tree as loaded so far, shared by the chart and the outline: which
// people are expanded, who is selected, and the child lists fetched page by
// page (the first page on expand, the next one per "+N more").
// Plain Maps hold the data; `version` is bumped on every change so views can
// derive from it without making thousands of entries reactive.
import * as api from '../../lib/api';
import type { OrgNode } from '../../lib/bindings/OrgNode';
import { buildChartTree, flattenVisible, visibleChildren, type ChartItem, type FlatRow, type ParentKey } from './orgTree';

/** Children fetched per page: on expand, and per "+N more". */
export const ORG_PAGE = 50;
/** When a workspace is first shown, its roots are expanded if there are at most this many. */
export const AUTO_EXPAND_ROOTS = 5;

interface Page {
  nodes: OrgNode[];
  total: number;
}

/** Child ids of a page, without repeats (pages can overlap after a write). */
function uniqueIds(nodes: readonly OrgNode[], before: readonly number[] = []): number[] {
  const seen = new Set(before);
  const ids = [...before];
  for (const n of nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    ids.push(n.id);
  }
  return ids;
}

/** Pins each link of a chain of command under its manager (the first under the roots). */
function chainPins(chain: readonly OrgNode[]): Map<ParentKey, number> {
  const pins = new Map<ParentKey, number>();
  chain.forEach((n, i) => pins.set(i === 0 ? null : chain[i - 1].id, n.id));
  return pins;
}

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
  /** Loaded children per parent (null = the roots): a prefix of all of them. */
  readonly children = new Map<ParentKey, number[]>();
  /** How many children each loaded parent has in all. */
  readonly totals = new Map<ParentKey, number>();
  readonly expanded = new Set<number>();
  /** The chain of the focused person, shown even where its page is not loaded. */
  pinned = new Map<ParentKey, number>();

  private pinTarget: number | null = null;
  private pinSeq = 0;
  private inflight = new Map<ParentKey, Promise<void>>();
  private moreInflight = new Map<ParentKey, Promise<void>>();
  private epoch = 0;
  private refreshSeq = 0;
  private revealSeq = 0;
  /** Expand the roots on the next successful load (a workspace shown for the first time). */
  private autoExpandPending = true;
  /** Revision and workspace the loaded data belongs to. */
  loadedRevision = -1;
  workspacePath: string | null = null;
  workspaceSession = 0;
  /** Pan and zoom of the chart, kept while the chart is not on screen. */
  savedView: { tx: number; ty: number; k: number } | null = null;
  /** The last reveal request the chart has acted on. */
  chartRevealSeq = 0;

  private touch() {
    this.version += 1;
  }

  /** The loaded roots. */
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

  /** Whether the next page of `parent`'s children is being fetched. */
  isLoadingMore(parent: ParentKey): boolean {
    void this.version;
    return this.moreInflight.has(parent);
  }

  /** How many children of `parent` are not loaded (what "+N more" says). */
  hiddenCount(parent: ParentKey): number {
    void this.version;
    return visibleChildren(this, parent)?.more ?? 0;
  }

  flatRows(): FlatRow[] {
    return flattenVisible(this);
  }

  chartTree(): ChartItem {
    return buildChartTree(this);
  }

  /** Forgets everything (another workspace was opened). */
  reset(path: string | null, session = 0) {
    this.epoch += 1;
    this.nodes.clear();
    this.children.clear();
    this.totals.clear();
    this.expanded.clear();
    this.pinned = new Map();
    this.pinTarget = null;
    this.inflight.clear();
    this.moreInflight.clear();
    this.autoExpandPending = true;
    this.selectedId = null;
    this.chain = [];
    this.reveal = null;
    this.error = null;
    this.loadingRoots = false;
    this.loadedRevision = -1;
    this.workspacePath = path;
    this.workspaceSession = session;
    this.savedView = null;
    this.generation += 1;
    this.touch();
  }

  /** Fetches the first `want` children of `parent`, in pages the host accepts. */
  private async fetchPages(parent: ParentKey, want: number): Promise<Page> {
    const nodes: OrgNode[] = [];
    let total = 0;
    for (;;) {
      const limit = Math.min(api.ORG_CHILDREN_MAX, want - nodes.length);
      const page = await api.orgChildren(parent, nodes.length, limit);
      total = page.total;
      nodes.push(...page.nodes);
      if (page.nodes.length === 0 || nodes.length >= want || nodes.length >= total) break;
    }
    return { nodes, total };
  }

  private store(parent: ParentKey, page: Page) {
    for (const n of page.nodes) this.nodes.set(n.id, n);
    this.children.set(parent, uniqueIds(page.nodes));
    this.totals.set(parent, page.total);
  }

  /** Fetches the first page of `parent`'s children (null = roots) unless loaded. */
  ensureChildren(parent: ParentKey): Promise<void> {
    if (this.children.has(parent)) return Promise.resolve();
    const running = this.inflight.get(parent);
    if (running) return running;
    const epoch = this.epoch;
    if (parent === null) this.loadingRoots = true;
    const p = this.fetchPages(parent, ORG_PAGE)
      .then((page) => {
        if (epoch !== this.epoch) return;
        // A refresh may have loaded (more of) the list meanwhile.
        if (!this.children.has(parent)) this.store(parent, page);
        this.error = null;
      })
      .catch((e) => {
        if (epoch !== this.epoch) return;
        this.error = api.toApiError(e);
        if (parent !== null) this.expanded.delete(parent);
      })
      .finally(() => {
        if (this.inflight.get(parent) === p) this.inflight.delete(parent);
        if (parent === null && epoch === this.epoch) this.loadingRoots = false;
        this.touch();
      });
    this.inflight.set(parent, p);
    this.touch();
    return p;
  }

  /** Fetches the next page of `parent`'s children ("+N more"). */
  loadMore(parent: ParentKey): Promise<void> {
    const running = this.moreInflight.get(parent) ?? this.inflight.get(parent);
    if (running) return running;
    const before = this.children.get(parent);
    if (!before) return this.ensureChildren(parent);
    const epoch = this.epoch;
    const p = api
      .orgChildren(parent, before.length, ORG_PAGE)
      .then((page) => {
        // A refresh replaced the list meanwhile: this page no longer follows it.
        if (epoch !== this.epoch || this.children.get(parent) !== before) return;
        for (const n of page.nodes) this.nodes.set(n.id, n);
        this.children.set(parent, uniqueIds(page.nodes, before));
        this.totals.set(parent, page.total);
        this.error = null;
      })
      .catch((e) => {
        if (epoch === this.epoch) this.error = api.toApiError(e);
      })
      .finally(() => {
        if (this.moreInflight.get(parent) === p) this.moreInflight.delete(parent);
        this.touch();
      });
    this.moreInflight.set(parent, p);
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

  private pin(chain: readonly OrgNode[]) {
    this.pinned = chainPins(chain);
    this.pinTarget = chain.length > 0 ? chain[chain.length - 1].id : null;
    this.pinSeq += 1;
  }

  /**
   * Shows a person: loads their chain, pins it (so each link shows even when
   * it is not on a loaded page), expands every ancestor, selects them and asks
   * the views to bring them into view.
   */
  async focusPerson(id: number) {
    const epoch = this.epoch;
    try {
      const chain = await api.orgChain(id);
      if (epoch !== this.epoch || chain.length === 0) return;
      for (const n of chain) this.nodes.set(n.id, n);
      this.pin(chain);
      const parents = chain.slice(0, -1).map((n) => n.id);
      await Promise.all([this.ensureChildren(null), ...parents.map((p) => this.ensureChildren(p))]);
      if (epoch !== this.epoch) return;
      for (const p of parents) if (this.children.has(p)) this.expanded.add(p);
      this.selectedId = id;
      this.chain = chain;
      this.revealSeq += 1;
      this.reveal = { id, seq: this.revealSeq };
      this.touch();
    } catch (e) {
      if (epoch === this.epoch) this.error = api.toApiError(e);
    }
  }

  /**
   * Loads the workspace's tree, or reloads it after a write: the roots, then
   * the children of every expanded person still reachable, as many as were
   * loaded before, keeping the expanded state. Everything is fetched first
   * and shown at once. The first load of a workspace expands the roots when
   * there are at most AUTO_EXPAND_ROOTS of them, so the chart opens on the
   * top two layers.
   */
  async refresh(revision: number, path: string | null, session = 0) {
    if (path !== this.workspacePath || session !== this.workspaceSession) this.reset(path, session);
    if (revision === this.loadedRevision && this.children.has(null)) return;
    this.loadedRevision = revision;
    const epoch = this.epoch;
    const seq = ++this.refreshSeq;
    const current = () => epoch === this.epoch && seq === this.refreshSeq;
    const pinSeq = this.pinSeq;
    const selected = this.selectedId;
    const pinTarget = this.pinTarget;
    const autoExpand = this.autoExpandPending;
    const open = new Set(this.expanded);
    const want = (p: ParentKey) => Math.max(ORG_PAGE, this.children.get(p)?.length ?? 0);
    if (!this.children.has(null)) this.loadingRoots = true;
    try {
      // Chains first: the pins decide which people are shown.
      const targets = [...new Set([pinTarget, selected])].filter((id): id is number => id !== null);
      const chains = new Map<number, OrgNode[] | null>(
        await Promise.all(
          targets.map(async (id) => [id, await api.orgChain(id).catch(() => null)] as [number, OrgNode[] | null]),
        ),
      );
      const pinChain = pinTarget === null ? null : (chains.get(pinTarget) ?? null);
      const pins = pinChain ? chainPins(pinChain) : new Map<ParentKey, number>();
      const staged = new Map<ParentKey, Page>();
      const known = new Map<number, OrgNode>();
      for (const n of pinChain ?? []) known.set(n.id, n);
      const shown = (parent: ParentKey): number[] => {
        const page = staged.get(parent)!;
        for (const n of page.nodes) known.set(n.id, n);
        const ids = uniqueIds(page.nodes);
        const pin = pins.get(parent);
        if (pin !== undefined && known.has(pin) && !ids.includes(pin)) ids.push(pin);
        return ids;
      };

      staged.set(null, await this.fetchPages(null, want(null)));
      if (!current()) return;
      const rootsTotal = staged.get(null)!.total;
      let frontier = shown(null);
      if (autoExpand && rootsTotal <= AUTO_EXPAND_ROOTS) for (const id of frontier) open.add(id);
      const reached = new Set<number>();
      while (frontier.length > 0) {
        const opening = frontier.filter((id) => open.has(id) && !reached.has(id) && (known.get(id)?.children ?? 0) > 0);
        const pages = await Promise.all(opening.map((id) => this.fetchPages(id, want(id))));
        if (!current()) return;
        const next: number[] = [];
        opening.forEach((id, i) => {
          reached.add(id);
          staged.set(id, pages[i]);
          next.push(...shown(id));
        });
        frontier = next;
      }

      // Show it all at once.
      for (const [parent, page] of staged) this.store(parent, page);
      for (const n of pinChain ?? []) this.nodes.set(n.id, n);
      if (pinSeq === this.pinSeq) {
        this.pinned = pins;
        if (!pinChain) this.pinTarget = null;
      }
      for (const id of open) {
        if (reached.has(id)) this.expanded.add(id);
        else this.expanded.delete(id);
      }
      // Child lists of collapsed people may be stale: fetch them again on expand.
      // (People expanded meanwhile, e.g. by focusPerson, keep theirs.)
      for (const key of [...this.children.keys()]) {
        if (key !== null && !reached.has(key) && !this.expanded.has(key)) {
          this.children.delete(key);
          this.totals.delete(key);
        }
      }
      if (selected !== null && this.selectedId === selected) {
        const chain = chains.get(selected);
        if (chain) this.chain = chain;
        else {
          this.selectedId = null;
          this.chain = [];
        }
      }
      this.autoExpandPending = false;
      this.error = null;
    } catch (e) {
      if (current()) this.error = api.toApiError(e);
    } finally {
      if (current()) this.loadingRoots = false;
      this.touch();
    }
  }
}

export const orgModel = new OrgModel();
