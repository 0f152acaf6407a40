// Backups, restore and integrity checks of the database file.
import { z } from 'zod'
import {
  type BackupInfo, type BackupList, type BackupSettings, BackupRestoreInput, BackupSettingsInput, type RestoreResult,
  type StorageCheck, StorageCheckInput,
} from '../../db/domain/storage'
import { method } from './define'

export const storageContract = {
  'backup-create': method(z.object({})).returns<BackupInfo>(),
  'backup-list': method(z.object({})).returns<BackupList>(),
  'backup-restore': method(BackupRestoreInput).returns<RestoreResult>(),
  'backup-settings-get': method(z.object({})).returns<BackupSettings>(),
  'backup-settings-set': method(BackupSettingsInput).returns<BackupSettings>(),
  'storage-check': method(StorageCheckInput).returns<StorageCheck>(),
}
