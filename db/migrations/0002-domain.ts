// The domain of DOMAIN.md: industries, tags, investors and contacts, projects and their stage
// events, negotiations, agreements, funds, enterprise requests, events, targets, attachments, and
// the search index. Frozen: never import app code here; word lists are repeated as CHECKs.
import { type Kysely, sql } from 'kysely'

const RECORD = `
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT`

const STAGES = `'lead','contacted','negotiating','signed','registered','started','completed','operating','evaluated','on_hold','lost','terminated'`
const DATE = (column: string) => `CHECK (${column} IS NULL OR (${column} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(${column}) = ${column}))`
const AMOUNT = (column: string) => `INTEGER CHECK (${column} IS NULL OR ${column} >= 0)`
const FLAG = (column: string) => `INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`

const STATEMENTS = [
  `CREATE TABLE industry (${RECORD},
    parent_id TEXT REFERENCES industry (id),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
    sort_order INTEGER NOT NULL DEFAULT 0
  ) STRICT`,
  `CREATE UNIQUE INDEX industry_name ON industry (coalesce(parent_id, ''), name) WHERE deleted_at IS NULL`,

  `CREATE TABLE tag (${RECORD},
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 30),
    color TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX tag_name ON tag (name) WHERE deleted_at IS NULL`,

  `CREATE TABLE investor (${RECORD},
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    name_norm TEXT NOT NULL,
    search_keys TEXT NOT NULL DEFAULT '',
    credit_code TEXT CHECK (credit_code IS NULL OR length(credit_code) = 18),
    ownership TEXT CHECK (ownership IN ('soe','central_soe','private','foreign','hmt','listed')),
    origin TEXT CHECK (origin IN ('overseas','other_province','in_province','local')),
    origin_city TEXT,
    industry_id TEXT REFERENCES industry (id),
    registered_capital_yuan ${AMOUNT('registered_capital_yuan')},
    source_channel TEXT CHECK (source_channel IN ('investor_referral','promotion','agency','fund','resident','visit','other')),
    website TEXT,
    address TEXT,
    note TEXT,
    merged_into TEXT REFERENCES investor (id)
  ) STRICT`,
  `CREATE UNIQUE INDEX investor_credit_code ON investor (credit_code) WHERE credit_code IS NOT NULL AND deleted_at IS NULL`,
  `CREATE INDEX investor_name_norm ON investor (name_norm)`,

  `CREATE TABLE investor_tag (
    investor_id TEXT NOT NULL REFERENCES investor (id),
    tag_id TEXT NOT NULL REFERENCES tag (id),
    PRIMARY KEY (investor_id, tag_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX investor_tag_tag ON investor_tag (tag_id)`,

  `CREATE TABLE contact (${RECORD},
    investor_id TEXT NOT NULL REFERENCES investor (id),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
    title TEXT,
    phone TEXT,
    email TEXT,
    wechat TEXT,
    is_primary ${FLAG('is_primary')},
    note TEXT
  ) STRICT`,
  `CREATE INDEX contact_investor ON contact (investor_id)`,

  `CREATE TABLE event (${RECORD},
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    type TEXT NOT NULL CHECK (type IN ('promotion','fair','signing','expo','trip')),
    start_on TEXT NOT NULL ${DATE('start_on')},
    end_on TEXT ${DATE('end_on')},
    city TEXT,
    organizer TEXT,
    owner_id TEXT REFERENCES user (id),
    note TEXT,
    CHECK (end_on IS NULL OR end_on >= start_on)
  ) STRICT`,
  `CREATE INDEX event_start ON event (start_on)`,

  `CREATE TABLE project (${RECORD},
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    search_keys TEXT NOT NULL DEFAULT '',
    investor_id TEXT REFERENCES investor (id),
    district_id TEXT REFERENCES district (id),
    park_id TEXT REFERENCES park (id),
    industry_id TEXT REFERENCES industry (id),
    chain TEXT,
    kind TEXT CHECK (kind IN ('new','expansion','capital_increase','renovation')),
    stage TEXT NOT NULL DEFAULT 'lead' CHECK (stage IN (${STAGES})),
    stage_on TEXT NOT NULL ${DATE('stage_on')},
    total_investment_yuan ${AMOUNT('total_investment_yuan')},
    fixed_asset_yuan ${AMOUNT('fixed_asset_yuan')},
    foreign_capital_usd ${AMOUNT('foreign_capital_usd')},
    land_centi_mu ${AMOUNT('land_centi_mu')},
    expected_output_yuan ${AMOUNT('expected_output_yuan')},
    expected_tax_yuan ${AMOUNT('expected_tax_yuan')},
    expected_jobs ${AMOUNT('expected_jobs')},
    priority TEXT CHECK (priority IN ('provincial','municipal','district')),
    owner_id TEXT REFERENCES user (id),
    leader_id TEXT REFERENCES user (id),
    source_event_id TEXT REFERENCES event (id),
    progress TEXT,
    reserve_on TEXT NOT NULL ${DATE('reserve_on')},
    signed_on TEXT ${DATE('signed_on')},
    registered_on TEXT ${DATE('registered_on')},
    started_on TEXT ${DATE('started_on')},
    completed_on TEXT ${DATE('completed_on')},
    operating_on TEXT ${DATE('operating_on')},
    evaluated_on TEXT ${DATE('evaluated_on')},
    plan_signed_on TEXT ${DATE('plan_signed_on')},
    plan_started_on TEXT ${DATE('plan_started_on')},
    plan_operating_on TEXT ${DATE('plan_operating_on')}
  ) STRICT`,
  // The park's kanban board: per stage, the newest cards come in index order (30 rows read, no
  // sort of the whole column) (a park's board at 10⁵ projects: 145 → 20 ms CPU; bench/RESULTS.md).
  `CREATE INDEX project_park_stage ON project (park_id, stage, updated_at, total_investment_yuan) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_district_stage ON project (district_id, stage) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_stage ON project (stage, stage_on) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_owner ON project (owner_id, stage) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_investor ON project (investor_id)`,
  // Report flows count projects whose milestone falls in a period and sum their 总投资: one range
  // of the date's index each instead of a scan of every project (the flow at 10⁵ projects went
  // from 3.4 s to about 1 s, the rest being the signing date; bench/RESULTS.md).
  `CREATE INDEX project_reserve_on ON project (reserve_on, total_investment_yuan) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_signed_on ON project (signed_on, total_investment_yuan) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_registered_on ON project (registered_on, total_investment_yuan) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_started_on ON project (started_on, total_investment_yuan) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_operating_on ON project (operating_on, total_investment_yuan) WHERE deleted_at IS NULL`,
  `CREATE INDEX project_updated ON project (updated_at) WHERE deleted_at IS NULL`,
  // The kanban board: newest cards per stage, and per-stage totals read from the index alone.
  `CREATE INDEX project_stage_updated ON project (stage, updated_at, total_investment_yuan) WHERE deleted_at IS NULL`,

  `CREATE TABLE project_tag (
    project_id TEXT NOT NULL REFERENCES project (id),
    tag_id TEXT NOT NULL REFERENCES tag (id),
    PRIMARY KEY (project_id, tag_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX project_tag_tag ON project_tag (tag_id)`,

  `CREATE TABLE stage_event (${RECORD},
    project_id TEXT NOT NULL REFERENCES project (id),
    from_stage TEXT CHECK (from_stage IN (${STAGES})),
    to_stage TEXT NOT NULL CHECK (to_stage IN (${STAGES})),
    happened_on TEXT NOT NULL ${DATE('happened_on')},
    note TEXT,
    reason TEXT
  ) STRICT`,
  `CREATE INDEX stage_event_project ON stage_event (project_id, happened_on)`,
  `CREATE INDEX stage_event_to ON stage_event (to_stage, happened_on)`,

  `CREATE TABLE negotiation (${RECORD},
    project_id TEXT REFERENCES project (id),
    investor_id TEXT REFERENCES investor (id),
    happened_on TEXT NOT NULL ${DATE('happened_on')},
    type TEXT NOT NULL CHECK (type IN ('visit_out','visit_in','inspection','phone','video','promotion','signing')),
    our_people TEXT,
    their_people TEXT,
    summary TEXT NOT NULL CHECK (length(trim(summary)) >= 1),
    result TEXT,
    next_step TEXT,
    next_due_on TEXT ${DATE('next_due_on')},
    next_done_on TEXT ${DATE('next_done_on')},
    owner_id TEXT REFERENCES user (id),
    event_id TEXT REFERENCES event (id),
    CHECK (project_id IS NOT NULL OR investor_id IS NOT NULL),
    CHECK (next_due_on IS NULL OR next_step IS NOT NULL)
  ) STRICT`,
  `CREATE INDEX negotiation_project ON negotiation (project_id, happened_on)`,
  `CREATE INDEX negotiation_investor ON negotiation (investor_id, happened_on)`,
  `CREATE INDEX negotiation_due ON negotiation (next_due_on, owner_id) WHERE next_due_on IS NOT NULL AND next_done_on IS NULL AND deleted_at IS NULL`,
  `CREATE INDEX negotiation_happened ON negotiation (happened_on)`,

  `CREATE TABLE agreement (${RECORD},
    project_id TEXT NOT NULL REFERENCES project (id),
    type TEXT NOT NULL CHECK (type IN ('framework','investment','supplement')),
    signed_on TEXT NOT NULL ${DATE('signed_on')},
    amount_yuan ${AMOUNT('amount_yuan')},
    contract_no TEXT,
    note TEXT
  ) STRICT`,
  `CREATE INDEX agreement_project ON agreement (project_id, signed_on)`,
  `CREATE INDEX agreement_signed ON agreement (signed_on)`,

  `CREATE TABLE funds (${RECORD},
    project_id TEXT NOT NULL REFERENCES project (id),
    arrived_on TEXT NOT NULL ${DATE('arrived_on')},
    amount_yuan INTEGER NOT NULL CHECK (amount_yuan > 0),
    note TEXT
  ) STRICT`,
  `CREATE INDEX funds_project ON funds (project_id, arrived_on)`,
  `CREATE INDEX funds_arrived ON funds (arrived_on)`,

  `CREATE TABLE request (${RECORD},
    investor_id TEXT REFERENCES investor (id),
    project_id TEXT REFERENCES project (id),
    category TEXT NOT NULL CHECK (category IN ('financing','land','approval','labor','expansion_ipo','policy','other')),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    detail TEXT,
    received_on TEXT NOT NULL ${DATE('received_on')},
    assignee_id TEXT REFERENCES user (id),
    department TEXT,
    deadline_on TEXT ${DATE('deadline_on')},
    status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received','assigned','in_progress','resolved','revisited')),
    resolved_on TEXT ${DATE('resolved_on')},
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    feedback TEXT,
    CHECK (investor_id IS NOT NULL OR project_id IS NOT NULL)
  ) STRICT`,
  `CREATE INDEX request_status ON request (status, deadline_on) WHERE deleted_at IS NULL`,
  `CREATE INDEX request_investor ON request (investor_id)`,
  `CREATE INDEX request_project ON request (project_id)`,

  `CREATE TABLE event_investor (
    event_id TEXT NOT NULL REFERENCES event (id),
    investor_id TEXT NOT NULL REFERENCES investor (id),
    PRIMARY KEY (event_id, investor_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX event_investor_investor ON event_investor (investor_id)`,
  `CREATE TABLE event_project (
    event_id TEXT NOT NULL REFERENCES event (id),
    project_id TEXT NOT NULL REFERENCES project (id),
    PRIMARY KEY (event_id, project_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX event_project_project ON event_project (project_id)`,

  `CREATE TABLE target (${RECORD},
    year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    unit_type TEXT NOT NULL CHECK (unit_type IN ('district','park','user')),
    unit_id TEXT NOT NULL,
    indicator TEXT NOT NULL CHECK (indicator IN ('new_projects','new_investment','signed_projects','signed_amount','started_projects','operating_projects','funds')),
    value INTEGER NOT NULL CHECK (value >= 0)
  ) STRICT`,
  `CREATE UNIQUE INDEX target_unit ON target (year, unit_type, unit_id, indicator) WHERE deleted_at IS NULL`,

  `CREATE TABLE attachment (${RECORD},
    entity TEXT NOT NULL CHECK (entity IN ('project','investor','agreement','negotiation','request','event')),
    entity_id TEXT NOT NULL,
    file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    mime TEXT
  ) STRICT`,
  `CREATE INDEX attachment_entity ON attachment (entity, entity_id)`,
  `CREATE INDEX attachment_sha ON attachment (sha256)`,

  // Search: one row per searchable record in search_doc (kept by triggers, so every write path —
  // services, imports, merges — keeps it true), indexed by an external-content FTS5 table with the
  // trigram tokenizer, which finds Chinese substrings without a word segmenter.
  `CREATE TABLE search_doc (
    docid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    keys TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE VIRTUAL TABLE search_fts USING fts5(title, body, keys, content='search_doc', content_rowid='docid', tokenize='trigram')`,
  `CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
    INSERT INTO search_fts (rowid, title, body, keys) VALUES (new.docid, new.title, new.body, new.keys);
  END`,
  `CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body, keys) VALUES ('delete', old.docid, old.title, old.body, old.keys);
  END`,
  `CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body, keys) VALUES ('delete', old.docid, old.title, old.body, old.keys);
    INSERT INTO search_fts (rowid, title, body, keys) VALUES (new.docid, new.title, new.body, new.keys);
  END`,
]

/** Keeps search_doc in step with a source table: live rows are indexed, deleted ones are not. */
function searchTriggers(table: string, title: string, body: string, keys: string): string[] {
  const upsert = (row: string) => `
    INSERT INTO search_doc (kind, ref_id, title, body, keys)
    SELECT '${table}', ${row}.id, ${title.replaceAll('$', row)}, ${body.replaceAll('$', row)}, ${keys.replaceAll('$', row)}
    WHERE ${row}.deleted_at IS NULL
    ON CONFLICT (ref_id) DO UPDATE SET title = excluded.title, body = excluded.body, keys = excluded.keys;`
  return [
    `CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table} BEGIN ${upsert('new')} END`,
    `CREATE TRIGGER ${table}_search_au AFTER UPDATE ON ${table} BEGIN
      DELETE FROM search_doc WHERE ref_id = old.id AND new.deleted_at IS NOT NULL;
      ${upsert('new')}
    END`,
    `CREATE TRIGGER ${table}_search_ad AFTER DELETE ON ${table} BEGIN DELETE FROM search_doc WHERE ref_id = old.id; END`,
  ]
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    ...STATEMENTS,
    ...searchTriggers('investor', '$.name', "coalesce($.credit_code, '') || ' ' || coalesce($.origin_city, '') || ' ' || coalesce($.note, '')", '$.search_keys'),
    ...searchTriggers('project', '$.name', "coalesce($.chain, '') || ' ' || coalesce($.progress, '')", '$.search_keys'),
    ...searchTriggers('contact', '$.name', "coalesce($.title, '') || ' ' || coalesce($.phone, '') || ' ' || coalesce($.email, '')", "''"),
    ...searchTriggers(
      'negotiation',
      "coalesce($.next_step, '')",
      "$.summary || ' ' || coalesce($.result, '') || ' ' || coalesce($.their_people, '')",
      "''",
    ),
  ]
  for (const statement of statements) await sql.raw(statement).execute(db)
}
