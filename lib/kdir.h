/* kdir.h: where the kith directory is. */
#ifndef KITH_KDIR_H
#define KITH_KDIR_H

#define KDIR_DEFAULT	".kith"
#define KDIR_IDENTITY	"id_ed25519"
#define KDIR_IDFILE	"identity"

/*
 * The kith directory: dflag if not NULL, else $KITH_DIR, else
 * $HOME/.kith (the password file's home when HOME is unset).
 * *dirp is malloc'd.
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
/* A malloc'd "dir/name" in *pathp. */
int	kdir_path(const char *, const char *, char **);

#endif /* KITH_KDIR_H */
