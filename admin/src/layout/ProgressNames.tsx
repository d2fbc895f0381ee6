import { useCallback, type ReactNode } from 'react';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';

/**
 * Gives every MUI progress indicator in the shell a translated accessible name by default (WCAG
 * 4.1.2; axe `aria-progressbar-name`). react-admin draws several it neither names nor lets us name —
 * the app bar's LoadingIndicator, <Loading/>, ReferenceField's LinearProgress — so the name comes
 * as a theme default; an explicit `aria-label` (the map's fallback) still wins.
 */
export const ProgressNames = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const label = translate('vigie.app.loading');
  const withNames = useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiCircularProgress: {
          ...outer.components?.MuiCircularProgress,
          defaultProps: { ...outer.components?.MuiCircularProgress?.defaultProps, 'aria-label': label },
        },
        MuiLinearProgress: {
          ...outer.components?.MuiLinearProgress,
          defaultProps: { ...outer.components?.MuiLinearProgress?.defaultProps, 'aria-label': label },
        },
      },
    }),
    [label],
  );
  return <ThemeProvider theme={withNames}>{children}</ThemeProvider>;
};
