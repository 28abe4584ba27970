export { normalizeLanguage } from "./normalize-language";
