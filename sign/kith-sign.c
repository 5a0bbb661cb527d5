/* kith-sign: vouch for a peer's key after checking its fingerprint. */
#include "compat.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <readpassphrase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "agentclient.h"
#include "agentproto.h"
#include "buf.h"
#include "cert.h"
#include "file.h"
#include "fp.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "outfile.h"
#include "privkey.h"
#include "sandbox.h"
#include "sshvis.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtstore.h"
#include "store.h"
#include "validity.h"

#define PASSMAX	1024

struct opts {
	const char	*dir;
	const char	*keyid;
	const char	*signer;
	const char	*names;
	const char	*outfile;
	struct outfile	*of;		/* -o, open from the start */
	const char	*scope;
	const char	*validity;
	const char	*peer;
	u_int		 depth;
	uint64_t	 serial;
	int		 hasserial;
	int		 agent;
	int		 withdraw;	/* -r */
	int		 local;
	int		 quiet;
	int		 yes;
};

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: %s [-ALqy] [-D depth] [-d dir] [-I key_id] "
	    "[-k signer] [-n names]\n"
	    "                 [-o file] [-S scope] [-V validity] "
	    "[-z serial] peer.pub\n"
	    "       %s -r [-Aqy] [-d dir] [-k signer] [-z serial] "
	    "peer.pub\n", getprogname(), getprogname());
	exit(2);
}

static void
fail(const char *what, int r)
{
	errx(2, "%s: %s", what, kith_strerror(r));
}

/* A failure of dir's store: names the file at fault where it can. */
static _Noreturn void
fail_store(const char *dir, int r)
{
	char msg[PATH_MAX + 128];

	store_error(dir, r, msg, sizeof(msg));
	errx(2, "%s", msg);
}

/* The first Ed25519 key in path (a .pub, a certificate or a list). */
static struct key *
read_peer(const char *path, char **commentp)
{
	struct keylist *kl = NULL;
	struct buf *text = NULL;
	struct key *k = NULL, *plain = NULL;
	int r;

	if ((r = file_read(path, KITH_MAXFILE, &text)) != 0 ||
	    (r = keylist_open(buf_ptr(text), buf_len(text),
	    KEYLIST_OWNCOMMENT, &kl)) != 0)
		fail(path, r);
	if ((r = keylist_next(kl, &k, commentp, NULL)) != 0)
		fail(path, r != KE_NOTFOUND ? r :
		    keylist_nforeign(kl) > 0 ? KE_KEYTYPE : KE_NOTPUB);
	if ((plain = key_new()) == NULL)
		fail(path, KE_NOMEM);
	memcpy(plain->pk, k->pk, sizeof(plain->pk));
	key_free(k);
	keylist_free(kl);
	buf_free(text);
	return plain;
}

/*
 * The signer's public key from path's .pub (or path itself if it is
 * one), checked to be held by the agent at SSH_AUTH_SOCK.
 */
static struct key *
agent_signer(const char *path)
{
	struct agentclient *ac = NULL;
	struct key *k;
	u_char *blob = NULL;
	size_t len, n = strlen(path);
	char *pub;
	int r;

	if (n > 4 && strcmp(path + n - 4, ".pub") == 0)
		pub = strdup(path);
	else if (asprintf(&pub, "%s.pub", path) == -1)
		pub = NULL;
	if (pub == NULL)
		fail(path, KE_NOMEM);
	k = read_peer(pub, NULL);
	if ((r = agentclient_open(NULL, &ac)) != 0)
		errx(2, "%s: no agent to sign with (%s): %s", path,
		    AGENT_SOCK_ENV, kith_strerror(r));
	if ((r = agentclient_find(ac, k->pk, &blob, &len)) == KE_NOTFOUND)
		errx(2, "%s: the agent does not hold this key", pub);
	else if (r != 0)
		errx(2, "%s: agent: %s", pub, kith_strerror(r));
	agentclient_close(ac);
	free(blob);
	free(pub);
	return k;
}

/* An identity kith-sign cannot read may still be in the agent. */
static int
agent_can_help(int r)
{
	const char *sock = getenv(AGENT_SOCK_ENV);

	return sock != NULL && *sock != '\0' && (r == KE_ERRNO(ENOENT) ||
	    r == KE_ERRNO(EACCES) || r == KE_SSHENC);
}

static struct key *
load_signer(const struct opts *o, char **pathp)
{
	struct buf *text = NULL;
	struct key *k = NULL;
	char *dir = NULL, *pass = NULL;
	int r, enc;

	if (o->signer != NULL)
		*pathp = strdup(o->signer);
	else if ((r = kdir_resolve(o->dir, &dir)) != 0 ||
	    (r = kdir_identity(dir, pathp)) != 0)
		fail(dir != NULL ? dir : "kith directory", r);
	if (*pathp == NULL)
		fail("signer", KE_NOMEM);
	free(dir);
	if (o->agent || (strlen(*pathp) > 4 &&
	    strcmp(*pathp + strlen(*pathp) - 4, ".pub") == 0))
		return agent_signer(*pathp);
	if ((r = file_read_secret(*pathp, PRIVKEY_MAXFILE, &text)) != 0 ||
	    (r = privkey_is_encrypted(text, &enc)) != 0) {
		if (!agent_can_help(r))
			fail(*pathp, r);
		buf_free(text);
		return agent_signer(*pathp);
	}
	if (enc) {
		if ((pass = sodium_malloc(PASSMAX)) == NULL)
			fail(*pathp, KE_NOMEM);
		if (readpassphrase("Enter passphrase: ", pass, PASSMAX,
		    RPP_REQUIRE_TTY) == NULL)
			errx(2, "%s: cannot read a passphrase", *pathp);
	}
	r = privkey_parse(text, pass, &k, NULL);
	if (pass != NULL)
		sodium_free(pass);
	if (r != 0)
		fail(*pathp, r);
	buf_free(text);
	return k;
}

/* cert_sign through the agent at SSH_AUTH_SOCK, which holds signer. */
static int
agent_sign(struct cert *c, const struct key *signer)
{
	struct agentclient *ac = NULL;
	struct buf *tbs;
	u_char sig[KEY_SIGLEN];
	int r;

	if ((tbs = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = cert_encode_tbs(c, signer->pk, tbs)) == 0 &&
	    (r = agentclient_open(NULL, &ac)) == 0 &&
	    (r = agentclient_sign(ac, signer->pk, buf_ptr(tbs), buf_len(tbs),
	    sig)) == 0)
		r = cert_attach_sig(c, sig);
	agentclient_close(ac);
	buf_free(tbs);
	return r;
}

/* Splits a comma-separated list of names into c's principals. */
static void
set_names(struct cert *c, const char *names)
{
	char *copy, *p, *name;
	int r;

	if ((copy = strdup(names)) == NULL)
		fail("-n", KE_NOMEM);
	for (p = copy; (name = strsep(&p, ",")) != NULL;) {
		if ((r = cert_add_principal(c, name)) != 0)
			errx(2, "-n: \"%s\": %s", name, r == KE_FORMAT ?
			    "not a host name" : kith_strerror(r));
	}
	free(copy);
}

/* The next free serial of signer pk in the store (max + 1). */
static uint64_t
next_serial(const struct vouchset *vs, const u_char *pk)
{
	uint64_t max = 0;
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (memcmp(vs->tv[i].signer, pk, KEY_PKLEN) == 0 &&
		    vs->tv[i].serial > max)
			max = vs->tv[i].serial;
	return max == UINT64_MAX ? 0 : max + 1;
}

static int
serial_used(const struct vouchset *vs, const u_char *pk, uint64_t serial)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (memcmp(vs->tv[i].signer, pk, KEY_PKLEN) == 0 &&
		    vs->tv[i].serial == serial)
			return 1;
	return 0;
}

static struct cert *
build_vouch(const struct opts *o, const struct key *peer)
{
	struct cert *c;
	char *id = NULL;
	int r;

	if ((c = cert_new()) == NULL)
		fail("vouch", KE_NOMEM);
	memcpy(c->pk, peer->pk, sizeof(c->pk));
	set_names(c, o->names);
	if ((r = validity_parse(o->validity, time(NULL), &c->valid_after,
	    &c->valid_before)) != 0)
		errx(2, "-V %s: %s", o->validity, kith_strerror(r));
	if (o->keyid == NULL &&
	    asprintf(&id, "kith:%s", c->principals[0]) == -1)
		fail("vouch", KE_NOMEM);
	if ((r = cert_set_keyid(c, o->keyid != NULL ? o->keyid : id)) != 0)
		errx(2, "-I: %s", kith_strerror(r));
	free(id);
	if (o->depth > 0 && (r = cert_set_depth(c, o->depth)) != 0)
		errx(2, "-D: %s", kith_strerror(r));
	if (o->scope != NULL && (r = cert_set_scope(c, o->scope)) != 0)
		errx(2, "-S %s: %s", o->scope, r == KE_FORMAT ?
		    "not a list of host names or *.domain patterns" :
		    kith_strerror(r));
	if (o->local && (r = cert_set_local(c)) != 0)
		fail("-L", r);
	return c;
}

/* Shows the peer key and what will be signed; asks unless -y. */
static void
confirm(const struct opts *o, const struct key *peer, const char *comment,
    const struct cert *c)
{
	struct buf *b;
	char answer[16];
	int r, fd = -1;

	if (!o->yes && (fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1)
		errx(2, "%s: no terminal to confirm on; use -y after checking "
		    "the fingerprint", o->peer);
	if (fd != -1)
		close(fd);
	if ((b = buf_new()) == NULL)
		fail("vouch", KE_NOMEM);
	if ((r = fp_format_line(b, peer, comment, FP_SHA256, 1, 0)) != 0 ||
	    (r = buf_puts(b, "words: ")) != 0 ||
	    (r = fp_key_words(b, peer)) != 0 ||
	    (r = buf_puts(b, "\nnames: ")) != 0 ||
	    (r = buf_puts(b, o->names)) != 0 ||
	    (r = buf_puts(b, "\nvalid: ")) != 0 ||
	    (r = validity_format(b, c->valid_after, c->valid_before)) != 0 ||
	    (r = buf_put_u8(b, '\n')) != 0)
		fail(o->peer, r);
	if (!o->quiet || !o->yes)
		fwrite(buf_ptr(b), 1, buf_len(b), stderr);
	buf_free(b);
	if (o->yes)
		return;
	if (readpassphrase("Does this match what the key's owner read to "
	    "you? Type \"yes\" to vouch: ", answer, sizeof(answer),
	    RPP_ECHO_ON | RPP_REQUIRE_TTY) == NULL)
		errx(2, "%s: no terminal to confirm on; use -y after checking "
		    "the fingerprint", o->peer);
	if (strcmp(answer, "yes") != 0)
		errx(2, "%s: not confirmed; nothing signed", o->peer);
}

/* The -o file's contents, not yet shown (outfile_commit does). */
static void
write_certfile(const struct opts *o, const struct cert *c,
    const char *comment)
{
	struct buf *b;
	struct key k;
	int r;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, c->pk, sizeof(k.pk));
	k.cert = (struct cert *)c;	/* only read by key_format_line */
	if ((b = buf_new()) == NULL ||
	    (r = key_format_line(b, &k, comment != NULL ? comment : "")) ||
	    (r = outfile_write(o->of, buf_ptr(b), buf_len(b))))
		fail(o->outfile, b == NULL ? KE_NOMEM : r);
	buf_free(b);
}

static void
report(const struct cert *c, int added)
{
	struct buf *b;
	size_t i;

	if ((b = buf_new()) == NULL)
		fail("vouch", KE_NOMEM);
	for (i = 0; i < c->nprincipals; i++) {
		if (i > 0)
			buf_put_u8(b, ',');
		buf_puts(b, c->principals[i]);
	}
	buf_puts(b, " valid ");
	validity_format(b, c->valid_after, c->valid_before);
	buf_put_u8(b, '\0');
	fprintf(stderr, "Vouched for %s: id \"%s\" serial %llu%s\n",
	    (const char *)buf_ptr(b), c->keyid,
	    (unsigned long long)c->serial,
	    added ? "" : " (already in the store)");
	buf_free(b);
}

static void
do_sign(const struct opts *o)
{
	struct vouchset *vs = NULL;
	struct key *peer, *signer;
	struct cert *c;
	char *dir = NULL, *spath = NULL, *comment = NULL;
	u_char added = 0;
	int fd, r;

	peer = read_peer(o->peer, &comment);
	c = build_vouch(o, peer);
	signer = load_signer(o, &spath);
	if ((r = kdir_resolve(o->dir, &dir)) != 0)
		fail("kith directory", r);
	confirm(o, peer, comment, c);
	if ((r = store_lock(dir, &fd)) != 0 || (r = store_load(dir, &vs)))
		fail_store(dir, r);
	if (!o->hasserial)
		c->serial = next_serial(vs, signer->pk);
	else if (serial_used(vs, signer->pk, o->serial))
		errx(2, "-z %llu: serial already used by this signer",
		    (unsigned long long)o->serial);
	else
		c->serial = o->serial;
	r = signer->sk != NULL ? cert_sign(c, signer) : agent_sign(c, signer);
	if (r == KE_AGENT)
		errx(2, "%s: the agent refused to sign", spath);
	if (r != 0)
		fail(spath, r);
	/* the -o file is written first and shown once the store holds c */
	if (o->of != NULL)
		write_certfile(o, c, comment);
	if ((r = store_add_locked(dir, &c, 1, 0, &added)) != 0)
		fail_store(dir, r);
	if (o->of != NULL && (r = outfile_commit(o->of)) != 0)
		fail(o->outfile, r);
	store_unlock(fd);
	if (!o->quiet)
		report(c, added);
	vouchset_free(vs);
	cert_free(c);
	key_free(signer);
	key_free(peer);
	free(comment);
	free(spath);
	free(dir);
}

/* Signs st as signer: with its private half, else through the agent. */
static int
sign_stmt(struct stmt *st, const struct key *signer)
{
	struct agentclient *ac = NULL;
	struct agentsigner as;
	struct sshsig_signer s;
	int r;

	if (signer->sk != NULL) {
		if ((r = sshsig_signer_key(&s, signer)) == 0)
			r = stmt_sign(st, 0, &s);
		return r;
	}
	if ((r = agentclient_open(NULL, &ac)) != 0)
		return r;
	agentclient_signer(ac, signer->pk, &as, &s);
	r = stmt_sign(st, 0, &s);
	agentclient_close(ac);
	return r;
}

/*
 * -r: withdrawals of this signer's vouches on the peer (only serial -z
 * with -z), kept as statements that kith-share export passes on.
 */
static void
do_withdraw(const struct opts *o)
{
	struct key *peer, *signer;
	struct cert **certs = NULL;
	struct stmtset *ss = NULL;
	struct stmt **st;
	char *dir = NULL, *spath = NULL;
	size_t n, i, j, m = 0, done = 0;
	int fd, r;

	peer = read_peer(o->peer, NULL);
	signer = load_signer(o, &spath);
	if ((r = kdir_resolve(o->dir, &dir)) != 0)
		fail("kith directory", r);
	if ((r = store_lock(dir, &fd)) != 0 ||
	    (r = store_certs(dir, signer->pk, peer->pk, 0, &certs, &n)) != 0 ||
	    (r = stmtstore_load(dir, &ss)) != 0)
		fail_store(dir, r);
	if ((st = calloc(n + 1, sizeof(*st))) == NULL)
		fail(dir, KE_NOMEM);
	for (i = 0; i < n; i++) {
		if (o->hasserial && certs[i]->serial != o->serial)
			continue;
		for (j = 0; j < ss->n; j++)	/* withdrawn already */
			if (stmt_withdraws(ss->st[j], certs[i]))
				break;
		if (j < ss->n) {
			done++;
			continue;
		}
		if ((st[m] = stmt_new(STMT_WITHDRAW)) == NULL)
			fail(dir, KE_NOMEM);
		memcpy(st[m]->pk, signer->pk, sizeof(st[m]->pk));
		memcpy(st[m]->subject, peer->pk, sizeof(st[m]->subject));
		store_vouch_id(certs[i], st[m]->vouch);
		st[m]->serial = certs[i]->serial;
		st[m]->time = (uint64_t)time(NULL);
		if ((r = stmt_encode(st[m])) != 0 ||
		    (r = sign_stmt(st[m], signer)) != 0)
			fail(spath, r);
		if (!o->quiet)
			fprintf(stderr, "Withdrew vouch serial %llu (%s)\n",
			    (unsigned long long)certs[i]->serial,
			    certs[i]->principals[0]);
		m++;
	}
	if (m == 0)
		errx(1, "%s: no vouch of yours on this key%s%s", o->peer,
		    o->hasserial ? " with that serial" : "",
		    done > 0 ? " that is not withdrawn already" : "");
	if ((r = stmtstore_add_locked(dir, st, m, 0, NULL)) != 0)
		fail_store(dir, r);
	store_unlock(fd);
	for (i = 0; i < n; i++)
		cert_free(certs[i]);
	for (i = 0; i < m; i++)
		stmt_free(st[i]);
	stmtset_free(ss);
	free(st);
	free(certs);
	key_free(signer);
	key_free(peer);
	free(spath);
	free(dir);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .validity = VALIDITY_DEFAULT };
	const char *errstr;
	int ch, r;

	while ((ch = getopt(argc, argv, "AD:d:I:k:Ln:o:qrS:V:yz:")) != -1) {
		switch (ch) {
		case 'A': o.agent = 1; break;
		case 'D':
			o.depth = strtonum(optarg, 0, CERT_MAXDEPTH, &errstr);
			if (errstr != NULL)
				errx(2, "-D %s: depth is %s (0..%d)", optarg,
				    errstr, CERT_MAXDEPTH);
			break;
		case 'd': o.dir = optarg; break;
		case 'I': o.keyid = optarg; break;
		case 'k': o.signer = optarg; break;
		case 'L': o.local = 1; break;
		case 'n': o.names = optarg; break;
		case 'o': o.outfile = optarg; break;
		case 'q': o.quiet = 1; break;
		case 'r': o.withdraw = 1; break;
		case 'S': o.scope = optarg; break;
		case 'V': o.validity = optarg; break;
		case 'y': o.yes = 1; break;
		case 'z':
			o.serial = strtonum(optarg, 0, LLONG_MAX, &errstr);
			if (errstr != NULL)
				errx(2, "-z %s: serial is %s", optarg, errstr);
			o.hasserial = 1;
			break;
		default: usage();
		}
	}
	if (argc - optind != 1)
		usage();
	o.peer = argv[optind];
	if (o.withdraw && (o.names != NULL || o.depth > 0 || o.scope != NULL ||
	    o.outfile != NULL || o.keyid != NULL || o.local))
		usage();
	if (o.names == NULL && !o.withdraw)
		errx(2, "%s: no host names: give them with -n name[,name...]",
		    o.peer);
	if (sodium_init() < 0)
		fail("libsodium", KE_CRYPTO);
	ssh_setlocale();
	/* the store, its lock and temp files; the -o file beside its own */
	if (o.outfile != NULL && (r = outfile_open(o.outfile, 0644, 0,
	    &o.of)) != 0)
		fail(o.outfile, r);
	if ((r = sandbox_kith(o.dir, o.of != NULL ?
	    outfile_sandbox_path(o.of) : NULL, SANDBOX_MKDIR)) != 0)
		fail("sandbox", r);
	if (o.withdraw)
		do_withdraw(&o);
	else
		do_sign(&o);
	return 0;
}
