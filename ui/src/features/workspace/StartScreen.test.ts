import { render, screen } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, workspaceInfo: vi.fn(), workspaceStartError: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: StartScreen } = await import('./StartScreen.svelte');

const INFO = { path: '/w/a.leadline', file_name: 'a.leadline', people: 3, teams: 1 };
const WHY = 'Could not open /w/old.leadline: the file does not exist.';

beforeEach(() => {
  stores.workspace.set(undefined);
  stores.startError.set(null);
  stores.workspaceError.set(null);
  vi.mocked(api.workspaceInfo).mockReset().mockResolvedValue(null);
  vi.mocked(api.workspaceStartError).mockReset().mockResolvedValue(WHY);
});

describe('start error', () => {
  it('is fetched at start when no workspace is open, before the start screen shows', async () => {
    let seenWhenShown: string | null | undefined;
    const stop = stores.workspace.subscribe((w) => {
      if (w === null) seenWhenShown = get(stores.startError);
    });
    await stores.refreshWorkspace();
    stop();
    expect(get(stores.workspace)).toBeNull();
    expect(seenWhenShown).toBe(WHY);
  });

  it('is not asked for when a workspace is open, nor after the start', async () => {
    vi.mocked(api.workspaceInfo).mockResolvedValue(INFO);
    await stores.refreshWorkspace();
    expect(api.workspaceStartError).not.toHaveBeenCalled();
    vi.mocked(api.workspaceInfo).mockResolvedValue(null);
    await stores.refreshWorkspace();
    expect(api.workspaceStartError).not.toHaveBeenCalled();
  });

  it('a failure to ask is ignored', async () => {
    vi.mocked(api.workspaceStartError).mockRejectedValue(new api.ApiError('unknown', 'no such command'));
    await stores.refreshWorkspace();
    expect(get(stores.workspace)).toBeNull();
    expect(get(stores.startError)).toBeNull();
    expect(get(stores.workspaceError)).toBeNull();
  });

  it('shows in an error alert above the buttons, and clears when a workspace opens', async () => {
    await stores.refreshWorkspace();
    render(StartScreen);
    const alert = screen.getByTestId('error-alert');
    expect(screen.getByTestId('error-message').textContent).toBe(WHY);
    expect(alert.textContent).toContain('Could not reopen your last workspace');
    const create = screen.getByTestId('start-create');
    expect(alert.compareDocumentPosition(create) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    stores.workspaceChanged(INFO);
    expect(get(stores.startError)).toBeNull();
  });

  it('shows no alert without a start error', async () => {
    vi.mocked(api.workspaceStartError).mockResolvedValue(null);
    await stores.refreshWorkspace();
    render(StartScreen);
    expect(screen.queryByTestId('error-alert')).toBeNull();
  });
});
