// 报到率 as the overview, the workbench and the tab show it: one decimal, a dash before anyone is expected.
export const checkinRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
