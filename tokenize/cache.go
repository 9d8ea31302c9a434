package tokenize

import (
	"strings"
	"sync"
)

// maxCacheEntries bounds the memo of a [Tokenizer]. When it is full the
// memo starts again empty, so memory stays bounded on text with an
// unbounded vocabulary, and frequent words are back after one sighting.
const maxCacheEntries = 1 << 16

// form is the memoised normal form and stem of one surface text.
type form struct {
	norm, stem string
}

// formCache memoises the normal form and stem of surface texts. It is safe
// for concurrent use: lookups take a read lock, inserts a write lock.
type formCache struct {
	mu sync.RWMutex
	m  map[string]form
}

func (c *formCache) get(text string) (form, bool) {
	c.mu.RLock()
	f, ok := c.m[text]
	c.mu.RUnlock()
	return f, ok
}

// lookup returns the form of text, computing and memoising it on a miss
// with compute, which gets a private copy of text: text is a slice of the
// caller's input, which the cache must not keep alive.
func (c *formCache) lookup(text string, compute func(string) form) form {
	if f, ok := c.get(text); ok {
		return f
	}
	key := strings.Clone(text)
	f := compute(key)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCacheEntries {
		c.m = make(map[string]form, 1024)
	}
	c.m[key] = f
	c.mu.Unlock()
	return f
}
