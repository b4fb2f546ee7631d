/*
 * Word classes for the entity stage: capitalised words that are never
 * names, the words that end or start the names of organisations and
 * places, cues before and after people's and places' names, and the
 * first words of the lexicons' phrases, all looked up by hash; and the
 * shapes of single words (initials, demonyms, hyphenated adjectives).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Capitalised words that are never a name on their own. */
static const char *ent_words_stop[] = {
	"a", "about", "above", "according", "across", "after", "afterwards",
	"again", "against", "ago", "ah", "all", "almost", "also", "although",
	"always", "am", "among", "an", "and", "another", "any", "anyone",
	"anything", "are", "around", "as", "at", "back", "be", "because",
	"been", "before", "being", "below", "beside", "besides", "between",
	"beyond", "both", "but", "by", "can", "cannot", "could", "dear", "did",
	"do", "does", "doing", "done", "down", "during", "each", "either",
	"else", "even", "ever", "every", "everyone", "everything", "few",
	"first", "for", "from", "further", "furthermore", "had", "has", "have",
	"having", "he", "hello", "her", "here", "hers", "herself", "hey",
	"hi", "him", "himself", "his", "how", "however", "i", "if", "in",
	"indeed", "instead", "into", "is", "it", "its", "itself", "just",
	"last", "later", "least", "less", "let", "like", "many", "maybe", "me",
	"meanwhile", "might", "mine", "more", "moreover", "most", "much",
	"must", "my", "myself", "neither", "never", "nevertheless", "new",
	"next", "no", "nobody", "none", "nor", "not", "nothing", "now", "of",
	"off", "oh", "ok", "okay", "on", "once", "one", "only", "onto", "or",
	"other", "others", "otherwise", "our", "ours", "ourselves", "out",
	"over", "perhaps", "please", "rather", "really", "same", "second",
	"several", "she", "should", "since", "so", "some", "someone",
	"something", "sometimes", "soon", "still", "such", "than", "thank",
	"thanks", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "therefore", "these", "they", "third", "this",
	"those", "though", "through", "thus", "to", "today", "together",
	"tomorrow", "tonight", "too", "toward", "towards", "under", "unless",
	"unlike", "until", "up", "upon", "us", "very", "was", "we", "well",
	"were", "what", "whatever", "when", "whenever", "where", "whereas",
	"wherever", "whether", "which", "while", "who", "whoever", "whom",
	"whose", "why", "will", "with", "within", "without", "would", "yes",
	"yesterday", "yet", "you", "your", "yours", "yourself", "yourselves",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"hundred", "thousand", "million", "billion", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august",
	"september", "sept", "october", "november", "december", "jan", "feb",
	"mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
	"sept.", "oct.", "nov.", "dec.", "mon",
	"tue", "wed", "thu", "fri", "sat", "sun", "spring", "summer", "autumn",
	"winter", "christmas", "easter", "published", "updated", "photo",
	"credit", "image", "video", "watch", "read", "click", "share", "via",
	"by", "copyright", "chapter", "section", "figure", "table", "page",
	"part", "note", "see", "fig", "vol", "no", "yeah", "sir", "madam",
	"god", "lord", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
	"jr", "jr.", "sr", "sr.", "esq", "esq.", "century", "centuries",
	"inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.",
	"republican", "republicans", "democrat", "democrats", "democratic",
	"conservative", "conservatives", "liberal", "liberals", "tory",
	"tories", "socialist", "socialists", "communist", "communists",
	"libertarian", "libertarians", "progressive", "progressives",
	"anyway", "nonetheless", "finally", "overall", "later", "earlier",
	"following", "despite", "whilst", "amid", "amidst", "said", "says",
	"am", "pm", "a.m.", "p.m.", "bc", "ad", "ce", "bce", "st", "th",
	"north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "i'm", "i've", "i'll", "i'd", "don't", "it's",
	"that's", "there's", "we're", "they're", "you're", "can't", "won't",
	"didn't", "isn't", "wasn't", "aren't", "let's", "what's", "he's",
	"she's", "hmm", "um", "uh", "wow", "yep", "nope", "sure", "right",
	"good", "great", "welcome", "goodbye", "internet", "web", "online",
	"mom", "mum", "dad", "mommy", "mummy", "daddy", "grandma", "grandpa",
	"sunni", "shia", "shiite", "christian", "christians", "muslim",
	"muslims", "jewish", "jews", "catholic", "protestant", "islamic",
	"islam", "christianity", "judaism", "buddhism", "buddhist", "hindu",
	"bible", "koran", "quran", "torah", "western", "eastern",
	/* languages that name no country */
	"latin", "arabic", "hebrew", "sanskrit", "esperanto", "yiddish",
	"swahili", "mandarin", "cantonese"
};

/* Last words of organisations' names. */
static const char *ent_words_org_end[] = {
	"academy", "administration", "agency", "airlines", "airways",
	"alliance", "army", "assembly", "association", "authority", "bank",
	"battalion", "board", "brigade", "broadcasting", "bureau", "cabinet",
	"capital", "caucus", "chamber", "channel", "chronicle", "church",
	"co", "co.", "coalition", "college", "command", "commission",
	"committee", "company", "conference", "congress", "consortium",
	"corp", "corp.", "corporation", "corps", "council", "court",
	"daily", "department", "directorate", "division", "entertainment",
	"federation", "force", "forces", "forum", "foundation", "front",
	"fund", "gaming", "gazette", "government", "group", "guard",
	"guards", "herald", "holdings", "inc", "inc.", "industries",
	"initiative", "institute", "institution", "journal", "laboratories",
	"laboratory", "labs", "league", "llc", "ltd", "ltd.", "magazine",
	"media", "ministry", "movement", "navy", "network", "news",
	"office", "orchestra", "organisation", "organization", "parliament",
	"partners", "party", "plc", "police", "post", "press", "productions",
	"program", "programme", "project", "publications", "publishers",
	"radio", "records", "regiment", "republicans", "democrats", "review",
	"school", "secretariat", "senate", "service", "services", "society",
	"studio", "studios", "systems", "team", "technologies", "telegraph",
	"television", "times", "tribunal", "tribune", "trust", "union",
	"university", "press", "club", "fc", "united", "society", "council",
	"library", "libraries", "archive", "archives", "consulate", "embassy",
	"bancorp", "motors", "pharmaceuticals", "airline", "group",
	"committee", "commission", "association", "institute", "unit",
	"railways", "brotherhood", "sisterhood", "fraternity", "sorority",
	"guild", "syndicate", "confederation", "collaboration", "collective",
	"cooperative", "brigades", "conservatory", "conservatoire",
	"seminary", "polytechnic", "observatory", "bulletin", "courier",
	"comics", "pictures", "films", "publishing", "choir"
};

/* First words of organisations' names, in several languages. */
static const char *ent_words_org_start[] = {
	"academia", "académie", "akademie", "asociación", "associação",
	"banco", "banque", "bibliotheek", "bibliothèque", "biblioteca",
	"bundesamt", "centro", "colegio", "comité", "comitato", "conseil",
	"consejo", "consiglio", "escuela", "escola", "fondation",
	"fondazione", "fundación", "fundação", "gesellschaft", "hochschule",
	"institut", "instituto", "istituto", "laboratoire", "laboratorio",
	"ministerio", "ministère", "ministerium", "ministero", "partei",
	"parti", "partido", "partito", "stiftung", "universidad",
	"universidade", "universität", "universitat", "université",
	"università", "universiteit", "uniwersytet", "univerzita",
	"department", "ministry", "university", "bank", "council",
	"institute", "school", "college", "museum", "society",
	"association", "federation", "board", "office", "bureau",
	"conservatoire", "conservatorio", "théâtre", "teatro", "société",
	"sociedad", "sociedade", "società", "compagnie", "compañía",
	"companhia", "compagnia", "orquesta", "orchestre", "orchestra",
	"verein", "verband", "politecnico", "école"
};

/* Last words of places' names (facilities count as places). */
static const char *ent_words_place_end[] = {
	"airport", "alley", "archipelago", "avenue", "basin", "bay", "beach",
	"boulevard", "bridge", "building", "canal", "canyon", "cape",
	"castle", "cathedral", "cave", "caves", "cemetery", "center",
	"centre", "chapel", "city", "coast", "county", "creek", "crossing",
	"dam", "desert", "district", "falls", "fort", "forest", "fortress",
	"garden", "gardens", "gate", "glacier", "gulf", "hall", "harbor",
	"harbour", "heights", "highway", "hill", "hills", "hospital",
	"hotel", "island", "islands", "isle", "isles", "lake", "lane",
	"market", "monastery", "monument", "mosque", "mount", "mountain",
	"mountains", "museum", "oblast", "ocean", "palace", "park",
	"parish", "pass", "peak", "peninsula", "place", "plain", "plains",
	"plaza", "point", "pond", "port", "prefecture", "prison", "province",
	"quarter", "range", "reef", "region", "republic", "reservoir",
	"ridge", "river", "road", "route", "sea", "shrine", "springs",
	"square", "stadium", "state", "station", "strait", "straits",
	"street", "temple", "terrace", "territory", "theater", "theatre",
	"tower", "town", "township", "trail", "tunnel", "valley", "village",
	"volcano", "way", "wood", "woods", "zoo", "st", "st.", "rd", "rd.",
	"ave", "ave.", "blvd", "governorate", "emirate", "kingdom", "arena",
	"base", "canton", "borough", "lighthouse", "waterfall", "county",
	"lodge", "inn", "resort", "campus", "pier", "wharf", "marina",
	"plateau", "cove", "lagoon", "marsh", "swamp", "dunes", "fjord",
	"heath", "moor", "downs", "estuary", "delta", "oasis", "atoll",
	"sanctuary", "quay", "promenade", "boardwalk", "esplanade",
	"parkway", "expressway", "freeway", "turnpike", "memorial",
	"basilica", "abbey", "synagogue", "pagoda", "citadel", "bazaar",
	"souk", "neighborhood", "neighbourhood", "suburb", "municipality",
	"commune", "voivodeship", "voivodship", "gorge"
};

/* First words of places' names. */
static const char *ent_words_place_start[] = {
	"mount", "mt.", "mt", "lake", "cape", "fort", "port", "isle", "gulf",
	"bay", "san", "santa", "sankt", "saint", "st.", "los", "las", "lake",
	"camp", "glen", "rio", "sierra", "costa", "puerto", "porto",
	"kingdom", "republic", "state", "province", "city", "county",
	"sea", "strait", "island", "islands", "mount", "lac",
	"grande", "petite", "basse", "haute", "nueva", "nuevo", "ciudad",
	"santo", "são", "sao", "wadi", "jebel", "jabal", "ras", "kafr",
	"île", "ile", "pointe", "anse", "baie", "mont", "monte", "cerro",
	"playa", "praia", "isla", "isola", "lago", "loch", "bukit", "pulau",
	"plaza", "piazza", "palacio", "palazzo", "musée", "museo", "museu",
	"schloss", "rue", "avenida", "calle", "praça", "parque", "lough",
	"château", "chateau", "castello", "castillo", "iglesia", "igreja",
	"église", "catedral", "mercado", "marché", "puerta", "pont",
	"ponte", "puente", "torre", "wat", "jalan", "gunung", "tanjung",
	"kampung", "cabo", "bahía", "plage"
};

/* Words that take "of" inside a name: "University of Toronto". */
static const char *ent_words_of_head[] = {
	"academy", "assembly", "association", "bank", "bay", "battle",
	"board", "bureau", "cape", "cathedral", "chamber", "church", "city",
	"college", "commission", "committee", "commonwealth", "council",
	"county", "court", "department", "district", "duchy", "duke", "earl",
	"emirate", "federation", "gulf", "house", "institute", "isle",
	"kingdom", "lake", "league", "library", "ministry", "mount", "museum",
	"office", "order", "palace", "party", "port", "prince", "princess",
	"principality", "province", "queen", "king", "republic", "school",
	"sea", "secretary", "society", "state", "states", "strait", "sultanate",
	"tower", "union", "university", "bishop", "archbishop", "minister",
	"governor", "mayor", "president", "chancellor", "museums", "statue",
	"faculty", "people's", "centre", "center", "hall", "straits",
	"islands", "island", "peoples", "treaty", "war", "church", "temple",
	"mosque", "agency", "authority", "colony", "territory", "land"
};

/* Lower-case particles inside personal and place names. */
static const char *ent_words_particle[] = {
	"al", "ben", "bin", "binti", "da", "das", "de", "del", "della", "der",
	"di", "do", "dos", "du", "el", "ibn", "la", "le", "st", "ter", "van",
	"von", "y", "zu", "den", "des", "of", "upon", "on", "the", "and",
	"for"
};

/* Capitalised abbreviations that are not organisations. */
static const char *ent_words_not_org[] = {
	"ad", "ai", "aids", "am", "bbq", "bc", "bce", "ce", "ceo", "cfo",
	"coo", "cto", "covid", "dj", "dna", "dvd", "eu", "faq", "gdp", "gps",
	"hiv", "hq", "html", "id", "ii", "iii", "iv", "ix", "lgbt", "lgbtq",
	"mba", "md", "mp", "mps", "ok", "pc", "pdf", "phd", "pm", "ps",
	"pr", "rna", "sms", "suv", "tv", "ufo", "url", "usb", "vi", "vii",
	"viii", "vip", "vs", "xi", "xii", "xiii", "xiv", "xv", "xx", "xxi",
	"i", "a", "ad", "pdt", "pst", "est", "edt", "gmt", "utc", "cet",
	"km", "kg", "mph", "usd", "eur", "gbp", "ios", "ip", "it", "ngo",
	"ngos", "nb", "op", "ed", "ap", "lol", "omg", "rip", "ps", "bs",
	"ba", "ma", "msc", "bsc", "llm", "jd", "rn", "iq", "ivf", "hr",
	"covid-19", "sars", "mers", "ptsd", "adhd", "icu", "er", "or", "wmd",
	"icbm", "ied", "rpg", "api", "cpu", "gpu", "ram", "pin", "atm",
	"vat", "ipo", "etf", "gop", "us", "uk", "usa", "eu", "un", "i.e.",
	"e.g.", "etc"
};

/* Words before a place more often than before anything else. */
static const char *ent_words_place_cue[] = {
	"in", "at", "near", "across", "throughout", "outside", "inside",
	    "around",
	"from", "into", "via", "visit", "visited",
	"visiting", "born", "northern", "southern", "eastern", "western",
	"central", "northeastern", "northwestern", "southeastern",
	"southwestern", "downtown", "rural", "coastal", "toward",
	"towards", "within", "beyond", "along", "reached", "entered",
	"northernmost", "southernmost", "nearby"
};

/* Nouns that follow a weapon's or vehicle's name. */
static const char *ent_words_misc_cue[] = {
	"aircraft", "bomb", "bombs", "bomber", "bombers", "drone", "drones",
	"fighter", "fighters", "helicopter", "helicopters", "jet", "jets",
	"launcher", "launchers", "missile", "missiles", "rifle", "rifles",
	"rocket", "rockets", "submarine", "submarines", "system", "systems",
	"tank", "tanks", "vaccine", "warship", "warships", "carrier",
	"howitzer", "howitzers", "interceptor", "interceptors"
};

/* Last words of the names of events, laws, awards and works. */
static const char *ent_words_misc_end[] = {
	"accord", "accords", "act", "fair", "carnival", "parade", "agreement",
	    "amendment", "award",
	"awards", "bill", "championship", "championships", "charter",
	"convention", "crisis", "cup", "day", "declaration", "doctrine",
	"era", "festival", "games", "goals", "grand prix", "law", "medal",
	"month", "olympics", "pact", "plan", "prize", "proclamation",
	"protocol", "revolution", "rights", "series", "summit", "tournament",
	"treaty", "trophy", "war", "week", "year", "ii", "iii", "iv",
	"v", "vi", "massacre", "uprising", "offensive", "operation",
	"rebellion", "election", "elections", "conference", "expo", "open",
	"marathon", "bowl", "league", "syndrome", "disease", "virus",
	"theory", "theorem", "equation", "principle", "effect", "law",
	"method", "test", "index", "scale", "model", "project"
};

/* Nouns after a language's or a people's name: Eegimaa speakers. */
static const char *ent_words_lang_noun[] = {
	"language", "languages", "speaker", "speakers", "dialect",
	"dialects", "people", "peoples", "culture", "cultures", "tribe",
	"tribes", "community", "communities", "word", "words", "script",
	"alphabet", "grammar", "verb", "verbs", "noun", "nouns", "names",
	"civilization", "civilisation", "ethnic", "cuisine", "music",
	"literature", "poetry", "style"
};

/* Nouns after a possessive that make its owner a body: Patriot's board. */
static const char *ent_words_org_noun[] = {
	"board", "bondholders", "ceo", "chairman", "chief", "creditors",
	"customers", "directors", "employees", "executives", "founder",
	"founders", "headquarters", "investors", "lenders", "management",
	"members", "membership", "products", "profit", "profits", "revenue",
	"revenues", "sales", "shareholders", "shares", "staff", "stock",
	"subsidiary", "website", "workers", "workforce", "leadership",
	"spokesman", "spokeswoman", "spokesperson", "officials", "market",
	"publications", "journals", "stores", "brands", "earnings",
	"acquisition", "acquisitions"
};

/* Stop words that may still go on a name: Cape of Good Hope, West End. */
static const char *ent_words_soft_stop[] = {
	"good", "great", "new", "first", "second", "third", "last", "next",
	"north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "same", "well", "christmas", "easter",
	"spring", "summer", "autumn", "winter", "god", "lord"
};

/*
 * Nouns that name a place by its kind before "of": the village of
 * Drossen, the outskirts of Kyiv, north of the river.
 */
static const char *ent_words_place_of[] = {
	"village", "villages", "town", "towns", "city", "cities", "capital",
	"hills", "mountains", "plains", "ruins", "heart",
	"province", "provinces", "region", "regions", "state", "island",
	"islands", "coast", "coasts", "shores", "outskirts", "suburbs",
	"suburb", "border", "borders", "kingdom", "county", "district",
	"districts", "port", "harbour", "harbor", "desert", "valley",
	"peninsula", "municipality", "countryside", "streets", "centre",
	"center", "north", "south", "east", "west", "northeast", "northwest",
	"southeast", "southwest", "territory", "territories", "colony",
	"inhabitants", "residents", "citizens", "mayor", "governor",
	"bishop", "archbishop", "emir", "sultan", "duchy", "principality",
	"republic", "hamlet", "settlement", "oblast", "prefecture",
	"governorate", "commune", "parish", "area", "environs"
};

/* Verbs of going before "to" and a place: moved to Lyon. */
static const char *ent_words_motion[] = {
	"move", "moved", "moves", "moving", "go", "goes", "went", "going",
	"travel", "travelled", "traveled", "travels", "travelling",
	"traveling", "return", "returned", "returns", "returning", "fled",
	"flee", "flees", "fleeing", "flew", "fly", "flies", "flying", "sail",
	"sailed", "sailing", "emigrated", "emigrate", "immigrated",
	"relocated", "relocate", "headed", "heading", "deported",
	"exiled", "banished", "migrated", "marched", "retreated",
	"trip", "trips", "journey", "journeyed", "voyage", "flight",
	"flights", "route", "road", "ferry", "ferries", "drive", "drove",
	"driven", "came", "come", "comes", "coming", "sent", "transferred",
	"extradited", "expelled", "evacuated", "withdrew", "withdrawn",
	"advanced", "ventured", "pilgrimage", "expedition", "mission",
	"embassy", "ambassador", "envoy", "gateway", "bound"
};

/* Plural nouns before a list of places: the cities of, towns such as. */
static const char *ent_words_places[] = {
	"cities", "towns", "villages", "countries", "states", "provinces",
	"regions", "islands", "nations", "capitals", "districts", "suburbs",
	"neighborhoods", "neighbourhoods", "ports", "municipalities",
	"counties", "territories", "republics", "kingdoms", "settlements",
	"destinations", "places", "locations", "hamlets", "boroughs"
};

/* Words between a name and what it did: Holt also said. */
static const char *ent_words_aux[] = {
	"again", "also", "eventually", "finally", "first", "had", "has",
	"initially", "is", "later", "never", "often", "once", "personally",
	"soon", "still", "subsequently", "then", "was", "would"
};

/* Nouns after a possessive that make its owner a person. */
static const char *ent_words_person_noun[] = {
	"wife", "husband", "father", "mother", "son", "daughter", "brother",
	"sister", "widow", "parents", "childhood", "career", "death", "birth",
	"marriage", "grandfather", "grandmother", "nephew", "niece", "uncle",
	"aunt", "cousin", "girlfriend", "boyfriend", "memoirs", "funeral"
};

/* Words that follow a person's name more than anything else's. */
static const char *ent_words_person_cue[] = {
	"went", "made", "became", "played", "joined", "returned", "moved",
	"graduated", "studied", "attended", "received", "starred",
	"appeared", "composed", "taught", "worked", "served", "lived",
	"spent", "met", "proposed", "claimed", "stated", "responded",
	"answered", "declared",
	"who", "whom", "himself", "herself", "he", "she", "his", "her",
	"was born", "born", "died", "married", "wrote", "argues", "argued",
	"believes", "believed", "thinks", "thought", "feels", "felt",
	"explains", "explained", "recalls", "recalled", "admits", "admitted",
	"insists", "insisted", "suggests", "suggested", "told", "tells",
	"says", "said", "added", "asked", "replied", "noted", "writes",
	"wants", "wanted", "likes", "liked", "loved", "hopes", "hoped",
	/* what people do in stories and talk (past tense: "walks" and
	   "waves" are nouns too, and bodies decide) */
	"smiled", "laughed", "nodded", "sighed", "shrugged", "grinned",
	"frowned", "winked", "whispered", "shouted", "screamed", "yelled",
	"cried", "waved", "kissed", "hugged", "gave", "took", "knew", "saw",
	"heard", "looked", "walked", "sat", "stood", "turned", "tried",
	"remembered", "laughing", "smiling", "nodding"
};

/* Bodies that "the" and a capital name: the Court, the Senate. */
static const char *ent_words_body[] = {
	"assembly", "cabinet", "commission", "committee", "congress",
	"council", "court", "duma", "house", "knesset", "kremlin",
	"ministry", "parliament", "pentagon", "presidency", "senate",
	"army", "navy", "judiciary", "legislature", "administration",
	"government", "opposition", "convention", "academy", "society",
	"church", "lodge", "county", "company", "board", "institute",
	"foundation", "university", "college", "club", "corporation"
};

/* Nouns for kinds of work, before a title: the drama Marlow Abbey. */
static const char *ent_words_work[] = {
	"film", "movie", "novel", "novella", "series", "miniseries",
	"drama", "comedy", "thriller", "sitcom", "album", "song", "opera",
	"musical", "poem", "anime", "manga", "documentary", "painting",
	"sculpture", "essay", "memoir", "sequel", "prequel", "book", "show",
	"play"
};

/* Animals kept and named: Sonia, our golden retriever. */
static const char *ent_words_animal[] = {
	"dog", "dogs", "cat", "cats", "puppy", "puppies", "kitten",
	"kittens", "horse", "horses", "pony", "ponies", "pet", "pets",
	"retriever", "terrier", "sheepdog", "spaniel", "poodle", "labrador",
	"collie", "shepherd", "beagle", "parrot", "hamster", "rabbit",
	"goldfish", "tabby", "mare", "stallion"
};

static const struct {
	const char	**words;
	size_t		  n;
} ent_classes[WORD_NCLASSES] = {
#define WORD_SET(t)	{ (t), sizeof (t) / sizeof (t)[0] }
	WORD_SET(ent_words_stop),
	WORD_SET(ent_words_org_end),
	WORD_SET(ent_words_place_end),
	WORD_SET(ent_words_place_start),
	WORD_SET(ent_words_of_head),
	WORD_SET(ent_words_particle),
	WORD_SET(ent_words_not_org),
	WORD_SET(ent_words_place_cue),
	WORD_SET(ent_words_misc_cue),
	WORD_SET(ent_words_misc_end),
	WORD_SET(ent_words_person_cue),
	WORD_SET(ent_words_body),
	WORD_SET(ent_words_aux),
	WORD_SET(ent_words_person_noun),
	WORD_SET(ent_words_org_start),
	WORD_SET(ent_words_lang_noun),
	WORD_SET(ent_words_org_noun),
	WORD_SET(ent_words_soft_stop),
	WORD_SET(ent_words_place_of),
	WORD_SET(ent_words_motion),
	WORD_SET(ent_words_places),
	WORD_SET(ent_words_work),
	WORD_SET(ent_words_animal)
#undef WORD_SET
};

/* What each word is known as, hashed on first use. */
static struct ent_map		 ent_words_map_info;	/* hash -> index */
struct ent_word			*ent_words_infos;	/* for ent_word_at */
static size_t			 ent_words_ninfos;
const struct ent_word		 ent_words_none;
static int			 ent_words_built;

/* The record of the word with hash h, added if new. */
static struct ent_word *
ent_word_add(uint64_t h)
{
	size_t	*v = ent_map_get(&ent_words_map_info, h);

	if (v != NULL)
		return &ent_words_infos[*v];
	if ((ent_words_ninfos & (ent_words_ninfos - 1)) == 0)
		ent_words_infos = xreallocarray(ent_words_infos,
		    ent_words_ninfos ? ent_words_ninfos * 2 : 1, sizeof
		    *ent_words_infos);
	memset(&ent_words_infos[ent_words_ninfos], 0, sizeof *ent_words_infos);
	ent_map_put(&ent_words_map_info, h, ent_words_ninfos);
	return &ent_words_infos[ent_words_ninfos++];
}

/* Hash the word classes and the first word of every lexicon phrase. */
static void
ent_word_build(void)
{
	struct ent_word	*ni;
	size_t		 c, i, words, len;
	const char	*key, *sp;

	for (c = 0; c < WORD_NCLASSES; c++) {
		for (i = 0; i < ent_classes[c].n; i++) {
			key = ent_classes[c].words[i];
			ni = ent_word_add(ent_map_hash(key, strlen(key)));
			ni->classes |= 1U << c;
		}
	}
	for (c = 0; c < LEX_NTABLES; c++) {
		const struct lex_entry	*table;
		size_t			 n;

		table = lex_table(c, &n);
		for (i = 0; i < n; i++) {
			key = table[i].key;
			sp = strchr(key, ' ');
			len = sp != NULL ? (size_t)(sp - key) : strlen(key);
			for (words = 1; sp != NULL; sp = strchr(sp + 1, ' '))
				words++;
			if (words > 255)
				words = 255;
			ni = ent_word_add(ent_map_hash(key, len));
			if (ni->words[c] < words)
				ni->words[c] = (unsigned char)words;
		}
	}
	ent_words_built = 1;
}

/* Build the word classes now (extract_init). */
void
ent_word_init(void)
{
	if (!ent_words_built)
		ent_word_build();
}

/* What the word with hash h is known as (all zero if nothing). */
const struct ent_word *
ent_word_info(uint64_t h)
{
	return ent_word_at(ent_word_find(h));
}

/* The number of what the word with hash h is known as, for ent_word_at. */
uint32_t
ent_word_find(uint64_t h)
{
	size_t	*v;

	if (!ent_words_built)
		ent_word_build();
	v = ent_map_get(&ent_words_map_info, h);
	return v != NULL ? (uint32_t)*v + 1 : 0;
}

/* Is token i a single upper-case letter with a dot: an initial? */
int
ent_word_initial(const struct extract *x, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n);

	return n == 2 && isupper((unsigned char)w[0]) && w[1] == '.';
}

/*
 * Is token i a hyphenated adjective: Iranian-made, US-led, or with a
 * combining form, Euro-Atlantic, Sino-Japanese, Anti-Soviet?
 */
int
ent_word_hyphen_adjective(const struct extract *x, size_t i)
{
	static const char *const forms[] = {
		"Euro", "Afro", "Anglo", "Franco", "Sino", "Indo", "Judeo",
		"Greco", "Austro", "Russo", "Italo", "Hispano", "Luso",
		"Pan", "Anti", "Pro", "Pre", "Post", "Neo", "Non"
	};
	size_t		 n, k;
	const char	*w = ent_tok(x, i, &n), *h;

	h = memchr(w, '-', n);
	if (h == NULL || h + 1 >= w + n)
		return 0;
	for (k = 0; k < sizeof forms / sizeof forms[0]; k++)
		if ((size_t)(h - w) == strlen(forms[k]) &&
		    strncmp(w, forms[k], h - w) == 0)
			return 1;
	/* a name joined by small words ends in a capital: Bourg-la-Reine,
	   Stratford-upon-Avon; Russian-made and Soviet-era do not */
	for (k = n; k > (size_t)(h - w) + 1 && w[k - 1] != '-'; k--)
		;
	if (k < n && isupper((unsigned char)w[k]))
		return 0;
	return islower((unsigned char)h[1]);
}

/* Does capitalised token i look like a demonym: Marovian, Sarvenese? */
int
ent_word_demonym_shape(const struct extract *x, size_t i)
{
	static const char *const ends[] = { "ian", "ean", "ese", "ish", "i" };
	size_t		 n, k, e;
	const char	*w = ent_tok(x, i, &n);

	if (!(x->toks[i].flags & TOK_CAP) || (x->toks[i].flags & TOK_UPPER) ||
	    n < 5)
		return 0;
	for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		e = strlen(ends[k]);
		if (n > e && memcmp(w + n - e, ends[k], e) == 0)
			return 1;
	}
	return 0;
}

/* Is token i a people named by a demonym's plural: Iranians? */
int
ent_word_plural_demonym(const struct extract *x, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n);

	if (n < 4 || w[n - 1] != 's')
		return 0;
	return lex_find(LEX_DEMONYMS, w, n - 1) != NULL;
}

/*
 * Does capitalised token i end as German and Dutch names of streets,
 * squares, churches, bridges and stations do: Alexanderplatz,
 * Herrengasse, Marienkirche, Hauptbahnhof, Damstraat?
 */
int
ent_word_place_suffix(const struct extract *x, size_t i)
{
	static const char *const ends[] = {
		"platz", "stra\xc3\x9f" "e", "strasse", "gasse", "kirche",
		"br\xc3\xbc" "cke", "bahnhof", "markt", "straat", "gracht",
		"plein", "steeg"
	};
	size_t		 n, k, len;
	const char	*w = ent_tok(x, i, &n);

	if (!ent_capword(x, i) || (x->toks[i].flags & TOK_UPPER))
		return 0;
	for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		len = strlen(ends[k]);
		if (n >= len + 3 && memcmp(w + n - len, ends[k], len) == 0)
			return 1;
	}
	return 0;
}
