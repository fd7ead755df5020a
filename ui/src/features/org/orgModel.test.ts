import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { OrgNode } from '../../lib/bindings/OrgNode';
import type { ParentKey } from './orgTree';
import { orgNode as n, pagedChildren } from './testTree';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, orgChildren: vi.fn(), orgChain: vi.fn() };
});

const api = await import('../../lib/api');
const { OrgModel, ORG_PAGE } = await import('./orgModel.svelte');

// A root (1) with 300 reports (1000..1299); report 1250 manages 7.
const reports = Array.from({ length: 300 }, (_, i) => n(1000 + i, i === 250 ? 1 : 0));

function tree(parent: ParentKey): OrgNode[] {
  if (parent === null) return [n(1, 300)];
  if (parent === 1) return reports;
  if (parent === 1250) return [n(7)];
  return [];
}

/** The org_children calls so far, as [parent, offset, limit]. */
function calls() {
  return vi.mocked(api.orgChildren).mock.calls.map((c) => [...c]);
}

function personIds(m: InstanceType<typeof OrgModel>) {
  return m.flatRows().map((r) => (r.kind === 'person' ? r.id : r.key));
}

beforeEach(() => {
  vi.mocked(api.orgChildren).mockReset().mockImplementation(pagedChildren(tree));
  vi.mocked(api.orgChain).mockReset().mockResolvedValue([n(1, 300), n(1250, 1), n(7)]);
});

describe('OrgModel', () => {
  it('loads only the first page of children on expand', async () => {
    const m = new OrgModel();
    await m.ensureChildren(null);
    expect(personIds(m)).toEqual([1]);
    await m.expand(1);
    expect(calls()).toEqual([
      [null, 0, ORG_PAGE],
      [1, 0, ORG_PAGE],
    ]);
    // The root, its first 50 reports and "+250 more".
    expect(m.flatRows().length).toBe(1 + ORG_PAGE + 1);
    expect(m.hiddenCount(1)).toBe(250);
    m.collapse(1);
    expect(m.flatRows().length).toBe(1);
    await m.expand(1);
    expect(calls().filter((c) => c[0] === 1).length).toBe(1);
  });

  it('"+N more" fetches the next page, until all are loaded', async () => {
    const m = new OrgModel();
    await m.ensureChildren(null);
    await m.expand(1);
    const more = m.loadMore(1);
    expect(m.isLoadingMore(1)).toBe(true);
    await more;
    expect(m.isLoadingMore(1)).toBe(false);
    expect(calls().at(-1)).toEqual([1, ORG_PAGE, ORG_PAGE]);
    const root = m.chartTree().children[0];
    expect(root.children.filter((c) => c.kind === 'person').length).toBe(2 * ORG_PAGE);
    expect(root.children.at(-1)).toMatchObject({ kind: 'more', hidden: 200 });
    for (let i = 0; i < 4; i += 1) await m.loadMore(1);
    expect(m.children.get(1)?.length).toBe(300);
    expect(m.hiddenCount(1)).toBe(0);
    expect(m.flatRows().some((r) => r.kind === 'more')).toBe(false);
  });

  it('a page that overlaps the loaded ones adds no duplicates', async () => {
    const m = new OrgModel();
    await m.ensureChildren(null);
    await m.expand(1);
    // Someone was added before report 1000 meanwhile: the next page starts one earlier.
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((p) => (p === 1 ? [n(999), ...reports] : tree(p))));
    await m.loadMore(1);
    const ids = m.children.get(1)!;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(2 * ORG_PAGE - 1);
  });

  it('focusing a person expands the chain and pins links past the loaded page', async () => {
    const m = new OrgModel();
    await m.focusPerson(7);
    expect(m.expanded.has(1)).toBe(true);
    expect(m.expanded.has(1250)).toBe(true);
    expect(m.selectedId).toBe(7);
    expect(m.chain.map((c) => c.id)).toEqual([1, 1250, 7]);
    expect(m.reveal?.id).toBe(7);
    // Only first pages were fetched, however far down 1250 is.
    expect(calls().every((c) => c[1] === 0 && c[2] === ORG_PAGE)).toBe(true);
    // The chart shows the first 50 reports plus the pinned 1250, then "+249 more".
    const root = m.chartTree().children[0];
    const ids = root.children.filter((c) => c.kind === 'person').map((c) => c.id);
    expect(ids.length).toBe(ORG_PAGE + 1);
    expect(ids.at(-1)).toBe(1250);
    expect(root.children.at(-1)).toMatchObject({ kind: 'more', hidden: 249 });
    expect(root.children.find((c) => c.id === 1250)?.children.map((c) => c.id)).toEqual([7]);
    // The outline shows the same.
    const rows = m.flatRows();
    expect(rows.find((r) => r.kind === 'person' && r.id === 7)?.level).toBe(3);
  });

  it('refresh reloads expanded lists as far as they were loaded and keeps them expanded', async () => {
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((p) => (p === null ? [n(1, 300), ...[2, 3, 4, 5, 6].map((i) => n(i))] : tree(p))));
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    await m.expand(1);
    await m.loadMore(1);
    vi.mocked(api.orgChildren).mockClear();
    await m.refresh(2, '/a.leadline');
    expect(calls()).toEqual([
      [null, 0, ORG_PAGE],
      [1, 0, 2 * ORG_PAGE],
    ]);
    expect(m.expanded.has(1)).toBe(true);
    expect(m.children.get(1)?.length).toBe(2 * ORG_PAGE);
  });

  it('refresh asks for at most 1000 children per call', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => n(5000 + i));
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((p) => (p === null ? [n(1, 1200)] : many)));
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    for (let i = 0; i < 20; i += 1) await m.loadMore(1);
    expect(m.children.get(1)?.length).toBe(1050);
    vi.mocked(api.orgChildren).mockClear();
    await m.refresh(2, '/a.leadline');
    expect(calls()).toEqual([
      [null, 0, ORG_PAGE],
      [1, 0, 1000],
      [1, 1000, 50],
    ]);
    expect(m.children.get(1)?.length).toBe(1050);
  });

  it('a page loaded for a list that a refresh replaced meanwhile is dropped', async () => {
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    vi.mocked(api.orgChildren).mockImplementation(async (parent, offset, limit) => {
      if (parent === 1 && offset > 0) await gate;
      return pagedChildren(tree)(parent, offset, limit);
    });
    const more = m.loadMore(1);
    await m.refresh(2, '/a.leadline');
    release();
    await more;
    expect(m.children.get(1)?.length).toBe(ORG_PAGE);
  });

  it('first load expands up to 5 roots and shows both layers at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    vi.mocked(api.orgChildren).mockImplementation(async (parent, offset, limit) => {
      if (parent === 1) await gate;
      return pagedChildren(tree)(parent, offset, limit);
    });
    const m = new OrgModel();
    const loading = m.refresh(1, '/a.leadline');
    await new Promise((r) => setTimeout(r, 10));
    // The roots are fetched, but nothing shows until their reports are there too.
    expect(calls().map((c) => c[0])).toEqual([null, 1]);
    expect(m.flatRows()).toEqual([]);
    expect(m.loadingRoots).toBe(true);
    release();
    await loading;
    expect(m.loadingRoots).toBe(false);
    expect(m.isExpanded(1)).toBe(true);
    expect(m.flatRows().length).toBe(1 + ORG_PAGE + 1);
    expect(m.chartTree().children[0].children.length).toBe(ORG_PAGE + 1);
    expect(calls()).toEqual([
      [null, 0, ORG_PAGE],
      [1, 0, ORG_PAGE],
    ]);
  });

  it('does not expand more than 5 roots', async () => {
    const roots = [1, 2, 3, 4, 5, 6].map((i) => n(i, 2));
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((p) => (p === null ? roots : [n(p * 10), n(p * 10 + 1)])));
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    expect(m.expanded.size).toBe(0);
    expect(calls()).toEqual([[null, 0, ORG_PAGE]]);
    expect(m.flatRows().length).toBe(6);
  });

  it('expands the roots once per workspace: a collapse sticks until another is opened', async () => {
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    expect(m.isExpanded(1)).toBe(true);
    m.collapse(1);
    await m.refresh(2, '/a.leadline');
    expect(m.isExpanded(1)).toBe(false);
    await m.refresh(3, '/b.leadline');
    expect(m.isExpanded(1)).toBe(true);
    m.collapse(1);
    // The same file opened again counts as another workspace.
    await m.refresh(4, '/b.leadline', 1);
    expect(m.isExpanded(1)).toBe(true);
  });

  it('forgets everything when another workspace is opened', async () => {
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    await m.focusPerson(7);
    expect(m.isExpanded(1250)).toBe(true);
    await m.refresh(2, '/b.leadline');
    expect(m.expanded.has(1250)).toBe(false);
    expect(m.selectedId).toBeNull();
    expect(m.pinned.size).toBe(0);
    // Just the auto-expanded root: the root, its first page and "+250 more".
    expect(m.flatRows().length).toBe(1 + ORG_PAGE + 1);
  });

  it('a refresh moves a pin when the focused person moved, and drops it when they are gone', async () => {
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    await m.focusPerson(7);
    expect(m.pinned.get(1250)).toBe(7);
    // 7 now reports to 1299 (not on the loaded page either).
    vi.mocked(api.orgChain).mockResolvedValue([n(1, 300), n(1299, 1), n(7)]);
    await m.refresh(2, '/a.leadline');
    expect(m.pinned.get(1)).toBe(1299);
    expect(m.chain.map((c) => c.id)).toEqual([1, 1299, 7]);
    const shownUnder1 = m.chartTree().children[0].children.map((c) => c.id);
    expect(shownUnder1).toContain(1299);
    expect(shownUnder1).not.toContain(1250);
    vi.mocked(api.orgChain).mockRejectedValue({ kind: 'not_found', message: 'No person 7' });
    await m.refresh(3, '/a.leadline');
    expect(m.pinned.size).toBe(0);
    expect(m.selectedId).toBeNull();
  });

  it('a focus during a refresh keeps the chain it expanded', async () => {
    // Roots 1 and 2; the refresh is slow to reload 2's reports, and the focus
    // on 7 (under 1) completes meanwhile.
    vi.mocked(api.orgChildren).mockImplementation(
      pagedChildren(async (parent) => {
        if (parent === null) return [n(1, 300), n(2, 1)];
        if (parent === 2) {
          await new Promise((r) => setTimeout(r, 30));
          return [n(20)];
        }
        return tree(parent);
      }),
    );
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    m.collapse(1);
    expect(m.isExpanded(2)).toBe(true);
    await Promise.all([m.refresh(2, '/a.leadline'), m.focusPerson(7)]);
    const rows = m.flatRows();
    expect(rows.filter((r) => r.kind === 'person' && r.loading)).toEqual([]);
    expect(rows.find((r) => r.kind === 'person' && r.id === 7)?.level).toBe(3);
    expect(rows.find((r) => r.kind === 'person' && r.id === 20)?.level).toBe(2);
  });

  it('records a host error instead of throwing', async () => {
    vi.mocked(api.orgChain).mockRejectedValue({ kind: 'not_found', message: 'No person 7' });
    const m = new OrgModel();
    await m.focusPerson(7);
    expect(m.error?.kind).toBe('not_found');
    expect(m.selectedId).toBeNull();
  });

  it('records a failed load and shows nothing half-loaded', async () => {
    vi.mocked(api.orgChildren).mockImplementation(async (parent, offset, limit) => {
      if (parent === 1) throw { kind: 'database', message: 'disk I/O error' };
      return pagedChildren(tree)(parent, offset, limit);
    });
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    expect(m.error?.kind).toBe('database');
    expect(m.flatRows()).toEqual([]);
    expect(m.loadingRoots).toBe(false);
  });
});
