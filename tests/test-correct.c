/*
 * Unit tests: the user's corrections, through the library API and the
 * store under it. A quote credited, struck out and put back; names
 * merged; roles set; each undone; all of it kept over re-analysis, a
 * new version of the story and a migration from schema 8.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "article.h"
#include "extract.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "test-util.h"

#define P1	"\"Nobody called us first,\" an official said. Kasimir Oll, " \
	"the ministry spokesperson, said the talks would go on."
#define P2	"\"We will talk again next week,\" Anja Brekk said in " \
	"Korvala. Zelensky said: \"The line holds.\""

/* A story of the given paragraphs, analysed, added in a batch. */
static int64_t
add_story(struct store *s, const char *guid, const char *p1, const char *p2)
{
	struct article	 a;
	struct extract	 x;
	char		*err = NULL;
	int64_t		 feed, id;

	article_init(&a);
	a.guid = xstrdup(guid);
	article_set(&a.title, guid, strlen(guid));
	article_add_paragraph(&a, p1, strlen(p1), 0);
	if (p2 != NULL)
		article_add_paragraph(&a, p2, strlen(p2), 0);
	memset(&x, 0, sizeof x);
	extract_run(&x, a.body, a.body_len);
	feed = store_local_feed(s, &err);
	assert_true(feed > 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, guid, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	id = a.id;
	extract_free(&x);
	article_free(&a);
	return id;
}

/* Analyse story id again from its stored body, as dossier analyze does. */
static void
reanalyse(struct store *s, int64_t id)
{
	struct article	 a;
	struct extract	 x;
	char		*err = NULL;

	assert_int_equal(store_article_get(s, id, &a, &err), 0);
	memset(&x, 0, sizeof x);
	extract_run(&x, a.body, a.body_len);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_extract_replace(s, id, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	extract_free(&x);
	article_free(&a);
}

/* A new version of story id with these paragraphs (feed refresh). */
static void
update_story(struct store *s, int64_t id, const char *p1, const char *p2)
{
	struct article	 a;
	struct extract	 x;
	char		*err = NULL;

	article_init(&a);
	article_set(&a.title, "updated", 7);
	article_add_paragraph(&a, p1, strlen(p1), 0);
	if (p2 != NULL)
		article_add_paragraph(&a, p2, strlen(p2), 0);
	memset(&x, 0, sizeof x);
	if (a.body != NULL)
		extract_run(&x, a.body, a.body_len);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_update(s, id, &a, "new",
	    a.body != NULL ? &x : NULL, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	extract_free(&x);
	article_free(&a);
}

/* The stored quotes of a story as "words=speaker[*]|" (* corrected). */
struct quotes_seen {
	const char	*body;
	char		 out[2048];
};

static int
quote_seen(const struct store_quote *q, void *arg)
{
	struct quotes_seen	*w = arg;
	char			 one[512];

	snprintf(one, sizeof one, "%.*s=%s%s", (int)(q->end - q->start),
	    w->body + q->start, q->speaker_name != NULL ? q->speaker_name :
	    q->source_text != NULL ? q->source_text : "-",
	    q->corrected ? "*" : "");
	test_append(w->out, sizeof w->out, one);
	return 0;
}

static char *
quotes_of(struct store *s, int64_t id)
{
	static struct quotes_seen	 w;
	struct article			 a;
	char				*err = NULL;

	assert_int_equal(store_article_get(s, id, &a, &err), 0);
	memset(&w, 0, sizeof w);
	w.body = a.body;
	assert_int_equal(store_article_quotes(s, id, quote_seen, &w, &err), 0);
	article_free(&a);
	return w.out;
}

/* The span of the story's quote (or struck words) that starts with w. */
static void
quote_span(struct store *s, int64_t id, const char *w, size_t *b, size_t *e)
{
	struct lib_story_quotes	 x;
	struct article		 a;
	char			*err = NULL;
	size_t			 i;

	assert_int_equal(store_article_get(s, id, &a, &err), 0);
	assert_int_equal(library_story_quotes(s, id, &x, &err), 0);
	for (i = 0; i < x.n; i++)
		if (strncmp(a.body + x.v[i].start, w, strlen(w)) == 0)
			break;
	assert_true(i < x.n);
	*b = x.v[i].start;
	*e = x.v[i].end;
	library_story_quotes_free(&x);
	article_free(&a);
}

static void
fix(struct store *s, int64_t id, const char *words, enum lib_fix_kind k,
    const char *who)
{
	struct lib_fix	 f = { k, NULL, who };
	char		*msg = NULL, *err = NULL;
	size_t		 b, e;

	quote_span(s, id, words, &b, &e);
	assert_int_equal(library_quote_fix(s, id, b, e, &f, &msg, &err), 0);
	assert_non_null(msg);
	free(msg);
}

/*
 * A quote credited to a speaker, to an unnamed source, struck out: each
 * holds over re-analysis and over a new version of the story whose
 * words moved, and the struck one is still listed to be undone.
 */
static void
test_quote_fixes(void **state)
{
	char			*path = test_tmp_path("fix.db"), *err = NULL;
	struct lib_story_quotes	 x;
	struct lib_entities	 ents;
	struct store		*s;
	int64_t			 id;
	size_t			 i, struck;

	s = test_store_open(path);
	id = add_story(s, "q1", P1, P2);
	assert_string_equal(quotes_of(s, id), "Nobody called us first=an "
	    "official|the talks would go on=Kasimir Oll|We will talk again "
	    "next week=Anja Brekk|The line holds.=Zelensky|");
	fix(s, id, "Nobody", LIB_FIX_UNNAMED, "a   senior official");
	fix(s, id, "the talks", LIB_FIX_SPEAKER, "Kasimir Oll");
	fix(s, id, "The line", LIB_FIX_NOT_QUOTE, NULL);
	fix(s, id, "We will", LIB_FIX_UNNAMED, NULL);
	fix(s, id, "We will", LIB_FIX_SPEAKER, "Anja Brekk");
#define FIXED "Nobody called us first=a senior official*|the talks would " \
	"go on=Kasimir Oll*|We will talk again next week=Anja Brekk*|"
	assert_string_equal(quotes_of(s, id), FIXED);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quote_fixes"),
	    4);
	assert_int_equal(library_story_quotes(s, id, &x, &err), 0);
	assert_int_equal(x.n, 4);
	for (i = struck = 0; i < x.n; i++) {
		assert_true(x.v[i].corrected);
		struck += x.v[i].not_quote;
	}
	assert_int_equal(struck, 1);
	assert_string_equal(x.v[1].speaker, "Kasimir Oll");
	assert_string_equal(x.v[1].speaker_kind, "person");
	library_story_quotes_free(&x);
	/* The sidebar marks the speakers whose quotes were corrected. */
	assert_int_equal(library_entities(s, id, &ents, &err), 0);
	for (i = struck = 0; i < ents.n; i++)
		if (ents.v[i].group == LIB_SPEAKER && ents.v[i].corrected)
			struck++;
	assert_int_equal(struck, 3);
	library_entities_free(&ents);

	reanalyse(s, id);
	assert_string_equal(quotes_of(s, id), FIXED);
	/* Words moved by a new first paragraph: found again by them. */
	update_story(s, id, "A new first paragraph.", P1 "\n\n" P2);
	assert_string_equal(quotes_of(s, id), FIXED);
	assert_int_equal(test_sql_int(path, "SELECT min(start) FROM"
	    " quote_fixes"), 25);
	/* Words gone: the correction waits, and holds when they are back. */
	update_story(s, id, "\"Somebody called us,\" an official said.", P2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quote_fixes"
	    " WHERE placed = 0"), 2);
	update_story(s, id, P1, P2);
	assert_string_equal(quotes_of(s, id), FIXED);
	/* No text at all: every correction waits, none is listed. */
	update_story(s, id, "", NULL);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quote_fixes"
	    " WHERE placed = 1"), 0);
	assert_int_equal(library_story_quotes(s, id, &x, &err), 0);
	assert_int_equal(x.n, 0);
	update_story(s, id, P1, P2);
	assert_string_equal(quotes_of(s, id), FIXED);
	store_close(s);
	s = test_store_open(path);
	assert_string_equal(quotes_of(s, id), FIXED);
	store_close(s);
	free(path);
}

/* A credited quote the extractor no longer finds is put back. */
static void
test_quote_put_back(void **state)
{
	char		*path = test_tmp_path("back.db"), *err = NULL;
	struct store	*s;
	struct extract	 x;
	int64_t		 id;

	s = test_store_open(path);
	id = add_story(s, "b1", P1, NULL);
	fix(s, id, "the talks", LIB_FIX_SPEAKER, "Kasimir Oll");
	memset(&x, 0, sizeof x);
	x.text = P1 "\n\n";
	x.len = strlen(P1);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_extract_replace(s, id, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_string_equal(quotes_of(s, id),
	    "the talks would go on=Kasimir Oll*|");
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes"
	    " WHERE kind = 'indirect'"), 1);
	store_close(s);
	free(path);
}

/* Undo: the correction goes, the story to analyse again is given. */
static void
test_quote_unfix(void **state)
{
	char		*path = test_tmp_path("undo.db"), *err = NULL, *msg;
	struct store	*s;
	int64_t		 id, *ids;
	size_t		 nids, b, e;

	s = test_store_open(path);
	id = add_story(s, "u1", P1, P2);
	fix(s, id, "Nobody", LIB_FIX_UNNAMED, NULL);
	fix(s, id, "The line", LIB_FIX_NOT_QUOTE, NULL);
	quote_span(s, id, "The line", &b, &e);
	msg = NULL;
	assert_int_equal(library_quote_unfix(s, id, b, e, &ids, &nids, &msg,
	    &err), 0);
	assert_int_equal(nids, 1);
	assert_true(ids[0] == id);
	free(ids);
	free(msg);
	quote_span(s, id, "Nobody", &b, &e);
	assert_int_equal(library_quote_unfix(s, id, b, e, &ids, &nids, &msg,
	    &err), 0);
	free(ids);
	free(msg);
	assert_int_equal(library_quote_unfix(s, id, b, e, &ids, &nids, &msg,
	    &err), 1);
	assert_string_equal(msg, "that quote has no correction");
	free(msg);
	reanalyse(s, id);
	assert_string_equal(quotes_of(s, id), "Nobody called us first=an "
	    "official|the talks would go on=Kasimir Oll|We will talk again "
	    "next week=Anja Brekk|The line holds.=Zelensky|");
	store_close(s);
	free(path);
}

/* What is refused: no story, no quote, names too long or unsafe. */
static void
test_quote_refused(void **state)
{
	char		*path = test_tmp_path("bad.db"), *err, *msg = NULL;
	char		*big;
	struct lib_fix	 f = { LIB_FIX_SPEAKER, NULL, "Anja Brekk" };
	struct store	*s;
	int64_t		 id;
	size_t		 b, e;

	s = test_store_open(path);
	id = add_story(s, "r1", P1, P2);
	quote_span(s, id, "Nobody", &b, &e);
	err = NULL;
	assert_int_equal(library_quote_fix(s, 999, b, e, &f, &msg, &err), -1);
	assert_string_equal(err, "no story with id 999");
	free(err);
	err = NULL;
	assert_int_equal(library_quote_fix(s, id, b + 1, e, &f, &msg, &err),
	    -1);
	assert_non_null(strstr(err, "has no quote at"));
	free(err);
	big = xmalloc(10001);
	memset(big, 'a', 10000);
	big[10000] = '\0';
	f.who = big;
	err = NULL;
	assert_int_equal(library_quote_fix(s, id, b, e, &f, &msg, &err), -1);
	assert_non_null(strstr(err, "too long"));
	free(err);
	free(big);
	f.who = "Anja \x1b[31mBrekk";
	err = NULL;
	assert_int_equal(library_quote_fix(s, id, b, e, &f, &msg, &err), -1);
	assert_string_equal(err, "the speaker's name has control characters");
	free(err);
	f.who = "Anja \xc2\x9b" "31mBrekk";
	err = NULL;
	assert_int_equal(library_quote_fix(s, id, b, e, &f, &msg, &err), -1);
	free(err);
	f.who = " \t ";
	err = NULL;
	assert_int_equal(library_quote_fix(s, id, b, e, &f, &msg, &err), -1);
	free(err);
	f.who = "Anja Brekk";
	f.kind = "place";
	err = NULL;
	assert_int_equal(library_quote_fix(s, id, b, e, &f, &msg, &err), -1);
	free(err);
	assert_null(msg);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quote_fixes"),
	    0);
	store_close(s);
	free(path);
}

/* A story whose one person (kind person) is mentioned and quoted. */
static int64_t
add_named(struct store *s, const char *guid, const char *name,
    const char *title)
{
	struct article	 a;
	struct extract	 x;
	struct ex_quote	 q;
	char		*err = NULL, *body;
	size_t		 e;
	int64_t		 id;

	xasprintf(&body, "\"Yes,\" %s said.", name);
	article_init(&a);
	a.guid = xstrdup(guid);
	article_add_paragraph(&a, body, strlen(body), 0);
	memset(&x, 0, sizeof x);
	x.text = a.body;
	x.len = a.body_len;
	e = extract_entity_add(&x, EX_PERSON, name, strlen(name));
	if (title != NULL)
		x.ents[e].title = xstrdup(title);
	extract_mention_add(&x, 7, 7 + strlen(name), e);
	memset(&q, 0, sizeof q);
	q.start = 1;
	q.end = 4;
	q.kind = EX_DIRECT;
	q.cue_start = q.cue_end = EX_NONE;
	q.sp_start = 7;
	q.sp_end = 7 + strlen(name);
	q.entity = e;
	q.source = EX_SOURCE_ENTITY;
	extract_quote_add(&x, &q);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, store_local_feed(s, &err), &a,
	    guid, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	id = a.id;
	x.text = NULL;
	extract_free(&x);
	article_free(&a);
	free(body);
	return id;
}

#define COUNT_OF(who) "SELECT count(*) FROM mentions m JOIN entities e" \
	" ON e.id = m.entity_id WHERE e.name = '" who "'"

/*
 * A merge moves every mention and quote now, maps the alias in every
 * story stored later, refuses a loop, and is undone.
 */
static void
test_merge(void **state)
{
	char		*path = test_tmp_path("merge.db"), *err = NULL, *msg;
	struct store	*s;
	int64_t		*ids;
	size_t		 nids;

	s = test_store_open(path);
	add_named(s, "m1", "Bibi", NULL);
	add_named(s, "m2", "Benjamin Netanyahu", NULL);
	msg = NULL;
	if (library_merge(s, NULL, "Bibi", "Benjamin Netanyahu", &msg,
	    &err) != 0)
		fail_msg("%s", err);
	assert_string_equal(msg, "merged Bibi into Benjamin Netanyahu "
	    "(1 mention, 1 quote)");
	free(msg);
	assert_int_equal(test_sql_int(path, COUNT_OF("Benjamin Netanyahu")),
	    2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM entities"
	    " WHERE name = 'Bibi'"), 0);
	add_named(s, "m3", "Bibi", NULL);
	assert_int_equal(test_sql_int(path, COUNT_OF("Benjamin Netanyahu")),
	    3);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes q"
	    " JOIN entities e ON e.id = q.speaker_id"
	    " WHERE e.name = 'Benjamin Netanyahu'"), 3);
	/* Back the other way would be a loop; an unknown name has no kind. */
	assert_int_equal(library_merge(s, NULL, "Benjamin Netanyahu",
	    "Bibi", &msg, &err), -1);
	assert_non_null(strstr(err, "loop"));
	free(err);
	err = NULL;
	assert_int_equal(library_merge(s, NULL, "Nobody Known", "Bibi",
	    &msg, &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(library_merge(s, "person", "Bibi", "Bibi",
	    &msg, &err), -1);
	free(err);
	err = NULL;
	/* Undone: the stories to analyse again are every one it touched. */
	if (library_unmerge(s, NULL, "Bibi", &ids, &nids, &msg, &err) != 0)
		fail_msg("%s", err);
	free(msg);
	assert_int_equal(nids, 3);
	free(ids);
	assert_int_equal(library_unmerge(s, NULL, "Bibi", &ids, &nids,
	    &msg, &err), 1);
	free(msg);
	add_named(s, "m4", "Bibi", NULL);
	assert_int_equal(test_sql_int(path, COUNT_OF("Bibi")), 1);
	store_close(s);
	free(path);
}

/* A role set by the user holds on every mention, now and later. */
static void
test_person(void **state)
{
	char		*path = test_tmp_path("person.db"), *err = NULL, *msg;
	struct store	*s;
	int64_t		*ids;
	size_t		 nids;

	s = test_store_open(path);
	add_named(s, "p1", "Hanne Lutz", "Energy Minister");
	msg = NULL;
	assert_int_equal(library_person_set(s, NULL, "Hanne Lutz",
	    "Economy and Energy Minister", NULL, &msg, &err), 0);
	free(msg);
	assert_int_equal(library_person_set(s, NULL, "Hanne Lutz", NULL,
	    "Valdoria", &msg, &err), 0);
	free(msg);
	add_named(s, "p2", "Hanne Lutz", "Minister");
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM mentions"
	    " WHERE title = 'Economy and Energy Minister'"
	    " AND affiliation = 'Valdoria'"), 2);
	assert_int_equal(library_person_set(s, NULL, "Hanne Lutz", NULL, NULL,
	    &msg, &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(library_person_unset(s, NULL, "Hanne Lutz", &ids,
	    &nids, &msg, &err), 0);
	free(msg);
	assert_int_equal(nids, 2);
	free(ids);
	assert_int_equal(library_person_unset(s, NULL, "Hanne Lutz", &ids,
	    &nids, &msg, &err), 1);
	free(msg);
	store_close(s);
	free(path);
}

/*
 * A library of schema 8 (before corrections) is migrated when opened:
 * the tables come, its stories stay, and corrections made then survive
 * the next open.
 */
static void
test_migrate_8(void **state)
{
	char		*path = test_tmp_path("v8.db");
	struct store	*s;
	int64_t		 id;

	s = test_store_open(path);
	id = add_story(s, "v1", P1, P2);
	store_close(s);
	test_sql_exec(path, "DROP INDEX entities_key; DROP INDEX entities_surname;"
	    "ALTER TABLE entities DROP COLUMN name_key;"
	    "ALTER TABLE entities DROP COLUMN surname;"
	    "DROP TABLE quote_fixes; DROP TABLE entity_aliases;"
	    "DROP TABLE entity_fixes; ALTER TABLE quotes DROP COLUMN corrected;"
	    "ALTER TABLE quotes DROP COLUMN continues;" TEST_UNDO_12
	    "PRAGMA user_version = 8;");
	s = test_store_open(path);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	fix(s, id, "Nobody", LIB_FIX_UNNAMED, "a senior official");
	store_close(s);
	s = test_store_open(path);
	assert_non_null(strstr(quotes_of(s, id),
	    "Nobody called us first=a senior official*|"));
	store_close(s);
	free(path);
}

/* A quote split by its cue, and a quote of its own by the same speaker. */
#define SPLIT	"\"We will not be hurried,\" Anja Brekk said, \"and we will " \
	"not be quiet.\" Brekk said: \"The line holds.\""

/* The sidebar's count of quotes of a speaker in story id. */
static size_t
speaker_count(struct store *s, int64_t id, const char *name)
{
	struct lib_entities	 ents;
	char			*err = NULL;
	size_t			 i, n = 0;

	assert_int_equal(library_entities(s, id, &ents, &err), 0);
	for (i = 0; i < ents.n; i++)
		if (ents.v[i].group == LIB_SPEAKER &&
		    strcmp(ents.v[i].name, name) == 0)
			n = ents.v[i].count;
	library_entities_free(&ents);
	return n;
}

/*
 * A quote split by its cue is one statement: two rows, the second naming
 * the first, counted once in the sidebar, listed once with its parts
 * joined (show, the quotes view); a correction of either part applies
 * to both, over re-analysis too, and striking one part strikes both.
 */
static void
test_split_statement(void **state)
{
	char			*path = test_tmp_path("split.db"), *err = NULL;
	struct lib_entities	 ents;
	struct lib_people	 p;
	struct lib_quotes	 lq;
	struct article		 a;
	struct store		*s;
	int64_t			 id;
	size_t			 i;

	(void)state;
	s = test_store_open(path);
	id = add_story(s, "split", SPLIT, NULL);
	assert_string_equal(quotes_of(s, id), "We will not be hurried=Anja "
	    "Brekk|and we will not be quiet.=Anja Brekk|The line holds.=Anja "
	    "Brekk|");
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes q"
	    " JOIN quotes h ON h.id = q.continues AND h.start < q.start"
	    " AND h.continues IS NULL"), 1);
	assert_int_equal(speaker_count(s, id, "Anja Brekk"), 2);
	/* show: the statement's parts joined, once */
	assert_int_equal(store_article_get(s, id, &a, &err), 0);
	assert_int_equal(library_people(s, &a, &p, &err), 0);
	assert_int_equal(p.nspeakers, 1);
	assert_int_equal(p.speakers[0].n, 2);
	assert_string_equal(p.speakers[0].quotes[0], "We will not be hurried"
	    LIB_QUOTE_JOIN "and we will not be quiet.");
	assert_string_equal(p.speakers[0].quotes[1], "The line holds.");
	library_people_free(&p);
	article_free(&a);
	/* the quotes view: the same */
	assert_int_equal(library_quotes(s, "person", "Anja Brekk", &lq, &err),
	    0);
	assert_int_equal(lq.n, 2);
	for (i = 0; i < lq.n; i++)
		if (lq.v[i].start == 1)
			assert_string_equal(lq.v[i].text, "We will not be "
			    "hurried" LIB_QUOTE_JOIN "and we will not be quiet.");
	library_quotes_free(&lq);

	/* credited by its second part: the statement is credited */
	fix(s, id, "and we will", LIB_FIX_UNNAMED, "a party official");
#define SPLIT_FIXED "We will not be hurried=a party official*|and we will " \
	"not be quiet.=a party official*|The line holds.=Anja Brekk|"
	assert_string_equal(quotes_of(s, id), SPLIT_FIXED);
	assert_int_equal(speaker_count(s, id, "Anja Brekk"), 1);
	assert_int_equal(speaker_count(s, id, "A party official"), 1);
	/* an unnamed source's statement is one mark, its parts and cue */
	assert_int_equal(library_entities(s, id, &ents, &err), 0);
	for (i = 0; i < ents.n; i++)
		if (ents.v[i].unnamed) {
			assert_int_equal(ents.v[i].nspans, 1);
			assert_int_equal(ents.v[i].spans[0].start, 1);
			assert_int_equal(ents.v[i].spans[0].end, 69);
		}
	library_entities_free(&ents);
	reanalyse(s, id);
	assert_string_equal(quotes_of(s, id), SPLIT_FIXED);
	/* a library of schema 10 has its parts linked by the migration */
	store_close(s);
	test_sql_exec(path, TEST_UNDO_12 "ALTER TABLE quotes DROP COLUMN"
	    " continues; PRAGMA user_version = 10;");
	s = test_store_open(path);
	assert_int_equal(test_sql_int(path, "SELECT sum(q.start * 1000 +"
	    " h.start) FROM quotes q JOIN quotes h ON h.id = q.continues"),
	    44 * 1000 + 1);
	assert_string_equal(quotes_of(s, id), SPLIT_FIXED);
	assert_int_equal(speaker_count(s, id, "Anja Brekk"), 1);
	/* struck out by its first part: no part is left */
	fix(s, id, "We will not", LIB_FIX_NOT_QUOTE, NULL);
	assert_string_equal(quotes_of(s, id), "The line holds.=Anja Brekk|");
	reanalyse(s, id);
	assert_string_equal(quotes_of(s, id), "The line holds.=Anja Brekk|");
	store_close(s);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote_fixes),
		cmocka_unit_test(test_quote_put_back),
		cmocka_unit_test(test_quote_unfix),
		cmocka_unit_test(test_quote_refused),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_person),
		cmocka_unit_test(test_migrate_8),
		cmocka_unit_test(test_split_statement),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
