import { useMemo } from 'preact/hooks';
import { MAX_SITES, SITE_RULES_SYNC_BUDGET, syncBytesOf } from '@/lib/ext/site-rules-store';
import { formatBytes } from '@/lib/i18n/format';
import type { Lang } from '@/lib/i18n/language';
import { translate } from '@/lib/i18n/strings';
import type { SitesState } from './useSavedSettings';

export interface SiteStorageInfoProps {
  lang: Lang;
  sites: SitesState;
}

/** Where the list is kept (synced, or this browser only, and why), and the limits that decide it. */
export function SiteStorageInfo({ lang, sites }: SiteStorageInfoProps) {
  // Measuring 10,000 sites is a JSON of 200 KB: once per list, not per render.
  const bytes = useMemo(
    () =>
      sites.mode === null ? 0 : syncBytesOf({ mode: sites.mode, sites: sites.sites, unreadable: sites.unreadable }),
    [sites.mode, sites.sites, sites.unreadable],
  );
  const size = formatBytes(lang, bytes);
  const limit = formatBytes(lang, SITE_RULES_SYNC_BUDGET);
  return (
    <div class="storage-info">
      <p data-area={sites.area}>
        {translate(lang, sites.area === 'local' ? 'optStorageLocal' : 'optStorageSync', { size, limit })}
      </p>
      <p class="hint">
        {translate(lang, 'optSitesLimits', { max: new Intl.NumberFormat(lang).format(MAX_SITES), limit })}
      </p>
    </div>
  );
}
