import type { ActivityResults, ProjectStatus } from '@yingshang/contracts';

/** One project linked to an activity: first contacted there, signed there (with the amount), or both. */
export interface ActivityLink {
  activityId: string;
  projectId: string;
  source: boolean;
  /** Amount signed at the activity (fen), null when the project was not signed there. */
  signedAmountFen: number | null;
  status: ProjectStatus;
  signedOn: string | null;
  startedOn: string | null;
  producingOn: string | null;
  fundsInPlaceFen: number;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

/**
 * What the projects linked to one or more activities became, as things stand: projects counted once
 * each, the stages they reached (a stage date set means reached; a correction clears it), and the
 * fate of the money signed there. Funds in place count up to the amount signed, so signed value that
 * never arrives shows as "not arrived" and a paper signing cannot rank high on its face value.
 */
export function activityResults(links: readonly ActivityLink[]): ActivityResults {
  const projects = new Map<string, ActivityLink>();
  const r = {
    projects: 0,
    signed: 0,
    started: 0,
    producing: 0,
    terminated: 0,
    signings: 0,
    signedFen: 0,
    startedFen: 0,
    producingFen: 0,
    terminatedFen: 0,
    fundsInPlaceFen: 0,
    notArrivedFen: 0,
    landedRate: null as number | null,
  };
  const signedHere = new Set<string>();
  for (const l of links) {
    if (!projects.has(l.projectId)) projects.set(l.projectId, l);
    if (l.signedAmountFen === null || signedHere.has(l.projectId)) continue;
    signedHere.add(l.projectId);
    const amount = Number(l.signedAmountFen);
    r.signings += 1;
    r.signedFen += amount;
    if (l.startedOn) r.startedFen += amount;
    if (l.producingOn) r.producingFen += amount;
    if (l.status === 'terminated') r.terminatedFen += amount;
    r.fundsInPlaceFen += Math.min(Math.max(Number(l.fundsInPlaceFen), 0), amount);
  }
  for (const p of projects.values()) {
    r.projects += 1;
    if (p.signedOn) r.signed += 1;
    if (p.startedOn) r.started += 1;
    if (p.producingOn) r.producing += 1;
    if (p.status === 'terminated') r.terminated += 1;
  }
  r.notArrivedFen = r.signedFen - r.fundsInPlaceFen;
  r.landedRate = ratio(r.fundsInPlaceFen, r.signedFen);
  return r;
}

/** Links grouped by activity, each group reduced to its results (activities without links get zeros). */
export function resultsByActivity(ids: readonly string[], links: readonly ActivityLink[]) {
  const groups = new Map<string, ActivityLink[]>(ids.map((id) => [id, []]));
  for (const l of links) groups.get(l.activityId)?.push(l);
  return new Map([...groups].map(([id, ls]) => [id, activityResults(ls)]));
}

export { ratio };
