import Sqlite from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
copyFileSync('/tmp/bq.sqlite', '/tmp/bq2.sqlite')
const db = new Sqlite('/tmp/bq2.sqlite')
db.pragma('journal_mode = OFF'); db.pragma('synchronous = OFF'); db.pragma('cache_size = -262144')
const rows = db.prepare('SELECT * FROM negotiation LIMIT 20000').all() as any[]
const cols = Object.keys(rows[0])
function run(label: string) {
  db.exec('BEGIN')
  const ins = db.prepare(`INSERT INTO negotiation (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`)
  const t = performance.now(); const c0 = process.cpuUsage()
  for (const r of rows) ins.run(cols.map((c) => c === 'id' ? r.id + 'x' : r[c]))
  const cpu = process.cpuUsage(c0)
  console.log(label, ((performance.now() - t) / rows.length * 1000).toFixed(1), 'us/row wall', ((cpu.user + cpu.system) / rows.length).toFixed(1), 'us/row cpu')
  db.exec('ROLLBACK')
}
run('as is')
const trig = db.prepare("SELECT sql FROM sqlite_master WHERE name='search_doc_ai'").pluck().get() as string
db.exec('DROP TRIGGER search_doc_ai'); run('no fts trigger'); 
db.exec('DROP TRIGGER negotiation_search_ai'); run('no search_doc trigger')
const idx = db.prepare("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='negotiation' AND sql IS NOT NULL").pluck().all() as string[]
for (const i of idx) db.exec(`DROP INDEX ${i}`); run('no indexes')
db.close()
