package activities

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"strings"
)

// An e-card is a greeting card by e-mail to a client's contact on an occasion: a design per occasion theme,
// the greeting in the contact's language, the owner's personal line and name, and an unsubscribe link. Its
// HTML is table-based with inline styles, as mail clients need; the plain-text part says the same.

// CardDesigns are the designs each theme comes in; a greeting picks one, and its owner may change it.
var CardDesigns = []string{"classic", "bright", "minimal"}

// cardPalette is one theme's colours: the band, the accent, the paper and the ornament shown large.
type cardPalette struct{ Band, Accent, Paper, Ornament string }

var cardThemes = map[string]cardPalette{
	"new_year":    {"#1b2a4e", "#f2c14e", "#fdfaf1", "✦"},
	"christmas":   {"#1f5f3b", "#c8102e", "#fbf7f0", "❄"},
	"easter":      {"#7a5cc2", "#f4b942", "#fbf8ff", "✿"},
	"bajram":      {"#0f5e63", "#d9a441", "#f6fbfa", "☾"},
	"national":    {"#c8102e", "#1c1c1c", "#fff8f6", "★"},
	"spring":      {"#3f8f47", "#f08a4b", "#f7fcf4", "❀"},
	"women":       {"#b0306a", "#f3a6c4", "#fff6fa", "❀"},
	"anniversary": {"#4c3b8f", "#e8b931", "#faf8ff", "✦"},
	"birthday":    {"#e0567a", "#ffcf5c", "#fff8f2", "✺"},
	"name_day":    {"#2d6fb5", "#f7b267", "#f5f9ff", "✿"},
	"general":     {"#2f4858", "#33658a", "#f6f9fb", "✦"},
}

// cardWords are the card's words per language; %s is the occasion's name or the contact's first name.
var cardWords = map[string]map[string]string{
	"en": {
		"new_year": "Happy New Year!", "christmas": "Merry Christmas!", "easter": "Happy Easter!", "bajram": "Bajram Mubarak!",
		"national": "Happy %s!", "spring": "Happy %s!", "women": "Happy International Women's Day!", "anniversary": "Congratulations on %s!",
		"birthday": "Happy birthday, %s!", "name_day": "Happy name day, %s!", "general": "Best wishes on %s",
		"dear": "Dear %s,", "body": "With warm wishes from all of us at %s, and thank you for the trust you place in us.",
		"regards": "Kind regards,", "unsubscribe": "Don't want greeting cards from us?", "unsubscribe_link": "Unsubscribe",
	},
	"sq": {
		"new_year": "Gëzuar Vitin e Ri!", "christmas": "Gëzuar Krishtlindjet!", "easter": "Gëzuar Pashkët!", "bajram": "Gëzuar Bajramin!",
		"national": "Gëzuar %s!", "spring": "Gëzuar %s!", "women": "Gëzuar 8 Marsin!", "anniversary": "Urime për %s!",
		"birthday": "Gëzuar ditëlindjen, %s!", "name_day": "Gëzuar ditën e emrit, %s!", "general": "Urimet më të mira për %s",
		"dear": "I/e nderuar %s,", "body": "Me urimet më të përzemërta nga të gjithë ne në %s, dhe faleminderit për besimin që na keni dhënë.",
		"regards": "Me respekt,", "unsubscribe": "Nuk dëshironi urime nga ne?", "unsubscribe_link": "Çregjistrohuni",
	},
}

// Card is what one e-card says and looks like.
type Card struct {
	Locale, Theme, Design string
	// OccasionName is in the card's language.
	OccasionName string
	ContactName  string
	PersonalLine string
	SenderName   string
	Company      string
	// UnsubscribeURL is the contact's signed unsubscribe link.
	UnsubscribeURL string
}

type cardView struct {
	Card
	Lang, Headline, Dear, Body, Regards, Unsub, UnsubLink string
	P                                                     cardPalette
}

var cardHTML = htmltemplate.Must(htmltemplate.New("card").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{{.Headline}}</title></head>
<body style="margin:0;padding:0;background:#eef1f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#eef1f5;padding:24px 0"><tr><td align="center">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;width:100%;background:{{.P.Paper}};border-radius:{{if eq .Design "minimal"}}4px{{else}}16px{{end}};overflow:hidden;font-family:Georgia,'Times New Roman',serif;color:#23262f">
{{if eq .Design "classic"}}<tr><td style="background:{{.P.Band}};padding:36px 32px;text-align:center;border-bottom:6px solid {{.P.Accent}}">
<div style="font-size:48px;line-height:1;color:{{.P.Accent}}">{{.P.Ornament}}</div>
<h1 style="margin:16px 0 0;font-size:30px;font-weight:normal;color:#ffffff;letter-spacing:.5px">{{.Headline}}</h1></td></tr>
{{else if eq .Design "bright"}}<tr><td style="background:{{.P.Accent}};background-image:linear-gradient(135deg,{{.P.Accent}},{{.P.Band}});padding:44px 32px;text-align:left">
<div style="font-size:64px;line-height:1;color:#ffffff;opacity:.9">{{.P.Ornament}} {{.P.Ornament}} {{.P.Ornament}}</div>
<h1 style="margin:20px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:32px;font-weight:bold;color:#ffffff">{{.Headline}}</h1></td></tr>
{{else}}<tr><td style="padding:40px 32px 8px;text-align:left;border-top:4px solid {{.P.Band}}">
<div style="font-family:Arial,Helvetica,sans-serif;font-size:13px;letter-spacing:3px;text-transform:uppercase;color:{{.P.Band}}">{{.OccasionName}}</div>
<h1 style="margin:12px 0 0;font-size:28px;font-weight:normal;color:#23262f">{{.Headline}}</h1></td></tr>
{{end}}<tr><td style="padding:28px 32px 8px;font-size:17px;line-height:1.6">
<p style="margin:0 0 14px">{{.Dear}}</p>
<p style="margin:0 0 14px">{{.Body}}</p>
{{if .PersonalLine}}<p style="margin:0 0 14px;font-style:italic;border-left:3px solid {{.P.Accent}};padding-left:12px">{{.PersonalLine}}</p>
{{end}}<p style="margin:20px 0 0">{{.Regards}}<br><strong>{{.SenderName}}</strong><br><span style="color:#5c6370">{{.Company}}</span></p></td></tr>
<tr><td style="padding:24px 32px 28px;font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#868e96;text-align:center">{{.Unsub}} <a href="{{.UnsubscribeURL}}" style="color:#868e96">{{.UnsubLink}}</a></td></tr>
</table></td></tr></table></body></html>`))

// firstName is the contact's first name for a birthday or name day card.
func firstName(full string) string {
	if f := strings.Fields(full); len(f) > 0 {
		return f[0]
	}
	return full
}

// Render returns the card's subject, plain text and HTML.
func (c Card) Render() (subject, text, html string, err error) {
	w, ok := cardWords[c.Locale]
	if !ok {
		c.Locale, w = "en", cardWords["en"]
	}
	p, ok := cardThemes[c.Theme]
	if !ok {
		c.Theme, p = "general", cardThemes["general"]
	}
	headline := w[c.Theme]
	switch c.Theme {
	case "birthday", "name_day":
		headline = fmt.Sprintf(headline, firstName(c.ContactName))
	case "national", "spring", "anniversary", "general":
		headline = fmt.Sprintf(headline, c.OccasionName)
	}
	v := cardView{Card: c, Lang: c.Locale, Headline: headline, Dear: fmt.Sprintf(w["dear"], c.ContactName), Body: fmt.Sprintf(w["body"], c.Company),
		Regards: w["regards"], Unsub: w["unsubscribe"], UnsubLink: w["unsubscribe_link"], P: p}
	var b bytes.Buffer
	if err := cardHTML.Execute(&b, v); err != nil {
		return "", "", "", err
	}
	var t strings.Builder
	fmt.Fprintf(&t, "%s\n\n%s\n\n%s\n\n", headline, v.Dear, v.Body)
	if c.PersonalLine != "" {
		t.WriteString(c.PersonalLine + "\n\n")
	}
	fmt.Fprintf(&t, "%s\n%s\n%s\n\n-- \n%s %s: %s\n", v.Regards, c.SenderName, c.Company, v.Unsub, v.UnsubLink, c.UnsubscribeURL)
	return headline + " · " + c.Company, t.String(), b.String(), nil
}
