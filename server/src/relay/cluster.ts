/**
 * What a room needs from the other relays when several share one store (REDIS_URL mode):
 * presence. Documents travel through the store itself (Persistence.subscribe); presence is
 * not stored, it goes over a bus (Redis pub/sub in server/src/redis/presence.ts).
 */
export interface PresenceMember {
  /** An awareness frame (as clients send it) published by another relay's room. */
  onRemoteAwareness(relayId: string, frame: Uint8Array): void;
  /** Another relay opened the room and asks for the states of this relay's clients. */
  onQuery(): void;
  /** A relay stopped heartbeating: remove its clients' states. */
  onRelayGone(relayId: string): void;
}

export interface PresenceLink {
  publish(frame: Uint8Array): void;
  leave(): void;
}

export interface PresenceBus {
  join(roomId: string, member: PresenceMember): PresenceLink;
}

/** Owner of the presence states of clients connected to another relay. */
export class RemoteRelay {
  constructor(readonly relayId: string) {}
}
