/*
 * Unit tests for lib/keylist.c: how ssh-keygen -l finds keys and
 * comments in .pub, authorized_keys, known_hosts and odd files.  The
 * byte-for-byte comparison with ssh-keygen is in regress/unit/fp.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "test.h"

#define DATA	"regress/data/fp/"

/* "type base64" of the key file path, malloc'd. */
static char *
pubpart(const char *path)
{
	size_t len, n;
	char *s = (char *)t_slurp(path, &len);

	n = strcspn(s, " ");
	n += 1 + strcspn(s + n + 1, " \n");
	s[n] = '\0';
	return s;
}

/* The key of the key file path. */
static struct key *
loadkey(const char *path)
{
	struct key *k = NULL;
	char *s = pubpart(path);

	if (key_parse_text(s, strlen(s), &k, NULL) != 0)
		exit(1);
	free(s);
	return k;
}

/*
 * The next key of kl must be on line lineno and, if want is not NULL,
 * equal it; its comment must be wantc (NULL for none).
 */
static void
expect(struct keylist *kl, size_t lineno, const struct key *want,
    const char *wantc, const char *what)
{
	struct key *k = NULL;
	char *c = NULL;
	size_t n = 0;
	int r;

	r = keylist_next(kl, &k, &c, &n);
	T_EQ(r, 0, "%s: a key", what);
	T_EQ(n, lineno, "%s: on line %zu", what, lineno);
	T_OK(r == 0 && (want == NULL || key_equal_public(k, want)),
	    "%s: the right key", what);
	T_OK(wantc == NULL ? c == NULL : c != NULL && strcmp(c, wantc) == 0,
	    "%s: comment \"%s\" (got \"%s\")", what,
	    wantc == NULL ? "(none)" : wantc, c == NULL ? "(none)" : c);
	key_free(k);
	free(c);
}

static void
expect_end(struct keylist *kl, const char *what)
{
	struct key *k = NULL;
	char *c = NULL;

	T_EQ(keylist_next(kl, &k, &c, NULL), KE_NOTFOUND, "%s: end", what);
	T_OK(k == NULL && c == NULL, "%s: nothing returned at end", what);
	T_EQ(keylist_next(kl, &k, &c, NULL), KE_NOTFOUND, "%s: stays at end",
	    what);
}

static struct keylist *
open_text(const char *s, size_t len, int flags)
{
	struct keylist *kl = NULL;

	if (keylist_open((const u_char *)s, len, flags, &kl) != 0)
		exit(1);
	return kl;
}

static void
test_empty(void)
{
	struct keylist *kl;
	const char *s;

	kl = open_text("", 0, 0);
	expect_end(kl, "empty text");
	keylist_free(kl);
	s = "\n \t\n# only comments\n   # indented\n";
	kl = open_text(s, strlen(s), 0);
	expect_end(kl, "blank and comment lines");
	T_EQ(keylist_nskipped(kl), 0, "blank lines are not skipped keys");
	keylist_free(kl);
	s = "garbage\nssh-ed25519\nssh-ed25519 AAAA\n";
	kl = open_text(s, strlen(s), 0);
	expect_end(kl, "no keys");
	T_EQ(keylist_nskipped(kl), 3, "three lines skipped");
	T_EQ(keylist_nforeign(kl), 0, "none foreign");
	keylist_free(kl);
	T_EQ(keylist_open(NULL, 0, 0x10, &kl), KE_INTERNAL, "unknown flag");
	T_OK(kl == NULL, "no list on error");
}

static void
test_pub(void)
{
	struct key *a = loadkey(DATA "k01.pub");
	struct keylist *kl;
	size_t len;
	u_char *t = t_slurp(DATA "k01.pub", &len);

	kl = open_text((char *)t, len, 0);
	expect(kl, 1, a, "alice@example.com", ".pub file");
	expect_end(kl, ".pub file");
	keylist_free(kl);
	free(t);
	t = t_slurp(DATA "k02.pub", &len);
	kl = open_text((char *)t, len, 0);
	expect(kl, 1, NULL, NULL, "empty comment");
	keylist_free(kl);
	free(t);
	t = t_slurp(DATA "k11.pub", &len);
	kl = open_text((char *)t, len, 0);
	expect(kl, 1, NULL, NULL, "a comment starting with # is not taken");
	keylist_free(kl);
	free(t);
	t = t_slurp(DATA "k01-cert.pub", &len);
	kl = open_text((char *)t, len, 0);
	expect(kl, 1, a, "alice@example.com", "certificate");
	keylist_free(kl);
	free(t);
	key_free(a);
}

/* Lines without a comment of their own, with and without the carry. */
static void
test_carry(void)
{
	char *a = pubpart(DATA "k01.pub"), *b = pubpart(DATA "k03.pub");
	struct keylist *kl;
	char text[1024];
	int n;

	n = snprintf(text, sizeof(text), "%s one\n%s\n", a, b);
	kl = open_text(text, (size_t)n, 0);
	expect(kl, 1, NULL, "one", "carry: first");
	expect(kl, 2, NULL, "", "carry: the NUL getline left");
	keylist_free(kl);
	kl = open_text(text, (size_t)n, KEYLIST_OWNCOMMENT);
	expect(kl, 1, NULL, "one", "own: first");
	expect(kl, 2, NULL, NULL, "own: no comment");
	keylist_free(kl);

	n = snprintf(text, sizeof(text), "hostA %s\n%s\n", a, b);
	kl = open_text(text, (size_t)n, 0);
	expect(kl, 1, NULL, "hostA", "carry: host field");
	expect(kl, 2, NULL, b, "carry: offset 0 is the whole next line");
	keylist_free(kl);

	n = snprintf(text, sizeof(text), "hostA %s trailing A\n%s\n", a, b);
	kl = open_text(text, (size_t)n, 0);
	expect(kl, 1, NULL, "trailing A", "carry: trailing comment");
	expect(kl, 2, NULL, "trailing A", "carry: stale bytes past the NUL");
	keylist_free(kl);

	n = snprintf(text, sizeof(text), "@revoked * %s\n%s\n", a, b);
	kl = open_text(text, (size_t)n, 0);
	expect(kl, 2, NULL, b, "carry: from a skipped marker line");
	T_EQ(keylist_nskipped(kl), 1, "marker line skipped");
	keylist_free(kl);
	free(a);
	free(b);
}

static void
test_known_hosts(void)
{
	static const struct {
		size_t		 line;
		const char	*comment;
	} want[] = {
		{ 2, "host1,host1.example.com,192.0.2.1" },
		{ 3, "[host2]:2222" },
		{ 4, "trailing comment" },
		{ 5, NULL },		/* hashed; checked below */
		{ 8, "host6" },
		{ 9, "host7" },
		{ 10, "host8" },
		{ 11, "host9,!bad*" },
		{ 13, "host10" },
		{ 15, "last" },
	};
	struct key *k1 = loadkey(DATA "k01.pub"), *k = NULL;
	struct keylist *kl;
	size_t len, i, n;
	u_char *t = t_slurp(DATA "known_hosts", &len);
	char *c = NULL;

	kl = open_text((char *)t, len, 0);
	for (i = 0; i < nitems(want); i++) {
		if (want[i].comment != NULL) {
			expect(kl, want[i].line, i == 0 ? k1 : NULL,
			    want[i].comment, "known_hosts");
			continue;
		}
		T_EQ(keylist_next(kl, &k, &c, &n), 0, "hashed host line");
		T_OK(n == want[i].line && c != NULL &&
		    strncmp(c, "|1|", 3) == 0, "hashed host is the comment");
		key_free(k);
		free(c);
	}
	expect_end(kl, "known_hosts");
	T_EQ(keylist_nforeign(kl), 1, "one ecdsa line");
	T_EQ(keylist_nskipped(kl), 2, "@cert-authority and @revoked skipped");
	keylist_free(kl);
	key_free(k1);
	free(t);
}

static void
test_authorized_keys(void)
{
	struct keylist *kl;
	size_t len;
	u_char *t = t_slurp(DATA "authorized_keys", &len);
	struct key *k = NULL;

	kl = open_text((char *)t, len, 0);
	expect(kl, 1, NULL, "plain comment", "authorized_keys");
	expect(kl, 2, NULL, "command=\"echo hi there\",no-pty",
	    "options without a comment");
	expect(kl, 3, NULL, "quoted opts", "escaped quotes in options");
	expect(kl, 4, NULL, "from-comment", "from= option");
	expect(kl, 5, NULL, "from-comment", "stale comment");
	expect(kl, 6, NULL, "cert-authority,principals=\"a b\"",
	    "quoted blank in options");
	T_EQ(keylist_next(kl, &k, NULL, NULL), 0, "certificate line");
	T_OK(k != NULL && k->cert != NULL, "a certificate");
	key_free(k);
	keylist_free(kl);

	kl = open_text((char *)t, len, KEYLIST_OWNCOMMENT);
	expect(kl, 1, NULL, "plain comment", "own");
	expect(kl, 2, NULL, "command=\"echo hi there\",no-pty", "own");
	expect(kl, 3, NULL, "quoted opts", "own");
	expect(kl, 4, NULL, "from-comment", "own");
	expect(kl, 5, NULL, NULL, "own: no stale comment");
	while (keylist_next(kl, &k, NULL, NULL) == 0)
		key_free(k);
	T_EQ(keylist_nforeign(kl), 1, "one ecdsa line");
	T_EQ(keylist_nskipped(kl), 0, "nothing else skipped");
	keylist_free(kl);
	free(t);
}

static void
test_edge(void)
{
	static const size_t lines[] = { 2, 3, 6, 8, 9, 11, 13, 15, 16, 17,
	    19, 20, 21, 22 };
	struct keylist *kl;
	struct key *k = NULL;
	size_t len, i, n;
	u_char *t = t_slurp(DATA "edge.txt", &len);
	char *c = NULL;

	kl = open_text((char *)t, len, 0);
	for (i = 0; i < nitems(lines); i++) {
		T_EQ(keylist_next(kl, &k, &c, &n), 0, "edge key %zu", i);
		T_EQ(n, lines[i], "edge key %zu on line %zu", i, lines[i]);
		if (lines[i] == 2)
			T_OK(c != NULL && strcmp(c, "crlf\r") == 0,
			    "CR stays in the comment");
		if (lines[i] == 9)
			T_OK(c != NULL && strcmp(c, "with") == 0,
			    "a NUL ends the line");
		if (lines[i] == 22)
			T_OK(c != NULL && strcmp(c, "last") == 0,
			    "last line without newline");
		key_free(k);
		free(c);
	}
	expect_end(kl, "edge.txt");
	T_EQ(keylist_nforeign(kl), 2, "two ecdsa lines");
	T_EQ(keylist_nskipped(kl), 5, "five lines skipped");
	keylist_free(kl);
	free(t);
}

/* Blobs: white space inside is skipped, trailing bytes are not. */
static void
test_blobs(void)
{
	char *a = pubpart(DATA "k01.pub"), *cert, text[4096];
	struct keylist *kl;
	int n;

	n = snprintf(text, sizeof(text), "%.30s\f\v%s x\n", a, a + 30);
	kl = open_text(text, (size_t)n, 0);
	expect(kl, 1, NULL, "x", "\\f and \\v inside base64");
	keylist_free(kl);

	/* the blob of k01 with a zero byte appended */
	n = snprintf(text, sizeof(text), "ssh-ed25519 %sAA== x\n", a + 12);
	kl = open_text(text, (size_t)n, 0);
	expect_end(kl, "trailing bytes in the blob");
	keylist_free(kl);

	cert = pubpart(DATA "k01-cert.pub");
	n = snprintf(text, sizeof(text), "ssh-ed25519 %s x\n%s %s y\n",
	    strchr(cert, ' ') + 1, KEY_CERT_TYPE, a + 12);
	kl = open_text(text, (size_t)n, 0);
	expect_end(kl, "type word and blob disagree");
	T_EQ(keylist_nskipped(kl), 2, "both skipped");
	keylist_free(kl);
	free(cert);
	free(a);
}

static void
test_private(void)
{
	static const struct {
		const char	*text;
		size_t		 len;	/* 0: strlen */
		int		 want;
	} v[] = {
		{ "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n", 0, 1 },
		{ " \t-----BEGIN OPENSSH PRIVATE KEY-----\n", 0, 1 },
		{ "-----BEGIN RSA PRIVATE KEY-----", 0, 1 },
		{ "ssh-ed25519 AAAA PRIVATE KEY\n", 0, 1 },
		{ "\n-----BEGIN OPENSSH PRIVATE KEY-----\n", 0, 0 },
		{ "# -----BEGIN OPENSSH PRIVATE KEY-----\n", 0, 0 },
		{ "ssh-ed25519 AAAA x\nPRIVATE KEY\n", 0, 0 },
		{ "PRIVATE\0KEY", 11, 0 },
		{ "PRIVATE KE", 0, 0 },
		{ "", 0, 0 },
	};
	size_t i;

	for (i = 0; i < nitems(v); i++)
		T_EQ(keylist_is_private((const u_char *)v[i].text,
		    v[i].len != 0 ? v[i].len : strlen(v[i].text)), v[i].want,
		    "is_private case %zu", i);
}

int
main(void)
{
	test_empty();
	test_pub();
	test_carry();
	test_known_hosts();
	test_authorized_keys();
	test_edge();
	test_blobs();
	test_private();
	return t_done();
}
