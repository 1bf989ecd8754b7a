import type { Database } from './database.ts';
import { entities } from '../model/entities.ts';
import { sqlTypeOf } from '../model/field-types.ts';

/**
 * Creates the canonical entity tables and the platform's own tables if they are missing. Entity tables carry
 * `load_id`, the load that last wrote the row, so every number can be traced to its file.
 */
export function entityTableDdl(): string[] {
  return entities.map((e) => {
    const cols = e.fields.map((f) => `${f.name} ${sqlTypeOf(f.type)}`);
    return `CREATE TABLE IF NOT EXISTS ${e.table} (${cols.join(', ')}, load_id INTEGER)`;
  });
}

const platformDdl = [
  `CREATE SEQUENCE IF NOT EXISTS load_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS load_batch (
     load_id INTEGER PRIMARY KEY, file VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL, entity VARCHAR NOT NULL,
     format VARCHAR, encoding VARCHAR, rows_read BIGINT, loaded BIGINT, quarantined BIGINT, repaired BIGINT,
     superseded BIGINT, status VARCHAR NOT NULL, started_at TIMESTAMP, finished_at TIMESTAMP, actor VARCHAR,
     headers VARCHAR[], unmapped VARCHAR[], message VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS quarantine (
     load_id INTEGER NOT NULL, file VARCHAR NOT NULL, entity VARCHAR NOT NULL, row_no BIGINT NOT NULL, line BIGINT,
     raw VARCHAR[], reason VARCHAR NOT NULL, field VARCHAR, message_zh VARCHAR, message_en VARCHAR,
     all_reasons VARCHAR[], status VARCHAR NOT NULL DEFAULT 'open', resolved_load_id INTEGER)`,
  `CREATE SEQUENCE IF NOT EXISTS audit_seq START 1`,
  `CREATE TABLE IF NOT EXISTS audit_log (
     audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'), accessed_at TIMESTAMP NOT NULL, actor VARCHAR NOT NULL,
     role VARCHAR NOT NULL, action VARCHAR NOT NULL, resource VARCHAR NOT NULL, subject VARCHAR,
     unmasked BOOLEAN NOT NULL, purpose VARCHAR, rows_returned INTEGER, client VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS app_user (
     username VARCHAR PRIMARY KEY, display_name VARCHAR, role VARCHAR NOT NULL, password_hash VARCHAR,
     regions VARCHAR[], created_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS api_token (
     token_hash VARCHAR PRIMARY KEY, username VARCHAR NOT NULL, label VARCHAR, created_at TIMESTAMP,
     expires_at TIMESTAMP, revoked BOOLEAN DEFAULT false)`,
];

export async function ensureSchema(db: Database): Promise<void> {
  for (const sql of [...platformDdl, ...entityTableDdl()]) await db.run(sql);
}
