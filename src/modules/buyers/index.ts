/** Buyer accounts of "Your Account": one per email, sign-in links and passwords, sessions. */
export {
  BUYER_LANGUAGES,
  type BuyerLanguage,
  type BuyerProfile,
  type BuyerSession,
  type BuyersService,
  createBuyersService,
  SIGN_IN_LINK_MINUTES,
} from './buyers.service.ts';
/** Buyer session middleware, `requireBuyer` for buyer-facing routes of other modules, and the session and sign-in-link routes. */
export {
  BUYER_SESSION_COOKIE,
  type BuyerVariables,
  buyerSessionMiddleware,
  createBuyerSessionRoutes,
  createBuyersMarketplaceRoutes,
  requireBuyer,
} from './buyers.routes.ts';
