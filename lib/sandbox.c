/* sandbox.c: NO_NEW_PRIVS and Landlock, by raw system calls. */
#include "compat.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <linux/landlock.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kdir.h"
#include "kerr.h"
#include "sandbox.h"

/* What an older <linux/landlock.h> lacks: ABI 3 (truncate), 4, 6. */
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE	(1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_NET_BIND_TCP
#define LANDLOCK_ACCESS_NET_BIND_TCP	(1ULL << 0)
#define LANDLOCK_ACCESS_NET_CONNECT_TCP	(1ULL << 1)
#endif
#ifndef LANDLOCK_SCOPE_SIGNAL
#define LANDLOCK_SCOPE_SIGNAL		(1ULL << 1)
#endif

#define FS(x)	LANDLOCK_ACCESS_FS_ ## x
/* The write rights of ABI 1; ABI 2 adds REFER, ABI 3 TRUNCATE. */
#define FS_WRITE1	(FS(WRITE_FILE) | FS(REMOVE_DIR) | FS(REMOVE_FILE) | \
	    FS(MAKE_CHAR) | FS(MAKE_DIR) | FS(MAKE_REG) | FS(MAKE_SOCK) | \
	    FS(MAKE_FIFO) | FS(MAKE_BLOCK) | FS(MAKE_SYM))
/* The write rights a rule on a file (not a directory) may hold. */
#define FS_FILE		(FS(WRITE_FILE) | FS(TRUNCATE))

/* struct landlock_ruleset_attr as of ABI 6, which old headers lack. */
struct ruleset_attr {
	uint64_t	fs;
	uint64_t	net;
	uint64_t	scoped;
};

/* The Landlock ABI version, 0 without Landlock, or an error. */
static int
landlock_abi(void)
{
	long v;

	v = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION);
	if (v >= 0)
		return v > INT16_MAX ? INT16_MAX : (int)v;
	if (errno == ENOSYS || errno == EOPNOTSUPP)
		return 0;
	return KE_ERRNO(errno);
}

static uint64_t
rights(unsigned int allow)
{
	uint64_t a = 0;

	if (allow & SANDBOX_WRITE)
		a |= FS(WRITE_FILE) | FS(TRUNCATE) | FS(REMOVE_DIR) |
		    FS(REMOVE_FILE) | FS(MAKE_DIR) | FS(MAKE_REG) |
		    FS(MAKE_SYM) | FS(REFER);
	if (allow & SANDBOX_SOCK)
		a |= FS(MAKE_SOCK);
	if (allow & SANDBOX_RMFILE)
		a |= FS(REMOVE_FILE);
	if (allow & SANDBOX_RMDIR)
		a |= FS(REMOVE_DIR);
	return a;
}

/* Allows access (of those handled) beneath path, or to path, a file. */
static int
add_rule(int rfd, const char *path, uint64_t access, uint64_t handled)
{
	struct landlock_path_beneath_attr pb;
	struct stat st;
	int fd, r = 0;

	if ((fd = open(path, O_PATH | O_CLOEXEC)) == -1)
		return 0;	/* nothing can be written there either */
	if (fstat(fd, &st) == -1)
		r = KE_ERRNO(errno);
	else {
		if (!S_ISDIR(st.st_mode))
			access &= FS_FILE;
		memset(&pb, 0, sizeof(pb));
		pb.allowed_access = access & handled;
		pb.parent_fd = fd;
		if (pb.allowed_access != 0 &&
		    syscall(SYS_landlock_add_rule, rfd,
		    LANDLOCK_RULE_PATH_BENEATH, &pb, 0) == -1)
			r = KE_ERRNO(errno);
	}
	close(fd);
	return r;
}

static int
add_path(int rfd, const struct sandbox_path *p, uint64_t handled)
{
	char *copy;
	int r;

	if (p->path == NULL)
		return 0;
	if (!(p->allow & SANDBOX_PARENT))
		return add_rule(rfd, p->path, rights(p->allow), handled);
	if ((copy = strdup(p->path)) == NULL)
		return KE_NOMEM;
	r = add_rule(rfd, dirname(copy), rights(p->allow), handled);
	free(copy);
	return r;
}

/* Makes the file $KITH_SANDBOX_PROBE names, and removes it. */
static int
probe(void)
{
	const char *path;
	int fd;

	if ((path = getenv(SANDBOX_PROBE_ENV)) == NULL || *path == '\0')
		return 0;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) == -1)
		return KE_ERRNO(errno);
	close(fd);
	return unlink(path) == -1 ? KE_ERRNO(errno) : 0;
}

int
sandbox(const struct sandbox_path *p, size_t n, unsigned int flags)
{
	static const char *const dev[] = { "/dev/null", "/dev/tty" };
	struct ruleset_attr ra;
	size_t i, size;
	int abi, rfd, r = 0;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return KE_ERRNO(errno);
	if ((abi = landlock_abi()) <= 0)
		return abi < 0 ? abi : probe();
	memset(&ra, 0, sizeof(ra));
	ra.fs = FS_WRITE1 | (abi >= 2 ? FS(REFER) : 0) |
	    (abi >= 3 ? FS(TRUNCATE) : 0);
	if (abi >= 4 && !(flags & SANDBOX_BIND))
		ra.net |= LANDLOCK_ACCESS_NET_BIND_TCP;
	if (abi >= 4 && !(flags & SANDBOX_CONNECT))
		ra.net |= LANDLOCK_ACCESS_NET_CONNECT_TCP;
	if (abi >= 6 && !(flags & SANDBOX_PROC))
		ra.scoped = LANDLOCK_SCOPE_SIGNAL;
	/* the fields this kernel knows */
	size = abi >= 6 ? sizeof(ra) : abi >= 4 ? 2 * sizeof(ra.fs) :
	    sizeof(ra.fs);
	if ((rfd = (int)syscall(SYS_landlock_create_ruleset, &ra, size, 0)) ==
	    -1)
		return KE_ERRNO(errno);
	for (i = 0; r == 0 && i < nitems(dev); i++)
		r = add_rule(rfd, dev[i], FS_FILE, ra.fs);
	for (i = 0; r == 0 && i < n; i++)
		r = add_path(rfd, &p[i], ra.fs);
	if (r == 0 && syscall(SYS_landlock_restrict_self, rfd, 0) == -1)
		r = KE_ERRNO(errno);
	close(rfd);
	return r != 0 ? r : probe();
}

int
sandbox_kith(const char *dflag, const char *file, unsigned int flags)
{
	struct sandbox_path p[] = {
		{ NULL, SANDBOX_WRITE },
		{ NULL, SANDBOX_WRITE | SANDBOX_PARENT },
	};
	char *dir = NULL;
	int r;

	/* failures here are the tool's to report when it uses dir */
	if (kdir_resolve(dflag, &dir) == 0 && (flags & SANDBOX_MKDIR))
		(void)kdir_create(dir);
	p[0].path = dir;
	if (file != NULL && strcmp(file, "-") != 0)
		p[1].path = file;
	r = sandbox(p, nitems(p), flags & ~SANDBOX_MKDIR);
	free(dir);
	return r;
}

int
sandbox_nodump(void)
{
	struct rlimit rl = { 0, 0 };

	if (setrlimit(RLIMIT_CORE, &rl) == -1 ||
	    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1)
		return KE_ERRNO(errno);
	return 0;
}
