/* agentsock.h: kith-agent's listening socket. */
#ifndef KITH_AGENTSOCK_H
#define KITH_AGENTSOCK_H

#include "compat.h"

#include <sys/un.h>

#define AGENTSOCK_MAX	sizeof(((struct sockaddr_un *)0)->sun_path)

struct agentsock {
	char	path[AGENTSOCK_MAX];	/* absolute */
	char	dir[AGENTSOCK_MAX];	/* made for the socket, else "" */
	int	fd;			/* listening, nonblocking */
};

/*
 * Listens on a new socket at path, else (path NULL) at
 * $TMPDIR/kith-XXXXXX/agent.PID in a directory made for it (0700).  On
 * failure nothing is left, s->fd is -1 and s->path, else s->dir, names
 * what failed.
 */
int	agentsock_listen(const char *, struct agentsock *);
/* Closes the socket and removes it and the directory made for it. */
void	agentsock_remove(struct agentsock *);

#endif /* KITH_AGENTSOCK_H */
