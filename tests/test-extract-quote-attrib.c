/*
 * Unit tests: who said a quote, where the answer must be a person the
 * text names or nobody. Each case is a text written for these tests (the
 * invented world of samples/README.md), the words a quote starts with,
 * and its speaker's words as the text has them (NULL: no speaker, or no
 * quote at all when quote is NULL; "-": no quote starting there).
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

#include "extract.h"

struct acase {
	const char	*what;
	const char	*text;
	const char	*quote;		/* the quote's first words */
	const char	*end;		/* its last words, or NULL: any */
	const char	*speaker;	/* NULL: none */
};

static const struct acase cases[] = {
	{ "a nickname in marks is part of the name, not a quote",
	  "\"We will hold the harbour,\" Dalia \"Dee\" Orsk said on "
	  "Monday.",
	  "We will hold", NULL, "Dalia \"Dee\" Orsk" },
	{ "Del., as Va. and Md., ends no sentence before a name",
	  "\"We will hold the harbour!\" Del. Dalia Orsk shouted to the "
	  "crowd.",
	  "We will hold", NULL, "Del. Dalia Orsk" },
	{ "a year before the speaker is no speaker",
	  "On July 6, 2015, Varga made the following comment:\n\n"
	  "\"We will not sign anything the parliament has not read, and we "
	  "will say so in Port Avery.\"",
	  "We will not sign", NULL, "Varga" },
	{ "a year before a name is not part of it",
	  "Most voters hope that in 2027 Marovia says, \"We are done with "
	  "the old quarrels and the old borders.\"",
	  "We are done", NULL, "Marovia" },
	{ "a group counted in figures still speaks",
	  "Of the members polled, 73 percent said the council had failed "
	  "them.",
	  "the council had failed", NULL, "73 percent" },
	{ "a 9/11 widow: the slash of a date joins the phrase",
	  "\"The harbour was never safe for the crews,\" said 9/11 widow "
	  "Terry Halm.",
	  "The harbour was never", NULL, "9/11 widow Terry Halm" },
	{ "what he called \"Q\": the marked words only, his, by name",
	  "Prime Minister Aurel Brekk spoke in Korvala on Monday.\n\n"
	  "Brekk attacked what he called \"fake news\" at the rally.",
	  "\"fake news\"", "news\"", "Brekk" },
	{ "what it called \"Q\": it is the sentence's subject, named",
	  "The Northern States Council on Friday condemned what it called "
	  "\"a reckless act of piracy\" in the strait.",
	  "\"a reckless act", "piracy\"", "The Northern States Council" },
	{ "what they called \"Q\": the subject, plural as they are",
	  "The Velmark Greens condemned what they called \"a reckless act "
	  "of piracy\" in the strait.",
	  "\"a reckless act", "piracy\"", "The Velmark Greens" },
	{ "what they called \"Q\": not a subject cut from its noun",
	  "Harbour officials condemned what they called \"a reckless act "
	  "of piracy\" in the strait.",
	  "\"a reckless act", "piracy\"", "they" },
	{ "what they called \"Q\": not half of two subjects",
	  "Dalmarra and Velmark rejected what they called \"a fiction\" "
	  "at the talks.",
	  "\"a fiction", "fiction\"", "they" },
	{ "what he called: a longer phrase keeps its marked words",
	  "Secretary General Ilse Varga condemned what she called a "
	  "\"brazen breach\" of the ceasefire by the northern units.",
	  "a \"brazen breach\"", "breach\"", "Ilse Varga" },
	{ "X said she recalled Q: one quote of X's",
	  "Interior Minister Lidia Stansk said she recalled that the harbour "
	  "had been closed twice before the vote.",
	  "she recalled that", "the vote", "Interior Minister Lidia Stansk" },
	{ "X said she recalled: \"Q\": the sentence's name, not the pronoun",
	  "Interior Minister Lidia Stansk said she recalled: \"The harbour "
	  "had been closed twice before the vote.\"",
	  "The harbour had been", NULL, "Lidia Stansk" },
	{ "X said Q, but he said R: the pronoun of its own clause stays",
	  "Defence Minister Piet Harnack agreed that the border rules were "
	  "old, but he said that any change should wait for the new "
	  "parliament.",
	  "any change should wait", NULL, "he" },
	{ "a framed fragment in a later sentence is not the last speaker's",
	  "Varga said the port would stay open through the winter. The "
	  "rules require a \"proof of lawful cargo from a registered port "
	  "of origin,\" and few ships have one.",
	  "proof of lawful cargo", NULL, "-" },
	{ "a fragment with no cue and no speaker is no quote",
	  "The harbour board met on Monday. The new code bans what it "
	  "terms \"any cargo of uncertain origin or doubtful papers\" from "
	  "the northern quays.",
	  "any cargo of uncertain", NULL, "-" },
	{ "sentences of their own in marks stay a quote, unattributed",
	  "The harbour board met on Monday.\n\n"
	  "\"We will not open the northern quays until every ship has "
	  "shown its papers to the board.\"",
	  "We will not open", NULL, NULL },
	{ "according to a survey published by X: X publishes, and tells",
	  "Turnout in the north fell by a third, according to a survey "
	  "published this week by the Sarvenian Electoral Institute.",
	  "Turnout in the north", NULL, "the Sarvenian Electoral Institute" },
	{ "X said Y and Z had argued Q: one clause, its subject two names",
	  "Diplomats said Velmark and Dalmarra had argued that new "
	  "sanctions would raise gas prices.",
	  "Velmark and Dalmarra", "gas prices", "Diplomats" },
	{ "X said Q and Y said R: still two clauses",
	  "Varga said the port would close and Brekk said the army would "
	  "stay.",
	  "the army would", NULL, "Brekk" },
	{ "\"Q, echoing X\": X is echoed, not the speaker of Q",
	  "The state broadcaster covered the march as a show of loyalty, "
	  "echoing Defence Minister Piet Harnack.",
	  "The state broadcaster", NULL, "-" },
	{ "\"Q, repeating X\": the same with another participle",
	  "The harbour board will keep the northern quays closed, "
	  "repeating port director Ilse Varga.",
	  "The harbour board", NULL, "-" },
	{ "a cue word after a determiner and an adverb is an adjective",
	  "The harbour board praised his recently revealed plan for the "
	  "northern quays and the winter ferries.",
	  "plan for the northern", NULL, "-" },
	{ "a cue word before \"that\" and a finite verb is a noun",
	  "The court in Korvala dropped any criminal charges that might have "
	  "arisen from the search of the ship.",
	  "might have arisen", NULL, "-" },
	{ "\"Having said that\" is the writer's idiom, not a cue",
	  "The vote was close. Having said that, the council will meet again "
	  "in the spring to vote on the harbour rules.",
	  "the council will meet", NULL, "-" },
	{ "a cue word after a pronoun before \"that\" is still a verb",
	  "The ministry wrote to the board. It claims that would end the "
	  "quarrel over the northern quays.",
	  "would end the quarrel", NULL, "It" },
	{ "\"Q,\" the letter reads: a text's words are read out",
	  "The families sent a letter to the harbour board. \"We ask only "
	  "that the northern quays stay open through the winter,\" the "
	  "letter reads.",
	  "We ask only", NULL, "the letter" },
	{ "reading with no marks reports nothing",
	  "Interior Minister Lidia Stansk reads the harbour reports every "
	  "morning before the council meets.",
	  "the harbour reports", NULL, "-" },
	{ "\"Q?\" a narrator asks: a nounish form closing the clause",
	  "The board's film ends on the harbour. \"Who will keep the "
	  "northern quays open when the winter comes?\" a narrator asks. "
	  "Then the lights go out.",
	  "Who will keep", NULL, "a narrator" },
	{ "what they call \"Q\": the subject of the sentence",
	  "Interior Minister Lidia Stansk spoke on Monday.\n\n"
	  "The Civic Dawn campaign is contrasting her plan with what they "
	  "call a \"harbour tax by stealth.\"",
	  "a \"harbour tax", NULL, "The Civic Dawn campaign" },
	{ "what they call \"Q\": no subject the text shows, the pronoun",
	  "Interior Minister Lidia Stansk spoke on Monday.\n\n"
	  "The Civic Dawn campaign contrasted her plan with what they call "
	  "a \"harbour tax by stealth.\"",
	  "a \"harbour tax", NULL, "they" },
	{ "It is denouncing what it calls \"Q\": its first It",
	  "The Marovian embassy wrote to the board on Monday.\n\n"
	  "Interior Minister Lidia Stansk answered the letter. It is "
	  "denouncing what it calls \"the single worst breach of the "
	  "harbour rules.\"",
	  "\"the single worst", NULL, "It" },
	{ "X told them how to Q: an instruction, no speech",
	  "Readers may not let the harbour board tell them how to vote on "
	  "the northern quays this winter.",
	  "how to vote", NULL, "-" },
	{ "X told Y to Q: an order, no speech",
	  "Interior Minister Lidia Stansk told the harbour guards to close "
	  "the northern quays before the storm.",
	  "to close the northern", NULL, "-" },
	{ "a transcript's (CROSSTALK) is no quote",
	  "\"VARGA: We will not sign anything the parliament has not read, "
	  "and we will say so in Port Avery --.\n\n\"(CROSSTALK.)\n\n"
	  "\"OLL: Governor, let me finish the question first.",
	  "(CROSSTALK.)", NULL, "-" },
	{ "a quote with no cue after a sentence a person opens: hers",
	  "The harbour board met on Monday.\n\n"
	  "Interior Minister Lidia Stansk walked along the northern quays "
	  "after the vote. \"We will keep every quay open through the "
	  "winter, whatever the board decides next.\"",
	  "We will keep every", NULL, "Lidia Stansk" },
	{ "... but not after a possessive: \"Stansk's family\"",
	  "The harbour board met on Monday.\n\n"
	  "Lidia Stansk's family walked along the northern quays after the "
	  "vote. \"We will keep every quay open through the winter, "
	  "whatever the board decides next.\"",
	  "We will keep every", NULL, NULL },
	{ "Said Varga: \"Q\": the verb before its speaker",
	  "The council will vote on the harbour rules in the spring. Said "
	  "Varga: \"We will not sign anything the parliament has not read.\"",
	  "We will not sign", NULL, "Varga" },
	{ "a spaced hyphen is a dash, not part of the speaker's name",
	  "Brekk left behind new rules for the quays and an ambitious - "
	  "some say reckless - plan to dredge the northern harbour by "
	  "spring.",
	  "reckless", NULL, "some" },
	{ "X added a thing: no clause, no quote",
	  "The harbour board had added the extra week of ferries, known as "
	  "the winter week, after the storms of 2019.",
	  "the extra week", NULL, "-" },
	{ "X maintains a thing: no clause, no quote",
	  "The Korvala office of the ministry maintains a program to train "
	  "young harbour pilots in the north.",
	  "a program to train", NULL, "-" },
	{ "X agreed a thing: no clause, no quote",
	  "Leaders at the Korvala summit agreed a joint declaration on "
	  "border security but could not agree on a price cap.",
	  "a joint declaration", NULL, "-" },
	{ "X proposed a thing and Y: no clause, no quote",
	  "The harbour board proposed a new levy and a fund for pilots.",
	  "a new levy", NULL, "-" },
	{ "X agreed a clause with its finite verb: a quote",
	  "Varga agreed the harbour would stay open through the winter.",
	  "the harbour would stay", NULL, "Varga" },
	{ "X added a clause with its finite verb: a quote",
	  "Varga added the harbour would stay open through the winter for "
	  "every ship.",
	  "the harbour would stay", NULL, "Varga" },
	{ "Q, X said, R, although S: S is the writer's",
	  "The latest storm, Varga said, was the worst in a decade, although "
	  "it may take weeks to count the damage to the quays.",
	  "The latest storm", "in a decade", "Varga" },
	{ "\"Q!\" X shouted to the crowd: the cue ends its clause",
	  "The guests filled the harbour hall. \"This is a big year for "
	  "the quays and for all of us!\" Varga shouted to the crowd.",
	  "This is a big year", NULL, "Varga" },
	{ "X commented: \"Q\"",
	  "After the debate, a friend commented: \"For you the "
	  "harbour is the only reason to vote at all.\"",
	  "For you the harbour", NULL, "a friend" },
	{ "\"Q,\" it added: the pronoun alone is the source",
	  "The Korvala Herald printed the letter on Monday. \"The port "
	  "will stay open through the winter for every registered ship,\" "
	  "it added.",
	  "The port will stay", NULL, "it" },
	{ "a fragment in the sentence of the speaker's cue is the speaker's",
	  "\"We have done our part,\" Varga said, and the council still "
	  "\"owes the families of the crews a full account of the night.\"",
	  "owes the families", NULL, "Varga" },
	{ "X said that Y called for Q: one quote, told by X",
	  "Government spokesman Tomas Reyl said on Monday that President "
	  "Aurel Brekk has long called for lower taxes on small farms.",
	  "President Aurel Brekk", "small farms", "Government spokesman Tomas Reyl" },
	{ "X said that Y called for Q: no second quote of Y's",
	  "Government spokesman Tomas Reyl said on Monday that President "
	  "Aurel Brekk has long called for lower taxes on small farms.",
	  "lower taxes", NULL, "-" },
	{ "While X conceded Q, Y noted R: Q ends at the comma",
	  "While she conceded that the plan was late, Varga also noted that "
	  "the harbour had reopened on time.",
	  "the plan was late", "late", "she" },
	{ "While X conceded Q, Y noted R: R is Y's",
	  "While she conceded that the plan was late, Varga also noted that "
	  "the harbour had reopened on time.",
	  "the harbour had reopened", NULL, "Varga" },
	{ "a dateline in capitals is never the subject",
	  "KORVALA -- Prime Minister Aurel Brekk, opening the new harbour "
	  "on Saturday, said the port would serve the whole coast.",
	  "the port would serve", NULL, "Prime Minister Aurel Brekk" },
	{ "X is recorded in detail: \"Q\": a subject that cannot speak",
	  "The crowd's anger at the council is recorded in detail:\n\n"
	  "\"They sold the harbour and kept the money for the ministry.\"",
	  "They sold the harbour", NULL, NULL },
	{ "X released the following statement: \"Q\": a body speaks",
	  "The Marovian embassy released the following statement: \"The "
	  "ship was a civilian research vessel on a charted course.\"",
	  "The ship was", NULL, "The Marovian embassy" },
	{ "X said Q, but R: R is the writer's",
	  "The Valdorian government has promised it would veto the harbour "
	  "bill, but the council is expected to pass it anyway.",
	  "it would veto the harbour bill", "bill",
	  "The Valdorian government" },
	{ "As X put it, Y is \"Q\": the idiom names the speaker",
	  "The port reopened in May. As Harbour Master Ilse Varga put it in a "
	  "statement, the new rules are \"a gift to the smugglers of the "
	  "whole coast.\"",
	  "a gift to the smugglers", NULL, "Harbour Master Ilse Varga" },
	{ "\"Q,\" as X put it",
	  "The port is \"a gift to the smugglers of the whole coast,\" as "
	  "Varga put it.",
	  "a gift to the smugglers", NULL, "Varga" },
	{ "Q, declared bankruptcy: a cue with its object is no quote",
	  "One after another, the shipping firms of the northern coast, "
	  "including Marogas, declared bankruptcy.",
	  NULL, NULL, NULL },
	{ "Q, said X in a place: X ends before the place",
	  "The talks did not go well with the delegates, and the meeting "
	  "broke up early, said one official in the room.",
	  "The talks did not go well", NULL, "one official" },
	{ "X asked Y to Q: a request is not speech",
	  "Valdoria has asked Marovia to stop selling drones to the northern "
	  "militias.",
	  NULL, NULL, NULL },
	{ "X asked whether Q: a question is not speech",
	  "Brekk asked whether the harbour would reopen before the winter "
	  "storms.",
	  NULL, NULL, NULL },
	{ "X urged Y to Q: a request is not speech",
	  "Foreign Minister Ilse Varga urged both sides to return to the "
	  "talks in Korvala.",
	  NULL, NULL, NULL },
	{ "X called on Y to Q: a request is not speech",
	  "The Civic Dawn leader called on the government to release the "
	  "detained students at once.",
	  NULL, NULL, NULL },
	{ "X called for Q: a stated position is still reported",
	  "Lidia Stansk called for an independent inquiry into the "
	  "shootings at the border post.",
	  "an independent inquiry", NULL, "Lidia Stansk" },
	{ "X is saying that Q: the progressive is the speaker's own act",
	  "The Marovian port authority is saying that the new dock will "
	  "open in May.",
	  "the new dock", NULL, "The Marovian port authority" },
	{ "he's claiming that Q: \"'s\" after a pronoun is \"is\"",
	  "Brekk spoke in Korvala on Monday. He's claiming that the count "
	  "was rigged in three districts.",
	  "the count was rigged", NULL, "He" },
	{ "X now says Q: an adverb of time between subject and cue",
	  "Varga now says she opposes the harbour treaty.",
	  "she opposes", NULL, "Varga" },
	{ "a captain who said Q: the relative pronoun speaks for the noun",
	  "The minister met a ferry captain who said the harbour had been "
	  "closed without warning.",
	  "the harbour had been", "warning", "who" },
	{ "A captain who said Q filed R: the subject's clause runs on",
	  "A ferry captain who said the harbour was closed filed a "
	  "complaint in Korvala.",
	  NULL, NULL, NULL },
	{ "the audit, which notes that Q, ...: the clause ends at the comma",
	  "The audit, which notes that the port lost 40 ships last year, "
	  "was published on Monday.",
	  "the port lost 40 ships", "last year", "which" },
	{ "X, who have long argued that Q, ...: an adverb after who",
	  "Lawmakers in Korvala, who have long argued that the ferries need "
	  "a subsidy, voted against the budget.",
	  "the ferries need", "subsidy", "who" },
	{ "X told Y never to Q: an order, even negated, is not speech",
	  "Varga told her aides never to speak of the treaty in public.",
	  NULL, NULL, NULL },
	{ "X argued, since Q: a clause of reason is the writer's",
	  "Nobody in the cabinet argued, since the ferries now run on time.",
	  NULL, NULL, NULL },
	{ "X announced, since R, that Q: the words after \"that\"",
	  "Few in the cabinet objected when Varga announced, since the talks "
	  "had failed, that the port would close.",
	  "the port would close", NULL, "Varga" },
	{ "X noted that Q \u2014 an aside \u2014 R: the pair of dashes is inside",
	  "Varga noted that the harbour \u2014 closed since the storm in "
	  "March \u2014 would reopen before the summer.",
	  "the harbour", "before the summer", "Varga" },
	{ "X said Q \u2014 R: one dash ends what was said",
	  "Holm said the treaty was void \u2014 a claim the envoy rejected "
	  "on Friday.",
	  "the treaty was void", "void", "Holm" },
	{ "X said Q, according to lawyers: the lawyers tell it, X said Q whole",
	  "Port officials said the ferries would run again on Monday, "
	  "according to lawyers for the crews.",
	  "Port officials said", "on Monday", "lawyers for the crews" },
	{ "X said Q, according to a person named: that person tells it",
	  "The mayor said the harbour would stay open, according to Ilse "
	  "Varga.",
	  "The mayor said", "stay open", "Ilse Varga" },
	{ "X said Q, according to AGENCY: the agency only carries it",
	  "The ministry said the border would stay closed, according to "
	  "MARNA.",
	  "the border would", "closed", "The ministry" },
	{ "X joked that Q: a cue of manner before \"that\" reports words",
	  "Brekk joked that the ferries were the only thing in Korvala that "
	  "ran on time.",
	  "the ferries were", NULL, "Brekk" },
	{ "X responded by saying Q: the sentence's subject speaks",
	  "Brekk responded to the envoy on Monday by saying the harbour "
	  "would stay closed.",
	  "the harbour would stay closed", NULL, "Brekk" },
	{ "X did Y and repeatedly said Q: an adverb before the second cue",
	  "Varga waved to the crowd and repeatedly said the ferries would "
	  "run again.",
	  "the ferries would run again", NULL, "Varga" },
	{ "X quietly did Y, saying Q: the adverb is not part of the subject",
	  "Brekk quietly welcomed the envoys, saying the treaty was a good "
	  "start.",
	  "the treaty was a good start", NULL, "Brekk" },
	{ "Q, X said, until R: a clause of time after the cue is the writer's",
	  "The harbour was safe for the crews, Holm said, until the storm "
	  "came in March.",
	  "The harbour was safe", "for the crews", "Holm" },
	{ "X said that, if R, Q: a clause of condition after \"that\" is said",
	  "Brekk said that, if elected, he would reopen the harbour.",
	  "if elected", "harbour", "Brekk" },
	{ "X said Q, and when asked R: the writer's clause after the comma",
	  "Varga said the ferries would not run on Sundays, and when asked "
	  "about the strike, she walked away.",
	  "the ferries would not", "on Sundays", "Varga" },
	{ "X's claim that Q: a noun of saying owned by its speaker",
	  "The envoys dismissed Varga's claim that the border posts had been "
	  "moved at night.",
	  "the border posts had been", "at night", "Varga" },
	{ "the Marovian embassy's insistence that Q: a body owns the noun",
	  "Few believed the Marovian embassy's insistence that the ferries "
	  "were safe.",
	  "the ferries were safe", NULL, "the Marovian embassy" },
	{ "his claim that Q: a pronoun that owns the noun is read no further",
	  "The envoys dismissed his claim that the border posts had been "
	  "moved at night.",
	  NULL, NULL, NULL },
	{ "what X says Q would do: the object of the cue is \"what\"",
	  "Nobody in Korvala knows what Brekk says the treaty would cost the "
	  "port.",
	  NULL, NULL, NULL },
	{ "X wouldn't tell Y that Q: a negated cue reports nothing said",
	  "Varga wouldn't tell reporters that the port had been closed.",
	  NULL, NULL, NULL },
	{ "words in marks inside a reported clause with its own cue: once",
	  "\"This is not right,\" Varga said. \"You sold the harbour to the "
	  "highest bidder\" to raise the price of your shares, she said.",
	  "You sold the harbour", NULL, "-" },
	{ "X called Y on Monday to R: a telephone call, not words",
	  "Brekk called the envoy on Monday to discuss the border.",
	  NULL, NULL, NULL },
	{ "X called Y in favour of R a mistake: a name given is reported",
	  "At the forum, Varga called her vote in favour of the treaty a "
	  "mistake.",
	  "her vote in favour", NULL, "Varga" },
	{ "His partner, X, did R. \"Q\": the name after the first comma",
	  "His former business partner at the port, Ilse Varga, praised him "
	  "at length. \"He never once missed a payment to the crews in all "
	  "the years we worked together on the harbour.\"",
	  "He never once missed", NULL, "Ilse Varga" },
	{ "Meanwhile, it did R, saying Q: a pronoun opening the clause",
	  "The Marovian embassy issued a statement on Monday. Meanwhile, it "
	  "attacked the treaty, saying the ferries would never run on time.",
	  "the ferries would never run", NULL, "it" },
	{ "X was fined for saying that Q: a cue after \"for\" is the subject's",
	  "Brekk was fined by the council for saying that the harbour "
	  "accounts had been forged.",
	  "the harbour accounts", NULL, "Brekk" },
	{ "X said R, but he refuses S, aside from saying Q: the nearer subject",
	  "Varga has said that many people want the post, but he refuses to "
	  "name anyone, aside from saying he wants a younger cabinet.",
	  "he wants a younger", NULL, "he" },
	{ "X notes they were R: a form that is as often a noun, after a name",
	  "The envoys were chosen by her rival, though Varga notes they were "
	  "appointed before she took office.",
	  "they were appointed", NULL, "Varga" },
	{ "Theresa May said Q: a capitalised \"May\" inside a name is no modal",
	  "The vote was close. Prime Minister Anna May said this week that "
	  "the country would leave the union by March.",
	  "the country would leave", NULL, "Prime Minister Anna May" },
	{ "X just this month announced Q: \"just\" before the cue",
	  "Avery Dynamics just this month announced it would close the plant "
	  "in Port Avery.",
	  "it would close the plant", NULL, "Avery Dynamics" },
	{ "Y did R \"Q,\" the agency reported: only the marked words",
	  "President Andrej Kostal congratulated Brekk on his \"convincing "
	  "victory,\" the Marovian News Agency reported.",
	  "convincing victory", "victory", "the Marovian News Agency" },
	{ "While X said Q, Y did R: the main clause is the writer's",
	  "While Varga said the harbour was safe for the crews, Brekk closed "
	  "it on Monday.",
	  "the harbour was safe", "for the crews", "Varga" },
	{ "Although X insisted that Q, Y did R: the same with a pronoun",
	  "Although the envoy insisted that the border posts had not moved, "
	  "he ordered an inquiry.",
	  "the border posts", "not moved", "the envoy" },
	{ "Q, X said, compared with R: the comparison is the writer's",
	  "The port would lose 40 ships, the ministry said, compared with 12 "
	  "last year.",
	  "The port would lose", "40 ships", "the ministry" },
	{ "what X described as R: with no marks, no words of X's",
	  "The envoys were engaging in what analysts described as the usual "
	  "tactics before a summit.",
	  NULL, NULL, NULL },
	{ "X warned harbour officials to R: an order, whatever the object",
	  "Last month the ministry warned harbour officials to check every "
	  "ferry before it sailed.",
	  NULL, NULL, NULL },
	{ "X told port officials that Q: a clause after the object is said",
	  "The ministry told port officials that every ferry would be "
	  "checked.",
	  "every ferry would be", NULL, "The ministry" },
	{ "\"Q,\" X urged: the words in marks are still spoken",
	  "\"Go back to the table and stay there,\" Varga urged the "
	  "delegates.",
	  "Go back to the table", NULL, "Varga" },
	{ "X says R \"Q.\" Y adds, \"S\": Q is X's, Y's cue introduces S",
	  "Varga says the treaty is \"a trap for the harbour towns.\" Brekk "
	  "adds, \"We will never sign it.\"",
	  "the treaty is", "towns.\"", "Varga" },
	{ "\"Q.\" X adds, \"R\": R is X's",
	  "Varga says the treaty is \"a trap for the harbour towns.\" Brekk "
	  "adds, \"We will never sign it.\"",
	  "We will never", NULL, "Brekk" },
	{ "a mark opened again mid-paragraph cuts the quote from the one "
	  "before: a title in marks is no later paragraph of it",
	  "\"WALLACE: Let us start with the harbour deal.\n\n"
	  "\"VARGA: Well, he thinks this is an episode of \xe2\x80\x9c"
	  "Harbour Watch.\xe2\x80\x9d It is serious.\n\n"
	  "\"WALLACE: Thank you, Minister.\"",
	  "Harbour Watch", NULL, "-" },
	{ "... and the quote before, open, still goes on into that "
	  "paragraph: kept, with its label",
	  "\"WALLACE: Let us start with the harbour deal.\n\n"
	  "\"VARGA: Well, he thinks this is an episode of \xe2\x80\x9c"
	  "Harbour Watch.\xe2\x80\x9d It is serious.\n\n"
	  "\"WALLACE: Thank you, Minister.\"",
	  "WALLACE: Let us", NULL, "WALLACE" },
	{ "In a letter posted Friday, X said Q: a letter in a fronted "
	  "phrase posts nothing, X says Q",
	  "In a letter posted on Friday, Varga said the treaty was a trap "
	  "for the harbour towns.",
	  "the treaty was", NULL, "Varga" },
	{ "In a letter posted Friday, X said Q: no quote of the letter's",
	  "In a letter posted on Friday, Varga said the treaty was a trap "
	  "for the harbour towns.",
	  "Varga said", NULL, "-" },
	{ "X, who joked of Y, \"Q\": the relative's name speaks, not the "
	  "sentence's subject",
	  "His visit was the centre of a ceremony with singers and actors, "
	  "among them Dalia Orsk, who joked of the harbour, \"I have not "
	  "seen it yet, but I will.\"",
	  "I have not seen", NULL, "who" },
	{ "X, who said of Y: \"Q\"",
	  "The ceremony drew crowds and singers, among them Dalia Orsk, who "
	  "said of the harbour: \"I have not seen it yet, but I will.\"",
	  "I have not seen", NULL, "who" },
	{ "X disclosed them to Y: an object pronoun starts no clause",
	  "Officials learned of the letters on Friday and almost "
	  "immediately disclosed them to the press, which first reported "
	  "the story.",
	  NULL, NULL, NULL },
	{ "X said them Q: no; \"the offer to them\" is still a clause",
	  "Varga said the offer to them was fair and would stand.",
	  "the offer to them", NULL, "Varga" },
	{ "a straight mark left open before a paragraph opening with a curly "
	  "one is stray: no statement going on",
	  "\xe2\x80\x9cHere comes the minister,\xe2\x80\x9d Orsk said, "
	  "clapping.\n\n"
	  "\"Kevin was asleep on the sofa.\n\n"
	  "\xe2\x80\x9cHe is here at last,\xe2\x80\x9d she said.",
	  "Kevin was", NULL, "-" },
	{ "a statement over paragraphs, each opening with the same mark",
	  "Varga said:\n\n"
	  "\xe2\x80\x9cThe harbour will close in June and the ferries will "
	  "stop.\n\n"
	  "\xe2\x80\x9cThe crews will be paid until the end of the year.\xe2"
	  "\x80\x9d",
	  "The crews will", NULL, "Varga" },
	{ "X described Y as a \"Q\" after R: X's words end with the marks",
	  "Varga described the treaty as a \"trap\" after the talks in "
	  "Drossen broke down.",
	  "the treaty as", "trap\"", "Varga" },
	{ "X described Y as \"Q\" who \"R\": marks a few words apart are "
	  "one description",
	  "Orsk described Brekk as \"a harbour thief\" who \"never paid a "
	  "crew\" in his life, and left the hall.",
	  "Brekk as", "crew\"", "Orsk" },
	{ "X did R, posted a thing: a second cue's object is no clause",
	  "Varga toured the harbour on Monday, posted photographs of the "
	  "ferries and left for Drossen.",
	  NULL, NULL, NULL },
	{ "X stood up and accused him of R: no clause after \"him\"",
	  "Orsk stood up in the hall and accused him of lying to the crews.",
	  NULL, NULL, NULL },
	{ "X denied the charges: a thing denied, no clause",
	  "Varga denied the charges against the harbour board on Monday.",
	  NULL, NULL, NULL },
	{ "X confirmed R would Q: a clause, with its finite verb",
	  "Orsk confirmed the ferries would stop in June.",
	  "the ferries would", NULL, "Orsk" },
	{ "X admitted (under R) he had not Q: a clause, with its subject",
	  "Brekk admitted under questioning he had not read the treaty.",
	  "under questioning he", NULL, "Brekk" },
	{ "X denied its forces used R: a verb in the past shows a clause",
	  "Marovia has denied its forces used drones in the harbour.",
	  "its forces used", NULL, "Marovia" },
	{ "\"Q,\" X told Y, adding, \"R\": R is X's, as Q",
	  "\"The talks are over for now. The crews can go home,\" the "
	  "minister told reporters at the port, adding, \"Nobody wants a "
	  "strike in the harbour.\"",
	  "Nobody wants", NULL, "the minister" },
	{ "\"Q,\" X said, adding later, \"R\": one quote R, not two",
	  "\xe2\x80\x9cWe cannot afford this,\xe2\x80\x9d Varga said, "
	  "adding later, \xe2\x80\x9cThe harbour is costing us a fortune, "
	  "and yes, we pay for it, but we spend a lot.\xe2\x80\x9d",
	  "The harbour is", "a lot.", "Varga" },
	{ "\"Q,\" X said, adding later, \"R\": no second quote of R from "
	  "its mark",
	  "\xe2\x80\x9cWe cannot afford this,\xe2\x80\x9d Varga said, "
	  "adding later, \xe2\x80\x9cThe harbour is costing us a fortune, "
	  "and yes, we pay for it, but we spend a lot.\xe2\x80\x9d",
	  "\xe2\x80\x9cThe harbour is", NULL, "-" },
	{ "a lone \"The\" cut from its noun is no speaker: nobody rather "
	  "than a word",
	  "The bias begins to show when looking at how the website rated "
	  "this statement by Orsk on June 11:\n\n"
	  "\xe2\x80\x9cIf you look at what is going on in the harbour, the "
	  "ferries are an example: 59 percent idle.\xe2\x80\x9d",
	  "If you look", NULL, NULL },
};

#define BAD(...)	do { print_message(__VA_ARGS__); \
	print_message("\n"); goto out; } while (0)

/* Check one case: 0 if it holds, 1 (and a message) if not. */
static int
check_case(const struct acase *c)
{
	struct extract		 x;
	const struct ex_quote	*q = NULL;
	const char		*p;
	size_t			 i, start, n;

	extract_run(&x, c->text, strlen(c->text));
	if (c->quote == NULL) {
		if (x.nquotes != 0)
			BAD("%s: %zu quotes, expected none", c->what,
			    x.nquotes);
		extract_free(&x);
		return 0;
	}
	p = strstr(c->text, c->quote);
	assert_non_null(p);
	start = (size_t)(p - c->text);
	for (i = 0; i < x.nquotes; i++)
		if (x.quotes[i].start == start)
			q = &x.quotes[i];
	if (c->speaker != NULL && strcmp(c->speaker, "-") == 0) {
		if (q != NULL)
			BAD("%s: a quote [%s...], expected none", c->what,
			    c->quote);
		extract_free(&x);
		return 0;
	}
	if (q == NULL) {
		for (i = 0; i < x.nquotes; i++)
			print_message("  got [%.*s]\n", (int)(x.quotes[i].end -
			    x.quotes[i].start), c->text + x.quotes[i].start);
		BAD("%s: no quote [%s...]", c->what, c->quote);
	}
	if (c->end != NULL) {
		n = strlen(c->end);
		if (q->end < start + n || memcmp(c->text + q->end - n, c->end,
		    n) != 0)
			BAD("%s: quote [%.*s], expected it to end [%s]",
			    c->what, (int)(q->end - q->start),
			    c->text + q->start, c->end);
	}
	if (c->speaker == NULL) {
		if (q->sp_start != EX_NONE)
			BAD("%s: speaker [%.*s], expected none", c->what,
			    (int)(q->sp_end - q->sp_start),
			    c->text + q->sp_start);
	} else if (q->sp_start == EX_NONE)
		BAD("%s: no speaker, expected [%s]", c->what, c->speaker);
	else if (q->sp_end - q->sp_start != strlen(c->speaker) ||
	    memcmp(c->text + q->sp_start, c->speaker, strlen(c->speaker)) != 0)
		BAD("%s: speaker [%.*s], expected [%s]", c->what,
		    (int)(q->sp_end - q->sp_start), c->text + q->sp_start,
		    c->speaker);
	extract_free(&x);
	return 0;
out:
	extract_free(&x);
	return 1;
}

static void
test_speakers(void **state)
{
	size_t	i, bad = 0;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		bad += check_case(&cases[i]);
	if (bad > 0)
		fail_msg("%zu of %zu cases failed", bad,
		    sizeof cases / sizeof cases[0]);
}

/* The name of the person the quote starting with words is credited to. */
static const char *
credited(const struct extract *x, const char *words)
{
	const char	*p = strstr(x->text, words);
	size_t		 i;

	assert_non_null(p);
	for (i = 0; i < x->nquotes; i++)
		if (x->quotes[i].start == (size_t)(p - x->text))
			return x->quotes[i].entity == EX_NONE ? "-" :
			    x->ents[x->quotes[i].entity].name;
	fail_msg("no quote [%s]", words);
	return NULL;
}

/*
 * "the Civic Dawn leader told the crowd": the one person the text titles
 * so ("Civic Dawn leader Lidia Stansk"); no one when two fit, or when the
 * named words are not in anyone's title or affiliation.
 */
static void
test_titled(void **state)
{
	static const char one[] =
	    "Civic Dawn leader Lidia Stansk arrived in Korvala late.\n\n"
	    "\"They stopped us to check the tyres,\" the Civic Dawn leader "
	    "told the crowd.";
	static const char two[] =
	    "Civic Dawn leader Lidia Stansk and Civic Dawn leader Oyla "
	    "Bressk arrived in Korvala late.\n\n"
	    "\"They stopped us to check the tyres,\" the Civic Dawn leader "
	    "told the crowd.";
	static const char other[] =
	    "Civic Dawn leader Lidia Stansk arrived in Korvala late.\n\n"
	    "\"They stopped us to check the tyres,\" the Harbour Union leader "
	    "told the crowd.";
	struct extract	x;

	(void)state;
	extract_run(&x, one, sizeof one - 1);
	assert_string_equal(credited(&x, "They stopped"), "Lidia Stansk");
	extract_free(&x);
	extract_run(&x, two, sizeof two - 1);
	assert_string_equal(credited(&x, "They stopped"), "-");
	extract_free(&x);
	extract_run(&x, other, sizeof other - 1);
	assert_string_equal(credited(&x, "They stopped"), "-");
	extract_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speakers),
		cmocka_unit_test(test_titled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
