/**
 * Geometry of the impact charts, computed at build with d3-scale and
 * d3-shape and drawn as inline SVG by src/components/impact/*.astro.
 *
 * Text never scales with the chart: the SVGs have no viewBox, so labels
 * keep their size on a phone; horizontal positions are percentages of the
 * chart's width and vertical ones pixels. Only the trend lines live in a
 * nested, horizontally stretched SVG (0–1000 wide), with markers drawn
 * outside it so they stay round.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

export interface BarDatum {
  label: string;
  value: number;
  /** Text after the label, e.g. "412 visits · 23 conversions (5.6%)". */
  note: string;
}

export interface BarRow extends BarDatum {
  /** Baselines of the label line (above the bar) and the note (under it), in px from the top. */
  labelY: number;
  noteY: number;
  barY: number;
  barHeight: number;
  /** Bar length, in percent of the chart width. */
  width: number;
}

export interface BarChartLayout {
  height: number;
  rows: BarRow[];
  /** Gridlines: value and position in percent of the width. */
  ticks: { value: number; x: number }[];
  /** Baseline of the tick labels under the bars. */
  tickY: number;
}

const ROW = 70;
const BAR = 14;

export function barChart(data: readonly BarDatum[]): BarChartLayout {
  const max = Math.max(0, ...data.map((d) => d.value));
  const x = scaleLinear()
    .domain([0, max || 1])
    .nice(4)
    .range([0, 100]);
  const rows = data.map((datum, i) => {
    const top = i * ROW;
    return { ...datum, labelY: top + 16, barY: top + 24, barHeight: BAR, noteY: top + 56, width: round(x(datum.value)) };
  });
  const bottom = data.length * ROW;
  return {
    height: bottom + 24,
    rows,
    ticks: x.ticks(4).map((value) => ({ value, x: round(x(value)) })),
    tickY: bottom + 16,
  };
}

export interface TrendDatum {
  /** Axis label, e.g. "2 Nov". */
  label: string;
  /** null: not measured (a gap in the line). */
  value: number | null;
}

export interface TrendPanel {
  /** Top of the panel, px from the top of the SVG. */
  top: number;
  height: number;
  /** Path data in the stretched 0–1000 × height space. */
  line: string;
  area: string;
  /** Points with a value: x in percent of the width, y in px from the top of the SVG. */
  markers: { x: number; y: number; value: number; label: string }[];
  /** Horizontal gridlines: value and y in px from the top of the SVG. */
  ticks: { value: number; y: number }[];
}

export const PLOT_WIDTH = 1000;

/** One panel of the trend chart: a line (with gaps) over `data`, its area, markers and gridlines. */
export function trendPanel(data: readonly TrendDatum[], options: { top: number; height: number }): TrendPanel {
  const { top, height } = options;
  const max = Math.max(0, ...data.map((d) => d.value ?? 0));
  const y = scaleLinear()
    .domain([0, max || 1])
    .nice(3)
    .range([height, 6]);
  // One point sits in the middle; several span the width.
  const x = (i: number) => (data.length === 1 ? PLOT_WIDTH / 2 : (i / (data.length - 1)) * PLOT_WIDTH);
  const defined = (d: TrendDatum) => d.value !== null;
  const toX = (_: TrendDatum, i: number) => round(x(i));
  const toY = (d: TrendDatum) => round(y(d.value ?? 0));
  return {
    top,
    height,
    line: line<TrendDatum>().defined(defined).x(toX).y(toY)([...data]) ?? '',
    area: area<TrendDatum>().defined(defined).x(toX).y0(height).y1(toY)([...data]) ?? '',
    markers: data.flatMap((d, i) => (d.value === null ? [] : [{ x: round((x(i) / PLOT_WIDTH) * 100), y: round(top + y(d.value)), value: d.value, label: d.label }])),
    ticks: y.ticks(3).map((value) => ({ value, y: round(top + y(value)) })),
  };
}

/**
 * At most `max` evenly spread axis labels, always the first and the last,
 * with positions in percent and the anchor that keeps them inside the chart.
 */
export function axisLabels(labels: readonly string[], max = 6): { text: string; x: number; anchor: 'start' | 'middle' | 'end' }[] {
  if (labels.length === 0) return [];
  if (labels.length === 1) return [{ text: labels[0]!, x: 50, anchor: 'middle' }];
  const step = Math.max(1, Math.ceil((labels.length - 1) / (max - 1)));
  const picked = new Set<number>();
  for (let i = 0; i < labels.length; i += step) picked.add(i);
  // The last label replaces one that would sit too close to it.
  const lastPicked = Math.max(...picked);
  if (lastPicked !== 0 && lastPicked !== labels.length - 1 && labels.length - 1 - lastPicked < step / 2) picked.delete(lastPicked);
  picked.add(labels.length - 1);
  return [...picked]
    .sort((a, b) => a - b)
    .map((i) => ({
      text: labels[i]!,
      x: round((i / (labels.length - 1)) * 100),
      anchor: i === 0 ? 'start' : i === labels.length - 1 ? 'end' : 'middle',
    }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
