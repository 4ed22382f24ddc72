// Landing from a search (overrides/assets/study/search-hit.js): the words of ?h= and the
// folded answer or answer tab that holds them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { firstMentioning, mentions, searchTerms } from "../../overrides/assets/study/search-hit.js";

test("the search's words lose query syntax and case", () => {
  assert.deepEqual(searchTerms("+Attention -mask* rope~2 q/k^10"), ["attention", "mask", "rope", "qk"]);
  assert.deepEqual(searchTerms("KV cache"), ["kv", "cache"]);
});

test("words over 4 letters are stemmed as lunr would, shorter ones kept whole", () => {
  assert.deepEqual(searchTerms("embeddings tokens uses loss"), ["embedding", "token", "uses", "loss"]);
  assert.deepEqual(searchTerms("training batches"), ["train", "batch"]);
});

test("no search, or only one-letter words, gives no terms", () => {
  assert.deepEqual(searchTerms(null), []);
  assert.deepEqual(searchTerms(""), []);
  assert.deepEqual(searchTerms("a b 7"), []);
});

test("a text mentions a term anywhere, whatever its case", () => {
  const terms = searchTerms("Tokenization");
  assert.ok(mentions("Byte-pair TOKENIZATION splits words", terms));
  assert.ok(!mentions("Positional encoding", terms));
});

test("the first text that mentions a term is found, -1 for none", () => {
  const terms = searchTerms("dropout");
  assert.equal(firstMentioning(["Source A: weight decay", "Source B: Dropout and decay", "dropout"], terms), 1);
  assert.equal(firstMentioning(["nothing here"], terms), -1);
  assert.equal(firstMentioning([], terms), -1);
});
