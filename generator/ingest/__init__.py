"""Reading sources on a parse tree: a reader per syntax builds one block tree
(`tree.Block`), one segmenter finds the questions on it."""
