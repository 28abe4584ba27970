import { openLinkOperation, receiveNotificationOperation } from "./buyer-operations";
import {
  cancelLinkOperation,
  changeExpiryOperation,
  changeRemindersOperation,
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
  changeRemindersOperation,
  resendLinkOperation,
  cancelLinkOperation,
  reactivateLinkOperation,
  duplicateLinkOperation,
  openLinkOperation,
  receiveNotificationOperation,
  healthOperation,
];
