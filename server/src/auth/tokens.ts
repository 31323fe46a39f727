import { SignJWT, jwtVerify, errors } from 'jose';
import { ROLES, WORKSPACE_ID_PATTERN, type Role } from '../../../shared/src/protocol/message-types';

/** What a token grants: one role in one workspace, valid for one link generation. */
export interface Grant {
  ws: string;
  role: Role;
  gen: number;
}

export interface TokenSet {
  ownerToken: string;
  editToken: string;
  viewToken: string;
}

const ALG = 'HS256';

export class Tokens {
  constructor(private readonly secret: Uint8Array) {}

  sign(grant: Grant): Promise<string> {
    return new SignJWT({ ws: grant.ws, role: grant.role, gen: grant.gen })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setIssuedAt()
      .sign(this.secret);
  }

  async issueAll(ws: string, gen: number): Promise<TokenSet> {
    const [ownerToken, editToken, viewToken] = await Promise.all(ROLES.map((role) => this.sign({ ws, role, gen })));
    return { ownerToken: ownerToken!, editToken: editToken!, viewToken: viewToken! };
  }

  /**
   * The token's grant if its signature is ours and its claims are well formed;
   * null otherwise. The caller still checks the workspace and generation.
   */
  async verify(token: string | null | undefined): Promise<Grant | null> {
    if (!token || token.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: [ALG] });
      const { ws, role, gen } = payload as Record<string, unknown>;
      if (typeof ws !== 'string' || !WORKSPACE_ID_PATTERN.test(ws)) return null;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
      if (typeof gen !== 'number' || !Number.isInteger(gen) || gen < 0) return null;
      return { ws, role: role as Role, gen };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}
