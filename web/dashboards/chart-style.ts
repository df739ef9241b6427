/** Colours and sizes the dashboard charts share. */

export const palette = [
  "red.6",
  "orange.6",
  "yellow.6",
  "lime.6",
  "teal.6",
  "cyan.6",
  "blue.6",
  "indigo.6",
  "violet.6",
  "grape.6",
  "pink.6",
  "gray.6",
];
export const chartHeight = 260;

/** Recharts hands bar clicks the row that was drawn; this reads it back. */
export interface BarClick {
  payload?: Record<string, unknown>;
}

/** "red.6" -> the CSS variable Mantine defines for it. */
export function colorVar(color: string): string {
  const [name, shade] = color.split(".");
  return `var(--mantine-color-${name}-${shade})`;
}

/** A chart bar's cursor: a pointer only where a click opens the portfolio. */
export const clickCursor = (linkable: boolean) => (linkable ? "pointer" : "default");
