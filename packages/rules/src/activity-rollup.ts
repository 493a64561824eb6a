import { CellBag, monthOf, type PlacedCell, pathAndAncestors, type RollupDay } from './rollup.js';

/**
 * What an activity adds to the roll-ups (source `activities`), in the month it began:
 * - `type:<type>`: one activity (days: its length) in its region and every ancestor;
 * - `mainLeaderTrip`: an outbound trip led by at least one main leader (days: its length), counted
 *   once in each region holding one of those leaders' units, whatever their number — the
 *   "主要领导外出招商N次" of a county, a city or the province.
 */
export interface RollupActivity {
  regionPath: string;
  type: string;
  startOn: RollupDay;
  days: number;
  /** Org paths of the units of the main leaders on the activity. */
  mainLeaderPaths: readonly string[];
}

export function activityCells(a: RollupActivity): PlacedCell[] {
  const bag = new CellBag();
  const month = monthOf(a.startOn);
  bag.add(pathAndAncestors(a.regionPath), month, `type:${a.type}`, 1, 0, a.days);
  if (a.type === 'outbound' && a.mainLeaderPaths.length > 0) {
    const paths = new Set(a.mainLeaderPaths.flatMap(pathAndAncestors));
    bag.add([...paths], month, 'mainLeaderTrip', 1, 0, a.days);
  }
  return bag.cells();
}

/**
 * What a project signed at an activity adds (kept with the project's cells, source `projects`,
 * since they follow the project's stages and funds), in the month the activity began:
 * `actSigning` (one signing, the amount signed there), `actStarted` and `actTerminated` (the
 * amount, once the project has started or was terminated) and `actLanded` (funds in place up to the
 * amount signed: a paper signing lands nothing). Counted in the regions holding both the activity
 * and the project, so no region sees projects outside it.
 */
export interface RollupSigning {
  activityPath: string;
  activityStartOn: RollupDay;
  projectPath: string;
  amountFen: number;
  startedOn: RollupDay | null;
  status: string;
  fundsInPlaceFen: number;
}

export function signingCells(s: RollupSigning): PlacedCell[] {
  const projectPaths = new Set(pathAndAncestors(s.projectPath));
  const paths = pathAndAncestors(s.activityPath).filter((p) => projectPaths.has(p));
  const bag = new CellBag();
  const month = monthOf(s.activityStartOn);
  bag.add(paths, month, 'actSigning', 1, s.amountFen);
  if (s.startedOn) bag.add(paths, month, 'actStarted', 1, s.amountFen);
  if (s.status === 'terminated') bag.add(paths, month, 'actTerminated', 1, s.amountFen);
  bag.add(paths, month, 'actLanded', 0, Math.min(Math.max(s.fundsInPlaceFen, 0), s.amountFen));
  return bag.cells();
}
