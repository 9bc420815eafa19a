import type { ApiRecord, RecordTypeConfig, RecordTypeName } from './types';

const configs = new Map<RecordTypeName, RecordTypeConfig>();

/** Each record type's feature registers its config once, so links and titles work across features. */
export function registerRecordType<R extends ApiRecord>(config: RecordTypeConfig<R>): RecordTypeConfig<R> {
  configs.set(config.type, config as unknown as RecordTypeConfig);
  return config;
}

export function recordTypeConfig(type: string): RecordTypeConfig | undefined {
  return configs.get(type as RecordTypeName);
}
