package api

import (
	"fmt"
	"testing"
	"time"
)

func TestViewCache(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	vc := newViewCache(30 * time.Second)
	if _, _, ok := vc.get("head/1", now); ok {
		t.Fatal("a hit in an empty cache")
	}
	vc.put("head/1", now, "answer")
	if v, at, ok := vc.get("head/1", now.Add(29*time.Second)); !ok || v != "answer" || !at.Equal(now) {
		t.Fatalf("within the time to live: %v %v %v", v, at, ok)
	}
	if _, _, ok := vc.get("head/2", now); ok {
		t.Fatal("another key's answer")
	}
	if _, _, ok := vc.get("head/1", now.Add(30*time.Second)); ok {
		t.Fatal("an answer past its time to live")
	}
	if _, _, ok := vc.get("head/1", now.Add(-time.Second)); ok {
		t.Fatal("an answer from the future (the clock went back)")
	}
	for i := range viewCacheMax + 10 {
		vc.put(fmt.Sprint(i), now.Add(time.Duration(i)*time.Millisecond), i)
	}
	if len(vc.m) > viewCacheMax {
		t.Fatalf("the cache grew to %d", len(vc.m))
	}
	off := newViewCache(0)
	off.put("k", now, 1)
	if _, _, ok := off.get("k", now); ok {
		t.Fatal("a cache with no time to live keeps answers")
	}
}
