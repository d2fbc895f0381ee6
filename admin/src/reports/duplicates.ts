/** Minutes from one report to another (negative: the other came first), for « 12 min avant ». */
export const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
