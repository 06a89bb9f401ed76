// Ổ đĩa có bộ nhớ đệm ghi — a model, loaded with LD_PRELOAD, of a disk whose write cache is lost in a power cut,
// for the power-cut mode of crash-test.py (issue #6: an acknowledged dossier must survive a power cut).
//
// For each file named in MOTCUA_VOLATILE_FILES (absolute paths, separated by ':'; the SQLite database and its -wal),
// the model keeps what a power cut could not take away, `FILE.durable`, and what it could, `FILE.unsynced`:
//   - when the process first opens FILE, its contents are durable (a copy is made unless `FILE.durable` exists);
//   - every write or truncation of FILE is done, then appended to `FILE.unsynced` as a record;
//   - fsync or fdatasync of FILE applies its unsynced records to `FILE.durable`, in order, and empties the log; that
//     is all a flush does here (no real fsync: the model is the disk).
// After the process is killed, crash-test.py builds what the disk holds when the power comes back: `FILE.durable`
// and any part of the unsynced records, each 512-byte sector of each kept or lost. POSIX promises no more than this
// for a file (its own fsync), so this is the weakest disk SQLite must survive on.
// Flushes of the files named in MOTCUA_VOLATILE_FLUSH_IGNORED do nothing: a disk that lies about them (the log's
// alone: what SQLite's synchronous=NORMAL promises). The test must then fail, which shows it can.
//
// Record in `FILE.unsynced`: magic "MCVD", kind (1 write, 2 truncate), offset, length (each little-endian uint32 /
// uint64 as the machine writes them), then `length` bytes for a write.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { MAX_FILES = 4, MAX_FDS = 65536, KIND_WRITE = 1, KIND_TRUNCATE = 2 };

struct record_head {
    char magic[4];
    uint32_t kind;
    uint64_t offset;
    uint64_t length;
};

struct volatile_file {
    char path[PATH_MAX];
    int log_fd;      // FILE.unsynced, -1 until FILE is first opened
    int durable_fd;  // FILE.durable
    int flush_ignored;
};

static struct volatile_file files[MAX_FILES];
static int file_count;
static unsigned char fd_file[MAX_FDS];  // 1 + index into files for a descriptor of a volatile file, else 0
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int (*real_open)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_close)(int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static ssize_t (*real_read)(int, void *, size_t);
static int (*real_ftruncate)(int, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_unlink)(const char *);

/// The absolute path of `path` with its folder resolved, as the model names files (the file itself may not exist).
static int canonical(const char *path, char *out) {
    char copy[PATH_MAX], folder[PATH_MAX];
    if (strlen(path) >= PATH_MAX) return -1;
    strcpy(copy, path);
    if (!realpath(dirname(copy), folder)) return -1;
    strcpy(copy, path);
    const char *name = basename(copy);
    if (strlen(folder) + 1 + strlen(name) >= PATH_MAX) return -1;
    strcpy(out, folder);
    strcat(out, "/");
    strcat(out, name);
    return 0;
}

static int volatile_index(const char *path) {
    char name[PATH_MAX];
    if (file_count == 0 || canonical(path, name) != 0) return -1;
    for (int index = 0; index < file_count; index++)
        if (strcmp(files[index].path, name) == 0) return index;
    return -1;
}

/// The ':'-separated paths of the environment's `variable`, copied into `out` to be cut; 0 if it is not set.
static int paths(const char *variable, char *out, size_t size) {
    const char *list = getenv(variable);
    if (!list) return 0;
    strncpy(out, list, size - 1);
    out[size - 1] = 0;
    return 1;
}

static void start(void) {
    real_open = dlsym(RTLD_NEXT, "open");
    real_openat = dlsym(RTLD_NEXT, "openat");
    real_close = dlsym(RTLD_NEXT, "close");
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_writev = dlsym(RTLD_NEXT, "writev");
    real_pwritev = dlsym(RTLD_NEXT, "pwritev");
    real_read = dlsym(RTLD_NEXT, "read");
    real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_unlink = dlsym(RTLD_NEXT, "unlink");
    char names[MAX_FILES * PATH_MAX];
    if (!paths("MOTCUA_VOLATILE_FILES", names, sizeof names)) return;
    for (char *save = NULL, *name = strtok_r(names, ":", &save); name && file_count < MAX_FILES;
         name = strtok_r(NULL, ":", &save)) {
        if (canonical(name, files[file_count].path) == 0) {
            files[file_count].log_fd = -1;
            files[file_count].durable_fd = -1;
            file_count++;
        }
    }
    if (!paths("MOTCUA_VOLATILE_FLUSH_IGNORED", names, sizeof names)) return;
    for (char *save = NULL, *name = strtok_r(names, ":", &save); name; name = strtok_r(NULL, ":", &save)) {
        int index = volatile_index(name);
        if (index >= 0) files[index].flush_ignored = 1;
    }
}

static int write_all(int fd, const void *bytes, size_t length, off_t offset) {
    const char *at = bytes;
    while (length > 0) {
        ssize_t written = offset < 0 ? real_write(fd, at, length) : real_pwrite(fd, at, length, offset);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return -1;
        at += written;
        length -= (size_t)written;
        if (offset >= 0) offset += written;
    }
    return 0;
}

/// The first time the process opens a volatile file: what it holds now is durable, unless the model already says.
static void open_model(struct volatile_file *file) {
    if (file->log_fd >= 0) return;
    char name[PATH_MAX + 16];
    snprintf(name, sizeof name, "%s.durable", file->path);
    file->durable_fd = real_open(name, O_RDWR | O_CLOEXEC);
    if (file->durable_fd < 0) {
        file->durable_fd = real_open(name, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        int source = real_open(file->path, O_RDONLY | O_CLOEXEC);
        char buffer[65536];
        ssize_t count;
        while (source >= 0 && (count = real_read(source, buffer, sizeof buffer)) > 0)
            write_all(file->durable_fd, buffer, (size_t)count, -1);
        if (source >= 0) real_close(source);
    }
    snprintf(name, sizeof name, "%s.unsynced", file->path);
    file->log_fd = real_open(name, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

static void remember(int fd, const char *path) {
    if (fd < 0 || fd >= MAX_FDS) return;
    pthread_once(&once, start);
    int index = volatile_index(path);
    pthread_mutex_lock(&lock);
    fd_file[fd] = (unsigned char)(index + 1);
    if (index >= 0) open_model(&files[index]);
    pthread_mutex_unlock(&lock);
}

static struct volatile_file *file_of(int fd) {
    return fd >= 0 && fd < MAX_FDS && fd_file[fd] ? &files[fd_file[fd] - 1] : NULL;
}

static void log_record(struct volatile_file *file, uint32_t kind, uint64_t offset, const struct iovec *parts, int count) {
    struct record_head head = {{'M', 'C', 'V', 'D'}, kind, offset, 0};
    for (int part = 0; part < count; part++) head.length += parts[part].iov_len;
    write_all(file->log_fd, &head, sizeof head, -1);
    for (int part = 0; part < count; part++) write_all(file->log_fd, parts[part].iov_base, parts[part].iov_len, -1);
}

/// The first `length` bytes of `parts`, as the parts that hold them (a short write wrote only those).
static int written_parts(const struct iovec *parts, int count, size_t length, struct iovec *out) {
    int used = 0;
    for (int part = 0; part < count && length > 0 && used < IOV_MAX; part++) {
        size_t take = parts[part].iov_len < length ? parts[part].iov_len : length;
        out[used].iov_base = parts[part].iov_base;
        out[used++].iov_len = take;
        length -= take;
    }
    return used;
}

/// A flush: the file's unsynced records applied to its durable copy, in order, and the log emptied.
static void flush_model(struct volatile_file *file) {
    if (file->flush_ignored) return;
    off_t end = lseek(file->log_fd, 0, SEEK_END);
    char *log = malloc(end > 0 ? (size_t)end : 1);
    off_t have = 0;
    while (have < end) {
        ssize_t count = pread(file->log_fd, log + have, (size_t)(end - have), have);
        if (count <= 0) break;
        have += count;
    }
    for (off_t at = 0; at + (off_t)sizeof(struct record_head) <= have;) {
        struct record_head head;
        memcpy(&head, log + at, sizeof head);
        if (memcmp(head.magic, "MCVD", 4) != 0) break;
        at += sizeof head;
        if (head.kind == KIND_TRUNCATE) {
            real_ftruncate(file->durable_fd, (off_t)head.offset);
        } else {
            if (at + (off_t)head.length > have) break;
            write_all(file->durable_fd, log + at, head.length, (off_t)head.offset);
            at += head.length;
        }
    }
    free(log);
    real_ftruncate(file->log_fd, 0);
}

/// A write to a volatile file, done and logged under the lock, so that no flush comes between the two.
static ssize_t logged_write(struct volatile_file *file, int fd, const struct iovec *parts, int count, off_t offset,
                            int positioned) {
    pthread_mutex_lock(&lock);
    off_t at = positioned ? offset : lseek(fd, 0, SEEK_CUR);
    ssize_t written = positioned ? real_pwritev(fd, parts, count, offset) : real_writev(fd, parts, count);
    if (written > 0) {
        struct iovec done[IOV_MAX];
        log_record(file, KIND_WRITE, (uint64_t)at, done, written_parts(parts, count, (size_t)written, done));
    }
    pthread_mutex_unlock(&lock);
    return written;
}

/// The mode an open call was given: its third argument, there only when the call may create the file.
#define CREATION_MODE(flags, mode)                      \
    do {                                                \
        if ((flags) & (O_CREAT | O_TMPFILE)) {          \
            va_list arguments;                          \
            va_start(arguments, flags);                 \
            (mode) = va_arg(arguments, mode_t);         \
            va_end(arguments);                          \
        }                                               \
    } while (0)

int open(const char *path, int flags, ...) {
    pthread_once(&once, start);
    mode_t mode = 0;
    CREATION_MODE(flags, mode);
    int fd = real_open(path, flags, mode);
    remember(fd, path);
    return fd;
}

int open64(const char *path, int flags, ...) __attribute__((alias("open")));

int openat(int folder, const char *path, int flags, ...) {
    pthread_once(&once, start);
    mode_t mode = 0;
    CREATION_MODE(flags, mode);
    int fd = real_openat(folder, path, flags, mode);
    if (path[0] == '/' || folder == AT_FDCWD) remember(fd, path);
    return fd;
}

int openat64(int folder, const char *path, int flags, ...) __attribute__((alias("openat")));

int close(int fd) {
    pthread_once(&once, start);
    if (fd >= 0 && fd < MAX_FDS) {
        pthread_mutex_lock(&lock);
        fd_file[fd] = 0;
        pthread_mutex_unlock(&lock);
    }
    return real_close(fd);
}

ssize_t write(int fd, const void *bytes, size_t length) {
    pthread_once(&once, start);
    struct volatile_file *file = file_of(fd);
    if (!file) return real_write(fd, bytes, length);
    struct iovec part = {(void *)bytes, length};
    return logged_write(file, fd, &part, 1, 0, 0);
}

ssize_t pwrite(int fd, const void *bytes, size_t length, off_t offset) {
    pthread_once(&once, start);
    struct volatile_file *file = file_of(fd);
    if (!file) return real_pwrite(fd, bytes, length, offset);
    struct iovec part = {(void *)bytes, length};
    return logged_write(file, fd, &part, 1, offset, 1);
}

ssize_t pwrite64(int fd, const void *bytes, size_t length, off_t offset) __attribute__((alias("pwrite")));

ssize_t writev(int fd, const struct iovec *parts, int count) {
    pthread_once(&once, start);
    struct volatile_file *file = file_of(fd);
    return file ? logged_write(file, fd, parts, count, 0, 0) : real_writev(fd, parts, count);
}

ssize_t pwritev(int fd, const struct iovec *parts, int count, off_t offset) {
    pthread_once(&once, start);
    struct volatile_file *file = file_of(fd);
    return file ? logged_write(file, fd, parts, count, offset, 1) : real_pwritev(fd, parts, count, offset);
}

ssize_t pwritev64(int fd, const struct iovec *parts, int count, off_t offset) __attribute__((alias("pwritev")));

int ftruncate(int fd, off_t length) {
    pthread_once(&once, start);
    struct volatile_file *file = file_of(fd);
    if (!file) return real_ftruncate(fd, length);
    pthread_mutex_lock(&lock);
    int result = real_ftruncate(fd, length);
    if (result == 0) log_record(file, KIND_TRUNCATE, (uint64_t)length, NULL, 0);
    pthread_mutex_unlock(&lock);
    return result;
}

int ftruncate64(int fd, off_t length) __attribute__((alias("ftruncate")));

static int flush(int fd, int (*real)(int)) {
    pthread_once(&once, start);
    struct volatile_file *file = file_of(fd);
    if (!file) return real(fd);
    pthread_mutex_lock(&lock);
    flush_model(file);
    pthread_mutex_unlock(&lock);
    return 0;
}

int fsync(int fd) { return flush(fd, real_fsync); }

int fdatasync(int fd) { return flush(fd, real_fdatasync); }

/// A volatile file removed (SQLite removes its -wal when the last connection closes): its model goes with it.
int unlink(const char *path) {
    pthread_once(&once, start);
    int index = volatile_index(path);
    int result = real_unlink(path);
    if (index >= 0 && result == 0) {
        pthread_mutex_lock(&lock);
        char name[PATH_MAX + 16];
        snprintf(name, sizeof name, "%s.durable", files[index].path);
        real_unlink(name);
        snprintf(name, sizeof name, "%s.unsynced", files[index].path);
        real_unlink(name);
        if (files[index].log_fd >= 0) {
            real_close(files[index].log_fd);
            real_close(files[index].durable_fd);
        }
        files[index].log_fd = files[index].durable_fd = -1;
        for (int fd = 0; fd < MAX_FDS; fd++)
            if (fd_file[fd] == index + 1) fd_file[fd] = 0;
        pthread_mutex_unlock(&lock);
    }
    return result;
}
