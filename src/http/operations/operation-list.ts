import { openLinkOperation, receiveNotificationOperation } from "./buyer-operations";
import {
  cancelLinkOperation,
  changeExpiryOperation,
  duplicateLinkOperation,
  getLinkOperation,
  listLinksOperation,
  reactivateLinkOperation,
  resendLinkOperation,
  updateLinkOperation,
} from "./link-operations";
import type { Operation } from "./operation";
import {
  createBatchOperation,
  createOrderOperation,
  getOrderOperation,
  previewBatchOperation,
  previewOrderOperation,
} from "./order-operations";
import { healthOperation } from "./service-operations";

/**
 * Every operation of the API, in the order of the document. `/orders/preview` comes before `/orders/{orderId}`,
 * which could match it. Internal.
 */
export const OPERATIONS: readonly Operation[] = [
  createOrderOperation,
  previewOrderOperation,
  createBatchOperation,
  previewBatchOperation,
  getOrderOperation,
  listLinksOperation,
  getLinkOperation,
  updateLinkOperation,
  changeExpiryOperation,
  resendLinkOperation,
  cancelLinkOperation,
  reactivateLinkOperation,
  duplicateLinkOperation,
  openLinkOperation,
  receiveNotificationOperation,
  healthOperation,
];
