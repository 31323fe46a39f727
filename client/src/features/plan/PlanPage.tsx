import { NotYetBuilt } from '../../app/placeholders';

/** Plan import and outline (issue 4): being built. */
export default function PlanPage() {
  return <NotYetBuilt />;
}
