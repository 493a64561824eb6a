import type { Campaign } from '@yingshang/contracts';
import { useSearchParams } from 'react-router';
import { useRequest } from '../../app/api/use-request';
import { rectificationApi } from './api';

/** The campaigns the user can see and the chosen one (?campaign= in the URL, else the latest). */
export function useCampaign(): {
  campaigns: Campaign[] | undefined;
  campaign: Campaign | undefined;
  loading: boolean;
  choose: (id: string) => void;
  reload: () => Promise<void>;
} {
  const [params, setParams] = useSearchParams();
  const { data, loading, reload } = useRequest(() => rectificationApi.campaigns(), []);
  const id = params.get('campaign');
  const campaign = data?.find((c) => c.id === id) ?? data?.[0];
  return {
    campaigns: data,
    campaign,
    loading,
    reload,
    choose: (next) =>
      setParams(
        (p) => {
          p.set('campaign', next);
          // a problem belongs to one campaign: its filter would empty the next one's list
          p.delete('problemId');
          p.delete('page');
          return p;
        },
        { replace: true },
      ),
  };
}
