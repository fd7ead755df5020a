import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

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
    planPreview: vi.fn(),
    workspaceInfo: vi.fn(),
    today: vi.fn(),
    placementCandidates: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./transitionState');
const skills = await import('../skills/skillsState');
const { default: TransitionWizard } = await import('./TransitionWizard.svelte');

// The sample org (src-tauri/core/tests/ui_fixtures/seed.rs): Grace directs Ada
// (four people and a review agent), Alan (Linus and an agent), Katherine (an
// IC leader, no reports) and a Staff Engineer Alexander.
const everyone = [core.orgRoots(), core.orgChildrenGrace(), core.orgChildrenAda(), core.orgChildrenAlan()].flatMap((page) => page.nodes);
const who = (name: string) => everyone.find((n) => n.name === name)!;
const [ada, alan, katherine, grace, linus, bo] = ['Ada Lovelace', 'Alan Turing', 'Katherine Johnson', 'Grace Hopper', 'Linus Torvalds', 'Bo Chen'].map(who);
const alexanderStaff = core.orgChildrenGrace().nodes.find((n) => n.name === 'Alexander')!;
const adaReports = core.orgChildrenAda().nodes;
const adaPeople = adaReports.filter((n) => n.kind === 'human');
const profile = (key: string) => core.profileList().find((p) => p.key === key)!;
const icLeader = profile('ic-leader');
const manager = profile('engineering-manager');
/** The shell's today. */
const TODAY = '2026-07-14';

/** Types `query` and picks the result `id` once the search has found them. */
async function pick(testid: string, query: string, id: number) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value: query } });
  const option = await waitFor(() => {
    const found = screen.getAllByTestId(`${testid}-result`).find((o) => o.getAttribute('data-person-id') === String(id));
    if (!found) throw new Error(`no result ${id} for "${query}" yet`);
    return found;
  });
  await fireEvent.click(option);
}

const next = () => fireEvent.click(screen.getByTestId('wizard-next'));
const step = () => screen.getByTestId('transition-wizard').getAttribute('data-step');
const valueIn = (side: string, key: string) =>
  within(screen.getByTestId(side)).getByTestId(`impact-${key}`).querySelector('[data-value]')!.getAttribute('data-value');

/** Presses Create plan once the plan's preview has made it possible. */
async function create() {
  const button = screen.getByTestId('wizard-create') as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  await fireEvent.click(button);
}

beforeEach(() => {
  state.resetTransitionState();
  state.wizardOpen.set(true);
  skills.resetSkillsState();
  stores.toasts.set([]);
  stores.screen.set('transition');
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.profileList).mockReset().mockResolvedValue(core.profileList());
  vi.mocked(api.personGet)
    .mockReset()
    .mockImplementation(async (id) => {
      const found = [core.personAda(), core.personLinus(), core.personKatherine()].find((p) => p.id === id);
      if (!found) throw new api.ApiError('not_found', `no person with id ${id} in this test`);
      return found;
    });
  // Linus was never assessed.
  vi.mocked(api.assessmentList)
    .mockReset()
    .mockImplementation(async (id) => (id === ada.id ? core.assessmentListAda() : id === katherine.id ? core.assessmentListKatherine() : []));
  // Two pages, to prove every report is fetched.
  vi.mocked(api.orgChildren).mockReset().mockImplementation(async (_parent, offset) => ({ total: adaReports.length, offset, nodes: adaReports.slice(offset, offset + 2) }));
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
  vi.mocked(api.reorgPreview).mockReset().mockResolvedValue(core.reorgPreviewAdaToIc());
  vi.mocked(api.planCreate).mockReset().mockResolvedValue(core.plan());
  vi.mocked(api.today).mockReset().mockResolvedValue(TODAY);
  vi.mocked(api.placementCandidates).mockReset().mockResolvedValue(core.placementCandidatesAda());
  // A plan that fits unless a test says otherwise.
  vi.mocked(api.planPreview).mockReset().mockResolvedValue(core.planPreviewAdaTechLead());
});

describe('TransitionWizard', () => {
  it('goes straight to confirm for someone without reports and creates the plan', async () => {
    const made = core.planKatherineToIc();
    vi.mocked(api.planCreate).mockResolvedValue(made);
    render(TransitionWizard);
    await waitFor(() => expect((screen.getByTestId('wizard-profile') as HTMLSelectElement).value).toBe(String(icLeader.id)));
    expect(api.profileList).toHaveBeenCalledWith('ai-native-ic-leader');
    expect([...(screen.getByTestId('wizard-profile') as HTMLSelectElement).options].map((o) => o.text)).toContain('Engineering manager');
    await waitFor(() => expect((screen.getByTestId('wizard-start-date') as HTMLInputElement).value).toBe(TODAY));
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    await pick('wizard-person-search', 'kath', katherine.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getAllByTestId('wizard-step').map((s) => s.getAttribute('data-step'))).toEqual(['person', 'confirm']);
    await fireEvent.input(screen.getByTestId('wizard-start-date'), { target: { value: '2026-09-14' } });
    await next();
    expect(step()).toBe('confirm');
    expect(api.reorgPreview).not.toHaveBeenCalled();
    await create();
    expect(api.planCreate).toHaveBeenCalledWith({ person_id: katherine.id, profile_id: icLeader.id, start_date: '2026-09-14', moves: [], direction: null, reports_stay: false, pace: null });
    await waitFor(() => expect(get(state.wizardOpen)).toBe(false));
    expect(get(state.transitionPlanId)).toBe(made.id);
    expect(get(state.transitionPerson)).toEqual({ id: katherine.id, name: 'Katherine Johnson' });
    expect(get(stores.toasts).map((t) => t.testid)).toContain('plan-created-toast');
  });

  it('moves all reports to the person\'s manager by default and shows the org before and after', async () => {
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', ada.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getAllByTestId('wizard-step').map((s) => s.getAttribute('data-step'))).toEqual(['person', 'reports', 'confirm']);
    await next();
    expect(step()).toBe('reports');
    expect(api.orgChildren).toHaveBeenCalledWith(ada.id, 0, api.ORG_CHILDREN_MAX);
    expect(api.orgChildren).toHaveBeenCalledWith(ada.id, 2, api.ORG_CHILDREN_MAX);
    expect((screen.getByTestId('wizard-reports-all') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('wizard-reports-manager').getAttribute('data-person-id')).toBe(String(grace.id));
    await screen.findByTestId('impact-after');
    // Her people move; the review agent may stay with her.
    expect(api.reorgPreview).toHaveBeenLastCalledWith(adaPeople.map((p) => ({ person_id: p.id, to_manager: grace.id })));
    // The host's preview, before and after: 7 ICs to 3 managers become 8 to 2; Grace has 8.
    const sides = (key: string) => [valueIn('impact-before', key), valueIn('impact-after', key)];
    expect(['ratio', 'managers', 'ics', 'layers', 'span-mean'].map(sides)).toEqual([
      ['2.33', '4.00'],
      ['3', '2'],
      ['7', '8'],
      ['3', '3'],
      ['3.00', '4.50'],
    ]);
    const receiving = screen.getByTestId('impact-receiving');
    expect([receiving.getAttribute('data-person-id'), receiving.getAttribute('data-span-before'), receiving.getAttribute('data-span-after'), receiving.getAttribute('data-becomes-wide')]).toEqual([String(grace.id), '4', '8', 'true']);
    const flags = screen.getByTestId('impact-new-flags');
    expect(flags.getAttribute('data-count')).toBe('1');
    expect(flags.textContent).toContain("Grace Hopper's span becomes wide (8 ≥ 8)");

    await pick('wizard-reports-manager-search', 'alan', alan.id);
    await waitFor(() => expect(api.reorgPreview).toHaveBeenLastCalledWith(adaPeople.map((p) => ({ person_id: p.id, to_manager: alan.id }))));
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    expect(step()).toBe('confirm');
    expect(screen.getByTestId('transition-wizard').textContent).toContain('4 people move to Alan Turing');
    await create();
    expect(api.planCreate).toHaveBeenCalledWith({
      person_id: ada.id,
      profile_id: icLeader.id,
      start_date: TODAY,
      moves: adaPeople.map((p) => ({ person_id: p.id, to_manager: alan.id })),
      direction: null,
      reports_stay: false,
      pace: null,
    });
  });

  it('lets each report get their own manager, previewing every change', async () => {
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', ada.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await screen.findByTestId('impact-after');
    await fireEvent.click(screen.getByTestId('wizard-reports-each'));
    const rows = screen.getAllByTestId('wizard-report-row');
    expect(rows.map((r) => r.getAttribute('data-person-id'))).toEqual(adaPeople.map((p) => String(p.id)));
    const selects = rows.map((r) => within(r).getByTestId('wizard-report-select') as HTMLSelectElement);
    expect(selects.map((s) => s.value)).toEqual(adaPeople.map(() => String(grace.id)));
    // Bo steps up: add him to the choices, then give him Cy.
    await pick('wizard-candidate-search', 'bo', bo.id);
    expect([...selects[0].options].map((o) => o.value)).not.toContain(String(bo.id));
    expect([...selects[1].options].map((o) => o.value)).toContain(String(bo.id));
    await fireEvent.change(selects[1], { target: { value: String(bo.id) } });
    await waitFor(() =>
      expect(api.reorgPreview).toHaveBeenLastCalledWith(
        adaPeople.map((p, i) => ({ person_id: p.id, to_manager: i === 1 ? bo.id : grace.id })),
      ),
    );
    await fireEvent.change(selects[2], { target: { value: '' } });
    expect(screen.getByTestId('wizard-problem').textContent).toBe('Choose a new manager for Di Evans.');
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it("offers the host's choices of new manager with why, and the top of the org", async () => {
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', ada.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await screen.findByTestId('impact-after');
    expect(api.placementCandidates).toHaveBeenCalledWith(ada.id);
    await fireEvent.click(screen.getByTestId('wizard-reports-each'));
    const select = within(screen.getAllByTestId('wizard-report-row')[0]).getByTestId('wizard-report-select') as HTMLSelectElement;
    const offered = core.placementCandidatesAda();
    // Choose…, then the host's candidates in its order, then the top of the org.
    expect([...select.options].map((o) => o.value)).toEqual(['', ...offered.map((o) => String(o.node.id)), 'top']);
    expect(select.options[1].text).toContain(offered[0].reason);
    expect(select.options[2].text).toContain(offered[1].reason);
    await fireEvent.change(select, { target: { value: 'top' } });
    await waitFor(() =>
      expect(api.reorgPreview).toHaveBeenLastCalledWith(adaPeople.map((p, i) => ({ person_id: p.id, to_manager: i === 0 ? null : grace.id }))),
    );

    // One destination for all of them: the top of the org.
    await fireEvent.click(screen.getByTestId('wizard-reports-all'));
    await fireEvent.click(screen.getByTestId('wizard-reports-all-top'));
    expect(screen.getByTestId('wizard-reports-manager').getAttribute('data-person-id')).toBe('top');
    await waitFor(() => expect(api.reorgPreview).toHaveBeenLastCalledWith(adaPeople.map((p) => ({ person_id: p.id, to_manager: null }))));
  });

  it('shows why a change cannot be made and does not go on', async () => {
    vi.mocked(api.reorgPreview).mockRejectedValue(new api.ApiError('cycle', 'Bo cannot report to Di: Bo → Di → Bo would become a loop.'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'ada', ada.id);
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
    await pick('wizard-person-search', 'ada', ada.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await fireEvent.click(await screen.findByTestId('wizard-reports-keep'));
    await next();
    expect(step()).toBe('confirm');
    const people = core.personAda().direct_reports;
    expect(screen.getByTestId('wizard-keep-summary').textContent!.replace(/\s+/g, ' ')).toContain(`${people} people still report to Ada Lovelace`);
    expect(screen.getByTestId('wizard-keep-summary').textContent).toContain('role mismatch');
    await create();
    // Nobody moves is the explicit choice that lets the host leave the reports with Ada.
    expect(api.planCreate).toHaveBeenCalledWith(expect.objectContaining({ person_id: ada.id, moves: [], reports_stay: true }));
  });

  it('explains a missing assessment, keeps Create plan off with the reason, and takes the user to assess the person', async () => {
    const mine = profile('my-lead');
    render(TransitionWizard);
    await pick('wizard-person-search', 'linus', linus.id);
    expect(await screen.findByTestId('wizard-missing-assessment')).toBeTruthy();
    await fireEvent.change(screen.getByTestId('wizard-profile'), { target: { value: String(mine.id) } });
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    expect((screen.getByTestId('wizard-create') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('wizard-create-reason').textContent).toBe('Linus Torvalds needs an assessment first.');
    expect(api.planPreview).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('wizard-assess'));
    expect(get(stores.screen)).toBe('skills');
    expect(get(skills.skillsView)).toBe('person');
    expect(get(skills.personTab)).toBe('assess');
    expect(get(skills.skillsPerson)).toEqual({ id: linus.id, name: 'Linus Torvalds' });
    expect(get(skills.skillsFrameworkKey)).toBe('ai-native-ic-leader');
    expect(get(state.wizardDraft)).toEqual({ person: { id: linus.id, name: 'Linus Torvalds' }, profileId: mine.id, startDate: TODAY });
  });

  it('asks the assessment list, not the message, whether a refusal is about a missing assessment', async () => {
    vi.mocked(api.planCreate).mockRejectedValue(new api.ApiError('invalid_input', 'no assessment yet'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'kath', katherine.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    expect(screen.queryByTestId('wizard-missing-assessment')).toBeNull();
    // Assessed when the wizard looked, but the assessment was deleted since.
    vi.mocked(api.assessmentList).mockResolvedValue([]);
    await create();
    expect(await screen.findByTestId('wizard-missing-assessment')).toBeTruthy();
  });

  it('shows other refusals as they are', async () => {
    vi.mocked(api.planCreate).mockRejectedValue(new api.ApiError('invalid_input', '"2026-02-30" is not a date'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'kath', katherine.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    await create();
    const alert = await screen.findByTestId('wizard-error');
    expect(alert.textContent).toContain('"2026-02-30" is not a date');
    expect(alert.textContent).not.toContain('An assessment is needed first');
    expect(screen.queryByTestId('wizard-missing-assessment')).toBeNull();
    expect(get(state.wizardOpen)).toBe(true);
  });

  it('comes back to what was chosen after assessing', async () => {
    state.wizardDraft.set({ person: { id: katherine.id, name: 'Katherine Johnson' }, profileId: manager.id, startDate: '2026-10-01' });
    render(TransitionWizard);
    await waitFor(() => expect(screen.getByTestId('wizard-person').getAttribute('data-person-id')).toBe(String(katherine.id)));
    await waitFor(() => expect((screen.getByTestId('wizard-profile') as HTMLSelectElement).value).toBe(String(manager.id)));
    expect((screen.getByTestId('wizard-start-date') as HTMLInputElement).value).toBe('2026-10-01');
    expect(screen.queryByTestId('wizard-missing-assessment')).toBeNull();
    expect(api.today).not.toHaveBeenCalled();
  });

  it("opens a draft without a date (the move back) on the shell's today", async () => {
    state.wizardDraft.set({ person: { id: 8, name: 'Linus Torvalds' }, profileId: 21, startDate: null });
    render(TransitionWizard);
    await waitFor(() => expect((screen.getByTestId('wizard-start-date') as HTMLInputElement).value).toBe(TODAY));
  });

  it('shows how the plan spreads over its weeks and, when it does not fit, creates it only with a choice taken', async () => {
    const overloaded = core.planPreviewLinusOverloaded();
    const longer = overloaded.choices.find((c) => c.choice === 'longer_plan')!;
    vi.mocked(api.planPreview).mockImplementation(async (input) => (input.pace ? core.planPreviewLinusLonger() : overloaded));
    vi.mocked(api.planCreate).mockResolvedValue(core.planKatherineToIc());
    render(TransitionWizard);
    await pick('wizard-person-search', 'kath', katherine.id);
    await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    await next();
    const pace = await screen.findByTestId('wizard-pace');
    expect(pace.getAttribute('data-fits')).toBe('false');
    expect(screen.getByTestId('wizard-pace-summary').textContent).toContain(`${overloaded.items.length} items over 90 days`);
    expect(screen.getByTestId('wizard-pace-overload').textContent).toContain(`${overloaded.unplaced} of its ${overloaded.items.length} items find no week`);
    expect(screen.getAllByTestId('wizard-pace-choice').map((c) => c.getAttribute('data-choice'))).toEqual(overloaded.choices.map((c) => c.choice));
    expect((screen.getByTestId('wizard-create') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('wizard-create-reason').textContent).toBe('Choose how to make the plan fit first.');
    expect(screen.getByTestId('wizard-pace-weeks').querySelectorAll('tbody tr')).toHaveLength(overloaded.weeks.length);

    const option = screen.getAllByTestId('wizard-pace-choice').find((c) => c.getAttribute('data-choice') === 'longer_plan')!;
    expect(option.textContent).toContain(`Make the plan ${longer.choice === 'longer_plan' ? longer.days : 0} days long`);
    await fireEvent.click(within(option).getByRole('radio'));
    const chosen = await screen.findByTestId('wizard-pace-chosen');
    expect(chosen.getAttribute('data-fits')).toBe('true');
    expect(api.planPreview).toHaveBeenLastCalledWith(expect.objectContaining({ person_id: katherine.id, pace: longer }));
    expect(screen.getByTestId('transition-wizard').textContent).toContain(`A ${core.planPreviewLinusLonger().length_days}-day plan`);
    await create();
    expect(api.planCreate).toHaveBeenCalledWith(expect.objectContaining({ person_id: katherine.id, pace: longer }));
  });

  it('asks for a date, and leaves judging it to the core', async () => {
    vi.mocked(api.planPreview).mockRejectedValue(new api.ApiError('invalid_input', '"1850-01-01" is not a date between the years 1900 and 2999'));
    render(TransitionWizard);
    await pick('wizard-person-search', 'kath', katherine.id);
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
    expect(api.planPreview).toHaveBeenCalledWith(expect.objectContaining({ start_date: '1850-01-01' }));
    expect((await screen.findByTestId('wizard-error')).textContent).toContain('"1850-01-01" is not a date between the years 1900 and 2999');
    expect((screen.getByTestId('wizard-create') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('wizard-create-reason').textContent).toBe('The plan cannot be made as it is: see why above.');
  });

  describe('back to managing', () => {
    beforeEach(() => {
      vi.mocked(api.reorgPreview).mockResolvedValue(core.reorgPreviewKatherineToManager());
    });

    async function chooseManagerRoleFor(query: string, id: number) {
      render(TransitionWizard);
      await waitFor(() => expect((screen.getByTestId('wizard-profile') as HTMLSelectElement).value).toBe(String(icLeader.id)));
      expect(screen.getByTestId('wizard-direction').getAttribute('data-direction')).toBe('to_ic');
      await pick('wizard-person-search', query, id);
      await fireEvent.change(screen.getByTestId('wizard-profile'), { target: { value: String(manager.id) } });
      await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
    }

    it('asks who will report to them, previews the org with them, and sends the moves under the person', async () => {
      const made = core.planKatherineToManager();
      vi.mocked(api.planCreate).mockResolvedValue(made);
      await chooseManagerRoleFor('kath', katherine.id);
      const lead = screen.getByTestId('wizard-direction');
      expect(lead.getAttribute('data-direction')).toBe('to_manager');
      expect(lead.textContent).toContain('Moving back into managing is a change of job too — not a promotion');
      // Katherine has no reports, but the step exists: it asks who will report to her.
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
      expect(offered.map((o) => o.getAttribute('data-person-id'))).not.toContain(String(katherine.id));
      expect(offered.map((o) => o.getAttribute('data-person-id'))).toEqual(
        core
          .orgSearchO()
          .nodes.filter((n) => n.id !== katherine.id)
          .map((n) => String(n.id)),
      );

      await pick('wizard-new-report-search', 'alex', alexanderStaff.id);
      await pick('wizard-new-report-search', 'alan', alan.id);
      expect(screen.getAllByTestId('wizard-new-report').map((r) => r.getAttribute('data-person-id'))).toEqual([String(alexanderStaff.id), String(alan.id)]);
      await waitFor(() =>
        expect(api.reorgPreview).toHaveBeenLastCalledWith([
          { person_id: alexanderStaff.id, to_manager: katherine.id },
          { person_id: alan.id, to_manager: katherine.id },
        ]),
      );
      await screen.findByTestId('impact-after');
      // The host's preview of Alexander alone coming to Katherine: she becomes a fourth manager.
      expect(valueIn('impact-after', 'managers')).toBe('4');

      const alanRow = screen.getAllByTestId('wizard-new-report').find((r) => r.getAttribute('data-person-id') === String(alan.id))!;
      await fireEvent.click(within(alanRow).getByTestId('wizard-new-report-remove'));
      await waitFor(() => expect(api.reorgPreview).toHaveBeenLastCalledWith([{ person_id: alexanderStaff.id, to_manager: katherine.id }]));
      await waitFor(() => expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false));
      await next();
      expect(step()).toBe('confirm');
      const summary = screen.getByTestId('wizard-new-reports-summary');
      expect(summary.getAttribute('data-count')).toBe('1');
      expect(summary.textContent).toContain('1 person comes to report to Katherine Johnson:');
      expect(summary.textContent).toContain('Alexander');
      await create();
      expect(api.planCreate).toHaveBeenCalledWith({
        person_id: katherine.id,
        profile_id: manager.id,
        start_date: TODAY,
        moves: [{ person_id: alexanderStaff.id, to_manager: katherine.id }],
        direction: null,
        reports_stay: false,
        pace: null,
      });
      await waitFor(() => expect(get(state.transitionPlanId)).toBe(made.id));
    });

    it('lets nobody move yet, without a preview', async () => {
      await chooseManagerRoleFor('kath', katherine.id);
      await next();
      expect(step()).toBe('reports');
      expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(false);
      await next();
      expect(step()).toBe('confirm');
      expect(screen.queryByTestId('wizard-new-reports-summary')).toBeNull();
      await create();
      expect(api.reorgPreview).not.toHaveBeenCalled();
      expect(api.planCreate).toHaveBeenCalledWith({ person_id: katherine.id, profile_id: manager.id, start_date: TODAY, moves: [], direction: null, reports_stay: false, pace: null });
    });

    it('keeps a manager\'s own reports and does not offer them again', async () => {
      await chooseManagerRoleFor('ada', ada.id);
      await next();
      expect(step()).toBe('reports');
      await waitFor(() => expect(screen.getByTestId('transition-wizard').textContent).toContain('The 4 people who report to Ada Lovelace now stay.'));
      // Not Ada herself, and none of the people who report to her already.
      await fireEvent.input(screen.getByTestId('wizard-new-report-search'), { target: { value: 'o' } });
      const offered = (await screen.findAllByTestId('wizard-new-report-search-result')).map((o) => Number(o.getAttribute('data-person-id')));
      expect(offered).toContain(grace.id);
      for (const taken of [ada, ...adaPeople]) expect(offered, taken.name).not.toContain(taken.id);
      // Nor her review agent, which the search finds.
      const agent = adaReports.find((n) => n.kind === 'agent')!;
      expect(core.orgSearchO().nodes.map((n) => n.id)).toContain(agent.id);
      expect(offered).not.toContain(agent.id);
    });

    it('shows why a move under the person cannot be made and does not go on', async () => {
      vi.mocked(api.reorgPreview).mockRejectedValue(new api.ApiError('cycle', 'Grace Hopper cannot report to Katherine Johnson: that would be a loop.'));
      await chooseManagerRoleFor('kath', katherine.id);
      await next();
      await pick('wizard-new-report-search', 'grace', grace.id);
      const alert = await screen.findByTestId('wizard-error');
      expect(alert.getAttribute('data-kind')).toBe('cycle');
      expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    });
  });
});
