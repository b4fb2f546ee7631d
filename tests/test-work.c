/*
 * Unit tests: the ordered pipeline (work.c) hands every item to done once,
 * in order, after its prep, and stops where done says; and extraction run
 * on many stories at once by its threads (after extract_init) finds what
 * it finds one story at a time.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "buf.h"
#include "extract.h"
#include "work.h"
#include "banned.h"

#define NITEMS	2000

struct order {
	size_t	 prepped[NITEMS];
	size_t	 seen;		/* done calls so far */
	int	 bad;		/* done saw an item out of order or unprepared */
	size_t	 stop_at;	/* done returns 7 here */
};

static void
order_prep(size_t i, void *arg)
{
	struct order	*o = arg;
	struct timespec	 ts = { 0, (long)(i % 7) * 1000 };

	nanosleep(&ts, NULL);	/* prep times vary: threads overtake */
	o->prepped[i] = i * 3 + 1;
}

static int
order_done(size_t i, void *arg)
{
	struct order	*o = arg;

	if (i != o->seen || o->prepped[i] != i * 3 + 1)
		o->bad = 1;
	o->seen++;
	return i == o->stop_at ? 7 : 0;
}

static void
test_order(void **state)
{
	static struct order	o;
	int			threads;

	(void)state;
	for (threads = 0; threads <= 4; threads++) {
		memset(&o, 0, sizeof o);
		o.stop_at = NITEMS;
		assert_int_equal(work_run(NITEMS, threads, order_prep,
		    order_done, &o), 0);
		assert_int_equal(o.seen, NITEMS);
		assert_false(o.bad);
	}
	memset(&o, 0, sizeof o);
	o.stop_at = 0;
	assert_int_equal(work_run(1, WORK_CORES, order_prep, order_done, &o),
	    7);
	assert_int_equal(o.seen, 1);
	assert_int_equal(work_run(0, 2, order_prep, order_done, &o), 0);
}

static void
test_stop(void **state)
{
	static struct order	o;

	(void)state;
	memset(&o, 0, sizeof o);
	o.stop_at = 500;
	assert_int_equal(work_run(NITEMS, 3, order_prep, order_done, &o), 7);
	assert_int_equal(o.seen, 501);
	assert_false(o.bad);
}

#define NTEXTS	400

struct texts {
	char		*text[NTEXTS];
	struct buf	 out[NTEXTS];
	struct buf	 serial[NTEXTS];
};

/* What an analysis found, as text to compare. */
static void
summary(const char *text, struct buf *b)
{
	struct extract	x;
	size_t		i;

	extract_run(&x, text, strlen(text));
	for (i = 0; i < x.nments; i++)
		buf_printf(b, "m %zu %zu %d\n", x.ments[i].start,
		    x.ments[i].end, (int)x.ments[i].entity);
	for (i = 0; i < x.nquotes; i++)
		buf_printf(b, "q %zu %zu %d %zu\n", x.quotes[i].start,
		    x.quotes[i].end, (int)x.quotes[i].kind,
		    x.quotes[i].sp_start);
	extract_free(&x);
}

static void
texts_prep(size_t i, void *arg)
{
	struct texts	*t = arg;

	summary(t->text[i], &t->out[i]);
}

static int
texts_done(size_t i, void *arg)
{
	(void)i;
	(void)arg;
	return 0;
}

static void
test_extract_threads(void **state)
{
	static struct texts	t;
	static const char *const names[] = { "Anja Brekk", "Sergei Ryabkov",
	    "the ministry", "Reuters", "a senior official", "Ilse Varga" };
	static const char *const verbs[] = { "said", "told reporters",
	    "warned", "added", "according to" };
	size_t			 i;

	(void)state;
	for (i = 0; i < NTEXTS; i++) {
		struct buf b;

		buf_init(&b);
		buf_printf(&b, "MOSCOW (Reuters) - Russian Deputy Foreign "
		    "Minister %s met %s on Monday. \"We will not succumb to "
		    "pressure %zu,\" %s %s. The Kremlin's spokesman, Dmitry "
		    "Peskov, said talks in Tehran would go on. %s said the "
		    "council of Europe and NATO were told.",
		    names[i % 6], names[(i + 1) % 6], i, verbs[i % 5],
		    names[(i + 2) % 6], names[(i + 3) % 6]);
		t.text[i] = buf_detach(&b);
		buf_init(&t.out[i]);
		buf_init(&t.serial[i]);
	}
	/*
	 * On four threads at once first, in a process that has not
	 * analysed anything yet (the tables built by extract_init), then
	 * one at a time.
	 */
	extract_init();
	assert_int_equal(work_run(NTEXTS, 4, texts_prep, texts_done, &t), 0);
	for (i = 0; i < NTEXTS; i++)
		summary(t.text[i], &t.serial[i]);
	for (i = 0; i < NTEXTS; i++) {
		assert_non_null(t.out[i].data);
		assert_string_equal(t.out[i].data, t.serial[i].data);
		free(t.text[i]);
		buf_free(&t.out[i]);
		buf_free(&t.serial[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_extract_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
