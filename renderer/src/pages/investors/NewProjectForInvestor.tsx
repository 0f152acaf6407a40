// 新建项目 where the officer is: on the investor's 项目 tab, and offered right after a new investor
// is saved (the usual next step). The project form opens with the investor filled in.
import { PlusOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { ProjectForm } from '../projects/ProjectForm'

interface InvestorRef {
  id: string
  name: string
}

/** The project form for one investor; a fresh form per opening. Saving opens the new project. */
function useNewProjectDialog() {
  const navigate = useNavigate()
  const [investor, setInvestor] = useState<InvestorRef | null>(null)
  const [opening, setOpening] = useState(0)
  const open = (next: InvestorRef) => {
    setOpening((n) => n + 1)
    setInvestor(next)
  }
  const dialog = (
    <ProjectForm
      key={opening}
      project={null}
      investor={investor ?? undefined}
      open={investor !== null}
      onClose={() => setInvestor(null)}
      onSaved={(project) => navigate(`/projects/${project.id}`)}
    />
  )
  return { open, dialog }
}

export function NewProjectForInvestorButton({ investor }: { investor: InvestorRef }) {
  const { t } = useTranslation()
  const { open, dialog } = useNewProjectDialog()
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => open(investor)} data-testid="investor-new-project">
        {t('project.add')}
      </Button>
      {dialog}
    </>
  )
}

/** After a new investor is saved: ask whether to start its project now. */
export function useOfferNewProject() {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const { open, dialog } = useNewProjectDialog()
  const offer = (investor: InvestorRef) => {
    modal.confirm({
      title: t('newProjectOffer.title', { name: investor.name }),
      content: t('newProjectOffer.body'),
      okText: t('project.add'),
      cancelText: t('newProjectOffer.later'),
      onOk: () => open(investor),
    })
  }
  return { offer, dialog }
}
