import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';
import type { ParentKey } from './orgTree';
import { orgNode as n, pagedChildren } from './testTree';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, orgChildren: vi.fn(), orgChain: vi.fn(), orgSearch: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { orgModel } = await import('./orgModel.svelte');
const { default: OrgScreen } = await import('./OrgScreen.svelte');

// One root (1) with 60 reports.
const reports = Array.from({ length: 60 }, (_, i) => n(100 + i));
const oneRoot = (p: ParentKey) => (p === null ? [n(1, 60)] : p === 1 ? reports : []);

// jsdom has no layout: give every element a size so the chart draws boxes.
const sizes = ['clientWidth', 'clientHeight'] as const;
beforeAll(() => {
  for (const prop of sizes) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => (prop === 'clientWidth' ? 3000 : 800) });
  }
});
afterAll(() => {
  for (const prop of sizes) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[prop];
});

let session = 0;
beforeEach(() => {
  vi.mocked(api.orgChildren).mockReset().mockImplementation(pagedChildren(oneRoot));
  vi.mocked(api.orgChain).mockReset().mockResolvedValue([]);
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
  session += 1;
  stores.workspaceSession.set(session);
  stores.workspace.set({ path: '/w/org.leadline', file_name: 'org.leadline', people: 61, teams: 0 });
});

function chart() {
  return screen.getByTestId('org-chart');
}

describe('OrgScreen', () => {
  it('opens the sample org on Grace and the four people who report to her', async () => {
    const pages = new Map<ParentKey, ReturnType<typeof core.orgRoots>>([
      [null, core.orgRoots()],
      [core.orgRoots().nodes[0].id, core.orgChildrenGrace()],
    ]);
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((p) => pages.get(p)?.nodes ?? []));
    render(OrgScreen);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('5'));
    const shown = screen.getAllByTestId('org-node').map((b) => b.getAttribute('data-person-id'));
    expect(shown.sort()).toEqual([...core.orgRoots().nodes, ...core.orgChildrenGrace().nodes].map((p) => String(p.id)).sort());
  });

  it('opens on the top two layers, fetching only the first page of reports', async () => {
    render(OrgScreen);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('52'));
    const root = screen.getAllByTestId('org-node').find((b) => b.getAttribute('data-person-id') === '1')!;
    expect(root.getAttribute('data-expanded')).toBe('true');
    expect(vi.mocked(api.orgChildren).mock.calls).toEqual([
      [null, 0, 50],
      [1, 0, 50],
    ]);
  });

  it('"+N more" in the chart fetches the next page', async () => {
    render(OrgScreen);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('52'));
    await fireEvent.click(screen.getByTestId('org-fit'));
    const more = await screen.findByTestId('org-more');
    expect(more.getAttribute('data-parent-id')).toBe('1');
    expect(more.getAttribute('data-hidden')).toBe('10');
    expect(more.textContent).toContain('+10 more');
    await fireEvent.click(more);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('61'));
    expect(api.orgChildren).toHaveBeenLastCalledWith(1, 50, 50);
    expect(screen.queryByTestId('org-more')).toBeNull();
  });

  it('the outline shares the expanded state', async () => {
    render(OrgScreen);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('52'));
    await fireEvent.click(screen.getByTestId('org-view-outline'));
    const tree = screen.getByTestId('outline-tree');
    expect(tree.getAttribute('data-rows')).toBe('52');
    expect(screen.getAllByTestId('outline-item')[0].getAttribute('aria-expanded')).toBe('true');
  });

  it("the selected person's details open their page", async () => {
    render(OrgScreen);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('52'));
    await fireEvent.click(screen.getByTestId('org-view-outline'));
    await fireEvent.click(screen.getAllByTestId('outline-item')[1]);
    const details = await screen.findByTestId('org-details');
    await fireEvent.click(screen.getByTestId('org-open-page'));
    expect(get(stores.selectedPerson)?.id).toBe(Number(details.getAttribute('data-person-id')));
    expect(get(stores.selectedPerson)?.id).toBe(100);
    expect(get(stores.screen)).toBe('person');
  });

  it('leaves more than five roots collapsed', async () => {
    const roots = [1, 2, 3, 4, 5, 6].map((i) => n(i, 3));
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((p) => (p === null ? roots : [n(p * 10)])));
    render(OrgScreen);
    await waitFor(() => expect(chart().getAttribute('data-laid-out')).toBe('6'));
    expect(vi.mocked(api.orgChildren).mock.calls).toEqual([[null, 0, 50]]);
    expect(orgModel.expanded.size).toBe(0);
  });
});
