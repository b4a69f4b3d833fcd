// The one route table: for each group of roles, its pages in menu order (path, the page loaded on first visit, and
// the menu entry if it has one). The router (SignedIn.tsx) and the menu (menu.tsx) both read it; a page missing
// from a group's list does not exist for those roles (the server checks anyway).
import {
  ApartmentOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  FileProtectOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HeartOutlined,
  IdcardOutlined,
  KeyOutlined,
  LikeOutlined,
  PlusCircleOutlined,
  ProjectOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
  UploadOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Suspense, type ReactNode } from "react";
import { SHARED, type MessageKey } from "@/lib/i18n";
import { COORDINATOR_ROLES, type Me, type Role } from "@/lib/session";
import { lazyPage } from "./lazyPage";

const DashboardPage = lazyPage(
  "planning",
  () => import("@/features/planning/components/DashboardPage"),
  "DashboardPage",
);
const NeedDeadlineCards = lazyPage(
  "needs",
  () => import("@/features/needs/components/NeedDeadlineCards"),
  "NeedDeadlineCards",
);
const InsightsPage = lazyPage("insights", () => import("@/features/insights/components/InsightsPage"), "InsightsPage");
const RunsPage = lazyPage("planning", () => import("@/features/planning/components/RunsPage"), "RunsPage");
const RunDetailPage = lazyPage(
  "planning",
  () => import("@/features/planning/components/RunDetailPage"),
  "RunDetailPage",
);
const NeedsPage = lazyPage("needs", () => import("@/features/needs/components/NeedsPage"), "NeedsPage");
const OrderPosterButton = lazyPage(
  "ordering",
  () => import("@/features/ordering/components/OrderPosterButton"),
  "OrderPosterButton",
);
const ProjectsPage = lazyPage("projects", () => import("@/features/projects/components/ProjectsPage"), "ProjectsPage");
const PostsPage = lazyPage("posts", () => import("@/features/posts/components/PostsPage"), "PostsPage");
const AllocationPage = lazyPage(
  "allocation",
  () => import("@/features/allocation/components/AllocationPage"),
  "AllocationPage",
);
const AllocationRunPage = lazyPage(
  "allocation",
  () => import("@/features/allocation/components/AllocationRunPage"),
  "AllocationRunPage",
);
const ShiftsPage = lazyPage("shifts", () => import("@/features/shifts/components/ShiftsPage"), "ShiftsPage");
const RosterPage = lazyPage("attendance", () => import("@/features/attendance/components/RosterPage"), "RosterPage");
const NoShowsPage = lazyPage("attendance", () => import("@/features/attendance/components/NoShowsPage"), "NoShowsPage");
const VolunteersPage = lazyPage(
  "volunteers",
  () => import("@/features/volunteers/components/VolunteersPage"),
  "VolunteersPage",
);
const ResourcesPage = lazyPage(
  "resources",
  () => import("@/features/resources/components/ResourcesPage"),
  "ResourcesPage",
);
const ResourceCalendarPage = lazyPage(
  "resources",
  () => import("@/features/resources/components/ResourceCalendarPage"),
  "ResourceCalendarPage",
);
const BookingsPage = lazyPage(
  "resources",
  () => import("@/features/resources/components/BookingsPage"),
  "BookingsPage",
);
const RecordReviewPage = lazyPage(
  "records",
  () => import("@/features/records/components/RecordReviewPage"),
  "RecordReviewPage",
);
const UnitRecordsPage = lazyPage(
  "records",
  () => import("@/features/records/components/UnitRecordsPage"),
  "UnitRecordsPage",
);
const RecordSummaryCard = lazyPage(
  "records",
  () => import("@/features/records/components/RecordSummaryCard"),
  "RecordSummaryCard",
);
const MyRecords = lazyPage("records", () => import("@/features/records/components/MyRecords"), "MyRecords");
const LedgersPage = lazyPage("ledgers", () => import("@/features/ledgers/components/LedgersPage"), "LedgersPage");
const LedgerDetailPage = lazyPage(
  "ledgers",
  () => import("@/features/ledgers/components/LedgerDetailPage"),
  "LedgerDetailPage",
);
const EvaluationPage = lazyPage(
  "evaluation",
  () => import("@/features/evaluation/components/EvaluationPage"),
  "EvaluationPage",
);
const AppraisalPage = lazyPage(
  "evaluation",
  () => import("@/features/evaluation/components/AppraisalPage"),
  "AppraisalPage",
);
const FeedbackReportsPage = lazyPage(
  "reports",
  () => import("@/features/reports/components/FeedbackReportsPage"),
  "FeedbackReportsPage",
);
const ExportsPage = lazyPage("reports", () => import("@/features/reports/components/ExportsPage"), "ExportsPage");
const MyRecordsExportCard = lazyPage(
  "reports",
  () => import("@/features/reports/components/ExportsPage"),
  "MyRecordsExportCard",
);
const InboxPage = lazyPage("notifications", () => import("@/features/notifications/components/InboxPage"), "InboxPage");
const MyPostsPage = lazyPage(
  "volunteering",
  () => import("@/features/volunteering/components/MyPostsPage"),
  "MyPostsPage",
);
const OpenSeatsPage = lazyPage(
  "volunteering",
  () => import("@/features/volunteering/components/OpenSeatsPage"),
  "OpenSeatsPage",
);
const WishWallPage = lazyPage(
  "volunteering",
  () => import("@/features/volunteering/components/WishWallPage"),
  "WishWallPage",
);
const MyHoursPage = lazyPage(
  "volunteering",
  () => import("@/features/volunteering/components/MyHoursPage"),
  "MyHoursPage",
);
const CalendarPage = lazyPage(
  "volunteering",
  () => import("@/features/volunteering/components/CalendarPage"),
  "CalendarPage",
);
const CheckInPage = lazyPage(
  "volunteering",
  () => import("@/features/volunteering/components/CheckInPage"),
  "CheckInPage",
);
const MyHoldingsPage = lazyPage(
  "allocation",
  () => import("@/features/allocation/components/MyHoldingsPage"),
  "MyHoldingsPage",
);
const ProfilePage = lazyPage("auth", () => import("@/features/auth/components/ProfilePage"), "ProfilePage");
const ImportsPage = lazyPage("imports", () => import("@/features/imports/components/ImportsPage"), "ImportsPage");
const ImportRunPage = lazyPage("imports", () => import("@/features/imports/components/ImportRunPage"), "ImportRunPage");
const AgreementsPage = lazyPage(
  "agreements",
  () => import("@/features/agreements/components/AgreementsPage"),
  "AgreementsPage",
);
const OffersPage = lazyPage("offers", () => import("@/features/offers/components/OffersPage"), "OffersPage");
const UsersPage = lazyPage("users", () => import("@/features/users/components/UsersPage"), "UsersPage");
const VolunteerProfilePage = lazyPage(
  "profile",
  () => import("@/features/profile/components/VolunteerProfilePage"),
  "VolunteerProfilePage",
);
export const NotFound = lazyPage(SHARED, () => import("./NotFound"), "NotFound");

export interface MenuItem {
  label: MessageKey;
  icon: ReactNode;
}

export interface PageRoute {
  path: string;
  element: ReactNode;
  /** Its entry in the menu; pages opened from another page (a run, a ledger) have none. */
  menu?: MenuItem;
  /** Only these roles of the group have the page (the district administrator's accounts); absent: all of them. */
  roles?: readonly Role[];
}

/** Who sees which list: every coordinator role shares one, each other role has its own. */
export type Audience = "coordinator" | "unit" | "volunteer";

export const AUDIENCE_ROLES: Record<Audience, readonly Role[]> = {
  coordinator: COORDINATOR_ROLES,
  unit: ["unit_representative"],
  volunteer: ["volunteer"],
};

/** The pages of the user's group that the user's role has, in menu order. */
export function pagesFor(me: Me): PageRoute[] {
  return ROUTE_TABLE[audienceOf(me)].filter((page) => !page.roles || page.roles.includes(me.role));
}

export function audienceOf(me: Me): Audience {
  const found = (Object.keys(AUDIENCE_ROLES) as Audience[]).find((audience) =>
    AUDIENCE_ROLES[audience].includes(me.role),
  );
  if (!found) throw new Error(`no pages for the role ${me.role}`);
  return found;
}

// Pages several groups share, written once and placed in each group's list below.
const resources: PageRoute = {
  path: "/resources",
  element: <ResourcesPage />,
  menu: { label: "menuResources", icon: <BankOutlined /> },
};
const resourceCalendar: PageRoute = { path: "/resources/:resourceId", element: <ResourceCalendarPage /> };
const ledgers: PageRoute = {
  path: "/ledgers",
  element: <LedgersPage />,
  menu: { label: "menuLedgers", icon: <BookOutlined /> },
};
const ledgerDetail: PageRoute = { path: "/ledgers/:ledgerId", element: <LedgerDetailPage /> };
const evaluation: PageRoute = {
  path: "/evaluation",
  element: <EvaluationPage />,
  menu: { label: "menuEvaluation", icon: <TrophyOutlined /> },
};
const feedbackReports: PageRoute = {
  path: "/feedback-reports",
  element: <FeedbackReportsPage />,
  menu: { label: "menuFeedbackReports", icon: <FileDoneOutlined /> },
};
const agreements: PageRoute = {
  path: "/agreements",
  element: <AgreementsPage />,
  menu: { label: "menuAgreements", icon: <FileProtectOutlined /> },
};
const offers: PageRoute = {
  path: "/offers",
  element: <OffersPage />,
  menu: { label: "menuOffers", icon: <ShopOutlined /> },
};
const inbox: PageRoute = {
  path: "/inbox",
  element: <InboxPage />,
  menu: { label: "menuInbox", icon: <BellOutlined /> },
};

/** Each group's pages in menu order; the first menu entry is the group's start page. */
export const ROUTE_TABLE: Record<Audience, readonly PageRoute[]> = {
  coordinator: [
    {
      path: "/dashboard",
      element: <DashboardPage sections={<NeedDeadlineCards />} />,
      menu: { label: "menuDashboard", icon: <DashboardOutlined /> },
    },
    { path: "/insights", element: <InsightsPage />, menu: { label: "menuInsights", icon: <AreaChartOutlined /> } },
    { path: "/runs", element: <RunsPage />, menu: { label: "menuRuns", icon: <ThunderboltOutlined /> } },
    { path: "/runs/:runId", element: <RunDetailPage /> },
    {
      path: "/needs",
      element: (
        <NeedsPage
          actions={
            <Suspense fallback={null}>
              <OrderPosterButton />
            </Suspense>
          }
        />
      ),
      menu: { label: "menuNeeds", icon: <FileTextOutlined /> },
    },
    { path: "/projects", element: <ProjectsPage />, menu: { label: "menuProjects", icon: <ProjectOutlined /> } },
    { path: "/posts", element: <PostsPage />, menu: { label: "menuPosts", icon: <SolutionOutlined /> } },
    {
      path: "/allocation",
      element: <AllocationPage />,
      menu: { label: "menuAllocation", icon: <ApartmentOutlined /> },
    },
    { path: "/allocation/:runId", element: <AllocationRunPage /> },
    { path: "/shifts", element: <ShiftsPage />, menu: { label: "menuShifts", icon: <ScheduleOutlined /> } },
    { path: "/shifts/:shiftId/roster", element: <RosterPage /> },
    {
      path: "/no-shows",
      element: <NoShowsPage />,
      menu: { label: "menuNoShows", icon: <ExclamationCircleOutlined /> },
    },
    { path: "/volunteers", element: <VolunteersPage />, menu: { label: "menuVolunteers", icon: <TeamOutlined /> } },
    { path: "/imports", element: <ImportsPage />, menu: { label: "menuImports", icon: <UploadOutlined /> } },
    { path: "/imports/:runId", element: <ImportRunPage /> },
    resources,
    resourceCalendar,
    offers,
    agreements,
    {
      path: "/records/review",
      element: <RecordReviewPage />,
      menu: { label: "menuRecordReview", icon: <AuditOutlined /> },
    },
    ledgers,
    ledgerDetail,
    evaluation,
    { path: "/appraisal", element: <AppraisalPage />, menu: { label: "menuAppraisal", icon: <LikeOutlined /> } },
    feedbackReports,
    { path: "/exports", element: <ExportsPage />, menu: { label: "menuExports", icon: <DownloadOutlined /> } },
    { path: "/users", element: <UsersPage />, menu: { label: "menuUsers", icon: <KeyOutlined /> }, roles: ["admin"] },
    inbox,
  ],
  unit: [
    resources,
    resourceCalendar,
    { path: "/bookings", element: <BookingsPage />, menu: { label: "menuBookings", icon: <ClockCircleOutlined /> } },
    { path: "/records", element: <UnitRecordsPage />, menu: { label: "menuUnitRecords", icon: <FieldTimeOutlined /> } },
    ledgers,
    ledgerDetail,
    feedbackReports,
    evaluation,
    offers,
    agreements,
    inbox,
    { path: "/my/profile", element: <ProfilePage />, menu: { label: "menuProfile", icon: <IdcardOutlined /> } },
  ],
  volunteer: [
    { path: "/my/posts", element: <MyPostsPage />, menu: { label: "menuMyPosts", icon: <ScheduleOutlined /> } },
    { path: "/open-seats", element: <OpenSeatsPage />, menu: { label: "menuOpenSeats", icon: <PlusCircleOutlined /> } },
    { path: "/wishes", element: <WishWallPage />, menu: { label: "menuWishes", icon: <HeartOutlined /> } },
    { path: "/check-in", element: <CheckInPage />, menu: { label: "menuCheckIn", icon: <QrcodeOutlined /> } },
    inbox,
    {
      path: "/my/hours",
      element: (
        <MyHoursPage
          summary={<RecordSummaryCard />}
          records={
            <>
              <MyRecords />
              <MyRecordsExportCard />
            </>
          }
        />
      ),
      menu: { label: "menuMyHours", icon: <FieldTimeOutlined /> },
    },
    {
      path: "/my/holdings",
      element: <MyHoldingsPage />,
      menu: { label: "menuMyHoldings", icon: <SafetyCertificateOutlined /> },
    },
    { path: "/my/calendar", element: <CalendarPage />, menu: { label: "menuCalendar", icon: <CalendarOutlined /> } },
    { path: "/my/profile", element: <VolunteerProfilePage />, menu: { label: "menuProfile", icon: <UserOutlined /> } },
  ],
};
