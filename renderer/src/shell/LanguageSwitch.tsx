// 中文 / English: each label is written in its own language so anyone can find their way back.
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { type Language, setLanguage } from '../i18n'

export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation()
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('header.language')}
      value={i18n.language === 'en' ? 'en' : 'zh'}
      onChange={setLanguage}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
      data-testid="language-switch"
    />
  )
}
