// The app itself: version, data location, demo data.
import { z } from 'zod'
import type { SeedSummary } from '../../db/domain/park'
import { method } from './define'

export interface AppInfo {
  version: string
  dbFile: string
  schemaVersion: string
  shell: 'electron' | 'web' | 'cli' | 'test'
  empty: boolean
}

export const systemContract = {
  'app-info': method(z.object({})).returns<AppInfo>(),
  'demo-seed': method(z.object({})).returns<SeedSummary>(),
}
