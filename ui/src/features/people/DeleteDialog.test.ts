import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { person } from '../../test/fixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, personDelete: vi.fn(), orgSearch: vi.fn() };
});
const api = await import('../../lib/api');
const { default: DeleteDialog } = await import('./DeleteDialog.svelte');

const boss = person({ id: 3, name: 'Grace Hopper', direct_reports: 4, agents_supervised: 1, manager_id: 1, manager_name: 'Alan Kay' });

beforeEach(() => {
  vi.mocked(api.personDelete).mockReset().mockResolvedValue({ undo_id: 1, person: boss, former_reports: [4, 5], reports_went_to: 1, assessments: [], owned_audit_stages: [] });
  vi.mocked(api.orgSearch).mockReset().mockResolvedValue([
    { id: 3, name: 'Grace Hopper', title: '', kind: 'human', children: 5, span: 4, descendants: 5, disambiguation: null },
    { id: 7, name: 'Barbara Liskov', title: 'Director', kind: 'human', children: 2, span: 2, descendants: 9, disambiguation: null },
  ]);
});

describe('DeleteDialog', () => {
  it('sends the reports up one level by default', async () => {
    const ondeleted = vi.fn();
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted });
    expect(screen.getByTestId('delete-dialog').textContent).toContain('Alan Kay');
    await fireEvent.click(screen.getByTestId('delete-confirm'));
    await waitFor(() => expect(ondeleted).toHaveBeenCalled());
    expect(api.personDelete).toHaveBeenCalledWith(3, { to: 'up_one_level' });
  });

  it('needs a chosen person before it can send reports to them', async () => {
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted: () => {} });
    await fireEvent.click(screen.getByTestId('delete-dest-person'));
    const confirm = screen.getByTestId('delete-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const search = screen.getByTestId('delete-dest-search');
    await fireEvent.input(search, { target: { value: 'ba' } });
    const results = await screen.findAllByTestId('delete-dest-search-result', {}, { timeout: 2000 });
    // the person being deleted is never offered
    expect(results.map((r) => r.getAttribute('data-person-id'))).toEqual(['7']);
    await fireEvent.click(results[0]);
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    await waitFor(() => expect(api.personDelete).toHaveBeenCalledWith(3, { to: 'person', id: 7 }));
  });

  it('tells namesakes apart in the picker and in the choice, with the host\'s words as text', async () => {
    vi.mocked(api.orgSearch).mockResolvedValue([
      { id: 11, name: 'Alexander', title: 'Staff Engineer', kind: 'human', children: 0, span: 0, descendants: 0, disambiguation: 'Staff Engineer' },
      { id: 12, name: 'Alexander', title: 'Engineer', kind: 'human', children: 0, span: 0, descendants: 0, disambiguation: '<b>id</b> E-104' },
      { id: 7, name: 'Barbara Liskov', title: 'Director', kind: 'human', children: 2, span: 2, descendants: 9, disambiguation: null },
    ]);
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted: () => {} });
    await fireEvent.click(screen.getByTestId('delete-dest-person'));
    await fireEvent.input(screen.getByTestId('delete-dest-search'), { target: { value: 'al' } });
    const results = await screen.findAllByTestId('delete-dest-search-result', {}, { timeout: 2000 });
    const namesakes = results.map((r) => r.querySelector('[data-testid="namesake"]')?.textContent ?? null);
    // The first one's title, shown beside the name, already tells them apart.
    expect(namesakes).toEqual([null, '· <b>id</b> E-104', null]);
    expect(results[0].textContent?.replace(/\s+/g, ' ')).toContain('Alexander Staff Engineer');
    // Rendered as text, never as markup.
    expect(results[1].querySelector('b')).toBeNull();
    await fireEvent.click(results[1]);
    const chosen = screen.getByTestId('delete-dest-chosen');
    expect(chosen.getAttribute('data-person-id')).toBe('12');
    expect(chosen.textContent?.replace(/\s+/g, ' ')).toContain('Reports will move to Alexander · <b>id</b> E-104.');
  });

  it('can leave the reports without a manager, and shows a refusal inline', async () => {
    vi.mocked(api.personDelete).mockRejectedValue({ kind: 'conflict', message: 'Workspace is read-only' });
    const ondeleted = vi.fn();
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted });
    await fireEvent.click(screen.getByTestId('delete-dest-none'));
    await fireEvent.click(screen.getByTestId('delete-confirm'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.textContent).toContain('Workspace is read-only');
    expect(api.personDelete).toHaveBeenCalledWith(3, { to: 'no_manager' });
    expect(ondeleted).not.toHaveBeenCalled();
  });
});
