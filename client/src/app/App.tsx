import { lazy } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { WorkspacesPage } from '../features/workspaces/WorkspacesPage';
import { WorkspaceShell } from '../features/workspace/WorkspaceShell';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { NotFound } from './placeholders';

// Screens used now and then load on demand, keeping the calendar's first paint small.
const TrashPage = lazy(() => import('../features/trash/TrashPage'));
const PlanPage = lazy(() => import('../features/plan/PlanPage'));
const PrintMonthPage = lazy(() => import('../features/print/PrintMonthPage'));
const PrintTimelinePage = lazy(() => import('../features/print/PrintTimelinePage'));
const PrintTourPage = lazy(() => import('../features/print/PrintTourPage'));
const TimelinePage = lazy(() => import('../features/timeline/TimelinePage'));
const TeamsPage = lazy(() => import('../features/teams/TeamsPage'));

// The screen the address names starts loading with the app, beside the workspace's opening,
// instead of after it.
const ROUTE_PAGES: Array<[RegExp, { preload(): unknown }]> = [
  [/^\/w\/[^/]+\/timeline$/, TimelinePage],
  [/^\/w\/[^/]+\/plan$/, PlanPage],
  [/^\/w\/[^/]+\/teams$/, TeamsPage],
  [/^\/w\/[^/]+\/trash$/, TrashPage],
  [/^\/w\/[^/]+\/print\/month\//, PrintMonthPage],
  [/^\/w\/[^/]+\/print\/timeline\//, PrintTimelinePage],
  [/^\/w\/[^/]+\/print\/team\//, PrintTourPage],
];
ROUTE_PAGES.find(([path]) => path.test(location.pathname))?.[1].preload();

export function App() {
  return (
    <Router>
      <Route path="/" component={WorkspacesPage} />
      <Route path="/w/:id" component={WorkspaceShell}>
        <Route path="/" component={CalendarPage} />
        <Route path="/trash" component={TrashPage} />
        <Route path="/timeline" component={TimelinePage} />
        <Route path="/plan" component={PlanPage} />
        <Route path="/teams" component={TeamsPage} />
        <Route path="/print/month/:ym" component={PrintMonthPage} />
        <Route path="/print/timeline/:year" component={PrintTimelinePage} />
        <Route path="/print/team/:teamId" component={PrintTourPage} />
      </Route>
      <Route path="*" component={NotFound} />
    </Router>
  );
}
