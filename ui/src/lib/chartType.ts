// The chart font sizes, read from the CSS custom properties on :root
// (--chart-label, --chart-value, --chart-title in app.css) so the geometry a
// chart computes matches the text it draws. A class on the root element
// (`presenter`) changes them; the store follows.
import { readable } from 'svelte/store';

export interface ChartType {
  /** Axis ticks, category and axis labels. */
  label: number;
  /** Value labels on bars. */
  value: number;
  /** Axis titles. */
  title: number;
}

/** What the charts use when the stylesheet is not loaded (unit tests). */
export const CHART_TYPE_DEFAULT: ChartType = { label: 12, value: 12, title: 12 };

function px(style: CSSStyleDeclaration, name: string, fallback: number): number {
  const v = parseFloat(style.getPropertyValue(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function readChartType(root: Element = document.documentElement): ChartType {
  const style = getComputedStyle(root);
  return {
    label: px(style, '--chart-label', CHART_TYPE_DEFAULT.label),
    value: px(style, '--chart-value', CHART_TYPE_DEFAULT.value),
    title: px(style, '--chart-title', CHART_TYPE_DEFAULT.title),
  };
}

export const chartType = readable<ChartType>(CHART_TYPE_DEFAULT, (set) => {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  set(readChartType(root));
  const watch = new MutationObserver(() => set(readChartType(root)));
  watch.observe(root, { attributes: true, attributeFilter: ['class', 'style'] });
  return () => watch.disconnect();
});
