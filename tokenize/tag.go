package tokenize

// Tag assigns part-of-speech tags to doc's tokens (placeholder).
func (t *Tokenizer) Tag(doc *Document) error { return nil }
