import { NotYetBuilt } from '../../app/placeholders';

/** Printable month table and grid (issue 5): being built. */
export default function PrintMonthPage() {
  return <NotYetBuilt />;
}
