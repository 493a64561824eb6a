import type { PickedOrg } from '../../../kit';

/** The unit already responsible for a factor need or promise, for the picker to show by name. */
export function knownResponsibleOrg(
  item: { responsibleOrgId: string | null; responsibleOrgName: string | null } | null | undefined,
): PickedOrg | undefined {
  if (!item?.responsibleOrgId) return undefined;
  return {
    id: item.responsibleOrgId,
    name: item.responsibleOrgName ?? item.responsibleOrgId,
    kind: 'department',
  } as PickedOrg;
}
