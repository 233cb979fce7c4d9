import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import type { Partner } from '../../../../shared/contract/network';
import type { Axis, Plan } from '../../../../shared/contract/plan';
import { apiRequest, type Page } from '../../../api/http';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';

/** The plan whose page is open: loaded once by the plan's layout and handed to each of its tabs. */
export function usePlanContext(): Plan {
  return useOutletContext<Plan>();
}

export type PlanMember = Axis['participants'][number];

/** The working group's members (not withdrawn), in the plan's order: every axis lists all of them. */
export function membersOf(plan: Plan): PlanMember[] {
  const seen = new Map<string, PlanMember>();
  for (const axis of plan.axes) {
    for (const participant of axis.participants) {
      if (!seen.has(participant.institutionId)) seen.set(participant.institutionId, participant);
    }
  }
  return [...seen.values()];
}

export type AxisOrSubItem = Plan['axes'][number] | Plan['axes'][number]['subItems'][number];

/** Axes and sub-items in reading order (1, 2, 3, 3.1, 3.2, 4…). */
export function axesInOrder(plan: Plan): AxisOrSubItem[] {
  return plan.axes.flatMap((axis) => [axis, ...axis.subItems]);
}

/** The top-level axis an axis or sub-item belongs to. */
export function topAxisOf(plan: Plan, axisId: string | null): Plan['axes'][number] | undefined {
  return plan.axes.find((axis) => axis.id === axisId || axis.subItems.some((sub) => sub.id === axisId));
}

/** A long title cut at a word for a list of options, which would otherwise be as wide as its longest entry. */
function shortened(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** Options for choosing an axis or sub-item, in reading order: "3 — Capacity building", "3.1 — Study visits…". */
export function useAxisOptions(plan: Plan | undefined): { value: string; label: string }[] {
  const { t } = useT();
  const localized = useLocalizedText();
  if (!plan) return [];
  return axesInOrder(plan).map((axis) => ({
    value: axis.id,
    label: t('plan:axis.option', { number: axis.number, title: shortened(localized(axis.titleFr, axis.titleEn)) }),
  }));
}

/** Options for choosing a member institution, named in the interface language. */
export function useMemberOptions(plan: Plan | undefined): { value: string; label: string }[] {
  const localized = useLocalizedText();
  return plan ? membersOf(plan).map((m) => ({ value: m.institutionId, label: localized(m.nameFr, m.nameEn) })) : [];
}

/** A partner's short name in the interface language: the French acronym in French, the English one otherwise. */
export function usePartnerName() {
  const { i18n } = useT();
  const localized = useLocalizedText();
  const french = i18n.language === 'fr';
  return (partner: Pick<Partner, 'nameFr' | 'nameEn' | 'acronymFr' | 'acronymEn'>): string => {
    const acronym = french ? partner.acronymFr : (partner.acronymEn ?? partner.acronymFr);
    return acronym ?? localized(partner.nameFr, partner.nameEn);
  };
}

/** The network's partners, to name an action's partners and funder: all of them fit in one page of 100. */
export function usePartners() {
  return useQuery({
    queryKey: ['plan', 'partner-options'],
    queryFn: ({ signal }) => apiRequest<Page<Partner>>('/partners', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
}
