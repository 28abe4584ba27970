export {
  describeDeliveryQueueContract,
  describeOrderStoreContract,
  describeStoreContract,
} from "./describe-store-contract";
export { describeTransportContract } from "./describe-transport-contract";
export { makeOutgoingMail } from "./make-outgoing-mail";
export type { LinkFields, MakeOrderWithLinksOptions, OrderWithLinksRecords } from "./make-records";
export { makeAttempt, makeLink, makeOrder, makeOrderWithLinks, RECORDS_CREATED_AT } from "./make-records";
export { HOSTILE_STRINGS } from "./store-contract/hostile-strings";
export type { StoreContractOptions, StoreFactory, StoreFixture } from "./store-fixture";
export type {
  DeliveredMail,
  TransportContractOptions,
  TransportFactory,
  TransportFixture,
} from "./transport-fixture";
