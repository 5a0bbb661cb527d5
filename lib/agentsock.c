/* agentsock.c: kith-agent's listening socket and its directory. */
#include "compat.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agentsock.h"
#include "file.h"
#include "kerr.h"

/* A new directory for the socket under $TMPDIR; its path in s->path. */
static int
make_dir(struct agentsock *s)
{
	const char *tmp;
	int r = 0;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(s->dir, sizeof(s->dir), "%s/kith-XXXXXX", tmp) >=
	    sizeof(s->dir) || file_absolute(s->dir, sizeof(s->dir)) != 0)
		return KE_TOOLONG;
	if (mkdtemp(s->dir) == NULL)
		return KE_ERRNO(errno);
	/* 0700 whatever the umask (the agent's, 0177, is for the socket) */
	if (chmod(s->dir, 0700) == -1)
		r = KE_ERRNO(errno);
	else if ((size_t)snprintf(s->path, sizeof(s->path), "%s/agent.%ld",
	    s->dir, (long)getpid()) >= sizeof(s->path))
		r = KE_TOOLONG;
	if (r != 0)
		rmdir(s->dir);
	return r;
}

int
agentsock_listen(const char *want, struct agentsock *s)
{
	struct sockaddr_un sun;
	int r;

	memset(s, 0, sizeof(*s));
	s->fd = -1;
	if (want != NULL) {
		if (strlcpy(s->path, want, sizeof(s->path)) >= sizeof(s->path))
			return KE_TOOLONG;
	} else if ((r = make_dir(s)) != 0)
		return r;
	if (file_absolute(s->path, sizeof(s->path)) != 0) {
		r = KE_TOOLONG;
		goto fail;
	}
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, s->path, sizeof(sun.sun_path));
	if ((s->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC |
	    SOCK_NONBLOCK, 0)) == -1 ||
	    bind(s->fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    listen(s->fd, SOMAXCONN) == -1) {
		r = KE_ERRNO(errno);
		goto fail;
	}
	return 0;
 fail:
	if (s->fd != -1)
		close(s->fd);
	s->fd = -1;
	if (*s->dir != '\0')
		rmdir(s->dir);
	return r;
}

void
agentsock_remove(struct agentsock *s)
{
	if (s->fd != -1)
		close(s->fd);
	s->fd = -1;
	unlink(s->path);
	if (*s->dir != '\0')
		rmdir(s->dir);
}
