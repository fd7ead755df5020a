import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { PersonOverview } from '../../lib/bindings/PersonOverview';
import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, personOverview: vi.fn(), orgSearch: vi.fn(), workspaceInfo: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const skills = await import('../skills/skillsState');
const transition = await import('../transition/transitionState');
const audit = await import('../audit/auditState');
const { default: PersonPage } = await import('./PersonPage.svelte');

// As the core reads them on 2026-09-10 (ui_fixtures/seed.rs): Ada under
// Grace after her IC-leader plan moved her four people to Grace; Bo, moved
// by it and never planned for; Grace with eight people and no assessment.
const overviews = [core.personOverviewAda(), core.personOverviewBo(), core.personOverviewGrace(), core.personOverviewReviewBot()];
const ada = core.personOverviewAda().person;
const grace = core.personOverviewGrace().person;
const bo = core.personOverviewBo().person;

function answer(list: PersonOverview[]) {
  vi.mocked(api.personOverview).mockImplementation(async (id) => {
    const found = list.find((o) => o.person.id === id);
    if (!found) throw new api.ApiError('not_found', `no person with id ${id}`);
    return found;
  });
}

beforeEach(() => {
  stores.workspace.set({ path: '/w.leadline', file_name: 'w.leadline', people: 12, teams: 3 });
  stores.selectedPerson.set(null);
  stores.screen.set('person');
  skills.resetSkillsState();
  transition.resetTransitionState();
  audit.resetAuditState();
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
  vi.mocked(api.personOverview).mockReset();
  answer(overviews);
});

async function pageOf(person: { id: number; name: string }) {
  stores.selectedPerson.set({ id: person.id, name: person.name });
  render(PersonPage);
  const page = await screen.findByTestId('person-page');
  expect(page.getAttribute('data-person-id')).toBe(String(person.id));
  return page;
}

describe('PersonPage', () => {
  it('asks who to show when nobody is selected, and a search result opens that person', async () => {
    render(PersonPage);
    expect(screen.getByTestId('person-page-empty')).toBeTruthy();
    expect(api.personOverview).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId('person-page-search'), { target: { value: 'ada' } });
    await fireEvent.click(await screen.findByTestId('person-page-search-result'));
    expect(get(stores.selectedPerson)).toEqual({ id: ada.id, name: 'Ada Lovelace' });
    await screen.findByTestId('person-page');
    expect(api.personOverview).toHaveBeenCalledWith(ada.id);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ada Lovelace');
  });

  it('shows Ada: her manager, her agent, her gaps, plans, audits and history', async () => {
    await pageOf(ada);
    const line = screen.getByTestId('person-line');
    expect(within(line).getByTestId('person-manager').textContent).toBe('Grace Hopper');
    expect(within(line).getByTestId('person-report-none').textContent).toContain('Nobody reports to Ada Lovelace');
    expect(within(line).getAllByTestId('person-agent').map((r) => r.textContent)).toEqual([expect.stringContaining('Review bot')]);

    // Against her plan's IC-leader targets, from Grace's rating of 2026-07-20.
    const skillsCard = screen.getByTestId('person-skills');
    expect(within(skillsCard).getByTestId('person-target').getAttribute('data-source')).toBe('plan');
    expect(within(skillsCard).getByTestId('person-radar').getAttribute('data-axes')).toBe('14');
    const gaps = within(skillsCard).getAllByTestId('person-gap');
    expect(gaps.map((g) => [g.getAttribute('data-skill-key'), g.getAttribute('data-gap')])).toEqual([
      ['delegating-work', '2'],
      ['coaching', '2'],
      ['decomposing-work', '1'],
    ]);
    expect(within(skillsCard).getAllByTestId('person-assessment').map((a) => a.getAttribute('data-role'))).toEqual(['manager', 'self']);

    // The newest plan first: one of sixteen done, eight overdue on 2026-09-10.
    const plans = screen.getAllByTestId('person-plan');
    expect(plans.map((p) => p.textContent)).toEqual([expect.stringContaining('IC leader'), expect.stringContaining('Tech lead')]);
    const progress = within(plans[0]).getByTestId('person-plan-progress');
    expect([progress.getAttribute('data-done'), progress.getAttribute('data-total')]).toEqual(['1', '16']);
    expect(within(plans[0]).getByTestId('person-plan-overdue').getAttribute('data-value')).toBe('8');
    expect(within(plans[0]).getAllByTestId('person-plan-due')).toHaveLength(4);
    expect(plans[0].textContent).toContain('and 4 more on the plan page');

    expect(screen.getAllByTestId('person-audit')).toHaveLength(2);
    const owned = screen.getAllByTestId('person-owned-stage');
    expect(owned.map((s) => s.getAttribute('data-stage'))).toEqual(['strategy']);
    const history = screen.getAllByTestId('person-history-event');
    expect(history.map((e) => e.getAttribute('data-kind'))).toEqual(['plan_started', 'plan_started']);
  });

  it('renders names as text, never as markup', async () => {
    const odd = core.personOverviewAda();
    odd.person.name = '<img src=x onerror="alert(1)">';
    odd.chain[0].name = '<b>Grace</b>';
    answer([odd]);
    const page = await pageOf(odd.person);
    expect(page.querySelector('img, b')).toBeNull();
    expect(screen.getByTestId('person-manager').textContent).toBe('<b>Grace</b>');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it('a name on the page opens that person: Grace, with eight people and nothing assessed', async () => {
    await pageOf(ada);
    await fireEvent.click(screen.getByTestId('person-manager'));
    expect(get(stores.selectedPerson)).toEqual({ id: grace.id, name: 'Grace Hopper' });
    await waitFor(() => expect(screen.getByTestId('person-page').getAttribute('data-person-id')).toBe(String(grace.id)));
    const reports = screen.getAllByTestId('person-report');
    expect(reports).toHaveLength(8);
    // The two Alexanders are told apart by their titles, which the rows show anyway.
    expect(reports.map((r) => r.getAttribute('data-person-id'))).toContain(String(ada.id));
    expect(screen.getByTestId('person-top').textContent).toContain('top of the org');
    expect(screen.getByTestId('person-skills-empty')).toBeTruthy();
    expect(screen.getByTestId('person-plans-empty')).toBeTruthy();
    expect(screen.getByTestId('person-audits-empty')).toBeTruthy();
    expect(screen.getByTestId('person-history-empty')).toBeTruthy();

    // Nothing assessed: "Assess skills" goes to Skills with Grace chosen.
    await fireEvent.click(screen.getByTestId('person-assess'));
    expect(get(stores.screen)).toBe('skills');
    expect(get(skills.skillsView)).toBe('person');
    expect(get(skills.personTab)).toBe('assess');
    expect(get(skills.skillsPerson)?.id).toBe(grace.id);
  });

  it('without a plan, "Start a transition" opens the wizard with the person chosen', async () => {
    await pageOf(bo);
    expect(screen.getByTestId('person-target').getAttribute('data-source')).toBe('default');
    const moved = screen.getAllByTestId('person-history-event');
    expect(moved[0].getAttribute('data-kind')).toBe('manager_changed');
    expect(moved[0].textContent).toContain('Ada Lovelace');
    expect(moved[0].textContent).toContain('Grace Hopper');
    await fireEvent.click(screen.getByTestId('person-start-transition'));
    expect(get(stores.screen)).toBe('transition');
    expect(get(transition.wizardOpen)).toBe(true);
    expect(get(transition.transitionPerson)?.id).toBe(bo.id);
  });

  it('leads on to the gaps in Skills, the plan page and the audits, on what the page shows', async () => {
    const o = core.personOverviewAda();
    await pageOf(ada);
    await fireEvent.click(screen.getByTestId('person-see-gaps'));
    expect(get(stores.screen)).toBe('skills');
    expect(get(skills.personTab)).toBe('gaps');
    expect(get(skills.skillsFrameworkKey)).toBe(o.skills.framework_key);
    expect(get(skills.gapsProfileId)).toBe(o.skills.gaps?.profile.id);

    stores.screen.set('person');
    await fireEvent.click(within(screen.getAllByTestId('person-plan')[1]).getByTestId('person-plan-open'));
    expect(get(stores.screen)).toBe('transition');
    expect(get(transition.transitionPlanId)).toBe(o.plans[1].id);
    expect(get(transition.transitionPerson)?.id).toBe(ada.id);

    stores.screen.set('person');
    await fireEvent.click(within(screen.getAllByTestId('person-audit')[1]).getByTestId('person-audit-open'));
    expect(get(stores.screen)).toBe('audit');
    expect(get(audit.auditShown)).toBe(o.audits[1].id);
    expect(get(audit.auditChoice)).toMatchObject({ kind: 'person', person: { id: ada.id } });
  });

  it("an agent's page opens the audit of the work whose stage it owns, without changing who is selected", async () => {
    const bot = core.personOverviewReviewBot();
    await pageOf(bot.person);
    expect(screen.queryByTestId('person-agent')).toBeNull();
    await fireEvent.click(screen.getByTestId('person-owned-open'));
    expect(get(stores.screen)).toBe('audit');
    expect(get(audit.auditShown)).toBe(bot.owned_stages[0].audit_id);
    expect(get(audit.auditChoice).person?.id).toBe(ada.id);
    expect(get(stores.selectedPerson)?.id).toBe(bot.person.id);
  });

  it('says so when the person is no longer in the workspace', async () => {
    stores.selectedPerson.set({ id: 999, name: 'Zed' });
    render(PersonPage);
    expect((await screen.findByTestId('person-page-gone')).textContent).toContain('Zed is no longer in this workspace');
    expect(screen.getByTestId('error-alert').getAttribute('data-kind')).toBe('not_found');
  });
});

describe('the selected person', () => {
  it('follows the user: chosen in Skills, it is the person of Transition and of the SDLC audit', () => {
    skills.skillsPerson.set({ id: bo.id, name: 'Bo Chen' });
    expect(get(transition.transitionPerson)?.id).toBe(bo.id);
    expect(get(audit.auditChoice)).toMatchObject({ kind: 'person', person: { id: bo.id } });
    expect(get(stores.selectedPerson)?.id).toBe(bo.id);
  });

  it('puts the plan shown away when another person is chosen', () => {
    transition.showPlan({ id: ada.id, name: 'Ada Lovelace' }, 2);
    expect(get(transition.transitionPlanId)).toBe(2);
    stores.openPersonPage({ id: bo.id, name: 'Bo Chen' });
    expect(get(transition.transitionPlanId)).toBeNull();
    expect(get(stores.screen)).toBe('person');
  });
});
