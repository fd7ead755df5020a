import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, exportPickAndWrite: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: Header } = await import('./Header.svelte');

beforeEach(() => {
  vi.mocked(api.exportPickAndWrite).mockReset().mockResolvedValue('/home/me/team.csv');
  stores.toasts.set([]);
});

describe('Header export buttons', () => {
  it('open the save dialog for their format straight away, saying what the file holds', async () => {
    render(Header);
    const json = screen.getByTestId('export-json');
    expect(json.textContent?.trim()).toBe('Export JSON…');
    expect(json.getAttribute('title')).toBe('Writes the whole workspace: people and teams as one JSON document.');
    expect(screen.getByTestId('export-csv').getAttribute('title')).toBe(
      'Writes the whole workspace: one row per person, a file Import can read back.',
    );
    await fireEvent.click(json);
    expect(api.exportPickAndWrite).toHaveBeenCalledWith('json');
    await waitFor(() => expect(get(stores.toasts).map((t) => [t.testid, t.message])).toEqual([['export-toast', 'Exported to /home/me/team.csv']]));
    await fireEvent.click(screen.getByTestId('export-csv'));
    expect(vi.mocked(api.exportPickAndWrite).mock.lastCall).toEqual(['csv']);
    expect(screen.queryByRole('textbox'), 'no path to type').toBeNull();
  });
});
