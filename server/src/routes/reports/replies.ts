import type { Sql, TxSql } from '@vigie/db';
import type { ReportStatus } from '@vigie/shared';
import { badRequest } from '../../errors.ts';
import { kickPartnerWebhooks } from '../../jobs/partnerWebhooks.ts';

export type PartnerEventType = 'report.status_changed' | 'report.reply';

/** The text of a reply: free text typed by the officer wins over the template it started from. */
export async function replyText(tx: Sql | TxSql, input: { reply?: string | null; template_id?: number | null }, status: ReportStatus) {
  const typed = input.reply?.trim();
  if (typed) return typed;
  if (input.template_id == null) return null;
  const [template] = await tx<{ body: string; status: string }[]>`
    select body, status from response_templates where id = ${input.template_id} and active`;
  if (!template) throw badRequest({ template_id: 'Modèle de réponse inconnu ou désactivé.' });
  if (template.status !== status) throw badRequest({ template_id: "Ce modèle ne correspond pas au statut du signalement." });
  return template.body;
}

/**
 * Queue what the resident should learn for the partner that sent the alert (the outbox the partner
 * polls at GET /api/intake/events or receives by webhook). Reports taken by phone have no partner.
 */
export async function queuePartnerEvent(
  tx: Sql | TxSql,
  report: { id: number; partner_id: string | null; external_id: string | null },
  type: PartnerEventType,
  body: { status: ReportStatus; message: string | null },
) {
  if (!report.partner_id || !report.external_id) return;
  const payload = { type, external_id: report.external_id, status: body.status, message: body.message, at: new Date().toISOString() };
  await tx`
    insert into partner_events (partner_id, report_id, external_id, type, payload)
    values (${report.partner_id}, ${report.id}, ${report.external_id}, ${type}, ${tx.json(payload)})`;
  await kickPartnerWebhooks(tx);
}
