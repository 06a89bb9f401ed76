import Foundation

/// Ghi bền — makes what was written to a file, or a folder's new and renamed entries, durable: `fsync` of the path
/// opened for reading (which POSIX allows for folders too). Until then a power cut may take it back.
public enum DurableFile {
    /// Flushes the file or folder at `path` to the disk.
    public static func flush(_ path: String) throws {
        try call(fsync, on: path)
    }

    /// Flushes everything written to the file system `path` lies on (`syncfs`): one call for a folder of thousands of
    /// new files, where a flush of each would wait for the disk thousands of times.
    public static func flushFileSystem(of path: String) throws {
        try call(linuxSyncFileSystem, on: path)
    }

    /// Opens `path` for reading, calls `flush` on its descriptor and closes it; throws the system's error.
    private static func call(_ flush: (Int32) -> Int32, on path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard flush(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

/// Linux's `syncfs(2)`, which Glibc declares only for GNU sources, out of Swift's sight.
@_silgen_name("syncfs")
private func linuxSyncFileSystem(_ descriptor: Int32) -> Int32
