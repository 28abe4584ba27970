import { defineConfig } from "tsup";

/** Entry points, one per subpath of the package's exports map (a test checks they agree). */
export const entry = {
  index: "src/index.ts",
};

export default defineConfig({
  entry,
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2020",
  splitting: false,
});
