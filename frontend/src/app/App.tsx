// The app: sign-in when signed out; otherwise the frame and the routes of the signed-in role.
// Routes compose features; a role's routes simply do not exist for another role (the server checks anyway).
import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useMatch } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { isCoordinator, SessionContext, type Me } from "@/lib/session";
import { useLogout, useMe } from "@/features/auth/api/session";
import { LoginPage } from "@/features/auth/components/LoginPage";
import { LanguageSwitch } from "./LanguageSwitch";
import { homeFor } from "./menu";
import { NotFound } from "./NotFound";
import { Providers } from "./providers";
import { Shell } from "./Shell";

// Each page is its own chunk, loaded when its route is first opened (ECharts only with the chart pages).
const NeedDeadlineCards = lazy(() => import("@/features/needs/components/NeedDeadlineCards").then((m) => ({ default: m.NeedDeadlineCards })));
const RecordSummaryCard = lazy(() => import("@/features/records/components/RecordSummaryCard").then((m) => ({ default: m.RecordSummaryCard })));
const MyRecords = lazy(() => import("@/features/records/components/MyRecords").then((m) => ({ default: m.MyRecords })));
const DashboardPage = lazy(() => import("@/features/planning/components/DashboardPage").then((m) => ({ default: m.DashboardPage })));
const RunDetailPage = lazy(() => import("@/features/planning/components/RunDetailPage").then((m) => ({ default: m.RunDetailPage })));
const RunsPage = lazy(() => import("@/features/planning/components/RunsPage").then((m) => ({ default: m.RunsPage })));
const NeedsPage = lazy(() => import("@/features/needs/components/NeedsPage").then((m) => ({ default: m.NeedsPage })));
const ProjectsPage = lazy(() => import("@/features/projects/components/ProjectsPage").then((m) => ({ default: m.ProjectsPage })));
const PostsPage = lazy(() => import("@/features/posts/components/PostsPage").then((m) => ({ default: m.PostsPage })));
const ShiftsPage = lazy(() => import("@/features/shifts/components/ShiftsPage").then((m) => ({ default: m.ShiftsPage })));
const VolunteersPage = lazy(() => import("@/features/volunteers/components/VolunteersPage").then((m) => ({ default: m.VolunteersPage })));
const ResourcesPage = lazy(() => import("@/features/resources/components/ResourcesPage").then((m) => ({ default: m.ResourcesPage })));
const BookingsPage = lazy(() => import("@/features/resources/components/BookingsPage").then((m) => ({ default: m.BookingsPage })));
const AllocationPage = lazy(() => import("@/features/allocation/components/AllocationPage").then((m) => ({ default: m.AllocationPage })));
const AllocationRunPage = lazy(() => import("@/features/allocation/components/AllocationRunPage").then((m) => ({ default: m.AllocationRunPage })));
const MyHoldingsPage = lazy(() => import("@/features/allocation/components/MyHoldingsPage").then((m) => ({ default: m.MyHoldingsPage })));
const InboxPage = lazy(() => import("@/features/notifications/components/InboxPage").then((m) => ({ default: m.InboxPage })));
const MyPostsPage = lazy(() => import("@/features/volunteering/components/MyPostsPage").then((m) => ({ default: m.MyPostsPage })));
const MyHoursPage = lazy(() => import("@/features/volunteering/components/MyHoursPage").then((m) => ({ default: m.MyHoursPage })));
const CalendarPage = lazy(() => import("@/features/volunteering/components/CalendarPage").then((m) => ({ default: m.CalendarPage })));
const CheckInPage = lazy(() => import("@/features/volunteering/components/CheckInPage").then((m) => ({ default: m.CheckInPage })));
const RecordReviewPage = lazy(() => import("@/features/records/components/RecordReviewPage").then((m) => ({ default: m.RecordReviewPage })));
const LedgersPage = lazy(() => import("@/features/ledgers/components/LedgersPage").then((m) => ({ default: m.LedgersPage })));
const LedgerDetailPage = lazy(() => import("@/features/ledgers/components/LedgerDetailPage").then((m) => ({ default: m.LedgerDetailPage })));
const ProfilePage = lazy(() => import("@/features/auth/components/ProfilePage").then((m) => ({ default: m.ProfilePage })));
const VolunteerProfilePage = lazy(() => import("@/features/profile/components/VolunteerProfilePage").then((m) => ({ default: m.VolunteerProfilePage })));
const ResourceCalendarPage = lazy(() => import("@/features/resources/components/ResourceCalendarPage").then((m) => ({ default: m.ResourceCalendarPage })));
const ExportsPage = lazy(() => import("@/features/reports/components/ExportsPage").then((m) => ({ default: m.ExportsPage })));
const MyRecordsExportCard = lazy(() => import("@/features/reports/components/ExportsPage").then((m) => ({ default: m.MyRecordsExportCard })));
const FeedbackReportsPage = lazy(() => import("@/features/reports/components/FeedbackReportsPage").then((m) => ({ default: m.FeedbackReportsPage })));
const EvaluationPage = lazy(() => import("@/features/evaluation/components/EvaluationPage").then((m) => ({ default: m.EvaluationPage })));
const AppraisalPage = lazy(() => import("@/features/evaluation/components/AppraisalPage").then((m) => ({ default: m.AppraisalPage })));
const BallotPage = lazy(() => import("@/features/evaluation/components/BallotPage").then((m) => ({ default: m.BallotPage })));
const InsightsPage = lazy(() => import("@/features/insights/components/InsightsPage").then((m) => ({ default: m.InsightsPage })));
const UnitRecordsPage = lazy(() => import("@/features/records/components/UnitRecordsPage").then((m) => ({ default: m.UnitRecordsPage })));

function roleRoutes(me: Me) {
  if (isCoordinator(me)) {
    return (
      <>
        <Route path="/dashboard" element={<DashboardPage sections={<NeedDeadlineCards />} />} />
        <Route path="/insights" element={<InsightsPage />} />
        <Route path="/runs" element={<RunsPage />} />
        <Route path="/runs/:runId" element={<RunDetailPage />} />
        <Route path="/needs" element={<NeedsPage />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/posts" element={<PostsPage />} />
        <Route path="/allocation" element={<AllocationPage />} />
        <Route path="/allocation/:runId" element={<AllocationRunPage />} />
        <Route path="/shifts" element={<ShiftsPage />} />
        <Route path="/volunteers" element={<VolunteersPage />} />
        <Route path="/resources" element={<ResourcesPage />} />
        <Route path="/resources/:resourceId" element={<ResourceCalendarPage />} />
        <Route path="/records/review" element={<RecordReviewPage />} />
        <Route path="/ledgers" element={<LedgersPage />} />
        <Route path="/ledgers/:ledgerId" element={<LedgerDetailPage />} />
        <Route path="/evaluation" element={<EvaluationPage />} />
        <Route path="/appraisal" element={<AppraisalPage />} />
        <Route path="/feedback-reports" element={<FeedbackReportsPage />} />
        <Route path="/exports" element={<ExportsPage />} />
      </>
    );
  }
  if (me.role === "unit_representative") {
    return (
      <>
        <Route path="/resources" element={<ResourcesPage />} />
        <Route path="/resources/:resourceId" element={<ResourceCalendarPage />} />
        <Route path="/bookings" element={<BookingsPage />} />
        <Route path="/records" element={<UnitRecordsPage />} />
        <Route path="/ledgers" element={<LedgersPage />} />
        <Route path="/ledgers/:ledgerId" element={<LedgerDetailPage />} />
        <Route path="/feedback-reports" element={<FeedbackReportsPage />} />
        <Route path="/evaluation" element={<EvaluationPage />} />
        <Route path="/my/profile" element={<ProfilePage />} />
      </>
    );
  }
  return (
    <>
      <Route path="/my/posts" element={<MyPostsPage />} />
      <Route path="/my/holdings" element={<MyHoldingsPage />} />
      <Route path="/my/hours" element={<MyHoursPage summary={<RecordSummaryCard />} records={<><MyRecords /><MyRecordsExportCard /></>} />} />
      <Route path="/my/calendar" element={<CalendarPage />} />
      <Route path="/check-in" element={<CheckInPage />} />
      <Route path="/my/profile" element={<VolunteerProfilePage />} />
    </>
  );
}

function SignedIn({ me }: { me: Me }) {
  const logout = useLogout();
  const home = homeFor(me);
  return (
    <SessionContext.Provider value={me}>
      <Shell onLogout={() => logout.mutate()}>
        <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/login" element={<Navigate to={home} replace />} />
          {roleRoutes(me)}
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="*" element={<NotFound home={home} />} />
        </Routes>
        </Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}

function Gate() {
  // The democratic appraisal's ballot is public (a representative's one-time code, no account), signed in or not.
  const ballot = useMatch("/appraisal/:code");
  const me = useMe();
  if (ballot) {
    return (
      <Suspense fallback={<Loading />}>
        <BallotPage code={ballot.params.code} header={<LanguageSwitch />} />
      </Suspense>
    );
  }
  if (me.isLoading) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <LoginPage onLanguage={<LanguageSwitch />} />;
  return <SignedIn me={me.data} />;
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </Providers>
  );
}
