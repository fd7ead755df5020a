import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../api';
import type { FileWrite } from '../fileWrite.svelte';
import { toasts } from '../stores';
import FileExport from './FileExport.svelte';

const write = vi.fn<(path: string, overwrite: boolean) => Promise<string>>();
const pick = vi.fn<() => Promise<string | null>>();

beforeEach(() => {
  write.mockReset().mockImplementation(async (path) => path);
  pick.mockReset().mockResolvedValue('/picked/out.csv');
  toasts.set([]);
});

function toastIds() {
  return get(toasts).map((t) => [t.testid, t.message]);
}

/** The workspace export, as the header opens it. */
function openDialog() {
  const onclose = vi.fn();
  render(FileExport, {
    title: 'Export as CSV',
    about: 'Writes the whole workspace: one row per person.',
    testid: 'export',
    placeholder: '/home/me/leadline-export.csv',
    toast: 'Exported to',
    pick,
    write,
    onclose,
  });
  return onclose;
}

/** The plan's Markdown, as the plan page shows it: inline, with a button of its own. */
function openInline(extra?: ReturnType<typeof createRawSnippet<[FileWrite]>>) {
  render(FileExport, {
    testid: 'plan-export',
    label: 'Export Markdown to a file',
    placeholder: '/home/me/transition-plan.md',
    writeLabel: 'Export Markdown…',
    writingLabel: 'Exporting…',
    writeTestid: 'plan-export-write',
    toast: 'Exported the plan to',
    write,
    extra,
  });
}

async function typePath(testid: string, path: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value: path } });
}

describe('FileExport in a dialog', () => {
  it('says what the file holds, writes to a typed path, then closes with the toast', async () => {
    const onclose = openDialog();
    const dialog = screen.getByTestId('export-dialog');
    expect(dialog.textContent).toContain('Export as CSV');
    expect(dialog.textContent).toContain('Writes the whole workspace: one row per person.');
    const button = screen.getByTestId('export-path-write') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await typePath('export-path', '  /tmp/org.csv ');
    expect(button.disabled).toBe(false);
    await fireEvent.click(button);
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(write).toHaveBeenCalledWith('/tmp/org.csv', false);
    expect(pick).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([['export-toast', 'Exported to /tmp/org.csv']]);
  });

  it('Enter in the path field writes', async () => {
    const onclose = openDialog();
    const input = screen.getByTestId('export-path');
    await typePath('export-path', '/tmp/org.csv');
    await fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(write).toHaveBeenCalledWith('/tmp/org.csv', false);
  });

  it('shows a failure in the dialog and stays open; a second try can succeed', async () => {
    write.mockRejectedValueOnce(new ApiError('io', 'cannot write /root/x.csv: Permission denied (os error 13)'));
    const onclose = openDialog();
    await typePath('export-path', '/root/x.csv');
    await fireEvent.click(screen.getByTestId('export-path-write'));
    const alert = await screen.findByTestId('error-alert');
    expect(screen.getByTestId('export-dialog').contains(alert)).toBe(true);
    expect(alert.getAttribute('data-kind')).toBe('io');
    expect(screen.getByTestId('error-message').textContent).toContain('Permission denied');
    expect(onclose).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([]);
    expect((screen.getByTestId('export-path-write') as HTMLButtonElement).disabled).toBe(false);

    await fireEvent.click(screen.getByTestId('export-path-write'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(toastIds()).toEqual([['export-toast', 'Exported to /root/x.csv']]);
  });

  it('asks before replacing an existing file, and replaces it on yes', async () => {
    write.mockRejectedValueOnce(new ApiError('file_exists', '/tmp/org.csv already exists'));
    const onclose = openDialog();
    await typePath('export-path', '/tmp/org.csv');
    await fireEvent.click(screen.getByTestId('export-path-write'));
    const confirm = await screen.findByTestId('export-replace');
    expect(confirm.getAttribute('role')).toBe('dialog');
    expect(screen.getByTestId('export-replace-message').textContent).toBe('/tmp/org.csv already exists. Replace it?');
    // Not an error: the question is the answer to file_exists.
    expect(screen.queryByTestId('error-alert')).toBeNull();
    expect(write).toHaveBeenCalledTimes(1);
    // The keyboard lands on the answer.
    expect(document.activeElement).toBe(screen.getByTestId('export-replace-confirm'));
    await fireEvent.click(screen.getByTestId('export-replace-confirm'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(write.mock.calls).toEqual([
      ['/tmp/org.csv', false],
      ['/tmp/org.csv', true],
    ]);
    expect(screen.queryByTestId('export-replace')).toBeNull();
    expect(toastIds()).toEqual([['export-toast', 'Exported to /tmp/org.csv']]);
  });

  it('Escape on the question keeps the file and the export dialog', async () => {
    write.mockRejectedValue(new ApiError('file_exists', '/tmp/org.csv already exists'));
    const onclose = openDialog();
    await typePath('export-path', '/tmp/org.csv');
    await fireEvent.click(screen.getByTestId('export-path-write'));
    await screen.findByTestId('export-replace');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('export-replace')).toBeNull());
    expect(screen.getByTestId('export-dialog')).toBeTruthy();
    expect(onclose).not.toHaveBeenCalled();
    expect(write).toHaveBeenCalledTimes(1);
    expect(toastIds()).toEqual([]);
    // A second Escape, with the question gone, closes the export dialog.
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).toHaveBeenCalled();
  });

  it('shows the refusal to write onto the open workspace as it is, without asking', async () => {
    write.mockRejectedValue(new ApiError('invalid_input', '/home/me/org.leadline is the open workspace'));
    openDialog();
    await typePath('export-path', '/home/me/org.leadline');
    await fireEvent.click(screen.getByTestId('export-path-write'));
    expect((await screen.findByTestId('error-alert')).textContent).toContain('is the open workspace');
    expect(screen.queryByTestId('export-replace')).toBeNull();
  });

  it('"Choose location…" uses the native dialog; cancelling keeps the dialog open', async () => {
    pick.mockResolvedValueOnce(null);
    const onclose = openDialog();
    expect(document.activeElement).toBe(screen.getByTestId('export-pick'));
    await fireEvent.click(screen.getByTestId('export-pick'));
    await waitFor(() => expect(pick).toHaveBeenCalledTimes(1));
    expect(onclose).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([]);
    await fireEvent.click(screen.getByTestId('export-pick'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(write).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([['export-toast', 'Exported to /picked/out.csv']]);
  });
});

describe('FileExport inline', () => {
  it('has only the typed path, with its own words; a write toasts and the form stays', async () => {
    let finish: (path: string) => void = () => {};
    write.mockImplementationOnce((path) => new Promise((resolve) => (finish = () => resolve(path))));
    openInline();
    expect(screen.queryByTestId('plan-export-dialog')).toBeNull();
    expect(screen.queryByTestId('plan-export-pick')).toBeNull();
    expect(screen.getByLabelText('Export Markdown to a file')).toBe(screen.getByTestId('plan-export-path'));
    const button = screen.getByTestId('plan-export-write') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Export Markdown…');
    expect(button.disabled).toBe(true);
    await typePath('plan-export-path', ' /tmp/ada.md ');
    await fireEvent.click(button);
    expect(write).toHaveBeenCalledWith('/tmp/ada.md', false);
    await waitFor(() => expect(button.textContent?.trim()).toBe('Exporting…'));
    expect(button.disabled).toBe(true);
    finish('/tmp/ada.md');
    await waitFor(() => expect(toastIds()).toEqual([['plan-export-toast', 'Exported the plan to /tmp/ada.md']]));
    expect(button.textContent?.trim()).toBe('Export Markdown…');
    expect(screen.getByTestId('plan-export-path')).toBeTruthy();
  });

  it('says when it cannot write', async () => {
    write.mockRejectedValueOnce(new ApiError('io', 'cannot write /root/x.md'));
    openInline();
    await typePath('plan-export-path', '/root/x.md');
    await fireEvent.click(screen.getByTestId('plan-export-write'));
    expect((await screen.findByTestId('error-alert')).getAttribute('data-kind')).toBe('io');
    expect(toastIds()).toEqual([]);
  });

  it('asks before replacing an existing file; no keeps it, yes replaces it', async () => {
    write.mockImplementation(async (path, overwrite) => {
      if (!overwrite) throw new ApiError('file_exists', `${path} already exists`);
      return path;
    });
    openInline();
    await typePath('plan-export-path', '/tmp/ada.md');
    await fireEvent.click(screen.getByTestId('plan-export-write'));
    const question = await screen.findByTestId('plan-export-replace');
    expect(within(question).getByTestId('plan-export-replace-message').textContent).toBe('/tmp/ada.md already exists. Replace it?');
    expect(screen.queryByTestId('error-alert')).toBeNull();
    await fireEvent.click(within(question).getByTestId('plan-export-replace-cancel'));
    await waitFor(() => expect(screen.queryByTestId('plan-export-replace')).toBeNull());
    expect(write.mock.calls).toEqual([['/tmp/ada.md', false]]);
    expect(toastIds()).toEqual([]);

    await fireEvent.click(screen.getByTestId('plan-export-write'));
    await fireEvent.click(await screen.findByTestId('plan-export-replace-confirm'));
    await waitFor(() => expect(toastIds()).toEqual([['plan-export-toast', 'Exported the plan to /tmp/ada.md']]));
    expect(write.mock.calls).toEqual([
      ['/tmp/ada.md', false],
      ['/tmp/ada.md', false],
      ['/tmp/ada.md', true],
    ]);
    expect(screen.queryByTestId('plan-export-replace')).toBeNull();
  });

  it('gives the extra buttons the form: their failure shows in the same alert', async () => {
    const extra = createRawSnippet((file: () => FileWrite) => ({
      render: () => '<button type="button" data-testid="extra">Copy</button>',
      setup: (button: Element) => {
        button.addEventListener('click', () => (file().error = new ApiError('not_found', 'plan 7 is gone')));
      },
    }));
    openInline(extra);
    const extraButton = screen.getByTestId('extra');
    expect(extraButton.parentElement).toBe(screen.getByTestId('plan-export-write').parentElement);
    await fireEvent.click(extraButton);
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
    expect(screen.getAllByTestId('error-alert')).toHaveLength(1);
  });
});
