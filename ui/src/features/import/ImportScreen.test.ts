import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { ImportProgress } from '../../lib/bindings/ImportProgress';
import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    importPickFile: vi.fn(),
    importPreview: vi.fn(),
    importApply: vi.fn(),
    workspaceInfo: vi.fn(),
  };
});
const api = await import('../../lib/api');
const { wizard } = await import('./wizard.svelte');
const { default: ImportScreen } = await import('./ImportScreen.svelte');

beforeEach(() => {
  wizard.reset();
  vi.mocked(api.importPickFile).mockReset().mockResolvedValue('/data/people.csv');
  // A windows-1252 file with semicolons: two new people and one renamed.
  vi.mocked(api.importPreview).mockReset().mockResolvedValue(core.importPreview());
  vi.mocked(api.importApply).mockReset();
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
});

/** Chooses the file through the host's open dialog (mocked: it answers /data/people.csv). */
async function startWithPickedFile() {
  render(ImportScreen);
  await fireEvent.click(screen.getByTestId('import-pick'));
  await screen.findByTestId('import-mapping');
}

describe('import wizard', () => {
  it('offers only the open dialog, previews the file chosen with the automatic mapping and shows the file facts', async () => {
    render(ImportScreen);
    expect(screen.queryByTestId('import-path'), 'no typed path').toBeNull();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    cleanup();
    await startWithPickedFile();
    expect(api.importPreview).toHaveBeenCalledWith('/data/people.csv', { mapping: null, remove_missing: false, confirm_removal: false });
    expect(screen.getByTestId('import-encoding').textContent).toBe('windows-1252');
    expect(screen.getByTestId('import-delimiter').textContent).toContain('Semicolon');
    expect(screen.getByTestId('import-rows').getAttribute('data-value')).toBe('3');
  });

  it('previews again with the full mapping when a column changes, and with remove_missing', async () => {
    await startWithPickedFile();
    const selects = screen.getAllByTestId('import-map-select');
    await fireEvent.change(selects[2], { target: { value: 'manager_id' } });
    await waitFor(() =>
      expect(api.importPreview).toHaveBeenLastCalledWith('/data/people.csv', {
        mapping: ['id', 'name', 'manager_id'],
        remove_missing: false,
        confirm_removal: false,
      }),
    );
    await fireEvent.click(screen.getByTestId('import-remove-missing'));
    await waitFor(() =>
      expect(vi.mocked(api.importPreview).mock.lastCall?.[1]).toMatchObject({ remove_missing: true }),
    );
  });

  it('blocks the import when the file has problems', async () => {
    // The same file with its "Boss" column read as manager ids: one of them is nobody's.
    vi.mocked(api.importPreview).mockResolvedValue(core.importPreviewProblems());
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-next'));
    const rows = screen.getAllByTestId('import-problem');
    expect(rows.length).toBe(1);
    expect(rows[0].getAttribute('data-line')).toBe('4');
    expect(rows[0].textContent).toContain('manager id E404 of Omar Haddad is neither in the file nor in the workspace');
    expect(screen.getByTestId('import-blocked').textContent).toContain('Nothing will be imported');
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('imports with progress from the channel, then shows the summary', async () => {
    let report: (p: ImportProgress) => void = () => {};
    let finish: () => void = () => {};
    vi.mocked(api.importApply).mockImplementation(
      (_path, _opts, onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = () => resolve(core.importSummary());
        }),
    );
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-next'));
    expect(screen.getByTestId('import-count-adds').querySelector('[data-value]')?.getAttribute('data-value')).toBe('2');
    await fireEvent.click(screen.getByTestId('import-apply'));
    report({ phase: 'writing', done: 1, total: 4 });
    await waitFor(() => expect(screen.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('25'));
    expect(screen.getByTestId('import-progress').getAttribute('data-phase')).toBe('writing');
    finish();
    const summary = await screen.findByTestId('import-summary');
    expect(summary.querySelector('[data-testid="import-summary-added"] [data-value]')?.getAttribute('data-value')).toBe('2');
  });

  it('goes back to the problems when the host refuses the import', async () => {
    vi.mocked(api.importApply).mockRejectedValue({
      kind: 'import_invalid',
      message: 'The file changed',
      problems: [{ line: 3, message: 'Duplicate id E1', people: ['Ada', 'Alan'] }],
    });
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-next'));
    await fireEvent.click(screen.getByTestId('import-apply'));
    const row = await screen.findByTestId('import-problem');
    expect(row.textContent).toContain('Duplicate id E1');
    expect(row.textContent).toContain('Ada, Alan');
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the warnings as text apart from the problems, and they do not block', async () => {
    // A column called EMAIL holding user names.
    const preview = core.importPreviewWarning();
    const warning = preview.warnings[0].message;
    expect(warning).toContain('column "EMAIL" holds values that are not email addresses');
    vi.mocked(api.importPreview).mockResolvedValue(preview);
    vi.mocked(api.importApply).mockResolvedValue(core.importSummary());
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-next'));
    const warnings = screen.getByTestId('import-warnings');
    expect(screen.getAllByTestId('import-warning').map((w) => w.textContent?.trim())).toEqual([`Line 2: ${warning}`]);
    expect(screen.getByTestId('import-warning-message').textContent).toBe(warning);
    expect(warnings.getAttribute('role')).toBeNull();
    expect(screen.queryByTestId('import-blocked')).toBeNull();
    expect(screen.queryByTestId('import-problem')).toBeNull();
    expect(screen.getByTestId('import-ready')).toBeTruthy();
    const apply = screen.getByTestId('import-apply') as HTMLButtonElement;
    expect(apply.disabled).toBe(false);
    await fireEvent.click(apply);
    await screen.findByTestId('import-summary');
    expect(vi.mocked(api.importApply).mock.calls[0][1]).toEqual({ mapping: null, remove_missing: false, confirm_removal: false });
  });

  it('shows the warnings next to the problems too', async () => {
    // A file with both a problem and a warning: the two answers above in one.
    const warned = core.importPreviewWarning().warnings[0];
    vi.mocked(api.importPreview).mockResolvedValue({ ...core.importPreviewProblems(), warnings: [{ ...warned, line: null }] });
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-next'));
    expect(screen.getByTestId('import-problem').textContent).toContain('E404');
    expect(screen.getByTestId('import-warning').textContent?.trim()).toBe(warned.message);
  });

  it('a large removal needs the number of people removed typed before it imports', async () => {
    // A file of the three assessed people and a newcomer: removing the rest is 9 of 12.
    vi.mocked(api.importPreview).mockImplementation(async (_path, options) => (options.remove_missing ? core.importPreviewRemoval() : core.importPreview()));
    vi.mocked(api.importApply).mockResolvedValue(core.importSummaryRemoval());
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-remove-missing'));
    await waitFor(() => expect(vi.mocked(api.importPreview).mock.lastCall?.[1]).toMatchObject({ remove_missing: true, confirm_removal: false }));
    await waitFor(() => expect((screen.getByTestId('import-next') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('import-next'));
    expect(screen.getByTestId('import-removal-message').textContent).toBe('This import removes 9 of 12 people (everyone not in the file).');
    const apply = screen.getByTestId('import-apply') as HTMLButtonElement;
    const typed = screen.getByLabelText(/type the number of people it removes/);
    expect(apply.disabled).toBe(true);
    for (const wrong of ['3', '12', '90', 'nine']) {
      await fireEvent.input(typed, { target: { value: wrong } });
      expect(apply.disabled).toBe(true);
    }
    await fireEvent.click(apply);
    expect(api.importApply).not.toHaveBeenCalled();
    await fireEvent.input(typed, { target: { value: '9' } });
    expect(apply.disabled).toBe(false);
    await fireEvent.click(apply);
    await screen.findByTestId('import-summary');
    expect(vi.mocked(api.importApply).mock.calls[0][1]).toEqual({ mapping: null, remove_missing: true, confirm_removal: true });
  });

  it('shows the message when the host still asks for confirmation', async () => {
    vi.mocked(api.importPreview).mockResolvedValue(core.importPreviewRemoval());
    // The file changed since the preview: the host asks again.
    vi.mocked(api.importApply).mockRejectedValue({ kind: 'needs_confirmation', message: 'This import removes 10 of 12 people; confirm the removal.' });
    await startWithPickedFile();
    await fireEvent.click(screen.getByTestId('import-next'));
    await fireEvent.input(screen.getByTestId('import-removal-typed'), { target: { value: ' 9 ' } });
    await fireEvent.click(screen.getByTestId('import-apply'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('needs_confirmation');
    expect(alert.textContent).toContain('This import removes 10 of 12 people; confirm the removal.');
    expect(screen.getByTestId('import-wizard').getAttribute('data-step')).toBe('3');
  });

  it('shows an unreadable file inline and stays on the first step', async () => {
    vi.mocked(api.importPreview).mockRejectedValue({ kind: 'io', message: 'No such file: /nope.csv' });
    render(ImportScreen);
    vi.mocked(api.importPickFile).mockResolvedValue('/nope.csv');
    await fireEvent.click(screen.getByTestId('import-pick'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('io');
    expect(alert.textContent).toContain('No such file');
    expect(screen.getByTestId('import-wizard').getAttribute('data-step')).toBe('1');
  });

  it('stays on the first step, asking nothing, when the dialog is cancelled', async () => {
    vi.mocked(api.importPickFile).mockResolvedValue(null);
    render(ImportScreen);
    await fireEvent.click(screen.getByTestId('import-pick'));
    await waitFor(() => expect(api.importPickFile).toHaveBeenCalledTimes(1));
    expect(api.importPreview).not.toHaveBeenCalled();
    expect(screen.queryByTestId('error-alert')).toBeNull();
    expect(screen.getByTestId('import-wizard').getAttribute('data-step')).toBe('1');
  });
});
