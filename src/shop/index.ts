export type { ShopConfig } from "./shop-config";
