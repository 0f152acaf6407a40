// Strings of the daily-work safety nets: money fields, the error boundaries (a page, a part of the
// window's frame, the window), duplicate-save guard.
import { defineMessages } from '../define'

export const daily = defineMessages({
  zh: {
    amount: {
      unit: '金额单位',
      approximate: '“约数”按 {{amount}} 记录，请确认',
      unreadable: '看不懂这个金额：请填数字，可带单位，如 3.5、3.5亿、5000万、3亿5000万',
    },
    nextStep: { log: '记录洽谈' },
    pageError: {
      title: '此页出错了',
      body: '页面遇到了无法处理的情况，其他页面和已保存的数据不受影响。可以重新载入此页，或先去其他页面。',
      detail: '技术信息：{{message}}',
      retry: '重新载入此页',
      home: '回到工作台',
    },
    partError: {
      title: '{{part}}出错了，其他功能和已保存的数据不受影响',
      retry: '重试',
      close: '关闭',
      header: '顶栏',
      welcome: '首次使用向导',
      quickEntry: '记一笔洽谈',
    },
    windowError: {
      title: '窗口出错了',
      body: '已保存的数据不受影响。重新载入窗口后即可继续。',
      reload: '重新载入窗口',
    },
  },
  en: {
    amount: {
      unit: 'Amount unit',
      approximate: 'Approximate amount recorded as {{amount}}, please check',
      unreadable: 'This amount cannot be read: type a number, with a unit if you like, e.g. 3.5, 3.5亿, 5000万, 3亿5000万',
    },
    nextStep: { log: 'Log negotiation' },
    pageError: {
      title: 'This page ran into a problem',
      body: 'The page met something it could not handle. Other pages and saved data are not affected. Reload this page, or go to another page first.',
      detail: 'Technical detail: {{message}}',
      retry: 'Reload this page',
      home: 'Go to the workbench',
    },
    partError: {
      title: 'The {{part}} ran into a problem. Everything else and saved data are not affected',
      retry: 'Try again',
      close: 'Close',
      header: 'header',
      welcome: 'first-start guide',
      quickEntry: 'quick negotiation entry',
    },
    windowError: {
      title: 'The window ran into a problem',
      body: 'Saved data is not affected. Reload the window to go on.',
      reload: 'Reload the window',
    },
  },
})
