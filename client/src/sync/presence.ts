import type { Awareness } from 'y-protocols/awareness';

export interface PeerState {
  clientId: number;
  name: string;
  color: string;
  /** Event open in this person's editor. */
  editing: string | null;
}

const COLORS = ['#c62828', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f'];

/** A stable colour per person, so everyone sees the same colour for 张三. */
export function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[h % COLORS.length];
}

/** Who is here (others, not this tab), from y-protocols awareness; reported on every change. */
export function watchPeers(awareness: Awareness, onPeers: (peers: PeerState[]) => void): () => void {
  const read = (): PeerState[] => {
    const out: PeerState[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      if (!user || typeof user.name !== 'string') continue;
      const editing = (state as { editing?: unknown }).editing;
      out.push({
        clientId,
        name: user.name.slice(0, 40),
        color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : colorFor(user.name),
        editing: typeof editing === 'string' ? editing : null,
      });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  };
  const onChange = () => onPeers(read());
  awareness.on('change', onChange);
  onChange();
  return () => awareness.off('change', onChange);
}
