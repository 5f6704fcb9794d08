// A group's colours on the seat view: a pale fill, a border and the label's ink, the same group the
// same colours wherever it sits. Printed charts stay black on white.
const palette = [
  { background: '#e6f4ff', border: '#69b1ff', text: '#0958d9' },
  { background: '#f6ffed', border: '#95de64', text: '#389e0d' },
  { background: '#fff7e6', border: '#ffc069', text: '#d46b08' },
  { background: '#f9f0ff', border: '#b37feb', text: '#531dab' },
  { background: '#e6fffb', border: '#5cdbd3', text: '#08979c' },
  { background: '#fff0f6', border: '#ff85c0', text: '#c41d7f' },
  { background: '#fcffe6', border: '#d3f261', text: '#7cb305' },
  { background: '#f0f5ff', border: '#85a5ff', text: '#1d39c4' },
] as const;

const none = { background: '#ffffff', border: '#8c8c8c', text: '#595959' } as const;

export const groupColour = (group: number | null) => (group === null ? none : (palette[(group - 1) % palette.length] ?? none));
