// Run JSON Schema patterns as editors run them: JavaScript's RegExp with the "u" flag.
// Reads {"patterns": [...], "texts": [...]} on stdin; prints {"matches": [[bool per text] per
// pattern]}, or {"invalid": {pattern: why}} when a pattern does not compile.
const { readFileSync } = require("node:fs");

const { patterns, texts } = JSON.parse(readFileSync(0, "utf8"));
const invalid = {};
const matches = patterns.map((pattern) => {
  let regex;
  try {
    regex = new RegExp(pattern, "u");
  } catch (error) {
    invalid[pattern] = error.message;
    return [];
  }
  return texts.map((text) => regex.test(text));
});
console.log(JSON.stringify(Object.keys(invalid).length ? { invalid } : { matches }));
