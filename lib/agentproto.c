/* agentproto.c: ssh-agent messages, parsed and encoded. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "agentproto.h"

/* Answers OpenSSH's client takes as failure besides FAILURE itself. */
#define AGENT_COM_FAILURE	30
#define AGENT_SSHCOM_FAILURE	102

void
agent_add_free(struct agent_add *ad)
{
	if (ad == NULL)
		return;
	key_free(ad->key);
	free(ad->comment);
	free(ad);
}

void
agent_req_clear(struct agent_req *rq)
{
	free(rq->name);
	agent_add_free(rq->add);
	memset(rq, 0, sizeof(*rq));
}

/*
 * Reads string pk, string sk into k, checking that the seed in sk gives
 * both pk and sk's copy of it (OpenSSH checks neither; libsodium signs
 * with the copy).
 */
static int
get_keypair(struct buf *b, struct key *k)
{
	u_char pk[KEY_PKLEN], *sk;
	int r;

	if ((sk = sodium_malloc(KEY_SKLEN)) == NULL)
		return KE_NOMEM;
	if ((r = buf_get_string_fixed(b, pk, sizeof(pk))) != 0 ||
	    (r = buf_get_string_fixed(b, sk, KEY_SKLEN)) != 0) {
		if (r == KE_FORMAT || r == KE_TOOLONG)
			r = KE_BADKEY;
		goto out;
	}
	if ((r = key_set_seed(k, sk)) != 0)
		goto out;
	if (sodium_memcmp(k->pk, pk, sizeof(pk)) != 0 ||
	    sodium_memcmp(sk + KEY_SKLEN - KEY_PKLEN, pk, sizeof(pk)) != 0)
		r = KE_KEYMISMATCH;
 out:
	sodium_free(sk);
	return r;
}

/* The key of an ADD request: a type name, [a certificate,] pk, sk. */
static int
get_add_key(struct buf *b, struct key **kp)
{
	struct buf *cb = NULL;
	struct key *k = NULL, *ck = NULL;
	char *type = NULL;
	int r;

	*kp = NULL;
	if ((r = buf_get_cstring(b, &type, KITH_MAXNAME)) != 0)
		goto out;
	if (strcmp(type, KEY_CERT_TYPE) == 0) {
		if ((r = buf_get_stringb(b, &cb, AGENT_MAXMSG)) != 0 ||
		    (r = key_from_blob(cb, &ck)) != 0)
			goto out;
		if (ck->cert == NULL) {
			r = KE_KEYTYPE;
			goto out;
		}
	} else if (strcmp(type, KEY_TYPE) != 0) {
		r = KE_KEYTYPE;
		goto out;
	}
	if ((k = key_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = get_keypair(b, k)) != 0)
		goto out;
	if (ck != NULL) {
		if (!key_equal_public(k, ck)) {
			r = KE_KEYMISMATCH;
			goto out;
		}
		k->cert = ck->cert;
		ck->cert = NULL;
	}
	*kp = k;
	k = NULL;
 out:
	key_free(k);
	key_free(ck);
	buf_free(cb);
	free(type);
	return r;
}

/* One constraint; a repeated, unknown or unsupported one is KE_FORMAT. */
static int
get_constraint(struct buf *b, struct agent_add *ad)
{
	uint8_t ctype;
	int r;

	if ((r = buf_get_u8(b, &ctype)) != 0)
		return r;
	switch (ctype) {
	case AGENT_CONSTRAIN_LIFETIME:
		if (ad->haslife)
			return KE_FORMAT;
		if ((r = buf_get_u32(b, &ad->lifetime)) != 0)
			return r;
		ad->haslife = 1;
		return 0;
	case AGENT_CONSTRAIN_CONFIRM:
		if (ad->confirm)
			return KE_FORMAT;
		ad->confirm = 1;
		return 0;
	default:
		/* MAXSIGN is for XMSS keys; no extension is supported. */
		return KE_FORMAT;
	}
}

static int
get_add(struct buf *b, int constrained, struct agent_add **adp)
{
	struct agent_add *ad;
	int r;

	*adp = NULL;
	if ((ad = calloc(1, sizeof(*ad))) == NULL)
		return KE_NOMEM;
	if ((r = get_add_key(b, &ad->key)) != 0 ||
	    (r = buf_get_cstring(b, &ad->comment, AGENT_MAXMSG)) != 0)
		goto out;
	while (constrained && buf_len(b) > 0)
		if ((r = get_constraint(b, ad)) != 0)
			goto out;
	*adp = ad;
	ad = NULL;
 out:
	agent_add_free(ad);
	return r;
}

/* A string that holds no NUL (a passphrase), pointing into b. */
static int
get_text_ptr(struct buf *b, const u_char **pp, size_t *lenp)
{
	int r;

	if ((r = buf_get_string_ptr(b, pp, lenp, AGENT_MAXMSG)) != 0)
		return r;
	if (*lenp > 0 && memchr(*pp, '\0', *lenp) != NULL)
		return KE_NUL;
	return 0;
}

static int
get_body(struct buf *b, struct agent_req *rq)
{
	int r;

	switch (rq->type) {
	case AGENTC_REQUEST_IDENTITIES:
	case AGENTC_REMOVE_ALL:
	case AGENTC_REMOVE_ALL_RSA:
		return 0;
	case AGENTC_SIGN_REQUEST:
		if ((r = buf_get_string_ptr(b, &rq->blob, &rq->bloblen,
		    AGENT_MAXMSG)) != 0 ||
		    (r = buf_get_string_ptr(b, &rq->data, &rq->datalen,
		    AGENT_MAXMSG)) != 0)
			return r;
		return buf_get_u32(b, &rq->flags);
	case AGENTC_ADD_IDENTITY:
	case AGENTC_ADD_ID_CONSTRAINED:
		return get_add(b, rq->type == AGENTC_ADD_ID_CONSTRAINED,
		    &rq->add);
	case AGENTC_REMOVE_IDENTITY:
		return buf_get_string_ptr(b, &rq->blob, &rq->bloblen,
		    AGENT_MAXMSG);
	case AGENTC_LOCK:
	case AGENTC_UNLOCK:
		return get_text_ptr(b, &rq->data, &rq->datalen);
	case AGENTC_EXTENSION:
		if ((r = buf_get_cstring(b, &rq->name, KITH_MAXNAME)) != 0)
			return r;
		rq->data = buf_ptr(b);
		rq->datalen = buf_len(b);
		return buf_consume(b, rq->datalen);
	default:
		/* unknown: answered FAILURE by the agent, whatever follows */
		return buf_consume(b, buf_len(b));
	}
}

int
agent_parse_request(struct buf *b, struct agent_req *rq)
{
	int r;

	memset(rq, 0, sizeof(*rq));
	if (buf_len(b) == 0)
		return KE_FORMAT;
	if ((r = buf_get_u8(b, &rq->type)) != 0 ||
	    (r = get_body(b, rq)) != 0 ||
	    (r = buf_end(b)) != 0) {
		agent_req_clear(rq);
		return r;
	}
	return 0;
}

/* Encoding requests. */

int
agent_put_type(struct buf *b, uint8_t type)
{
	return buf_put_u8(b, type);
}

int
agent_put_sign_request(struct buf *b, const u_char *blob, size_t bloblen,
    const u_char *data, size_t datalen, uint32_t flags)
{
	int r;

	if ((r = buf_put_u8(b, AGENTC_SIGN_REQUEST)) != 0 ||
	    (r = buf_put_string(b, blob, bloblen)) != 0 ||
	    (r = buf_put_string(b, data, datalen)) != 0)
		return r;
	return buf_put_u32(b, flags);
}

static int
put_constraints(struct buf *b, const struct agent_add *ad)
{
	int r;

	if (ad->haslife &&
	    ((r = buf_put_u8(b, AGENT_CONSTRAIN_LIFETIME)) != 0 ||
	    (r = buf_put_u32(b, ad->lifetime)) != 0))
		return r;
	if (ad->confirm &&
	    (r = buf_put_u8(b, AGENT_CONSTRAIN_CONFIRM)) != 0)
		return r;
	return 0;
}

int
agent_put_add(struct buf *b, const struct agent_add *ad)
{
	const struct key *k = ad->key;
	int r, constrained = ad->haslife || ad->confirm;

	if (k->sk == NULL)
		return KE_NOSECRET;
	if ((r = buf_put_u8(b, constrained ? AGENTC_ADD_ID_CONSTRAINED :
	    AGENTC_ADD_IDENTITY)) != 0 ||
	    (r = buf_put_cstring(b, key_type(k))) != 0)
		return r;
	if (k->cert != NULL && ((r = buf_put_u32(b, k->cert->bloblen)) != 0 ||
	    (r = cert_put_blob(b, k->cert)) != 0))
		return r;
	if ((r = buf_put_string(b, k->pk, KEY_PKLEN)) != 0 ||
	    (r = buf_put_string(b, k->sk, KEY_SKLEN)) != 0 ||
	    (r = buf_put_cstring(b, ad->comment != NULL ?
	    ad->comment : "")) != 0)
		return r;
	return put_constraints(b, ad);
}

int
agent_put_remove(struct buf *b, const u_char *blob, size_t bloblen)
{
	int r;

	if ((r = buf_put_u8(b, AGENTC_REMOVE_IDENTITY)) != 0)
		return r;
	return buf_put_string(b, blob, bloblen);
}

int
agent_put_lock(struct buf *b, uint8_t type, const char *pass)
{
	int r;

	if ((r = buf_put_u8(b, type)) != 0)
		return r;
	return buf_put_cstring(b, pass);
}

int
agent_put_extension(struct buf *b, const char *name, const u_char *data,
    size_t len)
{
	int r;

	if ((r = buf_put_u8(b, AGENTC_EXTENSION)) != 0 ||
	    (r = buf_put_cstring(b, name)) != 0)
		return r;
	return buf_put(b, data, len);
}

/* Encoding answers. */

int
agent_put_identities(struct buf *b, const struct agent_id *ids, size_t n)
{
	size_t i;
	int r;

	if (n > AGENT_MAXKEYS)
		return KE_TOOMANY;
	if ((r = buf_put_u8(b, AGENT_IDENTITIES_ANSWER)) != 0 ||
	    (r = buf_put_u32(b, (uint32_t)n)) != 0)
		return r;
	for (i = 0; i < n; i++)
		if ((r = buf_put_string(b, ids[i].blob, ids[i].bloblen)) ||
		    (r = buf_put_cstring(b, ids[i].comment)) != 0)
			return r;
	return 0;
}

int
agent_put_sign_response(struct buf *b, const u_char *sig)
{
	struct buf *s;
	int r;

	if ((s = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = key_put_sig(s, sig)) == 0 &&
	    (r = buf_put_u8(b, AGENT_SIGN_RESPONSE)) == 0)
		r = buf_put_stringb(b, s);
	buf_free(s);
	return r;
}

int
agent_put_query_response(struct buf *b, const char *const *names,
    size_t n)
{
	size_t i;
	int r;

	if ((r = buf_put_u8(b, AGENT_EXTENSION_RESPONSE)) != 0 ||
	    (r = buf_put_cstring(b, "query")) != 0)
		return r;
	for (i = 0; i < n; i++)
		if ((r = buf_put_cstring(b, names[i])) != 0)
			return r;
	return 0;
}

int
agent_frame(struct buf *out, const struct buf *body)
{
	int r;

	if (buf_len(body) > AGENT_MAXMSG)
		return KE_TOOLONG;
	if ((r = buf_put_u32(out, (uint32_t)buf_len(body))) != 0)
		return r;
	return buf_putb(out, body);
}

int
agent_peek_message(const struct buf *in, struct buf **bodyp, size_t *usedp)
{
	struct buf *v;
	uint32_t len;
	int r;

	*bodyp = NULL;
	*usedp = 0;
	if (buf_peek_u32(in, &len) != 0)
		return 0;
	if (len > AGENT_MAXMSG)
		return KE_TOOLONG;
	if (len == 0)
		return KE_FORMAT;
	if (buf_len(in) - 4 < len)
		return 0;
	if ((v = buf_view(buf_ptr(in), buf_len(in))) == NULL)
		return KE_NOMEM;
	if ((r = buf_get_stringb(v, bodyp, AGENT_MAXMSG)) == 0)
		*usedp = buf_len(in) - buf_len(v);
	buf_free(v);
	return r == 0 ? 1 : r;
}

/* Parsing answers. */

/* Reads the type; KE_AGENT for a failure, KE_FORMAT unless want. */
static int
get_answer_type(struct buf *b, uint8_t want)
{
	uint8_t type;
	int r;

	if ((r = buf_get_u8(b, &type)) != 0)
		return r;
	if (type == want)
		return 0;
	switch (type) {
	case AGENT_FAILURE:
	case AGENT_EXTENSION_FAILURE:
	case AGENT_COM_FAILURE:
	case AGENT_SSHCOM_FAILURE:
		return KE_AGENT;
	default:
		return KE_FORMAT;
	}
}

int
agent_parse_status(struct buf *b)
{
	int r;

	if ((r = get_answer_type(b, AGENT_SUCCESS)) != 0)
		return r;
	return buf_end(b);
}

void
agent_ids_free(struct agent_id *ids, size_t n)
{
	size_t i;

	if (ids == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(ids[i].blob);
		free(ids[i].comment);
	}
	free(ids);
}

int
agent_parse_identities(struct buf *b, struct agent_id **idsp, size_t *np)
{
	struct agent_id *ids = NULL;
	uint32_t n, i = 0;
	int r;

	*idsp = NULL;
	*np = 0;
	if ((r = get_answer_type(b, AGENT_IDENTITIES_ANSWER)) != 0 ||
	    (r = buf_get_u32(b, &n)) != 0)
		return r;
	if (n > AGENT_MAXKEYS)
		return KE_TOOMANY;
	if (n > 0 && (ids = calloc(n, sizeof(*ids))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < n; i++)
		if ((r = buf_get_string(b, &ids[i].blob, &ids[i].bloblen,
		    AGENT_MAXMSG)) != 0 ||
		    (r = buf_get_cstring(b, &ids[i].comment,
		    AGENT_MAXMSG)) != 0)
			goto out;
	if ((r = buf_end(b)) != 0)
		goto out;
	*idsp = ids;
	*np = n;
	ids = NULL;
 out:
	agent_ids_free(ids, n);
	return r;
}

int
agent_parse_sign_response(struct buf *b, u_char *sig)
{
	struct buf *s = NULL;
	int r;

	if ((r = get_answer_type(b, AGENT_SIGN_RESPONSE)) != 0 ||
	    (r = buf_get_stringb(b, &s, AGENT_MAXMSG)) != 0)
		return r;
	if ((r = key_get_sig(s, sig)) == 0)
		r = buf_end(b);
	buf_free(s);
	return r;
}

void
agent_names_free(char **names, size_t n)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
agent_parse_query_response(struct buf *b, char ***namesp, size_t *np)
{
	char **names = NULL, **nn, *name = NULL;
	size_t n = 0;
	int r;

	*namesp = NULL;
	*np = 0;
	if ((r = get_answer_type(b, AGENT_EXTENSION_RESPONSE)) != 0 ||
	    (r = buf_get_cstring(b, &name, KITH_MAXNAME)) != 0)
		return r;
	if (strcmp(name, "query") != 0)
		r = KE_FORMAT;
	free(name);
	while (r == 0 && buf_len(b) > 0) {
		if (n >= AGENT_MAXKEYS) {
			r = KE_TOOMANY;
			break;
		}
		if ((r = buf_get_cstring(b, &name, KITH_MAXNAME)) != 0)
			break;
		if ((nn = reallocarray(names, n + 1, sizeof(*names))) == NULL) {
			free(name);
			r = KE_NOMEM;
			break;
		}
		names = nn;
		names[n++] = name;
	}
	if (r != 0) {
		agent_names_free(names, n);
		return r;
	}
	*namesp = names;
	*np = n;
	return 0;
}
