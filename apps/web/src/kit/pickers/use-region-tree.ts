import { ORG_KINDS, REGION_KINDS } from '@yingshang/contracts';
import { useMemo } from 'react';
import { useRequest } from '../../app/api/use-request';
import { useAuth } from '../../app/auth/auth-context';
import { orgApi } from '../api';
import { indexTree } from './org-tree';

/**
 * The region tree (province → cities → counties / zones) the user may see. A department or enterprise
 * user sees no region, so for them the tree is their own unit.
 */
export function useRegionTree() {
  const { me } = useAuth();
  const ownKind = me?.user.orgUnit.kind;
  const kinds = ownKind === 'department' || ownKind === 'enterprise' ? ORG_KINDS : REGION_KINDS;
  const req = useRequest(() => orgApi.tree(kinds), [kinds]);
  const roots = req.data ?? [];
  const index = useMemo(() => indexTree(req.data ?? []), [req.data]);
  return { roots, index, loading: req.loading, error: req.error, reload: req.reload };
}
