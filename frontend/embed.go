// Package frontend embeds the built web UI (frontend/dist, made by `npm run build`) into the binary.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built UI with index.html at its root. Without a build it holds only .gitkeep, and
// the server shows a page saying how to build the UI.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
