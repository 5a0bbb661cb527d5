/*
 * certprint.c: a certificate as "ssh-keygen -L" prints it, following
 * OpenSSH 9.2's print_cert() and show_options().  Part of the cert
 * module (see cert.h).
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "fp.h"
#include "kerr.h"
#include "key.h"
#include "validity.h"

static int
put_dec(struct buf *b, uint64_t v)
{
	char s[20];
	size_t i = sizeof(s);

	do {
		s[--i] = '0' + v % 10;
		v /= 10;
	} while (v != 0);
	return buf_put(b, s + i, sizeof(s) - i);
}

static int
put_hex(struct buf *b, const u_char *p, size_t n)
{
	u_char *d;
	int r;

	if ((r = buf_reserve(b, 2 * n + 1, &d)) != 0)
		return r;
	sodium_bin2hex((char *)d, 2 * n + 1, p, n);
	return buf_consume_tail(b, 1);
}

/* The SHA256 fingerprint of the plain key pk. */
static int
put_fp(struct buf *b, const u_char *pk)
{
	struct key k;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, pk, sizeof(k.pk));
	return fp_key(b, &k, FP_SHA256);
}

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* One option line, following ssh-keygen's show_options(). */
static int
format_opt(struct buf *b, const struct certopt *o, int critical)
{
	static const char *const flags[] = { "permit-X11-forwarding",
	    "permit-agent-forwarding", "permit-port-forwarding", "permit-pty",
	    "permit-user-rc", "no-touch-required", NULL };
	static const char *const strs[] = { "force-command",
	    "source-address", NULL };
	char *v = NULL;
	int r;

	if ((r = buf_puts(b, "                ")) != 0 ||
	    (r = buf_puts(b, o->name)) != 0)
		return r;
	if ((!critical && in_list(o->name, flags)) ||
	    (critical && strcmp(o->name, "verify-required") == 0))
		return o->len == 0 ? buf_puts(b, "\n") : KE_CERT;
	if (critical && in_list(o->name, strs)) {
		if ((r = cert_opt_value(o, &v)) != 0)
			return r == KE_FORMAT ? KE_CERT : r;
		if ((r = buf_puts(b, " ")) == 0 && (r = buf_puts(b, v)) == 0)
			r = buf_puts(b, "\n");
		free(v);
		return r;
	}
	if (o->len == 0)
		return buf_puts(b, " UNKNOWN FLAG OPTION\n");
	if ((r = buf_puts(b, " UNKNOWN OPTION: ")) != 0 ||
	    (r = put_hex(b, o->data, o->len)) != 0 ||
	    (r = buf_puts(b, " (len ")) != 0 ||
	    (r = put_dec(b, o->len)) != 0)
		return r;
	return buf_puts(b, ")\n");
}

static int
format_opts(struct buf *b, const char *title, const struct certopt *o,
    size_t n, int critical)
{
	size_t i;
	int r;

	if ((r = buf_puts(b, title)) != 0)
		return r;
	if (n == 0)
		return buf_puts(b, "(none)\n");
	if ((r = buf_puts(b, "\n")) != 0)
		return r;
	for (i = 0; i < n; i++)
		if ((r = format_opt(b, &o[i], critical)) != 0)
			return r;
	return 0;
}

static int
format_principals(struct buf *b, const struct cert *c)
{
	size_t i;
	int r;

	if ((r = buf_puts(b, "        Principals: ")) != 0)
		return r;
	if (c->nprincipals == 0)
		return buf_puts(b, "(none)\n");
	for (i = 0; i < c->nprincipals; i++)
		if ((r = buf_puts(b, "\n                ")) != 0 ||
		    (r = buf_puts(b, c->principals[i])) != 0)
			return r;
	return buf_puts(b, "\n");
}

static int
format_head(struct buf *b, const char *label, const struct cert *c)
{
	const char *type = c->type == CERT_TYPE_USER ? "user" :
	    c->type == CERT_TYPE_HOST ? "host" : "unknown";
	int r;

	if ((r = buf_puts(b, label)) != 0 ||
	    (r = buf_puts(b, ":\n        Type: " KEY_CERT_TYPE " ")) != 0 ||
	    (r = buf_puts(b, type)) != 0 ||
	    (r = buf_puts(b, " certificate\n"
	    "        Public key: ED25519-CERT ")) != 0 ||
	    (r = put_fp(b, c->pk)) != 0 ||
	    (r = buf_puts(b, "\n        Signing CA: ED25519 ")) != 0 ||
	    (r = put_fp(b, c->signkey)) != 0 ||
	    (r = buf_puts(b, " (using " KEY_TYPE ")\n"
	    "        Key ID: \"")) != 0 ||
	    (r = buf_puts(b, c->keyid == NULL ? "" : c->keyid)) != 0 ||
	    (r = buf_puts(b, "\"\n        Serial: ")) != 0 ||
	    (r = put_dec(b, c->serial)) != 0 ||
	    (r = buf_puts(b, "\n        Valid: ")) != 0 ||
	    (r = validity_format(b, c->valid_after, c->valid_before)) != 0)
		return r;
	return buf_puts(b, "\n");
}

int
cert_format_L(struct buf *out, const char *label, const struct cert *c)
{
	struct buf *b;
	int r;

	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = format_head(b, label, c)) == 0 &&
	    (r = format_principals(b, c)) == 0 &&
	    (r = format_opts(b, "        Critical Options: ", c->critical,
	    c->ncritical, 1)) == 0 &&
	    (r = format_opts(b, "        Extensions: ", c->ext, c->next,
	    0)) == 0)
		r = buf_putb(out, b);
	buf_free(b);
	return r;
}
