import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import type { DB } from '../../../db/schema.js';
import { getChecklist } from '../checklist.service.js';
import { parseStandards } from '../templates.present.js';
import { getVisit } from '../visits.service.js';
import { type ReportLabels, type ReportLanguage, reportLabels } from './labels.js';

/** A report as neutral blocks, rendered alike to PDF and DOCX. */
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export interface ReportModel {
  title: string;
  subtitle: string;
  filename: string;
  blocks: Block[];
}

const dash = (l: ReportLabels, value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? l.none : String(value);

/**
 * The report of one visit, as the actor may see it (a visit out of sight is a 404, as everywhere): facility, team,
 * population on the day, checklist results, findings and recommendations. Urgent individual situations never
 * appear in it.
 */
export async function buildReport(
  db: Kysely<DB>,
  actor: Actor,
  visitId: string,
  language: ReportLanguage,
): Promise<ReportModel> {
  const l = reportLabels[language];
  const visit = await getVisit(db, actor, visitId);
  const [facility, checklist, findings, recommendations] = await Promise.all([
    db.selectFrom('facilities').selectAll().where('id', '=', visit.facility.id).executeTakeFirstOrThrow(),
    getChecklist(db, actor, visitId),
    db.selectFrom('findings').selectAll().where('visit_id', '=', visitId).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('recommendations')
      .leftJoin('recommendations as earlier', 'earlier.id', 'recommendations.repeats_id')
      .selectAll('recommendations')
      .select('earlier.issued_on as earlier_issued_on')
      .where('recommendations.visit_id', '=', visitId)
      .orderBy('recommendations.issued_on')
      .orderBy('recommendations.created_at')
      .orderBy('recommendations.id')
      .execute(),
  ]);
  const name = (i: { nameFr: string; nameEn: string | null }) =>
    language === 'en' ? (i.nameEn ?? i.nameFr) : i.nameFr;
  const partnerName = (p: (typeof visit.partners)[number]) =>
    language === 'en' ? (p.acronymEn ?? p.nameEn ?? p.nameFr) : (p.acronymFr ?? p.nameFr);
  // French puts a space before the colon.
  const c = language === 'fr' ? ' : ' : ': ';
  const blocks: Block[] = [];

  blocks.push({ kind: 'heading', level: 1, text: l.facility });
  blocks.push({
    kind: 'fields',
    rows: [
      [l.facility, facility.name],
      [l.kind, l.kinds[facility.kind as keyof ReportLabels['kinds']]],
      [l.location, [facility.city, facility.region, facility.country_code].filter(Boolean).join(', ')],
      [l.authority, dash(l, facility.operating_authority)],
      [l.capacity, dash(l, facility.capacity)],
    ],
  });

  blocks.push({ kind: 'heading', level: 1, text: l.visit });
  blocks.push({
    kind: 'fields',
    rows: [
      [l.dates, visit.startsOn === visit.endsOn ? visit.startsOn : `${visit.startsOn} – ${visit.endsOn}`],
      [l.type, `${l.types[visit.type]}, ${visit.announced ? l.announced : l.unannounced}`],
      [l.status, l.statuses[visit.status]],
      [l.leadInstitution, visit.leadInstitution ? name(visit.leadInstitution) : l.none],
      [l.jointInstitutions, visit.institutions.map(name).join(', ') || l.none],
      [l.partners, visit.partners.map(partnerName).join(', ') || l.none],
    ],
  });
  if (visit.team.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: l.team });
    blocks.push({
      kind: 'table',
      header: [l.team, ''],
      rows: visit.team.map((m) => [m.name, m.role ?? '']),
      widths: [50, 50],
    });
  }
  if (visit.objectives) {
    blocks.push({ kind: 'heading', level: 2, text: l.objectives });
    blocks.push({ kind: 'paragraph', text: visit.objectives });
  }
  if (visit.summary) {
    blocks.push({ kind: 'heading', level: 2, text: l.summary });
    blocks.push({ kind: 'paragraph', text: visit.summary });
  }

  blocks.push({ kind: 'heading', level: 1, text: l.population });
  const p = visit.population;
  blocks.push({
    kind: 'fields',
    rows: (Object.keys(l.populationRows) as (keyof typeof p)[]).map((key) => [
      l.populationRows[key],
      p[key] === null ? l.notRecorded : String(p[key]),
    ]),
  });

  blocks.push({ kind: 'heading', level: 1, text: l.checklist });
  if (checklist.themes.length === 0) blocks.push({ kind: 'paragraph', text: l.noChecklist });
  for (const theme of checklist.themes) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: language === 'en' ? (theme.titleEn ?? theme.titleFr) : theme.titleFr,
    });
    blocks.push({
      kind: 'table',
      header: [l.question, l.answer, l.note],
      rows: theme.questions.map((q) => [
        language === 'en' ? (q.textEn ?? q.textFr) : q.textFr,
        q.answer ? l.answers[q.answer] : l.none,
        q.note ?? '',
      ]),
      widths: [50, 15, 35],
    });
  }

  blocks.push({ kind: 'heading', level: 1, text: l.findings });
  if (findings.length === 0) blocks.push({ kind: 'paragraph', text: l.noFindings });
  findings.forEach((f, index) => {
    blocks.push({
      kind: 'paragraph',
      bold: true,
      text: `${index + 1}. ${l.themes[f.theme as keyof ReportLabels['themes']]} (${l.severity}${c}${
        l.severities[f.severity as keyof ReportLabels['severities']]
      })`,
    });
    blocks.push({ kind: 'paragraph', text: f.text });
    const standards = parseStandards(f.standards);
    if (standards.length > 0) blocks.push({ kind: 'paragraph', text: `${l.standards}${c}${standards.join(' ; ')}` });
    if (f.evidence) blocks.push({ kind: 'paragraph', text: `${l.evidence}${c}${f.evidence}` });
  });

  blocks.push({ kind: 'heading', level: 1, text: l.recommendations });
  if (recommendations.length === 0) blocks.push({ kind: 'paragraph', text: l.noRecommendations });
  recommendations.forEach((r, index) => {
    blocks.push({ kind: 'paragraph', bold: true, text: `R${index + 1}. ${r.text}` });
    const details = [
      `${l.addressee}${c}${r.addressee}`,
      `${l.theme}${c}${l.themes[r.theme as keyof ReportLabels['themes']]}`,
      `${l.priority}${c}${l.priorities[r.priority as keyof ReportLabels['priorities']]}`,
      `${l.status}${c}${l.recommendationStatuses[r.status as keyof ReportLabels['recommendationStatuses']]}`,
      ...(r.due_on ? [`${l.dueOn}${c}${r.due_on}`] : []),
      ...(r.earlier_issued_on ? [`${l.repeats} ${r.earlier_issued_on}`] : []),
    ];
    blocks.push({ kind: 'paragraph', text: details.join(' · ') });
  });

  const title = `${l.title} — ${facility.name}`;
  return {
    title,
    subtitle: `${visit.startsOn} · ${l.generatedOn} ${new Date().toISOString().slice(0, 10)}`,
    filename: `visit-${visit.startsOn}-${visit.id.slice(0, 8)}`,
    blocks,
  };
}
