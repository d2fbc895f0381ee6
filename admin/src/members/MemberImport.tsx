import { useId, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { AccessDenied, CanAccess, Link, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ImportReport } from '../providers/membersMethods.ts';
import type { LiveDataProvider } from '../providers/dataProvider.ts';

type Step = { kind: 'choose' } | { kind: 'preview'; report: ImportReport } | { kind: 'refused'; message: string; problems: ImportReport['problems'] } | { kind: 'done'; report: ImportReport };

/** Per-line problems and skipped duplicates, one row each, line numbers as in the file. */
const LinesTable = ({ report }: { report: Pick<ImportReport, 'problems' | 'duplicates'> }) => {
  const translate = useTranslate();
  const rows = [
    ...report.problems.map((p) => ({ line: p.line, field: p.field, text: p.message, kind: 'problem' as const })),
    ...report.duplicates.map((d) => ({
      line: d.line,
      field: d.field,
      text: d.member_id
        ? translate('vigie.members.import.duplicate_member', { id: d.member_id })
        : translate('vigie.members.import.duplicate_line', { line: d.earlier_line ?? '?' }),
      kind: 'duplicate' as const,
    })),
  ].sort((a, b) => a.line - b.line);
  if (rows.length === 0) return null;
  return (
    <Table size="small" aria-label={translate('vigie.members.import.lines')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('vigie.members.import.line')}</TableCell>
          <TableCell>{translate('vigie.members.import.field')}</TableCell>
          <TableCell>{translate('vigie.members.import.problem')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={`${row.line}-${row.field}-${index}`}>
            <TableCell>{row.line}</TableCell>
            <TableCell>{row.field}</TableCell>
            <TableCell sx={{ color: row.kind === 'problem' ? 'error.dark' : 'text.primary' }}>
              {row.kind === 'duplicate' ? `${translate('vigie.members.import.skipped')} — ` : ''}
              {row.text}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * « Importer une liste »: the file is first read by the server without writing (`dry_run`), every bad
 * line and duplicate shown; only a file without errors can then be imported, all or nothing.
 */
export const MemberImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [pending, setPending] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPending(true);
    try {
      const answer = await dataProvider.importMembers(file, dryRun);
      if ('error' in answer) setStep({ kind: 'refused', ...answer.error });
      else setStep({ kind: dryRun ? 'preview' : 'done', report: answer.data });
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <CanAccess action="create" resource="members" accessDenied={<AccessDenied />}>
      <Title title="vigie.members.import.title" />
      <Card sx={{ mt: 2 }}>
        <CardContent sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
          <Typography component="h2" variant="h6">{translate('vigie.members.import.title')}</Typography>
          <Typography variant="body2" id={`${id}-help`}>{translate('vigie.members.import.help')}</Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button variant="outlined" component="label">
              {translate('vigie.members.import.choose')}
              <input
                hidden
                type="file"
                accept=".csv,text/csv"
                aria-describedby={`${id}-help`}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setStep({ kind: 'choose' });
                }}
              />
            </Button>
            <Typography variant="body2" role="status">{file ? file.name : translate('vigie.members.import.no_file')}</Typography>
            <Button variant="contained" disabled={!file || pending} onClick={() => send(true)}>
              {translate('vigie.members.import.preview')}
            </Button>
          </Box>

          {step.kind === 'preview' && (
            <>
              <Alert severity={step.report.invalid > 0 ? 'error' : 'info'} role="status">
                {translate('vigie.members.import.summary', {
                  total: step.report.total,
                  valid: step.report.valid,
                  invalid: step.report.invalid,
                  duplicates: step.report.duplicates.length,
                })}
              </Alert>
              <LinesTable report={step.report} />
              <Box>
                <Button variant="contained" disabled={pending || step.report.invalid > 0 || step.report.valid === 0} onClick={() => send(false)}>
                  {translate('vigie.members.import.commit', { smart_count: Math.max(step.report.valid - step.report.duplicates.length, 0) })}
                </Button>
                {step.report.invalid > 0 && (
                  <Typography variant="body2" sx={{ mt: 1 }}>{translate('vigie.members.import.fix_first')}</Typography>
                )}
              </Box>
            </>
          )}
          {step.kind === 'refused' && (
            <>
              <Alert severity="error" role="alert">{step.message}</Alert>
              <LinesTable report={{ problems: step.problems, duplicates: [] }} />
            </>
          )}
          {step.kind === 'done' && (
            <Alert severity="success" role="status">
              {translate('vigie.members.import.done', { smart_count: step.report.imported, duplicates: step.report.duplicates.length })}{' '}
              <Link to="/members">{translate('vigie.members.import.see_list')}</Link>
            </Alert>
          )}
        </CardContent>
      </Card>
    </CanAccess>
  );
};
