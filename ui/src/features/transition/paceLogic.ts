// Words for what the core's pacing says (plan_preview, plan_budget_preview):
// how a plan spreads over its weeks and, when it does not fit, the choices it
// offers. Nothing here decides whether a plan fits: the core does.
import type { PaceChoice } from '../../lib/bindings/PaceChoice';
import type { PlanPace } from '../../lib/bindings/PlanPace';
import type { WeeklyBudget } from '../../lib/bindings/WeeklyBudget';
import { TIME_KINDS } from './planLogic';

export function budgetTotal(budget: WeeklyBudget): number {
  return TIME_KINDS.reduce((sum, k) => sum + budget[k.kind], 0);
}

/** "6 weeks" / "1 week", rounded up: a plan's days are whole weeks or a few more. */
export function weeksWords(days: number): string {
  const weeks = Math.round(days / 7);
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}

/** A short name for a choice, for its radio button. */
export function choiceTitle(choice: PaceChoice): string {
  switch (choice.choice) {
    case 'fewer_skills':
      return choice.later.length === 1 ? 'Leave one skill for later' : `Leave ${choice.later.length} skills for later`;
    case 'longer_plan':
      return `Make the plan ${choice.days} days long`;
    case 'bigger_budget':
      return `Plan ${budgetTotal(choice.added)} more hours a week`;
  }
}

/** What the choice means, in a sentence; `days` is the plan's length now. */
export function choiceDetail(choice: PaceChoice, days: number): string {
  switch (choice.choice) {
    case 'fewer_skills':
      return `The smallest gaps wait for a later plan: ${choice.later.map((s) => s.skill_name).join(', ')}.`;
    case 'longer_plan':
      return `About ${weeksWords(choice.days)} instead of ${weeksWords(days)}, in the same three phases, each a third of it.`;
    case 'bigger_budget': {
      const more = TIME_KINDS.filter((k) => choice.added[k.kind] > 0).map((k) => `${choice.added[k.kind]} h of ${k.label.toLowerCase()}`);
      return `${more.join(', ')} more each week: ${budgetTotal(choice.budget)} hours a week in all.`;
    }
  }
}

/** A stable key for a choice, for radio values and comparisons. */
export function choiceKey(choice: PaceChoice): string {
  return choice.choice;
}

/** Items whose due date pacing would change (re-pacing a stored plan). */
export function movedItems(pace: PlanPace): number {
  return pace.items.filter((i) => i.item_id !== null && i.due_before !== null && i.due_before !== i.due_date).length;
}
