package models

import "slices"

// groupCompetencies is the group interview's rubric per locale: what several candidates working one buyer
// together show that a one-to-one role-play cannot (seed step 3, the second or group interview).
var groupCompetencies = map[string][]Competency{
	"en": {
		{ID: "listening", Name: "Listening",
			Anchor1: "Talks over others, repeats points already made and misses what the buyer or colleagues just said.",
			Anchor3: "Lets others finish and picks up the main points, but rarely builds on them.",
			Anchor5: "Hears what others say and do not say, sums it up accurately and builds the next step on it."},
		{ID: "collaboration", Name: "Collaboration",
			Anchor1: "Competes with the other candidates for the buyer's attention or undermines their points.",
			Anchor3: "Works alongside the others politely, but each pursues their own line.",
			Anchor5: "Shares the floor, hands over at the right moment and makes the group's proposal stronger than any single one."},
		{ID: "influence", Name: "Influence",
			Anchor1: "Has no visible effect on where the discussion goes.",
			Anchor3: "Makes a few points that are taken up, but the group's direction is set by others.",
			Anchor5: "Moves the group and the buyer towards a decision with reasons the others adopt, without dominating."},
		{ID: "composure", Name: "Composure",
			Anchor1: "Loses patience, turns defensive or withdraws when challenged in front of others.",
			Anchor3: "Stays polite under pressure, but becomes hesitant or rushes when the group disagrees.",
			Anchor5: "Stays calm and constructive when challenged in front of others and helps the group recover from tension."},
		{ID: "clarity", Name: "Clarity",
			Anchor1: "Speaks vaguely or at length; the buyer cannot repeat what was proposed.",
			Anchor3: "Clear on the main point, but the figures and next steps get lost.",
			Anchor5: "Short, structured and concrete: the buyer and the group can repeat the proposal, its price and the next step."},
	},
	"sq": {
		{ID: "listening", Name: "Dëgjimi",
			Anchor1: "U flet përsipër të tjerëve, përsërit atë që është thënë dhe nuk dëgjon çfarë sapo thanë blerësi ose kolegët.",
			Anchor3: "I lë të tjerët të mbarojnë dhe i kap pikat kryesore, por rrallë ndërton mbi to.",
			Anchor5: "Dëgjon çfarë thonë dhe çfarë nuk thonë të tjerët, e përmbledh me saktësi dhe e ndërton hapin e radhës mbi të."},
		{ID: "collaboration", Name: "Bashkëpunimi",
			Anchor1: "Konkurron me kandidatët e tjerë për vëmendjen e blerësit ose ua zhvlerëson argumentet.",
			Anchor3: "Punon me mirësjellje krahas të tjerëve, por secili ndjek vijën e vet.",
			Anchor5: "E ndan fjalën, ua kalon të tjerëve në momentin e duhur dhe e bën propozimin e grupit më të fortë se çdo propozim më vete."},
		{ID: "influence", Name: "Ndikimi",
			Anchor1: "Nuk ka ndikim të dukshëm në drejtimin e diskutimit.",
			Anchor3: "Bën disa pika që merren parasysh, por drejtimin e grupit e caktojnë të tjerët.",
			Anchor5: "E çon grupin dhe blerësin drejt një vendimi me arsye që të tjerët i përvetësojnë, pa e mbizotëruar bisedën."},
		{ID: "composure", Name: "Qetësia nën presion",
			Anchor1: "Humb durimin, mbrohet me nervozizëm ose tërhiqet kur sfidohet para të tjerëve.",
			Anchor3: "Mbetet i sjellshëm nën presion, por bëhet i pasigurt ose nxiton kur grupi nuk bie dakord.",
			Anchor5: "Mbetet i qetë dhe konstruktiv kur sfidohet para të tjerëve dhe e ndihmon grupin të dalë nga tensioni."},
		{ID: "clarity", Name: "Qartësia",
			Anchor1: "Flet në mënyrë të paqartë ose të gjatë; blerësi nuk e përsërit dot çfarë iu propozua.",
			Anchor3: "I qartë në pikën kryesore, por shifrat dhe hapat e radhës humbasin.",
			Anchor5: "I shkurtër, i strukturuar dhe konkret: blerësi dhe grupi e përsërisin dot propozimin, çmimin dhe hapin e radhës."},
	},
}

// GroupRubric returns the group interview's rubric in locale ("en" or "sq"), in English for any other locale,
// as a fresh copy.
func GroupRubric(locale string) Rubric {
	c, ok := groupCompetencies[locale]
	if !ok {
		c = groupCompetencies["en"]
	}
	return Rubric{Competencies: slices.Clone(c)}
}
