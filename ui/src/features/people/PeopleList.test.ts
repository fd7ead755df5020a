import { render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { person } from '../../test/fixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, personPage: vi.fn() };
});
const api = await import('../../lib/api');
const { default: PeopleList } = await import('./PeopleList.svelte');

const TOTAL = 100_000;

beforeEach(() => {
  vi.mocked(api.personPage).mockReset().mockImplementation(async (filter, offset, limit) => ({
    total: filter ? 1 : TOTAL,
    offset,
    rows: Array.from({ length: Math.min(limit, (filter ? 1 : TOTAL) - offset) }, (_, i) =>
      person({ id: offset + i + 1, name: `Person ${offset + i + 1}` }),
    ),
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
    vi.mocked(api.personPage).mockResolvedValue({
      total: 3,
      offset: 0,
      rows: [
        person({ id: 1, name: 'Alexander', title: 'Staff Engineer', disambiguation: 'Staff Engineer' }),
        person({ id: 2, name: 'Alexander', title: 'Engineer', disambiguation: 'Platform team' }),
        person({ id: 3, name: 'Ada Lovelace', disambiguation: null }),
      ],
    });
    render(PeopleList, { filter: '', revision: 0, onedit: noop, onmove: noop, ondelete: noop });
    await waitFor(() => expect(screen.getAllByTestId('person-row').length).toBe(3));
    const rows = screen.getAllByTestId('person-row');
    const line = (row: HTMLElement) => row.querySelector('[data-testid="person-row-name"]')!.parentElement!;
    // The first one's title, in its own column, already tells them apart: not said twice.
    expect(rows[0].querySelector('[data-testid="namesake"]')).toBeNull();
    expect(rows[0].textContent).toContain('Staff Engineer');
    expect(line(rows[1]).textContent?.replace(/\s+/g, ' ').trim()).toContain('Alexander · Platform team');
    // The name itself stays the name.
    expect(rows[1].querySelector('[data-testid="person-row-name"]')!.textContent).toBe('Alexander');
    expect(rows[2].querySelector('[data-testid="namesake"]')).toBeNull();
  });

  it('shows the host error inline', async () => {
    vi.mocked(api.personPage).mockRejectedValue({ kind: 'database', message: 'database is locked' });
    render(PeopleList, { filter: '', revision: 0, onedit: noop, onmove: noop, ondelete: noop });
    const alert = await screen.findByTestId('error-alert');
    expect(alert.textContent).toContain('database is locked');
  });
});
