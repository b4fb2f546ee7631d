/*
 * Names for the entity stage: the word classes that shape a name
 * (organisation and place keywords, stop words, particles) and the
 * document's name memory, a hash map from names to what they were
 * found to be, so a later "Ryabkov" finds "Sergei Ryabkov".
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "extract-names.h"
#include "xmalloc.h"
#include "banned.h"

/* Capitalised words that are never a name on their own. */
static const char *names_stop[] = {
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
	"mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
	"tue", "wed", "thu", "fri", "sat", "sun", "spring", "summer", "autumn",
	"winter", "christmas", "easter", "published", "updated", "photo",
	"credit", "image", "video", "watch", "read", "click", "share", "via",
	"by", "copyright", "chapter", "section", "figure", "table", "page",
	"part", "note", "see", "fig", "vol", "no", "yeah", "sir", "madam",
	"god", "lord", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
	"anyway", "nonetheless", "finally", "overall", "later", "earlier",
	"following", "despite", "whilst", "amid", "amidst", "said", "says",
	"am", "pm", "a.m.", "p.m.", "bc", "ad", "ce", "bce", "st", "th",
	"north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "i'm", "i've", "i'll", "i'd", "don't", "it's",
	"that's", "there's", "we're", "they're", "you're", "can't", "won't",
	"didn't", "isn't", "wasn't", "aren't", "let's", "what's", "he's",
	"she's", "hmm", "um", "uh", "wow", "yep", "nope", "sure", "right",
	"good", "great", "welcome", "goodbye", "internet", "web", "online",
	"sunni", "shia", "shiite", "christian", "christians", "muslim",
	"muslims", "jewish", "jews", "catholic", "protestant", "islamic",
	"islam", "christianity", "judaism", "buddhism", "buddhist", "hindu",
	"bible", "koran", "quran", "torah", "western", "eastern"
};

/* Last words of organisations' names. */
static const char *names_org_end[] = {
	"academy", "administration", "agency", "airlines", "airways",
	"alliance", "army", "assembly", "association", "authority", "bank",
	"battalion", "board", "brigade", "broadcasting", "bureau", "cabinet",
	"capital", "caucus", "chamber", "channel", "chronicle", "church",
	"co", "co.", "coalition", "college", "command", "commission",
	"committee", "company", "conference", "congress", "consortium",
	"corp", "corp.", "corporation", "corps", "council", "court",
	"daily", "department", "directorate", "division", "entertainment",
	"federation", "force", "forces", "forum", "foundation", "front",
	"fund", "games", "gaming", "gazette", "government", "group", "guard",
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
	"bancorp", "motors", "pharmaceuticals", "energy", "airline", "group",
	"committee", "commission", "association", "institute", "unit"
};

/* Last words of places' names (facilities count as places). */
static const char *names_place_end[] = {
	"airport", "alley", "archipelago", "avenue", "basin", "bay", "beach",
	"boulevard", "bridge", "building", "camp", "canal", "canyon", "cape",
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
	"base", "canton", "borough", "lighthouse", "waterfall", "county"
};

/* First words of places' names. */
static const char *names_place_start[] = {
	"mount", "mt.", "mt", "lake", "cape", "fort", "port", "isle", "gulf",
	"bay", "san", "santa", "sankt", "saint", "st.", "los", "las", "lake",
	"camp", "glen", "rio", "sierra", "costa", "puerto", "porto",
	"kingdom", "republic", "state", "province", "city", "county",
	"sea", "strait", "island", "islands", "mount", "lac"
};

/* Words that take "of" inside a name: "University of Toronto". */
static const char *names_of_head[] = {
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
static const char *names_particle[] = {
	"al", "ben", "bin", "binti", "da", "das", "de", "del", "della", "der",
	"di", "do", "dos", "du", "el", "ibn", "la", "le", "st", "ter", "van",
	"von", "y", "zu", "den", "des", "of", "upon", "on", "the", "and",
	"for"
};

/* Capitalised abbreviations that are not organisations. */
static const char *names_not_org[] = {
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
static const char *names_place_cue[] = {
	"in", "at", "near", "across", "throughout", "outside", "inside", "around",
	"towards", "toward", "to", "from", "into", "via", "visit", "visited",
	"visiting", "born", "northern", "southern", "eastern", "western",
	"central", "northeastern", "northwestern", "southeastern",
	"southwestern", "downtown", "rural", "coastal"
};

/* Nouns that follow a weapon's or vehicle's name. */
static const char *names_misc_cue[] = {
	"aircraft", "bomb", "bombs", "bomber", "bombers", "drone", "drones",
	"fighter", "fighters", "helicopter", "helicopters", "jet", "jets",
	"launcher", "launchers", "missile", "missiles", "rifle", "rifles",
	"rocket", "rockets", "submarine", "submarines", "system", "systems",
	"tank", "tanks", "vaccine", "warship", "warships", "carrier",
	"howitzer", "howitzers", "interceptor", "interceptors"
};

/* Last words of the names of events, laws, awards and works. */
static const char *names_misc_end[] = {
	"accord", "accords", "act", "agreement", "amendment", "award",
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

/* Words that follow a person's name more than anything else's. */
static const char *names_person_cue[] = {
	"who", "whom", "himself", "herself", "he", "she", "his", "her",
	"was born", "born", "died", "married", "wrote", "argues", "argued",
	"believes", "believed", "thinks", "thought", "feels", "felt",
	"explains", "explained", "recalls", "recalled", "admits", "admitted",
	"insists", "insisted", "suggests", "suggested", "told", "tells",
	"says", "said", "added", "asked", "replied", "noted", "writes",
	"wants", "wanted", "likes", "liked", "loved", "hopes", "hoped"
};

struct names_set {
	const char	**words;
	size_t		  n;
	int		  sorted;
};

#define NAMES_SET(t)	{ (t), sizeof (t) / sizeof (t)[0], 0 }

static struct names_set names_sets[NAMES_NCLASSES] = {
	NAMES_SET(names_stop),
	NAMES_SET(names_org_end),
	NAMES_SET(names_place_end),
	NAMES_SET(names_place_start),
	NAMES_SET(names_of_head),
	NAMES_SET(names_particle),
	NAMES_SET(names_not_org),
	NAMES_SET(names_place_cue),
	NAMES_SET(names_misc_cue),
	NAMES_SET(names_misc_end),
	NAMES_SET(names_person_cue)
};

/* Order two words without case. */
static int
names_cmp(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

struct names_key {
	const char	*w;
	size_t		 n;
};

/* Order a counted word against a table word, as names_cmp does. */
static int
names_key_cmp(const void *k, const void *e)
{
	const struct names_key	*key = k;
	const char		*s = *(const char *const *)e;
	int			 c;

	c = strncasecmp(key->w, s, key->n);
	if (c != 0)
		return c;
	return s[key->n] == '\0' ? 0 : -1;
}

/* Is the word (n bytes) in the class? */
int
names_class_has(enum names_class c, const char *w, size_t n)
{
	struct names_set	*set = &names_sets[c];
	struct names_key	 key;

	if (n == 0 || n > 32 || memchr(w, '\0', n) != NULL)
		return 0;
	if (!set->sorted) {
		qsort(set->words, set->n, sizeof *set->words, names_cmp);
		set->sorted = 1;
	}
	key.w = w;
	key.n = n;
	return bsearch(&key, set->words, set->n, sizeof *set->words,
	    names_key_cmp) != NULL;
}

/* Hash a word without case; never 0. */
uint64_t
names_hash(const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)tolower((unsigned char)s[i])) *
		    1099511628211ULL;
	return h == 0 ? 1 : h;
}

/* Hash the words of tokens [a, b) without case; never 0. */
uint64_t
names_hash_tokens(const struct extract *x, size_t a, size_t b)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i, k;

	for (k = a; k < b; k++) {
		for (i = x->toks[k].start; i < x->toks[k].end; i++)
			h = (h ^ (unsigned char)tolower((unsigned char)
			    x->text[i])) * 1099511628211ULL;
		h = (h ^ ' ') * 1099511628211ULL;
	}
	return h == 0 ? 1 : h;
}

/* The text of tokens [a, b), runs of space as one. */
void
names_text(const struct extract *x, size_t a, size_t b, struct buf *out)
{
	size_t	k;

	buf_reset(out);
	for (k = a; k < b; k++) {
		if (k > a && x->toks[k].start > x->toks[k - 1].end)
			buf_addc(out, ' ');
		buf_add(out, x->text + x->toks[k].start, x->toks[k].end -
		    x->toks[k].start);
	}
	buf_addc(out, '\0');
	out->len--;
}

/* Find the slot of key in map, empty if absent. */
static size_t
names_map_slot(const struct names_map *m, uint64_t key)
{
	size_t	i = (size_t)key & (m->size - 1);

	while (m->keys[i] != 0 && m->keys[i] != key)
		i = (i + 1) & (m->size - 1);
	return i;
}

/* Set key to val. */
void
names_map_put(struct names_map *m, uint64_t key, size_t val)
{
	struct names_map	old;
	size_t			i;

	if (m->size == 0 || (m->n + 1) * 2 > m->size) {
		old = *m;
		m->size = old.size ? old.size * 2 : 64;
		m->keys = xcalloc(m->size, sizeof *m->keys);
		m->vals = xcalloc(m->size, sizeof *m->vals);
		for (i = 0; i < old.size; i++) {
			if (old.keys[i] != 0) {
				size_t	j = names_map_slot(m, old.keys[i]);

				m->keys[j] = old.keys[i];
				m->vals[j] = old.vals[i];
			}
		}
		free(old.keys);
		free(old.vals);
	}
	i = names_map_slot(m, key);
	if (m->keys[i] == 0) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
}

/* The value of key, or NULL. */
size_t *
names_map_get(const struct names_map *m, uint64_t key)
{
	size_t	i;

	if (m->size == 0)
		return NULL;
	i = names_map_slot(m, key);
	return m->keys[i] == 0 ? NULL : &m->vals[i];
}

void
names_map_free(struct names_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}
