import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { AuditSummary } from '../../lib/bindings/AuditSummary';
import * as core from '../../test/core';

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

// Ada has two audits (2026-09-07 and 2026-08-17); a new one is taken on 2026-09-09.
const later = core.auditLater();
const earlier = core.auditEarlier();
const created = core.auditCreated();
const adaNode = core.orgChildrenGrace().nodes.find((n) => n.name === 'Ada Lovelace')!;
const platform = core.teamList().find((t) => t.name === 'Platform')!;

let listed: AuditSummary[];

beforeEach(() => {
  state.resetAuditState();
  stores.toasts.set([]);
  listed = core.auditListAda();
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.auditScales).mockReset().mockResolvedValue(core.auditScales());
  vi.mocked(api.teamList).mockReset().mockResolvedValue(core.teamList());
  vi.mocked(api.auditList)
    .mockReset()
    .mockImplementation(async (scope) => (scope?.kind === 'person' && scope.id === adaNode.id ? listed : []));
  vi.mocked(api.auditGet)
    .mockReset()
    .mockImplementation(async (id) => (id === earlier.id ? core.auditEarlier() : id === created.id ? core.auditCreated() : core.auditLater()));
  vi.mocked(api.auditCreate).mockReset();
  vi.mocked(api.auditDelete).mockReset();
  vi.mocked(api.today).mockReset().mockResolvedValue('2026-11-02');
  vi.mocked(api.planList).mockReset().mockResolvedValue(core.planListAda());
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
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
    expect(screen.getByTestId('audit-person').getAttribute('data-person-id')).toBe(String(adaNode.id));
    expect(api.auditList).toHaveBeenCalledWith({ kind: 'person', id: adaNode.id });
    const rows = await screen.findAllByTestId('audit-list-row');
    expect(rows.map((r) => r.getAttribute('data-date'))).toEqual(['2026-09-07', '2026-08-17']);
    expect(within(rows[0]).getByTestId('audit-list-total').getAttribute('data-value')).toBe('11');
    expect(within(rows[1]).getByTestId('audit-list-worst').textContent?.trim()).toBe('Worst: Bug fixing');
    expect(within(rows[1]).getByTestId('audit-list-rated').getAttribute('data-value')).toBe('4');
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe(String(later.id)));
    expect(rows[0].getAttribute('aria-current')).toBe('true');
    await fireEvent.click(rows[1]);
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe(String(earlier.id)));
    expect(rows[1].getAttribute('aria-current')).toBe('true');
    expect(get(state.auditShown)).toBe(earlier.id);
  });

  it('audits a team chosen from the list of teams', async () => {
    render(AuditScreen);
    await fireEvent.click(screen.getByTestId('audit-scope-team'));
    const select = screen.getByTestId('audit-team') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(core.teamList().length + 1));
    expect([...select.options].map((o) => o.textContent)).toContain('Platform (6)');
    await fireEvent.change(select, { target: { value: String(platform.id) } });
    expect(api.auditList).toHaveBeenCalledWith({ kind: 'team', id: platform.id });
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
      listed = core.auditListAdaAfterCreate();
      return core.auditCreated();
    });
    state.auditChoice.set({ kind: 'person', person: { id: adaNode.id, name: 'Ada Lovelace' }, teamId: null });
    render(AuditScreen);
    render(Toasts);
    await screen.findByTestId('audit-view');
    await fireEvent.click(screen.getByTestId('audit-new'));
    const form = await screen.findByTestId('audit-form');
    expect(api.auditGet).toHaveBeenCalledWith(later.id);
    expect(form.getAttribute('data-prefilled-from')).toBe(String(later.id));
    expect(screen.queryByTestId('audit-view')).toBeNull();
    expect(document.activeElement?.textContent).toBe('New audit of Ada Lovelace');
    // The form opens on the shell's today.
    await waitFor(() => expect((screen.getByTestId('audit-date') as HTMLInputElement).value).toBe('2026-11-02'));
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect(api.auditCreate).toHaveBeenCalledWith(expect.objectContaining({ scope: { kind: 'person', id: adaNode.id }, taken_on: '2026-11-02' }));
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe(String(created.id)));
    expect(screen.queryByTestId('audit-form')).toBeNull();
    expect((await screen.findByTestId('audit-saved-toast')).textContent).toContain('Saved the audit of Ada Lovelace on 2026-09-09.');
    await waitFor(() => expect(screen.getAllByTestId('audit-list-row')).toHaveLength(3));
    expect(screen.getAllByTestId('audit-list-row')[0].getAttribute('aria-current')).toBe('true');
  });

  it('cancelling the form goes back to the audit and the button', async () => {
    state.auditChoice.set({ kind: 'person', person: { id: adaNode.id, name: 'Ada Lovelace' }, teamId: null });
    render(AuditScreen);
    await screen.findByTestId('audit-view');
    await fireEvent.click(screen.getByTestId('audit-new'));
    await fireEvent.click(await screen.findByTestId('audit-cancel'));
    await screen.findByTestId('audit-view');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('audit-new')));
  });

  it('after a delete, shows the next newest audit', async () => {
    vi.mocked(api.auditDelete).mockImplementation(async () => {
      listed = core.auditListAdaAfterDelete();
      return core.auditDeleted();
    });
    state.auditChoice.set({ kind: 'person', person: { id: adaNode.id, name: 'Ada Lovelace' }, teamId: null });
    render(AuditScreen);
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe(String(later.id)));
    await fireEvent.click(screen.getByTestId('audit-delete'));
    await waitFor(() => expect(screen.getByTestId('audit-view').getAttribute('data-audit-id')).toBe(String(earlier.id)));
    expect(screen.getAllByTestId('audit-list-row').map((r) => r.getAttribute('data-audit-id'))).toEqual([String(earlier.id)]);
    expect(screen.queryByTestId('error-alert')).toBeNull();
  });
});
