// Where a render's crash stops. Without one, React takes the whole window down to a white page:
// every part that can fail on its own (a page, the header, a dialog) stands in one of these, and the
// window itself in a last one (main.tsx).
import { useQueryClient } from '@tanstack/react-query'
import { Space, Typography } from 'antd'
import { Component, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  children: ReactNode
  /** A new value (another page, another opening) clears the error. */
  resetKey?: string | number
  fallback(error: Error, retry: () => void): ReactNode
}

interface State {
  error: Error | null
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown) {
    // Still visible to a developer with the console open.
    console.error('界面出错', error)
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override render() {
    const { error } = this.state
    return error ? this.props.fallback(error, () => this.setState({ error: null })) : this.props.children
  }
}

/**
 * What a fallback's retry button does: ask the backend again for everything the window holds, then
 * render the failed part again. An answer that part could not show is still in the query cache and
 * would take it down again at once.
 */
export function useRetryWithFreshData(retry: () => void): { asking: boolean; again(): void } {
  const queryClient = useQueryClient()
  const [asking, setAsking] = useState(false)
  const again = () => {
    setAsking(true)
    void queryClient.refetchQueries().finally(retry)
  }
  return { asking, again }
}

/** A fallback's explanation: what the crash means for the officer, then the error's own message. */
export function ErrorSubtitle({ body, error }: { body: string; error: Error }) {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical">
      <span>{body}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pageError.detail', { message: error.message })}
      </Typography.Text>
    </Space>
  )
}
