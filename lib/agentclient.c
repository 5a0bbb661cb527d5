/* agentclient.c: talk to an ssh-agent over its Unix socket. */
#include "compat.h"

#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agentclient.h"
#include "sshsig.h"
#include "agentproto.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"

struct agentclient {
	int	fd;
};

int
agentclient_open(const char *path, struct agentclient **acp)
{
	struct sockaddr_un sun;
	struct agentclient *ac;
	int fd, r;

	*acp = NULL;
	if (path == NULL && ((path = getenv(AGENT_SOCK_ENV)) == NULL ||
	    *path == '\0'))
		return KE_NOTFOUND;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlcpy(sun.sun_path, path, sizeof(sun.sun_path)) >=
	    sizeof(sun.sun_path))
		return KE_TOOLONG;
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return KE_ERRNO(errno);
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		r = KE_ERRNO(errno);
		close(fd);
		return r;
	}
	if ((ac = calloc(1, sizeof(*ac))) == NULL) {
		close(fd);
		return KE_NOMEM;
	}
	ac->fd = fd;
	*acp = ac;
	return 0;
}

void
agentclient_close(struct agentclient *ac)
{
	if (ac == NULL)
		return;
	close(ac->fd);
	free(ac);
}

static int
write_all(int fd, const u_char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = send(fd, p, len, MSG_NOSIGNAL)) == -1) {
			if (errno == EINTR)
				continue;
			return KE_ERRNO(errno);
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Reads one framed answer into ans, without its length: usually in one
 * read, as agents send an answer at once.
 */
static int
read_answer(int fd, struct buf *ans)
{
	u_char *p;
	uint32_t len;
	size_t want = 4, room;
	ssize_t n;

	for (;;) {
		if (buf_peek_u32(ans, &len) == 0) {
			if (len > AGENT_MAXMSG)
				return KE_TOOLONG;
			want = 4 + (size_t)len;
		}
		if (buf_len(ans) >= want)
			break;
		room = want - buf_len(ans) + (want == 4 ? 1024 : 0);
		if (buf_reserve(ans, room, &p) != 0)
			return KE_NOMEM;
		n = read(fd, p, room);
		buf_consume_tail(ans, n > 0 ? room - (size_t)n : room);
		if (n == 0)
			return KE_TRUNCATED;
		if (n == -1 && errno != EINTR)
			return KE_ERRNO(errno);
	}
	/* more than one answer to one request */
	if (buf_len(ans) != want)
		return KE_TRAILING;
	return buf_consume(ans, 4);
}

int
agentclient_call(struct agentclient *ac, const struct buf *req,
    struct buf **ansp)
{
	struct buf *msg = NULL, *ans = NULL;
	int r;

	*ansp = NULL;
	if ((msg = buf_new()) == NULL || (ans = buf_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = agent_frame(msg, req)) != 0 ||
	    (r = write_all(ac->fd, buf_ptr(msg), buf_len(msg))) != 0 ||
	    (r = read_answer(ac->fd, ans)) != 0)
		goto out;
	*ansp = ans;
	ans = NULL;
 out:
	buf_free(msg);
	buf_free(ans);
	return r;
}

/* agentclient_call, freeing req. */
static int
call_new(struct agentclient *ac, struct buf *req, struct buf **ansp)
{
	int r;

	r = agentclient_call(ac, req, ansp);
	buf_free(req);
	return r;
}

int
agentclient_list(struct agentclient *ac, struct agent_id **idsp,
    size_t *np)
{
	struct buf *req, *ans = NULL;
	int r;

	*idsp = NULL;
	*np = 0;
	if ((req = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = agent_put_type(req, AGENTC_REQUEST_IDENTITIES)) != 0 ||
	    (r = call_new(ac, req, &ans)) != 0)
		return r;
	r = agent_parse_identities(ans, idsp, np);
	buf_free(ans);
	return r;
}

/* 1 if blob is k's plain blob, 2 if a certificate of it, else 0. */
static int
blob_holds(const struct agent_id *id, const u_char *pk)
{
	struct buf *b;
	struct key *k = NULL;
	int match = 0;

	if ((b = buf_view(id->blob, id->bloblen)) == NULL)
		return 0;
	if (key_from_blob(b, &k) == 0 && memcmp(k->pk, pk, KEY_PKLEN) == 0)
		match = k->cert == NULL ? 1 : 2;
	key_free(k);
	buf_free(b);
	return match;
}

int
agentclient_find(struct agentclient *ac, const u_char *pk, u_char **blobp,
    size_t *lenp)
{
	struct agent_id *ids = NULL;
	size_t n, i, best = SIZE_MAX;
	int r, m;

	*blobp = NULL;
	*lenp = 0;
	if ((r = agentclient_list(ac, &ids, &n)) != 0)
		return r;
	for (i = 0; i < n; i++) {
		if ((m = blob_holds(&ids[i], pk)) == 1) {
			best = i;
			break;
		}
		if (m == 2 && best == SIZE_MAX)
			best = i;
	}
	if (best == SIZE_MAX)
		r = KE_NOTFOUND;
	else {
		*blobp = ids[best].blob;
		*lenp = ids[best].bloblen;
		ids[best].blob = NULL;
	}
	agent_ids_free(ids, n);
	return r;
}

int
agentclient_sign_blob(struct agentclient *ac, const u_char *blob,
    size_t bloblen, const u_char *data, size_t len, u_char *sig)
{
	struct buf *req, *ans = NULL;
	int r;

	if ((req = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = agent_put_sign_request(req, blob, bloblen, data, len,
	    0)) != 0) {
		buf_free(req);
		return r;
	}
	if ((r = call_new(ac, req, &ans)) != 0)
		return r;
	r = agent_parse_sign_response(ans, sig);
	buf_free(ans);
	return r;
}

int
agentclient_sign(struct agentclient *ac, const u_char *pk,
    const u_char *data, size_t len, u_char *sig)
{
	u_char *blob = NULL;
	size_t bloblen;
	int r;

	if ((r = agentclient_find(ac, pk, &blob, &bloblen)) == 0 &&
	    (r = agentclient_sign_blob(ac, blob, bloblen, data, len,
	    sig)) == 0)
		r = key_verify_raw(pk, data, len, sig);
	free(blob);
	return r;
}

static int
agentsigner_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct agentsigner *as = arg;

	return agentclient_sign(as->ac, as->pk, msg, len, sig);
}

void
agentclient_signer(struct agentclient *ac, const u_char *pk,
    struct agentsigner *as, struct sshsig_signer *s)
{
	as->ac = ac;
	memcpy(as->pk, pk, sizeof(as->pk));
	memcpy(s->pk, pk, sizeof(s->pk));
	s->sign = agentsigner_sign;
	s->arg = as;
}
