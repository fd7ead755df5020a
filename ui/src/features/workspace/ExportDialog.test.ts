import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, exportWrite: vi.fn(), exportPickAndWrite: vi.fn() };
});
const api = await import('../../lib/api');
const { toasts } = await import('../../lib/stores');
const { default: ExportDialog } = await import('./ExportDialog.svelte');
const { default: Header } = await import('./Header.svelte');

beforeEach(() => {
  vi.mocked(api.exportWrite).mockReset().mockImplementation(async (_format, path) => path);
  vi.mocked(api.exportPickAndWrite).mockReset().mockResolvedValue('/picked/out.csv');
  toasts.set([]);
});

function toastIds() {
  return get(toasts).map((t) => [t.testid, t.message]);
}

describe('ExportDialog', () => {
  it('writes to a typed path, then closes with the export toast', async () => {
    const onclose = vi.fn();
    render(ExportDialog, { format: 'json', onclose });
    const write = screen.getByTestId('export-path-write') as HTMLButtonElement;
    expect(write.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '  /tmp/org.json ' } });
    expect(write.disabled).toBe(false);
    await fireEvent.click(write);
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.exportWrite).toHaveBeenCalledWith('json', '/tmp/org.json', false);
    expect(api.exportPickAndWrite).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([['export-toast', 'Exported to /tmp/org.json']]);
  });

  it('Enter in the path field writes', async () => {
    const onclose = vi.fn();
    render(ExportDialog, { format: 'csv', onclose });
    const input = screen.getByTestId('export-path');
    await fireEvent.input(input, { target: { value: '/tmp/org.csv' } });
    await fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.exportWrite).toHaveBeenCalledWith('csv', '/tmp/org.csv', false);
  });

  it('shows a failure in the dialog and stays open', async () => {
    vi.mocked(api.exportWrite).mockRejectedValue(
      new api.ApiError('io', 'cannot write /root/x.csv: Permission denied (os error 13)'),
    );
    const onclose = vi.fn();
    render(ExportDialog, { format: 'csv', onclose });
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/root/x.csv' } });
    await fireEvent.click(screen.getByTestId('export-path-write'));
    const alert = await screen.findByTestId('error-alert');
    expect(screen.getByTestId('export-dialog').contains(alert)).toBe(true);
    expect(alert.getAttribute('data-kind')).toBe('io');
    expect(screen.getByTestId('error-message').textContent).toContain('Permission denied');
    expect(onclose).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([]);
    expect((screen.getByTestId('export-path-write') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks before replacing an existing file, and replaces it on yes', async () => {
    vi.mocked(api.exportWrite).mockRejectedValueOnce(new api.ApiError('file_exists', '/tmp/org.csv already exists'));
    const onclose = vi.fn();
    render(ExportDialog, { format: 'csv', onclose });
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/tmp/org.csv' } });
    await fireEvent.click(screen.getByTestId('export-path-write'));
    const confirm = await screen.findByTestId('export-replace');
    expect(confirm.getAttribute('role')).toBe('dialog');
    expect(screen.getByTestId('export-replace-message').textContent).toBe('/tmp/org.csv already exists. Replace it?');
    // Not an error: the question is the answer to file_exists.
    expect(screen.queryByTestId('error-alert')).toBeNull();
    expect(api.exportWrite).toHaveBeenCalledTimes(1);
    // The keyboard lands on the answer.
    expect(document.activeElement).toBe(screen.getByTestId('export-replace-confirm'));
    await fireEvent.click(screen.getByTestId('export-replace-confirm'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(vi.mocked(api.exportWrite).mock.calls).toEqual([
      ['csv', '/tmp/org.csv', false],
      ['csv', '/tmp/org.csv', true],
    ]);
    expect(screen.queryByTestId('export-replace')).toBeNull();
    expect(toastIds()).toEqual([['export-toast', 'Exported to /tmp/org.csv']]);
  });

  it('Escape on the question keeps the file and the export dialog', async () => {
    vi.mocked(api.exportWrite).mockRejectedValue(new api.ApiError('file_exists', '/tmp/org.csv already exists'));
    const onclose = vi.fn();
    render(ExportDialog, { format: 'csv', onclose });
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/tmp/org.csv' } });
    await fireEvent.click(screen.getByTestId('export-path-write'));
    await screen.findByTestId('export-replace');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('export-replace')).toBeNull());
    expect(screen.getByTestId('export-dialog')).toBeTruthy();
    expect(onclose).not.toHaveBeenCalled();
    expect(api.exportWrite).toHaveBeenCalledTimes(1);
    expect(toastIds()).toEqual([]);
    // A second Escape, with the question gone, closes the export dialog.
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).toHaveBeenCalled();
  });

  it('shows the refusal to write onto the open workspace as it is, without asking', async () => {
    vi.mocked(api.exportWrite).mockRejectedValue(new api.ApiError('invalid_input', '/home/me/org.leadline is the open workspace'));
    render(ExportDialog, { format: 'csv', onclose: vi.fn() });
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/home/me/org.leadline' } });
    await fireEvent.click(screen.getByTestId('export-path-write'));
    expect((await screen.findByTestId('error-alert')).textContent).toContain('is the open workspace');
    expect(screen.queryByTestId('export-replace')).toBeNull();
  });

  it('"Choose location…" uses the native dialog; cancelling keeps the dialog open', async () => {
    vi.mocked(api.exportPickAndWrite).mockResolvedValueOnce(null);
    const onclose = vi.fn();
    render(ExportDialog, { format: 'csv', onclose });
    await fireEvent.click(screen.getByTestId('export-pick'));
    await waitFor(() => expect(api.exportPickAndWrite).toHaveBeenCalledWith('csv'));
    expect(onclose).not.toHaveBeenCalled();
    expect(toastIds()).toEqual([]);
    await fireEvent.click(screen.getByTestId('export-pick'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(toastIds()).toEqual([['export-toast', 'Exported to /picked/out.csv']]);
  });
});

describe('Header export buttons', () => {
  it('open the export dialog for their format instead of a native dialog', async () => {
    render(Header);
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-json'));
    const dialog = screen.getByTestId('export-dialog');
    expect(dialog.textContent).toContain('Export as JSON');
    expect(api.exportPickAndWrite).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/tmp/a.json' } });
    await fireEvent.click(screen.getByTestId('export-path-write'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(api.exportWrite).toHaveBeenCalledWith('json', '/tmp/a.json', false);
  });
});
