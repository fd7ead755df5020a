import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { CycleReport } from '../../lib/bindings/CycleReport';
import type { PersonBrief } from '../../lib/bindings/PersonBrief';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, structureCheck: vi.fn(), structureRepair: vi.fn(), workspaceInfo: vi.fn(), personPage: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: CycleBanner } = await import('./CycleBanner.svelte');
const { default: App } = await import('../../App.svelte');

const INFO = { path: '/w/hris.leadline', file_name: 'hris.leadline', people: 5, teams: 0 };

function brief(id: number, name: string): PersonBrief {
  return { id, ext_id: `E${id}`, name, title: '', kind: 'human' };
}

const REPORT: CycleReport = {
  message: 'This file has 2 reporting cycles (written by another tool): Ada Lovelace → Alan Turing → Ada Lovelace; Bo Li → Cy Ng → Di Wu → Bo Li.',
  cycles: [
    [brief(1, 'Ada Lovelace'), brief(2, 'Alan Turing')],
    [brief(3, 'Bo Li'), brief(4, 'Cy Ng'), brief(5, 'Di Wu')],
  ],
};

const CHANGE = {
  id: 9,
  description: 'Broke 2 reporting cycles: Ada Lovelace and Bo Li now report to nobody',
  made_on: '2026-11-30',
  moves: [],
  undone: false,
};

beforeEach(() => {
  stores.toasts.set([]);
  stores.workspace.set(undefined);
  vi.mocked(api.structureCheck).mockReset().mockResolvedValue(null);
  vi.mocked(api.structureRepair).mockReset().mockResolvedValue(CHANGE);
  vi.mocked(api.workspaceInfo).mockReset().mockResolvedValue(INFO);
  vi.mocked(api.personPage).mockReset().mockResolvedValue({ total: 0, offset: 0, rows: [] });
});

describe('CycleBanner', () => {
  it('shows nothing when the structure has no cycle', async () => {
    render(CycleBanner);
    await waitFor(() => expect(api.structureCheck).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('cycle-banner')).toBeNull();
  });

  it('shows the host message as an alert and repairs by moving the first person of each cycle', async () => {
    vi.mocked(api.structureCheck).mockResolvedValueOnce(REPORT).mockResolvedValue(null);
    render(CycleBanner);
    const banner = await screen.findByTestId('cycle-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('cycle-message').textContent).toBe(REPORT.message);
    const repair = screen.getByTestId('cycle-repair');
    expect(repair.textContent?.trim()).toBe('Repair: move Ada Lovelace and Bo Li to the top');
    expect(api.structureRepair).not.toHaveBeenCalled();

    const rev = get(stores.revision);
    await fireEvent.click(repair);
    await waitFor(() => expect(api.structureRepair).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.structureRepair).mock.calls[0]).toEqual([]);
    // The change is shown, the screens reload, and the banner goes once the host finds no cycle.
    await waitFor(() => expect(get(stores.toasts).map((t) => t.message)).toEqual([CHANGE.description]));
    expect(get(stores.revision)).toBe(rev + 1);
    await waitFor(() => expect(screen.queryByTestId('cycle-banner')).toBeNull());
    expect(api.structureCheck).toHaveBeenCalledTimes(2);
  });

  it('keeps the banner and shows why when the repair fails', async () => {
    vi.mocked(api.structureCheck).mockResolvedValue(REPORT);
    vi.mocked(api.structureRepair).mockRejectedValue({ kind: 'busy', message: 'the workspace is busy (another Leadline is writing); try again' });
    render(CycleBanner);
    await fireEvent.click(await screen.findByTestId('cycle-repair'));
    const alert = await screen.findByTestId('cycle-repair-error');
    expect(alert.getAttribute('data-kind')).toBe('busy');
    expect(alert.textContent).toContain('the workspace is busy (another Leadline is writing); try again');
    expect(screen.getByTestId('cycle-banner')).toBeTruthy();
  });

  it('checks again when another workspace is opened', async () => {
    render(CycleBanner);
    await waitFor(() => expect(api.structureCheck).toHaveBeenCalledTimes(1));
    vi.mocked(api.structureCheck).mockResolvedValue(REPORT);
    stores.workspaceChanged(INFO);
    expect(await screen.findByTestId('cycle-banner')).toBeTruthy();
    expect(api.structureCheck).toHaveBeenCalledTimes(2);
  });
});

describe('App', () => {
  it('checks the structure at start on the reopened workspace and shows the banner at the top', async () => {
    vi.mocked(api.structureCheck).mockResolvedValue(REPORT);
    render(App);
    const banner = await screen.findByTestId('cycle-banner');
    expect(banner.textContent).toContain(REPORT.message);
    expect(api.structureCheck).toHaveBeenCalledTimes(1);
    // Above the screens, right under the header.
    const header = document.querySelector('header.header')!;
    expect(header.nextElementSibling).toBe(banner);
  });

  it('does not check while no workspace is open', async () => {
    vi.mocked(api.workspaceInfo).mockResolvedValue(null);
    render(App);
    await screen.findByTestId('start-screen');
    expect(api.structureCheck).not.toHaveBeenCalled();
  });
});
