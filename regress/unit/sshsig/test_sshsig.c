/*
 * Unit tests for lib/sshsig.c against ssh-keygen -Y (regress/data/sshsig,
 * made by mkdata.sh).  "sshsig -g DIR" writes kith's signatures of the
 * golden messages into DIR instead, for mkdata.sh to check with
 * ssh-keygen -Y verify.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"
#include "sshsig.h"
#include "test.h"

#define TS_DATA	"regress/data/sshsig"

/* The table mkdata.sh signs with ssh-keygen (its $table). */
static const struct golden {
	const char	*name;
	const char	*msg;
	const char	*ns;
	int		 alg;
} golden[] = {
	{ "empty", "msg-empty", "file", SSHSIG_SHA512 },
	{ "hello", "msg-hello", "file", SSHSIG_SHA512 },
	{ "bin", "msg-bin", "file", SSHSIG_SHA512 },
	{ "hello-sha256", "msg-hello", "file", SSHSIG_SHA256 },
	{ "bin-sha256", "msg-bin", "file", SSHSIG_SHA256 },
	{ "hello-revoke", "msg-hello", "revoke@kith", SSHSIG_SHA512 },
};

static struct buf *
slurp(const char *name)
{
	struct buf *b;
	char path[256];
	u_char *d;
	size_t len;

	snprintf(path, sizeof(path), "%s/%s", TS_DATA, name);
	d = t_slurp(path, &len);
	if ((b = buf_from(d, len)) == NULL)
		exit(1);
	free(d);
	return b;
}

/* The golden test key, with its private half. */
static struct key *
test_key(void)
{
	struct buf *f = slurp("key");
	struct key *k;

	if (privkey_parse(f, NULL, &k, NULL) != 0)
		exit(1);
	buf_free(f);
	return k;
}

static struct key *
keygen(void)
{
	struct key *k;

	if (key_generate(&k) != 0)
		exit(1);
	return k;
}

static int
buf_is(const struct buf *a, const struct buf *b)
{
	return buf_len(a) == buf_len(b) &&
	    memcmp(buf_ptr(a), buf_ptr(b), buf_len(a)) == 0;
}

/* kith's armoured signature of g's message. */
static struct buf *
kith_sig(const struct key *k, const struct golden *g)
{
	struct sshsig_signer s;
	struct buf *msg = slurp(g->msg), *blob = buf_new(), *out = buf_new();

	if (sshsig_signer_key(&s, k) != 0 ||
	    sshsig_sign(blob, &s, g->ns, g->alg, buf_ptr(msg),
	    buf_len(msg)) != 0 ||
	    sshsig_armour(out, buf_ptr(blob), buf_len(blob)) != 0)
		exit(1);
	buf_free(msg);
	buf_free(blob);
	return out;
}

/* The raw blob of an armoured golden signature file. */
static struct buf *
golden_blob(const char *file)
{
	struct buf *text = slurp(file), *blob = buf_new();

	if (sshsig_dearmour(blob, (const char *)buf_ptr(text), buf_len(text),
	    NULL) != 0)
		exit(1);
	buf_free(text);
	return blob;
}

static void
test_golden(const struct key *k, const struct golden *g)
{
	struct buf *mine = kith_sig(k, g), *ssh, *kith, *msg, *blob;
	char file[128];
	u_char pk[KEY_PKLEN];

	snprintf(file, sizeof(file), "ssh-%s.sig", g->name);
	ssh = slurp(file);
	snprintf(file, sizeof(file), "kith-%s.sig", g->name);
	kith = slurp(file);
	msg = slurp(g->msg);
	T_OK(buf_is(mine, ssh), "%s: kith's signature is ssh-keygen's",
	    g->name);
	T_OK(buf_is(mine, kith), "%s: and the one ssh-keygen verified",
	    g->name);
	memset(pk, 0, sizeof(pk));
	T_EQ(sshsig_verify(buf_ptr(ssh), buf_len(ssh), buf_ptr(msg),
	    buf_len(msg), g->ns, g->alg, pk), 0, "%s: verify ssh-keygen's",
	    g->name);
	T_MEM(pk, k->pk, KEY_PKLEN, "%s: signer is the test key", g->name);
	T_EQ(sshsig_verify(buf_ptr(ssh), buf_len(ssh), buf_ptr(msg),
	    buf_len(msg), g->ns, SSHSIG_ANYHASH, NULL), 0,
	    "%s: verify, any hash", g->name);
	T_EQ(sshsig_verify(buf_ptr(ssh), buf_len(ssh), buf_ptr(msg),
	    buf_len(msg), g->ns, g->alg == SSHSIG_SHA512 ? SSHSIG_SHA256 :
	    SSHSIG_SHA512, NULL), KE_HASHALG, "%s: other hash refused",
	    g->name);
	T_EQ(sshsig_verify(buf_ptr(ssh), buf_len(ssh), buf_ptr(msg),
	    buf_len(msg), "files", g->alg, NULL), KE_NAMESPACE,
	    "%s: other namespace refused", g->name);
	T_EQ(sshsig_verify(buf_ptr(ssh), buf_len(ssh), "x", 1, g->ns, g->alg,
	    NULL), KE_SIGNATURE, "%s: other message refused", g->name);
	blob = golden_blob(file);
	T_EQ(sshsig_verify(buf_ptr(blob), buf_len(blob), buf_ptr(msg),
	    buf_len(msg), g->ns, g->alg, NULL), 0, "%s: verify the raw blob",
	    g->name);
	buf_free(blob);
	buf_free(msg);
	buf_free(kith);
	buf_free(ssh);
	buf_free(mine);
}

/* Streaming hashes, the agent path and the digest API agree. */
static void
test_paths(const struct key *k)
{
	struct buf *msg = slurp("msg-bin"), *a = buf_new(), *b = buf_new();
	struct buf *tbs = buf_new(), *c = buf_new();
	struct sshsig_signer s;
	struct sshsig_hash h;
	struct sshsig *ps = NULL;
	u_char d[SSHSIG_MAXHASH], d2[SSHSIG_MAXHASH], sig[KEY_SIGLEN];
	size_t dlen, i, step[] = { 1, 7, 4096, 65536 }, j, n;
	int alg, ok;

	sshsig_signer_key(&s, k);
	for (alg = SSHSIG_SHA512; alg <= SSHSIG_SHA256; alg++) {
		dlen = sshsig_digest(alg, buf_ptr(msg), buf_len(msg), d);
		ok = 1;
		for (j = 0; j < nitems(step); j++) {
			sshsig_hash_init(&h, alg);
			for (i = 0; i < buf_len(msg); i += n) {
				n = buf_len(msg) - i < step[j] ?
				    buf_len(msg) - i : step[j];
				sshsig_hash_update(&h, buf_ptr(msg) + i, n);
			}
			ok &= sshsig_hash_final(&h, d2) == dlen &&
			    memcmp(d, d2, dlen) == 0;
		}
		T_OK(ok, "%s: streamed digest", sshsig_hashname(alg));
		buf_reset(a);
		buf_reset(b);
		buf_reset(c);
		buf_reset(tbs);
		T_EQ(sshsig_sign(a, &s, "file", alg, buf_ptr(msg),
		    buf_len(msg)), 0, "sign");
		T_EQ(sshsig_sign_digest(b, &s, "file", alg, d, dlen), 0,
		    "sign a digest");
		T_OK(buf_is(a, b), "%s: same blob", sshsig_hashname(alg));
		T_EQ(sshsig_tbs(tbs, "file", alg, d, dlen), 0, "tbs");
		key_sign_raw(k, buf_ptr(tbs), buf_len(tbs), sig);
		T_EQ(sshsig_encode(c, k->pk, "file", alg, sig), 0, "encode");
		T_OK(buf_is(a, c), "%s: agent path gives the same blob",
		    sshsig_hashname(alg));
		T_EQ(sshsig_parse(buf_ptr(a), buf_len(a), &ps), 0, "parse");
		T_OK(ps != NULL && ps->hashalg == alg &&
		    strcmp(ps->ns, "file") == 0 &&
		    memcmp(ps->pk, k->pk, KEY_PKLEN) == 0 &&
		    memcmp(ps->sig, sig, KEY_SIGLEN) == 0, "parsed fields");
		T_EQ(sshsig_check_digest(ps, "file", alg, d, dlen), 0,
		    "check digest");
		T_EQ(sshsig_check_digest(ps, "file", alg, d, dlen - 1),
		    KE_HASHALG, "digest of the wrong length");
		sshsig_free(ps);
		ps = NULL;
	}
	buf_free(msg);
	buf_free(a);
	buf_free(b);
	buf_free(c);
	buf_free(tbs);
}

static int
wrong_signer(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	return key_sign_raw(arg, msg, len, sig);
}

static int
failing_signer(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	(void)arg;
	(void)msg;
	(void)len;
	memset(sig, 0, KEY_SIGLEN);
	return KE_NOTFOUND;
}

static void
test_sign_errors(const struct key *k)
{
	struct key *other = keygen(), *pub = NULL;
	struct sshsig_signer s;
	struct buf *b = buf_new();
	u_char d[SSHSIG_MAXHASH];
	char ns[SSHSIG_MAXNS + 2];

	key_copy_public(k, &pub);
	T_EQ(sshsig_signer_key(&s, pub), KE_NOSECRET, "no private half");
	sshsig_signer_key(&s, k);
	s.sign = wrong_signer;
	s.arg = other;
	T_EQ(sshsig_sign(b, &s, "file", SSHSIG_SHA512, "m", 1), KE_SIGNATURE,
	    "a signer holding another key");
	T_EQ(buf_len(b), 0, "nothing appended");
	s.sign = failing_signer;
	T_EQ(sshsig_sign(b, &s, "file", SSHSIG_SHA512, "m", 1), KE_NOTFOUND,
	    "the signer's error is passed on");
	sshsig_signer_key(&s, k);
	T_EQ(sshsig_sign(b, &s, "", SSHSIG_SHA512, "m", 1), KE_FORMAT,
	    "empty namespace");
	memset(ns, 'n', sizeof(ns) - 1);
	ns[sizeof(ns) - 1] = '\0';
	T_EQ(sshsig_sign(b, &s, ns, SSHSIG_SHA512, "m", 1), KE_TOOLONG,
	    "namespace too long");
	ns[sizeof(ns) - 2] = '\0';
	T_EQ(sshsig_sign(b, &s, ns, SSHSIG_SHA512, "m", 1), 0,
	    "longest namespace");
	T_EQ(sshsig_sign(b, &s, "file", 3, "m", 1), KE_HASHALG,
	    "unknown hash");
	T_EQ(sshsig_sign_digest(b, &s, "file", SSHSIG_SHA256, d, 64),
	    KE_HASHALG, "digest of the wrong length");
	T_EQ(sshsig_tbs(b, "file", SSHSIG_ANYHASH, d, 64), KE_HASHALG,
	    "tbs: no hash");
	T_EQ(sshsig_hash_init(&(struct sshsig_hash){ 0 }, 9), KE_HASHALG,
	    "hash_init: unknown");
	T_OK(sshsig_hashname(0) == NULL, "no name for 0");
	key_free(pub);
	key_free(other);
	buf_free(b);
}

/*
 * A blob built field by field: fields left NULL get the values of a
 * valid signature of "m" by k in namespace "file".
 */
struct fields {
	const char	*magic;
	int		 version;	/* 0: 1; -1: 0 */
	const char	*keytype;
	const char	*ns;
	const char	*reserved;
	const char	*hash;
	const char	*sigtype;
	int		 sign_reserved;	/* sign over the reserved field too */
	int		 trailing;
};

static struct buf *
build(const struct key *k, const struct fields *f)
{
	struct buf *b = buf_new(), *t = buf_new(), *kb = buf_new();
	struct buf *sb = buf_new();
	const char *res = f->reserved ? f->reserved : "";
	const char *hash = f->hash ? f->hash : "sha512";
	const char *ns = f->ns ? f->ns : "file";
	u_char d[SSHSIG_MAXHASH], sig[KEY_SIGLEN];

	sshsig_digest(SSHSIG_SHA512, "m", 1, d);
	buf_put(t, "SSHSIG", 6);
	buf_put_cstring(t, ns);
	buf_put_cstring(t, f->sign_reserved ? res : "");
	buf_put_cstring(t, hash);
	buf_put_string(t, d, 64);
	key_sign_raw(k, buf_ptr(t), buf_len(t), sig);
	buf_put_cstring(kb, f->keytype ? f->keytype : KEY_TYPE);
	buf_put_string(kb, k->pk, KEY_PKLEN);
	buf_put_cstring(sb, f->sigtype ? f->sigtype : KEY_TYPE);
	buf_put_string(sb, sig, KEY_SIGLEN);
	buf_puts(b, f->magic ? f->magic : "SSHSIG");
	buf_put_u32(b, f->version == 0 ? 1 : f->version < 0 ? 0 :
	    (uint32_t)f->version);
	buf_put_stringb(b, kb);
	buf_put_cstring(b, ns);
	buf_put_cstring(b, res);
	buf_put_cstring(b, hash);
	buf_put_stringb(b, sb);
	if (f->trailing)
		buf_put_u8(b, 0);
	buf_free(t);
	buf_free(kb);
	buf_free(sb);
	return b;
}

static int
verify_m(const struct buf *b)
{
	return sshsig_verify(buf_ptr(b), buf_len(b), "m", 1, "file",
	    SSHSIG_ANYHASH, NULL);
}

/* sshsig_parse's verdict on b. */
static int
parse_r(const struct buf *b)
{
	struct sshsig *s = NULL;
	int r;

	r = sshsig_parse(buf_ptr(b), buf_len(b), &s);
	sshsig_free(s);
	return r;
}

/* The namespace and the reserved string, at and over their caps. */
static void
test_caps(const struct key *k)
{
	char big[SSHSIG_MAXBLOB + 2];
	struct fields f;
	struct buf *b;

	memset(big, 'n', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memset(&f, 0, sizeof(f));
	f.ns = big + sizeof(big) - 1 - SSHSIG_MAXNS;
	b = build(k, &f);
	T_EQ(parse_r(b), 0,
	    "a namespace of %d bytes", SSHSIG_MAXNS);
	buf_free(b);
	f.ns--;
	b = build(k, &f);
	T_EQ(parse_r(b), KE_TOOLONG,
	    "a namespace of %d bytes", SSHSIG_MAXNS + 1);
	buf_free(b);
	f.ns = NULL;
	f.reserved = big + 1;
	b = build(k, &f);
	T_EQ(parse_r(b), KE_FORMAT,
	    "a reserved string of %d bytes: read, then refused",
	    SSHSIG_MAXBLOB);
	buf_free(b);
	f.reserved = big;
	b = build(k, &f);
	T_EQ(parse_r(b), KE_TOOLONG,
	    "a reserved string of %d bytes", SSHSIG_MAXBLOB + 1);
	buf_free(b);
}

static void
test_malformed(const struct key *k)
{
	static const struct {
		struct fields	 f;
		int		 want;
		const char	*what;
	} t[] = {
		{ { 0 }, 0, "the reference blob" },
		{ { .magic = "SSHSIh" }, KE_ARMOUR, "wrong magic: not raw" },
		{ { .version = 2 }, KE_VERSION, "version 2" },
		{ { .version = -1 }, KE_VERSION, "version 0" },
		{ { .keytype = KEY_CERT_TYPE }, KE_KEYTYPE, "a cert type" },
		{ { .keytype = "ssh-rsa" }, KE_KEYTYPE, "an RSA key" },
		{ { .ns = "" }, KE_FORMAT, "empty namespace" },
		{ { .reserved = "x" }, KE_FORMAT, "reserved, unsigned" },
		{ { .reserved = "x", .sign_reserved = 1 }, KE_FORMAT,
		    "reserved, signed" },
		{ { .hash = "sha1" }, KE_HASHALG, "hash sha1" },
		{ { .hash = "SHA512" }, KE_HASHALG, "hash SHA512" },
		{ { .sigtype = "ssh-rsa" }, KE_SIGNATURE, "signature type" },
		{ { .trailing = 1 }, KE_TRAILING, "a trailing byte" },
	};
	struct sshsig *s = NULL;
	struct buf *b;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		b = build(k, &t[i].f);
		T_EQ(verify_m(b), t[i].want, "malformed: %s", t[i].what);
		buf_free(b);
	}
	test_caps(k);
	b = build(k, &t[1].f);
	T_EQ(sshsig_parse(buf_ptr(b), buf_len(b), &s), KE_MAGIC,
	    "malformed: wrong magic");
	T_OK(s == NULL, "nothing returned");
	buf_free(b);
	b = golden_blob("ssh-hello-cert.sig");
	T_EQ(sshsig_verify(buf_ptr(b), buf_len(b), "hello\n", 6, "file",
	    SSHSIG_SHA512, NULL), KE_KEYTYPE,
	    "ssh-keygen's signature by a certificate refused");
	buf_free(b);
}

/* Adds the group order L to the scalar S (little-endian, 32 bytes). */
static void
add_l(u_char *s)
{
	static const u_char l[32] = {
		0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
		0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
	};
	u_int c = 0, i;

	for (i = 0; i < 32; i++) {
		c += s[i] + l[i];
		s[i] = c & 0xff;
		c >>= 8;
	}
}

/* Every flipped bit and every truncation of a blob is refused. */
static void
test_flips(const char *file, const char *msgfile, const char *ns)
{
	struct buf *blob = golden_blob(file), *msg = slurp(msgfile);
	u_char *p = malloc(buf_len(blob));
	size_t i, len = buf_len(blob), bad = 0, first = 0;
	struct sshsig *s = NULL;
	int bit;

	memcpy(p, buf_ptr(blob), len);
	for (i = 0; i < len; i++)
		for (bit = 0; bit < 8; bit++) {
			p[i] ^= 1 << bit;
			if (sshsig_verify(p, len, buf_ptr(msg), buf_len(msg),
			    ns, SSHSIG_ANYHASH, NULL) == 0 && bad++ == 0)
				first = i * 8 + bit;
			p[i] ^= 1 << bit;
		}
	T_EQ(bad, 0, "%s: all %zu bit flips refused (first bad: bit %zu)",
	    file, len * 8, first);
	for (i = 0; i < len; i++)
		if (sshsig_verify(p, i, buf_ptr(msg), buf_len(msg), ns,
		    SSHSIG_ANYHASH, NULL) == 0)
			bad++;
	T_EQ(bad, 0, "%s: all %zu truncations refused", file, len);
	/* S + L: OpenSSH 9.2 accepts it, libsodium (and so kith) does not */
	if (sshsig_parse(p, len, &s) == 0) {
		buf_reset(blob);
		add_l(s->sig + 32);
		sshsig_encode(blob, s->pk, s->ns, s->hashalg, s->sig);
		T_EQ(sshsig_verify(buf_ptr(blob), buf_len(blob), buf_ptr(msg),
		    buf_len(msg), ns, SSHSIG_ANYHASH, NULL), KE_SIGNATURE,
		    "%s: non-canonical S refused", file);
	}
	sshsig_free(s);
	free(p);
	buf_free(msg);
	buf_free(blob);
}

static int
verify_text(const char *text)
{
	return sshsig_verify((const u_char *)text, strlen(text), "hello\n", 6,
	    "file", SSHSIG_SHA512, NULL);
}

static void
test_armour(void)
{
	struct buf *sig = slurp("ssh-hello.sig"), *t = buf_new(), *o;
	const char *s = (const char *)buf_ptr(sig);
	size_t len = buf_len(sig), end = 0, i;
	char *text, *crlf;

	text = buf_dup_cstring(sig);
	T_EQ(verify_text(text), 0, "armoured as ssh-keygen writes it");
	buf_puts(t, "\n\n");
	buf_putb(t, sig);
	buf_puts(t, "\n\r\n");
	free(text);
	text = buf_dup_cstring(t);
	T_EQ(verify_text(text), 0, "blank lines around it");
	buf_puts(t, "x");
	free(text);
	text = buf_dup_cstring(t);
	T_EQ(verify_text(text), KE_TRAILING, "text after it");
	o = buf_new();
	T_EQ(sshsig_dearmour(o, text, strlen(text), &end), 0,
	    "dearmour with endp");
	T_EQ(end, len + 2, "endp is just past the END line");
	free(text);
	/* CRLF line ends */
	if ((crlf = malloc(2 * len + 1)) == NULL)
		exit(1);
	for (i = 0, end = 0; i < len; i++) {
		if (s[i] == '\n')
			crlf[end++] = '\r';
		crlf[end++] = s[i];
	}
	crlf[end] = '\0';
	T_EQ(verify_text(crlf), 0, "CRLF line ends");
	free(crlf);
	text = buf_dup_cstring(sig);
	text[len - 10] = '\0';
	T_EQ(verify_text(text), KE_ARMOUR, "no END line");
	free(text);
	T_EQ(verify_text("-----BEGIN SSH SIGNATURE-----\n"
	    "U1NIU0lH\n-----END SSH SIGNATURE-----\n"), KE_TRUNCATED,
	    "only the magic");
	T_EQ(verify_text(""), KE_ARMOUR, "empty input");
	T_EQ(verify_text("SSHSIG"), KE_TRUNCATED, "raw magic only");
	buf_free(o);
	buf_free(t);
	buf_free(sig);
}

/* Writes kith's signatures of the golden messages into dir. */
static int
generate(const char *dir)
{
	struct key *k = test_key();
	struct buf *b;
	char path[512];
	size_t i;
	FILE *f;

	for (i = 0; i < nitems(golden); i++) {
		b = kith_sig(k, &golden[i]);
		snprintf(path, sizeof(path), "%s/kith-%s.sig", dir,
		    golden[i].name);
		if ((f = fopen(path, "wb")) == NULL ||
		    fwrite(buf_ptr(b), 1, buf_len(b), f) != buf_len(b) ||
		    fclose(f) != 0) {
			fprintf(stderr, "%s: write failed\n", path);
			return 1;
		}
		buf_free(b);
	}
	key_free(k);
	return 0;
}

int
main(int argc, char **argv)
{
	struct key *k;
	size_t i;

	if (sodium_init() < 0)
		return 1;
	if (argc == 3 && strcmp(argv[1], "-g") == 0)
		return generate(argv[2]);
	k = test_key();
	for (i = 0; i < nitems(golden); i++)
		test_golden(k, &golden[i]);
	test_paths(k);
	test_sign_errors(k);
	test_malformed(k);
	test_flips("ssh-hello.sig", "msg-hello", "file");
	test_flips("ssh-bin-sha256.sig", "msg-bin", "file");
	test_armour();
	key_free(k);
	return t_done();
}
