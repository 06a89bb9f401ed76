// Ổ đĩa đầy — a model, loaded with LD_PRELOAD, of the disk holding the SQLite database filling up and then having
// space again, for the disk-full mode of crash-test.py (issue #6: a full disk loses nothing acknowledged, is answered
// 503 and not 500, and the same server goes on once there is space).
//
// While the file named by MOTCUA_FULL_DISK_FLAG exists, every call that would take more space in a file whose path
// starts with MOTCUA_FULL_DISK_FILES (the database's path: the file, its -wal and its -shm) fails with ENOSPC, as the
// kernel fails it on a full file system: write, pwrite, writev, pwritev, a growing ftruncate, fallocate and
// posix_fallocate. Reads, flushes and
// every other file are untouched. crash-test.py creates and removes the flag; the server is never told.
//
// Where it cannot guard (writes through a shared memory map, which the -shm's pages are) it does what a full file
// system does too: those pages are already allocated.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include "database-files.h"

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static int (*real_ftruncate)(int, off_t);
static int (*real_fallocate)(int, int, off_t, off_t);
static int (*real_posix_fallocate)(int, off_t, off_t);
static const char *flag;
static const char *files;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void start(void) {
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_writev = dlsym(RTLD_NEXT, "writev");
    real_pwritev = dlsym(RTLD_NEXT, "pwritev");
    real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
    real_fallocate = dlsym(RTLD_NEXT, "fallocate");
    real_posix_fallocate = dlsym(RTLD_NEXT, "posix_fallocate");
    flag = getenv("MOTCUA_FULL_DISK_FLAG");
    files = getenv("MOTCUA_FULL_DISK_FILES");
}

/// Whether a call on `fd` that takes space must fail now: the disk is full and `fd` is one of the database's files.
static int full_for(int fd) {
    pthread_once(&once, start);
    return flag && files && access(flag, F_OK) == 0 && is_database_file(fd, files);
}

static int no_space(void) {
    errno = ENOSPC;
    return -1;
}

ssize_t write(int fd, const void *bytes, size_t length) {
    if (full_for(fd)) return no_space();
    return real_write(fd, bytes, length);
}

ssize_t pwrite(int fd, const void *bytes, size_t length, off_t offset) {
    if (full_for(fd)) return no_space();
    return real_pwrite(fd, bytes, length, offset);
}

ssize_t pwrite64(int fd, const void *bytes, size_t length, off_t offset) __attribute__((alias("pwrite")));

ssize_t writev(int fd, const struct iovec *parts, int count) {
    if (full_for(fd)) return no_space();
    return real_writev(fd, parts, count);
}

ssize_t pwritev(int fd, const struct iovec *parts, int count, off_t offset) {
    if (full_for(fd)) return no_space();
    return real_pwritev(fd, parts, count, offset);
}

ssize_t pwritev64(int fd, const struct iovec *parts, int count, off_t offset) __attribute__((alias("pwritev")));

/// A truncation that grows the file takes space; one that shrinks it (SQLite restarting its log) does not.
int ftruncate(int fd, off_t length) {
    struct stat status;
    if (full_for(fd) && fstat(fd, &status) == 0 && length > status.st_size) return no_space();
    return real_ftruncate(fd, length);
}

int ftruncate64(int fd, off_t length) __attribute__((alias("ftruncate")));

int fallocate(int fd, int mode, off_t offset, off_t length) {
    if (full_for(fd)) return no_space();
    return real_fallocate(fd, mode, offset, length);
}

int fallocate64(int fd, int mode, off_t offset, off_t length) __attribute__((alias("fallocate")));

int posix_fallocate(int fd, off_t offset, off_t length) {
    if (full_for(fd)) return ENOSPC;
    return real_posix_fallocate(fd, offset, length);
}

int posix_fallocate64(int fd, off_t offset, off_t length) __attribute__((alias("posix_fallocate")));
