// ESLint for the site's browser code and the Node tests of its pure logic (tests/js/).
// Run by tests/test_js.py: `node_modules/.bin/eslint .` (installed by scripts/test).
import js from "@eslint/js";
import globals from "globals";

// Classic deferred scripts (Material's search helpers): they share nothing.
const CLASSIC = [
  "overrides/assets/pagefind-search.js",
  "overrides/assets/search-lazy.js",
];

export default [
  { ignores: ["build/", "site/", "dist/", ".venv/", "node_modules/", "test-results/"] },
  js.configs.recommended,
  {
    rules: {
      eqeqeq: ["error", "smart"],                   // `== null` only
      "no-shadow": "error",                         // a local `save` hid store.js's save()
      "no-implicit-globals": "error",
      // Scripts share through imports, never through a property set on window.
      "no-restricted-syntax": ["error", {
        selector: "AssignmentExpression > MemberExpression.left[object.name='window']",
        message: "Share it through an export and an import, not a window global.",
      }],
    },
  },
  {
    files: ["overrides/assets/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    files: CLASSIC,
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
