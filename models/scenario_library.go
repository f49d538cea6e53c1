package models

import "slices"

// defaultCompetencies is the standard negotiation rubric per locale: the same competencies, in the same order,
// each anchored at 1, 3 and 5 by what an interviewer can see a candidate do in a sales role-play.
var defaultCompetencies = map[string][]Competency{
	"en": {
		{ID: "rapport", Name: "Rapport",
			Anchor1: "Launches into the pitch without a greeting or the buyer's name, and ignores the buyer's mood and small talk.",
			Anchor3: "Opens politely and uses the buyer's name, but the warmth sounds scripted and fades once the talk turns to price.",
			Anchor5: "Builds a personal, respectful connection early and keeps it to the end; the buyer relaxes and shares more as the talk goes on."},
		{ID: "needs_discovery", Name: "Needs discovery",
			Anchor1: "Asks no real questions, or only yes/no ones, and presents the product before knowing what the buyer needs.",
			Anchor3: "Asks some open questions and learns the main need, but misses the budget, the deadline or who really decides.",
			Anchor5: "With open, well-timed questions uncovers the need, the budget, the deadline, any rival offer and the real decision-maker, then sums them up for the buyer to confirm."},
		{ID: "objection_handling", Name: "Objection handling",
			Anchor1: "Argues with the objection or drops the price at once.",
			Anchor3: "Acknowledges the objection and answers it, but with a general argument that misses the buyer's actual concern.",
			Anchor5: "Acknowledges, asks what lies behind it, and answers with value the buyer confirms."},
		{ID: "value_framing", Name: "Value framing",
			Anchor1: "Lists features and the price without ever linking them to the buyer's situation.",
			Anchor3: "Links some benefits to the buyer's needs, but cannot put the value in figures or compare it with the cost of doing nothing.",
			Anchor5: "Frames the offer in the buyer's own terms (money, time, risk) with figures the buyer accepts, so the price looks small beside the value."},
		{ID: "closing", Name: "Closing",
			Anchor1: "Never asks for a decision or a next step; the conversation ends with “I'll send you an email”.",
			Anchor3: "Asks once for the deal or a next step, but accepts a vague answer without fixing a date or a person.",
			Anchor5: "Asks for the deal or a concrete next step at the right moment, trades every concession for a commitment, and ends with an agreed date, person and terms."},
		{ID: "composure", Name: "Composure",
			Anchor1: "Loses patience, turns defensive or gives in when met with pressure, silence or rudeness.",
			Anchor3: "Stays polite under pressure, but rushes to fill silences or loses the thread of the conversation.",
			Anchor5: "Stays calm, friendly and in control under pressure, silence or provocation; lets pauses work and steers back to the goal."},
	},
	"sq": {
		{ID: "rapport", Name: "Krijimi i marrëdhënies",
			Anchor1: "Hyn drejt e në prezantim pa përshëndetur dhe pa e thirrur blerësin në emër; nuk i kushton vëmendje gjendjes së tij as bisedës së lirë.",
			Anchor3: "E hap bisedën me mirësjellje dhe e thërret blerësin në emër, por ngrohtësia duket e mësuar përmendsh dhe shuhet sapo flitet për çmimin.",
			Anchor5: "Krijon që herët një lidhje personale dhe plot respekt, dhe e ruan deri në fund; blerësi qetësohet dhe tregon gjithnjë e më shumë gjatë bisedës."},
		{ID: "needs_discovery", Name: "Zbulimi i nevojave",
			Anchor1: "Nuk bën pyetje të vërteta, ose vetëm pyetje me po a jo, dhe e prezanton produktin pa e ditur se çfarë i nevojitet blerësit.",
			Anchor3: "Bën disa pyetje të hapura dhe e kupton nevojën kryesore, por nuk mëson buxhetin, afatin ose kush vendos në të vërtetë.",
			Anchor5: "Me pyetje të hapura e në kohën e duhur zbulon nevojën, buxhetin, afatin, ofertat e konkurrentëve dhe kush vendos vërtet, pastaj i përmbledh që blerësi t'i konfirmojë."},
		{ID: "objection_handling", Name: "Trajtimi i kundërshtimeve",
			Anchor1: "Hyn në debat me kundërshtimin ose e ul çmimin menjëherë.",
			Anchor3: "E pranon kundërshtimin dhe i përgjigjet, por me një argument të përgjithshëm që nuk e prek shqetësimin e vërtetë të blerësit.",
			Anchor5: "E pranon kundërshtimin, pyet se çfarë fshihet pas tij dhe përgjigjet me një vlerë që blerësi e konfirmon."},
		{ID: "value_framing", Name: "Paraqitja e vlerës",
			Anchor1: "Rendit veçoritë dhe çmimin, pa i lidhur asnjëherë me situatën e blerësit.",
			Anchor3: "I lidh disa përfitime me nevojat e blerësit, por nuk e shpreh dot vlerën me shifra dhe nuk e krahason me koston e mosveprimit.",
			Anchor5: "E paraqet ofertën sipas interesave të vetë blerësit (para, kohë, rrezik) me shifra që ai i pranon, aq sa çmimi duket i vogël përballë vlerës."},
		{ID: "closing", Name: "Mbyllja e marrëveshjes",
			Anchor1: "Nuk kërkon kurrë vendim apo hap të mëtejshëm; biseda mbyllet me “do t'ju dërgoj një email”.",
			Anchor3: "E kërkon marrëveshjen ose hapin e radhës një herë, por pranon një përgjigje të paqartë pa caktuar datë apo person.",
			Anchor5: "Në momentin e duhur kërkon marrëveshjen ose një hap konkret, çdo lëshim e shkëmben me një angazhim dhe e mbyll bisedën me datë, person dhe kushte të rëna dakord."},
		{ID: "composure", Name: "Qetësia nën presion",
			Anchor1: "Humb durimin, mbrohet me nervozizëm ose dorëzohet përballë presionit, heshtjes apo vrazhdësisë.",
			Anchor3: "Mbetet i sjellshëm nën presion, por nxiton t'i mbushë heshtjet ose e humb fillin e bisedës.",
			Anchor5: "Mbetet i qetë e miqësor dhe e mban bisedën në dorë edhe nën presion, heshtje apo provokim; i lë pauzat të bëjnë punën e tyre dhe e kthen bisedën te qëllimi."},
	},
}

// DefaultRubric returns the standard negotiation rubric in locale ("en" or "sq"), in English for any other
// locale. Every call returns a fresh copy, so a caller may change it freely.
func DefaultRubric(locale string) Rubric {
	c, ok := defaultCompetencies[locale]
	if !ok {
		c = defaultCompetencies["en"]
	}
	return Rubric{Competencies: slices.Clone(c)}
}

// ScenarioLibrary holds the built-in buyer personas, "models of behaviour in negotiations" (seed step 1), for
// role-plays selling B2B services by phone and in person in Kosovo and Albania. Each is written in every locale
// and scored on DefaultRubric.
var ScenarioLibrary = []Scenario{
	{
		Slug: "friendly-time-waster", Difficulty: 1, DurationMinutes: 15,
		Text: map[string]ScenarioText{
			"en": {
				Name:              "The friendly time-waster",
				Behaviour:         "Driton Krasniqi owns a furniture store in Peja. He is warm, generous and delighted to talk: about his family, football, the early days of the business, the coffee. He agrees with everything and commits to nothing. He is not difficult, just not a qualified buyer: he does not hold the budget and never says no. He tests whether the candidate can keep the warmth and still steer towards budget, decision-maker and a concrete next step.",
				OpeningLines:      "Greet the candidate like an old friend: “Welcome, welcome! Sit down, what will you have, coffee, tea?” Then, before they get to business: “Where are you from? Ah, I know people there, good people.” When the candidate mentions advertising: “Advertising, very good, we need that. Tell me everything.”",
				HiddenConstraints: "His daughter Arta runs the store's marketing and holds the budget: about €400 a month, spent today on Facebook ads, plus about €1,500 set aside for an opening. He is opening a new furniture showroom on the Peja-Prishtina road in five weeks and worries that nobody will hear about it. He loves meeting salespeople and usually ends with “send me an offer”, which then lies unread. He would never sign anything without Arta.",
				Objections:        "When asked about the budget: “Money is not the problem, don't worry about that, we'll see.” When asked who decides: “I decide, of course!” Only if asked again later: “Well, my daughter looks after the internet side.” When the candidate asks for a decision: “Let me think about it, call me after the holidays.” At the end: “Send me everything by email and we'll talk.” Drift back to small talk whenever the candidate lets you.",
				BuyingTriggers:    "He moves when the advertising is tied to the showroom opening, with its date and what it must achieve, and when the candidate proposes meeting Arta at a fixed time with him present. A launch package that starts two weeks before the opening feels concrete to him. If the candidate shows respect for him while still asking direct questions, he will phone Arta on the spot and agree a time.",
				Product:           "Advertising on Lajmi Rajonal, a regional news portal read across western Kosovo: a banner on the home page and in the local news section, plus two sponsored articles a month. List price: €600 a month, for a minimum of three months. A one-month launch package (banner plus three articles) costs €750 and may be offered once, as a way into the three-month package.",
				Goal:              "Success is a meeting on a fixed date and time with the person who really decides and holds the budget, or a signed three-month package at list price. Keep the conversation friendly but steer it: find out the budget, who decides and why now. A promise to “think about it”, or an agreement to send an offer by email, counts as a miss.",
				Rubric:            DefaultRubric("en"),
			},
			"sq": {
				Name:              "Miku i përzemërt që të humb kohën",
				Behaviour:         "Driton Krasniqi ka një dyqan mobiljesh në Pejë. Është i ngrohtë, bujar dhe i gëzohet bisedës: për familjen, për futbollin, për fillimet e biznesit, për kafenë. Bie dakord me gjithçka dhe nuk zotohet për asgjë. Nuk është i vështirë, thjesht nuk është blerësi i duhur: buxheti nuk është në dorë të tij dhe kurrë nuk thotë jo. Ai provon nëse kandidati e ruan ngrohtësinë dhe prapëseprapë e drejton bisedën te buxheti, te ai që vendos dhe te një hap konkret.",
				OpeningLines:      "Pritni kandidatin si një mik të vjetër: “Mirë se erdhët, mirë se erdhët! Uluni, çfarë pini, kafe, çaj?” Pastaj, para se ai të hyjë në punë: “Nga jeni? Ah, kam njerëz atje, njerëz të mirë.” Kur kandidati përmend reklamat: “Reklamë, shumë mirë, na duhet. Më tregoni gjithçka.”",
				HiddenConstraints: "Marketingun e dyqanit e drejton e bija, Arta, dhe buxheti është në dorë të saj: rreth 400 euro në muaj, që sot shkojnë për reklama në Facebook, si dhe rreth 1.500 euro të ndara për një hapje. Pas pesë javësh ai hap një sallon të ri mobiljesh në rrugën Pejë–Prishtinë dhe ka frikë se askush nuk do ta marrë vesh. I pëlqen të takojë shitës dhe zakonisht e mbyll me “më dërgoni një ofertë”, e cila pastaj mbetet e palexuar. Pa Artën nuk do të nënshkruante kurrë asgjë.",
				Objections:        "Kur pyetet për buxhetin: “Paratë s'janë problem, mos u merakosni, do të shohim.” Kur pyetet kush vendos: “Unë vendos, natyrisht!” Vetëm nëse pyetet sërish më vonë: “Epo, punët e internetit i merr vajza.” Kur kandidati kërkon vendim: “Më lini ta mendoj pak, më merrni në telefon pas festave.” Në fund: “Më dërgoni gjithçka me email dhe flasim.” Sa herë që kandidati jua lejon, kthehuni te biseda e lirë.",
				BuyingTriggers:    "Lëviz kur reklama lidhet me hapjen e sallonit të ri, me datën e saj dhe me atë që duhet të arrijë, dhe kur kandidati propozon një takim me Artën në një orë të caktuar, me praninë e tij. Një paketë lansimi që nis dy javë para hapjes i duket diçka konkrete. Nëse kandidati tregon respekt për të, por prapë bën pyetje të drejtpërdrejta, ai e merr Artën në telefon aty për aty dhe caktojnë një orë.",
				Product:           "Reklamim në Lajmi Rajonal, një portal lajmesh rajonal që lexohet në gjithë perëndimin e Kosovës: baner në faqen kryesore dhe në rubrikën e lajmeve lokale, si dhe dy artikuj të sponsorizuar në muaj. Çmimi i listës: 600 euro në muaj, për të paktën tre muaj. Një paketë lansimi njëmujore (baner dhe tre artikuj) kushton 750 euro dhe mund të ofrohet vetëm një herë, si hyrje në paketën tremujore.",
				Goal:              "Sukses quhet një takim në datë dhe orë të caktuar me personin që vendos vërtet dhe e mban buxhetin, ose një paketë tremujore e nënshkruar me çmimin e listës. Mbajeni bisedën miqësore, por drejtojeni: zbuloni buxhetin, kush vendos dhe pse pikërisht tani. Premtimi se “do ta mendoj”, ose marrëveshja për të dërguar një ofertë me email, llogaritet si dështim.",
				Rubric:            DefaultRubric("sq"),
			},
		},
	},
	{
		Slug: "price-haggler", Difficulty: 2, DurationMinutes: 15,
		Text: map[string]ScenarioText{
			"en": {
				Name:              "The price haggler",
				Behaviour:         "Burim Kastrati owns a family accounting firm in Prishtina with 40 staff and buys everything for it himself. He is cheerful and chatty, but turns every topic back to price, treats the first number as an opening bid and enjoys the game of bargaining. He tests whether the candidate gives discounts away for nothing, and he respects a seller who holds the price and concedes only in exchange for something.",
				OpeningLines:      "Answer the phone warmly and go straight to money: “Yes, yes, I got your email. Tell me straight: how much? I don't have time for brochures.” If the candidate starts presenting: “Look, paper is paper and toner is toner. Whoever is cheapest wins.” Then, half joking: “My cousin sells stationery too, so you'd better be good.”",
				HiddenConstraints: "He spends about €1,050 a month today, buying supplies as needed from three shops, and his office manager complains that toner runs out in the middle of tax season. His ceiling is €1,100 a month. A rival, Zyra Plus, has offered €980, but with delivery in three to five days and non-original toner. His current shops raise prices on the 1st of next month, so he wants this settled within two weeks. He decides alone. Reveal each fact only when the candidate asks for it.",
				Objections:        "Before any price is named: “Your prices are high, everyone says so.” After the first price is named: “Zyra Plus gives me €980. Match it or we're done.” When the candidate talks about next-day delivery: “Everybody promises free delivery; nobody delivers on time.” When the candidate asks for a decision: “Give me 15% off and I sign today.” If the candidate grants a discount without asking for anything back, at once ask for another 5%.",
				BuyingTriggers:    "He says yes when he feels he has won something and is protected: a price fixed for 12 months, so the rise on the 1st does not touch him; next-day delivery written into the contract, with a credit when it is missed; and a modest concession of 5-8% given in exchange for something, such as a 24-month term, quarterly payment in advance or a reference. A candidate who asks about tax season and shows what an empty toner costs him gets his full attention.",
				Product:           "An annual office-supplies contract from Furnizimi Prishtina: paper, toner and ink (original brands), stationery, and cleaning and kitchen consumables for up to 40 desks, delivered the next working day anywhere in Prishtina, with one account manager and one invoice a month. List price: €1,150 a month on a 12-month contract, with the price fixed for the term. You may give up to 10% off, but only in exchange for a longer term, payment in advance or a similar commitment.",
				Goal:              "Success is a 12-month contract agreed during the call at no less than €1,035 a month (at most 10% below list), with every discount traded for something in return, and a date for signing. Find out what he spends today, what troubles him and when he must decide. Dropping the price before he gives a reason, or ending with “I'll send you an offer”, counts as a miss.",
				Rubric:            DefaultRubric("en"),
			},
			"sq": {
				Name:              "Pazarxhiu i çmimit",
				Behaviour:         "Burim Kastrati është pronar i një firme familjare kontabiliteti në Prishtinë me 40 punonjës dhe i blen vetë të gjitha furnizimet. Është i qeshur dhe i pëlqen të flasë, por çdo temë e kthen te çmimi, shifrën e parë e merr si pikënisje pazari dhe e shijon lojën e pazarllëkut. Ai provon nëse kandidati jep zbritje kot, dhe e respekton shitësin që e mban çmimin dhe lëshon pe vetëm kur merr diçka në këmbim.",
				OpeningLines:      "Përgjigjuni në telefon me ngrohtësi dhe kaloni drejt te paratë: “Po, po, e mora emailin tuaj. Më thoni shkurt e qartë: sa kushton? S'kam kohë për broshura.” Nëse kandidati nis prezantimin: “Shikoni, letra është letër e toneri është toner. Kush është më i liri, ai fiton.” Pastaj, gjysmë me shaka: “Edhe kushëriri im shet kancelari, prandaj duhet të jeni shumë të mirë.”",
				HiddenConstraints: "Sot shpenzon rreth 1.050 euro në muaj duke blerë sipas nevojës në tri dyqane, dhe përgjegjësja e zyrës ankohet se toneri mbaron pikërisht në mes të sezonit të tatimeve. Kufiri i tij është 1.100 euro në muaj. Një konkurrent, Zyra Plus, i ka ofruar 980 euro, por me dorëzim për tri deri në pesë ditë dhe me toner jo origjinal. Dyqanet ku blen tani i rrisin çmimet më 1 të muajit që vjen, prandaj do ta mbyllë punën brenda dy javësh. Vendos vetë. Tregojeni secilin fakt vetëm kur kandidati pyet për të.",
				Objections:        "Para se të përmendet ndonjë çmim: “Çmimet tuaja janë të larta, këtë e thonë të gjithë.” Pasi të përmendet çmimi i parë: “Zyra Plus ma jep për 980 euro. Barazojeni, përndryshe s'kemi çfarë të flasim.” Kur kandidati flet për dorëzimin ditën e nesërme: “Të gjithë premtojnë dorëzim falas, por askush s'e sjell me kohë.” Kur kandidati kërkon vendim: “Më bëni 15 për qind zbritje dhe e nënshkruaj sot.” Nëse kandidati jep zbritje pa kërkuar asgjë në këmbim, kërkoni menjëherë edhe 5 për qind të tjera.",
				BuyingTriggers:    "Thotë po kur ndien se ka fituar diçka dhe se është i mbrojtur: çmim i fiksuar për 12 muaj, që rritja e 1 të muajit të mos e prekë; dorëzim ditën e nesërme i shkruar në kontratë, me kompensim kur vonohet; dhe një lëshim i vogël prej 5–8 për qind në këmbim të diçkaje, si kontratë 24-mujore, pagesë tremujore paraprakisht ose një rekomandim. Kandidati që pyet për sezonin e tatimeve dhe i tregon sa i kushton një toner i mbaruar e fiton vëmendjen e tij të plotë.",
				Product:           "Kontratë vjetore për furnizime zyre nga Furnizimi Prishtina: letër, toner dhe bojë (marka origjinale), kancelari, si dhe materiale pastrimi e kuzhine për deri në 40 vende pune, me dorëzim ditën e nesërme të punës kudo në Prishtinë, me një menaxher të vetëm llogarie dhe një faturë në muaj. Çmimi i listës: 1.150 euro në muaj për kontratë 12-mujore, me çmim të fiksuar gjatë gjithë kohëzgjatjes. Mund të jepni deri në 10 për qind zbritje, por vetëm në këmbim të një kontrate më të gjatë, pagese paraprake ose një angazhimi të ngjashëm.",
				Goal:              "Sukses quhet një kontratë 12-mujore e rënë dakord gjatë bisedës, me jo më pak se 1.035 euro në muaj (jo më shumë se 10 për qind nën çmimin e listës), ku çdo zbritje është shkëmbyer me diçka, si dhe një datë për nënshkrim. Zbuloni sa shpenzon sot, çfarë e shqetëson dhe kur duhet të vendosë. Ulja e çmimit para se ai të japë ndonjë arsye, ose mbyllja me “do t'ju dërgoj një ofertë”, llogaritet si dështim.",
				Rubric:            DefaultRubric("sq"),
			},
		},
	},
	{
		Slug: "silent-sceptic", Difficulty: 3, DurationMinutes: 20,
		Text: map[string]ScenarioText{
			"en": {
				Name:              "The silent sceptic",
				Behaviour:         "Mimoza Berisha is the commercial director of a building-materials wholesaler in Tirana with twelve sales reps. She says little, answers in one or two words and lets long silences hang to see what the candidate does with them. She is not hostile, only unconvinced: a CRM was once forced on her team and failed. She opens up only to a candidate who asks good questions and listens, not to one who fills every pause with features.",
				OpeningLines:      "Answer after a pause, flat and brief: “Yes. Berisha.” When the candidate introduces themselves: “Mm. Go on.” After their first pitch, say nothing for five to eight seconds, then: “And?” Keep your answers to a few words until the candidate asks a genuinely open question about your team.",
				HiddenConstraints: "The owner has set aside about €4,500 this year for “digitalisation”; anything above €5,000 needs his signature. Two years ago a foreign CRM was bought, nobody was trained, the reps kept their customers in Excel and notebooks, and she took the blame. Last year a rep left and took his customers with him. The building season starts in March and she wants the team working in a new system before then. A local competitor demonstrated a cheaper tool, but only in English.",
				Objections:        "When the product is first described: “We had a CRM. It didn't work.” Then stay silent. If the candidate lists features: “Hm. And?” After the price is named: “That's a lot of money for something nobody will use.” When the candidate asks for a decision: “Send me something in writing.” If the candidate asks why the old CRM failed, answer honestly and at more length than before.",
				BuyingTriggers:    "She moves when she believes her reps will really use it: training in Albanian on site, the system set up with their own customer list, a mobile app the reps can use from a building site, and a low-risk start such as a three-month pilot with a few reps. The rep who left with his customers is her sharpest pain; a candidate who finds it and ties the CRM to keeping customers inside the company wins her over.",
				Product:           "A CRM subscription from Klienti360: contacts, deals, visit planning, a mobile app and reports for the manager, entirely in Albanian, with local support by phone. List price: €29 per user a month, billed yearly, plus €400 once for setup, importing the existing customer data and half a day of training on site. A three-month pilot is allowed at the list price per user, with the setup fee waived if they continue.",
				Goal:              "Success is a paid three-month pilot for at least five users at list price, or a meeting with her and the owner at a fixed date and time to agree the annual subscription. Work out why she is sceptical and answer that, not with a list of features. Leaving with “send me something in writing” and no next step counts as a miss.",
				Rubric:            DefaultRubric("en"),
			},
			"sq": {
				Name:              "Skeptiku i heshtur",
				Behaviour:         "Mimoza Berisha është drejtoreshë komerciale në një kompani që tregton me shumicë materiale ndërtimi në Tiranë, me dymbëdhjetë agjentë shitjesh. Flet pak, përgjigjet me një a dy fjalë dhe i lë heshtjet të zgjasin për të parë si sillet kandidati. Nuk është armiqësore, thjesht nuk është e bindur: dikur ekipit të saj iu imponua një CRM dhe dështoi. Hapet vetëm para kandidatit që bën pyetje të mira dhe dëgjon, jo para atij që çdo pauzë e mbush me veçori të produktit.",
				OpeningLines:      "Përgjigjuni pas një pauze, me zë të sheshtë dhe shkurt: “Po. Berisha.” Kur kandidati prezantohet: “Hm. Vazhdoni.” Pas prezantimit të tij të parë, mos thoni asgjë për pesë deri në tetë sekonda, pastaj: “Dhe?” Përgjigjet mbajini me pak fjalë derisa kandidati të bëjë një pyetje vërtet të hapur për ekipin tuaj.",
				HiddenConstraints: "Pronari ka ndarë rreth 4.500 euro këtë vit për “digjitalizim”; çdo shpenzim mbi 5.000 euro kërkon nënshkrimin e tij. Dy vjet më parë u ble një CRM i huaj, askush nuk u trajnua, agjentët i mbajtën klientët në Excel e në blloqe shënimesh, dhe faji ra mbi të. Vitin e kaluar një agjent u largua dhe i mori klientët me vete. Sezoni i ndërtimit nis në mars dhe ajo do që ekipi të punojë në sistemin e ri para asaj kohe. Një konkurrent vendor ka prezantuar një mjet më të lirë, por vetëm në anglisht.",
				Objections:        "Sapo të përshkruhet produkti për herë të parë: “Kemi pasur CRM. Nuk funksionoi.” Pastaj heshtni. Nëse kandidati rendit veçori: “Hm. Dhe?” Pasi të përmendet çmimi: “Janë shumë para për diçka që s'do ta përdorë askush.” Kur kandidati kërkon vendim: “Më dërgoni diçka me shkrim.” Nëse kandidati pyet pse dështoi CRM-i i vjetër, përgjigjuni sinqerisht dhe më gjerësisht se deri atëherë.",
				BuyingTriggers:    "Lëviz kur beson se agjentët e saj do ta përdorin vërtet: trajnim në shqip në vend, sistemi i konfiguruar me listën e tyre të klientëve, aplikacion celular që agjentët ta përdorin edhe nga kantieri, dhe një fillim pa rrezik, si një pilot tremujor me disa agjentë. Agjenti që iku me klientët është plaga e saj më e madhe; kandidati që e zbulon këtë dhe e lidh CRM-in me mbajtjen e klientëve brenda kompanisë e fiton.",
				Product:           "Abonim CRM nga Klienti360: kontakte, marrëveshje, planifikim vizitash, aplikacion celular dhe raporte për menaxherin, tërësisht në shqip, me mbështetje vendore me telefon. Çmimi i listës: 29 euro për përdorues në muaj, me faturim vjetor, plus 400 euro një herë për konfigurimin, importin e të dhënave ekzistuese të klientëve dhe gjysmë dite trajnim në vend. Lejohet një pilot tremujor me çmimin e listës për përdorues, dhe tarifa e konfigurimit falet nëse vazhdojnë.",
				Goal:              "Sukses quhet një pilot tremujor me pagesë për të paktën pesë përdorues me çmimin e listës, ose një takim me të dhe me pronarin në datë e orë të caktuar për të rënë dakord për abonimin vjetor. Kuptoni pse është skeptike dhe përgjigjuni pikërisht asaj, jo me një listë veçorish. Largimi me “më dërgoni diçka me shkrim” pa asnjë hap të radhës llogaritet si dështim.",
				Rubric:            DefaultRubric("sq"),
			},
		},
	},
	{
		Slug: "competitor-loyalist", Difficulty: 4, DurationMinutes: 20,
		Text: map[string]ScenarioText{
			"en": {
				Name:              "The competitor's loyal customer",
				Behaviour:         "Naim Shala owns five pharmacies in Gjilan and has run them on the same pharmacy software for eight years. The rival's salesman, Blerim, is a friend who came to his son's wedding. Naim is polite but closed: he does not want to hear about switching and takes offence if anyone runs down Blerim or his product. He tests whether the candidate respects that loyalty and can still find a small, safe opening.",
				OpeningLines:      "Answer politely but firmly: “Thank you for coming, but I'll be honest with you: we have been with Blerim for eight years and we are happy.” If the candidate presses on: “Blerim is like family to us. When something breaks, he comes himself.” Then, as a test: “So what do you think of their software? Go on, tell me.”",
				HiddenConstraints: "The rival raised its maintenance fees by 30% this year and wants €1,200 per pharmacy for a compulsory upgrade to its new version. The system went down twice this winter at the busiest hours, and his head pharmacist, his daughter Vjosa, is fed up with it. In three months he opens a sixth pharmacy, which needs a system anyway. He could spend up to €8,000 this year. He decides, but will not move without Vjosa's approval.",
				Objections:        "Early on: “Blerim is like family, I won't drop him.” If the candidate criticises the rival in any way, turn cold and say: “Don't talk about people like that.” After the price is named: “Switching means days of chaos in five pharmacies. Who pays for that?” Near the close: “Let me talk to Blerim first; maybe he can do the same for me.”",
				BuyingTriggers:    "He warms to a candidate who honours the relationship he has and never attacks the rival. What opens the door is a small, safe first step: the system installed only in the new sixth pharmacy, data migrated over a weekend with no downtime, and one named person who will look after him the way Blerim does. A demonstration for Vjosa, who uses the system every day, is what turns interest into a decision.",
				Product:           "ApotekaPlus, a pharmacy management software licence: sales and till, stock and expiry dates, orders to wholesalers, and reports across all branches, with a local support line. List price: €1,900 one-off per pharmacy, plus €35 a month per pharmacy for maintenance and updates. Data migration from the previous system and staff training are included. You may offer the first three months of maintenance free.",
				Goal:              "Success is an agreement to install ApotekaPlus in at least one pharmacy at list price, with a fixed date for a demonstration to the people who will use it every day. Switching every branch is a bonus, not the goal. Criticising the competitor, or leaving without an agreed next step, counts as a miss.",
				Rubric:            DefaultRubric("en"),
			},
			"sq": {
				Name:              "Klienti besnik i konkurrentit",
				Behaviour:         "Naim Shala ka pesë barnatore në Gjilan dhe prej tetë vjetësh punon me të njëjtin softuer për barnatore. Shitësi i konkurrentit, Blerimi, është mik i tij dhe ka qenë në dasmën e djalit të tij. Naimi është i sjellshëm, por i mbyllur: nuk do të dëgjojë për ndërrim dhe fyhet nëse dikush flet keq për Blerimin ose për produktin e tij. Ai provon nëse kandidati e respekton këtë besnikëri dhe prapëseprapë arrin të gjejë një derë të vogël e të sigurt.",
				OpeningLines:      "Përgjigjuni me mirësjellje, por me vendosmëri: “Faleminderit që erdhët, por do të jem i sinqertë me ju: jemi me Blerimin prej tetë vjetësh dhe jemi të kënaqur.” Nëse kandidati ngul këmbë: “Blerimi është si familje për ne. Kur prishet diçka, vjen vetë.” Pastaj, si provë: “Hë, çfarë mendoni për softuerin e tyre? Thoni lirisht.”",
				HiddenConstraints: "Konkurrenti i ka rritur tarifat e mirëmbajtjes me 30 për qind këtë vit dhe kërkon 1.200 euro për barnatore për një kalim të detyrueshëm në versionin e ri. Sistemi ra dy herë këtë dimër në orët më të ngarkuara, dhe farmacistja e tij kryesore, e bija Vjosa, është lodhur me të. Pas tre muajsh ai hap barnatoren e gjashtë, e cila gjithsesi ka nevojë për një sistem. Këtë vit mund të shpenzojë deri në 8.000 euro. Vendos ai, por pa miratimin e Vjosës nuk lëviz.",
				Objections:        "Që në fillim: “Blerimi është si familje, nuk e lë.” Nëse kandidati e kritikon konkurrentin në çfarëdo mënyre, ftohuni dhe thoni: “Mos flisni kështu për njerëzit.” Pasi të përmendet çmimi: “Ndërrimi do të thotë ditë kaosi në pesë barnatore. Kush e paguan këtë?” Afër mbylljes: “Më lini të flas njëherë me Blerimin; ndoshta ma bën edhe ai të njëjtën gjë.”",
				BuyingTriggers:    "Ngrohet me kandidatin që e nderon marrëdhënien që ka dhe nuk e sulmon kurrë konkurrentin. Derën e hap një hap i parë i vogël dhe i sigurt: sistemi i instaluar vetëm në barnatoren e re të gjashtë, të dhënat e bartura gjatë fundjavës pa asnjë ndërprerje, dhe një person i caktuar me emër që kujdeset për të ashtu si Blerimi. Një demonstrim për Vjosën, që e përdor sistemin çdo ditë, është ajo që e kthen interesin në vendim.",
				Product:           "ApotekaPlus, licencë softueri për menaxhimin e barnatoreve: shitja dhe arka, stoku dhe afatet e skadimit, porositë te shitësit me shumicë dhe raporte për të gjitha pikat, me linjë mbështetjeje vendore. Çmimi i listës: 1.900 euro një herë për barnatore, plus 35 euro në muaj për barnatore për mirëmbajtje dhe përditësime. Bartja e të dhënave nga sistemi i mëparshëm dhe trajnimi i stafit janë të përfshira. Mund të ofroni tre muajt e parë të mirëmbajtjes falas.",
				Goal:              "Sukses quhet marrëveshja për ta instaluar ApotekaPlus të paktën në një barnatore me çmimin e listës, me një datë të caktuar për demonstrim para njerëzve që do ta përdorin çdo ditë. Kalimi i të gjitha pikave në sistemin e ri është shpërblim shtesë, jo qëllimi. Kritikimi i konkurrentit, ose largimi pa një hap të radhës të rënë dakord, llogaritet si dështim.",
				Rubric:            DefaultRubric("sq"),
			},
		},
	},
	{
		Slug: "undecided-committee", Difficulty: 4, DurationMinutes: 30,
		Text: map[string]ScenarioText{
			"en": {
				Name:              "The committee that cannot decide",
				Behaviour:         "A distribution company in Fushë Kosovë with 40 delivery vans meets the candidate as a committee of three: Lindita, the finance manager, who guards costs; Agron, the fleet manager, who wants the product; and Elona, the HR manager, who worries about the drivers. They talk over each other, contradict each other and never reach a decision in the room. Play it with two or three interviewers, or switch voices if you are alone.",
				OpeningLines:      "Agron, warmly: “Welcome, we've been waiting for you. Fuel is eating us alive.” Lindita, at once: “We have not approved anything yet. Today we are only listening.” Elona, carefully: “And before anything else, I need to know what this means for our drivers.”",
				HiddenConstraints: "Fuel costs have risen about 15% in a year, and the owner, who is not in the room, has asked the committee for a recommendation by the end of the month. The budget approved in principle for the first year is €9,000. A rival offered cheaper tracking at €14 per vehicle, with support only from abroad. Agron is the champion, Lindita the blocker, and Elona will agree if the drivers are treated fairly. The owner decides, but only on their joint recommendation.",
				Objections:        "Lindita, after the price is named: “Show me in figures when this pays for itself.” Elona, midway: “The drivers will feel spied on; two of our best have already said they will leave.” Agron, when the candidate talks technology: “Will it work with our fuel cards, or will I be reconciling them by hand?” All three at the close: “We need to discuss it internally; we'll get back to you.”",
				BuyingTriggers:    "The committee moves when each member hears their own concern answered by name: a payback calculation from fuel savings for Lindita; a fair policy for the drivers, with tracking only in working hours and driving scores used for bonuses rather than fines, for Elona; fuel-card reports for Agron. A paid pilot on ten vans with a fuel report after 30 days, and help writing the one-page recommendation for the owner, turns their indecision into a next step.",
				Product:           "FleetTrack, a GPS fleet-tracking service: live location, routes, fuel consumption, driving-behaviour scores and monthly reports, with integration to the main fuel-card providers and a local support team. List price: €18 per vehicle a month on a 12-month contract, plus €60 per vehicle for the device and installation. A two-month pilot on up to ten vehicles is allowed at list price, with the installation credited if they continue.",
				Goal:              "Success is a paid two-month pilot on at least ten vehicles, or a meeting on a fixed date with the committee and whoever has the final word, on a recommendation you have agreed together. Speak to every member, and find out who decides and what each one needs. Leaving with “we'll discuss it internally” and no date counts as a miss.",
				Rubric:            DefaultRubric("en"),
			},
			"sq": {
				Name:              "Komisioni që nuk vendos dot",
				Behaviour:         "Një kompani distribucioni në Fushë Kosovë me 40 furgonë shpërndarjeje e pret kandidatin me një komision prej tre vetash: Lindita, menaxhere e financave, që ruan kostot; Agroni, menaxher i flotës, që e do produktin; dhe Elona, menaxhere e burimeve njerëzore, që shqetësohet për shoferët. Flasin njëri mbi tjetrin, kundërshtojnë njëri-tjetrin dhe në sallë nuk marrin kurrë vendim. Luajeni skenarin me dy ose tre intervistues, ose ndërroni zërin nëse jeni vetëm.",
				OpeningLines:      "Agroni, përzemërsisht: “Mirë se erdhët, ju kemi pritur. Karburanti po na ha të gjallë.” Lindita, menjëherë: “Ende nuk kemi miratuar asgjë. Sot vetëm po dëgjojmë.” Elona, me kujdes: “Dhe para çdo gjëje tjetër, dua të di çfarë do të thotë kjo për shoferët tanë.”",
				HiddenConstraints: "Kostot e karburantit janë rritur rreth 15 për qind brenda një viti, dhe pronari, që nuk është në sallë, i ka kërkuar komisionit një rekomandim deri në fund të muajit. Buxheti i miratuar në parim për vitin e parë është 9.000 euro. Një konkurrent ka ofruar gjurmim më të lirë, me 14 euro për automjet, por me mbështetje vetëm nga jashtë vendit. Agroni është përkrahësi, Lindita pengesa, ndërsa Elona pajtohet nëse shoferët trajtohen drejt. Vendos pronari, por vetëm mbi rekomandimin e tyre të përbashkët.",
				Objections:        "Lindita, pasi të përmendet çmimi: “Më tregoni me shifra kur e kthen kjo investimin.” Elona, në mes të bisedës: “Shoferët do të ndihen të përgjuar; dy nga më të mirët kanë thënë tashmë se do të largohen.” Agroni, kur kandidati flet për teknologjinë: “A punon me kartelat tona të karburantit, apo do të më duhet t'i përputh me dorë?” Të tre në mbyllje: “Duhet ta diskutojmë brenda; do t'ju kthejmë përgjigje.”",
				BuyingTriggers:    "Komisioni lëviz kur secili anëtar dëgjon shqetësimin e vet të trajtuar me emër: llogaritjen e kthimit të investimit nga kursimi i karburantit për Linditën; një rregull të drejtë për shoferët, me gjurmim vetëm gjatë orarit të punës dhe pikë për stilin e vozitjes që shkojnë për bonuse e jo për gjoba, për Elonën; raportet e kartelave të karburantit për Agronin. Një pilot me pagesë në dhjetë furgonë, me raport karburanti pas 30 ditësh, dhe ndihma për të shkruar rekomandimin njëfaqësh për pronarin e kthejnë pavendosmërinë në një hap të radhës.",
				Product:           "FleetTrack, shërbim GPS për gjurmimin e flotës: vendndodhja në kohë reale, itineraret, konsumi i karburantit, pikët për stilin e vozitjes dhe raporte mujore, me integrim me ofruesit kryesorë të kartelave të karburantit dhe me ekip mbështetjeje vendor. Çmimi i listës: 18 euro për automjet në muaj për kontratë 12-mujore, plus 60 euro për automjet për pajisjen dhe instalimin. Lejohet një pilot dymujor në deri në dhjetë automjete me çmimin e listës, dhe instalimi zbritet nga fatura nëse vazhdojnë.",
				Goal:              "Sukses quhet një pilot dymujor me pagesë në të paktën dhjetë automjete, ose një takim në datë të caktuar me komisionin dhe me atë që ka fjalën e fundit, mbi një rekomandim të përbashkët. Flisni me secilin anëtar dhe zbuloni kush vendos e çfarë i duhet secilit. Largimi me “do ta diskutojmë brenda” pa asnjë datë llogaritet si dështim.",
				Rubric:            DefaultRubric("sq"),
			},
		},
	},
	{
		Slug: "aggressive-procurement", Difficulty: 5, DurationMinutes: 25,
		Text: map[string]ScenarioText{
			"en": {
				Name:              "The aggressive procurement officer",
				Behaviour:         "Arben Gashi runs procurement at a commercial bank with a head office in Prishtina and six branches. He is curt, interrupts, sets deadlines, questions every figure and makes threats to see whether the candidate folds. He measures success only by savings against last year. Under the hard shell he needs a reliable supplier, because if the branches are dirty again the blame falls on him.",
				OpeningLines:      "Start before the candidate finishes greeting you: “You have ten minutes. I've read your offer and it is twenty per cent too high.” If the candidate tries small talk: “I'm not here to chat. Price, terms, penalties.” Then: “Three companies are bidding. Tell me why I shouldn't sign with the cheapest one right now.”",
				HiddenConstraints: "The current cleaning contract costs €4,700 a month and ends in six weeks; branch managers have complained about skipped cleanings and constant staff turnover. His target is a saving of at least 5%, so any price at or below €4,465 lets him report a win; his hard ceiling is €4,600. A rival offered €4,200, but without Saturday cleaning and with no quality penalties. He negotiates, but Teuta Morina, head of facilities, has the final say on the supplier and cares most about quality.",
				Objections:        "After the price is named: “Take fifteen per cent off or we're done here.” When the candidate defends quality: “Everyone promises quality. I want penalties: ten per cent off the invoice for every missed cleaning.” Midway: “Our payment terms are ninety days. Not negotiable.” Near the end: “Best and final offer by five o'clock today, or I go with the other company.” Interrupt at least twice, and if the candidate raises their voice or caves, press harder.",
				BuyingTriggers:    "He agrees when he can show a saving and the candidate has not simply folded: a price he can report as a saving against €4,700, reached by trading rather than giving, for example a 36-month term, fewer Saturday hours at the small branches, or a quality guarantee with capped penalties. A candidate who asks who judges the quality and offers to meet the head of facilities earns his respect, because it takes risk off his shoulders.",
				Product:           "Daily office cleaning by PastërtiaPro for the head office and six branches (about 3,200 m² in all): evening cleaning Monday to Friday, Saturday cleaning of the branches, consumables included, one supervisor named for the account and monthly quality checks together with the client. List price: €4,800 a month on a 24-month contract, paid within 30 days. You may go down to €4,400 a month and accept payment within 60 days at most.",
				Goal:              "Success is agreement in principle to a contract of 24 months or longer at no less than €4,400 a month, with payment terms of no more than 60 days and capped penalties, plus a meeting with whoever judges the service. Every concession must be traded for something. Stay calm and in control: giving in to threats, or walking out in anger, counts as a miss.",
				Rubric:            DefaultRubric("en"),
			},
			"sq": {
				Name:              "Zyrtari agresiv i prokurimit",
				Behaviour:         "Arben Gashi drejton prokurimin në një bankë komerciale me zyrë qendrore në Prishtinë dhe gjashtë degë. Është i prerë, të ndërpret në mes të fjalës, vë afate, vë në dyshim çdo shifër dhe kërcënon për të parë nëse kandidati dorëzohet. Suksesin e mat vetëm me kursimin krahasuar me vitin e kaluar. Nën lëvozhgën e fortë ka nevojë për një furnizues të besueshëm, sepse nëse degët janë sërish të papastra, faji bie mbi të.",
				OpeningLines:      "Nisni para se kandidati ta mbarojë përshëndetjen: “Keni dhjetë minuta. E kam lexuar ofertën tuaj dhe është njëzet për qind më e shtrenjtë se duhet.” Nëse kandidati provon bisedë të lirë: “Nuk jam këtu për muhabet. Çmimi, kushtet, penalitetet.” Pastaj: “Tri kompani janë në garë. Më thoni pse të mos nënshkruaj tani me më të lirën.”",
				HiddenConstraints: "Kontrata aktuale e pastrimit kushton 4.700 euro në muaj dhe skadon pas gjashtë javësh; drejtuesit e degëve janë ankuar për pastrime të anashkaluara dhe për ndërrimin e pandërprerë të stafit. Objektivi i tij është një kursim prej të paktën 5 për qind, kështu që çdo çmim deri në 4.465 euro i lejon ta raportojë si fitore; kufiri i tij i prerë është 4.600 euro. Një konkurrent ka ofruar 4.200 euro, por pa pastrim të shtunën dhe pa penalitete për cilësinë. Ai negocion, por fjalën e fundit për furnizuesin e ka Teuta Morina, udhëheqëse e menaxhimit të objekteve, së cilës i intereson mbi të gjitha cilësia.",
				Objections:        "Pasi të përmendet çmimi: “Hiqni pesëmbëdhjetë për qind ose e mbyllim këtu.” Kur kandidati mbron cilësinë: “Të gjithë premtojnë cilësi. Unë dua penalitete: dhjetë për qind zbritje nga fatura për çdo pastrim të anashkaluar.” Në mes të bisedës: “Afati ynë i pagesës është nëntëdhjetë ditë. Nuk negociohet.” Afër fundit: “Oferta përfundimtare deri në orën pesë sot, ose shkoj me kompaninë tjetër.” Ndërpriteni kandidatin të paktën dy herë, dhe nëse ai ngre zërin ose dorëzohet, shtrëngojeni edhe më fort.",
				BuyingTriggers:    "Pranon kur mund të tregojë një kursim dhe kur kandidati nuk është dorëzuar thjesht: një çmim që mund ta raportojë si kursim ndaj 4.700 eurove, i arritur me shkëmbime e jo me dhurata, për shembull kontratë 36-mujore, më pak orë të shtunën në degët e vogla, ose garanci cilësie me penalitete të kufizuara. Kandidati që pyet kush e vlerëson cilësinë dhe ofron të takojë udhëheqësen e objekteve fiton respektin e tij, sepse ia heq një pjesë të rrezikut nga supet.",
				Product:           "Pastrim ditor i zyrave nga PastërtiaPro për zyrën qendrore dhe gjashtë degët (gjithsej rreth 3.200 m²): pastrim në mbrëmje nga e hëna në të premte, pastrim i degëve të shtunën, materialet të përfshira, një mbikëqyrës i caktuar për klientin dhe kontrolle mujore të cilësisë bashkë me klientin. Çmimi i listës: 4.800 euro në muaj për kontratë 24-mujore, me pagesë brenda 30 ditëve. Mund të zbritni deri në 4.400 euro në muaj dhe të pranoni pagesë brenda jo më shumë se 60 ditëve.",
				Goal:              "Sukses quhet marrëveshja në parim për një kontratë prej 24 muajsh ose më shumë, me jo më pak se 4.400 euro në muaj, me afat pagese jo më të gjatë se 60 ditë dhe me penalitete të kufizuara, si dhe një takim me atë që e vlerëson shërbimin. Çdo lëshim duhet shkëmbyer me diçka. Ruani qetësinë dhe kontrollin e bisedës: dorëzimi përballë kërcënimeve, ose largimi me inat, llogaritet si dështim.",
				Rubric:            DefaultRubric("sq"),
			},
		},
	},
}
