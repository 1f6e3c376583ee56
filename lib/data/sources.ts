// The data sources of the rule set in force (kind, source, as-of date, SHA-256), for the sources page.
import 'server-only';
import type { TActor } from '@/lib/authz';
import { getActiveRuleSet } from '@/lib/data/rulesets';
import type { TDataset } from '@/lib/screening/types';

/** Any signed-in user may read which public data the screening uses (no organisation data here). */
export async function listActiveDataSources(_actor: TActor): Promise<{ label: string; datasets: TDataset[] }> {
  const active = await getActiveRuleSet();
  return { label: active.label, datasets: [...active.ruleSet.data.datasets] };
}
