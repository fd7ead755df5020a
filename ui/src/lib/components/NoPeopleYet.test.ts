import { fireEvent, render, screen } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { afterEach, expect, it, vi } from 'vitest';

vi.mock('../api', async (orig) => {
  const real = await orig<typeof import('../api')>();
  return { ...real, workspaceOpenDemo: vi.fn() };
});
const api = await import('../api');
const stores = await import('../stores');
const { default: NoPeopleYet } = await import('./NoPeopleYet.svelte');

afterEach(() => {
  stores.workspace.set(undefined);
  stores.toasts.set([]);
});

it('offers the demo org beside import and add, and says the empty workspace stays as it is', async () => {
  stores.workspace.set({ path: '/tmp/mine.leadline', file_name: 'mine.leadline', people: 0, teams: 0 });
  const demo = { path: '/data/demo.leadline', file_name: 'demo.leadline', people: 154, teams: 5 };
  vi.mocked(api.workspaceOpenDemo).mockResolvedValue(demo);
  render(NoPeopleYet, { title: 'Nobody yet', body: 'Add someone.', testid: 'x-no-people' });
  expect(screen.getByTestId('empty-import')).toBeTruthy();
  expect(screen.getByTestId('empty-add-person')).toBeTruthy();
  await fireEvent.click(screen.getByTestId('empty-demo'));
  expect(api.workspaceOpenDemo).toHaveBeenCalledOnce();
  await vi.waitFor(() => expect(get(stores.workspace)).toEqual(demo));
  expect(get(stores.toasts).map((t) => t.message)).toContain(
    'Opened the demo org. mine.leadline is unchanged: Open or create… takes you back to it.',
  );
});

it('says why when the demo cannot be opened, and stays', async () => {
  const mine = { path: '/tmp/mine.leadline', file_name: 'mine.leadline', people: 0, teams: 0 };
  stores.workspace.set(mine);
  vi.mocked(api.workspaceOpenDemo).mockRejectedValue(new api.ApiError('internal', 'disk full'));
  render(NoPeopleYet, { title: 'Nobody yet', body: 'Add someone.', testid: 'x-no-people' });
  await fireEvent.click(screen.getByTestId('empty-demo'));
  await vi.waitFor(() => expect(get(stores.toasts).map((t) => t.message)).toContain('Could not open the demo org: disk full'));
  expect(get(stores.workspace)).toEqual(mine);
});
