/*
 * keylist.c: ssh-keygen's do_fingerprint line reader.  Each line is
 * copied into one reused buffer as getline(3) would; the comment is an
 * offset into that buffer, which is what lets a later line show an
 * earlier line's comment, as in ssh-keygen.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"

struct keylist {
	const u_char	*text;
	size_t		 len;
	size_t		 pos;		/* where the next line starts */
	size_t		 lineno;
	int		 flags;
	char		*lb;		/* the line buffer, never shrunk */
	size_t		 lbsize;
	size_t		 comment;	/* offset of the comment in lb */
	int		 hascomment;
	size_t		 nforeign;
	size_t		 nskipped;
};

/*
 * The key type names OpenSSH 9.2 reads and the type each one requires
 * inside its blob; kith only takes the first two.
 */
static const struct {
	const char	*name;
	const char	*blobtype;
} kl_types[] = {
	{ KEY_TYPE, KEY_TYPE },
	{ KEY_CERT_TYPE, KEY_CERT_TYPE },
	{ "ssh-rsa", "ssh-rsa" },
	{ "rsa-sha2-256", "ssh-rsa" },
	{ "rsa-sha2-512", "ssh-rsa" },
	{ "ssh-dss", "ssh-dss" },
	{ "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256" },
	{ "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384" },
	{ "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521" },
	{ "sk-ecdsa-sha2-nistp256@openssh.com",
	    "sk-ecdsa-sha2-nistp256@openssh.com" },
	{ "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
	    "sk-ecdsa-sha2-nistp256@openssh.com" },
	{ "sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519@openssh.com" },
	{ "ssh-xmss@openssh.com", "ssh-xmss@openssh.com" },
	{ "ssh-rsa-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com" },
	{ "rsa-sha2-256-cert-v01@openssh.com",
	    "ssh-rsa-cert-v01@openssh.com" },
	{ "rsa-sha2-512-cert-v01@openssh.com",
	    "ssh-rsa-cert-v01@openssh.com" },
	{ "ssh-dss-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com" },
	{ "ecdsa-sha2-nistp256-cert-v01@openssh.com",
	    "ecdsa-sha2-nistp256-cert-v01@openssh.com" },
	{ "ecdsa-sha2-nistp384-cert-v01@openssh.com",
	    "ecdsa-sha2-nistp384-cert-v01@openssh.com" },
	{ "ecdsa-sha2-nistp521-cert-v01@openssh.com",
	    "ecdsa-sha2-nistp521-cert-v01@openssh.com" },
	{ "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
	    "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com" },
	{ "sk-ssh-ed25519-cert-v01@openssh.com",
	    "sk-ssh-ed25519-cert-v01@openssh.com" },
	{ "ssh-xmss-cert-v01@openssh.com", "ssh-xmss-cert-v01@openssh.com" },
};
#define KL_ED25519	0	/* index of KEY_TYPE in kl_types */
#define KL_ED25519_CERT	1

int
keylist_open(const u_char *text, size_t len, int flags, struct keylist **klp)
{
	struct keylist *kl;

	*klp = NULL;
	if ((flags & ~KEYLIST_OWNCOMMENT) != 0)
		return KE_INTERNAL;
	if ((kl = calloc(1, sizeof(*kl))) == NULL)
		return KE_NOMEM;
	kl->text = text;
	kl->len = len;
	kl->flags = flags;
	*klp = kl;
	return 0;
}

void
keylist_free(struct keylist *kl)
{
	if (kl == NULL)
		return;
	free(kl->lb);
	free(kl);
}

size_t
keylist_nforeign(const struct keylist *kl)
{
	return kl->nforeign;
}

size_t
keylist_nskipped(const struct keylist *kl)
{
	return kl->nskipped;
}

/*
 * Copies the next line, its newline and a NUL over the start of lb, as
 * getline(3) does: bytes past the NUL keep what longer lines left.
 */
static int
kl_getline(struct keylist *kl)
{
	const u_char *nl;
	size_t n, sz;
	char *p;

	if (kl->pos >= kl->len)
		return KE_NOTFOUND;
	nl = memchr(kl->text + kl->pos, '\n', kl->len - kl->pos);
	n = nl != NULL ? (size_t)(nl - kl->text) + 1 - kl->pos :
	    kl->len - kl->pos;
	if (n > KEYLIST_MAXLINE)
		return KE_TOOLONG;
	if (n + 1 > kl->lbsize) {
		sz = kl->lbsize * 2 > n + 1 ? kl->lbsize * 2 : n + 1;
		if ((p = realloc(kl->lb, sz)) == NULL)
			return KE_NOMEM;
		memset(p + kl->lbsize, 0, sz - kl->lbsize);
		kl->lb = p;
		kl->lbsize = sz;
	}
	memcpy(kl->lb, kl->text + kl->pos, n);
	kl->lb[n] = '\0';
	kl->pos += n;
	kl->lineno++;
	return 0;
}

/* The index in kl_types of the n-byte type name at s, or -1. */
static int
kl_type(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < nitems(kl_types); i++)
		if (strlen(kl_types[i].name) == n &&
		    memcmp(s, kl_types[i].name, n) == 0)
			return (int)i;
	return -1;
}

/* Decodes n chars of base64 at s, skipping white space as b64_pton. */
static int
kl_decode(const char *s, size_t n, struct buf **bp)
{
	struct buf *b = NULL, *tmp = NULL;
	size_t i;
	int r = KE_NOMEM;

	*bp = NULL;
	if ((b = buf_new()) == NULL || (tmp = buf_new()) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		if (strchr(" \t\n\v\f\r", s[i]) != NULL)
			continue;
		if ((r = buf_put_u8(tmp, (u_char)s[i])) != 0)
			goto out;
	}
	if ((r = b64_decode(b, (const char *)buf_ptr(tmp),
	    buf_len(tmp))) != 0)
		goto out;
	*bp = b;
	b = NULL;
 out:
	buf_free(tmp);
	buf_free(b);
	return r;
}

/*
 * Parses blob as key type t: an Ed25519 key or certificate into *kp, or
 * for another type only checks the type inside the blob (*kp stays NULL).
 */
static int
kl_blob(struct buf *blob, int t, struct key **kp)
{
	struct key *k = NULL;
	const u_char *p;
	size_t n;
	int r;

	*kp = NULL;
	if (t != KL_ED25519 && t != KL_ED25519_CERT) {
		if ((r = buf_get_string_ptr(blob, &p, &n, KITH_MAXNAME)) != 0)
			return r;
		if (n != strlen(kl_types[t].blobtype) ||
		    memcmp(p, kl_types[t].blobtype, n) != 0)
			return KE_KEYTYPE;
		return 0;
	}
	if ((r = key_from_blob(blob, &k)) != 0)
		return r;
	if ((k->cert != NULL) != (t == KL_ED25519_CERT)) {
		key_free(k);
		return KE_KEYTYPE;
	}
	*kp = k;
	return 0;
}

/*
 * sshkey_read at lb + *cpp: "type blob" then blanks.  0 moves *cpp past
 * them, with *kp set, or NULL for a key of another type.  KE_NOTFOUND if
 * there is no key there.
 */
static int
kl_try(struct keylist *kl, size_t *cpp, struct key **kp)
{
	const char *l = kl->lb;
	struct buf *blob = NULL;
	size_t w, b, n;
	int t, r;

	*kp = NULL;
	w = strcspn(l + *cpp, " \t");
	if (l[*cpp + w] == '\0' || (t = kl_type(l + *cpp, w)) < 0)
		return KE_NOTFOUND;
	for (b = *cpp + w; l[b] == ' ' || l[b] == '\t'; b++)
		;
	if (l[b] == '\0')
		return KE_NOTFOUND;
	n = strcspn(l + b, " \t");
	if ((r = kl_decode(l + b, n, &blob)) == 0)
		r = kl_blob(blob, t, kp);
	buf_free(blob);
	if (r != 0)
		return r == KE_NOMEM ? r : KE_NOTFOUND;
	for (b += n; l[b] == ' ' || l[b] == '\t'; b++)
		;
	*cpp = b;
	return 0;
}

/*
 * Steps over a leading host list or authorized_keys options (quotes may
 * hold blanks) and cuts it off with a NUL, as ssh-keygen does; the field
 * becomes the comment.  0 if there is nothing after it to retry.
 */
static int
kl_skip_field(struct keylist *kl, size_t *cpp)
{
	char *l = kl->lb, *ep;
	size_t cp = *cpp;
	int quoted = 0;

	/* "bits exponent modulus": an SSH1 key, not retried */
	if ((int)strtol(l + cp, &ep, 10) != 0 && (*ep == ' ' || *ep == '\t'))
		return 0;
	kl->comment = cp;
	kl->hascomment = 1;
	for (; l[cp] != '\0' && (quoted || (l[cp] != ' ' && l[cp] != '\t'));
	    cp++) {
		if (l[cp] == '\\' && l[cp + 1] == '"')
			cp++;
		else if (l[cp] == '"')
			quoted = !quoted;
	}
	if (l[cp] == '\0')
		return 0;
	l[cp++] = '\0';
	*cpp = cp;
	return 1;
}

/* One line of do_fingerprint: 0 with *kp, or KE_NOTFOUND for no key. */
static int
kl_line(struct keylist *kl, struct key **kp)
{
	char *l = kl->lb;
	size_t cp;
	int r;

	if (kl->flags & KEYLIST_OWNCOMMENT)
		kl->hascomment = 0;
	l[strcspn(l, "\n")] = '\0';
	cp = strspn(l, " \t");
	if (l[cp] == '#' || l[cp] == '\0')
		return KE_NOTFOUND;
	if ((r = kl_try(kl, &cp, kp)) == KE_NOTFOUND &&
	    kl_skip_field(kl, &cp))
		r = kl_try(kl, &cp, kp);
	if (r == KE_NOTFOUND)
		kl->nskipped++;
	if (r != 0)
		return r;
	if (l[cp] != '\0' && l[cp] != '#') {
		kl->comment = cp;
		kl->hascomment = 1;
	}
	if (*kp == NULL) {
		kl->nforeign++;
		return KE_NOTFOUND;
	}
	return 0;
}

int
keylist_next(struct keylist *kl, struct key **kp, char **commentp,
    size_t *linenop)
{
	struct key *k = NULL;
	char *c = NULL;
	int r;

	*kp = NULL;
	if (commentp != NULL)
		*commentp = NULL;
	do {
		if ((r = kl_getline(kl)) != 0)
			return r;
	} while ((r = kl_line(kl, &k)) == KE_NOTFOUND);
	if (r != 0)
		return r;
	if (commentp != NULL && kl->hascomment &&
	    (c = strdup(kl->lb + kl->comment)) == NULL) {
		key_free(k);
		return KE_NOMEM;
	}
	if (commentp != NULL)
		*commentp = c;
	if (linenop != NULL)
		*linenop = kl->lineno;
	*kp = k;
	return 0;
}

int
keylist_is_private(const u_char *text, size_t len)
{
	static const char tag[] = "PRIVATE KEY";
	size_t i = 0, n = 0;

	while (n < len && text[n] != '\n' && text[n] != '\0')
		n++;
	while (i < n && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i == n || text[i] == '#')
		return 0;
	return memmem(text + i, n - i, tag, sizeof(tag) - 1) != NULL;
}
