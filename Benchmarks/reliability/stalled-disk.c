// Ổ đĩa treo — a model, loaded with LD_PRELOAD, of the disk holding the SQLite database stalling: a storage array
// failing over, a virtual machine's disk throttled or its host paused, a network volume whose server stopped answering.
// For the stall mode of crash-test.py (issue #6: a request is answered 503 within its deadline, not left waiting until
// the disk answers again, and nothing acknowledged is lost).
//
// While the file named by MOTCUA_STALLED_DISK_FLAG exists, every flush (fsync, fdatasync), every read (pread) and
// every write (write, pwrite) of a file whose path starts with MOTCUA_STALLED_DISK_FILES (the database's path: the
// file, its -wal and its -shm; and the kept files' folder beside it) waits until the flag is gone, then goes on: what
// a stalled device does to the calls that must reach it. A real stall holds only the reads of pages the kernel's cache
// does not hold (a database larger than memory, or read after a restart), and writes only once the kernel's limit of
// pages waiting for the disk is reached or the file system's journal waits for it; the model holds them all, the
// harshest case, and SQLite's own cache of pages still answers. Every other file is untouched. crash-test.py creates
// and removes the flag; the server is never told.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "database-files.h"

static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static ssize_t (*real_pread)(int, void *, size_t, off_t);
static ssize_t (*real_pread64)(int, void *, size_t, off_t);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static const char *flag;
static const char *files;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void start(void) {
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_pread = dlsym(RTLD_NEXT, "pread");
    real_pread64 = dlsym(RTLD_NEXT, "pread64");
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    flag = getenv("MOTCUA_STALLED_DISK_FLAG");
    files = getenv("MOTCUA_STALLED_DISK_FILES");
}

/// Returns once the disk answers again, if `fd` is one of the database's files and the disk is stalled.
static void wait_while_stalled(int fd) {
    pthread_once(&once, start);
    if (!flag || !files || !is_database_file(fd, files)) return;
    struct timespec tick = {0, 10 * 1000 * 1000};
    while (access(flag, F_OK) == 0) nanosleep(&tick, NULL);
}

int fsync(int fd) {
    wait_while_stalled(fd);
    return real_fsync(fd);
}

int fdatasync(int fd) {
    wait_while_stalled(fd);
    return real_fdatasync(fd);
}

ssize_t pread(int fd, void *buffer, size_t count, off_t offset) {
    wait_while_stalled(fd);
    return real_pread(fd, buffer, count, offset);
}

ssize_t pread64(int fd, void *buffer, size_t count, off_t offset) {
    wait_while_stalled(fd);
    return real_pread64(fd, buffer, count, offset);
}

ssize_t write(int fd, const void *buffer, size_t count) {
    wait_while_stalled(fd);
    return real_write(fd, buffer, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    wait_while_stalled(fd);
    return real_pwrite(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    wait_while_stalled(fd);
    return real_pwrite64(fd, buffer, count, offset);
}
