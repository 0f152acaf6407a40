// Any figure on any tab can open the drawer of the projects behind it.
import { createContext, useContext } from 'react'
import type { ReportDrill } from '../../../../../db/domain/report'

export interface DrillRequest {
  drill: ReportDrill
  /** What was clicked, for the drawer's title ('签约 · 2024年'). */
  title: string
}

export const DrillContext = createContext<(request: DrillRequest) => void>(() => undefined)

export const useOpenDrill = () => useContext(DrillContext)
