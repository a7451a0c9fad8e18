import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './components/Layout';
import { Loading } from './components/States';
import { LoginPage } from './pages/Login';
import { BoardPage } from './pages/Board';

// The board is the landing page and ships in the first bundle; the rest load when opened.
const QueuePage = lazy(() => import('./pages/Queue').then((m) => ({ default: m.QueuePage })));
const SamplePage = lazy(() => import('./pages/Sample').then((m) => ({ default: m.SamplePage })));
const SubmissionsPage = lazy(() => import('./pages/Submissions').then((m) => ({ default: m.SubmissionsPage })));
const SubmissionPage = lazy(() => import('./pages/Submission').then((m) => ({ default: m.SubmissionPage })));
const ProjectsPage = lazy(() => import('./pages/Projects').then((m) => ({ default: m.ProjectsPage })));
const IntakePage = lazy(() => import('./pages/Intake').then((m) => ({ default: m.IntakePage })));
const ReviewPage = lazy(() => import('./pages/Review').then((m) => ({ default: m.ReviewPage })));
const ExportsPage = lazy(() => import('./pages/Exports').then((m) => ({ default: m.ExportsPage })));
const TrendsPage = lazy(() => import('./pages/Trends').then((m) => ({ default: m.TrendsPage })));
const AdminPage = lazy(() => import('./pages/Admin').then((m) => ({ default: m.AdminPage })));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { signedIn, loading, me } = useAuth();
  const location = useLocation();
  if (!signedIn) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (loading || !me) return <Loading what="your account" />;
  return <Layout>{children}</Layout>;
}

export function App() {
  const navigate = useNavigate();
  const page = (node: ReactNode) => <RequireSignIn><Suspense fallback={<Loading what="the page" />}>{node}</Suspense></RequireSignIn>;
  return (
    <AuthProvider onSignedOut={() => navigate('/login')}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<Navigate to="/board" replace />} />
        <Route path="/board" element={page(<BoardPage />)} />
        <Route path="/queue" element={page(<QueuePage />)} />
        <Route path="/samples/:id" element={page(<SamplePage />)} />
        <Route path="/submissions" element={page(<SubmissionsPage />)} />
        <Route path="/submissions/:id" element={page(<SubmissionPage />)} />
        <Route path="/projects" element={page(<ProjectsPage />)} />
        <Route path="/intake" element={page(<IntakePage />)} />
        <Route path="/review" element={page(<ReviewPage />)} />
        <Route path="/export" element={page(<ExportsPage />)} />
        <Route path="/trends" element={page(<TrendsPage />)} />
        <Route path="/admin" element={page(<AdminPage />)} />
        <Route path="*" element={page(<p className="state">No page at this address. <a href="/board">Go to the board</a>.</p>)} />
      </Routes>
    </AuthProvider>
  );
}
