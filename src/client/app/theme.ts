import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's light badges and alerts put shade 9 text on shade 1, and subtle buttons shade 9 on shade 2 when
 * hovered: below WCAG AA (4.5:1) for several colours. Darkening that text keeps every colour readable.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if ((input.variant !== 'light' && input.variant !== 'subtle') || !input.color) return colors;
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const darkest = input.theme.colors[parsed.color]?.[9];
  return darkest ? { ...colors, color: darken(darkest, 0.3), hoverColor: darken(darkest, 0.3) } : colors;
};

/**
 * Dimmed text and error messages in Mantine's defaults are below 4.5:1 on white, and so is the primary light
 * text on its hover background (used by components that do not go through the resolver above, like NavLink).
 */
const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-primary-color-light-color': darken(theme.colors[theme.primaryColor]?.[9] ?? theme.black, 0.3),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons and blue links on white above 4.5:1.
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  variantColorResolver,
  components: {
    // Upper case hurts reading of accented French and does nothing for Arabic: badges keep the catalog's case.
    // A badge is short: in a narrow table column it keeps its whole label rather than an ellipsis.
    Badge: Badge.extend({ defaultProps: { tt: 'none', miw: 'max-content' } }),
  },
});

export { cssVariablesResolver };
