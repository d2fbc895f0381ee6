/** Minutes from one report to another (negative: the other came first), for « 12 min avant ». */
export const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

interface Linkable {
  id: number;
  incident_id: number | null;
}

/**
 * What the duplicates panel shows for `record`: the incident's other members (never the record
 * itself, nor its primary, named apart), the incident's size, and the nearby candidates not
 * already listed as members — so no report appears twice with the same « Détacher ».
 */
export function incidentView<T extends Linkable, D extends Linkable>(record: Linkable, followers: readonly T[], nearby: readonly D[]) {
  const primary = record.incident_id ?? record.id;
  const linked = followers.filter((report) => report.id !== primary && report.incident_id === primary);
  const members = linked.filter((report) => report.id !== record.id);
  const memberIds = new Set(members.map((report) => report.id));
  return {
    primary,
    members,
    /** Reports in the incident, its primary included; 1 when nothing is linked. */
    size: linked.length + 1,
    candidates: nearby.filter((report) => !memberIds.has(report.id)),
  };
}
