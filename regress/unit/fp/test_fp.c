/*
 * Unit tests for lib/fp.c and lib/sshvis.c.  The golden files in
 * regress/data/fp are ssh-keygen's own output (mkdata.sh); each must be
 * matched byte for byte, in the C.UTF-8 and the C locale.
 */
#include "compat.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fp.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "sshvis.h"
#include "test.h"

#define DATA	"regress/data/fp/"

/* The ssh-keygen flags behind each section of a golden file. */
static const struct {
	const char	*name;
	int		 hash, verbose, bubble;
} modes[] = {
	{ "l", FP_SHA256, 0, 0 },	/* -l */
	{ "lv", FP_SHA256, 1, 0 },	/* -lv */
	{ "lm", FP_MD5, 0, 0 },		/* -l -E md5 */
	{ "lvm", FP_MD5, 1, 0 },	/* -lv -E md5 */
	{ "B", FP_SHA256, 0, 1 },	/* -B */
	{ "Bv", FP_SHA256, 1, 1 },	/* -Bv */
	{ "Bvm", FP_MD5, 1, 1 },	/* -Bv -E md5 */
};

/* 1 if b holds exactly the NUL-terminated s. */
static int
buf_is(const struct buf *b, const char *s)
{
	return buf_len(b) == strlen(s) &&
	    memcmp(buf_ptr(b), s, buf_len(b)) == 0;
}

static void
test_hashes(void)
{
	struct buf *b = buf_new();

	T_EQ(fp_sha256(b, (const u_char *)"", 0), 0, "sha256 of nothing");
	T_OK(buf_is(b, "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
	    "sha256 unpadded base64");
	buf_reset(b);
	T_EQ(fp_md5(b, (const u_char *)"abc", 3), 0, "md5 of abc");
	T_OK(buf_is(b, "MD5:90:01:50:98:3c:d2:4f:b0:d6:96:3f:7d:28:e1:7f:72"),
	    "md5 lowercase hex pairs");
	buf_free(b);
}

static void
test_babble(void)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		/* the vectors of the bubblebabble specification */
		{ "", "xexax" },
		{ "1234567890", "xesef-disof-gytuf-katof-movif-baxux" },
		{ "Pineapple", "xigak-nyryk-humil-bosek-sonax" },
	};
	struct buf *b = buf_new();
	size_t i;

	for (i = 0; i < nitems(v); i++) {
		buf_reset(b);
		T_EQ(fp_babble(b, (const u_char *)v[i].in, strlen(v[i].in)), 0,
		    "babble \"%s\"", v[i].in);
		T_OK(buf_is(b, v[i].out), "babble \"%s\" is %s", v[i].in,
		    v[i].out);
	}
	/* SHA-1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709 */
	buf_reset(b);
	T_EQ(fp_bubblebabble(b, (const u_char *)"", 0), 0, "bubble of nothing");
	T_OK(buf_is(b, "xukif-namov-vilek-rodab-tisah-hozev-zyhik-bikyn-barot-"
	    "mocab-nexox"), "bubblebabble of SHA-1(\"\")");
	/* SHA-1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d */
	buf_reset(b);
	T_EQ(fp_bubblebabble(b, (const u_char *)"abc", 3), 0, "bubble of abc");
	T_OK(buf_is(b, "xopen-nozof-kaceb-kibek-povif-venel-cavih-babek-selet-"
	    "bikon-tixox"), "bubblebabble of SHA-1(\"abc\")");
	buf_free(b);
}

static void
test_randomart(void)
{
	struct buf *b = buf_new();
	const char *p;

	/* no moves: the end overwrites the start in the middle */
	T_EQ(fp_randomart(b, NULL, 0, "ED25519", 256, "SHA256"), 0,
	    "randomart of nothing");
	T_OK(buf_is(b, "+--[ED25519 256]--+\n"
	    "|                 |\n|                 |\n|                 |\n"
	    "|                 |\n|        E        |\n|                 |\n"
	    "|                 |\n|                 |\n|                 |\n"
	    "+----[SHA256]-----+"), "empty field, no final newline");
	buf_reset(b);
	T_EQ(fp_randomart(b, (const u_char *)"\xff", 1, "ED25519-CERT", 256,
	    "MD5"), 0, "cert title");
	p = (const char *)buf_ptr(b);
	T_OK(strncmp(p, "+-[ED25519-CERT]--+\n", 20) == 0, "title too wide");
	T_OK(strncmp(p + 20 * 10, "+------[MD5]------+", 19) == 0 &&
	    buf_len(b) == 20 * 10 + 19, "md5 footer");
	/* four moves down-right from (8,4) end at (12,8) */
	T_OK(strncmp(p + 20 * 5, "|        S        |", 19) == 0,
	    "start marked");
	T_OK(strncmp(p + 20 * 7, "|          .      |", 19) == 0,
	    "path counted");
	T_OK(strncmp(p + 20 * 9, "|            E    |", 19) == 0,
	    "end marked");
	buf_reset(b);
	/* OpenSSH only falls back when the title exceeds 17; 17 is cut */
	T_EQ(fp_randomart(b, NULL, 0, "ABCDEFGHIJKLM", 1, "X"), 0, "17 wide");
	p = (const char *)buf_ptr(b);
	T_OK(strncmp(p, "+[ABCDEFGHIJKLM 1-+\n", 20) == 0,
	    "17-char title cut to 16, as OpenSSH");
	buf_free(b);
}

static void
test_words(void)
{
	struct buf *b = buf_new();
	size_t i, j, n = 0;
	const char *w;

	T_OK(strcmp(fp_pgp_even[0], "aardvark") == 0 &&
	    strcmp(fp_pgp_even[255], "zulu") == 0 &&
	    strcmp(fp_pgp_odd[0], "adroitness") == 0 &&
	    strcmp(fp_pgp_odd[255], "yucatan") == 0, "list ends");
	T_OK(strcmp(fp_pgp_even[0xe5], "topmost") == 0 &&
	    strcmp(fp_pgp_odd[0x82], "istanbul") == 0 &&
	    strcmp(fp_pgp_even[0x94], "pluto") == 0 &&
	    strcmp(fp_pgp_odd[0xf2], "vagabond") == 0 &&
	    strcmp(fp_pgp_even[0x17], "banjo") == 0 &&
	    strcmp(fp_pgp_odd[0x11], "babylon") == 0, "known mappings");
	for (i = 0; i < 512; i++) {
		w = i < 256 ? fp_pgp_even[i] : fp_pgp_odd[i - 256];
		if (strspn(w, "abcdefghijklmnopqrstuvwxyz") != strlen(w))
			n++;
		for (j = i + 1; j < 512; j++)
			if (strcmp(w, j < 256 ? fp_pgp_even[j] :
			    fp_pgp_odd[j - 256]) == 0)
				n++;
	}
	T_EQ(n, 0, "512 distinct lowercase words");
	T_EQ(fp_words(b, (const u_char *)"", 0), 0, "words of nothing");
	T_OK(buf_is(b, "tissue phonetic snowslide december  printer wilmington "
	    "befriend belowground  pupil wichita upshot retrieval  prowler "
	    "hemisphere sentence capricorn"), "16 words in 4 groups");
	buf_free(b);
}

static void
test_escape(void)
{
	static const char s[] = "a\tb\033c\177 \xc3\xa9 \xff \xe2\x82";
	struct buf *b = buf_new();

	setenv("LC_ALL", "C.UTF-8", 1);
	ssh_setlocale();
	T_EQ(ssh_escape(b, s), 0, "escape in C.UTF-8");
	T_OK(buf_is(b, "a\tb\\033c\\177 \xc3\xa9 \\377 \\342\\202"),
	    "utf-8 passes, the rest is octal");
	buf_reset(b);
	setenv("LC_ALL", "C", 1);
	ssh_setlocale();
	T_EQ(ssh_escape(b, s), 0, "escape in C");
	T_OK(buf_is(b, "a\tb\\033c\\177 \\303\\251 \\377 \\342\\202"),
	    "no multibyte in C");
	buf_reset(b);
	setenv("LC_ALL", "tr_TR.UTF-8", 1);
	ssh_setlocale();
	T_OK(strcmp(setlocale(LC_CTYPE, NULL), "C.UTF-8") == 0,
	    "Turkish UTF-8 becomes C.UTF-8");
	setenv("LC_ALL", "tr_TR", 1);
	ssh_setlocale();
	T_OK(strcmp(setlocale(LC_CTYPE, NULL), "C") == 0, "Turkish becomes C");
	buf_free(b);
}

/* The section of golden text g for mode m, as *sp and *np. */
static int
section(const char *g, const char *m, const char **sp, size_t *np)
{
	char hdr[32];
	const char *s, *e;

	snprintf(hdr, sizeof(hdr), "\n@@ %s\n", m);
	if (strncmp(g, hdr + 1, strlen(hdr + 1)) == 0)
		s = g + strlen(hdr + 1);
	else if ((s = strstr(g, hdr)) != NULL)
		s += strlen(hdr);
	else
		return -1;
	e = strstr(s, "\n@@ ");
	*sp = s;
	*np = e != NULL ? (size_t)(e - s) + 1 : strlen(s);
	return 0;
}

/* Appends fp_format_line of every key in file path. */
static int
format_file(struct buf *out, const char *path, int i)
{
	struct keylist *kl = NULL;
	struct key *k = NULL;
	char *c = NULL;
	u_char *text;
	size_t len;
	int r;

	text = t_slurp(path, &len);
	if ((r = keylist_open(text, len, 0, &kl)) != 0)
		goto out;
	while ((r = keylist_next(kl, &k, &c, NULL)) == 0) {
		r = fp_format_line(out, k, c, modes[i].hash, modes[i].verbose,
		    modes[i].bubble);
		key_free(k);
		free(c);
		if (r != 0)
			goto out;
	}
	if (r == KE_NOTFOUND)
		r = 0;
 out:
	keylist_free(kl);
	free(text);
	return r;
}

/* Prints where got and want part, to help read a failure. */
static void
show_diff(const struct buf *got, const char *want, size_t n)
{
	const char *g = (const char *)buf_ptr(got);
	size_t i, ls = 0;

	for (i = 0; i < n && i < buf_len(got) && g[i] == want[i]; i++)
		if (want[i] == '\n')
			ls = i + 1;
	printf("# differs at byte %zu; want: %.*s\n# got: %.*s\n", i,
	    (int)strcspn(want + ls, "\n"), want + ls,
	    (int)(buf_len(got) - ls < 200 ? buf_len(got) - ls : 200), g + ls);
}

/* Appends the lines for input name ("single": each file listed). */
static int
format_input(struct buf *out, const char *name, int i)
{
	char path[256], *list, *f;
	size_t len;
	int r = 0;

	if (strcmp(name, "single") != 0) {
		snprintf(path, sizeof(path), DATA "%s", name);
		return format_file(out, path, i);
	}
	list = (char *)t_slurp(DATA "single.list", &len);
	for (f = strtok(list, "\n"); r == 0 && f != NULL;
	    f = strtok(NULL, "\n")) {
		snprintf(path, sizeof(path), DATA "%s", f);
		r = format_file(out, path, i);
	}
	free(list);
	return r;
}

static void
test_golden(const char *name, const char *loc)
{
	struct buf *b = buf_new();
	char path[256], *g;
	const char *want;
	size_t i, n, len;
	int r, ok;

	snprintf(path, sizeof(path), DATA "%s.out.%s", name, loc);
	g = (char *)t_slurp(path, &len);
	for (i = 0; i < nitems(modes); i++) {
		buf_reset(b);
		r = format_input(b, name, (int)i);
		ok = r == 0 && section(g, modes[i].name, &want, &n) == 0;
		T_OK(ok && buf_len(b) == n && memcmp(buf_ptr(b), want, n) == 0,
		    "%s -%s in %s as ssh-keygen", name, modes[i].name, loc);
		if (ok && (buf_len(b) != n || memcmp(buf_ptr(b), want, n) != 0))
			show_diff(b, want, n);
	}
	free(g);
	buf_free(b);
}

static void
test_goldens(void)
{
	static const char *const names[] = { "single", "all.pub",
	    "known_hosts", "authorized_keys", "keyscan.txt", "edge.txt" };
	size_t i;

	setenv("LC_ALL", "C.UTF-8", 1);
	ssh_setlocale();
	for (i = 0; i < nitems(names); i++)
		test_golden(names[i], "utf8");
	setenv("LC_ALL", "C", 1);
	ssh_setlocale();
	for (i = 0; i < nitems(names); i++)
		test_golden(names[i], "posix");
}

static void
test_format(void)
{
	struct buf *b = buf_new(), *c = buf_new();
	struct key *k = NULL;
	size_t len;
	u_char *t = t_slurp(DATA "k01.pub", &len);

	T_EQ(key_parse_text((const char *)t, len, &k, NULL), 0, "parse k01");
	T_EQ(fp_format_line(b, k, NULL, FP_SHA256, 0, 0), 0, "no comment");
	T_OK(buf_len(b) > 20 && memcmp((const char *)buf_ptr(b) +
	    buf_len(b) - 22, " no comment (ED25519)\n", 22) == 0,
	    "NULL comment prints \"no comment\"");
	T_EQ(fp_format_line(b, k, NULL, 3, 0, 0), KE_INTERNAL, "bad hash");
	T_EQ(fp_key_words(c, k), 0, "words of a key");
	T_EQ(buf_len(c) > 16 * 4, 1, "words are words");
	key_free(k);
	free(t);
	buf_free(b);
	buf_free(c);
}

int
main(void)
{
	test_hashes();
	test_babble();
	test_randomart();
	test_words();
	test_escape();
	test_format();
	test_goldens();
	return t_done();
}
