import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { laterAudit, plan } from './auditFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, planList: vi.fn(), planAddAuditActions: vi.fn(), orgSearch: vi.fn(), workspaceInfo: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: AuditToPlan } = await import('./AuditToPlan.svelte');

const teamAudit = () => laterAudit({ id: 20, scope: { kind: 'team', id: 3 }, scope_name: 'team Platform' });

beforeEach(() => {
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.planList)
    .mockReset()
    .mockImplementation(async (personId) =>
      personId === 4
        ? [plan({ id: 7 }), plan({ id: 3, profile_name: 'Tech lead', start_date: '2026-01-05' })]
        : [plan({ id: 15, person_id: 9, person_name: 'Grace Hopper' }), plan({ id: 14, person_id: 9, person_name: 'Grace Hopper', profile_name: 'Staff engineer' })],
    );
  vi.mocked(api.planAddAuditActions).mockReset().mockResolvedValue({ plan: plan(), added: 2, already_there: 1 });
  vi.mocked(api.orgSearch)
    .mockReset()
    .mockResolvedValue([{ id: 9, name: 'Grace Hopper', title: 'Staff engineer', kind: 'human', children: 0, span: 0, descendants: 0, disambiguation: null }]);
});

describe('AuditToPlan', () => {
  it("adds a person's worst bottlenecks to their newest plan by default", async () => {
    render(AuditToPlan, { audit: laterAudit() });
    const select = (await screen.findByTestId('audit-plan-select')) as HTMLSelectElement;
    expect(api.planList).toHaveBeenCalledWith(4);
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      ['7', 'IC leader, from 2026-08-03'],
      ['3', 'Tech lead, from 2026-01-05'],
    ]);
    expect(select.value).toBe('7');
    expect(screen.queryByTestId('audit-plan-person-search')).toBeNull();
    expect(screen.getByTestId('audit-plan-add').textContent).toContain('Add the 3 worst bottlenecks');
    const rev = get(stores.revision);
    await fireEvent.click(screen.getByTestId('audit-plan-add'));
    expect(api.planAddAuditActions).toHaveBeenCalledWith(7, 12);
    const result = await screen.findByTestId('audit-plan-result');
    expect(result.textContent?.trim()).toBe('Added 2 items to the plan (1 was already there).');
    expect([result.getAttribute('data-added'), result.getAttribute('data-already'), result.getAttribute('data-plan-id')]).toEqual(['2', '1', '7']);
    expect(get(stores.revision)).toBe(rev + 1);
  });

  it('for a team, asks whose plan first', async () => {
    render(AuditToPlan, { audit: teamAudit() });
    expect(api.planList).not.toHaveBeenCalled();
    expect(screen.queryByTestId('audit-plan-select')).toBeNull();
    await fireEvent.input(screen.getByTestId('audit-plan-person-search'), { target: { value: 'grace' } });
    await fireEvent.click(await screen.findByTestId('audit-plan-person-search-result'));
    expect(screen.getByTestId('audit-plan-person').getAttribute('data-person-id')).toBe('9');
    const select = (await screen.findByTestId('audit-plan-select')) as HTMLSelectElement;
    expect(api.planList).toHaveBeenCalledWith(9);
    await fireEvent.change(select, { target: { value: '14' } });
    await fireEvent.click(screen.getByTestId('audit-plan-add'));
    expect(api.planAddAuditActions).toHaveBeenCalledWith(14, 20);
    await screen.findByTestId('audit-plan-result');
  });

  it('says when the person has no plan yet', async () => {
    vi.mocked(api.planList).mockResolvedValue([]);
    render(AuditToPlan, { audit: laterAudit() });
    expect((await screen.findByTestId('audit-plan-none')).textContent).toContain('Ada Lovelace has no transition plan yet');
    expect(screen.queryByTestId('audit-plan-add')).toBeNull();
  });

  it('shows a refusal', async () => {
    vi.mocked(api.planAddAuditActions).mockRejectedValue({ kind: 'not_found', message: 'no plan with id 7' });
    render(AuditToPlan, { audit: laterAudit() });
    await fireEvent.click(await screen.findByTestId('audit-plan-add'));
    await waitFor(() => expect(screen.getByTestId('error-alert').getAttribute('data-kind')).toBe('not_found'));
    expect(screen.queryByTestId('audit-plan-result')).toBeNull();
  });
});
