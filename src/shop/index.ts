export type { ShopConfig, ShopDefaults, ShopOffer } from "./shop-config";
