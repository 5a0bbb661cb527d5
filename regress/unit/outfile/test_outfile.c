/*
 * Unit tests for lib/outfile.c: a new or regular file appears whole at
 * commit and not before; a symlink stays a symlink and its target is
 * replaced; a device or FIFO is written in place, never replaced;
 * directories and sockets are refused; nothing is left behind on abort
 * or when the process exits before committing.
 */
#include "compat.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kerr.h"
#include "outfile.h"
#include "test.h"

static char dir[64];
static struct stat st_dummy;

static const char *
at(const char *name)
{
	static char path[4][128];
	static int i;

	if (name[0] == '/')
		return name;
	i = (i + 1) % 4;
	snprintf(path[i], sizeof(path[i]), "%s/%s", dir, name);
	return path[i];
}

static void
put(const char *name, const char *text)
{
	FILE *f;

	if ((f = fopen(at(name), "w")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
}

/* The contents of name ("" when absent), in a static buffer. */
static const char *
get(const char *name)
{
	static char text[256];
	size_t n = 0;
	FILE *f;

	if ((f = fopen(at(name), "r")) != NULL) {
		n = fread(text, 1, sizeof(text) - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

/* How many entries the scratch directory holds. */
static int
entries(void)
{
	struct dirent *e;
	DIR *d;
	int n = 0;

	if ((d = opendir(dir)) == NULL)
		abort();
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* Writes text to name through outfile: the outfile_commit result. */
static int
out(const char *name, unsigned int flags, const char *text)
{
	struct outfile *o;
	int r;

	if ((r = outfile_open(at(name), 0644, flags, &o)) != 0)
		return r;
	if ((r = outfile_write(o, text, strlen(text))) != 0) {
		outfile_abort(o);
		return r;
	}
	return outfile_commit(o);
}

static void
test_regular(void)
{
	struct outfile *o;
	struct stat st;

	T_EQ(out("new", 0, "one\n"), 0, "a new file");
	T_STR(get("new"), "one\n", "... holds what was written");
	T_OK(stat(at("new"), &st) == 0 && (st.st_mode & 07777) == 0644,
	    "... mode 0644");
	T_EQ(outfile_open(at("new"), 0600, 0, &o), 0, "open to replace");
	T_OK(outfile_sandbox_path(o) != NULL &&
	    strcmp(outfile_sandbox_path(o), at("new")) == 0,
	    "... the sandbox must allow the file's directory");
	T_EQ(outfile_write(o, "two\n", 4), 0, "... write");
	T_STR(get("new"), "one\n", "... the old file until the commit");
	T_EQ(entries(), 2, "... and a temporary file beside it");
	T_EQ(outfile_commit(o), 0, "... commit");
	T_STR(get("new"), "two\n", "... replaced");
	T_OK(stat(at("new"), &st) == 0 && (st.st_mode & 07777) == 0600,
	    "... with the mode asked for");
	T_EQ(entries(), 1, "... and no temporary file left");
	T_EQ(out("new", OUTFILE_KEEPOLD, "three\n"), 0, "keep .old");
	T_STR(get("new"), "three\n", "... new contents");
	T_STR(get("new.old"), "two\n", "... the previous file as .old");
	T_EQ(outfile_open(at("new"), 0644, 0, &o), 0, "open, then abort");
	outfile_abort(o);
	T_STR(get("new"), "three\n", "... the file is unchanged");
	T_EQ(entries(), 2, "... and the temporary file is gone");
	outfile_abort(NULL);
	unlink(at("new"));
	unlink(at("new.old"));
}

static void
test_symlinks(void)
{
	struct stat st;
	char link[128];
	ssize_t n;

	put("target", "old\n");
	T_OK(symlink("target", at("rel")) == 0, "a relative symlink");
	T_EQ(out("rel", OUTFILE_KEEPOLD, "new\n"), 0, "write through it");
	T_OK(lstat(at("rel"), &st) == 0 && S_ISLNK(st.st_mode),
	    "... it stays a symlink");
	T_STR(get("target"), "new\n", "... its target is replaced");
	T_STR(get("target.old"), "old\n", "... .old beside the target");
	T_OK(lstat(at("rel.old"), &st) == -1, "... not beside the link");
	T_OK(symlink(at("rel"), at("abs")) == 0, "a chain: abs -> rel");
	T_EQ(out("abs", 0, "chain\n"), 0, "write through the chain");
	T_STR(get("target"), "chain\n", "... reaches the target");
	T_OK(lstat(at("abs"), &st) == 0 && S_ISLNK(st.st_mode) &&
	    lstat(at("rel"), &st) == 0 && S_ISLNK(st.st_mode),
	    "... both links stay");
	T_OK(symlink("later", at("dangling")) == 0, "a dangling symlink");
	T_EQ(out("dangling", 0, "made\n"), KE_DANGLING,
	    "not written through (as cp)");
	T_OK(lstat(at("later"), &st) == -1, "... no target made");
	n = readlink(at("dangling"), link, sizeof(link) - 1);
	T_OK(n == 5 && memcmp(link, "later", 5) == 0, "... the link unchanged");
	T_OK(symlink("loop2", at("loop1")) == 0 &&
	    symlink("loop1", at("loop2")) == 0, "a loop of symlinks");
	T_EQ(out("loop1", 0, "x\n"), KE_ERRNO(ELOOP), "... ELOOP");
	T_EQ(entries(), 7, "... nothing else made");
	unlink(at("loop1"));
	unlink(at("loop2"));
	unlink(at("dangling"));
	unlink(at("later"));
	unlink(at("abs"));
	unlink(at("rel"));
	unlink(at("target"));
	unlink(at("target.old"));
}

static void
test_special(void)
{
	struct sockaddr_un sun;
	struct outfile *o;
	struct stat st;
	char buf[16];
	int fd, s, status;
	pid_t pid;

	T_EQ(out("/dev/null", 0, "x\n"), 0, "/dev/null: in place");
	T_OK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode),
	    "... still a character device");
	T_OK(symlink("/dev/null", at("null")) == 0, "a symlink to /dev/null");
	T_EQ(outfile_open(at("null"), 0644, OUTFILE_KEEPOLD, &o), 0,
	    "... opens");
	T_OK(outfile_sandbox_path(o) == NULL, "... already open: no sandbox "
	    "path needed");
	T_EQ(outfile_commit(o), 0, "... commits");
	T_OK(lstat(at("null"), &st) == 0 && S_ISLNK(st.st_mode) &&
	    lstat(at("null.old"), &st) == -1, "... link kept, no .old");
	unlink(at("null"));
	T_OK(mkfifo(at("fifo"), 0600) == 0, "a FIFO");
	if ((pid = fork()) == 0) {
		fd = open(at("fifo"), O_RDONLY);
		_exit(read(fd, buf, sizeof(buf)) == 5 &&
		    memcmp(buf, "fifo\n", 5) == 0 ? 0 : 1);
	}
	T_EQ(out("fifo", 0, "fifo\n"), 0, "... written in place");
	T_OK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "... its reader got the data");
	T_OK(lstat(at("fifo"), &st) == 0 && S_ISFIFO(st.st_mode),
	    "... still a FIFO");
	unlink(at("fifo"));
	T_OK(mkdir(at("sub"), 0700) == 0, "a directory");
	T_EQ(out("sub", 0, "x\n"), KE_ERRNO(EISDIR), "... refused: EISDIR");
	rmdir(at("sub"));
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strlcpy(sun.sun_path, at("sock"), sizeof(sun.sun_path));
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	T_OK(s != -1 && bind(s, (struct sockaddr *)&sun, sizeof(sun)) == 0,
	    "a socket");
	T_EQ(out("sock", 0, "x\n"), KE_NOTFILE, "... refused: KE_NOTFILE");
	close(s);
	unlink(at("sock"));
	T_EQ(out("none/file", 0, "x\n"), KE_ERRNO(ENOENT),
	    "a missing directory: ENOENT");
	T_EQ(entries(), 0, "nothing left behind by any of these");
}

/*
 * A symlink another user made in a sticky world-writable directory is
 * not followed (protected_symlinks); ours is.  Needs root (lchown).
 */
static void
test_sticky(void)
{
	struct stat st;

	if (geteuid() != 0) {
		T_OK(1, "# SKIP sticky directories: not root");
		return;
	}
	T_OK(mkdir(at("pub"), 01777) == 0 && chmod(at("pub"), 01777) == 0,
	    "a sticky world-writable directory");
	put("victim", "mine\n");
	T_OK(symlink(at("victim"), at("pub/kh")) == 0 &&
	    lchown(at("pub/kh"), 65534, 65534) == 0,
	    "another user's symlink in it, to our file");
	T_EQ(out("pub/kh", 0, "x\n"), KE_ERRNO(EACCES), "... not followed");
	T_STR(get("victim"), "mine\n", "... our file untouched");
	T_OK(lstat(at("pub/kh"), &st) == 0 && S_ISLNK(st.st_mode),
	    "... the link untouched");
	T_OK(lchown(at("pub/kh"), 0, 0) == 0, "our own link there");
	T_EQ(out("pub/kh", 0, "ours\n"), 0, "... is followed");
	T_STR(get("victim"), "ours\n", "... to its target");
	unlink(at("pub/kh"));
	rmdir(at("pub"));
	unlink(at("victim"));
}

/* Links into /proc/self/fd write to that descriptor as it is. */
static void
test_procfd(void)
{
	char link[64], text[32];
	struct outfile *o;
	int fd;
	ssize_t n;

	put("log", "first\n");
	fd = open(at("log"), O_WRONLY | O_APPEND);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	T_OK(fd != -1 && symlink(link, at("fdlink")) == 0,
	    "a link to /proc/self/fd/N, N open with O_APPEND");
	T_EQ(outfile_open(at("fdlink"), 0644, OUTFILE_KEEPOLD, &o), 0,
	    "... opens");
	T_OK(outfile_sandbox_path(o) == NULL, "... already open");
	T_EQ(outfile_write(o, "second\n", 7), 0, "... write");
	T_STR(get("log"), "first\n", "... held until the commit");
	T_EQ(outfile_commit(o), 0, "... commit");
	T_STR(get("log"), "first\nsecond\n", "... appended, not truncated");
	T_OK(lstat(at("fdlink.old"), &st_dummy) == -1 &&
	    lstat(at("log.old"), &st_dummy) == -1, "... no .old");
	close(fd);
	unlink(at("fdlink"));
	unlink(at("log"));
	T_EQ(outfile_open("", 0644, 0, &o), KE_ERRNO(ENOENT),
	    "an empty path: ENOENT");
	n = readlink("/dev/stdout", text, sizeof(text) - 1);
	T_OK(n > 0, "/dev/stdout is a link (untouched by this test)");
}

/* A process that dies between open and commit leaves nothing. */
static void
test_exit(void)
{
	struct outfile *o1, *o2;
	int status;
	pid_t pid;

	put("kept", "kept\n");
	if ((pid = fork()) == 0) {
		/* two temporary files pending at once */
		if (outfile_open(at("kept"), 0644, 0, &o1) != 0 ||
		    outfile_open(at("fresh"), 0644, 0, &o2) != 0 ||
		    outfile_write(o1, "y", 1) != 0 ||
		    outfile_write(o2, "x", 1) != 0 || entries() != 3)
			_exit(3);
		exit(2);			/* as errx would */
	}
	T_OK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 2, "a process exits before committing");
	T_EQ(entries(), 1, "... its temporary files are gone");
	T_STR(get("kept"), "kept\n", "... and the file it would replace is "
	    "unchanged");
	unlink(at("kept"));
}

int
main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/kith-outfile.XXXXXX");
	T_OK(mkdtemp(dir) != NULL, "scratch directory");
	test_regular();
	test_symlinks();
	test_special();
	test_sticky();
	test_procfd();
	test_exit();
	rmdir(dir);
	return t_done();
}
