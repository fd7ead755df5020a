import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, personDelete: vi.fn(), orgSearch: vi.fn() };
});
const api = await import('../../lib/api');
const { default: DeleteDialog } = await import('./DeleteDialog.svelte');

// Ada manages four people and a review agent, and reports to Grace.
const boss = core.personAda();
const everyone = [core.orgRoots(), core.orgChildrenGrace(), core.orgChildrenAda(), core.orgChildrenAlan()].flatMap((page) => page.nodes);
const alan = everyone.find((n) => n.name === 'Alan Turing')!;

beforeEach(() => {
  vi.mocked(api.personDelete).mockReset().mockResolvedValue(core.personDeleted());
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

describe('DeleteDialog', () => {
  it('sends the reports up one level by default', async () => {
    const ondeleted = vi.fn();
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted });
    expect(screen.getByTestId('delete-dialog').textContent).toContain('Grace Hopper');
    await fireEvent.click(screen.getByTestId('delete-confirm'));
    await waitFor(() => expect(ondeleted).toHaveBeenCalled());
    expect(api.personDelete).toHaveBeenCalledWith(boss.id, { to: 'up_one_level' });
  });

  it('needs a chosen person before it can send reports to them', async () => {
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted: () => {} });
    await fireEvent.click(screen.getByTestId('delete-dest-person'));
    const confirm = screen.getByTestId('delete-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const search = screen.getByTestId('delete-dest-search');
    // "la" finds Ada Lovelace and Alan Turing.
    await fireEvent.input(search, { target: { value: 'la' } });
    const results = await screen.findAllByTestId('delete-dest-search-result', {}, { timeout: 2000 });
    // the person being deleted is never offered
    expect(results.map((r) => r.getAttribute('data-person-id'))).toEqual([String(alan.id)]);
    await fireEvent.click(results[0]);
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    await waitFor(() => expect(api.personDelete).toHaveBeenCalledWith(boss.id, { to: 'person', id: alan.id }));
  });

  it('tells namesakes apart in the picker and in the choice, with the host\'s words as text', async () => {
    // The two Alexanders differ by title; the two Sam Lees, both engineers, by team.
    const [staff, engineer] = core.orgSearchAlexander().nodes;
    const [samPlatform, samPayments] = core.orgSearchSam().nodes;
    // A name the host could only tell apart by a file id holding markup: rendering it as text is the point.
    const marked = { ...samPayments, disambiguation: '<b>id</b> E-104' };
    // Both searches' people in one answer: an override, so its total is set with it.
    vi.mocked(api.orgSearch).mockResolvedValue({ total: 4, nodes: [staff, engineer, samPlatform, marked] });
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted: () => {} });
    await fireEvent.click(screen.getByTestId('delete-dest-person'));
    await fireEvent.input(screen.getByTestId('delete-dest-search'), { target: { value: 'a' } });
    const results = await screen.findAllByTestId('delete-dest-search-result', {}, { timeout: 2000 });
    const namesakes = results.map((r) => r.querySelector('[data-testid="namesake"]')?.textContent ?? null);
    // The title, shown beside the name, already tells the Alexanders apart.
    expect(namesakes).toEqual([null, null, '· Platform', '· <b>id</b> E-104']);
    expect(results[0].textContent?.replace(/\s+/g, ' ')).toContain('Alexander Staff Engineer');
    // Rendered as text, never as markup.
    expect(results[3].querySelector('b')).toBeNull();
    await fireEvent.click(results[3]);
    const chosen = screen.getByTestId('delete-dest-chosen');
    expect(chosen.getAttribute('data-person-id')).toBe(String(samPayments.id));
    expect(chosen.textContent?.replace(/\s+/g, ' ')).toContain('Reports will move to Sam Lee · <b>id</b> E-104.');
  });

  it('can leave the reports without a manager, and shows a refusal inline', async () => {
    vi.mocked(api.personDelete).mockRejectedValue({ kind: 'conflict', message: 'Workspace is read-only' });
    const ondeleted = vi.fn();
    render(DeleteDialog, { person: boss, onclose: () => {}, ondeleted });
    await fireEvent.click(screen.getByTestId('delete-dest-none'));
    await fireEvent.click(screen.getByTestId('delete-confirm'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.textContent).toContain('Workspace is read-only');
    expect(api.personDelete).toHaveBeenCalledWith(boss.id, { to: 'no_manager' });
    expect(ondeleted).not.toHaveBeenCalled();
  });
});
