// What the measurements showed and what was changed: appended to bench/RESULTS.md by report.ts.
export const FINDINGS = `## Findings

TODO
`
