/**
 * The floor Vigie is measured against: node:http and the same database driver, hand-written SQL, no framework,
 * no sessions, no authorization, no validation beyond what the queries need. It answers the benchmark's read
 * scenarios with the rows Vigie reads for them, as JSON (the page for children as a bare HTML page).
 *
 * Environment: PORT, and either BENCH_SQLITE_FILE or BENCH_DATABASE_URL.
 */
import { createServer, type ServerResponse } from 'node:http';
import Sqlite from 'better-sqlite3';
import pg from 'pg';

type Row = Record<string, unknown>;
type Query = (text: string, params: unknown[]) => Promise<Row[]>;

function openQuery(): Query {
  const file = process.env.BENCH_SQLITE_FILE;
  if (file) {
    const db = new Sqlite(file, { readonly: true });
    db.pragma('journal_mode = WAL');
    const statements = new Map<string, Sqlite.Statement>();
    return async (text, params) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = db.prepare(text);
        statements.set(text, statement);
      }
      return statement.all(...params) as Row[];
    };
  }
  const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
  return async (text, params) => {
    let n = 0;
    const numbered = text.replace(/\?/g, () => `$${++n}`);
    return (await pool.query(numbered, params)).rows as Row[];
  };
}

const query = openQuery();

const visitColumns = `v.id, v.starts_on, v.ends_on, v.type, v.announced, v.status, v.status_changed_at,
  v.owner_institution_id, v.visibility, v.version, v.created_at, v.updated_at, v.population_total,
  v.population_children, v.population_unaccompanied, v.population_girls, v.population_age_0_5,
  v.population_age_6_11, v.population_age_12_14, v.population_age_15_17,
  f.id as facility_id, f.name as facility_name, f.kind as facility_kind, f.country_code, f.city,
  i.name_fr as lead_name`;

async function visit(id: string) {
  const [row] = await query(
    `select ${visitColumns}, v.objectives, v.summary, v.checklist_template_id, v.checklist_started_at
     from visits v join facilities f on f.id = v.facility_id left join institutions i on i.id = v.owner_institution_id
     where v.id = ?`,
    [id],
  );
  if (!row) return null;
  const [history, team, institutions, counts] = await Promise.all([
    query('select * from visit_status_changes where visit_id = ? order by changed_at', [id]),
    query('select name, role, institution_id from visit_team where visit_id = ? order by position', [id]),
    query(
      'select i.id, i.name_fr from visit_institutions vi join institutions i on i.id = vi.institution_id where vi.visit_id = ?',
      [id],
    ),
    query(
      `select (select count(*) from visit_checklist_answers where visit_id = ?) as questions,
              (select count(*) from findings where visit_id = ?) as findings,
              (select count(*) from recommendations where visit_id = ?) as recommendations`,
      [id, id, id],
    ),
  ]);
  return { ...row, history, team, institutions, counts: counts[0] };
}

async function visitPage(status: string, from: string) {
  const where = 'where v.status = ? and v.starts_on >= ?';
  const [items, total] = await Promise.all([
    query(
      `select ${visitColumns} from visits v join facilities f on f.id = v.facility_id
       left join institutions i on i.id = v.owner_institution_id ${where}
       order by v.starts_on desc, v.id limit 50`,
      [status, from],
    ),
    query(`select count(*) as n from visits v ${where}`, [status, from]),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

async function tracker(status: string, today: string) {
  const where = 'where r.status = ? and r.due_on < ?';
  const [items, total] = await Promise.all([
    query(
      `select r.*, v.starts_on as visit_starts_on, v.owner_institution_id, v.visibility,
              f.name as facility_name, f.kind as facility_kind, f.country_code
       from recommendations r join visits v on v.id = r.visit_id join facilities f on f.id = v.facility_id
       ${where} order by r.due_on, r.id limit 50`,
      [status, today],
    ),
    query(`select count(*) as n from recommendations r ${where}`, [status, today]),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

const escapeHtml = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function childPage(language: string, slug: string) {
  const [page] = await query(
    `select c.* from child_site_addresses a join child_page_contents c on c.institution_id = a.institution_id
     join institutions i on i.id = a.institution_id
     where a.slug = ? and c.language = ? and c.status = 'published' and i.visibility = 'public'`,
    [slug, language],
  );
  if (!page) return null;
  const rights = JSON.parse(String(page.rights)) as { topic: string; text: string }[];
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(page.institution_name)}</title></head><body><h1>${escapeHtml(page.institution_name)}</h1><p>${escapeHtml(page.about)}</p><p>${escapeHtml(page.promise)}</p><p>${escapeHtml(page.who_can_ask)}</p><ul>${rights.map((r) => `<li>${escapeHtml(r.text)}</li>`).join('')}</ul><p>${escapeHtml(page.next_steps)}</p><p>${escapeHtml(page.data_use)}</p></body></html>`;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://reference');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'healthz') return send(res, 200, '{}');
    if (parts[0] === 'visits' && parts[1]) {
      const found = await visit(parts[1]);
      return found ? send(res, 200, JSON.stringify(found)) : send(res, 404, '{}');
    }
    if (parts[0] === 'visits') {
      return send(
        res,
        200,
        JSON.stringify(await visitPage(url.searchParams.get('status') ?? '', url.searchParams.get('from') ?? '')),
      );
    }
    if (parts[0] === 'recommendations') {
      return send(
        res,
        200,
        JSON.stringify(await tracker(url.searchParams.get('status') ?? '', url.searchParams.get('today') ?? '')),
      );
    }
    if (parts[0] === 'child' && parts[1] && parts[2]) {
      const html = await childPage(parts[1], parts[2]);
      return html ? send(res, 200, html, 'text/html; charset=utf-8') : send(res, 404, '');
    }
    send(res, 404, '{}');
  } catch (error) {
    send(res, 500, JSON.stringify({ error: String(error) }));
  }
});

server.listen(Number(process.env.PORT ?? 3900), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
