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
      styleOverrides: {
        root: {
          '& .RaAppBar-toolbar': { gap: 8 },
          // Five icons and the page title share 390 px on a phone: tighter, so the title keeps a few words.
          '@media (max-width: 599.95px)': { '& .RaAppBar-toolbar': { gap: 0, paddingRight: 4 }, '& .MuiIconButton-root': { padding: 6 } },
        },
      },
    },
    // On a phone a wide table scrolls inside its card; the page itself (and the sign-out button in
    // the top bar) never scrolls sideways. A flex child only shrinks below its content with min-width 0.
    // react-admin sizes its layout `min-width: fit-content`, and a scrolling card still reports its
    // table's full width as its intrinsic size: one long unbreakable word in a cell widened the whole
    // page by a few pixels. The layout is as wide as the window; wide content scrolls in its card.
    RaLayout: {
      styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0, '& > *': { minWidth: 0 } } } },
    },
    RaList: {
      styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } },
    },
    RaTopToolbar: {
      styleOverrides: { root: { flexWrap: 'wrap', justifyContent: 'flex-end' } },
    },
  },
};
