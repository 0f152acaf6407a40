// Strings of the workbench area.
import { defineMessages } from '../define'

export const workbench = defineMessages({
  zh: {
    workbench: {
      greeting: '{{name}}，你好',
      today: '今天是 {{date}}',
      scope: { mine: '我的', all: '全部' },
      quickEntry: '记一笔洽谈',
      seeAll: '查看全部',
      stepContext: '{{date}} {{type}}：{{summary}}',
      counts: { overdue: '已逾期', dueToday: '今日到期', dueSoon: '未来{{days}}天到期' },
      columns: { due: '期限', target: '项目 / 客商', step: '下一步工作', owner: '负责人' },
      dueNow: {
        title: '待办：逾期与今日到期',
        empty: '没有逾期或今日到期的下一步。记录洽谈时填写“下一步工作”和期限，它们会按期出现在这里。',
      },
      upcoming: { title: '未来{{days}}天', empty: '未来{{days}}天没有到期的下一步。' },
      projects: {
        mine: '我的项目（按阶段）',
        all: '全部项目（按阶段）',
        stage: '阶段',
        count: '项目数',
        amount: '总投资（亿元）',
        total: '合计',
        empty: '还没有项目。去“项目”页新建第一个。',
      },
      recent: { title: '最近洽谈', empty: '还没有洽谈记录。按 Ctrl+J 记下第一次接触。' },
    },
  },
  en: {
    workbench: {
      greeting: 'Hello, {{name}}',
      today: 'Today is {{date}}',
      scope: { mine: 'Mine', all: 'All' },
      quickEntry: 'Log a negotiation',
      seeAll: 'See all',
      stepContext: '{{date}} {{type}}: {{summary}}',
      counts: { overdue: 'Overdue', dueToday: 'Due today', dueSoon: 'Due in {{days}} days' },
      columns: { due: 'Due', target: 'Project / investor', step: 'Next step', owner: 'Owner' },
      dueNow: {
        title: 'To do: overdue and due today',
        empty: 'Nothing overdue or due today. Give a negotiation a next step and a due date, and it shows up here on time.',
      },
      upcoming: { title: 'Next {{days}} days', empty: 'No next step due in the next {{days}} days.' },
      projects: {
        mine: 'My projects by stage',
        all: 'All projects by stage',
        stage: 'Stage',
        count: 'Projects',
        amount: 'Total (100M)',
        total: 'Total',
        empty: 'No projects yet. Create the first one on the Projects page.',
      },
      recent: { title: 'Recent negotiations', empty: 'No negotiations yet. Press Ctrl+J to log the first contact.' },
    },
  },
})
