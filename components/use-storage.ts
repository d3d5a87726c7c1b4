// Owns reading storage items in Preact components: the current value, kept up to date by watching the item.
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { settingsItem, type Settings } from './storage';

/** The item's value (undefined until first read), re-rendered whenever it changes in storage. */
export function useStorageItem<T>(item: WxtStorageItem<T, any> | null): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!item) return;
    let alive = true;
    item.getValue().then((v) => alive && setValue(v));
    const unwatch = item.watch((v) => alive && setValue(v ?? item.fallback));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item?.key]);
  return value;
}

/** Changes some settings fields, keeping the others as they are in storage now (not as last rendered). */
export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const current = await settingsItem.getValue();
  await settingsItem.setValue({ ...current, ...patch });
}
