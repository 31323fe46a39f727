/**
 * y-websocket wire protocol message types (y-protocols). Every frame is one
 * binary WebSocket message: varUint(messageType) • payload. See server/PROTOCOL.md.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a Sync message: varUint(sub) • varByteArray(stateVector | update). */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/** Sub-types of an Auth message: varUint(sub) • varString(reason). */
export const AuthMessageType = {
  PermissionDenied: 0,
} as const;

/** Room names (workspace ids) accepted by the relay and the API. */
export const WORKSPACE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export type Role = 'owner' | 'edit' | 'view';
export const ROLES: readonly Role[] = ['owner', 'edit', 'view'];
