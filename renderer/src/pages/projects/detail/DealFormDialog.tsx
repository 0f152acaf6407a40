// The dialog shape AgreementForm and FundsForm share: useFormDialog's modal around a vertical form
// that saves on Enter (a hidden submit button, as in every form of the app).
import { Form, type FormInstance, Modal } from 'antd'
import type { ReactNode } from 'react'
import type { useFormDialog } from '../../../components/useFormDialog'

interface Props {
  dialog: Pick<ReturnType<typeof useFormDialog>, 'submit' | 'modalProps'> & { form: FormInstance }
  open: boolean
  width: number
  title: string
  testId: string
  initialValues: object
  children: ReactNode
}

export function DealFormDialog({ dialog, open, width, title, testId, initialValues, children }: Props) {
  return (
    <Modal open={open} width={width} title={title} {...dialog.modalProps}>
      <Form form={dialog.form} layout="vertical" preserve={false} data-testid={testId} onFinish={() => void dialog.submit()} initialValues={initialValues}>
        {children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
