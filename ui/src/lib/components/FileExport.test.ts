import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../api';
import { toasts } from '../stores';
import FileExport from './FileExport.svelte';

const save = vi.fn<() => Promise<string | null>>();

beforeEach(() => {
  save.mockReset().mockResolvedValue('/home/me/notes/Ada Lovelace transition plan.md');
  toasts.set([]);
});

function toastsShown() {
  return get(toasts).map((t) => [t.testid, t.message, t.tone ?? 'info']);
}

function renderButton(onerror?: (e: ApiError | null) => void) {
  render(FileExport, {
    testid: 'plan-export-write',
    toastTestid: 'plan-export-toast',
    label: 'Export Markdown…',
    busyLabel: 'Exporting…',
    about: 'Saves the plan as a Markdown checklist.',
    toast: 'Exported the plan to',
    save,
    onerror,
  });
  return screen.getByTestId('plan-export-write') as HTMLButtonElement;
}

describe('FileExport', () => {
  it('is one button: the host opens the save dialog; no path is typed in the window', async () => {
    const button = renderButton();
    expect(button.textContent?.trim()).toBe('Export Markdown…');
    expect(button.getAttribute('title')).toBe('Saves the plan as a Markdown checklist.');
    expect(screen.queryByRole('textbox')).toBeNull();
    await fireEvent.click(button);
    expect(save).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(toastsShown()).toEqual([['plan-export-toast', 'Exported the plan to /home/me/notes/Ada Lovelace transition plan.md', 'info']]),
    );
  });

  it('is busy while the dialog is open, so a second click opens no second dialog', async () => {
    let finish: (path: string | null) => void = () => {};
    save.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const button = renderButton();
    await fireEvent.click(button);
    await waitFor(() => expect(button.textContent?.trim()).toBe('Exporting…'));
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    await fireEvent.click(button);
    expect(save).toHaveBeenCalledTimes(1);
    finish('/tmp/a.md');
    await waitFor(() => expect(button.textContent?.trim()).toBe('Export Markdown…'));
    expect(button.disabled).toBe(false);
  });

  it('says nothing when the dialog is cancelled', async () => {
    save.mockResolvedValueOnce(null);
    const button = renderButton();
    await fireEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(toastsShown()).toEqual([]);
  });

  it('shows a failure as an error toast that stays, with the host message', async () => {
    save.mockRejectedValueOnce(new ApiError('invalid_input', '/home/me/org.leadline is the open workspace: writing there would destroy it; choose another file'));
    renderButton();
    await fireEvent.click(screen.getByTestId('plan-export-write'));
    await waitFor(() =>
      expect(toastsShown()).toEqual([
        ['plan-export-write-error', 'Could not export: /home/me/org.leadline is the open workspace: writing there would destroy it; choose another file', 'error'],
      ]),
    );
  });

  it("gives a failure to the caller's alert when asked, and clears it at the next try", async () => {
    const onerror = vi.fn();
    save.mockRejectedValueOnce(new ApiError('io', 'cannot write /root/x.md: Permission denied (os error 13)'));
    renderButton(onerror);
    await fireEvent.click(screen.getByTestId('plan-export-write'));
    await waitFor(() => expect(onerror).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'io' })));
    expect(toastsShown()).toEqual([]);
    await fireEvent.click(screen.getByTestId('plan-export-write'));
    await waitFor(() => expect(toastsShown()).toHaveLength(1));
    expect(onerror.mock.calls.map(([e]) => e?.kind ?? null)).toEqual([null, 'io', null]);
  });
});
