export { fr, messagesFr } from "./messages-fr";
