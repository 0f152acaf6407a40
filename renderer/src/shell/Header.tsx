// The top bar of the content area: search, reminders, language and the person at the keyboard.
import { SearchOutlined } from '@ant-design/icons'
import { Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GlobalSearch } from './GlobalSearch'
import { JobsProgress } from './JobsProgress'
import { LanguageSwitch } from './LanguageSwitch'
import { RemindersBell } from './RemindersBell'
import { UserSwitcher } from './UserSwitcher'
import { modKeyLabel, useModKey } from './useHotkey'
import { useReminderAlerts } from './useReminderAlerts'
import './shell.css'

export function Header() {
  const { t } = useTranslation()
  const [searching, setSearching] = useState(false)
  useModKey('k', () => setSearching(true))
  useReminderAlerts()

  return (
    <header className="app-header">
      <button type="button" className="header-search" onClick={() => setSearching(true)} data-testid="header-search">
        <SearchOutlined />
        <span className="header-search-text">{t('header.searchPlaceholder')}</span>
        <kbd>{modKeyLabel('K')}</kbd>
      </button>
      <Space size={12}>
        <RemindersBell />
        <LanguageSwitch />
        <UserSwitcher />
      </Space>
      <GlobalSearch open={searching} onClose={() => setSearching(false)} />
      <JobsProgress />
    </header>
  )
}
