import { darken, luminance } from "@mantine/core";

/** WCAG 2.1 AA: the least contrast ratio for normal-size text. */
export const textContrast = 4.5;

/** The WCAG contrast ratio of two opaque colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * `color`, darkened in steps of 5% until text in it reaches 4.5:1 on
 * `background` (unchanged when it already does).
 */
export function readableOn(color: string, background: string): string {
  let candidate = color;
  for (let step = 1; contrastRatio(candidate, background) < textContrast && step <= 20; step++) {
    candidate = darken(color, step * 0.05);
  }
  return candidate;
}

/** White or near-black text on a colour, whichever reads better (higher contrast). */
export function textOn(background: string): string {
  const dark = "#1a1b1e";
  return contrastRatio("#ffffff", background) >= contrastRatio(dark, background) ? "#ffffff" : dark;
}
