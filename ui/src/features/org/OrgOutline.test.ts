import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { orgNode as n, pagedChildren } from './testTree';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, orgChildren: vi.fn(), orgChain: vi.fn() };
});
const api = await import('../../lib/api');
const { OrgModel } = await import('./orgModel.svelte');
const { default: OrgOutline } = await import('./OrgOutline.svelte');

beforeEach(() => {
  vi.mocked(api.orgChildren)
    .mockReset()
    .mockImplementation(
      pagedChildren((parent) => {
        if (parent === null) return [n(1, 2), n(2)];
        if (parent === 1) return [n(10), n(11)];
        return [];
      }),
    );
  vi.mocked(api.orgChain).mockReset().mockResolvedValue([]);
});

function items() {
  return screen.getAllByTestId('outline-item');
}

describe('OrgOutline', () => {
  it('is a tree with levels, positions and one tab stop', async () => {
    const model = new OrgModel();
    await model.ensureChildren(null);
    render(OrgOutline, { model });
    expect(screen.getByRole('tree')).toBeTruthy();
    const rows = items();
    expect(rows.map((r) => r.getAttribute('data-person-id'))).toEqual(['1', '2']);
    expect(rows[0].getAttribute('aria-level')).toBe('1');
    expect(rows[0].getAttribute('aria-expanded')).toBe('false');
    expect(rows[1].getAttribute('aria-expanded')).toBeNull();
    expect(rows[1].getAttribute('aria-posinset')).toBe('2');
    expect(rows.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '-1']);
  });

  it('Right expands (loading children lazily), Down moves, Left goes back up', async () => {
    const model = new OrgModel();
    await model.ensureChildren(null);
    render(OrgOutline, { model });
    items()[0].focus();
    await fireEvent.keyDown(items()[0], { key: 'ArrowRight' });
    await waitFor(() => expect(items().length).toBe(4));
    expect(api.orgChildren).toHaveBeenCalledWith(1, 0, 50);
    expect(items()[0].getAttribute('aria-expanded')).toBe('true');
    expect(items()[1].getAttribute('aria-level')).toBe('2');

    await fireEvent.keyDown(items()[0], { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('10'));
    expect(items()[1].getAttribute('tabindex')).toBe('0');

    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('1'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(items().length).toBe(2));

    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('2'));
  });

  it('Enter selects the person', async () => {
    const model = new OrgModel();
    await model.ensureChildren(null);
    render(OrgOutline, { model });
    await fireEvent.keyDown(items()[1], { key: 'Enter' });
    expect(model.selectedId).toBe(2);
    await waitFor(() => expect(items()[1].getAttribute('aria-selected')).toBe('true'));
  });

  it('renders only a window of a huge expanded list', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => n(1000 + i));
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((parent) => (parent === null ? [n(1, 5000)] : many)));
    const model = new OrgModel();
    await model.ensureChildren(null);
    await model.expand(1);
    for (let i = 0; i < 40; i += 1) await model.loadMore(1);
    render(OrgOutline, { model });
    // The root, 2,050 loaded reports and "+2,950 more".
    expect(screen.getByTestId('outline-tree').getAttribute('data-rows')).toBe('2052');
    expect(items().length).toBeLessThan(60);
  });

  it('"+N more" loads the next page; from the keyboard, focus moves to its first person', async () => {
    const many = Array.from({ length: 120 }, (_, i) => n(1000 + i));
    vi.mocked(api.orgChildren).mockImplementation(pagedChildren((parent) => (parent === null ? [n(1, 120)] : many)));
    const model = new OrgModel();
    await model.ensureChildren(null);
    await model.expand(1);
    render(OrgOutline, { model });
    const tree = screen.getByTestId('outline-tree');
    expect(tree.getAttribute('data-rows')).toBe('52');
    tree.scrollTop = 48 * 36;
    await fireEvent.scroll(tree);
    const more = await screen.findByTestId('outline-more');
    expect(more.textContent).toContain('+70 more');
    expect(more.getAttribute('data-parent-id')).toBe('1');
    expect(more.getAttribute('aria-level')).toBe('2');
    more.focus();
    await fireEvent.keyDown(more, { key: 'Enter' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-person-id')).toBe('1050'));
    expect(api.orgChildren).toHaveBeenLastCalledWith(1, 50, 50);
    expect(tree.getAttribute('data-rows')).toBe('102');
    tree.scrollTop = 98 * 36;
    await fireEvent.scroll(tree);
    expect((await screen.findByTestId('outline-more')).textContent).toContain('+20 more');

    await fireEvent.click(screen.getByTestId('outline-more'));
    await waitFor(() => expect(tree.getAttribute('data-rows')).toBe('121'));
    expect(screen.queryByTestId('outline-more')).toBeNull();
  });
});
