// The report facts' SQL as the latest migration that changed them left it: the one-pass rebuild and
// the triggers that keep the facts, for code that sets the triggers aside during a bulk load (the
// bench generator, the sync bulk first pull) and for the property test. A migration is frozen once
// released, so each one that changes the facts carries its own copy; this line moves to the newest.
// factsOf / staysOf (a project filter as SQL): the ledger import refreshes the facts of the projects it wrote.
export { REBUILD_REPORT_FACTS, REPORT_FACT_TRIGGERS, factsOf, staysOf } from '../../migrations/0010-report-cohort-facts'
