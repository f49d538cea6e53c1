package api

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

const uiMissing = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bullpen</title></head>
<body><h1>Bullpen</h1><p>The API is running, but this binary was built without the web UI.
Build it with <code>make run</code> (or <code>make build</code>), which builds <code>frontend/</code> first.</p></body></html>`

// serveUI serves the single-page web UI: a file if one matches the path, index.html for any other page
// (client-side routes), and a problem for unknown API paths.
func (s *Server) serveUI(c *gin.Context) {
	p := c.Request.URL.Path
	if strings.HasPrefix(p, "/api/") {
		s.problem(c, http.StatusNotFound, "Not found", "No API endpoint at "+p+"; see /api/v1/openapi.json.")
		return
	}
	if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
		s.problem(c, http.StatusMethodNotAllowed, "Method not allowed", "Pages are read with GET.")
		return
	}
	if s.ui == nil {
		c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(uiMissing))
		return
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name != "" && name != "index.html" {
		if st, err := fs.Stat(s.ui, name); err == nil && !st.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				c.Header("Cache-Control", "public, max-age=31536000, immutable")
			}
			c.FileFromFS(name, http.FS(s.ui))
			return
		}
		// A missing asset or top-level file (favicon.ico, a stale chunk) is a 404; a page path whose last
		// part merely holds a dot (a questionnaire link's token) is a client-side route.
		if strings.HasPrefix(name, "assets/") || (!strings.Contains(name, "/") && path.Ext(name) != "") {
			c.Status(http.StatusNotFound)
			return
		}
	}
	index, err := fs.ReadFile(s.ui, "index.html")
	if err != nil {
		c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(uiMissing))
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "text/html; charset=utf-8", index)
}
