/* ident.c: the identity key. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "file.h"
#include "ident.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"

int
ident_load(const char *dir, const char *keyfile, const char *pass,
    struct key **kp, char **pathp, int *encp)
{
	struct buf *text = NULL;
	char *path = NULL;
	int r;

	*kp = NULL;
	*encp = 0;
	if (pathp != NULL)
		*pathp = NULL;
	if (keyfile != NULL)
		r = (path = strdup(keyfile)) == NULL ? KE_NOMEM : 0;
	else
		r = kdir_identity(dir, &path);
	if (r != 0)
		return r;
	if ((r = file_read_secret(path, PRIVKEY_MAXFILE, &text)) == 0 &&
	    (r = privkey_is_encrypted(text, encp)) == 0) {
		if (*encp && pass == NULL)
			r = KE_PASSPHRASE;
		else
			r = privkey_parse(text, pass, kp, NULL);
	}
	buf_free(text);
	if (pathp != NULL)
		*pathp = path;
	else
		free(path);
	return r;
}
