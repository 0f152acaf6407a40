// The hub's schema in PostgreSQL, as SQL text: every statement is idempotent, so `hub init` can run
// again after an upgrade (that is the upgrade path of an existing hub: new tables are created, new
// grants given to the officers already there). Two schemas:
//   crm_hub — the team table, the operation log (append-only for officers: INSERT and SELECT), and
//             what `hub compact` keeps: how far each laptop has read, the snapshot, the compaction point.
//   crm     — the relational copy for reporting tools, kept current by a trigger on the log.
import { COPY_TABLES, type CopyColumn, type CopyTable } from './copy-tables'

/**
 * Bumped when the hub's schema changes in a way older clients must not write to or read from.
 * 2: compaction (snapshot, compaction, replica_cursor): a client that knows nothing of the snapshot
 * would read a compacted log with a gap, so it is refused instead.
 */
export const HUB_SCHEMA_VERSION = 2
export const LOG_SCHEMA = 'crm_hub'
export const COPY_SCHEMA = 'crm'

/**
 * Largest value (as JSON text) one operation may carry, in bytes: room for sync-core's longest text
 * (100,000 characters, 3 bytes each in UTF-8, plus escapes); anything bigger is no CRM field.
 */
export const MAX_VALUE_BYTES = 1_000_000

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

// The operation's value is jsonb (a string, a number or null); the copy's columns are typed. A value
// of the wrong shape becomes NULL in the copy rather than failing the push (the log keeps it as sent).
function cast(type: CopyColumn['type'], value: string): string {
  const text = `(${value} #>> '{}')`
  switch (type) {
    case 'text':
      return text
    case 'bigint':
      return `CASE WHEN jsonb_typeof(${value}) = 'number' THEN round(${text}::numeric)::bigint END`
    case 'date':
      return `CASE WHEN ${text} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN ${text}::date END`
    case 'timestamptz':
      return `CASE WHEN ${text} ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' THEN ${text}::timestamptz END`
    case 'boolean':
      return `(${text} IN ('1', 'true'))`
  }
}

/**
 * The set-based upsert of one (table, field) for the ops of one INSERT (the trigger's transition
 * table new_ops): per row only the op that no newer op of the same field beats (last writer wins,
 * rows already in the log included), and nothing for a row purged from the recycle bin.
 */
function upsertFromBatch(t: CopyTable, field: string, columns: string[], values: string[], update: string): string {
  const name = `${COPY_SCHEMA}.${ident(t.copyTable)}`
  return (
    `INSERT INTO ${name} (team_id, id, ${columns.join(', ')}) ` +
    `SELECT DISTINCT ON (n.team_id, n.row_id) n.team_id, n.row_id, ${values.join(', ')} FROM new_ops n ` +
    `WHERE n.tbl = ${quote(t.table)} AND n.field = ${quote(field)} ` +
    `AND NOT EXISTS (SELECT 1 FROM ${LOG_SCHEMA}.operation o WHERE o.team_id = n.team_id AND o.tbl = n.tbl AND o.row_id = n.row_id AND o.field = n.field AND o.hlc > n.hlc) ` +
    `AND NOT EXISTS (SELECT 1 FROM ${LOG_SCHEMA}.operation o WHERE o.team_id = n.team_id AND o.tbl = n.tbl AND o.row_id = n.row_id AND o.field = '_purged') ` +
    // Ops pruned by `hub compact` live on in the snapshot as each field's winner: a late op older
    // than the winner must not overwrite the copy, nor revive a purged row.
    `AND NOT EXISTS (SELECT 1 FROM ${LOG_SCHEMA}.snapshot s WHERE s.team_id = n.team_id AND s.tbl = n.tbl AND s.row_id = n.row_id ` +
    `AND (s.ops ? '_purged' OR (s.ops -> n.field ->> 0) COLLATE "C" > n.hlc COLLATE "C")) ` +
    `ORDER BY n.team_id, n.row_id, n.hlc DESC ` +
    `ON CONFLICT (team_id, id) DO UPDATE SET ${update}`
  )
}

function copyTableSql(t: CopyTable): string[] {
  const name = `${COPY_SCHEMA}.${ident(t.copyTable)}`
  const out = [
    `CREATE TABLE IF NOT EXISTS ${name} (team_id text NOT NULL, id text NOT NULL, PRIMARY KEY (team_id, id))`,
    `COMMENT ON TABLE ${name} IS ${quote(t.comment)}`,
    `COMMENT ON COLUMN ${name}.team_id IS ${quote('团队ID')}`,
    `COMMENT ON COLUMN ${name}.id IS ${quote(t.keyColumns ? '记录ID（两个ID以冒号连接）' : '记录ID')}`,
  ]
  const columns: CopyColumn[] = [...t.columns]
  if (t.keyColumns) columns.push({ field: '_deleted', column: 'deleted', type: 'boolean', comment: '已移除（true=该关联已取消）' })
  for (const c of columns) {
    out.push(`ALTER TABLE ${name} ADD COLUMN IF NOT EXISTS ${ident(c.column)} ${c.type}`)
    out.push(`COMMENT ON COLUMN ${name}.${ident(c.column)} IS ${quote(c.comment)}`)
  }
  // One set-based upsert per (table, field): the trigger runs those whose pairs occur in a batch.
  const rows: Array<[string, string]> = []
  if (t.keyColumns) {
    const [a, b] = t.keyColumns as [string, string]
    const values = [`split_part(n.row_id, ':', 1)`, `split_part(n.row_id, ':', 2)`, cast('boolean', 'n.value')]
    rows.push(['_deleted', upsertFromBatch(t, '_deleted', [ident(a), ident(b), 'deleted'], values, 'deleted = EXCLUDED.deleted')])
  } else {
    for (const c of t.columns) {
      const col = ident(c.column)
      rows.push([c.field, upsertFromBatch(t, c.field, [col], [cast(c.type, 'n.value')], `${col} = EXCLUDED.${col}`)])
    }
  }
  for (const [field, upsert] of rows) {
    out.push(
      `INSERT INTO ${LOG_SCHEMA}.copy_field (tbl, field, upsert_sql) VALUES (${quote(t.table)}, ${quote(field)}, ${quote(upsert)}) ` +
        `ON CONFLICT (tbl, field) DO UPDATE SET upsert_sql = EXCLUDED.upsert_sql`,
    )
  }
  const purge = `DELETE FROM ${name} c USING new_ops n WHERE n.tbl = ${quote(t.table)} AND n.field = '_purged' AND c.team_id = n.team_id AND c.id = n.row_id`
  out.push(
    `INSERT INTO ${LOG_SCHEMA}.copy_table (tbl, delete_sql) VALUES (${quote(t.table)}, ${quote(purge)}) ` +
      `ON CONFLICT (tbl) DO UPDATE SET delete_sql = EXCLUDED.delete_sql`,
  )
  return out
}

/** Every statement of `hub init`, in order; run them in one transaction. */
export function hubSchemaStatements(): string[] {
  const L = LOG_SCHEMA
  return [
    `CREATE SCHEMA IF NOT EXISTS ${L}`,
    `CREATE SCHEMA IF NOT EXISTS ${COPY_SCHEMA}`,
    `COMMENT ON SCHEMA ${COPY_SCHEMA} IS ${quote('招商引资 CRM 团队数据的关系副本（只读；由中心库根据操作日志自动维护）')}`,
    `CREATE TABLE IF NOT EXISTS ${L}.meta (key text PRIMARY KEY, value text NOT NULL)`,
    `INSERT INTO ${L}.meta VALUES ('schema_version', '${HUB_SCHEMA_VERSION}') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    `CREATE TABLE IF NOT EXISTS ${L}.team (
      id text PRIMARY KEY CHECK (id ~ '^[0-9A-Za-z_-]{8,64}$'),
      name text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now())`,
    // The log. Officers INSERT every column except seq, author and received_at, which the server
    // fills: the author is the PostgreSQL role that sent the op, never what the client claims.
    `CREATE TABLE IF NOT EXISTS ${L}.operation (
      seq bigserial NOT NULL,
      hlc text PRIMARY KEY CHECK (hlc ~ '^\\d{13}-[0-9a-f]{4}-[0-9A-Za-z]{16,40}$'),
      team_id text NOT NULL REFERENCES ${L}.team (id),
      replica_id text NOT NULL,
      user_id text CHECK (user_id IS NULL OR length(user_id) <= 64),
      tbl text NOT NULL CHECK (tbl ~ '^[A-Za-z]{1,64}$'),
      row_id text NOT NULL CHECK (length(row_id) BETWEEN 1 AND 200),
      field text NOT NULL CHECK (field ~ '^_?[A-Za-z0-9]{1,64}$'),
      value jsonb CHECK (value IS NULL OR (jsonb_typeof(value) IN ('string', 'number', 'null') AND octet_length(value::text) <= ${MAX_VALUE_BYTES})),
      author name NOT NULL DEFAULT current_user,
      received_at timestamptz NOT NULL DEFAULT now(),
      CHECK (substr(hlc, 20) = replica_id))`,
    `COMMENT ON TABLE ${L}.operation IS ${quote('操作日志：每行是一个字段在某一时刻的取值（只追加）')}`,
    `COMMENT ON COLUMN ${L}.operation.author IS ${quote('写入该操作的数据库角色（服务器记录，客户端无法指定）')}`,
    `CREATE UNIQUE INDEX IF NOT EXISTS operation_team_seq ON ${L}.operation (team_id, seq)`,
    // Last writer wins per field: the trigger asks "is there a newer op for this field?".
    `CREATE INDEX IF NOT EXISTS operation_field ON ${L}.operation (team_id, tbl, row_id, field, hlc)`,
    // `hub compact` (db/hub/compact.ts). How far each laptop has read the log, reported by its
    // pulls through note_read (officers cannot write the table directly).
    `CREATE TABLE IF NOT EXISTS ${L}.replica_cursor (
      team_id text NOT NULL REFERENCES ${L}.team (id),
      replica_id text NOT NULL CHECK (replica_id ~ '^[0-9A-Za-z]{16,40}$'),
      seq bigint NOT NULL CHECK (seq >= 0),
      author name NOT NULL,
      seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (team_id, replica_id))`,
    `COMMENT ON TABLE ${L}.replica_cursor IS ${quote('每台电脑已读到的操作序号（每次下载后更新）：压缩只删除所有已知电脑都读过的操作')}`,
    // The compacted part of the log, in the shape the first pull reads: per record, each field's
    // winning op as [hlc, user_id, value].
    `CREATE TABLE IF NOT EXISTS ${L}.snapshot (
      team_id text NOT NULL REFERENCES ${L}.team (id),
      tbl text NOT NULL,
      row_id text NOT NULL,
      ops jsonb NOT NULL,
      PRIMARY KEY (team_id, tbl, row_id))`,
    `COMMENT ON TABLE ${L}.snapshot IS ${quote('压缩后的快照：每条记录每个字段的最终取值 [时间戳, 用户, 值]')}`,
    // Per team: the log's ops up to upto_seq live only in the snapshot; marks are, per origin
    // replica, the greatest hlc the snapshot covers. A laptop whose cursor is below upto_seq takes
    // the snapshot before the log.
    `CREATE TABLE IF NOT EXISTS ${L}.compaction (
      team_id text PRIMARY KEY REFERENCES ${L}.team (id),
      upto_seq bigint NOT NULL,
      marks jsonb NOT NULL,
      compacted_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE OR REPLACE FUNCTION ${L}.note_read(p_team text, p_replica text, p_seq bigint) RETURNS void LANGUAGE sql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $fn$
      INSERT INTO ${L}.replica_cursor (team_id, replica_id, seq, author, seen_at) VALUES (p_team, p_replica, p_seq, session_user, now())
      ON CONFLICT (team_id, replica_id) DO UPDATE SET seq = EXCLUDED.seq, author = EXCLUDED.author, seen_at = EXCLUDED.seen_at
    $fn$`,
    `CREATE TABLE IF NOT EXISTS ${L}.copy_table (tbl text PRIMARY KEY, delete_sql text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${L}.copy_field (tbl text NOT NULL, field text NOT NULL, upsert_sql text NOT NULL, PRIMARY KEY (tbl, field))`,
    // seq is the pull cursor, so seq order must be commit order: a transaction that took seq 11
    // must not commit after one that took seq 12 was already read (the reader would skip 11).
    // Every inserting transaction takes one advisory lock until it commits, so pushes are serial.
    `CREATE OR REPLACE FUNCTION ${L}.serialize_push() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM pg_advisory_xact_lock(7242151501);
      RETURN NULL;
    END $fn$`,
    // Once per INSERT statement, over the ops it inserted (the transition table new_ops): one
    // set-based statement per (table, field) present, not one dynamic statement per op.
    `CREATE OR REPLACE FUNCTION ${L}.apply_to_copy() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $fn$
    DECLARE
      r record;
    BEGIN
      FOR r IN SELECT f.upsert_sql FROM (SELECT DISTINCT tbl, field FROM new_ops) n JOIN ${L}.copy_field f USING (tbl, field) LOOP
        EXECUTE r.upsert_sql;
      END LOOP;
      -- A row emptied from the recycle bin leaves the copy; the upserts above never revive it.
      FOR r IN SELECT t.delete_sql FROM (SELECT DISTINCT tbl FROM new_ops WHERE field = '_purged') n JOIN ${L}.copy_table t USING (tbl) LOOP
        EXECUTE r.delete_sql;
      END LOOP;
      RETURN NULL;
    END $fn$`,
    `DROP TRIGGER IF EXISTS operation_serialize ON ${L}.operation`,
    `CREATE TRIGGER operation_serialize BEFORE INSERT ON ${L}.operation FOR EACH STATEMENT EXECUTE FUNCTION ${L}.serialize_push()`,
    `DROP TRIGGER IF EXISTS operation_copy ON ${L}.operation`,
    `CREATE TRIGGER operation_copy AFTER INSERT ON ${L}.operation REFERENCING NEW TABLE AS new_ops FOR EACH STATEMENT EXECUTE FUNCTION ${L}.apply_to_copy()`,
    ...COPY_TABLES.flatMap(copyTableSql),
    // Nobody but the owner and the roles given below may read or write anything here.
    `REVOKE ALL ON SCHEMA ${L}, ${COPY_SCHEMA} FROM PUBLIC`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${L} FROM PUBLIC`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${COPY_SCHEMA} FROM PUBLIC`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${L} FROM PUBLIC`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${L} FROM PUBLIC`,
    // Upgrading a hub: the officers already there (those who may append to the log) get what this
    // version added, so their laptops keep syncing without an administrator retyping GRANTs.
    `DO $up$ DECLARE r record; BEGIN
      FOR r IN SELECT DISTINCT grantee FROM information_schema.column_privileges
               WHERE table_schema = '${L}' AND table_name = 'operation' AND privilege_type = 'INSERT' AND grantee <> current_user LOOP
        EXECUTE format('GRANT SELECT ON ${L}.snapshot, ${L}.compaction TO %I', r.grantee);
        EXECUTE format('GRANT EXECUTE ON FUNCTION ${L}.note_read(text, text, bigint) TO %I', r.grantee);
      END LOOP;
    END $up$`,
  ]
}

/** The GRANTs that make `role` an officer: append and read the log, read the copy; no UPDATE, no DELETE. */
export function officerGrants(role: string): string[] {
  const r = ident(role)
  const L = LOG_SCHEMA
  return [
    `GRANT USAGE ON SCHEMA ${L}, ${COPY_SCHEMA} TO ${r};`,
    `GRANT SELECT ON ${L}.meta, ${L}.team TO ${r};`,
    `GRANT SELECT, INSERT (hlc, team_id, replica_id, user_id, tbl, row_id, field, value) ON ${L}.operation TO ${r};`,
    `GRANT USAGE ON SEQUENCE ${L}.operation_seq_seq TO ${r};`,
    // Compaction: the pull reads the snapshot when it is behind, and reports how far it has read.
    `GRANT SELECT ON ${L}.snapshot, ${L}.compaction TO ${r};`,
    `GRANT EXECUTE ON FUNCTION ${L}.note_read(text, text, bigint) TO ${r};`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${COPY_SCHEMA} TO ${r};`,
  ]
}

/** For a reporting tool's role (帆软, Superset, Excel): read the relational copy only. */
export function readerGrants(role: string): string[] {
  const r = ident(role)
  return [`GRANT USAGE ON SCHEMA ${COPY_SCHEMA} TO ${r};`, `GRANT SELECT ON ALL TABLES IN SCHEMA ${COPY_SCHEMA} TO ${r};`]
}
