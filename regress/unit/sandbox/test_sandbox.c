/*
 * Unit tests for lib/sandbox.c: each case runs in a forked child that
 * enters the sandbox and tries writes inside and outside what it allows.
 * The checks that need Landlock are skipped where the kernel lacks it.
 * "sandbox abi" prints the kernel's Landlock ABI (0: none) for scripts.
 */
#include "compat.h"

#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <linux/landlock.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kerr.h"
#include "sandbox.h"
#include "test.h"

/* A failed step returns its line, which the parent reports. */
#define NEED(c)		do { if (!(c)) return __LINE__; } while (0)
/* c fails with EACCES, as Landlock refuses. */
#define DENIED(c)	NEED((c) == -1 && errno == EACCES)

static char base[PATH_MAX], in[PATH_MAX], out[PATH_MAX];
static int abi;		/* the kernel's Landlock ABI, 0 for none */
static pid_t sleeper;	/* a process outside every sandbox */

static const char *
at(const char *dir, const char *name)
{
	static char p[4][PATH_MAX];
	static int i;

	i = (i + 1) % 4;
	if ((size_t)snprintf(p[i], sizeof(p[i]), "%s/%s", dir, name) >=
	    sizeof(p[i]))
		abort();
	return p[i];
}

static int
make(const char *path)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1)
		return -1;
	return close(fd);
}

static int
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Writes beneath "in" work; outside, nothing is made, changed or removed. */
static int
case_write(void)
{
	struct sandbox_path p = { in, SANDBOX_WRITE };
	char c;
	int fd;

	NEED(sandbox(&p, 1, 0) == 0);
	NEED(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1);
	NEED((fd = open(at(in, "f"), O_RDWR | O_CREAT | O_EXCL, 0600)) != -1);
	NEED(write(fd, "x", 1) == 1 && ftruncate(fd, 0) == 0 && close(fd) == 0);
	NEED(rename(at(in, "f"), at(in, "g")) == 0);
	NEED(link(at(in, "g"), at(in, "h")) == 0 && unlink(at(in, "h")) == 0);
	NEED(symlink("g", at(in, "s")) == 0 && unlink(at(in, "s")) == 0);
	NEED(unlink(at(in, "g")) == 0);
	NEED(mkdir(at(in, "d"), 0700) == 0 && rmdir(at(in, "d")) == 0);
	DENIED(open(at(out, "new"), O_WRONLY | O_CREAT, 0600));
	DENIED(mkdir(at(out, "d"), 0700));
	DENIED(symlink("x", at(out, "s")));
	DENIED(open(at(out, "old"), O_WRONLY));
	DENIED(unlink(at(out, "old")));
	DENIED(rename(at(out, "old"), at(out, "old2")));
	if (abi >= 3)
		DENIED(truncate(at(out, "old"), 0));
	/* reads stay free; /dev/null may be written */
	NEED((fd = open(at(out, "old"), O_RDONLY)) != -1);
	NEED(read(fd, &c, 1) == 1 && c == 'o' && close(fd) == 0);
	NEED((fd = open("/dev/null", O_WRONLY)) != -1 && close(fd) == 0);
	NEED(!exists(at(out, "new")) && exists(at(out, "old")));
	return 0;
}

/* SANDBOX_PARENT: the rule is on the directory holding the file. */
static int
case_parent(void)
{
	struct sandbox_path p = { NULL, SANDBOX_WRITE | SANDBOX_PARENT };

	p.path = at(in, "file-to-be");
	NEED(sandbox(&p, 1, 0) == 0);
	NEED(make(at(in, "p")) == 0 && unlink(at(in, "p")) == 0);
	DENIED(make(at(out, "p")));
	return 0;
}

/* A second call narrows: only removing is left. */
static int
case_layers(void)
{
	struct sandbox_path w = { in, SANDBOX_WRITE };
	struct sandbox_path rm = { in, SANDBOX_RMFILE };

	NEED(sandbox(&w, 1, 0) == 0);
	NEED(make(at(in, "victim")) == 0);
	NEED(sandbox(&rm, 1, 0) == 0);
	DENIED(make(at(in, "x")));
	DENIED(mkdir(at(in, "d"), 0700));
	NEED(unlink(at(in, "victim")) == 0);
	/* the first layer never allowed "out" */
	w.path = out;
	NEED(sandbox(&w, 1, 0) == 0);
	DENIED(make(at(out, "x")));
	return 0;
}

static int
bind_unix(const char *path)
{
	struct sockaddr_un sun;
	int fd, r;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		return -1;
	r = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
	close(fd);
	return r;
}

/* SANDBOX_SOCK allows Unix sockets and nothing else. */
static int
case_sock(void)
{
	struct sandbox_path p = { in, SANDBOX_SOCK };

	NEED(sandbox(&p, 1, 0) == 0);
	NEED(bind_unix(at(in, "sock")) == 0);
	DENIED(bind_unix(at(out, "sock")));
	DENIED(make(at(in, "file")));
	DENIED(unlink(at(in, "sock")));
	return 0;
}

static int
tcp_socket(struct sockaddr_in *sin)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return socket(AF_INET, SOCK_STREAM, 0);
}

/* TCP bind and connect only as the flags say. */
static int
case_tcp(unsigned int flags)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int lfd, fd, r;

	/* a listener made before the sandbox, to connect to */
	NEED((lfd = tcp_socket(&sin)) != -1);
	NEED(bind(lfd, (struct sockaddr *)&sin, sizeof(sin)) == 0);
	NEED(listen(lfd, 1) == 0);
	NEED(getsockname(lfd, (struct sockaddr *)&sin, &len) == 0);
	NEED(sandbox(NULL, 0, flags) == 0);
	NEED((fd = tcp_socket(&sin)) != -1);
	NEED(getsockname(lfd, (struct sockaddr *)&sin, &len) == 0);
	r = connect(fd, (struct sockaddr *)&sin, sizeof(sin));
	if (flags & SANDBOX_CONNECT)
		NEED(r == 0);
	else
		DENIED(r);
	close(fd);
	NEED((fd = tcp_socket(&sin)) != -1);
	r = bind(fd, (struct sockaddr *)&sin, sizeof(sin));
	if (flags & SANDBOX_BIND)
		NEED(r == 0);
	else
		DENIED(r);
	close(fd);
	close(lfd);
	return 0;
}

static int
case_tcp_none(void)
{
	return case_tcp(0);
}

static int
case_tcp_inet(void)
{
	return case_tcp(SANDBOX_INET);
}

/* Signals to processes outside only with SANDBOX_PROC. */
static int
case_signal(void)
{
	pid_t pid;
	int st;

	NEED(sandbox(NULL, 0, 0) == 0);
	NEED(kill(sleeper, SIGCONT) == -1 && errno == EPERM);
	NEED(kill(getpid(), 0) == 0);
	/* a child is inside the sandbox */
	NEED((pid = fork()) != -1);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	NEED(kill(pid, SIGKILL) == 0 && waitpid(pid, &st, 0) == pid);
	return 0;
}

static int
case_proc(void)
{
	NEED(sandbox(NULL, 0, SANDBOX_PROC) == 0);
	NEED(kill(sleeper, SIGCONT) == 0);
	return 0;
}

/* The probe reports what the sandbox allows, and leaves nothing. */
static int
case_probe(void)
{
	struct sandbox_path p = { in, SANDBOX_WRITE };

	NEED(setenv(SANDBOX_PROBE_ENV, at(in, "probe"), 1) == 0);
	NEED(sandbox(&p, 1, 0) == 0);
	NEED(!exists(at(in, "probe")));
	NEED(setenv(SANDBOX_PROBE_ENV, at(out, "probe"), 1) == 0);
	NEED(sandbox(&p, 1, 0) == KE_ERRNO(EACCES));
	NEED(!exists(at(out, "probe")));
	return 0;
}

/* Without Landlock too: NO_NEW_PRIVS, a missing path, a probe's EEXIST. */
static int
case_always(void)
{
	struct sandbox_path p[] = {
		{ NULL, SANDBOX_WRITE },
		{ in, SANDBOX_WRITE },
		{ in, SANDBOX_WRITE },
	};

	p[0].path = at(base, "missing");
	NEED(setenv(SANDBOX_PROBE_ENV, at(in, "probe"), 1) == 0);
	NEED(sandbox(p, nitems(p), 0) == 0);
	NEED(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1);
	NEED(!exists(at(in, "probe")));
	NEED(setenv(SANDBOX_PROBE_ENV, at(out, "old"), 1) == 0);
	NEED(sandbox(p, nitems(p), 0) == KE_ERRNO(EEXIST));
	return 0;
}

/* sandbox_kith: the kith directory (made here) and the file's directory. */
static int
case_kith(void)
{
	char kd[PATH_MAX];

	strlcpy(kd, at(base, "kith"), sizeof(kd));
	NEED(sandbox_kith(kd, at(out, "known_hosts"), SANDBOX_MKDIR) == 0);
	NEED(exists(kd));
	NEED(make(at(kd, "x")) == 0 && unlink(at(kd, "x")) == 0);
	NEED(make(at(out, "y")) == 0 && unlink(at(out, "y")) == 0);
	DENIED(make(at(in, "z")));
	return 0;
}

/* "-" is standard output: no directory is allowed for it. */
static int
case_kith_stdout(void)
{
	NEED(sandbox_kith(at(base, "kith2"), "-", 0) == 0);
	NEED(!exists(at(base, "kith2")));
	DENIED(make(at(out, "y")));
	DENIED(make(at(base, "z")));
	return 0;
}

/* Runs fn in a child; its result comes back through a pipe. */
static void
run(int (*fn)(void), const char *what, int needs)
{
	pid_t pid;
	int p[2], r = -1, st;

	if (needs > abi) {
		t_check(1, __FILE__, __LINE__, "# SKIP %s: Landlock ABI %d "
		    "needed, the kernel has %d", what, needs, abi);
		return;
	}
	if (pipe(p) == -1 || (pid = fork()) == -1) {
		T_OK(0, "%s: pipe or fork: %s", what, strerror(errno));
		return;
	}
	if (pid == 0) {
		close(p[0]);
		r = fn();
		(void)!write(p[1], &r, sizeof(r));
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &r, sizeof(r)) != sizeof(r))
		r = -1;
	close(p[0]);
	waitpid(pid, &st, 0);
	T_OK(r == 0 && WIFEXITED(st), "%s%s%.0d", what,
	    r != 0 ? ": failed at line " : "", r);
}

/* Asked here, not through lib/sandbox, so that a broken one cannot skip. */
static int
kernel_abi(void)
{
	long v;

	v = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION);
	return v < 0 ? 0 : (int)v;
}

static void
setup(void)
{
	const char *tmp;
	int fd;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(base, sizeof(base), "%s/kith-sandbox.XXXXXX",
	    tmp) >= sizeof(base) || mkdtemp(base) == NULL)
		exit(1);
	strlcpy(in, at(base, "in"), sizeof(in));
	strlcpy(out, at(base, "out"), sizeof(out));
	if (mkdir(in, 0700) == -1 || mkdir(out, 0700) == -1 ||
	    (fd = open(at(out, "old"), O_WRONLY | O_CREAT, 0600)) == -1 ||
	    write(fd, "old\n", 4) != 4 || close(fd) == -1)
		exit(1);
	abi = kernel_abi();
	if ((sleeper = fork()) == 0) {
		pause();
		_exit(0);
	}
}

static void
cleanup(void)
{
	const char *names[] = { "in/sock", "in/victim", "in/probe",
	    "out/old", "out/probe", "out/new", "kith/x" };
	const char *dirs[] = { "in", "out", "kith", "kith2", "" };
	size_t i;
	int st;

	kill(sleeper, SIGKILL);
	waitpid(sleeper, &st, 0);
	for (i = 0; i < nitems(names); i++)
		(void)unlink(at(base, names[i]));
	for (i = 0; i < nitems(dirs); i++)
		(void)rmdir(at(base, dirs[i]));
	T_OK(!exists(base), "scratch directory removed");
}

int
main(int argc, char *argv[])
{
	/* "abi": the kernel's Landlock ABI, for regress/sandbox.sh */
	if (argc == 2 && strcmp(argv[1], "abi") == 0) {
		printf("%d\n", kernel_abi());
		return 0;
	}
	setup();
	run(case_always, "NO_NEW_PRIVS, missing paths and the probe", 0);
	run(case_write, "writes inside only; reads free", 1);
	run(case_parent, "a rule on the file's directory", 1);
	run(case_layers, "a second sandbox narrows the first", 1);
	run(case_sock, "Unix sockets only where allowed", 1);
	run(case_probe, "the probe fails outside and leaves nothing", 1);
	run(case_kith, "sandbox_kith: kith dir and -o directory", 1);
	run(case_kith_stdout, "sandbox_kith: - allows no directory", 1);
	run(case_tcp_none, "no TCP bind or connect by default", 4);
	run(case_tcp_inet, "SANDBOX_INET: TCP bind and connect", 4);
	run(case_signal, "no signals to processes outside", 6);
	run(case_proc, "SANDBOX_PROC: signals to processes outside", 6);
	cleanup();
	return t_done();
}
