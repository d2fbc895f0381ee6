import { useRef, useState } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DoneIcon from '@mui/icons-material/Done';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link, TextField, Typography } from '@mui/material';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/parisTime.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import type { PartnerWithSecret } from './partnerSecret.ts';

/** What the dialog shows: a freshly created partner, or one whose secret was just rotated. */
export interface ShownSecret extends PartnerWithSecret {
  reason: 'created' | 'rotated';
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

const SigningHelp = ({ id }: { id: string }) => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="partner-signing-title" sx={{ mt: 2 }}>
      <Typography id="partner-signing-title" component="h3" variant="subtitle2" sx={{ fontWeight: 700 }}>
        {translate('vigie.partners.secret.signing_title')}
      </Typography>
      <Typography variant="body2">{translate('vigie.partners.secret.signing_intro')}</Typography>
      <Box component="ul" sx={{ my: 0.5, pl: 3, typography: 'body2', '& code': { ...mono, fontWeight: 600 } }}>
        <li>
          <code>X-Vigie-Partner</code> — {translate('vigie.partners.secret.partner_header', { id })}
        </li>
        <li>
          <code>X-Vigie-Signature: t=…,v1=…</code> — {translate('vigie.partners.secret.signature_header')}
        </li>
      </Box>
      <Link href="/api/docs" target="_blank" rel="noopener" variant="body2">
        {translate('vigie.partners.secret.docs')}
      </Link>
    </Box>
  );
};

/**
 * The one and only display of a partner's secret. It lives in the parent's state until this closes:
 * never in react-admin's cache, its store, or Web Storage.
 */
export const SecretDialog = ({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  if (!shown) return null;
  const { data: partner, secret, reason } = shown;

  const close = () => {
    setCopied(false);
    onClose();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      notify('vigie.partners.secret.copied', { type: 'success' });
    } catch {
      // No clipboard (an insecure context, a refused permission): leave the text selected instead.
      field.current?.focus();
      field.current?.select();
      notify('vigie.partners.secret.copy_failed', { type: 'warning' });
    }
  };
  const until = partner.previous_secret_expires_at;

  return (
    <Dialog
      open
      // A stray click outside would lose the secret for good: only the buttons (or Escape) close.
      onClose={(_event, why) => why !== 'backdropClick' && close()}
      aria-labelledby="partner-secret-title"
      aria-describedby="partner-secret-warning"
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id="partner-secret-title">{translate('vigie.partners.secret.title', { id: partner.id })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate(`vigie.partners.secret.${reason}`)}
        </Typography>
        <Alert severity="warning" id="partner-secret-warning" sx={{ mb: 2 }}>
          {translate('vigie.partners.secret.warning')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField
            inputRef={field}
            id="partner-secret"
            label={translate('vigie.partners.secret.label')}
            value={secret}
            fullWidth
            autoFocus
            onFocus={(event) => event.target.select()}
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, autoComplete: 'off', style: mono },
            }}
          />
          <Button
            variant="contained"
            onClick={copy}
            startIcon={copied ? <DoneIcon /> : <ContentCopyIcon />}
            aria-label={translate('vigie.partners.secret.copy_label')}
            sx={{ flexShrink: 0, minHeight: 56 }}
          >
            {translate('vigie.partners.secret.copy')}
          </Button>
        </Box>
        {reason === 'rotated' && (
          <Typography variant="body2" sx={{ mt: 2 }}>
            {until
              ? translate('vigie.partners.secret.old_until', { date: formatDateTime(until, dateLocaleFor(locale)) })
              : translate('vigie.partners.secret.old_revoked')}
          </Typography>
        )}
        <SigningHelp id={partner.id} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('vigie.partners.secret.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
