/*
 * Unit tests for lib/agentproto.c: every message round trip, every
 * truncation, oversized lengths, trailing bytes, bad and repeated
 * constraints.  With arguments the binary is the scenarios' raw client
 * (t_client.c).
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "agentproto.h"
#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_agentproto.h"

struct key *
ta_keygen(void)
{
	struct key *k;

	if (key_generate(&k) != 0)
		exit(1);
	return k;
}

struct key *
ta_certkey(void)
{
	struct key *k = ta_keygen(), *ca = ta_keygen();
	struct cert *c;

	if ((c = cert_new()) == NULL)
		exit(1);
	memcpy(c->pk, k->pk, sizeof(c->pk));
	c->type = CERT_TYPE_USER;
	if (cert_set_keyid(c, "user id") != 0 ||
	    cert_add_principal(c, "root") != 0 || cert_sign(c, ca) != 0)
		exit(1);
	k->cert = c;
	key_free(ca);
	return k;
}

struct agent_add *
ta_add(const struct key *k, const char *comment)
{
	struct agent_add *ad;

	if ((ad = calloc(1, sizeof(*ad))) == NULL ||
	    key_copy_public(k, &ad->key) != 0 ||
	    (ad->key->sk = sodium_malloc(KEY_SKLEN)) == NULL ||
	    (ad->comment = strdup(comment)) == NULL)
		exit(1);
	memcpy(ad->key->sk, k->sk, KEY_SKLEN);
	return ad;
}

struct buf *
ta_blob(const struct key *k)
{
	struct buf *b;

	if ((b = buf_new()) == NULL || key_put_blob(b, k) != 0)
		exit(1);
	return b;
}

/* Parses p[0..len) as a request; rq is cleared by the caller. */
static int
parse(const void *p, size_t len, struct agent_req *rq)
{
	struct buf *v;
	int r;

	if ((v = buf_view(p, len)) == NULL)
		exit(1);
	r = agent_parse_request(v, rq);
	buf_free(v);
	return r;
}

static int
parse_b(const struct buf *b, struct agent_req *rq)
{
	return parse(buf_ptr(b), buf_len(b), rq);
}

/* 1 if the add in rq carries k (private half and certificate) and c. */
static int
same_add(const struct agent_req *rq, const struct key *k, const char *c)
{
	const struct agent_add *ad = rq->add;

	return ad != NULL && ad->key->sk != NULL &&
	    memcmp(ad->key->pk, k->pk, KEY_PKLEN) == 0 &&
	    memcmp(ad->key->sk, k->sk, KEY_SKLEN) == 0 &&
	    (ad->key->cert != NULL) == (k->cert != NULL) &&
	    (k->cert == NULL || (ad->key->cert->bloblen ==
	    k->cert->bloblen && memcmp(ad->key->cert->blob, k->cert->blob,
	    k->cert->bloblen) == 0)) && strcmp(ad->comment, c) == 0;
}

static struct buf *
newbuf(void)
{
	struct buf *b;

	if ((b = buf_new()) == NULL)
		exit(1);
	return b;
}

/* Every proper prefix of b fails to parse, except the lengths in ok. */
static int
all_cuts_fail(const struct buf *b, const size_t *ok, size_t nok)
{
	struct agent_req rq;
	size_t cut, i;
	int r, bad = 0, allowed;

	for (cut = 0; cut < buf_len(b); cut++) {
		r = parse(buf_ptr(b), cut, &rq);
		for (allowed = 0, i = 0; i < nok; i++)
			allowed |= ok[i] == cut;
		if ((r == 0) != allowed)
			bad++;
		agent_req_clear(&rq);
	}
	return bad == 0;
}

/* b plus one byte gives err. */
static int
trailing_gives(const struct buf *b, int err)
{
	struct agent_req rq;
	struct buf *t = newbuf();
	int r;

	buf_putb(t, b);
	buf_put_u8(t, 0);
	r = parse_b(t, &rq);
	agent_req_clear(&rq);
	buf_free(t);
	return r == err;
}

static void
test_simple(void)
{
	static const uint8_t types[] = { AGENTC_REQUEST_IDENTITIES,
	    AGENTC_REMOVE_ALL, AGENTC_REMOVE_ALL_RSA };
	struct agent_req rq;
	struct buf *b;
	size_t i;

	for (i = 0; i < nitems(types); i++) {
		b = newbuf();
		agent_put_type(b, types[i]);
		T_OK(parse_b(b, &rq) == 0 && rq.type == types[i] &&
		    rq.blob == NULL && rq.add == NULL, "type %u round trip",
		    types[i]);
		agent_req_clear(&rq);
		T_OK(all_cuts_fail(b, NULL, 0), "type %u truncated", types[i]);
		T_OK(trailing_gives(b, KE_TRAILING), "type %u trailing byte",
		    types[i]);
		buf_free(b);
	}
	T_EQ(parse("", 0, &rq), KE_FORMAT, "an empty body");
	T_OK(parse("\x63" "abc", 4, &rq) == 0 && rq.type == 99,
	    "an unknown type parses, whatever follows");
	agent_req_clear(&rq);
}

static void
test_sign(void)
{
	struct key *k = ta_keygen();
	struct buf *blob = ta_blob(k), *b = newbuf();
	struct agent_req rq;

	agent_put_sign_request(b, buf_ptr(blob), buf_len(blob),
	    (const u_char *)"data", 4, 4);
	T_OK(parse_b(b, &rq) == 0 && rq.type == AGENTC_SIGN_REQUEST &&
	    rq.bloblen == buf_len(blob) &&
	    memcmp(rq.blob, buf_ptr(blob), rq.bloblen) == 0 &&
	    rq.datalen == 4 && memcmp(rq.data, "data", 4) == 0 &&
	    rq.flags == 4, "sign request round trip");
	agent_req_clear(&rq);
	T_OK(all_cuts_fail(b, NULL, 0), "sign request: every truncation");
	T_OK(trailing_gives(b, KE_TRAILING), "sign request: trailing byte");
	buf_free(b);
	b = newbuf();
	buf_put_u8(b, AGENTC_SIGN_REQUEST);
	buf_put_u32(b, 0xffffffff);
	T_EQ(parse_b(b, &rq), KE_TOOLONG, "sign request: blob length 2^32-1");
	buf_reset(b);
	buf_put_u8(b, AGENTC_SIGN_REQUEST);
	buf_put_u32(b, AGENT_MAXMSG + 1);
	T_EQ(parse_b(b, &rq), KE_TOOLONG, "sign request: blob past the cap");
	buf_reset(b);
	buf_put_u8(b, AGENTC_SIGN_REQUEST);
	buf_put_u32(b, 5);
	buf_put(b, "abcd", 4);
	T_EQ(parse_b(b, &rq), KE_TRUNCATED, "sign request: blob one short");
	buf_free(b);
	buf_free(blob);
	key_free(k);
}

static void
add_round_trip(const struct key *k, int life, int confirm, const char *what)
{
	struct agent_add *ad = ta_add(k, "my key");
	struct agent_req rq;
	struct buf *b = newbuf();
	size_t ok[3], nok = 0, base;

	ad->haslife = life >= 0;
	ad->lifetime = life >= 0 ? (uint32_t)life : 0;
	ad->confirm = confirm;
	T_EQ(agent_put_add(b, ad), 0, "%s: encoded", what);
	T_OK(parse_b(b, &rq) == 0 && rq.type == (ad->haslife || confirm ?
	    AGENTC_ADD_ID_CONSTRAINED : AGENTC_ADD_IDENTITY) &&
	    same_add(&rq, k, "my key") && rq.add->haslife == ad->haslife &&
	    rq.add->lifetime == ad->lifetime && rq.add->confirm == confirm,
	    "%s: round trip", what);
	agent_req_clear(&rq);
	/* a constrained add may end after the comment or any constraint */
	base = buf_len(b) - (ad->haslife ? 5 : 0) - (confirm ? 1 : 0);
	if (base != buf_len(b)) {
		ok[nok++] = base;
		if (ad->haslife && confirm)
			ok[nok++] = base + 5;
	}
	T_OK(all_cuts_fail(b, ok, nok), "%s: every truncation", what);
	T_OK(trailing_gives(b, base != buf_len(b) ? KE_FORMAT : KE_TRAILING),
	    "%s: trailing byte", what);
	agent_add_free(ad);
	buf_free(b);
}

/* An add built field by field, to get one wrong. */
struct mkadd {
	const char	*type;
	const struct buf *cert;
	const u_char	*pk;
	size_t		 pklen;
	const u_char	*sk;
	size_t		 sklen;
	const char	*comment;
	size_t		 commentlen;
	const char	*cons;
	size_t		 conslen;
};

static int
parse_mkadd(const struct mkadd *m)
{
	struct agent_req rq;
	struct buf *b = newbuf();
	int r;

	buf_put_u8(b, m->cons != NULL ? AGENTC_ADD_ID_CONSTRAINED :
	    AGENTC_ADD_IDENTITY);
	buf_put_cstring(b, m->type);
	if (m->cert != NULL)
		buf_put_stringb(b, m->cert);
	buf_put_string(b, m->pk, m->pklen);
	buf_put_string(b, m->sk, m->sklen);
	buf_put_string(b, m->comment, m->commentlen);
	if (m->cons != NULL)
		buf_put(b, m->cons, m->conslen);
	r = parse_b(b, &rq);
	agent_req_clear(&rq);
	buf_free(b);
	return r;
}

static void
mk_init(struct mkadd *m, const struct key *k)
{
	memset(m, 0, sizeof(*m));
	m->type = KEY_TYPE;
	m->pk = k->pk;
	m->pklen = KEY_PKLEN;
	m->sk = k->sk;
	m->sklen = KEY_SKLEN;
	m->comment = "c";
	m->commentlen = 1;
}

static void
test_add_bad(void)
{
	struct key *k = ta_keygen(), *o = ta_keygen(), *ck = ta_certkey();
	struct buf *cb = ta_blob(ck), *pb = ta_blob(k);
	u_char sk[KEY_SKLEN], pk[KEY_PKLEN + 1];
	struct mkadd m;

	mk_init(&m, k);
	T_EQ(parse_mkadd(&m), 0, "add: the builder's message parses");
	m.type = "ssh-rsa";
	T_EQ(parse_mkadd(&m), KE_KEYTYPE, "add: an RSA key");
	mk_init(&m, k);
	m.pk = o->pk;
	T_EQ(parse_mkadd(&m), KE_KEYMISMATCH, "add: another key's pk");
	mk_init(&m, k);
	memcpy(sk, k->sk, sizeof(sk));
	sk[KEY_SKLEN - 1] ^= 1;
	m.sk = sk;
	T_EQ(parse_mkadd(&m), KE_KEYMISMATCH, "add: sk's copy of pk differs");
	mk_init(&m, k);
	memcpy(pk, k->pk, KEY_PKLEN);
	pk[KEY_PKLEN] = 0;
	m.pk = pk;
	m.pklen = sizeof(pk);
	T_EQ(parse_mkadd(&m), KE_BADKEY, "add: a 33-byte pk");
	mk_init(&m, k);
	m.sklen = KEY_SKLEN - 1;
	T_EQ(parse_mkadd(&m), KE_BADKEY, "add: a 63-byte sk");
	mk_init(&m, k);
	m.comment = "a\0b";
	m.commentlen = 3;
	T_EQ(parse_mkadd(&m), KE_NUL, "add: a NUL in the comment");
	mk_init(&m, ck);
	m.type = KEY_CERT_TYPE;
	m.cert = cb;
	T_EQ(parse_mkadd(&m), 0, "add: a certificate and its key");
	m.pk = k->pk;
	m.sk = k->sk;
	T_EQ(parse_mkadd(&m), KE_KEYMISMATCH, "add: a certificate of another "
	    "key");
	mk_init(&m, k);
	m.type = KEY_CERT_TYPE;
	m.cert = pb;
	T_EQ(parse_mkadd(&m), KE_KEYTYPE, "add: the cert type with a plain "
	    "key blob");
	buf_free(cb);
	buf_free(pb);
	key_free(k);
	key_free(o);
	key_free(ck);
}

static void
test_constraints(void)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		int		 r;
		const char	*what;
	} t[] = {
		{ "\x01\0\0\0\x3c", 5, 0, "a lifetime" },
		{ "\x02", 1, 0, "confirm" },
		{ "\x02\x01\0\0\0\x3c", 6, 0, "confirm and a lifetime" },
		{ "", 0, 0, "none at all" },
		{ "\x01\0\0\0\x3c\x01\0\0\0\x3c", 10, KE_FORMAT,
		  "a repeated lifetime" },
		{ "\x02\x02", 2, KE_FORMAT, "a repeated confirm" },
		{ "\x02\x01\0\0\0\x01\x02", 7, KE_FORMAT,
		  "confirm repeated after a lifetime" },
		{ "\x01\0\0", 3, KE_TRUNCATED, "a truncated lifetime" },
		{ "\x03\0\0\0\x05", 5, KE_FORMAT, "maxsign (XMSS only)" },
		{ "\xff\0\0\0\x03x@y", 8, KE_FORMAT, "an extension" },
		{ "\x00", 1, KE_FORMAT, "type 0" },
		{ "\x04", 1, KE_FORMAT, "type 4" },
	};
	struct key *k = ta_keygen();
	struct mkadd m;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		mk_init(&m, k);
		m.cons = t[i].bytes;
		m.conslen = t[i].len;
		T_EQ(parse_mkadd(&m), t[i].r, "constraint: %s", t[i].what);
	}
	key_free(k);
}

static void
test_add(void)
{
	struct key *k = ta_keygen(), *ck = ta_certkey();

	add_round_trip(k, -1, 0, "add identity");
	add_round_trip(k, 60, 0, "add with a lifetime");
	add_round_trip(k, -1, 1, "add with confirm");
	add_round_trip(k, 0, 1, "add with lifetime 0 and confirm");
	add_round_trip(ck, -1, 0, "add a certificate");
	add_round_trip(ck, 3600, 1, "add a constrained certificate");
	key_free(k);
	key_free(ck);
	test_add_bad();
	test_constraints();
}

static void
test_remove_lock_ext(void)
{
	struct key *k = ta_keygen();
	struct buf *blob = ta_blob(k), *b = newbuf();
	struct agent_req rq;

	agent_put_remove(b, buf_ptr(blob), buf_len(blob));
	T_OK(parse_b(b, &rq) == 0 && rq.type == AGENTC_REMOVE_IDENTITY &&
	    rq.bloblen == buf_len(blob) &&
	    memcmp(rq.blob, buf_ptr(blob), rq.bloblen) == 0,
	    "remove round trip");
	agent_req_clear(&rq);
	T_OK(all_cuts_fail(b, NULL, 0), "remove: every truncation");
	T_OK(trailing_gives(b, KE_TRAILING), "remove: trailing byte");
	buf_reset(b);
	agent_put_lock(b, AGENTC_UNLOCK, "secret");
	T_OK(parse_b(b, &rq) == 0 && rq.type == AGENTC_UNLOCK &&
	    rq.datalen == 6 && memcmp(rq.data, "secret", 6) == 0,
	    "unlock round trip");
	agent_req_clear(&rq);
	T_OK(all_cuts_fail(b, NULL, 0), "unlock: every truncation");
	T_OK(trailing_gives(b, KE_TRAILING), "unlock: trailing byte");
	buf_reset(b);
	agent_put_lock(b, AGENTC_LOCK, "");
	T_OK(parse_b(b, &rq) == 0 && rq.type == AGENTC_LOCK &&
	    rq.datalen == 0, "lock with an empty passphrase parses");
	agent_req_clear(&rq);
	buf_reset(b);
	buf_put_u8(b, AGENTC_LOCK);
	buf_put_string(b, "a\0b", 3);
	T_EQ(parse_b(b, &rq), KE_NUL, "lock: a NUL in the passphrase");
	buf_reset(b);
	agent_put_extension(b, "query", NULL, 0);
	T_OK(parse_b(b, &rq) == 0 && rq.type == AGENTC_EXTENSION &&
	    strcmp(rq.name, "query") == 0 && rq.datalen == 0,
	    "extension round trip");
	agent_req_clear(&rq);
	T_OK(all_cuts_fail(b, NULL, 0), "extension: every truncation");
	buf_reset(b);
	agent_put_extension(b, "x@example.com", (const u_char *)"\0\1", 2);
	T_OK(parse_b(b, &rq) == 0 && strcmp(rq.name, "x@example.com") == 0 &&
	    rq.datalen == 2 && memcmp(rq.data, "\0\1", 2) == 0,
	    "extension with data round trip");
	agent_req_clear(&rq);
	buf_free(b);
	buf_free(blob);
	key_free(k);
}

static void
test_status(void)
{
	static const uint8_t fails[] = { AGENT_FAILURE,
	    AGENT_EXTENSION_FAILURE, 30, 102 };
	struct buf *b = newbuf();
	size_t i;

	agent_put_type(b, AGENT_SUCCESS);
	T_EQ(agent_parse_status(b), 0, "SUCCESS");
	for (i = 0; i < nitems(fails); i++) {
		buf_reset(b);
		agent_put_type(b, fails[i]);
		T_EQ(agent_parse_status(b), KE_AGENT, "type %u is a failure",
		    fails[i]);
	}
	buf_reset(b);
	agent_put_type(b, AGENT_IDENTITIES_ANSWER);
	T_EQ(agent_parse_status(b), KE_FORMAT, "an unexpected answer");
	buf_reset(b);
	T_EQ(agent_parse_status(b), KE_TRUNCATED, "an empty answer");
	agent_put_type(b, AGENT_SUCCESS);
	buf_put_u8(b, 0);
	T_EQ(agent_parse_status(b), KE_TRAILING, "SUCCESS: trailing byte");
	buf_free(b);
}

/* Every proper prefix of an answer fails with parse. */
static int
answer_cuts_fail(const struct buf *b, int (*parse_ans)(struct buf *))
{
	struct buf *v;
	size_t cut;
	int bad = 0;

	for (cut = 0; cut < buf_len(b); cut++) {
		if ((v = buf_view(buf_ptr(b), cut)) == NULL)
			exit(1);
		bad += parse_ans(v) == 0;
		buf_free(v);
	}
	return bad == 0;
}

static int
parse_ids(struct buf *b)
{
	struct agent_id *ids;
	size_t n;
	int r;

	r = agent_parse_identities(b, &ids, &n);
	agent_ids_free(ids, n);
	return r;
}

static int
parse_sig(struct buf *b)
{
	u_char sig[KEY_SIGLEN];

	return agent_parse_sign_response(b, sig);
}

static void
test_identities(void)
{
	struct key *k = ta_keygen(), *ck = ta_certkey();
	struct buf *b = newbuf(), *kb = ta_blob(k), *cb = ta_blob(ck);
	struct agent_id in[2], *out;
	size_t n;

	in[0].blob = (u_char *)buf_ptr(kb);
	in[0].bloblen = buf_len(kb);
	in[0].comment = "plain";
	in[1].blob = (u_char *)buf_ptr(cb);
	in[1].bloblen = buf_len(cb);
	in[1].comment = "";
	agent_put_identities(b, in, 0);
	T_OK(agent_parse_identities(b, &out, &n) == 0 && n == 0 &&
	    out == NULL, "an empty identities answer");
	buf_reset(b);
	agent_put_identities(b, in, 2);
	T_OK(answer_cuts_fail(b, parse_ids), "identities: every truncation");
	T_OK(agent_parse_identities(b, &out, &n) == 0 && n == 2 &&
	    out[0].bloblen == in[0].bloblen &&
	    memcmp(out[0].blob, in[0].blob, in[0].bloblen) == 0 &&
	    strcmp(out[0].comment, "plain") == 0 &&
	    out[1].bloblen == in[1].bloblen &&
	    memcmp(out[1].blob, in[1].blob, in[1].bloblen) == 0 &&
	    strcmp(out[1].comment, "") == 0, "identities round trip");
	agent_ids_free(out, n);
	agent_put_identities(b, in, 1);
	buf_put_u8(b, 0);
	T_EQ(parse_ids(b), KE_TRAILING, "identities: trailing byte");
	buf_reset(b);
	buf_put_u8(b, AGENT_IDENTITIES_ANSWER);
	buf_put_u32(b, AGENT_MAXKEYS + 1);
	T_EQ(parse_ids(b), KE_TOOMANY, "identities: a count past 2048");
	buf_reset(b);
	buf_put_u8(b, AGENT_IDENTITIES_ANSWER);
	buf_put_u32(b, 5);
	buf_put_string(b, "x", 1);
	buf_put_string(b, "y", 1);
	T_EQ(parse_ids(b), KE_TRUNCATED, "identities: fewer than counted");
	buf_free(b);
	buf_free(kb);
	buf_free(cb);
	key_free(k);
	key_free(ck);
}

static void
test_sign_response(void)
{
	struct buf *b = newbuf();
	u_char sig[KEY_SIGLEN], out[KEY_SIGLEN];
	size_t i;

	for (i = 0; i < sizeof(sig); i++)
		sig[i] = (u_char)i;
	agent_put_sign_response(b, sig);
	T_OK(answer_cuts_fail(b, parse_sig), "sign response: every "
	    "truncation");
	T_OK(agent_parse_sign_response(b, out) == 0 &&
	    memcmp(sig, out, sizeof(sig)) == 0, "sign response round trip");
	agent_put_sign_response(b, sig);
	buf_put_u8(b, 0);
	T_EQ(parse_sig(b), KE_TRAILING, "sign response: trailing byte");
	buf_reset(b);
	buf_put_u8(b, AGENT_SIGN_RESPONSE);
	buf_put_u32(b, 4 + 11 + 4 + 65);
	buf_put_cstring(b, KEY_TYPE);
	buf_put_string(b, sig, 64);
	buf_put_u8(b, 0);
	T_OK(parse_sig(b) != 0, "sign response: a 65-byte signature string");
	buf_reset(b);
	agent_put_type(b, AGENT_FAILURE);
	T_EQ(parse_sig(b), KE_AGENT, "sign response: FAILURE");
	buf_free(b);
}

static void
test_query(void)
{
	static const char *const names[] = { "query", "x@example.com" };
	struct buf *b = newbuf();
	char **out;
	size_t n;

	agent_put_query_response(b, names, nitems(names));
	T_OK(agent_parse_query_response(b, &out, &n) == 0 && n == 2 &&
	    strcmp(out[0], "query") == 0 &&
	    strcmp(out[1], "x@example.com") == 0, "query answer round trip");
	agent_names_free(out, n);
	buf_put_u8(b, AGENT_EXTENSION_RESPONSE);
	buf_put_cstring(b, "other");
	T_EQ(agent_parse_query_response(b, &out, &n), KE_FORMAT,
	    "query answer for another extension");
	buf_reset(b);
	agent_put_query_response(b, names, 1);
	buf_put_u8(b, 0);
	T_EQ(agent_parse_query_response(b, &out, &n), KE_TRUNCATED,
	    "query answer: trailing byte");
	buf_free(b);
}

static void
test_framing(void)
{
	struct buf *in = newbuf(), *body, *big = newbuf();
	u_char *p;
	size_t used;

	T_EQ(agent_peek_message(in, &body, &used), 0, "peek: nothing yet");
	buf_put_u32(in, 1);
	T_EQ(agent_peek_message(in, &body, &used), 0, "peek: a header only");
	buf_put_u8(in, 11);
	buf_put_u32(in, 1);
	T_OK(agent_peek_message(in, &body, &used) == 1 && used == 5 &&
	    buf_len(body) == 1 && *buf_ptr(body) == 11 && buf_len(in) == 9,
	    "peek: one whole message of two, nothing consumed");
	buf_free(body);
	buf_reset(in);
	buf_put_u32(in, 0);
	T_EQ(agent_peek_message(in, &body, &used), KE_FORMAT, "peek: length 0");
	buf_reset(in);
	buf_put_u32(in, AGENT_MAXMSG + 1);
	T_EQ(agent_peek_message(in, &body, &used), KE_TOOLONG,
	    "peek: 256 KiB + 1");
	buf_reset(in);
	buf_put_u32(in, AGENT_MAXMSG);
	T_EQ(agent_peek_message(in, &body, &used), 0, "peek: 256 KiB waits");
	if (buf_reserve(big, AGENT_MAXMSG, &p) != 0)
		exit(1);
	memset(p, 0x63, AGENT_MAXMSG);
	buf_reset(in);
	T_EQ(agent_frame(in, big), 0, "frame: 256 KiB");
	T_OK(agent_peek_message(in, &body, &used) == 1 &&
	    used == AGENT_MAXMSG + 4, "peek: 256 KiB whole");
	buf_free(body);
	buf_put_u8(big, 0);
	T_EQ(agent_frame(in, big), KE_TOOLONG, "frame: 256 KiB + 1");
	buf_free(big);
	buf_free(in);
}

int
main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	if (argc > 1)
		return ta_client(argc - 1, argv + 1);
	test_simple();
	test_sign();
	test_add();
	test_remove_lock_ext();
	test_status();
	test_identities();
	test_sign_response();
	test_query();
	test_framing();
	ta_keys();
	ta_serve();
	ta_askpass();
	return t_done();
}
