/* kith-share: move vouches and statements between kith directories. */
#include "compat.h"

#include <err.h>
#include <readpassphrase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "file.h"
#include "fp.h"
#include "ident.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtstore.h"
#include "store.h"

#define PASSMAX	1024

/* What one import brings, checked, before anything is written. */
struct incoming {
	struct cert	**c;
	size_t		  nc;
	struct stmt	**st;
	size_t		  nst;
	struct seen {
		u_char	 signer[32];
		uint64_t seq;
		u_char	 hash[32];
		char	*file;
	}		*seen;
	size_t		  nseen;
};

static _Noreturn void
usage(void)
{
	fprintf(stderr,
	    "usage: %s [-d dir] export [-a] [-o file]\n"
	    "       %s [-d dir] import [-n] file ...\n",
	    getprogname(), getprogname());
	exit(2);
}

static void *
grow(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n + 1, size)) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	return p;
}

static void
add_cert(struct incoming *in, struct cert *c)
{
	in->c = grow(in->c, in->nc, sizeof(*in->c));
	in->c[in->nc++] = c;
}

static void
add_stmt(struct incoming *in, struct stmt *st)
{
	in->st = grow(in->st, in->nst, sizeof(*in->st));
	in->st[in->nst++] = st;
}

/* A file of lines: certificates and statement lines (store format). */
static void
read_lines(const char *path, const struct buf *text, struct incoming *in)
{
	struct vouch v;
	struct stmt *st;
	const char *p = (const char *)buf_ptr(text), *nl;
	size_t left, len, line = 0, before = in->nc + in->nst;
	int r;

	for (left = buf_len(text); left > 0; left -= len + (nl != NULL)) {
		line++;
		nl = memchr(p, '\n', left);
		len = nl != NULL ? (size_t)(nl - p) : left;
		if ((r = store_parse_line(p, len, &v)) == 0) {
			if ((r = cert_check_vouch(v.cert)) != 0)
				cert_free(v.cert);
			else
				add_cert(in, v.cert);
		} else if (r == KE_KEYTYPE &&
		    (r = stmtstore_parse_line(p, len, &st)) == 0)
			add_stmt(in, st);
		if (r == KE_RECTYPE)
			r = KE_KEYTYPE;
		p += len + (nl != NULL);
		if (r != 0 && r != KE_NOTFOUND)
			errx(2, "%s:%zu: %s", path, line, kith_strerror(r));
	}
	if (in->nc + in->nst == before)
		errx(2, "%s: no vouches or statements in the file", path);
}

/* A bundle, binary or armoured: checked whole, kept with its identity. */
static void
read_bundle(const char *path, const struct buf *text, int armoured,
    struct incoming *in)
{
	struct bundle *b = NULL;
	struct buf *bin = NULL;
	struct seen *s;
	size_t i;
	int r;

	if ((bin = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if (armoured)
		r = bundle_dearmour(bin, (const char *)buf_ptr(text),
		    buf_len(text));
	else
		r = buf_putb(bin, text);
	if (r != 0 || (r = bundle_parse(buf_ptr(bin), buf_len(bin), NULL, 0,
	    &b)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	in->seen = grow(in->seen, in->nseen, sizeof(*in->seen));
	s = &in->seen[in->nseen++];
	memcpy(s->signer, b->signer, sizeof(s->signer));
	s->seq = b->seq;
	crypto_hash_sha256(s->hash, buf_ptr(bin), buf_len(bin));
	if ((s->file = strdup(path)) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	for (i = 0; i < b->nvouch; i++) {
		add_cert(in, b->vouch[i]);
		b->vouch[i] = NULL;
	}
	for (i = 0; i < b->nstmt; i++) {
		add_stmt(in, b->stmt[i]);
		b->stmt[i] = NULL;
	}
	bundle_free(b);
	buf_free(bin);
}

static int
starts_with(const struct buf *b, const char *s)
{
	size_t n = strlen(s);

	return buf_len(b) >= n && memcmp(buf_ptr(b), s, n) == 0;
}

static void
read_input(const char *path, struct incoming *in)
{
	struct buf *text;
	struct stmt *st;
	int r;

	if ((r = file_read(path, BUNDLE_MAXFILE, &text)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	if (starts_with(text, BUNDLE_MAGIC) &&
	    buf_len(text) > sizeof(BUNDLE_MAGIC) &&
	    buf_ptr(text)[sizeof(BUNDLE_MAGIC) - 1] == '\0')
		read_bundle(path, text, 0, in);
	else if (starts_with(text, "-----BEGIN " BUNDLE_LABEL "-----"))
		read_bundle(path, text, 1, in);
	else if (starts_with(text, "-----BEGIN KITH ")) {
		if ((r = stmt_parse_text((const char *)buf_ptr(text),
		    buf_len(text), 0, &st)) != 0)
			errx(2, "%s: %s", path, kith_strerror(r));
		add_stmt(in, st);
	} else
		read_lines(path, text, in);
	buf_free(text);
}

/* Refuses a bundle older than one seen from its signer (exit 1). */
static void
check_seen(const char *dir, struct incoming *in)
{
	struct seen *s;
	u_char hash[32];
	uint64_t seq;
	size_t i;
	int r, found;

	for (i = 0; i < in->nseen; i++) {
		s = &in->seen[i];
		if ((r = store_seen_get(dir, s->signer, &seq, hash, &found)))
			errx(2, "%s: %s", dir, kith_strerror(r));
		if (found && (s->seq < seq || (s->seq == seq &&
		    memcmp(hash, s->hash, sizeof(hash)) != 0)))
			errx(1, "%s: %s (sequence %llu, seen %llu)", s->file,
			    kith_strerror(KE_ROLLBACK),
			    (unsigned long long)s->seq,
			    (unsigned long long)seq);
	}
}

static void
print_fp(struct buf *b, const u_char *pk)
{
	struct key k;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, pk, sizeof(k.pk));
	if (fp_key(b, &k, FP_SHA256) != 0)
		errx(2, "%s", kith_strerror(KE_NOMEM));
}

static void
print_cert(struct buf *b, const struct cert *c, const char *verb)
{
	size_t i;

	buf_puts(b, verb);
	buf_puts(b, " vouch: ");
	for (i = 0; i < c->nprincipals; i++) {
		if (i > 0)
			buf_put_u8(b, ',');
		buf_puts(b, c->principals[i]);
	}
	buf_puts(b, " key ");
	print_fp(b, c->pk);
	buf_puts(b, " signed by ");
	print_fp(b, c->signkey);
	buf_put_u8(b, '\n');
}

static void
print_stmt(struct buf *b, const struct stmt *st, const char *verb)
{
	static const char *const what[] = { "", "", "revocation of",
	    "withdrawal by", "successor of" };

	buf_puts(b, verb);
	buf_put_u8(b, ' ');
	buf_puts(b, what[st->type]);
	buf_put_u8(b, ' ');
	print_fp(b, st->pk);
	if (st->type != STMT_REVOKE) {
		buf_puts(b, st->type == STMT_SUCCESSOR ? ": " : " of a vouch on ");
		print_fp(b, st->subject);
	}
	buf_put_u8(b, '\n');
}

static void
merge(const char *dir, struct incoming *in, int dry)
{
	u_char *cnew, *snew;
	struct buf *b;
	size_t i;
	int fd, r;

	if ((cnew = calloc(in->nc + 1, 1)) == NULL ||
	    (snew = calloc(in->nst + 1, 1)) == NULL ||
	    (b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = store_lock(dir, &fd)) != 0)
		errx(2, "%s: %s", dir, kith_strerror(r));
	check_seen(dir, in);
	if ((r = store_add_locked(dir, in->c, in->nc, dry ? STORE_DRYRUN : 0,
	    cnew)) != 0 || (r = stmtstore_add_locked(dir, in->st, in->nst,
	    dry, snew)) != 0)
		errx(2, "%s: %s", dir, kith_strerror(r));
	for (i = 0; !dry && i < in->nseen; i++)
		if ((r = store_seen_set_locked(dir, in->seen[i].signer,
		    in->seen[i].seq, in->seen[i].hash)) != 0)
			errx(2, "%s: %s", dir, kith_strerror(r));
	store_unlock(fd);
	for (i = 0; i < in->nc; i++)
		if (cnew[i])
			print_cert(b, in->c[i], dry ? "would add" : "added");
	for (i = 0; i < in->nst; i++)
		if (snew[i])
			print_stmt(b, in->st[i], dry ? "would add" : "added");
	fwrite(buf_ptr(b), 1, buf_len(b), stdout);
	buf_free(b);
	free(cnew);
	free(snew);
}

static int
do_import(const char *dir, int argc, char **argv)
{
	struct incoming in;
	size_t i;
	int ch, dry = 0;

	memset(&in, 0, sizeof(in));
	while ((ch = getopt(argc, argv, "n")) != -1) {
		switch (ch) {
		case 'n': dry = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < (size_t)argc; i++)
		read_input(argv[i], &in);
	merge(dir, &in, dry);
	for (i = 0; i < in.nc; i++)
		cert_free(in.c[i]);
	for (i = 0; i < in.nst; i++)
		stmt_free(in.st[i]);
	for (i = 0; i < in.nseen; i++)
		free(in.seen[i].file);
	free(in.c);
	free(in.st);
	free(in.seen);
	return 0;
}

static struct key *
identity(const char *dir, char **pathp)
{
	struct key *k = NULL;
	char *pass;
	int r, enc;

	r = ident_load(dir, NULL, NULL, &k, pathp, &enc);
	if (r == KE_PASSPHRASE && enc) {
		if ((pass = sodium_malloc(PASSMAX)) == NULL)
			errx(2, "%s", kith_strerror(KE_NOMEM));
		if (readpassphrase("Enter passphrase: ", pass, PASSMAX,
		    RPP_REQUIRE_TTY) == NULL)
			errx(2, "%s: cannot read a passphrase", *pathp);
		free(*pathp);
		r = ident_load(dir, NULL, pass, &k, pathp, &enc);
		sodium_free(pass);
	}
	if (r != 0)
		errx(2, "%s: %s", *pathp != NULL ? *pathp : dir,
		    kith_strerror(r));
	return k;
}

static void
write_out(const char *out, const struct buf *b)
{
	int r;

	if (out == NULL || strcmp(out, "-") == 0) {
		if (fwrite(buf_ptr(b), 1, buf_len(b), stdout) != buf_len(b) ||
		    fflush(stdout) != 0)
			err(2, "stdout");
		return;
	}
	if ((r = file_write_atomic(out, buf_ptr(b), buf_len(b), 0644)) != 0)
		errx(2, "%s: %s", out, kith_strerror(r));
}

static int
do_export(const char *dir, int argc, char **argv)
{
	struct bundle b;
	struct sshsig_signer signer;
	struct stmtset *ss = NULL;
	struct buf *bin = NULL, *txt;
	struct key *k;
	const char *out = NULL;
	char *path = NULL;
	u_char hash[32], oldhash[32];
	uint64_t seq;
	int ch, armour = 0, fd, r, found;

	while ((ch = getopt(argc, argv, "ao:")) != -1) {
		switch (ch) {
		case 'a': armour = 1; break;
		case 'o': out = optarg; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	k = identity(dir, &path);
	memset(&b, 0, sizeof(b));
	memcpy(b.signer, k->pk, sizeof(b.signer));
	if ((r = store_lock(dir, &fd)) != 0 ||
	    (r = store_certs(dir, k->pk, NULL, STORE_EXPORT, &b.vouch,
	    &b.nvouch)) != 0 ||
	    (r = stmtstore_load(dir, &ss)) != 0 ||
	    (r = store_seen_get(dir, k->pk, &seq, oldhash, &found)) != 0)
		errx(2, "%s: %s", dir, kith_strerror(r));
	b.stmt = ss->st;
	b.nstmt = ss->n;
	b.seq = found ? seq + 1 : 1;
	b.time = (uint64_t)time(NULL);
	if ((r = sshsig_signer_key(&signer, k)) != 0 ||
	    (r = bundle_encode(&b, NULL, &signer, &bin)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	crypto_hash_sha256(hash, buf_ptr(bin), buf_len(bin));
	if ((txt = buf_new()) == NULL || (armour &&
	    (r = bundle_armour(txt, buf_ptr(bin), buf_len(bin))) != 0))
		errx(2, "%s", kith_strerror(r ? r : KE_NOMEM));
	write_out(out, armour ? txt : bin);
	if ((r = store_seen_set_locked(dir, k->pk, b.seq, hash)) != 0)
		errx(2, "%s: %s", dir, kith_strerror(r));
	store_unlock(fd);
	while (b.nvouch > 0)
		cert_free(b.vouch[--b.nvouch]);
	free(b.vouch);
	stmtset_free(ss);
	buf_free(txt);
	buf_free(bin);
	key_free(k);
	free(path);
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
	else if (strcmp(argv[0], "export") == 0)
		r = do_export(dir, argc, argv);
	else
		usage();
	free(dir);
	return r;
}
