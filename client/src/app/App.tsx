import { lazy } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { WorkspacesPage } from '../features/workspaces/WorkspacesPage';
import { WorkspaceShell } from '../features/workspace/WorkspaceShell';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { NotFound, NotYetBuilt } from './placeholders';

const TrashPage = lazy(() => import('../features/trash/TrashPage'));

export function App() {
  return (
    <Router>
      <Route path="/" component={WorkspacesPage} />
      <Route path="/w/:id" component={WorkspaceShell}>
        <Route path="/" component={CalendarPage} />
        <Route path="/trash" component={TrashPage} />
        <Route path="/timeline" component={NotYetBuilt} />
        <Route path="/plan" component={NotYetBuilt} />
        <Route path="/print/month/:ym" component={NotYetBuilt} />
      </Route>
      <Route path="*" component={NotFound} />
    </Router>
  );
}
