export type { PaymentMethodSaving, ShopConfig, ShopDefaults, ShopOffer, ThreeDsPreference } from "./shop-config";
