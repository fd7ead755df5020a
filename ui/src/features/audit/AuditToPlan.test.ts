import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, planList: vi.fn(), planAddAuditActions: vi.fn(), orgSearch: vi.fn(), workspaceInfo: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: AuditToPlan } = await import('./AuditToPlan.svelte');

// Ada has two plans, the IC-leader one newest; Katherine has one, back to managing.
const [newest, older] = core.planListAda();
const katherinePlan = core.planKatherineToManager();
const katherine = core.orgChildrenGrace().nodes.find((n) => n.name === 'Katherine Johnson')!;
// The same audit taken of a team: the scope is what this test is about.
const platform = core.teamList().find((t) => t.name === 'Platform')!;
const teamAudit = () => ({ ...core.auditLater(), scope: { kind: 'team' as const, id: platform.id }, scope_name: 'team Platform' });

beforeEach(() => {
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.planList)
    .mockReset()
    .mockImplementation(async (personId) => (personId === newest.person_id ? core.planListAda() : personId === katherine.id ? [core.planKatherineToManager()] : []));
  vi.mocked(api.planAddAuditActions).mockReset().mockResolvedValue(core.planAuditFeed());
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

describe('AuditToPlan', () => {
  it("adds a person's worst bottlenecks to their newest plan by default", async () => {
    const audit = core.auditLater();
    render(AuditToPlan, { audit });
    const select = (await screen.findByTestId('audit-plan-select')) as HTMLSelectElement;
    expect(api.planList).toHaveBeenCalledWith(newest.person_id);
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      [String(newest.id), 'IC leader, from 2026-08-03'],
      [String(older.id), 'Tech lead, from 2026-07-27'],
    ]);
    expect(select.value).toBe(String(newest.id));
    expect(screen.queryByTestId('audit-plan-person-search')).toBeNull();
    expect(screen.getByTestId('audit-plan-add').textContent).toContain('Add the 3 worst bottlenecks');
    const rev = get(stores.revision);
    await fireEvent.click(screen.getByTestId('audit-plan-add'));
    expect(api.planAddAuditActions).toHaveBeenCalledWith(newest.id, audit.id);
    const result = await screen.findByTestId('audit-plan-result');
    expect(result.textContent?.trim()).toBe('Added 3 items to the plan.');
    expect([result.getAttribute('data-added'), result.getAttribute('data-already'), result.getAttribute('data-plan-id')]).toEqual(['3', '0', String(newest.id)]);
    expect(get(stores.revision)).toBe(rev + 1);
  });

  it('for a team, asks whose plan first', async () => {
    const audit = teamAudit();
    render(AuditToPlan, { audit });
    expect(api.planList).not.toHaveBeenCalled();
    expect(screen.queryByTestId('audit-plan-select')).toBeNull();
    await fireEvent.input(screen.getByTestId('audit-plan-person-search'), { target: { value: 'kath' } });
    await fireEvent.click(await screen.findByTestId('audit-plan-person-search-result'));
    expect(screen.getByTestId('audit-plan-person').getAttribute('data-person-id')).toBe(String(katherine.id));
    const select = (await screen.findByTestId('audit-plan-select')) as HTMLSelectElement;
    expect(api.planList).toHaveBeenCalledWith(katherine.id);
    expect(select.value).toBe(String(katherinePlan.id));
    await fireEvent.click(screen.getByTestId('audit-plan-add'));
    expect(api.planAddAuditActions).toHaveBeenCalledWith(katherinePlan.id, audit.id);
    await screen.findByTestId('audit-plan-result');
  });

  it('says when the person has no plan yet', async () => {
    vi.mocked(api.planList).mockResolvedValue([]);
    render(AuditToPlan, { audit: core.auditLater() });
    expect((await screen.findByTestId('audit-plan-none')).textContent).toContain('Ada Lovelace has no transition plan yet');
    expect(screen.queryByTestId('audit-plan-add')).toBeNull();
  });

  it('shows a refusal', async () => {
    vi.mocked(api.planAddAuditActions).mockRejectedValue({ kind: 'not_found', message: 'no transition plan with id 2' });
    render(AuditToPlan, { audit: core.auditLater() });
    await fireEvent.click(await screen.findByTestId('audit-plan-add'));
    await waitFor(() => expect(screen.getByTestId('error-alert').getAttribute('data-kind')).toBe('not_found'));
    expect(screen.queryByTestId('audit-plan-result')).toBeNull();
  });
});
