// The coordinators' trend figures (backend/insights/apis.py): one endpoint per figure, each answering its period
// (whole ISO weeks) and scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api";

export interface InsightFilter {
  weeks: number;
  community?: number;
}

export interface Period {
  start: string;
  end: string;
  last_day: string;
  weeks: string[];
  time_zone: string;
}

export interface Figures {
  period: Period;
  scope: { level: "community" | "sub_district" | "district"; id: number | null; name: string; communities: number[] };
}

export interface Rate {
  total: number;
  filled: number;
  rate: number | null;
}

export interface WeekRow {
  week: string;
  seats: Rate & { communities_published: number; by_priority: (Rate & { priority: number })[] };
  needs: { due: number; closed_in_time: number; closed_late: number; open: number };
  hours: number;
  volunteers_served: number;
}

export interface HoursByCommunity extends Figures {
  weeks: string[];
  communities: { community: number; name: string; hours: number[]; total: number }[];
  totals: number[];
  total: number;
}

export interface Spread {
  volunteers: number;
  volunteers_with_hours: number;
  hours: number;
  gini: number;
  top_10_share: number | null;
  mean: number;
  median: number;
  max: number;
}

export interface Fairness extends Figures {
  communities: (Spread & { community: number; name: string })[];
  overall: Spread;
}

export interface Use {
  offered_hours: number;
  booked_hours: number;
  use_rate: number | null;
  bookings: number;
  withdrawals: number;
}

export interface ResourceUse extends Figures {
  by_unit: (Use & { unit: number | null; unit_name: string })[];
  by_category: (Use & { category: string })[];
  total: Use;
}

export interface MissingSkill {
  rank: number;
  skill: string;
  name: string;
  name_en: string;
  seats: number;
  seats_nobody_in_range: number;
  shifts: number;
  communities: number;
  max_level: number;
  weeks: string[];
}

export interface MissingSkills extends Figures {
  skills: MissingSkill[];
  seats_needing_no_skill: number;
  seats_missing_a_room: number;
}

function useFigure<T>(path: string, filter: InsightFilter) {
  return useQuery({
    queryKey: ["insights", path, filter],
    queryFn: () => api<T>(`insights/${path}/`, { params: { weeks: filter.weeks, community: filter.community } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const useWeekFigures = (filter: InsightFilter) => useFigure<Figures & { weeks: WeekRow[] }>("weeks", filter);
export const useHoursByCommunity = (filter: InsightFilter) => useFigure<HoursByCommunity>("hours-by-community", filter);
export const useFairness = (filter: InsightFilter) => useFigure<Fairness>("fairness", filter);
export const useResourceUse = (filter: InsightFilter) => useFigure<ResourceUse>("resources", filter);
export const useMissingSkills = (filter: InsightFilter) => useFigure<MissingSkills>("missing-skills", filter);
