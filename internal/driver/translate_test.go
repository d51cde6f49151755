package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteGeneratedRefusesUserFiles(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "user.go")
	os.WriteFile(user, []byte("package main\n\nfunc main() {}\n"), 0o644)
	err := WriteGenerated(user, []byte(GeneratedHeader+"\n\npackage main\n"))
	if err == nil || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Fatalf("overwrote a user file: err = %v", err)
	}
	if b, _ := os.ReadFile(user); !strings.Contains(string(b), "func main() {}") {
		t.Fatalf("user file changed: %q", b)
	}
}

func TestWriteGeneratedReplacesGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "prog_gen.go")
	for _, body := range []string{"package a\n", "package b\n"} {
		if err := WriteGenerated(gen, []byte(GeneratedHeader+"\n\n"+body)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(gen); !strings.HasSuffix(string(b), body) {
			t.Fatalf("got %q, want suffix %q", b, body)
		}
	}
	// A build constraint may stand before the header.
	os.WriteFile(gen, []byte("//go:build ignore\n\n"+GeneratedHeader+"\n\npackage c\n"), 0o644)
	if err := WriteGenerated(gen, []byte(GeneratedHeader+"\n\npackage d\n")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}
