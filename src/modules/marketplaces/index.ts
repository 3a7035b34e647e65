/** Marketplaces with their policy settings, and the sellers who sell on them. */
export {
  createMarketplacesService,
  type MarketplacesService,
  type Marketplace,
  type Seller,
} from './marketplaces.service.ts';
/** Policy settings type and the seeded Japan and Italy marketplaces. */
export { SEEDED_MARKETPLACES, type MarketplacePolicy } from './marketplace-policy.ts';
