import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, personPage: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: PeopleList } = await import('./PeopleList.svelte');

const TOTAL = 100_000;
// One of the sample org's people, as the host lists them.
const [sample] = core.personPage().rows;

beforeEach(() => {
  // 100,000 people: how many is the point, so the host's row is copied.
  vi.mocked(api.personPage).mockReset().mockImplementation(async (filter, offset, limit) => ({
    total: filter ? 1 : TOTAL,
    offset,
    rows: Array.from({ length: Math.min(limit, (filter ? 1 : TOTAL) - offset) }, (_, i) => ({
      ...sample,
      id: offset + i + 1,
      name: `Person ${offset + i + 1}`,
    })),
  }));
});

const noop = () => {};

describe('PeopleList', () => {
  it('fetches one window of 200 and renders only the rows on screen', async () => {
    render(PeopleList, { filter: '', revision: 0, onedit: noop, onmove: noop, ondelete: noop });
    await waitFor(() => expect(screen.getAllByTestId('person-row').length).toBeGreaterThan(0));
    expect(api.personPage).toHaveBeenCalledWith('', 0, 200);
    expect(vi.mocked(api.personPage).mock.calls.length).toBe(1);
    expect(screen.getByTestId('people-list').getAttribute('data-total')).toBe(String(TOTAL));
    expect(screen.getAllByTestId('person-row').length).toBeLessThan(60);
    expect(screen.getAllByTestId('person-row')[0].getAttribute('data-person-id')).toBe('1');
  });

  it('starts again when the filter changes', async () => {
    const view = render(PeopleList, { filter: '', revision: 0, onedit: noop, onmove: noop, ondelete: noop });
    await waitFor(() => expect(screen.getAllByTestId('person-row').length).toBeGreaterThan(1));
    await view.rerender({ filter: 'ada' });
    await waitFor(() => expect(screen.getAllByTestId('person-row').length).toBe(1));
    expect(api.personPage).toHaveBeenLastCalledWith('ada', 0, 200);
  });

  it('shows what tells namesakes apart after the name, muted, unless the title beside it already does, and nothing for a unique name', async () => {
    // The two Alexanders differ by title, the two engineers named Sam Lee by team.
    const page = core.personPageNamesakes();
    const pick = (name: string) => page.rows.filter((p) => p.name === name);
    const [staff] = pick('Alexander');
    const [samPlatform] = pick('Sam Lee');
    const [ada] = pick('Ada Lovelace');
    vi.mocked(api.personPage).mockResolvedValue({ total: 3, offset: 0, rows: [staff, samPlatform, ada] });
    render(PeopleList, { filter: '', revision: 0, onedit: noop, onmove: noop, ondelete: noop });
    await waitFor(() => expect(screen.getAllByTestId('person-row').length).toBe(3));
    const rows = screen.getAllByTestId('person-row');
    const line = (row: HTMLElement) => row.querySelector('[data-testid="person-row-name"]')!.parentElement!;
    // The first one's title, in its own column, already tells them apart: not said twice.
    expect(rows[0].querySelector('[data-testid="namesake"]')).toBeNull();
    expect(rows[0].textContent).toContain('Staff Engineer');
    expect(line(rows[1]).textContent?.replace(/\s+/g, ' ').trim()).toContain('Sam Lee · Platform');
    // The name itself stays the name.
    expect(rows[1].querySelector('[data-testid="person-row-name"]')!.textContent).toBe('Sam Lee');
    expect(rows[2].querySelector('[data-testid="namesake"]')).toBeNull();
  });

  it("a name opens that person's page, the manager's name the manager's; the row's actions stay", async () => {
    const onedit = vi.fn();
    vi.mocked(api.personPage).mockResolvedValue(core.personPage());
    const ada = core.personPage().rows.find((p) => p.name === 'Ada Lovelace')!;
    render(PeopleList, { filter: '', revision: 0, onedit, onmove: noop, ondelete: noop });
    const row = await waitFor(() => screen.getAllByTestId('person-row').find((r) => r.getAttribute('data-person-id') === String(ada.id))!);
    await fireEvent.click(row.querySelector('[data-testid="person-row-name"]')!);
    expect(get(stores.selectedPerson)).toEqual({ id: ada.id, name: 'Ada Lovelace' });
    expect(get(stores.screen)).toBe('person');
    const manager = row.querySelector('[data-testid="person-row-manager"]')!;
    expect(manager.textContent).toBe(ada.manager_name);
    await fireEvent.click(manager);
    expect(get(stores.selectedPerson)?.id).toBe(ada.manager_id);
    await fireEvent.click(row.querySelector('[data-testid="person-edit"]')!);
    expect(onedit).toHaveBeenCalledWith(expect.objectContaining({ id: ada.id }));
  });

  it('shows the host error inline', async () => {
    vi.mocked(api.personPage).mockRejectedValue({ kind: 'database', message: 'database is locked' });
    render(PeopleList, { filter: '', revision: 0, onedit: noop, onmove: noop, ondelete: noop });
    const alert = await screen.findByTestId('error-alert');
    expect(alert.textContent).toContain('database is locked');
  });
});
