import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { OrgNode } from '../../lib/bindings/OrgNode';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, orgChildren: vi.fn(), orgChain: vi.fn() };
});

const api = await import('../../lib/api');
const { OrgModel, CHART_PAGE } = await import('./orgModel.svelte');

// A root (1) with 300 reports (1000..1299); report 1250 manages 7.
function n(id: number, children = 0): OrgNode {
  return { id, name: `P${id}`, title: '', kind: 'human', children, span: children, descendants: children };
}
const reports = Array.from({ length: 300 }, (_, i) => n(1000 + i, i === 250 ? 1 : 0));

beforeEach(() => {
  vi.mocked(api.orgChildren).mockReset().mockImplementation(async (parent) => {
    if (parent === null) return [n(1, 300)];
    if (parent === 1) return reports;
    if (parent === 1250) return [n(7)];
    return [];
  });
  vi.mocked(api.orgChain).mockReset().mockResolvedValue([n(1, 300), n(1250, 1), n(7)]);
});

describe('OrgModel', () => {
  it('loads children lazily on expand', async () => {
    const m = new OrgModel();
    await m.ensureChildren(null);
    expect(m.flatRows().map((r) => r.id)).toEqual([1]);
    await m.expand(1);
    expect(api.orgChildren).toHaveBeenCalledWith(1);
    expect(m.flatRows().length).toBe(301);
    m.collapse(1);
    expect(m.flatRows().length).toBe(1);
    await m.expand(1);
    expect(vi.mocked(api.orgChildren).mock.calls.filter((c) => c[0] === 1).length).toBe(1);
  });

  it('focusing a person expands the chain, pins it past the chart cap and asks to reveal', async () => {
    const m = new OrgModel();
    await m.focusPerson(7);
    expect(m.expanded.has(1)).toBe(true);
    expect(m.expanded.has(1250)).toBe(true);
    expect(m.selectedId).toBe(7);
    expect(m.chain.map((c) => c.id)).toEqual([1, 1250, 7]);
    expect(m.reveal?.id).toBe(7);
    // The chart shows 50 of the 300 reports plus the pinned 1250, then "+249 more".
    const root = m.chartTree().children[0];
    const ids = root.children.filter((c) => c.kind === 'person').map((c) => c.id);
    expect(ids.length).toBe(CHART_PAGE + 1);
    expect(ids).toContain(1250);
    expect(root.children[root.children.length - 1]).toMatchObject({ kind: 'more', hidden: 249 });
    expect(root.children.find((c) => c.id === 1250)?.children.map((c) => c.id)).toEqual([7]);
  });

  it('"+N more" reveals the next page', async () => {
    const m = new OrgModel();
    await m.ensureChildren(null);
    await m.expand(1);
    m.showMore(1);
    const root = m.chartTree().children[0];
    expect(root.children.filter((c) => c.kind === 'person').length).toBe(2 * CHART_PAGE);
  });

  it('refresh reloads expanded lists and keeps them expanded', async () => {
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    await m.expand(1);
    vi.mocked(api.orgChildren).mockClear();
    await m.refresh(2, '/a.leadline');
    expect(vi.mocked(api.orgChildren).mock.calls.map((c) => c[0])).toEqual([null, 1]);
    expect(m.expanded.has(1)).toBe(true);
  });

  it('forgets everything when another workspace is opened', async () => {
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    await m.expand(1);
    await m.refresh(2, '/b.leadline');
    expect(m.expanded.size).toBe(0);
    expect(m.flatRows().length).toBe(1);
  });

  it('a focus during a refresh keeps the chain it expanded', async () => {
    // Roots 1 and 2; the refresh is slow to reload 2's reports, and the focus
    // on 7 (under 1) completes meanwhile.
    vi.mocked(api.orgChildren).mockImplementation(async (parent) => {
      if (parent === null) return [n(1, 300), n(2, 1)];
      if (parent === 1) return reports;
      if (parent === 1250) return [n(7)];
      if (parent === 2) {
        await new Promise((r) => setTimeout(r, 30));
        return [n(20)];
      }
      return [];
    });
    const m = new OrgModel();
    await m.refresh(1, '/a.leadline');
    await m.expand(2);
    await Promise.all([m.refresh(2, '/a.leadline'), m.focusPerson(7)]);
    const rows = m.flatRows();
    expect(rows.filter((r) => r.loading)).toEqual([]);
    expect(rows.find((r) => r.id === 7)?.level).toBe(3);
    expect(rows.find((r) => r.id === 20)?.level).toBe(2);
  });

  it('records a host error instead of throwing', async () => {
    vi.mocked(api.orgChain).mockRejectedValue({ kind: 'not_found', message: 'No person 7' });
    const m = new OrgModel();
    await m.focusPerson(7);
    expect(m.error?.kind).toBe('not_found');
    expect(m.selectedId).toBeNull();
  });
});
