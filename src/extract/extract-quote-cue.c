/*
 * Speech cues for the quote stage: verbs of saying (from the speech verbs
 * lexicon) used as verbs, not nouns ("the report") or infinitives ("to
 * say"), and "according to"; and the word lists attribution reads noun
 * phrases and clauses with.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

/* Words that end a source's noun phrase going left or right. */
static const char *const quote_cue_stop_list[] = {
	"that", "which", "who", "whom", "whose", "and", "or", "but", "nor",
	"because", "if", "when", "where", "while", "as", "after", "before",
	"since", "than", "so", "then", "to", "is", "are", "was", "were", "be",
	"been", "being", "has", "have", "had", "will", "would", "can",
	"could", "should", "may", "might", "must", "do", "does", "did", "not",
	"also", "however", "meanwhile", "yet", "still", "there", "here",
	"what", "how", "why", "with", "by", "on", "into", "about", "over",
	"under", "against", "between", "during", "without", "through",
	"until", "though", "although", "whether", "once", "now", "later",
	"earlier", "this", "these", "those", "it", "its", "amid", "despite",
	"via", "per", "up", "out", "off", "down", "just", "never", "even",
	"only", "again", "already", "instead", "too", "very", "in", "at",
	"of", "for", "from", "like", "unlike", "upon", "toward", "towards",
	"across", "around", "within", "beyond", "near", "last", "next",
	"today", "yesterday", "tomorrow", "tonight", "let", "let's"
};

/* Words that may sit between a subject and its cue: X has also said. */
static const char *const quote_cue_aux_list[] = {
	"has", "have", "had", "also", "later", "previously", "recently",
	"then", "again", "once", "earlier", "further", "repeatedly",
	"publicly", "privately", "reportedly", "separately", "similarly",
	"subsequently", "initially", "first", "often", "frequently",
	"already", "ultimately", "finally", "simply", "flatly", "angrily",
	"openly", "explicitly", "specifically", "clearly", "correctly",
	"falsely", "wrongly", "famously", "bluntly", "recently", "quickly",
	"always", "consistently", "herself", "himself", "themselves", "itself",
	"long", "all", "both", "now", "still", "just"
};

/* Words before a cue that make it no cue: the report, was told, to say. */
static const char *const quote_cue_not_before_list[] = {
	"the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
	"this", "these", "those", "no", "any", "every", "each", "such",
	"is", "are", "was", "were", "be", "been", "being", "to", "not",
	"would", "could", "should", "might", "may", "must", "can", "will",
	"did", "does", "do", "n't", "didn't", "don't", "doesn't", "won't",
	"cannot", "never", "let", "whose", "of", "for"
};

/* Verb forms that are as often nouns: only a cue before "that". */
static const char *const quote_cue_nounish_list[] = {
	"report", "reports", "claim", "claims", "call", "calls", "note",
	"notes", "post", "posts", "state", "states", "tweet", "tweets",
	"charge", "charges", "demand", "demands", "promise", "promises",
	"estimate", "estimates", "forecast", "forecasts", "project",
	"projects", "signal", "signals", "hint", "hints", "fear", "fears",
	"hope", "hopes", "counter", "counters", "point", "points", "reply",
	"replies", "joke", "jokes", "vow", "vows", "pledge", "pledges",
	"quip", "quips", "remark", "remarks", "comment", "comments",
	"warning", "warnings", "statement", "statements", "boast", "boasts",
	"ask", "asks", "mock", "mocks", "muse", "muses", "brief", "briefs",
	"continue", "continues", "repeat", "repeats", "insinuate", "shout",
	"shouts", "yell", "yells", "scoff", "scoffs", "lament", "laments",
	"retort", "retorts", "mention", "mentions", "answer", "answers",
	"expect", "expects", "recount", "recounts", "describe", "describes",
	"echo", "echoes", "dispute", "disputes", "whisper", "murmur"
};

/* Cues that only count right next to a quote: "...," he continued. */
static const char *const quote_cue_weak_list[] = {
	"continue", "call", "describe", "ask", "mock", "signal", "project",
	"point", "propose", "recommend", "advise", "inform", "brief",
	"wonder", "muse", "hint", "forecast", "estimate", "conclude",
	"indicate", "expect", "hope", "fear", "think", "believe", "threaten",
	"yell", "shout", "scoff", "joke", "quip", "boast", "lament",
	"exclaim", "retort", "read"
};

/* Weak cues that say how words were spoken: a cue before "that". */
static const char *const quote_cue_manner_list[] = {
	"joke", "quip", "boast", "lament", "exclaim", "retort", "yell",
	"shout", "scoff", "muse", "hint"
};

/* Words after a cue that make it no speech: said of, told to. */
static const char *const quote_cue_not_after_list[] = {
	"to", "for", "of", "about", "by", "off", "up", "out", "into", "with",
	"is", "was", "are", "were", "has", "had", "have", "and", "or", "if",
	"whether", "why", "how", "what", "when", "where", "who", "which",
	"so", "as", "on", "in", "at", "from", "yes", "no", "nothing",
	"anything", "something", "little", "otherwise"
};

/* Objects of tell, ask, inform: "told reporters that". */
static const char *const quote_cue_object_list[] = {
	"him", "her", "them", "us", "me", "you", "reporters", "journalists",
	"lawmakers", "supporters", "congress", "parliament", "the", "a",
	"an", "his", "their", "it", "everyone", "viewers", "listeners",
	"members", "voters", "crowd"
};

/* Words that start a time or place after a cue: said on Friday. */
static const char *const quote_cue_adverbial_list[] = {
	"on", "in", "at", "during", "last", "this", "earlier", "late",
	"later", "recently", "today", "yesterday", "tonight", "afterward",
	"afterwards", "again", "privately", "publicly", "repeatedly", "once",
	"before", "after", "while", "when", "by", "through", "via", "onstage",
	"also", "separately", "shortly"
};

/* Days and months: said Friday. */
static const char *const quote_cue_when_list[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "june", "july",
	"august", "september", "october", "november", "december", "sept.",
	"jan.", "feb.", "aug.", "oct.", "nov.", "dec.", "weekend", "overnight",
	"week", "month", "year", "day", "night", "morning", "afternoon",
	"evening"
};

/* Determiners that start a noun phrase after a cue: in a statement. */
static const char *const quote_cue_np_det_list[] = {
	"a", "an", "the", "his", "her", "its", "their", "our", "an", "this",
	"that", "these", "those"
};

/* Words that start a clause of time or reason, not of what was said. */
static const char *const quote_cue_subord_list[] = {
	"as", "when", "after", "before", "while", "during", "because",
	"following", "amid", "despite", "where", "if", "since"
};

/* Words after a comma that end a reported clause: ", which ...". */
static const char *const quote_cue_aside_list[] = {
	"which", "who", "whose", "according", "citing", "saying", "adding",
	"noting", "arguing", "explaining", "insisting", "stressing", "warning",
	"claiming", "referring", "pointing", "although", "though", "even",
	"despite", "amid", "however", "until", "compared"
};

/* Whom a thing was said to, after a cue that ends its clause. */
static const char *const quote_cue_hearer_list[] = {
	"him", "her", "them", "us", "me", "you", "reporters", "journalists",
	"lawmakers", "supporters", "viewers", "listeners", "voters"
};

/* Pronouns that may be a source. */
static const char *const quote_cue_person_list[] = { "he", "she" };
static const char *const quote_cue_other_list[] = { "they", "it" };
static const char *const quote_cue_self_list[] = { "i", "we", "you" };

/* The first letters and lengths of each list's words, built on first use. */
static struct quote_cue_shape	quote_cue_stop_list_shape;
static struct quote_cue_shape	quote_cue_aux_list_shape;
static struct quote_cue_shape	quote_cue_not_before_list_shape;
static struct quote_cue_shape	quote_cue_nounish_list_shape;
static struct quote_cue_shape	quote_cue_weak_list_shape;
static struct quote_cue_shape	quote_cue_not_after_list_shape;
static struct quote_cue_shape	quote_cue_object_list_shape;
static struct quote_cue_shape	quote_cue_adverbial_list_shape;
static struct quote_cue_shape	quote_cue_when_list_shape;
static struct quote_cue_shape	quote_cue_np_det_list_shape;
static struct quote_cue_shape	quote_cue_subord_list_shape;
static struct quote_cue_shape	quote_cue_aside_list_shape;
static struct quote_cue_shape	quote_cue_manner_list_shape;
static const struct quote_cue_words quote_cue_manner =
    QUOTE_CUE_WORDS(quote_cue_manner_list);
static struct quote_cue_shape	quote_cue_hearer_list_shape;
static struct quote_cue_shape	quote_cue_person_list_shape;
static struct quote_cue_shape	quote_cue_other_list_shape;
static struct quote_cue_shape	quote_cue_self_list_shape;

const struct quote_cue_words quote_cue_stop =
    QUOTE_CUE_WORDS(quote_cue_stop_list);
const struct quote_cue_words quote_cue_aux =
    QUOTE_CUE_WORDS(quote_cue_aux_list);
const struct quote_cue_words quote_cue_not_before =
    QUOTE_CUE_WORDS(quote_cue_not_before_list);
const struct quote_cue_words quote_cue_nounish =
    QUOTE_CUE_WORDS(quote_cue_nounish_list);
const struct quote_cue_words quote_cue_weak =
    QUOTE_CUE_WORDS(quote_cue_weak_list);
const struct quote_cue_words quote_cue_not_after =
    QUOTE_CUE_WORDS(quote_cue_not_after_list);
const struct quote_cue_words quote_cue_object =
    QUOTE_CUE_WORDS(quote_cue_object_list);
const struct quote_cue_words quote_cue_hearer =
    QUOTE_CUE_WORDS(quote_cue_hearer_list);
const struct quote_cue_words quote_cue_adverbial =
    QUOTE_CUE_WORDS(quote_cue_adverbial_list);
const struct quote_cue_words quote_cue_aside =
    QUOTE_CUE_WORDS(quote_cue_aside_list);
const struct quote_cue_words quote_cue_when =
    QUOTE_CUE_WORDS(quote_cue_when_list);
const struct quote_cue_words quote_cue_np_det =
    QUOTE_CUE_WORDS(quote_cue_np_det_list);
const struct quote_cue_words quote_cue_subord =
    QUOTE_CUE_WORDS(quote_cue_subord_list);
const struct quote_cue_words quote_cue_pperson =
    QUOTE_CUE_WORDS(quote_cue_person_list);
const struct quote_cue_words quote_cue_pother =
    QUOTE_CUE_WORDS(quote_cue_other_list);
const struct quote_cue_words quote_cue_pself =
    QUOTE_CUE_WORDS(quote_cue_self_list);

/*
 * Is the word k (lower case ASCII) the n bytes at w, ignoring case? As
 * strncasecmp(k, w, n) == 0 && k[n] == '\0' for w with no NUL in it.
 */
static inline int
quote_cue_word_is(const char *k, const char *w, size_t n)
{
	size_t		j;
	unsigned char	b;

	for (j = 0; j < n; j++) {
		b = (unsigned char)w[j];
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if ((unsigned char)k[j] != b)
			return 0;
	}
	return k[n] == '\0';
}

/*
 * Fill in which first letters and lengths the words of l have; a list
 * with a word that does not fit is never filtered.
 */
static void
quote_cue_shape_build(const struct quote_cue_words *l)
{
	struct quote_cue_shape	*sh = l->shape;
	const char		*k;
	size_t			 i, n, at[26];
	int			 c, fits;

	/* built is set last: it says the rest is there. */
	fits = l->n <= QUOTE_CUE_MAX_WORDS;
	memset(at, 0, sizeof at);
	for (i = 0; i < l->n; i++) {
		k = l->w[i];
		n = strlen(k);
		if (k[0] < 'a' || k[0] > 'z' || n >= 32)
			fits = 0;
		else {
			sh->lens[k[0] - 'a'] |= 1U << n;
			at[k[0] - 'a']++;
		}
	}
	if (!fits) {
		sh->built = -1;
		return;
	}
	/* the words by first letter: counts, then where each letter starts */
	for (c = 0, n = 0; c < 26; c++) {
		sh->from[c] = (unsigned char)n;
		n += at[c];
		at[c] = sh->from[c];
	}
	sh->from[26] = (unsigned char)n;
	for (i = 0; i < l->n; i++)
		sh->sorted[at[l->w[i][0] - 'a']++] = l->w[i];
	sh->built = 1;
}

/* Build a list's shape now, before threads share it (extract_init). */
void
quote_cue_words_init(const struct quote_cue_words *l)
{
	if (l->shape->built == 0)
		quote_cue_shape_build(l);
}

/* Might the n bytes starting with lower-case c be one of the words? */
static inline int
quote_cue_shape_may(const struct quote_cue_words *l, int c, size_t n)
{
	if (l->shape->built == 0)
		quote_cue_shape_build(l);
	if (l->shape->built < 0)
		return 1;
	return c >= 'a' && c <= 'z' && n < 32 &&
	    (l->shape->lens[c - 'a'] & (1U << n));
}

/* Is token i one of the words? */
int
quote_cue_in(const struct extract *x, size_t i, const struct quote_cue_words *l)
{
	const char	*w;
	size_t		 k, n;
	int		 c;

	if (i >= x->ntoks || !(x->toks[i].flags & TOK_WORD))
		return 0;
	w = x->text + x->toks[i].start;
	n = x->toks[i].end - x->toks[i].start;
	if (n > 16)
		return 0;
	c = tolower((unsigned char)*w);
	if (!quote_cue_shape_may(l, c, n))
		return 0;
	if (l->shape->built > 0) {
		/* only the words with its first letter */
		for (k = l->shape->from[c - 'a']; k < l->shape->from[c - 'a' +
		    1]; k++)
			if (quote_cue_word_is(l->shape->sorted[k], w, n))
				return 1;
		return 0;
	}
	for (k = 0; k < l->n; k++)
		if (l->w[k][0] == c && quote_cue_word_is(l->w[k], w, n))
			return 1;
	return 0;
}

/* Is the string s (n bytes) one of the words? */
static int
quote_cue_str_in(const char *s, size_t n, const struct quote_cue_words *l)
{
	size_t	k;

	if (n == 0 || !quote_cue_shape_may(l, tolower((unsigned char)*s), n))
		return 0;
	for (k = 0; k < l->n; k++)
		if (quote_cue_word_is(l->w[k], s, n))
			return 1;
	return 0;
}

/* Is token i the one-byte punctuation c? */
int
quote_cue_punct(const struct extract *x, size_t i, char c)
{
	return i < x->ntoks && x->toks[i].end - x->toks[i].start == 1 &&
	    x->text[x->toks[i].start] == c;
}

/* Does token i end a sentence: . ? ! */
int
quote_cue_end(const struct extract *x, size_t i)
{
	return quote_cue_punct(x, i, '.') || quote_cue_punct(x, i, '?') ||
	    quote_cue_punct(x, i, '!');
}

/*
 * '"Q?" a narrator asks.': a form that is as often a noun (asks, notes,
 * remarks) is a verb where it closes the sentence or clause right after
 * the noun phrase that follows a quote. 1 if token j, before end, may be
 * one (the caller checks the noun phrase).
 */
size_t
quote_cue_closing(const struct qt *q, size_t j, size_t end)
{
	const struct extract	*x = q->x;

	return j + 1 < end && quote_cue_in(x, j, &quote_cue_nounish) &&
	    quote_cue_lemma(x, j) != NULL && (quote_cue_end(x, j + 1) ||
	    quote_cue_punct(x, j + 1, ';') || quote_cue_punct(x, j + 1,
	    ',')) ? 1 : 0;
}

/* Does token i end with "ing" or "ly"? */
int
quote_cue_suffix(const struct extract *x, size_t i, const char *suf)
{
	size_t	n = x->toks[i].end - x->toks[i].start, m = strlen(suf);

	return n > m + 2 && strncasecmp(x->text + x->toks[i].end - m, suf,
	    m) == 0;
}

/*
 * Which first two letters and lengths speech verbs have, so that most
 * words are known not to be one without a lookup.
 */
static uint32_t	quote_cue_shapes[26][26];
static int	quote_cue_shapes_built;

/* Fill quote_cue_shapes from the speech verbs lexicon. */
static void
quote_cue_shapes_build(void)
{
	const char	*k;
	size_t		 i, n;

	for (i = 0; i < lex_speech_verbs_n; i++) {
		k = lex_speech_verbs[i].key;
		n = strlen(k);
		if (n >= 2 && n < 32 && k[0] >= 'a' && k[0] <= 'z' &&
		    k[1] >= 'a' && k[1] <= 'z')
			quote_cue_shapes[k[0] - 'a'][k[1] - 'a'] |= 1U << n;
	}
	quote_cue_shapes_built = 1;
}

/*
 * Build the speech verbs' shapes and every list of this file now, so that
 * threads running extract_run only read them (extract_init).
 */
void
quote_cue_init(void)
{
	static const struct quote_cue_words *const lists[] = {
		&quote_cue_manner, &quote_cue_stop, &quote_cue_aux,
		&quote_cue_not_before, &quote_cue_nounish, &quote_cue_weak,
		&quote_cue_not_after, &quote_cue_object, &quote_cue_hearer,
		&quote_cue_adverbial, &quote_cue_aside, &quote_cue_when,
		&quote_cue_np_det, &quote_cue_subord, &quote_cue_pperson,
		&quote_cue_pother, &quote_cue_pself
	};
	size_t	i;

	if (!quote_cue_shapes_built)
		quote_cue_shapes_build();
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
		quote_cue_words_init(lists[i]);
}

/* The lemma of a speech verb at token i, or NULL. */
const char *
quote_cue_lemma(const struct extract *x, size_t i)
{
	const struct ex_token	*t = &x->toks[i];
	size_t			 n = t->end - t->start;
	int			 c = (unsigned char)x->text[t->start];

	if (!(t->flags & TOK_WORD) || (t->flags & (TOK_CAP | TOK_POSS)))
		return NULL;
	if (!quote_cue_shapes_built)
		quote_cue_shapes_build();
	if (c < 'a' || c > 'z' || n < 2 || n >= 32 ||
	    (unsigned char)x->text[t->start + 1] < 'a' ||
	    (unsigned char)x->text[t->start + 1] > 'z' ||
	    !(quote_cue_shapes[c - 'a'][x->text[t->start + 1] - 'a'] &
	    (1U << n)))
		return NULL;
	return lex_find(LEX_SPEECH_VERBS, x->text + t->start, n);
}

/*
 * A capitalised speech verb in a headline in title case: "Ryabkov Says
 * Cooperation Will Continue". Returns its lemma, or NULL.
 */
const char *
quote_cue_title(const struct extract *x, size_t i)
{
	const struct ex_token	*t = &x->toks[i];

	if (!(t->flags & TOK_CAP) || (t->flags & (TOK_SENT | TOK_PARA)) ||
	    i + 1 >= x->ntoks || !(x->toks[i - 1].flags & TOK_CAP) ||
	    !(x->toks[i + 1].flags & (TOK_CAP | TOK_QUOTE | TOK_SQUOTE)) ||
	    (x->toks[i].flags & TOK_UPPER))
		return NULL;
	return lex_find(LEX_SPEECH_VERBS, x->text + t->start,
	    t->end - t->start);
}

/* Does token i read as an adverb of manner or time: widely, recently? */
static int
quote_cue_adverb(const struct extract *x, size_t i)
{
	static const char *const sfx[] = {
		"edly", "ently", "antly", "ously", "ively", "tly", "ely"
	};
	size_t	k;

	if (!(x->toks[i].flags & TOK_WORD) || (x->toks[i].flags & TOK_CAP))
		return 0;
	for (k = 0; k < sizeof sfx / sizeof sfx[0]; k++)
		if (quote_cue_suffix(x, i, sfx[k]))
			return 1;
	/* officially, but not ally, rally, tally */
	return quote_cue_suffix(x, i, "ally") &&
	    x->toks[i].end - x->toks[i].start >= 7;
}

/*
 * Is the cue word at i a noun or an adjective by its place: "his recently
 * revealed plan" (a determiner and an adverb before it), "any criminal
 * charges that might arise" (a relative clause after a form that is as
 * often a noun: "that" and a finite verb), "Having said that, Q" (an
 * idiom of the writer's)?
 */
static int
quote_cue_modifier(const struct extract *x, size_t i)
{
	if (i > 1 && !(x->toks[i - 1].flags & (TOK_PARA | TOK_SENT)) &&
	    !(x->toks[i].flags & TOK_PARA) && quote_cue_adverb(x, i - 1) &&
	    quote_cue_in(x, i - 2, &quote_cue_not_before))
		return 1;
	if (i > 0 && i + 2 < x->ntoks && quote_cue_in(x, i,
	    &quote_cue_nounish) && !(x->toks[i - 1].flags & TOK_CAP) &&
	    !quote_cue_in(x, i - 1, &quote_cue_pperson) &&
	    !quote_cue_in(x, i - 1, &quote_cue_pother) &&
	    extract_tok_is(x, i + 1, "that") &&
	    !(x->toks[i + 2].flags & TOK_CAP) &&
	    quote_cue_in(x, i + 2, &quote_clause_finite))
		return 1;
	return i > 0 && i + 2 < x->ntoks && extract_tok_is(x, i - 1,
	    "having") && extract_tok_is(x, i + 1, "that") &&
	    quote_cue_punct(x, i + 2, ',');
}

/*
 * "Said Ellis: \"Q\"", "Added the minister:": a speech verb in the past
 * or the present opening a sentence, before the name or noun phrase of
 * its speaker (the caller checks the phrase and the colon). Returns its
 * lemma, or NULL.
 */
static const char *
quote_cue_inverted(const struct extract *x, size_t i)
{
	const struct ex_token	*t = &x->toks[i];
	char			 w[16];
	size_t			 n = t->end - t->start, k;

	if (!(t->flags & TOK_CAP) || !(t->flags & (TOK_SENT | TOK_PARA)) ||
	    (t->flags & TOK_UPPER) || n < 4 || n >= sizeof w ||
	    i + 1 >= x->ntoks || !(x->toks[i + 1].flags & TOK_CAP ||
	    extract_tok_is(x, i + 1, "the")))
		return NULL;
	for (k = 0; k < n; k++)
		w[k] = (char)tolower((unsigned char)x->text[t->start + k]);
	/* said, added, says, wrote: not "Say what you will" */
	if (strncmp(w + n - 2, "ed", 2) != 0 && strncmp(w + n - 2, "id",
	    2) != 0 && w[n - 1] != 's' && strncmp(w + n - 3, "ote", 3) != 0)
		return NULL;
	return lex_find(LEX_SPEECH_VERBS, w, n);
}

/*
 * Is the cue word at i in the progressive, "is saying", "are (now)
 * warning", "he's claiming": a form of "be" before an -ing form is the
 * speaker's own act, not a noun or a passive. Returns the token of "be"
 * (or of the "'s" after a pronoun), or EX_NONE.
 */
size_t
quote_cue_progressive(const struct extract *x, size_t i)
{
	const char	*e = x->text + x->toks[i].end;
	size_t		 b;

	/* most cues are said, says: turned away by their last letter */
	if (e[-1] != 'g' || i < 2 || x->toks[i].end - x->toks[i].start < 6 ||
	    e[-2] != 'n' || e[-3] != 'i' || (x->toks[i].flags & (TOK_CAP |
	    TOK_PARA)))
		return EX_NONE;
	b = i - 1;
	if (quote_cue_in(x, b, &quote_cue_aux) && b > 1)
		b--;		/* is now saying, are still warning */
	if (extract_tok_is(x, b, "is") || extract_tok_is(x, b, "are") ||
	    extract_tok_is(x, b, "was") || extract_tok_is(x, b, "were") ||
	    extract_tok_is(x, b, "am") || extract_tok_is(x, b, "been"))
		return b;
	if ((x->toks[b].flags & TOK_POSS) && (quote_cue_in(x, b - 1,
	    &quote_cue_pperson) || quote_cue_in(x, b - 1, &quote_cue_pother)))
		return b;	/* he's claiming */
	return EX_NONE;
}

/*
 * Is token i a preposition that takes the -ing form of a cue whose
 * subject is the clause's: "by saying", "for saying", "(aside) from
 * saying", "after announcing", "despite admitting"? Not "without".
 */
int
quote_cue_gerund_prep(const struct extract *x, size_t i)
{
	return extract_tok_is(x, i, "by") || extract_tok_is(x, i, "for") ||
	    extract_tok_is(x, i, "from") || extract_tok_is(x, i, "after") ||
	    extract_tok_is(x, i, "despite");
}

/* Is token i a negated auxiliary: wouldn't, hasn’t, isn't? */
static int
quote_cue_negated(const struct extract *x, size_t i)
{
	const char	*e = x->text + x->toks[i].end;
	size_t		 n = x->toks[i].end - x->toks[i].start;

	if (!(x->toks[i].flags & TOK_WORD) || n < 4 || (e[-1] != 't' &&
	    e[-1] != 'T'))
		return 0;
	return (e[-2] == '\'' && (e[-3] == 'n' || e[-3] == 'N')) ||
	    (n > 5 && memcmp(e - 5, "n\xe2\x80\x99", 4) == 0);
}

/* quote_cue_at for a token that may be a cue by its shape. */
static size_t
quote_cue_at_full(const struct qt *q, size_t i, int strict)
{
	const struct extract	*x = q->x;
	const char		*lemma;
	size_t			 n;
	int			 prog;

	if (i >= x->ntoks || !(x->toks[i].flags & TOK_WORD) ||
	    (x->toks[i].flags & (TOK_DIGIT | TOK_POSS | TOK_UPPER)))
		return 0;
	n = x->toks[i].end - x->toks[i].start;
	if (n < 3 || n > 14)
		return 0;
	if (n == 9 && extract_tok_is(x, i, "according"))
		return extract_tok_is(x, i + 1, "to") &&
		    !(x->toks[i + 1].flags & TOK_PARA) ? 2 : 0;
	if ((lemma = quote_cue_lemma(x, i)) == NULL && (lemma =
	    quote_cue_title(x, i)) == NULL && (lemma =
	    quote_cue_inverted(x, i)) == NULL)
		return 0;
	prog = quote_cue_progressive(x, i) != EX_NONE || (i > 0 &&
	    extract_tok_is(x, i - 1, "for") && quote_cue_suffix(x, i,
	    "ing"));	/* or "for saying" */
	if (i > 0 && !(x->toks[i].flags & TOK_PARA) && !prog &&
	    ((quote_cue_in(x, i - 1, &quote_cue_not_before) &&
	    ((x->toks[i - 1].flags & (TOK_CAP | TOK_SENT | TOK_PARA)) !=
	    TOK_CAP || i < 2 || !(x->toks[i - 2].flags & TOK_CAP))) ||
	    (x->toks[i - 1].flags & TOK_POSS)))
		return 0;	/* the report, to say; not "Theresa May said" */
	if (i > 0 && quote_cue_negated(x, i - 1))
		return 0;	/* wouldn't tell, isn’t saying */
	if (quote_cue_modifier(x, i))
		return 0;	/* his recently revealed plan */
	if (quote_cue_in(x, i, &quote_cue_nounish) && !prog &&
	    !extract_tok_is(x, i + 1, "that") &&
	    !quote_cue_punct(x, i + 1, ':') &&
	    !(i > 0 && (quote_cue_in(x, i - 1, &quote_cue_pperson) ||
	    quote_cue_in(x, i - 1, &quote_cue_pother))) &&
	    !(i > 0 && (x->toks[i - 1].flags & TOK_CAP) &&
	    !(x->toks[i - 1].flags & (TOK_SENT | TOK_PARA)) &&
	    (quote_cue_in(x, i + 1, &quote_cue_pperson) ||
	    quote_cue_in(x, i + 1, &quote_cue_pother))))
		return 0;	/* but "Lynch notes they were" */
	if (strict) {
		if (quote_cue_str_in(lemma, strlen(lemma), &quote_cue_weak) &&
		    (strict != 2 || (strcmp(lemma, "call") != 0 &&
		    strcmp(lemma, "ask") != 0 &&
		    strcmp(lemma, "describe") != 0)) &&
		    !(extract_tok_is(x, i + 1, "that") && quote_cue_str_in(lemma,
		    strlen(lemma), &quote_cue_manner)))
			return 0;	/* but "joked that Q" reports words */
		if (quote_cue_suffix(x, i, "ing") && !prog && !(i > 0 &&
		    (quote_cue_punct(x, i - 1, ',') ||
		    quote_cue_gerund_prep(x, i - 1))))
			return 0;	/* only ", saying Q", "by saying Q" */
	}
	return 1;
}

/*
 * Is token i a speech cue? Returns its length in tokens (two for
 * "according to"), or 0. Strict cues are those that may report speech
 * with no quote marks next to them; strict 2 lets "called" in too, which
 * the indirect pass checks itself. Most words are turned away here by
 * the tests quote_cue_lemma and quote_cue_title start with, before
    quote_cue_at_full.
 */
size_t
quote_cue_at(const struct qt *q, size_t i, int strict)
{
	const struct extract	*x = q->x;
	const struct ex_token	*t;
	size_t			 n;
	unsigned char		 c, d;

	if (i >= x->ntoks)
		return 0;
	t = &x->toks[i];
	if (!(t->flags & TOK_WORD) ||
	    (t->flags & (TOK_DIGIT | TOK_POSS | TOK_UPPER)))
		return 0;
	n = t->end - t->start;
	if (n < 3 || n > 14)
		return 0;
	if (n == 9)
		return quote_cue_at_full(q, i, strict);	/* according to */
	if (t->flags & TOK_CAP) {
		/* "Said Ellis:", or a title-case headline verb */
		if (t->flags & (TOK_SENT | TOK_PARA))
			return quote_cue_inverted(x, i) != NULL ?
			    quote_cue_at_full(q, i, strict) : 0;
		if (
		    i + 1 >= x->ntoks || !(x->toks[i - 1].flags & TOK_CAP) ||
		    !(x->toks[i + 1].flags & (TOK_CAP | TOK_QUOTE |
		    TOK_SQUOTE)))
			return 0;
		return quote_cue_at_full(q, i, strict);
	}
	/* a speech verb: as in quote_cue_lemma */
	if (!quote_cue_shapes_built)
		quote_cue_shapes_build();
	c = (unsigned char)x->text[t->start];
	d = (unsigned char)x->text[t->start + 1];
	if (c < 'a' || c > 'z' || d < 'a' || d > 'z' ||
	    !(quote_cue_shapes[c - 'a'][d - 'a'] & (1U << n)))
		return 0;
	return quote_cue_at_full(q, i, strict);
}

/*
 * Is "according to" at token i, after a piece that opens at token open,
 * the medium of a quote whose speaker spoke earlier in the sentence:
 * 'Varga said that Drossen was "turning ...," according to MARNA'? Then
 * it is no cue of the piece's own: the piece belongs to that speaker's
 * quote and is counted once.
 */
int
quote_cue_medium(const struct qt *q, size_t i, size_t open)
{
	const struct extract	*x = q->x;
	size_t			 s, k;

	if (!extract_tok_is(x, i, "according") ||
	    (s = quote_sentence(x, open)) == EX_NONE)
		return 0;
	for (k = x->sents[s].first; k < open; k++)
		if (quote_inq(q, k) == EX_NONE && quote_cue_at(q, k, 1) == 1)
			return 1;
	return 0;
}
