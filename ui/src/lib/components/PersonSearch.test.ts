import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../api', async (orig) => {
  const real = await orig<typeof import('../api')>();
  return { ...real, orgSearch: vi.fn() };
});
const api = await import('../api');
const { default: PersonSearch } = await import('./PersonSearch.svelte');

beforeEach(() => {
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

const input = () => screen.getByTestId('person-search') as HTMLInputElement;
const list = () => screen.getByRole('listbox', { hidden: true });
const options = () => screen.queryAllByTestId('person-search-result');
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

async function search(query: string, props: { limit?: number; excludeIds?: number[] } = {}) {
  const onpick = vi.fn();
  render(PersonSearch, { label: 'Person', onpick, debounceMs: 0, ...props });
  await fireEvent.input(input(), { target: { value: query } });
  await waitFor(() => expect(list().hidden).toBe(false));
  return onpick;
}

describe('PersonSearch', () => {
  it('shows what tells namesakes apart beside each name', async () => {
    // Two engineers named Sam Lee, one in each team (the core's namesakes variant).
    vi.mocked(api.orgSearch).mockResolvedValue(core.orgSearchSam());
    await search('sam');
    const [platform, payments] = core.orgSearchSam().nodes;
    expect(options().map((o) => o.getAttribute('data-person-id'))).toEqual([String(platform.id), String(payments.id)]);
    expect(options().map((o) => text(o.querySelector('[data-testid="namesake"]')))).toEqual(['· Platform', '· Payments']);
    expect(screen.queryByTestId('person-search-more')).toBeNull();
  });

  it('says how many more matched than the page holds', async () => {
    // Eleven people have an "a" in their name or title (Bo Chen has none, and
    // the domain of an email is not searched): the first 3 shown, 8 more.
    vi.mocked(api.orgSearch).mockResolvedValue(core.orgSearchALimit3());
    await search('a', { limit: 3 });
    expect(api.orgSearch).toHaveBeenCalledWith('a', 3);
    expect(options().map((o) => text(o.querySelector('.name')))).toEqual(['Ada Lovelace', 'Alan Turing', 'Alexander']);
    const more = screen.getByTestId('person-search-more');
    expect(text(more)).toBe('8 more — keep typing');
    expect(more.getAttribute('data-count')).toBe('8');
    // It is a note, not a choice.
    expect(more.getAttribute('role')).toBe('presentation');
  });

  it('counts those it hides as shown, and the rest as more', async () => {
    vi.mocked(api.orgSearch).mockResolvedValue(core.orgSearchALimit3());
    const [ada] = core.orgSearchALimit3().nodes;
    await search('a', { limit: 3, excludeIds: [ada.id] });
    expect(options().length).toBe(2);
    expect(text(screen.getByTestId('person-search-more'))).toBe('8 more — keep typing');
  });

  it('is used from the keyboard: arrows move, wrap and skip the note, Enter picks, Escape closes', async () => {
    vi.mocked(api.orgSearch).mockResolvedValue(core.orgSearchALimit3());
    const onpick = await search('a', { limit: 3 });
    const nodes = core.orgSearchALimit3().nodes;
    const active = () => input().getAttribute('aria-activedescendant');
    const idOf = (i: number) => options()[i].id;
    expect(active()).toBe(idOf(0));
    await fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(active()).toBe(idOf(2));
    await fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(active()).toBe(idOf(0));
    await fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input(), { key: 'Escape' });
    expect(list().hidden).toBe(true);
    await fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(list().hidden).toBe(false);
    expect(active()).toBe(idOf(2));
    await fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onpick).toHaveBeenCalledWith(nodes[2]);
    expect(input().value).toBe('');
    expect(list().hidden).toBe(true);
  });

  it('says so when nobody matches', async () => {
    await search('nobody');
    expect(options()).toEqual([]);
    expect(list().textContent).toContain('No matching people');
    expect(screen.queryByTestId('person-search-more')).toBeNull();
  });

  it('opens its list above the box when the box sits at the bottom of what clips it (a dialog body)', async () => {
    vi.mocked(api.orgSearch).mockResolvedValue(core.orgSearchSam());
    // A 400-pixel scrolling body with the box at its bottom: 20 pixels below, 340 above.
    const body = document.createElement('div');
    body.style.overflowY = 'auto';
    document.body.append(body);
    const rect = vi.spyOn(HTMLDivElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLDivElement) {
      return this === body ? new DOMRect(0, 100, 500, 400) : new DOMRect(0, 448, 500, 32);
    });
    try {
      render(PersonSearch, { target: body, props: { label: 'Manager', onpick: vi.fn(), debounceMs: 0 } });
      await fireEvent.input(input(), { target: { value: 'sam' } });
      await waitFor(() => expect(list().hidden).toBe(false));
      expect(list().classList.contains('up')).toBe(true);
      // 448 - 100 - 8 = 340 above; the list keeps to its 300-pixel most.
      expect(list().style.maxHeight).toBe('300px');
    } finally {
      rect.mockRestore();
      body.remove();
    }
  });

  it('opens its list below the box when there is room', async () => {
    vi.mocked(api.orgSearch).mockResolvedValue(core.orgSearchSam());
    const rect = vi.spyOn(HTMLDivElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 500, 32));
    try {
      await search('sam');
      expect(list().classList.contains('up')).toBe(false);
    } finally {
      rect.mockRestore();
    }
  });
});
