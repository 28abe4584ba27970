export type { Actor, ActorPermissions, Mode } from "./actor";
export { MODES } from "./actor";
