package tokenize

import (
	"strings"
	"sync"
	"sync/atomic"
)

// maxCacheEntries bounds the memo of a [Tokenizer]. When it would grow
// past this the memo keeps only its newest entries, so memory stays bounded
// on text with an unbounded vocabulary.
const maxCacheEntries = 1 << 17

// maxFormIDs bounds the form IDs a [Tokenizer] hands out (see
// [Token.Form]). Every form the memo computes takes the next ID, so a memo
// that keeps turning over its entries (text with an unbounded vocabulary)
// would use them up; forms computed after that get ID 0, and consumers fall
// back to the strings. A consumer's table indexed by form ID is therefore
// bounded too.
const maxFormIDs = 1 << 20

// form is the memoised normal form and stem of one surface text, with the
// dense ID of that (norm, stem) pair, 0 when none.
type form struct {
	norm, stem string
	id         uint32
}

// formCache memoises the normal form and stem of surface texts. Its values
// are pointers, shared by the surface forms of one normal form ("The",
// "the"), so that a slot of its maps is 24 bytes, not 56, and a hot group of
// the map fits a cache line or two. It is safe
// for concurrent use. Hits read an immutable map through an atomic pointer,
// without locks or allocation; misses go to a small map under a mutex, which
// is merged into a new immutable map once it holds a quarter as many
// entries, so each entry is copied a bounded number of times.
//
// The merge copies the whole memo, so it runs outside the mutex: the full
// small map is set aside (still read by lookups, never written again) and a
// fresh one takes the misses meanwhile. Under the mutex, the other workers
// of a parallel run had to wait for every copy (2% of their time on two
// cores). One merge runs at a time; the memo's contents are the same as
// with the copy under the mutex, and a form is a pure function of its text
// whichever map holds it.
type formCache struct {
	ro    atomic.Pointer[map[string]*form]
	mu    sync.Mutex
	dirty map[string]*form
	// merging is the small map being merged into ro, or nil; it is
	// read-only once set.
	merging map[string]*form
	ids     atomic.Uint32 // the last form ID handed out
}

// newID returns a fresh form ID, or 0 once maxFormIDs are used up.
func (c *formCache) newID() uint32 {
	if c.ids.Load() >= maxFormIDs-1 {
		return 0
	}
	id := c.ids.Add(1)
	if id >= maxFormIDs {
		return 0
	}
	return id
}

// lookup returns the form of text, computing and memoising it on a miss
// with compute, which gets a private copy of text: text is a slice of the
// caller's input, which the cache must not keep alive.
func (c *formCache) lookup(text string, compute func(string) *form) *form {
	ro := c.ro.Load()
	if ro != nil {
		if f, ok := (*ro)[text]; ok {
			return f
		}
	}
	c.mu.Lock()
	f, ok := c.dirty[text]
	if !ok && c.merging != nil {
		f, ok = c.merging[text]
	}
	c.mu.Unlock()
	if ok {
		return f
	}
	key := strings.Clone(text)
	f = compute(key)
	c.mu.Lock()
	if c.dirty == nil {
		c.dirty = make(map[string]*form, 256)
	}
	c.dirty[key] = f
	n := 0
	if ro = c.ro.Load(); ro != nil {
		n = len(*ro)
	}
	var full map[string]*form
	if c.merging == nil && len(c.dirty) >= max(256, n/4) {
		full = c.dirty
		c.merging = full
		c.dirty = make(map[string]*form, 256)
	}
	c.mu.Unlock()
	if full != nil {
		c.merge(ro, full)
	}
	return f
}

// merge stores a new immutable map holding ro and full, or only full when
// both would exceed maxCacheEntries. Only the one merge in progress stores
// ro, so ro is still current when it is done.
func (c *formCache) merge(ro *map[string]*form, full map[string]*form) {
	merged := full
	n := 0
	if ro != nil {
		n = len(*ro)
	}
	if n+len(full) <= maxCacheEntries {
		merged = make(map[string]*form, n+len(full))
		if ro != nil {
			for k, v := range *ro {
				merged[k] = v
			}
		}
		for k, v := range full {
			merged[k] = v
		}
	}
	c.mu.Lock()
	c.ro.Store(&merged)
	c.merging = nil
	c.mu.Unlock()
}
