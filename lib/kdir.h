/* kdir.h: where the kith directory is. */
#ifndef KITH_KDIR_H
#define KITH_KDIR_H

#define KDIR_DEFAULT	".kith"
#define KDIR_IDENTITY	"id_ed25519"
#define KDIR_IDFILE	"identity"

/*
 * The kith directory: dflag if not NULL, else $KITH_DIR, else
 * $HOME/.kith (the password file's home when HOME is unset).
 * *dirp is malloc'd.  An empty dflag (-d '') is KE_ERRNO(ENOENT), as
 * for any empty path; an empty $KITH_DIR counts as unset.
 */
int	kdir_resolve(const char *, char **);
/* Creates dir with mode 0700 unless it exists as a directory. */
int	kdir_create(const char *);
/*
 * The identity key file: the first line of dir/identity when that file
 * exists (so a host can name /etc/ssh/ssh_host_ed25519_key), else
 * dir/id_ed25519.  *pathp is malloc'd.
 */
int	kdir_identity(const char *, char **);
/*
 * What to say when dir's identity failed to load with r, in out (len
 * bytes): "PATH: reason (named in DIR/identity)" when dir/identity names
 * the key; "DIR/id_ed25519: no identity key: make one..." when the
 * default key is missing; else "PATH: reason", or the identity file's
 * own error.
 */
void	kdir_identity_error(const char *, int, char *, size_t);
/* A malloc'd "dir/name" in *pathp. */
int	kdir_path(const char *, const char *, char **);

#endif /* KITH_KDIR_H */
