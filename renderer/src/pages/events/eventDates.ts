// One day, or a span: '2024-05-10' or '2024-05-10 ~ 2024-05-12'.
export const eventDates = ({ startOn, endOn }: { startOn: string; endOn: string | null }): string =>
  endOn && endOn !== startOn ? `${startOn} ~ ${endOn}` : startOn
