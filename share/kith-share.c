/* kith-share: move vouches between kith directories. */
#include "compat.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "file.h"
#include "fp.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "store.h"

struct certs {
	struct cert	**c;
	size_t		  n;
};

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: %s [-d dir] import [-n] file ...\n",
	    getprogname());
	exit(2);
}

static void
certs_add(struct certs *cs, struct cert *c)
{
	struct cert **n;

	if ((n = reallocarray(cs->c, cs->n + 1, sizeof(*n))) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	cs->c = n;
	cs->c[cs->n++] = c;
}

/*
 * Every line of path must be a blank line, a # comment or a valid vouch
 * (a host certificate with a good signature); anything else stops the
 * import before anything is written.
 */
static void
read_certs(const char *path, struct certs *cs)
{
	struct buf *text;
	struct vouch v;
	const char *p, *nl;
	size_t left, len, line = 0, before = cs->n;
	int r;

	if ((r = file_read(path, KITH_MAXFILE, &text)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	p = (const char *)buf_ptr(text);
	for (left = buf_len(text); left > 0; left -= len + (nl != NULL)) {
		line++;
		nl = memchr(p, '\n', left);
		len = nl != NULL ? (size_t)(nl - p) : left;
		r = store_parse_line(p, len, &v);
		p += len + (nl != NULL);
		if (r == KE_NOTFOUND)
			continue;
		if (r == 0 && (r = cert_check_vouch(v.cert)) != 0)
			cert_free(v.cert);
		if (r != 0)
			errx(2, "%s:%zu: %s", path, line, kith_strerror(r));
		certs_add(cs, v.cert);
	}
	if (cs->n == before)
		errx(2, "%s: no vouches in the file", path);
	buf_free(text);
}

static void
print_change(const struct cert *c, int dry)
{
	struct buf *b;
	struct key k;
	size_t i;
	int r;

	memset(&k, 0, sizeof(k));
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	r = buf_puts(b, dry ? "would add: " : "added: ");
	for (i = 0; r == 0 && i < c->nprincipals; i++)
		if ((i > 0 && (r = buf_put_u8(b, ',')) != 0) ||
		    (r = buf_puts(b, c->principals[i])) != 0)
			break;
	memcpy(k.pk, c->pk, sizeof(k.pk));
	if (r == 0 && (r = buf_puts(b, " key ")) == 0 &&
	    (r = fp_key(b, &k, FP_SHA256)) == 0 &&
	    (r = buf_puts(b, " signed by ")) == 0) {
		memcpy(k.pk, c->signkey, sizeof(k.pk));
		if ((r = fp_key(b, &k, FP_SHA256)) == 0)
			r = buf_put_u8(b, '\0');
	}
	if (r != 0)
		errx(2, "%s", kith_strerror(r));
	printf("%s\n", (const char *)buf_ptr(b));
	buf_free(b);
}

static int
do_import(const char *dir, int argc, char **argv)
{
	struct certs cs = { 0 };
	u_char *isnew;
	size_t i;
	int ch, dry = 0, r;

	while ((ch = getopt(argc, argv, "n")) != -1) {
		switch (ch) {
		case 'n': dry = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < (size_t)argc; i++)
		read_certs(argv[i], &cs);
	if ((isnew = calloc(cs.n, 1)) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = store_add(dir, cs.c, cs.n, dry ? STORE_DRYRUN : 0,
	    isnew)) != 0)
		errx(2, "%s: %s", dir, kith_strerror(r));
	for (i = 0; i < cs.n; i++) {
		if (isnew[i])
			print_change(cs.c[i], dry);
		cert_free(cs.c[i]);
	}
	free(isnew);
	free(cs.c);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *dflag = NULL;
	char *dir = NULL;
	int ch, r;

	while ((ch = getopt(argc, argv, "+d:")) != -1) {
		switch (ch) {
		case 'd': dflag = optarg; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (sodium_init() < 0)
		errx(2, "libsodium: %s", kith_strerror(KE_CRYPTO));
	if ((r = kdir_resolve(dflag, &dir)) != 0)
		errx(2, "kith directory: %s", kith_strerror(r));
	optind = 1;
	if (strcmp(argv[0], "import") == 0)
		r = do_import(dir, argc, argv);
	else
		usage();
	free(dir);
	return r;
}
