/* kith-share: move vouches and statements between kith directories. */
#include "compat.h"

#include <err.h>
#include <errno.h>
#include <readpassphrase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "agentclient.h"
#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "exchange.h"
#include "file.h"
#include "fp.h"
#include "ident.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "outfile.h"
#include "pair.h"
#include "paircode.h"
#include "pairnet.h"
#include "pairproto.h"
#include "sandbox.h"
#include "share.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtstore.h"
#include "store.h"
#include "trustload.h"

#define PASSMAX	1024

_Noreturn void
usage(void)
{
	const char *p = getprogname();

	fprintf(stderr,
	    "usage: %s [-d dir] export [-a] [-o file]\n"
	    "       %s [-d dir] import [-n] file ...\n"
	    "       %s [-d dir] join [-v] [-D depth] [-n names] "
	    "host[:port] code\n"
	    "       %s [-d dir] offer [-v] [-a attempts] [-D depth] "
	    "[-l addr]\n"
	    "                  [-n names] [-p port] [-t ttl]\n"
	    "       %s [-d dir] serve [-v] [-l addr] [-m k] [-p port]\n"
	    "       %s [-d dir] pull [-v] [-m k] host[:port] ...\n",
	    p, p, p, p, p, p);
	exit(2);
}

static void
add_cert(struct exchange *in, struct cert *c)
{
	int r;

	if ((r = exchange_add_cert(in, c)) != 0)
		errx(2, "%s", kith_strerror(r));
}

static void
add_stmt(struct exchange *in, struct stmt *st)
{
	int r;

	if ((r = exchange_add_stmt(in, st)) != 0)
		errx(2, "%s", kith_strerror(r));
}

/* A file of lines: certificates and statement lines (store format). */
static void
read_lines(const char *path, const struct buf *text, struct exchange *in)
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
    struct exchange *in)
{
	struct buf *bin = NULL;
	int r;

	if ((bin = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if (armoured)
		r = bundle_dearmour(bin, (const char *)buf_ptr(text),
		    buf_len(text));
	else
		r = buf_putb(bin, text);
	if (r != 0 || (r = exchange_add_bundle(in, buf_ptr(bin),
	    buf_len(bin), path)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	buf_free(bin);
}

static int
starts_with(const struct buf *b, const char *s)
{
	size_t n = strlen(s);

	return buf_len(b) >= n && memcmp(buf_ptr(b), s, n) == 0;
}

static void
read_input(const char *path, struct exchange *in)
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

/* Dies: a bundle older than one seen from its signer is exit 1. */
static _Noreturn void
merge_failed(const char *dir, const struct exchange *in, size_t bad, int r)
{
	const struct exchange_seen *s = &in->seen[bad];

	if (r == KE_ROLLBACK)
		errx(1, "%s: %s (sequence %llu, seen %llu)", s->label,
		    kith_strerror(KE_ROLLBACK), (unsigned long long)s->seq,
		    (unsigned long long)s->had);
	share_store_die(dir, r);
}

void
share_store_die(const char *dir, int r)
{
	char msg[1024];

	store_error(dir, r, msg, sizeof(msg));
	errx(2, "%s", msg);
}

void
share_sandbox(const char *dir, const char *out, unsigned int flags)
{
	int r;

	if ((r = sandbox_kith(dir, out, flags)) != 0)
		errx(2, "sandbox: %s", kith_strerror(r));
}

void
share_print_fp(struct buf *b, const u_char *pk)
{
	struct key k;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, pk, sizeof(k.pk));
	if (fp_key(b, &k, FP_SHA256) != 0)
		errx(2, "%s", kith_strerror(KE_NOMEM));
}

static void
merge(const char *dir, struct exchange *in, int dry)
{
	struct buf *b;
	size_t bad = 0;
	int r;

	if ((r = exchange_merge(dir, in, dry ? EXCHANGE_DRYRUN : 0,
	    &bad)) != 0)
		merge_failed(dir, in, bad, r);
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = exchange_format_new(b, in, dry ? "would add" : "added")))
		errx(2, "%s", kith_strerror(r));
	fwrite(buf_ptr(b), 1, buf_len(b), stdout);
	buf_free(b);
}

static int
do_import(const char *dir, int argc, char **argv)
{
	struct exchange *in;
	size_t i;
	int ch, dry = 0;

	if ((in = exchange_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	while ((ch = getopt(argc, argv, "n")) != -1) {
		switch (ch) {
		case 'n': dry = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	/* -n too: the dry run takes the lock, making the directory */
	share_sandbox(dir, NULL, SANDBOX_MKDIR);
	for (i = optind; i < (size_t)argc; i++)
		read_input(argv[i], in);
	merge(dir, in, dry);
	exchange_free(in);
	return 0;
}

/* The identity's private key, asking for its passphrase if it has one. */
static struct key *
identity(const char *dir, char **pathp)
{
	struct key *k = NULL;
	char *pass, msg[1024];
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
	if (r != 0) {
		kdir_identity_error(dir, r, msg, sizeof(msg));
		errx(2, "%s", msg);
	}
	return k;
}

void
share_signer_open(const char *dir, struct share_signer *sg)
{
	const char *sock = getenv("SSH_AUTH_SOCK");
	int r, enc;

	memset(sg, 0, sizeof(*sg));
	r = ident_load(dir, NULL, NULL, &sg->k, &sg->path, &enc);
	if ((r == KE_ERRNO(ENOENT) || r == KE_ERRNO(EACCES) ||
	    r == KE_SSHENC) && sock != NULL && *sock != '\0') {
		if ((sg->k = key_new()) == NULL ||
		    (r = trustctx_root(dir, sg->k->pk)) != 0 ||
		    (r = agentclient_open(NULL, &sg->ac)) != 0)
			errx(2, "%s: no private key, and no agent to sign "
			    "with: %s", sg->path, kith_strerror(r));
		agentclient_signer(sg->ac, sg->k->pk, &sg->as, &sg->s);
		return;
	}
	if (r != 0) {	/* a passphrase to ask for, or a real error */
		free(sg->path);
		sg->k = identity(dir, &sg->path);
	}
	if ((r = sshsig_signer_key(&sg->s, sg->k)) != 0)
		errx(2, "%s: %s", sg->path, kith_strerror(r));
}

int
share_signer_reopen(struct share_signer *sg)
{
	struct agentclient *ac;
	int r;

	if (sg->ac == NULL)
		return 0;
	if ((r = agentclient_open(NULL, &ac)) != 0)
		return r;
	agentclient_close(sg->ac);
	sg->ac = ac;
	agentclient_signer(sg->ac, sg->k->pk, &sg->as, &sg->s);
	return 0;
}

void
share_signer_close(struct share_signer *sg)
{
	agentclient_close(sg->ac);
	key_free(sg->k);
	free(sg->path);
	memset(sg, 0, sizeof(*sg));
}

static int
do_export(const char *dir, int argc, char **argv)
{
	struct share_signer sg;
	struct outfile *of;
	struct buf *bin = NULL, *txt;
	const char *out = "-", *oname;
	u_char hash[32];
	uint64_t seq;
	int ch, armour = 0, fd, r;

	while ((ch = getopt(argc, argv, "ao:")) != -1) {
		switch (ch) {
		case 'a': armour = 1; break;
		case 'o': out = optarg; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	oname = strcmp(out, "-") != 0 ? out : "stdout";
	if ((r = outfile_open(out, 0644, 0, &of)) != 0)
		errx(2, "%s: %s", oname, kith_strerror(r));
	share_sandbox(dir, outfile_sandbox_path(of), 0);
	share_signer_open(dir, &sg);
	if ((r = store_lock(dir, &fd)) != 0 ||
	    (r = exchange_export_locked(dir, &sg.s, NULL, 0, &bin,
	    &seq)) != 0) {
		if (r == KE_AGENT)
			errx(2, "%s: the agent refused to sign", dir);
		share_store_die(dir, r);
	}
	crypto_hash_sha256(hash, buf_ptr(bin), buf_len(bin));
	if ((txt = buf_new()) == NULL || (armour &&
	    (r = bundle_armour(txt, buf_ptr(bin), buf_len(bin))) != 0))
		errx(2, "%s", kith_strerror(r ? r : KE_NOMEM));
	/* written, then the number recorded, then the file shown */
	if ((r = outfile_write(of, buf_ptr(armour ? txt : bin),
	    buf_len(armour ? txt : bin))) != 0)
		errx(2, "%s: %s", oname, kith_strerror(r));
	if ((r = store_seen_set_locked(dir, sg.k->pk, seq, hash)) != 0)
		share_store_die(dir, r);
	if ((r = outfile_commit(of)) != 0)
		errx(2, "%s: %s", oname, kith_strerror(r));
	store_unlock(fd);
	buf_free(txt);
	buf_free(bin);
	share_signer_close(&sg);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *dflag = NULL, *sub;
	char *dir = NULL, *cmd;
	int ch, r;

	while ((ch = getopt(argc, argv, "+d:")) != -1) {
		switch (ch) {
		case 'd':
			if (*optarg == '\0')
				errx(2, "-d: the directory name is empty");
			dflag = optarg;
			break;
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
	/* getopt's messages name argv[0]: "kith-share export: ..." */
	if (asprintf(&cmd, "%s %s", getprogname(), argv[0]) == -1)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	sub = argv[0];
	argv[0] = cmd;
	if (strcmp(sub, "import") == 0)
		r = do_import(dir, argc, argv);
	else if (strcmp(sub, "export") == 0)
		r = do_export(dir, argc, argv);
	else if (strcmp(sub, "offer") == 0)
		r = do_offer(dir, argc, argv);
	else if (strcmp(sub, "join") == 0)
		r = do_join(dir, argc, argv);
	else if (strcmp(sub, "serve") == 0)
		r = do_serve(dir, argc, argv);
	else if (strcmp(sub, "pull") == 0)
		r = do_pull(dir, argc, argv);
	else
		usage();
	free(cmd);
	free(dir);
	return r;
}
