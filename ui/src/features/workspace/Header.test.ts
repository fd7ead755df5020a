import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, exportWrite: vi.fn(), exportPickAndWrite: vi.fn() };
});
const api = await import('../../lib/api');
const { default: Header } = await import('./Header.svelte');

beforeEach(() => {
  vi.mocked(api.exportWrite).mockReset().mockImplementation(async (_format, path) => path);
  vi.mocked(api.exportPickAndWrite).mockReset().mockResolvedValue('/picked/out.csv');
});

describe('Header export buttons', () => {
  it('open the export dialog for their format instead of a native dialog', async () => {
    render(Header);
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-json'));
    const dialog = screen.getByTestId('export-dialog');
    expect(dialog.textContent).toContain('Export as JSON');
    expect(dialog.textContent).toContain('Writes the whole workspace: people and teams as one JSON document.');
    expect(api.exportPickAndWrite).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/tmp/a.json' } });
    await fireEvent.click(screen.getByTestId('export-path-write'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(api.exportWrite).toHaveBeenCalledWith('json', '/tmp/a.json', false);
  });

  it('"Choose location…" asks the native dialog for the format chosen', async () => {
    render(Header);
    await fireEvent.click(screen.getByTestId('export-csv'));
    expect(screen.getByTestId('export-dialog').textContent).toContain('Export as CSV');
    await fireEvent.click(screen.getByTestId('export-pick'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(api.exportPickAndWrite).toHaveBeenCalledWith('csv');
  });
});
