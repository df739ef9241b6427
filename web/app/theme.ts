import { type CSSVariablesResolver, createTheme } from "@mantine/core";
import { readableOn } from "../shared/contrast.ts";

/**
 * The app's Mantine theme, held to WCAG 2.1 AA contrast (4.5:1 for text) on
 * white and on the light grey of table headers, as axe-core checks in the
 * e2e suite (e2e/accessibility.e2e.test.ts). Fixed here, once, rather than
 * per element:
 * - indigo 8 (#3b5bdb, 5.7:1 on white) for links, buttons and the active
 *   navigation; Mantine's default shade 6 is 4.3:1. The same shade 8 is
 *   every colour's filled and `c="red"` text (red 8: 4.5:1);
 * - autoContrast: a filled badge or button on a light colour gets dark text;
 * - dimmed text is grey 7 (#495057, 8.2:1); grey 6 is 3.3:1; coloured
 *   text darkened where needed (cssVariablesResolver);
 * - links are underlined, so a link inside dimmed text is told apart by
 *   more than its colour (the two greys and indigo are too close).
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  defaultRadius: "sm",
  // A visible focus ring on every focusable element, for keyboard users.
  focusRing: "always",
  components: {
    Anchor: { defaultProps: { underline: "always" } },
    // A table that scrolls sideways can be scrolled from the keyboard: its scroll area is a tab stop.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});

/**
 * Light scheme: dimmed text in grey 7, and every colour's text (`c="orange"`)
 * and light-variant text (alerts, light badges: shade 9 on shade 1) darkened
 * where Mantine's shade falls short of 4.5:1, as yellow and orange do.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = { "--mantine-color-dimmed": resolved.colors.gray[7] };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    light[`--mantine-color-${name}-text`] = readableOn(shades[8], "#ffffff");
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[1]);
  }
  return { variables: {}, light, dark: {} };
};
