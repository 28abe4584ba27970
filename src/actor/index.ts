export type { Actor, ActorPermissions, Mode } from "./actor";
