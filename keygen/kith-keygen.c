/* kith-keygen: make Ed25519 keys, print their fingerprints. */
#include "compat.h"

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <pwd.h>
#include <readpassphrase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "file.h"
#include "fp.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "privkey.h"
#include "sandbox.h"
#include "sshsig.h"
#include "sshvis.h"
#include "stmt.h"

#define PASSMAX	1024

enum mode { M_GEN, M_LIST, M_BUBBLE, M_PUBLIC, M_WORDS, M_CARD, M_REVOKE,
    M_SUCCESSOR };

struct opts {
	enum mode	 mode;
	const char	*file;
	const char	*comment;
	const char	*dir;
	const char	*newpass;	/* -N */
	const char	*pass;		/* -P */
	const char	*name;		/* -n */
	const char	*old;		/* -S */
	u_int		 reason;	/* -r */
	int		 hash;
	int		 quiet;
	int		 verbose;
};

/* A new key, before it is made (gen_prepare). */
struct gen {
	char		*dir;		/* the kith directory to make, or NULL */
	char		*path;
	char		*pubpath;
	char		*comment;
	char		*pass;		/* sodium_malloc'd */
};

/* The options of each mode, as its SYNOPSIS line has them. */
static const char *const mode_opts[] = {
	[M_GEN] = "CdfNq", [M_LIST] = "Eflv", [M_BUBBLE] = "Bf",
	[M_PUBLIC] = "fPy", [M_WORDS] = "fw", [M_CARD] = "cfn",
	[M_REVOKE] = "fPRr", [M_SUCCESSOR] = "fS",
};
#define OPTBIT(c)	((uint64_t)1 << ((c) - 'A'))

/* The keys of one file, with their comments (NULL: "no comment"). */
struct keyset {
	struct key	**keys;
	char		**comments;
	size_t		 n;
};

static _Noreturn void
usage(void)
{
	fprintf(stderr,
	    "usage: %s [-q] [-C comment] [-d dir] [-f file] [-N passphrase]\n"
	    "       %s -l [-v] [-E fingerprint_hash] -f file\n"
	    "       %s -B -f file\n"
	    "       %s -y [-P passphrase] -f file\n"
	    "       %s -w -f file\n"
	    "       %s -c [-n name] -f file\n"
	    "       %s -R [-P passphrase] [-r compromised|retired] -f file\n"
	    "       %s -S oldkey -f newkey\n",
	    getprogname(), getprogname(), getprogname(), getprogname(),
	    getprogname(), getprogname(), getprogname(), getprogname());
	exit(2);
}

static void
put_stdout(struct buf *b)
{
	if (fwrite(buf_ptr(b), 1, buf_len(b), stdout) != buf_len(b) ||
	    fflush(stdout) != 0)
		err(2, "stdout");
	buf_reset(b);
}

/* Asks on the terminal; the answer lives in sodium_malloc'd memory. */
static char *
ask_pass(const char *prompt, const char *path)
{
	char *p;

	if ((p = sodium_malloc(PASSMAX)) == NULL)
		errx(2, "%s: %s", path, kith_strerror(KE_NOMEM));
	if (readpassphrase(prompt, p, PASSMAX, RPP_REQUIRE_TTY) == NULL) {
		sodium_free(p);
		errx(2, "%s: cannot read a passphrase (no terminal? use -%s)",
		    path, strcmp(prompt, "Enter passphrase: ") == 0 ?
		    "P" : "N");
	}
	return p;
}

static char *
dup_secret(const char *s, const char *path)
{
	char *p;

	if (strlen(s) >= PASSMAX)
		errx(2, "%s: passphrase too long", path);
	if ((p = sodium_malloc(PASSMAX)) == NULL)
		errx(2, "%s: %s", path, kith_strerror(KE_NOMEM));
	strlcpy(p, s, PASSMAX);
	return p;
}

static char *
new_passphrase(const struct opts *o, const char *path)
{
	char *a, *b;

	if (o->newpass != NULL)
		return dup_secret(o->newpass, path);
	a = ask_pass("Enter passphrase (empty for no passphrase): ", path);
	b = ask_pass("Enter same passphrase again: ", path);
	if (strcmp(a, b) != 0) {
		sodium_free(a);
		sodium_free(b);
		errx(2, "%s: passphrases do not match", path);
	}
	sodium_free(b);
	return a;
}

static char *
default_comment(void)
{
	struct passwd *pw;
	char host[256], *c;

	if (gethostname(host, sizeof(host)) == -1)
		strlcpy(host, "localhost", sizeof(host));
	host[sizeof(host) - 1] = '\0';
	pw = getpwuid(getuid());
	if (asprintf(&c, "%s@%s", pw != NULL ? pw->pw_name : "unknown",
	    host) == -1)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	return c;
}

static void
refuse_existing(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0)
		errx(2, "%s: %s; remove it first", path,
		    kith_strerror(KE_EXISTS));
}

static void
print_report(const char *path, const char *pubpath, const struct key *k,
    const char *comment)
{
	struct buf *b;
	int r;

	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	printf("Generating public/private ed25519 key pair.\n"
	    "Your identification has been saved in %s\n"
	    "Your public key has been saved in %s\n"
	    "The key fingerprint is:\n", path, pubpath);
	if ((r = fp_key(b, k, FP_SHA256)) != 0 ||
	    (r = buf_put_u8(b, ' ')) != 0 ||
	    (r = ssh_escape(b, comment)) != 0 ||
	    (r = buf_puts(b, "\nThe key's randomart image is:\n")) != 0 ||
	    (r = fp_key_randomart(b, k, FP_SHA256)) != 0 ||
	    (r = buf_put_u8(b, '\n')) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	put_stdout(b);
	buf_free(b);
}

/* Writes the private key, then the .pub; on failure neither is left. */
static void
write_pair(const char *path, const char *pubpath, const struct key *k,
    const char *comment, const char *pass)
{
	struct buf *line;
	int r;

	if ((r = privkey_save(path, k, comment, pass)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	if ((line = buf_new()) == NULL ||
	    (r = key_format_line(line, k, comment)) != 0 ||
	    (r = file_write_new(pubpath, buf_ptr(line), buf_len(line),
	    0644)) != 0) {
		unlink(path);
		errx(2, "%s: %s", pubpath, kith_strerror(r));
	}
	buf_free(line);
}

/* The revocation of k by itself, as text (stmt_format). */
static struct buf *
revocation(const struct key *k, u_int reason, const char *comment,
    const char *what)
{
	struct sshsig_signer signer;
	struct stmt *st = NULL;
	struct buf *b;
	int r;

	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = sshsig_signer_key(&signer, k)) != 0 ||
	    (r = stmt_revoke(&signer, reason, (uint64_t)time(NULL), comment,
	    &st)) != 0 || (r = stmt_format(b, st)) != 0)
		errx(2, "%s: %s", what, kith_strerror(r));
	stmt_free(st);
	return b;
}

/*
 * Next to a new key, its revocation ("compromised"), to keep offline: it
 * undoes the key everywhere if the key is lost or stolen.
 */
static void
write_revocation(const char *path, const struct key *k, const char *comment)
{
	struct buf *b = revocation(k, STMT_COMPROMISED, comment, path);
	char *rpath = NULL;
	int r;

	if (asprintf(&rpath, "%s.revoke", path) == -1)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = file_write_new(rpath, buf_ptr(b), buf_len(b), 0600)) != 0)
		warnx("%s: %s (make one later with -R)", rpath,
		    kith_strerror(r));
	free(rpath);
	buf_free(b);
}

/*
 * A new key: its files, comment and passphrase, all checked or asked
 * before anything is written; the kith directory (NULL with -f) is made
 * last of all, as nothing can fail any more before the key is written.
 */
static void
gen_prepare(const struct opts *o, struct gen *g)
{
	char *rp = NULL;
	int r;

	memset(g, 0, sizeof(*g));
	if (o->file != NULL)
		g->path = strdup(o->file);
	else if ((r = kdir_resolve(o->dir, &g->dir)) != 0 ||
	    (r = kdir_path(g->dir, KDIR_IDENTITY, &g->path)) != 0)
		errx(2, "%s: %s", g->dir != NULL ? g->dir : "kith directory",
		    kith_strerror(r));
	if (g->path == NULL ||
	    asprintf(&g->pubpath, "%s.pub", g->path) == -1 ||
	    asprintf(&rp, "%s.revoke", g->path) == -1)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	refuse_existing(g->path);
	refuse_existing(g->pubpath);
	refuse_existing(rp);
	free(rp);
	g->comment = o->comment != NULL ? strdup(o->comment) :
	    default_comment();
	if (g->comment == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	/* it goes into the revocation too: refuse it before writing */
	if (strlen(g->comment) > STMT_MAXCOMMENT)
		errx(2, "%s: comment: %s", g->path, kith_strerror(KE_TOOLONG));
	g->pass = new_passphrase(o, g->path);
	if (g->dir != NULL && (r = kdir_create(g->dir)) != 0)
		errx(2, "%s: %s", g->dir, kith_strerror(r));
}

/* Makes the key g says, with its .pub and .revoke; frees g. */
static void
do_generate(const struct opts *o, struct gen *g)
{
	struct key *k = NULL;
	int r;

	if ((r = key_generate(&k)) != 0)
		errx(2, "%s: %s", g->path, kith_strerror(r));
	write_pair(g->path, g->pubpath, k, g->comment, g->pass);
	sodium_free(g->pass);
	write_revocation(g->path, k, g->comment);
	if (!o->quiet)
		print_report(g->path, g->pubpath, k, g->comment);
	key_free(k);
	free(g->comment);
	free(g->pubpath);
	free(g->path);
	free(g->dir);
}

static void
keyset_add(struct keyset *ks, struct key *k, char *comment)
{
	struct key **nk;
	char **nc;

	nk = reallocarray(ks->keys, ks->n + 1, sizeof(*nk));
	nc = nk == NULL ? NULL :
	    reallocarray(ks->comments, ks->n + 1, sizeof(*nc));
	if (nk != NULL)
		ks->keys = nk;
	if (nc == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	ks->comments = nc;
	ks->keys[ks->n] = k;
	ks->comments[ks->n++] = comment;
}

static void
keyset_free(struct keyset *ks)
{
	size_t i;

	for (i = 0; i < ks->n; i++) {
		key_free(ks->keys[i]);
		free(ks->comments[i]);
	}
	free(ks->keys);
	free(ks->comments);
}

/*
 * A key line of a .pub file beside a private key, read as OpenSSH does:
 * the comment is the rest of the line after the key and blanks (up to a
 * CR), or the file's name when that is empty.
 */
static int
pub_line(const char *s, size_t e, const char *pubpath, struct key **kp,
    char **commentp)
{
	size_t i = 0, used, n;

	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == e || key_parse_text(s + i, e - i, kp, &used) != 0)
		return KE_NOTPUB;
	for (i += used; i < e && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	for (n = 0; i + n < e && s[i + n] != '\r'; n++)
		;
	*commentp = n > 0 ? strndup(s + i, n) : strdup(pubpath);
	return *commentp == NULL ? KE_NOMEM : 0;
}

/* The first key of pubpath and its comment (see pub_line). */
static int
load_pub_beside(const char *pubpath, struct key **kp, char **commentp)
{
	struct buf *b = NULL;
	const char *p, *nl;
	size_t left, e;
	int r;

	*kp = NULL;
	*commentp = NULL;
	if ((r = file_read(pubpath, KITH_MAXFILE, &b)) != 0)
		return r;
	p = (const char *)buf_ptr(b);
	for (left = buf_len(b); left > 0; left -= e + 1, p = nl + 1) {
		nl = memchr(p, '\n', left);
		e = nl != NULL ? (size_t)(nl - p) : left;
		if (e > 0 && *p != '#' && *p != '\0') {
			if (e >= 10 && strncmp(p, "-----BEGIN", 10) == 0)
				break;
			if ((r = pub_line(p, e, pubpath, kp, commentp)) == 0)
				goto out;
		}
		if (nl == NULL)
			break;
	}
	r = KE_NOTPUB;
 out:
	buf_free(b);
	return r;
}

/* A private key file: the key and comment ssh-keygen -l would show. */
static void
read_private(const char *path, const struct buf *text, struct keyset *ks)
{
	struct key *pub = NULL, *priv = NULL;
	struct buf *secret = NULL;
	char *pubpath = NULL, *comment = NULL;
	int r;

	if (asprintf(&pubpath, "%s.pub", path) == -1)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if (load_pub_beside(pubpath, &pub, &comment) != 0 &&
	    (r = privkey_parse_public(text, &pub)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	if (comment == NULL || *comment == '\0') {
		free(comment);
		comment = NULL;
		/* as OpenSSH: the comment of an unencrypted, private file */
		if (file_read_secret(path, PRIVKEY_MAXFILE, &secret) == 0 &&
		    privkey_parse(secret, NULL, &priv, &comment) != 0)
			comment = NULL;
	}
	keyset_add(ks, pub, comment);
	key_free(priv);
	buf_free(secret);
	free(pubpath);
}

/* Every key in path, as ssh-keygen -l finds them. */
static void
read_keys(const char *path, struct keyset *ks)
{
	struct keylist *kl = NULL;
	struct buf *text = NULL;
	struct key *k;
	char *comment;
	size_t skipped;
	int r;

	if ((r = file_read(path, KITH_MAXFILE, &text)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	if (strcmp(path, "-") != 0 &&
	    keylist_is_private(buf_ptr(text), buf_len(text))) {
		read_private(path, text, ks);
		buf_free(text);
		return;
	}
	if ((r = keylist_open(buf_ptr(text), buf_len(text), 0, &kl)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	while ((r = keylist_next(kl, &k, &comment, NULL)) == 0)
		keyset_add(ks, k, comment);
	if (r != KE_NOTFOUND)
		errx(2, "%s: %s", path, kith_strerror(r));
	skipped = keylist_nforeign(kl);
	keylist_free(kl);
	buf_free(text);
	if (ks->n == 0 && skipped > 0)		/* one line, not two */
		errx(2, "%s: no ssh-ed25519 key, only %zu of other types "
		    "(kith handles only ssh-ed25519)", path, skipped);
	if (skipped > 0)
		warnx("%s: skipped %zu key%s of other types (kith handles "
		    "only ssh-ed25519)", path, skipped,
		    skipped == 1 ? "" : "s");
	if (ks->n == 0)
		errx(2, "%s: %s", path, kith_strerror(KE_NOTPUB));
}

static void
do_list(const struct opts *o)
{
	struct keyset ks = { 0 };
	struct buf *b;
	size_t i;
	int r;

	read_keys(o->file, &ks);
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	for (i = 0; i < ks.n; i++) {
		if ((r = fp_format_line(b, ks.keys[i], ks.comments[i],
		    o->hash, o->verbose, o->mode == M_BUBBLE)) != 0)
			errx(2, "%s: %s", o->file, kith_strerror(r));
		if (buf_len(b) > 65536)
			put_stdout(b);
	}
	put_stdout(b);
	buf_free(b);
	keyset_free(&ks);
}

/* The 16 read-aloud words of k, with sep between groups of four. */
static void
put_words(struct buf *b, const struct key *k, const char *sep)
{
	struct buf *w;
	const u_char *p;
	size_t i, n;
	int r;

	if ((w = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = fp_key_words(w, k)) != 0)
		errx(2, "%s", kith_strerror(r));
	p = buf_ptr(w);
	n = buf_len(w);
	for (i = 0; i < n && r == 0; i++) {
		if (p[i] == ' ' && i + 1 < n && p[i + 1] == ' ') {
			r = buf_puts(b, sep);
			i++;
		} else
			r = buf_put_u8(b, p[i]);
	}
	if (r != 0)
		errx(2, "%s", kith_strerror(r));
	buf_free(w);
}

static void
do_words(const struct opts *o)
{
	struct keyset ks = { 0 };
	struct buf *b;
	size_t i;
	int r;

	read_keys(o->file, &ks);
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	for (i = 0; i < ks.n; i++) {
		if ((r = fp_format_line(b, ks.keys[i], ks.comments[i],
		    FP_SHA256, 0, 0)) != 0)
			errx(2, "%s: %s", o->file, kith_strerror(r));
		put_words(b, ks.keys[i], "  ");
		if ((r = buf_put_u8(b, '\n')) != 0)
			errx(2, "%s", kith_strerror(r));
	}
	put_stdout(b);
	buf_free(b);
	keyset_free(&ks);
}

static void
do_card(const struct opts *o)
{
	struct keyset ks = { 0 };
	struct buf *b;
	char date[32];
	const char *name;
	time_t now = time(NULL);
	int r;

	read_keys(o->file, &ks);
	name = o->name != NULL ? o->name :
	    ks.comments[0] != NULL ? ks.comments[0] : "(no name)";
	strftime(date, sizeof(date), "%Y-%m-%d", localtime(&now));
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = buf_puts(b, "kith host key card\n\nhost:        ")) != 0 ||
	    (r = ssh_escape(b, name)) != 0 ||
	    (r = buf_puts(b, "\ndate:        ")) != 0 ||
	    (r = buf_puts(b, date)) != 0 ||
	    (r = buf_puts(b, "\ntype:        ED25519 256\n")) != 0 ||
	    (r = buf_puts(b, "fingerprint: ")) != 0 ||
	    (r = fp_key(b, ks.keys[0], FP_SHA256)) != 0 ||
	    (r = buf_puts(b, "\n\n")) != 0 ||
	    (r = fp_key_randomart(b, ks.keys[0], FP_SHA256)) != 0 ||
	    (r = buf_puts(b, "\n\nwords:\n    ")) != 0)
		errx(2, "%s: %s", o->file, kith_strerror(r));
	put_words(b, ks.keys[0], "\n    ");
	if ((r = buf_puts(b, "\n\nchecked by: ____________________  "
	    "on: ____________\n")) != 0)
		errx(2, "%s", kith_strerror(r));
	put_stdout(b);
	buf_free(b);
	keyset_free(&ks);
}

/* A private key, asking for its passphrase when it needs one. */
static struct key *
load_private(const char *path, const char *given, char **commentp)
{
	struct buf *text = NULL;
	struct key *k = NULL;
	char *pass = NULL;
	int r, enc;

	if ((r = file_read_secret(path, PRIVKEY_MAXFILE, &text)) != 0 ||
	    (r = privkey_is_encrypted(text, &enc)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	if (enc)
		pass = given != NULL ? dup_secret(given, path) :
		    ask_pass("Enter passphrase: ", path);
	r = privkey_parse(text, pass, &k, commentp);
	if (pass != NULL)
		sodium_free(pass);
	if (r != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	buf_free(text);
	return k;
}

static void
do_revoke(const struct opts *o)
{
	struct buf *b;
	struct key *k;
	char *comment = NULL;

	k = load_private(o->file, o->pass, &comment);
	b = revocation(k, o->reason, comment, o->file);
	put_stdout(b);
	buf_free(b);
	free(comment);
	key_free(k);
}

static void
do_successor(const struct opts *o)
{
	struct sshsig_signer so, sn;
	struct stmt *st = NULL;
	struct key *old, *new;
	struct buf *b;
	char *comment = NULL;
	int r;

	old = load_private(o->old, NULL, NULL);
	new = load_private(o->file, NULL, &comment);
	if (key_equal_public(old, new))
		errx(2, "%s: the successor is the same key", o->file);
	if ((b = buf_new()) == NULL ||
	    (r = sshsig_signer_key(&so, old)) != 0 ||
	    (r = sshsig_signer_key(&sn, new)) != 0 ||
	    (r = stmt_successor(&so, &sn, (uint64_t)time(NULL), comment,
	    &st)) != 0 || (r = stmt_format(b, st)) != 0)
		errx(2, "%s: %s", o->file, kith_strerror(b ? r : KE_NOMEM));
	put_stdout(b);
	stmt_free(st);
	buf_free(b);
	free(comment);
	key_free(new);
	key_free(old);
}

static void
do_public(const struct opts *o)
{
	struct buf *out = NULL;
	struct key *k = NULL;
	char *comment = NULL;
	int r = 0;

	k = load_private(o->file, o->pass, &comment);
	if ((out = buf_new()) == NULL ||
	    (r = key_format_line(out, k, *comment != '\0' ? comment : NULL)))
		errx(2, "%s: %s", o->file, kith_strerror(r ? r : KE_NOMEM));
	put_stdout(out);
	buf_free(out);
	free(comment);
	key_free(k);
}

static u_int
parse_reason(const char *s)
{
	if (strcmp(s, "compromised") == 0)
		return STMT_COMPROMISED;
	if (strcmp(s, "retired") == 0)
		return STMT_RETIRED;
	errx(2, "-r %s: use compromised or retired", s);
}

static void
set_mode(struct opts *o, enum mode m)
{
	if (o->mode != M_GEN && o->mode != m)
		usage();
	o->mode = m;
}

/* Each option given (seen) must be one of the mode's: else usage. */
static void
check_opts(enum mode m, uint64_t seen)
{
	const char *p;
	uint64_t ok = 0;

	for (p = mode_opts[m]; *p != '\0'; p++)
		ok |= OPTBIT(*p);
	if ((seen & ~ok) != 0)
		usage();
}

int
main(int argc, char *argv[])
{
	struct opts o = { .mode = M_GEN, .hash = FP_SHA256,
	    .reason = STMT_COMPROMISED };
	struct sandbox_path sp = { NULL, SANDBOX_WRITE | SANDBOX_PARENT };
	struct gen g;
	uint64_t seen = 0;
	int ch, r;

	while ((ch = getopt(argc, argv, "BC:cd:E:f:lN:n:P:qRr:S:vwy")) != -1) {
		if (ch >= 'A' && ch <= 'z')
			seen |= OPTBIT(ch);
		switch (ch) {
		case 'B': set_mode(&o, M_BUBBLE); break;
		case 'C': o.comment = optarg; break;
		case 'c': set_mode(&o, M_CARD); break;
		case 'd':
			if (*optarg == '\0')
				errx(2, "-d: the directory name is empty");
			o.dir = optarg;
			break;
		case 'E':
			if (strcmp(optarg, "sha256") == 0)
				o.hash = FP_SHA256;
			else if (strcmp(optarg, "md5") == 0)
				o.hash = FP_MD5;
			else
				errx(2, "-E %s: use sha256 or md5", optarg);
			break;
		case 'f': o.file = optarg; break;
		case 'l': set_mode(&o, M_LIST); break;
		case 'N': o.newpass = optarg; break;
		case 'n': o.name = optarg; break;
		case 'P': o.pass = optarg; break;
		case 'q': o.quiet = 1; break;
		case 'R': set_mode(&o, M_REVOKE); break;
		case 'r': o.reason = parse_reason(optarg); break;
		case 'S': set_mode(&o, M_SUCCESSOR); o.old = optarg; break;
		case 'v': o.verbose = 1; break;
		case 'w': set_mode(&o, M_WORDS); break;
		case 'y': set_mode(&o, M_PUBLIC); break;
		default: usage();
		}
	}
	if (optind != argc || (o.mode != M_GEN && o.file == NULL) ||
	    (o.mode == M_GEN && o.file != NULL && o.dir != NULL))
		usage();
	check_opts(o.mode, seen);
	if (sodium_init() < 0)
		errx(2, "libsodium: %s", kith_strerror(KE_CRYPTO));
	ssh_setlocale();
	/* a new key, its .pub and .revoke go beside it; the rest print */
	if (o.mode == M_GEN) {
		gen_prepare(&o, &g);
		sp.path = g.path;
	}
	if ((r = sandbox(&sp, 1, 0)) != 0)
		errx(2, "sandbox: %s", kith_strerror(r));
	switch (o.mode) {
	case M_GEN: do_generate(&o, &g); break;
	case M_LIST:
	case M_BUBBLE: do_list(&o); break;
	case M_PUBLIC: do_public(&o); break;
	case M_WORDS: do_words(&o); break;
	case M_CARD: do_card(&o); break;
	case M_REVOKE: do_revoke(&o); break;
	case M_SUCCESSOR: do_successor(&o); break;
	}
	return 0;
}
