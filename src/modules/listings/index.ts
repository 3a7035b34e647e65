/** Listings (NTF-2 Listings, NTF-5): SKU, title, price, quantity, status; views; weekly out-of-stock. */
export {
  createListingsService,
  type ListingsService,
  type ListingView,
} from './listings.service.ts';
/** Marketplace API (operator key) and seller web routes of listings. */
export { createListingsMarketplaceRoutes, createListingsWebRoutes } from './listings.routes.ts';
