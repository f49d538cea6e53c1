package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

type tokenRequest struct {
	Name string `json:"name" validate:"required,max=100"`
}

// newTokenJSON is a token just made: the only time its secret is shown.
type newTokenJSON struct {
	store.TokenRecord
	Token string `json:"token"`
}

// signedIn refuses token sessions: managing tokens needs a sign-in.
func (s *Server) signedIn(c *gin.Context) bool {
	if sess := session(c); sess == nil || sess.TokenID != 0 {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Manage integration tokens signed in, not with a token."))
		return false
	}
	return true
}

func (s *Server) listTokens(c *gin.Context) {
	if !s.signedIn(c) {
		return
	}
	tokens, err := s.db.Tokens(c, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, list[store.TokenRecord]{Items: tokens})
}

// createToken makes an integration token for the caller's phone system or CRM to post their calls with
// (sales reps and managers); it is shown once.
func (s *Server) createToken(c *gin.Context) {
	if !s.signedIn(c) || !s.allow(c, models.ActActivityLog, nil) {
		return
	}
	var req tokenRequest
	if !s.bind(c, &req) {
		return
	}
	if strings.TrimSpace(req.Name) == "" {
		s.fail(c, models.Invalid(models.FieldError{Field: "name", Message: "is required: say where the token is used"}))
		return
	}
	tok := tokenPrefix + randomToken()
	t := store.TokenRecord{UserID: currentUser(c).ID, Name: strings.TrimSpace(req.Name), TokenHash: hashToken(tok)}
	if err := s.db.CreateToken(c, &t); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "token.created", "user", t.UserID, "Integration token “"+t.Name+"” made", nil, map[string]any{"token_id": t.ID})
	c.JSON(http.StatusCreated, newTokenJSON{TokenRecord: t, Token: tok})
}

func (s *Server) revokeToken(c *gin.Context) {
	if !s.signedIn(c) {
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	if err := s.db.RevokeToken(c, currentUser(c).ID, id); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "token.revoked", "user", currentUser(c).ID, "Integration token revoked", nil, map[string]any{"token_id": id})
	c.Status(http.StatusNoContent)
}
