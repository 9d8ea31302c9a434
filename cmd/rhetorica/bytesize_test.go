package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestByteSize checks that a size flag reads what its help prints as the
// default: String writes the largest exact suffix and Set reads it back.
func TestByteSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		str  string
	}{
		{"8M", 8 << 20, "8M"},
		{"8388608", 8 << 20, "8M"},
		{"1G", 1 << 30, "1G"},
		{"1536M", 1536 << 20, "1536M"},
		{"500K", 500 << 10, "500K"},
		{"16Mi", 16 << 20, "16M"},
		{"16MiB", 16 << 20, "16M"},
		{"64KB", 64 << 10, "64K"},
		{"1k", 1 << 10, "1K"},
		{"1000", 1000, "1000"},
		{" 1g ", 1 << 30, "1G"},
	} {
		var b byteSize
		if err := b.Set(c.in); err != nil {
			t.Errorf("Set(%q): %v", c.in, err)
			continue
		}
		if int(b) != c.want || b.String() != c.str {
			t.Errorf("Set(%q) = %d, %q; want %d, %q", c.in, int(b), b.String(), c.want, c.str)
		}
		var again byteSize
		if err := again.Set(b.String()); err != nil || again != b {
			t.Errorf("Set(String()) of %q = %d, %v; want %d", c.in, int(again), err, int(b))
		}
	}
	for _, in := range []string{"", "0", "-1M", "M", "1T", "1.5M", "2000000G", "i", "5i", "B", "MiB"} {
		var b byteSize
		if err := b.Set(in); err == nil {
			t.Errorf("Set(%q) = %d, want an error", in, int(b))
		}
	}
}

// TestHelpDefaults checks that the help of the size flags prints each
// default once, in the form the flag reads.
func TestHelpDefaults(t *testing.T) {
	for _, cmd := range []struct {
		name string
		want []string
	}{
		{"serve", []string{"(default 8M)"}},
		{"analyze", []string{"(default 8M)", "(default " + map[bool]string{true: "512M", false: "2G"}[strconv.IntSize == 32] + ")"}},
	} {
		code, stdout, stderr := runCLI(t, "", cmd.name, "-h")
		if code != exitOK && code != exitUsage {
			t.Fatalf("%s -h: exit %d", cmd.name, code)
		}
		var got []string
		for _, l := range strings.Split(stdout+stderr, "\n") {
			if strings.Contains(l, "SIZE") && strings.Contains(l, "(default ") {
				got = append(got, strings.TrimSpace(l[strings.Index(l, "(default "):]))
			}
		}
		if diff := cmp.Diff(cmd.want, got); diff != "" {
			t.Errorf("size defaults in %s -h (-want +got):\n%s", cmd.name, diff)
		}
	}
}

// FuzzByteSize checks that Set never panics, and that a size it accepts
// is positive and reads back from its String.
func FuzzByteSize(f *testing.F) {
	for _, s := range []string{"8M", "16MiB", "1000", "2G", " 3k ", "", "-1", "1T", "99999999999G"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b byteSize
		if err := b.Set(s); err != nil {
			return
		}
		if b <= 0 {
			t.Fatalf("Set(%q) = %d, want a positive size", s, int(b))
		}
		var again byteSize
		if err := again.Set(b.String()); err != nil || again != b {
			t.Fatalf("Set(%q) = %d, String %q reads back as %d, %v", s, int(b), b.String(), int(again), err)
		}
	})
}
