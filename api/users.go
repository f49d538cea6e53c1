package api

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

type createUserRequest struct {
	Email    string   `json:"email" validate:"required,email,max=254"`
	Name     string   `json:"name" validate:"required,min=1,max=100"`
	Password string   `json:"password" validate:"required,min=10,max=200"`
	Roles    []string `json:"roles" validate:"required,min=1,unique,dive,oneof=admin department_head recruiter interviewer sales_manager sales_rep"`
}

type updateUserRequest struct {
	Name     *string   `json:"name,omitempty" validate:"omitempty,min=1,max=100"`
	Roles    *[]string `json:"roles,omitempty" validate:"omitempty,min=1,unique,dive,oneof=admin department_head recruiter interviewer sales_manager sales_rep"`
	Active   *bool     `json:"active,omitempty"`
	Password *string   `json:"password,omitempty" validate:"omitempty,min=10,max=200"`
}

// userAudit is what the audit log keeps of a user: never the password.
func userAudit(u *models.User) map[string]any {
	return map[string]any{"email": u.Email, "name": u.Name, "roles": u.Roles, "active": u.Active}
}

func toRoles(names []string) []models.Role {
	out := make([]models.Role, 0, len(names))
	for _, n := range names {
		if r, ok := models.ParseRole(n); ok {
			out = append(out, r)
		}
	}
	return out
}

// pathID reads the :id path parameter; a malformed one is a 404, like a missing object.
func (s *Server) pathID(c *gin.Context) (int64, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(c, models.Errorf(models.ENOTFOUND, "No such object: %q is not an ID.", c.Param("id")))
		return 0, false
	}
	return id, true
}

// optionalPathID reads the :id path parameter of a route that both creates (no :id) and replaces (with :id);
// it is 0 for a creation. It writes the problem and returns false for a malformed one.
func (s *Server) optionalPathID(c *gin.Context) (int64, bool) {
	if c.Param("id") == "" {
		return 0, true
	}
	return s.pathID(c)
}

// allow runs the one authorisation check and writes the refusal.
func (s *Server) allow(c *gin.Context, act models.Action, obj any) bool {
	if err := models.Authorize(currentUser(c), act, obj); err != nil {
		s.fail(c, err)
		return false
	}
	return true
}

func (s *Server) listUsers(c *gin.Context) {
	if !s.allow(c, models.ActUserManage, nil) {
		return
	}
	p, ok := s.page(c)
	if !ok {
		return
	}
	users, total, err := s.db.ListUsers(c, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(users, toUserJSON, p, total))
}

func (s *Server) createUser(c *gin.Context) {
	if !s.allow(c, models.ActUserManage, nil) {
		return
	}
	var req createUserRequest
	if !s.bind(c, &req) {
		return
	}
	hash, err := HashPassword(req.Password)
	if err != nil {
		s.fail(c, err)
		return
	}
	u, err := s.db.CreateUser(c, req.Email, req.Name, hash, toRoles(req.Roles))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "user.created", "user", u.ID, "Added "+u.Email, nil, userAudit(u))
	s.log.InfoContext(c, "user created", "user_id", u.ID, "by", currentUser(c).ID)
	c.JSON(http.StatusCreated, toUserJSON(u))
}

func (s *Server) updateUser(c *gin.Context) {
	if !s.allow(c, models.ActUserManage, nil) {
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	var req updateUserRequest
	if !s.bind(c, &req) {
		return
	}
	me := currentUser(c)
	if id == me.ID {
		if req.Active != nil && !*req.Active {
			s.fail(c, models.Errorf(models.ECONFLICT, "You cannot deactivate your own account; ask another admin."))
			return
		}
		if req.Roles != nil && !slices.Contains(*req.Roles, string(models.RoleAdmin)) {
			s.fail(c, models.Errorf(models.ECONFLICT, "You cannot remove your own admin role; ask another admin."))
			return
		}
	}
	upd := store.UserUpdate{Name: req.Name, Active: req.Active}
	if req.Roles != nil {
		roles := toRoles(*req.Roles)
		upd.Roles = &roles
	}
	if req.Password != nil {
		hash, err := HashPassword(*req.Password)
		if err != nil {
			s.fail(c, err)
			return
		}
		upd.PasswordHash = &hash
	}
	before, err := s.db.UserByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	u, err := s.db.UpdateUser(c, id, upd)
	if err != nil {
		s.fail(c, err)
		return
	}
	after := userAudit(u)
	if upd.PasswordHash != nil {
		after["password"] = "changed"
	}
	s.audit(c, "user.updated", "user", u.ID, "Changed "+u.Email, userAudit(before), after)
	s.log.InfoContext(c, "user updated", "user_id", u.ID, "by", me.ID)
	c.JSON(http.StatusOK, toUserJSON(u))
}
