// Les fichiers de la base — shared by the disk models loaded with LD_PRELOAD (`full-disk.c`, `stalled-disk.c`): whether
// a file descriptor is one of the database's files (the SQLite file, its -wal and its -shm), by the path it is open at.
#pragma once
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/// Whether `fd` is open at a path that starts with `prefix` (the database's path).
static int is_database_file(int fd, const char *prefix) {
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, path, sizeof path - 1);
    if (length <= 0) return 0;
    path[length] = 0;
    return strncmp(path, prefix, strlen(prefix)) == 0;
}
