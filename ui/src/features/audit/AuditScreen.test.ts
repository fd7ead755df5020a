import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { AuditSummary } from '../../lib/bindings/AuditSummary';
import { earlierAudit, laterAudit, plan, scales } from './auditFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    auditScales: vi.fn(),
    auditList: vi.fn(),
    auditGet: vi.fn(),
    auditCreate: vi.fn(),
    auditDelete: vi.fn(),
    teamList: vi.fn(),
    orgSearch: vi.fn(),
    planList: vi.fn(),
    workspaceInfo: vi.fn(),
    today: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./auditState');
const { default: AuditScreen } = await import('./AuditScreen.svelte');
const { default: Toasts } = await import('../../lib/components/Toasts.svelte');

const summary = (over: Partial<AuditSummary>): AuditSummary => ({
  id: 12,
  scope: { kind: 'person', id: 4 },
  scope_name: 'Ada Lovelace',
  taken_on: '2026-10-01',
  stages_rated: 5,
  worst: 'Code review',
  total_slowdown: 11,
  ...over,
});

let listed: AuditSummary[];

beforeEach(() => {
  state.resetAuditState();
  stores.toasts.set([]);
  listed = [summary({}), summary({ id: 11, taken_on: '2026-09-01', stages_rated: 4, worst: 'Bug fixing' })];
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.auditScales).mockReset().mockResolvedValue(scales());
  vi.mocked(api.teamList).mockReset().mockResolvedValue([{ id: 3, name: 'Platform', members: 8 }]);
  vi.mocked(api.auditList)
    .mockReset()
    .mockImplementation(async (scope) => (scope?.kind === 'person' && scope.id === 4 ? listed : []));
  vi.mocked(api.auditGet).mockReset().mockImplementation(async (id) => (id === 11 ? earlierAudit() : id === 40 ? laterAudit({ id: 40, taken_on: '2026-11-02' }) : laterAudit()));
  vi.mocked(api.auditCreate).mockReset();
  vi.mocked(api.auditDelete).mockReset();
  vi.mocked(api.today).mockReset().mockResolvedValue('2026-11-02');
  vi.mocked(api.planList).mockReset().mockResolvedValue([plan()]);
  vi.mocked(api.orgSearch)
    .mockReset()
    .mockResolvedValue([{ id: 4, name: 'Ada Lovelace', title: 'Engineering manager', kind: 'human', children: 6, span: 6, descendants: 6, disambiguation: null }]);
});

async function pickAda() {
  await fireEvent.input(screen.getByTestId('audit-person-search'), { target: { value: 'ada' } });
  await fireEvent.click(await screen.findByTestId('audit-person-search-result'));
}

describe('AuditScreen', () => {
  it("lists a person's audits newest first and shows the newest", async () => {
    render(AuditScreen);
    expect(screen.getByTestId('audit-empty')).toBeTruthy();
    expect(screen.queryByTestId('audit-new')).toBeNull();
    await pickAda();
    expect(screen.getByTestId('audit-person').getAttribute('data-person-id')).toBe('4');
    expect(api.auditList).toHaveBeenCalledWith({ kind: 'person', id: 4 });
    const rows = await screen.findAllByTestId('audit-list-row');
    expect(rows.map((r) => r.getAttribute('data-date'))).toEqual(['2026-10-01', '2026-09-01']);
    expect(within(rows[0]).getByTestId('audit-list-total').getAttribute('data-value')).toBe('11');
    expect(within(rows[1]).getByTestId('audit-list-worst').textContent?.trim()).toBe('Worst: Bug fixing');
    expect(within(rows[1]).getByTestId('audit-list-rated').getAttribute('data-value')).toBe('4');
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe('12'));
    expect(rows[0].getAttribute('aria-current')).toBe('true');
    await fireEvent.click(rows[1]);
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe('11'));
    expect(rows[1].getAttribute('aria-current')).toBe('true');
    expect(get(state.auditShown)).toBe(11);
  });

  it('audits a team chosen from the list of teams', async () => {
    render(AuditScreen);
    await fireEvent.click(screen.getByTestId('audit-scope-team'));
    const select = screen.getByTestId('audit-team') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(2));
    expect(select.options[1].textContent).toBe('Platform (8)');
    await fireEvent.change(select, { target: { value: '3' } });
    expect(api.auditList).toHaveBeenCalledWith({ kind: 'team', id: 3 });
    expect((await screen.findByTestId('audit-list-empty')).textContent).toContain('No audit of team Platform yet');
    expect(screen.getByTestId('audit-none')).toBeTruthy();
    // A first audit starts empty: there is nothing to start from.
    await fireEvent.click(screen.getByTestId('audit-new'));
    const form = await screen.findByTestId('audit-form');
    expect(form.getAttribute('data-prefilled-from')).toBe('');
    expect(screen.getByRole('heading', { name: 'New audit of team Platform' })).toBeTruthy();
    expect(api.auditGet).not.toHaveBeenCalled();
  });

  it('starts a new audit from the latest one, saves it and shows it', async () => {
    vi.mocked(api.auditCreate).mockImplementation(async () => {
      listed = [summary({ id: 40, taken_on: '2026-11-02', total_slowdown: 9 }), ...listed];
      return laterAudit({ id: 40, taken_on: '2026-11-02' });
    });
    state.auditChoice.set({ kind: 'person', person: { id: 4, name: 'Ada Lovelace' }, teamId: null });
    render(AuditScreen);
    render(Toasts);
    await screen.findByTestId('audit-view');
    await fireEvent.click(screen.getByTestId('audit-new'));
    const form = await screen.findByTestId('audit-form');
    expect(api.auditGet).toHaveBeenCalledWith(12);
    expect(form.getAttribute('data-prefilled-from')).toBe('12');
    expect(screen.queryByTestId('audit-view')).toBeNull();
    expect(document.activeElement?.textContent).toBe('New audit of Ada Lovelace');
    // The form opens on the shell's today.
    await waitFor(() => expect((screen.getByTestId('audit-date') as HTMLInputElement).value).toBe('2026-11-02'));
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect(api.auditCreate).toHaveBeenCalledWith(expect.objectContaining({ scope: { kind: 'person', id: 4 }, taken_on: '2026-11-02' }));
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe('40'));
    expect(screen.queryByTestId('audit-form')).toBeNull();
    expect((await screen.findByTestId('audit-saved-toast')).textContent).toContain('Saved the audit of Ada Lovelace on 2026-11-02.');
    await waitFor(() => expect(screen.getAllByTestId('audit-list-row')).toHaveLength(3));
    expect(screen.getAllByTestId('audit-list-row')[0].getAttribute('aria-current')).toBe('true');
  });

  it('cancelling the form goes back to the audit and the button', async () => {
    state.auditChoice.set({ kind: 'person', person: { id: 4, name: 'Ada Lovelace' }, teamId: null });
    render(AuditScreen);
    await screen.findByTestId('audit-view');
    await fireEvent.click(screen.getByTestId('audit-new'));
    await fireEvent.click(await screen.findByTestId('audit-cancel'));
    await screen.findByTestId('audit-view');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('audit-new')));
  });

  it('after a delete, shows the next newest audit', async () => {
    vi.mocked(api.auditDelete).mockImplementation(async () => {
      listed = listed.slice(1);
      return { undo_id: 1, audit: laterAudit(), plan_items: [] };
    });
    state.auditChoice.set({ kind: 'person', person: { id: 4, name: 'Ada Lovelace' }, teamId: null });
    render(AuditScreen);
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe('12'));
    await fireEvent.click(screen.getByTestId('audit-delete'));
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe('11'));
    expect(screen.getAllByTestId('audit-list-row').map((r) => r.getAttribute('data-audit-id'))).toEqual(['11']);
    expect(screen.queryByTestId('error-alert')).toBeNull();
  });
});
