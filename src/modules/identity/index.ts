/** Users, web sessions, SP-API developer apps and LWA tokens, operator API keys. */
export {
  createIdentityService,
  type IdentityService,
  LwaError,
  type SessionUser,
  type SpApiPrincipal,
  type TokenGrant,
  type WebSession,
} from './identity.service.ts';
/** Web session and operator-key middleware and the session/settings routes. */
export {
  createIdentityRoutes,
  sessionMiddleware,
  operatorKeyMiddleware,
  requireOperator,
  requireSeller,
  type AuthVariables,
} from './identity.routes.ts';
/** Hash of long random secrets stored for lookup (session and sign-in tokens; not passwords). */
export { sha256 } from './secrets.ts';
