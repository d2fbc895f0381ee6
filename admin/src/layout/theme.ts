import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default theme in the colours of a municipal police service. Every foreground /
 * background pair used here meets WCAG AA (4.5:1) — check again before changing a colour.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    mode: 'light',
    primary: { main: '#1b3a66', contrastText: '#ffffff' }, // 11.6:1 with white
    secondary: { main: '#1b3a66', contrastText: '#ffffff' },
    error: { main: '#b3261e' }, // 6.6:1 with white
    background: { default: '#f4f6f9', paper: '#ffffff' },
  },
  components: {
    ...defaultTheme.components,
    RaAppBar: {
      styleOverrides: { root: { '& .RaAppBar-toolbar': { gap: 8 } } },
    },
  },
};
