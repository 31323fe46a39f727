import { describe, expect, it } from 'vitest';
import { RoomBudget } from '../../server/src/relay/room-budget';

describe('a room’s share of the event loop', () => {
  it('allows a second’s worth at once, then makes the room wait in proportion to its debt, and refills', () => {
    let now = 0;
    const b = new RoomBudget(300, () => now);
    b.charge(200);
    expect(b.waitMs()).toBe(0);
    b.charge(250); // 150 ms in debt at 300 ms/s: half a second
    expect(b.waitMs()).toBe(500);
    now += 250;
    expect(b.waitMs()).toBe(250);
    now += 250;
    expect(b.waitMs()).toBe(0);
    now += 10_000;
    b.charge(300);
    expect(b.waitMs()).toBe(0); // the burst is capped at one second's worth
    b.charge(1);
    expect(b.waitMs()).toBeGreaterThan(0);
  });
});
