import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { OrgNode } from '../../lib/bindings/OrgNode';
import { person } from '../../test/fixtures';
import { impactPreview, plan } from '../../test/planFixtures';
import { assessment, profiles } from '../../test/skillsFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    profileList: vi.fn(),
    personGet: vi.fn(),
    assessmentList: vi.fn(),
    orgChildren: vi.fn(),
    orgSearch: vi.fn(),
    reorgPreview: vi.fn(),
    planCreate: vi.fn(),
    workspaceInfo: vi.fn(),
    today: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./transitionState');
const skills = await import('../skills/skillsState');
const { default: TransitionWizard } = await import('./TransitionWizard.svelte');

const node = (id: number, name: string, over: Partial<OrgNode> = {}): OrgNode => ({ id, name, title: 'Engineer', kind: 'human', children: 0, span: 0, descendants: 0, disambiguation: null, ...over });
const PEOPLE: OrgNode[] = [
  node(4, 'Ada Lovelace', { title: 'Engineering Manager', children: 4, span: 3, descendants: 4, disambiguation: null }),
  node(8, 'Linus Torvalds'),
  node(9, 'Grace Hopper', { title: 'Director' }),
  node(11, 'Alan Turing', { title: 'Engineering Manager' }),
  node(5, 'Bo Reports'),
];
/** The shell's today. */
const TODAY = '2026-07-14';
const REPORTS = [node(5, 'Bo Reports'), node(6, 'Cy Reports'), node(50, 'Review Agent', { kind: 'agent' }), node(7, 'Di Reports')];

async function pick(testid: string, query: string, id: number) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value: query } });
  const options = await screen.findAllByTestId(`${testid}-result`);
  await fireEvent.click(options.find((o) => o.getAttribute('data-person-id') === String(id))!);
}

const next = () => fireEvent.click(screen.getByTestId('wizard-next'));
const step = () => screen.getByTestId('transition-wizard').getAttribute('data-step');
const valueIn = (side: string, key: string) =>
  within(screen.getByTestId(side)).getByTestId(`impact-${key}`).querySelector('[data-value]')!.getAttribute('data-value');

beforeEach(() => {
  state.resetTransitionState();
  state.wizardOpen.set(true);
  skills.resetSkillsState();
  stores.toasts.set([]);
  stores.screen.set('transition');
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.profileList).mockReset().mockResolvedValue(profiles());
  vi.mocked(api.personGet).mockReset().mockImplementation(async (id) =>
    id === 4
      ? person({ id: 4, name: 'Ada Lovelace', title: 'Engineering Manager', role_track: 'manager', direct_reports: 3, agents_supervised: 1, manager_id: 9, manager_name: 'Grace Hopper' })
      : person({ id, name: PEOPLE.find((p) => p.id === id)?.name ?? 'Someone', direct_reports: 0 }),
  );
  vi.mocked(api.assessmentList).mockReset().mockResolvedValue([assessment({ assessor_role: 'self' })]);
  // Two pages, to prove every report is fetched.
  vi.mocked(api.orgChildren).mockReset().mockImplementation(async (_parent, offset) => ({ total: REPORTS.length, offset, nodes: REPORTS.slice(offset, offset + 2) }));
  vi.mocked(api.orgSearch).mockReset().mockImplementation(async (q) => PEOPLE.filter((p) => p.name.toLowerCase().includes(q.toLowerCase())));
  vi.mocked(api.reorgPreview).mockReset().mockResolvedValue(impactPreview());
  vi.mocked(api.planCreate).mockReset().mockResolvedValue(plan({ id: 77 }));
  vi.mocked(api.today).mockReset().mockResolvedValue(TODAY);
});

describe('TransitionWizard', () => {
  it('goes straight to confirm for someone without reports and creates the plan', async () => {
    vi.mocked(api.planCreate).mockResolvedValue(plan({ id: 78, person_id: 8, person_name: 'Linus Torvalds' }));
    render(TransitionWizard);
    await waitFor(() => expect((screen.getByTestId('wizard-profile') as HTMLSelectElement).value).toBe('22'));
    expect(api.profileList).toHaveBeenCalledWith('ai-native-ic-leader');
    expect([...(screen.getByTestId('wizard-profile') as HTMLSelectElement).options].map((o) => o.text)).toContain('Engineering manager');
    await waitFor(() => expect((screen.getByTestId('wizard-start-date') as HTMLInputElement).value).toBe(TODAY));
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    await pick('wizard-person-search', 'linus', 8);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getAllByTestId('wizard-step').map((s) => s.getAttribute('data-step'))).toEqual(['person', 'confirm']);
    await fireEvent.input(screen.getByTestId('wizard-start-date'), { target: { value: '2026-09-01' } });
    await next();
    expect(step()).toBe('confirm');
    expect(api.reorgPreview).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('wizard-create'));
    expect(api.planCreate).toHaveBeenCalledWith({ person_id: 8, profile_id: 22, start_date: '2026-09-01', moves: [], direction: null, reports_stay: false });
    await waitFor(() => expect(get(state.wizardOpen)).toBe(false));
    expect(get(state.transitionPlanId)).toBe(78);
    expect(get(state.transitionPerson)).toEqual({ id: 8, name: 'Linus Torvalds' });
    expect(get(stores.toasts).map((t) => t.testid)).toContain('plan-created-toast');
  });

  it('moves all reports to the person\'s manager by default and shows the org before and after', async () => {
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', 4);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getAllByTestId('wizard-step').map((s) => s.getAttribute('data-step'))).toEqual(['person', 'reports', 'confirm']);
    await next();
    expect(step()).toBe('reports');
    expect(api.orgChildren).toHaveBeenCalledWith(4, 0, api.ORG_CHILDREN_MAX);
    expect(api.orgChildren).toHaveBeenCalledWith(4, 2, api.ORG_CHILDREN_MAX);
    expect((screen.getByTestId('wizard-reports-all') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('wizard-reports-manager').getAttribute('data-person-id')).toBe('9');
    await screen.findByTestId('impact-after');
    expect(api.reorgPreview).toHaveBeenLastCalledWith([
      { person_id: 5, to_manager: 9 },
      { person_id: 6, to_manager: 9 },
      { person_id: 7, to_manager: 9 },
    ]);
    expect(valueIn('impact-before', 'ratio')).toBe('4.00');
    expect(valueIn('impact-after', 'ratio')).toBe('4.71');
    expect(valueIn('impact-before', 'managers')).toBe('8');
    expect(valueIn('impact-after', 'managers')).toBe('7');
    expect(valueIn('impact-after', 'ics')).toBe('33');
    expect(valueIn('impact-after', 'layers')).toBe('4');
    expect(valueIn('impact-after', 'span-mean')).toBe('5.57');
    const receiving = screen.getByTestId('impact-receiving');
    expect([receiving.getAttribute('data-person-id'), receiving.getAttribute('data-span-before'), receiving.getAttribute('data-span-after'), receiving.getAttribute('data-becomes-wide')]).toEqual(['9', '13', '15', 'true']);
    const flags = screen.getByTestId('impact-new-flags');
    expect(flags.getAttribute('data-count')).toBe('1');
    expect(flags.textContent).toContain("Grace Hopper's span becomes wide (15 ≥ 15)");

    await pick('wizard-reports-manager-search', 'alan', 11);
    await waitFor(() => expect(api.reorgPreview).toHaveBeenLastCalledWith([5, 6, 7].map((id) => ({ person_id: id, to_manager: 11 }))));
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    expect(step()).toBe('confirm');
    expect(screen.getByTestId('transition-wizard').textContent).toContain('3 people move to Alan Turing');
    await fireEvent.click(screen.getByTestId('wizard-create'));
    expect(api.planCreate).toHaveBeenCalledWith({
      person_id: 4,
      profile_id: 22,
      start_date: TODAY,
      moves: [5, 6, 7].map((id) => ({ person_id: id, to_manager: 11 })),
      direction: null,
      reports_stay: false,
    });
  });

  it('lets each report get their own manager, previewing every change', async () => {
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', 4);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await screen.findByTestId('impact-after');
    await fireEvent.click(screen.getByTestId('wizard-reports-each'));
    const rows = screen.getAllByTestId('wizard-report-row');
    expect(rows.map((r) => r.getAttribute('data-person-id'))).toEqual(['5', '6', '7']);
    const selects = rows.map((r) => within(r).getByTestId('wizard-report-select') as HTMLSelectElement);
    expect(selects.map((s) => s.value)).toEqual(['9', '9', '9']);
    // Bo steps up: add him to the choices, then give him Cy.
    await pick('wizard-candidate-search', 'bo', 5);
    expect([...selects[0].options].map((o) => o.value)).not.toContain('5');
    expect([...selects[1].options].map((o) => o.value)).toContain('5');
    await fireEvent.change(selects[1], { target: { value: '5' } });
    await waitFor(() =>
      expect(api.reorgPreview).toHaveBeenLastCalledWith([
        { person_id: 5, to_manager: 9 },
        { person_id: 6, to_manager: 5 },
        { person_id: 7, to_manager: 9 },
      ]),
    );
    await fireEvent.change(selects[2], { target: { value: '' } });
    expect(screen.getByTestId('wizard-problem').textContent).toBe('Choose a new manager for Di Reports.');
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows why a change cannot be made and does not go on', async () => {
    vi.mocked(api.reorgPreview).mockRejectedValue(new api.ApiError('cycle', 'Bo cannot report to Di: Bo → Di → Bo would become a loop.'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', 4);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    const alert = await screen.findByTestId('wizard-error');
    expect(alert.getAttribute('data-kind')).toBe('cycle');
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('wizard-back'));
    expect(step()).toBe('person');
  });

  it('keeps everyone in place when nobody moves', async () => {
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', 4);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await fireEvent.click(await screen.findByTestId('wizard-reports-keep'));
    await next();
    expect(step()).toBe('confirm');
    await fireEvent.click(screen.getByTestId('wizard-create'));
    // Nobody moves is the explicit choice that lets the host leave the reports with Ada.
    expect(api.planCreate).toHaveBeenCalledWith(expect.objectContaining({ person_id: 4, moves: [], reports_stay: true }));
  });

  it('explains a missing assessment and takes the user to assess the person', async () => {
    vi.mocked(api.assessmentList).mockResolvedValue([assessment({ assessor_role: 'peer' })]);
    vi.mocked(api.planCreate).mockRejectedValue(
      new api.ApiError('invalid_input', 'Linus Torvalds has no assessment on AI-native IC leader yet: do a self or manager assessment first'),
    );
    render(TransitionWizard);
    await pick('wizard-person-search', 'linus', 8);
    expect(await screen.findByTestId('wizard-missing-assessment')).toBeTruthy();
    await fireEvent.change(screen.getByTestId('wizard-profile'), { target: { value: '30' } });
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await fireEvent.click(screen.getByTestId('wizard-create'));
    const alert = await screen.findByTestId('wizard-error');
    expect(alert.getAttribute('data-kind')).toBe('invalid_input');
    expect(alert.textContent).toContain('An assessment is needed first');
    await fireEvent.click(screen.getByTestId('wizard-assess'));
    expect(get(stores.screen)).toBe('skills');
    expect(get(skills.skillsView)).toBe('person');
    expect(get(skills.personTab)).toBe('assess');
    expect(get(skills.skillsPerson)).toEqual({ id: 8, name: 'Linus Torvalds' });
    expect(get(skills.skillsFrameworkKey)).toBe('ai-native-ic-leader');
    expect(get(state.wizardDraft)).toEqual({ person: { id: 8, name: 'Linus Torvalds' }, profileId: 30, startDate: TODAY });
  });

  it('asks the assessment list, not the message, whether a refusal is about a missing assessment', async () => {
    vi.mocked(api.planCreate).mockRejectedValue(new api.ApiError('invalid_input', 'no assessment yet'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'linus', 8);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    expect(screen.queryByTestId('wizard-missing-assessment')).toBeNull();
    // Assessed when the wizard looked, but the assessment was deleted since.
    vi.mocked(api.assessmentList).mockResolvedValue([]);
    await fireEvent.click(screen.getByTestId('wizard-create'));
    expect(await screen.findByTestId('wizard-missing-assessment')).toBeTruthy();
  });

  it('shows other refusals as they are', async () => {
    vi.mocked(api.planCreate).mockRejectedValue(new api.ApiError('invalid_input', '"2026-02-30" is not a date'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'linus', 8);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await fireEvent.click(screen.getByTestId('wizard-create'));
    const alert = await screen.findByTestId('wizard-error');
    expect(alert.textContent).toContain('"2026-02-30" is not a date');
    expect(alert.textContent).not.toContain('An assessment is needed first');
    expect(screen.queryByTestId('wizard-missing-assessment')).toBeNull();
    expect(get(state.wizardOpen)).toBe(true);
  });

  it('comes back to what was chosen after assessing', async () => {
    state.wizardDraft.set({ person: { id: 8, name: 'Linus Torvalds' }, profileId: 21, startDate: '2026-10-01' });
    render(TransitionWizard);
    await waitFor(() => expect(screen.getByTestId('wizard-person').getAttribute('data-person-id')).toBe('8'));
    await waitFor(() => expect((screen.getByTestId('wizard-profile') as HTMLSelectElement).value).toBe('21'));
    expect((screen.getByTestId('wizard-start-date') as HTMLInputElement).value).toBe('2026-10-01');
    expect(screen.queryByTestId('wizard-missing-assessment')).toBeNull();
    expect(api.today).not.toHaveBeenCalled();
  });

  it("opens a draft without a date (the move back) on the shell's today", async () => {
    state.wizardDraft.set({ person: { id: 8, name: 'Linus Torvalds' }, profileId: 21, startDate: null });
    render(TransitionWizard);
    await waitFor(() => expect((screen.getByTestId('wizard-start-date') as HTMLInputElement).value).toBe(TODAY));
  });

  it('asks for a date, and leaves judging it to the core', async () => {
    vi.mocked(api.planCreate).mockRejectedValue(new api.ApiError('invalid_input', '"1850-01-01" is not a date between the years 1900 and 2999'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'linus', 8);
    const date = screen.getByTestId('wizard-start-date') as HTMLInputElement;
    await waitFor(() => expect(date.value).toBe(TODAY));
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.input(date, { target: { value: '' } });
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('transition-wizard').textContent).toContain('Enter a date.');
    await fireEvent.input(date, { target: { value: '1850-01-01' } });
    expect(date.getAttribute('aria-invalid')).toBe('false');
    await next();
    await fireEvent.click(screen.getByTestId('wizard-create'));
    expect(api.planCreate).toHaveBeenCalledWith(expect.objectContaining({ start_date: '1850-01-01' }));
    expect((await screen.findByTestId('wizard-error')).textContent).toContain('"1850-01-01" is not a date between the years 1900 and 2999');
  });

  describe('back to managing', () => {
    async function chooseManagerRoleFor(query: string, id: number) {
      render(TransitionWizard);
      await waitFor(() => expect((screen.getByTestId('wizard-profile') as HTMLSelectElement).value).toBe('22'));
      expect(screen.getByTestId('wizard-direction').getAttribute('data-direction')).toBe('to_ic');
      await pick('wizard-person-search', query, id);
      await fireEvent.change(screen.getByTestId('wizard-profile'), { target: { value: '21' } });
      await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    }

    it('asks who will report to them, previews the org with them, and sends the moves under the person', async () => {
      vi.mocked(api.planCreate).mockResolvedValue(plan({ id: 79, person_id: 8, person_name: 'Linus Torvalds', direction: 'to_manager' }));
      await chooseManagerRoleFor('linus', 8);
      const lead = screen.getByTestId('wizard-direction');
      expect(lead.getAttribute('data-direction')).toBe('to_manager');
      expect(lead.textContent).toContain('Moving back into managing is a change of job too — not a promotion');
      // Linus has no reports, but the step exists: it asks who will report to him.
      const steps = screen.getAllByTestId('wizard-step');
      expect(steps.map((s) => s.getAttribute('data-step'))).toEqual(['person', 'reports', 'confirm']);
      expect(steps[1].textContent).toBe('2Who reports to them');
      await next();
      expect(step()).toBe('reports');
      expect(screen.getByTestId('wizard-new-reports-empty')).toBeTruthy();
      expect(screen.queryByTestId('wizard-reports-all')).toBeNull();

      // The person is never offered as their own report.
      await fireEvent.input(screen.getByTestId('wizard-new-report-search'), { target: { value: 'o' } });
      const offered = await screen.findAllByTestId('wizard-new-report-search-result');
      expect(offered.map((o) => o.getAttribute('data-person-id'))).toEqual(['4', '9', '5']);

      await pick('wizard-new-report-search', 'bo', 5);
      await pick('wizard-new-report-search', 'alan', 11);
      expect(screen.getAllByTestId('wizard-new-report').map((r) => r.getAttribute('data-person-id'))).toEqual(['5', '11']);
      await waitFor(() =>
        expect(api.reorgPreview).toHaveBeenLastCalledWith([
          { person_id: 5, to_manager: 8 },
          { person_id: 11, to_manager: 8 },
        ]),
      );
      await screen.findByTestId('impact-after');
      expect(valueIn('impact-after', 'managers')).toBe('7');

      const alan = screen.getAllByTestId('wizard-new-report').find((r) => r.getAttribute('data-person-id') === '11')!;
      await fireEvent.click(within(alan).getByTestId('wizard-new-report-remove'));
      await waitFor(() => expect(api.reorgPreview).toHaveBeenLastCalledWith([{ person_id: 5, to_manager: 8 }]));
      await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
      await next();
      expect(step()).toBe('confirm');
      const summary = screen.getByTestId('wizard-new-reports-summary');
      expect(summary.getAttribute('data-count')).toBe('1');
      expect(summary.textContent).toContain('1 person comes to report to Linus Torvalds:');
      expect(summary.textContent).toContain('Bo Reports');
      await fireEvent.click(screen.getByTestId('wizard-create'));
      expect(api.planCreate).toHaveBeenCalledWith({ person_id: 8, profile_id: 21, start_date: TODAY, moves: [{ person_id: 5, to_manager: 8 }], direction: null, reports_stay: false });
      await waitFor(() => expect(get(state.transitionPlanId)).toBe(79));
    });

    it('lets nobody move yet, without a preview', async () => {
      await chooseManagerRoleFor('linus', 8);
      await next();
      expect(step()).toBe('reports');
      expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false);
      await next();
      expect(step()).toBe('confirm');
      expect(screen.queryByTestId('wizard-new-reports-summary')).toBeNull();
      await fireEvent.click(screen.getByTestId('wizard-create'));
      expect(api.reorgPreview).not.toHaveBeenCalled();
      expect(api.planCreate).toHaveBeenCalledWith({ person_id: 8, profile_id: 21, start_date: TODAY, moves: [], direction: null, reports_stay: false });
    });

    it('keeps a manager\'s own reports and does not offer them again', async () => {
      await chooseManagerRoleFor('ada', 4);
      await next();
      expect(step()).toBe('reports');
      await waitFor(() => expect(screen.getByTestId('transition-wizard').textContent).toContain('The 3 people who report to Ada Lovelace now stay.'));
      // Not Ada herself, and not Bo, who reports to her already.
      await fireEvent.input(screen.getByTestId('wizard-new-report-search'), { target: { value: 'o' } });
      const offered = await screen.findAllByTestId('wizard-new-report-search-result');
      expect(offered.map((o) => o.getAttribute('data-person-id'))).toEqual(['8', '9']);
    });

    it('shows why a move under the person cannot be made and does not go on', async () => {
      vi.mocked(api.reorgPreview).mockRejectedValue(new api.ApiError('cycle', 'Grace Hopper cannot report to Linus Torvalds: that would be a loop.'));
      await chooseManagerRoleFor('linus', 8);
      await next();
      await pick('wizard-new-report-search', 'grace', 9);
      const alert = await screen.findByTestId('wizard-error');
      expect(alert.getAttribute('data-kind')).toBe('cycle');
      expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    });
  });
});
