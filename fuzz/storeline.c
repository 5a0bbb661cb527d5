/*
 * storeline.c: one line of the vouches file, store_parse_line, and the
 * unverified parse the snapshot code uses.  They agree, and a vouch's
 * id is that of its certificate.
 */
#include "compat.h"

#include <string.h>

#include "cert.h"
#include "kerr.h"
#include "store.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char *s = (const char *)data;
	struct vouch u, v;
	u_char id[STORE_IDLEN];
	int ru, rv;

	if (len > KITH_MAXLINE)
		return 0;
	ru = store_parse_unverified(s, len, &u);
	rv = store_parse_line(s, len, &v);
	if (ru != 0) {
		FZ_CHECK(u.cert == NULL && v.cert == NULL && rv == ru);
		return 0;
	}
	store_vouch_id(u.cert, id);
	FZ_CHECK(memcmp(id, u.id, sizeof(id)) == 0);
	(void)cert_check_vouch(u.cert);
	if (rv == 0) {
		FZ_CHECK(memcmp(u.id, v.id, sizeof(u.id)) == 0);
		FZ_CHECK(u.cert->bloblen == v.cert->bloblen);
		FZ_CHECK(cert_verify(u.cert) == 0);
	} else
		FZ_CHECK(rv == KE_SIGNATURE && v.cert == NULL);
	cert_free(u.cert);
	cert_free(v.cert);
	return 0;
}
