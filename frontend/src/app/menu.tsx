// What each role is offered: the menu entries and the start page. Routes for other roles do not exist for it.
import {
  ApartmentOutlined,
  AreaChartOutlined,
  DownloadOutlined,
  FileDoneOutlined,
  LikeOutlined,
  TrophyOutlined,
  AuditOutlined,
  BookOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  IdcardOutlined,
  ProjectOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n";
import { isCoordinator, type Me } from "@/lib/session";

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
}

const coordinator: MenuEntry[] = [
  { path: "/dashboard", label: "menuDashboard", icon: <DashboardOutlined /> },
  { path: "/insights", label: "menuInsights", icon: <AreaChartOutlined /> },
  { path: "/runs", label: "menuRuns", icon: <ThunderboltOutlined /> },
  { path: "/needs", label: "menuNeeds", icon: <FileTextOutlined /> },
  { path: "/projects", label: "menuProjects", icon: <ProjectOutlined /> },
  { path: "/posts", label: "menuPosts", icon: <SolutionOutlined /> },
  { path: "/allocation", label: "menuAllocation", icon: <ApartmentOutlined /> },
  { path: "/shifts", label: "menuShifts", icon: <ScheduleOutlined /> },
  { path: "/volunteers", label: "menuVolunteers", icon: <TeamOutlined /> },
  { path: "/resources", label: "menuResources", icon: <BankOutlined /> },
  { path: "/records/review", label: "menuRecordReview", icon: <AuditOutlined /> },
  { path: "/ledgers", label: "menuLedgers", icon: <BookOutlined /> },
  { path: "/evaluation", label: "menuEvaluation", icon: <TrophyOutlined /> },
  { path: "/appraisal", label: "menuAppraisal", icon: <LikeOutlined /> },
  { path: "/feedback-reports", label: "menuFeedbackReports", icon: <FileDoneOutlined /> },
  { path: "/exports", label: "menuExports", icon: <DownloadOutlined /> },
  { path: "/inbox", label: "menuInbox", icon: <BellOutlined /> },
];

const volunteer: MenuEntry[] = [
  { path: "/my/posts", label: "menuMyPosts", icon: <ScheduleOutlined /> },
  { path: "/check-in", label: "menuCheckIn", icon: <QrcodeOutlined /> },
  { path: "/inbox", label: "menuInbox", icon: <BellOutlined /> },
  { path: "/my/hours", label: "menuMyHours", icon: <FieldTimeOutlined /> },
  { path: "/my/holdings", label: "menuMyHoldings", icon: <SafetyCertificateOutlined /> },
  { path: "/my/calendar", label: "menuCalendar", icon: <CalendarOutlined /> },
  { path: "/my/profile", label: "menuProfile", icon: <UserOutlined /> },
];

const unit: MenuEntry[] = [
  { path: "/resources", label: "menuResources", icon: <BankOutlined /> },
  { path: "/bookings", label: "menuBookings", icon: <ClockCircleOutlined /> },
  { path: "/records", label: "menuUnitRecords", icon: <FieldTimeOutlined /> },
  { path: "/ledgers", label: "menuLedgers", icon: <BookOutlined /> },
  { path: "/feedback-reports", label: "menuFeedbackReports", icon: <FileDoneOutlined /> },
  { path: "/evaluation", label: "menuEvaluation", icon: <TrophyOutlined /> },
  { path: "/inbox", label: "menuInbox", icon: <BellOutlined /> },
  { path: "/my/profile", label: "menuProfile", icon: <IdcardOutlined /> },
];

export function menuFor(me: Me): MenuEntry[] {
  if (isCoordinator(me)) return coordinator;
  if (me.role === "unit_representative") return unit;
  return volunteer;
}

export function homeFor(me: Me): string {
  return menuFor(me)[0].path;
}
